"""`kotwijzer beschikking ...`: check a KOT letter against the law and draft a bezwaarschrift. A thin adapter."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import typer
from rich import box
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Controleer een beschikking kinderopvangtoeslag en maak een concept-bezwaarschrift.",
)
console = Console()


def _verzoek(bestand: Path):
    from kotwijzer.beschikking.model import ControleVerzoek
    from kotwijzer.cli_hulp import lees as _lees
    from kotwijzer.cli_hulp import run as _run

    data = _lees(bestand)
    return _run(ControleVerzoek.model_validate, data)


def _controle(bestand: Path, vandaag: str | None):
    from kotwijzer.beschikking import controleer
    from kotwijzer.cli_hulp import fout as _fout
    from kotwijzer.cli_hulp import run as _run

    try:
        dag = dt.date.fromisoformat(vandaag) if vandaag else None
    except ValueError:
        _fout("--vandaag: gebruik JJJJ-MM-DD, bijvoorbeeld 2026-12-06.")
    v = _verzoek(bestand)
    return _run(controleer, v.invoer, v.beschikking, dag)


VANDAAG_HELP = "Reken de bezwaartermijn vanaf deze datum (JJJJ-MM-DD); standaard vandaag"


@app.command()
def controleer(
    bestand: Path = typer.Argument(..., help="JSON met 'invoer' (het huishouden) en 'beschikking' (wat de brief zegt)"),
    als_json: bool = typer.Option(False, "--json", help="De volledige controle als JSON"),
    vandaag: str | None = typer.Option(None, "--vandaag", help=VANDAAG_HELP),
) -> None:
    """Vergelijk de brief regel voor regel met wat de wet geeft, met de reden van elk verschil."""
    from kotwijzer.beschikking.controle import maanden_tekst
    from kotwijzer.cli_hulp import bedrag as _bedrag
    from kotwijzer.cli_hulp import json_default as _json_default

    c = _controle(bestand, vandaag)
    if als_json:
        sys.stdout.write(
            json.dumps(c.model_dump(mode="json"), ensure_ascii=False, indent=2, default=_json_default) + "\n"
        )
        return
    soort = "Definitieve berekening" if c.soort_brief == "definitieve_berekening" else "Voorschotbeschikking"
    console.print(f"[bold]{soort} kinderopvangtoeslag {c.berekeningsjaar}[/] - controle")
    console.print(c.samenvatting)
    t = Table(box=box.SIMPLE_HEAD, padding=(0, 1), title="Per regel van de brief")
    t.add_column("Regel", justify="right")
    t.add_column("Kind")
    t.add_column("Periode")
    t.add_column("Brief €", justify="right", no_wrap=True)
    t.add_column("Wet €", justify="right", no_wrap=True)
    t.add_column("Klopt")
    for r in c.regels:
        if r.bedrag_wet_onder is None or r.bedrag_wet_boven is None:
            wet = "?"
        elif r.bedrag_wet_onder == r.bedrag_wet_boven:
            wet = _bedrag(r.bedrag_wet_onder)
        else:
            wet = f"{_bedrag(r.bedrag_wet_onder)}-{_bedrag(r.bedrag_wet_boven)}"
        brief = r.bedrag_brief if r.bedrag_brief is not None else r.bedrag_brief_herrekend
        t.add_row(
            str(r.nummer), r.label[:12], f"{r.van:%d-%m}/{r.tot:%d-%m}", _bedrag(brief), wet, "ja" if r.klopt else "nee"
        )
    console.print(t)
    if c.verschillen:
        console.print("[bold]Verschillen en de regel die ze veroorzaakt[/]")
        for i, v in enumerate(c.verschillen, start=1):
            waar = (f"regel {v.regel} van de brief" if v.regel else "de brief") + (
                f", {maanden_tekst(v.maanden)}" if v.maanden else ""
            )
            console.print(f"{i}. [bold]{waar}[/]: brief {v.brief}; wet {v.wet}.")
            console.print(f"   {v.uitleg}" + (f" ({'; '.join(v.bronnen)})" if v.bronnen else ""))
    console.print(f"[bold]Bezwaar[/]: {c.termijn['tekst']}")
    for a in c.aannames:
        console.print(f"[cyan]Aanname:[/] {a}")
    console.print("Concept-bezwaarschrift: kotwijzer beschikking bezwaarschrift BESTAND [--pdf BESTAND.pdf]")


@app.command()
def bezwaarschrift(
    bestand: Path = typer.Argument(..., help="Hetzelfde JSON-bestand als bij 'controleer'"),
    pdf: Path | None = typer.Option(None, "--pdf", help="Schrijf het concept als PDF naar dit bestand"),
    naam: str = typer.Option("", "--naam", help="Uw naam (alleen in het document, nergens bewaard)"),
    adres: str = typer.Option("", "--adres", help="Uw adres (alleen in het document)"),
    postcode_plaats: str = typer.Option(
        "", "--postcode-plaats", help="Postcode en woonplaats (alleen in het document)"
    ),
    kenmerk: str = typer.Option("", "--kenmerk", help="Kenmerk van de brief"),
    vandaag: str | None = typer.Option(None, "--vandaag", help=VANDAAG_HELP),
) -> None:
    """Maak een concept-bezwaarschrift met de gronden die de controle vond (tekst, of PDF met --pdf)."""
    from kotwijzer.beschikking.bezwaar import Persoon, bezwaarschrift_pdf, bezwaarschrift_tekst
    from kotwijzer.cli_hulp import fout as _fout

    c = _controle(bestand, vandaag)
    p = Persoon.van({"naam": naam, "adres": adres, "postcode_plaats": postcode_plaats, "kenmerk": kenmerk})
    dag = dt.date.fromisoformat(vandaag) if vandaag else None
    if pdf is None:
        sys.stdout.write(bezwaarschrift_tekst(c, p, dag))
        return
    try:
        pdf.write_bytes(bezwaarschrift_pdf(c, p, dag))
    except OSError:
        _fout(f"Kan niet schrijven naar {pdf}.")
    console.print(f"Geschreven: {pdf}")
