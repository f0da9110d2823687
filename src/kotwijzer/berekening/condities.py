"""The conditions of one month: the arbeidseis per parent (Wko art. 1.6) and the conditions per child.

Conditions depend only on small integer codes; they are built once per code and shared between results (treat them
as read-only; `voorwaardencheck` copies before changing one).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from kotwijzer.berekening.opbouw import bron_uit, bronnen_uit
from kotwijzer.explain.signaaltekst import tekst, tekst_van
from kotwijzer.model import BronOut, Conditie, Status
from kotwijzer.rules import codes as c
from kotwijzer.signalen import Onderdelen, Rol, Signaal
from kotwijzer.wetten.bron import wko

# the condition of a child that is met, per bit of its reason when unmet
KIND_VOLDAAN = {
    c.K_TE_OUD: "kind.voor_vo",
    c.K_NIET_OP_ADRES: "kind.woont_op_adres",
    c.K_NIET_LRK: "kind.lrk",
    c.K_TE_LAAT: "kind.binnen_termijn",
}
_UITZONDERINGEN = c.WLZ_PERM | c.WLZ_TIJD | c.DET_LANG | c.DET_KORT | c.DET_VOORLOPIG_LANG | c.KL


def conditie(
    code: str,
    status: Status,
    uitleg: str,
    bronnen: list[Any],
    ontbrekende_invoer: list[str] | None = None,
    vraag: str | None = None,
) -> Conditie:
    return Conditie.model_construct(
        code=code,
        status=status,
        uitleg=uitleg,
        bronnen=bronnen,
        ontbrekende_invoer=ontbrekende_invoer or [],
        vraag=vraag,
    )


def arbeidseis_signaal(sit: int, rol: str, uitz: int, lid1: int) -> tuple[Signaal, str]:
    """What the arbeidseis of one parent in one month comes to, as a signal, and its status."""
    gevonden = c.onderdelen_in(sit & lid1)
    bron_lid = wko("1.6", 1) if rol == "aanvrager" else wko("1.6", 3)
    wie = Rol(rol, als_onderwerp=True)
    if gevonden:
        bits = tuple(o.bit for o in gevonden)
        bronnen = (bron_lid, *(b for o in gevonden for b in o.bronnen))
        return Signaal.van(
            "arbeidseis.voldaan", "conditie", bronnen=bronnen, wie=wie, onderdelen=Onderdelen(bits, met_bron=True)
        ), "voldaan"
    if sit & c.ONBEKEND:
        return Signaal.van(
            "arbeidseis.onbekend", "conditie", bronnen=(wko("1.6", 1, "c"), wko("1.6", 1, "f")), wie=wie
        ), "onbekend"
    uitz_gevonden = c.onderdelen_in(sit & (uitz | _UITZONDERINGEN))
    bronnen = (bron_lid, *(b for o in uitz_gevonden for b in o.bronnen))
    if sit & c.BIJSTAND_ZONDER_VOORZIENING:
        return Signaal.van(
            "arbeidseis.bijstand_zonder_voorziening", "conditie", bronnen=bronnen, wie=wie
        ), "niet_voldaan"
    if uitz_gevonden:
        return Signaal.van(
            "arbeidseis.alleen_uitzondering",
            "conditie",
            bronnen=bronnen,
            wie=wie,
            onderdelen=Onderdelen(tuple(o.bit for o in uitz_gevonden)),
        ), "niet_voldaan"
    return Signaal.van("arbeidseis.niet_voldaan", "conditie", bronnen=bronnen, wie=wie), "niet_voldaan"


def ouder_conditie_nieuw(sit: int, rol: str, uitz: int, lid1: int, jaar: int) -> Conditie:
    """The arbeidseis for one parent in one month (Wko 1.6 lid 1 or, for a partner, lid 3), as a new object."""
    s, status = arbeidseis_signaal(sit, rol, uitz, lid1)
    if status == "onbekend":  # the citations of an unknown traject hold in every year
        return conditie(
            f"arbeidseis_{rol}",
            "onbekend",
            tekst(s),
            bronnen_uit(s.bronnen),
            [f"{rol}.situaties[].voorziening_gericht_op_arbeidsinschakeling"],
            tekst_van("arbeidseis.onbekend.vraag"),
        )
    return conditie(f"arbeidseis_{rol}", status, tekst(s), bronnen_uit(s.bronnen, jaar))  # type: ignore[arg-type]


@lru_cache(maxsize=4096)
def ouder_conditie(sit: int, rol: str, uitz: int, lid1: int, jaar: int) -> Conditie:
    return ouder_conditie_nieuw(sit, rol, uitz, lid1, jaar)


@lru_cache(maxsize=1)
def partner_bloedverwant() -> Conditie:
    """Wko 1.6 lid 6: a housemate who is family and partner only by the address need not work."""
    return conditie(
        "arbeidseis_partner",
        "niet_van_toepassing",
        tekst_van("arbeidseis.partner_bloedverwant"),
        bronnen_uit([wko("1.6", 6)]),
    )


@lru_cache(maxsize=1024)
def kind_condities(bits: int, jaar: int) -> tuple[Conditie, ...]:
    out = []
    for kr in c.KIND_REDENEN:
        if kr.bit == c.K_GEEN_OPVANG:
            continue
        voldaan = not bits & kr.bit
        if voldaan and kr.bit in (c.K_GEEN_ASPRAAK_OUDERS, c.K_NOG_NIET_GEBOREN):
            continue
        uitleg = tekst_van(KIND_VOLDAAN[kr.bit]) if voldaan else kr.uitleg
        out.append(conditie(kr.code, "voldaan" if voldaan else "niet_voldaan", uitleg, bronnen_uit(kr.bronnen, jaar)))
    return tuple(out)


@lru_cache(maxsize=1024)
def reden_bronnen(nummer: int, jaar: int) -> tuple[BronOut, ...]:
    """The citations of a month's reason (`kotwijzer.rules.codes.REDENEN`) in force in `jaar`."""
    return tuple(bronnen_uit(c.REDEN_PER_NUMMER[nummer].bronnen, jaar))


@lru_cache(maxsize=256)
def kind_redenen(bits: int) -> tuple[str, ...]:
    return tuple(kr.code for kr in c.KIND_REDENEN if bits & kr.bit)


def aanspraak_conditie(reden: c.Reden, jaar: int) -> Conditie:
    """The verdict of the month on the parents (the reason of `kotwijzer.rules.codes`)."""
    return _aanspraak_conditie(reden.nummer, jaar)


@lru_cache(maxsize=1024)
def _aanspraak_conditie(nummer: int, jaar: int) -> Conditie:
    reden = c.REDEN_PER_NUMMER[nummer]
    status: Status = "voldaan" if reden.recht else ("onbekend" if reden.code == "onbekend" else "niet_voldaan")
    return conditie(f"aanspraak_{reden.code}", status, reden.uitleg, bronnen_uit(reden.bronnen, jaar))


def activiteiten_per_maand(notities: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Per parent and month the municipal classification of the bijstand activity, if one was named."""
    out: dict[str, list[Any]] = {"aanvrager": [None] * 12, "partner": [None] * 12}
    for n in notities:
        if n["soort"] == "activiteit":
            for m in n["maanden"]:
                out[n["ouder"]][m] = n["classificatie"]
    return out


def met_activiteit(cnd: Conditie, kl: Any) -> Conditie:
    """Wko 1.6 lid 1 onder c: the verdict on a bijstand activity follows from the municipality's classification."""
    if kl is None:
        return cnd
    categorie = kl.categorie.value if hasattr(kl.categorie, "value") else kl.categorie
    if kl.reintegratiecode:
        s = Signaal.van(
            "activiteit.classificatie_met_code",
            "conditie",
            activiteit=kl.activiteit_naam,
            gemeente=kl.gemeente_naam,
            categorie=str(categorie),
            reintegratiecode=str(kl.reintegratiecode),
        )
    else:
        s = Signaal.van(
            "activiteit.classificatie",
            "conditie",
            activiteit=kl.activiteit_naam,
            gemeente=kl.gemeente_naam,
            categorie=str(categorie),
        )
    gezien = {b.citaat for b in cnd.bronnen}
    bronnen = list(cnd.bronnen) + [bron_uit(x) for x in kl.bron if x.kort() not in gezien]
    return cnd.model_copy(update={"uitleg": cnd.uitleg + " " + tekst(s), "bronnen": bronnen})
