"""Bounds on the questionnaire state that the web pages carry in a hidden form field (`lees_staat`).

The state is JSON that the browser sends back; a tampered state must give a clear 400, never a server error. Checked
before anything reads it: its size, its nesting depth, and that the household part (`invoer`) has lists and objects
only where the core's input model (`kotwijzer.model.Huishouden`) has them. The shape is read from the model itself,
so it follows changes to the model.
"""
from __future__ import annotations

import json
import types
import typing
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from kotwijzer.http.fouten import ApiFout

MAX_STAAT = 128 * 1024  # characters; the largest valid household is about 20 kB of JSON
MAX_DIEPTE = 12  # the state's own nesting is 6 deep (invoer.kinderen[i].opvang[j].maanden[k])

MELDING = ("De antwoorden op deze pagina konden niet worden gelezen. Begin opnieuw bij de eerste vraag "
           "(ga naar 'Vragenlijst').")

# a shape: None = a plain value (text, number, true/false, null); ("obj", {field: shape}) ; ("lijst", shape)
Vorm = Any


def _vorm_van_type(t: Any) -> Vorm:
    herkomst = typing.get_origin(t)
    if herkomst is typing.Annotated:
        return _vorm_van_type(typing.get_args(t)[0])
    if herkomst in (typing.Union, types.UnionType):
        vormen = [_vorm_van_type(a) for a in typing.get_args(t) if a is not type(None)]
        return next((v for v in vormen if v is not None), None)
    if herkomst in (list, tuple, set, frozenset):
        args = typing.get_args(t)
        return ("lijst", _vorm_van_type(args[0]) if args else None)
    if isinstance(t, type) and issubclass(t, BaseModel):
        return _vorm_van_model(t)
    return None


@lru_cache(maxsize=None)
def _vorm_van_model(model: type[BaseModel]) -> Vorm:
    velden: dict[str, Vorm] = {}
    uit = ("obj", velden)
    for naam, info in model.model_fields.items():
        velden[naam] = _vorm_van_type(info.annotation)
    return uit


def _fout() -> ApiFout:
    return ApiFout(400, "ongeldige_staat", MELDING)


def _controleer_vorm(waarde: Any, vorm: Vorm) -> None:
    """Containers only where the shape has them (iterative; depth is already bounded)."""
    stapel = [(waarde, vorm)]
    while stapel:
        w, v = stapel.pop()
        if isinstance(w, dict):
            if v is None or v[0] != "obj":
                raise _fout()
            for k, x in w.items():
                stapel.append((x, v[1].get(k)))
        elif isinstance(w, list):
            if v is None or v[0] != "lijst":
                raise _fout()
            stapel.extend((x, v[1]) for x in w)


def _diepte_ok(data: Any) -> bool:
    stapel = [(data, 1)]
    while stapel:
        x, d = stapel.pop()
        if d > MAX_DIEPTE:
            return False
        if isinstance(x, dict):
            stapel.extend((v, d + 1) for v in x.values())
        elif isinstance(x, list):
            stapel.extend((v, d + 1) for v in x)
    return True


def lees_json_staat(tekst: str | None) -> Any:
    """The parsed state, or ApiFout(400) when it is too large, too deep or has the wrong shape. Text that is no JSON
    at all gives None (the caller starts a new questionnaire, as before)."""
    from kotwijzer.model import Huishouden

    tekst = tekst or ""
    if len(tekst) > MAX_STAAT:
        raise _fout()
    try:
        data = json.loads(tekst)
    except RecursionError:
        raise _fout() from None
    except ValueError:
        return None
    if not _diepte_ok(data):
        raise _fout()
    if isinstance(data, dict) and isinstance(data.get("invoer"), dict):
        _controleer_vorm(data["invoer"], _vorm_van_model(Huishouden))
        ctx = data.get("context")
        if isinstance(ctx, dict) and any(isinstance(x, (dict, list)) for x in ctx.values()):
            raise _fout()
    return data
