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
    "wko",
    "bkot",
    "awir",
    "pw",
    "wlz",
    "OntbrekendeWettekst",
    "versies",
    "versie_op",
    "tekst",
    "bestaat",
    "bron_info",
    "bronnen",
    "noot",
]
