"""Example data for `kotwijzer serve --voorbeelddata`: the organisation "Voorbeeld Bewind" with one user and a few
dossiers built from the examples, and the example catalogue of municipalities (made-up municipalities GM9901-GM9904,
flagged as examples). Idempotent: run it twice and nothing is added the second time."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kotwijzer.store import repo
from kotwijzer.store.db import Database

ORGANISATIE = "Voorbeeld Bewind"
EMAIL = "beheer@voorbeeld-bewind.nl"

DOSSIERS = [
    ("gezin 1 (werken allebei)", "paar_werkt_2026.json", "huidige situatie"),
    ("gezin 2 (partner met Wlz-indicatie)", "wlz_partner_2023.json", "aanvraag 2023"),
    ("gezin 3 (bijstand, activiteit categorie C)", "bijstand_activiteit_c_2026.json", "huidige situatie"),
]


def _voorbeelden_map() -> Path | None:
    for kandidaat in (Path.cwd() / "examples", Path(__file__).resolve().parents[3] / "examples"):
        if kandidaat.is_dir():
            return kandidaat
    return None


def laad_voorbeelden(
    db: Database, samenvatting: Callable[[dict[str, Any]], dict[str, Any]], wachtwoord: str | None = None
) -> tuple[str, str | None]:
    """Create the example organisation, user and dossiers when they do not exist yet. Returns (e-mail, password);
    the password is None when the user already existed (it is never stored in plain text)."""
    with db.sessie() as s:
        org = repo.organisatie(s, ORGANISATIE)
        if org is not None:
            return EMAIL, None
        org = repo.organisatie_maken(s, ORGANISATIE)
        wachtwoord = wachtwoord or secrets.token_urlsafe(12)
        g = repo.gebruiker_maken(s, org.id, EMAIL, wachtwoord, "beheerder", naam="Beheerder Voorbeeld")
        actor = repo.Actor.van(g)
        map_ = _voorbeelden_map()
        for label, bestand, naam in DOSSIERS:
            d = repo.dossier_maken(s, actor, label)
            if map_ is None or not (map_ / bestand).is_file():
                continue
            invoer = json.loads((map_ / bestand).read_text(encoding="utf-8"))
            repo.scenario_maken(s, actor, d.id, naam, invoer, samenvatting(invoer), "voorbeeld")
    return EMAIL, wachtwoord


def laad_voorbeeldcatalogus(db: Database) -> bool:
    """Store the shipped example catalogue when the database holds no catalogue yet. True when it was stored."""
    from kotwijzer.municipal import voorbeeldcatalogus
    from kotwijzer.store.catalogus import aantal_gemeenten, catalogus_opslaan

    with db.sessie() as s:
        if aantal_gemeenten(s):
            return False
        catalogus_opslaan(s, voorbeeldcatalogus())
    return True


__all__ = ["EMAIL", "ORGANISATIE", "laad_voorbeeldcatalogus", "laad_voorbeelden"]
