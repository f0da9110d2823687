"""The municipal aanvullende tegemoetkoming per child per month (Wko art. 1.13), vectorised on int64 cents.

Wko art. 1.13: "Het college kan aan een ouder als bedoeld in artikel 1.6, eerste lid, onderdelen c, e, j, k of l,
een tegemoetkoming verstrekken in aanvulling op de kinderopvangtoeslag, zodanig dat het totaal van de
kinderopvangtoeslag en de tegemoetkoming niet meer bedraagt dan de kosten van kinderopvang, bedoeld in artikel
1.7, eerste lid." Those kosten are hours x min(price, maximum uurprijs) (art. 1.7 lid 1 and 2). So:

    aanvullend    = min(round(fractie_restant x max(kosten_begrensd - KOT, 0)), maximum)   [art. 1.13]
    boven_wettelijk = min(round(boven_wettelijk_fractie x max(werkelijke - kosten_begrensd, 0)), maximum)
                      [NOT art. 1.13: paid on another ground, e.g. bijzondere bijstand; flagged separately]
    eigen_bijdrage = max(werkelijke - KOT - aanvullend - boven_wettelijk, 0)

Only for parents in onderdelen c, e, j, k or l of Wko art. 1.6 lid 1 (the caller passes a boolean mask); for the
others both amounts are 0. A municipality without a policy (beleid None) pays nothing.

Rounding (AFRONDINGSREGEL): all amounts are whole cents per child per month; the fraction is rounded half-up
(0.5 cent becomes 1 cent). This rounding rule is the municipality's policy as modelled here, not national law:
Wko art. 1.13 says nothing about rounding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt

from kotwijzer.municipal.bronnen import (
    S000_AANBEVELING_BOVEN_MAX,
    S000_AANVULLENDE_TEGEMOETKOMING,
    WKO_KOSTEN,
    WKO_MAX_UURPRIJS,
    WKO_TEGEMOETKOMING,
    Seedverwijzing,
)
from kotwijzer.municipal.models import GemeentelijkBeleid
from kotwijzer.wetten.bron import Bron

AFRONDINGSREGEL = (
    "Alle bedragen zijn hele centen per kind per maand. Een deel van een cent wordt half naar boven afgerond "
    "(0,5 cent wordt 1 cent). Deze afronding is beleid van de gemeente, geen landelijke regel: artikel 1.13 van de "
    "Wet kinderopvang zegt niets over afronden."
)

ONDERDELEN_1_13: tuple[str, ...] = ("c", "e", "j", "k", "l")
"""The onderdelen of Wko art. 1.6 lid 1 whose parents may receive the art. 1.13 top-up."""

# art. 1.13 itself names the onderdelen c, e, j, k and l (k and l are not cited separately: their text is missing
# from the harvested law text, see the law README §1.2)
BRON: tuple[Bron, ...] = (WKO_TEGEMOETKOMING, WKO_KOSTEN, WKO_MAX_UURPRIJS)
SEEDBRON: tuple[Seedverwijzing, ...] = (S000_AANVULLENDE_TEGEMOETKOMING, S000_AANBEVELING_BOVEN_MAX)

Cent = npt.NDArray[np.int64]


class TegemoetkomingFout(ValueError):
    """Invalid input for the calculation; the Dutch message names the input."""


@dataclass(frozen=True)
class Tegemoetkoming:
    """Result per child-month (arrays of equal shape, int64 cents)."""

    aanvullend_cent: Cent  # the top-up under Wko art. 1.13
    boven_wettelijk_cent: Cent  # paid above the maximum uurprijs: NOT under art. 1.13 (flagged)
    eigen_bijdrage_cent: Cent  # what the parent still pays
    rest_cent: Cent  # kosten_begrensd - KOT (never negative): the room art. 1.13 allows
    boven_maximum_cent: Cent  # werkelijke kosten - kosten_begrensd: the part above the maximum uurprijs
    boven_wettelijk_grondslag: str = ""
    afronding: str = AFRONDINGSREGEL
    bron: tuple[Bron, ...] = BRON
    seedbron: tuple[Seedverwijzing, ...] = SEEDBRON
    toelichting: list[str] = field(default_factory=list)

    @property
    def heeft_boven_wettelijk(self) -> bool:
        return bool(np.any(self.boven_wettelijk_cent > 0))


def _als_cent(naam: str, waarde: Any) -> Cent:
    arr = np.asarray(waarde)
    if arr.dtype == np.bool_ or not (np.issubdtype(arr.dtype, np.integer)):
        if np.issubdtype(arr.dtype, np.floating) and np.all(np.isfinite(arr)) and np.all(arr == np.round(arr)):
            arr = arr.astype(np.int64)
        else:
            raise TegemoetkomingFout(f"'{naam}' moet uit hele centen bestaan (gehele getallen)")
    arr = arr.astype(np.int64, copy=False)
    if np.any(arr < 0):
        raise TegemoetkomingFout(f"'{naam}' mag niet negatief zijn")
    return arr


def _breuk(fractie: Decimal) -> tuple[int, int]:
    f = Fraction(fractie)
    return f.numerator, f.denominator


def _maal_half_omhoog(bedrag: Cent, fractie: Decimal) -> Cent:
    """round_half_up(bedrag x fractie) for non-negative int64 cents, exactly (integer arithmetic)."""
    teller, noemer = _breuk(fractie)
    if teller == 0:
        return np.zeros_like(bedrag)
    if teller == noemer:
        return bedrag.copy()
    # floor((2 * bedrag * teller + noemer) / (2 * noemer)) == floor(bedrag * teller / noemer + 1/2)
    # teller <= noemer <= 10**4 (the model allows at most 4 decimals), so this fits in int64 for amounts
    # below 4.6e14 cents; checked below.
    if np.any(bedrag > (np.iinfo(np.int64).max // (2 * noemer + 2))):
        raise TegemoetkomingFout("bedrag te groot voor een exacte berekening in centen")
    return (2 * bedrag * teller + noemer) // (2 * noemer)


def bereken_tegemoetkoming(
    kosten_begrensd_cent: Any,
    kot_cent: Any,
    werkelijke_kosten_cent: Any,
    beleid: GemeentelijkBeleid | None,
    doelgroep: Any = True,
) -> Tegemoetkoming:
    """The aanvullende tegemoetkoming per child-month.

    kosten_begrensd_cent   hours x min(price, maximum uurprijs): the "kosten" of Wko art. 1.7 lid 1
    kot_cent               the KOT for that child-month
    werkelijke_kosten_cent hours x actual price (at least kosten_begrensd)
    beleid                 the municipality's policy (None: no tegemoetkoming)
    doelgroep              boolean mask: the parent is in onderdeel c, e, j, k or l of Wko art. 1.6 lid 1

    Arrays are broadcast to one shape. Raises `TegemoetkomingFout` (Dutch) on invalid input.
    """
    kosten = _als_cent("kosten_begrensd_cent", kosten_begrensd_cent)
    kot = _als_cent("kot_cent", kot_cent)
    werkelijk = _als_cent("werkelijke_kosten_cent", werkelijke_kosten_cent)
    masker = np.asarray(doelgroep)
    if masker.dtype != np.bool_:
        raise TegemoetkomingFout("'doelgroep' moet een masker van ja/nee-waarden zijn (bool)")
    try:
        kosten, kot, werkelijk, masker = np.broadcast_arrays(kosten, kot, werkelijk, masker)
    except ValueError:
        raise TegemoetkomingFout(
            "'kosten_begrensd_cent', 'kot_cent', 'werkelijke_kosten_cent' en 'doelgroep' hebben niet dezelfde vorm"
        ) from None
    if np.any(werkelijk < kosten):
        raise TegemoetkomingFout(
            "'werkelijke_kosten_cent' mag niet lager zijn dan 'kosten_begrensd_cent' (de kosten tot de maximum "
            "uurprijs zijn een deel van de werkelijke kosten)"
        )
    rest = np.maximum(kosten - kot, 0)
    boven_max = werkelijk - kosten
    nul = np.zeros(kosten.shape, dtype=np.int64)
    toelichting: list[str] = []
    if beleid is None:
        aanvullend = nul.copy()
        boven = nul.copy()
        grondslag = ""
        toelichting.append("De gemeente geeft geen aanvullende tegemoetkoming.")
    else:
        aanvullend = _maal_half_omhoog(rest, beleid.fractie_restant)
        if beleid.maximum_per_maand_cent is not None:
            aanvullend = np.minimum(aanvullend, beleid.maximum_per_maand_cent)
        aanvullend = np.where(masker, np.clip(aanvullend, 0, rest), 0).astype(np.int64)
        grondslag = beleid.boven_wettelijk_grondslag
        if beleid.boven_wettelijk and beleid.boven_wettelijk_fractie is not None:
            boven = _maal_half_omhoog(boven_max, beleid.boven_wettelijk_fractie)
            if beleid.boven_wettelijk_maximum_per_maand_cent is not None:
                boven = np.minimum(boven, beleid.boven_wettelijk_maximum_per_maand_cent)
            boven = np.where(masker, np.clip(boven, 0, boven_max), 0).astype(np.int64)
            toelichting.append(
                "De gemeente betaalt ook een deel van de kosten boven de maximum uurprijs. Dat deel valt niet onder "
                "artikel 1.13 van de Wet kinderopvang"
                + (f"; de gemeente betaalt het uit: {grondslag}." if grondslag else ".")
            )
        else:
            boven = nul.copy()
    eigen = np.maximum(werkelijk - kot - aanvullend - boven, 0).astype(np.int64)
    return Tegemoetkoming(
        aanvullend_cent=aanvullend.astype(np.int64),
        boven_wettelijk_cent=boven.astype(np.int64),
        eigen_bijdrage_cent=eigen,
        rest_cent=rest.astype(np.int64),
        boven_maximum_cent=boven_max.astype(np.int64),
        boven_wettelijk_grondslag=grondslag,
        toelichting=toelichting,
    )


def tegemoetkoming_voor_onderdeel(onderdelen: Any) -> npt.NDArray[np.bool_]:
    """Mask helper: True where the onderdeel (a letter of Wko art. 1.6 lid 1, e.g. 'c') allows art. 1.13."""
    arr = np.asarray(onderdelen, dtype=object)
    return np.isin(arr, ONDERDELEN_1_13)
