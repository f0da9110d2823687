"""Provenance of every shipped law text (src/kotwijzer/wetten/data): each text names the consolidation it comes from
(repository, path, commit, consolidation date) and the amending Besluiten applied on top of it. The registry
`wetten/data/consolidaties.yaml` lists every consolidation and amendment the project knows of. These tests fail when a
shipped text is older than a recorded consolidation for a later date (not later than the version), and when an
amendment in force for a version is not listed or not applied."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
import yaml

from kotwijzer.wetten.bron import Bron
from kotwijzer.wetten.teksten import tekst

DATA = resources.files("kotwijzer.wetten").joinpath("data")
REGISTER = yaml.safe_load(DATA.joinpath("consolidaties.yaml").read_text(encoding="utf-8"))


def _d(x) -> dt.date:
    return x if isinstance(x, dt.date) else dt.date.fromisoformat(str(x))


def _bestanden():
    for wet_map in sorted(DATA.iterdir(), key=lambda p: p.name):
        if not wet_map.is_dir():
            continue
        for f in sorted(wet_map.iterdir(), key=lambda p: p.name):
            if f.name.endswith(".yaml"):
                yield wet_map.name, yaml.safe_load(f.read_text(encoding="utf-8"))


BESTANDEN = list(_bestanden())


def _consolidaties(wet: str) -> list[dict]:
    """Recorded consolidations of a law: the registry's, plus the base consolidation of every shipped version."""
    out = list(REGISTER.get(wet, {}).get("consolidaties", []))
    for w, data in BESTANDEN:
        if w == wet:
            b = data["herkomst"]["basis"]
            out.append({"id": f"basis-{data['versie']}", **b, "datum": b["consolidatie"], "artikelen": "alle"})
    return out


def _bevat(cons: dict, artikel: str) -> bool:
    return cons["artikelen"] == "alle" or artikel in cons["artikelen"]


@pytest.mark.parametrize("wet,data", BESTANDEN, ids=[f"{w}-{d['versie']}" for w, d in BESTANDEN])
def test_elke_tekst_heeft_herkomst(wet, data):
    h = data.get("herkomst")
    assert h, f"{wet} {data['versie']}: geen herkomst"
    b = h["basis"]
    for veld in ("repository", "pad", "commit", "consolidatie"):
        assert b.get(veld), f"{wet} {data['versie']}: herkomst.basis.{veld} ontbreekt"
    assert len(b["commit"]) == 40
    assert _d(b["consolidatie"]) <= _d(data["versie"])
    assert isinstance(h.get("wijzigingen"), list)


@pytest.mark.parametrize("wet,data", BESTANDEN, ids=[f"{w}-{d['versie']}" for w, d in BESTANDEN])
def test_tekst_komt_uit_de_nieuwste_consolidatie(wet, data):
    versie = _d(data["versie"])
    alle = {c["id"]: c for c in _consolidaties(wet)}
    basis_datum = _d(data["herkomst"]["basis"]["consolidatie"])
    for art, inhoud in data["artikelen"].items():
        uit = (inhoud.get("herkomst") or {}).get("uit")
        datum = _d(alle[uit]["datum"]) if uit else basis_datum
        assert datum <= versie, (wet, data["versie"], art)
        nieuwer = [c["id"] for c in alle.values() if datum < _d(c["datum"]) <= versie and _bevat(c, art)]
        assert not nieuwer, (
            f"{wet} {data['versie']} art. {art} komt uit een consolidatie van {datum}, maar er is een "
            f"nieuwere: {nieuwer}"
        )


@pytest.mark.parametrize("wet,data", BESTANDEN, ids=[f"{w}-{d['versie']}" for w, d in BESTANDEN])
def test_elke_wijziging_is_toegepast(wet, data):
    versie = _d(data["versie"])
    register = {w["id"]: w for w in REGISTER.get(wet, {}).get("wijzigingen", [])}
    genoemd = data["herkomst"]["wijzigingen"]
    assert set(genoemd) <= set(register), (
        f"onbekende wijziging in {wet} {data['versie']}: {set(genoemd) - set(register)}"
    )
    basis = _d(data["herkomst"]["basis"]["consolidatie"])
    for w in register.values():
        if not (basis < _d(w["inwerking"]) <= versie and (w.get("tot") is None or versie <= _d(w["tot"]))):
            continue
        toetsen = [
            t
            for t in w["toetsen"]
            if t["artikel"] in data["artikelen"] and (t.get("tot") is None or versie <= _d(t["tot"]))
        ]
        if not toetsen:
            continue
        assert w["id"] in genoemd, f"{wet} {data['versie']}: wijziging {w['besluit']} is niet genoemd in herkomst"
        for t in toetsen:
            bron = Bron(wet, t["artikel"], t.get("lid"), t.get("onderdeel"), t.get("sub"))
            assert t["bevat"] in tekst(bron, versie), (
                f"{wet} {data['versie']}: {w['besluit']} niet toegepast in {bron.kort()}"
            )


def test_bkot_art_3_lid_3_hoogste_kosten_in_elke_versie():
    # shared/law README, corrections December 2026, item 1: "hoogste" since the consolidation of 2015-10-19
    for jaar in range(2021, 2028):
        t = tekst(Bron("Bkot", "3", "3"), dt.date(jaar, 1, 1))
        assert "hoogste kosten" in t and "laagste" not in t, jaar
        assert "vast welk kind als eerste kind" in tekst(Bron("Bkot", "3", "4"), dt.date(jaar, 1, 1))


def test_register_faalt_bij_nieuwere_consolidatie(monkeypatch):
    """The check itself: a consolidation recorded for a later date than the one a text was taken from makes the test
    fail."""
    extra = {
        "id": "nieuw",
        "repository": "x",
        "pad": "x",
        "commit": "0" * 40,
        "datum": dt.date(2020, 1, 1),
        "artikelen": ["3"],
    }
    monkeypatch.setitem(REGISTER["Bkot"], "consolidaties", REGISTER["Bkot"]["consolidaties"] + [extra])
    data = next(d for w, d in BESTANDEN if w == "Bkot" and d["versie"] == "2021-01-01")
    with pytest.raises(AssertionError, match="nieuwere"):
        test_tekst_komt_uit_de_nieuwste_consolidatie("Bkot", data)


def test_register_faalt_bij_niet_toegepaste_wijziging():
    data = next(d for w, d in BESTANDEN if w == "Bkot" and d["versie"] == "2022-01-01")
    oud = {**data, "artikelen": {**data["artikelen"]}}
    oud["herkomst"] = {
        **data["herkomst"],
        "wijzigingen": [w for w in data["herkomst"]["wijzigingen"] if w != "stb-2021-434"],
    }
    with pytest.raises(AssertionError, match="niet genoemd"):
        test_elke_wijziging_is_toegepast("Bkot", oud)
