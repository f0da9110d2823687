"""Checks on what professionals type into free-text fields: no BSN, no control characters, sensible length."""
from __future__ import annotations

import re
import unicodedata
from typing import Any

# nine digits, each pair separated by at most three non-word characters (space, dot, dash, slash, underscore, comma,
# ...); overlapping matches are all tried
_BSN_KANDIDAAT = re.compile(r"(?<![0-9])(?=((?:[0-9][\W_]{0,3}){8}[0-9])(?![0-9]))")

BSN_MELDING = (
    "Dit lijkt op een burgerservicenummer (BSN). Gebruik geen BSN of naam, maar een label zonder persoonsgegevens, "
    "bijvoorbeeld 'gezin 12'."
)


class OngeldigeWaarde(ValueError):
    def __init__(self, veld: str, melding: str):
        super().__init__(f"{veld}: {melding}")
        self.veld = veld
        self.melding = melding


def elfproef(cijfers: str) -> bool:
    """The BSN 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11 (and the number is not all zeros)."""
    if len(cijfers) != 9 or not cijfers.isdigit() or int(cijfers) == 0:
        return False
    som = sum(int(c) * w for c, w in zip(cijfers, (9, 8, 7, 6, 5, 4, 3, 2, -1)))
    return som % 11 == 0


def normaliseer(tekst: str) -> str:
    """The text as the BSN check reads it: Unicode NFKC (full-width and other compatibility digits become 0-9),
    format characters (category Cf: zero-width spaces, joiners, direction marks) removed, and every other decimal
    digit (Arabic-Indic, Devanagari, ...) written as 0-9."""
    uit = []
    for ch in unicodedata.normalize("NFKC", tekst):
        cat = unicodedata.category(ch)
        if cat == "Cf":
            continue
        if cat == "Nd" and not ("0" <= ch <= "9"):
            uit.append(str(unicodedata.decimal(ch, 0)))
            continue
        uit.append(ch)
    return "".join(uit)


def lijkt_op_bsn(tekst: str) -> bool:
    """True when the text holds nine digits, in any script and split by any separators or invisible characters,
    that pass the 11-proef."""
    for m in _BSN_KANDIDAAT.finditer(normaliseer(tekst)):
        if elfproef(re.sub(r"[^0-9]", "", m.group(1))):
            return True
    return False


def _schone_tekens(tekst: str) -> bool:
    for ch in tekst:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Co", "Cn") or ch in "\u2028\u2029":
            return False
    return True


def controleer_tekst(tekst: Any, veld: str, max_lengte: int, verplicht: bool = True) -> str:
    if tekst is None:
        tekst = ""
    if not isinstance(tekst, str):
        raise OngeldigeWaarde(veld, "Vul tekst in.")
    tekst = " ".join(tekst.split())
    if verplicht and not tekst:
        raise OngeldigeWaarde(veld, "Vul dit veld in.")
    if len(tekst) > max_lengte:
        raise OngeldigeWaarde(veld, f"Gebruik hoogstens {max_lengte} tekens.")
    if not _schone_tekens(tekst):
        raise OngeldigeWaarde(veld, "Gebruik alleen gewone letters, cijfers en leestekens.")
    if lijkt_op_bsn(tekst):
        raise OngeldigeWaarde(veld, BSN_MELDING)
    return tekst


def controleer_invoer_teksten(data: Any, pad: str = "") -> None:
    """Walk the core's input JSON and refuse any string that looks like a BSN (labels are free text)."""
    if isinstance(data, dict):
        for k, v in data.items():
            controleer_invoer_teksten(v, f"{pad}.{k}" if pad else str(k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            controleer_invoer_teksten(v, f"{pad}[{i}]")
    elif isinstance(data, str):
        if lijkt_op_bsn(data):
            raise OngeldigeWaarde(pad, BSN_MELDING)
        if not _schone_tekens(data):
            raise OngeldigeWaarde(pad, "Gebruik alleen gewone letters, cijfers en leestekens.")
