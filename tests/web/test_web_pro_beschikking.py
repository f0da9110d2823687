"""The assessment check in the professional workbench: checked and saved with the dossier as a new version of the
scenario (the facts unchanged, the letter and the outcome in the version). The 2026 letter is worked out by hand:
100 h dagopvang at 10,00 (maximum 2026 11,23), income 40.000 -> 96 % (2026 table, first row up to 56.412):
1.000,00 x 0,96 = 960,00 a month, 11.520,00 a year."""

from __future__ import annotations

import re

from test_web_pro import _dossier, _gebruiker, _inloggen, _scenario_via_vragen

from kotwijzer.store import repo


def test_werkbank_controleert_en_bewaart_als_versie(app):
    _gebruiker(app, "Bewind B", "b@voorbeeld.nl")
    b = _inloggen(app, "b@voorbeeld.nl")
    sid = _scenario_via_vragen(b, _dossier(b, "dossier 7"), "gezin")
    b.ga(f"/pro/scenarios/{sid}")
    b.klik("naar-beschikking")
    velden = {
        "datum": "20-11-2026",
        "toetsingsinkomen": "40000",
        "r-0-kind": "1",
        "r-0-van": "1-1-2026",
        "r-0-tot": "31-12-2026",
        "r-0-soort": "dagopvang",
        "r-0-uren": "100",
        "r-0-uurprijs": "10,00",
        "r-0-rangorde": "1",
        "r-0-percentage": "96",
        "r-0-bedrag": "11.520,00",
        "al_betaald": "11520",
    }
    b.verstuur(f"/pro/scenarios/{sid}/beschikking", velden, "Controleer de brief")
    assert b.tekst("totaal-wet") == "€ 11.520,00" and "De brief klopt" in b.html
    with app.state.db.sessie() as s:
        assert len(repo.scenario_versies(s, repo.Actor(1, 1, "beheerder"), sid)) == 1  # nothing saved yet
    b.verstuur(f"/pro/scenarios/{sid}/beschikking", velden, "Controleren en opslaan als nieuwe versie")
    assert "als versie 2" in b.tekst("opgeslagen")
    assert b.tekst("totaal-brief") == "€ 11.520,00"  # the saved letter is shown again
    with app.state.db.sessie() as s:
        g = repo.zoek_gebruiker(s, "b@voorbeeld.nl")
        from kotwijzer.store.repo import Actor

        v = repo.scenario_versie(s, Actor.van(g), sid)
        assert v.versie == 2 and v.samenvatting["beschikking"]["regels"][0]["percentage"] == "96"
        assert v.samenvatting["beschikking_controle"]["oordeel"] == "klopt"
        assert "Beschikking van 20-11-2026" in v.toelichting
    b.ga(f"/pro/scenarios/{sid}")
    assert "bevat een gecontroleerde brief" in b.html
    assert re.search(r"Versie 2", b.html)
