"""Passwords with argon2id (argon2-cffi defaults)."""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_ph = PasswordHasher()
# verified when the account does not exist, so a wrong e-mail address costs as much time as a wrong password
_DUMMY = _ph.hash("kotwijzer-dummy-wachtwoord")


def hash_wachtwoord(wachtwoord: str) -> str:
    return _ph.hash(wachtwoord)


def controleer_wachtwoord(hash_: str | None, wachtwoord: str) -> bool:
    try:
        return _ph.verify(hash_ or _DUMMY, wachtwoord) and hash_ is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def moet_opnieuw(hash_: str) -> bool:
    return _ph.check_needs_rehash(hash_)
