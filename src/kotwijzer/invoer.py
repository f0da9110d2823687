"""From a validated `Huishouden` to the arrays the vectorised rules work on (a batch of one).

This module only translates input into month flags; every legal test it needs (the werkloosheidstermijn, the length
of a detention, which months a period covers, the municipal classification of an activity) is a named rule it calls.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from kotwijzer.formaat import MAANDNAMEN, getal
from kotwijzer.model import Huishouden, Kind, Opvangsoort, Ouder, Periode, Situatie
from kotwijzer.params import JaarParameters
from kotwijzer.rules import codes as c
from kotwijzer.rules import kalender

if TYPE_CHECKING:
    from kotwijzer.municipal import CatalogusBron

SOORT_CODE = {None: 0, Opvangsoort.dagopvang: 1, Opvangsoort.buitenschoolse_opvang: 2, Opvangsoort.gastouderopvang: 3}
SOORT_NAAM = {0: None, 1: Opvangsoort.dagopvang, 2: Opvangsoort.buitenschoolse_opvang, 3: Opvangsoort.gastouderopvang}

SITUATIE_BIT = {
    Situatie.arbeid: c.A,
    Situatie.meewerkend_partner: c.B,
    Situatie.jonger_dan_18_bijstand_scholing: c.E,
    Situatie.inburgering: c.G,
    Situatie.inburgering_overige_activiteit: c.G_OVERIG,
    Situatie.ww_traject: c.H,
    Situatie.arbeidsongeschikt_reintegratie: c.I,
    Situatie.studie: c.J,
    Situatie.sociaal_medische_indicatie: c.KL,
    Situatie.wlz_permanent: c.WLZ_PERM,
    Situatie.wlz_tijdelijk: c.WLZ_TIJD,
    Situatie.geen: 0,
}


class OntbrekendeInvoer(ValueError):
    """Input that the computation needs is missing. `veld` is the field path, `bericht` a Dutch message."""

    def __init__(self, veld: str, bericht: str):
        super().__init__(f"{veld}: {bericht}")
        self.veld = veld
        self.bericht = bericht


class OngeldigeInvoer(OntbrekendeInvoer):
    """Input that cannot be right (for example buitenschoolse opvang for a baby). Same shape as OntbrekendeInvoer."""


WEKEN_PER_JAAR = (
    52  # hours per week -> per month: x 52 / 12 (the conversion childcare contracts and the proefberekening use)
)


def verdeel_exact(totaal_cu: Fraction, n: int) -> list[int]:
    """Spread a total (in hundredths of an hour, possibly fractional) over n months so that every month gets a whole
    number of hundredths and every running total is the exact running total rounded half up: the year total is exact
    and no month differs by more than one hundredth from the exact share."""
    uit, vorig = [], 0
    for k in range(1, n + 1):
        cum = totaal_cu * k / n
        afgerond = int(cum) + (1 if cum - int(cum) >= Fraction(1, 2) else 0)
        uit.append(afgerond - vorig)
        vorig = afgerond
    return uit


def uren_per_maand_cu(per_maand, per_week, per_jaar, maanden: np.ndarray) -> tuple[np.ndarray, str | None]:
    """Hours per month in hundredths for the months in `maanden` (bool[12]), from a figure per month, per week or per
    year (the total over those months). Returns (hours [12], Dutch note on the conversion or None)."""
    out = np.zeros(12, dtype=np.int32)
    idx = [m for m in range(12) if maanden[m]]
    if per_maand is not None:
        out[idx] = int(per_maand * 100)
        return out, None
    if per_week is not None:
        totaal = Fraction(per_week) * 100 * WEKEN_PER_JAAR * len(idx) / 12
        tekst = (
            f"{getal(per_week, nullen='heel')} uur per week is omgerekend naar uren per maand: x 52 weken / 12 maanden = "
            f"{getal(Fraction(per_week) * WEKEN_PER_JAAR / 12, nullen='heel')} uur per maand (per maand afgerond op een honderdste "
            "uur, zo dat het jaartotaal klopt)."
        )
    elif per_jaar is not None:
        totaal = Fraction(per_jaar) * 100
        tekst = (
            f"{getal(per_jaar, nullen='heel')} uur per jaar is gelijk verdeeld over {len(idx)} maanden: "
            f"{getal(Fraction(per_jaar) / max(1, len(idx)), nullen='heel')} uur per maand (per maand afgerond op een honderdste uur, "
            "zo dat het totaal klopt)."
        )
    else:
        return out, None
    for m, v in zip(idx, verdeel_exact(totaal, len(idx)), strict=True):
        out[m] = v
    return out, tekst


@dataclass
class Batch:
    """Arrays for H households, 2 parents, C children, 12 months. See `kotwijzer.rules` for the meaning of bits."""

    jaar: int
    sit: np.ndarray  # uint32 [H,2,12]
    werkuren_cu: np.ndarray  # int32 [H,2,12] hours worked (hundredths), for the KGU years
    heeft_partner: np.ndarray  # bool [H]
    bloedverwant: np.ndarray  # bool [H]
    kind_bestaat: np.ndarray  # bool [H,C]
    geboren: np.ndarray  # bool [H,C,12]
    voor_vo: np.ndarray  # bool [H,C,12]
    bso_leeftijd: np.ndarray  # bool [H,C,12]
    woont: np.ndarray  # bool [H,C,12]
    soort: np.ndarray  # int8 [H,C,12]
    lrk: np.ndarray  # bool [H,C,12]
    uren_cu: np.ndarray  # int32 [H,C,12]
    prijs_cent: np.ndarray  # int32 [H,C,12]
    inkomen: np.ndarray  # int64 [H] (-1 unknown)
    eerste_maand: np.ndarray  # int8 [H]
    traject_einde_maand: np.ndarray | None = None  # int8 [H,2]: month index in which a traject (c/f) ended, -1 none
    # int16 [H,C,12]: days of the month with care, where care starts or ends within a month (Opvang.van/tot); None:
    # whole months (the usual case and every population run)
    dagen: np.ndarray | None = None
    # per-household notes for the trace (single-household path only)
    notities: list[dict] = field(default_factory=list)

    @property
    def n(self) -> int:
        return int(self.sit.shape[0])

    def deel(self, sl: slice) -> Batch:
        velden: dict[str, Any] = {
            f: getattr(self, f)[sl]
            for f in (
                "sit",
                "werkuren_cu",
                "heeft_partner",
                "bloedverwant",
                "kind_bestaat",
                "geboren",
                "voor_vo",
                "bso_leeftijd",
                "woont",
                "soort",
                "lrk",
                "uren_cu",
                "prijs_cent",
                "inkomen",
                "eerste_maand",
            )
        }
        return Batch(
            self.jaar,
            traject_einde_maand=None if self.traject_einde_maand is None else self.traject_einde_maand[sl],
            dagen=None if self.dagen is None else self.dagen[sl],
            **velden,
        )


def _d(x: dt.date | None) -> np.datetime64:
    return np.datetime64(x, "D") if x is not None else kalender.NAT


def _periode_maanden(p: Periode, jaar: int) -> np.ndarray:
    if p.maanden is not None:
        out = np.zeros(12, dtype=bool)
        out[[m - 1 for m in p.maanden]] = True
        return out
    return kalender.maanden_in_periode_datum(p.van, p.tot, jaar)


def _periode_runs(p: Periode, jaar: int) -> list[tuple[dt.date | None, dt.date | None]]:
    """The periods a situation covers, as (first day, last day or None while it goes on). A list of months with a gap
    (January-April and August-December) is two periods: the first ends on 30 April. A run that reaches December is
    taken to go on (a list of months of one year cannot say that the situation ends on 31 December)."""
    if p.maanden is None:
        return [(p.van, p.tot)]
    ms = sorted(set(p.maanden))
    runs: list[list[int]] = []
    for m in ms:
        if runs and m == runs[-1][-1] + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    out: list[tuple[dt.date | None, dt.date | None]] = []
    for r in runs:
        lo, hi = r[0], r[-1]
        tot = None if hi == 12 else dt.date(jaar, hi + 1, 1) - dt.timedelta(days=1)
        out.append((dt.date(jaar, lo, 1), tot))
    return out


def _periode_grenzen(p: Periode, jaar: int) -> tuple[dt.date | None, dt.date | None]:
    """First day of the first run and last day of the last run (None while it goes on)."""
    runs = _periode_runs(p, jaar)
    return runs[0][0], runs[-1][1]


def classificeer_activiteit(gemeente_code: str, activiteit: str, catalogus: CatalogusBron = None):
    """Wko 1.6 lid 1 onder c: whether a municipal activity is a voorziening gericht op arbeidsinschakeling follows from
    the municipality's classification (categories A and B) in `catalogus` (None: the shipped example data).
    Delegates to `kotwijzer.municipal`."""
    from kotwijzer.municipal.classificatie import classificeer  # local import: optional module

    return classificeer(gemeente_code, activiteit, catalogus)


def _ouder_arrays(
    o: Ouder | None, pad: str, jaar: int, p: JaarParameters, notities: list[dict], catalogus: CatalogusBron = None
):
    """Month flags [12] for one parent: the situation bits, the hours worked (KGU years) and the month a traject ended."""
    sit = np.zeros(12, dtype=np.uint32)
    werk = np.zeros(12, dtype=np.int32)
    traject_einde = -1
    if o is None:
        return sit, werk, traject_einde
    kgu = bool(p.koppeling_gewerkte_uren)
    # In 2021 a working parent gets 230 hours per month worked (corona relaxation), so the hours worked only matter
    # above 164 hours a month; they are not required then.
    uren_nodig = kgu and not bool(p.kgu_corona_verruiming)
    eindes: list[tuple[dt.date, int | None]] = []
    werk_perioden: list[tuple[dt.date | None, dt.date | None]] = []
    for i, per in enumerate(o.situaties):
        veld = f"{pad}.situaties[{i}]"
        maanden = _periode_maanden(per, jaar)
        bit = 0
        s = per.situatie
        if s in (Situatie.arbeid, Situatie.meewerkend_partner):
            bit = SITUATIE_BIT[s]
            heeft_uren = any(x is not None for x in (per.uren_per_maand, per.uren_per_week, per.uren_per_jaar))
            if uren_nodig and s == Situatie.arbeid and not heeft_uren:
                raise OntbrekendeInvoer(
                    f"{veld}.uren_per_maand",
                    f"Vul het aantal gewerkte uren per maand (of per week) in. In {jaar} hangt het aantal uren opvang af "
                    "van de gewerkte uren (koppeling gewerkte uren, art. 8a Besluit kinderopvangtoeslag).",
                )
            per_maand, omrekening = uren_per_maand_cu(per.uren_per_maand, per.uren_per_week, per.uren_per_jaar, maanden)
            if omrekening:
                notities.append({"soort": "omrekening", "tekst": f"Gewerkte uren ({pad}): {omrekening}"})
            if heeft_uren:
                werk = np.where(maanden, np.maximum(werk, per_maand), werk)
            for van, tot in _periode_runs(per, jaar):
                werk_perioden.append((van, tot))
                if tot is not None:
                    m_eind = tot.month - 1 if tot.year == jaar else 11
                    eindes.append((tot, int(per_maand[m_eind]) if heeft_uren else None))
        elif s in (Situatie.bijstand_traject, Situatie.werkzoekende_traject):
            bit, einde_maand = _traject_bit(per, veld, pad, jaar, maanden, notities, catalogus)
            traject_einde = max(traject_einde, einde_maand)
        elif s == Situatie.detentie:
            bit = _detentie_bit(per, veld, jaar, p, notities)
        else:
            bit = SITUATIE_BIT[s]
        sit = np.where(maanden, sit | np.uint32(bit), sit).astype(np.uint32)

    sit, werk = _werkloosheidstermijn(o, pad, jaar, p, uren_nodig, eindes, werk_perioden, sit, werk, notities)
    return sit, werk, traject_einde


def _traject_bit(
    per: Periode,
    veld: str,
    pad: str,
    jaar: int,
    maanden: np.ndarray,
    notities: list[dict],
    catalogus: CatalogusBron,
) -> tuple[int, int]:
    """A bijstand or werkzoekende traject (Wko 1.6 lid 1 onder c and f): its situation bit, from the municipality's
    classification of the named activity (in `catalogus`) or the answer given, and the last month (0-11, -1: none)
    in this year in which it ends."""
    doel_bit = c.C if per.situatie == Situatie.bijstand_traject else c.F
    voorz = per.voorziening_gericht_op_arbeidsinschakeling
    if per.activiteit is not None:
        if per.gemeente_code is None:
            raise OntbrekendeInvoer(f"{veld}.gemeente_code", "Vul de gemeente in bij de activiteit.")
        try:
            kl = classificeer_activiteit(per.gemeente_code, per.activiteit, catalogus)
        except LookupError as e:
            raise OntbrekendeInvoer(f"{veld}.activiteit", str(e)) from e
        voorz = bool(kl.gericht_op_arbeidsinschakeling)
        notities.append(
            {
                "soort": "activiteit",
                "veld": veld,
                "ouder": pad,
                "classificatie": kl,
                "maanden": [m for m in range(12) if maanden[m]],
            }
        )
    traject_einde = -1
    for _van_t, tot_t in _periode_runs(per, jaar):
        if tot_t is not None and tot_t.year == jaar:
            traject_einde = max(traject_einde, tot_t.month - 1)
    if voorz is True:
        return doel_bit, traject_einde
    if voorz is False:
        return c.BIJSTAND_ZONDER_VOORZIENING, traject_einde
    notities.append({"soort": "onbekend", "veld": f"{veld}.voorziening_gericht_op_arbeidsinschakeling"})
    return c.ONBEKEND, traject_einde


def _detentie_bit(per: Periode, veld: str, jaar: int, p: JaarParameters, notities: list[dict]) -> int:
    """Detention (Wko 1.6 lid 10 and 11): the situation bit, long (more than the minimum duration) or short."""
    begin = per.detentie_begin or _periode_grenzen(per, jaar)[0]
    einde = per.detentie_einde or _periode_grenzen(per, jaar)[1]
    if einde is None:
        raise OntbrekendeInvoer(
            f"{veld}.detentie_einde",
            "Vul de einddatum van de straf of maatregel in. De uitzondering geldt alleen als die langer dan "
            "drie maanden duurt (art. 1.6 lid 10 en 11 Wet kinderopvang).",
        )
    lang = bool(
        kalender.langer_dan_maanden(
            np.array([_d(begin)]), np.array([_d(einde)]), int(p.detentie_minimale_duur_maanden)
        )[0]
    )
    voorlopig = per.detentie_soort == "voorlopige_hechtenis"
    notities.append({"soort": "detentie", "veld": veld, "begin": begin, "einde": einde, "langer": lang})
    return (c.DET_VOORLOPIG_LANG if voorlopig else c.DET_LANG) if lang else c.DET_KORT


def _werkloosheidstermijn(
    o: Ouder,
    pad: str,
    jaar: int,
    p: JaarParameters,
    uren_nodig: bool,
    eindes: list[tuple[dt.date, int | None]],
    werk_perioden: list[tuple[dt.date | None, dt.date | None]],
    sit: np.ndarray,
    werk: np.ndarray,
    notities: list[dict],
) -> tuple[np.ndarray, np.ndarray]:
    """The werkloosheidstermijn (Wko 1.6 lid 5) after each end of work not followed directly by new work, added to the
    parent's situation bits and hours worked."""
    if o.laatste_werkdag_vorig_jaar is not None:
        if o.laatste_werkdag_vorig_jaar.year != jaar - 1:
            raise OntbrekendeInvoer(f"{pad}.laatste_werkdag_vorig_jaar", f"Deze datum moet in {jaar - 1} liggen.")
        u = o.uren_per_maand_voor_einde
        if uren_nodig and u is None:
            raise OntbrekendeInvoer(
                f"{pad}.uren_per_maand_voor_einde",
                "Vul in hoeveel uur per maand u werkte voor uw laatste werkdag (koppeling gewerkte uren, art. 8a lid 4 "
                "Besluit kinderopvangtoeslag).",
            )
        eindes.append((o.laatste_werkdag_vorig_jaar, int(u * 100) if u is not None else None))
    for einde, uren in eindes:
        if einde.year < jaar - 1 or einde.year > jaar or einde == dt.date(jaar, 12, 31):
            continue  # a period that ends on 31 December of this year: the werkloosheidstermijn lies in the next year
        volgende = einde + dt.timedelta(days=1)
        if any((v is not None and v <= volgende) and (t is None or t >= volgende) for v, t in werk_perioden):
            continue  # work goes on the next day
        eind, verlenging = kalender.werkloosheidstermijn_einde(
            np.array([_d(einde)]),
            np.array([_d(o.vermoedelijke_bevallingsdatum)]),
            np.array([_d(o.bevallingsdatum)]),
            int(p.werkloosheidstermijn_maanden),
            int(p.zwangerschap_dagen_voor_vermoedelijke_bevalling),
            int(p.zwangerschap_dagen_na_bevalling),
        )
        maanden = kalender.maanden_in_periode(np.array([_d(volgende)]), eind, jaar)[0]
        nieuw = maanden & ((sit & (c.A | c.B)) == 0)
        sit = np.where(nieuw, sit | np.uint32(c.WT), sit).astype(np.uint32)
        if uren is not None:
            werk = np.where(nieuw, np.maximum(werk, uren), werk)
        notities.append(
            {
                "soort": "werkloosheidstermijn",
                "ouder": pad,
                "laatste_werkdag": einde,
                "einde_termijn": dt.date.fromisoformat(str(eind[0])),
                "verlenging_dagen": int(verlenging[0]),
                "bevalling_geschat": o.bevallingsdatum is None and o.vermoedelijke_bevallingsdatum is not None,
            }
        )
    return sit, werk


def _kind_arrays(k: Kind, jaar: int, pad: str = "kinderen[0]", notities: list[dict] | None = None):
    soort = np.zeros(12, dtype=np.int8)
    lrk = np.ones(12, dtype=bool)
    uren = np.zeros(12, dtype=np.int32)
    prijs = np.zeros(12, dtype=np.int32)
    maand_eind = kalender.laatste_dagen(jaar)
    maand_start = kalender.maand_begin(jaar)[:-1]
    vier = np.datetime64(kalender.vierde_verjaardag(k.geboortedatum), "D")
    leerplicht = np.datetime64(kalender.begin_leerplicht(k.geboortedatum), "D")
    geboren = np.datetime64(k.geboortedatum, "D") <= maand_eind
    for j, o in enumerate(k.opvang):
        idx = [m - 1 for m in o.maanden]
        mask = np.zeros(12, dtype=bool)
        mask[idx] = True
        per_maand, omrekening = uren_per_maand_cu(o.uren_per_maand, o.uren_per_week, o.uren_per_jaar, mask)
        if omrekening and notities is not None:
            nr = int(pad[pad.index("[") + 1 : pad.index("]")]) + 1 if "[" in pad else 1
            notities.append({"soort": "omrekening", "tekst": f"Opvanguren ({k.label or f'kind {nr}'}): {omrekening}"})
        soort[idx] = SOORT_CODE[o.soort]
        lrk[idx] = o.lrk_geregistreerd
        uren[idx] = per_maand[idx]
        prijs[idx] = int(o.uurprijs * 100)
        # the kind of childcare must fit the child's age (Wko art. 1.1: buitenschoolse opvang is for children of the
        # age at which they can go to primary school; Bkot art. 1 onder b: dagopvang until they go to primary school)
        if o.soort == Opvangsoort.buitenschoolse_opvang:
            fout = np.flatnonzero(mask & geboren & (maand_eind < vier))
            if fout.size:
                raise OngeldigeInvoer(
                    f"{pad}.opvang[{j}].soort",
                    f"Buitenschoolse opvang is voor kinderen vanaf {kalender.LEEFTIJD_BASISONDERWIJS} jaar (de leeftijd "
                    f"waarop een kind naar de basisschool kan). Dit kind is in {MAANDNAMEN[fout[0]]} {jaar} nog geen "
                    f"{kalender.LEEFTIJD_BASISONDERWIJS}. Kies dagopvang of gastouderopvang.",
                )
        elif o.soort == Opvangsoort.dagopvang:
            fout = np.flatnonzero(mask & (maand_start >= leerplicht))
            if fout.size:
                raise OngeldigeInvoer(
                    f"{pad}.opvang[{j}].soort",
                    f"Dagopvang is voor kinderen die nog niet naar de basisschool gaan. Dit kind moet vanaf "
                    f"{MAANDNAMEN[fout[0]]} {jaar} naar school (leerplicht vanaf de maand na de vijfde verjaardag). "
                    "Kies buitenschoolse opvang of gastouderopvang.",
                )
    if k.start_voortgezet_onderwijs:
        vo = np.datetime64(k.start_voortgezet_onderwijs + "-01", "D")
        voor_vo = maand_start < vo
    else:
        voor_vo = np.ones(12, dtype=bool)
    # basisonderwijs from the age of four: gastouderopvang pools with BSO from the month after the 4th birthday
    bso_leeftijd = maand_start > vier
    woont = np.full(12, bool(k.woont_op_adres_aanvrager or k.co_ouderschap))
    return soort, lrk, uren, prijs, geboren, voor_vo, bso_leeftijd, woont


def naar_batch(
    h: Huishouden, p: JaarParameters, aanvraagdatum: dt.date | None = None, catalogus: CatalogusBron = None
) -> Batch:
    """One household as a batch of one. `aanvraagdatum` overrides h.aanvraagdatum (the calculator passes the date it
    assumes when none was given); without either, no retroactivity limit applies (as in the population runs).
    `catalogus` is the municipal catalogue an activity named in the input is classified with (None: the shipped
    example data), as a formula receives its parameters."""
    jaar = h.berekeningsjaar
    notities: list[dict] = []
    s0, w0, t0 = _ouder_arrays(h.aanvrager, "aanvrager", jaar, p, notities, catalogus)
    s1, w1, t1 = _ouder_arrays(h.partner, "partner", jaar, p, notities, catalogus)
    C = max(1, len(h.kinderen))
    arr = {
        "soort": np.zeros((1, C, 12), np.int8),
        "lrk": np.ones((1, C, 12), bool),
        "uren_cu": np.zeros((1, C, 12), np.int32),
        "prijs_cent": np.zeros((1, C, 12), np.int32),
        "geboren": np.zeros((1, C, 12), bool),
        "voor_vo": np.zeros((1, C, 12), bool),
        "bso_leeftijd": np.zeros((1, C, 12), bool),
        "woont": np.zeros((1, C, 12), bool),
    }
    bestaat = np.zeros((1, C), bool)
    for i, k in enumerate(h.kinderen):
        bestaat[0, i] = True
        vals = _kind_arrays(k, jaar, f"kinderen[{i}]", notities)
        for name, v in zip(
            ("soort", "lrk", "uren_cu", "prijs_cent", "geboren", "voor_vo", "bso_leeftijd", "woont"), vals, strict=True
        ):
            arr[name][0, i] = v
    eerste = np.array(
        [
            kalender.eerste_maand_na_aanvraag_datum(
                aanvraagdatum or h.aanvraagdatum, jaar, int(p.terugwerkende_kracht_maanden)
            )
        ],
        dtype=np.int8,
    )
    dagen = _opvangdagen(h, C)
    return Batch(
        jaar=jaar,
        sit=np.stack([s0, s1])[None].astype(np.uint32),
        werkuren_cu=np.stack([w0, w1])[None].astype(np.int32),
        heeft_partner=np.array([h.partner is not None]),
        bloedverwant=np.array([bool(h.partner_is_bloedverwant)]),
        kind_bestaat=bestaat,
        inkomen=np.array([h.toetsingsinkomen if h.toetsingsinkomen is not None else -1], dtype=np.int64),
        eerste_maand=eerste,
        traject_einde_maand=np.array([[t0, t1]], dtype=np.int8),
        notities=notities,
        dagen=dagen,
        **arr,
    )


def _opvangdagen(h: Huishouden, C: int) -> np.ndarray | None:
    """Days of each month with care where a care line carries an exact first or last day (Opvang.van/tot): a change
    in the care itself counts from its own day (Wko art. 1.3 lid 2 sets Awir art. 5 aside for the kosten per kind).
    None when no care line has a date."""
    if not any(o.van or o.tot for k in h.kinderen for o in k.opvang):
        return None
    jaar = h.berekeningsjaar
    lengte = np.diff(kalender.maand_begin(jaar)).astype("timedelta64[D]").astype(np.int16)
    dagen = np.zeros((1, C, 12), np.int16)
    for i, k in enumerate(h.kinderen):
        for o in k.opvang:
            for m in o.maanden:
                n = int(lengte[m - 1])
                a = o.van.day if (o.van and o.van.year == jaar and o.van.month == m) else 1
                b = o.tot.day if (o.tot and o.tot.year == jaar and o.tot.month == m) else n
                dagen[0, i, m - 1] = max(int(dagen[0, i, m - 1]), max(0, b - a + 1))
        # months without care keep 0 days; they have no hours either
    return np.where(dagen == 0, lengte[None, None, :], dagen).astype(np.int16)


_PER_HUISHOUDEN = ("heeft_partner", "bloedverwant", "inkomen", "eerste_maand")
_PER_OUDER = ("sit", "werkuren_cu", "traject_einde_maand")
_PER_KIND = ("kind_bestaat", "geboren", "voor_vo", "bso_leeftijd", "woont", "soort", "lrk", "uren_cu", "prijs_cent")


def voeg_samen(batches: list[Batch]) -> Batch:
    """Concatenate batches of the same year into one (children padded to the largest count, as absent children)."""
    if not batches:
        raise ValueError("geen huishoudens om samen te voegen")
    jaar = batches[0].jaar
    if any(b.jaar != jaar for b in batches):
        raise ValueError("alle huishoudens moeten hetzelfde berekeningsjaar hebben")
    C = max(b.kind_bestaat.shape[1] for b in batches)

    def pad(a: np.ndarray) -> np.ndarray:
        extra = C - a.shape[1]
        if extra == 0:
            return a
        vul = 0  # absent children: no childcare, not existing
        return np.concatenate([a, np.full((a.shape[0], extra) + a.shape[2:], vul, dtype=a.dtype)], axis=1)

    velden: dict[str, Any] = {f: np.concatenate([getattr(b, f) for b in batches]) for f in _PER_HUISHOUDEN}
    for f in _PER_OUDER:
        delen = [getattr(b, f) if getattr(b, f) is not None else np.full((b.n, 2), -1, np.int8) for b in batches]
        velden[f] = np.concatenate(delen)
    for f in _PER_KIND:
        velden[f] = np.concatenate([pad(getattr(b, f)) for b in batches])
    return Batch(jaar=jaar, **velden)
