"""The amount as a range where the law data does not fix it, and the indication for an announced year.

- **bereik** (the law, a table cell missing, e.g. 2025 next children above EUR 50.811): the same kernel runs twice on
  the same input, once with every missing cell at its lower bound and once at its upper bound (kotwijzer.params.grenzen).
  The first child, the hours and the kosten do not depend on the percentage, so each child-month's toeslag, each
  month and the year lie between the two runs. Known cells give the same amount in both runs.
- **indicatie** (a year whose table and maximum uurprijzen are only announced, e.g. 2027): the same two runs on the
  announced figures (kotwijzer.params.indicatie), with the cells nothing is announced for at their bounds. Never the
  law: the result keeps saying which law data is missing, and the indication says what it rests on.

The result's own amounts stay exactly what the law gives (None where the law data is missing); the range is an extra
field beside them.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np

from kotwijzer.formaat import euro, hele_euro, procent
from kotwijzer.invoer import Batch
from kotwijzer.kern import Uitkomst, bereken_batch
from kotwijzer.model import Bereik, CelBereik, GrensOut, KindBereik, MaandBereik
from kotwijzer.params import JaarParameters, OntbrekendeWetgeving, parameters_voor_jaar
from kotwijzer.params.grenzen import cel_grenzen, grenstabel, heeft_ontbrekende_cellen
from kotwijzer.params.indicatie import indicatie_voor_jaar
from kotwijzer.params.loader import Tabel


def _cent(x: int) -> Decimal:
    return (Decimal(int(x)) / 100).quantize(Decimal("0.01"))


def _pct(p: Decimal) -> str:
    return procent(p, 1, nullen="vast", spatie=" ")


def _grens(g) -> GrensOut:
    return GrensOut(
        percentage=Decimal(g.promille) / 10, reden=g.reden, status=g.status, status_tekst=g.status_tekst, bron=g.bron
    )


def bereik_voor(b: Batch, p: JaarParameters, u: Uitkomst, labels: list[str], inkomen: int | None) -> Bereik | None:
    """The range of one household-year (a batch of one), or None when the law fixes every amount, the income is
    unknown, or no bound or indication exists."""
    if inkomen is None or b.n != 1:
        return None
    if u.toeslag_cent is not None and u.toeslag_bekend is None:
        return None  # every amount known
    if int(u.uren_cu.sum()) == 0:
        return None
    jaar = b.jaar
    if u.prijs_fout is None and u.tabel_fout is None:
        t = p.tabel()
        if not heeft_ontbrekende_cellen(t) or int(t.rij_index(np.array([inkomen]))[0]) < 0:
            return None
        soort, mu, basis = "bereik", p.maximum_uurprijs_wijziging, [t.bron]
    else:
        ind = indicatie_voor_jaar(jaar)
        if ind is None:
            return None
        t, mu, soort = ind.tabel, ind.maximum_uurprijs, "indicatie"
        basis = [ind.bron]
    try:
        po = parameters_voor_jaar(jaar, p.wijzigingen, grenstabel(t, "onder"), mu)
        pb = parameters_voor_jaar(jaar, p.wijzigingen, grenstabel(t, "boven"), mu)
    except OntbrekendeWetgeving:
        return None
    uo, ub = bereken_batch(b, True, po), bereken_batch(b, True, pb)
    if (
        uo.toeslag_cent is None
        or ub.toeslag_cent is None
        or uo.promille is None
        or ub.promille is None
        or uo.eerste_kind is None
    ):
        return None  # no amount at the bounds either (no maximum uurprijs for the year): no range to give
    rij = int(t.rij_index(np.array([inkomen]))[0])
    telt = u.uren_cu[0]
    eerste = uo.eerste_kind[0]
    cellen: list[CelBereik] = []
    for is_eerste in (True, False):
        gebruikt = bool(((eerste == is_eerste) & (telt > 0)).any())
        g = cel_grenzen(t, rij, is_eerste) if gebruikt else None
        if g is not None:
            cellen.append(CelBereik(eerste_kind=is_eerste, onder=_grens(g.onder), boven=_grens(g.boven)))
    maanden: list[MaandBereik] = []
    for m in range(12):
        kinderen = []
        for k in range(telt.shape[0]):
            if b.soort[0, k, m] == 0:
                continue
            uren = int(telt[k, m])
            kinderen.append(
                KindBereik(
                    kind=k + 1,
                    label=labels[k],
                    eerste_kind=bool(eerste[k, m]) and uren > 0,
                    percentage_onder=Decimal(int(uo.promille[0, k, m])) / 10 if uren > 0 else None,
                    percentage_boven=Decimal(int(ub.promille[0, k, m])) / 10 if uren > 0 else None,
                    toeslag_onder=_cent(int(uo.toeslag_cent[0, k, m])),
                    toeslag_boven=_cent(int(ub.toeslag_cent[0, k, m])),
                )
            )
        maanden.append(
            MaandBereik(
                maand=m + 1,
                toeslag_onder=_cent(int(uo.toeslag_cent[0, :, m].sum())),
                toeslag_boven=_cent(int(ub.toeslag_cent[0, :, m].sum())),
                kinderen=kinderen,
            )
        )
    jaar_onder = _cent(int(uo.toeslag_cent[0].sum()))
    jaar_boven = _cent(int(ub.toeslag_cent[0].sum()))
    return Bereik(
        soort=soort,
        uitleg=_uitleg(soort, jaar, inkomen, t, cellen, jaar_onder, jaar_boven),
        basis=basis,
        cellen=cellen,
        maanden=maanden,
        jaar_onder=jaar_onder,
        jaar_boven=jaar_boven,
    )


def _uitleg(soort: str, jaar: int, inkomen: int, t: Tabel, cellen: list[CelBereik], lo: Decimal, hi: Decimal) -> str:
    ink = hele_euro(inkomen)
    delen = []
    for c in cellen:
        wie = "het eerste kind" if c.eerste_kind else "de andere kinderen"
        if c.onder.percentage == c.boven.percentage:
            delen.append(
                f"Het percentage voor {wie} is niet gepubliceerd, maar ligt vast op "
                f"{_pct(c.onder.percentage)}: {c.onder.reden} {c.boven.reden}"
            )
            continue
        delen.append(
            f"Het percentage voor {wie} is niet gepubliceerd, maar ligt tussen {_pct(c.onder.percentage)} en "
            f"{_pct(c.boven.percentage)}. Ondergrens ({c.onder.status_tekst}): {c.onder.reden} Bovengrens "
            f"({c.boven.status_tekst}): {c.boven.reden}"
        )
    bedrag = (
        f"De toeslag over het jaar is {euro(lo)}"
        if lo == hi
        else f"De toeslag over het jaar ligt tussen {euro(lo)} en {euro(hi)}"
    )
    if soort == "bereik":
        return (
            f"In de tabel voor {jaar} (Bijlage I bij het Besluit kinderopvangtoeslag) ontbreekt een percentage bij "
            f"een toetsingsinkomen van {ink}. kotwijzer vult dat niet in, maar de wet en de gepubliceerde tabellen "
            f"begrenzen het. " + " ".join(delen) + f" {bedrag}. Het precieze bedrag staat in de beschikking van "
            "Dienst Toeslagen."
        )
    return (
        f"Indicatie, niet de wet: de tabel en de maximum uurprijzen voor {jaar} zijn nog niet vastgesteld. Deze "
        "indicatie rekent met wat is aangekondigd: de maximum uurprijzen en de percentages voor het eerste kind. "
        + "".join(d + " " for d in delen)
        + f"{bedrag} (indicatie). Het echte bedrag volgt als het besluit voor "
        f"{jaar} er is."
    )
