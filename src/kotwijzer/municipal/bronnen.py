"""Sources used by the municipal part: legal citations (`Bron`) and references into the seed documents.

A `Seedverwijzing` points at a passage of a reference document (the research report "Kinderopvangtoeslag in de
Participatiewet", for the Ministerie van SZW, 21 mei 2025, and the other documents named in `kotwijzer.leesbaar`) by
paragraph and line numbers (1-based line numbers of the report's text version). Legal rules cite `Bron`; facts that come from the research
reports (the seven codes, tabel 1, the cases) cite a `Seedverwijzing`.
"""

from __future__ import annotations

from dataclasses import dataclass

from kotwijzer.wetten.bron import Bron, pw, wko

SEED_000 = "000_58666efdb858a250.txt"
SEED_003 = "003_8db1fef0dbbe468b.txt"

SEED_TITELS: dict[str, str] = {
    "000": "Kinderopvangtoeslag in de Participatiewet (onderzoek voor het ministerie van SZW, 2025)",
    "003": "Evaluatie Wet verbetering arbeidsmarktpositie alleenstaande ouders (WWB art. 9a, 2009)",
}


@dataclass(frozen=True, slots=True)
class Seedverwijzing:
    """A passage of a seed document, e.g. seed 000 §2.2, r. 680-696."""

    seed: str
    paragraaf: str
    van_regel: int
    tot_regel: int
    omschrijving: str = ""

    def __post_init__(self) -> None:
        if self.seed not in SEED_TITELS:
            raise ValueError(f"Onbekend brondocument: seed {self.seed!r}")
        if not 0 < self.van_regel <= self.tot_regel:
            raise ValueError(f"Ongeldige regelnummers {self.van_regel}-{self.tot_regel}")

    @property
    def titel(self) -> str:
        return SEED_TITELS[self.seed]

    def kort(self) -> str:
        return f"seed {self.seed} §{self.paragraaf}, r. {self.van_regel}-{self.tot_regel}"

    def __str__(self) -> str:  # pragma: no cover - convenience
        return self.kort()

    def as_dict(self) -> dict[str, str | int]:
        return {
            "seed": self.seed,
            "paragraaf": self.paragraaf,
            "van_regel": self.van_regel,
            "tot_regel": self.tot_regel,
            "omschrijving": self.omschrijving,
            "citaat": self.kort(),
        }


# --- legal citations -------------------------------------------------------------------------------------------
WKO_BIJSTAND_TRAJECT: Bron = wko("1.6", 1, "c")  # bijstand + voorziening gericht op arbeidsinschakeling
PW_VOORZIENING: Bron = pw("7", 1, "a")  # voorzieningen gericht op arbeidsinschakeling
WKO_STUDIE: Bron = wko("1.6", 1, "j")  # ingeschreven bij een school of instelling
WKO_PARTNER: Bron = wko("1.6", 3)  # the partner must also qualify
WKO_KOSTEN: Bron = wko("1.7", 1)  # kosten van kinderopvang (capped at the maximum uurprijs, lid 2)
WKO_MAX_UURPRIJS: Bron = wko("1.7", 2)
WKO_TEGEMOETKOMING: Bron = wko("1.13")  # aanvullende gemeentelijke tegemoetkoming

# --- seed 000 (SZW-rapport 2025) -------------------------------------------------------------------------------
S000_CATEGORIEEN = Seedverwijzing("000", "2.1", 626, 636, "categorie A en B geven recht op KOT, categorie C niet")
S000_CODES = Seedverwijzing("000", "2.2", 672, 699, "de zeven codes van het Re-integratiebericht die het IB toepast")
S000_TABEL1 = Seedverwijzing("000", "5.1 tabel 1", 1138, 1175, "indeling van de zeven trajecten in categorie A en B")
S000_OVERIGE_SOCIALE_ACTIVERING = Seedverwijzing(
    "000", "5.1", 1146, 1152, "SRG-voorziening 'overige sociale activering' is categorie C"
)
S000_VERSCHILLEN = Seedverwijzing("000", "5.1", 1177, 1215, "gemeenten delen activiteiten verschillend in")
S000_CATEGORIE_A = Seedverwijzing(
    "000", "5.2", 1226, 1236, "proefplaatsingen, participatieplaatsen, jobcoaching en zelfstandig ondernemerschap (A)"
)
S000_SCHOLING_B = Seedverwijzing("000", "5.3", 1287, 1291, "scholing is B als de opleiding door OCW is erkend")
S000_VOORBEELDEN_C = Seedverwijzing(
    "000", "5.3", 1291, 1295, "therapie, moestuin, persoonlijke ontwikkeling, sport en bewegen (C)"
)
S000_VRIJWILLIGERSWERK_C = Seedverwijzing(
    "000", "5.3", 1303, 1323, "vrijwilligerswerk valt meestal onder C (enkele uren, koffie schenken in een buurthuis)"
)
S000_VRIJWILLIGERSWERK_B = Seedverwijzing(
    "000", "5.3", 1325, 1343, "vrijwilligerswerk met groeimogelijkheden (4 tot 8 uur per week) geeft wel recht"
)
S000_CASUS_4_1 = Seedverwijzing("000", "4.1", 966, 1000, "Wmo-dagbesteding als eerste stap in re-integratie")
S000_CASUS_4_2 = Seedverwijzing("000", "4.2", 1002, 1029, "therapie als eerste stap in re-integratie")
S000_CASUS_4_3 = Seedverwijzing("000", "4.3", 1031, 1061, "zonder concrete afspraken geen recht op KOT")
S000_CASUS_4_4 = Seedverwijzing("000", "4.4", 1063, 1089, "(te) weinig ruimte voor werken aan mindset")
S000_CASUS_4_5 = Seedverwijzing("000", "4.5", 1091, 1120, "taaltraject: geen KOT; een zorgopleiding wel")
S000_KOSTEN_BOVEN_MAX = Seedverwijzing(
    "000", "7.3", 1785, 1800, "kosten boven de maximum uurprijs blijven voor rekening van de ouder"
)
S000_EEN_DAGDEEL = Seedverwijzing(
    "000", "8.1", 2147, 2161, "plaatsing voor één dagdeel per week in een traject dat wel recht geeft"
)
S000_RUIME_UITLEG = Seedverwijzing("000", "8.1", 2135, 2145, "re-integratie kan breed worden uitgelegd")
S000_ART_9A = Seedverwijzing("000", "8.2", 2177, 2183, "ontheffing art. 9a Pw voor alleenstaande ouders")
S000_SMI = Seedverwijzing("000", "8.2", 2188, 2198, "SMI als vangnet")
S000_AANVULLENDE_TEGEMOETKOMING = Seedverwijzing(
    "000", "8.3", 2240, 2262, "aanvullende tegemoetkoming (de overige 4 %), soms meer vanuit de bijzondere bijstand"
)
S000_AANBEVELING_BOVEN_MAX = Seedverwijzing(
    "000", "9.2", 2722, 2742, "art. 1.13 Wko: niet meer dan de kosten op basis van de maximum uurprijs"
)

# --- seed 003 (WWB 2009) --------------------------------------------------------------------------------------
S003_ART_9A = Seedverwijzing("003", "1", 158, 181, "WWB art. 9a: eenmalig, ten hoogste zes jaar, kind tot vijf jaar")
S003_PLAN_VAN_AANPAK = Seedverwijzing("003", "1", 284, 298, "plan van aanpak binnen zes maanden; scholingsplicht")
S003_MBO_OP_VERZOEK = Seedverwijzing("003", "1", 302, 320, "met startkwalificatie: mbo-opleiding op verzoek (lid 9)")
