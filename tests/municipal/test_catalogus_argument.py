"""The municipal catalogue is an argument of the rules core (issue 14), not hidden state: two organisations'
catalogues used at the same time, in two threads or interleaved in one, never leak into each other.

Expectations follow from the law, not from the code's output: Wko art. 1.6 lid 1 onder c with art. 7 lid 1 onder a
Participatiewet gives a bijstand parent a right only while the activity is a voorziening gericht op
arbeidsinschakeling, which the municipality decides (categories A and B do, C does not; the project's example data
puts Wmo-dagbesteding of GM9901 in C). Organisation B's catalogue writes the same activity into an individual plan as
a first re-integration step (categorie B, code 40), so with B's catalogue the parent has a right in every month and
with A's none."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from helpers import huishouden, ouder, sit
from kotwijzer.compute import bereken, voorwaardencheck
from kotwijzer.explain import stappen
from kotwijzer.model import Huishouden
from kotwijzer.municipal import Catalogus, catalogus_van, classificeer, voorbeeldcatalogus

NAAM_B = "Voorbeeldgemeente van organisatie B"


def _catalogus_b() -> Catalogus:
    d = voorbeeldcatalogus().model_dump(mode="json")
    for g in d["gemeenten"]:
        if g["cbs_code"] == "GM9901":
            g["naam"] = NAAM_B
    for a in d["activiteiten"]["GM9901"]:
        if a["code"] == "wmo-dagbesteding":
            a.update(categorie="B", reintegratiecode=40, individueel_plan_vereist=True, doel="re-integratie")
    return Catalogus.model_validate(d)


def _gezin() -> Huishouden:
    return Huishouden.model_validate(
        huishouden(
            2026,
            ouder(sit("bijstand_traject", uitkering="bijstand", gemeente_code="GM9901", activiteit="wmo-dagbesteding")),
            inkomen=20_000,
        )
    )


def _controleer_a(h: Huishouden, cat) -> None:
    r = bereken(h, vandaag=None, catalogus=cat)
    assert not any(m.aanspraak for m in r.maanden)
    assert {m.reden for m in r.maanden} == {"bijstand_zonder_voorziening"}
    assert "categorie C" in r.maanden[0].condities[0].uitleg
    assert voorwaardencheck(h, catalogus=cat).oordeel == "geen_recht"


def _controleer_b(h: Huishouden, cat) -> None:
    r = bereken(h, catalogus=cat)
    assert all(m.aanspraak for m in r.maanden) and r.jaar.toeslag > 0
    uitleg = r.maanden[0].condities[0].uitleg
    assert "categorie B" in uitleg and NAAM_B in uitleg
    assert voorwaardencheck(h, catalogus=cat).oordeel == "recht"
    assert any("code 40" in s.tekst for s in stappen(h, r, catalogus=cat))


def test_zonder_catalogus_rekent_de_kern_met_de_voorbeeldgegevens_en_zegt_dat():
    h = _gezin()
    _controleer_a(h, None)
    assert classificeer("GM9901", "wmo-dagbesteding").voorbeeld is True
    assert catalogus_van(None).gemeente("GM9901").voorbeeld is True


def test_een_catalogus_of_een_functie_die_er_een_geeft():
    b = _catalogus_b()
    _controleer_b(_gezin(), b)
    _controleer_b(_gezin(), lambda: b)
    # a function that gives None (an empty database) means the example data
    _controleer_a(_gezin(), lambda: None)


def test_een_functie_wordt_alleen_aangeroepen_als_er_een_activiteit_te_classificeren_is():
    geroepen = []

    def bron():
        geroepen.append(1)
        return _catalogus_b()

    zonder = huishouden(2026, ouder(sit("arbeid", uren_per_maand=120)), inkomen=30_000)
    bereken(zonder, catalogus=bron)
    assert geroepen == []
    bereken(_gezin(), catalogus=bron)
    assert geroepen


def test_twee_organisaties_tegelijk_in_twee_draden_lopen_niet_door_elkaar():
    a, b = voorbeeldcatalogus(), _catalogus_b()
    h = _gezin()
    start = threading.Barrier(2)

    def organisatie(cat, controle) -> int:
        start.wait()
        for _ in range(15):
            controle(h, cat)
        return 15

    with ThreadPoolExecutor(max_workers=2) as pool:
        fa = pool.submit(organisatie, a, _controleer_a)
        fb = pool.submit(organisatie, b, _controleer_b)
        assert fa.result(timeout=300) == fb.result(timeout=300) == 15


def test_afwisselend_en_genest_in_een_draad_lopen_niet_door_elkaar():
    """Interleaved in one thread, and even a catalogue function that itself computes with the other organisation's
    catalogue while it is being asked (re-entrant): each call answers with its own catalogue."""
    a, b = voorbeeldcatalogus(), _catalogus_b()
    h = _gezin()
    for _ in range(3):
        _controleer_a(h, a)
        _controleer_b(h, b)

    def bron_a():
        _controleer_b(h, b)  # another organisation's calculation in the middle of this one
        return a

    _controleer_a(h, bron_a)
    _controleer_b(h, b)
