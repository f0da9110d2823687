"""The core's sentences in the parent's language.

The calculation renders its signals in Dutch (`kotwijzer.explain.signaaltekst`, one template per signal code) and its
reasons and situations come with Dutch texts (`kotwijzer.rules.codes`). Those Dutch templates and texts are message
ids of the translation catalogue (`kern_berichten()`, added to the catalogue by
`python -m kotwijzer.web.vertaalcatalogus bijwerken`). For a page in English, `vertaal_kern()` finds the template a sentence was rendered from, translates
the template through the catalogue and fills it again with its values, each translated too (a reason inside a
verdict, a date, an amount, a list of months). A sentence that matches no template stays Dutch.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import overload

from kotwijzer import i18n
from kotwijzer.formaat import MAANDNAMEN as _MAANDEN
from kotwijzer.i18n import _

_VELD = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def kern_berichten() -> list[str]:
    """The Dutch texts of the core that a parent can see: the signal templates, the reasons, the situations and the
    status words of a table cell. (The next steps and the explanation per month mark their texts with `_()`
    themselves, `kotwijzer.explain.stappen` and `kotwijzer.explain.uitleg`.)"""
    from kotwijzer.explain.signaaltekst import NL
    from kotwijzer.rules import codes as c

    uit: list[str] = []
    for t in NL.values():
        if _VELD.fullmatch(t.strip()) is None:
            uit.append(t)
    uit += [r.uitleg for r in c.REDEN_PER_NUMMER.values()]
    uit += [o.omschrijving for o in c.ONDERDEEL_PER_BIT.values()]
    uit += [k.uitleg for k in c.KIND_REDENEN]  # why a child gets nothing in a month
    uit += _bron_sjablonen()
    from kotwijzer.params.loader import CELSTATUS_TEKST

    uit += list(CELSTATUS_TEKST.values())  # the status of a table cell, shown with a percentage in the explanation
    return list(dict.fromkeys(x for x in uit if x))


# Functions of the core that write sentences a parent sees without a signal template: the municipal classification of
# an activity (shown inside a verdict and a warning) and the conversion of hours per week or year (an assumption).
# Their literals become message ids and their f-strings templates (`_bron_sjablonen`), read from the source, so that
# a sentence changed in the core is a new message the catalogue test asks to translate.
_BRONNEN = (
    ("kotwijzer.municipal.classificatie", "_uitleg"),
    ("kotwijzer.municipal.classificatie", "VOORBEELD_WAARSCHUWING"),
    ("kotwijzer.municipal.models", "CATEGORIE_OMSCHRIJVING"),
    ("kotwijzer.invoer", "uren_per_maand_cu"),
    ("kotwijzer.invoer", "_ouder_arrays"),
    ("kotwijzer.invoer", "_traject_bit"),
    ("kotwijzer.invoer", "_detentie_bit"),
    ("kotwijzer.invoer", "_werkloosheidstermijn"),
    ("kotwijzer.invoer", "_kind_arrays"),
    ("kotwijzer.foutmeldingen", "melding"),
    ("kotwijzer.foutmeldingen", "_getal_melding"),
    ("kotwijzer.foutmeldingen", "_VELD_MELDING"),
    ("kotwijzer.foutmeldingen", "_DATUM"),
    ("kotwijzer.foutmeldingen", "_TIJD"),
    ("kotwijzer.bereik", "_uitleg"),
    ("kotwijzer.params.grenzen", "GRENSSTATUS_TEKST"),
    ("kotwijzer.params.grenzen", "cel_grenzen"),
    ("kotwijzer.params.grenzen", "_rij_tekst"),
)


def _veldnaam(expr) -> str:
    """A readable field name for the value of an f-string: `gemeente.naam` -> gemeente_naam, `_getal(per_week)` ->
    per_week, `len(idx)` -> idx."""
    import ast

    while isinstance(expr, (ast.Call, ast.Subscript)) and (not isinstance(expr, ast.Call) or expr.args):
        expr = expr.args[0] if isinstance(expr, ast.Call) else expr.value
    while isinstance(expr, ast.BinOp):
        expr = expr.left
    if isinstance(expr, ast.Call):
        expr = expr.func
    delen: list[str] = []
    while isinstance(expr, ast.Attribute):
        delen.insert(0, expr.attr)
        expr = expr.value
    if isinstance(expr, ast.Name):
        delen.insert(0, expr.id)
    return re.sub(r"[^a-z0-9_]", "", "_".join(delen).lower()).strip("_") or "waarde"


@lru_cache(maxsize=1)
def _bron_sjablonen() -> list[str]:
    """The sentences of `_BRONNEN`: every literal that reads as a sentence, and every f-string as a template whose
    fields are named after their values."""
    import ast
    import importlib
    import inspect

    uit: list[str] = []
    for module, naam in _BRONNEN:
        bron = inspect.getsource(importlib.import_module(module))
        boom = ast.parse(bron)
        knopen = [
            n
            for n in ast.walk(boom)
            if isinstance(n, (ast.FunctionDef, ast.Assign, ast.AnnAssign))
            and (
                getattr(n, "name", None) == naam
                or any(getattr(t, "id", None) == naam for t in getattr(n, "targets", [getattr(n, "target", None)]))
            )
        ]
        for knoop in knopen:
            in_f = {id(x) for f in ast.walk(knoop) if isinstance(f, ast.JoinedStr) for x in ast.walk(f)}
            in_f |= {id(x.value) for x in ast.walk(knoop) if isinstance(x, ast.Expr)}  # docstrings
            for n in ast.walk(knoop):
                if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in in_f:
                    if (
                        " " in n.value
                        and len(n.value) > 6
                        and "{" not in n.value
                        and "\\" not in n.value
                        and n.value[:1].isalpha()
                    ):
                        uit.append(n.value.strip())
                elif isinstance(n, ast.JoinedStr) and id(n) not in {id(x) for x in ast.walk(n)} - {id(n)}:
                    sjabloon, namen = "", []
                    for deel in n.values:
                        if isinstance(deel, ast.Constant):
                            sjabloon += str(deel.value).replace("{", "{{").replace("}", "}}")
                        elif isinstance(deel, ast.FormattedValue):  # the only other part of an f-string
                            v = _veldnaam(deel.value)
                            while v in namen:
                                v += "_2"
                            namen.append(v)
                            sjabloon += "{" + v + "}"
                    if namen and " " in sjabloon and len(_VELD.sub("", sjabloon)) > 8:
                        uit.append(sjabloon.strip())  # a piece of a longer text, matched sentence by sentence
    return list(dict.fromkeys(uit))


@lru_cache(maxsize=1)
def _patronen() -> list[tuple[re.Pattern[str], str, list[str]]]:
    """(regex, template, field names) for every template with fields, longest first (the most specific wins)."""
    from kotwijzer.explain.signaaltekst import NL

    uit = []
    for t in sorted(set(NL.values()) | {x for x in _bron_sjablonen() if _VELD.search(x)}, key=len, reverse=True):
        namen = _VELD.findall(t)
        if not namen or _VELD.fullmatch(t.strip()):
            continue
        delen = _VELD.split(t)
        regex = ""
        for i, d in enumerate(delen):
            regex += re.escape(d) if i % 2 == 0 else _VELD_REGEX.get(d, "(.+?)")
        uit.append((re.compile(regex + r"\Z", re.S), t, namen))
    return uit


# fields whose value has a fixed form (so that two fields side by side are read apart): a percentage "95,2 %"
_VELD_REGEX = {"kolom": r"(\d+(?:,\d+)? ?%)", "p1": r"(\d+(?:,\d+)? ?%)", "p2": r"(\d+(?:,\d+)? ?%)"}


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
    m = re.fullmatch(r"€ (\d{1,3}(?:\.\d{3})*)", w)
    if m:  # whole euros
        return "€" + f"{int(m[1].replace('.', '')):,}"
    m = re.fullmatch(r"(\d+),(\d+) %", w)
    if m:
        return f"{m[1]}.{m[2]}%"
    m = re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+", w)
    if m:  # a Dutch number: 1.000 / 0,5
        return i18n.getal(w.replace(".", "").replace(",", "."))
    m = re.fullmatch(r"([\d.]+(?:,\d+)?)%", w)
    if m:
        return m[1].replace(".", "").replace(",", ".") + "%"
    woorden = re.split(r"(, | en )", w)
    if len(woorden) > 1 and all(x in _MAANDEN or x in (", ", " en ") for x in woorden):
        return "".join(
            i18n.maandnaam(_MAANDEN.index(x) + 1) if x in _MAANDEN else (" and " if x == " en " else x) for x in woorden
        )
    if w in _MAANDEN:
        return i18n.maandnaam(_MAANDEN.index(w) + 1)
    # per parent: "aanvrager 3 maanden, partner 12 maanden" / "aanvrager 120 uur"
    delen = w.split(", ")
    per_ouder = [re.fullmatch(r"(aanvrager|partner) ([\d.,]+) (maanden|uur)", d) for d in delen]
    if all(per_ouder):
        return ", ".join(
            (_("{wie} {n} maanden") if m[3] == "maanden" else _("{wie} {n} uur")).format(
                wie=_waarde(m[1]), n=i18n.getal(m[2].replace(".", "").replace(",", "."))
            )
            for m in per_ouder
            if m
        )
    # the parts of the law a parent meets: "werkt (loondienst of eigen bedrijf) (art. 1.6 lid 1 onder a Wko); ..."
    for scheiding in ("; ", ", "):
        delen = w.split(scheiding)
        vertaald = []
        for d in delen:
            m = re.fullmatch(r"(.+?)( \(art\. [^()]+\))?", d)
            doel = i18n.gettext(m[1]) if m else d
            if not m or doel == m[1]:
                break
            vertaald.append(doel + (m[2] or ""))
        else:
            return scheiding.join(vertaald)
    return {
        "U": "You",
        "Uw partner": "Your partner",
        "aanvrager": "applicant",
        "partner": "partner",
        "het eerste kind": "the first child",
        "de andere kinderen": "the other children",
    }.get(w, w)


@overload
def vertaal_kern(tekst: str) -> str: ...
@overload
def vertaal_kern(tekst: None) -> None: ...
def vertaal_kern(tekst: str | None) -> str | None:
    """A Dutch sentence of the core in the language of the page (unchanged in Dutch, and when it is not known)."""
    if not tekst or i18n.taal() == i18n.STANDAARD:
        return tekst
    if tekst.startswith("- "):  # a line of a list in the explanation per month
        return "- " + (vertaal_kern(tekst[2:]) or "")
    vertaald = _zin(tekst)
    if vertaald != tekst:
        return vertaald
    # several sentences of the core in one text (a verdict followed by its reason, a classification with its advice):
    # each sentence on its own
    zinnen = _ZINSGRENS.split(tekst)
    if len(zinnen) > 1:
        # from each sentence on, the longest run of sentences that is one text of the core
        uit, i = [], 0
        while i < len(zinnen):
            for j in range(len(zinnen), i, -1):
                stuk = " ".join(zinnen[i:j])
                doel = _zin(stuk)
                if doel != stuk or j == i + 1:
                    uit.append(doel)
                    i = j
                    break
        vertaald = " ".join(uit)
        if vertaald != tekst:
            return vertaald
    return tekst


_ZINSGRENS = re.compile(r"(?<=[.?!])\s+(?=[A-ZÀ-Ý'])")


def _zin(tekst: str) -> str:
    """One text of the core: a message of the catalogue, or a sentence rendered from a template with fields."""
    vertaald = i18n.gettext(tekst)
    if vertaald != tekst:
        return vertaald
    for regex, sjabloon, namen in _patronen():
        m = regex.match(tekst)
        if not m:
            continue
        if any(_ZINSGRENS.search(v) for v in m.groups()) and not _ZINSGRENS.search(_VELD.sub("X", sjabloon)):
            continue  # a one-sentence template does not swallow the sentences after it
        doel = i18n.gettext(sjabloon)
        if doel == sjabloon:
            return tekst
        waarden = {n: _waarde(v) for n, v in zip(namen, m.groups(), strict=True)}
        try:
            return doel.format(**waarden)
        except (KeyError, IndexError, ValueError):
            return tekst
    return tekst
