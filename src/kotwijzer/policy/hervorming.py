"""Reforms as data: `policy/hervormingen/*.yaml`.

A reform changes rule parameters by name (`wijzigingen`, including the named rule switches in
`params/data/regels.yaml`), the percentage table (`tabel`) or the maximum uurprijzen (`maximum_uurprijs`). It never
carries code: the rules core applies it through `kotwijzer.params.parameters_voor_jaar`.

    code: R1
    naam: ...
    wijzigingen: {categorie_c_telt: true}
    tabel: {percentages_van_jaar: 2026}          # or {verschuiving_procentpunt: 2.0}
    maximum_uurprijs: {dagopvang: "10.50", buitenschoolse_opvang: "9.44", gastouderopvang: "7.60"}  # or {factor: 1.05}
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from kotwijzer.params import (
    JaarParameters,
    MaximumUurprijs,
    OngeldigeWetgeving,
    Tabel,
    maximum_uurprijs,
    parameters_voor_jaar,
    tabel,
    valideer_tabel,
)
from kotwijzer.params.loader import HOOGSTE_PROMILLE

BASIS = "basis"
VELDEN = ("code", "naam", "omschrijving", "bron", "wet", "wijzigingen", "tabel", "maximum_uurprijs", "verwachting")


class HervormingFout(ValueError):
    pass


@dataclass(frozen=True)
class Hervorming:
    code: str
    naam: str
    omschrijving: str = ""
    bron: str = ""
    wet: str = ""
    wijzigingen: dict[str, Any] = field(default_factory=dict)
    tabel: dict[str, Any] | None = None
    maximum_uurprijs: dict[str, Any] | None = None
    verwachting: str = ""
    bestand: str = ""

    def als_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


BASISSCENARIO = Hervorming(BASIS, "Huidige wet", "De wet zoals die geldt in het simulatiejaar (geen wijziging).")


def hervormingen_map() -> Path:
    return Path(str(resources.files("kotwijzer.policy").joinpath("hervormingen")))


def lees(pad: str | Path) -> Hervorming:
    pad = Path(pad)
    d = yaml.safe_load(pad.read_text(encoding="utf-8")) or {}
    onbekend = set(d) - set(VELDEN)
    if onbekend:
        raise HervormingFout(f"{pad.name}: onbekende velden {', '.join(sorted(onbekend))}")
    for verplicht in ("code", "naam"):
        if not d.get(verplicht):
            raise HervormingFout(f"{pad.name}: veld '{verplicht}' ontbreekt")
    if not (d.get("wijzigingen") or d.get("tabel") or d.get("maximum_uurprijs")):
        raise HervormingFout(f"{pad.name}: een hervorming moet iets wijzigen (wijzigingen, tabel of maximum_uurprijs)")
    if d["code"] == BASIS:
        raise HervormingFout(f"{pad.name}: de code '{BASIS}' is gereserveerd voor de huidige wet")
    tekst = lambda x: " ".join(str(x or "").split())  # noqa: E731
    return Hervorming(
        code=str(d["code"]),
        naam=tekst(d["naam"]),
        omschrijving=tekst(d.get("omschrijving")),
        bron=tekst(d.get("bron")),
        wet=tekst(d.get("wet")),
        wijzigingen=dict(d.get("wijzigingen") or {}),
        tabel=d.get("tabel"),
        maximum_uurprijs=d.get("maximum_uurprijs"),
        verwachting=tekst(d.get("verwachting")),
        bestand=pad.name,
    )


def alle(map_: str | Path | None = None) -> dict[str, Hervorming]:
    """All reforms in a folder (default: the shipped `policy/hervormingen`), by code, sorted by code."""
    map_ = Path(map_) if map_ is not None else hervormingen_map()
    out: dict[str, Hervorming] = {}
    for pad in sorted(map_.glob("*.yaml")):
        h = lees(pad)
        if h.code in out:
            raise HervormingFout(f"Code {h.code} komt twee keer voor ({out[h.code].bestand} en {pad.name})")
        out[h.code] = h
    return dict(sorted(out.items()))


def kies(keuze: str, map_: str | Path | None = None) -> list[Hervorming]:
    """'alle', a code (R1), a comma-separated list of codes, or a path to a YAML file."""
    if keuze.lower() == "alle":
        return list(alle(map_).values())
    if keuze.endswith((".yaml", ".yml")) and Path(keuze).exists():
        return [lees(keuze)]
    beschikbaar = alle(map_)
    out = []
    for code in (k.strip() for k in keuze.split(",") if k.strip()):
        if code not in beschikbaar:
            raise HervormingFout(f"Onbekende hervorming '{code}'. Beschikbaar: {', '.join(beschikbaar)} (of 'alle').")
        out.append(beschikbaar[code])
    return out


# ------------------------------------------------------------------------------------------ parameters
def _tabel_wijziging(spec: dict[str, Any], jaar: int) -> Tabel:
    basis = tabel(jaar)
    eerste = [int(x) for x in basis.eerste_kind]
    overige = [int(x) for x in basis.overige_kinderen]
    if "percentages_van_jaar" in spec:
        ander = tabel(int(spec["percentages_van_jaar"]))
        if len(ander.van) != len(basis.van):
            raise HervormingFout(
                f"De tabel van {spec['percentages_van_jaar']} heeft {len(ander.van)} rijen en die van {jaar} "
                f"{len(basis.van)}; rij voor rij overnemen kan niet."
            )
        eerste = [int(x) for x in ander.eerste_kind]
        overige = [int(x) for x in ander.overige_kinderen]
        herkomst = f"percentages van de tabel {spec['percentages_van_jaar']} ({ander.status}) op de grenzen van {jaar}"
    elif "verschuiving_procentpunt" in spec:
        d = int(Decimal(str(spec["verschuiving_procentpunt"])) * 10)
        eerste = [p if p < 0 else min(max(p + d, 0), HOOGSTE_PROMILLE) for p in eerste]  # a missing cell stays missing
        overige = [p if p < 0 else min(max(p + d, 0), HOOGSTE_PROMILLE) for p in overige]
        herkomst = f"percentages van {jaar} {d / 10:+.1f} procentpunt (hoogstens 96%)"
    else:
        raise HervormingFout("tabel: gebruik 'percentages_van_jaar' of 'verschuiving_procentpunt'")
    rijen = [
        {
            "income_from": str(int(basis.van[i])),
            "income_to_incl": "" if basis.tot[i] < 0 else str(int(basis.tot[i])),
            "pct_first_child": "" if eerste[i] < 0 else f"{eerste[i] / 10:.1f}",
            "pct_next_children": "" if overige[i] < 0 else f"{overige[i] / 10:.1f}",
            "status_first_child": "not_found" if eerste[i] < 0 else "hervorming",
            "status_next_children": "not_found" if overige[i] < 0 else "hervorming",
        }
        for i in range(len(basis.van))
    ]
    try:
        t = valideer_tabel(jaar, rijen, "hervorming")
    except OngeldigeWetgeving as e:
        raise HervormingFout(f"De gewijzigde tabel is ongeldig: {e}") from e
    return dataclasses.replace(t, bron=f"scenario: {herkomst}; grenzen: {basis.bron}", wettelijke_grondslag="scenario")


def _max_wijziging(spec: dict[str, Any], jaar: int) -> MaximumUurprijs:
    basis = maximum_uurprijs(jaar)
    if "factor" in spec:
        f = Decimal(str(spec["factor"]))
        cent = {k: int((Decimal(v) * f).to_integral_value()) for k, v in basis.cent.items()}
    else:
        cent = dict(basis.cent)
        for soort, bedrag in spec.items():
            if soort not in cent:
                raise HervormingFout(f"maximum_uurprijs: onbekende opvangsoort '{soort}'")
            d = Decimal(str(bedrag)) * 100
            if d != d.to_integral_value() or d <= 0:
                raise HervormingFout(f"maximum_uurprijs {soort}: {bedrag} is geen bedrag in centen")
            cent[soort] = int(d)
    return dataclasses.replace(basis, cent=cent, status="hervorming", bron=f"scenario (basis: {basis.bron})")


def parameters(h: Hervorming, jaar: int) -> JaarParameters:
    """The year's parameters with the reform applied (the baseline for `BASISSCENARIO`)."""
    try:
        return parameters_voor_jaar(
            jaar,
            h.wijzigingen or None,
            _tabel_wijziging(h.tabel, jaar) if h.tabel else None,
            _max_wijziging(h.maximum_uurprijs, jaar) if h.maximum_uurprijs else None,
        )
    except OngeldigeWetgeving as e:
        raise HervormingFout(f"Hervorming {h.code}: {e}") from e
