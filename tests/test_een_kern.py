"""One rules core: the population path (blocks, no trace) gives exactly the same amounts as the single-household path
with its trace, for many random households."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import huishoudens
from kotwijzer.compute import bereken
from kotwijzer.invoer import naar_batch, voeg_samen
from kotwijzer.kern import bereken_totalen
from kotwijzer.model import Huishouden
from kotwijzer.params import parameters_voor_jaar


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(huishoudens(), min_size=2, max_size=6), st.sampled_from([2023, 2024, 2026]))
def test_populatiepad_gelijk_aan_enkel_huishouden(lijst, jaar):
    def naar_jaar(h):  # move the household (application date, birth dates) to `jaar`, keeping the child's age
        d = jaar - h["berekeningsjaar"]
        kinderen = [
            {**k, "geboortedatum": f"{int(k['geboortedatum'][:4]) + d}{k['geboortedatum'][4:]}"} for k in h["kinderen"]
        ]
        return {**h, "berekeningsjaar": jaar, "aanvraagdatum": f"{jaar}-01-01", "kinderen": kinderen}

    lijst = [naar_jaar(h) for h in lijst]
    p = parameters_voor_jaar(jaar)
    batch = voeg_samen([naar_batch(Huishouden.model_validate(h), p) for h in lijst])
    tot = bereken_totalen(batch, blok=3)  # small blocks: block boundaries must not matter
    for i, h in enumerate(lijst):
        r = bereken(h)
        assert Decimal(int(tot.toeslag_cent[i])) / 100 == r.jaar.toeslag
        assert Decimal(int(tot.uren_cu[i])) / 100 == r.jaar.uren_in_aanmerking
        assert int(tot.maanden_aanspraak[i]) == r.jaar.maanden_met_aanspraak
        assert int(tot.toeslag_per_soort_cent[i].sum()) == int(tot.toeslag_cent[i])
