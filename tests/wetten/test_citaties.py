"""Every citation resolves: each provision a rule, reason or parameter cites exists in the shipped law text of every
year in which the rule applies (2021-2026); a citation of a lid that does not exist in that version fails."""

import datetime as dt
import inspect
from importlib import resources

import pytest
import yaml

from kotwijzer.params import regelparameters
from kotwijzer.params.loader import bron_uit_data, maximum_uurprijs
from kotwijzer.rules import aanspraak, bedrag, codes, kalender, uren
from kotwijzer.wetten import teksten
from kotwijzer.wetten.bron import Bron, bkot, wko

JAREN = range(2021, 2028)


def _alle_bronnen() -> list[tuple[str, Bron]]:
    out: list[tuple[str, Bron]] = []
    for o in codes.ONDERDELEN:
        out += [(f"onderdeel {o.code}", b) for b in o.bronnen]
    for r in codes.REDENEN:
        out += [(f"reden {r.code}", b) for b in r.bronnen]
    for k in codes.KIND_REDENEN:
        out += [(f"kindreden {k.code}", b) for b in k.bronnen]
    for mod in (aanspraak, bedrag, kalender, uren):
        for naam, waarde in vars(mod).items():
            if naam.isupper() and isinstance(waarde, tuple) and waarde and isinstance(waarde[0], Bron):
                out += [(f"{mod.__name__}.{naam}", b) for b in waarde]
            if inspect.isfunction(waarde) and hasattr(waarde, "bronnen"):
                out += [(f"{mod.__name__}.{naam}", b) for b in waarde.bronnen]
    for naam, p in regelparameters().items():
        out += [(f"parameter {naam}", b) for b in p.bron]
    out += [("maximum_uurprijs", b) for b in maximum_uurprijs(2026).bronnen]
    return out


def _bestaat_in_jaar(b: Bron, jaar: int) -> bool:
    """The provision in the version in force on 1 January of `jaar`. For the Besluit kinderopvangtoeslag after 2023
    no text is shipped (docs/bronnen-onderzoek.md): there the latest shipped version must contain it."""
    peil = dt.date(jaar, 1, 1)
    versie = teksten.laatste_versie_tot(b.wet, peil)
    return teksten.bestaat(b, versie)


@pytest.mark.parametrize("jaar", JAREN)
def test_elke_bron_bestaat_in_de_versie_van_dat_jaar(jaar):
    missend = [f"{wie}: {b.kort()}" for wie, b in _alle_bronnen() if b.geldt_in(jaar) and not _bestaat_in_jaar(b, jaar)]
    assert not missend, f"{jaar}: citaties zonder wettekst: {missend}"


def test_een_niet_bestaand_lid_wordt_gevonden():
    assert not _bestaat_in_jaar(wko("1.6", 12), 2026)
    assert not _bestaat_in_jaar(wko("1.6", 11), 2026)  # lid 11 is gone in the 2026 version
    assert _bestaat_in_jaar(wko("1.6", 11), 2023)
    assert not _bestaat_in_jaar(wko("1.6", 10), 2021)  # detention exception only from 2022
    assert not _bestaat_in_jaar(bkot("8a", 1, "b", "5°"), 2021)  # 5° retroactive to 2022 only (seed 004 art. II)


def test_dekkingsregister_citaties_bestaan():
    register = yaml.safe_load(resources.files("kotwijzer").joinpath("dekking.yaml").read_text(encoding="utf-8"))
    assert {r["status"] for r in register} <= {"gemodelleerd", "vereenvoudigd", "niet_gemodelleerd"}
    fout = []
    for r in register:
        for d in r["bron"]:
            b = bron_uit_data(d)
            if not teksten.bestaat(b, teksten.laatste_versie_tot(b.wet, dt.date.fromisoformat(d["versie"]))):
                fout.append(f"{r['id']}: {b.kort()} ({d['versie']})")
    assert not fout


def test_uitleg_toont_wettekst_en_markeert_terugval():
    from kotwijzer.explain.uitleg import wettekst

    w = wettekst(wko("1.6", 8), dt.date(2023, 5, 1))
    assert "3.2.2" in w["tekst"] and w["versie"] == "2023-01-01" and not w["terugval"]
    w = wettekst(bkot("3", 3), dt.date(2026, 5, 1))
    assert "hoogste kosten" in w["tekst"] and w["versie"] == "2026-01-01" and not w["terugval"]
    # the maximum uurprijzen of 2027 are not published yet: their provision is not cited for 2027
    from kotwijzer.params.loader import max_meta
    from kotwijzer.wetten.bron import Bron

    lid1 = [b for b in max_meta()["bron_artikel"] if b["wet"] == "Bkot" and str(b.get("lid")) == "1"]
    assert lid1 and all(
        not Bron("Bkot", "4", "1", None, None, b.get("vanaf_jaar"), b.get("tot_jaar")).geldt_in(2027) for b in lid1
    )


def test_docs_dekking_is_actueel():
    from pathlib import Path

    from kotwijzer.dekking import als_markdown

    doc = Path(__file__).resolve().parents[2] / "docs" / "dekking.md"
    assert doc.read_text(encoding="utf-8") == als_markdown(), (
        "regenereer met: kotwijzer dekking --uitvoer docs/dekking.md"
    )
