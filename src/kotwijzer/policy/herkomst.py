"""Provenance of a policy run: code version, package versions, hashes of the law data, targets, assumptions and reform
files, seed. Written into every output (herkomst.json, a sheet in the xlsx, a line under every chart)."""

from __future__ import annotations

import hashlib
import json
import platform
import subprocess
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

PAKKETTEN = ("kotwijzer", "numpy", "pandas", "pyarrow", "dask", "distributed", "matplotlib", "openpyxl", "pyyaml")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _bestanden_hash(paden: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paden, key=lambda p: p.name):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


@cache
def data_hashes() -> dict[str, str]:
    """Hashes of the law data (tables, maximum uurprijzen, rule parameters) and of the shipped policy data."""
    wet = Path(str(resources.files("kotwijzer.params").joinpath("data")))
    beleid = Path(str(resources.files("kotwijzer.policy").joinpath("data")))
    tabellen = sorted((wet / "tabellen").glob("*.csv")) + [wet / "tabellen.yaml"]
    return {
        "wetdata": _bestanden_hash(sorted(wet.rglob("*.yaml")) + sorted(wet.rglob("*.csv"))),
        "tabellen": _bestanden_hash(tabellen),
        "maximum_uurprijzen": _sha((wet / "maximum_uurprijs.yaml").read_bytes()),
        "regelparameters": _sha((wet / "regels.yaml").read_bytes()),
        "kalibratiedoelen": _sha((beleid / "kalibratie_doelen.yaml").read_bytes()),
        "gepubliceerde_cijfers": _sha((beleid / "gepubliceerde_cijfers.yaml").read_bytes()),
    }


def bestand_hash(pad: str | Path | None) -> str | None:
    """sha256 (16 hex) of a local file, such as the population file a run read; None for no file or a URL."""
    if pad is None or "://" in str(pad) or not Path(pad).is_file():
        return None
    h = hashlib.sha256()
    with open(pad, "rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()[:16]


def opdrachtregel() -> str:
    """The command line of the run, as typed (program name without its directory)."""
    import shlex
    import sys

    argv = list(sys.argv) or ["python"]
    argv[0] = Path(argv[0]).name
    return " ".join(shlex.quote(a) for a in argv)


@cache
def git_commit() -> str:
    """The git commit of the source (with '+gewijzigd' when the work tree has changes), or 'onbekend' outside git."""
    map_ = Path(__file__).resolve().parent
    try:
        c = subprocess.run(["git", "rev-parse", "HEAD"], cwd=map_, capture_output=True, text=True, timeout=10)
        if c.returncode != 0:
            return "onbekend (geen git)"
        d = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=map_,
            capture_output=True,
            text=True,
            timeout=10,
        )
        return c.stdout.strip() + ("+gewijzigd" if d.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return "onbekend (geen git)"


def versies() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for p in PAKKETTEN:
        try:
            out[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            out[p] = "niet geinstalleerd"
    return out


def aannames_hash(ruw: dict[str, Any]) -> str:
    return _sha(json.dumps(ruw, sort_keys=True, ensure_ascii=False, default=str).encode())


def herkomst(
    *,
    seed: int | None,
    aannames: dict[str, Any],
    aannames_bron: str,
    hervormingen: list | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything needed to reproduce a result."""
    herv = {}
    for h in hervormingen or []:
        bestand = getattr(h, "bestand", "")
        tekst = (
            json.dumps(h.als_dict(), sort_keys=True, ensure_ascii=False, default=str)
            if hasattr(h, "als_dict")
            else str(h)
        )
        herv[getattr(h, "code", str(h))] = {"bestand": bestand, "sha256": _sha(tekst.encode())}
    return {
        "git_commit": git_commit(),
        "opdrachtregel": opdrachtregel(),
        "versies": versies(),
        "hashes": {**data_hashes(), "aannames": aannames_hash(aannames)},
        "aannames_bron": aannames_bron,
        "hervormingen": herv,
        "seed": seed,
        **(extra or {}),
    }


def regel(h: dict[str, Any]) -> str:
    """One short line for under a chart."""
    commit = str(h.get("git_commit", ""))[:10]
    return (
        f"code {commit}; tabellen {h['hashes']['tabellen'][:8]}; aannames {h['hashes']['aannames'][:8]}; "
        f"startgetal {h.get('seed')}"
    )


# The commit is read once, when the policy code is loaded: a run records the code it actually runs, even when the
# work tree changes while it runs.
git_commit()
