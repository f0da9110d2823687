"""The BSN guard cannot be bypassed with other separators, invisible characters or digits from other scripts, in any
free-text field that is stored (dossier label, scenario name, toelichting, labels inside the input, organisation)."""

from __future__ import annotations

import pytest

from conftest import client_voor, voorbeeld
from kotwijzer.store import OngeldigeWaarde, lijkt_op_bsn, repo
from kotwijzer.store.validatie import BSN_MELDING

# 111222333 passes the 11-proef: 9+8+7+12+10+8+9+6-3 = 66 = 6 x 11
VARIANTEN = {
    "schuine strepen": "111/222/333",
    "liggend streepje": "111_222_333",
    "komma's": "111,222,333",
    "zero-width spaces": "111\u200b222\u200b333",
    "word joiner": "1\u20601\u20601222333",
    "zachte afbreekstreep": "111\u00ad222\u00ad333",
    "volle breedte": "\uff11\uff11\uff11\uff12\uff12\uff12\uff13\uff13\uff13",
    "Arabisch-Indisch": "\u0661\u0661\u0661\u0662\u0662\u0662\u0663\u0663\u0663",
    "Perzisch": "\u06f1\u06f1\u06f1\u06f2\u06f2\u06f2\u06f3\u06f3\u06f3",
    "harde spaties": "111\u00a0222\u00a0333",
    "spaties en streepjes": "111 - 222 - 333",
    "in een zin": "gezin van 111.222.333 erbij",
}
GEEN_BSN = ["gezin 12", "2026-01-01 t/m 2026-03-31", "111222334", "1111222333", "versie 3 van 12"]


@pytest.mark.parametrize("naam", list(VARIANTEN))
def test_variant_wordt_herkend(naam):
    assert lijkt_op_bsn(VARIANTEN[naam])


@pytest.mark.parametrize("tekst", GEEN_BSN)
def test_geen_vals_alarm(tekst):
    assert not lijkt_op_bsn(tekst)


@pytest.fixture
def pro(sqlite_app):
    with sqlite_app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, "Bewind A")
        repo.gebruiker_maken(s, o.id, "a@voorbeeld.nl", "een-goed-wachtwoord", "beheerder")
    with client_voor(sqlite_app) as c:
        t = c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": "een-goed-wachtwoord"}).json()[
            "token"
        ]
        h = {"Authorization": f"Bearer {t}"}
        did = c.post("/api/v1/dossiers", json={"label": "gezin 1"}, headers=h).json()["id"]
        yield c, h, did


@pytest.mark.parametrize("naam", list(VARIANTEN))
def test_elk_tekstveld_weigert_de_variant(pro, naam):
    c, h, did = pro
    bsn = VARIANTEN[naam]
    inv = voorbeeld("paar_werkt_2026")

    def met_label(pad):
        d = voorbeeld("paar_werkt_2026")
        pad(d)
        return d

    pogingen = [
        ("post", "/api/v1/dossiers", {"label": bsn}, "label"),
        ("patch", f"/api/v1/dossiers/{did}", {"label": bsn}, "label"),
        ("post", f"/api/v1/dossiers/{did}/scenarios", {"naam": bsn, "invoer": inv}, "naam"),
        ("post", f"/api/v1/dossiers/{did}/scenarios", {"naam": "a", "toelichting": bsn, "invoer": inv}, "toelichting"),
        (
            "post",
            f"/api/v1/dossiers/{did}/scenarios",
            {"naam": "a", "invoer": met_label(lambda d: d["aanvrager"].__setitem__("label", bsn[:40]))},
            "invoer.aanvrager.label",
        ),
        (
            "post",
            f"/api/v1/dossiers/{did}/scenarios",
            {"naam": "a", "invoer": met_label(lambda d: d["kinderen"][0].__setitem__("label", bsn[:40]))},
            "invoer.kinderen[0].label",
        ),
    ]
    for methode, pad, body, veld in pogingen:
        r = getattr(c, methode)(pad, json=body, headers=h)
        assert r.status_code == 422, (naam, pad, veld, r.status_code)
        assert r.json()["fouten"][0]["veld"] == veld
        assert "burgerservicenummer" in r.json()["melding"]


@pytest.mark.parametrize("naam", list(VARIANTEN))
def test_organisatienaam(sqlite_app, naam):
    with sqlite_app.state.db.sessie() as s, pytest.raises(OngeldigeWaarde) as e:
        repo.organisatie_maken(s, "Bewind " + VARIANTEN[naam])
    assert e.value.melding == BSN_MELDING
