"""Plain Dutch for what a user sees, shared by the CLI and the web pages: status words, parameter values, and source
references to the reference documents named by their real title instead of a file number and line numbers."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kotwijzer.formaat import getal

STATUS_NL = {
    "final": "definitief",
    "definitief": "definitief",
    "provisional": "voorlopig",
    "voorlopig": "voorlopig",
    "partial": "onvolledig",
    "onvolledig": "onvolledig",
    "unverified": "niet gecontroleerd",
    "ontbreekt": "ontbreekt",
    "announced": "aangekondigd",
    "aangekondigd": "aangekondigd",
}

# How a reference document is named in anything a user sees: by its title, publisher and date, never by a file number.
DOCUMENTEN = {
    "000": 'het rapport "Kinderopvangtoeslag in de Participatiewet" (onderzoek voor het ministerie van SZW, 21 mei 2025)',
    "001": "het onderzoek voor Dienst Toeslagen naar aanvragen van gezinnen met een Wlz-indicatie (cijfers tot november 2022)",
    "002": "de Kamerbrief van de minister van SZW over de invoeringstoets Wlz (2022/23)",
    "003": "de eerste rapportage van Research voor Beleid over de Wet verbetering arbeidsmarktpositie alleenstaande "
    "ouders (2009)",
    "004": "het Besluit van 22 augustus 2022 tot wijziging van het Besluit kinderopvangtoeslag, met de nota van toelichting",
}

_REGELS_HAAKJES = re.compile(
    r"\s*\((?:r|regel|regels)\.?\s*\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|en)\s*\d+(?:\s*[-–]\s*\d+)?)*\)"
)
_REGELS_LOS = re.compile(r",?\s*\b(?:r|regel|regels)\.\s*\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|en)\s*\d+(?:\s*[-–]\s*\d+)?)*")
_SEED = re.compile(r"\b[Ss]eed\s*0*(\d{1,3})\b")


def status_nl(s: Any) -> str:
    return STATUS_NL.get(str(s), str(s).replace("_", " "))


def bron_nl(tekst: str) -> str:
    """'seed 000 §2.1, r. 626' -> 'het rapport "Kinderopvangtoeslag in de Participatiewet" (...) §2.1'."""
    t = _REGELS_HAAKJES.sub("", str(tekst))
    t = _REGELS_LOS.sub("", t)
    t = _SEED.sub(lambda m: DOCUMENTEN.get(m[1].zfill(3), "een brondocument"), t)
    return re.sub(r"\s{2,}", " ", t).strip()


def getal_nl(x: Any, decimalen: int | None = None) -> str:
    """1234.5 -> '1.234,5'; whole numbers without decimals; with `decimalen` exactly that many (kotwijzer.formaat)."""
    return getal(x, decimalen, nullen="vast")


def waarde_nl(v: Any) -> str:
    """A parameter value in plain Dutch: ja/nee instead of True/False, numbers with a decimal comma."""
    if isinstance(v, bool):
        return "ja" if v else "nee"
    if v is None:
        return "onbekend"
    if isinstance(v, dict):
        return ", ".join(f"{str(k).replace('_', ' ')} {waarde_nl(x)}" for k, x in v.items())
    if isinstance(v, (list, tuple)):
        return ", ".join(waarde_nl(x) for x in v)
    if isinstance(v, (int, float, Decimal)):
        return getal_nl(v)
    if isinstance(v, str) and re.fullmatch(r"-?\d+(\.\d+)?", v):
        return getal_nl(v)
    return str(v)
