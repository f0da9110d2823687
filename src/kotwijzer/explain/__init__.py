"""Dutch explanations, next steps and warnings, rendered from the trace of a result (deterministic templates); the
words of every signal of the calculation (`signaaltekst.tekst`)."""

from kotwijzer.explain.signaaltekst import tekst
from kotwijzer.explain.stappen import Stap, stappen
from kotwijzer.explain.uitleg import UitlegBlok, uitleg, uitleg_tekst, wettekst

__all__ = ["Stap", "UitlegBlok", "stappen", "tekst", "uitleg", "uitleg_tekst", "wettekst"]
