"""Database of the professional mode: organisations, users, dossiers, scenarios with versions, audit log."""
from kotwijzer.store.db import Database, migreer, normaliseer_url, standaard_url
from kotwijzer.store.repo import Actor, GeenToegang, NietGevonden, VersieConflict
from kotwijzer.store.validatie import OngeldigeWaarde, elfproef, lijkt_op_bsn

__all__ = [
    "Actor",
    "Database",
    "GeenToegang",
    "NietGevonden",
    "OngeldigeWaarde",
    "VersieConflict",
    "elfproef",
    "lijkt_op_bsn",
    "migreer",
    "normaliseer_url",
    "standaard_url",
]
