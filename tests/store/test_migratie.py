"""Migration 0004 on a database with data: nothing lost (SQLite rebuilds the gebruiker table; the rows that refer to
it — sessions, scenario versions — must survive), and the e-mail address becomes unique per organisation."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import text

from kotwijzer.store import Database
from kotwijzer.store.db import alembic_config


def test_migratie_0004_behoudt_gegevens(db_url):
    db = Database(db_url)
    cfg = alembic_config()
    with db.engine.begin() as c:
        cfg.attributes["connection"] = c
        command.upgrade(cfg, "0002")
    nu = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    with db.engine.begin() as c:
        c.execute(text("INSERT INTO organisatie (id, naam, aangemaakt) VALUES (1, 'A', :t)"), {"t": nu})
        c.execute(
            text(
                "INSERT INTO gebruiker (id, organisatie_id, email, wachtwoord_hash, rol, actief, aangemaakt) "
                "VALUES (1, 1, 'a@voorbeeld.nl', 'x', 'beheerder', true, :t)"
            ),
            {"t": nu},
        )
        c.execute(
            text(
                "INSERT INTO sessie (id, token_hash, gebruiker_id, soort, aangemaakt, verloopt) "
                "VALUES (1, 'h', 1, 'web', :t, :t)"
            ),
            {"t": nu},
        )
        c.execute(
            text("INSERT INTO dossier (id, organisatie_id, label, aangemaakt, gewijzigd) VALUES (1, 1, 'd', :t, :t)"),
            {"t": nu},
        )
        c.execute(
            text(
                "INSERT INTO scenario (id, dossier_id, naam, huidige_versie, aangemaakt, gewijzigd) "
                "VALUES (1, 1, 's', 1, :t, :t)"
            ),
            {"t": nu},
        )
        c.execute(
            text(
                "INSERT INTO scenario_versie (id, scenario_id, versie, invoer, samenvatting, toelichting, "
                "gebruiker_id, aangemaakt) VALUES (1, 1, 1, '{}', '{}', '', 1, :t)"
            ),
            {"t": nu},
        )
    with db.engine.begin() as c:  # migration 0003 adds the user's name: 0004 must keep it when it rebuilds the table
        cfg.attributes["connection"] = c
        command.upgrade(cfg, "0003")
    with db.engine.begin() as c:
        c.execute(text("UPDATE gebruiker SET naam = 'Anna de Vries' WHERE id = 1"))
    db.migreer()
    with db.engine.begin() as c:
        assert c.execute(text("SELECT count(*) FROM sessie")).scalar() == 1
        assert c.execute(text("SELECT gebruiker_id FROM scenario_versie")).scalar() == 1
        assert c.execute(text("SELECT email FROM gebruiker")).scalar() == "a@voorbeeld.nl"
        assert c.execute(text("SELECT naam FROM gebruiker")).scalar() == "Anna de Vries"
        c.execute(text("INSERT INTO organisatie (id, naam, aangemaakt) VALUES (2, 'B', :t)"), {"t": nu})
        # the same address in another organisation is allowed now
        c.execute(
            text(
                "INSERT INTO gebruiker (id, organisatie_id, email, wachtwoord_hash, rol, actief, aangemaakt) "
                "VALUES (2, 2, 'a@voorbeeld.nl', 'x', 'beheerder', true, :t)"
            ),
            {"t": nu},
        )
    if db.soort == "sqlite":
        with db.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.sluit()
