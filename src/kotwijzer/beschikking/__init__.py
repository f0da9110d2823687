"""The assessment check (beschikking controleren): what a KOT letter of Dienst Toeslagen states, compared line by line
with what the law gives for the same facts; the nabetaling or terugvordering; the bezwaar deadline and a draft
bezwaarschrift. Works for every year; where a table cell is missing, the letter's percentage is checked against the
bounds of kotwijzer.params.grenzen."""

from kotwijzer.beschikking.controle import Controle, controleer
from kotwijzer.beschikking.model import Beschikking, BeschikkingRegel, ControleVerzoek
from kotwijzer.beschikking.termijn import Bezwaartermijn, bezwaartermijn

__all__ = [
    "Beschikking",
    "BeschikkingRegel",
    "Bezwaartermijn",
    "Controle",
    "ControleVerzoek",
    "bezwaartermijn",
    "controleer",
]
