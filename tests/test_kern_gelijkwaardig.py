"""Refactoring-equivalence check of the vectorised kernel (not a test of the law).

tests/data/kern_gouden.npz holds 20,000 generated households and what the kernel of main at commit c8e0d22
(2026-12-06), before its numerics were rewritten for speed, computed for them in every modelled year 2021-2027, under
the five reforms and with every rule switch on: yearly totals per household and a digest of every per-month array
(aanspraak, reasons, child conditions, hours, pools, prices, kosten, first child, percentages, toeslag). The current
kernel must give bit for bit the same. The expected values are the previous code's output, recorded on purpose for this
comparison only; whether that output is the law is tested against independent sources in test_bedrag, test_aanspraak,
test_tabellen, test_voorbeelden and the policy tests. See tests/data/maak_kern_gouden.py for how the file was made.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

DATA = Path(__file__).resolve().parent / "data"


def _maker():  # the generator script is not a package module; load it by path
    spec = importlib.util.spec_from_file_location("maak_kern_gouden", DATA / "maak_kern_gouden.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def gouden() -> dict[str, np.ndarray]:
    with np.load(DATA / "kern_gouden.npz") as z:
        return {k: z[k] for k in z.files}


@pytest.fixture(scope="module")
def nu(gouden: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    invoer = {k.split("/", 1)[1]: v for k, v in gouden.items() if k.startswith("invoer/")}
    return _maker().bereken(invoer)


def test_zelfde_records(gouden: dict[str, np.ndarray], nu: dict[str, np.ndarray]) -> None:
    verwacht = {k for k in gouden if not k.startswith("invoer/")}
    assert set(nu) == verwacht
    assert len(verwacht) > 700  # 15 scenarios x (2 x 21 digests + totals)


def test_kern_bit_voor_bit_gelijk(gouden: dict[str, np.ndarray], nu: dict[str, np.ndarray]) -> None:
    verschillen = []
    for k, v in nu.items():
        g = gouden[k]
        if g.shape != v.shape or g.dtype.kind != v.dtype.kind or not np.array_equal(g, v):
            if g.ndim == 1 and g.shape == v.shape:
                eerste = int(np.flatnonzero(g != v)[0])
                verschillen.append(f"{k}: huishouden {eerste}: {g[eerste]} -> {v[eerste]}")
            else:
                verschillen.append(k)
    assert not verschillen, "\n".join(verschillen[:40])


def test_totalen_niet_leeg(gouden: dict[str, np.ndarray]) -> None:
    """The record is not vacuous: most scenarios pay toeslag to thousands of households."""
    t = gouden["wet_2026/totalen/toeslag_cent"]
    assert t.shape == (20_000,) and (t > 0).sum() > 5_000
    assert (gouden["wet_2022/totalen/toeslag_cent"] > 0).sum() > 500  # the KGU years
