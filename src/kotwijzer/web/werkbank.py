"""The professional's workbench: all facts of a scenario on one form (household, both parents' periods, children and
childcare, income, application date), read back into the core's input; and the comparison of two versions (which
facts changed, and what that does to the money per month and over the year).

Plain HTML forms, no JavaScript: every list shows its existing rows plus one empty row to add one more. A row whose
first field is left empty is left out. Nothing here decides about the law: amounts come from `kotwijzer.compute`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from kotwijzer.diensten import MAANDNAMEN, OPVANG_TEKST, REKENFOUTEN, SITUATIE_TEKST, rekenfout_melding
from kotwijzer.formaat import euro, getal_invoer, hele_euro
from kotwijzer.model import DetentieSoort, Onderwijs, Situatie, Uitkering
from kotwijzer.municipal import CatalogusBron
from kotwijzer.web.formulier import Fouten, parse_datum

MAX_PERIODEN = 12
MAX_KINDEREN = 12
MAX_OPVANG = 12

UITKERING_TEKST = {"bijstand": "Bijstand", "ioaw": "IOAW", "ioaz": "IOAZ", "anw": "Anw"}
ONDERWIJS_TEKST = {"vo": "Voortgezet onderwijs", "vavo": "Vavo", "mbo": "Mbo", "hbo": "Hbo", "wo": "Universiteit (wo)"}
DETENTIE_TEKST = {
    "veroordeling": "Veroordeeld tot een vrijheidsstraf of maatregel",
    "voorlopige_hechtenis": "Voorlopige hechtenis",
}
JA_NEE = [("ja", "Ja"), ("nee", "Nee")]

# Plain Dutch names of the input fields, for error messages and for the list of changed facts
VELD_TEKST = {
    "berekeningsjaar": "jaar",
    "toetsingsinkomen": "gezamenlijk toetsingsinkomen",
    "aanvraagdatum": "aanvraagdatum",
    "partner_is_bloedverwant": "partner is familie",
    "partner": "partner",
    "aanvrager": "aanvrager",
    "label": "label",
    "situaties": "periode",
    "situatie": "situatie",
    "van": "vanaf",
    "tot": "tot en met",
    "maanden": "maanden",
    "uren_per_maand": "uren per maand",
    "uitkering": "uitkering",
    "voorziening_gericht_op_arbeidsinschakeling": "traject gericht op werk",
    "gemeente_code": "gemeente (CBS-code)",
    "activiteit": "activiteit",
    "onderwijs": "onderwijs",
    "detentie_soort": "soort detentie",
    "detentie_begin": "begin van de hele straf",
    "detentie_einde": "einde van de hele straf",
    "laatste_werkdag_vorig_jaar": "laatste werkdag vorig jaar",
    "uren_per_maand_voor_einde": "uren per maand voor die dag",
    "vermoedelijke_bevallingsdatum": "vermoedelijke bevallingsdatum",
    "bevallingsdatum": "bevallingsdatum",
    "kinderen": "kind",
    "geboortedatum": "geboortedatum",
    "start_voortgezet_onderwijs": "start voortgezet onderwijs",
    "woont_op_adres_aanvrager": "woont bij de aanvrager",
    "co_ouderschap": "co-ouderschap",
    "opvang": "opvang",
    "soort": "soort opvang",
    "uurprijs": "uurprijs",
    "lrk_geregistreerd": "in het Landelijk Register Kinderopvang",
}


# ------------------------------------------------------------------------------------------- showing values
def _maanden_kort(ms: list[int] | None) -> str:
    """[1, 2, 3, 7] -> "1-3, 7"."""
    if not ms:
        return ""
    ms = sorted({int(m) for m in ms})
    delen, begin, vorige = [], ms[0], ms[0]
    for m in ms[1:] + [None]:
        if m is not None and m == vorige + 1:
            vorige = m
            continue
        delen.append(str(begin) if begin == vorige else f"{begin}-{vorige}")
        if m is not None:
            begin = vorige = m
    return ", ".join(delen)


def _getal(x: Any) -> str:
    """A number as the form shows it back: exact, a decimal comma, no thousands dots, empty for None."""
    return getal_invoer(x)


def _dmj(x: Any) -> str:
    """An ISO date as the form shows it: '2023-01-10' -> '10-01-2023'."""
    s = str(x or "")
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else s


def _ja_nee(x: Any, standaard: str = "") -> str:
    return standaard if x is None else ("ja" if x else "nee")


def _periode_rij(p: Mapping[str, Any]) -> dict[str, str]:
    return {
        "situatie": str(p.get("situatie") or ""),
        "van": _dmj(p.get("van")),
        "tot": _dmj(p.get("tot")),
        "maanden": _maanden_kort(p.get("maanden")),
        "uren": _getal(p.get("uren_per_maand")),
        "uitkering": str(p.get("uitkering") or ""),
        "voorziening": _ja_nee(p.get("voorziening_gericht_op_arbeidsinschakeling")),
        "gemeente": str(p.get("gemeente_code") or ""),
        "activiteit": str(p.get("activiteit") or ""),
        "onderwijs": str(p.get("onderwijs") or ""),
        "detentie_soort": str(p.get("detentie_soort") or ""),
        "detentie_begin": _dmj(p.get("detentie_begin")),
        "detentie_einde": _dmj(p.get("detentie_einde")),
    }


def _ouder_waarden(o: Mapping[str, Any] | None) -> dict[str, Any]:
    o = o or {}
    rijen = [_periode_rij(p) for p in o.get("situaties") or []]
    rijen.append(_periode_rij({}))
    return {
        "label": str(o.get("label") or ""),
        "laatste_werkdag": _dmj(o.get("laatste_werkdag_vorig_jaar")),
        "uren_voor_einde": _getal(o.get("uren_per_maand_voor_einde")),
        "vermoedelijke_bevalling": _dmj(o.get("vermoedelijke_bevallingsdatum")),
        "bevalling": _dmj(o.get("bevallingsdatum")),
        "perioden": rijen[:MAX_PERIODEN],
    }


def _opvang_rij(o: Mapping[str, Any]) -> dict[str, str]:
    ms = o.get("maanden")
    return {
        "soort": str(o.get("soort") or ""),
        "maanden": "" if ms is None or list(ms) == list(range(1, 13)) else _maanden_kort(ms),
        "uren": _getal(o.get("uren_per_maand")),
        "uurprijs": _getal(o.get("uurprijs")),
        "lrk": _ja_nee(o.get("lrk_geregistreerd"), "ja"),
    }


def _kind_waarden(k: Mapping[str, Any]) -> dict[str, Any]:
    opvang = [_opvang_rij(o) for o in k.get("opvang") or []]
    opvang.append(_opvang_rij({}))
    return {
        "label": str(k.get("label") or ""),
        "geboortedatum": _dmj(k.get("geboortedatum")),
        "vo": str(k.get("start_voortgezet_onderwijs") or ""),
        "woont": _ja_nee(k.get("woont_op_adres_aanvrager"), "ja"),
        "co": _ja_nee(k.get("co_ouderschap"), "nee"),
        "opvang": opvang[:MAX_OPVANG],
    }


def velden_van_invoer(invoer: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
    """The form's values (field id -> text) for a saved input, and how many rows each list shows (one empty more)."""
    w: dict[str, str] = {
        "jaar": str(invoer.get("berekeningsjaar") or ""),
        "toetsingsinkomen": "" if invoer.get("toetsingsinkomen") is None else str(invoer["toetsingsinkomen"]),
        "aanvraagdatum": _dmj(invoer.get("aanvraagdatum")),
        "partner": "ja" if invoer.get("partner") is not None else "nee",
        "bloedverwant": _ja_nee(invoer.get("partner_is_bloedverwant"), "nee"),
    }
    n: dict[str, Any] = {}
    for wie in ("aanvrager", "partner"):
        o = _ouder_waarden(invoer.get(wie))
        for k in ("label", "laatste_werkdag", "uren_voor_einde", "vermoedelijke_bevalling", "bevalling"):
            w[f"{wie}-{k}"] = o[k]
        for i, rij in enumerate(o["perioden"]):
            for k, v in rij.items():
                w[f"{wie}-{i}-{k}"] = v
        n[wie] = len(o["perioden"])
    kinderen = [_kind_waarden(k) for k in invoer.get("kinderen") or []] + [_kind_waarden({})]
    n["kinderen"], n["opvang"] = min(len(kinderen), MAX_KINDEREN), []
    for i, kind in enumerate(kinderen[:MAX_KINDEREN]):
        for sleutel in ("label", "geboortedatum", "vo", "woont", "co"):
            w[f"kind-{i}-{sleutel}"] = kind[sleutel]
        for j, regel in enumerate(kind["opvang"]):
            for sleutel, v in regel.items():
                w[f"kind-{i}-opvang-{j}-{sleutel}"] = v
        n["opvang"].append(len(kind["opvang"]))
    return w, n


def velden_van_form(form: Mapping[str, str]) -> tuple[dict[str, str], dict[str, Any]]:
    """The posted values as they were typed (to show them again with the errors), and the rows to show."""
    w = {k: str(v)[:200] for k, v in form.items() if isinstance(v, str) and k not in ("csrf", "actie")}

    def _rijen(prefix: str, maximum: int, eerste: str) -> int:
        gevuld = [i for i in range(maximum) if (form.get(f"{prefix}{i}-{eerste}") or "").strip()]
        return min(maximum, (max(gevuld) + 2) if gevuld else 1)

    n: dict[str, Any] = {
        "aanvrager": _rijen("aanvrager-", MAX_PERIODEN, "situatie"),
        "partner": _rijen("partner-", MAX_PERIODEN, "situatie"),
        "kinderen": _rijen("kind-", MAX_KINDEREN, "geboortedatum"),
    }
    n["opvang"] = [_rijen(f"kind-{i}-opvang-", MAX_OPVANG, "soort") for i in range(n["kinderen"])]
    for i in range(n["kinderen"]):
        w.setdefault(f"kind-{i}-woont", "ja")
        w.setdefault(f"kind-{i}-co", "nee")
        for j in range(n["opvang"][i]):
            w.setdefault(f"kind-{i}-opvang-{j}-lrk", "ja")
    return w, n


def veld_van_pad(pad: str) -> str:
    """The form field for a path of a validation error: 'kinderen[0].opvang[1].uurprijs' -> 'kind-0-opvang-1-uurprijs'."""
    korter = {
        "uren_per_maand": "uren",
        "gemeente_code": "gemeente",
        "voorziening_gericht_op_arbeidsinschakeling": "voorziening",
        "start_voortgezet_onderwijs": "vo",
        "berekeningsjaar": "jaar",
        "partner_is_bloedverwant": "bloedverwant",
        "laatste_werkdag_vorig_jaar": "laatste_werkdag",
        "uren_per_maand_voor_einde": "uren_voor_einde",
        "vermoedelijke_bevallingsdatum": "vermoedelijke_bevalling",
        "bevallingsdatum": "bevalling",
        "geboortedatum": "geboortedatum",
        "woont_op_adres_aanvrager": "woont",
        "co_ouderschap": "co",
        "lrk_geregistreerd": "lrk",
    }
    m = re.fullmatch(r"(aanvrager|partner)\.situaties\[(\d+)\](?:\.(\w+))?", pad)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{korter.get(m.group(3) or 'situatie', m.group(3) or 'situatie')}"
    m = re.fullmatch(r"kinderen\[(\d+)\]\.opvang\[(\d+)\](?:\.(\w+))?", pad)
    if m:
        return f"kind-{m.group(1)}-opvang-{m.group(2)}-{korter.get(m.group(3) or 'soort', m.group(3) or 'soort')}"
    m = re.fullmatch(r"kinderen\[(\d+)\](?:\.(\w+))?", pad)
    if m:
        return f"kind-{m.group(1)}-{korter.get(m.group(2) or 'geboortedatum', m.group(2) or 'geboortedatum')}"
    m = re.fullmatch(r"(aanvrager|partner)\.(\w+)", pad)
    if m:
        return f"{m.group(1)}-{korter.get(m.group(2), m.group(2))}"
    if pad in korter or pad in ("toetsingsinkomen", "aanvraagdatum"):
        return korter.get(pad, pad)
    return "feiten"


# ------------------------------------------------------------------------------------------- reading the form
def _datum(s: str, veld: str, f: Fouten) -> str | None:
    """A date as typed (15-3-2026, 15/03/2026 or 2026-03-15; the questionnaire's reader) as ISO text."""
    try:
        d = parse_datum(s)
    except ValueError as e:
        f.voeg(veld, str(e))
        return None
    return None if d is None else d.isoformat()


def _decimaal(s: str, veld: str, f: Fouten, decimalen: int = 2) -> str | None:
    s = s.strip().replace("€", "").replace(" ", "")
    if not s:
        return None
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    try:
        d = Decimal(s)
    except InvalidOperation:
        f.voeg(veld, "Vul een getal in, bijvoorbeeld 10,50.")
        return None
    exponent = d.as_tuple().exponent  # a letter for NaN and infinity
    if not isinstance(exponent, int) or d < 0 or -exponent > decimalen:
        f.voeg(veld, f"Vul een getal van 0 of meer in, met hoogstens {decimalen} cijfers achter de komma.")
        return None
    return str(d)


def _hele_euros(s: str, veld: str, f: Fouten) -> int | None:
    s = s.strip().replace("€", "").replace(" ", "").replace(".", "")
    if not s:
        return None
    if s.endswith(",-"):
        s = s[:-2]
    if not s.isdigit() or len(s) > 9:
        f.voeg(veld, "Vul een bedrag in hele euro's in, zonder komma, bijvoorbeeld 42000.")
        return None
    return int(s)


def _maanden(s: str, veld: str, f: Fouten) -> list[int] | None:
    s = s.strip()
    if not s:
        return None
    uit: set[int] = set()
    for deel in re.split(r"[,; ]+", s):
        if not deel:
            continue
        m = re.fullmatch(r"(\d{1,2})(?:-(\d{1,2}))?", deel)
        if not m:
            f.voeg(veld, "Vul maandnummers in, bijvoorbeeld 1-6 of 1, 2, 9.")
            return None
        a, b = int(m.group(1)), int(m.group(2) or m.group(1))
        if not (1 <= a <= b <= 12):
            f.voeg(veld, "Gebruik maandnummers van 1 tot en met 12, de kleinste eerst.")
            return None
        uit.update(range(a, b + 1))
    return sorted(uit)


def _keuze(s: str, toegestaan: set[str], veld: str, f: Fouten) -> str | None:
    s = s.strip()
    if not s:
        return None
    if s not in toegestaan:
        f.voeg(veld, "Kies een van de mogelijkheden.")
        return None
    return s


def _bool(s: str) -> bool | None:
    return {"ja": True, "nee": False}.get(s.strip())


def _tekst(form: Mapping[str, str], naam: str, maximum: int = 200) -> str:
    return (form.get(naam) or "").strip()[:maximum]


def _ouder_uit_form(form: Mapping[str, str], wie: str, f: Fouten) -> dict[str, Any]:
    o: dict[str, Any] = {}
    if label := _tekst(form, f"{wie}-label", 40):
        o["label"] = label
    situaties = []
    for i in range(MAX_PERIODEN):
        p = f"{wie}-{i}-"
        situatie = _keuze(_tekst(form, p + "situatie"), {s.value for s in Situatie}, p + "situatie", f)
        if situatie is None:
            continue
        per: dict[str, Any] = {"situatie": situatie}
        van, tot = _datum(_tekst(form, p + "van"), p + "van", f), _datum(_tekst(form, p + "tot"), p + "tot", f)
        maanden = _maanden(_tekst(form, p + "maanden"), p + "maanden", f)
        if maanden is not None and (van or tot):
            f.voeg(p + "maanden", "Vul óf de maanden óf de datums in, niet allebei.")
        elif maanden is None and van is None and p + "van" not in f:
            f.voeg(p + "van", "Vul in vanaf wanneer deze situatie geldt (of de maanden).")
        if maanden is not None:
            per["maanden"] = maanden
        if van:
            per["van"] = van
        if tot:
            per["tot"] = tot
        for veld, sleutel, lees in (
            ("uren", "uren_per_maand", lambda s, v: _decimaal(s, v, f)),
            ("uitkering", "uitkering", lambda s, v: _keuze(s, {u.value for u in Uitkering}, v, f)),
            ("gemeente", "gemeente_code", lambda s, v: s.strip().upper() or None),
            ("activiteit", "activiteit", lambda s, v: s.strip() or None),
            ("onderwijs", "onderwijs", lambda s, v: _keuze(s, {x.value for x in Onderwijs}, v, f)),
            ("detentie_soort", "detentie_soort", lambda s, v: _keuze(s, {x.value for x in DetentieSoort}, v, f)),
            ("detentie_begin", "detentie_begin", lambda s, v: _datum(s, v, f)),
            ("detentie_einde", "detentie_einde", lambda s, v: _datum(s, v, f)),
        ):
            w = lees(_tekst(form, p + veld), p + veld)
            if w is not None:
                per[sleutel] = w
        if (v := _bool(_tekst(form, p + "voorziening"))) is not None:
            per["voorziening_gericht_op_arbeidsinschakeling"] = v
        situaties.append(per)
    o["situaties"] = situaties
    for veld, sleutel in (
        ("laatste_werkdag", "laatste_werkdag_vorig_jaar"),
        ("vermoedelijke_bevalling", "vermoedelijke_bevallingsdatum"),
        ("bevalling", "bevallingsdatum"),
    ):
        if (w := _datum(_tekst(form, f"{wie}-{veld}"), f"{wie}-{veld}", f)) is not None:
            o[sleutel] = w
    if (w := _decimaal(_tekst(form, f"{wie}-uren_voor_einde"), f"{wie}-uren_voor_einde", f)) is not None:
        o["uren_per_maand_voor_einde"] = w
    return o


def invoer_uit_form(form: Mapping[str, str], basis: Mapping[str, Any] | None = None) -> tuple[dict[str, Any], Fouten]:
    """The core's input from the workbench form, and the errors per field id. Keys of `basis` that the form does not
    show (none today) are kept, so that saving never drops a fact."""
    f = Fouten()
    inv: dict[str, Any] = {
        k: v
        for k, v in (basis or {}).items()
        if k
        not in {
            "berekeningsjaar",
            "toetsingsinkomen",
            "aanvraagdatum",
            "aanvrager",
            "partner",
            "partner_is_bloedverwant",
            "kinderen",
        }
    }
    jaar = _tekst(form, "jaar")
    if not jaar.isdigit() or not 2000 <= int(jaar) <= 2100:
        f.voeg("jaar", "Vul het berekeningsjaar in, bijvoorbeeld 2026.")
    else:
        inv["berekeningsjaar"] = int(jaar)
    if (ti := _hele_euros(_tekst(form, "toetsingsinkomen"), "toetsingsinkomen", f)) is not None:
        inv["toetsingsinkomen"] = ti
    if (ad := _datum(_tekst(form, "aanvraagdatum"), "aanvraagdatum", f)) is not None:
        inv["aanvraagdatum"] = ad
    inv["aanvrager"] = _ouder_uit_form(form, "aanvrager", f)
    if _tekst(form, "partner") == "ja":
        inv["partner"] = _ouder_uit_form(form, "partner", f)
        if _tekst(form, "bloedverwant") == "ja":
            inv["partner_is_bloedverwant"] = True
    kinderen = []
    for i in range(MAX_KINDEREN):
        p = f"kind-{i}-"
        geboren = _datum(_tekst(form, p + "geboortedatum"), p + "geboortedatum", f)
        opvang = []
        for j in range(MAX_OPVANG):
            q = f"{p}opvang-{j}-"
            soort = _keuze(_tekst(form, q + "soort"), set(OPVANG_TEKST), q + "soort", f)
            if soort is None:
                continue
            o: dict[str, Any] = {"soort": soort}
            if (ms := _maanden(_tekst(form, q + "maanden"), q + "maanden", f)) is not None:
                o["maanden"] = ms
            uren, prijs = (
                _decimaal(_tekst(form, q + "uren"), q + "uren", f),
                _decimaal(_tekst(form, q + "uurprijs"), q + "uurprijs", f),
            )
            if uren is None and q + "uren" not in f:
                f.voeg(q + "uren", "Vul het aantal uren opvang per maand in.")
            if prijs is None and q + "uurprijs" not in f:
                f.voeg(q + "uurprijs", "Vul de uurprijs in, bijvoorbeeld 10,25.")
            o["uren_per_maand"], o["uurprijs"] = uren, prijs
            if _tekst(form, q + "lrk") == "nee":
                o["lrk_geregistreerd"] = False
            opvang.append(o)
        if geboren is None:
            if opvang and p + "geboortedatum" not in f:
                f.voeg(p + "geboortedatum", "Vul de geboortedatum van het kind in.")
            continue
        k: dict[str, Any] = {"geboortedatum": geboren, "opvang": opvang}
        if label := _tekst(form, p + "label", 40):
            k["label"] = label
        if vo := _tekst(form, p + "vo", 7):
            if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", vo):
                f.voeg(p + "vo", "Vul de maand in als JJJJ-MM, bijvoorbeeld 2030-09.")
            else:
                k["start_voortgezet_onderwijs"] = vo
        if _tekst(form, p + "woont") == "nee":
            k["woont_op_adres_aanvrager"] = False
        if _tekst(form, p + "co") == "ja":
            k["co_ouderschap"] = True
        kinderen.append(k)
    inv["kinderen"] = kinderen
    return inv, f


# --------------------------------------------------------------------------------------------- comparing
def _plat(x: Any, pad: tuple = ()) -> dict[tuple, Any]:
    if isinstance(x, dict):
        uit: dict[tuple, Any] = {}
        for k, v in x.items():
            uit.update(_plat(v, pad + (k,)))
        return uit
    if isinstance(x, list) and (not x or isinstance(x[0], dict)):
        uit = {}
        for i, v in enumerate(x):
            uit.update(_plat(v, pad + (i,)))
        return uit
    return {pad: x}


def _normaal(v: Any) -> Any:
    """Equal facts compare equal whatever their JSON spelling (10, "10", "10.00")."""
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, (int, float)) or (isinstance(v, str) and re.fullmatch(r"\d+(\.\d+)?", v)):
        return Decimal(str(v)).normalize()
    return v


def pad_tekst(pad: tuple) -> str:
    delen: list[str] = []
    for i, d in enumerate(pad):
        if isinstance(d, int):
            vorig = pad[i - 1] if i else ""
            delen[-1] = f"{VELD_TEKST.get(vorig, vorig)} {d + 1}"
        else:
            delen.append(VELD_TEKST.get(d, str(d).replace("_", " ")))
    tekst = ", ".join(delen)
    return tekst[:1].upper() + tekst[1:]


def waarde_tekst(pad: tuple, v: Any) -> str:
    if v is None:
        return "niet ingevuld"
    sleutel = next((d for d in reversed(pad) if isinstance(d, str)), "")
    if isinstance(v, bool):
        return "ja" if v else "nee"
    if sleutel == "situatie":
        return SITUATIE_TEKST.get(str(v), str(v))
    if sleutel == "soort":
        return OPVANG_TEKST.get(str(v), str(v))
    if sleutel == "maanden" and isinstance(v, list):
        return _maanden_kort(v) or "geen"
    if sleutel in ("uitkering",):
        return UITKERING_TEKST.get(str(v), str(v))
    if sleutel == "detentie_soort":
        return DETENTIE_TEKST.get(str(v), str(v))
    if sleutel == "toetsingsinkomen":
        return hele_euro(int(v))
    if sleutel == "uurprijs":
        return euro(Decimal(str(v)))
    if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        d = dt.date.fromisoformat(v)
        return f"{d.day} {MAANDNAMEN[d.month - 1]} {d.year}"
    if isinstance(v, (int, float)) or (isinstance(v, str) and re.fullmatch(r"\d+(\.\d+)?", v)):
        return _getal(v)
    return str(v)


def _volledig(invoer: Mapping[str, Any]) -> Any:
    """The input with the model's defaults filled in, so that a default written out is no change."""
    from pydantic import ValidationError

    from kotwijzer.model import Huishouden

    try:
        return Huishouden.model_validate(invoer).model_dump(mode="json", exclude_none=True)
    except ValidationError:
        return json.loads(json.dumps(invoer))


def feiten_verschil(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[dict[str, str]]:
    """The facts that differ between two inputs, in plain Dutch, in the order of the input."""
    pa, pb = _plat(_volledig(a)), _plat(_volledig(b))
    uit = []
    for pad in list(pa) + [p for p in pb if p not in pa]:
        va, vb = pa.get(pad), pb.get(pad)
        if _normaal(va) != _normaal(vb):
            uit.append({"feit": pad_tekst(pad), "oud": waarde_tekst(pad, va), "nieuw": waarde_tekst(pad, vb)})
    return uit


def bedragen(invoer: Mapping[str, Any], catalogus: CatalogusBron = None) -> dict[str, Any]:
    """Per month the amount paid (whole euros, voorschot) and the toeslag, and the year: from the core (with the
    municipal `catalogus` the caller uses). An amount the core cannot compute is None; `melding` says why."""
    from pydantic import ValidationError

    from kotwijzer.compute import bereken
    from kotwijzer.model import Huishouden

    try:
        r = bereken(Huishouden.model_validate(invoer), catalogus=catalogus)
    except ValidationError:
        return {"maanden": [], "jaar": None, "melding": "Deze versie kan niet meer worden ingelezen.", "r": None}
    except REKENFOUTEN as e:
        return {"maanden": [], "jaar": None, "melding": rekenfout_melding(e), "r": None}
    return {
        "maanden": [
            {"maand": m.maand, "aanspraak": m.aanspraak, "betaald": m.uitbetaling_voorschot, "toeslag": m.toeslag}
            for m in r.maanden
        ],
        "jaar": r.jaar.toeslag,
        "melding": getattr(r, "rekenfout", None),
        "r": r,
    }


def _min(a: Decimal | int | None, b: Decimal | int | None) -> Decimal | int | None:
    return None if a is None or b is None else b - a


def geld_verschil(a: Mapping[str, Any], b: Mapping[str, Any], catalogus: CatalogusBron = None) -> dict[str, Any]:
    """Money per month and over the year for two inputs, with the difference (None where either is unknown)."""
    ba, bb = bedragen(a, catalogus), bedragen(b, catalogus)
    maanden = []
    for m in range(1, 13):
        ma = next((x for x in ba["maanden"] if x["maand"] == m), None)
        mb = next((x for x in bb["maanden"] if x["maand"] == m), None)
        pa, pb = (ma or {}).get("betaald"), (mb or {}).get("betaald")
        maanden.append(
            {
                "maand": m,
                "a": pa,
                "b": pb,
                "verschil": _min(pa, pb),
                "recht_a": (ma or {}).get("aanspraak"),
                "recht_b": (mb or {}).get("aanspraak"),
            }
        )
    ja, jb = ba["jaar"], bb["jaar"]
    som_a = (
        sum((x["a"] for x in maanden if x["a"] is not None), Decimal(0))
        if ba["maanden"] and all(x["a"] is not None for x in maanden)
        else None
    )
    som_b = (
        sum((x["b"] for x in maanden if x["b"] is not None), Decimal(0))
        if bb["maanden"] and all(x["b"] is not None for x in maanden)
        else None
    )
    return {
        "maanden": maanden,
        "jaar_a": ja,
        "jaar_b": jb,
        "jaar_verschil": _min(ja, jb),
        "betaald_a": som_a,
        "betaald_b": som_b,
        "betaald_verschil": _min(som_a, som_b),
        "melding_a": ba["melding"],
        "melding_b": bb["melding"],
    }
