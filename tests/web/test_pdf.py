"""The professional's PDF as a document to hand over: its first page is rendered to PNG (pdftoppm) and read back
(pdftotext), and must show the dossier label, the parents' situations per period and the last day to apply.

Expectations are worked by hand from the law: with the first month with aanspraak in January 2026, an application in
April 2026 still reaches back to 1 January (Wko art. 1.3 lid 2 onder b: back to the first day of the third calendar
month before the month of the application), so the last day to apply is 30 April 2026.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import voorbeeld
from helpers import huishouden, kind, ouder, sit
from kotwijzer.model import Huishouden
from kotwijzer.web.pdf import Dossierinfo, document_pdf, hele_euros
from kotwijzer.web.publiek import uitkomst_context

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("pdftotext")),
    reason="poppler-utils ontbreekt: installeer het met scripts/system-deps.sh",
)

DETENTIE = huishouden(
    2026,
    ouder(sit("arbeid", van="2018-01-01")),
    ouder(
        sit("arbeid", maanden=[1, 2]),
        sit(
            "detentie",
            van="2026-03-01",
            detentie_soort="veroordeling",
            detentie_begin="2026-03-01",
            detentie_einde="2027-06-30",
        ),
    ),
    kinderen=[kind("2023-05-01", uren=120, prijs="10.00")],
    aanvraagdatum="2026-01-10",
)


def _pagina_een(pdf: bytes, map_: Path) -> tuple[str, Path]:
    (map_ / "doc.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(map_ / "doc.pdf"),
            str(map_ / "pagina1"),
        ],
        check=True,
        timeout=60,
    )
    tekst = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(map_ / "doc.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return tekst, map_ / "pagina1.png"


def _niet_leeg(png: Path) -> bool:
    """True when the PNG has both dark (text) and light (paper) pixels."""
    from matplotlib.image import imread

    beeld = imread(str(png))
    grijs = beeld[..., :3].mean(axis=2)
    return bool((grijs < 0.3).mean() > 0.005 and (grijs > 0.9).mean() > 0.5)


def test_eerste_pagina_toont_dossier_situaties_en_termijn(tmp_path):
    h = Huishouden.model_validate(DETENTIE)
    info = Dossierinfo("gezin 12 (detentie)", "aanvraag 2026", 3, dt.datetime(2026, 2, 1, 10, 0))
    pdf = document_pdf(uitkomst_context(h), dossier=info, gemaakt=dt.date(2026, 2, 2))
    assert pdf.startswith(b"%PDF")
    tekst, png = _pagina_een(pdf, tmp_path)
    assert png.is_file() and png.stat().st_size > 5000 and _niet_leeg(png)
    plat = " ".join(tekst.replace("\u00a0", " ").split())
    assert "gezin 12 (detentie)" in plat
    assert "aanvraag 2026, versie 3" in plat
    assert "Gemaakt op 2 februari 2026" in plat
    # the situations per period
    assert "Situatie van de ouders" in plat
    assert "Detentie" in plat and "veroordeeld tot een vrijheidsstraf of maatregel" in plat
    assert "1 maart 2026 tot 30 juni 2027" in plat  # the whole sentence, also beyond this year
    assert "januari, februari 2026" in plat  # the partner's work
    # application date and deadline (worked by hand, see the module docstring)
    assert "Aanvraagdatum 10 januari 2026" in plat
    assert "Uiterlijk aanvragen 30 april 2026" in plat
    assert "art. 1.3 lid 2 onder b Wet kinderopvang" in plat


def test_wlz_en_bedragen_in_hele_euros(tmp_path):
    h = Huishouden.model_validate(voorbeeld("wlz_partner_2023"))
    ctx = uitkomst_context(h)
    pdf = document_pdf(ctx, dossier=Dossierinfo("gezin 2", "aanvraag 2023", 1))
    tekst, _ = _pagina_een(pdf, tmp_path)
    plat = " ".join(tekst.replace("\u00a0", " ").split())
    assert "Wlz-indicatie van het CIZ (tijdelijk)" in plat and "art. 3.2.1 lid 3 of art. 3.2.2 Wlz" in plat
    assert "1 november 2022 tot en met 31 oktober 2023" in plat
    # the monthly amount paid, in whole euros, as the core computed it (rounded down)
    r = ctx["r"]
    eerste = next(m for m in r.maanden if m.uitbetaling_voorschot)
    bedrag = hele_euros(eerste.uitbetaling_voorschot).replace("\u00a0", " ")
    assert f"Uitbetaald per maand: {bedrag}, vanaf januari 2023" in plat
    assert "," not in bedrag


def test_ontbrekend_bedrag_wordt_genoemd():
    """An amount the core cannot compute is shown as such, never as € 0."""
    assert hele_euros(None) == "niet te berekenen"
    assert hele_euros(1234) == "€\u00a01.234"


def _zonder_bedragen(r, vanaf: int):
    """The result as the reworked core gives it when a table is missing from month `vanaf`: amounts None, with the
    reason in `rekenfout` (model_copy does not validate, so this works with the current model too)."""
    maanden = [
        m
        if m.maand < vanaf
        else m.model_copy(update={"toeslag": None, "uitbetaling_voorschot": None, "eigen_bijdrage": None})
        for m in r.maanden
    ]
    jaar = r.jaar.model_copy(update={"toeslag": None, "eigen_bijdrage": None})
    return r.model_copy(
        update={"maanden": maanden, "jaar": jaar, "rekenfout": "Voor 2026 ontbreekt de tabel vanaf april (proef)."}
    )


def test_pdf_met_ontbrekende_bedragen(tmp_path):
    h = Huishouden.model_validate(DETENTIE)
    ctx = uitkomst_context(h)
    ctx["r"] = _zonder_bedragen(ctx["r"], 4)
    tekst, png = _pagina_een(document_pdf(ctx, dossier=Dossierinfo("gezin 13", "zonder tabel", 1)), tmp_path)
    plat = " ".join(tekst.replace("\u00a0", " ").split())
    assert "Uitbetaald per maand: € 1.152, vanaf januari 2026" in plat
    assert "Toeslag over het hele jaar: niet te berekenen" in plat
    assert (
        "Niet alle bedragen zijn te berekenen. Wat ontbreekt: - Voor 2026 ontbreekt de tabel vanaf april (proef)."
        in plat
    )
    assert png.is_file()


def test_werkbank_verschil_met_ontbrekende_bedragen(monkeypatch):
    """Two versions where one has no amounts: the difference is unknown ('-'), never a number."""
    from decimal import Decimal

    from kotwijzer.web import werkbank

    def _bedragen(invoer, catalogus=None):
        if invoer.get("x") == "geen":
            return {
                "maanden": [{"maand": m, "aanspraak": True, "betaald": None, "toeslag": None} for m in range(1, 13)],
                "jaar": None,
                "melding": "tabel ontbreekt",
                "r": None,
            }
        return {
            "maanden": [
                {"maand": m, "aanspraak": True, "betaald": Decimal(100), "toeslag": Decimal("100.40")}
                for m in range(1, 13)
            ],
            "jaar": Decimal("1204.80"),
            "melding": None,
            "r": None,
        }

    monkeypatch.setattr(werkbank, "bedragen", _bedragen)
    g = werkbank.geld_verschil({"x": "wel"}, {"x": "geen"})
    assert g["maanden"][0] == {
        "maand": 1,
        "a": Decimal(100),
        "b": None,
        "verschil": None,
        "recht_a": True,
        "recht_b": True,
    }
    assert g["betaald_a"] == Decimal(1200) and g["betaald_b"] is None and g["betaald_verschil"] is None
    assert g["jaar_verschil"] is None and g["melding_b"] == "tabel ontbreekt"


def test_jaartoeslag_van_opgeslagen_versie():
    from kotwijzer.web.pro import jaartoeslag

    assert jaartoeslag({"toeslag_jaar": "9794.90"}) == "€ 9.794,90"
    assert (
        jaartoeslag({"toeslag_jaar": None}) == "-"
        and jaartoeslag({"toeslag_jaar": "None"}) == "-"
        and jaartoeslag({}) == "-"
    )


def test_jaar_zonder_tabel_geeft_document_zonder_bedrag(tmp_path):
    """2027 has no table yet: the document still shows the right, the deadline (first month January 2027, so an
    application by 30 April 2027 reaches it) and says that no amount can be computed, with a way to get one."""
    h = Huishouden.model_validate(
        huishouden(
            2027, ouder(sit("arbeid", van="2020-01-01")), kinderen=[kind("2025-03-01")], aanvraagdatum="2027-01-05"
        )
    )
    tekst, png = _pagina_een(document_pdf(uitkomst_context(h), dossier=Dossierinfo("gezin 2027", "plan", 1)), tmp_path)
    plat = " ".join(tekst.replace("\u00a0", " ").split())
    assert png.is_file() and _niet_leeg(png)
    assert "Er is recht in januari tot en met december, maar het bedrag is nog niet te berekenen." in plat
    assert "Er is geen bedrag te berekenen. Wat ontbreekt:" in plat and "2027" in plat
    assert "Uiterlijk aanvragen 30 april 2027" in plat
    assert "€ 0" not in plat
