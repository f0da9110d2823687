"""The core's sentences in the parent's language.

The calculation renders its signals in Dutch (`kotwijzer.explain.signaaltekst`, one template per signal code) and its
reasons and situations come with Dutch texts (`kotwijzer.rules.codes`). Those Dutch templates and texts are message
ids of the translation catalogue (`kern_berichten()`, added to the catalogue by `python -m kotwijzer.i18n
bijwerken`). For a page in English, `vertaal_kern()` finds the template a sentence was rendered from, translates
the template through the catalogue and fills it again with its values, each translated too (a reason inside a
verdict, a date, an amount, a list of months). A sentence that matches no template stays Dutch.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kotwijzer import i18n

_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december")
_VELD = re.compile(r"\{([a-z_]+)\}")


def kern_berichten() -> list[str]:
    """The Dutch texts of the core that a parent can see: the signal templates, the reasons and the situations."""
    from kotwijzer.explain.signaaltekst import NL
    from kotwijzer.rules import codes as c

    uit: list[str] = []
    for t in NL.values():
        if _VELD.fullmatch(t.strip()) is None:
            uit.append(t)
    uit += [r.uitleg for r in c.REDEN_PER_NUMMER.values()]
    uit += [o.omschrijving for o in c.ONDERDEEL_PER_BIT.values()]
    uit += _vaste_teksten_van_stappen()
    return list(dict.fromkeys(x for x in uit if x))


def _vaste_teksten_van_stappen() -> list[str]:
    """The fixed sentences of the next steps (`kotwijzer.explain.stappen`: titles, texts and documents written as
    plain literals; sentences built with values stay Dutch), read from its source."""
    import ast
    import inspect

    from kotwijzer.explain import stappen

    boom = ast.parse(inspect.getsource(stappen))
    in_fstring = {id(n) for f in ast.walk(boom) if isinstance(f, ast.JoinedStr) for n in ast.walk(f)}
    uit = []
    for n in ast.walk(boom):
        if (isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in in_fstring
                and " " in n.value and n.value[:1].isupper() and "\n" not in n.value and len(n.value) > 6):
            uit.append(n.value)
    return uit


@lru_cache(maxsize=1)
def _patronen() -> list[tuple[re.Pattern[str], str, list[str]]]:
    """(regex, template, field names) for every template with fields, longest first (the most specific wins)."""
    from kotwijzer.explain.signaaltekst import NL

    uit = []
    for t in sorted(set(NL.values()), key=len, reverse=True):
        namen = _VELD.findall(t)
        if not namen or _VELD.fullmatch(t.strip()):
            continue
        delen = _VELD.split(t)
        regex = ""
        for i, d in enumerate(delen):
            regex += re.escape(d) if i % 2 == 0 else "(.+?)"
        uit.append((re.compile(regex + r"\Z", re.S), t, namen))
    return uit


def _waarde(w: str) -> str:
    """One value of a sentence in the page's language: a known text, a date, an amount, a list of months."""
    w2 = vertaal_kern(w)
    if w2 != w:
        return w2
    m = re.fullmatch(r"(\d{1,2}) (" + "|".join(_MAANDEN) + r") (\d{4})", w)
    if m:
        return f"{int(m[1])} {i18n.maandnaam(_MAANDEN.index(m[2]) + 1)} {m[3]}"
    m = re.fullmatch(r"€ ([\d.]+),(\d\d)", w)
    if m:
        return "€" + f"{int(m[1].replace('.', '')):,}" + "." + m[2]
    m = re.fullmatch(r"([\d.]+(?:,\d+)?)%", w)
    if m:
        return m[1].replace(".", "").replace(",", ".") + "%"
    woorden = re.split(r"(, | en )", w)
    if len(woorden) > 1 and all(x in _MAANDEN or x in (", ", " en ") for x in woorden):
        return "".join(i18n.maandnaam(_MAANDEN.index(x) + 1) if x in _MAANDEN else
                       (" and " if x == " en " else x) for x in woorden)
    if w in _MAANDEN:
        return i18n.maandnaam(_MAANDEN.index(w) + 1)
    return {"U": "You", "Uw partner": "Your partner", "aanvrager": "applicant", "partner": "partner",
            "het eerste kind": "the first child", "de andere kinderen": "the other children"}.get(w, w)


def vertaal_kern(tekst: str | None) -> str | None:
    """A Dutch sentence of the core in the language of the page (unchanged in Dutch, and when it is not known)."""
    if not tekst or i18n.taal() == i18n.STANDAARD:
        return tekst
    vertaald = i18n.gettext(tekst)
    if vertaald != tekst:
        return vertaald
    for regex, sjabloon, namen in _patronen():
        m = regex.match(tekst)
        if not m:
            continue
        doel = i18n.gettext(sjabloon)
        if doel == sjabloon:
            return tekst
        waarden = {n: _waarde(v) for n, v in zip(namen, m.groups())}
        try:
            return doel.format(**waarden)
        except (KeyError, IndexError, ValueError):
            return tekst
    return tekst
