"""Tests for kotwijzer.municipal: the five cases of seed 000 ch. 4, the seven codes, the registration check,
the aanvullende tegemoetkoming (Wko 1.13), Participatiewet art. 9a, Dutch errors, the overview and the CLI.

Expected verdicts are taken from seed 000 ("Kinderopvangtoeslag in de Participatiewet", 2025); the line numbers
refer to shared/seeds/000_58666efdb858a250.txt. When that file is present, the tests also check that the quoted
verdict is really at those lines.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kotwijzer.cli_gemeente import app
from kotwijzer.municipal import (
    KOT_CODES,
    Activiteit,
    Catalogus,
    Categorie,
    GegevensFout,
    Gemeente,
    GemeentelijkBeleid,
    OnbekendeActiviteit,
    OnbekendeGemeente,
    bronnen,
    classificeer,
    controleer_catalogus,
    controleer_registratie,
    voorbeeldcatalogus,
)
from kotwijzer.municipal.bronnen import Seedverwijzing
from kotwijzer.municipal.codes import voorgestelde_code
from kotwijzer.municipal.io import voorbeeld_yaml
from kotwijzer.municipal.models import Soort
from kotwijzer.municipal.overzicht import OVERZICHT_KOLOMMEN, overzicht, overzicht_csv
from kotwijzer.municipal.participatiewet import (
    PW_2025,
    WWB_2009,
    OnbekendeVersie,
    OntheffingFout,
    kot_tijdens_ontheffing,
    ontheffing_art9a,
    plus_maanden,
    versie_op,
)
from kotwijzer.municipal.registratie import Ernst, Signaalsoort
from kotwijzer.municipal.tegemoetkoming import AFRONDINGSREGEL, TegemoetkomingFout, bereken_tegemoetkoming
from kotwijzer.wetten import teksten
from kotwijzer.wetten.bron import Bron, pw, wko

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
if not SEEDS.exists():  # the repository checked out elsewhere: look next to the working tree
    SEEDS = Path("/work/shared/seeds")


def _seed_regels(seed: str) -> list[str] | None:
    bestanden = sorted(SEEDS.glob(f"{seed}_*.txt")) if SEEDS.exists() else []
    return bestanden[0].read_text(encoding="utf-8").splitlines() if bestanden else None


def _normaal(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst.replace("’", "'")).strip()


def staat_in_seed(seed: str, van: int, tot: int, citaat: str) -> None:
    """Assert that `citaat` occurs in lines van..tot (1-based, inclusive) of the seed; skip without the file."""
    regels = _seed_regels(seed)
    if regels is None:
        pytest.skip(f"seed {seed} not available")
    stuk = _normaal(" ".join(regels[van - 1 : tot]))
    assert _normaal(citaat) in stuk, f"{citaat!r} not found in seed {seed} r. {van}-{tot}"


# ---------------------------------------------------------------------------------------------------------------
# the five cases of seed 000 chapter 4
# ---------------------------------------------------------------------------------------------------------------


def test_casus_4_1_wmo_dagbesteding_c_geen_recht_met_individueel_plan_b_wel_recht() -> None:
    # seed 000 §4.1 r. 976-978: "Het stel heeft geen recht op KOT, omdat de gemeente Wmo-dagbesteding niet
    # beschouwt als re-integratie-activiteit."
    staat_in_seed("000", 976, 978, "Het stel heeft geen recht op KOT, omdat de gemeente Wmo-dagbesteding niet")
    zonder_plan = classificeer("GM9901", "wmo-dagbesteding")
    assert zonder_plan.categorie is Categorie.C
    assert zonder_plan.gericht_op_arbeidsinschakeling is False
    assert "geen recht op kinderopvangtoeslag" in zonder_plan.uitleg
    # r. 994-998: "de consulent in een individueel plan onderbouwt dat Wmo-dagbesteding een eerste
    # re-integratiestap is. Hierdoor heeft het stel toch recht op KOT"
    staat_in_seed("000", 994, 998, "Hierdoor heeft het stel toch recht op KOT")
    met_plan = classificeer("GM9901", "dagbesteding-eerste-stap")
    assert met_plan.soort is zonder_plan.soort is Soort.wmo_dagbesteding
    assert met_plan.categorie is Categorie.B
    assert met_plan.gericht_op_arbeidsinschakeling is True
    assert met_plan.individueel_plan_vereist is True
    assert "persoonlijk plan" in met_plan.uitleg
    assert met_plan.dienst_toeslagen_ziet_traject is True
    # the couple: the father (B) and the mother (opleiding, Wko 1.6 lid 1 onder j) both qualify now
    assert "partner" in met_plan.uitleg


def test_casus_4_2_therapie_als_eerste_stap_met_plan_met_concrete_doelen() -> None:
    # seed 000 §5.3 r. 1291-1293: therapie is categorie C
    staat_in_seed("000", 1291, 1293, "varieert van therapie tot werken in een moestuin")
    assert classificeer("GM9903", "therapie").gericht_op_arbeidsinschakeling is False
    # §4.2 r. 1020-1024: "de consulent in een individueel plan met concrete doelen onderbouwt dat de therapie
    # die de moeder gaat volgen een eerste stap is richting een betaalde baan"
    staat_in_seed("000", 1020, 1024, "in een individueel plan met concrete doelen onderbouwt dat de therapie")
    met_plan = classificeer("GM9903", "therapie-eerste-stap")
    assert met_plan.categorie is Categorie.B
    assert met_plan.gericht_op_arbeidsinschakeling is True
    assert met_plan.individueel_plan_vereist is True


def test_casus_4_3_bemiddeling_geeft_recht_zonder_concrete_afspraken_niet() -> None:
    # §4.3 r. 1041-1043: "plaatst de consulent haar in een bemiddelingstraject. Dit traject geeft recht op KOT en
    # de vrouw krijgt daarnaast een aanvullende tegemoetkoming van de gemeente."
    staat_in_seed("000", 1041, 1043, "Dit traject geeft recht op KOT en de vrouw krijgt daarnaast een aanvullende")
    cat = voorbeeldcatalogus()
    traject = classificeer("GM9902", "bemiddelingstraject")
    assert traject.categorie is Categorie.A and traject.gericht_op_arbeidsinschakeling
    beleid = cat.beleid_van("GM9902")
    assert beleid is not None
    # a BSO month: 60 hours at the 2026 maximum 9.98 (actual price 9.98), KOT at 96 %
    kosten = np.array([59880])
    met = bereken_tegemoetkoming(kosten, np.array([57485]), kosten, beleid, np.array([True]))
    assert met.aanvullend_cent[0] == 59880 - 57485
    # r. 1045-1051: she stops; "geen recht meer op KOT en op de aanvullende tegemoetkoming"
    staat_in_seed("000", 1047, 1051, "geen recht meer op KOT en op de aanvullende tegemoetkoming")
    assert classificeer("GM9902", "therapie").gericht_op_arbeidsinschakeling is False
    zonder = bereken_tegemoetkoming(kosten, np.array([0]), kosten, beleid, np.array([False]))
    assert zonder.aanvullend_cent[0] == 0 and zonder.eigen_bijdrage_cent[0] == 59880
    # r. 1051-1057: a bridge of at most 1.5 months keeps the right, only with concrete agreements (a plan)
    staat_in_seed("000", 1051, 1057, "overbruggingstijd nodig heeft van maximaal 1,5")
    brug = classificeer("GM9902", "overbrugging-met-afspraken")
    assert brug.gericht_op_arbeidsinschakeling and brug.individueel_plan_vereist
    # she refuses the plan (r. 1057-1059), so the bridge does not apply: what remains is therapie (C)


def test_casus_4_4_afstand_tot_de_arbeidsmarkt_te_groot_geen_recht() -> None:
    # §4.4 r. 1075-1077: "waardoor zijn afstand tot de arbeidsmarkt nog te groot is om recht te hebben op KOT"
    staat_in_seed("000", 1075, 1077, "afstand tot de arbeidsmarkt nog te groot is om recht te hebben op KOT")
    oriëntatie = classificeer("GM9902", "orientatie-zonder-uitzicht")
    assert oriëntatie.categorie is Categorie.C
    assert oriëntatie.gericht_op_arbeidsinschakeling is False
    assert oriëntatie.code_te_registreren is None


def test_casus_4_5_taaltraject_geen_kot_zorgopleiding_wel() -> None:
    # §4.5 title r. 1091: "Alleenstaande moeder volgt taaltraject: geen KOT"
    staat_in_seed("000", 1091, 1091, "volgt taaltraject: geen KOT")
    assert classificeer("GM9904", "taalactiviteit-buurthuis").gericht_op_arbeidsinschakeling is False
    assert classificeer("GM9904", "taaltraject-roc").gericht_op_arbeidsinschakeling is False
    # r. 1111-1113: "Na het ROC-taaltraject wil de vrouw heel graag een zorgopleiding gaan volgen. Dan zou zij
    # wel recht hebben op KOT."
    staat_in_seed("000", 1111, 1113, "zorgopleiding gaan volgen. Dan zou zij wel recht hebben op KOT")
    opleiding = classificeer("GM9904", "zorgopleiding")
    assert opleiding.categorie is Categorie.B and opleiding.gericht_op_arbeidsinschakeling
    assert opleiding.code_te_registreren == 42
    # the point of the catalogue: another municipality classifies the same ROC language course as B
    assert classificeer("GM9903", "taaltraject-roc").gericht_op_arbeidsinschakeling is True


# ---------------------------------------------------------------------------------------------------------------
# codes, sources, example data
# ---------------------------------------------------------------------------------------------------------------


def test_de_zeven_codes_en_tabel_1() -> None:
    assert set(KOT_CODES) == {22, 23, 29, 30, 40, 42, 43}
    for code in KOT_CODES.values():
        staat_in_seed("000", 684, 696, f"{code.code} {code.naam}")
        assert code.bron and all(isinstance(b, Bron) for b in code.bron)
        assert bronnen.S000_CODES in code.seedbron and bronnen.S000_TABEL1 in code.seedbron
    # tabel 1 (r. 1156-1171)
    assert {c for c, k in KOT_CODES.items() if k.categorieen == {Categorie.A}} == {22, 23, 29, 30}
    assert KOT_CODES[40].categorieen == {Categorie.A, Categorie.B}
    assert KOT_CODES[42].categorieen == KOT_CODES[43].categorieen == {Categorie.B}
    staat_in_seed("000", 1166, 1167, "Het kan A of B zijn, afhankelijk van het doel")
    assert voorgestelde_code(Soort.therapie, Categorie.C) is None
    assert voorgestelde_code(Soort.erkende_opleiding, Categorie.B) == 42
    assert voorgestelde_code(Soort.participatieplaats, Categorie.B) == 40  # 22 is A only


def test_seedverwijzingen_bestaan() -> None:
    verwijzingen = [v for v in vars(bronnen).values() if isinstance(v, Seedverwijzing)]
    assert len(verwijzingen) > 20
    for v in verwijzingen:
        regels = _seed_regels(v.seed)
        if regels is None:
            pytest.skip("seeds not available")
        assert v.tot_regel <= len(regels), v.kort()
        assert " ".join(regels[v.van_regel - 1 : v.tot_regel]).strip(), v.kort()


def test_classificatie_bronnen() -> None:
    c = classificeer("GM9901", "participatieplaats")
    assert wko("1.6", 1, "c") in c.bron and pw("7", 1, "a") in c.bron
    assert "art. 1.6 lid 1 onder c" in c.uitleg and "Participatiewet" in c.uitleg
    assert c.voorbeeld and "voorbeeldgegevens" in c.uitleg
    assert c.as_dict()["bron"][0]["citaat"] == "art. 1.6 lid 1 onder c Wko"


def test_voorbeeldcatalogus_is_duidelijk_voorbeeld_en_verschilt_per_gemeente() -> None:
    cat = voorbeeldcatalogus()
    assert 3 <= len(cat.gemeenten) <= 4
    for g in cat.gemeenten:
        assert g.voorbeeld and g.cbs_code.startswith("GM99") and "Voorbeeldgemeente" in g.naam
        for a in cat.activiteiten[g.cbs_code]:
            assert a.herkomst.startswith("seed 000"), a.code
    assert voorbeeld_yaml().startswith("# VOORBEELDGEGEVENS")
    # the seed's kinds are all present
    soorten = {a.soort for _, a in cat.alle_activiteiten()}
    for s in (
        Soort.proefplaatsing,
        Soort.participatieplaats,
        Soort.jobcoaching,
        Soort.ondernemerschap,
        Soort.erkende_opleiding,
        Soort.vrijwilligerswerk_met_perspectief,
        Soort.vrijwilligerswerk_zonder_perspectief,
        Soort.wmo_dagbesteding,
        Soort.therapie,
        Soort.moestuin,
        Soort.sport,
        Soort.taaltraject,
    ):
        assert s in soorten, s
    # A in every municipality that has them (seed 000 §5.2), B for recognised education (§5.3)
    for _g, a in cat.alle_activiteiten():
        if a.soort in (Soort.proefplaatsing, Soort.participatieplaats, Soort.jobcoaching, Soort.ondernemerschap):
            assert a.categorie is Categorie.A
        if a.soort is Soort.erkende_opleiding:
            assert a.categorie is Categorie.B
    # the point: several kinds are classified differently
    verschillend = {r.soort for r in overzicht(cat) if r.verschilt}
    assert {Soort.taaltraject, Soort.vrijwilligerswerk_met_perspectief, Soort.moestuin} <= verschillend


def test_onbekende_gemeente_en_activiteit() -> None:
    with pytest.raises(OnbekendeGemeente) as fout:
        classificeer("GM0363", "participatieplaats")
    assert isinstance(fout.value, LookupError)
    assert "Gemeente 'GM0363' staat niet in de catalogus" in str(fout.value)
    with pytest.raises(OnbekendeActiviteit) as fout2:
        classificeer("GM9901", "koffie-drinken")
    assert isinstance(fout2.value, LookupError)
    assert "Activiteit 'koffie-drinken' is niet bekend bij Voorbeeldgemeente Noord (GM9901)" in str(fout2.value)


# ---------------------------------------------------------------------------------------------------------------
# registration check
# ---------------------------------------------------------------------------------------------------------------


def _act(categorie: str, soort: str = "participatieplaats", code: int | None = None, **kw: object) -> Activiteit:
    return Activiteit(code="x", naam="Activiteit X", soort=soort, categorie=categorie, reintegratiecode=code, **kw)


def test_registratie_a_zonder_een_van_de_zeven_codes() -> None:
    [s] = controleer_registratie(_act("A", code=22), 99)
    assert s.soort is Signaalsoort.ab_zonder_kot_code and s.ernst is Ernst.fout
    assert s.code_te_registreren == 22 and s.geregistreerde_code == 99
    assert "wijst de aanvraag dan af" in s.uitleg and "Registreer code 22 Participatieplaats" in s.uitleg


def test_registratie_c_onder_een_van_de_zeven_codes() -> None:
    [s] = controleer_registratie(_act("C", soort="vrijwilligerswerk_zonder_perspectief"), 43)
    assert s.soort is Signaalsoort.c_met_kot_code and s.ernst is Ernst.fout
    assert s.code_te_registreren is None
    assert "teruggevorderd" in s.uitleg


def test_registratie_niet_geregistreerd() -> None:
    [ab] = controleer_registratie(_act("B", soort="erkende_opleiding"), None)
    assert ab.soort is Signaalsoort.niet_geregistreerd and ab.ernst is Ernst.fout and ab.code_te_registreren == 42
    [c] = controleer_registratie(_act("C", soort="sport"), None)
    assert c.soort is Signaalsoort.niet_geregistreerd and c.ernst is Ernst.opmerking


def test_registratie_code_past_niet_en_andere_code() -> None:
    [s] = controleer_registratie(_act("A", code=22), 42)  # 42 is a B code in tabel 1
    assert s.soort is Signaalsoort.code_past_niet_bij_categorie and s.ernst is Ernst.waarschuwing
    [s2] = controleer_registratie(_act("A", code=22), 23)
    assert s2.soort is Signaalsoort.andere_code_dan_beleid and s2.ernst is Ernst.opmerking
    assert controleer_registratie(_act("A", code=22), 22) == []
    assert controleer_registratie(_act("C", soort="sport"), 7) == []  # another code: Dienst Toeslagen sees nothing


def test_registratie_catalogus() -> None:
    cat = voorbeeldcatalogus()
    fouten = {(s.gemeente_code, s.activiteit_code, s.soort) for s in controleer_catalogus(cat) if s.ernst is Ernst.fout}
    assert fouten == {
        ("GM9902", "vrijwilligerswerk-buurthuis", Signaalsoort.c_met_kot_code),
        ("GM9903", "ondernemerschap", Signaalsoort.niet_geregistreerd),
    }
    # with the actual registrations: what is missing counts as not registered
    signalen = controleer_catalogus(cat, {("GM9901", "participatieplaats"): 22}, gemeente="GM9901")
    assert all(s.gemeente_code == "GM9901" for s in signalen)
    assert ("participatieplaats", Ernst.fout) not in {(s.activiteit_code, s.ernst) for s in signalen}
    assert ("proefplaatsing", Ernst.fout) in {(s.activiteit_code, s.ernst) for s in signalen}
    with pytest.raises(LookupError):
        controleer_catalogus(cat, {("GM9901", "bestaat-niet"): 22})


# ---------------------------------------------------------------------------------------------------------------
# aanvullende tegemoetkoming (Wko art. 1.13)
# ---------------------------------------------------------------------------------------------------------------


def test_tegemoetkoming_rekenvoorbeeld_per_gemeente() -> None:
    # 100 hours dagopvang at 12.00 per hour; maximum uurprijs 2026 dagopvang 11.23; KOT 96 % of 1123.00
    cat = voorbeeldcatalogus()
    kosten, kot, werkelijk = np.array([112300]), np.array([107808]), np.array([120000])
    uitkomst = {}
    for code in ("GM9901", "GM9902", "GM9903", "GM9904"):
        t = bereken_tegemoetkoming(kosten, kot, werkelijk, cat.beleid_van(code), np.array([True]))
        uitkomst[code] = (int(t.aanvullend_cent[0]), int(t.boven_wettelijk_cent[0]), int(t.eigen_bijdrage_cent[0]))
    assert uitkomst["GM9901"] == (4492, 0, 7700)  # the whole rest up to the kosten
    assert uitkomst["GM9902"] == (4492, 3850, 3850)  # plus half of the part above the maximum (not art. 1.13)
    assert uitkomst["GM9903"] == (2246, 0, 9946)  # half of the rest, below the 25 euro ceiling
    assert uitkomst["GM9904"] == (0, 0, 12192)  # no policy


def test_tegemoetkoming_afronding_half_omhoog_en_maximum() -> None:
    beleid = GemeentelijkBeleid(fractie_restant="0.5", maximum_per_maand_cent=3)
    t = bereken_tegemoetkoming(np.array([3, 1, 9, 100]), np.array([0, 0, 0, 0]), np.array([3, 1, 9, 100]), beleid)
    assert t.aanvullend_cent.tolist() == [2, 1, 3, 3]  # 1.5 -> 2, 0.5 -> 1, 4.5 -> 5 capped at 3, 50 capped at 3
    derde = GemeentelijkBeleid(fractie_restant="0.3333")
    assert bereken_tegemoetkoming([3], [0], [3], derde).aanvullend_cent.tolist() == [1]  # 0.9999 -> 1
    assert "half naar boven" in AFRONDINGSREGEL and "geen landelijke regel" in AFRONDINGSREGEL
    assert t.aanvullend_cent.dtype == np.int64


def test_tegemoetkoming_fouten_in_het_nederlands() -> None:
    beleid = GemeentelijkBeleid(fractie_restant=1)
    with pytest.raises(TegemoetkomingFout, match="'kot_cent' mag niet negatief zijn"):
        bereken_tegemoetkoming([100], [-1], [100], beleid)
    with pytest.raises(TegemoetkomingFout, match="'werkelijke_kosten_cent' mag niet lager zijn"):
        bereken_tegemoetkoming([100], [0], [99], beleid)
    with pytest.raises(TegemoetkomingFout, match="'kosten_begrensd_cent' moet uit hele centen bestaan"):
        bereken_tegemoetkoming([100.5], [0], [101], beleid)
    with pytest.raises(TegemoetkomingFout, match="dezelfde vorm"):
        bereken_tegemoetkoming([1, 2], [0, 0, 0], [1, 2], beleid)


bedragen = st.integers(min_value=0, max_value=10**9)
fracties = st.decimals(min_value=0, max_value=1, places=4)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(bedragen, bedragen, st.integers(0, 10**8), st.booleans()), min_size=1, max_size=20),
    fracties,
    st.one_of(st.none(), st.integers(0, 10**6)),
    st.one_of(st.none(), fracties),
    st.one_of(st.none(), st.integers(0, 10**6)),
)
def test_tegemoetkoming_nooit_meer_dan_kosten_min_kot_en_nooit_negatief(
    rijen: list[tuple[int, int, int, bool]],
    fractie: Decimal,
    maximum: int | None,
    boven_fractie: Decimal | None,
    boven_maximum: int | None,
) -> None:
    kosten = np.array([r[0] for r in rijen], dtype=np.int64)
    kot = np.array([r[1] for r in rijen], dtype=np.int64)
    werkelijk = kosten + np.array([r[2] for r in rijen], dtype=np.int64)
    masker = np.array([r[3] for r in rijen])
    beleid = GemeentelijkBeleid(
        fractie_restant=fractie,
        maximum_per_maand_cent=maximum,
        boven_wettelijk=boven_fractie is not None,
        boven_wettelijk_fractie=boven_fractie,
        boven_wettelijk_maximum_per_maand_cent=boven_maximum if boven_fractie is not None else None,
    )
    t = bereken_tegemoetkoming(kosten, kot, werkelijk, beleid, masker)
    rest = np.maximum(kosten - kot, 0)
    assert np.all(t.aanvullend_cent >= 0) and np.all(t.aanvullend_cent <= rest)
    assert np.all(t.boven_wettelijk_cent >= 0) and np.all(t.boven_wettelijk_cent <= werkelijk - kosten)
    assert np.all(t.eigen_bijdrage_cent >= 0)
    assert np.all(t.aanvullend_cent[~masker] == 0) and np.all(t.boven_wettelijk_cent[~masker] == 0)
    if maximum is not None:
        assert np.all(t.aanvullend_cent <= maximum)
    # Wko 1.13: KOT + tegemoetkoming never more than the kosten (where KOT itself stays within the kosten)
    binnen = kot <= kosten
    assert np.all((kot + t.aanvullend_cent)[binnen] <= kosten[binnen])
    # nothing is lost: what the parent pays + what is paid for the parent = the actual costs
    assert np.all(
        (kot + t.aanvullend_cent + t.boven_wettelijk_cent + t.eigen_bijdrage_cent)[binnen] == werkelijk[binnen]
    )
    # exact half-up rounding of the fraction
    for i in range(len(rijen)):
        if masker[i]:
            verwacht = int((Decimal(int(rest[i])) * fractie + Decimal("0.5")) // 1)
            if maximum is not None:
                verwacht = min(verwacht, maximum)
            assert t.aanvullend_cent[i] == verwacht


# ---------------------------------------------------------------------------------------------------------------
# Participatiewet art. 9a
# ---------------------------------------------------------------------------------------------------------------


def test_art_9a_vijf_jaar_nu_zes_jaar_in_2009() -> None:
    assert PW_2025.max_jaren == 5 and WWB_2009.max_jaren == 6
    staat_in_seed("003", 179, 179, "De ontheffing geldt gedurende ten hoogste zes jaar")
    verzoek, kind, later = dt.date(2025, 3, 1), dt.date(2024, 6, 15), dt.date(2027, 1, 10)
    nu = ontheffing_art9a(verzoek, kind, heeft_startkwalificatie=False, later_geboren_kinderen=[later])
    assert nu.recht and nu.einde == dt.date(2030, 2, 28) and nu.eindreden == "maximumduur"
    toen = ontheffing_art9a(
        verzoek, kind, heeft_startkwalificatie=False, later_geboren_kinderen=[later], versie=WWB_2009
    )
    assert toen.einde == dt.date(2031, 2, 28) and toen.eindreden == "maximumduur"
    assert "hoogstens 5 jaar" in nu.uitleg and "hoogstens 6 jaar" in toen.uitleg


def test_art_9a_parameters_volgen_de_wettekst() -> None:
    # the shipped consolidations of the law (kotwijzer/wetten/data/Pw): lid 4 says five years (2021, 2025), six (2009)
    for peil in ("2021-01-01", "2025-01-01"):
        assert "ten hoogste vijf jaar" in " ".join(teksten.tekst(pw("9a", 4), peil).split())
        assert "binnen zes maanden" in " ".join(teksten.tekst(pw("9a", 7), peil).split())
        assert "startkwalificatie" in teksten.tekst(pw("9a", PW_2025.lid_scholingsplicht), peil)
    assert "ten hoogste zes jaar" in " ".join(teksten.tekst(pw("9a", 4), "2009-01-01").split())
    assert "niet beschikt over een startkwalificatie" in " ".join(
        teksten.tekst(pw("9a", WWB_2009.lid_scholingsplicht), "2009-01-01").split()
    )


def test_elke_bron_bestaat_in_de_wettekst() -> None:
    from kotwijzer.municipal import classificatie, codes, participatiewet, registratie, tegemoetkoming

    gevonden: list[Bron] = [v for v in vars(bronnen).values() if isinstance(v, Bron)]
    gevonden += list(tegemoetkoming.BRON) + list(PW_2025.bron) + list(WWB_2009.bron)
    gevonden += [b for c in codes.KOT_CODES.values() for b in c.bron]
    gevonden += classificeer("GM9901", "participatieplaats").bron + classificeer("GM9901", "therapie").bron
    gevonden += kot_tijdens_ontheffing(opleiding_onderdeel_j=True, traject_categorie="A").bron
    gevonden += [b for s in controleer_catalogus(voorbeeldcatalogus()) for b in s.bron]
    assert classificatie and participatiewet and registratie
    missend = []
    for b in set(gevonden):
        jaren = [j for j in (2009, *range(2021, 2027)) if b.geldt_in(j)]
        if b.vanaf_jaar is None:
            jaren = [j for j in jaren if j >= 2021]
        for j in jaren:
            if b.wet in {"Wko", "Pw"} and not teksten.bestaat(b, dt.date(j, 1, 1)):
                missend.append(f"{b.kort()} ({j})")
    assert not missend, missend


def test_art_9a_eindigt_als_jongste_kind_vijf_wordt() -> None:
    o = ontheffing_art9a(dt.date(2025, 3, 1), dt.date(2024, 6, 15), heeft_startkwalificatie=False)
    assert o.recht and o.begin == dt.date(2025, 3, 1)
    assert o.einde == dt.date(2029, 6, 14) and o.eindreden == "jongste kind wordt vijf"
    assert o.plan_van_aanpak_uiterlijk == dt.date(2025, 9, 1)
    assert o.scholingsplicht is True and o.opleiding_op_verzoek is False
    assert "vijf jaar wordt (15 juni 2029)" in o.uitleg
    assert {"art. 9a lid 4 Pw", "art. 9a lid 7 Pw", "art. 9a lid 10 Pw"} <= {b.kort() for b in o.bron}
    met_sk = ontheffing_art9a(dt.date(2025, 3, 1), dt.date(2024, 6, 15), heeft_startkwalificatie=True)
    assert met_sk.scholingsplicht is False and met_sk.opleiding_op_verzoek is True
    # a child that is already five: no ontheffing
    oud = ontheffing_art9a(dt.date(2025, 3, 1), dt.date(2020, 3, 1), heeft_startkwalificatie=False)
    assert not oud.recht and "vijf jaar" in oud.uitleg


def test_art_9a_maar_een_keer() -> None:
    o = ontheffing_art9a(
        dt.date(2026, 1, 5),
        dt.date(2025, 11, 1),
        heeft_startkwalificatie=False,
        eerdere_ontheffingen=[(dt.date(2021, 1, 1), dt.date(2022, 12, 31))],
    )
    assert not o.recht and o.einde is None and o.dagen_eerder_gebruikt == 730
    assert "maar één keer" in o.uitleg
    assert not ontheffing_art9a(
        dt.date(2026, 1, 5), dt.date(2025, 11, 1), heeft_startkwalificatie=False, alleenstaand=False
    ).recht


def test_art_9a_versies_en_datums() -> None:
    assert versie_op(dt.date(2026, 5, 1)) is PW_2025 and versie_op(dt.date(2021, 1, 1)) is PW_2025
    assert versie_op(dt.date(2009, 6, 1)) is WWB_2009
    with pytest.raises(OnbekendeVersie, match="niet nagezocht"):
        versie_op(dt.date(2015, 1, 1))
    assert plus_maanden(dt.date(2025, 8, 31), 6) == dt.date(2026, 2, 28)
    schrikkel = ontheffing_art9a(dt.date(2028, 3, 1), dt.date(2028, 2, 29), heeft_startkwalificatie=True)
    assert schrikkel.einde == dt.date(2033, 2, 28)  # turns five on 1 March 2033 (simplification, documented)
    assert schrikkel.eindreden == "jongste kind wordt vijf"
    with pytest.raises(OntheffingFout, match="'geboortedatum_jongste_kind'"):
        ontheffing_art9a(dt.date(2025, 1, 1), dt.date(2025, 2, 1), heeft_startkwalificatie=True)


def test_kot_tijdens_ontheffing() -> None:
    alleen = kot_tijdens_ontheffing()
    assert not alleen.recht_op_kot and "geen recht op kinderopvangtoeslag" in alleen.uitleg
    studie = kot_tijdens_ontheffing(opleiding_onderdeel_j=True)
    assert studie.recht_op_kot and studie.onderdelen == ("j",) and wko("1.6", 1, "j") in studie.bron
    traject = kot_tijdens_ontheffing(traject_categorie=classificeer("GM9901", "vrijwilligerswerk-met-groei").categorie)
    assert traject.recht_op_kot and traject.onderdelen == ("c",) and wko("1.6", 1, "c") in traject.bron
    participatie = kot_tijdens_ontheffing(traject_categorie="C")
    assert not participatie.recht_op_kot and "categorie C" in participatie.uitleg


# ---------------------------------------------------------------------------------------------------------------
# Dutch validation errors that name the field
# ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "data", "veld", "tekst"),
    [
        (Gemeente, {"cbs_code": "0363", "naam": "Amsterdam"}, "cbs_code", "moet de vorm GM en vier cijfers hebben"),
        (Gemeente, {"cbs_code": "GM9950", "naam": "Noord"}, "voorbeeld", "voorbeeldgegevens"),
        (Gemeente, {"cbs_code": "GM0001", "naam": " "}, "naam", "mag niet leeg zijn"),
        (
            Activiteit,
            {"code": "pp", "naam": "x", "soort": "participatieplaats", "categorie": "D"},
            "categorie",
            "Kies een van deze waarden:",
        ),
        (Activiteit, {"code": "P P", "naam": "x", "soort": "sport", "categorie": "C"}, "code", "kleine letters"),
        (
            Activiteit,
            {"code": "pp", "naam": "x", "soort": "yoga", "categorie": "C"},
            "soort",
            "Kies een van deze waarden:",
        ),
        (
            Activiteit,
            {"code": "pp", "naam": "x", "soort": "sport", "categorie": "A", "doel": "participatie"},
            "doel",
            "categorie A",
        ),
        (
            Activiteit,
            {"code": "pp", "naam": "x", "soort": "sport", "categorie": "C", "reintegratiecode": "x"},
            "reintegratiecode",
            "Vul een heel getal in",
        ),
        (GemeentelijkBeleid, {"fractie_restant": "1.5"}, "fractie_restant", "Vul een getal van 1 of minder in."),
        (GemeentelijkBeleid, {"fractie_restant": "0.12345"}, "fractie_restant", "hoogstens 4 cijfers"),
        (GemeentelijkBeleid, {}, "fractie_restant", "Dit veld is verplicht."),
        (
            GemeentelijkBeleid,
            {"fractie_restant": 1, "boven_wettelijk": True},
            "boven_wettelijk_fractie",
            "is verplicht als boven_wettelijk 'ja' is",
        ),
        (
            GemeentelijkBeleid,
            {"fractie_restant": 1, "boven_wettelijk_fractie": "0.5"},
            "boven_wettelijk_fractie",
            "mag alleen ingevuld zijn",
        ),
        (GemeentelijkBeleid, {"fractie_restant": 1, "kleur": "rood"}, "kleur", "Dit veld kennen we niet."),
    ],
)
def test_validatiefouten_nederlands_met_veldnaam(model: type, data: dict, veld: str, tekst: str) -> None:
    with pytest.raises(GegevensFout) as fout:
        model(**data)
    assert veld in fout.value.velden
    assert f"Veld '{veld}'" in str(fout.value) and tekst in str(fout.value)
    assert isinstance(fout.value, ValueError)


def test_catalogus_samenhang() -> None:
    g = Gemeente(cbs_code="GM9901", naam="Voorbeeldgemeente Noord", voorbeeld=True)
    with pytest.raises(GegevensFout, match=r"Veld 'gemeenten\[1\]\.cbs_code'.*twee keer"):
        Catalogus(gemeenten=[g, g])
    with pytest.raises(GegevensFout, match=r"Veld 'beleid\.GM0002'"):
        Catalogus(gemeenten=[g], beleid={"GM0002": {"fractie_restant": 1}})
    with pytest.raises(GegevensFout, match=r"Veld 'activiteiten\.GM9901\[0\]\.categorie'"):
        Catalogus.valideer(
            {
                "gemeenten": [g.model_dump()],
                "activiteiten": {"GM9901": [{"code": "a", "naam": "b", "soort": "sport", "categorie": "X"}]},
            }
        )


# ---------------------------------------------------------------------------------------------------------------
# overview and CLI
# ---------------------------------------------------------------------------------------------------------------


def test_overzicht() -> None:
    cat = voorbeeldcatalogus()
    rijen = {r.soort: r for r in overzicht(cat)}
    taal = rijen[Soort.taaltraject]
    assert [i.gemeente.cbs_code for i in taal.recht] == ["GM9903"]
    assert [i.gemeente.cbs_code for i in taal.geen_recht] == ["GM9904"]
    assert {g.cbs_code for g in taal.niet_beschreven} == {"GM9901", "GM9902"}
    dag = rijen[Soort.wmo_dagbesteding]
    assert [i.gemeente.cbs_code for i in dag.hangt_af] == ["GM9901"] and dag.hangt_af[0].alleen_met_plan
    tekst = overzicht_csv(cat)
    gelezen = list(csv.DictReader(io.StringIO(tekst)))
    assert tuple(gelezen[0]) == OVERZICHT_KOLOMMEN
    assert {r["soort"] for r in gelezen} == {s.value for s in rijen}
    assert len(overzicht(cat, alle_soorten=True)) == len(Soort)


runner = CliRunner()


def test_cli_activiteit() -> None:
    res = runner.invoke(app, ["activiteit", "GM9901", "dagbesteding-eerste-stap"])
    assert res.exit_code == 0, res.output
    assert "Geeft deze activiteit recht op kinderopvangtoeslag?" in res.output
    assert "Ja - " in res.output and "40 Coaching naar werk of participatie" in res.output
    res = runner.invoke(app, ["activiteit", "Voorbeeldgemeente West", "taaltraject-roc"])
    assert res.exit_code == 0 and "Nee - " in res.output and "geen van de zeven codes" in res.output
    res = runner.invoke(app, ["activiteit", "GM9901", "onbekend"])
    assert res.exit_code == 2 and "niet bekend bij Voorbeeldgemeente Noord" in res.output
    res = runner.invoke(app, ["activiteit", "GM9901", "participatieplaats", "--json"])
    assert res.exit_code == 0 and '"gericht_op_arbeidsinschakeling": true' in res.output


def test_cli_controleer_en_overzicht() -> None:
    res = runner.invoke(app, ["controleer"])
    assert res.exit_code == 1  # the example data contains two registration errors on purpose
    assert "vrijwilligerswerk-buurthuis" in res.output and "teruggevorderd" in res.output
    res = runner.invoke(app, ["controleer", "--gemeente", "GM9901"])
    assert res.exit_code == 0 and "Geen problemen gevonden" in res.output
    res = runner.invoke(app, ["overzicht", "--csv"])
    assert res.exit_code == 0 and res.output.startswith(",".join(OVERZICHT_KOLOMMEN))
    res = runner.invoke(app, ["overzicht"])
    assert res.exit_code == 0 and "taaltraject" in res.output


def test_cli_exporteer_en_importeer(tmp_path: Path) -> None:
    res = runner.invoke(app, ["exporteer", "--formaat", "csv", "--naar", str(tmp_path / "csv")])
    assert res.exit_code == 0, res.output
    uit = tmp_path / "terug.yaml"
    res = runner.invoke(
        app,
        [
            "importeer",
            str(tmp_path / "csv" / "gemeenten.csv"),
            str(tmp_path / "csv" / "activiteiten.csv"),
            "--naar",
            str(uit),
        ],
    )
    assert res.exit_code == 0, res.output
    assert "4 gemeenten" in res.output
    res = runner.invoke(app, ["exporteer", "--catalogus", str(uit)])
    assert res.exit_code == 0
    from kotwijzer.municipal import van_yaml

    assert van_yaml(res.stdout) == voorbeeldcatalogus()
    # a bad row: the message names file, row and column
    act = (tmp_path / "csv" / "activiteiten.csv").read_text(encoding="utf-8").splitlines()
    act[2] = act[2].replace(",A,", ",Z,", 1)
    (tmp_path / "csv" / "activiteiten.csv").write_text("\n".join(act) + "\n", encoding="utf-8")
    res = runner.invoke(
        app, ["importeer", str(tmp_path / "csv" / "gemeenten.csv"), str(tmp_path / "csv" / "activiteiten.csv")]
    )
    assert res.exit_code == 1
    assert "activiteiten.csv, rij 3, kolom 'categorie'" in " ".join(res.output.split())
