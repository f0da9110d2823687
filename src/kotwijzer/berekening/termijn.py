"""The application deadline (Wko art. 1.3 lid 2 onder b): an application reaches back to the first day of the
third calendar month before the application month. Computed here once; the web pages read it from the result or
call `uiterste_aanvraagdatum`."""

from __future__ import annotations

import datetime as dt

from kotwijzer.kern import Uitkomst
from kotwijzer.params import parameters_voor_jaar
from kotwijzer.signalen import Maanden, Signaal, Waarde
from kotwijzer.wetten.bron import wko


def maand_einde(jaar: int, maand_index: int) -> dt.date:
    """Last day of month `maand_index` (0-based, may run past December) counted from January of `jaar`."""
    j, m = divmod(maand_index, 12)
    eerste_volgende = dt.date(jaar + j + (m + 1) // 12, (m + 1) % 12 + 1, 1)
    return eerste_volgende - dt.timedelta(days=1)


def aanvragen_uiterlijk(jaar: int, eerste_maand: int, terugwerkende_kracht_maanden: int) -> dt.date:
    """The last day an application still reaches month `eerste_maand` (1-12) of `jaar`."""
    return maand_einde(jaar, eerste_maand - 1 + terugwerkende_kracht_maanden)


def uiterste_aanvraagdatum(jaar: int, eerste_maand: int) -> dt.date:
    """`aanvragen_uiterlijk` with the retroactivity of the law of `jaar` (for a page that has no `Resultaat`)."""
    return aanvragen_uiterlijk(jaar, eerste_maand, int(parameters_voor_jaar(jaar).terugwerkende_kracht_maanden))


def termijn(u: Uitkomst, aanvraagdatum: dt.date) -> tuple[dt.date | None, list[int], Signaal | None]:
    """The deadline to miss no month with a right (None without such a month), the months lost because the
    application is too late, and the signal that says so."""
    verloren_l = u.verloren[0].tolist()
    aanspraak_l = u.aanspraak[0].tolist()
    verloren = [m + 1 for m in range(12) if verloren_l[m]]
    voor_termijn = [m + 1 for m in range(12) if aanspraak_l[m] or verloren_l[m]]
    n_terug = int(u.waarde("terugwerkende_kracht_maanden"))
    uiterlijk = aanvragen_uiterlijk(u.jaar, voor_termijn[0], n_terug) if voor_termijn else None
    if not verloren:
        return uiterlijk, verloren, None
    j, m0 = divmod(aanvraagdatum.year * 12 + aanvraagdatum.month - 1 - n_terug, 12)
    assert uiterlijk is not None  # a lost month is a month with a right
    waarden: dict[str, Waarde] = {
        "jaar": u.jaar,
        "aanvraagdatum": aanvraagdatum,
        "eerste_dag": dt.date(j, m0 + 1, 1),
        "uiterlijk": uiterlijk,
    }
    if len(verloren) == 12:
        s = Signaal.van("termijn.te_laat_hele_jaar", "waarschuwing", tuple(verloren), (wko("1.3", 2, "b"),), **waarden)
    else:
        s = Signaal.van(
            "termijn.te_laat",
            "waarschuwing",
            tuple(verloren),
            (wko("1.3", 2, "b"),),
            namen=Maanden(tuple(verloren), opsomming=True),
            **waarden,
        )
    return uiterlijk, verloren, s
