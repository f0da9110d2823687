"""Situation bits and reason codes, each tied to the provision that creates it.

A parent's situation in a month is a bit mask (uint32). Each bit stands for one onderdeel or lid of Wko art. 1.6,
so a reader can hold the mask and the law side by side.
"""

from __future__ import annotations

from dataclasses import dataclass

from kotwijzer.wetten.bron import Bron, wko, zonder_bron

# --- situation bits (per parent per month) ---------------------------------------------------------------
A = 1 << 0  # lid 1 onder a: arbeid
B = 1 << 1  # lid 1 onder b: meewerkend partner
C = 1 << 2  # lid 1 onder c: bijstand/IOAW/IOAZ/Anw + voorziening gericht op arbeidsinschakeling
E = 1 << 3  # lid 1 onder e: jonger dan 18, bijstand, scholing
F = 1 << 4  # lid 1 onder f: niet-uitkeringsgerechtigde werkzoekende + voorziening
G = 1 << 5  # lid 1 onder g: inburgering
H = 1 << 6  # lid 1 onder h: WW + traject
I = 1 << 7  # lid 1 onder i: arbeidsongeschiktheid/ziekte + re-integratie
J = 1 << 8  # lid 1 onder j: studie
KL = 1 << 9  # lid 1 onder k/l: sociaal-medische indicatie van de gemeente
WLZ_PERM = 1 << 10  # lid 8/9: art. 3.2.1 lid 1 Wlz
WLZ_TIJD = 1 << 11  # lid 8/9: art. 3.2.1 lid 3 / 3.2.2 Wlz
DET_LANG = 1 << 12  # lid 10/11: straf of maatregel langer dan drie maanden
DET_KORT = 1 << 13  # detentie van drie maanden of korter: geen uitzondering
WT = 1 << 14  # lid 5: werkloosheidstermijn na einde van arbeid (a/b)
BIJSTAND_ZONDER_VOORZIENING = 1 << 15  # bijstand zonder (erkende) voorziening: geen recht via onderdeel c
ONBEKEND = 1 << 16  # situation whose qualifying condition is not known yet
DET_VOORLOPIG_LANG = 1 << 17  # voorlopige hechtenis langer dan drie maanden (alleen in versies die dat noemen)
G_OVERIG = 1 << 18  # een andere activiteit van het inburgeringstraject dan de cursus (telt niet onder onderdeel g)

# Onderdelen k and l (sociaal-medische indicatie) are in the text but not in force (parameter
# smi_onderdelen_k_l_in_werking); KL is added to the mask only when that parameter says so.
LID1 = A | B | C | E | F | G | H | I | J | WT
WERK = A | B | WT  # counts with worked hours in the KGU years
DOELGROEP_KGU = C | E | F | G | H | I | J  # 230 h per month in the KGU years (Bkot 8a lid 1 b 3°)

ONDERDEEL_BIT = {"a": A, "b": B, "c": C, "e": E, "f": F, "g": G, "h": H, "i": I, "j": J, "k/l": KL}


# Wko 1.6 lid 10 and 11 (2022-2025); from the 2026 version one lid 10 covers both parents (lid 11 is gone).
DETENTIE_BRONNEN = (wko("1.6", 10, vanaf=2022), wko("1.6", 11, vanaf=2022, tot=2025))


@dataclass(frozen=True)
class Onderdeel:
    bit: int
    code: str
    omschrijving: str
    bronnen: tuple[Bron, ...]


ONDERDELEN: tuple[Onderdeel, ...] = (
    Onderdeel(A, "arbeid", "werkt (loondienst of eigen bedrijf)", (wko("1.6", 1, "a"),)),
    Onderdeel(B, "meewerkend_partner", "werkt zonder loon mee in het bedrijf van de partner", (wko("1.6", 1, "b"),)),
    Onderdeel(C, "bijstand_traject", "heeft een uitkering en volgt een traject naar werk", (wko("1.6", 1, "c"),)),
    Onderdeel(
        E,
        "jonger_dan_18_bijstand_scholing",
        "is jonger dan 18, heeft bijstand en volgt scholing",
        (wko("1.6", 1, "e"),),
    ),
    Onderdeel(
        F,
        "werkzoekende_traject",
        "is werkzoekende zonder uitkering en volgt een traject naar werk",
        (wko("1.6", 1, "f"),),
    ),
    Onderdeel(G, "inburgering", "volgt een inburgeringscursus", (wko("1.6", 1, "g"),)),
    Onderdeel(H, "ww_traject", "heeft WW en volgt een traject of scholing", (wko("1.6", 1, "h"),)),
    Onderdeel(
        I,
        "arbeidsongeschikt_reintegratie",
        "heeft een arbeidsongeschiktheids- of ziekte-uitkering en werkt aan re-integratie",
        (wko("1.6", 1, "i"),),
    ),
    Onderdeel(J, "studie", "staat ingeschreven voor een opleiding", (wko("1.6", 1, "j"),)),
    Onderdeel(
        KL,
        "sociaal_medische_indicatie",
        "heeft een sociaal-medische indicatie van de gemeente (daarvoor kan de gemeente een tegemoetkoming geven; het geeft geen recht op kinderopvangtoeslag)",
        (wko("1.13"), wko("1.12", 1, vanaf=2024)),
    ),
    Onderdeel(
        WT,
        "werkloosheidstermijn",
        "is gestopt met werken en zit in de periode van drie maanden waarin het recht blijft",
        (wko("1.6", 5),),
    ),
    Onderdeel(WLZ_PERM, "wlz_permanent", "heeft een Wlz-indicatie", (wko("1.6", 8), wko("1.6", 9))),
    Onderdeel(WLZ_TIJD, "wlz_tijdelijk", "heeft een tijdelijke Wlz-indicatie", (wko("1.6", 8), wko("1.6", 9))),
    Onderdeel(DET_LANG, "detentie", "zit langer dan drie maanden een vrijheidsstraf uit", DETENTIE_BRONNEN),
    Onderdeel(
        DET_VOORLOPIG_LANG,
        "voorlopige_hechtenis",
        "zit langer dan drie maanden in voorlopige hechtenis",
        (wko("1.6", 10, vanaf=2022),),
    ),
    Onderdeel(DET_KORT, "detentie_kort", "zit een vrijheidsstraf uit van drie maanden of korter", DETENTIE_BRONNEN),
    Onderdeel(
        BIJSTAND_ZONDER_VOORZIENING,
        "bijstand_zonder_voorziening",
        "heeft een uitkering, maar de activiteit is geen voorziening gericht op werk",
        (wko("1.6", 1, "c"),),
    ),
    Onderdeel(
        G_OVERIG,
        "inburgering_overige_activiteit",
        "doet een andere activiteit van het inburgeringstraject dan de cursus of opleiding",
        (wko("1.6", 1, "g"),),
    ),
    Onderdeel(ONBEKEND, "onbekend", "heeft een situatie waarvan nog niet bekend is of die meetelt", ()),
)
ONDERDEEL_PER_BIT = {o.bit: o for o in ONDERDELEN}


@zonder_bron("lists the onderdelen in a bit mask; each onderdeel carries its own citations")
def onderdelen_in(mask: int) -> list[Onderdeel]:
    return [o for o in ONDERDELEN if mask & o.bit]


# --- household reason codes (per month) ------------------------------------------------------------------
@dataclass(frozen=True)
class Reden:
    nummer: int
    code: str
    recht: bool
    uitleg: str  # Dutch, B1
    bronnen: tuple[Bron, ...]


REDENEN: tuple[Reden, ...] = (
    Reden(
        0,
        "alleenstaand_voldoet",
        True,
        "U voldoet zelf aan de voorwaarden (werk of een andere situatie uit de wet). U heeft geen toeslagpartner.",
        (wko("1.6", 1),),
    ),
    Reden(
        1,
        "beide_voldoen",
        True,
        "U en uw partner voldoen allebei aan de voorwaarden (werk of een andere situatie uit de wet).",
        (wko("1.6", 1), wko("1.6", 3)),
    ),
    Reden(
        2,
        "partner_wlz",
        True,
        "Eén ouder voldoet aan de voorwaarden en de andere ouder heeft een Wlz-indicatie. Dan is er toch recht.",
        (wko("1.6", 8), wko("1.6", 9)),
    ),
    Reden(
        3,
        "partner_detentie",
        True,
        "Eén ouder voldoet aan de voorwaarden en de andere ouder zit langer dan drie maanden een vrijheidsstraf uit. Dan is er toch recht.",
        DETENTIE_BRONNEN,
    ),
    Reden(
        4,
        "bloedverwant_partner",
        True,
        "U voldoet zelf aan de voorwaarden. Uw huisgenoot is familie en telt daarom niet mee als partner die ook moet werken.",
        (wko("1.6", 1), wko("1.6", 6)),
    ),
    Reden(
        10,
        "aanvrager_voldoet_niet",
        False,
        "U werkt niet en u heeft geen andere situatie die volgens de wet recht geeft (zoals een traject naar werk, studie of inburgering).",
        (wko("1.6", 1),),
    ),
    Reden(
        11,
        "partner_voldoet_niet",
        False,
        "Eén ouder voldoet wel, maar de partner werkt niet en heeft geen situatie die volgens de wet recht geeft. Beide partners moeten voldoen.",
        (wko("1.6", 3),),
    ),
    Reden(
        12,
        "geen_van_beiden",
        False,
        "U en uw partner voldoen allebei niet aan de voorwaarden (werk of een andere situatie uit de wet).",
        (wko("1.6", 1), wko("1.6", 3)),
    ),
    Reden(
        13,
        "alleenstaand_wlz",
        False,
        "U heeft een Wlz-indicatie, maar geen partner die werkt. De uitzondering voor de Wlz geldt alleen als de andere ouder wel voldoet. Vraag uw gemeente naar een tegemoetkoming (sociaal-medische indicatie).",
        (wko("1.6", 9),),
    ),
    Reden(
        14,
        "alleenstaand_detentie",
        False,
        "Een ouder in detentie zonder partner die werkt heeft geen recht. De uitzondering geldt alleen als de andere ouder wel voldoet.",
        DETENTIE_BRONNEN,
    ),
    Reden(
        15,
        "beiden_uitzondering",
        False,
        "Beide ouders hebben een Wlz-indicatie of zitten in detentie. De uitzondering geldt alleen als één ouder zelf voldoet aan de voorwaarden.",
        (wko("1.6", 8), wko("1.6", 9)),
    ),
    Reden(
        16,
        "wlz_tijdelijk_te_vroeg",
        False,
        "Een tijdelijke Wlz-indicatie geeft pas vanaf 1 januari 2023 recht. In dit jaar telt alleen een Wlz-indicatie op grond van artikel 3.2.1, eerste lid, Wlz.",
        (wko("1.6", 8),),
    ),
    Reden(
        17,
        "detentie_te_vroeg",
        False,
        "De uitzondering voor detentie geldt pas vanaf 1 januari 2022.",
        (wko("1.6", 1), wko("1.6", 3)),
    ),
    Reden(
        18,
        "detentie_te_kort",
        False,
        "De straf of maatregel duurt niet langer dan drie maanden. Dan geldt de uitzondering voor detentie niet.",
        DETENTIE_BRONNEN + (wko("1.6", 3, tot=2021),),
    ),
    Reden(
        21,
        "sociaal_medische_indicatie",
        False,
        "Een sociaal-medische indicatie geeft geen recht op kinderopvangtoeslag: de onderdelen k en l van artikel 1.6 zijn niet in werking. De gemeente kan wel een tegemoetkoming in de kosten geven. Vraag daarnaar bij uw gemeente.",
        (wko("1.13"), wko("1.12", 1, vanaf=2024)),
    ),
    Reden(
        19,
        "bijstand_zonder_voorziening",
        False,
        "De activiteit in de bijstand is geen voorziening gericht op werk (categorie A of B). Daarom telt die niet voor de kinderopvangtoeslag.",
        (wko("1.6", 1, "c"),),
    ),
    Reden(
        22,
        "te_laat_aangevraagd",
        False,
        "Volgens de voorwaarden was er in deze maand recht, maar de aanvraag is te laat voor deze maand. Een aanvraag werkt terug tot de eerste dag van de derde kalendermaand voor de maand waarin u aanvraagt.",
        (wko("1.3", 2, "b"),),
    ),
    Reden(5, "hervorming", True, "Recht door een scenario (hervorming) dat afwijkt van de huidige wet.", ()),
    Reden(20, "onbekend", False, "Het is nog niet bekend of een situatie meetelt. Beantwoord de open vragen.", ()),
)
REDEN_PER_NUMMER = {r.nummer: r for r in REDENEN}
REDEN_PER_CODE = {r.code: r for r in REDENEN}
R = {r.code: r.nummer for r in REDENEN}

# --- child-month condition bits ---------------------------------------------------------------------------
K_GEEN_OPVANG = 1 << 0
K_TE_OUD = 1 << 1  # voortgezet onderwijs begonnen (art. 1.1 Wko, begrip kinderopvang)
K_NIET_OP_ADRES = 1 << 2  # Awir art. 4
K_NIET_LRK = 1 << 3  # Wko 1.5 lid 1
K_TE_LAAT = 1 << 4  # Wko 1.3 lid 2 onder b
K_GEEN_ASPRAAK_OUDERS = 1 << 5  # household has no aanspraak this month
K_NOG_NIET_GEBOREN = 1 << 6


@dataclass(frozen=True)
class KindReden:
    bit: int
    code: str
    uitleg: str
    bronnen: tuple[Bron, ...]


KIND_REDENEN: tuple[KindReden, ...] = (
    KindReden(K_GEEN_OPVANG, "geen_opvang", "Er is deze maand geen opvang opgegeven.", ()),
    KindReden(
        K_NOG_NIET_GEBOREN, "nog_niet_geboren", "Het kind is deze maand nog niet geboren.", (Bron("Awir", "4", "1"),)
    ),
    KindReden(
        K_TE_OUD,
        "voortgezet_onderwijs",
        "Het kind gaat naar het voortgezet onderwijs. Vanaf de eerste dag van die maand is er geen kinderopvangtoeslag meer.",
        (wko("1.1", 1, "kinderopvang"),),
    ),
    KindReden(
        K_NIET_OP_ADRES,
        "niet_op_adres",
        "Het kind staat niet op uw adres ingeschreven en er is geen co-ouderschap.",
        (Bron("Awir", "4", "1"), Bron("Awir", "4", "2")),
    ),
    KindReden(
        K_NIET_LRK,
        "niet_in_lrk",
        "De opvang staat niet in het Landelijk Register Kinderopvang. Alleen geregistreerde opvang telt.",
        (wko("1.5", 1),),
    ),
    KindReden(
        K_TE_LAAT,
        "te_laat_aangevraagd",
        "Deze maand ligt te ver voor de datum van de aanvraag. Een aanvraag werkt maar drie maanden terug.",
        (wko("1.3", 2, "b"),),
    ),
    KindReden(
        K_GEEN_ASPRAAK_OUDERS,
        "geen_aanspraak_ouders",
        "De ouders hebben in deze maand geen recht (zie de voorwaarden voor de ouders).",
        (wko("1.6", 1),),
    ),
)
KIND_REDEN_PER_BIT = {k.bit: k for k in KIND_REDENEN}
