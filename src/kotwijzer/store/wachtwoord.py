"""Passwords: argon2id (argon2-cffi defaults) for storage; a new password is refused when it is short, weak or known
from breaches.

Weak and breached: judged with zxcvbn (a well-kept port of Dropbox's estimator), which ships the 30,000 passwords
that occur most often in published breaches (its `passwords` frequency list) and estimates how many guesses a
password needs, against dictionary words, names, keyboard patterns, dates and repeats. Besides its English lists it
gets

* a Dutch word list: the 100,000 most frequent words of pyspellchecker's Dutch frequency list (`nederlands`), so
  that 'Zomer2024!!!' or 'Amsterdam2026!' count as a word plus a year;
* the user's own words: the e-mail address (whole, local part, domain and each part), the name and the organisation
  (whole, without separators, and each word), and words such as 'wachtwoord' and 'kotwijzer';
* a few passwords that are published as examples (`BEKEND`, e.g. xkcd's 'correcthorsebatterystaple').

Refused (OWASP ASVS 4.0 V2.1.7: checked against breached passwords; V2.1.8: a strength estimate): a password from the
breach lists (also with different capitals or spaces), and a zxcvbn score below 4 of 4, i.e. fewer than 10^10 guesses:
the level zxcvbn names "strong protection from an offline slow-hash attack", which is the attack a stolen database of
argon2id hashes allows.

Length: at least 12 and at most 200 characters (ASVS V2.1.1/V2.1.2 ask for at least 64 allowed). zxcvbn reads at most
72 characters; a longer password is judged on its first 72 (a longer password is never weaker for it), and argon2id
hashes the whole of it.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_ph = PasswordHasher()
# verified when the account does not exist, so a wrong e-mail address costs as much time as a wrong password
_DUMMY = _ph.hash("kotwijzer-dummy-wachtwoord")

MIN_LENGTE = 12
MAX_LENGTE = 200
MIN_SCORE = 4
ZXCVBN_MAX = 72  # zxcvbn refuses longer input
NL_WOORDEN = 100_000
CONTEXT = [
    "wachtwoord",
    "welkom",
    "kotwijzer",
    "kinderopvang",
    "kinderopvangtoeslag",
    "toeslag",
    "toeslagen",
    "geheim",
    "gemeente",
    "bewind",
    "voorbeeld",
    "bewindvoering",
    "organisatie",
]
# published as examples of a password (and therefore in every cracking dictionary)
BEKEND = {
    "correcthorsebatterystaple",
    "tr0ub4dor&3",
    "troubadour",
    "passw0rd",
    "p@ssw0rd",
    "welkom01",
    "welkom123",
    "wachtwoord1",
    "wachtwoord123",
    "geheim123",
}


class WachtwoordDruk(Exception):
    """More password checks are waiting than the pool takes: refused at once (429), nothing was checked."""


def hash_draden() -> int:
    """How many argon2id computations may run at once in this process (KOTWIJZER_HASH_DRADEN, default 1): on a small
    machine a login flood then takes at most one core from the calculations."""
    try:
        return max(1, int(os.environ.get("KOTWIJZER_HASH_DRADEN", "1")))
    except ValueError:
        return 1


class _Hashpool:
    """At most `draden` argon2id computations at a time in the process, at most `wachtrij` waiting; a further one is
    refused at once (`WachtwoordDruk`) and one that waits longer than `max_wacht` seconds too."""

    def __init__(self, draden: int, wachtrij: int, max_wacht: float = 5.0):
        self.plekken = threading.BoundedSemaphore(draden)
        self.wachtrij = wachtrij
        self.max_wacht = max_wacht
        self.wachtend = 0
        self._slot = threading.Lock()

    def doe(self, fn: Callable[[], object], weigeren: bool = True):
        """`weigeren=False`: wait for a place however many wait (a new password set by a logged-in user or the
        command line: rare, and attributable)."""
        with self._slot:
            if weigeren and self.wachtend >= self.wachtrij:
                raise WachtwoordDruk()
            self.wachtend += 1
        try:
            if not self.plekken.acquire(timeout=self.max_wacht if weigeren else 60):
                raise WachtwoordDruk()
        finally:
            with self._slot:
                self.wachtend -= 1
        try:
            return fn()
        finally:
            self.plekken.release()


_pool = _Hashpool(hash_draden(), 4 * hash_draden() + 4)


def hash_wachtwoord(wachtwoord: str) -> str:
    return _pool.doe(lambda: _ph.hash(wachtwoord), weigeren=False)


def controleer_wachtwoord(hash_: str | None, wachtwoord: str) -> bool:
    def _doe() -> bool:
        try:
            return _ph.verify(hash_ or _DUMMY, wachtwoord) and hash_ is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    return bool(_pool.doe(_doe))


# set by kotwijzer.http.beveiliging: runs a re-authentication under the login limit of the request being served
herbevestiging_hook: Callable[[str, Callable[[], bool]], bool] | None = None


def controleer_herbevestiging(hash_: str | None, wachtwoord: str, account: str) -> bool:
    """The own password asked again (re-authentication): checked like `controleer_wachtwoord`, but counted with the
    login limit of the account and the address when a web or API request is being served."""
    if herbevestiging_hook is None:
        return controleer_wachtwoord(hash_, wachtwoord)
    return herbevestiging_hook(account, lambda: controleer_wachtwoord(hash_, wachtwoord))


def moet_opnieuw(hash_: str) -> bool:
    return _ph.check_needs_rehash(hash_)


def _gelekt() -> set[str]:
    global _GELEKT
    if _GELEKT is None:
        from zxcvbn.frequency_lists import FREQUENCY_LISTS

        _GELEKT = set(FREQUENCY_LISTS["passwords"])
    return _GELEKT


_GELEKT: set[str] | None = None


_NL_GELADEN = False


def _laad_nederlands() -> None:
    """Add the Dutch word list to zxcvbn's ranked dictionaries (once per process)."""
    global _NL_GELADEN
    if _NL_GELADEN:
        return
    import gzip
    import json
    from importlib.resources import files

    from zxcvbn.matching import add_frequency_lists

    with gzip.open(str(files("spellchecker") / "resources" / "nl.json.gz"), "rt", encoding="utf-8") as f:
        freq = json.load(f)
    woorden = sorted((w for w in freq if w.isalpha() and len(w) >= 3), key=lambda w: -freq[w])[:NL_WOORDEN]
    add_frequency_lists({"nederlands": woorden})
    _NL_GELADEN = True


def eigen_woorden(context: list[str] | None) -> list[str]:
    """The user's own words for zxcvbn: every given text whole, without separators, and each part of it."""
    woorden = list(CONTEXT)
    for c in context or []:
        c = (c or "").lower().strip()
        if not c:
            continue
        delen = [c]
        if "@" in c:
            lokaal, _, domein = c.partition("@")
            delen += [lokaal, domein, domein.rsplit(".", 1)[0]]
        for d in delen:
            woorden.append(d)
            woorden.append(re.sub(r"[^\w]+", "", d))
            woorden += [w for w in re.split(r"[^\w]+", d) if len(w) >= 3]
    return list(dict.fromkeys(w for w in woorden if w))


def bezwaar(wachtwoord: object, context: list[str] | None = None) -> str | None:
    """None when the password is acceptable as a new password; otherwise the Dutch reason. `context`: the user's own
    words (e-mail address, name, organisation)."""
    if not isinstance(wachtwoord, str) or len(wachtwoord) < MIN_LENGTE:
        return f"Kies een wachtwoord van minstens {MIN_LENGTE} tekens."
    if len(wachtwoord) > MAX_LENGTE:
        return f"Kies een wachtwoord van hoogstens {MAX_LENGTE} tekens."
    plat = wachtwoord.lower()
    if plat in _gelekt() or plat in BEKEND or re.sub(r"\s+", "", plat) in BEKEND:
        return "Dit wachtwoord staat in lijsten van uitgelekte wachtwoorden. Kies een ander wachtwoord."
    from zxcvbn import zxcvbn

    _laad_nederlands()
    if zxcvbn(wachtwoord[:ZXCVBN_MAX], user_inputs=eigen_woorden(context))["score"] < MIN_SCORE:
        return (
            "Dit wachtwoord is te makkelijk te raden. Kies een langer wachtwoord, bijvoorbeeld een zin van vier of "
            "vijf gewone woorden, zonder uw naam, e-mailadres of organisatie."
        )
    return None
