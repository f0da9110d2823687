"""kotwijzer: de kinderopvangtoeslag als code, met bron bij elke stap."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kotwijzer")  # one place: pyproject.toml
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+onbekend"
