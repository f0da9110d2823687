"""API and CLI of the assessment check and the range: the same numbers as worked out by hand in tests/test_bereik.py
and tests/test_beschikking.py (the letter in examples/beschikking/brief_2025.json: the 2024 maximum uurprijs for kind 1,
December missing, 80 % for kind 2 below its lower bound)."""

import json
import logging
from pathlib import Path

from typer.testing import CliRunner

from conftest import voorbeeld

ROOT = Path(__file__).resolve().parents[2]
VERZOEK = json.loads((ROOT / "examples" / "beschikking" / "brief_2025.json").read_text())


def test_api_berekening_2025_geeft_bereik(module_client):
    uit = module_client.post("/api/v1/berekening", json=voorbeeld("paar_werkt_2025")).json()
    b = uit["resultaat"]["bereik"]
    assert (b["jaar_onder"], b["jaar_boven"]) == ("12956.76", "13317.00")  # 12 x (747,99 + 331,74 / 361,76)
    assert b["cellen"][0]["onder"]["status"] == "derived" and b["cellen"][0]["boven"]["status"] == "single_source"


def test_api_controle(module_client):
    r = module_client.post("/api/v1/beschikking/controle", json=VERZOEK)
    assert r.status_code == 200, r.text
    c = r.json()
    codes = {v["code"] for v in c["verschillen"]}
    assert {"maximum_uurprijs", "percentage_buiten_grenzen", "ontbrekende_maand"} <= codes
    assert c["totaal_brief"] == "11522.46" and c["uitkomst_brief"] == "-1477.54"
    assert c["termijn"]["laatste_dag"]  # computed from today's date


def test_api_controle_fout_per_veld(module_client):
    slecht = json.loads(json.dumps(VERZOEK))
    slecht["beschikking"]["regels"][0]["tot"] = "2024-12-31"
    r = module_client.post("/api/v1/beschikking/controle", json=slecht)
    assert r.status_code == 422 and "beschikking" in r.text


def test_api_bezwaarschrift_pdf_en_tekst_zonder_bewaren(module_client, caplog):
    caplog.set_level(logging.DEBUG)
    d = dict(VERZOEK, persoon={"naam": "Testouder Zonderbewaren", "adres": "Straat 1"}, formaat="tekst")
    r = module_client.post("/api/v1/beschikking/bezwaarschrift", json=d)
    assert r.status_code == 200 and "Testouder Zonderbewaren" in r.text and "Gronden van mijn bezwaar" in r.text
    assert r.headers["cache-control"] == "no-store"
    assert "Zonderbewaren" not in caplog.text
    r = module_client.post("/api/v1/beschikking/bezwaarschrift", json=dict(VERZOEK, formaat="pdf"))
    assert r.status_code == 200 and r.content.startswith(b"%PDF")


def test_cli_beschikking_controleer(tmp_path):
    from kotwijzer.cli import app

    f = tmp_path / "v.json"
    f.write_text(json.dumps(VERZOEK))
    res = CliRunner().invoke(
        app, ["beschikking", "controleer", str(f), "--vandaag", "2026-12-06"], env={"COLUMNS": "80"}
    )
    assert res.exit_code == 0, res.output
    assert "4 januari 2027" in res.output and "maximum uurprijs van 2024" in res.output
    pdf = tmp_path / "b.pdf"
    res = CliRunner().invoke(app, ["beschikking", "bezwaarschrift", str(f), "--pdf", str(pdf)])
    assert res.exit_code == 0 and pdf.read_bytes().startswith(b"%PDF")


def test_cli_bereken_2025_bereik():
    from kotwijzer.cli import app

    res = CliRunner().invoke(app, ["bereken", str(ROOT / "examples" / "paar_werkt_2025.json")], env={"COLUMNS": "80"})
    assert res.exit_code == 0
    assert "tussen € 1.079,73 en € 1.109,75 per maand" in res.output.replace("\u00a0", " ")
    assert "1.079,73-1.109,75" in res.output and "?" not in res.output.split("Per maand")[1]
