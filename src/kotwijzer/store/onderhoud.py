"""Backup, restore and retention of the database (both SQLite and PostgreSQL).

Backup: a file readable by its owner only (mode 0600), a logical copy of every table of the app (rows as JSON, gzip-compressed) with the schema version, read in one
transaction (a consistent snapshot). It can be restored into an empty database of the same schema version, also of
the other kind (SQLite to PostgreSQL and back). For PostgreSQL in production, pg_dump/point-in-time recovery are the
usual tools as well (docs/web.md); this format is the one the project tests: backup, wipe, restore, compare.

Retention: dossiers (with their scenarios and versions) that nobody changed for `dossier_dagen` days are deleted;
audit log lines older than `audit_dagen` days are deleted; ended sessions and old login attempts always go.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
import os
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, text

from kotwijzer.store.models import AuditRegel, Base, Dossier, InlogPoging, Sessie, UtcTijd, nu

FORMAAT = "kotwijzer-backup-1"
# six years after the last change: a toeslag can be revised up to five years after the end of the year (Awir art. 21)
STANDAARD_DOSSIER_DAGEN = 6 * 365
STANDAARD_AUDIT_DAGEN = 2 * 365


class BackupFout(RuntimeError):
    pass


def _naar_json(v: Any) -> Any:
    if isinstance(v, dt.datetime):
        return {"$t": (v if v.tzinfo else v.replace(tzinfo=dt.UTC)).isoformat()}
    if isinstance(v, dt.date):
        return {"$d": v.isoformat()}
    if isinstance(v, Decimal):
        return {"$n": str(v)}
    if isinstance(v, bytes):
        return {"$b": base64.b64encode(v).decode()}
    return v


def _uit_json(v: Any) -> Any:
    if isinstance(v, dict) and len(v) == 1:
        ((k, x),) = v.items()
        if k == "$t":
            return dt.datetime.fromisoformat(x)
        if k == "$d":
            return dt.date.fromisoformat(x)
        if k == "$n":
            return Decimal(x)
        if k == "$b":
            return base64.b64decode(x)
    return v


def schema_versie(db) -> str | None:
    with db.engine.connect() as c:
        return c.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup(db, pad: Path) -> dict[str, int]:
    """Write the whole database to `pad` (gzip JSON). Returns the number of rows per table."""
    tellingen: dict[str, int] = {}
    tabellen: dict[str, list[dict[str, Any]]] = {}
    with db.engine.connect() as c, c.begin():
        if db.soort == "postgresql":
            c.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        versie = c.execute(text("SELECT version_num FROM alembic_version")).scalar()
        for t in Base.metadata.sorted_tables:
            rijen = [
                {k: _naar_json(v) for k, v in r._mapping.items()}
                for r in c.execute(select(t).order_by(*t.primary_key.columns))
            ]
            tabellen[t.name] = rijen
            tellingen[t.name] = len(rijen)
    inhoud = {"formaat": FORMAAT, "schema": versie, "gemaakt": nu().isoformat(), "tabellen": tabellen}
    pad = Path(pad)
    tmp = pad.with_name(pad.name + ".deel")
    tmp.unlink(missing_ok=True)
    # readable for the owner only (0600, whatever the umask): the file holds password and session hashes and the
    # households of the dossiers. Created with that mode, so it is never readable by others, not even for a moment.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as ruw, gzip.GzipFile(fileobj=ruw, mode="wb") as gz:
        gz.write(json.dumps(inhoud, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    os.chmod(tmp, 0o600)
    tmp.replace(pad)
    return tellingen


def herstel(db, pad: Path) -> dict[str, int]:
    """Restore a backup into this database, which must be migrated and empty. Returns the rows per table."""
    with gzip.open(Path(pad), "rt", encoding="utf-8") as f:
        inhoud = json.load(f)
    if inhoud.get("formaat") != FORMAAT:
        raise BackupFout("Dit bestand is geen back-up van kotwijzer.")
    if inhoud.get("schema") != schema_versie(db):
        raise BackupFout(
            f"De back-up hoort bij databaseversie {inhoud.get('schema')}, deze database heeft versie "
            f"{schema_versie(db)}. Herstel met dezelfde versie van kotwijzer."
        )
    tellingen: dict[str, int] = {}
    with db.engine.begin() as c:
        for t in Base.metadata.sorted_tables:
            if c.execute(select(func.count()).select_from(t)).scalar():
                raise BackupFout(f"De database is niet leeg (tabel {t.name}). Herstel alleen in een lege database.")
        for t in Base.metadata.sorted_tables:
            rijen = [{k: _uit_json(v) for k, v in r.items()} for r in inhoud["tabellen"].get(t.name, [])]
            if rijen:
                c.execute(t.insert(), rijen)
            tellingen[t.name] = len(rijen)
            if db.soort == "postgresql":
                for kol in t.primary_key.columns:
                    if isinstance(kol.type.python_type, type) and kol.type.python_type is int and kol.autoincrement:
                        c.execute(
                            text(
                                f"SELECT setval(pg_get_serial_sequence('{t.name}', '{kol.name}'), "
                                f"COALESCE((SELECT MAX({kol.name}) FROM {t.name}), 0) + 1, false)"
                            )
                        )
    return tellingen


def inhoud_van(db) -> dict[str, list[tuple]]:
    """Every row of every table, comparable between databases (for checking a restore)."""
    uit: dict[str, list[tuple]] = {}
    with db.engine.connect() as c:
        for t in Base.metadata.sorted_tables:
            rijen = []
            for r in c.execute(select(t).order_by(*t.primary_key.columns)):
                rij = []
                for kol, v in zip(t.columns, r, strict=True):
                    if isinstance(kol.type, UtcTijd) and v is not None:
                        v = v.astimezone(dt.UTC)
                    rij.append(json.dumps(v, sort_keys=True, default=str) if isinstance(v, (dict, list)) else v)
                rijen.append(tuple(rij))
            uit[t.name] = rijen
    return uit


def opruimen(
    db, dossier_dagen: int = STANDAARD_DOSSIER_DAGEN, audit_dagen: int = STANDAARD_AUDIT_DAGEN, droog: bool = False
) -> dict[str, int]:
    """Apply the retention rules. `droog`: only count. Returns what was (or would be) deleted."""
    t = nu()
    grens_dossier = t - dt.timedelta(days=dossier_dagen)
    grens_audit = t - dt.timedelta(days=audit_dagen)
    uit: dict[str, int] = {}
    with db.sessie() as s:
        oud = list(s.scalars(select(Dossier).where(Dossier.gewijzigd < grens_dossier)))
        uit["dossiers"] = len(oud)
        uit["auditregels"] = (
            s.scalar(select(func.count()).select_from(AuditRegel).where(AuditRegel.tijd < grens_audit)) or 0
        )
        uit["sessies"] = s.scalar(select(func.count()).select_from(Sessie).where(Sessie.verloopt < t)) or 0
        uit["inlogpogingen"] = (
            s.scalar(select(func.count()).select_from(InlogPoging).where(InlogPoging.tijd < time.time() - 24 * 3600))
            or 0
        )
        if droog:
            s.rollback()
            return uit
        for d in oud:
            s.delete(d)  # scenarios and versions go with it (cascade)
            s.add(
                AuditRegel(
                    tijd=t,
                    organisatie_id=d.organisatie_id,
                    gebruiker_id=None,
                    actie="dossier_bewaartermijn_verlopen",
                    object_soort="dossier",
                    object_id=d.id,
                )
            )
        s.execute(delete(AuditRegel).where(AuditRegel.tijd < grens_audit))
        s.execute(delete(Sessie).where(Sessie.verloopt < t))
        s.execute(delete(InlogPoging).where(InlogPoging.tijd < time.time() - 24 * 3600))
    return uit
