"""The yearly pool of hours per child (Bkot art. 8a): with the koppeling gewerkte uren (to 2022) one per opvangsoort
from the worked hours, from 2023 one for all childcare from the months a parent worked (or had a situation that
counts)."""

from __future__ import annotations

from kotwijzer.berekening.opbouw import bronnen_uit, uren
from kotwijzer.explain.signaaltekst import tekst
from kotwijzer.kern import Uitkomst
from kotwijzer.model import Urenpotje
from kotwijzer.rules import uren as ru
from kotwijzer.signalen import PerOuder, Signaal


def signalen(u: Uitkomst, heeft_partner: bool) -> list[tuple[str, int, Signaal]]:
    """Per pool: its name, its size in hundredths of an hour and the signal that explains it."""
    out: list[tuple[str, int, Signaal]] = []
    if u.waarde("koppeling_gewerkte_uren"):
        pct = {
            "dagopvang": u.waarde("kgu_percentage_dagopvang"),
            "buitenschoolse_opvang": u.waarde("kgu_percentage_bso"),
        }
        code = "urenpotje.kgu_corona" if u.waarde("kgu_corona_verruiming") else "urenpotje.kgu"
        for naam, pot in u.potjes_cu.items():
            po = u.per_ouder[naam][0]
            per_ouder = [("aanvrager", uren(int(po[0]) // 100))]
            if heeft_partner:
                per_ouder.append(("partner", uren(int(po[1]) // 100)))
            out.append(
                (
                    naam,
                    int(pot[0]),
                    Signaal.van(
                        code,
                        "urenpotje",
                        bronnen=ru.BRON_KGU,
                        jaar=u.jaar,
                        percentage=int(pct[naam]),
                        per_ouder=PerOuder(tuple(per_ouder), "uur"),
                    ),
                )
            )
    else:
        mnd = u.per_ouder["maanden"][0]
        per_ouder_m = [("aanvrager", int(mnd[0]))]
        if heeft_partner:
            per_ouder_m.append(("partner", int(mnd[1])))
        out.append(
            (
                "alle_opvang",
                int(u.potjes_cu["alle_opvang"][0]),
                Signaal.van(
                    "urenpotje.ontkoppeld",
                    "urenpotje",
                    bronnen=ru.BRON_ONTKOPPELD,
                    per_ouder=PerOuder(tuple(per_ouder_m), "maanden"),
                ),
            )
        )
    return out


def urenpotjes(u: Uitkomst, heeft_partner: bool) -> list[Urenpotje]:
    return [
        Urenpotje.model_construct(
            kind=0, soort=naam, uren=uren(pot), uitleg=tekst(s), bronnen=bronnen_uit(s.bronnen, u.jaar)
        )
        for naam, pot, s in signalen(u, heeft_partner)
    ]
