"""Tests for the shipped law texts and the citation resolver (kotwijzer.wetten)."""

from __future__ import annotations

from datetime import date

import pytest

from kotwijzer.wetten import (
    WETTEN,
    Bron,
    OntbrekendeWettekst,
    awir,
    bestaat,
    bkot,
    bron_info,
    bronnen,
    noot,
    pw,
    tekst,
    versie_op,
    versies,
    wko,
)

D = date


# --------------------------------------------------------------------------- data integrity


@pytest.mark.parametrize("wet", [w for w in WETTEN if w != "Wlz"])
def test_elke_wet_heeft_versies_en_metadata(wet):
    vs = versies(wet)
    assert vs, f"geen versies voor {wet}"
    assert vs == sorted(vs)
    for v in vs:
        info = bron_info(wet, v)
        assert info["bwb"] == WETTEN[wet][1]
        assert info["versie"] == v.isoformat()
        assert info["url"] == f"https://wetten.overheid.nl/{WETTEN[wet][1]}/{v.isoformat()}"
        assert info["bron"]


def test_geen_placeholders_of_markdown_in_teksten():
    for wet in WETTEN:
        for v in versies(wet):
            for b in bronnen(wet, v):
                t = tekst(b, v)
                assert t.strip(), b
                assert "__REF" not in t, b
                assert "[ref" not in t and "](" not in t, b
                for regel in t.splitlines():
                    assert "  " not in regel.strip(), b


def test_wlz_heeft_geen_teksten():
    assert versies("Wlz") == []
    with pytest.raises(OntbrekendeWettekst, match="Wet langdurige zorg"):
        versie_op("Wlz", D(2023, 1, 1))


# --------------------------------------------------------------------------- versions


def test_versie_op_kiest_laatste_versie_voor_peildatum():
    assert versie_op("Wko", D(2021, 1, 1)) == D(2021, 1, 1)
    assert versie_op("Wko", D(2021, 12, 31)) == D(2021, 1, 1)
    assert versie_op("Wko", D(2024, 12, 10)) == D(2024, 8, 1)
    assert versie_op("Wko", D(2024, 12, 11)) == D(2024, 12, 11)
    assert versie_op("Wko", D(2025, 6, 1)) == D(2024, 12, 11)
    assert versie_op("Wko", "2026-03-01") == D(2026, 1, 1)


def test_versie_op_voor_eerste_versie_geeft_duidelijke_fout():
    with pytest.raises(OntbrekendeWettekst) as e:
        versie_op("Wko", D(2020, 6, 30))
    msg = str(e.value)
    assert "Wet kinderopvang" in msg and "30-06-2020" in msg and "01-01-2021" in msg


def test_bkot_reconstructie_per_jaar_en_geldig_tot():
    assert versie_op("Bkot", D(2023, 12, 31)) == D(2023, 1, 1)
    assert versie_op("Bkot", D(2024, 3, 1)) == D(2024, 1, 1)
    assert versie_op("Bkot", D(2027, 3, 1)) == D(2027, 1, 1)
    assert bestaat(bkot("8a", 1, "a"), D(2024, 3, 1))
    # the maximum uurprijzen of 2027 are announced only: art. 4 lid 1 has no text for 2027
    assert not bestaat(bkot("4", 1), D(2027, 3, 1)) and bestaat(bkot("4", 2), D(2027, 3, 1))
    assert tekst(bkot("4", 1, "a"), D(2026, 3, 1)) == "dagopvang € 11,23;"


# --------------------------------------------------------------------------- Wko content


def test_wko_lid8_wlz_3_2_2_pas_vanaf_2023():
    lid8 = wko("1.6", 8)
    assert "3.2.2" not in tekst(lid8, D(2022, 12, 31))
    assert "3.2.1, eerste lid" in tekst(lid8, D(2022, 6, 1))
    assert "3.2.2" in tekst(lid8, D(2023, 1, 1))
    assert "3.2.1, derde lid" in tekst(lid8, D(2024, 6, 1))


def test_wko_detentieleden_vanaf_2022():
    assert not bestaat(wko("1.6", 10), D(2021, 7, 1))
    assert not bestaat(wko("1.6", 11), D(2021, 7, 1))
    assert "vrijheidsbenemende straf" in tekst(wko("1.6", 10), D(2022, 1, 1))
    assert bestaat(wko("1.6", 11, "c"), D(2023, 5, 1))


def test_wko_lid10_herschreven_in_2026_met_voorlopige_hechtenis():
    l10_2024 = tekst(wko("1.6", 10), D(2024, 6, 1))
    assert "gevangenneming" not in l10_2024
    l10_2026 = tekst(wko("1.6", 10), D(2026, 1, 1))
    assert "bevel tot gevangenneming of gevangenhouding" in l10_2026
    assert bestaat(wko("1.6", 10, "a"), D(2026, 1, 1))
    # in the 2026 consolidations as harvested, lid 11 and art. 1.6a are absent
    assert not bestaat(wko("1.6", 11), D(2026, 1, 1))
    assert not bestaat(wko("1.6a"), D(2026, 1, 1))
    assert bestaat(wko("1.6a"), D(2025, 6, 1))


def test_wko_woonlandeis_partner_vervalt_op_2024_12_11():
    assert "Zwitserland woont" in tekst(wko("1.6", 3), D(2024, 12, 10))
    assert "Zwitserland" not in tekst(wko("1.6", 3), D(2024, 12, 11))
    assert "woont" not in tekst(wko("1.6", 8), D(2024, 12, 11))
    # lid 6 lost its residence onderdeel: a and b remain, c is gone
    assert not bestaat(wko("1.6", 6, "c"), D(2025, 1, 1))
    assert bestaat(wko("1.6", 6, "c"), D(2024, 12, 10))


def test_wko_oekraine_artikel_1_5a():
    assert not bestaat(wko("1.5a"), D(2024, 8, 1))
    assert "2022/382" in tekst(wko("1.5a"), D(2024, 12, 11))


def test_wko_garbled_onderdeel_c_is_aangevuld_en_d_k_l_uit_consolidatie_2015():
    c = tekst(wko("1.6", 1, "c"), D(2021, 1, 1))
    assert (
        "artikel 34, eerste lid, onder a, van de Wet inkomensvoorziening oudere en gedeeltelijk arbeidsongeschikte werkloze werknemers"
        in c
    )
    assert c.endswith("die de noodzaak tot kinderopvang met zich brengt,")
    assert "7a, eerste lid" in tekst(wko("1.6", 1, "c"), D(2026, 1, 1))
    # shared/law README, corrections December 2026, item 2: d is "vervallen", k and l are not in force
    for jaar in (2021, 2023, 2026):
        assert tekst(wko("1.6", 1, "d"), D(jaar, 1, 1)) == "vervallen,"
        for ond in ("k", "l"):
            assert "nog niet in werking getreden" in tekst(wko("1.6", 1, ond), D(jaar, 1, 1))


def test_wko_inburgering_onderdeel_g_wisselt_in_2022():
    assert "Wet inburgering," not in tekst(wko("1.6", 1, "g"), D(2022, 1, 1))
    assert "Wet inburgering 2021" in tekst(wko("1.6", 1, "g"), D(2022, 1, 1))
    assert "artikel 1, onderdeel b, van de Wet inburgering" in tekst(wko("1.6", 1, "g"), D(2021, 1, 1))


def test_wko_artikel_1_3_lid_2_terugwerkende_kracht():
    b = tekst(wko("1.3", 2, "b"), D(2021, 1, 1))
    assert "drie kalendermaanden gelegen is voor de datum waarop de aanvraag" in b
    assert "artikel 5 van die wet" in tekst(wko("1.3", 2), D(2023, 1, 1))
    assert "Dienst Toeslagen" in tekst(wko("1.3", 2, "b"), D(2024, 1, 1))


def test_wko_definities_per_begrip():
    t = tekst(Bron("Wko", "1.1", "1", "kinderopvang"), D(2022, 1, 1))
    assert "tot de eerste dag van de maand waarop het voortgezet onderwijs" in t
    assert tekst(Bron("Wko", "1.1", "1", "Ouder"), D(2022, 1, 1)).startswith("de bloed- of aanverwant")
    assert bestaat(Bron("Wko", "1.1", "1", "buitenschoolse opvang"), D(2026, 8, 1))


def test_wko_1_12_alleen_in_harvests_vanaf_2024_met_noot():
    assert not bestaat(wko("1.12"), D(2023, 1, 1))
    assert bestaat(wko("1.12", 1), D(2024, 1, 1))
    assert "niet geverifieerd" in noot(wko("1.12"), D(2024, 1, 1))


def test_subonderdeel_normalisatie():
    expected = tekst(wko("1.7", 1, "b", "1°"), D(2021, 1, 1))
    for s in ("1", "1º", "1e", "1°"):
        assert tekst(Bron("Wko", "1.7", "1", "b", s), D(2021, 1, 1)) == expected
    assert expected == "het aantal uren kinderopvang per kind in het berekeningsjaar,"


def test_heel_artikel_en_heel_lid():
    art = tekst(wko("1.5"), D(2022, 1, 1))
    assert art.startswith("1. Een ouder heeft aanspraak")
    assert "\n3. Een ouder en diens partner" in art
    lid = tekst(wko("1.6", 6), D(2021, 1, 1))
    assert lid.splitlines()[0].startswith("Het derde lid is niet van toepassing")
    assert len(lid.splitlines()) == 4


# --------------------------------------------------------------------------- Bkot content


def test_bkot_8a_4e_vanaf_2021_5e_vanaf_2022():
    assert bestaat(bkot("8a", 1, "b", "4°"), D(2021, 1, 1))
    assert "artikel 1.6, achtste of negende lid" in tekst(bkot("8a", 1, "b", "4"), D(2021, 2, 1))
    assert not bestaat(bkot("8a", 1, "b", "5°"), D(2021, 12, 31))
    assert "tiende of elfde lid" in tekst(bkot("8a", 1, "b", "5°"), D(2022, 1, 1))
    # the last subonderdeel ends with a full stop, the others with a semicolon
    assert tekst(bkot("8a", 1, "b", "4°"), D(2021, 1, 1)).endswith(".")
    assert tekst(bkot("8a", 1, "b", "4°"), D(2022, 1, 1)).endswith(";")


def test_bkot_8a_kgu_percentages():
    assert tekst(bkot("8a", 1, "b", "1°"), D(2021, 5, 1)).startswith("140 procent")
    assert tekst(bkot("8a", 1, "b", "2°"), D(2021, 5, 1)).startswith("70 procent")
    assert tekst(bkot("8a", 1, "b", "2°"), D(2022, 5, 1)).startswith("140 procent")
    assert "minste uren heeft gewerkt" in tekst(bkot("8a", 2), D(2022, 5, 1))
    assert tekst(bkot("8a", 1, "a"), D(2023, 1, 1)) == "230 uren per kalendermaand;"


def test_bkot_8a_2023_alleen_bekende_delen():
    b = tekst(bkot("8a", 1, "b"), D(2023, 3, 1))
    assert b.startswith("per berekeningsjaar 230 uren, vermenigvuldigd met het aantal maanden")
    assert bestaat(bkot("8a", 1, "b", "1°"), D(2023, 3, 1))
    assert not bestaat(bkot("8a", 1, "b", "2°"), D(2023, 3, 1))  # truncated in every copy found
    assert not bestaat(bkot("8a", 2), D(2023, 3, 1))
    assert "NIET gevonden" in noot(bkot("8a"), D(2023, 3, 1))


def test_bkot_max_uurprijs_2022_en_2023():
    assert tekst(bkot("4", 1, "a"), D(2022, 1, 1)) == "dagopvang € 8,50;"
    # Besluit van 30 juni 2023: 6,73 -> 6,85 with retroactive effect to 1 January 2023
    assert tekst(bkot("4", 1, "c"), D(2023, 1, 1)) == "gastouderopvang € 6,85."
    assert not bestaat(bkot("4", 1), D(2021, 6, 1))
    assert bestaat(bkot("4", 2), D(2021, 6, 1))


# --------------------------------------------------------------------------- Awir / Pw


def test_awir_artikel_5_en_4():
    t5 = tekst(awir("5"), D(2021, 1, 1))
    assert "na de eerste dag van de maand" in t5 and "vanaf de eerste dag van de daaropvolgende maand" in t5
    assert t5 == tekst(awir("5"), D(2024, 1, 1))
    assert "drie gehele dagen per week" in tekst(awir("4", 2), D(2023, 6, 1))
    assert "156 dagen" in tekst(awir("4", 2), D(2024, 6, 1))
    assert bestaat(awir("3", 7), D(2024, 1, 1)) and not bestaat(awir("3", 7), D(2021, 1, 1))
    assert "inkomensgegeven" in tekst(awir("8", 1), D(2022, 1, 1))


def test_participatiewet_9a_duur():
    assert "ten hoogste zes jaar" in tekst(pw("9a", 4), D(2010, 1, 1))
    assert "ten hoogste vijf jaar" in tekst(pw("9a", 4), D(2021, 1, 1))
    assert "ten hoogste vijf jaar" in tekst(pw("9a", 4), D(2025, 1, 1))
    assert tekst(pw("7", 1, "a", "7°"), D(2021, 1, 1)) == "niet-uitkeringsgerechtigden"
    assert bron_info("Pw", "2009-01-01")["titel"].startswith("Wet werk en bijstand")


# --------------------------------------------------------------------------- error messages


def test_onbekend_lid_geeft_duidelijke_fout():
    with pytest.raises(OntbrekendeWettekst) as e:
        tekst(wko("1.6", 12), D(2022, 3, 1))
    msg = str(e.value)
    assert isinstance(e.value, LookupError)
    assert "Wet kinderopvang" in msg and "1.6" in msg and "lid 12" in msg
    assert "2022-01-01" in msg and "01-03-2022" in msg and "11" in msg


def test_onbekend_onderdeel_en_artikel():
    with pytest.raises(OntbrekendeWettekst, match=r"onderdeel m .*1\.6 lid 1.*2021-01-01"):
        tekst(wko("1.6", 1, "m"), D(2021, 1, 1))
    with pytest.raises(OntbrekendeWettekst, match="artikel 99 is niet opgenomen"):
        tekst(wko("99"), D(2021, 1, 1))
    with pytest.raises(OntbrekendeWettekst, match="geen genummerde leden"):
        tekst(awir("5", 1), D(2021, 1, 1))
    with pytest.raises(OntbrekendeWettekst, match="subonderdeel 9°"):
        tekst(bkot("8a", 1, "b", "9"), D(2022, 1, 1))


def test_onbekende_wet_in_bron():
    with pytest.raises(ValueError):
        Bron("Wet X", "1")
