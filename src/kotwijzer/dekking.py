"""The coverage registry (src/kotwijzer/dekking.yaml) and its Markdown rendering (docs/dekking.md)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from kotwijzer.params.loader import bron_uit_data

STATUS_TEKST = {"gemodelleerd": "modelled", "vereenvoudigd": "simplified", "niet_gemodelleerd": "not modelled"}


@lru_cache(maxsize=1)
def register() -> list[dict[str, Any]]:
    rows = yaml.safe_load(resources.files("kotwijzer").joinpath("dekking.yaml").read_text(encoding="utf-8"))
    out = []
    for r in rows:
        out.append({**r, "bronnen": [{**bron_uit_data(b).as_dict(), "versie": b["versie"]} for b in r["bron"]]})
    return out


def als_markdown() -> str:
    regels = [
        "# Coverage registry (dekkingsregister)",
        "",
        "Generated from `src/kotwijzer/dekking.yaml` by `kotwijzer dekking --uitvoer docs/dekking.md`; a test keeps the two",
        "in step and checks that every citation exists in the shipped law text of the version named.",
        "",
        "| rule | citation (version) | status | notes |",
        "|---|---|---|---|",
    ]
    for r in register():
        bron = "; ".join(f"{b['citaat']} ({b['versie']})" for b in r["bronnen"])
        toel = " ".join(str(r.get("toelichting", "")).split()).replace("|", "/")
        regels.append(f"| {r['regel']} | {bron} | {STATUS_TEKST[r['status']]} | {toel} |")
    telling = {s: sum(1 for r in register() if r["status"] == s) for s in STATUS_TEKST}
    regels += ["", "Totals: " + ", ".join(f"{STATUS_TEKST[s]} {n}" for s, n in telling.items()) + ".", ""]
    regels += ["## Simplifications outside the legal rules", "", "| part | simplification |", "|---|---|"]
    for v in vereenvoudigingen():
        regels.append(f"| {v['onderdeel']} | {' '.join(str(v['tekst']).split())} |")
    regels.append("")
    return "\n".join(regels)


@lru_cache(maxsize=1)
def vereenvoudigingen() -> list[dict[str, Any]]:
    return yaml.safe_load(resources.files("kotwijzer").joinpath("vereenvoudigingen.yaml").read_text(encoding="utf-8"))
