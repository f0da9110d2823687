"""One household: input -> arrays -> rules -> result with a structured trace.

`bereken()` is what the CLI, the API and the web app call. It runs the same vectorised kernel as the
microsimulation (a batch of one) and then reads the trace off the intermediate arrays: which conditions passed,
failed or are unknown (with the missing input), which parameters were read (with source and status), and the
citations of every step.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from decimal import Decimal
from typing import Any

import numpy as np

from kotwijzer.bereik import bereik_voor
from kotwijzer.invoer import SOORT_NAAM, Batch, OntbrekendeInvoer, naar_batch
from kotwijzer.kern import Uitkomst, bereken_batch
from kotwijzer.model import (
    BronOut,
    Ontbrekend,
    Conditie,
    GelezenParameter,
    Huishouden,
    Jaartotaal,
    KindMaand,
    Maanduitkomst,
    Resultaat,
    Urenpotje,
    VoorwaardencheckResultaat,
    Vraag,
)
from kotwijzer.params import OntbrekendeWetgeving, maximum_uurprijs, parameters_voor_jaar, tabel
from kotwijzer.params.loader import CELSTATUS_TEKST
from kotwijzer.rules import bedrag as rb
from kotwijzer.rules import codes as c
from kotwijzer.rules import uren as ru
from kotwijzer.wetten.bron import Bron, awir, bkot, wko

MAANDNAMEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
SOORT_TEKST = {
    "dagopvang": "dagopvang",
    "buitenschoolse_opvang": "buitenschoolse opvang",
    "gastouderopvang": "gastouderopvang",
}

_bron_cache: dict[Bron, BronOut] = {}


def _b(bron: Bron) -> BronOut:
    out = _bron_cache.get(bron)
    if out is None:
        out = BronOut.model_construct(**bron.as_dict())
        _bron_cache[bron] = out
    return out


def _bl(bronnen, jaar: int | None = None) -> list[BronOut]:
    """Citations as output; with a year, only those that apply in that year (Bron.vanaf_jaar/tot_jaar)."""
    return [_b(x) for x in bronnen if jaar is None or x.geldt_in(jaar)]


# Conditions depend only on small integer codes; they are built once per code and shared between results (treat them
# as read-only; voorwaardencheck copies before changing one).
@lru_cache(maxsize=4096)
def _ouder_conditie(sit: int, rol: str, uitz: int, lid1: int, jaar: int) -> Conditie:
    return _ouder_condities(sit, rol, uitz, lid1, jaar)[0]


@lru_cache(maxsize=1024)
def _kind_condities_cached(bits: int, jaar: int) -> tuple[Conditie, ...]:
    return tuple(_kind_condities(bits, jaar))


_zet = object.__setattr__


def _bouw(cls, **velden):
    """Like `cls.model_construct(**velden)` for trusted values that name every field: the same object (field values,
    fields set), without pydantic's per-field default handling, which is most of the cost of one result."""
    if __debug__ and set(velden) != set(cls.model_fields):
        raise TypeError(f"{cls.__name__}: velden {sorted(set(cls.model_fields) ^ set(velden))}")
    obj = cls.__new__(cls)
    _zet(obj, "__dict__", velden)
    _zet(obj, "__pydantic_fields_set__", set(velden))
    _zet(obj, "__pydantic_extra__", None)
    _zet(obj, "__pydantic_private__", None)
    return obj


def _cent(x: int) -> Decimal:
    return Decimal(int(x)) / 100


def _euro(x: int) -> str:
    return f"€ {x / 100:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def _pct(d: Decimal) -> str:
    return f"{d}%".replace(".", ",")


def _datum(d: dt.date) -> str:
    return f"{d.day} {MAANDNAMEN[d.month - 1]} {d.year}"


def _opsomming(delen: list[str]) -> str:
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def _duizend(x: int) -> str:
    return f"{x:,}".replace(",", ".")


def _getal(d: Decimal) -> str:
    txt = f"{d:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return txt[:-3] if txt.endswith(",00") else txt


def _uren(cu: int) -> Decimal:
    return Decimal(int(cu)) / 100


def _kosten_dec(eenheden: int) -> Decimal:
    """1/10,000 euro -> euros, rounded half up to the cent (kosten may have fractions of a cent with fractional
    hours); the same integer rule as the population path (`rules.bedrag.afronden_cent`)."""
    return _cent(rb.afronden_cent(int(eenheden)))


@lru_cache(maxsize=256)
def _kind_redenen(bits: int) -> tuple[str, ...]:
    return tuple(kr.code for kr in c.KIND_REDENEN if bits & kr.bit)


def _ouder_condities(sit: int, rol: str, uitz: int, lid1: int, jaar: int) -> tuple[Conditie, list[str]]:
    """The arbeidseis for one parent in one month (Wko 1.6 lid 1 or, for a partner, lid 3)."""
    gevonden = c.onderdelen_in(sit & lid1)
    bron_lid = wko("1.6", 1) if rol == "aanvrager" else wko("1.6", 3)
    wie = "U" if rol == "aanvrager" else "Uw partner"
    if gevonden:
        tekst = f"{wie} voldoet: " + "; ".join(f"{o.omschrijving} ({o.bronnen[0].kort()})" for o in gevonden) + "."
        bronnen = [bron_lid] + [b for o in gevonden for b in o.bronnen]
        return Conditie.model_construct(code=f"arbeidseis_{rol}", status="voldaan", uitleg=tekst, bronnen=_bl(bronnen, jaar), ontbrekende_invoer=[], vraag=None), []
    uitz_gevonden = c.onderdelen_in(sit & (uitz | c.WLZ_PERM | c.WLZ_TIJD | c.DET_LANG | c.DET_KORT | c.DET_VOORLOPIG_LANG | c.KL))
    if sit & c.ONBEKEND:
        return Conditie.model_construct(
            code=f"arbeidseis_{rol}",
            status="onbekend",
            uitleg=f"{wie} heeft een traject, maar het is niet bekend of dat een voorziening gericht op werk is.",
            bronnen=_bl([wko("1.6", 1, "c"), wko("1.6", 1, "f")]),
            ontbrekende_invoer=[f"{rol}.situaties[].voorziening_gericht_op_arbeidsinschakeling"],
            vraag="Is de activiteit een voorziening gericht op arbeidsinschakeling (categorie A of B van uw gemeente)?",
        ), [f"{rol}.voorziening"]
    if sit & c.BIJSTAND_ZONDER_VOORZIENING:
        tekst = f"{wie} heeft een uitkering, maar de activiteit is geen voorziening gericht op werk (categorie C)."
    elif uitz_gevonden:
        tekst = f"{wie} werkt niet en volgt geen traject of opleiding, maar " + ", ".join(o.omschrijving for o in uitz_gevonden) + "."
    else:
        tekst = f"{wie} werkt niet en heeft geen andere situatie uit de wet (traject, studie, inburgering, indicatie)."
    return Conditie.model_construct(code=f"arbeidseis_{rol}", status="niet_voldaan", uitleg=tekst, bronnen=_bl([bron_lid] + [b for o in uitz_gevonden for b in o.bronnen], jaar), ontbrekende_invoer=[], vraag=None), []


def _kind_condities(bits: int, jaar: int) -> list[Conditie]:
    out = []
    for kr in c.KIND_REDENEN:
        if kr.bit == c.K_GEEN_OPVANG:
            continue
        status = "niet_voldaan" if bits & kr.bit else "voldaan"
        if status == "voldaan" and kr.bit in (c.K_GEEN_ASPRAAK_OUDERS, c.K_NOG_NIET_GEBOREN):
            continue
        uitleg = kr.uitleg if status == "niet_voldaan" else {
            c.K_TE_OUD: "Het kind gaat nog niet naar het voortgezet onderwijs.",
            c.K_NIET_OP_ADRES: "Het kind woont bij u (of er is co-ouderschap).",
            c.K_NIET_LRK: "De opvang staat in het Landelijk Register Kinderopvang.",
            c.K_TE_LAAT: "De maand valt binnen de termijn van de aanvraag.",
        }[kr.bit]
        out.append(Conditie.model_construct(code=kr.code, status=status, uitleg=uitleg, bronnen=_bl(kr.bronnen, jaar), ontbrekende_invoer=[], vraag=None))
    return out


def _activiteiten_per_maand(b: Batch, jaar: int) -> dict[str, list]:
    """Per parent and month the municipal classification of the bijstand activity, if one was named."""
    out: dict[str, list] = {"aanvrager": [None] * 12, "partner": [None] * 12}
    for n in b.notities:
        if n["soort"] == "activiteit":
            for m in n["maanden"]:
                out[n["ouder"]][m] = n["classificatie"]
    return out


def _met_activiteit(cnd: Conditie, kl) -> Conditie:
    """Wko 1.6 lid 1 onder c: the verdict on a bijstand activity follows from the municipality's classification."""
    if kl is None:
        return cnd
    extra = (f" Activiteit: '{kl.activiteit_naam}' bij {kl.gemeente_naam}, categorie {kl.categorie.value if hasattr(kl.categorie, 'value') else kl.categorie}"
             + (f", re-integratiecode {kl.reintegratiecode}" if kl.reintegratiecode else "") + ".")
    gezien = {b.citaat for b in cnd.bronnen}
    bronnen = list(cnd.bronnen) + [_b(x) for x in kl.bron if x.kort() not in gezien]
    return cnd.model_copy(update={"uitleg": cnd.uitleg + extra, "bronnen": bronnen})


def _parameters(u: Uitkomst) -> list[GelezenParameter]:
    out = []
    for naam, w in u.params.gelezen.items():
        p = u.params.parameter(naam)
        out.append(GelezenParameter(naam=naam, waarde=w.waarde, status=w.status, bron=_bl(p.bron, u.jaar), publicatie=w.publicatie))
    return out


def _maand_aanspraak(b: Batch, u: Uitkomst) -> np.ndarray:
    """bool [12]: a month has aanspraak when the parents meet the conditions AND a child has a right to care in it
    (Wko art. 1.5 lid 1: the aanspraak is for the childcare of a child). So a child that starts secondary school, or is
    not yet born, takes the month with it when it is the only child. Without any childcare entered (an incomplete
    voorwaardencheck) the parents' conditions alone decide."""
    if not (b.soort[0] > 0).any():
        return u.aanspraak[0]
    return u.aanspraak[0] & u.kind_ok[0].any(axis=0)


def _tabel_of_none(jaar: int):
    try:
        return tabel(jaar)
    except OntbrekendeWetgeving:
        return None


def _mu_of_none(jaar: int):
    try:
        return maximum_uurprijs(jaar)
    except OntbrekendeWetgeving:
        return None


def _maand_einde(jaar: int, maand_index: int) -> dt.date:
    """Last day of month `maand_index` (0-based, may run past December) counted from January of `jaar`."""
    j, m = divmod(maand_index, 12)
    eerste_volgende = dt.date(jaar + j + (m + 1) // 12, (m + 1) % 12 + 1, 1)
    return eerste_volgende - dt.timedelta(days=1)


def _bouw_resultaat(h: Huishouden, b: Batch, u: Uitkomst, aanvraagdatum: dt.date) -> Resultaat:
    jaar = b.jaar
    mu = _mu_of_none(jaar)
    t = _tabel_of_none(jaar)
    labels = [k.label or f"kind {i + 1}" for i, k in enumerate(h.kinderen)]
    n_kind = len(h.kinderen)
    heeft_partner = h.partner is not None and not h.partner_is_bloedverwant
    maanden: list[Maanduitkomst] = []
    waarschuwingen: list[str] = []
    aannames: list[str] = []
    tot = dict(toeslag=0, kosten_e=0, werkelijk_e=0, uren=0)
    bedrag_compleet = True  # every amount of the year known
    wissel_maanden = []
    gelijk_maanden = []
    ontbrekende_cel_maanden: dict[bool, list[int]] = {True: [], False: []}  # eerste kind -> months
    gebruikte_cellen: dict[tuple[bool, str], Decimal] = {}
    activiteiten = _activiteiten_per_maand(b, jaar)
    heeft_bedrag = u.kosten_e is not None
    gelijk = rb.eerste_kind_gelijk(u.uren_cu, u.kosten_e)[0].tolist() if heeft_bedrag else [False] * 12
    rij = None
    if t is not None and h.toetsingsinkomen is not None and int(t.rij_index(np.array([h.toetsingsinkomen]))[0]) >= 0:
        rij = t.rij(h.toetsingsinkomen)
    # plain Python lists once: indexing numpy scalars in the loops below is what costs time for one household
    soort_l = b.soort[0].tolist()
    bits_l = u.kind_bits[0].tolist()
    gevraagd_l = u.uren_gevraagd_cu[0].tolist()
    grens_l = u.uren_na_maandgrens_cu[0].tolist()
    telt_l = u.uren_cu[0].tolist()
    kind_ok_l = u.kind_ok[0].tolist()
    prijs_l = b.prijs_cent[0].tolist()
    werk_l = u.werkelijke_kosten_e[0].tolist()
    bekend_l = None if u.toeslag_bekend is None else u.toeslag_bekend[0].tolist()
    eerste_l = u.eerste_kind[0].tolist() if u.eerste_kind is not None else None  # Bkot 3 lid 2: hours suffice
    if heeft_bedrag:
        kosten_l = u.kosten_e[0].tolist()
        promille_l = u.promille[0].tolist()
        toeslag_l = u.toeslag_cent[0].tolist()
        gebruikt_l = u.prijs_gebruikt_cent[0].tolist()
    sit_l = b.sit[0].tolist()
    reden_l = u.reden[0].tolist()
    aanspraak_l = _maand_aanspraak(b, u).tolist()
    for m in range(12):
        reden = c.REDEN_PER_NUMMER[reden_l[m]]
        cond: list[Conditie] = []
        cond.append(_met_activiteit(_ouder_conditie(sit_l[0][m], "aanvrager", u.uitzondering, u.lid1, jaar), activiteiten["aanvrager"][m]))
        if heeft_partner:
            cond.append(_met_activiteit(_ouder_conditie(sit_l[1][m], "partner", u.uitzondering, u.lid1, jaar), activiteiten["partner"][m]))
        elif h.partner is not None:
            cond.append(Conditie.model_construct(
                code="arbeidseis_partner", status="niet_van_toepassing",
                uitleg="Uw huisgenoot is familie en alleen partner door hetzelfde adres. Die hoeft niet te werken.",
                bronnen=_bl([wko("1.6", 6)]), ontbrekende_invoer=[], vraag=None))
        cond.append(Conditie.model_construct(
            code=f"aanspraak_{reden.code}", status="voldaan" if reden.recht else ("onbekend" if reden.code == "onbekend" else "niet_voldaan"),
            uitleg=reden.uitleg, bronnen=_bl(reden.bronnen, jaar), ontbrekende_invoer=[], vraag=None))
        kinderen: list[KindMaand] = []
        toeslag_m = 0
        eigen_m = 0
        maand_compleet = True
        for k in range(n_kind):
            s = soort_l[k][m]
            if s == 0:
                continue
            bits = bits_l[k][m]
            soort = SOORT_NAAM[s]
            werk_e = werk_l[k][m]
            redenen = list(_kind_redenen(bits))
            gevraagd = gevraagd_l[k][m]
            na_grens = grens_l[k][m]
            telt = telt_l[k][m]
            if bits == 0 and gevraagd > na_grens:
                redenen.append("meer_dan_230_uur")
            if bits == 0 and telt < na_grens:
                redenen.append("urenpotje_op")
            bekend = True if bekend_l is None else bekend_l[k][m]
            kosten_e = kosten_l[k][m] if heeft_bedrag else None
            eerste = eerste_l[k][m] if eerste_l is not None else False
            promille = promille_l[k][m] if heeft_bedrag else -1
            toe = toeslag_l[k][m] if (heeft_bedrag and bekend) else (0 if telt == 0 else None)
            eigen = None if toe is None else rb.afronden_cent(werk_e) - toe  # the rules work on Python ints too
            reden_eerste = None
            if eerste and telt > 0:
                andere = [j for j in range(n_kind) if j != k and telt_l[j][m] == telt]
                reden_eerste = "gelijk" if gelijk[m] else ("hoogste_kosten" if andere else "meeste_uren")
            bron_pct = None
            if telt > 0 and promille >= 0 and t is not None and rij is not None:
                st = rij["status_eerste_kind" if eerste else "status_overige_kinderen"]
                bron_pct = CELSTATUS_TEKST[st]
                gebruikte_cellen[(eerste, st)] = Decimal(promille) / 10
            if telt > 0 and toe is None:
                maand_compleet = False
                if heeft_bedrag and u.tabel_fout is None and h.toetsingsinkomen is not None and rij is not None:
                    ontbrekende_cel_maanden[eerste].append(m + 1)
            kinderen.append(_bouw(KindMaand,
                kind=k + 1, label=labels[k], opvangsoort=soort, aanspraak=kind_ok_l[k][m] and telt > 0,
                redenen=redenen,
                uren_opgegeven=_uren(gevraagd), uren_in_aanmerking=_uren(telt),
                uurprijs=_cent(prijs_l[k][m]),
                maximum_uurprijs=_cent(mu.cent[soort.value]) if mu is not None else None,
                uurprijs_gebruikt=_cent(gebruikt_l[k][m]) if heeft_bedrag else None,
                kosten=_kosten_dec(kosten_e) if kosten_e is not None else None, werkelijke_kosten=_kosten_dec(werk_e),
                eerste_kind=eerste, eerste_kind_reden=reden_eerste,
                percentage=Decimal(promille) / 10 if (telt > 0 and promille >= 0) else None,
                percentage_bron=bron_pct,
                toeslag=_cent(toe) if toe is not None else None,
                eigen_bijdrage=_cent(eigen) if eigen is not None else None,
                condities=list(_kind_condities_cached(bits, jaar)),
            ))
            if toe is not None:
                toeslag_m += toe
                eigen_m += eigen
            if kosten_e is not None:
                tot["kosten_e"] += kosten_e
            tot["werkelijk_e"] += werk_e
            tot["uren"] += telt
        tot["toeslag"] += toeslag_m
        bedrag_compleet &= maand_compleet
        # several children with different prices: the first-child rule can make more hours give less toeslag
        if heeft_bedrag:
            actief = [k for k in range(n_kind) if soort_l[k][m] and telt_l[k][m] > 0]
            if (len(actief) >= 2 and len({gebruikt_l[k][m] for k in actief}) > 1
                    and len({promille_l[k][m] for k in actief if promille_l[k][m] >= 0}) > 1):
                wissel_maanden.append(m)
        if gelijk[m]:
            gelijk_maanden.append(m)
        maanden.append(Maanduitkomst.model_construct(
            maand=m + 1, aanspraak=aanspraak_l[m], reden=reden.code, uitleg=reden.uitleg,
            bronnen=_bl(reden.bronnen, jaar), condities=cond, kinderen=kinderen,
            toeslag=_cent(toeslag_m) if maand_compleet else None,
            uitbetaling_voorschot=_cent(rb.uitbetaling_voorschot(toeslag_m)) if maand_compleet else None,
            eigen_bijdrage=_cent(eigen_m) if maand_compleet else None,
        ))

    # pools
    urenpotjes: list[Urenpotje] = []
    if u.params.koppeling_gewerkte_uren:
        pct = {"dagopvang": u.params.kgu_percentage_dagopvang, "buitenschoolse_opvang": u.params.kgu_percentage_bso}
        corona = bool(u.params.kgu_corona_verruiming)
        for naam, pot in u.potjes_cu.items():
            po = u.per_ouder[naam][0]
            wie = [f"aanvrager {_getal(_uren(int(po[0]) // 100))} uur"]
            if heeft_partner:
                wie.append(f"partner {_getal(_uren(int(po[1]) // 100))} uur")
            if corona:
                regel = (f"Koppeling gewerkte uren {jaar}, verruimd vanwege corona: 230 uur per maand waarin de ouder "
                         f"werkte, of {pct[naam]}% van de gewerkte uren als dat meer is; 230 uur per maand als "
                         "doelgroeper, met Wlz-indicatie of in detentie. De verruiming staat in het Besluit van 31 "
                         "augustus 2021 (Stb. 2021, 434), zoals beschreven in de nota van toelichting bij het Besluit "
                         "van 22 augustus 2022: werkende ouders krijgen 230 uur per kind per kalendermaand waarin zij "
                         "werkten. De tekst van die bepaling zelf is niet gevonden.")
            else:
                regel = (f"Koppeling gewerkte uren {jaar}: {pct[naam]}% van de gewerkte uren, of 230 uur per maand als "
                         "doelgroeper, met Wlz-indicatie of in detentie.")
            bronnen = list(ru.BRON_KGU)
            urenpotjes.append(Urenpotje.model_construct(
                kind=0, soort=naam, uren=_uren(int(pot[0])),
                uitleg=(f"{regel} Per ouder: {', '.join(wie)}. Het potje per kind is dat van de ouder met de minste "
                        "uren."),
                bronnen=_bl(bronnen, jaar)))
    else:
        mnd = u.per_ouder["maanden"][0]
        wie = [f"aanvrager {int(mnd[0])} maanden"]
        if heeft_partner:
            wie.append(f"partner {int(mnd[1])} maanden")
        urenpotjes.append(Urenpotje.model_construct(
            kind=0, soort="alle_opvang", uren=_uren(int(u.potjes_cu['alle_opvang'][0])),
            uitleg=(f"230 uur per maand waarin de ouder die het minst vaak werkte (of een andere situatie had die "
                    f"meetelt) dat deed. Per ouder: {', '.join(wie)}. Dit potje geldt per kind voor het hele jaar."),
            bronnen=_bl(ru.BRON_ONTKOPPELD, jaar)))

    # what an amount needs but is missing
    ontbrekend: list[Ontbrekend] = []
    mnd_zonder = [mm.maand for mm in maanden if mm.toeslag is None]
    if u.prijs_fout is not None and mnd_zonder:
        ontbrekend.append(Ontbrekend(code="maximum_uurprijs", uitleg=u.prijs_fout, maanden=mnd_zonder))
        if t is None:
            try:
                tabel(jaar)
            except OntbrekendeWetgeving as e:
                ontbrekend.append(Ontbrekend(code="tabel", uitleg=str(e), maanden=mnd_zonder))
        mu_aangekondigd = _mu_aangekondigd(jaar)
        if mu_aangekondigd:
            waarschuwingen.append(mu_aangekondigd)
    if u.tabel_fout is not None and mnd_zonder:
        ontbrekend.append(Ontbrekend(code="tabel", uitleg=u.tabel_fout, maanden=mnd_zonder))
    elif u.prijs_fout is None and t is None and mnd_zonder:
        ontbrekend.append(Ontbrekend(code="tabel", uitleg=f"Voor {jaar} is er geen tabel met percentages.", maanden=mnd_zonder))
    if h.toetsingsinkomen is None and mnd_zonder and u.prijs_fout is None and u.tabel_fout is None:
        ontbrekend.append(Ontbrekend(
            code="toetsingsinkomen",
            uitleg=("Het gezamenlijke toetsingsinkomen is niet ingevuld. Het percentage hangt daarvan af (art. 7 en 8 "
                    "Awir; Bijlage I Besluit kinderopvangtoeslag). Vul het in om het bedrag te zien."),
            maanden=mnd_zonder))
    if (t is not None and h.toetsingsinkomen is not None and rij is None and mnd_zonder
            and u.prijs_fout is None and u.tabel_fout is None):
        ontbrekend.append(Ontbrekend(code="tabel", uitleg=t.melding_buiten_tabel(h.toetsingsinkomen), maanden=mnd_zonder))
    if t is not None and rij is not None:
        for eerste, mnd in ontbrekende_cel_maanden.items():
            if mnd:
                ontbrekend.append(Ontbrekend(code="tabelcel", uitleg=t.melding_cel(h.toetsingsinkomen, eerste), maanden=sorted(set(mnd))))
    heeft_uren = tot["uren"] > 0
    bekend_iets = any(k.toeslag is not None and k.uren_in_aanmerking > 0 for mm in maanden for k in mm.kinderen)
    bedragen = "volledig" if bedrag_compleet else ("gedeeltelijk" if (bekend_iets and heeft_uren) else "ontbreekt")

    # warnings and assumptions
    if t is not None and t.status == "voorlopig" and rij is not None:
        waarschuwingen.append(
            f"De tabel met percentages voor {jaar} is voorlopig: kotwijzer heeft die nog niet kunnen controleren met de "
            "officiële bekendmaking. Het bedrag kan daardoor iets afwijken. (De bron staat bij de gebruikte bedragen.)"
        )
    if t is not None and t.status == "onvolledig":
        for (eerste, st), pct_ in sorted(gebruikte_cellen.items()):
            if st in ("officieel",):
                continue
            wie = "het eerste kind" if eerste else "de andere kinderen"
            waarschuwingen.append(
                f"Het percentage voor {wie} ({_pct(pct_)}) komt uit een onvolledige tabel voor {jaar}: "
                f"{CELSTATUS_TEKST[st]}. Het is nog niet vergeleken met de officiële tabel (Bijlage I bij het Besluit "
                "kinderopvangtoeslag)."
            )
    if wissel_maanden:
        namen = ", ".join(MAANDNAMEN[m] for m in wissel_maanden)
        waarschuwingen.append(
            "Let op: u heeft meer kinderen in de opvang met verschillende uurprijzen (" + namen + "). Het kind met de "
            "meeste uren is het 'eerste kind' en krijgt het laagste percentage (art. 3 Besluit kinderopvangtoeslag). "
            "Meer uren voor een duurder kind kan het daardoor het eerste kind maken, en dan kan de toeslag in totaal "
            "dalen."
        )
    if gelijk_maanden:
        namen = ", ".join(MAANDNAMEN[m] for m in gelijk_maanden)
        waarschuwingen.append(
            "Twee of meer kinderen hebben evenveel opvanguren en dezelfde kosten (" + namen + "). Dan beslist Dienst "
            "Toeslagen welk kind het eerste kind is (art. 3 lid 4 Besluit kinderopvangtoeslag). Voor het bedrag maakt "
            "dat niet uit: de kosten zijn gelijk, dus de toeslag is hetzelfde welk kind ook het eerste kind is."
        )
    if rij is not None and rij["tot_en_met"] is not None and rij["tot_en_met"] - h.toetsingsinkomen < 1000:
        try:
            volgende = t.rij(rij["tot_en_met"] + 1)
        except OntbrekendeWetgeving:
            volgende = None
        for sleutel, wie in (("eerste_kind", "het eerste kind"), ("overige_kinderen", "de andere kinderen")):
            if (volgende is not None and rij[sleutel] is not None and volgende[sleutel] is not None
                    and volgende[sleutel] != rij[sleutel]):
                waarschuwingen.append(
                    f"Uw inkomen ligt dicht bij een grens van de tabel. Boven € {_duizend(rij['tot_en_met'])} daalt het "
                    f"percentage voor {wie} van {_pct(rij[sleutel])} naar {_pct(volgende[sleutel])}."
                )
    if h.aanvraagdatum is None:
        aannames.append(
            f"Er is geen aanvraagdatum opgegeven. kotwijzer rekent alsof u vandaag ({_datum(aanvraagdatum)}) "
            "aanvraagt (art. 1.3 lid 2 onder b Wko). Heeft u al eerder aangevraagd? Vul dan die datum in."
        )
    verloren = [m + 1 for m in range(12) if u.verloren[0, m]]
    voor_termijn = [m for m in range(12) if u.aanspraak[0, m] or u.verloren[0, m]]
    aanvragen_uiterlijk = _maand_einde(jaar, voor_termijn[0] + int(u.params.terugwerkende_kracht_maanden)) if voor_termijn else None
    if verloren:
        namen = "alle maanden van" if len(verloren) == 12 else _opsomming([MAANDNAMEN[m - 1] for m in verloren])
        n_terug = int(u.params.terugwerkende_kracht_maanden)
        j, m0 = divmod(aanvraagdatum.year * 12 + aanvraagdatum.month - 1 - n_terug, 12)
        eerste_dag = dt.date(j, m0 + 1, 1)
        waarschuwingen.append(
            f"Voor {namen} {jaar} komt de aanvraag van {_datum(aanvraagdatum)} te laat: een aanvraag werkt terug tot "
            f"de eerste dag van de derde kalendermaand ervoor, hier {_datum(eerste_dag)} (art. 1.3 lid 2 onder b Wko). "
            f"Om geen maand te missen had u uiterlijk {_datum(aanvragen_uiterlijk)} moeten aanvragen."
        )
    for n in b.notities:
        if n["soort"] == "werkloosheidstermijn":
            tekst = (f"De {'aanvrager' if n['ouder'] == 'aanvrager' else 'partner'} werkte tot en met "
                     f"{_datum(n['laatste_werkdag'])}. Het recht blijft tot en met "
                     f"{_datum(n['einde_termijn'])} (art. 1.6 lid 5 Wko)")
            if n["verlenging_dagen"]:
                tekst += f", verlengd met {n['verlenging_dagen']} dagen rond de bevalling"
            waarschuwingen.append(tekst + ".")
            if n["bevalling_geschat"]:
                aannames.append("De bevallingsdatum is nog niet bekend; kotwijzer rekent met de vermoedelijke datum.")
        elif n["soort"] == "detentie" and not n["langer"]:
            waarschuwingen.append(
                "De straf of maatregel duurt niet langer dan drie maanden. De uitzondering voor detentie geldt dan niet "
                "(art. 1.6 lid 10 en 11 Wko)."
            )
        elif n["soort"] == "activiteit":
            kl = n["classificatie"]
            waarschuwingen.append(f"Activiteit in de bijstand: {kl.uitleg}")
        elif n["soort"] == "omrekening":
            aannames.append(n["tekst"])
    if b.dagen is not None:
        aannames.append(
            "Opvang die in een maand begint of eindigt, telt in die maand naar rato van de dagen (dagen met opvang "
            "gedeeld door de dagen van de maand): een wijziging in de opvang zelf telt vanaf de dag zelf (art. 1.3 lid "
            "2 Wko; art. 2 Besluit kinderopvangtoeslag). Zo rekent Dienst Toeslagen volgens één uitgewerkte berekening "
            "(svb.nl, 'Voorbeeld toeslaggegevens in Mijn SVB en de berekening'); dat is een indirecte bron, geen tekst "
            "over de kinderopvangtoeslag zelf.")
    if int(u.uren_cu.sum()) < int(u.uren_na_maandgrens_cu.sum()):
        waarschuwingen.append(
            "Uw urenpotje voor het jaar is niet genoeg voor alle opvanguren. De uren boven het potje krijgen geen "
            "toeslag (art. 8a Besluit kinderopvangtoeslag)."
        )

    kosten_tot = _kosten_dec(tot["kosten_e"]) if heeft_bedrag else None
    werk_tot = _kosten_dec(tot["werkelijk_e"])
    jaar_tot = Jaartotaal.model_construct(
        toeslag=_cent(tot["toeslag"]) if bedrag_compleet else None,
        kosten=kosten_tot,
        werkelijke_kosten=werk_tot,
        eigen_bijdrage=(werk_tot - _cent(tot["toeslag"])) if bedrag_compleet else None,
        uren_in_aanmerking=_uren(tot["uren"]),
        maanden_met_aanspraak=int(sum(aanspraak_l)),
    )
    u.params.waarde("max_uren_per_maand")
    return Resultaat.model_construct(
        berekeningsjaar=jaar,
        toetsingsinkomen=h.toetsingsinkomen,
        tabel_status=t.status if t is not None else "ontbreekt",
        maanden=maanden,
        jaar=jaar_tot,
        urenpotjes=urenpotjes,
        parameters=_parameters(u) + _tabel_parameters(jaar, h.toetsingsinkomen),
        waarschuwingen=waarschuwingen,
        aannames=aannames,
        bedragen=bedragen,
        ontbrekend=ontbrekend,
        rekenfout=" ".join(o.uitleg for o in ontbrekend) or None,
        aanvraagdatum=aanvraagdatum,
        aanvragen_uiterlijk=aanvragen_uiterlijk,
        verloren_maanden=verloren,
    )


def _mu_aangekondigd(jaar: int) -> str | None:
    try:
        mu = maximum_uurprijs(jaar, ook_aangekondigd=True)
    except OntbrekendeWetgeving:
        return None
    if mu.status != "aangekondigd":
        return None
    bedragen = ", ".join(f"{SOORT_TEKST[k]} {_euro(v)}" for k, v in mu.cent.items())
    from kotwijzer.params.indicatie import indicatie_voor_jaar

    if indicatie_voor_jaar(jaar) is not None:
        return (f"Aangekondigd voor {jaar}, nog niet vastgesteld: maximum uurprijzen {bedragen}. Het bedrag volgens "
                "de wet rekent kotwijzer daar niet mee uit; de indicatie wel.")
    return (f"Aangekondigd voor {jaar}, nog niet vastgesteld: maximum uurprijzen {bedragen}. kotwijzer rekent daar "
            "nog niet mee.")


def _tabel_parameters(jaar: int, inkomen: int | None) -> list[GelezenParameter]:
    out = []
    mu = _mu_of_none(jaar)
    if mu is not None:
        out.append(GelezenParameter.model_construct(
            naam="maximum_uurprijs", waarde={k: f"{v / 100:.2f}" for k, v in mu.cent.items()}, status=mu.status,
            bron=_bl(mu.bronnen, jaar), publicatie=mu.bron))
    t = _tabel_of_none(jaar)
    if t is not None and inkomen is not None and int(t.rij_index(np.array([inkomen]))[0]) >= 0:
        rij = t.rij(inkomen)
        out.append(GelezenParameter.model_construct(
            naam="percentage_tabel", waarde={k: (str(v) if isinstance(v, Decimal) else v) for k, v in rij.items()},
            status=t.status, bron=_bl([bkot("8", 2), bkot("6"), awir("7", 1), awir("8", 1)]), publicatie=t.bron))
    return out


def bereken(h: Huishouden | dict[str, Any], vandaag: dt.date | None = None) -> Resultaat:
    """Decide and compute KOT for one household-year. Raises `OntbrekendeInvoer` (missing or wrong input, with the
    field). Missing law data (no table, a missing cell, no fixed maximum uurprijs) or a missing toetsingsinkomen never
    hides what the law decides: the result has aanspraak, reasons and hours, and leaves out only the amounts that need
    the missing data (`Resultaat.bedragen`, `Resultaat.ontbrekend`). Without an aanvraagdatum the application is taken
    to be made `vandaag` (default: today)."""
    if not isinstance(h, Huishouden):
        h = Huishouden.model_validate(h)
    p = parameters_voor_jaar(h.berekeningsjaar)
    aanvraagdatum = h.aanvraagdatum or vandaag or dt.date.today()
    b = naar_batch(h, p, aanvraagdatum=aanvraagdatum)
    u = bereken_batch(b, True, p)
    r = _bouw_resultaat(h, b, u, aanvraagdatum)
    r.bereik = bereik_voor(b, p, u, [k.label or f"kind {i + 1}" for i, k in enumerate(h.kinderen)], h.toetsingsinkomen)
    return r


# ------------------------------------------------------------------------------------ voorwaardencheck
VRAGEN = {
    "berekeningsjaar": ("Voor welk jaar wilt u het weten?", "De regels en bedragen verschillen per jaar.", []),
    "aanvrager.situaties": (
        "Wat doet u (werk, traject, studie, inburgering, Wlz-indicatie, detentie)? En in welke maanden?",
        "U heeft alleen recht als u werkt of een situatie heeft die de wet noemt.",
        [wko("1.6", 1)],
    ),
    "partner.situaties": (
        "Wat doet uw partner, en in welke maanden?",
        "Als u een partner heeft, moet die ook voldoen, of een Wlz-indicatie hebben of langer dan drie maanden in "
        "detentie zitten.",
        [wko("1.6", 3), wko("1.6", 8), wko("1.6", 10)],
    ),
    "toetsingsinkomen": (
        "Wat is uw gezamenlijke inkomen (toetsingsinkomen) in dat jaar?",
        "Het percentage dat u terugkrijgt hangt af van het inkomen van u en uw partner samen.",
        [awir("7", 1), bkot("8", 2)],
    ),
    "kinderen": (
        "Welke kinderen gaan naar de opvang, en naar welke soort opvang?",
        "De toeslag is per kind; alleen opvang tot het voortgezet onderwijs telt.",
        [wko("1.1"), wko("1.5", 1)],
    ),
    "aanvraagdatum": (
        "Wanneer vraagt u de toeslag aan (of wanneer heeft u die aangevraagd)?",
        "Een aanvraag werkt maar drie maanden terug.",
        [wko("1.3", 2, "b")],
    ),
    "voorziening": (
        "Is de activiteit van de ouder in de bijstand een voorziening gericht op werk (categorie A of B)? Vraag dit "
        "aan de consulent van de gemeente en vraag welke re-integratiecode is geregistreerd.",
        "Een ouder in de bijstand heeft alleen recht zolang die een voorziening gericht op arbeidsinschakeling "
        "gebruikt.",
        [wko("1.6", 1, "c")],
    ),
}


def _vraag(code: str, veld: str | None = None) -> Vraag:
    v, w, bronnen = VRAGEN[code]
    return Vraag(code=code, veld=veld or code, vraag=v, waarom=w, bronnen=_bl(bronnen))


def voorwaardencheck(data: dict[str, Any] | Huishouden, vandaag: dt.date | None = None) -> VoorwaardencheckResultaat:
    """Accepts incomplete input. Per condition: voldaan / niet_voldaan / onbekend, and for each unknown the question
    still to ask and why the law needs it. No table is needed; no amount is computed. Without an aanvraagdatum the
    application is taken to be made `vandaag` (default: today), as in `bereken`."""
    if isinstance(data, Huishouden):
        data = data.model_dump(mode="json", exclude_none=True)
    data = dict(data or {})
    vragen: list[Vraag] = []
    condities: list[Conditie] = []
    if "berekeningsjaar" not in data:
        vragen.append(_vraag("berekeningsjaar"))
        data["berekeningsjaar"] = dt.date.today().year
    aanvrager = data.get("aanvrager") or {}
    partner = data.get("partner")
    if not isinstance(aanvrager, dict) or not (partner is None or isinstance(partner, dict)):
        Huishouden.model_validate(data)  # raises a ValidationError that names the field
    if not aanvrager.get("situaties"):
        vragen.append(_vraag("aanvrager.situaties"))
    data["aanvrager"] = aanvrager
    if partner is not None and not partner.get("situaties") and not data.get("partner_is_bloedverwant"):
        vragen.append(_vraag("partner.situaties"))
    if data.get("toetsingsinkomen") is None:
        vragen.append(_vraag("toetsingsinkomen"))
    if not data.get("kinderen"):
        vragen.append(_vraag("kinderen"))
    if data.get("aanvraagdatum") is None:
        vragen.append(_vraag("aanvraagdatum"))
    h = Huishouden.model_validate(data)
    p = parameters_voor_jaar(h.berekeningsjaar)
    aanvraagdatum = h.aanvraagdatum or vandaag or dt.date.today()
    try:
        b = naar_batch(h, p, aanvraagdatum=aanvraagdatum)
    except OntbrekendeInvoer as e:
        if e.veld.endswith("uren_per_maand") or e.veld.endswith("uren_per_maand_voor_einde"):
            # hours only matter for the amount in the KGU years, not for the right itself
            h2 = h.model_copy(deep=True)
            for o in (h2.aanvrager, h2.partner):
                if o is None:
                    continue
                for per in o.situaties:
                    if per.situatie == "arbeid" and per.uren_per_maand is None:
                        per.uren_per_maand = Decimal(0)
                if o.laatste_werkdag_vorig_jaar and o.uren_per_maand_voor_einde is None:
                    o.uren_per_maand_voor_einde = Decimal(0)
            b = naar_batch(h2, p, aanvraagdatum=aanvraagdatum)
        else:
            raise
    u = bereken_batch(b, met_bedrag=False, params=p)
    maanden = [m + 1 for m in range(12) if _maand_aanspraak(b, u)[m]]
    heeft_partner = h.partner is not None and not h.partner_is_bloedverwant
    for m in range(12):
        ca, _ = _ouder_condities(int(b.sit[0, 0, m]), "aanvrager", u.uitzondering, u.lid1, h.berekeningsjaar)
        ca.code = f"{ca.code}_{m + 1}"
        condities.append(ca)
        if heeft_partner:
            cp, _ = _ouder_condities(int(b.sit[0, 1, m]), "partner", u.uitzondering, u.lid1, h.berekeningsjaar)
            cp.code = f"{cp.code}_{m + 1}"
            condities.append(cp)
    onbekend_voorz = any(((int(b.sit[0, i, m]) & c.ONBEKEND) != 0) for i in range(2) for m in range(12))
    if onbekend_voorz:
        vragen.append(_vraag("voorziening"))
    redenen = [c.REDEN_PER_NUMMER[int(r)] for r in u.reden[0]]
    if maanden:
        oordeel = "recht"
        eerste = c.REDEN_PER_NUMMER[int(u.reden[0, maanden[0] - 1])]
        samenvatting = (f"U heeft recht op kinderopvangtoeslag in {len(maanden)} van de 12 maanden van "
                        f"{h.berekeningsjaar}. {eerste.uitleg}")
    elif any(r.code == "onbekend" for r in redenen) or (not aanvrager.get("situaties")):
        oordeel = "onbekend"
        samenvatting = "Met deze gegevens is nog niet te zeggen of u recht heeft. Beantwoord de open vragen."
    elif u.verloren[0].any():
        oordeel = "geen_recht"
        n = int(u.verloren[0].sum())
        samenvatting = (f"Volgens de voorwaarden heeft u in {n} van de 12 maanden van {h.berekeningsjaar} recht, maar "
                        "een aanvraag op de gekozen datum komt voor al die maanden te laat. "
                        + c.REDEN_PER_CODE["te_laat_aangevraagd"].uitleg)
    else:
        oordeel = "geen_recht"
        samenvatting = f"U heeft geen recht op kinderopvangtoeslag in {h.berekeningsjaar}. {redenen[0].uitleg}"
    for r in {r.code: r for r in redenen}.values():
        condities.append(Conditie.model_construct(
            code=f"aanspraak_{r.code}", status="voldaan" if r.recht else ("onbekend" if r.code == "onbekend" else "niet_voldaan"),
            uitleg=r.uitleg, bronnen=_bl(r.bronnen, h.berekeningsjaar), ontbrekende_invoer=[], vraag=None))
    return VoorwaardencheckResultaat(
        berekeningsjaar=h.berekeningsjaar, oordeel=oordeel, samenvatting=samenvatting, condities=condities,
        vragen=vragen, maanden_met_aanspraak=maanden,
    )


# ------------------------------------------------------------------ voorschot versus definitieve berekening
def voorschot_vs_definitief(
    h: Huishouden | dict[str, Any], inkomen_voorschot: int, inkomen_definitief: int
) -> dict[str, Any]:
    """The voorschot is paid per month on the estimated income, rounded down to whole euros; the definitieve
    berekening uses the actual joint toetsingsinkomen. The difference is a nabetaling (>0) or terugvordering (<0).

    Not modelled: the Awir thresholds below which nothing is reclaimed or paid out and interest (Awir art. 26 e.v.;
    not verified in a primary source, see the coverage registry)."""
    if not isinstance(h, Huishouden):
        h = Huishouden.model_validate(h)
    rv = bereken(h.model_copy(update={"toetsingsinkomen": int(inkomen_voorschot)}))
    rd = bereken(h.model_copy(update={"toetsingsinkomen": int(inkomen_definitief)}))
    compleet = rv.bedragen == "volledig" and rd.bedragen == "volledig"
    voorschot = sum((m.uitbetaling_voorschot for m in rv.maanden), Decimal(0)) if compleet else None
    definitief = rd.jaar.toeslag if compleet else None
    verschil = definitief - voorschot if compleet else None
    if not compleet:
        soort = "niet_te_berekenen"
        toelichting = ("Het voorschot en de definitieve berekening zijn niet uit te rekenen: "
                       + " ".join(dict.fromkeys(o.uitleg for o in rv.ontbrekend + rd.ontbrekend)))
    else:
        soort = "nabetaling" if verschil > 0 else ("terugvordering" if verschil < 0 else "geen verschil")
        toelichting = (
            "Het voorschot is berekend met het geschatte inkomen en per maand afgerond op hele euro's naar beneden. "
            "De definitieve berekening gebruikt het echte inkomen. Drempels en rente bij terugvorderen zijn niet "
            "meegenomen."
        )
    return {
        "voorschot": voorschot,
        "definitief": definitief,
        "verschil": verschil,
        "soort": soort,
        "per_maand": [
            {"maand": a.maand, "voorschot": a.uitbetaling_voorschot, "definitief": b.toeslag}
            for a, b in zip(rv.maanden, rd.maanden)
        ],
        "resultaat_voorschot": rv,
        "resultaat_definitief": rd,
        "toelichting": toelichting,
    }


# ------------------------------------------------------------- aanvullende tegemoetkoming van de gemeente
def gemeentelijke_tegemoetkoming(
    h: Huishouden | dict[str, Any], gemeente_code: str | None = None, catalogus=None
) -> dict[str, Any]:
    """Wko art. 1.13: per month and child, the municipal top-up for a household in which a parent is in onderdeel c, e
    or j (k and l are not in force): at most kosten (hours x price capped at the maximum uurprijs) minus KOT, then the
    municipality's policy; what stays with the parent is the eigen bijdrage. The municipality is the one named with the
    bijstand activity, or `gemeente_code`; without `catalogus` the one chosen with `municipal.gebruik_catalogus`, else
    the shipped example data."""
    from contextlib import nullcontext

    from kotwijzer.municipal import actieve_catalogus, gebruik_catalogus
    from kotwijzer.municipal.tegemoetkoming import bereken_tegemoetkoming

    if not isinstance(h, Huishouden):
        h = Huishouden.model_validate(h)
    # the verdict on a named activity follows from the same catalogue as the policy
    with gebruik_catalogus(catalogus) if catalogus is not None else nullcontext():
        r = bereken(h)
        p = parameters_voor_jaar(h.berekeningsjaar)
        b = naar_batch(h, p, aanvraagdatum=r.aanvraagdatum)
    u = bereken_batch(b, True, p)
    if gemeente_code is None:
        codes = [per.gemeente_code for o in (h.aanvrager, h.partner) if o for per in o.situaties if per.gemeente_code]
        if not codes:
            raise OntbrekendeInvoer("gemeente_code", "Geef de gemeente op (CBS-code, bijvoorbeeld GM0363).")
        gemeente_code = codes[0]
    catalogus = catalogus if catalogus is not None else actieve_catalogus()
    beleid = catalogus.beleid_van(gemeente_code)
    if beleid is None:
        raise OntbrekendeInvoer("gemeente_code", f"Van gemeente {gemeente_code} is geen beleid voor de tegemoetkoming bekend.")
    doel = ((b.sit & (c.C | c.E | c.J)) != 0).any(axis=1)[0]  # [12]: a parent in onderdeel c, e or j
    kosten_cent = rb.afronden_cent(u.kosten_e[0])
    werk_cent = rb.afronden_cent(u.werkelijke_kosten_e[0])
    t = bereken_tegemoetkoming(kosten_cent, u.toeslag_cent[0], werk_cent, beleid, doelgroep=doel[None, :])
    maanden = []
    for m in range(12):
        kinderen = []
        for k in range(len(h.kinderen)):
            if b.soort[0, k, m] == 0:
                continue
            kinderen.append({
                "kind": k + 1,
                "kosten": _cent(int(kosten_cent[k, m])),
                "toeslag": _cent(int(u.toeslag_cent[0, k, m])),
                "aanvullende_tegemoetkoming": _cent(int(t.aanvullend_cent[k, m])),
                "boven_wettelijk": _cent(int(t.boven_wettelijk_cent[k, m])),
                "eigen_bijdrage": _cent(int(t.eigen_bijdrage_cent[k, m])),
            })
        maanden.append({"maand": m + 1, "doelgroep": bool(doel[m]), "kinderen": kinderen})
    return {
        "gemeente_code": gemeente_code,
        "beleid": beleid.model_dump(mode="json"),
        "maanden": maanden,
        "totaal_aanvullend": _cent(int(t.aanvullend_cent.sum())),
        "totaal_boven_wettelijk": _cent(int(t.boven_wettelijk_cent.sum())),
        "totaal_eigen_bijdrage": _cent(int(t.eigen_bijdrage_cent.sum())),
        "afronding": t.afronding,
        "bronnen": [x.kort() for x in t.bron],
        "resultaat": r,
    }
