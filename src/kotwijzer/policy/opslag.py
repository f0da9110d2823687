"""The population container and its storage: every array of the rules-core `Batch` flattened to Parquet columns,
with a JSON document of metadata in the file (pyarrow, zstd, row groups)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from kotwijzer.invoer import Batch
from kotwijzer.policy.codes import GEWICHT_EENHEID, MAX_KINDEREN, META_SLEUTEL

# Array layout: name -> (axes, dtype). Axes: "h" household, "o" parent (2), "k" child (MAX_KINDEREN), "m" month (12).
BATCH_VELDEN: dict[str, tuple[str, Any]] = {
    "sit": ("hom", np.uint32),
    "werkuren_cu": ("hom", np.int32),
    "heeft_partner": ("h", np.bool_),
    "bloedverwant": ("h", np.bool_),
    "kind_bestaat": ("hk", np.bool_),
    "geboren": ("hkm", np.bool_),
    "voor_vo": ("hkm", np.bool_),
    "bso_leeftijd": ("hkm", np.bool_),
    "woont": ("hkm", np.bool_),
    "soort": ("hkm", np.int8),
    "lrk": ("hkm", np.bool_),
    "uren_cu": ("hkm", np.int32),
    "prijs_cent": ("hkm", np.int32),
    "inkomen": ("h", np.int64),
    "eerste_maand": ("h", np.int8),
    "traject_einde_maand": ("ho", np.int8),
}
EXTRA_VELDEN: dict[str, tuple[str, Any]] = {
    "id": ("h", np.int64),
    "gewicht_e4": ("h", np.int64),
    "n_kinderen": ("h", np.int8),
    "huishoudprofiel": ("h", np.int8),
    "groep": ("h", np.int8),
    "inkomensdeciel": ("h", np.int8),  # deciles of toetsingsinkomen within the population (weighted), 1..10
    "nationaal_deciel": ("h", np.int8),  # approximate national decile (for the checks C10, C18, C19)
    "ouderprofiel": ("ho", np.int8),
    # dated periods per parent (at most two); dates as days since 1970-01-01, -2**31 = none / open
    "p1_situatie": ("ho", np.int8),
    "p1_van": ("ho", np.int32),
    "p1_tot": ("ho", np.int32),
    "p2_situatie": ("ho", np.int8),
    "p2_van": ("ho", np.int32),
    "p2_tot": ("ho", np.int32),
    "geboorte_maand": ("hk", np.int16),  # months since January of the year (negative = earlier); day 15
    "vo_maand": ("hk", np.int16),  # month (same scale) in which voortgezet onderwijs starts (September)
}
VELDEN = {**BATCH_VELDEN, **EXTRA_VELDEN}
GEEN_DATUM = np.int32(-(2**31))


def _shape(assen: str, n: int) -> tuple[int, ...]:
    return tuple({"h": n, "o": 2, "k": MAX_KINDEREN, "m": 12}[a] for a in assen)


def kolomnamen(naam: str) -> list[tuple[str, tuple[int, ...]]]:
    """Flattened Parquet columns of one field, with the index into the array (without the household axis):
    `sit_o0_m00`, `soort_k2_m11`, `traject_einde_maand_o1`, `kind_bestaat_k0`, `inkomen`."""
    assen = VELDEN[naam][0][1:]
    if not assen:
        return [(naam, ())]
    out = []
    for idx in np.ndindex(*_shape(assen, 0)):
        delen = [f"m{i:02d}" if a == "m" else f"{a}{i}" for a, i in zip(assen, idx, strict=True)]
        out.append((naam + "_" + "_".join(delen), idx))
    return out


@dataclass
class Populatie:
    """Households as arrays (one row per household). `data[name]` has the shape given by `VELDEN`."""

    jaar: int
    data: dict[str, np.ndarray]
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return int(self.data["id"].shape[0])

    def deel(self, idx) -> Populatie:
        return Populatie(self.jaar, {k: v[idx] for k, v in self.data.items()}, self.meta)

    def batch(self, idx=None, kinderen: int | None = None) -> Batch:
        """The rules-core `Batch` of (a selection of) the households, with `kinderen` child slots (default all)."""
        k = MAX_KINDEREN if kinderen is None else kinderen
        kw: dict[str, Any] = {}  # keyword arguments of the Batch dataclass
        for naam, (assen, _dtype) in BATCH_VELDEN.items():
            a = self.data[naam]
            if "k" in assen and k < MAX_KINDEREN:
                a = a[:, :k]
            kw[naam] = np.ascontiguousarray(a if idx is None else a[idx])
        return Batch(jaar=self.jaar, **kw)

    def gewicht(self) -> np.ndarray:
        return self.data["gewicht_e4"].astype(np.float64) / GEWICHT_EENHEID

    # --------------------------------------------------------------------------------- parquet
    def naar_parquet(self, pad: str | Path, rijgroep: int = 65_536) -> Path:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pad = Path(pad)
        pad.parent.mkdir(parents=True, exist_ok=True)
        kolommen, namen = [], []
        for naam in VELDEN:
            a = self.data[naam]
            for kol, idx in kolomnamen(naam):
                kolommen.append(pa.array(np.ascontiguousarray(a[(slice(None),) + idx])))
                namen.append(kol)
        tabel = pa.Table.from_arrays(kolommen, names=namen)
        meta = dict(tabel.schema.metadata or {})
        meta[META_SLEUTEL] = json.dumps({"jaar": self.jaar, **self.meta}, ensure_ascii=False, default=str).encode()
        tabel = tabel.replace_schema_metadata(meta)
        pq.write_table(tabel, pad, row_group_size=rijgroep, compression="zstd")
        return pad


def lees_meta(pad: str | Path) -> dict[str, Any]:
    import pyarrow.parquet as pq

    md = pq.ParquetFile(pad).schema_arrow.metadata or {}
    return json.loads(md[META_SLEUTEL].decode())


def rijgroepen(pad: str | Path) -> list[int]:
    """Number of rows per row group of a population file (the unit of partitioning)."""
    import pyarrow.parquet as pq

    f = pq.ParquetFile(pad)
    return [f.metadata.row_group(i).num_rows for i in range(f.num_row_groups)]


def lees_parquet(pad: str | Path, rijgroepen_idx: list[int] | None = None) -> Populatie:
    """Read a population (or some row groups of it) back into arrays."""
    import pyarrow.parquet as pq

    f = pq.ParquetFile(pad)
    meta = lees_meta(pad)
    tabel = f.read_row_groups(rijgroepen_idx) if rijgroepen_idx is not None else f.read()
    n = tabel.num_rows
    data: dict[str, np.ndarray] = {}
    for naam, (assen, dtype) in VELDEN.items():
        a = np.empty(_shape(assen, n), dtype=dtype)
        for kol, idx in kolomnamen(naam):
            col = tabel.column(kol)
            a[(slice(None),) + idx] = col.to_numpy(zero_copy_only=False)
        data[naam] = a
    jaar = int(meta.pop("jaar"))
    return Populatie(jaar, data, meta)


def lees_deel(bron: Populatie | str | Path, deel: slice | list[int]) -> Populatie:
    """One partition of a population: a slice of one in memory, or some row groups of a Parquet file."""
    if isinstance(deel, slice):
        if not isinstance(bron, Populatie):
            raise TypeError("a slice selects households of a population in memory, not of a file")
        return bron.deel(deel)
    if isinstance(bron, Populatie):
        raise TypeError("row groups select households of a Parquet file, not of a population in memory")
    return lees_parquet(bron, deel)
