"""Session cookie for the web pages (not the API).

Every browser gets a random token in an HttpOnly, SameSite=Lax cookie (Secure over https or when configured). The
CSRF token of each form is an HMAC of that token. When a professional logs in, a new token is issued and its hash is
stored in the `sessie` table; logging out deletes the row and issues a new anonymous token.
"""

from __future__ import annotations

import contextvars
import hashlib
import hmac
import json
import re
import secrets
from http.cookies import SimpleCookie
from typing import Any

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


# ------------------------------------------------------------------------------ the professional context of a state
# The questionnaire's state can carry a professional context (which scenario or dossier it edits). A state is signed
# for anyone who posts one, so such a context is only believed when it is bound to the session that reads it: when
# the state is signed, the context gets a `band`, an HMAC of the context and the session token; when it is read, a
# context without a matching band loses its professional keys. A link made by a stranger can therefore never open a
# professional's scenario with the stranger's figures (issue 17, finding 14).
PRO_SLEUTELS = ("scenario", "dossier", "versie", "modus")
_HUIDIG: contextvars.ContextVar[tuple[bytes, str] | None] = contextvars.ContextVar("kotwijzer_sessie", default=None)


def _band(ctx: dict[str, Any]) -> str | None:
    h = _HUIDIG.get()
    if h is None:
        return None
    geheim, token = h
    inhoud = json.dumps({k: ctx.get(k) for k in PRO_SLEUTELS}, sort_keys=True, default=str)
    return hmac.new(geheim, f"pro-context:{token}:{inhoud}".encode(), hashlib.sha256).hexdigest()[:32]


def bind_context(staat: Any) -> None:
    """Bind the professional context of this state (if any) to the current session (when the state is signed)."""
    if not isinstance(staat, dict) or not isinstance(staat.get("context"), dict):
        return
    ctx = staat["context"]
    if any(k in ctx for k in PRO_SLEUTELS):
        b = _band(ctx)
        if b is None:
            ctx.pop("band", None)
        else:
            ctx["band"] = b
    else:
        ctx.pop("band", None)


def gebonden_context(ctx: Any) -> dict[str, Any]:
    """The context as the current session may believe it: the professional keys only with a matching band."""
    if not isinstance(ctx, dict):
        return {}
    if not any(k in ctx for k in PRO_SLEUTELS):
        return {k: v for k, v in ctx.items() if k != "band"}
    b = _band(ctx)
    if b is not None and isinstance(ctx.get("band"), str) and hmac.compare_digest(ctx["band"], b):
        return ctx
    return {k: v for k, v in ctx.items() if k not in PRO_SLEUTELS and k != "band"}


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
        app = scope.get("app")
        geheim = getattr(getattr(app, "state", None), "geheim", None)
        _HUIDIG.set((geheim, token) if isinstance(geheim, bytes) else None)
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
