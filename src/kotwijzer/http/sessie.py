"""Session cookie for the web pages (not the API).

Every browser gets a random token in an HttpOnly, SameSite=Lax cookie (Secure over https or when configured). The
CSRF token of each form is an HMAC of that token. When a professional logs in, a new token is issued and its hash is
stored in the `sessie` table; logging out deletes the row and issues a new anonymous token.
"""
from __future__ import annotations

import re
import secrets
from http.cookies import SimpleCookie

COOKIE = "kotwijzer_sessie"
_TOKEN = re.compile(r"^[A-Za-z0-9_\-]{32,64}$")


def nieuw_token() -> str:
    return secrets.token_urlsafe(32)


def _lees_cookie(headers) -> str | None:
    for k, v in headers:
        if k == b"cookie":
            try:
                c = SimpleCookie()
                c.load(v.decode("latin-1"))
            except Exception:  # noqa: BLE001 - a malformed cookie header is just no cookie
                continue
            if COOKIE in c and _TOKEN.match(c[COOKIE].value):
                return c[COOKIE].value
    return None


def cookie_header(token: str, secure: bool) -> bytes:
    delen = [f"{COOKIE}={token}", "Path=/", "HttpOnly", "SameSite=Lax"]
    if secure:
        delen.append("Secure")
    return "; ".join(delen).encode()


class SessieMiddleware:
    """Pure ASGI: puts `sessie_token` in request.state for every non-API request and sets the cookie when the token
    is new or was replaced by the route (request.state.sessie_zet)."""

    def __init__(self, app, secure: bool | None = None):
        self.app = app
        self.secure = secure  # None: Secure when the request came over https

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("path", "").startswith(("/api/", "/static/")):
            await self.app(scope, receive, send)
            return
        token = _lees_cookie(scope.get("headers", []))
        state = scope.setdefault("state", {})
        nieuw = token is None
        if token is None:
            token = nieuw_token()
        state["sessie_token"] = token
        state["sessie_nieuw"] = nieuw
        secure = self.secure if self.secure is not None else scope.get("scheme") == "https"

        async def _send(message):
            if message["type"] == "http.response.start":
                zet = state.get("sessie_zet")
                if zet or nieuw:
                    headers = list(message.get("headers", []))
                    headers.append((b"set-cookie", cookie_header(zet or token, secure)))
                    message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, _send)
