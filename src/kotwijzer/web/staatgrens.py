"""Bounds on the questionnaire state that the web pages carry in a hidden form field (`lees_staat`).

The state is JSON that the browser sends back; a tampered state must give a clear 400, never a server error. Checked
before anything reads it, and before a state is signed (`kotwijzer.web.hervatten.maak`): its size, its nesting
depth, that the household part (`invoer`) has lists and objects only where the core's input model
(`kotwijzer.model.Huishouden`) has them, and that no list or text is longer than the model allows (12 children, 24
periods per parent, 12 lines of childcare per child, labels of 40 characters, ...). Shape and limits are read from
the model itself, the same pydantic fields the API validates with, so there is one implementation of the limits and
they follow changes to the model. A state the API would refuse for its size is never signed, so a link can never
carry a page that costs more than the largest valid household.
"""

from __future__ import annotations

import json
import types
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel

from kotwijzer.http.fouten import ApiFout

MAX_STAAT = 64 * 1024  # characters; the largest valid household is about 20 kB of JSON
MAX_TEKST = 200  # characters of a text the model does not bound itself (the state's own fields)
MAX_DIEPTE = 12  # the state's own nesting is 6 deep (invoer.kinderen[i].opvang[j].maanden[k])

MELDING = (
    "De antwoorden op deze pagina konden niet worden gelezen. Begin opnieuw bij de eerste vraag "
    "(ga naar 'Vragenlijst')."
)

# a shape: None = a plain value (text, number, true/false, null); ("tekst", max length) ; ("obj", {field: shape}) ;
# ("lijst", shape, max length or None)
Vorm = Any


def _max_lengte(metadata: list[Any]) -> int | None:
    for m in metadata:
        n = getattr(m, "max_length", None)
        if isinstance(n, int):
            return n
        n = _max_lengte(list(getattr(m, "metadata", []) or []))
        if n is not None:
            return n
    return None


def _vorm_van_type(t: Any, metadata: list[Any] | None = None) -> Vorm:
    herkomst = typing.get_origin(t)
    metadata = list(metadata or [])
    if herkomst is typing.Annotated:
        args = typing.get_args(t)
        return _vorm_van_type(args[0], metadata + list(args[1:]))
    if herkomst in (typing.Union, types.UnionType):
        vormen = [_vorm_van_type(a, metadata) for a in typing.get_args(t) if a is not type(None)]
        return next((v for v in vormen if v is not None), None)
    if herkomst in (list, tuple, set, frozenset):
        args = typing.get_args(t)
        return ("lijst", _vorm_van_type(args[0]) if args else None, _max_lengte(metadata))
    if isinstance(t, type) and issubclass(t, BaseModel):
        return _vorm_van_model(t)
    if t is str:
        return ("tekst", _max_lengte(metadata) or MAX_TEKST)
    return None


@cache
def _vorm_van_model(model: type[BaseModel]) -> Vorm:
    velden: dict[str, Vorm] = {}
    uit = ("obj", velden)
    for naam, info in model.model_fields.items():
        velden[naam] = _vorm_van_type(info.annotation, list(info.metadata))
    return uit


def fout() -> ApiFout:
    """The 400 for a state that cannot be read or signed."""
    return ApiFout(400, "ongeldige_staat", MELDING)


_fout = fout


def _controleer_vorm(waarde: Any, vorm: Vorm) -> None:
    """Containers only where the shape has them, no list or text longer than the model allows (iterative; depth is
    already bounded; a list is refused on its length before its items are looked at)."""
    stapel = [(waarde, vorm)]
    while stapel:
        w, v = stapel.pop()
        if isinstance(w, dict):
            if v is None or v[0] != "obj":
                raise _fout()
            for k, x in w.items():
                if not isinstance(k, str) or k not in v[1]:
                    raise _fout()  # a field the model does not know: the API would refuse it (extra="forbid")
                stapel.append((x, v[1].get(k)))
        elif isinstance(w, list):
            if v is None or v[0] != "lijst" or (v[2] is not None and len(w) > v[2]):
                raise _fout()
            stapel.extend((x, v[1]) for x in w)
        elif isinstance(w, str):
            grens = v[1] if v is not None and v[0] == "tekst" else MAX_TEKST
            if len(w) > grens:
                raise _fout()


STAAT_VELDEN = {"invoer", "partner", "aantal_kinderen", "context", "id"}


def controleer_staat(data: Any) -> None:
    """The checks of `lees_json_staat` on a state that is already parsed (before it is signed): ApiFout(400) when it
    is too large, too deep or not within the model's limits."""
    if not isinstance(data, dict):
        return
    if not _diepte_ok(data) or any(k not in STAAT_VELDEN for k in data):
        raise _fout()
    from kotwijzer.model import Huishouden

    if isinstance(data.get("invoer"), dict):
        _controleer_vorm(data["invoer"], _vorm_van_model(Huishouden))
    ctx = data.get("context")
    if isinstance(ctx, dict) and any(
        isinstance(x, (dict, list)) or (isinstance(x, str) and len(x) > MAX_TEKST) for x in ctx.values()
    ):
        raise _fout()
    if isinstance(data.get("id"), str) and len(data["id"]) > 64:
        raise _fout()


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
        controleer_staat(data)
    return data
