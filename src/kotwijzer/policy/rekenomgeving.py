"""Where a policy run computes: the data path every worker reads and the versions that must be equal on the client and
every Dask worker. Used by the single-year run (`microsim`) and the multi-year run (`meerjarig`); imports neither."""

from __future__ import annotations

import os
from pathlib import Path


def versies() -> dict[str, str]:
    """Versions that must be equal on the client and every Dask worker (same code, same law data)."""
    import dask
    import numpy
    import pandas
    import pyarrow

    from kotwijzer import __version__
    from kotwijzer.policy.herkomst import data_hashes

    return {
        "kotwijzer": __version__,
        "numpy": numpy.__version__,
        "pandas": pandas.__version__,
        "pyarrow": pyarrow.__version__,
        "dask": dask.__version__,
        "wetdata": data_hashes()["wetdata"],
    }


class VersieFout(RuntimeError):
    pass


def controleer_versies(client) -> dict[str, dict[str, str]]:
    """Compare `versies()` of this process with every worker; a difference stops the run with a clear message."""
    hier = versies()
    daar = client.run(versies)
    for v in daar.values():
        verschil = {k: (hier[k], v.get(k)) for k in hier if v.get(k) != hier[k]}
        if verschil:
            tekst = "; ".join(f"{k}: hier {a}, op de worker {b}" for k, (a, b) in verschil.items())
            raise VersieFout(
                f"Een Dask-worker heeft een andere versie dan deze computer ({tekst}). Installeer op alle "
                "computers dezelfde versie."
            )
    return daar


def data_pad(pad: str | Path) -> str:
    """The location every worker reads: an absolute path (or a URL with a scheme, passed on unchanged). A relative path
    is resolved against KOTWIJZER_BELEID_DATA when set, else against the working directory of this process."""
    s = str(pad)
    if "://" in s:
        return s
    p = Path(s)
    if not p.is_absolute():
        basis = os.environ.get("KOTWIJZER_BELEID_DATA")
        p = (Path(basis) / p) if basis else p.resolve()
    return str(p)
