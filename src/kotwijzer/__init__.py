"""kotwijzer: de kinderopvangtoeslag als code, met bron bij elke stap."""

__version__ = "0.1.0"
