"""Legal sources: citations (`Bron`) and the versioned law texts they resolve to."""

from kotwijzer.wetten.bron import WETTEN, Bron, awir, bkot, pw, wko, wlz
from kotwijzer.wetten.teksten import (
    OntbrekendeWettekst,
    bestaat,
    bron_info,
    bronnen,
    noot,
    tekst,
    versie_op,
    versies,
)

__all__ = [
    "WETTEN",
    "Bron",
    "OntbrekendeWettekst",
    "awir",
    "bestaat",
    "bkot",
    "bron_info",
    "bronnen",
    "noot",
    "pw",
    "tekst",
    "versie_op",
    "versies",
    "wko",
    "wlz",
]
