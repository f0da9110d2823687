"""Month by month and child by child: the conditions, hours, costs, percentage and toeslag of one household-year,
read off the kernel's arrays (`kotwijzer.kern.Uitkomst`), and the facts the year-level signals need."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kotwijzer.berekening.condities import (
    aanspraak_conditie,
    activiteiten_per_maand,
    kind_condities,
    kind_redenen,
    met_activiteit,
    ouder_conditie,
    partner_bloedverwant,
    reden_bronnen,
)
from kotwijzer.berekening.opbouw import afronden, bouw, cent, kopie, kosten_dec, uren, voorschot_cent
from kotwijzer.invoer import SOORT_NAAM, Batch
from kotwijzer.kern import Uitkomst, maand_aanspraak
from kotwijzer.model import Conditie, Huishouden, KindMaand, Maanduitkomst
from kotwijzer.params.loader import CELSTATUS_TEKST, MaximumUurprijs
from kotwijzer.rules import bedrag as rb
from kotwijzer.rules import codes as c


@dataclass
class Jaarstand:
    """What the months add up to, and the facts the year-level signals need."""

    toeslag: int = 0  # cents
    kosten_e: int = 0  # 1/10,000 euro
    werkelijk_e: int = 0
    uren: int = 0  # hundredths of an hour
    bedrag_compleet: bool = True  # every amount of the year known
    wissel_maanden: list[int] = field(default_factory=list)  # 1-12: the first-child rule can lower the toeslag
    gelijk_maanden: list[int] = field(default_factory=list)  # 1-12: children with equal hours and costs
    ontbrekende_cel_maanden: dict[bool, list[int]] = field(default_factory=lambda: {True: [], False: []})
    gebruikte_cellen: dict[tuple[bool, str], Decimal] = field(default_factory=dict)  # (eerste kind, status) -> %


@dataclass
class Invoer:
    """The arrays of one household as plain Python lists (indexing numpy scalars is what costs time here)."""

    h: Huishouden
    u: Uitkomst
    jaar: int
    mu: MaximumUurprijs | None
    rij: dict[str, Any] | None
    heeft_partner: bool
    labels: list[str]
    activiteiten: dict[str, list[Any]]
    gelijk: list[bool]
    soort: list[list[int]]
    bits: list[list[int]]
    gevraagd: list[list[int]]
    grens: list[list[int]]
    telt: list[list[int]]
    kind_ok: list[list[bool]]
    prijs: list[list[int]]
    werk: list[list[int]]
    bekend: list[list[bool]] | None
    sit: list[list[int]]
    reden: list[int]
    aanspraak: list[bool]
    kosten: list[list[int]] | None = None
    eerste: list[list[bool]] | None = None
    promille: list[list[int]] | None = None
    toeslag: list[list[int]] | None = None
    gebruikt: list[list[int]] | None = None


def invoer(h: Huishouden, b: Batch, u: Uitkomst, rij: dict[str, Any] | None) -> Invoer:
    heeft_bedrag = u.kosten_e is not None
    gelijk = rb.eerste_kind_gelijk(u.uren_cu, u.kosten_e)[0].tolist() if u.kosten_e is not None else [False] * 12
    assert u.kind_bits is not None and u.reden is not None and u.werkelijke_kosten_e is not None
    inv = Invoer(
        h=h,
        u=u,
        jaar=b.jaar,
        mu=u.maximum_uurprijs,
        rij=rij,
        heeft_partner=h.partner is not None and not h.partner_is_bloedverwant,
        labels=[k.label or f"kind {i + 1}" for i, k in enumerate(h.kinderen)],
        activiteiten=activiteiten_per_maand(b.notities),
        gelijk=gelijk,
        soort=b.soort[0].tolist(),
        bits=u.kind_bits[0].tolist(),
        gevraagd=u.uren_gevraagd_cu[0].tolist(),
        grens=u.uren_na_maandgrens_cu[0].tolist(),
        telt=u.uren_cu[0].tolist(),
        kind_ok=u.kind_ok[0].tolist(),
        prijs=b.prijs_cent[0].tolist(),
        werk=u.werkelijke_kosten_e[0].tolist(),
        bekend=None if u.toeslag_bekend is None else u.toeslag_bekend[0].tolist(),
        sit=b.sit[0].tolist(),
        reden=u.reden[0].tolist(),
        aanspraak=maand_aanspraak(u, b)[0].tolist(),
    )
    if u.eerste_kind is not None:  # also without kosten: Bkot art. 3 lid 2 needs only the hours
        inv.eerste = u.eerste_kind[0].tolist()
    if heeft_bedrag:
        assert u.eerste_kind is not None and u.promille is not None and u.toeslag_cent is not None
        assert u.kosten_e is not None and u.prijs_gebruikt_cent is not None
        inv.kosten = u.kosten_e[0].tolist()
        inv.eerste = u.eerste_kind[0].tolist()
        inv.promille = u.promille[0].tolist()
        inv.toeslag = u.toeslag_cent[0].tolist()
        inv.gebruikt = u.prijs_gebruikt_cent[0].tolist()
    return inv


def _eerste_kind_reden(inv: Invoer, k: int, m: int, telt: int) -> str:
    """Bkot art. 3 lid 2, 3 or 4: why this child is the first child."""
    andere = [j for j in range(len(inv.labels)) if j != k and inv.telt[j][m] == telt]
    return "gelijk" if inv.gelijk[m] else ("hoogste_kosten" if andere else "meeste_uren")


def kind_maand(inv: Invoer, stand: Jaarstand, k: int, m: int) -> tuple[KindMaand, int | None, int | None, bool]:
    """One child in one month; also (toeslag, eigen bijdrage) in cents (None when not known) and whether every
    amount is known."""
    s = inv.soort[k][m]
    bits = inv.bits[k][m]
    werk_e = inv.werk[k][m]
    redenen = list(kind_redenen(bits))
    gevraagd, na_grens, telt = inv.gevraagd[k][m], inv.grens[k][m], inv.telt[k][m]
    if bits == 0 and gevraagd > na_grens:
        redenen.append("meer_dan_230_uur")
    if bits == 0 and telt < na_grens:
        redenen.append("urenpotje_op")
    heeft_bedrag = inv.kosten is not None
    bekend = True if inv.bekend is None else inv.bekend[k][m]
    kosten_e = inv.kosten[k][m] if inv.kosten is not None else None
    eerste = inv.eerste[k][m] if inv.eerste is not None else False
    promille = inv.promille[k][m] if inv.promille is not None else -1
    toe = inv.toeslag[k][m] if (inv.toeslag is not None and bekend) else (0 if telt == 0 else None)
    eigen = None if toe is None else afronden(werk_e) - toe
    reden_eerste = _eerste_kind_reden(inv, k, m, telt) if eerste and telt > 0 else None
    bron_pct = None
    if telt > 0 and promille >= 0 and inv.rij is not None:
        st = inv.rij["status_eerste_kind" if eerste else "status_overige_kinderen"]
        bron_pct = CELSTATUS_TEKST[st]
        stand.gebruikte_cellen[(eerste, st)] = Decimal(promille) / 10
    compleet = True
    if telt > 0 and toe is None:
        compleet = False
        if heeft_bedrag and inv.u.tabel_fout is None and inv.h.toetsingsinkomen is not None and inv.rij is not None:
            stand.ontbrekende_cel_maanden[eerste].append(m + 1)
    soort = SOORT_NAAM[s]
    assert soort is not None  # a month without childcare has no KindMaand
    km = bouw(
        KindMaand,
        kind=k + 1,
        label=inv.labels[k],
        opvangsoort=soort,
        aanspraak=inv.kind_ok[k][m] and telt > 0,
        redenen=redenen,
        uren_opgegeven=uren(gevraagd),
        uren_in_aanmerking=uren(telt),
        uurprijs=cent(inv.prijs[k][m]),
        maximum_uurprijs=cent(inv.mu.cent[soort.value]) if inv.mu is not None else None,
        uurprijs_gebruikt=cent(inv.gebruikt[k][m]) if inv.gebruikt is not None else None,
        kosten=kosten_dec(kosten_e) if kosten_e is not None else None,
        werkelijke_kosten=kosten_dec(werk_e),
        eerste_kind=eerste,
        eerste_kind_reden=reden_eerste,
        percentage=Decimal(promille) / 10 if (telt > 0 and promille >= 0) else None,
        percentage_bron=bron_pct,
        toeslag=cent(toe) if toe is not None else None,
        eigen_bijdrage=cent(eigen) if eigen is not None else None,
        condities=list(kind_condities(bits, inv.jaar)),
    )
    if kosten_e is not None:
        stand.kosten_e += kosten_e
    stand.werkelijk_e += werk_e
    stand.uren += telt
    return km, toe, eigen, compleet


def _ouder_condities(inv: Invoer, m: int, reden: c.Reden) -> list[Conditie]:
    u, jaar = inv.u, inv.jaar
    cond = [
        met_activiteit(
            ouder_conditie(inv.sit[0][m], "aanvrager", u.uitzondering, u.lid1, jaar), inv.activiteiten["aanvrager"][m]
        )
    ]
    if inv.heeft_partner:
        cond.append(
            met_activiteit(
                ouder_conditie(inv.sit[1][m], "partner", u.uitzondering, u.lid1, jaar), inv.activiteiten["partner"][m]
            )
        )
    elif inv.h.partner is not None:
        cond.append(partner_bloedverwant())
    cond.append(aanspraak_conditie(reden, jaar))
    return cond


def maand(inv: Invoer, stand: Jaarstand, m: int) -> Maanduitkomst:
    reden = c.REDEN_PER_NUMMER[inv.reden[m]]
    kinderen: list[KindMaand] = []
    toeslag_m = eigen_m = 0
    maand_compleet = True
    for k in range(len(inv.labels)):
        if inv.soort[k][m] == 0:
            continue
        km, toe, eigen, compleet = kind_maand(inv, stand, k, m)
        kinderen.append(km)
        maand_compleet &= compleet
        if toe is not None and eigen is not None:
            toeslag_m += toe
            eigen_m += eigen
    stand.toeslag += toeslag_m
    stand.bedrag_compleet &= maand_compleet
    # several children with different prices: the first-child rule can make more hours give less toeslag
    if inv.gebruikt is not None and inv.promille is not None:
        actief = [k for k in range(len(inv.labels)) if inv.soort[k][m] and inv.telt[k][m] > 0]
        if (
            len(actief) >= 2
            and len({inv.gebruikt[k][m] for k in actief}) > 1
            and len({inv.promille[k][m] for k in actief if inv.promille[k][m] >= 0}) > 1
        ):
            stand.wissel_maanden.append(m + 1)
    if inv.gelijk[m]:
        stand.gelijk_maanden.append(m + 1)
    return bouw(
        Maanduitkomst,
        maand=m + 1,
        aanspraak=inv.aanspraak[m],
        reden=reden.code,
        uitleg=reden.uitleg,
        bronnen=list(reden_bronnen(reden.nummer, inv.jaar)),
        condities=_ouder_condities(inv, m, reden),
        kinderen=kinderen,
        toeslag=cent(toeslag_m) if maand_compleet else None,
        uitbetaling_voorschot=cent(voorschot_cent(toeslag_m)) if maand_compleet else None,
        eigen_bijdrage=cent(eigen_m) if maand_compleet else None,
    )


def _sleutels(inv: Invoer) -> list[tuple[Any, ...]]:
    """Per month everything it is computed from except its number: two months with the same key have the same
    outcome."""
    rijen: list[list[list[Any]]] = [
        inv.soort,
        inv.bits,
        inv.gevraagd,
        inv.grens,
        inv.telt,
        inv.kind_ok,
        inv.prijs,
        inv.werk,
    ]
    rijen += [x for x in (inv.bekend, inv.kosten, inv.eerste, inv.promille, inv.toeslag, inv.gebruikt) if x is not None]
    per_kind = [rij for kol in rijen for rij in kol]
    per_maand: list[tuple[Any, ...]] = list(zip(*per_kind, strict=True)) if per_kind else [()] * 12
    ouders = zip(
        inv.reden,
        inv.aanspraak,
        inv.sit[0],
        inv.sit[1],
        map(id, inv.activiteiten["aanvrager"]),
        map(id, inv.activiteiten["partner"]),
        inv.gelijk,
        strict=True,
    )
    return [(*a, *b) for a, b in zip(ouders, per_maand, strict=True)]


def _stand(stand: Jaarstand) -> tuple[int, ...]:
    return (
        stand.toeslag,
        stand.kosten_e,
        stand.werkelijk_e,
        stand.uren,
        len(stand.wissel_maanden),
        len(stand.gelijk_maanden),
        len(stand.ontbrekende_cel_maanden[True]),
        len(stand.ontbrekende_cel_maanden[False]),
    )


def _herhaal(vorige: Maanduitkomst, m: int, stand: Jaarstand, delta: tuple[int, ...]) -> Maanduitkomst:
    """Month `m` computed from the same facts as the month before: the same outcome with its own number, and the
    same additions to the year. Its children are the month before's `KindMaand` objects (a child-month has no month
    number; like the citations and conditions, they are read-only once built), in a list of its own."""
    stand.toeslag += delta[0]
    stand.kosten_e += delta[1]
    stand.werkelijk_e += delta[2]
    stand.uren += delta[3]
    stand.bedrag_compleet &= vorige.toeslag is not None
    for lijst, n in (
        (stand.wissel_maanden, delta[4]),
        (stand.gelijk_maanden, delta[5]),
        (stand.ontbrekende_cel_maanden[True], delta[6]),
        (stand.ontbrekende_cel_maanden[False], delta[7]),
    ):
        if n:
            lijst.extend([m + 1] * n)
    return kopie(
        vorige,
        maand=m + 1,
        bronnen=list(vorige.bronnen),
        condities=list(vorige.condities),
        kinderen=list(vorige.kinderen),
    )


def maanden(inv: Invoer) -> tuple[list[Maanduitkomst], Jaarstand]:
    stand = Jaarstand()
    uit: list[Maanduitkomst] = []
    vorige_sleutel: tuple[Any, ...] | None = None
    delta: tuple[int, ...] = ()
    for m, sleutel in enumerate(_sleutels(inv)):
        if sleutel == vorige_sleutel:
            uit.append(_herhaal(uit[-1], m, stand, delta))
            continue
        voor = _stand(stand)
        uit.append(maand(inv, stand, m))
        delta = tuple(b - a for a, b in zip(voor, _stand(stand), strict=True))
        vorige_sleutel = sleutel
    return uit, stand
