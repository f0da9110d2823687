"""Codes of the synthetic population: situations of a period, parent and household profiles, doelgroepen, and the
sizes of the arrays. Shared by the generator, the storage, the calendar helpers and the reports."""

from __future__ import annotations

import numpy as np

from kotwijzer.rules import codes as c

JAREN = (2023, 2024)
MAX_KINDEREN = 4
GEWICHT_EENHEID = 10_000  # gewicht_e4: weight in 1/10,000 household
META_SLEUTEL = b"kotwijzer.populatie"

# ------------------------------------------------------------------------------------------ codes
# Situation of a period (what `policy.huishouden` turns into a `Periode`).
S_GEEN, S_ARBEID, S_BIJSTAND_AB, S_BIJSTAND_C, S_STUDIE, S_INBURGERING, S_INBURGERING_OVERIG = 0, 1, 2, 3, 4, 5, 6
S_WLZ_PERM, S_WLZ_TIJD, S_DETENTIE, S_WW_TRAJECT, S_AO_REINTEGRATIE = 7, 8, 9, 10, 11
PERIODE_BIT = np.zeros(12, dtype=np.uint32)
PERIODE_BIT[
    [
        S_ARBEID,
        S_BIJSTAND_AB,
        S_BIJSTAND_C,
        S_STUDIE,
        S_INBURGERING,
        S_INBURGERING_OVERIG,
        S_WLZ_PERM,
        S_WLZ_TIJD,
        S_WW_TRAJECT,
        S_AO_REINTEGRATIE,
    ]
] = [c.A, c.C, c.BIJSTAND_ZONDER_VOORZIENING, c.J, c.G, c.G_OVERIG, c.WLZ_PERM, c.WLZ_TIJD, c.H, c.I]
# (detention: DET_LANG or DET_KORT, decided by kalender.langer_dan_maanden)

# Parent profile for the year.
O_GEEN, O_WERK, O_BIJSTAND_A, O_BIJSTAND_B, O_BIJSTAND_C, O_BIJSTAND_GEEN, O_BIJSTAND_ONTHEFFING = 0, 1, 2, 3, 4, 5, 6
O_STUDIE, O_INBURGERING, O_WLZ, O_DETENTIE, O_OVERIGE, O_GEEN_PARTNER = 7, 8, 9, 10, 11, 12
OUDERPROFIELEN = (
    "geen",
    "werk",
    "bijstand_a",
    "bijstand_b",
    "bijstand_c",
    "bijstand_geen",
    "bijstand_ontheffing",
    "studie",
    "inburgering",
    "wlz",
    "detentie",
    "overige",
    "geen_partner",
)
BIJSTAND_PROFIELEN = (O_BIJSTAND_A, O_BIJSTAND_B, O_BIJSTAND_C, O_BIJSTAND_GEEN, O_BIJSTAND_ONTHEFFING)

# Doelgroep of the household: the situation that gives (or would give) the right. Used for the breakdowns and for
# non-take-up. Fixed per household (it does not depend on the scenario).
GROEPEN = (
    "werk",
    "bijstand_traject",
    "bijstand_categorie_c",
    "bijstand_geen_activiteit",
    "studie",
    "inburgering",
    "wlz",
    "detentie",
    "overige_doelgroep",
    "geen",
)
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
