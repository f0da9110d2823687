"""The parameters a result rests on, from what the kernel handed over (`Uitkomst.gelezen`, `.maximum_uurprijs`,
`.tabel`): value, status, citations and publication, without going back to the parameter loader."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from kotwijzer.berekening.opbouw import bouw, bronnen_uit
from kotwijzer.kern import Uitkomst
from kotwijzer.model import GelezenParameter
from kotwijzer.wetten.bron import awir, bkot

# Bijlage I is set by Bkot art. 8 lid 2 and art. 6; the income it is read with is the toetsingsinkomen of Awir art. 7/8
TABEL_BRONNEN = (bkot("8", 2), bkot("6"), awir("7", 1), awir("8", 1))


def rij_van(u: Uitkomst, inkomen: int | None) -> dict[str, Any] | None:
    """The row of the table the kernel used for this income; None without a table, an income, or a row for it."""
    t = u.tabel
    if t is None or inkomen is None or int(t.rij_index(inkomen)) < 0:
        return None
    return t.rij(inkomen)


def gelezen_parameters(u: Uitkomst, rij: dict[str, Any] | None) -> list[GelezenParameter]:
    out = [bouw(GelezenParameter, naam=w.naam, waarde=w.waarde, status=w.status,
                                            bron=bronnen_uit(w.bronnen, u.jaar), publicatie=w.publicatie)
           for w in u.gelezen.values()]
    mu = u.maximum_uurprijs
    if mu is not None:
        out.append(GelezenParameter.model_construct(
            naam="maximum_uurprijs", waarde={k: f"{v / 100:.2f}" for k, v in mu.cent.items()}, status=mu.status,
            bron=bronnen_uit(mu.bronnen, u.jaar), publicatie=mu.bron))
    if u.tabel is not None and rij is not None:
        out.append(GelezenParameter.model_construct(
            naam="percentage_tabel", waarde={k: (str(v) if isinstance(v, Decimal) else v) for k, v in rij.items()},
            status=u.tabel.status, bron=bronnen_uit(TABEL_BRONNEN), publicatie=u.tabel.bron))
    return out
