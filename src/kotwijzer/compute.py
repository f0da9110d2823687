"""The calculation of one household, as the CLI, the API and the web app call it.

A facade: the work is done in `kotwijzer.berekening` (see its modules); the words in `kotwijzer.explain`.
"""

from kotwijzer.berekening import (
    bereken,
    gemeentelijke_tegemoetkoming,
    uiterste_aanvraagdatum,
    voorschot_vs_definitief,
    voorwaardencheck,
)

__all__ = [
    "bereken",
    "gemeentelijke_tegemoetkoming",
    "uiterste_aanvraagdatum",
    "voorschot_vs_definitief",
    "voorwaardencheck",
]
