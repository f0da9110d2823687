"""Alembic environment for kotwijzer's database. Run through `kotwijzer.store.db.migreer()`; with the alembic
command line, set DATABASE_URL (or sqlalchemy.url) first."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from kotwijzer.store.models import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    from kotwijzer.store.db import normaliseer_url, standaard_url

    return normaliseer_url(
        config.get_main_option("sqlalchemy.url") or os.environ.get("DATABASE_URL") or standaard_url()
    )


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(_url())
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
