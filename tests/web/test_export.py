"""Exports for a Dutch spreadsheet (kotwijzer.web.export): semicolons and BOM, units in the headers, rounded values,
whole households, and text cells that start with = + - @ neutralised, in CSV and in XLSX."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from conftest import client_voor, maak_app
from kotwijzer.web.export import BELEID_KOLOMMEN, Kolom, csv_bytes, neutraliseer, xlsx_bytes

KOLOMMEN = [
    Kolom("naam", "Naam"),
    BELEID_KOLOMMEN["winnaars"],
    BELEID_KOLOMMEN["gemiddelde_winst"],
    BELEID_KOLOMMEN["niet_gebruik_midden"],
    Kolom("x", "Getal (uren)", "getal", 2),
]
RIJEN = [
    {
        "naam": '=HYPERLINK("http://x")',
        "winnaars": "1100.3191",
        "gemiddelde_winst": "4304.5000001",
        "niet_gebruik_midden": "0.4",
        "x": "3.14159",
    },
    {"naam": "+31 6", "winnaars": "0.49", "gemiddelde_winst": "-12.5", "niet_gebruik_midden": "0.035", "x": "-0.001"},
    {"naam": "-min", "winnaars": "2.5", "gemiddelde_winst": "", "niet_gebruik_midden": "1", "x": "1000"},
    {"naam": "@SUM(A1)", "winnaars": "7", "gemiddelde_winst": "0", "niet_gebruik_midden": "0", "x": "0"},
    {"naam": "café € gewoon", "winnaars": "3", "gemiddelde_winst": "1", "niet_gebruik_midden": "0", "x": "1"},
]


def _csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM ontbreekt"
    tekst = data.decode("utf-8-sig")
    assert "\r\n" in tekst
    return list(csv.reader(io.StringIO(tekst), delimiter=";"))


@pytest.mark.parametrize(
    "tekst,verwacht",
    [
        ("=1+1", "'=1+1"),
        ("+31", "'+31"),
        ("-3", "'-3"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("gewoon", "gewoon"),
        ("a=b", "a=b"),
    ],
)
def test_neutraliseer_elke_gevaarlijke_begin(tekst, verwacht):
    assert neutraliseer(tekst) == verwacht


def test_csv_puntkomma_bom_eenheden_afronding():
    rijen = _csv(csv_bytes(KOLOMMEN, RIJEN))
    assert rijen[0] == [
        "Naam",
        "Gaan erop vooruit (aantal huishoudens)",
        "Gemiddeld erbij (€ per huishouden per jaar)",
        "Niet-gebruik, middenraming (%)",
        "Getal (uren)",
    ]
    # each dangerous start neutralised, each other text kept
    assert [r[0] for r in rijen[1:]] == ['\'=HYPERLINK("http://x")', "'+31 6", "'-min", "'@SUM(A1)", "café € gewoon"]
    # whole households (rounded half up), whole euros, percent, decimal comma
    assert [r[1] for r in rijen[1:]] == ["1100", "0", "3", "7", "3"]
    assert [r[2] for r in rijen[1:]] == ["4305", "-13", "", "0", "1"]
    assert [r[3] for r in rijen[1:]] == ["40", "4", "100", "0", "0"]
    assert [r[4] for r in rijen[1:]] == ["3,14", "0,00", "1000,00", "0,00", "1,00"]
    assert not any("," in r[1] or "." in r[1] for r in rijen[1:])  # no fractional households


def test_xlsx_getallen_en_tekst_nooit_formule(tmp_path):
    data = xlsx_bytes(KOLOMMEN, RIJEN, "Blad")
    (tmp_path / "x.xlsx").write_bytes(data)
    ws = load_workbook(tmp_path / "x.xlsx").active
    assert [c.value for c in ws[1]] == [k.kop for k in KOLOMMEN]
    namen = [ws.cell(row=i, column=1) for i in range(2, 7)]
    assert [c.value for c in namen] == [r["naam"] for r in RIJEN]
    assert all(c.data_type == "s" for c in namen), "tekst moet tekst blijven, geen formule"
    assert [ws.cell(row=i, column=2).value for i in range(2, 7)] == [1100, 0, 3, 7, 3]
    assert all(isinstance(ws.cell(row=i, column=2).value, int) for i in range(2, 7))
    assert ws.cell(row=2, column=3).value == 4305 and ws.cell(row=4, column=3).value is None
    assert ws.cell(row=2, column=5).value == pytest.approx(3.14)


def test_beleid_export_via_web(beleid_voorbeeldmap, tmp_path):
    """/beleid links to spreadsheet exports of every table; each opens with units and whole households."""
    import os
    import re

    from kotwijzer.web.beleid import BeleidBron

    a = maak_app(f"sqlite:///{tmp_path / 'k.sqlite'}")
    a.state.beleid = BeleidBron(beleid_voorbeeldmap)
    with client_voor(a) as cl:
        r = cl.get("/beleid")
        links = set(re.findall(r'href="/beleid/export/([^"]+)"', r.text))
        assert "hervormingen_samenvatting.csv" in links and "hervormingen_samenvatting.xlsx" in links
        for naam in sorted(links):
            f = cl.get(f"/beleid/export/{naam}")
            assert f.status_code == 200, naam
            if naam.endswith(".csv"):
                alles = _csv(f.content)
                # the table, then an empty line and the caveats (sample size, status, source)
                leeg = [i for i, x in enumerate(alles) if not any(x)]
                rijen = alles[: leeg[0]] if leeg else alles
                assert leeg and any(x and x[0].startswith("Bron:") for x in alles[leeg[0] :]), naam
                kop = rijen[0]
                for i, k in enumerate(kop):
                    if "aantal huishoudens" in k:
                        assert all(re.fullmatch(r"-?\d+", x[i]) for x in rijen[1:] if x[i]), (naam, k)
                assert all(not x[0].startswith(("=", "+", "@")) for x in rijen[1:])
        samen = _csv(cl.get("/beleid/export/hervormingen_samenvatting.csv").content)
        assert "Uitgaven als iedereen aanvraagt (€ per jaar)" in samen[0]
        assert "Gaan erop vooruit (aantal huishoudens)" in samen[0]
        assert cl.get("/beleid/export/cellen_basis.csv").status_code == 404
        assert cl.get("/beleid/export/..%2Foverzicht.csv").status_code == 404
        assert cl.get("/beleid/export/bestaat_niet.xlsx").status_code == 404
    a.state.db.sluit()
    assert os.path.isdir(beleid_voorbeeldmap)
