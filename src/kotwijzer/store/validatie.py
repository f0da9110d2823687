"""Checks on what professionals type into free-text fields: no BSN, no control characters, sensible length."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# nine digits, each pair separated by at most one separator (the text is normalised first: every run of characters
# that is neither a letter nor a digit becomes one space); overlapping matches are all tried
_BSN_KANDIDAAT = re.compile(r"(?<![0-9])(?=((?:[0-9] ?){8}[0-9])(?![0-9]))")

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15): characters that display as nothing.
# Category Cf is removed as well, and so are combining marks (M*), which a label can hang between digits.
ONZICHTBAAR = [
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
]
# characters that change the direction in which text is shown (embeddings, overrides, isolates)
_RICHTING = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))

BSN_MELDING = (
    "Dit lijkt op een burgerservicenummer (BSN). Gebruik geen BSN of naam, maar een label zonder persoonsgegevens, "
    "bijvoorbeeld 'gezin 12'."
)
LEEG_MELDING = "Dit veld toont niets: gebruik gewone letters of cijfers."
RICHTING_MELDING = (
    "Gebruik geen tekens die de schrijfrichting veranderen; die kunnen een tekst anders laten lijken dan hij is."
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
    som = sum(int(c) * w for c, w in zip(cijfers, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return som % 11 == 0


def onzichtbaar(ch: str) -> bool:
    """Displays as nothing: a default-ignorable code point, a format character or a combining mark."""
    o = ord(ch)
    if any(a <= o <= b for a, b in ONZICHTBAAR):
        return True
    return unicodedata.category(ch) in ("Cf", "Mn", "Me", "Mc")


def normaliseer(tekst: str) -> str:
    """The text as the BSN check reads it: Unicode NFKC (full-width and other compatibility digits become 0-9),
    everything that displays as nothing removed (`onzichtbaar`), every other decimal digit (Arabic-Indic, Devanagari,
    ...) written as 0-9, and every run of separators (whatever is not a letter or a digit: spaces, punctuation,
    symbols, control characters, in any script) written as one space."""
    uit: list[str] = []
    for ch in unicodedata.normalize("NFKC", tekst):
        if onzichtbaar(ch):
            continue
        cat = unicodedata.category(ch)
        if cat == "Nd":
            uit.append(ch if "0" <= ch <= "9" else str(unicodedata.decimal(ch, 0)))
        elif cat[0] in "LN":
            uit.append(ch)
        elif not uit or uit[-1] != " ":
            uit.append(" ")
    return "".join(uit)


def lijkt_op_bsn(*teksten: str) -> bool:
    """True when the text (or the texts together, read one after the other) holds nine digits, in any script and
    split by any separators or invisible characters, that pass the 11-proef."""
    for m in _BSN_KANDIDAAT.finditer(normaliseer(" ".join(t for t in teksten if t))):
        if elfproef(m.group(1).replace(" ", "")):
            return True
    return False


def toont_leeg(tekst: str) -> bool:
    """Nothing would be seen of this text: only spaces and invisible characters."""
    return all(ch.isspace() or onzichtbaar(ch) for ch in tekst)


def draait_tekst(tekst: str) -> bool:
    """The text holds a character that changes the direction of what follows (a bidi embedding, override or
    isolate), which can make a label display as something else than it is."""
    return any(ord(ch) in _RICHTING for ch in tekst)


def controleer_samen(velden: dict[str, Any]) -> None:
    """The free-text fields of one record, read together: a BSN split over two fields (a dossier label and a scenario
    name, a parent's and a child's label) is refused as well. Raises OngeldigeWaarde for the first field."""
    teksten = [(k, v) for k, v in velden.items() if isinstance(v, str) and v and any(c.isdigit() for c in v)]
    if len(teksten) < 2:
        return
    if lijkt_op_bsn(*(v for _, v in teksten)):
        raise OngeldigeWaarde(teksten[-1][0], BSN_MELDING)
    for i, (_, a) in enumerate(teksten):  # every two fields in either order: the order they are shown in may differ
        for j, (k, b) in enumerate(teksten):
            if i != j and lijkt_op_bsn(a, b):
                raise OngeldigeWaarde(k, BSN_MELDING)


def schone_tekens(tekst: str) -> bool:
    """No control character, surrogate, private-use or unassigned code point, line or paragraph separator, and none
    of the invisible fillers and format characters of ONZICHTBAAR anywhere (the published schema's pattern says the
    same, `kotwijzer.api.schemas.tekst_patroon`; only the unassigned code points it cannot list)."""
    for ch in tekst:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Co", "Cn") or ch in "\u2028\u2029":
            return False
        o = ord(ch)
        if any(a <= o <= b for a, b in ONZICHTBAAR):
            return False
    return True


def controleer_vrije_tekst(tekst: str, veld: str) -> None:
    """One free-text field (a label, a name, an explanation): refused with a Dutch message naming the field when it
    shows as empty, reorders text, holds characters that are not plain text, or looks like a BSN."""
    if lijkt_op_bsn(tekst):
        raise OngeldigeWaarde(veld, BSN_MELDING)
    if tekst and toont_leeg(tekst):
        raise OngeldigeWaarde(veld, LEEG_MELDING)
    if draait_tekst(tekst):
        raise OngeldigeWaarde(veld, RICHTING_MELDING)
    if not schone_tekens(tekst):
        raise OngeldigeWaarde(veld, "Gebruik alleen gewone letters, cijfers en leestekens.")


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
    controleer_vrije_tekst(tekst, veld)
    return tekst


def controleer_invoer_teksten(data: Any, pad: str = "", samen: dict[str, Any] | None = None) -> None:
    """Walk the core's input JSON and refuse any string that looks like a BSN (labels are free text), displays as
    empty or reorders text; then all its texts together (with `samen`: the record's other fields, such as the
    scenario's name and the dossier's label), so that a BSN split over fields is refused too."""
    teksten: dict[str, str] = {}
    stapel: list[tuple[Any, str]] = [(data, pad)]
    while stapel:
        x, p = stapel.pop()
        if isinstance(x, dict):
            stapel.extend((v, f"{p}.{k}" if p else str(k)) for k, v in reversed(list(x.items())))
        elif isinstance(x, list):
            stapel.extend((v, f"{p}[{i}]") for i, v in reversed(list(enumerate(x))))
        elif isinstance(x, str):
            controleer_vrije_tekst(x, p)
            if p.endswith("label"):
                teksten[p] = x
    controleer_samen({**(samen or {}), **teksten})
