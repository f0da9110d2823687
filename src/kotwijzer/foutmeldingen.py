"""Dutch messages for invalid input: pydantic validation errors translated per field path. The one translator for
every layer (the API and the web pages, the municipal catalogue, the command line, the policy input files).

`nederlandse_fouten(exc)` turns a `pydantic.ValidationError` into a list of
`{"veld": "kinderen[0].opvang[1].uren_per_maand", "melding": "Vul een getal van 0 of meer in.", "code": "greater_than_equal"}`.
The messages are plain Dutch (B1) and never repeat the submitted value, so nothing personal ends up in logs or
error pages. Messages raised by the model's own validators are already Dutch; they are passed on, capitalised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from kotwijzer.formaat import getal

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

# Field-specific wording where the generic message would be unclear.
_VELD_MELDING = {
    "start_voortgezet_onderwijs": "Vul jaar en maand in als JJJJ-MM, bijvoorbeeld 2027-09.",
    "gemeente_code": "Vul de gemeentecode in als GM gevolgd door vier cijfers, bijvoorbeeld GM0363.",
}

# What each bounded list holds, for the message when it is too long (the bound is what a real household can need).
_LIJST_NAAM = {
    "kinderen": ("kinderen", "in één huishouden"),
    "situaties": ("perioden (situaties)", "per ouder in één jaar"),
    "opvang": ("regels opvang", "per kind"),
    "maanden": ("maanden", "in één lijst; een jaar heeft 12 maanden"),
}

_DATUM = "Vul een geldige datum in als JJJJ-MM-DD, bijvoorbeeld 2026-01-31."
_TIJD = "Vul een geldige datum en tijd in, bijvoorbeeld 2026-01-31T09:00:00."


def veldpad(loc: Iterable[Any]) -> str:
    """('kinderen', 0, 'opvang', 1, 'uren_per_maand') -> 'kinderen[0].opvang[1].uren_per_maand'.

    Parts that are no field name (pydantic's tags for unions and validators, such as 'function-after[...]') are
    left out. An empty string means: the input as a whole."""
    out = ""
    for part in loc:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
        elif isinstance(part, str) and _IDENT.match(part):
            if part in ("body", "query", "path") and out == "":
                continue  # FastAPI's location prefix
            out += ("." if out else "") + part
    return out


_DATUM_BEREIK = "Vul een datum in van 1 januari 1900 tot en met 31 december 2100 (JJJJ-MM-DD)."


def _is_datum(w: Any) -> bool:
    import datetime as _dt
    import re as _re

    return isinstance(w, _dt.date) or (isinstance(w, str) and _re.fullmatch(r"\d{4}-\d{2}-\d{2}", w) is not None)


def _getal(x: Any) -> str:
    """A number in Dutch notation, exact and without trailing zeros: 1000000 -> '1.000.000', Decimal('0.5') -> '0,5'
    (`kotwijzer.formaat.getal`; text that is no number comes back unchanged)."""
    return getal(x, None)


def _keuzes(expected: str) -> str:
    # pydantic: "'a', 'b' or 'c'" -> "'a', 'b' of 'c'"
    return re.sub(r" or (?=')", " of ", expected)


def _zin(tekst: str) -> str:
    tekst = tekst.strip()
    if not tekst:
        return "De waarde klopt niet."
    tekst = tekst[0].upper() + tekst[1:]
    return tekst if tekst.endswith((".", "?", "!")) else tekst + "."


def _getal_melding(t: str, ctx: Mapping[str, Any]) -> str | None:
    """The message for an error about a number (its type, size or bounds; a bound on a date is a date message), or
    None for any other error."""
    if t in ("int_type", "int_parsing"):
        return "Vul een heel getal in, zonder punt of komma."
    if t == "int_from_float":
        return "Vul een heel getal in, zonder cijfers achter de komma."
    if t == "int_parsing_size":
        return "Dit getal is veel te groot."
    if t in ("float_type", "float_parsing", "decimal_type", "decimal_parsing", "number_type"):
        return "Vul een getal in, bijvoorbeeld 12.50."
    if t == "finite_number":
        return "Vul een gewoon getal in (niet oneindig en niet NaN)."
    if t == "decimal_max_places":
        n = ctx.get("decimal_places", 2)
        return f"Gebruik hoogstens {n} cijfer{'s' if n != 1 else ''} achter de komma."
    if t in ("decimal_max_digits", "decimal_whole_digits"):
        return "Dit getal heeft te veel cijfers."
    if t in ("greater_than_equal", "less_than_equal") and _is_datum(ctx.get("ge", ctx.get("le"))):
        return _DATUM_BEREIK
    if t == "greater_than_equal":
        return f"Vul een getal van {_getal(ctx.get('ge'))} of meer in."
    if t == "greater_than":
        return f"Vul een getal groter dan {_getal(ctx.get('gt'))} in."
    if t == "less_than_equal":
        return f"Vul een getal van {_getal(ctx.get('le'))} of minder in."
    if t == "less_than":
        return f"Vul een getal kleiner dan {_getal(ctx.get('lt'))} in."
    if t == "multiple_of":
        return f"Vul een veelvoud van {_getal(ctx.get('multiple_of'))} in."
    return None


def melding(err: Mapping[str, Any]) -> str:
    """The Dutch message for one pydantic error dict."""
    t = err.get("type", "")
    ctx = err.get("ctx") or {}
    loc = err.get("loc") or ()
    laatste = next((p for p in reversed(loc) if isinstance(p, str) and _IDENT.match(p)), None)

    if t == "missing":
        return "Dit veld is verplicht. Vul het in."
    if t == "extra_forbidden":
        return "Dit veld kennen we niet. Haal het weg of controleer de spelling."
    if t in ("value_error", "assertion_error"):
        e = ctx.get("error")
        tekst = str(e) if e is not None else str(err.get("msg", ""))
        tekst = re.sub(r"^(Value error|Assertion failed),\s*", "", tekst)
        return _zin(tekst)
    if t == "json_invalid":
        return "De invoer is geen geldige JSON. Controleer haakjes, komma's en aanhalingstekens."
    if t == "json_type":
        return "De invoer moet JSON-tekst zijn."
    if t in ("model_type", "model_attributes_type", "dict_type", "mapping_type", "dataclass_type"):
        return "Verwacht een object met velden (een JSON-object tussen { en })."
    if t in ("list_type", "tuple_type", "set_type", "frozen_set_type", "iterable_type"):
        return "Verwacht een lijst (tussen [ en ])."
    if t == "none_required":
        return "Laat dit veld leeg."
    getal_melding = _getal_melding(t, ctx)
    if getal_melding is not None:
        return getal_melding
    if t.startswith("date") or t in ("date_type",):
        if t == "date_from_datetime_inexact":
            return "Vul alleen een datum in, zonder tijd: JJJJ-MM-DD."
        if t == "date_future":
            return "Deze datum moet in de toekomst liggen."
        if t == "date_past":
            return "Deze datum moet in het verleden liggen."
        return _DATUM
    if t.startswith(("datetime", "time")):
        return _TIJD
    if t in ("bool_type", "bool_parsing"):
        return "Kies ja (true) of nee (false)."
    if t in ("string_type", "string_sub_type", "string_unicode"):
        return "Vul tekst in."
    if t == "string_too_short":
        n = ctx.get("min_length", 1)
        return "Vul dit veld in." if n == 1 else f"Gebruik minstens {n} tekens."
    if t == "string_too_long":
        return f"Gebruik hoogstens {_getal(ctx.get('max_length'))} tekens."
    if t == "string_pattern_mismatch":
        return _VELD_MELDING.get(laatste or "", "Deze waarde heeft niet de juiste vorm.")
    if t == "too_short":
        n = ctx.get("min_length", 1)
        return f"Geef er minstens {_getal(n)}."
    if t == "too_long":
        n = _getal(ctx.get("max_length"))
        if laatste in _LIJST_NAAM:
            wat, waar = _LIJST_NAAM[laatste]
            return f"Te veel {wat} in '{laatste}': geef hoogstens {n} {wat} {waar}."
        return f"Geef er hoogstens {n}."
    if t in ("enum", "literal_error"):
        verwacht = ctx.get("expected")
        return (
            f"Kies een van deze waarden: {_keuzes(str(verwacht))}."
            if verwacht
            else "Kies een van de mogelijke waarden."
        )
    if t in ("union_tag_invalid", "union_tag_not_found"):
        return "Kies een geldige soort."
    if t.startswith("uuid"):
        return "Vul een geldige code in."
    if t.startswith("url"):
        return "Vul een geldig webadres in."
    if t in ("bytes_type", "bytes_too_long", "bytes_too_short"):
        return "Vul tekst in."
    if t == "recursion_loop":
        return "De invoer verwijst naar zichzelf."
    return "De waarde klopt niet."


def vertaal(errors: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Translate a list of pydantic (or FastAPI) error dicts; duplicates are dropped, order is kept."""
    out: list[dict[str, str]] = []
    gezien: set[tuple[str, str]] = set()
    for err in errors:
        veld = veldpad(err.get("loc") or ())
        m = melding(err)
        if (veld, m) in gezien:
            continue
        gezien.add((veld, m))
        out.append({"veld": veld, "melding": m, "code": str(err.get("type", "onbekend"))})
    return out


def nederlandse_fouten(exc: ValidationError) -> list[dict[str, str]]:
    """Every error of a pydantic ValidationError as {veld, melding, code}, in Dutch."""
    return vertaal(exc.errors(include_url=False, include_input=False))
