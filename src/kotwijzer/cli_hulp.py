"""Helpers shared by the command-line adapters (`kotwijzer ...` and `kotwijzer beschikking ...`): reading a JSON file,
calling the core with its errors as Dutch messages that name the field, and amounts for table columns."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import typer
from pydantic import ValidationError
from rich.console import Console

from kotwijzer.invoer import OntbrekendeInvoer
from kotwijzer.leesbaar import getal_nl
from kotwijzer.params import OngeldigeWetgeving, OntbrekendeWetgeving

err = Console(stderr=True)


def json_default(o: Any) -> Any:
    if isinstance(o, Decimal):
        return str(o)
    if hasattr(o, "isoformat"):
        return o.isoformat()
    raise TypeError(type(o))


def fout(melding: str, code: int = 2) -> None:
    err.print(f"[bold red]Fout:[/] {melding}")
    raise typer.Exit(code)


def lees(bestand: Path) -> dict[str, Any]:
    try:
        tekst = bestand.read_text(encoding="utf-8")
    except FileNotFoundError:
        fout(f"Het bestand {bestand} bestaat niet.")
    except IsADirectoryError:
        fout(f"{bestand} is een map, geen bestand.")
    except PermissionError:
        fout(f"U heeft geen toegang tot het bestand {bestand}.")
    except (OSError, UnicodeDecodeError):
        fout(f"Kan het bestand {bestand} niet lezen.")
    try:
        data = json.loads(tekst)
    except json.JSONDecodeError as e:
        fout(f"{bestand} is geen geldige JSON (regel {e.lineno}, kolom {e.colno}: {e.msg}).")
    if not isinstance(data, dict):
        fout(f"{bestand} moet één huishouden bevatten (een JSON-object).")
    return data


def run(fn, *args):
    """Call the core and turn its errors into Dutch messages that name the field."""
    try:
        return fn(*args)
    except ValidationError as e:
        from kotwijzer.foutmeldingen import nederlandse_fouten

        regels = "\n".join(f"  - {f['veld']}: {f['melding']}" for f in nederlandse_fouten(e))
        fout(f"De invoer klopt niet:\n{regels}")
    except OntbrekendeInvoer as e:
        fout(f"{e.veld}: {e.bericht}")
    except (OntbrekendeWetgeving, OngeldigeWetgeving) as e:
        fout(str(e))


def bedrag(d: Decimal | None, hele: bool = False) -> str:
    """An amount for a table column: Dutch notation without the euro sign (the column header says €)."""
    if d is None:
        return "?"
    return getal_nl(int(d), 0) if hele else getal_nl(d, 2)
