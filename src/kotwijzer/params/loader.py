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
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import yaml

from kotwijzer.formaat import hele_euro
from kotwijzer.params.errors import OngeldigeWetgeving, OntbrekendeWetgeving
from kotwijzer.wetten.bron import Bron

# Status of a dated rule parameter or a maximum uurprijs. "aangekondigd" values are shown, never used for an amount.
STATUSSEN = ("definitief", "niet_geverifieerd", "aangekondigd")
STATUS_TEKST = {
    "definitief": "vastgesteld",
    "niet_geverifieerd": "niet geverifieerd",
    "aangekondigd": "aangekondigd, nog niet vastgesteld",
    "hervorming": "scenario, niet de wet",
    "voorlopig": "voorlopig",
    "onvolledig": "onvolledig",
}
# The highest percentage in every Bijlage I table 2022-2026 is 96 % (params/data/tabellen); a table outside 0-96 % is
# refused as invalid data, and a reform that shifts percentages is capped at it.
HOOGSTE_PROMILLE = 960
OPVANGSOORTEN = ("dagopvang", "buitenschoolse_opvang", "gastouderopvang")


def data_tekst(name: str) -> str:
    return resources.files("kotwijzer.params").joinpath("data", name).read_text(encoding="utf-8")


def bron_uit_data(d: dict[str, Any]) -> Bron:
    """A citation as the data files write it (wet, artikel, lid, onderdeel, sub, vanaf_jaar, tot_jaar)."""
    return Bron(
        d["wet"],
        str(d["artikel"]),
        d.get("lid"),
        d.get("onderdeel"),
        d.get("sub"),
        d.get("vanaf_jaar"),
        d.get("tot_jaar"),
    )


# --------------------------------------------------------------------------------------------- tables
# Status of a whole table (tabellen.yaml) and of each cell (a status column in the CSV, or the table's own status).
TABELSTATUSSEN = ("definitief", "voorlopig", "onvolledig", "hervorming")  # hervorming: a reform scenario's table
# Cell status codes. A table file may carry them per cell (columns status_first_child / status_next_children, as in
# params/data/tabellen/2025.partial.csv); otherwise every cell takes the status the table has in tabellen.yaml.
CELSTATUS_TEKST = {
    "officieel": "officiële tabel",
    "voorlopig": "voorlopige tabel, nog niet gecontroleerd met de officiële bekendmaking",
    "verified": "gecontroleerd in twee onafhankelijke bronnen",
    "derived": "afgeleid uit een gepubliceerde tabel",
    "derived_from_statements": "afgeleid uit officiële uitspraken",
    "single_source": "één bron",
    "statement": "uit een officiële uitspraak",
    "not_found": "niet gevonden",
    "hervorming": "scenario, niet de wet",
    "aangekondigd": "aangekondigd, nog niet vastgesteld (indicatie)",
}
_CEL_VAN_TABEL = {
    "definitief": "officieel",
    "voorlopig": "voorlopig",
    "onvolledig": "officieel",
    "hervorming": "hervorming",
}
GEEN_PERCENTAGE = -1  # promille for a cell without a verified percentage


@dataclass(frozen=True)
class Tabel:
    """Bijlage I for one year. Percentages are stored in tenths of a percent (promille) as integers; a cell without a
    verified percentage holds GEEN_PERCENTAGE and its status says why. A table whose last row is closed covers
    incomes up to that row only (an income above it has no percentage at all)."""

    jaar: int
    status: str  # definitief | voorlopig | onvolledig
    bron: str
    wettelijke_grondslag: str
    van: np.ndarray  # int64, lower bound of each row (euros, inclusive)
    tot: np.ndarray  # int64, upper bound inclusive; -1 for the open last row
    eerste_kind: np.ndarray  # int64 promille, GEEN_PERCENTAGE where missing
    overige_kinderen: np.ndarray  # int64 promille, GEEN_PERCENTAGE where missing
    status_eerste_kind: tuple[str, ...] = ()
    status_overige_kinderen: tuple[str, ...] = ()

    @property
    def volledig(self) -> bool:
        return self.status != "onvolledig"

    @property
    def hoogste_inkomen_in_tabel(self) -> int | None:
        """Highest income the table covers, or None when the last row is open."""
        return None if self.tot[-1] < 0 else int(self.tot[-1])

    def rij_index(self, toetsingsinkomen: np.ndarray | int) -> np.ndarray:
        """Row index per income (vectorised); -1 for an income above a closed last row."""
        inc = np.asarray(toetsingsinkomen, dtype=np.int64)
        if np.any(inc < 0):
            raise OntbrekendeWetgeving(
                f"Het toetsingsinkomen kan niet negatief zijn (jaar {self.jaar}). Een negatief inkomen telt als 0; "
                "vul 0 in."
            )
        idx = np.searchsorted(self.van, inc, side="right") - 1
        top = self.hoogste_inkomen_in_tabel
        if top is not None:
            idx = np.where(inc > top, -1, idx)
        return idx

    def percentages(self, toetsingsinkomen: np.ndarray | int) -> tuple[np.ndarray, np.ndarray]:
        """(first child, next children) in promille per income; GEEN_PERCENTAGE where the table has no verified cell."""
        idx = self.rij_index(toetsingsinkomen)
        if self.hoogste_inkomen_in_tabel is None:  # open last row: every income has a row
            return self.eerste_kind[idx], self.overige_kinderen[idx]
        buiten = idx < 0
        i = np.where(buiten, 0, idx)
        return (
            np.where(buiten, GEEN_PERCENTAGE, self.eerste_kind[i]),
            np.where(buiten, GEEN_PERCENTAGE, self.overige_kinderen[i]),
        )

    def rij(self, toetsingsinkomen: int) -> dict[str, Any]:
        """The row of one income, with per cell the percentage (None when missing) and its status. An income above a
        closed last row raises OntbrekendeWetgeving naming year and income."""
        i = int(self.rij_index(np.array([toetsingsinkomen]))[0])
        if i < 0:
            raise OntbrekendeWetgeving(self.melding_buiten_tabel(toetsingsinkomen))
        p1, p2 = int(self.eerste_kind[i]), int(self.overige_kinderen[i])
        return {
            "rij": i + 1,
            "van": int(self.van[i]),
            "tot_en_met": None if self.tot[i] < 0 else int(self.tot[i]),
            "eerste_kind": None if p1 < 0 else Decimal(p1) / 10,
            "overige_kinderen": None if p2 < 0 else Decimal(p2) / 10,
            "status_eerste_kind": self.status_eerste_kind[i],
            "status_overige_kinderen": self.status_overige_kinderen[i],
        }

    def melding_buiten_tabel(self, toetsingsinkomen: int) -> str:
        return (
            f"Voor {self.jaar} is de tabel met percentages (Bijlage I, Besluit kinderopvangtoeslag) onvolledig: "
            f"kotwijzer kent die tot een toetsingsinkomen van {hele_euro(self.hoogste_inkomen_in_tabel or 0)}. Voor een "
            f"inkomen van {hele_euro(int(toetsingsinkomen))} is geen gecontroleerd percentage beschikbaar, dus kotwijzer "
            "rekent het bedrag niet uit."
        )

    def melding_cel(self, toetsingsinkomen: int, eerste_kind: bool) -> str:
        wie = "het eerste kind" if eerste_kind else "de andere kinderen"
        return (
            f"Voor {self.jaar} is in de tabel met percentages (Bijlage I, Besluit kinderopvangtoeslag) het percentage "
            f"voor {wie} bij een toetsingsinkomen van {hele_euro(int(toetsingsinkomen))} niet gevonden in een "
            "betrouwbare bron. kotwijzer rekent dat bedrag daarom niet uit en vult het niet zelf in."
        )


def _promille(text: str, where: str) -> int:
    d = Decimal(text)
    p = d * 10
    if p != p.to_integral_value():
        raise OngeldigeWetgeving(f"{where}: percentage {text} heeft meer dan één decimaal")
    return int(p)


def valideer_tabel(jaar: int, rows: list[dict[str, str]], status: str) -> Tabel:
    """Checks that catch a typo in a new table: bounds start at 0 and are contiguous whole euros; percentages have at
    most one decimal, lie in 0-96 and never rise with income (per column, over the cells that exist); a cell is
    either a percentage with a known status or empty with status not_found; a complete table (definitief or
    voorlopig) has an open last row and no missing cell."""
    if status not in TABELSTATUSSEN:
        raise OngeldigeWetgeving(f"Tabel {jaar}: onbekende status {status!r}; kies uit {', '.join(TABELSTATUSSEN)}")
    if not rows:
        raise OngeldigeWetgeving(f"Tabel {jaar}: geen rijen")
    van: list[int] = []
    tot: list[int] = []
    eerste: list[int] = []
    overige: list[int] = []
    st1: list[str] = []
    st2: list[str] = []
    vorige: dict[str, int | None] = {"eerste": None, "overige": None}
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
        cellen = []
        for kolom, st_kolom, naam in (
            ("pct_first_child", "status_first_child", "eerste"),
            ("pct_next_children", "status_next_children", "overige"),
        ):
            txt = (r.get(kolom) or "").strip()
            cst = (r.get(st_kolom) or "").strip() or _CEL_VAN_TABEL[status]
            if cst not in CELSTATUS_TEKST:
                raise OngeldigeWetgeving(f"{where}: onbekende status {cst!r} in kolom {st_kolom}")
            if cst == "not_found":
                if txt:
                    raise OngeldigeWetgeving(f"{where}: kolom {kolom} heeft een percentage maar de status not_found")
                if status in ("definitief", "voorlopig"):
                    raise OngeldigeWetgeving(f"{where}: een ontbrekend percentage kan alleen in een onvolledige tabel")
                cellen.append((GEEN_PERCENTAGE, cst))
                continue
            if not txt:
                raise OngeldigeWetgeving(f"{where}: kolom {kolom} is leeg; geef het percentage of de status not_found")
            p = _promille(txt, where)
            if not 0 <= p <= HOOGSTE_PROMILLE:
                raise OngeldigeWetgeving(f"{where}: percentage {p / 10} ligt buiten 0 tot en met 96")
            grens = vorige[naam]
            if grens is not None and p > grens:
                raise OngeldigeWetgeving(f"{where}: percentage stijgt met het inkomen ({kolom})")
            vorige[naam] = p
            cellen.append((p, cst))
        van.append(lo)
        tot.append(hi)
        eerste.append(cellen[0][0])
        overige.append(cellen[1][0])
        st1.append(cellen[0][1])
        st2.append(cellen[1][1])
    open_end = tot[-1] < 0
    if status in ("definitief", "voorlopig") and not open_end:
        raise OngeldigeWetgeving(
            f"Tabel {jaar}: tabel is niet compleet (geen open laatste rij) maar staat niet als onvolledig"
        )
    if status == "onvolledig" and open_end and GEEN_PERCENTAGE not in eerste + overige:
        raise OngeldigeWetgeving(f"Tabel {jaar}: tabel staat als onvolledig maar mist geen enkel percentage")
    return Tabel(
        jaar=jaar,
        status=status,
        bron="",
        wettelijke_grondslag="",
        van=np.array(van, dtype=np.int64),
        tot=np.array(tot, dtype=np.int64),
        eerste_kind=np.array(eerste, dtype=np.int64),
        overige_kinderen=np.array(overige, dtype=np.int64),
        status_eerste_kind=tuple(st1),
        status_overige_kinderen=tuple(st2),
    )


@cache
def _tabellen_meta() -> dict[int, dict[str, Any]]:
    return {int(k): v for k, v in yaml.safe_load(data_tekst("tabellen.yaml")).items()}


def beschikbare_tabeljaren() -> list[int]:
    return sorted(_tabellen_meta())


@cache
def tabel(jaar: int) -> Tabel:
    meta = _tabellen_meta().get(int(jaar))
    if meta is None:
        bekend = ", ".join(str(j) for j in beschikbare_tabeljaren())
        raise OntbrekendeWetgeving(
            f"Voor berekeningsjaar {jaar} heeft kotwijzer geen gecontroleerde tabel met percentages (Bijlage I, "
            f"Besluit kinderopvangtoeslag). Het bedrag kan daarom niet worden berekend; of u recht heeft en voor hoeveel "
            f"uren staat wel in de uitkomst. Tabellen zijn er voor: {bekend}."
        )
    rows = list(csv.DictReader(data_tekst(meta["bestand"]).splitlines()))
    t = valideer_tabel(int(jaar), rows, meta["status"])
    return replace(
        t, bron=" ".join(str(meta["bron"]).split()), wettelijke_grondslag=meta.get("wettelijke_grondslag", "")
    )


# --------------------------------------------------------------------------------- maximum uurprijs
@dataclass(frozen=True)
class MaximumUurprijs:
    jaar: int
    cent: dict[str, int]  # per opvangsoort, in cents
    status: str
    bron: str
    bronnen: tuple[Bron, ...]


@cache
def max_meta() -> dict[str, Any]:
    return yaml.safe_load(data_tekst("maximum_uurprijs.yaml"))


def beschikbare_jaren_maximum_uurprijs() -> list[int]:
    return sorted(int(j) for j in max_meta()["jaren"])


def maximum_uurprijs(jaar: int, ook_aangekondigd: bool = False) -> MaximumUurprijs:
    """The maximum uurprijzen of a year. An announced value (status aangekondigd) is only returned with
    ook_aangekondigd=True (for display); a computation never uses it."""
    mu = maximum_uurprijs_van(int(jaar))
    if mu.status == "aangekondigd" and not ook_aangekondigd:
        raise OntbrekendeWetgeving(
            f"De maximum uurprijzen voor {jaar} (art. 4 Besluit kinderopvangtoeslag) zijn aangekondigd maar nog niet "
            "vastgesteld. kotwijzer rekent daar geen bedrag mee uit."
        )
    return mu


@cache
def maximum_uurprijs_van(jaar: int) -> MaximumUurprijs:
    meta = max_meta()
    row = meta["jaren"].get(int(jaar))
    if row is None:
        bekend = ", ".join(str(j) for j in beschikbare_jaren_maximum_uurprijs())
        raise OntbrekendeWetgeving(
            f"Voor berekeningsjaar {jaar} is de maximum uurprijs (art. 4 Besluit kinderopvangtoeslag) niet bekend. "
            f"Wel beschikbaar: {bekend}."
        )
    if row.get("status") not in STATUSSEN:
        raise OngeldigeWetgeving(f"Maximum uurprijs {jaar}: onbekende status {row.get('status')!r}")
    cent = {}
    for soort in OPVANGSOORTEN:
        if soort not in row:
            raise OngeldigeWetgeving(f"Maximum uurprijs {jaar}: {soort} ontbreekt")
        d = Decimal(str(row[soort])) * 100
        if d != d.to_integral_value() or d <= 0:
            raise OngeldigeWetgeving(f"Maximum uurprijs {jaar} {soort}: {row[soort]} is geen bedrag in centen")
        cent[soort] = int(d)
    return MaximumUurprijs(
        int(jaar),
        cent,
        row["status"],
        " ".join(str(row["bron"]).split()),
        tuple(bron_uit_data(b) for b in meta["bron_artikel"]),
    )


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


@cache
def regelparameters() -> dict[str, Parameter]:
    raw = yaml.safe_load(data_tekst("regels.yaml"))
    out: dict[str, Parameter] = {}
    for naam, p in raw.items():
        waarden = []
        for w in p["waarden"]:
            if w["status"] not in STATUSSEN:
                raise OngeldigeWetgeving(f"Parameter {naam}: onbekende status {w['status']!r}")
            vanaf = w["vanaf"] if isinstance(w["vanaf"], dt.date) else dt.date.fromisoformat(str(w["vanaf"]))
            waarden.append(Waarde(vanaf, w["waarde"], w["status"], str(w.get("publicatie", ""))))
        waarden.sort(key=lambda w: w.vanaf)
        out[naam] = Parameter(
            naam, p["omschrijving"], p.get("eenheid", ""), tuple(bron_uit_data(b) for b in p["bron"]), tuple(waarden)
        )
    return out


_op_cache: dict[tuple[int, int], tuple[Parameter, Waarde]] = {}


def _waarde_op_1_januari(prm: Parameter, jaar: int) -> Waarde:
    """`prm.op(1 January jaar)`, looked up once per parameter and year (parameters and values are immutable; the
    entry keeps its parameter, so a reused id never returns another parameter's value)."""
    hit = _op_cache.get((id(prm), jaar))
    if hit is not None and hit[0] is prm:
        return hit[1]
    w = prm.op(dt.date(jaar, 1, 1))
    if len(_op_cache) > 4096:
        _op_cache.clear()
    _op_cache[(id(prm), jaar)] = (prm, w)
    return w


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
    tabel_wijziging: Tabel | None = None
    maximum_uurprijs_wijziging: MaximumUurprijs | None = None

    def __post_init__(self) -> None:
        onbekend = set(self.wijzigingen) - set(self._params)
        if onbekend:
            raise OngeldigeWetgeving(f"Onbekende parameter(s) in wijziging: {', '.join(sorted(onbekend))}")

    def __getattr__(self, naam: str) -> Any:
        if naam.startswith("_") or naam in (
            "jaar",
            "gelezen",
            "wijzigingen",
            "tabel_wijziging",
            "maximum_uurprijs_wijziging",
        ):
            raise AttributeError(naam)
        if naam not in self._params:
            raise AttributeError(naam)
        return self.waarde(naam).waarde

    def waarde(self, naam: str) -> Waarde:
        if naam in self.wijzigingen:
            w = Waarde(dt.date(self.jaar, 1, 1), self.wijzigingen[naam], "hervorming", "scenario")
        else:
            w = _waarde_op_1_januari(self._params[naam], self.jaar)
        self.gelezen[naam] = w
        return w

    def parameter(self, naam: str) -> Parameter:
        return self._params[naam]

    def tabel(self) -> Tabel:
        return self.tabel_wijziging if self.tabel_wijziging is not None else tabel(self.jaar)

    def maximum_uurprijs(self) -> MaximumUurprijs:
        return (
            self.maximum_uurprijs_wijziging
            if self.maximum_uurprijs_wijziging is not None
            else maximum_uurprijs(self.jaar)
        )


# The rules of 2026 continue in 2027: no amendment of Wko art. 1.6 or of the Besluit from 2027-01-01 was found (the
# consolidations of wetten.overheid.nl up to December 2026; docs/bronnen-onderzoek.md). Amounts for 2027 wait for the
# Besluit with its table: SZW-begroting 2027 (Kamerstuk 37 020 XV nr. 2) only announces them.
MODELLED_YEARS = range(2021, 2028)


def parameters_voor_jaar(
    jaar: int,
    wijzigingen: dict[str, Any] | None = None,
    tabel_wijziging: Tabel | None = None,
    maximum_uurprijs_wijziging: MaximumUurprijs | None = None,
) -> JaarParameters:
    if int(jaar) not in MODELLED_YEARS:
        raise OntbrekendeWetgeving(
            f"kotwijzer kent de regels voor de berekeningsjaren {MODELLED_YEARS.start} tot en met "
            f"{MODELLED_YEARS.stop - 1}, niet voor {jaar}."
        )
    return JaarParameters(
        int(jaar), regelparameters(), {}, dict(wijzigingen or {}), tabel_wijziging, maximum_uurprijs_wijziging
    )


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
        mu = maximum_uurprijs(jaar, ook_aangekondigd=True)
        out["maximum_uurprijs"] = {
            "bedragen": {k: f"{v / 100:.2f}" for k, v in mu.cent.items()},
            "status": mu.status,
            "gebruikt_voor_bedrag": mu.status != "aangekondigd",
            "bron": mu.bron,
            "artikelen": [b.as_dict() for b in mu.bronnen if b.geldt_in(jaar)],
        }
    except OntbrekendeWetgeving as e:
        out["maximum_uurprijs"] = {"ontbreekt": str(e)}
    try:
        t = tabel(jaar)

        def _cel(p: int, st: str) -> dict[str, Any]:
            return {"percentage": None if p < 0 else f"{p / 10:.1f}", "status": st, "toelichting": CELSTATUS_TEKST[st]}

        out["tabel"] = {
            "status": t.status,
            "bron": t.bron,
            "wettelijke_grondslag": t.wettelijke_grondslag,
            "dekt_tot_en_met": t.hoogste_inkomen_in_tabel,
            "rijen": [
                {
                    "van": int(t.van[i]),
                    "tot_en_met": None if t.tot[i] < 0 else int(t.tot[i]),
                    "eerste_kind": _cel(int(t.eerste_kind[i]), t.status_eerste_kind[i]),
                    "overige_kinderen": _cel(int(t.overige_kinderen[i]), t.status_overige_kinderen[i]),
                }
                for i in range(len(t.van))
            ],
        }
    except OntbrekendeWetgeving as e:
        out["tabel"] = {"ontbreekt": str(e)}
    return out
