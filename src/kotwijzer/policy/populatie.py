"""Synthetic population of Dutch households with children up to 12 (the kinderopvang age), as rules-core arrays.

The generator is seeded and vectorised. It draws, per household: paar or eenouder, the children (birth month, so the
months before voortgezet onderwijs and the BSO age follow), each parent's situations as dated periods (work, bijstand
with an activity of category A/B/C or none, study, inburgering course or other activity, Wlz, detention, WW/AO with a
traject, none), the joint toetsingsinkomen and the childcare each child would use when the household has a right
(opvangsoort, hours, price per month). Which months a period covers, the werkloosheidstermijn after work ends and
whether a detention is longer than three months are decided by the named rules in `kotwijzer.rules.kalender`, with the
year's parameters, exactly as `kotwijzer.invoer.naar_batch` does for one household; `policy.huishouden` rebuilds a
`Huishouden` from a row and a test checks that both give the same `Batch`.

Weights: every household has an integer weight `gewicht_e4` in units of 1/10,000 household (so weighted totals of
integer cents stay exact integers). The weights come from the calibration (`policy.kalibratie`).

Storage: Parquet (pyarrow). Every array of the `Batch` is flattened to columns (`sit_o0_m00` ... `prijs_cent_k3_m11`),
plus the household columns and the dated periods; the file metadata holds a JSON document with seed, year, sizes and
the assumptions used.
"""
from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from kotwijzer.invoer import Batch
from kotwijzer.params import parameters_voor_jaar
from kotwijzer.rules import codes as c
from kotwijzer.rules import kalender

JAREN = (2023, 2024)
MAX_KINDEREN = 4
GEWICHT_EENHEID = 10_000  # gewicht_e4: weight in 1/10,000 household
META_SLEUTEL = b"kotwijzer.populatie"

# ------------------------------------------------------------------------------------------ codes
# Situation of a period (what `policy.huishouden` turns into a `Periode`).
S_GEEN, S_ARBEID, S_BIJSTAND_AB, S_BIJSTAND_C, S_STUDIE, S_INBURGERING, S_INBURGERING_OVERIG = 0, 1, 2, 3, 4, 5, 6
S_WLZ_PERM, S_WLZ_TIJD, S_DETENTIE, S_WW_TRAJECT, S_AO_REINTEGRATIE = 7, 8, 9, 10, 11
PERIODE_BIT = np.zeros(12, dtype=np.uint32)
PERIODE_BIT[[S_ARBEID, S_BIJSTAND_AB, S_BIJSTAND_C, S_STUDIE, S_INBURGERING, S_INBURGERING_OVERIG, S_WLZ_PERM,
             S_WLZ_TIJD, S_WW_TRAJECT, S_AO_REINTEGRATIE]] = [
    c.A, c.C, c.BIJSTAND_ZONDER_VOORZIENING, c.J, c.G, c.G_OVERIG, c.WLZ_PERM, c.WLZ_TIJD, c.H, c.I]
# (detention: DET_LANG or DET_KORT, decided by kalender.langer_dan_maanden)

# Parent profile for the year.
O_GEEN, O_WERK, O_BIJSTAND_A, O_BIJSTAND_B, O_BIJSTAND_C, O_BIJSTAND_GEEN, O_BIJSTAND_ONTHEFFING = 0, 1, 2, 3, 4, 5, 6
O_STUDIE, O_INBURGERING, O_WLZ, O_DETENTIE, O_OVERIGE, O_GEEN_PARTNER = 7, 8, 9, 10, 11, 12
OUDERPROFIELEN = ("geen", "werk", "bijstand_a", "bijstand_b", "bijstand_c", "bijstand_geen", "bijstand_ontheffing",
                  "studie", "inburgering", "wlz", "detentie", "overige", "geen_partner")
BIJSTAND_PROFIELEN = (O_BIJSTAND_A, O_BIJSTAND_B, O_BIJSTAND_C, O_BIJSTAND_GEEN, O_BIJSTAND_ONTHEFFING)

# Doelgroep of the household: the situation that gives (or would give) the right. Used for the breakdowns and for
# non-take-up. Fixed per household (it does not depend on the scenario).
GROEPEN = ("werk", "bijstand_traject", "bijstand_categorie_c", "bijstand_geen_activiteit", "studie", "inburgering",
           "wlz", "detentie", "overige_doelgroep", "geen")
GROEP_TEKST = {
    "werk": "werk",
    "bijstand_traject": "bijstand met traject (categorie A/B)",
    "bijstand_categorie_c": "bijstand met activiteit categorie C",
    "bijstand_geen_activiteit": "bijstand zonder activiteit",
    "studie": "studie",
    "inburgering": "inburgering",
    "wlz": "Wlz-indicatie",
    "detentie": "partner in detentie",
    "overige_doelgroep": "WW of AO met traject",
    "geen": "geen situatie die recht geeft",
}
G = {g: i for i, g in enumerate(GROEPEN)}

# Household profiles: (name, paar, profile parent 0, profile parent 1, groep; None = follows the bijstand activities).
HUISHOUDPROFIELEN: tuple[tuple[str, bool, int, int, str | None], ...] = (
    ("paar_beide_werk", True, O_WERK, O_WERK, "werk"),
    ("paar_werk_geen", True, O_WERK, O_GEEN, "geen"),
    ("paar_werk_studie", True, O_WERK, O_STUDIE, "studie"),
    ("paar_werk_inburgering", True, O_WERK, O_INBURGERING, "inburgering"),
    ("paar_werk_wlz", True, O_WERK, O_WLZ, "wlz"),
    ("paar_werk_detentie", True, O_WERK, O_DETENTIE, "detentie"),
    ("paar_werk_overige", True, O_WERK, O_OVERIGE, "overige_doelgroep"),
    ("paar_bijstand", True, O_BIJSTAND_GEEN, O_BIJSTAND_GEEN, None),
    ("paar_beide_inburgering", True, O_INBURGERING, O_INBURGERING, "inburgering"),
    ("paar_beide_studie", True, O_STUDIE, O_STUDIE, "studie"),
    ("paar_wlz_geen", True, O_WLZ, O_GEEN, "wlz"),
    ("paar_wlz_wlz", True, O_WLZ, O_WLZ, "wlz"),
    ("paar_detentie_geen", True, O_DETENTIE, O_GEEN, "detentie"),
    ("paar_geen_geen", True, O_GEEN, O_GEEN, "geen"),
    ("eenouder_werk", False, O_WERK, O_GEEN_PARTNER, "werk"),
    ("eenouder_bijstand", False, O_BIJSTAND_GEEN, O_GEEN_PARTNER, None),
    ("eenouder_studie", False, O_STUDIE, O_GEEN_PARTNER, "studie"),
    ("eenouder_inburgering", False, O_INBURGERING, O_GEEN_PARTNER, "inburgering"),
    ("eenouder_wlz", False, O_WLZ, O_GEEN_PARTNER, "wlz"),
    ("eenouder_overige", False, O_OVERIGE, O_GEEN_PARTNER, "overige_doelgroep"),
    ("eenouder_geen", False, O_GEEN, O_GEEN_PARTNER, "geen"),
)
HP = {h[0]: i for i, h in enumerate(HUISHOUDPROFIELEN)}

# ------------------------------------------------------------------------------------------ data files


@lru_cache(maxsize=None)
def _yaml(naam: str) -> dict[str, Any]:
    return yaml.safe_load(resources.files("kotwijzer.policy").joinpath("data", naam).read_text(encoding="utf-8"))


# The assumptions in use: the shipped file, another file (`--aannames FILE`) or a dict (one Monte Carlo draw).
# Per thread, so Dask tasks in threads of one worker can each use their own draw.
_LOKAAL = threading.local()
_STANDAARD_BRON = "meegeleverd: policy/data/populatie_aannames.yaml"
# Names of the assumptions read since the last `reset_gelezen()` (a test checks that every assumption is read).
GELEZEN: set[str] = set()


def standaard_aannames_pad() -> Path:
    return Path(str(resources.files("kotwijzer.policy").joinpath("data", "populatie_aannames.yaml")))


def lees_aannames_bestand(pad: str | Path) -> dict[str, Any]:
    """Read and check an assumptions file: same structure as the shipped one (every assumption and non-take-up group
    present, each with a value). A clear Dutch message names what is wrong."""
    pad = Path(pad)
    if not pad.exists():
        raise ValueError(f"Het aannamebestand {pad.name} bestaat niet.")
    try:
        d = yaml.safe_load(pad.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise ValueError(f"Het aannamebestand {pad.name} is geen geldige YAML ({type(e).__name__}).") from None
    basis = _yaml("populatie_aannames.yaml")
    for deel in ("aannames", "niet_gebruik"):
        if not isinstance(d.get(deel), dict):
            raise ValueError(f"Het aannamebestand {pad.name} mist het onderdeel '{deel}'.")
        ontbreekt = sorted(set(basis[deel]) - set(d[deel]))
        if ontbreekt:
            raise ValueError(f"Het aannamebestand {pad.name} mist in '{deel}': {', '.join(ontbreekt)}.")
        onbekend = sorted(set(d[deel]) - set(basis[deel]))
        if onbekend:
            raise ValueError(f"Het aannamebestand {pad.name} heeft onbekende namen in '{deel}': {', '.join(onbekend)}.")
    for naam, a in d["aannames"].items():
        if not isinstance(a, dict) or "waarde" not in a:
            raise ValueError(f"Aanname '{naam}' in {pad.name} heeft geen 'waarde'.")
    for g, a in d["niet_gebruik"].items():
        for v in ("laag", "midden", "hoog"):
            x = a.get(v) if isinstance(a, dict) else None
            if not isinstance(x, (int, float)) or not 0 <= x < 1:
                raise ValueError(f"Niet-gebruik '{g}' in {pad.name}: '{v}' moet een getal van 0 tot 1 zijn.")
    return d


def gebruik_aannames(bron: str | Path | dict[str, Any] | None) -> None:
    """Use another assumptions file (path), a dict with the same structure, or (None) the shipped file again."""
    if bron is None:
        _LOKAAL.aannames, _LOKAAL.bron = None, _STANDAARD_BRON
    elif isinstance(bron, dict):
        _LOKAAL.aannames = bron
        _LOKAAL.bron = bron.get("_bron", "gevarieerd (Monte Carlo of gevoeligheid)")
    else:
        _LOKAAL.aannames, _LOKAAL.bron = lees_aannames_bestand(bron), f"bestand {Path(bron).name}"
        _LOKAAL.aannames["_bron"] = _LOKAAL.bron


@contextmanager
def met_aannames(bron: dict[str, Any]):
    """Use `bron` inside the block only; the assumptions in use before (a file given with --aannames) come back."""
    oud = (getattr(_LOKAAL, "aannames", None), getattr(_LOKAAL, "bron", None))
    gebruik_aannames(bron)
    try:
        yield
    finally:
        _LOKAAL.aannames, _LOKAAL.bron = oud


def ruwe_aannames() -> dict[str, Any]:
    """The whole assumptions document in use (aannames + niet_gebruik)."""
    d = getattr(_LOKAAL, "aannames", None)
    return d if d is not None else _yaml("populatie_aannames.yaml")


def aannames_bron() -> str:
    return getattr(_LOKAAL, "bron", None) or _STANDAARD_BRON


def aannames() -> dict[str, dict[str, Any]]:
    """The assumptions (value, range, reason) in use (default `policy/data/populatie_aannames.yaml`)."""
    return ruwe_aannames()["aannames"]


def niet_gebruik_aannames() -> dict[str, dict[str, Any]]:
    GELEZEN.add("niet_gebruik")
    return ruwe_aannames()["niet_gebruik"]


def kalibratie_doelen() -> dict[str, Any]:
    return _yaml("kalibratie_doelen.yaml")


def reset_gelezen() -> None:
    GELEZEN.clear()


def aanname_waarde(naam: str) -> Any:
    """The value of an assumption in use (and remember that it was read)."""
    GELEZEN.add(naam)
    return aannames()[naam]["waarde"]


def aanname_pad(pad: str, jaar: int) -> float:
    """A number inside an assumption, by a dotted path ('kot_kinderen_groei.dagopvang'; JAAR = `jaar`)."""
    delen = pad.replace("JAAR", str(jaar)).split(".")
    x = aanname_waarde(delen[0])
    for d in delen[1:]:
        x = x[int(d)] if isinstance(x, dict) and d.isdigit() and int(d) in x else x[d]
    return float(x)


def gepubliceerde_cijfers() -> dict[str, Any]:
    """The published figures with their sources (policy/data/gepubliceerde_cijfers.yaml)."""
    return _yaml("gepubliceerde_cijfers.yaml")


def inkomensgrens_2024() -> float:
    """The 2024 toetsingsinkomen that the indexation of the table bounds brings to the 2026 bound of the published
    count of recipients (target K21): EUR 49.319 / (index 2025 x index 2026)."""
    g = gepubliceerde_cijfers()["ontvangers_vanaf_inkomensgrens_2026"]["inkomensgrens_2026"]
    ind = aanname_waarde("meerjarige_indexatie")["inkomen"]
    return float(g) / (float(ind[2025]) * float(ind[2026]))


def _gepubliceerde_basis(afl: dict[str, Any], jaar: int) -> float:
    """Basis of a target derived from a published figure: the figure, grown as another published series
    (`groei_volgens`: latest year over the figure's year) and by a stated yearly factor (`jaarfactor`)."""
    pub = gepubliceerde_cijfers()
    x = float(pub[afl["gepubliceerd"]]["waarde"])
    reeks = afl.get("groei_volgens")
    if reeks:
        jaren = sorted(k for k in pub[reeks] if isinstance(k, int))
        x *= float(pub[reeks][jaren[-1]]) / float(pub[reeks][jaren[0]])
    return x * float((afl.get("jaarfactor") or {}).get(jaar, 1.0))


def doelwaarde(doel: dict[str, Any], jaar: int) -> Any:
    """The value of a calibration target for `jaar`: `waarde`, or, for a target with `afleiding`, basis x the named
    assumptions (so another assumption also moves the target); a basis may come from a published figure
    (`gepubliceerd`, read from gepubliceerde_cijfers.yaml)."""
    afl = doel.get("afleiding")
    if not afl:
        return doel["waarde"][jaar]
    fac = afl.get("factoren") or []
    if isinstance(fac, dict):
        fac = fac.get(jaar, [])
    x = _gepubliceerde_basis(afl, jaar) if "gepubliceerd" in afl else float(afl["basis"][jaar])
    for f in fac:
        x *= aanname_pad(f, jaar)
    return x


# ------------------------------------------------------------------------------------------ container
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
    "nationaal_deciel": ("h", np.int8),  # approximate national decile (for check C10 only)
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
        delen = [f"m{i:02d}" if a == "m" else f"{a}{i}" for a, i in zip(assen, idx)]
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

    def deel(self, idx) -> "Populatie":
        return Populatie(self.jaar, {k: v[idx] for k, v in self.data.items()}, self.meta)

    def batch(self, idx=None, kinderen: int | None = None) -> Batch:
        """The rules-core `Batch` of (a selection of) the households, with `kinderen` child slots (default all)."""
        k = MAX_KINDEREN if kinderen is None else kinderen
        kw = {}
        for naam, (assen, dtype) in BATCH_VELDEN.items():
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


# ------------------------------------------------------------------------------------------ generator
def _maand_datum(jaar: int, t: np.ndarray) -> np.ndarray:
    """First day of month t (months since January of `jaar`) as datetime64[D]."""
    return (np.datetime64(f"{jaar}-01", "M") + np.asarray(t, dtype=np.int64).astype("timedelta64[M]")).astype("datetime64[D]")


def _maand_einde(jaar: int, t: np.ndarray) -> np.ndarray:
    return _maand_datum(jaar, np.asarray(t) + 1) - np.timedelta64(1, "D")


def _dagen(d: np.ndarray) -> np.ndarray:
    """datetime64[D] -> int32 days since epoch (NaT -> GEEN_DATUM)."""
    d = np.asarray(d, dtype="datetime64[D]")
    out = d.astype(np.int64)
    return np.where(np.isnat(d), GEEN_DATUM, out).astype(np.int32)


def _datum(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x)
    return np.where(x == GEEN_DATUM, np.datetime64("NaT", "D"), x.astype("datetime64[D]"))


def maanden_van_periode(van_dagen: np.ndarray, tot_dagen: np.ndarray, jaar: int) -> np.ndarray:
    """Months (bool [..., 12]) in which a stored period counts: the named rule `kalender.maanden_in_periode`."""
    return kalender.maanden_in_periode(_datum(van_dagen), _datum(tot_dagen), jaar)


def situatie_maanden(pop_data: dict[str, np.ndarray], jaar: int) -> tuple[np.ndarray, np.ndarray]:
    """From the dated periods to the situation bits [H,2,12] and traject_einde_maand [H,2], as the input translation
    (`kotwijzer.invoer`) does for one household: month sets, detention length and the werkloosheidstermijn all come
    from `kotwijzer.rules.kalender` with the year's parameters."""
    p = parameters_voor_jaar(jaar)
    n = pop_data["p1_situatie"].shape[0]
    sit = np.zeros((n, 2, 12), dtype=np.uint32)
    traject_einde = np.full((n, 2), -1, dtype=np.int8)
    jan1 = np.datetime64(f"{jaar}-01-01", "D")
    dec31 = np.datetime64(f"{jaar}-12-31", "D")
    for pre in ("p1", "p2"):
        s = pop_data[f"{pre}_situatie"]
        van = _datum(pop_data[f"{pre}_van"])
        tot = _datum(pop_data[f"{pre}_tot"])
        maanden = kalender.maanden_in_periode(van, tot, jaar) & (s > 0)[..., None]
        bits = PERIODE_BIT[s].astype(np.uint32)
        det = s == S_DETENTIE
        if det.any():
            lang = kalender.langer_dan_maanden(van, tot, int(p.detentie_minimale_duur_maanden))
            bits = np.where(det, np.where(lang, np.uint32(c.DET_LANG), np.uint32(c.DET_KORT)), bits).astype(np.uint32)
        sit |= np.where(maanden, bits[..., None], np.uint32(0)).astype(np.uint32)
        # a bijstand traject (Wko 1.6 lid 1 onder c) that ends in the year: its last month, for the doorloop switch
        traj = ((s == S_BIJSTAND_AB) | (s == S_BIJSTAND_C)) & ~np.isnat(tot)
        eind_in_jaar = traj & (tot >= jan1) & (tot <= dec31)
        maand = (tot.astype("datetime64[M]").astype(np.int64) - (jaar - 1970) * 12)
        traject_einde = np.where(eind_in_jaar, np.maximum(traject_einde, maand), traject_einde).astype(np.int8)
    # werkloosheidstermijn (Wko 1.6 lid 5) after work that ends in the year (or the year before) and is not followed by
    # work of the same parent the next day
    for pre in ("p1", "p2"):
        s = pop_data[f"{pre}_situatie"]
        tot = _datum(pop_data[f"{pre}_tot"])
        jaar_tot = tot.astype("datetime64[Y]").astype(np.int64) + 1970
        einde = (s == S_ARBEID) & ~np.isnat(tot) & (jaar_tot >= jaar - 1) & (jaar_tot <= jaar)
        if not einde.any():
            continue
        volgende = tot + np.timedelta64(1, "D")
        gaat_door = np.zeros_like(einde)
        for pre2 in ("p1", "p2"):
            s2 = pop_data[f"{pre2}_situatie"]
            van2 = _datum(pop_data[f"{pre2}_van"])
            tot2 = _datum(pop_data[f"{pre2}_tot"])
            gaat_door |= (s2 == S_ARBEID) & (van2 <= volgende) & (np.isnat(tot2) | (tot2 >= volgende))
        einde &= ~gaat_door
        nat = np.full(tot.shape, np.datetime64("NaT", "D"))
        eind, _ = kalender.werkloosheidstermijn_einde(
            np.where(einde, tot, nat), nat, nat,
            int(p.werkloosheidstermijn_maanden), int(p.zwangerschap_dagen_voor_vermoedelijke_bevalling),
            int(p.zwangerschap_dagen_na_bevalling),
        )
        maanden = kalender.maanden_in_periode(np.where(einde, volgende, nat), eind, jaar)
        nieuw = maanden & ((sit & (c.A | c.B)) == 0)
        sit = np.where(nieuw, sit | np.uint32(c.WT), sit).astype(np.uint32)
    return sit, traject_einde


def kind_maanden(geboorte_maand: np.ndarray, vo_maand: np.ndarray, jaar: int) -> dict[str, np.ndarray]:
    """Per child and month: born, before voortgezet onderwijs, BSO age (the month after the 4th birthday), from the
    birth date (day 15 of the birth month) and the month voortgezet onderwijs starts, as `kotwijzer.invoer` derives
    them from a `Kind`."""
    eerste = kalender.maand_begin(jaar)[:-1]  # [12]
    eind = kalender.maand_begin(jaar)[1:] - np.timedelta64(1, "D")
    geb = _maand_datum(jaar, geboorte_maand) + np.timedelta64(14, "D")
    vier = _maand_datum(jaar, geboorte_maand + 48) + np.timedelta64(14, "D")
    vo = _maand_datum(jaar, vo_maand)
    return {
        "geboren": geb[..., None] <= eind,
        "voor_vo": eerste < vo[..., None],
        "bso_leeftijd": eerste > vier[..., None],
    }


def _kies(rng: np.random.Generator, kansen: np.ndarray, n: int) -> np.ndarray:
    kansen = np.asarray(kansen, dtype=np.float64)
    return np.searchsorted(np.cumsum(kansen / kansen.sum()), rng.random(n), side="right").clip(0, len(kansen) - 1)


def huishoudprofiel_kansen(jaar: int = 2024) -> tuple[np.ndarray, np.ndarray]:
    """Start probabilities of the household profiles (separately for paar and eenouder), from the assumptions."""
    start = aanname_waarde("huishoudens_start")
    P, E = float(start["paar"]), float(start["eenouder"])
    wp = aanname_waarde("werkpatroon_paren")
    doelen = {dl["maat"]: dl for dl in kalibratie_doelen()["doelen"]}
    bijstand_een = float(doelwaarde(doelen["bijstand_eenouder"], jaar))
    bijstand_paar = float(doelwaarde(doelen["bijstand_paar"], jaar))
    inb = float(aanname_waarde("inburgering_huishoudens"))
    stu = float(aanname_waarde("studenten_huishoudens"))
    wlz = float(aanname_waarde("wlz_huishoudens"))
    det = float(aanname_waarde("detentie_huishoudens"))
    ovr = float(aanname_waarde("overige_doelgroep_huishoudens"))
    v = aanname_waarde("verdeling_kleine_doelgroepen")
    aantal = {
        "paar_werk_inburgering": v["inburgering"]["paar_werk"] * inb,
        "paar_beide_inburgering": v["inburgering"]["paar_beide"] * inb,
        "eenouder_inburgering": v["inburgering"]["eenouder"] * inb,
        "paar_werk_studie": v["studie"]["paar_werk"] * stu,
        "paar_beide_studie": v["studie"]["paar_beide"] * stu,
        "eenouder_studie": v["studie"]["eenouder"] * stu,
        "paar_werk_wlz": v["wlz"]["paar_werk"] * wlz,
        "paar_wlz_wlz": v["wlz"]["paar_beide_wlz"] * wlz,
        "paar_wlz_geen": v["wlz"]["paar_geen"] * wlz,
        "eenouder_wlz": v["wlz"]["eenouder"] * wlz,
        "paar_werk_detentie": v["detentie"]["paar_werk"] * det,
        "paar_detentie_geen": v["detentie"]["paar_geen"] * det,
        "paar_werk_overige": v["overige"]["paar_werk"] * ovr,
        "eenouder_overige": v["overige"]["eenouder"] * ovr,
        "paar_bijstand": bijstand_paar,
        "eenouder_bijstand": bijstand_een,
        "paar_beide_werk": wp["beide_werken"] * P,
        "eenouder_werk": float(aanname_waarde("eenouder_werkt")) * E,
    }
    een = [k for k in ("paar_werk_inburgering", "paar_werk_studie", "paar_werk_wlz", "paar_werk_detentie", "paar_werk_overige")]
    geen = [k for k in ("paar_bijstand", "paar_beide_inburgering", "paar_beide_studie", "paar_wlz_geen", "paar_wlz_wlz",
                        "paar_detentie_geen")]
    aantal["paar_werk_geen"] = max(wp["een_werkt"] * P - sum(aantal[k] for k in een), 0.0)
    aantal["paar_geen_geen"] = max(wp["geen_werkt"] * P - sum(aantal[k] for k in geen), 0.0)
    eenouder = [h[0] for h in HUISHOUDPROFIELEN if not h[1]]
    aantal["eenouder_geen"] = max(E - sum(aantal.get(k, 0.0) for k in eenouder if k != "eenouder_geen"), 0.0)
    paar_k = np.array([aantal.get(h[0], 0.0) if h[1] else 0.0 for h in HUISHOUDPROFIELEN])
    een_k = np.array([aantal.get(h[0], 0.0) if not h[1] else 0.0 for h in HUISHOUDPROFIELEN])
    return paar_k / paar_k.sum(), een_k / een_k.sum()


def generate(n: int, jaar: int = 2024, seed: int = 2024) -> Populatie:
    """Draw `n` households for `jaar` (uncalibrated: every household has the same start weight)."""
    if jaar not in JAREN:
        raise ValueError(
            f"Een populatie kan alleen voor {', '.join(map(str, JAREN))} worden gemaakt: alleen voor die jaren zijn er "
            "kalibratiedoelen en een tabel met percentages."
        )
    if n < 1:
        raise ValueError("Het aantal huishoudens moet minstens 1 zijn.")
    rng = np.random.default_rng(np.random.SeedSequence([seed, jaar]))
    # --- household type and youngest child ---------------------------------------------------------
    p_jong = float(aanname_waarde("aandeel_jongste_0_5"))
    kk = aanname_waarde("kleine_kansen")
    start = aanname_waarde("huishoudens_start")
    p_nieuw = float(aanname_waarde("geboortes_in_jaar")) * float(kk["eerste_kind_in_jaar"]) / (float(start["paar"]) + float(start["eenouder"]))
    klasse = _kies(rng, [p_nieuw, p_jong - p_nieuw, 1 - p_jong], n)  # 0 born in year, 1 youngest 0-5, 2 youngest 6-12
    eenouder_kans = np.where(klasse == 2, float(aanname_waarde("aandeel_eenouder_jongste_6_12")), float(aanname_waarde("aandeel_eenouder_jongste_0_5")))
    paar = rng.random(n) >= eenouder_kans
    # --- parents ---------------------------------------------------------------------------------
    kp, ke = huishoudprofiel_kansen(jaar)
    hp = np.where(paar, _kies(rng, kp, n), _kies(rng, ke, n)).astype(np.int8)
    prof_tab = np.array([[h[2], h[3]] for h in HUISHOUDPROFIELEN], dtype=np.int8)
    prof = prof_tab[hp].copy()  # [n,2]
    # bijstand: activity per parent
    act = aanname_waarde("bijstand_activiteit")
    act_kansen = np.array([act["categorie_a"], act["categorie_b"], act["categorie_c"], act["geen_activiteit"], act["ontheffing"]])
    act_codes = np.array(BIJSTAND_PROFIELEN, dtype=np.int8)
    paar_fac = float(aanname_waarde("bijstand_activiteit_paar_factor"))
    act_kansen_paar = act_kansen * np.array([paar_fac, paar_fac, paar_fac, 1.0, 1.0])
    act_kansen_paar[3] += 1.0 - act_kansen_paar.sum()  # the rest: no activity
    for o in (0, 1):
        bij = prof[:, o] == O_BIJSTAND_GEEN
        keuze = np.where(paar, _kies(rng, act_kansen_paar, n), _kies(rng, act_kansen, n))
        prof[:, o] = np.where(bij, act_codes[keuze], prof[:, o])
    # --- children ------------------------------------------------------------------------------------
    verd = aanname_waarde("aantal_kinderen_tot_12")
    kans_jong = np.array([verd["jongste_0_5"][i] for i in range(1, 5)])
    kans_oud = np.array([verd["jongste_6_12"][i] for i in range(1, 5)])
    n_kind = np.where(klasse == 2, _kies(rng, kans_oud, n), _kies(rng, kans_jong, n)) + 1
    bij_kans = np.array([verd["bijstand"][i] for i in range(1, 5)])
    n_kind = np.where(np.isin(prof, BIJSTAND_PROFIELEN).any(axis=1), _kies(rng, bij_kans, n) + 1, n_kind)
    laagste = -(13 * 12) + 9  # October of year-13: the oldest birth month still in primary school in January
    jongste = np.where(
        klasse == 0, rng.integers(0, 12, n),
        np.where(klasse == 1, rng.integers(-72, 0, n), rng.integers(laagste, -72, n)),
    )
    geboorte = np.full((n, MAX_KINDEREN), np.iinfo(np.int16).min, dtype=np.int64)
    geboorte[:, 0] = jongste
    gem = float(aanname_waarde("tussenpoos_broers_zussen_maanden"))
    for k in range(1, MAX_KINDEREN):
        gap = 12 + rng.gamma(2.0, (gem - 12) / 2.0, n)
        geboorte[:, k] = geboorte[:, k - 1] - np.ceil(gap).astype(np.int64)
    bestaat = (np.arange(MAX_KINDEREN)[None, :] < n_kind[:, None]) & (geboorte >= laagste)
    n_kind = bestaat.sum(axis=1)
    geboorte = np.where(bestaat, geboorte, 0)
    # school cohort: born October-December starts school a year later; voortgezet onderwijs in September of cohort+12
    geb_jaar = jaar + np.floor_divide(geboorte, 12)
    geb_mnd = np.mod(geboorte, 12)  # 0 = January
    cohort = geb_jaar + (geb_mnd >= 9)
    vo = (cohort + 12 - jaar) * 12 + 8
    vo = np.where(bestaat, vo, 0)

    # random order of the two parents in a couple (the aanvrager is not always the one who works)
    wissel = paar & (rng.random(n) < float(kk["aanvrager_werkt_niet"]))
    prof[wissel] = prof[wissel][:, ::-1]
    groep = np.array([G[h[4]] if h[4] is not None else -1 for h in HUISHOUDPROFIELEN], dtype=np.int8)[hp]
    bij_hh = groep < 0
    ab = np.isin(prof, (O_BIJSTAND_A, O_BIJSTAND_B))
    cc = prof == O_BIJSTAND_C
    afwezig = prof == O_GEEN_PARTNER
    alle_abc = np.all(ab | cc | afwezig, axis=1)
    groep = np.where(bij_hh & alle_abc & ~cc.any(axis=1), G["bijstand_traject"], groep)
    groep = np.where(bij_hh & alle_abc & cc.any(axis=1), G["bijstand_categorie_c"], groep)
    groep = np.where(groep < 0, G["bijstand_geen_activiteit"], groep).astype(np.int8)

    # dated periods per parent
    p1_s = np.zeros((n, 2), np.int8)
    p2_s = np.zeros((n, 2), np.int8)
    nat = np.datetime64("NaT", "D")
    p1_van = np.full((n, 2), nat)
    p1_tot = np.full((n, 2), nat)
    p2_van = np.full((n, 2), nat)
    p2_tot = np.full((n, 2), nat)
    voor_jaar = np.datetime64(f"{jaar - 2}-01-01", "D")

    def rnd(shape=(n, 2)):
        return rng.random(shape)

    m_eind = rng.integers(0, 11, (n, 2))  # month in which something ends (0..10)
    m_start = rng.integers(1, 12, (n, 2))  # month in which something starts (1..11)
    # work: all year, ends in the year (werkloosheidstermijn follows), or starts in the year
    werk = prof == O_WERK
    stopt = werk & (rnd() < float(aanname_waarde("werk_stopt")))
    begint = werk & ~stopt & (rnd() < float(aanname_waarde("werk_begint")))
    p1_s = np.where(werk, S_ARBEID, p1_s)
    p1_van = np.where(werk, np.where(begint, _maand_datum(jaar, m_start), voor_jaar), p1_van)
    p1_tot = np.where(stopt, _maand_einde(jaar, m_eind), p1_tot)
    # bijstand with a traject (categorie A/B): may end in the year; afterwards no activity or work
    traject = np.isin(prof, (O_BIJSTAND_A, O_BIJSTAND_B))
    t_eind = traject & (rnd() < float(aanname_waarde("traject_eindigt_in_jaar")))
    p1_s = np.where(traject, S_BIJSTAND_AB, p1_s)
    p1_van = np.where(traject, voor_jaar, p1_van)
    p1_tot = np.where(t_eind, _maand_einde(jaar, m_eind), p1_tot)
    naar_werk = t_eind & (rnd() < float(aanname_waarde("werk_na_traject")))
    p2_s = np.where(naar_werk, S_ARBEID, p2_s)
    p2_van = np.where(naar_werk, _maand_datum(jaar, m_eind + 1), p2_van)
    # bijstand with an activity in categorie C (all year)
    cat_c = prof == O_BIJSTAND_C
    p1_s = np.where(cat_c, S_BIJSTAND_C, p1_s)
    p1_van = np.where(cat_c, voor_jaar, p1_van)
    # study
    stu = prof == O_STUDIE
    p1_s = np.where(stu, S_STUDIE, p1_s)
    p1_van = np.where(stu, voor_jaar, p1_van)
    # inburgering: course all year, course then other activities, or only other activities
    inb = prof == O_INBURGERING
    ia = aanname_waarde("inburgering_activiteit")
    soort_inb = _kies(rng, [ia["alleen_cursus"], ia["cursus_dan_overig"], ia["alleen_overig"]], n * 2).reshape(n, 2)
    k_wissel = rng.integers(1, 10, (n, 2))
    p1_s = np.where(inb, np.where(soort_inb == 2, S_INBURGERING_OVERIG, S_INBURGERING), p1_s)
    p1_van = np.where(inb, voor_jaar, p1_van)
    dan_overig = inb & (soort_inb == 1)
    p1_tot = np.where(dan_overig, _maand_einde(jaar, k_wissel), p1_tot)
    p2_s = np.where(dan_overig, S_INBURGERING_OVERIG, p2_s)
    p2_van = np.where(dan_overig, _maand_datum(jaar, k_wissel + 1), p2_van)
    # Wlz: permanent (all year) or temporary (6 to 12 months)
    wlz = prof == O_WLZ
    tijd = wlz & (rnd() < float(kk["wlz_tijdelijk"]))
    w_start = rng.integers(0, 7, (n, 2))
    w_len = rng.integers(6, 13, (n, 2))
    p1_s = np.where(wlz, np.where(tijd, S_WLZ_TIJD, S_WLZ_PERM), p1_s)
    p1_van = np.where(wlz, np.where(tijd, _maand_datum(jaar, w_start), voor_jaar), p1_van)
    p1_tot = np.where(tijd & (w_start + w_len < 12), _maand_einde(jaar, w_start + w_len - 1), p1_tot)
    # detention: a sentence of d months overlapping the year; longer than three months in 45% of cases
    det = prof == O_DETENTIE
    lang = rnd() < float(kk["detentie_langer_dan_drie_maanden"])
    duur = np.where(lang, rng.integers(4, 37, (n, 2)), rng.integers(1, 4, (n, 2)))
    in_maand = rng.integers(0, 12, (n, 2))
    begin_t = in_maand - rng.integers(0, duur)  # rng.integers(0, duur) < duur
    p1_s = np.where(det, S_DETENTIE, p1_s)
    p1_van = np.where(det, _maand_datum(jaar, begin_t), p1_van)
    p1_tot = np.where(det, _maand_einde(jaar, begin_t + duur - 1), p1_tot)
    # WW or arbeidsongeschiktheid with a traject (onderdeel h or i)
    ovr = prof == O_OVERIGE
    p1_s = np.where(ovr, np.where(rnd() < float(kk["ww_in_plaats_van_ao"]), S_WW_TRAJECT, S_AO_REINTEGRATIE), p1_s)
    p1_van = np.where(ovr, voor_jaar, p1_van)

    data: dict[str, np.ndarray] = {
        "id": np.arange(n, dtype=np.int64),
        "gewicht_e4": np.zeros(n, np.int64),
        "n_kinderen": n_kind.astype(np.int8),
        "huishoudprofiel": hp,
        "groep": groep,
        "inkomensdeciel": np.zeros(n, np.int8),
        "nationaal_deciel": np.zeros(n, np.int8),
        "ouderprofiel": prof.astype(np.int8),
        "p1_situatie": p1_s.astype(np.int8),
        "p1_van": _dagen(p1_van),
        "p1_tot": _dagen(p1_tot),
        "p2_situatie": p2_s.astype(np.int8),
        "p2_van": _dagen(p2_van),
        "p2_tot": _dagen(p2_tot),
        "geboorte_maand": geboorte.astype(np.int16),
        "vo_maand": vo.astype(np.int16),
        "heeft_partner": paar,
        "bloedverwant": np.zeros(n, bool),
        "eerste_maand": np.zeros(n, np.int8),
        "werkuren_cu": np.zeros((n, 2, 12), np.int32),
        "kind_bestaat": bestaat,
    }
    sit, traject_einde = situatie_maanden(data, jaar)
    data["sit"] = sit
    data["traject_einde_maand"] = traject_einde

    # --- income -----------------------------------------------------------------------------------
    data["inkomen"] = _inkomen(rng, jaar, hp, prof)

    # --- children: months, and the childcare they would use with a right ---------------------------
    km = kind_maanden(geboorte, vo, jaar)
    for k, v in km.items():
        data[k] = v & bestaat[..., None]
    data["woont"] = np.repeat(bestaat[..., None], 12, axis=2)
    data["lrk"] = np.ones((n, MAX_KINDEREN, 12), bool)
    soort, uren, prijs = _opvang(rng, jaar, data, groep, geboorte, bestaat)
    data["soort"], data["uren_cu"], data["prijs_cent"] = soort, uren, prijs

    start = aanname_waarde("huishoudens_start")
    totaal = float(start["paar"]) + float(start["eenouder"])
    data["gewicht_e4"] = np.full(n, int(round(totaal / n * GEWICHT_EENHEID)), np.int64)
    meta = {"seed": seed, "aantal": n, "gekalibreerd": False}
    return Populatie(jaar, data, meta)


def _inkomen(rng: np.random.Generator, jaar: int, hp: np.ndarray, prof: np.ndarray) -> np.ndarray:
    n = hp.shape[0]
    idx = float(aanname_waarde("loonindex_2020")[jaar])
    fac_jaar = idx / float(aanname_waarde("loonindex_2020")[2024])
    # inkomen_mediaan is CBS primair inkomen (2020 prices); the toetsingsinkomen is a share of it
    fac_ti = float(aanname_waarde("toetsingsinkomen_factor"))
    med = {k: float(v) * fac_ti for k, v in aanname_waarde("inkomen_mediaan").items()}
    sig = aanname_waarde("inkomen_spreiding")
    zw = aanname_waarde("inkomen_zonder_werk")
    werkt = prof == O_WERK
    n_werk = werkt.sum(axis=1)
    paar = np.array([h[1] for h in HUISHOUDPROFIELEN])[hp]
    z = rng.standard_normal(n)
    ink = np.zeros(n)
    twee = paar & (n_werk == 2)
    een = paar & (n_werk == 1)
    e_w = ~paar & (n_werk == 1)
    ink = np.where(twee, med["paar_twee_werkenden"] * idx * np.exp(sig["paar_twee_werkenden"] * z), ink)
    ink = np.where(een, med["paar_een_werkende"] * idx * np.exp(sig["paar_een_werkende"] * z), ink)
    ink = np.where(e_w, med["eenouder_werkt"] * idx * np.exp(sig["eenouder_werkt"] * z), ink)
    ruis = np.exp(0.07 * rng.standard_normal(n))
    geen_werk = n_werk == 0
    bijstand = np.isin(prof, BIJSTAND_PROFIELEN).any(axis=1)
    studie = (prof == O_STUDIE).any(axis=1)
    inb = (prof == O_INBURGERING).any(axis=1)
    basis = np.where(
        bijstand | inb, np.where(paar, zw["paar_bijstand"], zw["eenouder_bijstand"]),
        np.where(studie, np.where(paar, zw["student_paar"], zw["student_eenouder"]), zw["overig"]),
    )
    ink = np.where(geen_werk, basis * fac_jaar * ruis, ink)
    return np.maximum(np.rint(ink), 0).astype(np.int64)


def _opvang(rng, jaar, data, groep, geboorte, bestaat):
    """Childcare per child and month (soort, hours in hundredths, price in cents) that the household uses when it has
    a right. Static: reforms change the right, not this use."""
    n = groep.shape[0]
    K = MAX_KINDEREN
    gebr = aanname_waarde("gebruik_opvang_bij_recht")
    fac_tab = aanname_waarde("gebruik_factor_doelgroep")
    groep_fac = {
        "werk": fac_tab["werk"], "bijstand_traject": fac_tab["bijstand"], "bijstand_categorie_c": fac_tab["bijstand"],
        "bijstand_geen_activiteit": fac_tab["bijstand"], "studie": fac_tab["studie"], "inburgering": fac_tab["inburgering"],
        "wlz": fac_tab["wlz"], "detentie": fac_tab["detentie"], "overige_doelgroep": fac_tab["overige"], "geen": fac_tab["geen"],
    }
    fac = np.array([groep_fac[g] for g in GROEPEN])[groep][:, None]  # [n,1]
    # more formal childcare at higher incomes: factor rising linearly with the income rank within paar / eenouder
    gr_ink = aanname_waarde("gebruik_inkomensgradient")
    rang = np.zeros(n)
    for sel in (data["heeft_partner"], ~data["heeft_partner"]):
        idx = np.flatnonzero(sel)
        if idx.size:
            rang[idx[np.argsort(data["inkomen"][idx], kind="stable")]] = (np.arange(idx.size) + 0.5) / idx.size
    fac = fac * (float(gr_ink["laagste"]) + (float(gr_ink["hoogste"]) - float(gr_ink["laagste"])) * rang)[:, None]
    leeftijd = np.where(geboorte >= 0, -1, (-geboorte - 1) // 12)  # age on 1 January; -1 = born in the year
    dag_kans = np.array([gebr["dagopvang_leeftijd"].get(a, 0.0) for a in range(0, 4)])
    bso_kans = np.array([gebr["bso_leeftijd"].get(a, 0.0) for a in range(0, 13)])
    p_dag = np.where(leeftijd <= 3, dag_kans[np.clip(leeftijd, 0, 3)], 0.0) * fac
    p_bso = np.where(leeftijd >= 4, bso_kans[np.clip(leeftijd, 0, 12)], bso_kans[4]) * fac
    go = aanname_waarde("gastouder_aandeel")
    dv = aanname_waarde("opvang_deel_van_jaar")
    u_dag = (rng.random((n, K)) < np.clip(p_dag, 0, 1)) & bestaat
    go_dag = rng.random((n, K)) < float(go["dagopvang_leeftijd"])
    # BSO phase: a child that used dagopvang this year continues with probability gaat_naar_bso
    vervolg = rng.random((n, K))
    u_bso = np.where(leeftijd <= 3, np.where(u_dag, vervolg < float(dv["gaat_naar_bso"]), vervolg < float(dv["bso_zonder_dagopvang"]) * p_bso),
                     rng.random((n, K)) < np.clip(p_bso, 0, 1)) & bestaat
    go_bso = np.where(u_dag & go_dag, rng.random((n, K)) < float(go["blijft_bij_gastouder"]),
                      rng.random((n, K)) < float(go["bso_leeftijd"]))
    maand = np.arange(12)[None, None, :]
    start_zuigeling = geboorte[..., None] + int(dv["start_na_geboorte_maanden"])
    dag_fase = data["geboren"] & ~data["bso_leeftijd"] & (maand >= start_zuigeling)
    bso_fase = data["bso_leeftijd"] & data["voor_vo"]
    # part of the year: starts later / stops earlier
    begint = rng.random((n, K)) < float(dv["begint_later"])
    stopt = rng.random((n, K)) < float(dv["stopt_eerder"])
    s_m = rng.integers(1, 12, (n, K))
    e_m = rng.integers(0, 11, (n, K))
    actief = ((~begint[..., None]) | (maand >= s_m[..., None])) & ((~stopt[..., None]) | (maand <= e_m[..., None]))
    in_dag = dag_fase & u_dag[..., None] & actief
    in_bso = bso_fase & u_bso[..., None] & actief
    soort = np.zeros((n, K, 12), np.int8)
    soort = np.where(in_dag, np.where(go_dag[..., None], 3, 1), soort)
    soort = np.where(in_bso, np.where(go_bso[..., None], 3, 2), soort).astype(np.int8)
    # some children change between a kindercentrum and a gastouder during the year
    wissel = rng.random((n, K)) < float(dv["wisselt_van_soort"])
    w_m = rng.integers(1, 12, (n, K))
    na = wissel[..., None] & (maand >= w_m[..., None]) & (soort > 0)
    ander = np.where(soort == 3, np.where(in_dag, 1, 2), 3)
    soort = np.where(na, ander, soort).astype(np.int8)
    # hours: gamma with coefficient of variation 0.40, at most 230 per month, whole hours
    um = aanname_waarde("uren_per_maand")
    gr = float(aanname_waarde("uren_groei")[jaar])
    vorm = 1 / 0.40**2

    def uren(gem):
        return np.clip(np.rint(rng.gamma(vorm, gem * gr / vorm, (n, K))), 4, 230)

    u_d, u_b, u_gd, u_gb = uren(um["dagopvang"]), uren(um["buitenschoolse_opvang"]), uren(um["gastouder_dagopvang"]), uren(um["gastouder_bso"])
    # prices: lognormal around the year's average, spread 7%, in cents
    pr = aanname_waarde("uurprijs")[jaar]

    def prijs(gem):
        return np.rint(gem * 100 * np.exp(0.07 * rng.standard_normal((n, K)) - 0.5 * 0.07**2))

    pr_d, pr_b, pr_g = prijs(pr["dagopvang"]), prijs(pr["buitenschoolse_opvang"]), prijs(pr["gastouderopvang"])
    # per child-month category: 0 none, 1 dagopvang, 2 BSO, 3 gastouder (dagopvang age), 4 gastouder (BSO age)
    cat = np.where(soort == 3, np.where(in_dag, 3, 4), soort).astype(np.intp)
    nul = np.zeros((n, K))
    uren_tab = (np.stack([nul, u_d, u_b, u_gd, u_gb], axis=2) * 100).astype(np.int32)
    prijs_tab = np.stack([nul, pr_d, pr_b, pr_g, pr_g], axis=2).astype(np.int32)
    return soort, np.take_along_axis(uren_tab, cat, axis=2), np.take_along_axis(prijs_tab, cat, axis=2)


def leeftijd_op_1_januari(geboorte_maand: np.ndarray) -> np.ndarray:
    """Age in whole years on 1 January of the year (-1 = born in the year)."""
    g = np.asarray(geboorte_maand, dtype=np.int64)
    return np.where(g >= 0, -1, (-g - 1) // 12)


def gewogen_decielen(waarde: np.ndarray, gewicht: np.ndarray) -> np.ndarray:
    """Deciles 1..10 of `waarde` with weights (households with equal values get the same decile)."""
    order = np.argsort(waarde, kind="stable")
    w = gewicht[order].astype(np.float64)
    cum = np.cumsum(w) - 0.5 * w
    d_sorted = np.clip((cum / w.sum() * 10).astype(np.int64) + 1, 1, 10)
    # equal values: the decile of their first member
    v = waarde[order]
    eerste = np.r_[True, v[1:] != v[:-1]]
    groep_start = np.maximum.accumulate(np.where(eerste, np.arange(v.size), 0))
    d_sorted = d_sorted[groep_start]
    out = np.empty_like(d_sorted)
    out[order] = d_sorted
    return out.astype(np.int8)


def nationale_decielen(inkomen: np.ndarray, paar: np.ndarray, gewicht: np.ndarray) -> np.ndarray:
    """Approximate national income decile: the weighted income rank within paren (or eenoudergezinnen) laid on the CBS
    distribution of those households over the national deciles (2020). Only for check C10."""
    nd = kalibratie_doelen()["nationale_decielen"]
    out = np.zeros(inkomen.shape[0], np.int8)
    for sel, verd in ((paar, nd["paar"]), (~paar, nd["eenouder"])):
        if not sel.any():
            continue
        idx = np.flatnonzero(sel)
        order = idx[np.argsort(inkomen[idx], kind="stable")]
        w = gewicht[order].astype(np.float64)
        p = (np.cumsum(w) - 0.5 * w) / w.sum()
        grens = np.cumsum(np.asarray(verd, dtype=np.float64))
        grens = grens / grens[-1]
        out[order] = (np.searchsorted(grens, p, side="right") + 1).clip(1, 10)
    return out
