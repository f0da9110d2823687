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

import numpy as np
import numpy.typing as npt

from kotwijzer.policy.aannames import (  # noqa: F401  (re-exported: the population's assumptions)
    Aannames,
    gepubliceerde_cijfers,
    kalibratie_doelen,
    lees_aannames_bestand,
    standaard_aannames_pad,
)
from kotwijzer.policy.codes import (  # noqa: F401  (re-exported: codes of the population)
    BIJSTAND_PROFIELEN,
    GEWICHT_EENHEID,
    GROEP_TEKST,
    GROEPEN,
    HP,
    HUISHOUDPROFIELEN,
    JAREN,
    MAX_KINDEREN,
    META_SLEUTEL,
    O_BIJSTAND_A,
    O_BIJSTAND_B,
    O_BIJSTAND_C,
    O_BIJSTAND_GEEN,
    O_BIJSTAND_ONTHEFFING,
    O_DETENTIE,
    O_GEEN,
    O_GEEN_PARTNER,
    O_INBURGERING,
    O_OVERIGE,
    O_STUDIE,
    O_WERK,
    O_WLZ,
    OUDERPROFIELEN,
    PERIODE_BIT,
    S_AO_REINTEGRATIE,
    S_ARBEID,
    S_BIJSTAND_AB,
    S_BIJSTAND_C,
    S_DETENTIE,
    S_GEEN,
    S_INBURGERING,
    S_INBURGERING_OVERIG,
    S_STUDIE,
    S_WLZ_PERM,
    S_WLZ_TIJD,
    S_WW_TRAJECT,
    G,
)
from kotwijzer.policy.decielen import gewogen_decielen, nationale_decielen  # noqa: F401
from kotwijzer.policy.kalenderhulp import (  # noqa: F401
    als_datum,
    dagen_sinds_1970,
    kind_maanden,
    leeftijd_op_1_januari,
    maand_datum,
    maand_einde,
    maanden_van_periode,
    situatie_maanden,
)
from kotwijzer.policy.opslag import (  # noqa: F401  (re-exported: container and storage)
    BATCH_VELDEN,
    EXTRA_VELDEN,
    GEEN_DATUM,
    VELDEN,
    Populatie,
    kolomnamen,
    lees_deel,
    lees_meta,
    lees_parquet,
    rijgroepen,
)


# ------------------------------------------------------------------------------------------ generator
def _kies(rng: np.random.Generator, kansen: npt.ArrayLike, n: int) -> np.ndarray:
    kansen = np.asarray(kansen, dtype=np.float64)
    return np.searchsorted(np.cumsum(kansen / kansen.sum()), rng.random(n), side="right").clip(0, len(kansen) - 1)


def huishoudprofiel_kansen(a: Aannames, jaar: int = 2024) -> tuple[np.ndarray, np.ndarray]:
    """Start probabilities of the household profiles (separately for paar and eenouder), from the assumptions."""
    start = a.waarde("huishoudens_start")
    P, E = float(start["paar"]), float(start["eenouder"])
    wp = a.waarde("werkpatroon_paren")
    doelen = {dl["maat"]: dl for dl in kalibratie_doelen()["doelen"]}
    bijstand_een = float(a.doelwaarde(doelen["bijstand_eenouder"], jaar))
    bijstand_paar = float(a.doelwaarde(doelen["bijstand_paar"], jaar))
    inb = float(a.waarde("inburgering_huishoudens"))
    stu = float(a.waarde("studenten_huishoudens"))
    wlz = float(a.waarde("wlz_huishoudens"))
    det = float(a.waarde("detentie_huishoudens"))
    ovr = float(a.waarde("overige_doelgroep_huishoudens"))
    v = a.waarde("verdeling_kleine_doelgroepen")
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
        "eenouder_werk": float(a.waarde("eenouder_werkt")) * E,
    }
    een = ["paar_werk_inburgering", "paar_werk_studie", "paar_werk_wlz", "paar_werk_detentie", "paar_werk_overige"]
    geen = [
        "paar_bijstand",
        "paar_beide_inburgering",
        "paar_beide_studie",
        "paar_wlz_geen",
        "paar_wlz_wlz",
        "paar_detentie_geen",
    ]
    aantal["paar_werk_geen"] = max(wp["een_werkt"] * P - sum(aantal[k] for k in een), 0.0)
    aantal["paar_geen_geen"] = max(wp["geen_werkt"] * P - sum(aantal[k] for k in geen), 0.0)
    eenouder = [h[0] for h in HUISHOUDPROFIELEN if not h[1]]
    aantal["eenouder_geen"] = max(E - sum(aantal.get(k, 0.0) for k in eenouder if k != "eenouder_geen"), 0.0)
    paar_k = np.array([aantal.get(h[0], 0.0) if h[1] else 0.0 for h in HUISHOUDPROFIELEN])
    een_k = np.array([aantal.get(h[0], 0.0) if not h[1] else 0.0 for h in HUISHOUDPROFIELEN])
    return paar_k / paar_k.sum(), een_k / een_k.sum()


def generate(n: int, jaar: int = 2024, seed: int = 2024, aannames: Aannames | None = None) -> Populatie:
    """Draw `n` households for `jaar` under `aannames` (None: the shipped assumptions). Uncalibrated: every household
    has the same start weight."""
    a = aannames or Aannames.standaard()
    if jaar not in JAREN:
        raise ValueError(
            f"Een populatie kan alleen voor {', '.join(map(str, JAREN))} worden gemaakt: alleen voor die jaren zijn er "
            "kalibratiedoelen en een tabel met percentages."
        )
    if n < 1:
        raise ValueError("Het aantal huishoudens moet minstens 1 zijn.")
    rng = np.random.default_rng(np.random.SeedSequence([seed, jaar]))
    klasse, paar, hp, prof, kk = _huishoudens(a, rng, n, jaar)
    n_kind, geboorte, bestaat, vo = _kinderen(a, rng, n, jaar, klasse, prof)
    prof, groep = _doelgroep(rng, paar, hp, prof, kk)
    p1_s, p1_van, p1_tot, p2_s, p2_van, p2_tot = _perioden(a, rng, n, jaar, prof, kk)
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
        "p1_van": dagen_sinds_1970(p1_van),
        "p1_tot": dagen_sinds_1970(p1_tot),
        "p2_situatie": p2_s.astype(np.int8),
        "p2_van": dagen_sinds_1970(p2_van),
        "p2_tot": dagen_sinds_1970(p2_tot),
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
    data["inkomen"] = _inkomen(a, rng, jaar, hp, prof)

    # --- children: months, and the childcare they would use with a right ---------------------------
    km = kind_maanden(geboorte, vo, jaar)
    for k, v in km.items():
        data[k] = v & bestaat[..., None]
    data["woont"] = np.repeat(bestaat[..., None], 12, axis=2)
    data["lrk"] = np.ones((n, MAX_KINDEREN, 12), bool)
    soort, uren, prijs = _opvang(a, rng, jaar, data, groep, geboorte, bestaat)
    data["soort"], data["uren_cu"], data["prijs_cent"] = soort, uren, prijs

    start = a.waarde("huishoudens_start")
    totaal = float(start["paar"]) + float(start["eenouder"])
    data["gewicht_e4"] = np.full(n, round(totaal / n * GEWICHT_EENHEID), np.int64)
    meta = {"seed": seed, "aantal": n, "gekalibreerd": False}
    return Populatie(jaar, data, meta)


def _huishoudens(a: Aannames, rng: np.random.Generator, n: int, jaar: int):
    """Household type, the class of the youngest child, the household profile and each parent's profile (bijstand:
    the activity per parent)."""
    # --- household type and youngest child ---------------------------------------------------------
    p_jong = float(a.waarde("aandeel_jongste_0_5"))
    kk = a.waarde("kleine_kansen")
    start = a.waarde("huishoudens_start")
    p_nieuw = (
        float(a.waarde("geboortes_in_jaar"))
        * float(kk["eerste_kind_in_jaar"])
        / (float(start["paar"]) + float(start["eenouder"]))
    )
    klasse = _kies(rng, [p_nieuw, p_jong - p_nieuw, 1 - p_jong], n)  # 0 born in year, 1 youngest 0-5, 2 youngest 6-12
    eenouder_kans = np.where(
        klasse == 2,
        float(a.waarde("aandeel_eenouder_jongste_6_12")),
        float(a.waarde("aandeel_eenouder_jongste_0_5")),
    )
    paar = rng.random(n) >= eenouder_kans
    # --- parents ---------------------------------------------------------------------------------
    kp, ke = huishoudprofiel_kansen(a, jaar)
    hp = np.where(paar, _kies(rng, kp, n), _kies(rng, ke, n)).astype(np.int8)
    prof_tab = np.array([[h[2], h[3]] for h in HUISHOUDPROFIELEN], dtype=np.int8)
    prof = prof_tab[hp].copy()  # [n,2]
    # bijstand: activity per parent
    act = a.waarde("bijstand_activiteit")
    act_kansen = np.array(
        [act["categorie_a"], act["categorie_b"], act["categorie_c"], act["geen_activiteit"], act["ontheffing"]]
    )
    act_codes = np.array(BIJSTAND_PROFIELEN, dtype=np.int8)
    paar_fac = float(a.waarde("bijstand_activiteit_paar_factor"))
    act_kansen_paar = act_kansen * np.array([paar_fac, paar_fac, paar_fac, 1.0, 1.0])
    act_kansen_paar[3] += 1.0 - act_kansen_paar.sum()  # the rest: no activity
    for o in (0, 1):
        bij = prof[:, o] == O_BIJSTAND_GEEN
        keuze = np.where(paar, _kies(rng, act_kansen_paar, n), _kies(rng, act_kansen, n))
        prof[:, o] = np.where(bij, act_codes[keuze], prof[:, o])
    return klasse, paar, hp, prof, kk


def _kinderen(a: Aannames, rng: np.random.Generator, n: int, jaar: int, klasse: np.ndarray, prof: np.ndarray):
    """Number of children under 13, their birth months and the month voortgezet onderwijs starts."""
    # --- children ------------------------------------------------------------------------------------
    verd = a.waarde("aantal_kinderen_tot_12")
    kans_jong = np.array([verd["jongste_0_5"][i] for i in range(1, 5)])
    kans_oud = np.array([verd["jongste_6_12"][i] for i in range(1, 5)])
    n_kind = np.where(klasse == 2, _kies(rng, kans_oud, n), _kies(rng, kans_jong, n)) + 1
    bij_kans = np.array([verd["bijstand"][i] for i in range(1, 5)])
    n_kind = np.where(np.isin(prof, BIJSTAND_PROFIELEN).any(axis=1), _kies(rng, bij_kans, n) + 1, n_kind)
    laagste = -(13 * 12) + 9  # October of year-13: the oldest birth month still in primary school in January
    jongste = np.where(
        klasse == 0,
        rng.integers(0, 12, n),
        np.where(klasse == 1, rng.integers(-72, 0, n), rng.integers(laagste, -72, n)),
    )
    geboorte = np.full((n, MAX_KINDEREN), np.iinfo(np.int16).min, dtype=np.int64)
    geboorte[:, 0] = jongste
    gem = float(a.waarde("tussenpoos_broers_zussen_maanden"))
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

    return n_kind, geboorte, bestaat, vo


def _doelgroep(rng: np.random.Generator, paar: np.ndarray, hp: np.ndarray, prof: np.ndarray, kk: dict):
    """The order of the parents in a couple and the household's doelgroep label."""
    # random order of the two parents in a couple (the aanvrager is not always the one who works)
    wissel = paar & (rng.random(len(paar)) < float(kk["aanvrager_werkt_niet"]))
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

    return prof, groep


def _perioden(a: Aannames, rng: np.random.Generator, n: int, jaar: int, prof: np.ndarray, kk: dict):
    """Each parent's situations as dated periods (at most two per parent)."""
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
    stopt = werk & (rnd() < float(a.waarde("werk_stopt")))
    begint = werk & ~stopt & (rnd() < float(a.waarde("werk_begint")))
    p1_s = np.where(werk, S_ARBEID, p1_s)
    p1_van = np.where(werk, np.where(begint, maand_datum(jaar, m_start), voor_jaar), p1_van)
    p1_tot = np.where(stopt, maand_einde(jaar, m_eind), p1_tot)
    # bijstand with a traject (categorie A/B): may end in the year; afterwards no activity or work
    traject = np.isin(prof, (O_BIJSTAND_A, O_BIJSTAND_B))
    t_eind = traject & (rnd() < float(a.waarde("traject_eindigt_in_jaar")))
    p1_s = np.where(traject, S_BIJSTAND_AB, p1_s)
    p1_van = np.where(traject, voor_jaar, p1_van)
    p1_tot = np.where(t_eind, maand_einde(jaar, m_eind), p1_tot)
    naar_werk = t_eind & (rnd() < float(a.waarde("werk_na_traject")))
    p2_s = np.where(naar_werk, S_ARBEID, p2_s)
    p2_van = np.where(naar_werk, maand_datum(jaar, m_eind + 1), p2_van)
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
    ia = a.waarde("inburgering_activiteit")
    soort_inb = _kies(rng, [ia["alleen_cursus"], ia["cursus_dan_overig"], ia["alleen_overig"]], n * 2).reshape(n, 2)
    k_wissel = rng.integers(1, 10, (n, 2))
    p1_s = np.where(inb, np.where(soort_inb == 2, S_INBURGERING_OVERIG, S_INBURGERING), p1_s)
    p1_van = np.where(inb, voor_jaar, p1_van)
    dan_overig = inb & (soort_inb == 1)
    p1_tot = np.where(dan_overig, maand_einde(jaar, k_wissel), p1_tot)
    p2_s = np.where(dan_overig, S_INBURGERING_OVERIG, p2_s)
    p2_van = np.where(dan_overig, maand_datum(jaar, k_wissel + 1), p2_van)
    # Wlz: permanent (all year) or temporary (6 to 12 months)
    wlz = prof == O_WLZ
    tijd = wlz & (rnd() < float(kk["wlz_tijdelijk"]))
    w_start = rng.integers(0, 7, (n, 2))
    w_len = rng.integers(6, 13, (n, 2))
    p1_s = np.where(wlz, np.where(tijd, S_WLZ_TIJD, S_WLZ_PERM), p1_s)
    p1_van = np.where(wlz, np.where(tijd, maand_datum(jaar, w_start), voor_jaar), p1_van)
    p1_tot = np.where(tijd & (w_start + w_len < 12), maand_einde(jaar, w_start + w_len - 1), p1_tot)
    # detention: a sentence of d months overlapping the year; longer than three months in 45% of cases
    det = prof == O_DETENTIE
    lang = rnd() < float(kk["detentie_langer_dan_drie_maanden"])
    duur = np.where(lang, rng.integers(4, 37, (n, 2)), rng.integers(1, 4, (n, 2)))
    in_maand = rng.integers(0, 12, (n, 2))
    begin_t = in_maand - rng.integers(0, duur)  # rng.integers(0, duur) < duur
    p1_s = np.where(det, S_DETENTIE, p1_s)
    p1_van = np.where(det, maand_datum(jaar, begin_t), p1_van)
    p1_tot = np.where(det, maand_einde(jaar, begin_t + duur - 1), p1_tot)
    # WW or arbeidsongeschiktheid with a traject (onderdeel h or i)
    ovr = prof == O_OVERIGE
    p1_s = np.where(ovr, np.where(rnd() < float(kk["ww_in_plaats_van_ao"]), S_WW_TRAJECT, S_AO_REINTEGRATIE), p1_s)
    p1_van = np.where(ovr, voor_jaar, p1_van)

    return p1_s, p1_van, p1_tot, p2_s, p2_van, p2_tot


def _inkomen(a: Aannames, rng: np.random.Generator, jaar: int, hp: np.ndarray, prof: np.ndarray) -> np.ndarray:
    n = hp.shape[0]
    idx = float(a.waarde("loonindex_2020")[jaar])
    fac_jaar = idx / float(a.waarde("loonindex_2020")[2024])
    # inkomen_mediaan is CBS primair inkomen (2020 prices); the toetsingsinkomen is a share of it
    fac_ti = float(a.waarde("toetsingsinkomen_factor"))
    med = {k: float(v) * fac_ti for k, v in a.waarde("inkomen_mediaan").items()}
    sig = a.waarde("inkomen_spreiding")
    zw = a.waarde("inkomen_zonder_werk")
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
        bijstand | inb,
        np.where(paar, zw["paar_bijstand"], zw["eenouder_bijstand"]),
        np.where(studie, np.where(paar, zw["student_paar"], zw["student_eenouder"]), zw["overig"]),
    )
    ink = np.where(geen_werk, basis * fac_jaar * ruis, ink)
    return np.maximum(np.rint(ink), 0).astype(np.int64)


def _opvang(a: Aannames, rng, jaar, data, groep, geboorte, bestaat):
    """Childcare per child and month (soort, hours in hundredths, price in cents) that the household uses when it has
    a right. Static: reforms change the right, not this use."""
    n = groep.shape[0]
    K = MAX_KINDEREN
    gebr = a.waarde("gebruik_opvang_bij_recht")
    fac_tab = a.waarde("gebruik_factor_doelgroep")
    groep_fac = {
        "werk": fac_tab["werk"],
        "bijstand_traject": fac_tab["bijstand"],
        "bijstand_categorie_c": fac_tab["bijstand"],
        "bijstand_geen_activiteit": fac_tab["bijstand"],
        "studie": fac_tab["studie"],
        "inburgering": fac_tab["inburgering"],
        "wlz": fac_tab["wlz"],
        "detentie": fac_tab["detentie"],
        "overige_doelgroep": fac_tab["overige"],
        "geen": fac_tab["geen"],
    }
    fac = np.array([groep_fac[g] for g in GROEPEN])[groep][:, None]  # [n,1]
    # more formal childcare at higher incomes: factor rising linearly with the income rank within paar / eenouder
    gr_ink = a.waarde("gebruik_inkomensgradient")
    rang = np.zeros(n)
    for sel in (data["heeft_partner"], ~data["heeft_partner"]):
        idx = np.flatnonzero(sel)
        if idx.size:
            rang[idx[np.argsort(data["inkomen"][idx], kind="stable")]] = (np.arange(idx.size) + 0.5) / idx.size
    fac = fac * (float(gr_ink["laagste"]) + (float(gr_ink["hoogste"]) - float(gr_ink["laagste"])) * rang)[:, None]
    leeftijd = np.where(geboorte >= 0, -1, (-geboorte - 1) // 12)  # age on 1 January; -1 = born in the year
    dag_kans = np.array([gebr["dagopvang_leeftijd"].get(a, 0.0) for a in range(4)])
    bso_kans = np.array([gebr["bso_leeftijd"].get(a, 0.0) for a in range(13)])
    p_dag = np.where(leeftijd <= 3, dag_kans[np.clip(leeftijd, 0, 3)], 0.0) * fac
    p_bso = np.where(leeftijd >= 4, bso_kans[np.clip(leeftijd, 0, 12)], bso_kans[4]) * fac
    go = a.waarde("gastouder_aandeel")
    dv = a.waarde("opvang_deel_van_jaar")
    u_dag = (rng.random((n, K)) < np.clip(p_dag, 0, 1)) & bestaat
    go_dag = rng.random((n, K)) < float(go["dagopvang_leeftijd"])
    # BSO phase: a child that used dagopvang this year continues with probability gaat_naar_bso
    vervolg = rng.random((n, K))
    u_bso = (
        np.where(
            leeftijd <= 3,
            np.where(u_dag, vervolg < float(dv["gaat_naar_bso"]), vervolg < float(dv["bso_zonder_dagopvang"]) * p_bso),
            rng.random((n, K)) < np.clip(p_bso, 0, 1),
        )
        & bestaat
    )
    go_bso = np.where(
        u_dag & go_dag,
        rng.random((n, K)) < float(go["blijft_bij_gastouder"]),
        rng.random((n, K)) < float(go["bso_leeftijd"]),
    )
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
    um = a.waarde("uren_per_maand")
    gr = float(a.waarde("uren_groei")[jaar])
    vorm = 1 / 0.40**2

    def uren(gem):
        return np.clip(np.rint(rng.gamma(vorm, gem * gr / vorm, (n, K))), 4, 230)

    u_d, u_b, u_gd, u_gb = (
        uren(um["dagopvang"]),
        uren(um["buitenschoolse_opvang"]),
        uren(um["gastouder_dagopvang"]),
        uren(um["gastouder_bso"]),
    )
    # prices: lognormal around the year's average, spread 7%, in cents
    pr = a.waarde("uurprijs")[jaar]

    def prijs(gem):
        return np.rint(gem * 100 * np.exp(0.07 * rng.standard_normal((n, K)) - 0.5 * 0.07**2))

    pr_d, pr_b, pr_g = prijs(pr["dagopvang"]), prijs(pr["buitenschoolse_opvang"]), prijs(pr["gastouderopvang"])
    # per child-month category: 0 none, 1 dagopvang, 2 BSO, 3 gastouder (dagopvang age), 4 gastouder (BSO age)
    cat = np.where(soort == 3, np.where(in_dag, 3, 4), soort).astype(np.intp)
    nul = np.zeros((n, K))
    uren_tab = (np.stack([nul, u_d, u_b, u_gd, u_gb], axis=2) * 100).astype(np.int32)
    prijs_tab = np.stack([nul, pr_d, pr_b, pr_g, pr_g], axis=2).astype(np.int32)
    return soort, np.take_along_axis(uren_tab, cat, axis=2), np.take_along_axis(prijs_tab, cat, axis=2)
