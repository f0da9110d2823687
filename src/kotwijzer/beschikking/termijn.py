"""The bezwaar deadline of a KOT letter.

- Awb art. 6:7: the termijn voor het indienen van een bezwaarschrift bedraagt zes weken.
- Awb art. 6:8 lid 1: the termijn vangt aan met ingang van de dag na die waarop het besluit op de voorgeschreven wijze
  is bekendgemaakt. kotwijzer takes the date of the letter (its dagtekening) as the day of bekendmaking, as the issue
  of a toeslag letter states it; so the last day is the date of the letter + 6 weeks (42 days).
- Algemene termijnenwet art. 1 lid 1: a term that ends on a Saturday, Sunday or algemeen erkende feestdag runs to the
  next day that is none of these; art. 3 lid 1 lists the feestdagen (Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide
  Kerstdagen, Hemelvaartsdag, the King's birthday as celebrated, 5 mei) and lid 2 adds Goede Vrijdag. Days that a
  Koninklijk besluit adds (art. 3 lid 3, e.g. the Friday after Hemelvaartsdag in some years) are not modelled: the
  result says so.
- Awb art. 6:9: a bezwaarschrift is on time when it is received before the end of the term (by post: posted before the
  end and received within a week after it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.easter import easter

from kotwijzer import i18n
from kotwijzer.formaat import MAANDNAMEN
from kotwijzer.i18n import _, ngettext

DAGNAMEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def datum_tekst(d: dt.date, met_dag: bool = False) -> str:
    """'vrijdag 2 januari 2026' in Dutch (the bezwaarschrift, the API); 'Friday 2 January 2026' on an English page."""
    if i18n.taal() == i18n.STANDAARD:
        t = f"{d.day} {MAANDNAMEN[d.month - 1]} {d.year}"
        return f"{DAGNAMEN[d.weekday()]} {t}" if met_dag else t
    from babel.dates import get_day_names

    t = i18n.datum(d)
    return f"{get_day_names('wide', locale=i18n.taal())[d.weekday()]} {t}" if met_dag else t


def koningsdag(jaar: int) -> dt.date:
    """The King's birthday as celebrated: 27 April, on a Sunday 26 April (since 2014)."""
    d = dt.date(jaar, 4, 27)
    return d - dt.timedelta(days=1) if d.weekday() == 6 else d


def feestdagen(jaar: int) -> dict[dt.date, str]:
    """Algemeen erkende feestdagen (Atw art. 3 lid 1) and Goede Vrijdag (lid 2) of one year."""
    p = easter(jaar)
    return {
        dt.date(jaar, 1, 1): "Nieuwjaarsdag",
        p - dt.timedelta(days=2): "Goede Vrijdag",
        p + dt.timedelta(days=1): "tweede Paasdag",
        koningsdag(jaar): "Koningsdag",
        dt.date(jaar, 5, 5): "5 mei",
        p + dt.timedelta(days=39): "Hemelvaartsdag",
        p + dt.timedelta(days=50): "tweede Pinksterdag",
        dt.date(jaar, 12, 25): "eerste Kerstdag",
        dt.date(jaar, 12, 26): "tweede Kerstdag",
    }


@dataclass(frozen=True)
class Bezwaartermijn:
    datum_brief: dt.date
    begint: dt.date  # the day after the letter (Awb 6:8 lid 1)
    zes_weken: dt.date  # last day of the six weeks (Awb 6:7)
    laatste_dag: dt.date  # after the Algemene termijnenwet
    verlengd_om: str | None  # why the term was extended (weekend or feestdag), else None
    vandaag: dt.date
    dagen_over: int  # days from today to the last day (0: today is the last day; negative: passed)

    @property
    def verlopen(self) -> bool:
        return self.dagen_over < 0

    def _reden(self) -> str:
        """'zaterdag', 'zondag' or 'feestdag (Koningsdag)' in the language of the moment (the name of a feestdag
        stays Dutch)."""
        v = self.verlengd_om or ""
        if v == "zaterdag":
            return _("zaterdag")
        if v == "zondag":
            return _("zondag")
        return _("feestdag ({naam})").format(naam=v.removeprefix("feestdag (").removesuffix(")"))

    def tekst(self) -> str:
        """What the deadline is and why, in the language of the moment (Dutch in the bezwaarschrift)."""
        basis = _(
            "De brief is gedateerd {datum}. De termijn voor bezwaar is zes weken (art. 6:7 Algemene wet "
            "bestuursrecht) en begint op de dag na de datum van de brief (art. 6:8 lid 1): {begint}."
        ).format(datum=datum_tekst(self.datum_brief), begint=datum_tekst(self.begint))
        if self.verlengd_om:
            basis += " " + _(
                "Zes weken later is {zes_weken}; dat is een {reden}, dus de termijn loopt door tot en met "
                "{laatste} (art. 1 Algemene termijnenwet)."
            ).format(
                zes_weken=datum_tekst(self.zes_weken, True),
                reden=self._reden(),
                laatste=datum_tekst(self.laatste_dag, True),
            )
        if self.verlopen:
            return (
                basis
                + " "
                + ngettext(
                    "Uw bezwaar moest uiterlijk {laatste} binnen zijn. Die termijn is {n} dag voorbij.",
                    "Uw bezwaar moest uiterlijk {laatste} binnen zijn. Die termijn is {n} dagen voorbij.",
                    -self.dagen_over,
                ).format(laatste=datum_tekst(self.laatste_dag, True), n=-self.dagen_over)
                + " "
                + _(
                    "Een te laat bezwaar wordt niet behandeld, tenzij u redelijkerwijs niet eerder kon (art. 6:11 "
                    "Algemene wet bestuursrecht): schrijf dan waarom. U kunt Dienst Toeslagen ook vragen de "
                    "beslissing te herzien."
                )
            )
        return (
            basis
            + " "
            + (
                _(
                    "Uw bezwaar moet uiterlijk vandaag, {laatste}, binnen zijn (art. 6:9 Algemene wet "
                    "bestuursrecht). Vandaag is de laatste dag."
                )
                if self.dagen_over == 0
                else ngettext(
                    "Uw bezwaar moet uiterlijk {laatste} binnen zijn (art. 6:9 Algemene wet bestuursrecht). U heeft "
                    "nog {n} dag.",
                    "Uw bezwaar moet uiterlijk {laatste} binnen zijn (art. 6:9 Algemene wet bestuursrecht). U heeft "
                    "nog {n} dagen.",
                    self.dagen_over,
                )
            ).format(laatste=datum_tekst(self.laatste_dag, True), n=self.dagen_over)
            + " "
            + _(
                "Dagen die de regering soms extra gelijkstelt aan een feestdag telt kotwijzer niet mee; reken niet op "
                "de laatste dag."
            )
        )


def bezwaartermijn(datum_brief: dt.date, vandaag: dt.date | None = None) -> Bezwaartermijn:
    vandaag = vandaag or dt.date.today()
    begint = datum_brief + dt.timedelta(days=1)
    zes_weken = datum_brief + dt.timedelta(weeks=6)
    laatste = zes_weken
    reden = None
    while True:
        fd = feestdagen(laatste.year).get(laatste)
        if laatste.weekday() == 5:
            reden = reden or "zaterdag"
        elif laatste.weekday() == 6:
            reden = reden or "zondag"
        elif fd:
            reden = reden or f"feestdag ({fd})"
        else:
            break
        laatste += dt.timedelta(days=1)
    return Bezwaartermijn(datum_brief, begint, zes_weken, laatste, reden, vandaag, (laatste - vandaag).days)
