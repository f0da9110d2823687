"""Refactoring-equivalence check: the JSON of `bereken()` and `voorwaardencheck()`, the explanation text and the next
steps are unchanged for every saved household.

tests/data/bereken_corpus.json.gz holds the households of examples/ and every household the test suite gave to
`bereken()` or `voorwaardencheck()` (recorded with scripts/snapshot_verzamel.py and written with
scripts/snapshot_schrijf.py), each with the output of the code as it was before `kotwijzer.compute` was split into
`kotwijzer.berekening` (main at c8e0d22). This is a refactoring check, not a test of the law: the expectations of the
law come from independent sources in the other tests. An output that an issue changes on purpose is listed in
`BEWUST_GEWIJZIGD` with the issue and the field, or the corpus is written again with the list of what changed:

- issue 18 (corpus written again): the new field `bereik` (null where the law fixes every amount; a range for 2025
  next children above EUR 50.811; an indication for 2027) and its lines in the explanation; a month has aanspraak only
  when a child may have care in it (unborn, secondary school: `maanden[].aanspraak`, `jaar.maanden_met_aanspraak`,
  `maanden_met_aanspraak` of the voorwaardencheck); no cost before a child is born (`werkelijke_kosten`,
  `uren_opgegeven`, `eigen_bijdrage`); the first child by hours where the kosten are unknown (2027); the missing
  table named beside the missing maximum uurprijs (`ontbrekend`, `rekenfout`); the 2021 hour pool cites Stb. 2021,
  434; the announced 2027 prices are said to be used for the indication; the next steps of a past year speak of the
  assessment and the bezwaar deadline, computed from the corpus's own date (`vandaag`).
- issue 17 (finding 9): every date is bounded to 1900-2100; a saved household with a date outside that range (the
  test suite's 0001-01-01 edge case) is now refused with an error that names the field, and the test checks exactly
  that instead of comparing its old output.

A sentence that an issue rewords on purpose is listed in `BEWUST_GEWIJZIGDE_ZINNEN`: the saved text is rewritten by
that rule (old wording -> new wording) before the comparison, so every other word of the saved output is still
checked and the corpus itself stays as it was recorded:

- issue 15 (§3): in the next steps, the month a child goes to secondary school reads "in september 2026" (was "in
  2026-09"); the end of a situation reads "Uw situatie 'studie' eindigt op 30 juni 2026." (was "De situatie 'studie'
  van uw eindigt op 30-06-2026.") and "De situatie 'detentie' van uw partner eindigt op 31 maart 2026." (was "... van
  de partner eindigt op 31-03-2026."). 47 saved households change, only in these sentences of `stappen`:
  examples/wlz_partner_2023.json and 46 households of the test suite (bereken 116-139, 474, 554-690).
- issue 15 (§3, dates a reader can read): in the explanation text the version of a quoted law text reads "(versie
  1 januari 2022)" (was "(versie 2022-01-01)"), also in the note "Tekst uit de versie van 1 januari 2023; ..."
  (`BEWUST_GEWIJZIGDE_UITLEG`); every household whose explanation quotes law texts changes only there.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from kotwijzer.compute import bereken, voorwaardencheck
from kotwijzer.explain import stappen, uitleg_tekst
from kotwijzer.model import Huishouden

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bereken_corpus.json.gz"

# (issue, dotted path of a field in the result) that a change of the law's answer alters on purpose
BEWUST_GEWIJZIGD: tuple[tuple[int, str], ...] = ()

_MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def _maand_in_woorden(m: re.Match[str]) -> str:
    return f"{_MAANDEN[int(m['maand']) - 1]} {m['jaar']}"


def _datum_in_woorden(m: re.Match[str]) -> str:
    return f"{int(m['dag'])} {_MAANDEN[int(m['maand']) - 1]} {m['jaar']}"


# (issue, the saved wording, how it reads now): sentences of the next steps reworded on purpose
BEWUST_GEWIJZIGDE_ZINNEN: tuple[tuple[int, re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        15,
        re.compile(r"(?<= gaat in )(?P<jaar>\d{4})-(?P<maand>\d\d)(?= naar het voortgezet onderwijs\.)"),
        _maand_in_woorden,
    ),
    (
        15,
        re.compile(r"^De situatie '(?P<situatie>[^']+)' van uw eindigt op "),
        lambda m: f"Uw situatie '{m['situatie']}' eindigt op ",
    ),
    (
        15,
        re.compile(r"^(?P<begin>De situatie '[^']+' van) de partner eindigt op "),
        lambda m: f"{m['begin']} uw partner eindigt op ",
    ),
    (
        15,
        re.compile(r"(?<=eindigt op )(?P<dag>\d\d)-(?P<maand>\d\d)-(?P<jaar>\d{4})(?=\. Daarna kan het recht stoppen)"),
        _datum_in_woorden,
    ),
)


# (issue, the saved wording, how it reads now): the explanation text's law-text versions as dates in words
BEWUST_GEWIJZIGDE_UITLEG: tuple[tuple[int, re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (15, re.compile(r"(?<=\(versie )(?P<jaar>\d{4})-(?P<maand>\d\d)-(?P<dag>\d\d)(?=\))"), _datum_in_woorden),
    (
        15,
        re.compile(r"(?<=Tekst uit de versie van )(?P<jaar>\d{4})-(?P<maand>\d\d)-(?P<dag>\d\d)(?=;)"),
        _datum_in_woorden,
    ),
)


def _uitleg_zoals_nu_bedoeld(uitleg_toen: str) -> str:
    """The saved explanation text with the wording changed on purpose (`BEWUST_GEWIJZIGDE_UITLEG`) in its new form."""
    for _issue, patroon, nieuw in BEWUST_GEWIJZIGDE_UITLEG:
        uitleg_toen = patroon.sub(nieuw, uitleg_toen)
    return uitleg_toen


def _stappen_zoals_nu_bedoeld(stappen_toen: list[list[Any]]) -> list[list[Any]]:
    """The saved next steps with the sentences reworded on purpose (`BEWUST_GEWIJZIGDE_ZINNEN`) in their new form."""
    uit = []
    for titel, tekst, documenten, soort in stappen_toen:
        for _issue, patroon, nieuw in BEWUST_GEWIJZIGDE_ZINNEN:
            tekst = patroon.sub(nieuw, tekst)
        uit.append([titel, tekst, documenten, soort])
    return uit


def _corpus() -> list[dict[str, Any]]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        return json.load(f)  # type: ignore[no-any-return]


def _zonder(d: Any, pad: list[str]) -> Any:
    """`d` without the field at `pad` (lists are followed element by element)."""
    if isinstance(d, list):
        return [_zonder(x, pad) for x in d]
    if not isinstance(d, dict) or not pad:
        return d
    kop, rest = pad[0], pad[1:]
    if not rest:
        return {k: v for k, v in d.items() if k != kop}
    return {k: (_zonder(v, rest) if k == kop else v) for k, v in d.items()}


def _vergelijkbaar(d: Any) -> Any:
    for _, pad in BEWUST_GEWIJZIGD:
        d = _zonder(d, pad.split("."))
    return d


def test_corpus_is_niet_leeg() -> None:
    corpus = _corpus()
    assert len(corpus) > 500
    assert {x["naam"] for x in corpus} >= {"examples/paar_werkt_2026.json", "examples/wlz_partner_2023.json"}
    assert {x["soort"] for x in corpus} == {"bereken", "voorwaardencheck"}


def _datum_buiten_grenzen(d: Any) -> bool:
    """A date string before 1900 or after 2100 anywhere in the input (issue 17, finding 9)."""
    if isinstance(d, dict):
        return any(_datum_buiten_grenzen(v) for v in d.values())
    if isinstance(d, list):
        return any(_datum_buiten_grenzen(v) for v in d)
    if isinstance(d, str) and len(d) == 10 and d[4] == "-" and d[7] == "-" and d[:4].isdigit():
        return not 1900 <= int(d[:4]) <= 2100
    return False


@pytest.mark.parametrize("deel", range(8))
def test_json_ongewijzigd(deel: int) -> None:
    verschillen = []
    for i, x in enumerate(_corpus()):
        if i % 8 != deel:
            continue
        vandaag = dt.date.fromisoformat(x["vandaag"])
        if _datum_buiten_grenzen(x["invoer"]):
            with pytest.raises(ValidationError) as fout:
                Huishouden.model_validate(x["invoer"])
            assert {e["type"] for e in fout.value.errors()} <= {"greater_than_equal", "less_than_equal"}, x["naam"]
            continue
        if x["soort"] == "bereken":
            r = bereken(x["invoer"], vandaag)
            nu = {
                "resultaat": json.loads(r.model_dump_json()),
                "uitleg": uitleg_tekst(r),
                "stappen": [
                    [s.titel, s.tekst, s.documenten, s.soort]
                    for s in stappen(Huishouden.model_validate(x["invoer"]), r, vandaag)
                ],
            }
            toen = {
                "resultaat": x["resultaat"],
                "uitleg": _uitleg_zoals_nu_bedoeld(x["uitleg"]),
                "stappen": _stappen_zoals_nu_bedoeld(x["stappen"]),
            }
        else:
            nu = {"resultaat": json.loads(voorwaardencheck(x["invoer"], vandaag).model_dump_json())}
            toen = {"resultaat": x["resultaat"]}
        for k in toen:
            if _vergelijkbaar(nu[k]) != _vergelijkbaar(toen[k]):
                verschillen.append(f"{x['naam']}: {k}")
    assert not verschillen, f"{len(verschillen)} verschillen, eerste: {verschillen[:5]}"
