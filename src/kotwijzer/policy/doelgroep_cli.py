"""`kotwijzer schat doelgroep`: the estimate of bijstand parents in categorie B and C, with its assumptions.

The lead mounts `app` as the `schat` group: `main_app.add_typer(app, name="schat")`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kotwijzer.leesbaar import bron_nl
from kotwijzer.policy.doelgroep import (
    HUISHOUDEN_NAAM,
    HUISHOUDENS,
    Bevinding,
    Invoerfout,
    Schatting,
    bereik,
    getal,
    inconsistenties,
    laad_invoer,
    procent,
    schat,
    voorziening_naam,
)

app = typer.Typer(
    help="Schattingen voor beleidsanalyse. Elke schatting toont de invoer, de aannames en de bron.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _groep() -> None:
    """Schattingen voor beleidsanalyse."""


def _invoer_tabel(s: Schatting) -> Table:
    inv = s.invoer
    t = Table(title="Invoer", show_lines=True)
    for kop in ("Wat", "Waarde", "Herkomst", "Bron"):
        t.add_column(kop, overflow="fold")
    t.add_row(
        "Alle huishoudens in de bijstand",
        getal(inv.bijstand_huishoudens.waarde),
        inv.bijstand_huishoudens.herkomst,
        bron_nl(inv.bijstand_huishoudens.bron),
    )
    for h in HUISHOUDENS:
        o = inv.ouders[h]
        t.add_row(f"Bijstandsouders: {HUISHOUDEN_NAAM[h]}", getal(o.waarde), o.herkomst, bron_nl(o.bron))
    for h in HUISHOUDENS:
        oh = inv.ontheffing[h]
        t.add_row(f"Ontheffing arbeidsplicht: {HUISHOUDEN_NAAM[h]}", procent(oh.waarde), oh.herkomst, bron_nl(oh.bron))
    for h in HUISHOUDENS:
        t.add_row(
            f"Aandeel ouders zonder ontheffing: {HUISHOUDEN_NAAM[h]}",
            procent(s.aandeel[h], 3),
            "berekend",
            s.aandeel_formule[h],
        )
    for v, a in inv.srg_deelnemers.items():
        bron = a.bron + (f" — {a.toelichting}" if a.toelichting else "")
        t.add_row(f"Deelnemers {voorziening_naam(v)}", getal(a.waarde), a.herkomst, bron_nl(bron))
    for v, d in inv.doel_reintegratie.items():
        bron = d.bron + (f" — {d.toelichting}" if d.toelichting else "")
        t.add_row(f"Deel met doel re-integratie: {voorziening_naam(v)}", procent(d.waarde), d.herkomst, bron_nl(bron))
    return t


def _anders(tekst: str, afwijkend: bool) -> str:
    """Mark a published figure that differs from the recomputation."""
    return f"[yellow]{tekst} ≠[/]" if afwijkend else tekst


def _schatting_tabel(s: Schatting) -> Table:
    pub = s.invoer.gepubliceerd
    t = Table(title="Schatting per deel-range (tabel 4 en 5)", show_lines=True)
    for kop in ("Deel-range", "Groep", "Berekening", "Uitkomst", "In rapport", "Aannames"):
        t.add_column(kop, overflow="fold")
    for d in s.deelranges:
        p = pub.deelranges.get(d.id) if pub is not None else None
        titel = f"{d.id} (categorie {d.categorie})\n{d.omschrijving}"
        for rij in d.rijen:
            delen = []
            for v in d.voorzieningen:
                tekst = f"{voorziening_naam(v)} {getal(rij.cellen[v])}"
                if p is not None:
                    gepubliceerd = (
                        p.kolomtotaal.get(v) if rij.huishouden == "totaal" else p.cellen.get(rij.huishouden, {}).get(v)
                    )
                    if gepubliceerd is not None and gepubliceerd != rij.cellen[v]:
                        tekst += f" (rapport {getal(gepubliceerd)})"
                delen.append(tekst)
            if p is None:
                in_rapport = "–"
            else:
                if rij.huishouden == "totaal":
                    gepubliceerd_totaal = p.totaal
                elif p.rijtotaal is not None:
                    gepubliceerd_totaal = p.rijtotaal[rij.huishouden]
                else:
                    gepubliceerd_totaal = sum(p.cellen[rij.huishouden].values())
                in_rapport = _anders(getal(gepubliceerd_totaal), gepubliceerd_totaal != rij.totaal)
            t.add_row(
                titel if rij.huishouden == "eenouder" else "",
                HUISHOUDEN_NAAM[rij.huishouden],
                "\n".join(delen),
                getal(rij.totaal),
                in_rapport,
                ", ".join(rij.aannames),
            )
        in_rapport = "–" if p is None else _anders(bereik(p.range), tuple(p.range) != tuple(d.range))
        t.add_row(
            "",
            "range (laag – hoog)",
            "laag = eenoudergezinnen; hoog = eenoudergezinnen + paren",
            bereik(d.range),
            in_rapport,
            ", ".join(d.aannames),
        )
    return t


def _kort_tabel(s: Schatting) -> Table:
    """The short default: per group and per category the range (low - high) and the report's range."""
    from rich import box

    pub = s.invoer.gepubliceerd
    t = Table(box=box.SIMPLE_HEAD, title="Aantal huishoudens (laag – hoog)")
    t.add_column("Groep", overflow="fold")
    t.add_column("Herberekend", no_wrap=True, justify="right")
    t.add_column("In rapport", no_wrap=True, justify="right")
    for d in s.deelranges:
        p = pub.deelranges.get(d.id) if pub is not None else None
        in_rapport = "–" if p is None else _anders(bereik(p.range), tuple(p.range) != tuple(d.range))
        t.add_row(f"{d.id}: {d.omschrijving}", bereik(d.range), in_rapport)
    t.add_section()
    namen = {"B": "Categorie B: wel recht", "C": "Categorie C: geen recht"}
    for cat, c in s.categorieen.items():
        if pub is not None and pub.tabel3 is not None:
            gepubliceerd = getattr(pub.tabel3, cat)
            in_rapport = _anders(bereik(gepubliceerd), tuple(gepubliceerd) != tuple(c.range))
        else:
            in_rapport = "–"
        t.add_row(f"[bold]{namen[cat]}[/]", bereik(c.range), in_rapport)
    return t


def _categorie_tabel(s: Schatting) -> Table:
    pub = s.invoer.gepubliceerd
    t = Table(title="Totaal per categorie (tabel 3)", show_lines=True)
    for kop in ("Categorie", "Uitkomst", "In rapport", "Hoe berekend", "Aannames"):
        t.add_column(kop, overflow="fold")
    namen = {"B": "B: wel recht op KOT", "C": "C: geen recht op KOT"}
    for cat, c in s.categorieen.items():
        if pub is not None and pub.tabel3 is not None:
            gepubliceerd = getattr(pub.tabel3, cat)
            in_rapport = _anders(bereik(gepubliceerd), tuple(gepubliceerd) != tuple(c.range))
        else:
            in_rapport = "–"
        t.add_row(namen[cat], bereik(c.range), in_rapport, c.formule, ", ".join(c.aannames))
    return t


def _aannames_tabel(s: Schatting) -> Table:
    t = Table(title="Aannames", show_lines=True)
    for kop in ("Code", "Aanname", "Waarde", "Waarom", "Bron"):
        t.add_column(kop, overflow="fold")
    for a in s.invoer.aannames:
        waarde = "" if a.waarde is None else (getal(a.waarde) if isinstance(a.waarde, int) else str(a.waarde))
        t.add_row(a.id, a.naam, waarde, bron_nl(" ".join(a.waarom.split())), bron_nl(a.bron))
    return t


def _waarde(x: object, als_range: bool = True) -> str:
    if x is None:
        return ""
    if isinstance(x, (tuple, list)):
        if als_range and len(x) == 2:
            return bereik(x)
        return " en ".join(getal(v) for v in x)
    if isinstance(x, float):
        return getal(x, 3)
    return getal(x)  # type: ignore[arg-type]


def _bevindingen_tabel(bevindingen: list[Bevinding]) -> Table:
    t = Table(title="Wat niet klopt in het rapport", show_lines=True, expand=True)
    t.add_column("Nr", no_wrap=True)
    t.add_column("Soort", overflow="fold")
    t.add_column("Waar in het rapport", overflow="fold", ratio=2)
    t.add_column("Wat", overflow="fold", ratio=4)
    t.add_column("In rapport", overflow="fold", ratio=1, min_width=10)
    t.add_column("Verwacht", overflow="fold", ratio=1, min_width=10)
    for i, b in enumerate(bevindingen, 1):
        als_range = b.code != "CEL_VERSCHILT_TUSSEN_DEELRANGES"
        t.add_row(
            str(i),
            b.soort,
            bron_nl(b.locatie),
            bron_nl(b.beschrijving),
            _waarde(b.gepubliceerd, als_range),
            _waarde(b.verwacht),
        )
    return t


@app.command("doelgroep")
def doelgroep(
    invoer: Annotated[
        Path | None,
        typer.Option(
            "--invoer", help="YAML-bestand met andere cijfers. Standaard: de cijfers uit het SZW-rapport (2025)."
        ),
    ] = None,
    als_json: Annotated[bool, typer.Option("--json", help="Geef de uitkomst als JSON.")] = False,
    volledig: Annotated[
        bool, typer.Option("--volledig", help="Toon ook de invoer, de aannames en wat niet klopt in het rapport.")
    ] = False,
) -> None:
    """Schat hoeveel bijstandsouders met jonge kinderen in categorie B en C zitten (Bijlage A van het SZW-rapport
    'Kinderopvangtoeslag in de Participatiewet', 2025), met de aannames en wat niet klopt in het rapport."""
    try:
        gegevens = laad_invoer(invoer)
    except Invoerfout as fout:
        err = Console(stderr=True, highlight=False, soft_wrap=True)
        err.print(f"[bold red]Fout in het invoerbestand[/] {invoer if invoer is not None else ''}".rstrip())
        for veld, melding in fout.fouten:
            err.print(f"  - veld [bold]{veld}[/]: {melding}", markup=True)
        raise typer.Exit(code=2) from None
    schatting = schat(gegevens)
    bevindingen = inconsistenties(schatting)
    if als_json:
        uit = {
            "schatting": schatting.model_dump(mode="json"),
            "bevindingen": [b.model_dump(mode="json") for b in bevindingen],
        }
        typer.echo(json.dumps(uit, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    console.print(
        f"[bold]Schatting bijstandsouders met jonge kinderen in categorie B en C[/] — "
        f"{bron_nl(gegevens.naam)}, peiljaar {gegevens.peiljaar}"
    )
    if not volledig:
        console.print(_kort_tabel(schatting))
        console.print(
            f"Met --volledig ziet u ook de invoer, de {len(schatting.invoer.aannames)} aannames"
            + (f" en {len(bevindingen)} punten die niet kloppen in het rapport" if bevindingen else "")
            + "."
        )
        return
    if gegevens.omschrijving:
        console.print(bron_nl(gegevens.omschrijving))
    console.print(_invoer_tabel(schatting))
    console.print(_schatting_tabel(schatting))
    console.print(_categorie_tabel(schatting))
    console.print(_aannames_tabel(schatting))
    if gegevens.gepubliceerd is None:
        console.print("Geen gepubliceerde cijfers in het invoerbestand: er is niets te vergelijken.")
    elif bevindingen:
        console.print(_bevindingen_tabel(bevindingen))
    else:
        console.print("De gepubliceerde cijfers kloppen met de herberekening en met elkaar.")
