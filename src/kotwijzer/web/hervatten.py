"""The answers of the questionnaire in the address of the page: a signed, compressed, time-limited token.

Every step of the questionnaire and the result page is a GET of `/vragen/<stap>?a=<token>` or `/uitkomst?a=<token>`.
The token holds the answers so far (the questionnaire's state: the core's input plus a few form choices), compressed
with zlib and signed with the app's secret by itsdangerous. So:

* Back, Forward and reload re-request a GET address, and the page is rebuilt from the token: no "confirm form
  resubmission", no answers lost, also without cookies.
* The address of any step is the resume link. It works without logging in, in another browser, until it expires
  (`GELDIG_SECONDEN`, 14 days): the signature carries the time it was made.
* The server stores nothing: no database row, no file, no log line with the answers.

Back needs one more thing: the address of an earlier step holds the answers as they were *before* that step was
answered. So the newest token of the questionnaire is also kept in a session cookie (`COOKIE`, only for `/vragen`,
HttpOnly, SameSite=Lax, gone when the browser closes). Every questionnaire has a random id; when the cookie holds a
newer token of the same questionnaire than the address, the page is built from the cookie. Without the cookie (cleared,
another browser) the address alone is used. Still nothing is stored on the server.

The token is signed, not encrypted: whoever has the link can read the answers in it (they hold no name or BSN; a
child's nickname is optional). That is said on the page that shows the link. Answers that were posted with an error
travel the same way (`c=`), so the page with the error messages is a GET as well.
"""

from __future__ import annotations

import json
from typing import Any

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from kotwijzer.i18n import N_, _

GELDIG_SECONDEN = 14 * 24 * 3600
GELDIG_TEKST = N_("twee weken")
# Addresses longer than this are refused by some proxies; the largest questionnaire (8 children, 4 care rows each,
# 12 periods per parent) stays well below it (tests/web/test_web_prg.py measures it).
MAX_ADRES = 8000
COOKIE = "kotwijzer_antwoorden"
MAX_COOKIE = 3800  # browsers keep cookies up to about 4096 bytes; a larger token is only kept in the address


class LinkVerlopen(ValueError):
    """The link is older than GELDIG_SECONDEN."""


class LinkOngeldig(ValueError):
    """The token was changed or cut off."""


def _serializer(geheim: bytes, soort: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(geheim, salt=f"kotwijzer-{soort}", serializer=_Compact)


class _Compact:
    """json without spaces (itsdangerous compresses the result with zlib when that is shorter)."""

    @staticmethod
    def dumps(obj: Any) -> str:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

    @staticmethod
    def loads(s: str | bytes) -> Any:
        return json.loads(s)


def maak(geheim: bytes, data: Any, soort: str = "antwoorden") -> str:
    """The signed token. The answers are checked against the API's limits first (`staatgrens.controleer_staat`: a
    state that could never be valid is not signed), and a professional context is bound to the session
    (`sessie.bind_context`)."""
    if soort == "antwoorden":
        from kotwijzer.http.sessie import bind_context
        from kotwijzer.web.staatgrens import controleer_staat

        controleer_staat(data)
        bind_context(data)
    tekst = _Compact.dumps(data)
    from kotwijzer.web.staatgrens import MAX_STAAT, fout

    if len(tekst) > MAX_STAAT:  # also the answers posted with an error (`concept`): never a link to a huge page
        raise fout()
    return _serializer(geheim, soort).dumps(data)


def lees(geheim: bytes, token: str, soort: str = "antwoorden", max_leeftijd: int = GELDIG_SECONDEN) -> Any:
    return lees_met_tijd(geheim, token, soort, max_leeftijd)[0]


def lees_met_tijd(
    geheim: bytes, token: str, soort: str = "antwoorden", max_leeftijd: int = GELDIG_SECONDEN
) -> tuple[Any, float]:
    """The data and the time (seconds since 1970) the token was made."""
    try:
        data, tijd = _serializer(geheim, soort).loads(token, max_age=max_leeftijd, return_timestamp=True)
        return data, tijd.timestamp()
    except SignatureExpired:
        raise LinkVerlopen(
            _("Deze link is ouder dan {geldig}. Uw antwoorden zijn daarom niet meer te openen.").format(
                geldig=_(GELDIG_TEKST)
            )
        ) from None
    except (BadSignature, ValueError, UnicodeError):
        raise LinkOngeldig(
            _("Deze link is niet compleet of klopt niet. Kopieer de hele link, of begin opnieuw.")
        ) from None
