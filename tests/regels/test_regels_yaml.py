"""Rule tests an analyst can read and write: one YAML file per provision in this folder, run by this one test.

A file (see README.md here) names the provision, optional defaults for every household (`standaard`), the parts of the
provision kotwijzer does not model (`niet_gemodelleerd`, each checked against the coverage registry) and its cases
(`gevallen`). A case has a `naam`, the `bepaling` (lid, onderdeel) it tests, the berekeningsjaar (`jaar`), the
`huishouden` in kotwijzer's input format (merged over `standaard`) and what is `verwacht`, month by month:

    verwacht:
      maanden_met_aanspraak: 1-6          # or a list [1, 2, 3], "alle" or "geen"
      reden: {1-6: alleenstaand_voldoet, 7-12: aanvrager_voldoet_niet}
      toeslag: {1-6: "960.00"}            # euros per month, all children together
      uitbetaling: {1-6: "960"}           # the whole euros paid per month
      kinderen: {1: {1-12: {uurprijs_gebruikt: "11.23", eerste_kind: true, percentage: "96.0"}}}
      jaar: {toeslag: "5760.00", uren_in_aanmerking: "2220"}

Months are written as 3, "1-6" or "alle". The expectations are worked out by hand from the law text, the official
tables and the worked examples named in each file, never copied from kotwijzer's output.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from kotwijzer.compute import bereken
from kotwijzer.model import Huishouden

MAP = Path(__file__).parent
REGISTER = Path(__file__).resolve().parents[2] / "src" / "kotwijzer" / "dekking.yaml"


def _maanden(spec: Any) -> list[int]:
    if isinstance(spec, int):
        return [spec]
    if isinstance(spec, list):
        return [int(m) for m in spec]
    tekst = str(spec).strip()
    if tekst == "alle":
        return list(range(1, 13))
    if tekst == "geen":
        return []
    uit: list[int] = []
    for deel in tekst.split(","):
        van, _, tot = deel.strip().partition("-")
        uit += list(range(int(van), int(tot or van) + 1))
    return uit


def _per_maand(spec: dict[Any, Any]) -> dict[int, Any]:
    uit: dict[int, Any] = {}
    for maanden, waarde in spec.items():
        for m in _maanden(maanden):
            assert m not in uit, f"maand {m} staat twee keer in {spec}"
            uit[m] = waarde
    return uit


def _gelijk(werkelijk: Any, verwacht: Any) -> bool:
    if isinstance(verwacht, bool) or verwacht is None:
        return werkelijk is verwacht or werkelijk == verwacht
    if (
        isinstance(verwacht, (int, float, str))
        and isinstance(werkelijk, (int, Decimal))
        and not isinstance(werkelijk, bool)
    ):
        return Decimal(str(werkelijk)) == Decimal(str(verwacht))
    return str(getattr(werkelijk, "value", werkelijk)) == str(verwacht)


def _samen(standaard: dict[str, Any], eigen: dict[str, Any]) -> dict[str, Any]:
    uit = copy.deepcopy(standaard)
    uit.update(copy.deepcopy(eigen))
    return uit


def _bestanden() -> list[Path]:
    return sorted(MAP.glob("*.yaml"))


def _gevallen():
    for pad in _bestanden():
        doc = yaml.safe_load(pad.read_text(encoding="utf-8"))
        for geval in doc["gevallen"]:
            yield pytest.param(doc, geval, id=f"{pad.stem}: {geval['naam']}")


def test_er_zijn_regeltests():
    assert len(_bestanden()) >= 4
    assert sum(1 for _ in _gevallen()) >= 40


@pytest.mark.parametrize(("doc", "geval"), list(_gevallen()))
def test_regel(doc, geval):
    jaar = int(geval["jaar"])
    data = _samen(doc.get("standaard", {}), geval["huishouden"])
    data["berekeningsjaar"] = jaar
    data.setdefault("aanvraagdatum", f"{jaar}-01-01")
    r = bereken(Huishouden.model_validate(data))
    verwacht = geval["verwacht"]
    fouten: list[str] = []
    maand = {m.maand: m for m in r.maanden}

    if "maanden_met_aanspraak" in verwacht:
        wel = _maanden(verwacht["maanden_met_aanspraak"])
        echt = [m.maand for m in r.maanden if m.aanspraak]
        if echt != wel:
            fouten.append(f"maanden met aanspraak: {echt}, verwacht {wel}")
    for veld, attribuut in (("reden", "reden"), ("toeslag", "toeslag"), ("uitbetaling", "uitbetaling_voorschot")):
        for m, waarde in _per_maand(verwacht.get(veld, {})).items():
            echt = getattr(maand[m], attribuut)
            if not _gelijk(echt, waarde):
                fouten.append(f"maand {m} {veld}: {echt}, verwacht {waarde}")
    for k, per_maand in verwacht.get("kinderen", {}).items():
        for m, velden in _per_maand(per_maand).items():
            km = next((x for x in maand[m].kinderen if x.kind == int(k)), None)
            if km is None:
                fouten.append(f"maand {m}: kind {k} ontbreekt")
                continue
            for veld, waarde in velden.items():
                if not _gelijk(getattr(km, veld), waarde):
                    fouten.append(f"maand {m} kind {k} {veld}: {getattr(km, veld)}, verwacht {waarde}")
    for veld, waarde in verwacht.get("jaar", {}).items():
        if not _gelijk(getattr(r.jaar, veld), waarde):
            fouten.append(f"jaar {veld}: {getattr(r.jaar, veld)}, verwacht {waarde}")
    assert set(verwacht) <= {"maanden_met_aanspraak", "reden", "toeslag", "uitbetaling", "kinderen", "jaar"}, verwacht
    assert verwacht, "een geval zonder verwachting"
    assert not fouten, f"{geval['bepaling']} ({jaar}): " + "; ".join(fouten)


@pytest.mark.parametrize("pad", _bestanden(), ids=lambda p: p.stem)
def test_wat_niet_gemodelleerd_is_staat_in_het_dekkingsregister(pad):
    doc = yaml.safe_load(pad.read_text(encoding="utf-8"))
    regels = {r["id"]: r for r in yaml.safe_load(REGISTER.read_text(encoding="utf-8"))}
    for item in doc.get("niet_gemodelleerd", []):
        assert item["register"] in regels, (
            f"{item['bepaling']}: '{item['register']}' staat niet in het dekkingsregister"
        )
        assert regels[item["register"]]["status"] in ("niet_gemodelleerd", "vereenvoudigd"), item
