"""Estimate of the number of bijstand households with young children in categorie B and C.

Reproduces Bijlage A (tabel 4 and 5) and tabel 3 of the SZW report "Kinderopvangtoeslag in de Participatiewet"
(21 May 2025, "seed 000") from the inputs the report states, and checks the published figures.

Categorie B = sociale activering gericht op arbeidsinschakeling (gives a right to KOT);
categorie C = sociale activering niet direct gericht op arbeidsinschakeling (no right to KOT).

Method (Bijlage A, r. 2865-2879 of the text version), per household type t (eenouder, paren) and voorziening v:

    aandeel[t] = ouders[t] * (1 - ontheffing[t]) / bijstand_huishoudens
    cel[v, t]  = afronden(deelnemers[v] * aandeel[t], 10)                               doel "alle"
    cel[v, t]  = afronden(deelnemers[v] * doel_reintegratie[v] * aandeel[t], 10)        doel "re-integratie"
    rij[t]     = sum over v of cel[v, t];   kolom[v] = cel[v, eenouder] + cel[v, paren]
    range      = (rij[eenouder], rij[eenouder] + rij[paren])
    categorie  = (lowest lower bound, highest upper bound) of its deel-ranges, afgerond op 100

`schat` and `inconsistenties` are pure: they read only their argument. `laad_invoer` reads a YAML file and turns
every validation problem into an `Invoerfout` whose Dutch message names the field.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from kotwijzer.foutmeldingen import melding, veldpad
from kotwijzer.policy.doelgroep_controles import inconsistenties  # noqa: F401  (re-exported)
from kotwijzer.policy.doelgroep_modellen import (  # noqa: F401  (re-exported: the models and formats)
    HUISHOUDEN_NAAM,
    HUISHOUDENS,
    STANDAARD_INVOER,
    VOORZIENING_NAAM,
    Aandeel,
    Aanname,
    Aantal,
    Afronding,
    Bereik,
    Bevinding,
    Categorie,
    CategorieSchatting,
    Cel,
    Deelrange,
    DeelrangeSchatting,
    Doel,
    Gepubliceerd,
    GepubliceerdeDeelrange,
    GepubliceerdeSamenvatting,
    GepubliceerdeTabel2,
    GepubliceerdeTabel3,
    Herkomst,
    Huishouden,
    Invoer,
    Rij,
    Samenstelling,
    Schatting,
    Tekstbevinding,
    aandeel_ouders,
    afronden,
    bereik,
    getal,
    procent,
    stel_samen,
    voeg_samen,
    voorziening_naam,
)


def _geordend(invoer: Invoer, reeks: list[str]) -> list[str]:
    """Unique assumption ids in the order of the `aannames` list of the input."""
    volgorde = {a.id: i for i, a in enumerate(invoer.aannames)}
    return sorted(dict.fromkeys(reeks), key=lambda a: volgorde.get(a, len(volgorde)))


def _invoer_tekst(naam: str, x: Aantal | Aandeel) -> str:
    waarde = getal(x.waarde) if isinstance(x, Aantal) else procent(x.waarde)
    extra = f" ({x.herkomst})" if x.herkomst != "gepubliceerd" else ""
    return f"{naam} = {waarde}{extra}"


def schat(invoer: Invoer) -> Schatting:
    """Compute tabel 4, tabel 5 and tabel 3 from the input figures."""
    aandeel = aandeel_ouders(invoer)
    n = invoer.bijstand_huishoudens.waarde
    aandeel_formule = {
        t: (
            f"{getal(invoer.ouders[t].waarde)} × (1 − {getal(invoer.ontheffing[t].waarde, 3)}) / {getal(n)}"
            f" = {getal(aandeel[t], 6)}"
        )
        for t in HUISHOUDENS
    }
    stap = invoer.afronding.cel
    deelranges: list[DeelrangeSchatting] = []
    for d in invoer.deelranges:
        cellen: list[Cel] = []
        waarden: dict[Huishouden, dict[str, int]] = {t: {} for t in HUISHOUDENS}
        for t in HUISHOUDENS:
            for v in d.voorzieningen:
                deelnemers = invoer.srg_deelnemers[v].waarde
                if d.doel == "re-integratie":
                    doel = invoer.doel_reintegratie[v].waarde
                    ruw = deelnemers * doel * aandeel[t]
                    formule = f"{getal(deelnemers)} × {getal(doel, 3)} × {getal(aandeel[t], 6)}"
                else:
                    ruw = deelnemers * aandeel[t]
                    formule = f"{getal(deelnemers)} × {getal(aandeel[t], 6)}"
                waarde = afronden(ruw, stap)
                waarden[t][v] = waarde
                cellen.append(
                    Cel(
                        voorziening=v,
                        huishouden=t,
                        waarde=waarde,
                        onafgerond=ruw,
                        formule=f"{formule} = {getal(ruw, 1)} → {getal(waarde)}",
                    )
                )
        samen = stel_samen(d.voorzieningen, waarden)
        rijen: list[Rij] = []
        alle_invoer: list[str] = []
        alle_aannames: list[str] = []
        for t in HUISHOUDENS:
            bronnen: list[tuple[str, Aantal | Aandeel]] = [
                ("bijstand_huishoudens", invoer.bijstand_huishoudens),
                (f"ouders.{t}", invoer.ouders[t]),
                (f"ontheffing.{t}", invoer.ontheffing[t]),
            ]
            bronnen += [(f"srg_deelnemers.{v}", invoer.srg_deelnemers[v]) for v in d.voorzieningen]
            if d.doel == "re-integratie":
                bronnen += [(f"doel_reintegratie.{v}", invoer.doel_reintegratie[v]) for v in d.voorzieningen]
            invoer_teksten = [_invoer_tekst(naam, x) for naam, x in bronnen]
            aannames = _geordend(
                invoer, d.aannames + [a for _, x in bronnen for a in x.aannames] + invoer.afronding.aannames_cel
            )
            delen = " + ".join(f"{voorziening_naam(v)} {getal(waarden[t][v])}" for v in d.voorzieningen)
            rijen.append(
                Rij(
                    huishouden=t,
                    cellen=waarden[t],
                    totaal=samen.rijtotaal[t],
                    formule=f"{delen} = {getal(samen.rijtotaal[t])}" if len(d.voorzieningen) > 1 else delen,
                    invoer=invoer_teksten,
                    aannames=aannames,
                )
            )
            alle_invoer += invoer_teksten
            alle_aannames += aannames
        rijen.append(
            Rij(
                huishouden="totaal",
                cellen=samen.kolomtotaal,
                totaal=samen.totaal,
                formule=f"{getal(samen.rijtotaal['eenouder'])} + {getal(samen.rijtotaal['paren'])}"
                f" = {getal(samen.totaal)}",
                invoer=list(dict.fromkeys(alle_invoer)),
                aannames=_geordend(invoer, alle_aannames),
            )
        )
        deelranges.append(
            DeelrangeSchatting(
                id=d.id,
                categorie=d.categorie,
                omschrijving=d.omschrijving,
                doel=d.doel,
                voorzieningen=list(d.voorzieningen),
                bron=d.bron,
                cellen=cellen,
                rijen=rijen,
                range=samen.range,
                aannames=_geordend(invoer, alle_aannames),
            )
        )
    categorieen = _categorieen(invoer, deelranges, stap)
    return Schatting(
        invoer=invoer,
        aandeel=aandeel,
        aandeel_formule=aandeel_formule,
        deelranges=deelranges,
        categorieen=categorieen,
    )


# ----------------------------------------------------------------------------------------------- checks


def _categorieen(invoer: Invoer, deelranges: list[DeelrangeSchatting], stap: int) -> dict[str, CategorieSchatting]:
    """The estimate per category (B and C) from the deel-ranges."""
    categorieen: dict[str, CategorieSchatting] = {}
    for cat in ("B", "C"):
        van_cat = {d.id: d.range for d in deelranges if d.categorie == cat}
        if not van_cat:
            continue
        afgerond, ruw, laag_id, hoog_id = voeg_samen(van_cat, invoer.afronding.categorie)
        aannames = _geordend(
            invoer,
            [a for d in deelranges if d.categorie == cat for a in d.aannames] + invoer.afronding.aannames_categorie,
        )
        categorieen[cat] = CategorieSchatting(
            categorie=cat,
            range=afgerond,
            onafgerond=ruw,
            ondergrens_uit=laag_id,
            bovengrens_uit=hoog_id,
            deelranges=list(van_cat),
            formule=(
                f"laagste ondergrens {getal(ruw[0])} ({laag_id}), hoogste bovengrens {getal(ruw[1])} ({hoog_id});"
                f" afgerond op {getal(invoer.afronding.categorie)}"
            ),
            aannames=aannames,
        )
    return categorieen


class Invoerfout(ValueError):
    """The input file cannot be used. `fouten` holds (veld, melding) pairs in Dutch."""

    def __init__(self, fouten: list[tuple[str, str]]):
        self.fouten = fouten
        super().__init__("; ".join(f"{veld}: {melding}" for veld, melding in fouten))


# a share is a fraction, not a percentage: said with a bound on these fields, where 9.7 for 9,7 % is the likely slip
_AANDEEL_HINT = " Een aandeel is een deel tussen 0 en 1, bijvoorbeeld 0.097 voor 9,7%."


def _melding(fout: ErrorDetails) -> tuple[str, str]:
    """One pydantic error as (veld, melding) in Dutch, through the one translator `kotwijzer.foutmeldingen`. A check
    of the whole input (a model validator) names its field itself, as 'veld: melding'; that field is taken over."""
    veld = veldpad(fout["loc"])
    soort = fout["type"]
    if soort == "value_error" and not veld:
        tekst = str((fout.get("ctx") or {}).get("error", fout["msg"]))
        if ": " in tekst:
            veld, tekst = tekst.split(": ", 1)
            return veld, melding({"type": soort, "ctx": {"error": tekst}})
    tekst = melding(fout)
    if soort in ("less_than_equal", "less_than") and veld.startswith(("ontheffing.", "doel_reintegratie.")):
        tekst += _AANDEEL_HINT
    return veld or "invoer", tekst


def invoer_uit_dict(data: Any) -> Invoer:
    """Validate a parsed YAML document; raises `Invoerfout` with Dutch messages naming each field."""
    if not isinstance(data, dict):
        raise Invoerfout([("invoer", "het bestand moet velden bevatten (naam: waarde), geen losse tekst of lijst")])
    try:
        return Invoer.model_validate(data)
    except ValidationError as e:
        raise Invoerfout([_melding(f) for f in e.errors()]) from None


def standaard_invoerpad() -> Path:
    return Path(str(resources.files("kotwijzer.policy").joinpath("data", STANDAARD_INVOER)))


def laad_invoer(pad: Path | str | None = None) -> Invoer:
    """Read an input YAML file (default: the shipped seed 000 figures)."""
    pad = Path(pad) if pad is not None else standaard_invoerpad()
    try:
        tekst = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise Invoerfout([("--invoer", f"bestand {pad} bestaat niet")]) from None
    except (IsADirectoryError, PermissionError, UnicodeDecodeError) as e:
        raise Invoerfout([("--invoer", f"bestand {pad} is niet te lezen ({type(e).__name__})")]) from None
    try:
        data = yaml.safe_load(tekst)
    except yaml.YAMLError as e:
        plek = getattr(e, "problem_mark", None)
        waar = f" (regel {plek.line + 1}, kolom {plek.column + 1})" if plek is not None else ""
        raise Invoerfout([("--invoer", f"bestand {pad} is geen geldige YAML{waar}")]) from None
    return invoer_uit_dict(data)
