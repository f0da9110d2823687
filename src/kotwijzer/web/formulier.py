"""The guided questionnaire: plain HTML forms in steps, the answers so far carried in one hidden field.

This module only translates between form fields (Dutch notation: 11,50 and 15-3-2026 are fine) and the core's
input JSON (`kotwijzer.model.Huishouden`); it decides nothing about the law. Rows keep what the form does not show
(for example a municipal activity code entered through the API), so editing a saved scenario loses nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from kotwijzer import i18n
from kotwijzer.diensten import OPVANG_TEKST, SITUATIE_TEKST
from kotwijzer.formaat import getal
from kotwijzer.foutmeldingen import nederlandse_fouten
from kotwijzer.i18n import N_, _
from kotwijzer.model import Kind, Periode

STAPPEN = ("gezin", "aanvrager", "partner", "kinderen", "inkomen", "controle")
STAP_TITEL = {
    "gezin": N_("Uw gezin"),
    "aanvrager": N_("Wat doet u?"),
    "partner": N_("Wat doet uw partner?"),
    "kinderen": N_("Kinderen en opvang"),
    "inkomen": N_("Inkomen en aanvraag"),
    "controle": N_("Controleer uw antwoorden"),
}
# In professional mode (a consultant or bewindvoerder fills in the questionnaire for a parent) the questions speak
# about "de ouder" instead of "u".
STAP_TITEL_PRO = {
    "gezin": N_("Het gezin van de ouder"),
    "aanvrager": N_("Wat doet de ouder?"),
    "partner": N_("Wat doet de partner van de ouder?"),
    "kinderen": N_("Kinderen en opvang"),
    "inkomen": N_("Inkomen en aanvraag"),
    "controle": N_("Controleer de antwoorden"),
}


def stap_titel(stap: str, staat: dict) -> str:
    pro = (staat.get("context") or {}).get("modus") == "professioneel"
    return _((STAP_TITEL_PRO if pro else STAP_TITEL)[stap])


TRAJECTEN = ("bijstand_traject", "werkzoekende_traject")
MAX_KINDEREN = 8
MAX_RIJEN = 12


def _bekende_jaren() -> tuple[int, ...]:
    """The years whose rules the core knows (read from the parameters; a year without a percentage table is
    included: the page says so where the year is chosen)."""
    from kotwijzer.params import OntbrekendeWetgeving, parameters_voor_jaar

    uit = []
    for j in range(2015, dt.date.today().year + 3):
        try:
            parameters_voor_jaar(j)
        except OntbrekendeWetgeving:
            continue
        uit.append(j)
    return tuple(uit) or (2021, 2022, 2023, 2024, 2025, 2026)


JAREN = _bekende_jaren()


class Fouten(dict):
    """field id -> Dutch message, in the order found (for the error summary). `vervolg`: no error, but the answers
    need follow-up questions that were not on the page yet (they are asked next, as a normal step)."""

    vervolg: bool = False

    def voeg(self, veld: str, melding: str) -> None:
        """Messages of the core and of the input model are Dutch: on an English page they are translated here
        (`kotwijzer.web.kerntekst`); the form's own messages are already in the page's language."""
        if veld not in self:
            from kotwijzer.web.kerntekst import vertaal_kern

            self[veld] = vertaal_kern(melding) or melding


# ------------------------------------------------------------------------------------------- Dutch notation
def parse_datum(s: str) -> dt.date | None:
    s = (s or "").strip()
    if not s:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        j, mnd, d = int(m[1]), int(m[2]), int(m[3])
    else:
        m = re.fullmatch(r"(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})", s)
        if not m:
            raise ValueError(_("Vul een datum in, bijvoorbeeld 15-3-2026."))
        d, mnd, j = int(m[1]), int(m[2]), int(m[3])
    try:
        return dt.date(j, mnd, d)
    except ValueError:
        raise ValueError(_("Deze datum bestaat niet. Vul een datum in, bijvoorbeeld 15-3-2026.")) from None


def parse_maand(s: str) -> str | None:
    """'2027-09', '9-2027' or '09/2027' -> '2027-09'."""
    s = (s or "").strip()
    if not s:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", s) or None
    if m:
        j, mnd = int(m[1]), int(m[2])
    else:
        m = re.fullmatch(r"(\d{1,2})[-/. ](\d{4})", s)
        if not m:
            raise ValueError(_("Vul jaar en maand in, bijvoorbeeld 2027-09."))
        mnd, j = int(m[1]), int(m[2])
    if not 1 <= mnd <= 12 or not 1900 <= j <= 2200:
        raise ValueError(_("Vul jaar en maand in, bijvoorbeeld 2027-09."))
    return f"{j:04d}-{mnd:02d}"


def parse_getal(s: str, melding: str, max_decimalen: int = 2) -> Decimal | None:
    s = (s or "").replace("€", "").replace("\u00a0", " ").strip().replace(" ", "")
    if not s:
        return None
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        s = s.replace(",", ".")
    if not re.fullmatch(r"\d{1,9}(\.\d+)?", s):
        raise ValueError(melding)
    try:
        d = Decimal(s)
    except InvalidOperation:
        raise ValueError(melding) from None
    exponent = d.as_tuple().exponent  # a letter only for NaN and infinity, which the pattern above refuses
    if not isinstance(exponent, int):
        raise ValueError(melding)
    if -exponent > max_decimalen and d != d.quantize(Decimal(1).scaleb(-max_decimalen)):
        raise ValueError(_("Gebruik hoogstens {n} cijfers achter de komma.").format(n=max_decimalen))
    return d.quantize(Decimal(1).scaleb(-max_decimalen)) if -exponent > max_decimalen else d


def parse_euros(s: str) -> int | None:
    """Whole euros; '45.000', '€ 45.000' and '45000,00' are fine."""
    t = (s or "").replace("€", "").replace("\u00a0", " ").strip().replace(" ", "")
    if not t:
        return None
    if i18n.taal() == "en" and re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?", t):
        t = t.replace(",", "X").replace(".", ",").replace("X", ".")  # 45,000.00 written the English way
    m = re.fullmatch(r"(\d{1,3}(?:\.\d{3})+|\d{1,12})(?:,(\d{1,2}))?", t)
    if not m:
        raise ValueError(_("Vul een bedrag in hele euro's in, bijvoorbeeld 45000."))
    if m[2] and int(m[2]) != 0:
        raise ValueError(_("Vul het bedrag in hele euro's in, zonder centen."))
    return int(m[1].replace(".", ""))


def getal_tekst(d: Decimal | int | float | str | None) -> str:
    """A number as a form field shows it back: exact, no thousands separators, in the notation of the language."""
    return getal(d, None, duizendtallen=False, leeg="", taal="en" if i18n.taal() == "en" else "nl")


# ------------------------------------------------------------------------------------------------ the state
def nieuwe_staat(jaar: int | None = None) -> dict[str, Any]:
    jaar = jaar or dt.date.today().year
    if jaar not in JAREN:
        jaar = JAREN[-1]
    import secrets

    return {
        "invoer": {"berekeningsjaar": jaar, "aanvrager": {"situaties": []}, "kinderen": []},
        "partner": None,
        "aantal_kinderen": None,
        "context": {},
        "id": secrets.token_urlsafe(6),
    }


def staat_van_invoer(invoer: Mapping[str, Any], context: dict[str, Any] | None = None) -> dict[str, Any]:
    """State for a saved household (to edit a scenario with the questionnaire)."""
    inv = json.loads(json.dumps(invoer))
    partner = inv.get("partner") is not None
    return {
        "invoer": inv,
        "partner": partner,
        "aantal_kinderen": max(1, len(inv.get("kinderen") or [])),
        "context": {**(context or {}), "aangevraagd": bool(inv.get("aanvraagdatum"))},
    }


def lees_staat(tekst: str | None) -> dict[str, Any]:
    from kotwijzer.web.staatgrens import lees_json_staat  # size, depth and shape: a tampered state is a 400

    s = lees_json_staat(tekst)
    if not isinstance(s, dict) or not isinstance(s.get("invoer"), dict):
        return nieuwe_staat()
    from kotwijzer.http.sessie import gebonden_context  # the professional context only from the own session

    s["context"] = gebonden_context(s.get("context"))
    inv = s["invoer"]
    if not isinstance(inv.get("aanvrager"), dict):
        inv["aanvrager"] = {"situaties": []}
    if not isinstance(inv.get("kinderen"), list):
        inv["kinderen"] = []
    if not isinstance(inv.get("berekeningsjaar"), int) or isinstance(inv.get("berekeningsjaar"), bool):
        inv["berekeningsjaar"] = JAREN[-1]
    n = s.get("aantal_kinderen")
    if n is not None and (not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= MAX_KINDEREN):
        s["aantal_kinderen"] = None
    if s.get("partner") not in (None, True, False):
        s["partner"] = None
    if s["context"].get("aangevraagd") not in (None, True, False):
        s["context"].pop("aangevraagd")
    if "id" in s and not isinstance(s["id"], str):
        s.pop("id")
    return s


def staat_tekst(staat: dict[str, Any]) -> str:
    return json.dumps(staat, ensure_ascii=False, separators=(",", ":"))


def jaar(staat: dict[str, Any]) -> int:
    return int(staat["invoer"].get("berekeningsjaar") or JAREN[-1])


def partner_stap_nodig(staat: dict[str, Any]) -> bool:
    return staat.get("partner") is True and not staat["invoer"].get("partner_is_bloedverwant")


def stappen(staat: dict[str, Any]) -> list[str]:
    return [s for s in STAPPEN if s != "partner" or partner_stap_nodig(staat)]


def volgende(staat: dict[str, Any], stap: str) -> str:
    st = stappen(staat)
    i = st.index(stap) if stap in st else 0
    return st[min(i + 1, len(st) - 1)]


def vorige(staat: dict[str, Any], stap: str) -> str:
    st = stappen(staat)
    i = st.index(stap) if stap in st else 0
    return st[max(i - 1, 0)]


def huishouden_dict(staat: dict[str, Any]) -> dict[str, Any]:
    """The core's input for this state."""
    inv = json.loads(json.dumps(staat["invoer"]))
    if staat.get("partner") is False:
        inv.pop("partner", None)
        inv.pop("partner_is_bloedverwant", None)
    elif staat.get("partner") is True:
        if not isinstance(inv.get("partner"), dict):
            inv["partner"] = {"situaties": []}
        if inv.get("partner_is_bloedverwant"):
            inv["partner"] = {k: v for k, v in inv["partner"].items() if k == "label"} | {"situaties": []}
    n = staat.get("aantal_kinderen")
    if isinstance(n, int) and n >= 0:
        inv["kinderen"] = inv.get("kinderen", [])[:n]
    return {k: v for k, v in inv.items() if v is not None}


def kgu(j: int) -> bool:
    """Whether the core needs worked hours in this year (read from the year's parameters)."""
    from kotwijzer.params import OntbrekendeWetgeving, parameters_voor_jaar

    try:
        return bool(parameters_voor_jaar(j).koppeling_gewerkte_uren)
    except OntbrekendeWetgeving:
        return False


# ------------------------------------------------------------------------------------------------ step: gezin
def gezin_waarden(staat: dict[str, Any]) -> dict[str, str]:
    inv = staat["invoer"]
    p = staat.get("partner")
    return {
        "berekeningsjaar": str(inv.get("berekeningsjaar", "")),
        "partner": "" if p is None else ("ja" if p else "nee"),
        "bloedverwant": "ja" if inv.get("partner_is_bloedverwant") else "nee",
        "aantal_kinderen": str(staat.get("aantal_kinderen") or ""),
    }


def verwerk_gezin(form: Mapping[str, str], staat: dict[str, Any]) -> Fouten:
    f = Fouten()
    try:
        j = int(form.get("berekeningsjaar", ""))
        if j not in JAREN:
            raise ValueError
    except ValueError:
        f.voeg("berekeningsjaar", _("Kies het jaar."))
        j = None
    partner = form.get("partner")
    if partner not in ("ja", "nee"):
        f.voeg("partner", _("Kies of u een partner heeft."))
    bloed = form.get("bloedverwant", "nee")
    if partner == "ja" and bloed not in ("ja", "nee"):
        f.voeg("bloedverwant", _("Kies of uw partner familie van u is."))
    try:
        n = int(form.get("aantal_kinderen", ""))
        if not 1 <= n <= MAX_KINDEREN:
            raise ValueError
    except ValueError:
        f.voeg("aantal_kinderen", _("Kies voor hoeveel kinderen u opvang heeft."))
        n = None
    if f:
        return f
    inv = staat["invoer"]
    inv["berekeningsjaar"] = j
    staat["partner"] = partner == "ja"
    if partner == "ja":
        inv.setdefault("partner", {"situaties": []})
        inv["partner_is_bloedverwant"] = bloed == "ja"
    else:
        inv.pop("partner_is_bloedverwant", None)
    staat["aantal_kinderen"] = n
    return f


# ------------------------------------------------------------------------------------------ step: situations
def _periode_van_tot(p: Mapping[str, Any], j: int) -> tuple[str, str]:
    if p.get("maanden"):
        ms = [m for m in p["maanden"] if isinstance(m, int) and 1 <= m <= 12]
        if ms:
            lo, hi = min(ms), max(ms)
            eind = (dt.date(j, hi + 1, 1) if hi < 12 else dt.date(j + 1, 1, 1)) - dt.timedelta(days=1)
            return dt.date(j, lo, 1).isoformat(), eind.isoformat()
    return str(p.get("van") or ""), str(p.get("tot") or "")


def _voorziening_tekst(v: Any) -> str:
    return "ja" if v is True else ("nee" if v is False else "weet_niet")


def periode_rijen_uit_staat(staat: dict[str, Any], wie: str, extra: int | None = None) -> list[dict[str, str]]:
    """The rows of a situations step; `extra` empty rows (default: one when there is no row yet)."""
    j = jaar(staat)
    ouder = staat["invoer"].get(wie) or {}
    rijen = []
    for i, p in enumerate(ouder.get("situaties") or []):
        if not isinstance(p, dict):
            continue
        van, tot = _periode_van_tot(p, j)
        rijen.append(
            {
                "situatie": str(p.get("situatie") or ""),
                "van": van,
                "tot": tot,
                "uren": getal_tekst(p.get("uren_per_maand")),
                "voorziening": _voorziening_tekst(p.get("voorziening_gericht_op_arbeidsinschakeling")),
                "detentie_soort": str(p.get("detentie_soort") or "veroordeling"),
                "gemeente": str(p.get("gemeente_code") or ""),
                "activiteit": str(p.get("activiteit") or ""),
                "activiteit_van": str(p.get("gemeente_code") or "") if p.get("activiteit") else "",
                "basis": str(i),
                "getoond": "",
            }
        )
    if extra is None:
        extra = 0 if rijen else 1
    for _leeg in range(extra if len(rijen) < MAX_RIJEN else 0):  # not `_`: that is gettext here
        rijen.append(
            {
                "situatie": "",
                "van": f"{j}-01-01",
                "tot": "",
                "uren": "",
                "voorziening": "weet_niet",
                "detentie_soort": "veroordeling",
                "gemeente": "",
                "activiteit": "",
                "activiteit_van": "",
                "basis": "",
                "getoond": "",
            }
        )
    return rijen


def periode_rijen_uit_form(form: Mapping[str, str], wie: str) -> list[dict[str, str]]:
    try:
        n = min(int(form.get(f"{wie}-aantal", "0")), MAX_RIJEN)
    except ValueError:
        n = 0
    rijen = []
    for i in range(max(n, 0)):
        p = f"{wie}-{i}-"
        rijen.append(
            {
                k: str(form.get(p + k, "")).strip()
                for k in (
                    "situatie",
                    "van",
                    "tot",
                    "uren",
                    "voorziening",
                    "detentie_soort",
                    "gemeente",
                    "activiteit",
                    "activiteit_van",
                    "basis",
                    "getoond",
                )
            }
        )
    return rijen


def toon(rij: Mapping[str, str], kgu_jaar: bool, met_gemeenten: bool = False) -> dict[str, bool]:
    """Which follow-up questions a row shows. `met_gemeenten`: the app has a catalogue of municipalities, so a
    bijstand parent can choose the municipality and the activity."""
    s = rij.get("situatie", "")
    return {
        "uren": s == "arbeid" and kgu_jaar,
        "gemeente": s == "bijstand_traject" and met_gemeenten,
        "voorziening": s in TRAJECTEN,
        "detentie_soort": s == "detentie",
    }


def _gemeente_en_activiteit(
    r: Mapping[str, str], getoond: set[str], catalogus: Any, id_: str, f: Fouten
) -> tuple[str, str] | None:
    """The municipality and activity chosen in a bijstand row (from the catalogue), or None when none was chosen.
    Without JavaScript this takes two rounds: first the municipality, then the activity list of that municipality."""
    g = r.get("gemeente", "")
    if "gemeente" not in getoond or not g:
        return None
    if g not in {x.cbs_code for x in catalogus.gemeenten}:
        f.voeg(id_ + "gemeente", _("Kies een gemeente uit de lijst."))
        return None
    if r.get("activiteit_van") != g:
        f.vervolg = True  # the activities of this municipality are asked next
        return g, ""
    a = r.get("activiteit", "")
    if not a:
        return g, ""
    if a not in {x.code for x in catalogus.activiteiten.get(g, [])}:
        f.voeg(id_ + "activiteit", _("Kies een activiteit uit de lijst."))
        return None
    return g, a


def verwerk_perioden(
    rijen: list[dict[str, str]], staat: dict[str, Any], wie: str, catalogus: Any = None
) -> tuple[list[dict[str, Any]], Fouten]:
    """Rows -> the core's `situaties`. Empty rows (no situation chosen) are left out. `catalogus`: the app's catalogue
    of municipalities (None or empty: no municipality questions)."""
    j = jaar(staat)
    met_gemeenten = bool(catalogus is not None and catalogus.gemeenten)
    k = kgu(j)
    oud = (staat["invoer"].get(wie) or {}).get("situaties") or []
    f = Fouten()
    uit: list[dict[str, Any]] = []
    for i, r in enumerate(rijen):
        id_ = f"{wie}-{i}-"
        s = r["situatie"]
        if not s:
            continue
        if s not in SITUATIE_TEKST:
            f.voeg(id_ + "situatie", _("Kies een situatie uit de lijst."))
            continue
        basis: dict[str, Any] = {}
        if r.get("basis", "").isdigit() and int(r["basis"]) < len(oud) and isinstance(oud[int(r["basis"])], dict):
            b = oud[int(r["basis"])]
            if b.get("situatie") == s:
                basis = dict(b)
        t = toon(r, k, met_gemeenten)
        weg = [
            "van",
            "tot",
            "maanden",
            "uren_per_maand",
            "voorziening_gericht_op_arbeidsinschakeling",
            "detentie_soort",
        ]
        if t["gemeente"]:
            weg += ["gemeente_code", "activiteit"]  # the form asks for these now
        p: dict[str, Any] = {k2: v for k2, v in basis.items() if k2 not in weg}
        p["situatie"] = s
        tot = _periode_data(r, basis, j, id_, f, p)
        getoond = set(filter(None, r.get("getoond", "").split(",")))
        gekozen = _gemeente_en_activiteit(r, getoond, catalogus, id_, f) if t["gemeente"] else None
        if gekozen is not None:
            p["gemeente_code"] = gekozen[0]
            if gekozen[1]:
                p["activiteit"] = gekozen[1]
        if t["gemeente"] and "gemeente" not in getoond:
            f.vervolg = True
        _vervolgantwoorden(r, t, getoond, gekozen, basis, j, id_, f, p, tot)
        if not any(k2.startswith(id_) for k2 in f):
            try:
                Periode.model_validate(p)
            except ValidationError as e:
                for fout in nederlandse_fouten(e):
                    veld = fout["veld"].split(".")[0] if fout["veld"] else ""
                    doel = {"van": "van", "tot": "tot", "maanden": "van", "uren_per_maand": "uren"}.get(
                        veld, "situatie"
                    )
                    f.voeg(id_ + doel, fout["melding"])
        uit.append(p)
    if not uit and not f:
        f.voeg(f"{wie}-0-situatie", _("Kies minstens één situatie. Past er niets? Kies dan 'Geen van deze'."))
    return uit, f


def _periode_data(
    r: dict[str, str], basis: dict[str, Any], j: int, id_: str, f: Fouten, p: dict[str, Any]
) -> dt.date | None:
    """The first and last day of a row into `p` (or the months of the period it was made from, when the dates are
    unchanged); errors into `f`. Returns the last day (None: open or not valid)."""
    try:
        van = parse_datum(r["van"])
        if van is None:
            f.voeg(id_ + "van", _("Vul in vanaf welke datum dit zo is."))
    except ValueError as e:
        f.voeg(id_ + "van", str(e))
        van = None
    try:
        tot = parse_datum(r["tot"])
    except ValueError as e:
        f.voeg(id_ + "tot", str(e))
        tot = None
    if van and tot and tot < van:
        f.voeg(id_ + "tot", _("De einddatum ligt voor de begindatum."))
    if basis.get("maanden") and (r["van"], r["tot"]) == _periode_van_tot(basis, j):
        p["maanden"] = basis["maanden"]
    else:
        if van:
            p["van"] = van.isoformat()
        if tot:
            p["tot"] = tot.isoformat()
    return tot


def _vervolgantwoorden(
    r: dict[str, str],
    t: dict[str, bool],
    getoond: set[str],
    gekozen: tuple[str, str | None] | None,
    basis: dict[str, Any],
    j: int,
    id_: str,
    f: Fouten,
    p: dict[str, Any],
    tot: dt.date | None,
) -> None:
    """The follow-up answers of a row (hours worked, whether the traject aims at work, the kind of detention) into
    `p`; a question shown for the first time sets `f.vervolg`, errors go into `f`."""
    if t["uren"]:
        if "uren" not in getoond:
            f.vervolg = True
        else:
            try:
                u = parse_getal(r["uren"], _("Vul het aantal uren in, bijvoorbeeld 120."))
                if u is None:
                    f.voeg(
                        id_ + "uren",
                        _("Vul in hoeveel uur per maand er gewerkt wordt. In {jaar} is dat nodig.").format(jaar=j),
                    )
                else:
                    p["uren_per_maand"] = str(u)
            except ValueError as e:
                f.voeg(id_ + "uren", str(e))
    elif p["situatie"] == "arbeid" and basis.get("uren_per_maand") is not None:
        p["uren_per_maand"] = basis["uren_per_maand"]
    if t["voorziening"]:
        if "voorziening" not in getoond:
            f.vervolg = True
        elif r["voorziening"] in ("ja", "nee") and not (gekozen and gekozen[1]):
            # with a chosen activity the municipality's classification decides (in the rules core)
            p["voorziening_gericht_op_arbeidsinschakeling"] = r["voorziening"] == "ja"
    if t["detentie_soort"]:
        if "detentie_soort" not in getoond:
            f.vervolg = True
        elif r["detentie_soort"] in ("veroordeling", "voorlopige_hechtenis"):
            p["detentie_soort"] = r["detentie_soort"]
        if "detentie_soort" in getoond and tot is None and not basis.get("detentie_einde") and id_ + "tot" not in f:
            f.voeg(
                id_ + "tot",
                _(
                    "Vul in wanneer de straf of maatregel eindigt. Weet u het niet precies? Vul dan "
                    "de datum in die u verwacht. Het recht hangt ervan af of de detentie langer dan "
                    "drie maanden duurt."
                ),
            )


# --------------------------------------------------------------------------------------------- step: kinderen
def _opvang_rij_leeg(j: int) -> dict[str, str]:
    return {"soort": "", "uren": "", "uurprijs": "", "lrk": "ja", "van": "1", "tot": "12", "basis": ""}


def kind_rijen_uit_staat(staat: dict[str, Any], erbij: int | None = None) -> list[dict[str, Any]]:
    """The children with their care rows; an empty care row for a child without care, and for child `erbij`
    (0-based) when the parent asked for one more row."""
    j = jaar(staat)
    n = staat.get("aantal_kinderen") or 1
    kinderen = staat["invoer"].get("kinderen") or []
    uit = []
    for i in range(n):
        k = kinderen[i] if i < len(kinderen) and isinstance(kinderen[i], dict) else {}
        opvang = []
        for jdx, o in enumerate(k.get("opvang") or []):
            if not isinstance(o, dict):
                continue
            ms = [m for m in (o.get("maanden") or list(range(1, 13))) if isinstance(m, int)] or [1]
            opvang.append(
                {
                    "soort": str(o.get("soort") or ""),
                    "uren": getal_tekst(o.get("uren_per_maand")),
                    "uurprijs": getal_tekst(o.get("uurprijs")),
                    "lrk": "nee" if o.get("lrk_geregistreerd") is False else "ja",
                    "van": str(min(ms)),
                    "tot": str(max(ms)),
                    "basis": str(jdx),
                }
            )
        if len(opvang) < 4 and (not opvang or erbij == i or erbij == -1):
            opvang.append(_opvang_rij_leeg(j))
        woont = "co" if k.get("co_ouderschap") else ("nee" if k.get("woont_op_adres_aanvrager") is False else "ja")
        uit.append(
            {
                "label": str(k.get("label") or ""),
                "geboortedatum": str(k.get("geboortedatum") or ""),
                "vo": str(k.get("start_voortgezet_onderwijs") or ""),
                "woont": woont,
                "opvang": opvang,
            }
        )
    return uit


def kind_rijen_uit_form(form: Mapping[str, str], staat: dict[str, Any]) -> list[dict[str, Any]]:
    n = staat.get("aantal_kinderen") or 1
    uit = []
    for i in range(n):
        p = f"kind-{i}-"
        try:
            m = min(int(form.get(p + "opvang-aantal", "0")), 4)
        except ValueError:
            m = 0
        opvang = []
        for jdx in range(max(m, 0)):
            q = f"{p}opvang-{jdx}-"
            opvang.append(
                {
                    k: str(form.get(q + k, "")).strip()
                    for k in ("soort", "uren", "uurprijs", "lrk", "van", "tot", "basis")
                }
            )
        uit.append(
            {
                "label": str(form.get(p + "label", "")).strip(),
                "geboortedatum": str(form.get(p + "geboortedatum", "")).strip(),
                "vo": str(form.get(p + "vo", "")).strip(),
                "woont": str(form.get(p + "woont", "ja")),
                "opvang": opvang,
            }
        )
    return uit


def _opvang_regel(o: dict[str, Any], oud_opvang: list[Any], q: str, f: Fouten) -> dict[str, Any] | None:
    """One care line of a child (field ids start with `q`) as the core's `opvang`, or None for an empty line; errors
    into `f`. The months of the line it was made from are kept when the first and last month are unchanged."""
    if not o["soort"]:
        return None
    if o["soort"] not in OPVANG_TEKST:
        f.voeg(q + "soort", _("Kies een soort opvang uit de lijst."))
        return None
    ov: dict[str, Any] = {"soort": o["soort"]}
    try:
        u = parse_getal(o["uren"], _("Vul het aantal uren in, bijvoorbeeld 80."))
        if u is None:
            f.voeg(q + "uren", _("Vul in hoeveel uur opvang per maand."))
        else:
            ov["uren_per_maand"] = str(u)
    except ValueError as e:
        f.voeg(q + "uren", str(e))
    try:
        pr = parse_getal(o["uurprijs"], _("Vul de uurprijs in, bijvoorbeeld 10,50."))
        if pr is None:
            f.voeg(q + "uurprijs", _("Vul de prijs per uur in."))
        else:
            ov["uurprijs"] = str(pr)
    except ValueError as e:
        f.voeg(q + "uurprijs", str(e))
    ov["lrk_geregistreerd"] = o.get("lrk", "ja") != "nee"
    try:
        van, tot = int(o.get("van") or 1), int(o.get("tot") or 12)
        if not (1 <= van <= 12 and 1 <= tot <= 12):
            raise ValueError
    except ValueError:
        f.voeg(q + "van", _("Kies de maanden."))
        van, tot = 1, 12
    if tot < van:
        f.voeg(q + "tot", _("De laatste maand ligt voor de eerste maand."))
    ob = oud_opvang[int(o["basis"])] if o.get("basis", "").isdigit() and int(o["basis"]) < len(oud_opvang) else None
    if isinstance(ob, dict) and ob.get("maanden") and (min(ob["maanden"]), max(ob["maanden"])) == (van, tot):
        ov["maanden"] = ob["maanden"]
    else:
        ov["maanden"] = list(range(van, tot + 1))
    return ov


def verwerk_kinderen(rijen: list[dict[str, Any]], staat: dict[str, Any]) -> tuple[list[dict[str, Any]], Fouten]:
    f = Fouten()
    oud = staat["invoer"].get("kinderen") or []
    uit = []
    for i, r in enumerate(rijen):
        p = f"kind-{i}-"
        basis = dict(oud[i]) if i < len(oud) and isinstance(oud[i], dict) else {}
        k: dict[str, Any] = {
            x: y
            for x, y in basis.items()
            if x
            not in (
                "label",
                "geboortedatum",
                "start_voortgezet_onderwijs",
                "woont_op_adres_aanvrager",
                "co_ouderschap",
                "opvang",
            )
        }
        if r["label"]:
            if len(r["label"]) > 40:
                f.voeg(p + "label", _("Gebruik hoogstens 40 tekens."))
            k["label"] = r["label"][:40]
        try:
            g = parse_datum(r["geboortedatum"])
            if g is None:
                f.voeg(p + "geboortedatum", _("Vul de geboortedatum van het kind in."))
            else:
                k["geboortedatum"] = g.isoformat()
        except ValueError as e:
            f.voeg(p + "geboortedatum", str(e))
        try:
            vo = parse_maand(r["vo"])
            if vo:
                k["start_voortgezet_onderwijs"] = vo
        except ValueError as e:
            f.voeg(p + "vo", str(e))
        woont = r.get("woont", "ja")
        if woont not in ("ja", "nee", "co"):
            f.voeg(p + "woont", _("Kies waar het kind woont."))
        k["woont_op_adres_aanvrager"] = woont != "nee"
        k["co_ouderschap"] = woont == "co"
        oud_opvang = basis.get("opvang") or []
        opvang = []
        for jdx, o in enumerate(r["opvang"]):
            ov = _opvang_regel(o, oud_opvang, f"{p}opvang-{jdx}-", f)
            if ov is not None:
                opvang.append(ov)
        k["opvang"] = opvang
        if not opvang and not any(x.startswith(p) for x in f):
            f.voeg(p + "opvang-0-soort", _("Kies de soort opvang voor dit kind."))
        if not any(x.startswith(p) for x in f):
            try:
                Kind.model_validate(k)
            except ValidationError as e:
                for fout in nederlandse_fouten(e):
                    delen = fout["veld"].split(".")
                    doel = p + "opvang-0-van"
                    if delen and delen[0] == "geboortedatum":
                        doel = p + "geboortedatum"
                    elif delen and delen[0].startswith("opvang["):
                        idx = delen[0][7:-1]
                        sub = delen[1] if len(delen) > 1 else "van"
                        doel = f"{p}opvang-{idx}-" + {
                            "uren_per_maand": "uren",
                            "uurprijs": "uurprijs",
                            "maanden": "van",
                        }.get(sub.split("[")[0], "soort")
                    f.voeg(doel, fout["melding"])
        uit.append(k)
    return uit, f


# ---------------------------------------------------------------------------------------------- step: inkomen
def aangevraagd(staat: dict[str, Any]) -> bool | None:
    """The answer to "Heeft u de toeslag al aangevraagd?" (None: not asked yet). Kept in the state's context, next to
    the form's other choices."""
    a = (staat.get("context") or {}).get("aangevraagd")
    return a if a in (True, False) else None


def inkomen_waarden(staat: dict[str, Any]) -> dict[str, str]:
    inv = staat["invoer"]
    ti = inv.get("toetsingsinkomen")
    a = aangevraagd(staat)
    if a is None and inv.get("aanvraagdatum"):
        a = True
    return {
        "toetsingsinkomen": "" if ti is None else str(ti),
        "aanvraagdatum": str(inv.get("aanvraagdatum") or ""),
        "aangevraagd": "" if a is None else ("ja" if a else "nee"),
    }


def verwerk_inkomen(form: Mapping[str, str], staat: dict[str, Any]) -> Fouten:
    f = Fouten()
    try:
        ti = parse_euros(form.get("toetsingsinkomen", ""))
        if ti is not None and ti > 100_000_000:
            raise ValueError(_("Dit bedrag is te hoog. Vul het inkomen in hele euro's in."))
    except ValueError as e:
        f.voeg("toetsingsinkomen", str(e))
        ti = None
    aangevraagd = form.get("aangevraagd", "")
    if not form.get("aangevraagd-gevraagd") and aangevraagd not in ("ja", "nee"):
        # a form from before this question (or a client of its own): the date says it
        aangevraagd = "ja" if (form.get("aanvraagdatum") or "").strip() else "nee"
    ad = None
    if aangevraagd not in ("ja", "nee"):
        f.voeg("aangevraagd", _("Kies of u de toeslag al heeft aangevraagd."))
    elif aangevraagd == "ja":
        try:
            ad = parse_datum(form.get("aanvraagdatum", ""))
            if ad is None:
                f.voeg(
                    "aanvraagdatum",
                    _(
                        "Vul in op welke datum u de toeslag heeft aangevraagd. Weet u het niet "
                        "precies? Vul de datum in die u denkt. U vindt hem in Mijn toeslagen."
                    ),
                )
        except ValueError as e:
            f.voeg("aanvraagdatum", str(e))
    if f:
        return f
    staat.setdefault("context", {})["aangevraagd"] = aangevraagd == "ja"
    inv = staat["invoer"]
    if ti is None:
        inv.pop("toetsingsinkomen", None)
    else:
        inv["toetsingsinkomen"] = ti
    if ad is None:
        inv.pop("aanvraagdatum", None)
    else:
        inv["aanvraagdatum"] = ad.isoformat()
    return f


# ------------------------------------------------------------------------------------------- step: controle
def stap_van_veld(veld: str) -> str:
    """Which step asks for this field of the core's input (to link an error back to its step)."""
    if veld.startswith("aanvrager"):
        return "aanvrager"
    if veld.startswith("partner"):
        return "partner" if not veld.startswith("partner_is") else "gezin"
    if veld.startswith("kinderen"):
        return "kinderen"
    if veld in ("toetsingsinkomen", "aanvraagdatum"):
        return "inkomen"
    return "gezin"


def overzicht(staat: dict[str, Any], catalogus: Any = None) -> list[dict[str, Any]]:
    """The answers per step, in plain words and in the notation of the page's language, for the check page."""
    inv = staat["invoer"]
    j = jaar(staat)
    ja, nee = _("ja"), _("nee")
    pro = (staat.get("context") or {}).get("modus") == "professioneel"
    uit = []
    regels = [(_("Jaar"), str(j)), (_("Partner"), ja if staat.get("partner") else nee)]
    if staat.get("partner"):
        regels.append(
            (_("Partner is familie (ouder, broer of zus)"), ja if inv.get("partner_is_bloedverwant") else nee)
        )
    regels.append((_("Kinderen met opvang"), str(staat.get("aantal_kinderen") or 0)))
    uit.append({"stap": "gezin", "titel": stap_titel("gezin", staat), "regels": regels})
    for wie in ("aanvrager", "partner"):
        if wie == "partner" and not partner_stap_nodig(staat):
            continue
        regels = [_periode_regel(p, j, catalogus) for p in (inv.get(wie) or {}).get("situaties") or []]
        uit.append(
            {
                "stap": wie,
                "titel": stap_titel(wie, staat),
                "regels": regels or [(_("Situatie"), _("nog niet ingevuld"))],
            }
        )
    regels = _kind_regels((inv.get("kinderen") or [])[: staat.get("aantal_kinderen") or 0])
    uit.append(
        {
            "stap": "kinderen",
            "titel": stap_titel("kinderen", staat),
            "regels": regels or [(_("Kinderen"), _("nog niet ingevuld"))],
        }
    )
    ti = inv.get("toetsingsinkomen")
    ad = inv.get("aanvraagdatum")
    if ad:
        aanvraag = _("ja, op {datum}").format(datum=_nl_datum(ad))
    elif aangevraagd(staat) is False:
        aanvraag = (
            _("nog niet (de uitkomst laat zien wat de ouder krijgt bij een aanvraag nu)")
            if pro
            else _("nog niet (de uitkomst laat zien wat u krijgt als u nu aanvraagt)")
        )
    else:
        aanvraag = _("nog niet beantwoord")
    uit.append(
        {
            "stap": "inkomen",
            "titel": stap_titel("inkomen", staat),
            "regels": [
                (
                    (
                        _("Inkomen van de ouder en de partner samen")
                        if staat.get("partner")
                        else _("Inkomen van de ouder")
                    )
                    if pro
                    else (_("Inkomen van u en uw partner samen") if staat.get("partner") else _("Uw inkomen")),
                    _("weet ik niet") if ti is None else i18n.hele_euro(ti),
                ),
                (_("Al aangevraagd?"), aanvraag),
            ],
        }
    )
    return uit


def _periode_regel(p: Mapping[str, Any], j: int, catalogus: Any) -> tuple[str, str]:
    """One situation of a parent for the check page: (situation, period and details)."""
    van, tot = _periode_van_tot(p, j)
    tekst = (
        _("vanaf {van} tot en met {tot}").format(van=_nl_datum(van), tot=_nl_datum(tot))
        if tot
        else _("vanaf {van}").format(van=_nl_datum(van))
    )
    if p.get("uren_per_maand") is not None:
        tekst += ", " + _("{uren} uur per maand").format(uren=i18n.getal(p["uren_per_maand"]))
    if p.get("activiteit") and p.get("gemeente_code"):
        tekst += ", " + _("activiteit: {naam}").format(
            naam=_activiteit_tekst(catalogus, p["gemeente_code"], p["activiteit"])
        )
    elif p.get("situatie") in TRAJECTEN:
        v = p.get("voorziening_gericht_op_arbeidsinschakeling")
        tekst += ", " + _("gericht op werk: {antwoord}").format(
            antwoord=_("ja") if v is True else _("nee") if v is False else _("weet ik niet")
        )
    s_ = str(p.get("situatie"))
    return (_(SITUATIE_TEKST[s_]) if s_ in SITUATIE_TEKST else s_, tekst)


def _kind_regels(kinderen: list[Any]) -> list[tuple[str, str]]:
    """The children and their care for the check page."""
    regels = []
    for i, k in enumerate(kinderen):
        naam = kind_naam(i, k)
        regels.append((naam, _("geboren {datum}").format(datum=_nl_datum(k.get("geboortedatum")))))
        for o in k.get("opvang") or []:
            ms = o.get("maanden") or list(range(1, 13))
            periode = (
                _("hele jaar")
                if ms == list(range(1, 13))
                else _("{van} tot en met {tot}").format(van=i18n.maandnaam(min(ms)), tot=i18n.maandnaam(max(ms)))
            )
            soort = str(o.get("soort"))
            regels.append(
                (
                    f"{naam}: {_(OPVANG_TEKST[soort]) if soort in OPVANG_TEKST else soort}",
                    _("{uren} uur per maand, {prijs} per uur, {periode}").format(
                        uren=i18n.getal(o.get("uren_per_maand")),
                        prijs=i18n.bedrag_per_uur(o.get("uurprijs")),
                        periode=periode,
                    )
                    + ("" if o.get("lrk_geregistreerd", True) else ", " + _("niet in het LRK")),
                )
            )
    return regels


def kind_naam(i: int, k: Mapping[str, Any] | None = None) -> str:
    """'Kind 2', or 'Kind 2 (oudste)' when the parent gave a nickname."""
    label = str((k or {}).get("label") or "")
    return _("Kind {n}").format(n=i + 1) + (f" ({label})" if label else "")


VELD_NAAM = {
    "berekeningsjaar": N_("Jaar"),
    "partner": N_("Partner"),
    "bloedverwant": N_("Partner is familie"),
    "aantal_kinderen": N_("Aantal kinderen"),
    "situatie": N_("situatie"),
    "van": N_("vanaf"),
    "tot": N_("tot en met"),
    "uren": N_("uren per maand"),
    "voorziening": N_("gericht op werk"),
    "detentie_soort": N_("soort detentie"),
    "gemeente": N_("gemeente"),
    "activiteit": N_("activiteit"),
    "label": N_("bijnaam"),
    "geboortedatum": N_("geboortedatum"),
    "vo": N_("middelbare school"),
    "woont": N_("waar het kind woont"),
    "soort": N_("soort opvang"),
    "uurprijs": N_("prijs per uur"),
    "lrk": N_("LRK"),
    "toetsingsinkomen": N_("Inkomen"),
    "aanvraagdatum": N_("Datum van de aanvraag"),
    "aangevraagd": N_("Al aangevraagd"),
}


def veld_naam(veld: str, staat: dict[str, Any], labels: list[str] | None = None) -> str:
    """The field of an error as the parent sees it on the page, with its child or period: 'Kind 2, opvang 1, prijs
    per uur', 'Uw partner, periode 1, vanaf'. For the error summary, so that every message says where it is."""
    delen = veld.split("-")
    if delen[0] == "kind" and len(delen) >= 3 and delen[1].isdigit():
        i = int(delen[1])
        kinderen = staat["invoer"].get("kinderen") or []
        if labels is not None and i < len(labels):  # what was typed on the page with the errors
            uit = kind_naam(i, {"label": labels[i]})
        else:
            uit = kind_naam(i, kinderen[i] if i < len(kinderen) and isinstance(kinderen[i], dict) else None)
        if delen[2] == "opvang" and len(delen) >= 5 and delen[3].isdigit():
            uit += ", " + _("opvang {n}").format(n=int(delen[3]) + 1)
            naam = "-".join(delen[4:])
        else:
            naam = "-".join(delen[2:])
        return uit + (", " + _(VELD_NAAM[naam]) if naam in VELD_NAAM else "")
    if delen[0] in ("aanvrager", "partner") and len(delen) >= 3 and delen[1].isdigit():
        pro = (staat.get("context") or {}).get("modus") == "professioneel"
        wie = (
            (_("De ouder") if pro else _("U"))
            if delen[0] == "aanvrager"
            else (_("De partner") if pro else _("Uw partner"))
        )
        naam = "-".join(delen[2:])
        return (
            f"{wie}, "
            + _("periode {n}").format(n=int(delen[1]) + 1)
            + (", " + _(VELD_NAAM[naam]) if naam in VELD_NAAM else "")
        )
    if veld.startswith("wijzig-"):
        stap = veld[7:]
        return stap_titel(stap, staat) if stap in STAP_TITEL else ""
    return _(VELD_NAAM[veld]) if veld in VELD_NAAM else ""


def formulierveld(veld: str) -> str | None:
    """The form field of a path in the core's input: 'kinderen[1].opvang[0].uurprijs' -> 'kind-1-opvang-0-uurprijs'
    (None for a path outside the children)."""
    m = re.match(r"kinderen\[(\d+)\](?:\.opvang\[(\d+)\](?:\.([a-z_]+))?|\.([a-z_]+))?", veld)
    if not m:
        return None
    k = f"kind-{m[1]}-"
    if m[2] is not None:
        sub = {"uren_per_maand": "uren", "uurprijs": "uurprijs", "maanden": "van", "lrk_geregistreerd": "lrk"}.get(
            m[3] or "", "soort"
        )
        return f"{k}opvang-{m[2]}-{sub}"
    return k + {
        "geboortedatum": "geboortedatum",
        "start_voortgezet_onderwijs": "vo",
        "label": "label",
        "woont_op_adres_aanvrager": "woont",
        "co_ouderschap": "woont",
    }.get(m[4] or "", "geboortedatum")


def stap_compleet(staat: dict[str, Any], stap: str) -> bool:
    """Whether a step has been answered (to know where 'Wijzigen' on the check page must go next)."""
    inv = staat["invoer"]
    if stap == "gezin":
        return staat.get("partner") is not None and bool(staat.get("aantal_kinderen"))
    if stap in ("aanvrager", "partner"):
        return bool((inv.get(stap) or {}).get("situaties"))
    if stap == "kinderen":
        kinderen = inv.get("kinderen") or []
        n = staat.get("aantal_kinderen") or 0
        return len(kinderen) >= n and all(isinstance(k, dict) and k.get("opvang") for k in kinderen[:n])
    if stap == "inkomen":
        return aangevraagd(staat) is not None or bool(inv.get("aanvraagdatum")) or "toetsingsinkomen" in inv
    return True


def _nl_datum(s: Any) -> str:
    try:
        d = dt.date.fromisoformat(str(s))
    except ValueError:
        return str(s or "")
    return i18n.datum(d)


def _activiteit_tekst(catalogus: Any, gemeente_code: str, activiteit: str) -> str:
    try:
        return f"{catalogus.activiteit(gemeente_code, activiteit).naam} ({catalogus.gemeente(gemeente_code).naam})"
    except (AttributeError, LookupError):
        return f"{activiteit} ({gemeente_code})"
