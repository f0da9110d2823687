"""Load and validate the yearly law data: percentage tables, maximum uurprijzen and dated rule parameters.

Every value carries its source and status. The loader validates on load:
- table bounds are contiguous whole-euro ranges starting at 0;
- percentages never rise with income (both columns) and lie in [0, 96];
- a table is complete (open last row) unless it is marked partial;
- every year has all three maximum uurprijzen.
A computation that needs a missing year, or an income beyond a partial table, raises `OntbrekendeWetgeving`
with a message that names year and income.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import yaml

from kotwijzer.params.errors import OngeldigeWetgeving, OntbrekendeWetgeving
from kotwijzer.wetten.bron import Bron

STATUSSEN = ("final", "provisional", "partial", "unverified")
# The highest percentage in every Bijlage I table 2022-2026 is 96 % (shared/law/tables); a table outside 0-96 % is
# refused as invalid data, and a reform that shifts percentages is capped at it.
HOOGSTE_PROMILLE = 960
OPVANGSOORTEN = ("dagopvang", "buitenschoolse_opvang", "gastouderopvang")


def _data(name: str) -> str:
    return resources.files("kotwijzer.params").joinpath("data", name).read_text(encoding="utf-8")


def _bron(d: dict[str, Any]) -> Bron:
    return Bron(d["wet"], str(d["artikel"]), d.get("lid"), d.get("onderdeel"), d.get("sub"), d.get("vanaf_jaar"), d.get("tot_jaar"))


# --------------------------------------------------------------------------------------------- tables
@dataclass(frozen=True)
class Tabel:
    """Bijlage I for one year. Percentages are stored in tenths of a percent (promille) as integers."""

    jaar: int
    status: str
    bron: str
    wettelijke_grondslag: str
    van: np.ndarray  # int64, lower bound of each row (euros, inclusive)
    tot: np.ndarray  # int64, upper bound inclusive; -1 for the open last row
    eerste_kind: np.ndarray  # int64 promille
    overige_kinderen: np.ndarray  # int64 promille

    @property
    def volledig(self) -> bool:
        return self.status != "partial"

    @property
    def hoogste_geverifieerde_inkomen(self) -> int | None:
        """Highest income with a verified row, or None when the table is open-ended."""
        return None if self.tot[-1] < 0 else int(self.tot[-1])

    def rij_index(self, toetsingsinkomen: np.ndarray | int) -> np.ndarray:
        """Row index per income (vectorised). Refuses incomes beyond a partial table's last row."""
        inc = np.asarray(toetsingsinkomen, dtype=np.int64)
        if np.any(inc < 0):
            raise OntbrekendeWetgeving(
                f"Het toetsingsinkomen kan niet negatief zijn (jaar {self.jaar}). Een negatief inkomen telt als 0; "
                "vul 0 in."
            )
        top = self.hoogste_geverifieerde_inkomen
        if top is not None and np.any(inc > top):
            first = int(inc[inc > top].flat[0])
            raise OntbrekendeWetgeving(
                f"Voor {self.jaar} is de tabel met percentages (Bijlage I, Besluit kinderopvangtoeslag) maar gedeeltelijk "
                f"bekend: tot een toetsingsinkomen van € {_euro(top)}. Voor een inkomen van € {_euro(first)} is geen "
                "gecontroleerd percentage beschikbaar, dus kotwijzer rekent dit niet uit."
            )
        return np.searchsorted(self.van, inc, side="right") - 1

    def percentages(self, toetsingsinkomen: np.ndarray | int) -> tuple[np.ndarray, np.ndarray]:
        idx = self.rij_index(toetsingsinkomen)
        return self.eerste_kind[idx], self.overige_kinderen[idx]

    def rij(self, toetsingsinkomen: int) -> dict[str, Any]:
        i = int(self.rij_index(np.array([toetsingsinkomen]))[0])
        return {
            "rij": i + 1,
            "van": int(self.van[i]),
            "tot_en_met": None if self.tot[i] < 0 else int(self.tot[i]),
            "eerste_kind": Decimal(int(self.eerste_kind[i])) / 10,
            "overige_kinderen": Decimal(int(self.overige_kinderen[i])) / 10,
        }


def _euro(x: int) -> str:
    return f"{x:,}".replace(",", ".")


def _promille(text: str, where: str) -> int:
    d = Decimal(text)
    p = d * 10
    if p != p.to_integral_value():
        raise OngeldigeWetgeving(f"{where}: percentage {text} heeft meer dan één decimaal")
    return int(p)


def valideer_tabel(jaar: int, rows: list[dict[str, str]], status: str) -> Tabel:
    if not rows:
        raise OngeldigeWetgeving(f"Tabel {jaar}: geen rijen")
    van, tot, eerste, overige = [], [], [], []
    for i, r in enumerate(rows, start=1):
        where = f"Tabel {jaar}, rij {i}"
        lo = int(r["income_from"])
        hi_txt = (r.get("income_to_incl") or "").strip()
        hi = int(hi_txt) if hi_txt else -1
        if i == 1 and lo != 0:
            raise OngeldigeWetgeving(f"{where}: de eerste rij moet bij € 0 beginnen, niet bij € {lo}")
        if i > 1:
            prev_hi = tot[-1]
            if prev_hi < 0:
                raise OngeldigeWetgeving(f"{where}: rij na een open laatste rij")
            if lo != prev_hi + 1:
                raise OngeldigeWetgeving(f"{where}: grenzen sluiten niet aan ({prev_hi} gevolgd door {lo})")
        if hi >= 0 and hi < lo:
            raise OngeldigeWetgeving(f"{where}: bovengrens {hi} ligt onder ondergrens {lo}")
        p1 = _promille(r["pct_first_child"], where)
        p2 = _promille(r["pct_next_children"], where)
        for p in (p1, p2):
            if not 0 <= p <= HOOGSTE_PROMILLE:
                raise OngeldigeWetgeving(f"{where}: percentage {p / 10} ligt buiten 0 tot en met 96")
        if eerste and (p1 > eerste[-1] or p2 > overige[-1]):
            raise OngeldigeWetgeving(f"{where}: percentage stijgt met het inkomen")
        van.append(lo), tot.append(hi), eerste.append(p1), overige.append(p2)
    open_end = tot[-1] < 0
    if status == "partial" and open_end:
        raise OngeldigeWetgeving(f"Tabel {jaar}: gedeeltelijke tabel mag geen open laatste rij hebben")
    if status != "partial" and not open_end:
        raise OngeldigeWetgeving(f"Tabel {jaar}: tabel is niet compleet (geen open laatste rij) maar staat niet als partial")
    return Tabel(
        jaar=jaar,
        status=status,
        bron="",
        wettelijke_grondslag="",
        van=np.array(van, dtype=np.int64),
        tot=np.array(tot, dtype=np.int64),
        eerste_kind=np.array(eerste, dtype=np.int64),
        overige_kinderen=np.array(overige, dtype=np.int64),
    )


@lru_cache(maxsize=None)
def _tabellen_meta() -> dict[int, dict[str, Any]]:
    return {int(k): v for k, v in yaml.safe_load(_data("tabellen.yaml")).items()}


def beschikbare_tabeljaren() -> list[int]:
    return sorted(_tabellen_meta())


@lru_cache(maxsize=None)
def tabel(jaar: int) -> Tabel:
    meta = _tabellen_meta().get(int(jaar))
    if meta is None:
        bekend = ", ".join(str(j) for j in beschikbare_tabeljaren())
        raise OntbrekendeWetgeving(
            f"Voor berekeningsjaar {jaar} heeft kotwijzer geen gecontroleerde tabel met percentages (Bijlage I, "
            f"Besluit kinderopvangtoeslag). Het bedrag kan daarom niet worden berekend; of u recht heeft en voor hoeveel "
            f"uren kunt u wel nagaan met de voorwaardencheck. Tabellen zijn er voor: {bekend}."
        )
    status = meta["status"]
    if status not in STATUSSEN:
        raise OngeldigeWetgeving(f"Tabel {jaar}: onbekende status {status!r}")
    rows = list(csv.DictReader(_data(meta["bestand"]).splitlines()))
    t = valideer_tabel(int(jaar), rows, status)
    return Tabel(
        jaar=t.jaar,
        status=status,
        bron=" ".join(str(meta["bron"]).split()),
        wettelijke_grondslag=meta.get("wettelijke_grondslag", ""),
        van=t.van,
        tot=t.tot,
        eerste_kind=t.eerste_kind,
        overige_kinderen=t.overige_kinderen,
    )


# --------------------------------------------------------------------------------- maximum uurprijs
@dataclass(frozen=True)
class MaximumUurprijs:
    jaar: int
    cent: dict[str, int]  # per opvangsoort, in cents
    status: str
    bron: str
    bronnen: tuple[Bron, ...]


@lru_cache(maxsize=None)
def _max_meta() -> dict[str, Any]:
    return yaml.safe_load(_data("maximum_uurprijs.yaml"))


def beschikbare_jaren_maximum_uurprijs() -> list[int]:
    return sorted(int(j) for j in _max_meta()["jaren"])


@lru_cache(maxsize=None)
def maximum_uurprijs(jaar: int) -> MaximumUurprijs:
    meta = _max_meta()
    row = meta["jaren"].get(int(jaar))
    if row is None:
        bekend = ", ".join(str(j) for j in beschikbare_jaren_maximum_uurprijs())
        raise OntbrekendeWetgeving(
            f"Voor berekeningsjaar {jaar} is de maximum uurprijs (art. 4 Besluit kinderopvangtoeslag) niet bekend. "
            f"Wel beschikbaar: {bekend}."
        )
    cent = {}
    for soort in OPVANGSOORTEN:
        if soort not in row:
            raise OngeldigeWetgeving(f"Maximum uurprijs {jaar}: {soort} ontbreekt")
        d = Decimal(str(row[soort])) * 100
        if d != d.to_integral_value() or d <= 0:
            raise OngeldigeWetgeving(f"Maximum uurprijs {jaar} {soort}: {row[soort]} is geen bedrag in centen")
        cent[soort] = int(d)
    return MaximumUurprijs(int(jaar), cent, row["status"], " ".join(str(row["bron"]).split()), tuple(_bron(b) for b in meta["bron_artikel"]))


# ----------------------------------------------------------------------------------- rule params
@dataclass(frozen=True)
class Waarde:
    vanaf: dt.date
    waarde: Any
    status: str
    publicatie: str


@dataclass(frozen=True)
class Parameter:
    naam: str
    omschrijving: str
    eenheid: str
    bron: tuple[Bron, ...]
    waarden: tuple[Waarde, ...]

    def op(self, datum: dt.date) -> Waarde:
        kandidaten = [w for w in self.waarden if w.vanaf <= datum]
        if not kandidaten:
            raise OntbrekendeWetgeving(
                f"Parameter '{self.naam}' ({self.omschrijving}) heeft geen waarde op {datum.isoformat()}."
            )
        return kandidaten[-1]


@lru_cache(maxsize=None)
def regelparameters() -> dict[str, Parameter]:
    raw = yaml.safe_load(_data("regels.yaml"))
    out: dict[str, Parameter] = {}
    for naam, p in raw.items():
        waarden = []
        for w in p["waarden"]:
            if w["status"] not in STATUSSEN:
                raise OngeldigeWetgeving(f"Parameter {naam}: onbekende status {w['status']!r}")
            vanaf = w["vanaf"] if isinstance(w["vanaf"], dt.date) else dt.date.fromisoformat(str(w["vanaf"]))
            waarden.append(Waarde(vanaf, w["waarde"], w["status"], str(w.get("publicatie", ""))))
        waarden.sort(key=lambda w: w.vanaf)
        out[naam] = Parameter(naam, p["omschrijving"], p.get("eenheid", ""), tuple(_bron(b) for b in p["bron"]), tuple(waarden))
    return out


@dataclass
class JaarParameters:
    """All rule parameters for one berekeningsjaar (value in force on 1 January), with a log of what was read.

    `wijzigingen` overrides parameter values by name (a reform scenario); `tabel_wijziging` and
    `maximum_uurprijs_wijziging` replace the year's table and maximum uurprijzen. Overridden values are reported with
    status 'hervorming', so a result never passes off a scenario as the law."""

    jaar: int
    _params: dict[str, Parameter]
    gelezen: dict[str, Waarde] = field(default_factory=dict)
    wijzigingen: dict[str, Any] = field(default_factory=dict)
    tabel_wijziging: "Tabel | None" = None
    maximum_uurprijs_wijziging: "MaximumUurprijs | None" = None

    def __post_init__(self) -> None:
        onbekend = set(self.wijzigingen) - set(self._params)
        if onbekend:
            raise OngeldigeWetgeving(f"Onbekende parameter(s) in wijziging: {', '.join(sorted(onbekend))}")

    def __getattr__(self, naam: str) -> Any:
        if naam.startswith("_") or naam in ("jaar", "gelezen", "wijzigingen", "tabel_wijziging", "maximum_uurprijs_wijziging"):
            raise AttributeError(naam)
        if naam not in self._params:
            raise AttributeError(naam)
        return self.waarde(naam).waarde

    def waarde(self, naam: str) -> Waarde:
        if naam in self.wijzigingen:
            w = Waarde(dt.date(self.jaar, 1, 1), self.wijzigingen[naam], "hervorming", "scenario")
        else:
            w = self._params[naam].op(dt.date(self.jaar, 1, 1))
        self.gelezen[naam] = w
        return w

    def parameter(self, naam: str) -> Parameter:
        return self._params[naam]

    def tabel(self) -> "Tabel":
        return self.tabel_wijziging if self.tabel_wijziging is not None else tabel(self.jaar)

    def maximum_uurprijs(self) -> "MaximumUurprijs":
        return self.maximum_uurprijs_wijziging if self.maximum_uurprijs_wijziging is not None else maximum_uurprijs(self.jaar)


def parameters_voor_jaar(
    jaar: int,
    wijzigingen: dict[str, Any] | None = None,
    tabel_wijziging: Tabel | None = None,
    maximum_uurprijs_wijziging: MaximumUurprijs | None = None,
) -> JaarParameters:
    if not 2021 <= int(jaar) <= 2026:
        raise OntbrekendeWetgeving(
            f"kotwijzer kent de regels voor de berekeningsjaren 2021 tot en met 2026, niet voor {jaar}."
        )
    return JaarParameters(int(jaar), regelparameters(), {}, dict(wijzigingen or {}), tabel_wijziging, maximum_uurprijs_wijziging)


MODELLED_YEARS = range(2021, 2027)


def overzicht(jaar: int) -> dict[str, Any]:
    """Every parameter for a year with source and status (for `kotwijzer parameters JAAR` and the API)."""
    jp = parameters_voor_jaar(jaar)
    regels = []
    for naam, p in regelparameters().items():
        try:
            w = p.op(dt.date(jaar, 1, 1))
        except OntbrekendeWetgeving:
            continue
        regels.append(
            {
                "naam": naam,
                "omschrijving": p.omschrijving,
                "waarde": w.waarde,
                "eenheid": p.eenheid,
                "geldig_vanaf": w.vanaf.isoformat(),
                "status": w.status,
                "bron": [b.as_dict() for b in p.bron],
                "publicatie": w.publicatie,
            }
        )
    out: dict[str, Any] = {"berekeningsjaar": jp.jaar, "regels": regels}
    try:
        mu = maximum_uurprijs(jaar)
        out["maximum_uurprijs"] = {
            "bedragen": {k: f"{v / 100:.2f}" for k, v in mu.cent.items()},
            "status": mu.status,
            "bron": mu.bron,
            "artikelen": [b.as_dict() for b in mu.bronnen if b.geldt_in(jaar)],
        }
    except OntbrekendeWetgeving as e:
        out["maximum_uurprijs"] = {"ontbreekt": str(e)}
    try:
        t = tabel(jaar)
        out["tabel"] = {
            "status": t.status,
            "bron": t.bron,
            "wettelijke_grondslag": t.wettelijke_grondslag,
            "rijen": [
                {
                    "van": int(t.van[i]),
                    "tot_en_met": None if t.tot[i] < 0 else int(t.tot[i]),
                    "eerste_kind": f"{t.eerste_kind[i] / 10:.1f}",
                    "overige_kinderen": f"{t.overige_kinderen[i] / 10:.1f}",
                }
                for i in range(len(t.van))
            ],
        }
    except OntbrekendeWetgeving as e:
        out["tabel"] = {"ontbreekt": str(e)}
    return out
