"""Aanspraak per month: every onderdeel of Wko 1.6 lid 1 and every exception, worked out by hand from the law text
(shared/law/README.md §1, which quotes Wko 1.6 per version)."""

import pytest

from helpers import ALLE, huishouden, kind, ouder, sit
from kotwijzer.compute import bereken, voorwaardencheck


def maanden_recht(r) -> list[int]:
    return [m.maand for m in r.maanden if m.aanspraak]


def redenen(r) -> set[str]:
    return {m.reden for m in r.maanden}


ONDERDELEN = [
    ("arbeid", {}, "onder a"),
    ("meewerkend_partner", {}, "onder b"),
    ("bijstand_traject", {"uitkering": "bijstand", "voorziening_gericht_op_arbeidsinschakeling": True}, "onder c"),
    ("jonger_dan_18_bijstand_scholing", {}, "onder e"),
    ("werkzoekende_traject", {"voorziening_gericht_op_arbeidsinschakeling": True}, "onder f"),
    ("inburgering", {}, "onder g"),
    ("ww_traject", {}, "onder h"),
    ("arbeidsongeschikt_reintegratie", {}, "onder i"),
    ("studie", {"onderwijs": "hbo"}, "onder j"),
]


@pytest.mark.parametrize("situatie,extra,onderdeel", ONDERDELEN)
def test_elk_onderdeel_van_lid_1_geeft_recht_aan_alleenstaande(situatie, extra, onderdeel):
    r = bereken(huishouden(2026, ouder(sit(situatie, **extra))))
    assert maanden_recht(r) == ALLE
    assert redenen(r) == {"alleenstaand_voldoet"}
    arbeidseis = r.maanden[0].condities[0]
    assert arbeidseis.status == "voldaan"
    assert any(b.citaat == f"art. 1.6 lid 1 {onderdeel} Wko" for b in arbeidseis.bronnen)


@pytest.mark.parametrize("situatie,extra,onderdeel", ONDERDELEN)
def test_elk_onderdeel_telt_ook_voor_de_partner(situatie, extra, onderdeel):
    # lid 3: the partner meets a, b (uitkering c/e/h/i + voorziening), c (f, g, j, k, l) or d (lid 1 onder b)
    r = bereken(huishouden(2026, ouder(sit("arbeid")), ouder(sit(situatie, **extra))))
    assert maanden_recht(r) == ALLE
    assert redenen(r) == {"beide_voldoen"}


def test_sociaal_medische_indicatie_geeft_geen_toeslag():
    # Wko 1.6 lid 1 onder k and l are not in force (laws-markdown: 'nog niet in werking getreden'; empty in the
    # 2026 consolidation): a parent with an SMI gets help from the municipality (Wko 1.13), not KOT.
    r = bereken(huishouden(2026, ouder(sit("arbeid")), ouder(sit("sociaal_medische_indicatie"))))
    assert maanden_recht(r) == [] and redenen(r) == {"sociaal_medische_indicatie"}
    assert "gemeente" in r.maanden[0].uitleg


def test_situatie_die_halverwege_de_maand_begint_telt_vanaf_de_volgende_maand():
    # Awir art. 5: a change after the first day of a month counts from the first day of the next month
    r = bereken(huishouden(2026, ouder(sit("arbeid", van="2026-03-15"))))
    assert maanden_recht(r) == list(range(4, 13))
    r = bereken(huishouden(2026, ouder(sit("arbeid", van="2026-03-01"))))
    assert maanden_recht(r)[0] == 3


def test_voorlopige_hechtenis_telt_vanaf_2026():
    # Wko 1.6 lid 10 (version 2026-01-01) also names 'een bevel tot gevangenneming of gevangenhouding'
    per = sit("detentie", van="2026-01-01", tot="2026-06-30", detentie_soort="voorlopige_hechtenis")
    r = bereken(huishouden(2026, ouder(sit("arbeid")), ouder(per)))
    assert maanden_recht(r) == [1, 2, 3, 4, 5, 6]
    citaten = {b.citaat for b in r.maanden[0].bronnen}
    assert "art. 1.6 lid 10 Wko" in citaten and "art. 1.6 lid 11 Wko" not in citaten  # lid 11 is gone in 2026
    per24 = sit("detentie", van="2024-01-01", tot="2024-06-30", detentie_soort="voorlopige_hechtenis")
    assert maanden_recht(bereken(huishouden(2024, ouder(sit("arbeid")), ouder(per24)))) == []


def test_geen_situatie_geen_recht():
    r = bereken(huishouden(2026, ouder(sit("geen"))))
    assert maanden_recht(r) == [] and redenen(r) == {"aanvrager_voldoet_niet"}
    assert r.jaar.toeslag == 0


def test_partner_werkt_niet_geen_recht():
    r = bereken(huishouden(2026, ouder(sit("arbeid")), ouder(sit("geen"))))
    assert maanden_recht(r) == [] and redenen(r) == {"partner_voldoet_niet"}


def test_bloedverwant_partner_lid_6():
    # lid 6: lid 3 does not apply to a 'partner' who is a relative in the first or second degree
    r = bereken(huishouden(2026, ouder(sit("arbeid")), ouder(sit("geen")), partner_is_bloedverwant=True))
    assert maanden_recht(r) == ALLE and redenen(r) == {"bloedverwant_partner"}
    assert r.maanden[0].condities[1].status == "niet_van_toepassing"


def test_alleenstaande_met_wlz_geen_recht():
    # lid 9 requires a partner who meets the conditions: a single parent with a Wlz-indicatie has no right
    r = bereken(huishouden(2026, ouder(sit("wlz_permanent"))))
    assert maanden_recht(r) == [] and redenen(r) == {"alleenstaand_wlz"}
    assert "Wlz" in r.maanden[0].uitleg


def test_beide_partners_wlz_geen_recht():
    r = bereken(huishouden(2026, ouder(sit("wlz_permanent")), ouder(sit("wlz_permanent"))))
    assert maanden_recht(r) == [] and redenen(r) == {"beiden_uitzondering"}


@pytest.mark.parametrize("jaar", [2021, 2022, 2023, 2026])
def test_partner_met_permanente_wlz_recht_vanaf_2021(jaar):
    # lid 8/9 in force from 1 January 2021 (Verzamelwet kinderopvang 2021)
    from kotwijzer.compute import voorwaardencheck

    # a child born the year before (the default child of the helpers is born in 2022: in 2021 it has no right yet)
    data = huishouden(
        jaar,
        ouder(sit("arbeid", uren_per_maand=120)),
        ouder(sit("wlz_permanent")),
        kinderen=[kind(geboren=f"{jaar - 1}-06-01")],
    )
    r = voorwaardencheck(data)
    assert r.oordeel == "recht" and r.maanden_met_aanspraak == ALLE


def test_tijdelijke_wlz_2022_nee_2023_ja():
    # lid 8 (2022 version) names only art. 3.2.1 lid 1 Wlz; from 2023 also 3.2.1 lid 3 and 3.2.2 (temporary)
    data22 = huishouden(2022, ouder(sit("arbeid", uren_per_maand=120)), ouder(sit("wlz_tijdelijk")))
    r22 = voorwaardencheck(data22)
    assert r22.oordeel == "geen_recht" and r22.maanden_met_aanspraak == []
    assert any(c.code == "aanspraak_wlz_tijdelijk_te_vroeg" for c in r22.condities)
    r23 = bereken(huishouden(2023, ouder(sit("arbeid")), ouder(sit("wlz_tijdelijk"))))
    assert maanden_recht(r23) == ALLE and redenen(r23) == {"partner_wlz"}


def test_partner_twee_maanden_gedetineerd_lid_10_geldt_niet():
    # lid 10: only a sentence of more than three months
    r = bereken(huishouden(2023, ouder(sit("arbeid")), ouder(sit("detentie", van="2023-03-01", tot="2023-04-30"))))
    assert maanden_recht(r) == []  # March/April: partner detained too briefly; other months: partner has no situation
    assert r.maanden[2].reden == "detentie_te_kort"
    assert any("drie maanden" in w for w in r.waarschuwingen)


def test_partner_zes_maanden_gedetineerd_recht_tijdens_detentie():
    r = bereken(huishouden(2023, ouder(sit("arbeid")), ouder(sit("detentie", van="2023-02-01", tot="2023-07-31"))))
    assert maanden_recht(r) == [2, 3, 4, 5, 6, 7]
    assert r.maanden[1].reden == "partner_detentie"


def test_detentie_telt_pas_vanaf_2022():
    data = huishouden(
        2021, ouder(sit("arbeid", uren_per_maand=120)), ouder(sit("detentie", van="2021-02-01", tot="2021-07-31"))
    )
    r = voorwaardencheck(data)
    assert r.maanden_met_aanspraak == []
    assert any(c.code == "aanspraak_detentie_te_vroeg" for c in r.condities)


def test_straf_die_na_het_jaar_doorloopt_telt_hele_duur():
    # a sentence from 1 Nov 2022 to 31 Mar 2023 is longer than three months, also when only two months fall in 2022
    per = sit("detentie", maanden=[11, 12], detentie_begin="2022-11-01", detentie_einde="2023-03-31")
    r = bereken(huishouden(2022, ouder(sit("arbeid", uren_per_maand=100)), ouder(per), inkomen=30_000))
    assert maanden_recht(r) == [11, 12]


def test_werk_stopt_14_maart_recht_tot_en_met_14_juni():
    # lid 5: three calendar months from the day after the last working day: 15 March to 14 June
    r = bereken(huishouden(2023, ouder(sit("arbeid", van="2020-01-01", tot="2023-03-14"))))
    assert maanden_recht(r) == [1, 2, 3, 4, 5, 6]
    assert any("14 juni 2023" in w for w in r.waarschuwingen)
    assert r.maanden[4].condities[0].bronnen[-1].citaat == "art. 1.6 lid 5 Wko"


def test_werk_stopt_14_maart_met_bevalling_verlengd():
    # lid 5, second sentence: extended by the overlap with [expected delivery - 28 days, delivery + 42 days].
    # Window 4 May - 17 July 2023 overlaps 15 March - 14 June on 4 May - 14 June = 42 days -> until 26 July.
    a = ouder(sit("arbeid", van="2020-01-01", tot="2023-03-14"))
    a["vermoedelijke_bevallingsdatum"] = "2023-06-01"
    a["bevallingsdatum"] = "2023-06-05"
    r = bereken(huishouden(2023, a))
    assert maanden_recht(r) == [1, 2, 3, 4, 5, 6, 7]
    assert any("26 juli 2023" in w and "42 dagen" in w for w in r.waarschuwingen)


def test_werkloosheidstermijn_na_werk_in_vorig_jaar():
    a = ouder(sit("geen"))
    a["laatste_werkdag_vorig_jaar"] = "2025-11-20"
    r = bereken(huishouden(2026, a))
    assert maanden_recht(r) == [1, 2]  # 21 November 2025 - 20 February 2026


def test_einde_traject_geeft_geen_doorloop():
    # lid 5 is only for the end of work (onderdeel a/b), not for a traject
    r = bereken(
        huishouden(
            2026,
            ouder(
                sit(
                    "bijstand_traject",
                    van="2025-01-01",
                    tot="2026-04-30",
                    voorziening_gericht_op_arbeidsinschakeling=True,
                )
            ),
        )
    )
    assert maanden_recht(r) == [1, 2, 3, 4]


def test_bijstand_zonder_voorziening_en_onbekend():
    nee = bereken(huishouden(2026, ouder(sit("bijstand_traject", voorziening_gericht_op_arbeidsinschakeling=False))))
    assert maanden_recht(nee) == [] and redenen(nee) == {"bijstand_zonder_voorziening"}
    onbekend = voorwaardencheck(huishouden(2026, ouder(sit("bijstand_traject"))))
    assert onbekend.oordeel == "onbekend"
    assert any(v.code == "voorziening" for v in onbekend.vragen)


def test_kind_voortgezet_onderwijs_stopt_toeslag():
    # Wko 1.1: kinderopvang until the first day of the month in which secondary school starts
    k = kind(geboren="2014-03-01", soort="buitenschoolse_opvang", uren=40, start_voortgezet_onderwijs="2026-09")
    r = bereken(huishouden(2026, ouder(sit("arbeid")), kinderen=[k]))
    toeslag = [m.kinderen[0].toeslag > 0 for m in r.maanden]
    assert toeslag == [True] * 8 + [False] * 4
    assert "voortgezet_onderwijs" in r.maanden[8].kinderen[0].redenen


def test_kind_niet_op_adres_en_niet_in_lrk():
    k1 = kind(woont_op_adres_aanvrager=False)
    r1 = bereken(huishouden(2026, ouder(sit("arbeid")), kinderen=[k1]))
    assert r1.jaar.toeslag == 0 and "niet_op_adres" in r1.maanden[0].kinderen[0].redenen
    k2 = kind(woont_op_adres_aanvrager=False, co_ouderschap=True)
    assert bereken(huishouden(2026, ouder(sit("arbeid")), kinderen=[k2])).jaar.toeslag > 0
    k3 = kind()
    k3["opvang"][0]["lrk_geregistreerd"] = False
    r3 = bereken(huishouden(2026, ouder(sit("arbeid")), kinderen=[k3]))
    assert r3.jaar.toeslag == 0 and "niet_in_lrk" in r3.maanden[0].kinderen[0].redenen
    assert r3.jaar.eigen_bijdrage == r3.jaar.werkelijke_kosten


def test_terugwerkende_kracht_drie_maanden():
    # Wko 1.3 lid 2 onder b: application on 15 June 2026 reaches back to 1 March 2026
    r = bereken(huishouden(2026, ouder(sit("arbeid")), aanvraagdatum="2026-06-15"))
    met_toeslag = [m.maand for m in r.maanden if m.toeslag > 0]
    assert met_toeslag == list(range(3, 13))
    assert "te_laat_aangevraagd" in r.maanden[1].kinderen[0].redenen


def test_vanaf_2023_urenpotje_230_maal_maanden_minst_werkende_ouder():
    # Bkot 8a lid 1 onder b (Stb. 2022, 386): 230 x months in which the least-working parent worked.
    # Partner works January-April only and has no other situation; the werkloosheidstermijn of lid 5 keeps the
    # right (and counts as months of work) through the three months after 30 April: May, June, July.
    r = bereken(huishouden(2023, ouder(sit("arbeid")), ouder(sit("arbeid", van="2023-01-01", tot="2023-04-30"))))
    assert maanden_recht(r) == [1, 2, 3, 4, 5, 6, 7]
    assert r.urenpotjes[0].uren == 230 * 7


def test_een_uur_werk_per_maand_geeft_2760_uur():
    # kinderopvang-wijzer (shared/law/README.md §8 ex. 2): 1 hour of work in each of 12 months -> 12 x 230 hours
    r = bereken(huishouden(2024, ouder(sit("arbeid", uren_per_maand=1)), kinderen=[kind(uren=250)]))
    assert r.urenpotjes[0].uren == 2760
    assert all(m.kinderen[0].uren_in_aanmerking == 230 for m in r.maanden)
