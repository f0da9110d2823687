"""Nothing secret or personal in any log.

* `VangFouten`: the outermost middleware of the app. Any exception that reaches it is logged as its type, the method,
  the path (without query string) and a short error code, never its message or traceback (a database error's message
  holds the SQL statement and its parameters: e-mail addresses, password hashes). The client gets the usual Dutch 500
  answer with the same code, so a report can be matched with the log line.
* `GeenDetails`: a logging filter for every handler of the server (see `log_config`) that drops exception messages
  and tracebacks from any record that still carries one (uvicorn's own "Exception in ASGI application", a library).
* The database engine is created with `hide_parameters=True` (kotwijzer.store.db), so even an error message that
  escapes both has no parameters.
"""

from __future__ import annotations

import copy
import logging
import uuid
from typing import Any

log = logging.getLogger("kotwijzer.fout")

MELDING_500 = "Er ging iets mis aan onze kant. Probeer het later opnieuw."


def foutcode() -> str:
    return uuid.uuid4().hex[:12]


def log_serverfout(exc: BaseException, methode: str | None, pad: str | None) -> str:
    code = foutcode()
    log.error("serverfout %s bij %s %s (foutcode %s)", type(exc).__name__, methode or "?", pad or "?", code)
    return code


class VangFouten:
    """Pure ASGI middleware: an unexpected exception becomes a logged error code and a 500 answer."""

    def __init__(self, app, html_fout=None):
        self.app = app
        self.html_fout = html_fout

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        begonnen = False

        async def _send(message):
            nonlocal begonnen
            if message["type"] == "http.response.start":
                begonnen = True
            await send(message)

        try:
            await self.app(scope, receive, _send)
        except Exception as exc:  # noqa: BLE001 - this is the last place to catch it
            code = log_serverfout(exc, scope.get("method"), scope.get("path"))
            if begonnen:
                return  # the answer has started: nothing more to send; the connection closes
            await self._antwoord(scope, receive, send, code)

    async def _antwoord(self, scope, receive, send, code: str) -> None:
        from starlette.requests import Request
        from starlette.responses import JSONResponse

        melding = f"{MELDING_500} (foutcode {code})"
        headers = {"X-Foutcode": code}
        response = None
        if self.html_fout is not None and not scope.get("path", "").startswith("/api/"):
            try:
                response = self.html_fout(Request(scope, receive), 500, melding, headers)
            except Exception:  # noqa: BLE001 - the error page itself must never fail
                response = None
        if response is None:
            # the same shape as kotwijzer.http.fouten.fout_antwoord (which imports this module, not the other way)
            response = JSONResponse({"melding": melding, "code": "serverfout", "fouten": []}, 500, headers)
        await response(scope, receive, send)


class GeenDetails(logging.Filter):
    """Keeps the record, drops what could be secret: the exception's message and traceback (only its type stays)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info:
            soort = record.exc_info[0].__name__ if record.exc_info[0] else "fout"
            try:
                tekst = record.getMessage()
            except Exception:  # noqa: BLE001
                tekst = str(record.msg)
            record.msg = f"{tekst} ({soort}; details weggelaten)"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True


def log_config(log_level: str = "info") -> dict[str, Any]:
    """uvicorn's logging configuration with `GeenDetails` on every handler, and kotwijzer's own loggers (and any
    library's warnings, via the root logger) through the same handler."""
    from uvicorn.config import LOGGING_CONFIG

    cfg = copy.deepcopy(LOGGING_CONFIG)
    cfg["filters"] = {"geen_details": {"()": "kotwijzer.http.logboek.GeenDetails"}}
    for h in cfg["handlers"].values():
        h["filters"] = ["geen_details"]
    cfg["loggers"]["kotwijzer"] = {"handlers": ["default"], "level": log_level.upper(), "propagate": False}
    cfg["root"] = {"handlers": ["default"], "level": "WARNING"}
    return cfg
