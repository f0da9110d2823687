"""`kotwijzer beheer`: running the professional mode. Accounts (an organisation with its first beheerder, resetting a
password, logging a user out everywhere) and the database (backup, restore, retention). Works on the database of
DATABASE_URL (or --database-url); never prints a password except one it generated itself, once."""

from __future__ import annotations

import secrets
from pathlib import Path

import typer
from rich.console import Console

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Beheer: organisaties en gebruikers, back-up en herstel, bewaartermijnen.",
)
console = Console()
err = Console(stderr=True)

DB_OPTIE = typer.Option(None, "--database-url", envvar="DATABASE_URL", help="Standaard: SQLite in var/")


def _db(url: str | None):
    from kotwijzer.store import Database

    db = Database(url)
    db.migreer()
    return db


def _stop(melding: str) -> None:
    err.print(f"[red]{melding}[/red]")
    raise typer.Exit(2)


def _nieuw_wachtwoord(genereer: bool) -> tuple[str, bool]:
    if genereer:
        return secrets.token_urlsafe(18), True
    ww = typer.prompt("Nieuw wachtwoord", hide_input=True, confirmation_prompt="Nog een keer")
    return ww, False


@app.command("organisatie")
def organisatie(
    naam: str = typer.Argument(..., help="Naam van de organisatie"),
    beheerder: str = typer.Option(..., "--beheerder", help="E-mailadres van de eerste beheerder"),
    genereer: bool = typer.Option(False, "--genereer", help="Maak een sterk wachtwoord en toon het één keer"),
    database_url: str | None = DB_OPTIE,
) -> None:
    """Maak een organisatie met haar eerste beheerder."""
    from kotwijzer.store import OngeldigeWaarde, repo
    from kotwijzer.store.repo import Conflict

    ww, gemaakt = _nieuw_wachtwoord(genereer)
    db = _db(database_url)
    try:
        with db.sessie() as s:
            if repo.organisatie(s, naam.strip()) is not None:
                _stop("Er is al een organisatie met deze naam.")
            o = repo.organisatie_maken(s, naam)
            repo.gebruiker_maken(s, o.id, beheerder, ww, "beheerder")
            repo.log(s, None, "organisatie_aangemaakt", "organisatie", o.id, organisatie_id=o.id)
    except (OngeldigeWaarde, Conflict) as e:
        _stop(f"{getattr(e, 'veld', '')}: {e.melding}".lstrip(": "))
    finally:
        db.sluit()
    console.print(f"Organisatie '{naam.strip()}' aangemaakt met beheerder {beheerder.strip().lower()}.")
    if gemaakt:
        console.print(f"Wachtwoord (wordt niet bewaard, geef het veilig door): {ww}")


@app.command("wachtwoord")
def wachtwoord(
    email: str = typer.Argument(..., help="E-mailadres van de gebruiker"),
    organisatie: str | None = typer.Option(
        None, "--organisatie", help="Nodig als het adres bij meer organisaties hoort"
    ),
    genereer: bool = typer.Option(False, "--genereer", help="Maak een sterk wachtwoord en toon het één keer"),
    database_url: str | None = DB_OPTIE,
) -> None:
    """Zet een nieuw wachtwoord (bijvoorbeeld als het vergeten is). Alle sessies van de gebruiker eindigen."""
    from kotwijzer.store import NietGevonden, OngeldigeWaarde, repo

    ww, gemaakt = _nieuw_wachtwoord(genereer)
    db = _db(database_url)
    try:
        with db.sessie() as s:
            repo.wachtwoord_resetten(s, repo.zoek_gebruiker(s, email, organisatie), ww)
    except (OngeldigeWaarde, NietGevonden) as e:
        _stop(e.melding)
    finally:
        db.sluit()
    console.print("Nieuw wachtwoord gezet; de gebruiker is overal uitgelogd.")
    if gemaakt:
        console.print(f"Wachtwoord (wordt niet bewaard, geef het veilig door): {ww}")


@app.command("uitloggen")
def uitloggen(
    email: str = typer.Argument(..., help="E-mailadres van de gebruiker"),
    organisatie: str | None = typer.Option(None, "--organisatie"),
    database_url: str | None = DB_OPTIE,
) -> None:
    """Log een gebruiker overal uit (web en API), bijvoorbeeld na een verloren laptop."""
    from kotwijzer.store import NietGevonden, OngeldigeWaarde, repo

    db = _db(database_url)
    try:
        with db.sessie() as s:
            n = repo.overal_uitloggen(s, repo.zoek_gebruiker(s, email, organisatie).id)
    except (OngeldigeWaarde, NietGevonden) as e:
        _stop(e.melding)
    finally:
        db.sluit()
    console.print(f"{n} sessie(s) beëindigd.")


@app.command("backup")
def backup_maken(
    bestand: Path = typer.Argument(..., help="Doelbestand, bijvoorbeeld kotwijzer-2026-12-04.json.gz"),
    database_url: str | None = DB_OPTIE,
) -> None:
    """Maak een back-up van de hele database (alle tabellen, één consistente momentopname). Het bestand is alleen
    leesbaar voor de eigenaar (0600): er staan wachtwoord-hashes en huishoudens in."""
    from kotwijzer.store.onderhoud import backup

    db = _db(database_url)
    try:
        n = backup(db, bestand)
    finally:
        db.sluit()
    console.print(
        f"Back-up geschreven naar {bestand}: {sum(n.values())} rijen in {len(n)} tabellen "
        "(alleen leesbaar voor u; bewaar het bestand even veilig als de database)."
    )


@app.command("herstel")
def herstel_backup(
    bestand: Path = typer.Argument(..., exists=True, dir_okay=False, help="Een back-up van `kotwijzer beheer backup`"),
    database_url: str | None = DB_OPTIE,
) -> None:
    """Zet een back-up terug in een lege database (die eerst op de nieuwste versie wordt gebracht)."""
    from kotwijzer.store.onderhoud import BackupFout, herstel

    db = _db(database_url)
    try:
        n = herstel(db, bestand)
    except BackupFout as e:
        _stop(str(e))
    finally:
        db.sluit()
    console.print(f"Back-up teruggezet: {sum(n.values())} rijen in {len(n)} tabellen.")


@app.command("opruimen")
def opruimen_cmd(
    dossier_dagen: int = typer.Option(
        None,
        "--dossier-dagen",
        min=1,
        envvar="KOTWIJZER_BEWAAR_DOSSIER_DAGEN",
        help="Dossiers die zo lang niet zijn gewijzigd worden verwijderd (standaard 2190: zes jaar)",
    ),
    audit_dagen: int = typer.Option(
        None,
        "--audit-dagen",
        min=1,
        envvar="KOTWIJZER_BEWAAR_AUDIT_DAGEN",
        help="Regels in het auditlog ouder dan dit worden verwijderd (standaard 730: twee jaar)",
    ),
    droog: bool = typer.Option(False, "--droog", help="Alleen tellen, niets verwijderen"),
    database_url: str | None = DB_OPTIE,
) -> None:
    """Pas de bewaartermijnen toe (dagelijks te draaien, bijvoorbeeld met cron of een systemd-timer)."""
    from kotwijzer.store.onderhoud import STANDAARD_AUDIT_DAGEN, STANDAARD_DOSSIER_DAGEN, opruimen

    db = _db(database_url)
    try:
        n = opruimen(db, dossier_dagen or STANDAARD_DOSSIER_DAGEN, audit_dagen or STANDAARD_AUDIT_DAGEN, droog)
    finally:
        db.sluit()
    werkwoord = "Zou verwijderen" if droog else "Verwijderd"
    console.print(
        f"{werkwoord}: {n['dossiers']} dossier(s), {n['auditregels']} regel(s) uit het auditlog, "
        f"{n['sessies']} verlopen sessie(s), {n['inlogpogingen']} oude inlogpoging(en)."
    )
