"""Engine, sessions and migrations. SQLite file by default (var/kotwijzer.sqlite), PostgreSQL via DATABASE_URL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIES = Path(__file__).parent / "migrations"


def standaard_url() -> str:
    return "sqlite:///var/kotwijzer.sqlite"


def normaliseer_url(url: str) -> str:
    """Accept the usual spellings: postgres://, postgresql:// (psycopg 3 is the driver), sqlite paths."""
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://") :]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def sqlite_synchronous() -> str:
    """SQLite's durability setting: KOTWIJZER_SQLITE_SYNCHRONOUS (FULL, the default, or NORMAL/EXTRA)."""
    w = os.environ.get("KOTWIJZER_SQLITE_SYNCHRONOUS", "FULL").strip().upper()
    return w if w in ("NORMAL", "FULL", "EXTRA") else "FULL"


def maak_engine(url: str) -> Engine:
    url = normaliseer_url(url)
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:" and not u.database.startswith("file:"):
            Path(u.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # hide_parameters: an error message never carries the statement's parameters (e-mail addresses, hashes)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # pragma: no cover - exercised by every SQLite test
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            # FULL: a commit is on disk before it is acknowledged, also across a power failure or OS crash (NORMAL
            # in WAL mode survives a crash of the app, but may lose the last commits when the machine goes down)
            cur.execute(f"PRAGMA synchronous={sqlite_synchronous()}")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def alembic_config(url: str | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIES))
    if url:
        cfg.set_main_option("sqlalchemy.url", normaliseer_url(url).replace("%", "%%"))
    return cfg


def migreer(engine: Engine) -> None:
    """`alembic upgrade head` on this engine."""
    from alembic import command

    cfg = alembic_config()
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return
    # SQLite rebuilds a table to change a constraint: with foreign keys on, dropping the old table would cascade to
    # the rows that refer to it. Off during the migration (outside a transaction, as SQLite requires), checked after.
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            fout = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            conn.commit()
            if fout:
                raise RuntimeError(f"verwijzingen kloppen niet na de migratie ({len(fout)} rijen)")
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()


class Database:
    def __init__(self, url: str | None = None):
        self.url = normaliseer_url(url or os.environ.get("DATABASE_URL") or standaard_url())
        self.engine = maak_engine(self.url)
        self._maker = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def soort(self) -> str:
        return self.engine.dialect.name

    def migreer(self) -> None:
        migreer(self.engine)

    @contextmanager
    def sessie(self) -> Iterator[Session]:
        """One transaction: committed when the block ends normally, rolled back on any error."""
        s = self._maker()
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def sluit(self) -> None:
        self.engine.dispose()

    def logboek_bezwaren(self) -> list[str]:
        """PostgreSQL settings that would let personal data into PostgreSQL's own log: the DETAIL of a refused unique
        key names the key's values (an e-mail address) unless `log_error_verbosity = terse`; the failing statement
        is logged unless `log_min_error_statement` is above ERROR. The application checks for duplicates before it
        inserts, but a race between two requests can still reach the constraint. See docs/web.md."""
        if self.soort != "postgresql":
            return []
        from sqlalchemy import text

        bezwaren = []
        with self.engine.connect() as c:
            if c.execute(text("SELECT current_setting('log_error_verbosity')")).scalar() != "terse":
                bezwaren.append(
                    "log_error_verbosity staat niet op terse: PostgreSQL schrijft de waarden van een "
                    "dubbele sleutel (zoals een e-mailadres) in zijn log"
                )
            if c.execute(text("SELECT current_setting('log_min_error_statement')")).scalar() not in (
                "log",
                "fatal",
                "panic",
            ):
                bezwaren.append(
                    "log_min_error_statement staat lager dan log: PostgreSQL schrijft mislukte opdrachten in zijn log"
                )
        return bezwaren
