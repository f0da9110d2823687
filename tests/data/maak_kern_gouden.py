"""Write tests/data/kern_gouden.npz: a refactoring-equivalence record of the vectorised kernel.

The file holds 20,000 generated households (the input arrays themselves, so the check does not depend on a random
generator's stream) and, for every scenario below, what the kernel computed for them: the yearly totals of
`kern.bereken_totalen` (toeslag and months per household as arrays, the other totals as digests) and a SHA-256 digest of every per-month array of `kern.bereken_batch` (with and
without reasons).

These are NOT expected values of the law: they are the output of the kernel at commit c8e0d22 (main, 2026-12-06),
recorded so that a rewrite of the kernel's numerics for speed can be checked to compute bit for bit the same. The law
itself is tested elsewhere against independent sources (tests/test_bedrag.py, test_aanspraak.py, test_tabellen.py,
test_voorbeelden.py ...). Regenerate only on purpose, when a change of the law's answer is intended, and say so.

Regenerated on 2026-12-06 after main at f40ed2d, on purpose (issue 18 section 4): a month has aanspraak only when a child
may have care in it, and no hours or kosten are counted before a child is born or after a child has left for
secondary school (`uren_gevraagd_cu`, `werkelijke_kosten_e`, `totalen.werkelijke_kosten_cent`,
`totalen.maanden_aanspraak`), and in a year without a maximum uurprijs the first child is the child with the most
hours (Bkot art. 3 lid 2; `eerste_kind`); the record of c8e0d22 differed only there. The speed work (issue 14 section 4) was
checked against the c8e0d22 record before that change.

    .venv/bin/python tests/data/maak_kern_gouden.py
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import numpy as np

HIER = Path(__file__).resolve().parent
BESTAND = HIER / "kern_gouden.npz"
N = 20_000
C = 3


def maak_invoer(n: int = N, seed: int = 20261206) -> dict[str, np.ndarray]:
    """Households that reach every branch of the kernel: every situation bit (also the exceptions, unknown and
    reform-only bits), changes within the year, single parents and relative partners, absent, unborn and too old
    children, all three opvangsoorten and months without care, hours above the monthly cap, prices above the maximum
    uurprijs, unknown incomes (-1), late applications and ended trajecten."""
    from kotwijzer.rules import codes as c

    rng = np.random.default_rng(seed)
    bits = np.array(
        [
            c.A,
            c.B,
            c.C,
            c.E,
            c.F,
            c.G,
            c.H,
            c.I,
            c.J,
            c.KL,
            c.WLZ_PERM,
            c.WLZ_TIJD,
            c.DET_LANG,
            c.DET_KORT,
            c.WT,
            c.BIJSTAND_ZONDER_VOORZIENING,
            c.ONBEKEND,
            c.DET_VOORLOPIG_LANG,
            c.G_OVERIG,
        ],
        dtype=np.uint32,
    )
    gewicht = np.array([30, 2, 4, 1, 3, 3, 2, 2, 4, 2, 3, 2, 2, 2, 3, 3, 2, 2, 3], dtype=float)
    gewicht /= gewicht.sum()

    def situatie(shape: tuple[int, ...]) -> np.ndarray:
        s = bits[rng.choice(len(bits), size=shape, p=gewicht)]
        tweede = rng.random(shape) < 0.15
        s = s | np.where(tweede, bits[rng.integers(0, len(bits), size=shape)], np.uint32(0))
        return np.where(rng.random(shape) < 0.08, np.uint32(0), s).astype(np.uint32)

    # a situation for the year, changed from a random month on for some parents
    sit = situatie((n, 2, 1)).repeat(12, axis=2)
    wissel = rng.integers(0, 24, size=(n, 2, 1))
    sit = np.where(np.arange(12)[None, None, :] >= wissel, situatie((n, 2, 1)), sit).astype(np.uint32)
    heeft_partner = rng.random(n) < 0.7
    sit[~heeft_partner, 1, :] = 0
    bloedverwant = heeft_partner & (rng.random(n) < 0.05)
    werkuren = (rng.integers(0, 200, size=(n, 2, 1)) * 100 + rng.integers(0, 100, size=(n, 2, 1))).repeat(12, axis=2)
    werkuren = np.where(rng.random((n, 2, 12)) < 0.1, 0, werkuren).astype(np.int32)

    k = rng.integers(0, C + 1, size=n)
    bestaat = np.arange(C)[None, :] < k[:, None]
    maand = np.arange(12)[None, None, :]
    geboorte = rng.integers(-12, 6, size=(n, C, 1))  # month of birth in this year (negative: before)
    geboren = maand >= np.where(rng.random((n, C, 1)) < 0.1, geboorte, -1)
    vo_start = np.where(rng.random((n, C, 1)) < 0.05, rng.integers(0, 12, size=(n, C, 1)), 12)
    voor_vo = maand < vo_start
    woont = rng.random((n, C, 1)) < 0.97
    woont = np.where(rng.random((n, C, 12)) < 0.01, ~woont, woont)
    soort = rng.integers(0, 4, size=(n, C, 1)).repeat(12, axis=2)
    soort = np.where(rng.random((n, C, 12)) < 0.1, rng.integers(0, 4, size=(n, C, 12)), soort)
    soort = np.where(bestaat[..., None], soort, 0).astype(np.int8)
    bso_leeftijd = (soort == 2) | ((soort == 3) & (rng.random((n, C, 1)) < 0.4))
    lrk = rng.random((n, C, 12)) < 0.98
    uren = (rng.integers(0, 300, size=(n, C, 1)) * 100 + rng.integers(0, 100, size=(n, C, 1))).repeat(12, axis=2)
    uren = np.where(rng.random((n, C, 12)) < 0.04, rng.integers(0, 300, size=(n, C, 12)) * 100, uren).astype(np.int32)
    prijs = rng.integers(0, 1600, size=(n, C, 1)).repeat(12, axis=2).astype(np.int32)
    inkomen = rng.integers(0, 300_000, size=n).astype(np.int64)
    inkomen = np.where(rng.random(n) < 0.03, -1, inkomen).astype(np.int64)
    inkomen = np.where(rng.random(n) < 0.03, rng.integers(0, 10, size=n) * 1000, inkomen).astype(np.int64)
    eerste_maand = np.where(rng.random(n) < 0.1, rng.integers(0, 13, size=n), 0).astype(np.int8)
    traject = np.where(rng.random((n, 2)) < 0.2, rng.integers(0, 12, size=(n, 2)), -1).astype(np.int8)
    return {
        "sit": sit,
        "werkuren_cu": werkuren,
        "heeft_partner": heeft_partner,
        "bloedverwant": bloedverwant,
        "kind_bestaat": bestaat,
        "geboren": np.broadcast_to(geboren, (n, C, 12)).copy(),
        "voor_vo": np.broadcast_to(voor_vo, (n, C, 12)).copy(),
        "bso_leeftijd": bso_leeftijd,
        "woont": np.broadcast_to(woont, (n, C, 12)).copy(),
        "soort": soort,
        "lrk": lrk,
        "uren_cu": uren,
        "prijs_cent": prijs,
        "inkomen": inkomen,
        "eerste_maand": eerste_maand,
        "traject_einde_maand": traject,
    }


ALLE_SCHAKELAARS = {
    "categorie_c_telt": True,
    "inburgering_alle_activiteiten": True,
    "doorloop_na_traject_maanden": 3,
    "wlz_uitzondering_zonder_voldoende_partner": True,
}


def scenarios() -> dict[str, Any]:
    """Name -> JaarParameters: every modelled year of the law, the five reforms, and all switches at once."""
    from kotwijzer.params import parameters_voor_jaar
    from kotwijzer.policy import hervorming as H

    uit: dict[str, Any] = {f"wet_{j}": (j, lambda j=j: parameters_voor_jaar(j)) for j in range(2021, 2028)}
    for code, h in H.alle().items():
        uit[f"{code}_2024"] = (2024, lambda h=h: H.parameters(h, 2024))
    for j in (2021, 2022, 2026):
        uit[f"schakelaars_{j}"] = (j, lambda j=j: parameters_voor_jaar(j, wijzigingen=ALLE_SCHAKELAARS))
    return uit


UITKOMST_ARRAYS = (
    "aanspraak",
    "reden",
    "kind_ok",
    "kind_bits",
    "uren_gevraagd_cu",
    "uren_na_maandgrens_cu",
    "uren_cu",
    "verloren",
    "prijs_gebruikt_cent",
    "kosten_e",
    "werkelijke_kosten_e",
    "eerste_kind",
    "promille",
    "toeslag_cent",
    "toeslag_bekend",
)
UITKOMST_TEKST = ("tabel_status", "tabel_fout", "prijs_fout")
TOTALEN = (
    "toeslag_cent",
    "kosten_cent",
    "werkelijke_kosten_cent",
    "uren_cu",
    "maanden_aanspraak",
    "kinderen_met_toeslag",
    "toeslag_per_soort_cent",
    "uren_per_soort_cu",
    "bedrag_onbekend",
)
TOTALEN_VOLUIT = ("toeslag_cent", "maanden_aanspraak")


def digest(a: Any) -> str:
    """SHA-256 of an array's values (as int64, so a change of dtype alone does not count), its shape, or of None,
    a string or a dict of arrays."""
    h = hashlib.sha256()
    if a is None:
        h.update(b"None")
    elif isinstance(a, str):
        h.update(a.encode())
    elif isinstance(a, dict):
        for k in sorted(a):
            h.update(k.encode())
            h.update(digest(a[k]).encode())
    else:
        arr = np.asarray(a)
        h.update(str(arr.shape).encode())
        h.update(np.ascontiguousarray(arr.astype(np.int64)).tobytes())
    return h.hexdigest()


def batch(invoer: dict[str, np.ndarray], jaar: int) -> Any:
    from kotwijzer.invoer import Batch

    return Batch(jaar=jaar, **{k: v.copy() for k, v in invoer.items()})


def bereken(invoer: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Everything the kernel gives for these households, per scenario, as flat name -> array (digests as 0-d str)."""
    from kotwijzer.kern import bereken_batch, bereken_totalen
    from kotwijzer.params import OntbrekendeWetgeving

    uit: dict[str, np.ndarray] = {}
    for naam, (jaar, maak) in scenarios().items():
        for redenen in (True, False):
            u = bereken_batch(batch(invoer, jaar), True, maak(), met_redenen=redenen)
            for f in UITKOMST_ARRAYS + UITKOMST_TEKST + ("potjes_cu", "per_ouder"):
                uit[f"{naam}/redenen={redenen}/{f}"] = np.array(digest(getattr(u, f)))
            uit[f"{naam}/redenen={redenen}/uitzondering_lid1"] = np.array([u.uitzondering, u.lid1], dtype=np.int64)
        try:
            t = bereken_totalen(batch(invoer, jaar), params=maak())
        except OntbrekendeWetgeving as e:
            uit[f"{naam}/totalen_fout"] = np.array(str(e))
            continue
        for f in TOTALEN:  # the two most telling per household, the rest as digests (keeps the file small)
            v = np.asarray(getattr(t, f))
            uit[f"{naam}/totalen/{f}"] = v if f in TOTALEN_VOLUIT else np.array(digest(v))
    return uit


def main() -> None:
    invoer = maak_invoer()
    uitkomst = bereken(invoer)
    np.savez_compressed(BESTAND, **{f"invoer/{k}": v for k, v in invoer.items()}, **uitkomst)
    print(f"{BESTAND}: {BESTAND.stat().st_size / 1e6:.1f} MB, {len(uitkomst)} records", file=sys.stderr)


if __name__ == "__main__":
    main()
