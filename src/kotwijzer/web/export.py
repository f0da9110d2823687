"""Spreadsheet exports that open correctly in a Dutch spreadsheet program.

- CSV: UTF-8 with a byte order mark (so that Excel reads 'é' and '€' right), semicolons between the cells and a
  decimal comma (the Dutch list separator and decimal sign), CRLF line ends.
- XLSX (openpyxl), next to every CSV: numbers are real numbers with a number format, text is text.
- Units in the headers ("(€ per jaar)", "(aantal huishoudens)", "(%)"); values rounded the way the pages show them;
  households are whole numbers (a weighted population gives fractions: they are rounded, never shown as 1.100,3).
- A text cell that starts with = + - @ (or a tab or carriage return) could be run as a formula by the spreadsheet
  program: in CSV it gets a leading apostrophe, in XLSX it is stored as text (never as a formula).

The municipal overview and the policy tables of /beleid go through here. The files the policy package writes stay
as they are (full precision, for analysis software); these exports are for people.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kotwijzer.formaat import getal

GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutraliseer(tekst: str) -> str:
    """A text cell that a spreadsheet could read as a formula gets a leading apostrophe."""
    return "'" + tekst if tekst.startswith(GEVAARLIJK) else tekst


@dataclass(frozen=True)
class Kolom:
    """One exported column: its header (with unit) and how a value is written."""

    naam: str  # the column in the source data
    kop: str  # header with unit
    soort: str = "tekst"  # tekst | aantal | euro | procent | getal
    decimalen: int = 0


def _afgerond(x: Any, decimalen: int) -> Decimal | None:
    if x is None or x == "":
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    if math.isnan(f) or math.isinf(f):
        return None
    return Decimal(repr(f)).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)


def waarde(k: Kolom, x: Any) -> Any:
    """The value as it is exported: a rounded Decimal for numbers (None when empty), text otherwise."""
    if k.soort == "tekst":
        return "" if x is None else str(x)
    if k.soort == "procent":
        d = _afgerond(None if x in (None, "") else float(x) * 100, k.decimalen)
    else:
        d = _afgerond(x, 0 if k.soort in ("aantal", "euro") and k.decimalen == 0 else k.decimalen)
    if d is not None and d == 0:
        d = abs(d)  # no "-0"
    return d


def _nl_getal(d: Decimal, decimalen: int) -> str:
    return getal(d, decimalen, nullen="vast", duizendtallen=False)


def csv_bytes(kolommen: Sequence[Kolom], rijen: Iterable[dict[str, Any]]) -> bytes:
    uit = io.StringIO(newline="")
    w = csv.writer(uit, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow([neutraliseer(k.kop) for k in kolommen])
    for rij in rijen:
        cellen = []
        for k in kolommen:
            v = waarde(k, rij.get(k.naam))
            if isinstance(v, Decimal):
                cellen.append(_nl_getal(v, k.decimalen if k.soort not in ("aantal",) else 0))
            elif v is None:
                cellen.append("")
            else:
                cellen.append(neutraliseer(v))
        w.writerow(cellen)
    return (BOM + uit.getvalue()).encode("utf-8")


def xlsx_bytes(kolommen: Sequence[Kolom], rijen: Iterable[dict[str, Any]], blad: str = "Gegevens") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = blad[:31]
    for j, k in enumerate(kolommen, 1):
        c = ws.cell(row=1, column=j, value=k.kop)
        c.data_type = "s"
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[c.column_letter].width = max(12, min(45, len(k.kop) + 2))
    formaat = {"aantal": "#,##0", "euro": "#,##0", "getal": "#,##0.00", "procent": "0"}
    for i, rij in enumerate(rijen, 2):
        for j, k in enumerate(kolommen, 1):
            v = waarde(k, rij.get(k.naam))
            if isinstance(v, Decimal):
                c = ws.cell(row=i, column=j, value=int(v) if k.decimalen == 0 or k.soort == "aantal" else float(v))
                f = formaat.get(k.soort, "General")
                if k.decimalen and k.soort != "aantal":
                    f = ("#,##0." if k.soort != "procent" else "0.") + "0" * k.decimalen
                c.number_format = f
            else:
                c = ws.cell(row=i, column=j)
                c.value = v if v is not None else None
                if isinstance(v, str):
                    c.data_type = "s"  # text, never a formula, whatever it starts with
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ------------------------------------------------------------------------------------------ policy tables
AANTAL = "aantal huishoudens"
BELEID_KOLOMMEN: dict[str, Kolom] = {
    k.naam: k
    for k in [
        Kolom("code", "Code"),
        Kolom("naam", "Hervorming"),
        Kolom("doelgroep", "Doelgroep"),
        Kolom("huishouden", "Huishoudtype"),
        Kolom("deciel", "Inkomensdeciel (1 = laagste inkomens)", "aantal"),
        Kolom("huishoudens", f"Huishoudens ({AANTAL})", "aantal"),
        Kolom("uitgaven_iedereen", "Uitgaven als iedereen aanvraagt (€ per jaar)", "euro"),
        Kolom("verandering_iedereen", "Verandering uitgaven als iedereen aanvraagt (€ per jaar)", "euro"),
        Kolom("verandering_na_niet_gebruik", "Verandering uitgaven na niet-gebruik, midden (€ per jaar)", "euro"),
        Kolom("verandering_na_niet_gebruik_laag", "Verandering uitgaven na niet-gebruik, laag (€ per jaar)", "euro"),
        Kolom(
            "verandering_na_niet_gebruik_midden", "Verandering uitgaven na niet-gebruik, midden (€ per jaar)", "euro"
        ),
        Kolom("verandering_na_niet_gebruik_hoog", "Verandering uitgaven na niet-gebruik, hoog (€ per jaar)", "euro"),
        Kolom("nieuwe_aanspraak", f"Nieuw recht op toeslag ({AANTAL})", "aantal"),
        Kolom("nieuwe_ontvangers", f"Nieuwe ontvangers ({AANTAL})", "aantal"),
        Kolom("nieuwe_ontvangers_iedereen", f"Nieuwe ontvangers als iedereen aanvraagt ({AANTAL})", "aantal"),
        Kolom("nieuwe_ontvangers_na_niet_gebruik", f"Nieuwe ontvangers na niet-gebruik ({AANTAL})", "aantal"),
        Kolom("winnaars", f"Gaan erop vooruit ({AANTAL})", "aantal"),
        Kolom("verliezers", f"Gaan erop achteruit ({AANTAL})", "aantal"),
        Kolom("gemiddelde_winst", "Gemiddeld erbij (€ per huishouden per jaar)", "euro"),
        Kolom("gemiddeld_verlies", "Gemiddeld eraf (€ per huishouden per jaar)", "euro"),
        Kolom("geen_ontvanger_meer", f"Geen toeslag meer ({AANTAL})", "aantal"),
        Kolom("niet_gebruik_midden", "Niet-gebruik, middenraming (%)", "procent"),
    ]
}


def beleid_kolommen(namen: Sequence[str]) -> list[Kolom]:
    """The export columns for the columns of a policy table; an unknown column keeps its name, as a number with
    two decimals when its values are numbers (the header then has no unit: see the coverage registry)."""
    return [BELEID_KOLOMMEN.get(n) or Kolom(n, n.replace("_", " "), "getal", 2) for n in namen]


def lees_beleid_csv(pad) -> tuple[list[str], list[dict[str, Any]]]:
    """A CSV the policy package wrote (comma-separated, full precision): header and rows."""
    with open(pad, encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        rijen = list(r)
        namen = [n for n in (r.fieldnames or []) if n]
    return namen, rijen


def tekstkolommen(namen: Sequence[str], rijen: Sequence[dict[str, Any]]) -> list[Kolom]:
    """Columns for a table whose unknown columns hold text: a column that is not numeric in every row is text."""
    uit = []
    for k in beleid_kolommen(namen):
        if k.soort != "tekst":
            try:
                [float(r[k.naam]) for r in rijen if r.get(k.naam) not in (None, "")]
            except (TypeError, ValueError):
                k = Kolom(k.naam, k.kop, "tekst")
        uit.append(k)
    return uit
