"""Per-month plain explanation with the cited law text, rendered from a `Resultaat` with Jinja2.

The explanation is written in the language of the moment (`kotwijzer.i18n.taal()`: Dutch, or English on an English page
of the parent flow): the sentences of `templates/maand.txt.j2` are message ids of the translation catalogue. The
core's own sentences inside a line (reasons, conditions: Dutch data of the calculation) are translated where the line
is shown (`kotwijzer.web.kerntekst`, which translates a line sentence by sentence). The quoted law texts always stay
Dutch: they are the law. The command line (`uitleg_tekst`) runs in Dutch."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from kotwijzer import i18n
from kotwijzer.formaat import MAANDNAMEN  # noqa: F401 - also used by the adapters
from kotwijzer.i18n import N_, _
from kotwijzer.model import BronOut, Maanduitkomst, Resultaat
from kotwijzer.wetten.bron import Bron


# Numbers, amounts and dates in the language of the moment (kotwijzer.formaat's Dutch notation in Dutch)
def euro(x: Decimal | int | float | None) -> str:
    """€ 1.234,50 (or €1,234.50 in English)."""
    return i18n.euro(x)


def getal(x: Decimal | int | float | None) -> str:
    """1.234,5 (or 1,234.5 in English), at most two decimals, no trailing zeros."""
    return i18n.getal(None if x is None else Decimal(x))


def procent(x: Decimal | None) -> str:
    return "-" if x is None else f"{getal(x)}%"


def datum(d: dt.date | None) -> str:
    """30 april 2026 (30 April 2026)."""
    return i18n.datum(d)


# the kinds of care as the explanation names them
SOORT = {
    "dagopvang": N_("dagopvang"),
    "buitenschoolse_opvang": N_("buitenschoolse opvang"),
    "gastouderopvang": N_("gastouderopvang"),
}


def _soort(s) -> str:
    v = getattr(s, "value", s)
    return _(SOORT[v]) if v in SOORT else str(v).replace("_", " ")


def _kindlabel(label: str | None) -> str:
    """The core's default label 'kind 2' in the language of the page; a name the parent typed stays as it is."""
    import re

    m = re.fullmatch(r"[Kk]ind (\d+)", label or "")
    return _("kind {n}").format(n=m[1]) if m else (label or "")


def _vertaal(t: str | None) -> str:
    """A fixed text of the core that is a message of the catalogue (the status of a table cell)."""
    return _(t) if t else ""


def maand_titel(van: int, tot: int, jaar: int) -> str:
    """'Maart 2026' or 'Maart tot en met juni 2026' ('March to June 2026')."""
    naam = i18n.maandnaam(van)
    naam = naam[:1].upper() + naam[1:]
    if van == tot:
        return _("{maand} {jaar}").format(maand=naam, jaar=jaar)
    return _("{van} tot en met {tot} {jaar}").format(van=naam, tot=i18n.maandnaam(tot), jaar=jaar)


# Bkot art. 3: which lid decides the first child (kotwijzer.rules.bedrag.eerste_kind)
_EERSTE_KIND_LID = {"meeste_uren": "2", "hoogste_kosten": "3", "gelijk": "4"}


@dataclass
class UitlegBlok:
    maand: int  # first month of the block
    titel: str
    regels: list[str]
    bronnen: list[dict] = field(default_factory=list)  # citaat, tekst (law text in the version used), url
    tot_maand: int = 0  # last month of the block (consecutive months with the same explanation are merged)


def _tekst(bericht: str, **waarden: object) -> str:
    """`_("...", naam=waarde)` in the explanation templates (Jinja2 i18n, newstyle, without autoescape)."""
    return i18n.gettext(bericht) % waarden


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("kotwijzer.explain", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        extensions=["jinja2.ext.i18n"],
    )
    # the language is looked up at each call (a context variable), so one environment serves every language
    # added to the Environment at run time by the i18n extension; Jinja2's annotations do not know it
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n.gettext, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext
    )
    # `_()` itself: what Jinja2's newstyle gettext does with autoescape off (the catalogue's text, always formatted
    # with %), called directly rather than through two context look-ups per text (most of a month's render time)
    env.globals["_"] = _tekst
    env.filters.update(
        euro=euro, getal=getal, procent=procent, datum=datum, soort=_soort, kindlabel=_kindlabel, vertaal=_vertaal
    )
    return env


def wettekst(bron: BronOut | Bron, peildatum: dt.date) -> dict:
    """The cited provision with its (Dutch) text in the version in force on `peildatum`; the remark about a missing
    version is in the language of the moment."""
    b = bron if isinstance(bron, Bron) else Bron(bron.wet, bron.artikel, bron.lid, bron.onderdeel, bron.sub)
    return dict(_wettekst(Bron(b.wet, b.artikel, b.lid, b.onderdeel, b.sub), peildatum, i18n.taal()))


@lru_cache(maxsize=4096)
def _wettekst(bron: Bron, peildatum: dt.date, taal: str = i18n.STANDAARD) -> tuple:
    """The cited provision with its text in the version in force on `peildatum` (`taal`: the language of the remark).

    Where kotwijzer ships no text for that date at all (the Besluit kinderopvangtoeslag after 2023, see
    docs/bronnen-onderzoek.md), the text of the latest shipped version is shown and marked as such (`terugval`), never
    presented as the text of that year. A provision missing from the version itself is an error."""
    from kotwijzer.wetten import teksten

    b = bron
    versie = teksten.laatste_versie_tot(b.wet, peildatum)
    info = teksten.bron_info(b.wet, versie)
    terugval = info.get("geldig_tot") is not None and peildatum > dt.date.fromisoformat(info["geldig_tot"])
    return tuple(
        {
            "citaat": b.kort(),
            "tekst": teksten.tekst(b, versie),
            "versie": versie.isoformat(),
            "versie_tekst": i18n.datum(versie),
            "url": info.get("url"),
            "terugval": terugval,
            "opmerking": (
                _(
                    "Tekst uit de versie van {versie}; de tekst die in {jaar} geldt is niet in kotwijzer opgenomen."
                ).format(versie=i18n.datum(versie), jaar=peildatum.year)
                if terugval
                else None
            ),
        }.items()
    )


_blok_cache: dict[tuple[tuple[str, ...], dt.date, str], tuple[tuple[tuple, ...], tuple[tuple[str, str], ...]]] = {}


def _blok_bronnen_vast(
    bronnen: list[BronOut], peildatum: dt.date, citaten: tuple[str, ...] | None = None
) -> tuple[tuple[tuple, ...], tuple[tuple[str, str], ...]]:
    """The cited provisions of a block, each once, with their text on `peildatum` (as item tuples), and their
    (citaat, tekst) pairs; looked up once per set of citations, date and language (the remark on a missing version is
    translated). `citaten`: the citations' `citaat` in order, when the caller has them already."""
    sleutel = (citaten if citaten is not None else tuple(b.citaat for b in bronnen), peildatum, i18n.taal())
    uit = _blok_cache.get(sleutel)
    if uit is None:
        out, gezien = [], set()
        for b in bronnen:
            if b.citaat in gezien:
                continue
            gezien.add(b.citaat)
            out.append(tuple(wettekst(b, peildatum).items()))
        teksten = tuple((d["citaat"], d["tekst"]) for d in map(dict, out))
        if len(_blok_cache) >= 4096:
            _blok_cache.clear()
        uit = _blok_cache[sleutel] = (tuple(out), teksten)
    return uit


def maand_bronnen(m) -> list[BronOut]:
    """The citations of one month's explanation, in order, each once: the month's reason, the parents' conditions,
    the children's unmet conditions, and the lid of Bkot art. 3 that decided the first child."""
    bronnen: list[BronOut] = list(m.bronnen)
    for cnd in m.condities:
        bronnen.extend(cnd.bronnen)
    for k in m.kinderen:
        for cnd in k.condities:
            if cnd.status == "niet_voldaan":
                bronnen.extend(cnd.bronnen)
    if sum(1 for k in m.kinderen if k.aanspraak) > 1:
        for k in m.kinderen:
            if k.eerste_kind and k.eerste_kind_reden in _EERSTE_KIND_LID:
                lid = Bron("Bkot", "3", _EERSTE_KIND_LID[k.eerste_kind_reden])
                bronnen.append(
                    BronOut.model_construct(
                        wet=lid.wet,
                        artikel=lid.artikel,
                        lid=lid.lid,
                        onderdeel=lid.onderdeel,
                        sub=lid.sub,
                        citaat=lid.kort(),
                    )
                )
    uit: list[BronOut] = []
    gezien: set[str] = set()
    for b in bronnen:
        if b.citaat not in gezien:
            gezien.add(b.citaat)
            uit.append(b)
    return uit


def _zelfde_inhoud(a: Maanduitkomst, b: Maanduitkomst) -> bool:
    """Two months whose explanation is the same: everything the month template and `maand_bronnen` read."""
    return (
        a.aanspraak == b.aanspraak
        and a.uitleg == b.uitleg
        and a.toeslag == b.toeslag
        and a.uitbetaling_voorschot == b.uitbetaling_voorschot
        and a.eigen_bijdrage == b.eigen_bijdrage
        and a.bronnen == b.bronnen
        and a.condities == b.condities
        and a.kinderen == b.kinderen
    )


def uitleg(r: Resultaat, met_wettekst: bool = True, samenvoegen: bool = True) -> list[UitlegBlok]:
    env = _env()
    tpl = env.get_template("maand.txt.j2")
    blokken: list[UitlegBlok] = []
    vorige = None
    laatste_regels: list[str] = []
    laatste_teksten: tuple[tuple[str, str], ...] = ()
    for m in r.maanden:
        peil = dt.date(r.berekeningsjaar, m.maand, 1)
        if vorige is None or not _zelfde_inhoud(vorige[0], m):
            # the text of a month depends on its content only, not on which month it is: a month like the one before
            # reuses its lines and citations
            tekst = tpl.render(m=m, jaar=r.berekeningsjaar)
            mb = maand_bronnen(m)
            vorige = (m, [x for x in tekst.splitlines() if x.strip()], mb, tuple(b.citaat for b in mb))
        regels, bronnen = vorige[1], vorige[2]
        blok_bronnen, teksten = _blok_bronnen_vast(bronnen, peil, vorige[3]) if met_wettekst else ((), ())
        laatste = blokken[-1] if blokken else None
        # merge consecutive months with the same explanation and the same law text (a new consolidation of the law with
        # an unchanged provision does not split the explanation); the block is only built when it is not merged
        if samenvoegen and laatste and laatste_regels == regels and laatste_teksten == teksten:
            laatste.tot_maand = m.maand
        else:
            blok = UitlegBlok(
                maand=m.maand,
                titel="",  # set below, when the block's last month is known
                regels=list(regels),
                bronnen=[dict(x) for x in blok_bronnen],
            )
            blok.tot_maand = m.maand
            blokken.append(blok)
            laatste_regels, laatste_teksten = regels, teksten
    for blok in blokken:
        blok.titel = maand_titel(blok.maand, blok.tot_maand, r.berekeningsjaar)
    return blokken


def uitleg_tekst(r: Resultaat, met_wettekst: bool = True) -> str:
    """The whole explanation as plain text (for `kotwijzer uitleg`, in Dutch)."""
    with i18n.in_taal(i18n.STANDAARD):
        return (
            _env().get_template("uitleg.txt.j2").render(r=r, blokken=uitleg(r, met_wettekst), met_wettekst=met_wettekst)
        )
