"""Database of the app: organisations, users, dossiers, scenarios with versions, audit log; the municipal catalogue."""

from kotwijzer.store.catalogus import catalogus_laden, catalogus_opslaan, gemeenten_opslaan
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
    "catalogus_laden",
    "catalogus_opslaan",
    "elfproef",
    "gemeenten_opslaan",
    "lijkt_op_bsn",
    "migreer",
    "normaliseer_url",
    "standaard_url",
]
