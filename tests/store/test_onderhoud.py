"""Durability and retention: SQLite writes with synchronous=FULL; a backup is tested the whole way (backup, wipe,
restore, compare) on SQLite and PostgreSQL and across them; the retention rules delete old dossiers and audit lines."""

from __future__ import annotations

import datetime as dt

from typer.testing import CliRunner

from conftest import client_voor, maak_app, voorbeeld
from kotwijzer.cli import app as cli
from kotwijzer.store import Database, repo
from kotwijzer.store.models import AuditRegel, Dossier
from kotwijzer.store.onderhoud import inhoud_van

runner = CliRunner()
WW = "een-goed-wachtwoord"


def test_sqlite_synchronous_full(sqlite_url):
    db = Database(sqlite_url)
    with db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    db.sluit()


def _vul(app) -> None:
    """Some of everything: organisations, users, sessions, dossiers, scenarios with versions, audit, catalogue."""
    from kotwijzer.store.voorbeeld import laad_voorbeeldcatalogus

    laad_voorbeeldcatalogus(app.state.db)
    with app.state.db.sessie() as s:
        o = repo.organisatie_maken(s, "Bewind A")
        repo.gebruiker_maken(s, o.id, "a@voorbeeld.nl", WW, "beheerder")
    with client_voor(app) as c:
        h = {
            "Authorization": "Bearer "
            + c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": WW}).json()["token"]
        }
        for i in range(3):
            d = c.post("/api/v1/dossiers", json={"label": f"gezin {i}"}, headers=h).json()["id"]
            sid = c.post(
                f"/api/v1/dossiers/{d}/scenarios",
                json={"naam": "basis", "invoer": voorbeeld("paar_werkt_2026")},
                headers=h,
            ).json()["id"]
            inv = voorbeeld("wlz_partner_2023")
            assert (
                c.put(
                    f"/api/v1/scenarios/{sid}", json={"invoer": inv, "toelichting": "ander jaar"}, headers=h
                ).status_code
                == 200
            )


def test_backup_wissen_herstellen_vergelijken(db_url, tmp_path):
    app = maak_app(db_url)
    _vul(app)
    voor = inhoud_van(app.state.db)
    assert sum(len(v) for v in voor.values()) > 30
    app.state.db.sluit()
    bestand = tmp_path / "backup.json.gz"
    r = runner.invoke(cli, ["beheer", "backup", str(bestand), "--database-url", db_url])
    assert r.exit_code == 0, r.output
    # wipe: every table emptied (as after losing the database and migrating a new one)
    db = Database(db_url)
    from kotwijzer.store.models import Base

    with db.engine.begin() as c:
        for t in reversed(Base.metadata.sorted_tables):
            c.execute(t.delete())
    assert sum(len(v) for v in inhoud_van(db).values()) == 0
    r = runner.invoke(cli, ["beheer", "herstel", str(bestand), "--database-url", db_url])
    assert r.exit_code == 0, r.output
    assert inhoud_van(db) == voor
    # the restored database works: log in with the old password, save a new version (ids continue)
    app = maak_app(db_url)
    with client_voor(app) as c:
        r = c.post("/api/v1/sessies", json={"email": "a@voorbeeld.nl", "wachtwoord": WW})
        assert r.status_code == 201
        h = {"Authorization": "Bearer " + r.json()["token"]}
        assert c.post("/api/v1/dossiers", json={"label": "na herstel"}, headers=h).status_code == 201
    # restoring into a database that is not empty is refused
    r = runner.invoke(cli, ["beheer", "herstel", str(bestand), "--database-url", db_url])
    assert r.exit_code == 2 and "niet leeg" in r.output
    app.state.db.sluit()
    db.sluit()


def test_backup_van_sqlite_naar_postgresql(sqlite_url, postgres_url, tmp_path):
    app = maak_app(sqlite_url)
    _vul(app)
    voor = inhoud_van(app.state.db)
    app.state.db.sluit()
    bestand = tmp_path / "b.json.gz"
    assert runner.invoke(cli, ["beheer", "backup", str(bestand), "--database-url", sqlite_url]).exit_code == 0
    r = runner.invoke(cli, ["beheer", "herstel", str(bestand), "--database-url", postgres_url])
    assert r.exit_code == 0, r.output
    db = Database(postgres_url)
    assert inhoud_van(db) == voor
    db.sluit()


def test_bewaartermijnen(app, db_url):
    _vul(app)
    oud = repo.nu() - dt.timedelta(days=7 * 365)
    with app.state.db.sessie() as s:
        d = s.scalars(repo.select(Dossier).order_by(Dossier.id)).first()
        d.gewijzigd = oud
        oud_id = d.id
        for a in s.scalars(repo.select(AuditRegel).order_by(AuditRegel.id).limit(2)):
            a.tijd = repo.nu() - dt.timedelta(days=3 * 365)
    r = runner.invoke(cli, ["beheer", "opruimen", "--droog", "--database-url", db_url])
    assert r.exit_code == 0 and "Zou verwijderen: 1 dossier(s), 2 regel(s)" in r.output
    r = runner.invoke(cli, ["beheer", "opruimen", "--database-url", db_url])
    assert r.exit_code == 0 and "Verwijderd: 1 dossier(s), 2 regel(s)" in r.output
    with app.state.db.sessie() as s:
        assert s.get(Dossier, oud_id) is None
        assert len(list(s.scalars(repo.select(Dossier)))) == 2
        acties = [a.actie for a in s.scalars(repo.select(AuditRegel))]
    assert "dossier_bewaartermijn_verlopen" in acties
    r = runner.invoke(cli, ["beheer", "opruimen", "--database-url", db_url])
    assert "Verwijderd: 0 dossier(s), 0 regel(s)" in r.output


def test_backup_alleen_leesbaar_voor_eigenaar(sqlite_url, tmp_path):
    """The backup holds password and session hashes: mode 0600 whatever the umask, also when it replaces a file."""
    import os
    import stat

    from kotwijzer.store import Database
    from kotwijzer.store.onderhoud import backup

    db = Database(sqlite_url)
    db.migreer()
    pad = tmp_path / "kw.json.gz"
    pad.write_text("oud")
    os.chmod(pad, 0o644)
    oud = os.umask(0o022)
    try:
        backup(db, pad)
    finally:
        os.umask(oud)
    assert stat.S_IMODE(os.stat(pad).st_mode) == 0o600
    db.sluit()
