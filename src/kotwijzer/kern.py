"""The vectorised kernel: a `Batch` of households -> aanspraak, hours and amounts per household, child and month.

The same kernel serves one household (the calculator, API and web app) and millions (the microsimulation); it is the
only place where the rules are combined. Every step calls a named rule from `kotwijzer.rules`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from kotwijzer.invoer import Batch
from kotwijzer.params import JaarParameters, MaximumUurprijs, OntbrekendeWetgeving, Tabel, parameters_voor_jaar
from kotwijzer.params.loader import GEEN_PERCENTAGE
from kotwijzer.rules import aanspraak as ra
from kotwijzer.rules import bedrag as rb
from kotwijzer.rules import codes as c
from kotwijzer.rules import uren as ru
from kotwijzer.wetten.bron import Bron


@dataclass(frozen=True, slots=True)
class GelezenWaarde:
    """One rule parameter the kernel read, as it read it: value, status, citations and publication (the trace)."""

    naam: str
    waarde: Any
    status: str
    bronnen: tuple[Bron, ...]
    publicatie: str


@dataclass
class Uitkomst:
    jaar: int
    params: JaarParameters
    uitzondering: int  # situation bits that count as an exception this year (Wlz, detention)
    lid1: int  # situation bits of Wko 1.6 lid 1 in force this year
    aanspraak: np.ndarray  # bool [H,12]
    reden: np.ndarray | None  # int8 [H,12] (None in population runs)
    kind_ok: np.ndarray  # bool [H,C,12]
    kind_bits: np.ndarray | None  # int32 [H,C,12] (None in population runs)
    uren_gevraagd_cu: np.ndarray  # int32 [H,C,12] (0 where no childcare)
    uren_na_maandgrens_cu: np.ndarray  # int32 [H,C,12] after the 230-hour cap and the conditions
    uren_cu: np.ndarray  # int32 [H,C,12] hours that count (after the yearly pool; may be uren_na_maandgrens_cu itself)
    potjes_cu: dict[str, np.ndarray]  # name -> [H] pool per child (same for every child of a household)
    per_ouder: dict[str, np.ndarray]  # name -> [H,2] (KGU hours in 1/10,000 h, or months)
    verloren: np.ndarray  # bool [H,12]: aanspraak by the conditions, lost because the application is too late
    # amounts (None when met_bedrag=False); money in int32 where every value fits, else int64 (same values)
    prijs_gebruikt_cent: np.ndarray | None = None
    kosten_e: np.ndarray | None = None
    werkelijke_kosten_e: np.ndarray | None = None
    eerste_kind: np.ndarray | None = None
    promille: np.ndarray | None = None  # int32; GEEN_PERCENTAGE (-1) where the table has no verified cell
    toeslag_cent: np.ndarray | None = None  # int64; 0 where not known (see toeslag_bekend)
    toeslag_bekend: np.ndarray | None = (
        None  # bool [H,C,12]: the toeslag of this child-month could be computed; None: all
    )
    tabel_status: str | None = None
    tabel_fout: str | None = None  # why no table could be used (year without table), else None
    prijs_fout: str | None = None  # why no maximum uurprijs could be used (year without a fixed one), else None
    # what the kernel read, handed over for the trace (as a tracer would): rule parameters in the order first read,
    # the maximum uurprijzen and the table it used (None where the year has none)
    gelezen: dict[str, GelezenWaarde] = field(default_factory=dict)
    maximum_uurprijs: MaximumUurprijs | None = None
    tabel: Tabel | None = None
    uren_per_kind_cu: np.ndarray | None = None  # int64 [H,C]: year total of uren_cu per child

    def waarde(self, naam: str) -> Any:
        """The value of a rule parameter the kernel read (KeyError naming it when the kernel did not read it)."""
        return self.gelezen[naam].waarde


_gelezen_cache: dict[tuple[int, int], tuple[Any, Any, GelezenWaarde]] = {}


def _gelezen_waarde(p: JaarParameters, naam: str, w: Any) -> GelezenWaarde:
    """The trace entry of one value read; built once per parameter and value (both immutable; the entry keeps them,
    so a reused id never returns another's entry)."""
    prm = p.parameter(naam)
    sleutel = (id(prm), id(w))
    hit = _gelezen_cache.get(sleutel)
    if hit is not None and hit[0] is prm and hit[1] is w:
        return hit[2]
    gw = GelezenWaarde(naam, w.waarde, w.status, prm.bron, w.publicatie)
    if w.status != "hervorming":  # a scenario's values are new objects every time: not worth keeping
        if len(_gelezen_cache) > 4096:
            _gelezen_cache.clear()
        _gelezen_cache[sleutel] = (prm, w, gw)
    return gw


def _gelezen(p: JaarParameters) -> dict[str, GelezenWaarde]:
    return {naam: _gelezen_waarde(p, naam, w) for naam, w in p.gelezen.items()}


def bereken_batch(
    b: Batch, met_bedrag: bool = True, params: JaarParameters | None = None, met_redenen: bool = True
) -> Uitkomst:
    """Run the rules over a batch. The result also hands over what was read (`Uitkomst.gelezen`,
    `Uitkomst.maximum_uurprijs`, `Uitkomst.tabel`), so a trace never goes back to the parameter loader."""
    p = params or parameters_voor_jaar(b.jaar)
    u = _bereken_batch(b, met_bedrag, p, met_redenen)
    u.gelezen = _gelezen(p)
    return u


_ouders_memo: dict[tuple[int, int, bool, bool, int, bool, int], tuple[bool, int]] = {}


def _ouders_een(
    sit0: np.ndarray, sit1: np.ndarray, heeft_partner: bool, bloedverwant: bool, uitz: int, wlz_zonder: bool, lid1: int
) -> tuple[np.ndarray, np.ndarray]:
    """`rules.aanspraak.aanspraak_ouders` for one household ([12] situation bits per parent) -> ([1,12], [1,12]).

    The rule works month by month: a month's aanspraak and reason follow from that month's two situation words and
    the household's flags alone. So it is run (the vectorised rule itself, on one month) once per distinct
    combination and remembered; a household has one or a few distinct months and households share them. For one
    household this replaces some 80 small NumPy calls by 12 dictionary look-ups; the values are the rule's own."""
    oks: list[bool] = []
    redenen: list[int] = []
    paar: tuple[int, int] | None = None
    hit: tuple[bool, int] | None = None
    for s0, s1 in zip(sit0.tolist(), sit1.tolist(), strict=True):
        if (s0, s1) == paar and hit is not None:  # the same pair as the month before (most months): the same answer
            oks.append(hit[0])
            redenen.append(hit[1])
            continue
        paar = (s0, s1)
        sleutel = (s0, s1, heeft_partner, bloedverwant, uitz, wlz_zonder, lid1)
        hit = _ouders_memo.get(sleutel)
        if hit is None:
            ok1, reden1 = ra.aanspraak_ouders(
                np.array([[s0]], dtype=np.uint32),
                np.array([[s1]], dtype=np.uint32),
                np.array([heeft_partner]),
                np.array([bloedverwant]),
                uitz,
                wlz_zonder,
                met_reden=True,
                lid1=lid1,
            )
            assert reden1 is not None
            hit = (bool(ok1[0, 0]), int(reden1[0, 0]))
            if len(_ouders_memo) > 65536:
                _ouders_memo.clear()
            _ouders_memo[sleutel] = hit
        oks.append(hit[0])
        redenen.append(hit[1])
    return np.array([oks], dtype=bool), np.array([redenen], dtype=np.int8)


def _ouders(
    b: Batch, p: JaarParameters, met_redenen: bool
) -> tuple[int, int, np.ndarray, np.ndarray, np.ndarray | None]:
    """The parents' conditions (Wko art. 1.6): the year's exception and lid 1 masks, the situation bits after the
    year's switches, and per household and month the aanspraak and its reason (None when not asked for). A rule
    parameter is read as `p.waarde(naam).waarde` (logged as read, at half the cost of `p.naam`), in a fixed order:
    the trace lists them in the order first read."""
    uitz = ra.uitzondering_masker(
        bool(p.waarde("wlz_permanent_telt").waarde),
        bool(p.waarde("wlz_tijdelijk_telt").waarde),
        bool(p.waarde("detentie_telt").waarde),
        bool(p.waarde("voorlopige_hechtenis_telt").waarde),
    )
    sit = ra.pas_schakelaars_toe(
        b.sit,
        b.traject_einde_maand,
        bool(p.waarde("categorie_c_telt").waarde),
        bool(p.waarde("inburgering_alle_activiteiten").waarde),
        int(p.waarde("doorloop_na_traject_maanden").waarde),
    )
    lid1 = ra.lid1_masker(bool(p.waarde("smi_onderdelen_k_l_in_werking").waarde))
    sit0 = sit[:, 0, :]
    sit1 = sit[:, 1, :]
    wlz_zonder = bool(p.waarde("wlz_uitzondering_zonder_voldoende_partner").waarde)
    reden: np.ndarray | None
    if met_redenen and b.n == 1:  # one household: the same rule, evaluated once per situation pair (see _ouders_een)
        ok, reden = _ouders_een(
            sit0[0], sit1[0], bool(b.heeft_partner[0]), bool(b.bloedverwant[0]), uitz, wlz_zonder, lid1
        )
    else:
        ok, reden = ra.aanspraak_ouders(
            sit0,
            sit1,
            b.heeft_partner,
            b.bloedverwant,
            uitz,
            wlz_zonder,
            met_reden=met_redenen,
            lid1=lid1,
        )
    if reden is not None:
        reden = np.where(ok & (reden >= 10), np.int8(c.R["hervorming"]), reden)
    return uitz, lid1, sit, ok, reden


def _urenpotjes(
    b: Batch, p: JaarParameters, sit: np.ndarray, uitz: int, lid1: int, h: np.ndarray, begrensd: bool
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The yearly hour pools and the hours that count: coupled to the hours worked by the parent who works least
    (koppeling gewerkte uren, one pool per kind of care), or from the months the parents meet the conditions (the
    uncoupled years). Returns the hours per child-month, their year total per child, the pools and the per-parent
    figures they come from."""
    telt_partner = b.heeft_partner & ~b.bloedverwant
    potjes: dict[str, np.ndarray] = {}
    per_ouder: dict[str, np.ndarray] = {}
    if p.waarde("koppeling_gewerkte_uren").waarde:
        gast = b.soort == 3
        dag_sel = (b.soort == 1) | (gast & ~b.bso_leeftijd)
        bso_sel = (b.soort == 2) | (gast & b.bso_leeftijd)
        uren = np.zeros_like(h)  # int32
        uren_kind = np.zeros(h.shape[:2], dtype=np.int64)
        doel = int(p.waarde("kgu_doelgroep_uren_per_maand").waarde)
        corona = bool(p.waarde("kgu_corona_verruiming").waarde)
        for naam, sel, pct in (
            ("dagopvang", dag_sel, int(p.waarde("kgu_percentage_dagopvang").waarde)),
            ("buitenschoolse_opvang", bso_sel, int(p.waarde("kgu_percentage_bso").waarde)),
        ):
            po = ru.kgu_uren_per_ouder(sit, b.werkuren_cu, uitz, pct, doel, ru.kgu_doelgroep_masker(lid1, corona))
            pot = ru.potje_minst_werkende(po, telt_partner) // 100  # 1/10,000 h -> hundredths, rounded down
            per_ouder[naam] = po
            potjes[naam] = pot
            deel, deel_jaar = ru.verdeel_potje_met_jaar(h * sel, pot[:, None], begrensd)
            uren += deel
            uren_kind += deel_jaar
    else:
        mnd = ru.maanden_per_ouder(sit, uitz, lid1)
        per_ouder["maanden"] = mnd
        pot = (
            ru.potje_minst_werkende(mnd, telt_partner).astype(np.int64)
            * int(p.waarde("uren_per_maand_ontkoppeld").waarde)
            * ru.CU
        )
        potjes["alle_opvang"] = pot
        uren, uren_kind = ru.verdeel_potje_met_jaar(h, pot[:, None], begrensd)
    return uren, uren_kind, potjes, per_ouder


def _bereken_batch(b: Batch, met_bedrag: bool, p: JaarParameters, met_redenen: bool) -> Uitkomst:
    """The rules in their order: the parents' conditions, the application's reach back (Wko 1.3 lid 2 onder b), the
    child's conditions, the hours (monthly cap, yearly pools) and, with `met_bedrag`, the amounts."""
    uitz, lid1, sit, ok, reden = _ouders(b, p, met_redenen)
    # Wko 1.3 lid 2 onder b: no aanspraak over the months before the retroactivity limit of the application
    te_laat = bool(b.eerste_maand.any())  # some application in the batch does not reach back to January
    verloren = ok & ra.voor_terugwerkende_kracht(b.eerste_maand) if te_laat else np.zeros_like(ok)
    if reden is not None:
        reden = np.where(verloren, np.int8(c.R["te_laat_aangevraagd"]), reden)

    kind_ok, kbits = ra.kind_voorwaarden(
        b.kind_bestaat, b.geboren, b.voor_vo, b.woont, b.soort, b.lrk, b.eerste_maand, ok, met_redenen
    )
    if te_laat:
        ok = ok & ~verloren
    # hours in int32 (at most 744 h = 74,400 hundredths a month); multiplying by a mask is cheaper than np.where
    # no care and no cost before a child is born (the hours of an unborn child's month are not asked for)
    gevraagd = b.uren_cu.astype(np.int32, copy=False) * ((b.soort > 0) & b.geboren)
    max_uren = int(p.waarde("max_uren_per_maand").waarde)
    maandgrens_cu = max_uren * ru.CU
    h = ru.begrens_per_maand(gevraagd, max_uren).astype(np.int32, copy=False)
    h *= kind_ok
    uren_min = int(np.minimum.reduce(gevraagd, axis=None, initial=0))  # min(0, smallest): >= 0 only if all are
    uren_max = int(np.maximum.reduce(gevraagd, axis=None, initial=0))
    # every month of h lies in [0, maandgrens]: the pool may take its shortcuts (see ru.verdeel_potje_met_jaar)
    begrensd = uren_min >= 0 and 0 <= maandgrens_cu <= 2**31 // 12
    uren, uren_kind, potjes, per_ouder = _urenpotjes(b, p, sit, uitz, lid1, h, begrensd)

    u = Uitkomst(b.jaar, p, uitz, lid1, ok, reden, kind_ok, kbits, gevraagd, h, uren, potjes, per_ouder, verloren)
    u.uren_per_kind_cu = uren_kind
    if met_bedrag:
        _bedragen(u, b, p, gevraagd, uren, (uren_min, uren_max), maandgrens_cu)
    return u


def _percentages(u: Uitkomst, b: Batch, p: JaarParameters) -> tuple[np.ndarray, np.ndarray]:
    """The table's percentages for the first and the other children per household (tenths of a percent; the table
    and its status go into `u`). An unknown income, or a year without a table, gives GEEN_PERCENTAGE, never a guess."""
    try:
        t = p.tabel()
        u.tabel = t
        onbekend_inkomen = b.inkomen < 0
        if onbekend_inkomen.any():
            p1, p2 = t.percentages(np.where(onbekend_inkomen, 0, b.inkomen))
            p1 = np.where(onbekend_inkomen, GEEN_PERCENTAGE, p1)
            p2 = np.where(onbekend_inkomen, GEEN_PERCENTAGE, p2)
        else:
            p1, p2 = t.percentages(b.inkomen)
        u.tabel_status = t.status
    except OntbrekendeWetgeving as e:
        u.tabel_fout = str(e)
        p1 = p2 = np.full(b.n, GEEN_PERCENTAGE, dtype=np.int64)
    return p1, p2


def _bedragen(
    u: Uitkomst,
    b: Batch,
    p: JaarParameters,
    gevraagd: np.ndarray,
    uren: np.ndarray,
    uren_grenzen: tuple[int, int],
    maandgrens_cu: int,
) -> None:
    """The amounts into `u`: the actual costs, the costs that count (hours x the price up to the maximum uurprijs),
    the first child (Bkot art. 3 lid 2), the percentage and the toeslag. `uren_grenzen`: the smallest and largest
    hours asked, which decide whether the money fits int32."""
    uren_min, uren_max = uren_grenzen
    # hours asked x price: needs no law data. Money arrays are int32 where the bounds show every value fits (the usual
    # case: 230 h x a price below EUR 933), else int64; the values are the same either way.
    prijs_min = int(np.minimum.reduce(b.prijs_cent, axis=None, initial=0))
    prijs_max = int(np.maximum.reduce(b.prijs_cent, axis=None, initial=0))
    u.werkelijke_kosten_e = rb.kosten(
        gevraagd, b.prijs_cent, rb.past_in_int32(uren_min, uren_max, prijs_min, prijs_max)
    )
    maanddagen = None
    if b.dagen is not None:  # care that starts or ends within a month: that month's kosten by days
        from kotwijzer.rules import kalender

        maanddagen = np.diff(kalender.maand_begin(b.jaar)).astype("timedelta64[D]").astype(np.int64)
        u.werkelijke_kosten_e = rb.naar_rato_dagen(u.werkelijke_kosten_e, b.dagen, maanddagen)

    # The amount needs the maximum uurprijs (kosten) and the year's table (percentage). Whatever of these is missing,
    # the decision and the hours above stand; the amounts that need the missing data are marked unknown, never guessed.
    try:
        mu = p.maximum_uurprijs()
    except OntbrekendeWetgeving as e:
        u.prijs_fout = str(e)
        u.toeslag_bekend = uren == 0
        u.eerste_kind = rb.eerste_kind_op_uren(uren)  # Bkot art. 3 lid 2 needs only the hours
        with contextlib.suppress(OntbrekendeWetgeving):  # no amount, but the trace still reports the table and status
            u.tabel = p.tabel()
        return
    u.maximum_uurprijs = mu
    maxima = [0, int(mu.cent["dagopvang"]), int(mu.cent["buitenschoolse_opvang"]), int(mu.cent["gastouderopvang"])]
    prijs_in = b.prijs_cent
    if max(maxima) < 2**31 and prijs_in.dtype == np.int32:  # the capped price fits the input's int32
        max_arr = np.array(maxima, dtype=np.int32)
    else:
        max_arr = np.array(maxima, dtype=np.int64)
        prijs_in = prijs_in.astype(np.int64)
    prijs = rb.uurprijs_gebruikt(prijs_in, b.soort, max_arr)
    kosten_in_int32 = rb.past_in_int32(  # 0 <= uren <= hours asked and the monthly cap; price at most the maximum
        uren_min,
        min(uren_max, maandgrens_cu),
        min(prijs_min, min(maxima)),
        min(prijs_max, max(maxima)),
    )
    kosten_e = rb.kosten(uren, prijs, kosten_in_int32)
    if b.dagen is not None and maanddagen is not None:
        kosten_e = rb.naar_rato_dagen(kosten_e, b.dagen, maanddagen)
    eerste = rb.eerste_kind(uren, kosten_e)
    p1, p2 = _percentages(u, b, p)
    # promille = p1 for the first child, p2 for the others; int32 (tenths of a percent, -1 unknown), built as
    # p2 + eerste x (p1 - p2), which is cheaper than np.where with broadcast operands
    promille = np.multiply(eerste, (p1 - p2).astype(np.int32)[:, None, None], dtype=np.int32)
    promille += p2.astype(np.int32)[:, None, None]
    u.prijs_gebruikt_cent = prijs
    u.kosten_e = kosten_e
    u.eerste_kind = eerste
    u.promille = promille
    if p1.min(initial=0) >= 0 and p2.min(initial=0) >= 0:  # every percentage known (the usual case): no masking
        u.toeslag_cent = rb.toeslag_cent(kosten_e, promille)
        u.toeslag_bekend = None
    else:
        bekend = (promille >= 0) | (kosten_e == 0)
        u.toeslag_cent = np.where(bekend, rb.toeslag_cent(kosten_e, np.maximum(promille, 0)), 0)
        u.toeslag_bekend = bekend


def maand_aanspraak(u: Uitkomst, b: Batch) -> np.ndarray:
    """bool [H,12]: a month has aanspraak when the parents meet the conditions AND a child may have childcare with
    toeslag in it (Wko art. 1.5 lid 1: the aanspraak is for the childcare of a child; the child's own conditions:
    born, before secondary school, living with the parent, registered care). A child that starts secondary school, or
    is not yet born, takes the month with it when it is the only child. A household without any childcare entered (an
    incomplete voorwaardencheck) keeps the parents' verdict. A late application is already in `u.aanspraak`."""
    met_opvang = np.asarray((b.soort > 0).any(axis=(1, 2)))  # bool [H]
    eigen: np.ndarray
    if u.kind_bits is not None:
        eigen = (u.kind_bits & ~np.int32(c.K_TE_LAAT | c.K_GEEN_ASPRAAK_OUDERS)) == 0
    else:
        eigen = u.kind_ok | ~u.aanspraak[:, None, :]
    eigen = eigen & (b.soort > 0)
    maand: np.ndarray = u.aanspraak & (eigen.any(axis=1) | ~met_opvang[:, None])
    return maand


@dataclass
class Totalen:
    """Per-household yearly totals for population runs (no per-month detail kept)."""

    toeslag_cent: np.ndarray  # int64 [H]
    kosten_cent: np.ndarray  # int64 [H] (capped kosten, rounded half up)
    werkelijke_kosten_cent: np.ndarray  # int64 [H]
    uren_cu: np.ndarray  # int64 [H]
    maanden_aanspraak: np.ndarray  # int8 [H]
    kinderen_met_toeslag: np.ndarray  # int8 [H]
    toeslag_per_soort_cent: np.ndarray  # int64 [H,4] (index = opvangsoort code)
    uren_per_soort_cu: np.ndarray  # int64 [H,4]
    bedrag_onbekend: np.ndarray  # bool [H]: some toeslag of this household could not be computed (missing law data)


def _som(a: np.ndarray, dtype: type = np.int64) -> np.ndarray:
    """Sum over every axis but the first ([H,...] -> [H]), exact in integers. np.einsum sums the short month rows
    without numpy's per-row reduction overhead."""
    letters = "abcdefgh"[: a.ndim - 1]
    som: np.ndarray = np.einsum(f"h{letters}->h", a, dtype=dtype)
    return som


def _som_maanden(a: np.ndarray) -> np.ndarray:
    """[H,C,12] -> [H,C] int64, exact."""
    som: np.ndarray = np.einsum("hcm->hc", a, dtype=np.int64)
    return som


def _som_centen(eenheden: np.ndarray) -> np.ndarray:
    """Per household, the sum of the amounts rounded half up to the cent ([H,C,12] 1/10,000 euro -> [H] cents).
    An int32 array rounds to at most 2**31 / 100 cents a cell, so up to 99 cells its sum stays exact in int32."""
    centen = rb.afronden_cent(eenheden)
    if centen.dtype == np.int32 and centen.shape[1] * centen.shape[2] <= 99:
        som: np.ndarray = np.einsum("hcm->h", centen)
        return som.astype(np.int64)
    return _som(centen)


def _vaste_soort(soort: np.ndarray) -> np.ndarray:
    """bool [H,C]: the child has the same opvangsoort in every month. The 12 int8 months of a child are compared as
    three 4-byte words with the first month repeated in each byte (exact, and without a broadcast over months)."""
    eerste = soort[:, :, 0]
    if soort.dtype == np.int8 and soort.shape[2] == 12 and soort.flags.c_contiguous:
        woorden = soort.view(np.uint32)  # [H,C,3]
        herhaald = eerste.astype(np.uint8).astype(np.uint32) * np.uint32(0x01010101)
        vast: np.ndarray = woorden[:, :, 0] == herhaald
        vast &= woorden[:, :, 1] == herhaald
        vast &= woorden[:, :, 2] == herhaald
        return vast
    elke_maand: np.ndarray = (soort == eerste[:, :, None]).all(axis=2)
    return elke_maand


def _per_soort(
    soort: np.ndarray, toeslag: np.ndarray, uren: np.ndarray, toeslag_kind: np.ndarray, uren_kind: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Toeslag and hours per household and opvangsoort ([H,4], index = soort code; 0, no childcare, stays 0).

    Almost every child keeps one opvangsoort all year: its year sums (already made) go to that soort. Only the
    households with a child that changes soort within the year are summed month by month. Exact integer sums."""
    n = soort.shape[0]
    per_soort = np.zeros((n, 4), dtype=np.int64)
    uren_soort = np.zeros((n, 4), dtype=np.int64)
    vast = _vaste_soort(soort)
    eerste = soort[:, :, 0]
    for s in (1, 2, 3):  # the three opvangsoorten
        van_soort = eerste == s
        van_soort &= vast
        per_soort[:, s] = np.einsum("hc,hc->h", toeslag_kind, van_soort)
        uren_soort[:, s] = np.einsum("hc,hc->h", uren_kind, van_soort)
    wisselt = np.flatnonzero(~vast.all(axis=1))
    if wisselt.size:
        sw, tw, uw = soort[wisselt], toeslag[wisselt], uren[wisselt]
        for s in (1, 2, 3):  # the three opvangsoorten
            van_soort = sw == s
            per_soort[wisselt, s] = np.einsum("hcm,hcm->h", tw, van_soort, dtype=np.int64)
            uren_soort[wisselt, s] = np.einsum("hcm,hcm->h", uw, van_soort, dtype=np.int64)
    return per_soort, uren_soort


def totalen(u: Uitkomst, b: Batch) -> Totalen:
    if u.toeslag_cent is None or u.kosten_e is None or u.werkelijke_kosten_e is None:
        raise OntbrekendeWetgeving(u.prijs_fout or f"Voor {u.jaar} kan kotwijzer geen bedragen berekenen.")
    n = b.n
    toeslag = u.toeslag_cent
    toeslag_kind = np.einsum("hcm->hc", toeslag, dtype=np.int64)
    uren_kind = u.uren_per_kind_cu if u.uren_per_kind_cu is not None else _som_maanden(u.uren_cu)
    per_soort, uren_soort = _per_soort(b.soort, toeslag, u.uren_cu, toeslag_kind, uren_kind)
    onbekend = np.zeros(n, dtype=bool) if u.toeslag_bekend is None else ~u.toeslag_bekend.all(axis=(1, 2))
    return Totalen(
        toeslag_cent=np.einsum("hc->h", toeslag_kind),
        kosten_cent=_som_centen(u.kosten_e),
        werkelijke_kosten_cent=_som_centen(u.werkelijke_kosten_e),
        uren_cu=np.einsum("hc->h", uren_kind),
        maanden_aanspraak=_som(maand_aanspraak(u, b).view(np.int8), np.int8),  # at most 12
        kinderen_met_toeslag=np.einsum("hc->h", (toeslag_kind > 0).view(np.int8)),  # int8: at most C children
        toeslag_per_soort_cent=per_soort,
        uren_per_soort_cu=uren_soort,
        bedrag_onbekend=np.asarray(onbekend),
    )


def bereken_totalen(b: Batch, blok: int = 16_384, params: JaarParameters | None = None) -> Totalen:
    """Population path: run the kernel in blocks of households (bounded memory) and return yearly totals."""
    p = params or parameters_voor_jaar(b.jaar)
    delen = []
    for start in range(0, b.n, blok):
        sub = b.deel(slice(start, start + blok))
        delen.append(totalen(bereken_batch(sub, True, p, met_redenen=False), sub))
    return Totalen(*(np.concatenate([getattr(d, f) for d in delen]) for f in Totalen.__dataclass_fields__))
