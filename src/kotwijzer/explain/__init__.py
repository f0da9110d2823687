"""Dutch explanations, next steps and warnings, rendered from the trace of a result (deterministic templates)."""
from kotwijzer.explain.stappen import Stap, stappen
from kotwijzer.explain.uitleg import UitlegBlok, uitleg, uitleg_tekst, wettekst

__all__ = ["Stap", "UitlegBlok", "stappen", "uitleg", "uitleg_tekst", "wettekst"]
