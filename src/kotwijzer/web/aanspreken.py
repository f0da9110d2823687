"""Professional mode speaks about "de ouder", not to "u" (issue 15 §1).

The texts of the parent flow (templates, the core's explanations, the next steps) address the parent as "u". A
professional reads them about a client, so in professional mode the check page, the result page and the PDF turn the
second person into the third: "U heeft recht" -> "De ouder heeft recht", "Wat doet uw partner?" -> "Wat doet de
partner?", "Kunt u" -> "Kan de ouder". Text that speaks to the professional as the user of the page (printing, the
resume link, the banner of the dossier) is marked with class `geen-print`, `tot-gebruiker` or `context` and left alone.

This is a rewrite of finished Dutch sentences with a small, tested set of rules (formal "u" takes the third-person
verb except for bent/kunt/wilt/zult/hebt; "uw X" becomes "de X" or "het X"). When the translation catalogue of the
parent flow exists, a professional variant of the Dutch catalogue can replace it; the rules then stay as the check.
"""

from __future__ import annotations

import re

# formal second person verb forms that differ from the third person
_WERKWOORD = {"bent": "is", "kunt": "kan", "wilt": "wil", "zult": "zal", "hebt": "heeft"}
# nouns after "uw" that take "het" (the others take "de")
_HET = {
    "inkomen",
    "gezin",
    "kind",
    "traject",
    "werk",
    "plan",
    "adres",
    "contract",
    "indicatiebesluit",
    "bedrag",
    "voorschot",
    "recht",
    "toetsingsinkomen",
    "aanvraagformulier",
    "bewijs",
    "burgerservicenummer",
}
_WOORD = r"[A-Za-zÀ-ÿ]+"


def _uw(m: re.Match) -> str:
    hoofd, woord = m.group(1) == "U", m.group(2)
    lidwoord = "het" if woord.lower() in _HET else "de"
    if woord.lower() in ("kinderen", "antwoorden", "gegevens", "ouders"):
        lidwoord = "de"
    return (lidwoord.capitalize() if hoofd else lidwoord) + " " + woord


def derde_persoon(tekst: str) -> str:
    """'U heeft recht' -> 'De ouder heeft recht'; 'Kunt u' -> 'Kan de ouder'; 'uw partner' -> 'de partner'."""
    if not tekst or not re.search(r"\b[Uu]w?\b", tekst):
        return tekst
    t = tekst
    # "uw partner" / "Uw gezin" -> "de partner" / "Het gezin"
    t = re.sub(rf"\b([Uu])w\s+({_WOORD})", _uw, t)
    werkwoord = "|".join(_WERKWOORD)
    # "u kunt" -> "de ouder kan"; "U bent" -> "De ouder is"
    t = re.sub(
        rf"\b([Uu])\s+({werkwoord})\b",
        lambda m: ("De ouder " if m.group(1) == "U" else "de ouder ") + _WERKWOORD[m.group(2)],
        t,
    )
    # "Kunt u" -> "Kan de ouder" (other verbs keep their form: "Heeft u" -> "Heeft de ouder")
    t = re.sub(rf"\b({werkwoord}|{werkwoord.title()})\s+u\b", lambda m: _vervoeg(m.group(1)) + " de ouder", t)
    t = re.sub(r"\bU\b", "De ouder", t)
    t = re.sub(r"\bu\b", "de ouder", t)
    return t


def _vervoeg(woord: str) -> str:
    laag = woord.lower()
    if laag in _WERKWOORD:
        nieuw = _WERKWOORD[laag]
        return nieuw.capitalize() if woord[:1].isupper() else nieuw
    return woord


_OVERSLAAN = re.compile(r'class="[^"]*\b(?:geen-print|tot-gebruiker|wettekst|context)\b')
_LEEG = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def html_derde_persoon(html: str) -> str:
    """`derde_persoon` on the text of <main> (not on tags, attributes or scripts), except inside an element with
    class `geen-print` or `tot-gebruiker`, or in a law text (class `wettekst`, never changed)."""
    if "<main" not in html:
        return html
    delen = re.split(r"(<[^>]+>)", html)
    stapel: list[tuple[str, bool]] = []  # (tag, skip)
    in_main = False
    uit = []
    for d in delen:
        if d.startswith("<"):
            m = re.match(r"<\s*(/)?\s*([a-zA-Z0-9]+)", d)
            if m:
                naam = m.group(2).lower()
                if m.group(1):
                    if naam == "main":
                        in_main = False
                    while stapel:
                        if stapel.pop()[0] == naam:
                            break
                elif naam not in _LEEG and not d.endswith("/>"):
                    if naam == "main":
                        in_main = True
                    stapel.append((naam, bool(_OVERSLAAN.search(d)) or naam in ("script", "style", "textarea")))
            uit.append(d)
            continue
        if in_main and d.strip() and not any(s for _, s in stapel):
            uit.append(derde_persoon(d))
        else:
            uit.append(d)
    return "".join(uit)
