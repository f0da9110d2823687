"""Yearly law data with sources and status, and the loader that validates it."""

from kotwijzer.params.errors import OngeldigeWetgeving, OntbrekendeWetgeving
from kotwijzer.params.loader import (
    MODELLED_YEARS,
    JaarParameters,
    MaximumUurprijs,
    Tabel,
    beschikbare_tabeljaren,
    maximum_uurprijs,
    overzicht,
    parameters_voor_jaar,
    regelparameters,
    tabel,
    valideer_tabel,
)

__all__ = [
    "MODELLED_YEARS",
    "JaarParameters",
    "MaximumUurprijs",
    "OngeldigeWetgeving",
    "OntbrekendeWetgeving",
    "Tabel",
    "beschikbare_tabeljaren",
    "maximum_uurprijs",
    "overzicht",
    "parameters_voor_jaar",
    "regelparameters",
    "tabel",
    "valideer_tabel",
]
