"""Passwords: argon2id (argon2-cffi defaults) for storage; a new password is refused when it is short, weak or known
from breaches.

Weak and breached: judged with zxcvbn (a well-kept port of Dropbox's estimator), which ships the 30,000 passwords
that occur most often in published breaches (its `passwords` frequency list) and estimates how many guesses a
password needs, also against dictionary words, names, keyboard patterns, dates and words of the context (the e-mail
address, the organisation, and words such as 'wachtwoord' and 'kotwijzer'). Refused: a password from the breach list
(also with different capitals), and a score below 3 of 4 (fewer than about 10^8 guesses).
"""
from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_ph = PasswordHasher()
# verified when the account does not exist, so a wrong e-mail address costs as much time as a wrong password
_DUMMY = _ph.hash("kotwijzer-dummy-wachtwoord")

MIN_LENGTE = 12
MAX_LENGTE = 200
MIN_SCORE = 3
CONTEXT = ["wachtwoord", "welkom", "kotwijzer", "kinderopvang", "kinderopvangtoeslag", "toeslag", "toeslagen",
           "geheim", "gemeente", "bewind", "voorbeeld"]


def hash_wachtwoord(wachtwoord: str) -> str:
    return _ph.hash(wachtwoord)


def controleer_wachtwoord(hash_: str | None, wachtwoord: str) -> bool:
    try:
        return _ph.verify(hash_ or _DUMMY, wachtwoord) and hash_ is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def moet_opnieuw(hash_: str) -> bool:
    return _ph.check_needs_rehash(hash_)


def _gelekt() -> set[str]:
    global _GELEKT
    if _GELEKT is None:
        from zxcvbn.frequency_lists import FREQUENCY_LISTS

        _GELEKT = set(FREQUENCY_LISTS["passwords"])
    return _GELEKT


_GELEKT: set[str] | None = None


def bezwaar(wachtwoord: object, context: list[str] | None = None) -> str | None:
    """None when the password is acceptable as a new password; otherwise the Dutch reason."""
    if not isinstance(wachtwoord, str) or len(wachtwoord) < MIN_LENGTE:
        return f"Kies een wachtwoord van minstens {MIN_LENGTE} tekens."
    if len(wachtwoord) > MAX_LENGTE:
        return f"Kies een wachtwoord van hoogstens {MAX_LENGTE} tekens."
    if wachtwoord.lower() in _gelekt():
        return "Dit wachtwoord staat in lijsten van uitgelekte wachtwoorden. Kies een ander wachtwoord."
    from zxcvbn import zxcvbn

    woorden = list(CONTEXT)
    for c in context or []:
        woorden += [w for w in re.split(r"[^\w]+", c.lower()) if len(w) >= 3]
    # zxcvbn's cost grows with length; the first 100 characters are more than enough to judge
    if zxcvbn(wachtwoord[:100], user_inputs=woorden)["score"] < MIN_SCORE:
        return ("Dit wachtwoord is te makkelijk te raden. Kies een langer wachtwoord, bijvoorbeeld een zin van vier of "
                "vijf gewone woorden, zonder uw naam, e-mailadres of organisatie.")
    return None
