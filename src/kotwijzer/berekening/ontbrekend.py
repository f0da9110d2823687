"""What an amount needs but kotwijzer does not have (verified): the maximum uurprijs, the table, a cell of the table
or the toetsingsinkomen, and in which months that matters. Never a guess: those amounts stay empty."""

from __future__ import annotations

from typing import Any, Literal

from kotwijzer.kern import Uitkomst
from kotwijzer.params import OntbrekendeWetgeving, maximum_uurprijs, tabel
from kotwijzer.signalen import BedragenPerSoort, Signaal

Code = Literal["toetsingsinkomen", "tabel", "tabelcel", "maximum_uurprijs"]


def _melding(tekst: str, maanden: list[int]) -> Signaal:
    """A message of the law data itself (`kotwijzer.params`), passed on as it is."""
    return Signaal.van("ontbrekend.melding", "ontbrekend", tuple(maanden), melding=tekst)


def aangekondigd(jaar: int) -> Signaal | None:
    """Maximum uurprijzen announced for `jaar` but not yet fixed (shown, never used). The kernel does not read an
    announced value, so this reads it from the law data (only when the year has no fixed maximum uurprijs)."""
    try:
        mu = maximum_uurprijs(jaar, ook_aangekondigd=True)
    except OntbrekendeWetgeving:
        return None
    if mu.status != "aangekondigd":
        return None
    from kotwijzer.params.indicatie import indicatie_voor_jaar

    code = (
        "maximum_uurprijs.aangekondigd_indicatie"
        if indicatie_voor_jaar(jaar) is not None
        else "maximum_uurprijs.aangekondigd"
    )
    return Signaal.van(
        code, "waarschuwing", bronnen=mu.bronnen, jaar=jaar, bedragen=BedragenPerSoort(tuple(mu.cent.items()))
    )


def ontbrekend(
    u: Uitkomst,
    inkomen: int | None,
    rij: dict[str, Any] | None,
    mnd_zonder: list[int],
    cel_maanden: dict[bool, list[int]],
) -> list[tuple[Code, Signaal]]:
    """Per missing piece of law data or input: its code and the signal that explains it."""
    out: list[tuple[Code, Signaal]] = []
    t = u.tabel
    if u.prijs_fout is not None and mnd_zonder:
        out.append(("maximum_uurprijs", _melding(u.prijs_fout, mnd_zonder)))
        if t is None:  # the table is missing too: say so (the kernel stopped at the maximum uurprijs)
            try:
                tabel(u.jaar)
            except OntbrekendeWetgeving as e:
                out.append(("tabel", _melding(str(e), mnd_zonder)))
    if u.tabel_fout is not None and mnd_zonder:
        out.append(("tabel", _melding(u.tabel_fout, mnd_zonder)))
    elif u.prijs_fout is None and t is None and mnd_zonder:
        out.append(("tabel", Signaal.van("ontbrekend.geen_tabel", "ontbrekend", tuple(mnd_zonder), jaar=u.jaar)))
    zonder_fout = u.prijs_fout is None and u.tabel_fout is None
    if inkomen is None and mnd_zonder and zonder_fout:
        out.append(("toetsingsinkomen", Signaal.van("ontbrekend.toetsingsinkomen", "ontbrekend", tuple(mnd_zonder))))
    if t is not None and inkomen is not None and rij is None and mnd_zonder and zonder_fout:
        out.append(("tabel", _melding(t.melding_buiten_tabel(inkomen), mnd_zonder)))
    if t is not None and rij is not None and inkomen is not None:
        for eerste, mnd in cel_maanden.items():
            if mnd:
                out.append(("tabelcel", _melding(t.melding_cel(inkomen, eerste), sorted(set(mnd)))))
    return out
