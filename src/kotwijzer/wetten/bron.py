"""A legal source reference: law, artikel, lid, onderdeel (and subonderdeel).

Every rule and parameter in kotwijzer carries one or more `Bron` objects. The text of each
cited provision is shipped per version date in `kotwijzer/wetten/data/` and resolved by
`kotwijzer.wetten.tekst()`; a test fails on a citation that does not exist in the version used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

# Short names of the regulations kotwijzer cites, with their official title and BWB id.
WETTEN: dict[str, tuple[str, str]] = {
    "Wko": ("Wet kinderopvang", "BWBR0017017"),
    "Bkot": ("Besluit kinderopvangtoeslag", "BWBR0017321"),
    "Awir": ("Algemene wet inkomensafhankelijke regelingen", "BWBR0018472"),
    "Pw": ("Participatiewet", "BWBR0015703"),
    "Wlz": ("Wet langdurige zorg", "BWBR0035917"),
}


@dataclass(frozen=True, slots=True)
class Bron:
    """A citation such as Wko art. 1.6 lid 1 onder c."""

    wet: str
    artikel: str
    lid: str | None = None
    onderdeel: str | None = None
    sub: str | None = None  # subonderdeel such as "4°"
    # Years in which this citation applies, when the provision exists only in some versions (e.g. Wko 1.6 lid 11,
    # 2022-2025). A rule that cites it is tested against the law text of every year in that range.
    vanaf_jaar: int | None = None
    tot_jaar: int | None = None

    def __post_init__(self) -> None:
        if self.wet not in WETTEN:
            raise ValueError(f"Onbekende wet in bronvermelding: {self.wet!r}")

    def geldt_in(self, jaar: int) -> bool:
        return (self.vanaf_jaar is None or jaar >= self.vanaf_jaar) and (self.tot_jaar is None or jaar <= self.tot_jaar)

    @property
    def titel(self) -> str:
        return WETTEN[self.wet][0]

    def kort(self) -> str:
        """Short Dutch citation, e.g. 'art. 1.6 lid 1 onder c Wko'."""
        s = f"art. {self.artikel}"
        if self.lid:
            s += f" lid {self.lid}"
        if self.onderdeel and len(self.onderdeel) > 2:  # a defined term, e.g. art. 1.1 'kinderopvang'
            return f"{s} {self.wet} (begrip {self.onderdeel})"
        if self.onderdeel:
            s += f" onder {self.onderdeel}"
        if self.sub:
            s += f" {self.sub}"
        return f"{s} {self.wet}"

    def __str__(self) -> str:  # pragma: no cover - convenience
        return self.kort()

    def as_dict(self) -> dict[str, str | None]:
        return {
            "wet": self.wet,
            "artikel": self.artikel,
            "lid": self.lid,
            "onderdeel": self.onderdeel,
            "sub": self.sub,
            "citaat": self.kort(),
        }


def wko(
    artikel: str,
    lid: str | int | None = None,
    onderdeel: str | None = None,
    sub: str | None = None,
    vanaf: int | None = None,
    tot: int | None = None,
) -> Bron:
    return Bron("Wko", artikel, None if lid is None else str(lid), onderdeel, sub, vanaf, tot)


def bkot(
    artikel: str,
    lid: str | int | None = None,
    onderdeel: str | None = None,
    sub: str | None = None,
    vanaf: int | None = None,
    tot: int | None = None,
) -> Bron:
    return Bron("Bkot", artikel, None if lid is None else str(lid), onderdeel, sub, vanaf, tot)


def awir(
    artikel: str,
    lid: str | int | None = None,
    onderdeel: str | None = None,
    sub: str | None = None,
    vanaf: int | None = None,
    tot: int | None = None,
) -> Bron:
    return Bron("Awir", artikel, None if lid is None else str(lid), onderdeel, sub, vanaf, tot)


def pw(
    artikel: str,
    lid: str | int | None = None,
    onderdeel: str | None = None,
    sub: str | None = None,
    vanaf: int | None = None,
    tot: int | None = None,
) -> Bron:
    return Bron("Pw", artikel, None if lid is None else str(lid), onderdeel, sub, vanaf, tot)


def wlz(
    artikel: str,
    lid: str | int | None = None,
    onderdeel: str | None = None,
    sub: str | None = None,
    vanaf: int | None = None,
    tot: int | None = None,
) -> Bron:
    return Bron("Wlz", artikel, None if lid is None else str(lid), onderdeel, sub, vanaf, tot)


_F = TypeVar("_F", bound=Callable[..., Any])


def citeert(*bronnen: Bron) -> Callable[[_F], _F]:
    """Decorator: the provisions a rule implements, kept as `rule.bronnen` (the explanation cites them; the tests check
    that each exists in the law text of every year it applies to). The function itself is returned unchanged."""
    if not bronnen or not all(isinstance(b, Bron) for b in bronnen):
        raise TypeError("citeert() needs one or more Bron objects")

    def zet(f: _F) -> _F:
        f.bronnen = tuple(bronnen)  # type: ignore[attr-defined]
        return f

    return zet


def zonder_bron(reden: str) -> Callable[[_F], _F]:
    """Decorator for a public helper among the rules that implements no provision of its own (calendar or cent
    arithmetic, a listing): `bronnen` is empty and `reden` says why, so that the code-health test can tell it from a
    rule whose citation is missing."""
    if not reden.strip():
        raise ValueError("zonder_bron() needs a reason")

    def zet(f: _F) -> _F:
        f.bronnen = ()  # type: ignore[attr-defined]
        f.zonder_bron = reden  # type: ignore[attr-defined]
        return f

    return zet
