"""The overview that does not exist yet: per kind of activity, which municipalities give a right to KOT.

Seed 000 §5.1 (r. 1177-1215) found that municipalities classify the same kind of activity differently and that
there is no national overview. `overzicht` builds one from a catalogus: for each `Soort`, the municipalities
that count it as A or B (right), as C (no right), both (depends on the individual case, e.g. only with an
individual plan), or that do not describe it.
"""

from __future__ import annotations

import csv
import io as _io
from dataclasses import dataclass, field

from kotwijzer.municipal.codes import GEBRUIKELIJKE_CATEGORIE
from kotwijzer.municipal.models import Catalogus, Categorie, Gemeente, Soort

OVERZICHT_KOLOMMEN: tuple[str, ...] = (
    "soort",
    "omschrijving",
    "gebruikelijk_volgens_onderzoek",
    "recht",
    "geen_recht",
    "hangt_af",
    "niet_beschreven",
)


@dataclass(frozen=True)
class GemeenteIndeling:
    """How one municipality classifies one kind: the categories of its activities of that kind."""

    gemeente: Gemeente
    categorieen: tuple[Categorie, ...]  # sorted, unique
    activiteiten: tuple[str, ...]  # activity codes
    alleen_met_plan: bool  # every A/B activity of this kind needs an individual plan

    @property
    def label(self) -> str:
        return f"{self.gemeente.naam} ({self.gemeente.cbs_code})"

    @property
    def cel(self) -> str:
        """Short cell text, e.g. 'A', 'B/C', 'C; B met plan'."""
        tekst = "/".join(c.value for c in self.categorieen)
        if self.alleen_met_plan:
            tekst += " (A/B alleen met plan)"
        return tekst


@dataclass(frozen=True)
class OverzichtRij:
    soort: Soort
    omschrijving: str
    gebruikelijk: Categorie | None  # the usual category according to seed 000, if it names one
    recht: list[GemeenteIndeling] = field(default_factory=list)  # only A/B
    geen_recht: list[GemeenteIndeling] = field(default_factory=list)  # only C
    hangt_af: list[GemeenteIndeling] = field(default_factory=list)  # both A/B and C activities of this kind
    niet_beschreven: list[Gemeente] = field(default_factory=list)

    @property
    def verschilt(self) -> bool:
        """True when the municipalities that describe this kind do not all give the same answer."""
        return sum(bool(x) for x in (self.recht, self.geen_recht, self.hangt_af)) > 1 or bool(self.hangt_af)


def overzicht(catalogus: Catalogus, *, alle_soorten: bool = False) -> list[OverzichtRij]:
    """One row per kind of activity (only kinds that occur, unless `alle_soorten`)."""
    rijen: list[OverzichtRij] = []
    for soort in Soort:
        rij = OverzichtRij(
            soort=soort,
            omschrijving=soort.omschrijving,
            gebruikelijk=GEBRUIKELIJKE_CATEGORIE.get(soort, (None, None))[0],
        )
        for g in catalogus.gemeenten:
            acts = [a for a in catalogus.activiteiten.get(g.cbs_code, []) if a.soort is soort]
            if not acts:
                rij.niet_beschreven.append(g)
                continue
            cats = tuple(sorted({a.categorie for a in acts}, key=lambda c: c.value))
            recht_acts = [a for a in acts if a.categorie.geeft_recht]
            indeling = GemeenteIndeling(
                gemeente=g,
                categorieen=cats,
                activiteiten=tuple(a.code for a in acts),
                alleen_met_plan=bool(recht_acts) and all(a.individueel_plan_vereist for a in recht_acts),
            )
            heeft_recht = any(c.geeft_recht for c in cats)
            heeft_c = Categorie.C in cats
            if heeft_recht and heeft_c:
                rij.hangt_af.append(indeling)
            elif heeft_recht:
                rij.recht.append(indeling)
            else:
                rij.geen_recht.append(indeling)
        if alle_soorten or len(rij.niet_beschreven) < len(catalogus.gemeenten):
            rijen.append(rij)
    return rijen


def overzicht_csv(catalogus: Catalogus, *, alle_soorten: bool = False) -> str:
    """The overview as CSV text (columns `OVERZICHT_KOLOMMEN`; municipalities joined with '; ')."""
    uit = _io.StringIO(newline="")
    schrijver = csv.writer(uit, lineterminator="\r\n")
    schrijver.writerow(OVERZICHT_KOLOMMEN)
    for rij in overzicht(catalogus, alle_soorten=alle_soorten):
        schrijver.writerow(
            [
                rij.soort.value,
                rij.omschrijving,
                rij.gebruikelijk.value if rij.gebruikelijk else "",
                "; ".join(f"{i.label}: {i.cel}" for i in rij.recht),
                "; ".join(i.label for i in rij.geen_recht),
                "; ".join(f"{i.label}: {i.cel}" for i in rij.hangt_af),
                "; ".join(f"{g.naam} ({g.cbs_code})" for g in rij.niet_beschreven),
            ]
        )
    return uit.getvalue()


def overzicht_matrix(catalogus: Catalogus, *, alle_soorten: bool = False) -> tuple[list[str], list[list[str]]]:
    """The overview as a table: header (soort + one column per municipality) and rows of cell texts."""
    kop = ["soort"] + [g.naam for g in catalogus.gemeenten]
    rijen: list[list[str]] = []
    for rij in overzicht(catalogus, alle_soorten=alle_soorten):
        cellen = {i.gemeente.cbs_code: i.cel for i in rij.recht + rij.geen_recht + rij.hangt_af}
        rijen.append([rij.soort.value] + [cellen.get(g.cbs_code, "-") for g in catalogus.gemeenten])
    return kop, rijen
