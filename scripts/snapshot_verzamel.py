"""pytest plugin: record every household that `bereken()` and `voorwaardencheck()` see during a test run.

Used once to build the golden corpus of tests/berekening/test_snapshot_bereken.py (a refactoring-equivalence check):

    KOTWIJZER_SNAPSHOT_UIT=/tmp/invoer.jsonl ./dev test -p scripts.snapshot_verzamel tests/test_x.py ...
    python scripts/snapshot_schrijf.py /tmp/invoer.jsonl

Each line holds the input, the date used as "today" and a digest of the output, so the writer keeps only the inputs
whose output it reproduces outside the test (a test may have set a municipal catalogue of its own).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os

from kotwijzer import compute

_UIT = os.environ.get("KOTWIJZER_SNAPSHOT_UIT", "/tmp/kotwijzer_snapshot_invoer.jsonl")
_bereken = compute.bereken
_check = compute.voorwaardencheck


def _schrijf(regel: dict) -> None:
    with open(_UIT, "a", encoding="utf-8") as f:
        f.write(json.dumps(regel, default=str) + "\n")


def bereken(h, vandaag=None):
    r = _bereken(h, vandaag)
    try:
        from kotwijzer.model import Huishouden

        hh = h if isinstance(h, Huishouden) else Huishouden.model_validate(h)
        _schrijf(
            {
                "soort": "bereken",
                "invoer": hh.model_dump(mode="json", exclude_none=True),
                "vandaag": (r.aanvraagdatum or dt.date.today()).isoformat(),
                "digest": hashlib.sha256(r.model_dump_json().encode()).hexdigest(),
            }
        )
    except Exception:  # noqa: BLE001 - recording never changes what the test sees
        pass
    return r


def voorwaardencheck(data, vandaag=None):
    kopie = copy.deepcopy(data)
    r = _check(data, vandaag)
    try:
        from kotwijzer.model import Huishouden

        if isinstance(kopie, Huishouden):
            kopie = kopie.model_dump(mode="json", exclude_none=True)
        _schrijf(
            {
                "soort": "voorwaardencheck",
                "invoer": json.loads(json.dumps(kopie, default=str)),
                "vandaag": (vandaag or dt.date.today()).isoformat(),
                "digest": hashlib.sha256(r.model_dump_json().encode()).hexdigest(),
            }
        )
    except Exception:  # noqa: BLE001
        pass
    return r


compute.bereken = bereken
compute.voorwaardencheck = voorwaardencheck
