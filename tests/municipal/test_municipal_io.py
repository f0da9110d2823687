"""Import/export of the municipal catalogus: lossless YAML and CSV round trips and Dutch import errors."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kotwijzer.municipal import (
    Activiteit,
    Catalogus,
    Gemeente,
    GemeentelijkBeleid,
    ImportFout,
    lees_csv,
    lees_yaml,
    naar_csv,
    naar_yaml,
    schrijf_csv,
    schrijf_yaml,
    van_csv,
    van_yaml,
    voorbeeldcatalogus,
)
from kotwijzer.municipal.io import ACTIVITEIT_KOLOMMEN, GEMEENTE_KOLOMMEN
from kotwijzer.municipal.models import Categorie, Doel, Soort


def test_voorbeeld_round_trip_yaml_en_csv(tmp_path: Path) -> None:
    cat = voorbeeldcatalogus()
    assert van_yaml(naar_yaml(cat)) == cat
    teksten = naar_csv(cat)
    assert van_csv(teksten.gemeenten, teksten.activiteiten) == cat
    schrijf_yaml(cat, tmp_path / "c.yaml", kop="Voorbeeld\nniet echt")
    assert (tmp_path / "c.yaml").read_text(encoding="utf-8").startswith("# Voorbeeld\n# niet echt\n")
    assert lees_yaml(tmp_path / "c.yaml") == cat
    schrijf_csv(cat, tmp_path / "g.csv", tmp_path / "a.csv")
    assert lees_csv(tmp_path / "g.csv", tmp_path / "a.csv") == cat
    kop_g, kop_a = teksten.gemeenten.splitlines()[0], teksten.activiteiten.splitlines()[0]
    assert kop_g.split(",") == list(GEMEENTE_KOLOMMEN) and kop_a.split(",") == list(ACTIVITEIT_KOLOMMEN)


# --- hypothesis: arbitrary catalogues ---------------------------------------------------------------------------

tekst = st.text(st.characters(exclude_categories=("Cs",)), max_size=25)
naam = tekst.filter(lambda s: bool(s.strip()))
slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
fractie = st.decimals(min_value=0, max_value=1, places=4)
cent = st.one_of(st.none(), st.integers(0, 10**7))


@st.composite
def activiteiten(draw: st.DrawFn) -> Activiteit:
    categorie = draw(st.sampled_from(list(Categorie)))
    doel = {
        Categorie.A: Doel.re_integratie,
        Categorie.C: Doel.participatie,
        Categorie.B: draw(st.sampled_from(list(Doel))),
    }[categorie]
    return Activiteit(
        code=draw(slug),
        naam=draw(naam),
        soort=draw(st.sampled_from(list(Soort))),
        categorie=categorie,
        reintegratiecode=draw(st.one_of(st.none(), st.integers(1, 999))),
        doel=doel,
        uren_per_week=draw(st.one_of(st.none(), st.decimals(min_value=0, max_value=168, places=2))),
        individueel_plan_vereist=draw(st.booleans()),
        toelichting=draw(tekst),
        herkomst=draw(tekst),
    )


@st.composite
def beleid(draw: st.DrawFn) -> GemeentelijkBeleid:
    boven = draw(st.booleans())
    return GemeentelijkBeleid(
        fractie_restant=draw(fractie),
        maximum_per_maand_cent=draw(cent),
        boven_wettelijk=boven,
        boven_wettelijk_fractie=draw(fractie) if boven else None,
        boven_wettelijk_maximum_per_maand_cent=draw(cent) if boven else None,
        boven_wettelijk_grondslag=draw(tekst) if boven else "",
        smi_aangeboden=draw(st.booleans()),
        toelichting=draw(tekst),
    )


@st.composite
def catalogi(draw: st.DrawFn) -> Catalogus:
    nummers = draw(st.lists(st.integers(0, 9999), min_size=1, max_size=4, unique=True))
    gemeenten = []
    for n in nummers:
        voorbeeld = n >= 9900 or draw(st.booleans())
        gemeenten.append(
            Gemeente(
                cbs_code=f"GM{n:04d}",
                naam=("Voorbeeldgemeente " if voorbeeld else "") + draw(naam),
                voorbeeld=voorbeeld,
                toelichting=draw(tekst),
            )
        )
    acts = {}
    for g in gemeenten:
        lijst = draw(st.lists(activiteiten(), max_size=4, unique_by=lambda a: a.code))
        acts[g.cbs_code] = lijst
    pol = {g.cbs_code: draw(beleid()) for g in gemeenten if draw(st.booleans())}
    return Catalogus(gemeenten=gemeenten, activiteiten=acts, beleid=pol)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogi())
def test_round_trip_yaml_hypothesis(cat: Catalogus) -> None:
    terug = van_yaml(naar_yaml(cat))
    assert terug == cat
    assert terug.model_dump() == cat.model_dump()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogi())
def test_round_trip_csv_hypothesis(cat: Catalogus) -> None:
    teksten = naar_csv(cat)
    terug = van_csv(teksten.gemeenten, teksten.activiteiten)
    assert terug == cat
    assert naar_csv(terug) == teksten


# --- Dutch errors naming file, row and column -------------------------------------------------------------------

G_KOP = ",".join(GEMEENTE_KOLOMMEN)
A_KOP = ",".join(ACTIVITEIT_KOLOMMEN)
G_OK = "GM0001,Testgemeente,nee,,ja,1,,nee,,,,ja,"
A_OK = "GM0001,pp,Participatieplaats,participatieplaats,A,22,re-integratie,,nee,,"


def _fout(gemeenten: str, activiteiten: str) -> ImportFout:
    with pytest.raises(ImportFout) as fout:
        van_csv(gemeenten, activiteiten, gemeenten_bestand="g.csv", activiteiten_bestand="a.csv")
    return fout.value


def test_csv_goed() -> None:
    cat = van_csv(f"{G_KOP}\n{G_OK}\n", f"{A_KOP}\n{A_OK}\n")
    assert cat.activiteit("GM0001", "pp").reintegratiecode == 22
    assert cat.beleid_van("GM0001") == GemeentelijkBeleid(fractie_restant=1, smi_aangeboden=True)
    # optional columns may be left out; a comma as decimal separator and JA/Nee are accepted
    cat2 = van_csv(
        'cbs_code,naam,beleid,fractie_restant\nGM0002,Andere gemeente,JA,"0,25"\n',
        "gemeente,code,naam,soort,categorie\nGM0002,sport,Sport,sport,C\n",
    )
    assert cat2.beleid_van("GM0002").fractie_restant == Decimal("0.25")  # type: ignore[union-attr]
    assert cat2.activiteit("GM0002", "sport").doel is Doel.participatie


@pytest.mark.parametrize(
    ("gemeenten", "activiteiten", "verwacht"),
    [
        (
            f"{G_KOP}\n{G_OK}\n",
            f"{A_KOP}\n{A_OK}\n" + A_OK.replace(",pp,", ",qq,").replace(",A,", ",D,") + "\n",
            "a.csv, rij 3, kolom 'categorie': Kies een van deze waarden:",
        ),
        (
            f"{G_KOP}\n{G_OK}\n",
            f"{A_KOP}\n{A_OK}\n{A_OK}\n",
            "a.csv, rij 3, kolom 'code': activiteit 'pp' van gemeente GM0001 staat ook al in rij 2",
        ),
        (
            f"{G_KOP}\n{G_OK}\n",
            f"{A_KOP}\n" + A_OK.replace("GM0001", "GM0002") + "\n",
            "a.csv, rij 2, kolom 'gemeente': gemeente 'GM0002' staat niet in g.csv",
        ),
        (
            f"{G_KOP}\n{G_OK}\n",
            f"{A_KOP}\n" + A_OK.replace(",nee,", ",misschien,") + "\n",
            "a.csv, rij 2, kolom 'individueel_plan_vereist': moet 'ja' of 'nee' zijn",
        ),
        (
            f"{G_KOP}\n{G_OK}\n",
            f"{A_KOP}\n" + A_OK.replace(",22,", ",twee,") + "\n",
            "a.csv, rij 2, kolom 'reintegratiecode': moet een geheel getal zijn",
        ),
        (
            f"{G_KOP}\n" + G_OK.replace("GM0001", "0001") + "\n",
            f"{A_KOP}\n",
            "g.csv, rij 2, kolom 'cbs_code': moet de vorm GM en vier cijfers hebben",
        ),
        (
            f"{G_KOP}\n{G_OK}\n{G_OK}\n",
            f"{A_KOP}\n",
            "g.csv, rij 3, kolom 'cbs_code': gemeente GM0001 staat ook al in rij 2",
        ),
        (
            f"{G_KOP}\n" + G_OK.replace(",ja,1,", ",nee,1,") + "\n",
            f"{A_KOP}\n",
            "g.csv, rij 2, kolom 'fractie_restant': moet leeg zijn",
        ),
        (
            f"{G_KOP}\n" + G_OK.replace(",ja,1,", ",ja,2,") + "\n",
            f"{A_KOP}\n",
            "g.csv, rij 2, kolom 'fractie_restant': Vul een getal van 1 of minder in.",
        ),
        (f"{G_KOP}\n" + G_OK + "oeps\n", f"{A_KOP}\n", None),
        (f"{G_KOP}\n{G_OK}\n", "gemeente,code,naam,soort\n", "a.csv, rij 1, kolom 'categorie': deze kolom ontbreekt"),
        (f"{G_KOP},kleur\n{G_OK},rood\n", f"{A_KOP}\n", "g.csv, rij 1, kolom 'kleur': onbekende kolom"),
        (f"{G_KOP}\n{G_OK},extra\n", f"{A_KOP}\n", "g.csv, rij 2: de rij heeft 14 cellen, de kop heeft er 13"),
        ("", f"{A_KOP}\n", "g.csv, rij 1: het bestand is leeg"),
    ],
)
def test_csv_fouten_noemen_bestand_rij_kolom(gemeenten: str, activiteiten: str, verwacht: str | None) -> None:
    if verwacht is None:  # a beleid_toelichting without problems is fine
        van_csv(gemeenten, activiteiten)
        return
    fout = _fout(gemeenten, activiteiten)
    assert verwacht in str(fout), str(fout)
    assert all(p.bestand in {"g.csv", "a.csv"} for p in fout.problemen)


def test_csv_alle_fouten_tegelijk() -> None:
    fout = _fout(
        f"{G_KOP}\n{G_OK}\n",
        f"{A_KOP}\n" + A_OK.replace(",A,", ",X,") + "\n" + A_OK.replace(",pp,", ",Q Q,") + "\n",
    )
    assert len(fout.problemen) == 2
    assert str(fout).startswith("Er zijn 2 fouten gevonden")
    assert {(p.rij, p.kolom) for p in fout.problemen} == {(2, "categorie"), (3, "code")}


def test_yaml_fouten() -> None:
    with pytest.raises(
        ImportFout, match=re.escape("x.yaml, veld 'gemeenten': het bestand moet een lijst 'gemeenten' hebben")
    ):
        van_yaml("andere: 1\n", bestand="x.yaml")
    with pytest.raises(ImportFout, match=re.escape("x.yaml, regel 3: geen geldige YAML")):
        van_yaml("gemeenten:\n  - [\n", bestand="x.yaml")
    with pytest.raises(ImportFout) as fout:
        van_yaml(
            "gemeenten:\n  - cbs_code: GM0001\n    naam: Test\n    activiteiten:\n"
            "      - {code: a, naam: b, soort: sport, categorie: Q}\n",
            bestand="x.yaml",
        )
    assert "x.yaml, veld 'gemeente GM0001: activiteiten[0].categorie'" in str(fout.value)
    with pytest.raises(ImportFout, match="bestand niet gevonden"):
        lees_yaml(Path("/bestaat/niet.yaml"))
