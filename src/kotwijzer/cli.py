"""Command line: `kotwijzer bereken`, `uitleg`, `voorwaardencheck`, `parameters`, `schema`, `serve`, and the
municipal and policy tools. A thin adapter: it reads input, calls the core and prints; it decides nothing."""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from kotwijzer import cli_nl
from kotwijzer.cli_hulp import bedrag as _bedrag
from kotwijzer.cli_hulp import fout as _fout
from kotwijzer.cli_hulp import json_default as _json_default
from kotwijzer.cli_hulp import lees as _lees
from kotwijzer.cli_hulp import run as _run
from kotwijzer.formaat import NBSP, euro
from kotwijzer.leesbaar import bron_nl, getal_nl, status_nl, waarde_nl

cli_nl.installeer()
PROEFBEREKENING = (
    "https://www.belastingdienst.nl/wps/wcm/connect/nl/toeslagen/content/hulpmiddel-proefberekening-toeslagen"
)

app = typer.Typer(
    help="kotwijzer: kinderopvangtoeslag berekenen en uitleggen, met de wet erbij.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()


def _euro(d: Decimal | None) -> str:
    """'€ 1.234,56', with a non-breaking space so that a line never breaks inside an amount."""
    return euro(d, leeg="niet te berekenen", spatie=NBSP)


@app.command()
def bereken(
    bestand: Path = typer.Argument(..., help="JSON-bestand met één huishouden (zie `kotwijzer schema`)"),
    als_json: bool = typer.Option(False, "--json", help="Het volledige resultaat als JSON, met spoor"),
    per_kind: bool = typer.Option(False, "--per-kind", help="Toon ook de uren, uurprijs en het percentage per kind"),
) -> None:
    """Bereken de kinderopvangtoeslag per maand (en per kind)."""
    from kotwijzer.compute import bereken as _bereken

    r = _run(_bereken, _lees(bestand))
    if als_json:
        sys.stdout.write(
            json.dumps(r.model_dump(mode="json"), ensure_ascii=False, indent=2, default=_json_default) + "\n"
        )
        return
    _toon_berekening(r, per_kind)


def _van_tot(lo: Decimal, hi: Decimal, hele: bool = False) -> str:
    """A range for a table column ('1.079,73-1.109,75'); one amount when both bounds are equal."""
    return _bedrag(lo, hele) if lo == hi else f"{_bedrag(lo, hele)}-{_bedrag(hi, hele)}"


def _toon_berekening(r, per_kind: bool = False) -> None:
    """The result at 80 columns: first the monthly amount paid and from which month, then a table per month (and per
    child with --per-kind). Amounts the core could not compute (None) show as '?' with the reason."""
    from rich import box

    from kotwijzer.explain.uitleg import MAANDNAMEN, procent

    status = getattr(r, "tabel_status", None)
    console.print(
        f"[bold]Kinderopvangtoeslag {r.berekeningsjaar}[/]"
        + (f" (tabel met percentages: {status_nl(status)})" if status else "")
    )
    betaald = [(m.maand, m.uitbetaling_voorschot) for m in r.maanden]
    perioden: list[list] = []
    for mnd, b in betaald:
        if b is None or b <= 0:
            continue
        if perioden and perioden[-1][1] == mnd - 1 and perioden[-1][2] == b:
            perioden[-1][1] = mnd
        else:
            perioden.append([mnd, mnd, b])
    if perioden:
        van, tot, b = perioden[0]
        console.print(
            f"U krijgt [bold]€\u00a0{getal_nl(int(b), 0)} per maand[/], vanaf {MAANDNAMEN[van - 1]} {r.berekeningsjaar}"
            + (f" tot en met {MAANDNAMEN[tot - 1]}" if len(perioden) == 1 and tot < 12 else "")
            + "."
        )
        for van, _tot, b in perioden[1:]:
            console.print(f"  Vanaf {MAANDNAMEN[van - 1]}: €\u00a0{getal_nl(int(b), 0)} per maand.")
    ontbreekt = any(b is None for _, b in betaald)
    br = getattr(r, "bereik", None)
    bm = {mb.maand: mb for mb in br.maanden} if br is not None else {}
    if br is not None:
        from rich.padding import Padding

        soort = "Indicatie (niet de wet)" if br.soort == "indicatie" else "Toeslag"
        lo = max(mb.toeslag_onder for mb in br.maanden)
        hi = max(mb.toeslag_boven for mb in br.maanden)
        per_maand = f"{_euro(lo)} per maand" if lo == hi else f"tussen {_euro(lo)} en {_euro(hi)} per maand"
        jaar = (
            f"{_euro(br.jaar_onder)}"
            if br.jaar_onder == br.jaar_boven
            else f"tussen {_euro(br.jaar_onder)} en {_euro(br.jaar_boven)}"
        )
        console.print(f"{soort}: [bold]{per_maand}[/] (hoogste maand); over het jaar {jaar}.")
        # '87,3 %' -> '87,3%' at 80 columns: Rich wraps at any space (also a non-breaking one), and a lone '%' at the
        # start of a line reads badly; the CLI's own percentage column writes '12,5%' too
        console.print(Padding(re.sub(r"(?<=\d) %", "%", br.uitleg), (0, 0, 0, 2)))
    if ontbreekt and br is None:
        console.print(
            "Toeslag: [bold]nog niet te berekenen[/]"
            + (" voor alle maanden" if all(b is None for _, b in betaald) else " voor een deel van de maanden")
            + ". Wel bekend: de maanden met recht en de uren."
        )
        from rich.padding import Padding

        for o in getattr(r, "ontbrekend", None) or []:
            console.print(Padding(str(getattr(o, "uitleg", o)), (0, 0, 0, 2)))
        console.print(Padding("Bereken het bedrag met de proefberekening van Dienst Toeslagen:", (0, 0, 0, 2)))
        console.print(PROEFBEREKENING, soft_wrap=True)  # one line, so that it can be copied
    elif r.jaar.toeslag is not None:
        jaar_voorschot = sum((b for _, b in betaald), Decimal(0))
        console.print(
            f"Over het jaar: €\u00a0{getal_nl(int(jaar_voorschot), 0)} als voorschot; bij de definitieve "
            f"berekening {_euro(r.jaar.toeslag)}. U betaalt zelf {_euro(r.jaar.eigen_bijdrage)}."
        )
    indicatie = br is not None and br.soort == "indicatie"
    t = Table(
        box=box.SIMPLE_HEAD, padding=(0, 1), title="Per maand" + (" (indicatie, niet de wet)" if indicatie else "")
    )
    t.add_column("Maand")
    t.add_column("Recht")
    for kol in ("Toeslag €", "Voorschot €", "Zelf betalen €"):
        t.add_column(kol, justify="right", no_wrap=True)
    for m in r.maanden:
        toeslag, voorschot, zelf = (
            _bedrag(m.toeslag),
            _bedrag(m.uitbetaling_voorschot, hele=True),
            _bedrag(m.eigen_bijdrage),
        )
        if m.toeslag is None and m.maand in bm:
            mb = bm[m.maand]
            zelf_m = sum((k.werkelijke_kosten for k in m.kinderen), Decimal(0))
            toeslag = _van_tot(mb.toeslag_onder, mb.toeslag_boven)
            voorschot = _van_tot(Decimal(int(mb.toeslag_onder)), Decimal(int(mb.toeslag_boven)), hele=True)
            zelf = _van_tot(zelf_m - mb.toeslag_boven, zelf_m - mb.toeslag_onder)
        t.add_row(
            MAANDNAMEN[m.maand - 1],
            "ja" if m.aanspraak and any(k.aanspraak for k in m.kinderen) else "nee",
            toeslag,
            voorschot,
            zelf,
        )
    t.add_section()
    if r.jaar.toeslag is None and br is not None:
        t.add_row(
            "totaal",
            str(r.jaar.maanden_met_aanspraak),
            _van_tot(br.jaar_onder, br.jaar_boven),
            "",
            _van_tot(r.jaar.werkelijke_kosten - br.jaar_boven, r.jaar.werkelijke_kosten - br.jaar_onder),
        )
    else:
        t.add_row(
            "totaal", str(r.jaar.maanden_met_aanspraak), _bedrag(r.jaar.toeslag), "", _bedrag(r.jaar.eigen_bijdrage)
        )
    console.print(t)
    if per_kind:
        k_t = Table(
            box=box.SIMPLE_HEAD, padding=(0, 1), title="Per kind" + (" (indicatie, niet de wet)" if indicatie else "")
        )
        k_t.add_column("Maand")
        k_t.add_column("Kind")
        for kol in ("Uren", "Prijs €", "%", "Toeslag €", "Zelf €"):
            k_t.add_column(kol, justify="right", no_wrap=True)
        for m in r.maanden:
            kb = {x.kind: x for x in bm[m.maand].kinderen} if m.maand in bm else {}
            for i, k in enumerate(m.kinderen):
                pct = procent(k.percentage) if k.percentage is not None else "?"
                toe, zelf = _bedrag(k.toeslag), _bedrag(k.eigen_bijdrage)
                if k.toeslag is None and k.kind in kb and kb[k.kind].percentage_onder is not None:
                    x = kb[k.kind]
                    pct = (
                        procent(x.percentage_onder)
                        if x.percentage_onder == x.percentage_boven
                        else f"{getal_nl(x.percentage_onder, 1)}-{getal_nl(x.percentage_boven, 1)}"
                    )
                    toe = _van_tot(x.toeslag_onder, x.toeslag_boven)
                    zelf = _van_tot(k.werkelijke_kosten - x.toeslag_boven, k.werkelijke_kosten - x.toeslag_onder)
                k_t.add_row(
                    MAANDNAMEN[m.maand - 1][:3] if i == 0 else "",
                    (k.label or f"kind {k.kind}")[:14] + (" (1e)" if k.eerste_kind else ""),
                    getal_nl(k.uren_in_aanmerking),
                    _bedrag(k.uurprijs_gebruikt) if k.uurprijs_gebruikt is not None else "",
                    pct,
                    toe,
                    zelf,
                )
        console.print(k_t)
    else:
        console.print("Per kind: gebruik --per-kind.")
    if br is not None:
        console.print(
            "Bedragen met een streepje: tussen de twee bedragen"
            + (" (indicatie, niet de wet)." if br.soort == "indicatie" else ".")
        )
    elif ontbreekt:
        console.print("? = nog niet te berekenen.")
    for w in r.waarschuwingen:
        w = w[len("Let op:") :].strip() if w.startswith("Let op:") else w
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
    regels = [uitleg_tekst(r, met_wettekst=not zonder_wettekst)]
    st = [s for s in stappen(h, r) if s.soort == "stap"]
    if st:
        regels.append("\nWat moet u nu doen\n------------------\n")
        for i, s in enumerate(st, 1):
            regels.append(f"{i}. {s.titel}: {s.tekst}\n")
            for d in s.documenten:
                regels.append(f"   - {d}\n")
    sys.stdout.write(_omgebroken("".join(regels), console.width))


def _omgebroken(tekst: str, breedte: int) -> str:
    """Plain text broken at the terminal width; a wrapped line keeps its indentation (and that of a list item)."""
    import re
    import textwrap

    uit = []
    for regel in tekst.split("\n"):
        if len(regel) <= breedte:
            uit.append(regel)
            continue
        m = re.match(r"(\s*)((?:[-*]|\d+\.)\s+)?", regel)
        assert m is not None  # the pattern matches every line (both groups are optional)
        inspring = m.group(1) + " " * len(m.group(2) or "")
        uit.append(
            textwrap.fill(regel, breedte, subsequent_indent=inspring, break_long_words=False, break_on_hyphens=False)
        )
    return "\n".join(uit)


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
    jaar: str = typer.Argument(..., help="Berekeningsjaar, bijvoorbeeld 2026"),
    als_json: bool = typer.Option(False, "--json", help="Alle parameters als JSON"),
) -> None:
    """Toon de wettelijke parameters van een jaar met bron en status."""
    from kotwijzer.params import overzicht

    if not jaar.strip().isdigit():
        _fout(f"Het jaar moet een getal zijn, bijvoorbeeld 2026 (niet {jaar!r}).")
    o = _run(overzicht, int(jaar))
    if als_json:
        sys.stdout.write(json.dumps(o, ensure_ascii=False, indent=2, default=_json_default) + "\n")
        return
    from collections import Counter

    from kotwijzer.params.loader import CELSTATUS_TEKST, STATUS_TEKST

    t = Table(title=f"Parameters {int(jaar)}")
    for kol in ("Naam", "Waarde", "Status", "Bron"):
        t.add_column(kol, overflow="fold")
    for p in o["regels"]:
        t.add_row(
            p["naam"],
            waarde_nl(p["waarde"]),
            STATUS_TEKST.get(p["status"], status_nl(p["status"])),
            bron_nl(", ".join(b["citaat"] for b in p["bron"])),
        )
    mu = o["maximum_uurprijs"]
    if "bedragen" in mu:
        status = STATUS_TEKST.get(mu["status"], mu["status"])
        if not mu["gebruikt_voor_bedrag"]:
            status += " (niet gebruikt voor een bedrag)"
        for soort, bedrag in mu["bedragen"].items():
            t.add_row(
                f"maximum_uurprijs {soort}",
                _euro(Decimal(str(bedrag))),
                status,
                ", ".join(a["citaat"] for a in mu["artikelen"]) or bron_nl(mu["bron"]),
            )
    else:
        t.add_row("maximum_uurprijs", "ontbreekt", "-", bron_nl(mu["ontbreekt"]))
    console.print(t)
    tb = o["tabel"]
    if "rijen" in tb:
        dekt = (
            ""
            if tb["dekt_tot_en_met"] is None
            else f", tot een toetsingsinkomen van {_euro(Decimal(tb['dekt_tot_en_met']))}"
        )
        console.print(
            f"Tabel (Bijlage I): {len(tb['rijen'])} rijen{dekt}, {status_nl(tb['status'])}. Bron: {bron_nl(tb['bron'])}"
        )
        for kolom, naam in (("eerste_kind", "eerste kind"), ("overige_kinderen", "andere kinderen")):
            telling = Counter(r[kolom]["status"] for r in tb["rijen"])
            delen = "; ".join(f"{n} x {CELSTATUS_TEKST[st]}" for st, n in telling.items())
            console.print(f"  Percentages {naam}: {delen}.")
    else:
        console.print(f"[yellow]Tabel:[/] {tb['ontbreekt']}")


@app.command()
def schema(
    uitvoer: Path | None = typer.Option(
        None, "--uitvoer", help="Map om invoer.schema.json en uitvoer.schema.json in te schrijven"
    ),
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
    uitvoer: Path | None = typer.Option(None, "--uitvoer", help="Schrijf het register als Markdown (docs/dekking.md)"),
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
        t.add_row(r["regel"], bron_nl(", ".join(b["citaat"] for b in r["bronnen"])), status_nl(r["status"]))
    console.print(t)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Adres"),
    port: int = typer.Option(8000, help="Poort"),
    voorbeelddata: bool = typer.Option(False, "--voorbeelddata", help="Laad voorbeeldorganisatie en -dossiers"),
    database_url: str | None = typer.Option(None, envvar="DATABASE_URL", help="Standaard: SQLite in var/"),
    workers: int = typer.Option(
        1,
        min=1,
        max=64,
        envvar="KOTWIJZER_WORKERS",
        help="Aantal werkprocessen (productie: het aantal processorkernen, met PostgreSQL)",
    ),
    trusted_proxies: str | None = typer.Option(
        None,
        "--trusted-proxies",
        envvar="KOTWIJZER_VERTROUWDE_PROXIES",
        help="Adressen van de reverse proxy waarvan X-Forwarded-For/-Proto geloofd worden (komma's); standaard geen",
    ),
) -> None:
    """Start de webapp en de API."""
    from kotwijzer.serve import serve as _serve

    _serve(
        host=host,
        port=port,
        voorbeelddata=voorbeelddata,
        database_url=database_url,
        workers=workers,
        trusted_proxies=trusted_proxies,
    )


def _mount() -> None:
    from kotwijzer.beschikking.cli import app as beschikking_app
    from kotwijzer.cli_gemeente import app as gemeente_app
    from kotwijzer.policy.cli import app as beleid_app
    from kotwijzer.policy.doelgroep_cli import app as schat_app
    from kotwijzer.store.cli import app as beheer_app

    app.add_typer(
        schat_app,
        name="schat",
        help="Schattingen van doelgroepen (Bijlage A van het SZW-rapport over de Participatiewet, 2025).",
    )
    app.add_typer(
        gemeente_app, name="gemeente", help="Gemeenten: activiteiten in de bijstand, registratie, tegemoetkoming."
    )
    app.add_typer(
        beheer_app, name="beheer", help="Beheer: organisaties en gebruikers, back-up en herstel, bewaartermijnen."
    )
    app.add_typer(
        beschikking_app,
        name="beschikking",
        help="Controleer een beschikking (brief van Dienst Toeslagen) en maak een concept-bezwaarschrift.",
    )
    app.add_typer(
        beleid_app, name="beleid", help="Beleidsanalyse: synthetische populatie, microsimulatie, hervormingen."
    )


_mount()
cli_nl.nederlandse_metavars(app)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
