"""Write the golden corpus of tests/berekening/test_snapshot_bereken.py from the inputs recorded by scripts/snapshot_verzamel.py.

    python scripts/snapshot_schrijf.py /tmp/invoer.jsonl [tests/data/bereken_corpus.json.gz]

Adds the households in examples/, removes duplicates, and stores for each input the JSON output of the code as it is
now (`bereken()` with its explanation text and next steps, or `voorwaardencheck()`). An input is kept only when this
clean process reproduces the digest the test run recorded (a test may have set a municipal catalogue of its own) and
it names its berekeningsjaar (without one, the year of the day the check runs is used).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import sys
from pathlib import Path

from kotwijzer.compute import bereken, voorwaardencheck
from kotwijzer.explain import stappen, uitleg_tekst
from kotwijzer.model import Huishouden

ROOT = Path(__file__).resolve().parents[1]


def uitvoer(soort: str, invoer: dict, vandaag: dt.date) -> dict:
    if soort == "bereken":
        r = bereken(invoer, vandaag)
        h = Huishouden.model_validate(invoer)
        return {
            "resultaat": json.loads(r.model_dump_json()),
            "uitleg": uitleg_tekst(r),
            "stappen": [[s.titel, s.tekst, s.documenten, s.soort] for s in stappen(h, r, vandaag)],
            "digest": hashlib.sha256(r.model_dump_json().encode()).hexdigest(),
        }
    r2 = voorwaardencheck(invoer, vandaag)
    return {
        "resultaat": json.loads(r2.model_dump_json()),
        "digest": hashlib.sha256(r2.model_dump_json().encode()).hexdigest(),
    }


def main() -> None:
    bron = Path(sys.argv[1])
    doel = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "tests" / "data" / "bereken_corpus.json.gz"
    regels = [json.loads(x) for x in bron.read_text(encoding="utf-8").splitlines() if x.strip()]
    vandaag = "2026-12-06"
    for pad in sorted((ROOT / "examples").glob("*.json")):
        regels.insert(
            0,
            {
                "soort": "bereken",
                "invoer": json.loads(pad.read_text()),
                "vandaag": vandaag,
                "digest": None,
                "naam": f"examples/{pad.name}",
            },
        )
        regels.insert(
            1,
            {
                "soort": "voorwaardencheck",
                "invoer": json.loads(pad.read_text()),
                "vandaag": vandaag,
                "digest": None,
                "naam": f"examples/{pad.name}",
            },
        )
    gezien: set[str] = set()
    corpus = []
    weg = {"dubbel": 0, "niet_herhaalbaar": 0, "geen_jaar": 0, "fout": 0}
    for r in regels:
        sleutel = json.dumps([r["soort"], r["invoer"], r["vandaag"]], sort_keys=True)
        if sleutel in gezien:
            weg["dubbel"] += 1
            continue
        gezien.add(sleutel)
        if "berekeningsjaar" not in r["invoer"]:
            weg["geen_jaar"] += 1
            continue
        try:
            uit = uitvoer(r["soort"], r["invoer"], dt.date.fromisoformat(r["vandaag"]))
        except Exception:  # noqa: BLE001 - inputs a test expected to be refused are not part of the corpus
            weg["fout"] += 1
            continue
        if r["digest"] is not None and uit.pop("digest") != r["digest"]:
            weg["niet_herhaalbaar"] += 1
            continue
        uit.pop("digest", None)
        corpus.append(
            {
                "naam": r.get("naam") or f"{r['soort']} {len(corpus)}",
                "soort": r["soort"],
                "invoer": r["invoer"],
                "vandaag": r["vandaag"],
                **uit,
            }
        )
    doel.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(doel, "wt", encoding="utf-8", compresslevel=9) as f:
        json.dump(corpus, f, ensure_ascii=False, sort_keys=True)
    print(f"{len(corpus)} households written to {doel}; left out: {weg}")


if __name__ == "__main__":
    main()
