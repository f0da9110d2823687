"""The app hands the rules core its own catalogue per request (`kotwijzer.http.catalogus.kern_catalogus`): two apps
(two organisations, two databases) serving at the same time each classify with their own catalogue, and an app with
an empty database uses the example data. Expectations from the law: categorie B is a voorziening gericht op
arbeidsinschakeling (a right, Wko art. 1.6 lid 1 onder c), categorie C is not."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

from conftest import client_voor, maak_app
from kotwijzer.municipal import Activiteit, Catalogus, voorbeeldcatalogus
from kotwijzer.store import catalogus_opslaan

INVOER = {
    "berekeningsjaar": 2026,
    "toetsingsinkomen": 20000,
    "aanvraagdatum": "2026-01-01",
    "aanvrager": {
        "situaties": [
            {
                "situatie": "bijstand_traject",
                "maanden": list(range(1, 13)),
                "gemeente_code": "GM9901",
                "activiteit": "moestuin",
            }
        ]
    },
    "kinderen": [
        {"geboortedatum": "2022-01-15", "opvang": [{"soort": "dagopvang", "uren_per_maand": 100, "uurprijs": "9.00"}]}
    ],
}


def _met_moestuin(categorie: str) -> Catalogus:
    """The example catalogue with GM9901 named after the organisation and its vegetable garden in `categorie`."""
    cat = voorbeeldcatalogus()
    gemeenten = [
        g.model_copy(update={"naam": f"Voorbeeldgemeente van organisatie {categorie}"}) if g.cbs_code == "GM9901" else g
        for g in cat.gemeenten
    ]
    nieuw = {"categorie": "B", "doel": "re-integratie", "reintegratiecode": 40} if categorie == "B" else {}
    acts = {
        k: [Activiteit.valideer({**a.model_dump(), **nieuw}) if (k, a.code) == ("GM9901", "moestuin") else a for a in v]
        for k, v in cat.activiteiten.items()
    }
    return Catalogus(gemeenten=gemeenten, activiteiten=acts, beleid=cat.beleid)


def test_twee_apps_met_elk_een_eigen_catalogus_tegelijk(tmp_path):
    app_b = maak_app(f"sqlite:///{tmp_path / 'b.sqlite'}")
    app_c = maak_app(f"sqlite:///{tmp_path / 'c.sqlite'}")
    leeg = maak_app(f"sqlite:///{tmp_path / 'leeg.sqlite'}")
    with app_b.state.db.sessie() as s:
        catalogus_opslaan(s, _met_moestuin("B"))
    with app_c.state.db.sessie() as s:
        catalogus_opslaan(s, _met_moestuin("C"))
    start = threading.Barrier(3)

    def vraag(app, keer: int = 6) -> list[tuple[Decimal, str]]:
        uit = []
        with client_voor(app) as cl:
            start.wait()
            for _ in range(keer):
                r = cl.post("/api/v1/berekening", json=INVOER)
                assert r.status_code == 200, r.text
                res = r.json()["resultaat"]
                uit.append((Decimal(res["jaar"]["toeslag"]), res["maanden"][0]["condities"][0]["uitleg"]))
        return uit

    try:
        with ThreadPoolExecutor(max_workers=3) as pool:
            fb, fc, fl = pool.submit(vraag, app_b), pool.submit(vraag, app_c), pool.submit(vraag, leeg)
            b, c, voorbeeld = fb.result(timeout=600), fc.result(timeout=600), fl.result(timeout=600)
    finally:
        for a in (app_b, app_c, leeg):
            a.state.db.sluit()
    assert all(t > 0 and "categorie B" in u and "organisatie B" in u for t, u in b)
    assert all(t == 0 and "categorie C" in u and "organisatie C" in u for t, u in c)
    # the empty database: the shipped example data (moestuin in C, GM9901 under its example name)
    assert all(t == 0 and "categorie C" in u and "bij Voorbeeldgemeente Noord," in u for t, u in voorbeeld)
