"""Each reform changes exactly what it should, on hand-built households (berekeningsjaar 2024).

Expected amounts are worked out by hand from the law and Bijlage I, not taken from the code:
- maximum uurprijs dagopvang 2024: EUR 10,25 (Bkot art. 4); 100 hours x 10,25 = EUR 1.025,00 per month;
- percentage eerste kind 2024: 96,0% up to EUR 28.297; 94,4% for 29.787-31.273; 80,6% for 57.276-60.791 (Bijlage I
  2024, status provisional); the 2026 table has 92,4% in the same row (R5);
- the right exists per month (Wko 1.6); the pool is 230 hours per month with a right (Bkot 8a), never binding here.
"""

from decimal import Decimal

import pytest

from helpers import huishouden, kind, ouder, sit
from kotwijzer.invoer import naar_batch
from kotwijzer.kern import bereken_totalen
from kotwijzer.model import Huishouden
from kotwijzer.params import parameters_voor_jaar
from kotwijzer.policy import hervorming as H

JAAR = 2024
KIND = kind(geboren="2022-03-15", soort="dagopvang", uren=100, prijs="10.25")
BIJSTAND = {"uitkering": "bijstand"}


def _reken(h: dict, herv: H.Hervorming | None = None) -> tuple[Decimal, int]:
    hh = Huishouden.model_validate(h)
    b = naar_batch(hh, parameters_voor_jaar(JAAR))
    t = bereken_totalen(b, params=H.parameters(herv or H.BASISSCENARIO, JAAR))
    return Decimal(int(t.toeslag_cent[0])) / 100, int(t.maanden_aanspraak[0])


@pytest.fixture(scope="module")
def R():
    return H.alle()


def test_vijf_hervormingen_als_data(R):
    assert list(R) == ["R1", "R2", "R3", "R4", "R5"]
    assert R["R1"].wijzigingen == {"categorie_c_telt": True}
    assert R["R2"].wijzigingen == {"wlz_uitzondering_zonder_voldoende_partner": True}
    assert R["R3"].wijzigingen == {"doorloop_na_traject_maanden": 3}
    assert R["R4"].wijzigingen == {"inburgering_alle_activiteiten": True}
    assert R["R5"].tabel == {"percentages_van_jaar": 2026}
    for h in R.values():
        assert h.bron and h.omschrijving and h.verwachting


# ------------------------------------------------------------------------------------------ R1
def test_r1_alleenstaande_bijstand_categorie_c(R):
    h = huishouden(
        JAAR,
        ouder(sit("bijstand_traject", voorziening_gericht_op_arbeidsinschakeling=False, **BIJSTAND)),
        kinderen=[kind(geboren="2022-03-15", soort="dagopvang", uren=60, prijs="10.25")],
        inkomen=18_000,
    )
    assert _reken(h) == (Decimal("0.00"), 0)  # law: categorie C is no voorziening gericht op arbeidsinschakeling
    # 60 h x 10,25 x 96% = 590,40 per month, 12 months
    assert _reken(h, R["R1"]) == (Decimal("7084.80"), 12)


def test_r1_paar_werk_en_categorie_c(R):
    h = huishouden(
        JAAR,
        ouder(sit("arbeid")),
        ouder(sit("bijstand_traject", voorziening_gericht_op_arbeidsinschakeling=False, **BIJSTAND)),
        kinderen=[KIND],
        inkomen=30_000,
    )
    assert _reken(h)[0] == 0
    assert _reken(h, R["R1"]) == (Decimal("11611.20"), 12)  # 1.025,00 x 94,4% = 967,60 x 12


def test_r1_paar_categorie_c_en_geen_activiteit_blijft_zonder_recht(R):
    h = huishouden(
        JAAR,
        ouder(sit("bijstand_traject", voorziening_gericht_op_arbeidsinschakeling=False, **BIJSTAND)),
        ouder(),
        kinderen=[KIND],
        inkomen=25_000,
    )
    assert _reken(h, R["R1"]) == (Decimal("0.00"), 0)  # lid 3: the partner must qualify too


def test_r1_verandert_niets_bij_werk(R):
    h = huishouden(JAAR, ouder(sit("arbeid")), ouder(sit("arbeid")), kinderen=[KIND], inkomen=60_000)
    assert _reken(h, R["R1"]) == _reken(h) == (Decimal("9913.80"), 12)  # 1.025,00 x 80,6% x 12


# ------------------------------------------------------------------------------------------ R2
def test_r2_alleenstaande_met_wlz(R):
    h = huishouden(JAAR, ouder(sit("wlz_permanent")), kinderen=[KIND], inkomen=20_000)
    assert _reken(h) == (Decimal("0.00"), 0)  # lid 9: only with a partner who qualifies
    assert _reken(h, R["R2"]) == (Decimal("11808.00"), 12)  # 1.025,00 x 96% x 12


def test_r2_beide_ouders_wlz(R):
    h = huishouden(JAAR, ouder(sit("wlz_permanent")), ouder(sit("wlz_tijdelijk")), kinderen=[KIND], inkomen=20_000)
    assert _reken(h)[0] == 0
    assert _reken(h, R["R2"]) == (Decimal("11808.00"), 12)


def test_r2_wlz_en_partner_zonder_situatie_blijft_zonder_recht(R):
    h = huishouden(JAAR, ouder(sit("wlz_permanent")), ouder(), kinderen=[KIND], inkomen=20_000)
    assert _reken(h, R["R2"]) == (Decimal("0.00"), 0)


def test_r2_wlz_met_werkende_partner_al_recht(R):
    h = huishouden(JAAR, ouder(sit("wlz_permanent")), ouder(sit("arbeid")), kinderen=[KIND], inkomen=20_000)
    assert _reken(h) == _reken(h, R["R2"]) == (Decimal("11808.00"), 12)


# ------------------------------------------------------------------------------------------ R3
def test_r3_drie_maanden_na_einde_traject(R):
    h = huishouden(
        JAAR,
        ouder(
            sit(
                "bijstand_traject",
                van="2023-06-01",
                tot="2024-05-31",
                voorziening_gericht_op_arbeidsinschakeling=True,
                **BIJSTAND,
            )
        ),
        kinderen=[KIND],
        inkomen=18_000,
    )
    assert _reken(h) == (Decimal("4920.00"), 5)  # January-May: 5 x 984,00
    assert _reken(h, R["R3"]) == (Decimal("7872.00"), 8)  # plus June-August


def test_r3_werkloosheidstermijn_na_werk_ongewijzigd(R):
    h = huishouden(JAAR, ouder(sit("arbeid", van="2020-01-01", tot="2024-05-31")), kinderen=[KIND], inkomen=18_000)
    assert _reken(h) == _reken(h, R["R3"]) == (Decimal("7872.00"), 8)  # lid 5 already gives June-August


# ------------------------------------------------------------------------------------------ R4
def test_r4_alleen_andere_inburgeringsactiviteiten(R):
    h = huishouden(JAAR, ouder(sit("inburgering_overige_activiteit")), kinderen=[KIND], inkomen=18_000)
    assert _reken(h) == (Decimal("0.00"), 0)  # onderdeel g: only a course or education
    assert _reken(h, R["R4"]) == (Decimal("11808.00"), 12)


def test_r4_cursus_daarna_andere_activiteiten(R):
    h = huishouden(
        JAAR,
        ouder(
            sit("inburgering", maanden=list(range(1, 7))),
            sit("inburgering_overige_activiteit", maanden=list(range(7, 13))),
        ),
        kinderen=[KIND],
        inkomen=18_000,
    )
    assert _reken(h) == (Decimal("5904.00"), 6)
    assert _reken(h, R["R4"]) == (Decimal("11808.00"), 12)


# ------------------------------------------------------------------------------------------ R5
def test_r5_percentages_2026(R):
    h = huishouden(JAAR, ouder(sit("arbeid")), kinderen=[KIND], inkomen=60_000)
    assert _reken(h)[0] == Decimal("9913.80")  # 80,6%
    assert _reken(h, R["R5"])[0] == Decimal("11365.20")  # 92,4%: 1.025,00 x 92,4% = 947,10 x 12
    laag = huishouden(JAAR, ouder(sit("arbeid")), kinderen=[KIND], inkomen=20_000)
    assert _reken(laag, R["R5"]) == _reken(laag)  # 96% stays 96%


def test_r5_tabel_gevalideerd_en_gemarkeerd(R):
    p = H.parameters(R["R5"], JAAR)
    t = p.tabel()
    assert t.status == "hervorming" and "scenario" in t.bron
    assert len(t.van) == 69 and t.tot[-1] < 0


def test_parameterwijziging_maximum_uurprijs_en_verschuiving():
    h = huishouden(
        JAAR, ouder(sit("arbeid")), kinderen=[kind(geboren="2022-03-15", uren=100, prijs="10.50")], inkomen=20_000
    )
    assert _reken(h)[0] == Decimal("11808.00")  # capped at 10,25
    mu = H.Hervorming("T1", "test", maximum_uurprijs={"dagopvang": "10.50"})
    assert _reken(h, mu)[0] == Decimal("12096.00")  # 1.050,00 x 96% x 12
    pp = H.Hervorming("T2", "test", tabel={"verschuiving_procentpunt": 2.0})
    h60 = huishouden(JAAR, ouder(sit("arbeid")), kinderen=[KIND], inkomen=60_000)
    assert _reken(h60, pp)[0] == Decimal("10159.80")  # 82,6%: 846,65 x 12
    assert _reken(h, pp)[0] == Decimal("11808.00")  # 96% is the maximum


def test_onbekende_parameter_of_lege_hervorming_geweigerd(tmp_path):
    with pytest.raises(H.HervormingFout):
        H.parameters(H.Hervorming("X", "x", wijzigingen={"bestaat_niet": 1}), JAAR)
    leeg = tmp_path / "leeg.yaml"
    leeg.write_text("code: X\nnaam: niets\n", encoding="utf-8")
    with pytest.raises(H.HervormingFout):
        H.lees(leeg)
    with pytest.raises(H.HervormingFout):
        H.kies("R9")
