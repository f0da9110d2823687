"""The application packet (issue 15 §2): per route the months, the articles (which resolve to shipped law texts), the
documents, the phone and paper route and the changes to report; the cover letter as PDF and text; and no personal
detail typed into the letter is stored or logged.

Expected months and articles are worked out by hand from the law (Wko art. 1.6 lid 5, 8, 10; Bkot art. 8a lid 1
onder b 4° and 5° as inserted by the Besluit van 22 augustus 2022), not taken from the code's output."""

from __future__ import annotations

import datetime as dt
import logging
import re
import shutil
import sqlite3
import subprocess

import pytest

from conftest import client_voor, maak_app
from helpers import huishouden, kind, ouder, sit
from kotwijzer.compute import bereken
from kotwijzer.model import Huishouden
from kotwijzer.web import pakket as pk
from kotwijzer.wetten import Bron, bestaat
from test_web_hulp import Browser

K = [kind("2023-03-01", prijs="10.00")]
# for the 2022 cases: a child born before the year (no right to KOT before the child is born)
K22 = [kind("2021-03-01", prijs="10.00")]
POPPLER = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils ontbreekt (scripts/system-deps.sh)")


def pdf_paginas(pdf: bytes) -> list[str]:
    """The text of each page (pdftotext, poppler)."""
    uit = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return uit.decode("utf-8").split("\f")[:-1]


WERK = sit("arbeid", van="2019-01-01", uren_per_maand=120)

GEVALLEN = {
    # partner with a permanent Wlz indication, the other parent works: right all year (lid 8); in 2022 the hours are
    # the months of the right to care x 230 (Bkot 8a lid 1 onder b 4°)
    "wlz": (
        huishouden(2022, ouder(WERK), ouder(sit("wlz_permanent", van="2020-01-01")), K22, aanvraagdatum="2022-01-15"),
        "wlz",
        "partner",
        list(range(1, 13)),
        {"art. 1.6 lid 8 Wko", "art. 8a lid 1 onder b 4° Bkot"},
        "CIZ",
    ),
    # partner detained 1 June 2021 - 31 May 2022 (more than three months): right January-May 2022 (lid 10; 5°)
    "detentie": (
        huishouden(
            2022,
            ouder(WERK),
            ouder(
                sit(
                    "detentie",
                    van="2021-06-01",
                    tot="2022-05-31",
                    detentie_soort="veroordeling",
                    detentie_begin="2021-06-01",
                    detentie_einde="2022-05-31",
                )
            ),
            K22,
            aanvraagdatum="2022-01-15",
        ),
        "detentie",
        "partner",
        [1, 2, 3, 4, 5],
        {"art. 1.6 lid 10 Wko", "art. 8a lid 1 onder b 5° Bkot"},
        "detentie",
    ),
    "traject": (
        huishouden(
            2026,
            ouder(
                sit(
                    "bijstand_traject",
                    van="2025-06-01",
                    uitkering="bijstand",
                    voorziening_gericht_op_arbeidsinschakeling=True,
                )
            ),
            None,
            K,
            aanvraagdatum="2026-01-05",
        ),
        "traject",
        "aanvrager",
        list(range(1, 13)),
        {"art. 1.6 lid 1 onder c Wko"},
        "re-integratiecode",
    ),
    "inburgering": (
        huishouden(2026, ouder(sit("inburgering", van="2025-06-01")), None, K, aanvraagdatum="2026-01-05"),
        "inburgering",
        "aanvrager",
        list(range(1, 13)),
        {"art. 1.6 lid 1 onder g Wko"},
        "DUO",
    ),
    "studie": (
        huishouden(2026, ouder(sit("studie", van="2025-09-01", onderwijs="mbo")), None, K, aanvraagdatum="2026-01-05"),
        "studie",
        "aanvrager",
        list(range(1, 13)),
        {"art. 1.6 lid 1 onder j Wko"},
        "inschrijving",
    ),
    # last working day 10 April 2026: three calendar months from 11 April, to 10 July; a change in the parent's
    # situation counts from the next month (Awir art. 5), so May, June and July rest on lid 5
    "werkloosheidstermijn": (
        huishouden(2026, ouder(sit("arbeid", van="2020-01-01", tot="2026-04-10")), None, K, aanvraagdatum="2026-01-05"),
        "werkloosheidstermijn",
        "aanvrager",
        [5, 6, 7],
        {"art. 1.6 lid 5 Wko"},
        "laatste werkdag",
    ),
}


def _pakket(invoer: dict) -> pk.Pakket:
    h = Huishouden.model_validate(invoer)
    return pk.pakket(h, bereken(h))


@pytest.mark.parametrize("naam", list(GEVALLEN))
def test_route_maanden_artikelen_documenten(naam):
    invoer, code, wie, maanden, artikelen, document = GEVALLEN[naam]
    p = _pakket(invoer)
    assert [(r.code, r.wie) for r in p.routes] == [(code, wie)]
    r = p.routes[0]
    assert r.maanden == maanden and r.maanden_betaald == maanden
    citaten = {g.citaat for g in r.grondslag}
    assert artikelen <= citaten, citaten
    # every article named resolves to a shipped law text of that year, and the text is the one shipped
    for g in r.grondslag:
        assert bestaat(g.bron, dt.date(p.jaar, maanden[0], 1)) and g.tekst.strip()
    assert any(document.lower() in d.lower() for d in r.documenten), r.documenten
    assert pk.BELASTINGTELEFOON in r.telefoon and "0800-0543" in r.telefoon
    assert "Dienst Toeslagen" in r.papier
    assert r.wijzigingen and p.wijzigingen_algemeen and "4 weken" in p.wijzigingen_termijn
    assert "terugbetalen" in p.wijzigingen_gevolg


def test_geen_artikel_dat_niet_bestaat():
    """From 2023 the shipped Besluit has no 4° (its text after Stb. 2022, 386 was not found): the letter does not
    cite it, and still cites the lid of the Wko."""
    invoer = huishouden(2026, ouder(WERK), ouder(sit("wlz_permanent", van="2020-01-01")), K, aanvraagdatum="2026-01-05")
    r = _pakket(invoer).routes[0]
    citaten = {g.citaat for g in r.grondslag}
    assert "art. 1.6 lid 8 Wko" in citaten and not any("4°" in c for c in citaten)
    assert not bestaat(Bron("Bkot", "8a", "1", "b", "4°"), dt.date(2026, 1, 1))


def test_wlz_bij_de_aanvrager_zelf_is_lid_9():
    invoer = huishouden(2026, ouder(sit("wlz_permanent", van="2020-01-01")), ouder(WERK), K, aanvraagdatum="2026-01-05")
    r = _pakket(invoer).routes[0]
    assert (r.code, r.wie) == ("wlz", "aanvrager")
    assert {g.citaat for g in r.grondslag} >= {"art. 1.6 lid 9 Wko"} and "art. 1.6 lid 8 Wko" not in {
        g.citaat for g in r.grondslag
    }


def test_werkende_ouders_geen_pakket():
    assert _pakket(huishouden(2026, ouder(WERK), ouder(WERK), K)).leeg


def test_te_late_maanden_apart():
    """Applied 15 June 2026 for a year-long traject: January and February are out of reach (art. 1.3 lid 2 onder b:
    back to 1 March); the letter asks for March-December and says why not for the others."""
    invoer = dict(GEVALLEN["traject"][0], aanvraagdatum="2026-06-15")
    p = _pakket(invoer)
    r = p.routes[0]
    assert r.maanden == list(range(1, 13)) and r.maanden_betaald == list(range(3, 13))
    t = pk.brief_tekst(p, r, pk.Persoonsgegevens())
    assert "voor de maanden maart tot en met december 2026" in t
    assert "Voor januari en februari 2026 vraag ik daarom geen toeslag" in t


def test_brief_tekst_noemt_artikelen_maanden_bijlagen():
    invoer = GEVALLEN["wlz"][0]
    p = _pakket(invoer)
    g, fouten = pk.persoonsgegevens(
        {"naam": "A. de Vries", "bsn": "111222333", "datum": "3-2-2022", "plaats": "Utrecht"}
    )
    assert not fouten
    t = pk.brief_tekst(p, p.routes[0], g)
    assert "Wet kinderopvang, art. 1.6 lid 8" in t and "Besluit kinderopvangtoeslag, art. 8a lid 1 onder b 4°" in t
    assert "januari tot en met december 2022" in t and "indicatiebesluit van het CIZ" in t
    assert "Utrecht, 3 februari 2022" in t and "111222333" in t
    # the law text itself is in the appendix, in the version of the year
    assert "de duur van het recht op zorg, bedoeld in artikel 1.6, achtste of negende lid" in t
    # empty fields are lines to fill in by hand
    leeg = pk.brief_tekst(p, p.routes[0], pk.Persoonsgegevens())
    assert "BSN: ....." in leeg and "A. de Vries" not in leeg


def test_bsn_wordt_gecontroleerd():
    _, fouten = pk.persoonsgegevens({"bsn": "123456789"})
    assert "bsn" in fouten and "burgerservicenummer" in fouten["bsn"]
    assert repr(pk.persoonsgegevens({"naam": "Geheim"})[0]) == "Persoonsgegevens(<niet getoond>)"


# ------------------------------------------------------------------------------------------- web
NAAM, BSN, ADRES = "Fatima Testouder-Zeldzaam", "111222333", "Zeldzamestraat 99"


def _token(app, invoer: dict) -> str:
    from kotwijzer.web import formulier as fm
    from kotwijzer.web import hervatten

    return hervatten.maak(app.state.geheim, fm.staat_van_invoer(invoer))


@POPPLER
def test_pakket_pagina_en_brief_zonder_opslag_of_log(tmp_path, caplog):
    url = f"sqlite:///{tmp_path}/db.sqlite"
    app = maak_app(url)
    b = Browser(client_voor(app))
    a = _token(app, GEVALLEN["wlz"][0])
    b.ga(f"/uitkomst?a={a}")
    assert b.antwoord.status_code == 200
    b.klik("naar-pakket")
    assert "Aanvraagpakket kinderopvangtoeslag 2022" in b.html
    assert "0800-0543" in b.html and "Wet kinderopvang, art. 1.6 lid 8" in b.html
    assert "Wij bewaren deze gegevens niet" in b.html
    assert b.antwoord.headers["cache-control"] == "no-store"

    caplog.set_level(logging.DEBUG)
    velden = {"naam": NAAM, "bsn": BSN, "adres": ADRES, "postcode": "9999 ZZ Nergensdorp", "datum": "01-02-2022"}
    b.verstuur("/aanvraagpakket/brief", velden, "Download de brief")
    assert b.antwoord.headers["content-type"] == "application/pdf"
    assert (
        "attachment" in b.antwoord.headers["content-disposition"]
        and NAAM not in b.antwoord.headers["content-disposition"]
    )
    assert b.antwoord.headers["cache-control"] == "no-store"
    pdf = b.antwoord.content
    tekst = "\n".join(pdf_paginas(pdf))
    assert NAAM in tekst and BSN in tekst and "art. 1.6 lid 8" in tekst
    b.ga(f"/aanvraagpakket?a={a}")
    b.verstuur("/aanvraagpakket/brief", dict(velden, formaat="tekst"), "Download de brief")
    assert b.antwoord.headers["content-type"].startswith("text/plain") and NAAM in b.antwoord.text

    # nothing stored: not in any table of the database, not in any file the app wrote
    con = sqlite3.connect(str(tmp_path / "db.sqlite"))
    for (tabel,) in con.execute("select name from sqlite_master where type='table'"):
        for rij in con.execute(f'select * from "{tabel}"'):
            assert not any(isinstance(x, str) and (NAAM in x or BSN in x or ADRES in x) for x in rij), tabel
    for f in tmp_path.rglob("*"):
        if f.is_file():
            inhoud = f.read_bytes()
            assert NAAM.encode() not in inhoud and BSN.encode() not in inhoud
    # nothing logged
    for rec in caplog.records:
        bericht = rec.getMessage() + str(rec.args) + str(getattr(rec, "exc_text", ""))
        assert NAAM not in bericht and BSN not in bericht and ADRES not in bericht


def test_brief_met_fout_bsn_toont_fout_en_bewaart_niets(tmp_path, caplog):
    app = maak_app(f"sqlite:///{tmp_path}/db.sqlite")
    b = Browser(client_voor(app))
    b.ga(f"/aanvraagpakket?a={_token(app, GEVALLEN['inburgering'][0])}")
    caplog.set_level(logging.DEBUG)
    b.verstuur("/aanvraagpakket/brief", {"naam": NAAM, "bsn": "123456789"}, "Download de brief", verwacht=422)
    assert "Vul een geldig burgerservicenummer in" in b.html and 'href="#bsn"' in b.html
    assert b.antwoord.headers["cache-control"] == "no-store"
    assert all(NAAM not in r.getMessage() for r in caplog.records)


@POPPLER
def test_pdf_per_route_heeft_brief_bijlage_en_stappen():
    from kotwijzer.web.pdf import pakket_pdf

    for naam, (invoer, _code, *_rest) in GEVALLEN.items():
        p = _pakket(invoer)
        pdf = pakket_pdf(p, p.routes[0], pk.Persoonsgegevens(naam="A. Jansen"), gemaakt=dt.date(2026, 12, 6))
        pages = pdf_paginas(pdf)
        assert len(pages) >= 3, naam
        eerste = pages[0]
        assert "Dienst Toeslagen" in eerste and "A. Jansen" in eerste and f"kinderopvangtoeslag {p.jaar}" in eerste
        rest = "\n".join(pages[1:])
        assert "Bijlage bij de brief" in rest and "0800-0543" in rest and "Wijzigingen doorgeven" in rest
        assert not re.search(r"\b(True|False|None)\b", eerste + rest)


def test_telefoonnummer_is_een_link(tmp_path):
    app = maak_app(f"sqlite:///{tmp_path}/db.sqlite")
    b = Browser(client_voor(app))
    b.ga(f"/aanvraagpakket?a={_token(app, GEVALLEN['detentie'][0])}")
    assert '<a href="tel:08000543">0800-0543</a>' in b.html
    assert "&lt;a" not in b.html


def test_brief_noemt_alle_maanden_en_de_maanden_van_de_route():
    """Work until 10 April 2026, then the werkloosheidstermijn: the letter applies for January-July and says that
    May-July rest on lid 5."""
    p = _pakket(GEVALLEN["werkloosheidstermijn"][0])
    t = pk.brief_tekst(p, p.routes[0], pk.Persoonsgegevens())
    assert "voor de maanden januari tot en met juli 2026." in t and "Dit geldt voor mei tot en met juli 2026." in t


def test_inburgering_keurmerk_alleen_waar_de_wet_het_noemt():
    r2026 = _pakket(GEVALLEN["inburgering"][0]).routes[0]
    assert "keurmerk" in r2026.uitleg
    r2021 = _pakket(
        huishouden(
            2021,
            ouder(sit("inburgering", van="2020-06-01")),
            None,
            [kind("2020-03-01", prijs="10.00")],
            aanvraagdatum="2021-01-05",
        )
    ).routes[0]
    assert r2021.code == "inburgering" and "keurmerk" not in r2021.uitleg


def test_artikelen_kort_per_wet():
    p = _pakket(GEVALLEN["studie"][0])
    assert pk.artikelen_kort(p.wijzigingen_grondslag) == (
        "Algemene wet inkomensafhankelijke regelingen, art. 17 lid 1 en 2, art. 21 lid 1 en 3"
    )
