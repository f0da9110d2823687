"""Command line: `kotwijzer bereken`, `uitleg`, `voorwaardencheck`, `parameters`, `schema`, `serve`, and the
municipal and policy tools. A thin adapter: it reads input, calls the core and prints; it decides nothing."""
from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from kotwijzer.invoer import OntbrekendeInvoer
from kotwijzer.params import OngeldigeWetgeving, OntbrekendeWetgeving

app = typer.Typer(
    help="kotwijzer: kinderopvangtoeslag berekenen en uitleggen, met de wet erbij.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
err = Console(stderr=True)


def _json_default(o: Any) -> Any:
    if isinstance(o, Decimal):
        return str(o)
    if hasattr(o, "isoformat"):
        return o.isoformat()
    raise TypeError(type(o))


def _fout(melding: str, code: int = 2) -> None:
    err.print(f"[bold red]Fout:[/] {melding}")
    raise typer.Exit(code)


def _lees(bestand: Path) -> dict[str, Any]:
    try:
        tekst = bestand.read_text(encoding="utf-8")
    except OSError as e:
        _fout(f"Kan het bestand {bestand} niet lezen ({e.strerror}).")
    try:
        data = json.loads(tekst)
    except json.JSONDecodeError as e:
        _fout(f"{bestand} is geen geldige JSON (regel {e.lineno}, kolom {e.colno}: {e.msg}).")
    if not isinstance(data, dict):
        _fout(f"{bestand} moet één huishouden bevatten (een JSON-object).")
    return data


def _run(fn, *args):
    """Call the core and turn its errors into Dutch messages that name the field."""
    try:
        return fn(*args)
    except ValidationError as e:
        from kotwijzer.api.fouten import nederlandse_fouten

        regels = "\n".join(f"  - {f['veld']}: {f['melding']}" for f in nederlandse_fouten(e))
        _fout(f"De invoer klopt niet:\n{regels}")
    except OntbrekendeInvoer as e:
        _fout(f"{e.veld}: {e.bericht}")
    except (OntbrekendeWetgeving, OngeldigeWetgeving) as e:
        _fout(str(e))


def _euro(d: Decimal) -> str:
    from kotwijzer.explain.uitleg import euro

    return euro(d)


@app.command()
def bereken(
    bestand: Path = typer.Argument(..., help="JSON-bestand met één huishouden (zie `kotwijzer schema`)"),
    als_json: bool = typer.Option(False, "--json", help="Het volledige resultaat als JSON, met spoor"),
) -> None:
    """Bereken de kinderopvangtoeslag per maand en per kind."""
    from kotwijzer.compute import bereken as _bereken
    from kotwijzer.explain.uitleg import MAANDNAMEN, getal, procent

    r = _run(_bereken, _lees(bestand))
    if als_json:
        sys.stdout.write(json.dumps(r.model_dump(mode="json"), ensure_ascii=False, indent=2, default=_json_default) + "\n")
        return
    t = Table(title=f"Kinderopvangtoeslag {r.berekeningsjaar} (tabel: {r.tabel_status})")
    for kol in ("Maand", "Recht", "Kind", "Soort", "Uren", "Prijs gebruikt", "Kosten", "%", "Toeslag", "Zelf betalen"):
        t.add_column(kol, justify="right" if kol not in ("Maand", "Recht", "Kind", "Soort") else "left")
    for m in r.maanden:
        if not m.kinderen:
            t.add_row(MAANDNAMEN[m.maand - 1], "ja" if m.aanspraak else "nee", "-", "", "", "", "", "", "", "")
        for i, k in enumerate(m.kinderen):
            t.add_row(
                MAANDNAMEN[m.maand - 1] if i == 0 else "",
                ("ja" if m.aanspraak else "nee") if i == 0 else "",
                k.label + (" (1e)" if k.eerste_kind else ""),
                k.opvangsoort.value.replace("_", " ") if k.opvangsoort else "",
                getal(k.uren_in_aanmerking),
                _euro(k.uurprijs_gebruikt) if k.uurprijs_gebruikt is not None else "",
                _euro(k.kosten),
                procent(k.percentage),
                _euro(k.toeslag),
                _euro(k.eigen_bijdrage),
            )
    console.print(t)
    console.print(f"Toeslag over het jaar: [bold]{_euro(r.jaar.toeslag)}[/]; u betaalt zelf {_euro(r.jaar.eigen_bijdrage)}.")
    for w in r.waarschuwingen:
        console.print(f"[yellow]Let op:[/] {w}")
    for a in r.aannames:
        console.print(f"[cyan]Aanname:[/] {a}")


@app.command()
def uitleg(
    bestand: Path = typer.Argument(..., help="JSON-bestand met één huishouden"),
    zonder_wettekst: bool = typer.Option(False, "--zonder-wettekst", help="Laat de tekst van de artikelen weg"),
) -> None:
    """Leg per maand in gewone taal uit waarom er wel of geen recht is, met de wetsartikelen."""
    from kotwijzer.compute import bereken as _bereken
    from kotwijzer.explain import stappen, uitleg_tekst
    from kotwijzer.model import Huishouden

    data = _lees(bestand)
    h = _run(Huishouden.model_validate, data)
    r = _run(_bereken, h)
    sys.stdout.write(uitleg_tekst(r, met_wettekst=not zonder_wettekst))
    st = [s for s in stappen(h, r) if s.soort == "stap"]
    if st:
        sys.stdout.write("\nWat moet u nu doen\n------------------\n")
        for i, s in enumerate(st, 1):
            sys.stdout.write(f"{i}. {s.titel}: {s.tekst}\n")
            for d in s.documenten:
                sys.stdout.write(f"   - {d}\n")


@app.command()
def voorwaardencheck(bestand: Path = typer.Argument(..., help="JSON-bestand, mag onvolledig zijn")) -> None:
    """Controleer de voorwaarden; ook met onvolledige gegevens. Toont wat nog onbekend is en welke vraag nog open staat."""
    from kotwijzer.compute import voorwaardencheck as _check

    r = _run(_check, _lees(bestand))
    console.print(f"[bold]{r.samenvatting}[/]")
    for v in r.vragen:
        console.print(f"? {v.vraag} [dim]({v.waarom})[/]")


@app.command()
def parameters(
    jaar: int = typer.Argument(..., help="Berekeningsjaar, bv. 2026"),
    als_json: bool = typer.Option(False, "--json"),
) -> None:
    """Toon de wettelijke parameters van een jaar met bron en status."""
    from kotwijzer.params import overzicht

    o = _run(overzicht, jaar)
    if als_json:
        sys.stdout.write(json.dumps(o, ensure_ascii=False, indent=2, default=_json_default) + "\n")
        return
    t = Table(title=f"Parameters {jaar}")
    for kol in ("Naam", "Waarde", "Status", "Bron"):
        t.add_column(kol)
    for p in o["regels"]:
        t.add_row(p["naam"], str(p["waarde"]), p["status"], ", ".join(b["citaat"] for b in p["bron"]))
    mu = o["maximum_uurprijs"]
    if "bedragen" in mu:
        for soort, bedrag in mu["bedragen"].items():
            t.add_row(f"maximum_uurprijs {soort}", f"€ {bedrag}", mu["status"], ", ".join(a["citaat"] for a in mu["artikelen"]))
    else:
        t.add_row("maximum_uurprijs", "ontbreekt", "-", mu["ontbreekt"])
    console.print(t)
    tb = o["tabel"]
    if "rijen" in tb:
        console.print(f"Tabel (Bijlage I): {len(tb['rijen'])} rijen, status {tb['status']}. Bron: {tb['bron']}")
    else:
        console.print(f"[yellow]Tabel:[/] {tb['ontbreekt']}")


@app.command()
def schema(
    uitvoer: Optional[Path] = typer.Option(None, "--uitvoer", help="Map om invoer.schema.json en uitvoer.schema.json in te schrijven"),
) -> None:
    """Publiceer het JSON Schema van de invoer en de uitvoer."""
    from kotwijzer.model import VoorwaardencheckResultaat, schema_invoer, schema_uitvoer

    schemas = {
        "invoer.schema.json": schema_invoer(),
        "uitvoer.schema.json": schema_uitvoer(),
        "voorwaardencheck.schema.json": VoorwaardencheckResultaat.model_json_schema(),
    }
    if uitvoer is None:
        sys.stdout.write(json.dumps(schemas, ensure_ascii=False, indent=2) + "\n")
        return
    uitvoer.mkdir(parents=True, exist_ok=True)
    for naam, s in schemas.items():
        (uitvoer / naam).write_text(json.dumps(s, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    console.print(f"Schema's geschreven in {uitvoer}")


@app.command()
def dekking(
    uitvoer: Optional[Path] = typer.Option(None, "--uitvoer", help="Schrijf het register als Markdown (docs/dekking.md)"),
) -> None:
    """Toon het dekkingsregister: elke regel met bron en of die gemodelleerd, vereenvoudigd of niet gemodelleerd is."""
    from kotwijzer.dekking import als_markdown, register

    if uitvoer is not None:
        uitvoer.write_text(als_markdown(), encoding="utf-8")
        console.print(f"Geschreven: {uitvoer}")
        return
    t = Table(title="Dekkingsregister")
    for kol in ("Regel", "Bron", "Status"):
        t.add_column(kol)
    for r in register():
        t.add_row(r["regel"], ", ".join(b["citaat"] for b in r["bronnen"]), r["status"])
    console.print(t)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Adres"),
    port: int = typer.Option(8000, help="Poort"),
    voorbeelddata: bool = typer.Option(False, "--voorbeelddata", help="Laad voorbeeldorganisatie en -dossiers"),
    database_url: Optional[str] = typer.Option(None, envvar="DATABASE_URL", help="Standaard: SQLite in var/"),
    workers: int = typer.Option(1, min=1, max=64, envvar="KOTWIJZER_WORKERS",
                                help="Aantal werkprocessen (productie: het aantal processorkernen, met PostgreSQL)"),
    trusted_proxies: Optional[str] = typer.Option(
        None, "--trusted-proxies", envvar="KOTWIJZER_VERTROUWDE_PROXIES",
        help="Adressen van de reverse proxy waarvan X-Forwarded-For/-Proto geloofd worden (komma's); standaard geen"),
) -> None:
    """Start de webapp en de API."""
    from kotwijzer.web.serve import serve as _serve

    _serve(host=host, port=port, voorbeelddata=voorbeelddata, database_url=database_url, workers=workers,
           trusted_proxies=trusted_proxies)


def _mount() -> None:
    from kotwijzer.policy.doelgroep_cli import app as schat_app

    from kotwijzer.municipal.cli import app as gemeente_app
    from kotwijzer.policy.cli import app as beleid_app
    from kotwijzer.store.cli import app as beheer_app

    app.add_typer(schat_app, name="schat", help="Schattingen van doelgroepen (seed 000, Bijlage A).")
    app.add_typer(gemeente_app, name="gemeente", help="Gemeenten: activiteiten in de bijstand, registratie, tegemoetkoming.")
    app.add_typer(beheer_app, name="beheer", help="Beheer: organisaties en gebruikers, back-up en herstel, bewaartermijnen.")
    app.add_typer(beleid_app, name="beleid", help="Beleidsanalyse: synthetische populatie, microsimulatie, hervormingen.")


_mount()


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
