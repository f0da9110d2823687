"""Write one section of bench/RESULTS.md, replacing an earlier run of the same benchmark."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def schrijf_sectie(kop: str, tekst: str, pad: Path = RESULTS) -> None:
    """`kop` is the section heading without '## '; `tekst` the body (without the heading)."""
    bestaand = pad.read_text(encoding="utf-8") if pad.exists() else "# Benchmark results\n"
    start = bestaand.find(f"\n## {kop}")
    if start >= 0:
        einde = bestaand.find("\n## ", start + 4)
        bestaand = bestaand[:start] + (bestaand[einde:] if einde >= 0 else "")
    pad.write_text(bestaand.rstrip() + f"\n\n## {kop}\n\n{tekst.strip()}\n", encoding="utf-8")
