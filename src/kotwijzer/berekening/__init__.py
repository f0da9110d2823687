"""The calculation for one household: decide, compute and trace KOT month by month.

- `resultaat`: `bereken()`, one household-year from input to `Resultaat`;
- `maanden`: the month and child loop over the kernel's arrays; `condities`: the arbeidseis and the child conditions;
- `urenpotjes`, `ontbrekend`, `termijn` (application deadline), `meldingen` (warnings and assumptions),
  `parameters` (what the kernel read, for the trace);
- `voorwaardencheck`, `voorschot` (voorschot versus definitief), `tegemoetkoming` (Wko art. 1.13);
Its facts are structured signals (`kotwijzer.signalen`), which `kotwijzer.explain.signaaltekst` renders as words.
"""

from kotwijzer.berekening.resultaat import bereken
from kotwijzer.berekening.tegemoetkoming import gemeentelijke_tegemoetkoming
from kotwijzer.berekening.termijn import uiterste_aanvraagdatum
from kotwijzer.berekening.voorschot import voorschot_vs_definitief
from kotwijzer.berekening.voorwaardencheck import voorwaardencheck

__all__ = [
    "bereken",
    "gemeentelijke_tegemoetkoming",
    "uiterste_aanvraagdatum",
    "voorschot_vs_definitief",
    "voorwaardencheck",
]
