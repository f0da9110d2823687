"""Command line for the municipal part (mounted as `kotwijzer gemeente`).

    importeer   read a catalogus (YAML, or two CSV files) and check it; optionally save it as YAML, or into the
                app's database (--database)
    exporteer   write a catalogus as YAML or as two CSV files (from a file, the example data, or --database)
    controleer  what Dienst Toeslagen will see: registration problems per activity
    overzicht   per kind of activity: which municipalities give a right to KOT (table or --csv)
    activiteit  "Geeft deze activiteit recht op kinderopvangtoeslag?" for one municipality and activity

Without --catalogus the shipped example data (made-up municipalities) is used.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from kotwijzer.municipal.classificatie import VOORBEELD_WAARSCHUWING, classificeer
from kotwijzer.municipal.codes import code_naam
from kotwijzer.municipal.io import (
    ImportFout,
    lees_csv,
    lees_yaml,
    naar_yaml,
    schrijf_csv,
    schrijf_yaml,
    voorbeeldcatalogus,
)
from kotwijzer.municipal.models import Catalogus, OnbekendInCatalogus
from kotwijzer.municipal.overzicht import overzicht_csv, overzicht_matrix
from kotwijzer.municipal.registratie import Ernst, controleer_catalogus

app = typer.Typer(
    name="gemeente",
    help="Gemeenten en de Participatiewet: welke activiteiten geven recht op kinderopvangtoeslag?",
    no_args_is_help=True,
    add_completion=False,
)

_console = Console()

CatalogusOptie = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional here
    typer.Option(
        "--catalogus",
        "-c",
        help="Catalogus als YAML-bestand. Zonder deze optie: de voorbeeldgegevens.",
        dir_okay=False,
    ),
]


def _laad(pad: Path | None) -> Catalogus:
    if pad is None:
        return voorbeeldcatalogus()
    try:
        return lees_yaml(pad)
    except ImportFout as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from None


def _waarschuw_voorbeeld(catalogus: Catalogus) -> None:
    if catalogus.voorbeeld:
        typer.echo(VOORBEELD_WAARSCHUWING, err=True)


DATABASE_HULP = (
    "Database van de webapp: een adres zoals sqlite:///var/kotwijzer.sqlite of postgresql://gebruiker@host/kotwijzer, "
    "of 'standaard' voor de database die 'kotwijzer serve' gebruikt (DATABASE_URL, anders sqlite:///var/kotwijzer.sqlite)."
)
DatabaseOptie = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--database", "-d", help=DATABASE_HULP, metavar="ADRES"),
]


def _database(adres: str):
    """The app's database at `adres` (migrated to the newest version), or exit with a Dutch message."""
    import os

    from kotwijzer.store import Database, standaard_url

    if adres.strip().lower() in ("", "standaard"):
        adres = os.environ.get("DATABASE_URL") or standaard_url()
    if "://" not in adres:
        typer.echo(
            f"'{adres}' is geen adres van een database. Gebruik bijvoorbeeld --database sqlite:///var/kotwijzer.sqlite "
            "of --database standaard.",
            err=True,
        )
        raise typer.Exit(code=2)
    try:
        db = Database(adres)
        db.migreer()
    except Exception as exc:  # noqa: BLE001 - any connection problem is reported in Dutch, without a stack trace
        typer.echo(f"De database kon niet worden geopend: {type(exc).__name__}. Controleer het adres.", err=True)
        raise typer.Exit(code=2) from None
    return db


def _veilig(adres: str) -> str:
    return adres.split("@")[-1] if "@" in adres else adres


@app.command()
def importeer(
    bestanden: Annotated[
        list[Path],
        typer.Argument(help="Eén YAML-bestand, of twee CSV-bestanden: eerst gemeenten, dan activiteiten."),
    ],
    naar: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--naar", "-o", help="Sla de gecontroleerde catalogus op als YAML in dit bestand."),
    ] = None,
    database: DatabaseOptie = None,
    alles_vervangen: Annotated[
        bool,
        typer.Option(
            "--alles-vervangen",
            help="Met --database: vervang de hele catalogus. Zonder deze optie worden alleen de gemeenten uit het "
            "bestand vervangen of toegevoegd; de andere gemeenten blijven staan.",
        ),
    ] = False,
) -> None:
    """Lees een catalogus in en controleer de gegevens. Met --database: zet de gegevens in de database van de webapp."""
    try:
        if len(bestanden) == 1 and bestanden[0].suffix.lower() in {".yaml", ".yml"}:
            catalogus = lees_yaml(bestanden[0])
        elif len(bestanden) == 2:
            catalogus = lees_csv(bestanden[0], bestanden[1])
        else:
            typer.echo("Geef één YAML-bestand, of twee CSV-bestanden (eerst gemeenten, dan activiteiten).", err=True)
            raise typer.Exit(code=2)
    except ImportFout as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None
    aantal = sum(len(v) for v in catalogus.activiteiten.values())
    typer.echo(
        f"Ingelezen: {len(catalogus.gemeenten)} gemeenten, {aantal} activiteiten, "
        f"{len(catalogus.beleid)} keer beleid. De gegevens zijn in orde."
    )
    _waarschuw_voorbeeld(catalogus)
    if naar is not None:
        schrijf_yaml(catalogus, naar)
        typer.echo(f"Opgeslagen in {naar}.")
    if database is not None:
        from kotwijzer.store.catalogus import catalogus_opslaan, gemeenten_opslaan

        db = _database(database)
        try:
            with db.sessie() as s:
                if alles_vervangen:
                    catalogus_opslaan(s, catalogus)
                    totaal = len(catalogus.gemeenten)
                else:
                    totaal = len(gemeenten_opslaan(s, catalogus).gemeenten)
        except Exception as exc:  # noqa: BLE001 - the transaction is rolled back; the old catalogue stays
            typer.echo(
                f"Opslaan in de database is mislukt ({type(exc).__name__}). Er is niets veranderd: de vorige catalogus "
                "staat er nog.",
                err=True,
            )
            raise typer.Exit(code=1) from None
        finally:
            db.sluit()
        wat = (
            "De hele catalogus is vervangen"
            if alles_vervangen
            else f"{len(catalogus.gemeenten)} gemeente(n) bijgewerkt"
        )
        typer.echo(f"{wat} in de database {_veilig(db.url)}. Daar staan nu {totaal} gemeenten.")


@app.command()
def exporteer(
    formaat: Annotated[str, typer.Option("--formaat", "-f", help="yaml of csv")] = "yaml",
    naar: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--naar",
            "-o",
            help="yaml: bestand (zonder deze optie: op het scherm). csv: map voor gemeenten.csv en activiteiten.csv.",
        ),
    ] = None,
    catalogus: CatalogusOptie = None,
    database: DatabaseOptie = None,
    gemeente: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--gemeente", "-g", help="Alleen deze gemeente (CBS-code of naam)."),
    ] = None,
) -> None:
    """Schrijf een catalogus weg als YAML of als twee CSV-bestanden (met --database: de catalogus uit de webapp)."""
    if database is not None and catalogus is not None:
        typer.echo("Kies --catalogus of --database, niet allebei.", err=True)
        raise typer.Exit(code=2)
    if database is not None:
        from kotwijzer.store.catalogus import catalogus_laden

        db = _database(database)
        try:
            with db.sessie() as s:
                cat = catalogus_laden(s)
        finally:
            db.sluit()
        if not cat.gemeenten:
            typer.echo(
                f"De database {_veilig(db.url)} bevat nog geen catalogus. Lees er een in met "
                "'kotwijzer gemeente importeer ... --database'.",
                err=True,
            )
            raise typer.Exit(code=1)
    else:
        cat = _laad(catalogus)
    if gemeente is not None:
        try:
            g = cat.zoek_gemeente(gemeente)
        except OnbekendInCatalogus as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(code=2) from None
        cat = Catalogus(
            gemeenten=[g],
            activiteiten={g.cbs_code: cat.activiteiten_van(g.cbs_code)},
            beleid={g.cbs_code: b} if (b := cat.beleid_van(g.cbs_code)) is not None else {},
        )
    formaat = formaat.lower()
    if formaat == "yaml":
        if naar is None:
            typer.echo(naar_yaml(cat), nl=False)
        else:
            schrijf_yaml(cat, naar)
            typer.echo(f"Opgeslagen in {naar}.")
    elif formaat == "csv":
        if naar is None:
            typer.echo("Geef met --naar een map op voor de CSV-bestanden.", err=True)
            raise typer.Exit(code=2)
        naar.mkdir(parents=True, exist_ok=True)
        schrijf_csv(cat, naar / "gemeenten.csv", naar / "activiteiten.csv")
        typer.echo(f"Opgeslagen in {naar / 'gemeenten.csv'} en {naar / 'activiteiten.csv'}.")
    else:
        typer.echo(f"Onbekend formaat {formaat!r}: kies yaml of csv.", err=True)
        raise typer.Exit(code=2)
    _waarschuw_voorbeeld(cat)


@app.command()
def controleer(
    catalogus: CatalogusOptie = None,
    gemeente: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--gemeente", "-g", help="Alleen deze gemeente (CBS-code of naam)."),
    ] = None,
    alles: Annotated[bool, typer.Option("--alles", help="Toon ook opmerkingen zonder gevolg voor de toeslag.")] = False,
) -> None:
    """Wat ziet Dienst Toeslagen? Zoek registraties die niet passen bij het beleid.

    Stopt met code 1 als er fouten zijn.
    """
    cat = _laad(catalogus)
    try:
        code = cat.zoek_gemeente(gemeente).cbs_code if gemeente else None
    except OnbekendInCatalogus as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from None
    signalen = controleer_catalogus(cat, gemeente=code)
    getoond = [s for s in signalen if alles or s.ernst is not Ernst.opmerking]
    fouten = sum(s.ernst is Ernst.fout for s in signalen)
    if not getoond:
        typer.echo("Geen problemen gevonden: Dienst Toeslagen ziet wat het beleid zegt.")
    else:
        for s in getoond:
            registreer = code_naam(s.code_te_registreren) if s.code_te_registreren else "geen van de zeven codes"
            typer.secho(f"[{s.ernst.value}] {s.gemeente_code or ''} {s.activiteit_code}", bold=True)
            typer.echo(f"  geregistreerd: {code_naam(s.geregistreerde_code)}; registreer: {registreer}")
            typer.echo(f"  {s.uitleg}")
            typer.echo("")
        typer.echo(f"{fouten} fout(en), {sum(s.ernst is Ernst.waarschuwing for s in signalen)} waarschuwing(en).")
    _waarschuw_voorbeeld(cat)
    if fouten:
        raise typer.Exit(code=1)


@app.command()
def overzicht(
    catalogus: CatalogusOptie = None,
    csv: Annotated[bool, typer.Option("--csv", help="Geef CSV in plaats van een tabel.")] = False,
    alle_soorten: Annotated[
        bool, typer.Option("--alle-soorten", help="Toon ook soorten die geen gemeente beschrijft.")
    ] = False,
) -> None:
    """Per soort activiteit: welke gemeenten geven recht op kinderopvangtoeslag (A/B) en welke niet (C)?"""
    cat = _laad(catalogus)
    if csv:
        typer.echo(overzicht_csv(cat, alle_soorten=alle_soorten), nl=False)
    else:
        kop, rijen = overzicht_matrix(cat, alle_soorten=alle_soorten)
        titel = "Recht op kinderopvangtoeslag per soort activiteit (A/B: ja, C: nee, -: niet beschreven)"
        nodig = max([len(r[0]) for r in rijen] + [5]) + 4 + sum(len(k) + 3 for k in kop[1:])
        if _console.width < nodig:
            # a narrow terminal: one block per kind of activity instead of a matrix whose words would break
            _console.print(f"[bold]{titel}[/]")
            for r in rijen:
                _console.print(f"\n[bold]{r[0].replace('_', ' ')}[/]")
                for gemeente, waarde in zip(kop[1:], r[1:], strict=True):
                    _console.print(f"  {gemeente}: {waarde}")
        else:
            tabel = Table(title=titel)
            for k in kop:
                tabel.add_column(k.replace("_", " "), overflow="fold")
            for r in rijen:
                tabel.add_row(r[0].replace("_", " "), *r[1:])
            _console.print(tabel)
    _waarschuw_voorbeeld(cat)


@app.command()
def activiteit(
    gemeente: Annotated[str, typer.Argument(help="CBS-code (bijvoorbeeld GM9901) of naam van de gemeente.")],
    activiteit: Annotated[str, typer.Argument(help="Code van de activiteit (bijvoorbeeld participatieplaats).")],
    catalogus: CatalogusOptie = None,
    als_json: Annotated[bool, typer.Option("--json", help="Geef het antwoord als JSON.")] = False,
) -> None:
    """Geeft deze activiteit recht op kinderopvangtoeslag?"""
    cat = _laad(catalogus)
    try:
        code = cat.zoek_gemeente(gemeente).cbs_code
        antwoord = classificeer(code, activiteit, cat)
    except OnbekendInCatalogus as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from None
    if als_json:
        typer.echo(json.dumps(antwoord.as_dict(), ensure_ascii=False, indent=2))
        return
    typer.secho("Geeft deze activiteit recht op kinderopvangtoeslag?", bold=True)
    typer.echo(
        f"{'Ja' if antwoord.gericht_op_arbeidsinschakeling else 'Nee'} - {antwoord.activiteit_naam}, "
        f"{antwoord.gemeente_naam} (categorie {antwoord.categorie.value})"
    )
    if antwoord.code_te_registreren is not None:
        typer.echo(f"Code voor het Re-integratiebericht: {code_naam(antwoord.code_te_registreren)}")
    else:
        typer.echo("Code voor het Re-integratiebericht: geen van de zeven codes")
    typer.echo("")
    typer.echo(antwoord.uitleg)
    for s in antwoord.signalen:
        if s.ernst is not Ernst.opmerking:
            typer.echo(f"\n[{s.ernst.value}] {s.uitleg}")


@app.command()
def ontheffing(
    verzoek: str = typer.Option(..., help="Datum van het verzoek, JJJJ-MM-DD"),
    jongste_kind: str = typer.Option(..., help="Geboortedatum van het jongste kind, JJJJ-MM-DD"),
    startkwalificatie: bool = typer.Option(False, "--startkwalificatie", help="De ouder heeft een startkwalificatie"),
    opleiding: bool = typer.Option(
        False, "--opleiding", help="Tijdens de ontheffing ingeschreven voor een opleiding (Wko 1.6 lid 1 onder j)"
    ),
    traject: str | None = typer.Option(None, help="Categorie van een traject tijdens de ontheffing: A, B of C"),
) -> None:
    """Ontheffing van de arbeidsplicht voor een alleenstaande ouder (art. 9a Participatiewet) en wat die betekent voor
    de kinderopvangtoeslag."""
    import datetime as dt

    from kotwijzer.municipal.participatiewet import OntheffingFout, kot_tijdens_ontheffing, ontheffing_art9a

    try:
        v, k = dt.date.fromisoformat(verzoek), dt.date.fromisoformat(jongste_kind)
    except ValueError:
        _console.print("[red]Fout:[/] vul de datums in als JJJJ-MM-DD (--verzoek, --jongste-kind).")
        raise typer.Exit(2) from None
    if traject is not None and traject.upper() not in ("A", "B", "C"):
        _console.print("[red]Fout:[/] --traject moet A, B of C zijn.")
        raise typer.Exit(2)
    try:
        o = ontheffing_art9a(v, k, heeft_startkwalificatie=startkwalificatie)
    except (OntheffingFout, LookupError, ValueError) as e:
        _console.print(f"[red]Fout:[/] {e}")
        raise typer.Exit(2) from None
    _console.print(o.uitleg)
    kot = kot_tijdens_ontheffing(
        ontheffing=o.recht, opleiding_onderdeel_j=opleiding, traject_categorie=traject.upper() if traject else None
    )
    _console.print(
        ("[green]Kinderopvangtoeslag: ja.[/] " if kot.recht_op_kot else "[yellow]Kinderopvangtoeslag: nee.[/] ")
        + kot.uitleg
    )
