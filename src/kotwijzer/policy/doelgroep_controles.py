"""Checks of the published doelgroep figures against the recomputation and against themselves (seven numbered
checks, one function each). Pure: reads only its argument."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kotwijzer.policy.doelgroep_modellen import (  # noqa: F401
    HUISHOUDEN_NAAM,
    HUISHOUDENS,
    Bevinding,
    Categorie,
    Deelrange,
    Gepubliceerd,
    Huishouden,
    Invoer,
    Schatting,
    afronden,
    bereik,
    getal,
    procent,
    stel_samen,
    voeg_samen,
    voorziening_naam,
)


def _ratio_interval(teller: int, noemer: int, h: float) -> tuple[float, float]:
    """Range of teller/noemer when both were rounded to the nearest multiple of 2h."""
    laag = max(teller - h, 0) / (noemer + h)
    hoog = (teller + h) / (noemer - h) if noemer > h else float("inf")
    return laag, hoog


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


@dataclass(frozen=True)
class Gegevens:
    """What every check reads: the recomputation, its input, the published figures, half the rounding unit of a
    cell (`h`) and the deel-range definitions by id."""

    schatting: Schatting
    invoer: Invoer
    pub: Gepubliceerd
    h: float
    definities: dict[str, Deelrange]


def inconsistenties(schatting: Schatting) -> list[Bevinding]:
    """Check the published figures (invoer.gepubliceerd) against the recomputation and against themselves."""
    invoer = schatting.invoer
    pub = invoer.gepubliceerd
    if pub is None:
        return []
    k = Gegevens(schatting, invoer, pub, invoer.afronding.cel / 2, {d.id: d for d in invoer.deelranges})
    uit = [b for controle in CONTROLES for b in controle(k)]
    # contradictions within the report first, then the method, then the cell-by-cell recomputation
    return sorted(uit, key=lambda b: _VOLGORDE.index(b.soort))


_VOLGORDE = ["tussen_tabellen", "som", "samenvatting", "methode", "herberekening", "tekst"]


def _controle_1(k: Gegevens) -> Iterator[Bevinding]:
    """Check 1. recomputation from the stated inputs"""
    schatting, pub = k.schatting, k.pub

    for d_id, p in pub.deelranges.items():
        s = schatting.deelrange(d_id)
        for t in HUISHOUDENS:
            for v, gepubliceerd in p.cellen.get(t, {}).items():
                berekend = s.cel(v, t)
                if berekend != gepubliceerd:
                    yield Bevinding(
                        code="CEL_WIJKT_AF",
                        soort="herberekening",
                        locatie=f"{p.locatie}, {HUISHOUDEN_NAAM[t]}, {voorziening_naam(v)}",
                        beschrijving=(
                            f"{d_id}: het rapport geeft {getal(gepubliceerd)}; met de invoer en de methode van "
                            f"Bijlage A komt er {getal(berekend)} uit."
                        ),
                        gepubliceerd=gepubliceerd,
                        verwacht=berekend,
                    )
        if tuple(p.range) != tuple(s.range):
            yield Bevinding(
                code="RANGE_WIJKT_AF",
                soort="herberekening",
                locatie=f"{p.locatie}, range",
                beschrijving=(f"{d_id}: het rapport geeft {bereik(p.range)}; herberekend is het {bereik(s.range)}."),
                gepubliceerd=p.range,
                verwacht=s.range,
            )
    if pub.tabel3 is not None:
        for cat, c in schatting.categorieen.items():
            gepubliceerd = getattr(pub.tabel3, cat)
            if tuple(gepubliceerd) != tuple(c.range):
                yield Bevinding(
                    code="TABEL3_WIJKT_AF",
                    soort="herberekening",
                    locatie=f"{pub.tabel3.locatie}, categorie {cat}",
                    beschrijving=(
                        f"Categorie {cat}: het rapport geeft {bereik(gepubliceerd)}; herberekend is het "
                        f"{bereik(c.range)} ({c.formule})."
                    ),
                    gepubliceerd=gepubliceerd,
                    verwacht=c.range,
                )


def _controle_2(k: Gegevens) -> Iterator[Bevinding]:
    """Check 2. sums within each published table"""
    pub, definities = k.pub, k.definities

    for d_id, p in pub.deelranges.items():
        d = definities[d_id]
        if any(v not in p.cellen.get(t, {}) for t in HUISHOUDENS for v in d.voorzieningen):
            continue
        samen = stel_samen(d.voorzieningen, p.cellen)
        if p.rijtotaal is not None:
            for t, gepubliceerd in p.rijtotaal.items():
                if gepubliceerd != samen.rijtotaal[t]:
                    delen = " + ".join(getal(p.cellen[t][v]) for v in d.voorzieningen)
                    yield Bevinding(
                        code="SOM_RIJ",
                        soort="som",
                        locatie=f"{p.locatie}, {HUISHOUDEN_NAAM[t]}, totaal",
                        beschrijving=(
                            f"{d_id}: het totaal {getal(gepubliceerd)} is niet de som van de delen "
                            f"({delen} = {getal(samen.rijtotaal[t])})."
                        ),
                        gepubliceerd=gepubliceerd,
                        verwacht=samen.rijtotaal[t],
                    )
        for v, gepubliceerd in p.kolomtotaal.items():
            if v in samen.kolomtotaal and gepubliceerd != samen.kolomtotaal[v]:
                yield Bevinding(
                    code="SOM_KOLOM",
                    soort="som",
                    locatie=f"{p.locatie}, totaal {voorziening_naam(v)}",
                    beschrijving=(
                        f"{d_id}: het totaal {getal(gepubliceerd)} is niet de som van de delen "
                        f"({getal(p.cellen['eenouder'][v])} + {getal(p.cellen['paren'][v])} = "
                        f"{getal(samen.kolomtotaal[v])})."
                    ),
                    gepubliceerd=gepubliceerd,
                    verwacht=samen.kolomtotaal[v],
                )
        rijsom = sum(p.rijtotaal.values()) if p.rijtotaal is not None else samen.totaal
        if p.totaal != rijsom:
            yield Bevinding(
                code="SOM_TOTAAL_RIJEN",
                soort="som",
                locatie=f"{p.locatie}, eindtotaal",
                beschrijving=f"{d_id}: het eindtotaal {getal(p.totaal)} is niet de som van de rijtotalen.",
                gepubliceerd=p.totaal,
                verwacht=rijsom,
            )
        if p.kolomtotaal and set(p.kolomtotaal) == set(d.voorzieningen):
            kolomsom = sum(p.kolomtotaal.values())
            if p.totaal != kolomsom:
                delen = " + ".join(getal(p.kolomtotaal[v]) for v in d.voorzieningen)
                yield Bevinding(
                    code="SOM_TOTAAL_KOLOMMEN",
                    soort="som",
                    locatie=f"{p.locatie}, eindtotaal",
                    beschrijving=(
                        f"{d_id}: het eindtotaal {getal(p.totaal)} is niet de som van de kolomtotalen "
                        f"({delen} = {getal(kolomsom)})."
                    ),
                    gepubliceerd=p.totaal,
                    verwacht=kolomsom,
                )
        verwacht_range = (p.rijtotaal["eenouder"] if p.rijtotaal else samen.rijtotaal["eenouder"], p.totaal)
        if tuple(p.range) != verwacht_range:
            yield Bevinding(
                code="RANGE_NIET_UIT_TOTALEN",
                soort="som",
                locatie=f"{p.locatie}, range",
                beschrijving=f"{d_id}: de range {bereik(p.range)} volgt niet uit de totalen in dezelfde tabel.",
                gepubliceerd=p.range,
                verwacht=verwacht_range,
            )
    yield from _controle_2_tabel3(k)


def _controle_2_tabel3(k: Gegevens) -> Iterator[Bevinding]:
    """Check 2 (continued): the sums of table 3."""
    invoer, pub, definities = k.invoer, k.pub, k.definities
    if pub.tabel3 is not None:
        for cat in ("B", "C"):
            ranges = {i: p.range for i, p in pub.deelranges.items() if definities[i].categorie == cat}
            if not ranges:
                continue
            afgerond, ruw, _, _ = voeg_samen(ranges, invoer.afronding.categorie)
            gepubliceerd = getattr(pub.tabel3, cat)
            if tuple(gepubliceerd) != afgerond:
                yield Bevinding(
                    code="TABEL3_NIET_UIT_DEELRANGES",
                    soort="som",
                    locatie=f"{pub.tabel3.locatie}, categorie {cat}",
                    beschrijving=(
                        f"Categorie {cat}: {bereik(gepubliceerd)} volgt niet uit de gepubliceerde deel-ranges "
                        f"({bereik(ruw)}, afgerond {bereik(afgerond)})."
                    ),
                    gepubliceerd=gepubliceerd,
                    verwacht=afgerond,
                )


def _controle_3(k: Gegevens) -> Iterator[Bevinding]:
    """Check 3. the same cell in different deel-ranges"""
    invoer, pub, definities = k.invoer, k.pub, k.definities

    groepen: dict[tuple[str, Huishouden, str], list[tuple[str, int]]] = {}
    for d_id, p in pub.deelranges.items():
        for t, cellen in p.cellen.items():
            for v, w in cellen.items():
                groepen.setdefault((v, t, definities[d_id].doel), []).append((d_id, w))
    for (v, t, _doel), waarden in groepen.items():
        verschillend = sorted({w for _, w in waarden}, reverse=True)
        if len(verschillend) < 2:
            continue
        plaatsen = "; ".join(f"{getal(w)} in {pub.deelranges[i].locatie}" for i, w in waarden)
        gevolgen = [_gevolg_van_keuze(invoer, v, t, x, waarden) for x in verschillend]
        verhouding = ""
        if t == "paren":
            eenouder = {c for i, _ in waarden if (c := pub.deelranges[i].cellen.get("eenouder", {}).get(v)) is not None}
            if len(eenouder) == 1:
                e = eenouder.pop()
                verhouding = (
                    " Verhouding tot eenoudergezinnen: "
                    + ", ".join(f"{getal(x)} / {getal(e)} = {getal(x / e, 2)}" for x in verschillend)
                    + "."
                )
        yield Bevinding(
            code="CEL_VERSCHILT_TUSSEN_DEELRANGES",
            soort="tussen_tabellen",
            locatie=plaatsen,
            beschrijving=(
                f"{voorziening_naam(v).capitalize()}, {HUISHOUDEN_NAAM[t]}: hetzelfde getal staat als "
                + " en als ".join(getal(x) for x in verschillend)
                + " in het rapport."
                + verhouding
                + " "
                + " ".join(gevolgen)
            ),
            gepubliceerd=tuple(w for _, w in waarden),
        )


def _controle_4(k: Gegevens) -> Iterator[Bevinding]:
    """Check 4. doel re-integratie: a part of the whole, with the same share for both household types"""
    invoer, pub, h, definities = k.invoer, k.pub, k.h, k.definities

    for d_id, p in pub.deelranges.items():
        if definities[d_id].doel != "re-integratie":
            continue
        for v in definities[d_id].voorzieningen:
            geheel: dict[tuple[int, int], list[str]] = {}
            for a_id, a in pub.deelranges.items():
                if definities[a_id].doel == "alle" and all(v in a.cellen.get(t, {}) for t in HUISHOUDENS):
                    geheel.setdefault((a.cellen["eenouder"][v], a.cellen["paren"][v]), []).append(a_id)
            for (a_e, a_p), a_ids in geheel.items():
                r = {t: p.cellen[t][v] for t in HUISHOUDENS}
                heel = {"eenouder": a_e, "paren": a_p}
                te_groot = [t for t in HUISHOUDENS if r[t] > heel[t] + 2 * h]
                bij = ", ".join(a_ids)
                if te_groot:
                    t = te_groot[0]
                    yield Bevinding(
                        code="DEEL_GROTER_DAN_GEHEEL",
                        soort="tussen_tabellen",
                        locatie=f"{p.locatie} tegenover {pub.deelranges[a_ids[0]].locatie}",
                        beschrijving=(
                            f"{voorziening_naam(v).capitalize()}, {HUISHOUDEN_NAAM[t]}: met doel re-integratie "
                            f"({d_id}) {getal(r[t])}, maar alle doelen samen ({bij}) maar {getal(heel[t])}. Een deel "
                            "kan niet groter zijn dan het geheel."
                        ),
                        gepubliceerd=r[t],
                    )
                    continue
                intervallen = {t: _ratio_interval(r[t], heel[t], h) for t in HUISHOUDENS}
                zelfde_deel = afronden(a_p * r["eenouder"] / a_e, invoer.afronding.cel)
                if not _overlap(intervallen["eenouder"], intervallen["paren"]):
                    yield Bevinding(
                        code="DOELAANDEEL_VERSCHILT",
                        soort="methode",
                        locatie=f"{p.locatie} tegenover {pub.deelranges[a_ids[0]].locatie}",
                        beschrijving=(
                            f"{voorziening_naam(v).capitalize()}: met doel re-integratie bij eenoudergezinnen "
                            f"{getal(r['eenouder'])} van {getal(a_e)} = {procent(r['eenouder'] / a_e)}, bij paren "
                            f"{getal(r['paren'])} van {getal(a_p)} = {procent(r['paren'] / a_p)}. Volgens aanname "
                            "4 hangt dit deel af van de voorziening, niet van het huishouden; ook met afronding "
                            "op tientallen kunnen beide niet gelijk zijn. Met het deel van de eenoudergezinnen "
                            f"wordt het bij paren {getal(zelfde_deel)}."
                        ),
                        gepubliceerd=r["paren"],
                        verwacht=zelfde_deel,
                    )


def _controle_5(k: Gegevens) -> Iterator[Bevinding]:
    """Check 5. the method implies one ratio paren / eenoudergezinnen for every voorziening"""
    schatting, pub, h, definities = k.schatting, k.pub, k.h, k.definities

    aandeel = schatting.aandeel
    methode_ratio = aandeel["paren"] / aandeel["eenouder"]
    eerste: dict[str, tuple[int, int, str]] = {}
    for d_id, p in pub.deelranges.items():
        if definities[d_id].doel != "alle":
            continue
        for v in definities[d_id].voorzieningen:
            if v not in eerste and all(v in p.cellen.get(t, {}) for t in HUISHOUDENS):
                eerste[v] = (p.cellen["eenouder"][v], p.cellen["paren"][v], d_id)
    if eerste:
        intervallen = {v: _ratio_interval(pp, e, h) for v, (e, pp, _) in eerste.items()}
        buiten = [v for v, iv in intervallen.items() if not iv[0] <= methode_ratio <= iv[1]]
        lijst = "; ".join(
            f"{voorziening_naam(v)} {getal(pp)} / {getal(e)} = {getal(pp / e, 3)} ({d_id})"
            for v, (e, pp, d_id) in eerste.items()
        )
        if buiten:
            yield Bevinding(
                code="VERHOUDING_PAREN_EENOUDER",
                soort="methode",
                locatie="Bijlage A, methode en aanname 2 en 3 (r. 2826-2873); tabel 4 en 5",
                beschrijving=(
                    "Volgens de methode is het aantal paren bij elke voorziening "
                    f"{getal(methode_ratio, 3)} keer het aantal eenoudergezinnen ({getal(aandeel['paren'], 6)} / "
                    f"{getal(aandeel['eenouder'], 6)}). In het rapport: {lijst}. Dat past niet bij de genoemde "
                    "invoer, ook niet met afronding op tientallen. Daarom wijken alle cellen voor paren af."
                ),
                verwacht=round(methode_ratio, 4),
            )
        if len(intervallen) > 1:
            laag = max(iv[0] for iv in intervallen.values())
            hoog = min(iv[1] for iv in intervallen.values())
            if laag > hoog:
                grenzen = "; ".join(
                    f"{voorziening_naam(v)} {getal(iv[0], 3)}–{getal(iv[1], 3)}" for v, iv in intervallen.items()
                )
                yield Bevinding(
                    code="VERHOUDING_NIET_GELIJK",
                    soort="methode",
                    locatie="tabel 4 en 5 (r. 2940-3054)",
                    beschrijving=(
                        "Met één aandeel per soort huishouden (aanname 3) is de verhouding paren / "
                        "eenoudergezinnen bij elke voorziening gelijk. Geen enkele verhouding past bij alle "
                        f"gepubliceerde cellen, ook niet met afronding op tientallen: {grenzen}."
                    ),
                )


def _controle_6(k: Gegevens) -> Iterator[Bevinding]:
    """Check 6. management summary against chapter 6"""
    pub = k.pub

    if pub.samenvatting is not None and pub.tabel3 is not None:
        sv, t3 = pub.samenvatting, pub.tabel3
        if tuple(sv.zonder_recht_op_kot) != tuple(t3.C) or tuple(sv.categorie_B) != tuple(t3.B):
            verwisseld = tuple(sv.zonder_recht_op_kot) == tuple(t3.B) and tuple(sv.categorie_B) == tuple(t3.C)
            yield Bevinding(
                code="SAMENVATTING_B_C_VERWISSELD" if verwisseld else "SAMENVATTING_WIJKT_AF",
                soort="samenvatting",
                locatie=f"{sv.locatie} tegenover {t3.locatie}",
                beschrijving=(
                    f"De samenvatting noemt {bereik(sv.zonder_recht_op_kot)} voor ouders zonder recht op KOT "
                    f"(categorie C) en {bereik(sv.categorie_B)} voor categorie B. Tabel 3 geeft categorie B "
                    f"{bereik(t3.B)} en categorie C {bereik(t3.C)}."
                    + (" De twee ranges zijn verwisseld." if verwisseld else "")
                ),
                gepubliceerd=sv.zonder_recht_op_kot,
                verwacht=t3.C,
            )
    if pub.samenvatting is not None and pub.samenvatting.ouders is not None and pub.tabel2 is not None:
        t2 = pub.tabel2
        if sorted(pub.samenvatting.ouders) == sorted((t2.eenouder, t2.paren)):
            yield Bevinding(
                code="SAMENVATTING_OUDERS_GEEN_RANGE",
                soort="samenvatting",
                locatie=f"{pub.samenvatting.locatie} tegenover {t2.locatie}",
                beschrijving=(
                    f"De samenvatting noemt het aantal bijstandsouders als range {bereik(pub.samenvatting.ouders)}."
                    f" Volgens tabel 2 zijn dat twee groepen: {getal(t2.eenouder)} eenoudergezinnen en "
                    f"{getal(t2.paren)} paren, samen {getal(t2.eenouder + t2.paren)} huishoudens."
                ),
                gepubliceerd=pub.samenvatting.ouders,
                verwacht=t2.eenouder + t2.paren,
            )


def _controle_7(k: Gegevens) -> Iterator[Bevinding]:
    """Check 7. findings from reading the text"""
    pub = k.pub

    for tb in pub.tekstbevindingen:
        yield Bevinding(code=tb.code, soort="tekst", locatie=tb.locatie, beschrijving=tb.beschrijving.strip())


# the seven numbered checks, in the order their findings are listed before sorting
CONTROLES: tuple[Callable[[Gegevens], Iterator[Bevinding]], ...] = (
    _controle_1,
    _controle_2,
    _controle_3,
    _controle_4,
    _controle_5,
    _controle_6,
    _controle_7,
)


def _gevolg_van_keuze(invoer: Invoer, v: str, t: Huishouden, x: int, waarden: list[tuple[str, int]]) -> str:
    """What the published deel-ranges and tabel 3 become if `x` is the right value everywhere."""
    pub = invoer.gepubliceerd
    assert pub is not None
    definities = {d.id: d for d in invoer.deelranges}
    ranges = {i: p.range for i, p in pub.deelranges.items()}
    veranderd = []
    for d_id, w in waarden:
        if w == x:
            continue
        p = pub.deelranges[d_id]
        cellen = {tt: dict(p.cellen[tt]) for tt in HUISHOUDENS}
        cellen[t][v] = x
        nieuw = stel_samen(definities[d_id].voorzieningen, cellen).range
        ranges[d_id] = nieuw
        veranderd.append(f"{d_id} {bereik(nieuw)} (nu {bereik(p.range)})")
    tekst = f"Als {getal(x)} juist is: " + ", ".join(veranderd)
    cat = definities[waarden[0][0]].categorie
    if pub.tabel3 is not None:
        van_cat = {i: r for i, r in ranges.items() if definities[i].categorie == cat}
        afgerond, *_ = voeg_samen(van_cat, invoer.afronding.categorie)
        oud = tuple(getattr(pub.tabel3, cat))
        if afgerond != oud:
            tekst += f"; categorie {cat} in tabel 3 wordt {bereik(afgerond)} in plaats van {bereik(oud)}"
        else:
            tekst += f"; tabel 3 blijft {bereik(oud)}"
    return tekst + "."


# ----------------------------------------------------------------------------------------------- loading
