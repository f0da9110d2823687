"""One household: input -> arrays -> rules -> result with a structured trace.

`bereken()` is what the CLI, the API and the web app call. It runs the same vectorised kernel as the
microsimulation (a batch of one) and then reads the trace off the intermediate arrays: which conditions passed,
failed or are unknown (with the missing input), which parameters were read (with source and status), and the
citations of every step.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np

from kotwijzer.invoer import SOORT_NAAM, Batch, OntbrekendeInvoer, naar_batch
from kotwijzer.kern import Uitkomst, bereken_batch
from kotwijzer.model import (
    BronOut,
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


def _cent(x: int) -> Decimal:
    return Decimal(int(x)) / 100


def _euro(x: int) -> str:
    return f"€ {x / 100:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def _pct(d: Decimal) -> str:
    return f"{d}%".replace(".", ",")


def _uren(cu: int) -> Decimal:
    return Decimal(int(cu)) / 100


def _kosten_dec(eenheden: int) -> Decimal:
    """1/10,000 euro -> euros, exact (kosten may have fractions of a cent with fractional hours)."""
    return (Decimal(int(eenheden)) / 10_000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


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


def _bouw_resultaat(h: Huishouden, b: Batch, u: Uitkomst) -> Resultaat:
    jaar = b.jaar
    mu = maximum_uurprijs(jaar)
    t = tabel(jaar)
    assert u.toeslag_cent is not None
    labels = [k.label or f"kind {i + 1}" for i, k in enumerate(h.kinderen)]
    n_kind = len(h.kinderen)
    heeft_partner = h.partner is not None and not h.partner_is_bloedverwant
    maanden: list[Maanduitkomst] = []
    waarschuwingen: list[str] = []
    aannames: list[str] = []
    tot = dict(toeslag=0, kosten_e=0, werkelijk_e=0, uren=0)
    wissel_maanden = []
    activiteiten = _activiteiten_per_maand(b, jaar)
    for m in range(12):
        reden = c.REDEN_PER_NUMMER[int(u.reden[0, m])]
        cond: list[Conditie] = []
        cond.append(_met_activiteit(_ouder_conditie(int(b.sit[0, 0, m]), "aanvrager", u.uitzondering, u.lid1, jaar), activiteiten["aanvrager"][m]))
        if heeft_partner:
            cond.append(_met_activiteit(_ouder_conditie(int(b.sit[0, 1, m]), "partner", u.uitzondering, u.lid1, jaar), activiteiten["partner"][m]))
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
        for k in range(n_kind):
            s = int(b.soort[0, k, m])
            bits = int(u.kind_bits[0, k, m])
            if s == 0:
                continue
            soort = SOORT_NAAM[s]
            kosten_e = int(u.kosten_e[0, k, m])
            werk_e = int(u.werkelijke_kosten_e[0, k, m])
            toe = int(u.toeslag_cent[0, k, m])
            eigen = int(rb.afronden_cent(np.int64(werk_e))) - toe
            redenen = [kr.code for kr in c.KIND_REDENEN if bits & kr.bit]
            gevraagd = int(u.uren_gevraagd_cu[0, k, m])
            na_grens = int(u.uren_na_maandgrens_cu[0, k, m])
            telt = int(u.uren_cu[0, k, m])
            if bits == 0 and gevraagd > na_grens:
                redenen.append("meer_dan_230_uur")
            if bits == 0 and telt < na_grens:
                redenen.append("urenpotje_op")
            kinderen.append(KindMaand.model_construct(
                kind=k + 1, label=labels[k], opvangsoort=soort, aanspraak=bool(u.kind_ok[0, k, m]) and telt > 0,
                redenen=redenen,
                uren_opgegeven=_uren(gevraagd), uren_in_aanmerking=_uren(telt),
                uurprijs=_cent(int(b.prijs_cent[0, k, m])),
                maximum_uurprijs=_cent(mu.cent[soort.value]),
                uurprijs_gebruikt=_cent(int(u.prijs_gebruikt_cent[0, k, m])),
                kosten=_kosten_dec(kosten_e), werkelijke_kosten=_kosten_dec(werk_e),
                eerste_kind=bool(u.eerste_kind[0, k, m]),
                percentage=Decimal(int(u.promille[0, k, m])) / 10 if telt > 0 else None,
                toeslag=_cent(toe), eigen_bijdrage=_cent(eigen),
                condities=list(_kind_condities_cached(bits, jaar)),
            ))
            toeslag_m += toe
            eigen_m += eigen
            tot["kosten_e"] += kosten_e
            tot["werkelijk_e"] += werk_e
            tot["uren"] += telt
        tot["toeslag"] += toeslag_m
        # several children with different prices: the first-child rule can make more hours give less toeslag
        actief = [k for k in kinderen if k.uren_in_aanmerking > 0]
        if len(actief) >= 2 and len({k.uurprijs_gebruikt for k in actief}) > 1 and len({k.percentage for k in actief}) > 1:
            wissel_maanden.append(m)
        maanden.append(Maanduitkomst.model_construct(
            maand=m + 1, aanspraak=bool(u.aanspraak[0, m]), reden=reden.code, uitleg=reden.uitleg,
            bronnen=_bl(reden.bronnen, jaar), condities=cond, kinderen=kinderen,
            toeslag=_cent(toeslag_m), uitbetaling_voorschot=_cent(int(rb.uitbetaling_voorschot(np.int64(toeslag_m)))),
            eigen_bijdrage=_cent(eigen_m),
        ))

    # pools
    urenpotjes: list[Urenpotje] = []
    if u.params.koppeling_gewerkte_uren:
        pct = {"dagopvang": u.params.kgu_percentage_dagopvang, "buitenschoolse_opvang": u.params.kgu_percentage_bso}
        for naam, pot in u.potjes_cu.items():
            po = u.per_ouder[naam][0]
            wie = [f"aanvrager {_uren(int(po[0]) // 100)} uur"]
            if heeft_partner:
                wie.append(f"partner {_uren(int(po[1]) // 100)} uur")
            urenpotjes.append(Urenpotje.model_construct(
                kind=0, soort=naam, uren=_uren(int(pot[0])),
                uitleg=(f"Koppeling gewerkte uren {jaar}: {pct[naam]}% van de gewerkte uren, of 230 uur per maand als "
                        f"doelgroeper, met Wlz-indicatie of in detentie. Per ouder: {', '.join(wie)}. Het potje per kind "
                        "is dat van de ouder met de minste uren."),
                bronnen=_bl(ru.BRON_KGU, jaar)))
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

    # warnings and assumptions
    if t.status != "final":
        waarschuwingen.append(
            f"De tabel met percentages voor {jaar} is voorlopig: kotwijzer heeft die nog niet kunnen controleren met de "
            "officiële bekendmaking. Het bedrag kan daardoor iets afwijken. (De bron staat bij de gebruikte bedragen.)"
        )
    if wissel_maanden:
        namen = ", ".join(MAANDNAMEN[m] for m in wissel_maanden)
        waarschuwingen.append(
            "Let op: u heeft meer kinderen in de opvang met verschillende uurprijzen (" + namen + "). Het kind met de "
            "meeste uren is het 'eerste kind' en krijgt het laagste percentage (art. 3 Besluit kinderopvangtoeslag). "
            "Meer uren voor een duurder kind kan het daardoor het eerste kind maken, en dan kan de toeslag in totaal "
            "dalen."
        )
    if h.toetsingsinkomen is not None:
        rij = t.rij(h.toetsingsinkomen)
        if rij["tot_en_met"] is not None and rij["tot_en_met"] - h.toetsingsinkomen < 1000:
            try:
                volgende = t.rij(rij["tot_en_met"] + 1)
                waarschuwingen.append(
                    f"Uw inkomen ligt dicht bij een grens van de tabel. Boven € {rij['tot_en_met']:,} ".replace(",", ".")
                    + f"daalt het percentage voor het eerste kind van {_pct(rij['eerste_kind'])} naar "
                    f"{_pct(volgende['eerste_kind'])}."
                )
            except OntbrekendeWetgeving:
                pass
    if h.aanvraagdatum is None:
        aannames.append("Er is geen aanvraagdatum opgegeven. kotwijzer neemt aan dat u op tijd aanvraagt (art. 1.3 lid 2 onder b Wko).")
    for n in b.notities:
        if n["soort"] == "werkloosheidstermijn":
            tekst = (f"De {'aanvrager' if n['ouder'] == 'aanvrager' else 'partner'} werkte tot en met "
                     f"{n['laatste_werkdag'].strftime('%d-%m-%Y')}. Het recht blijft tot en met "
                     f"{n['einde_termijn'].strftime('%d-%m-%Y')} (art. 1.6 lid 5 Wko)")
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
    for naam, pot in u.potjes_cu.items():
        opgevraagd = int(u.uren_na_maandgrens_cu.sum())
        if int(u.uren_cu.sum()) < opgevraagd:
            waarschuwingen.append(
                "Uw urenpotje voor het jaar is niet genoeg voor alle opvanguren. De uren boven het potje krijgen geen "
                "toeslag (art. 8a Besluit kinderopvangtoeslag)."
            )
            break
    if u.params.kgu_corona_verruiming:
        aannames.append(
            "De tijdelijke verruiming van de koppeling gewerkte uren in 2021 (corona, Stb. 2021, 434) is niet "
            "gemodelleerd; kotwijzer rekent met 140% (dagopvang) en 70% (BSO) van de gewerkte uren."
        )

    jaar_tot = Jaartotaal.model_construct(
        toeslag=_cent(tot["toeslag"]),
        kosten=_kosten_dec(tot["kosten_e"]),
        werkelijke_kosten=_kosten_dec(tot["werkelijk_e"]),
        eigen_bijdrage=_kosten_dec(tot["werkelijk_e"]) - _cent(tot["toeslag"]),
        uren_in_aanmerking=_uren(tot["uren"]),
        maanden_met_aanspraak=int(u.aanspraak[0].sum()),
    )
    u.params.waarde("max_uren_per_maand")
    return Resultaat.model_construct(
        berekeningsjaar=jaar,
        toetsingsinkomen=h.toetsingsinkomen,
        tabel_status=t.status,
        maanden=maanden,
        jaar=jaar_tot,
        urenpotjes=urenpotjes,
        parameters=_parameters(u) + _tabel_parameters(jaar, h.toetsingsinkomen),
        waarschuwingen=waarschuwingen,
        aannames=aannames,
        rekenfout=None,
    )


def _tabel_parameters(jaar: int, inkomen: int | None) -> list[GelezenParameter]:
    mu = maximum_uurprijs(jaar)
    t = tabel(jaar)
    out = [GelezenParameter.model_construct(
        naam="maximum_uurprijs", waarde={k: f"{v / 100:.2f}" for k, v in mu.cent.items()}, status=mu.status,
        bron=_bl(mu.bronnen, jaar), publicatie=mu.bron)]
    if inkomen is not None:
        rij = t.rij(inkomen)
        out.append(GelezenParameter.model_construct(
            naam="percentage_tabel", waarde={k: (str(v) if isinstance(v, Decimal) else v) for k, v in rij.items()},
            status=t.status, bron=_bl([bkot("8", 2), bkot("6"), awir("7", 1), awir("8", 1)]), publicatie=t.bron))
    return out


def bereken(h: Huishouden | dict[str, Any]) -> Resultaat:
    """Decide and compute KOT for one household-year. Raises `OntbrekendeInvoer` (missing input, with the field) or
    `OntbrekendeWetgeving` (missing or partial law data, naming year and income)."""
    if not isinstance(h, Huishouden):
        h = Huishouden.model_validate(h)
    p = parameters_voor_jaar(h.berekeningsjaar)
    if h.toetsingsinkomen is None:
        raise OntbrekendeInvoer(
            "toetsingsinkomen",
            "Vul het gezamenlijke toetsingsinkomen in (hele euro's). Het percentage hangt daarvan af (art. 7 Awir).",
        )
    maximum_uurprijs(h.berekeningsjaar)
    tabel(h.berekeningsjaar).rij_index(np.array([h.toetsingsinkomen]))
    b = naar_batch(h, p)
    u = bereken_batch(b, True, p)
    return _bouw_resultaat(h, b, u)


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


def voorwaardencheck(data: dict[str, Any] | Huishouden) -> VoorwaardencheckResultaat:
    """Accepts incomplete input. Per condition: voldaan / niet_voldaan / onbekend, and for each unknown the question
    still to ask and why the law needs it. No table is needed; no amount is computed."""
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
    try:
        b = naar_batch(h, p)
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
            b = naar_batch(h2, p)
        else:
            raise
    u = bereken_batch(b, met_bedrag=False, params=p)
    maanden = [m + 1 for m in range(12) if u.aanspraak[0, m]]
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
    voorschot = sum((m.uitbetaling_voorschot for m in rv.maanden), Decimal(0))
    definitief = rd.jaar.toeslag
    verschil = definitief - voorschot
    return {
        "voorschot": voorschot,
        "definitief": definitief,
        "verschil": verschil,
        "soort": "nabetaling" if verschil > 0 else ("terugvordering" if verschil < 0 else "geen verschil"),
        "per_maand": [
            {"maand": a.maand, "voorschot": a.uitbetaling_voorschot, "definitief": b.toeslag}
            for a, b in zip(rv.maanden, rd.maanden)
        ],
        "resultaat_voorschot": rv,
        "resultaat_definitief": rd,
        "toelichting": (
            "Het voorschot is berekend met het geschatte inkomen en per maand afgerond op hele euro's naar beneden. "
            "De definitieve berekening gebruikt het echte inkomen. Drempels en rente bij terugvorderen zijn niet "
            "meegenomen."
        ),
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
        b = naar_batch(h, p)
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
