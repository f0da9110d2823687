"""The largest valid household (every list at its limit) and a measurement of its cost.

12 children, each with 12 lines of childcare (one per month); aanvrager and partner each with 24 periods that are
split by date within the month, alternating work and study. `.venv/bin/python bench/grootste_invoer.py` prints the
CPU time of POST /api/v1/berekening (in process, through the whole app) for this and the other large shapes.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path


def grootste_huishouden(jaar: int = 2026) -> dict:
    sits = []
    for i in range(24):
        m = i // 2 + 1
        van = dt.date(jaar, m, 1 if i % 2 == 0 else 15)
        tot = dt.date(jaar, m, 14 if i % 2 == 0 else 28)
        p = {
            "situatie": "studie" if i % 3 == 0 else "arbeid",
            "van": van.isoformat(),
            "tot": tot.isoformat(),
            "uren_per_maand": "160",
        }
        if i % 3 == 0:
            p["onderwijs"] = "hbo"
        sits.append(p)
    soorten = ["dagopvang", "buitenschoolse_opvang", "gastouderopvang"]
    kinderen = [
        {
            "geboortedatum": f"{jaar - 1 - (j % 11)}-0{1 + j % 9}-01",
            "opvang": [
                {"maanden": [m], "soort": soorten[m % 3], "uren_per_maand": "230", "uurprijs": "11.50"}
                for m in range(1, 13)
            ],
        }
        for j in range(12)
    ]
    return {
        "berekeningsjaar": jaar,
        "toetsingsinkomen": 30000,
        "aanvrager": {"situaties": sits},
        "partner": {"situaties": sits},
        "kinderen": kinderen,
    }


def met_hele_maanden(jaar: int = 2026) -> dict:
    d = grootste_huishouden(jaar)
    sits = [
        {
            "situatie": s,
            "maanden": list(range(1, 13)),
            "uren_per_maand": "160",
            **({"onderwijs": "hbo"} if s == "studie" else {}),
            **({"voorziening_gericht_op_arbeidsinschakeling": True} if s == "ww_traject" else {}),
        }
        for s in ["arbeid", "studie", "ww_traject", "inburgering"] * 6
    ]
    d["aanvrager"]["situaties"] = sits
    d["partner"]["situaties"] = sits
    return d


def main() -> None:
    import tempfile

    from fastapi.testclient import TestClient

    from kotwijzer.app import create_app
    from kotwijzer.http.rekenpoort import Rekenpoort

    app = create_app(f"sqlite:///{tempfile.mkdtemp()}/b.sqlite", geheim="b", rekenpoort=Rekenpoort(budget=0))
    c = TestClient(app)
    for naam, d in (
        ("grootste", grootste_huishouden()),
        ("hele maanden", met_hele_maanden()),
        ("voorbeeld paar_werkt_2026", json.loads(Path("examples/paar_werkt_2026.json").read_text())),
    ):
        body = json.dumps(d).encode()
        assert (
            c.post("/api/v1/berekening", content=body, headers={"content-type": "application/json"}).status_code == 200
        )
        ts = []
        for _ in range(20):
            t = time.process_time()
            r = c.post("/api/v1/berekening", content=body, headers={"content-type": "application/json"})
            ts.append((time.process_time() - t) * 1000)
        print(
            f"{naam}: {len(body)} bytes in, {len(r.content)} bytes uit; CPU mediaan {statistics.median(ts):.1f} ms, "
            f"max {max(ts):.1f} ms (20 keer)"
        )
    sys.exit(0)


if __name__ == "__main__":
    main()
