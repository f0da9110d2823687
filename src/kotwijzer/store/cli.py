"""`kotwijzer beheer`: running the professional mode. Accounts (an organisation with its first beheerder, resetting a
password, logging a user out everywhere) and the database (backup, restore, retention). Works on the database of
DATABASE_URL (or --database-url); never prints a password except one it generated itself, once."""
from __future__ import annotations

import secrets
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Beheer: organisaties en gebruikers, back-up en herstel, bewaartermijnen.")
console = Console()
err = Console(stderr=True)

DB_OPTIE = typer.Option(None, "--database-url", envvar="DATABASE_URL", help="Standaard: SQLite in var/")


def _db(url: Optional[str]):
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
    database_url: Optional[str] = DB_OPTIE,
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
    organisatie: Optional[str] = typer.Option(None, "--organisatie", help="Nodig als het adres bij meer organisaties hoort"),
    genereer: bool = typer.Option(False, "--genereer", help="Maak een sterk wachtwoord en toon het één keer"),
    database_url: Optional[str] = DB_OPTIE,
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
    organisatie: Optional[str] = typer.Option(None, "--organisatie"),
    database_url: Optional[str] = DB_OPTIE,
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
