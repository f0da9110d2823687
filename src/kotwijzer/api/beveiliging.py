"""Security plumbing shared by the web app and the API: response headers, a bounded login rate limiter, CSRF tokens."""
from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections import OrderedDict, deque

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)

VASTE_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
]


class BeveiligingsHeaders:
    """Pure ASGI middleware: security headers on every response; no-store on pages with personal data; HSTS on https."""

    def __init__(self, app, hsts: bool = False):
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"
        pad = scope.get("path", "")
        statisch = pad.startswith("/static/")

        async def _send(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                bestaand = {k.lower() for k, _ in headers}
                for k, v in VASTE_HEADERS:
                    if k not in bestaand:
                        headers.append((k, v))
                if not statisch and b"cache-control" not in bestaand:
                    headers.append((b"cache-control", b"no-store"))
                if https or self.hsts:
                    headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, _send)


class InlogLimiet:
    """At most `max_pogingen` failed logins per key (IP + account, and IP alone with a higher limit) in `venster`
    seconds. Bounded: the least recently used keys are forgotten beyond `max_sleutels`."""

    def __init__(self, max_pogingen: int = 5, venster: float = 900.0, max_per_ip: int = 30, max_sleutels: int = 10_000):
        self.max_pogingen = max_pogingen
        self.max_per_ip = max_per_ip
        self.venster = venster
        self.max_sleutels = max_sleutels
        self._data: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def _sleutels(ip: str, account: str) -> tuple[str, str]:
        acc = hashlib.sha256((account or "").strip().lower().encode("utf-8", "surrogatepass")).hexdigest()[:24]
        return f"ip:{ip}", f"acc:{ip}:{acc}"

    def _telling(self, sleutel: str, nu: float) -> int:
        d = self._data.get(sleutel)
        if not d:
            return 0
        while d and d[0] <= nu - self.venster:
            d.popleft()
        return len(d)

    def geblokkeerd(self, ip: str, account: str) -> int:
        """0 when allowed; otherwise the number of seconds to wait."""
        nu = time.monotonic()
        k_ip, k_acc = self._sleutels(ip, account)
        with self._lock:
            for k, grens in ((k_acc, self.max_pogingen), (k_ip, self.max_per_ip)):
                if self._telling(k, nu) >= grens:
                    return max(1, int(self._data[k][0] + self.venster - nu) + 1)
        return 0

    def mislukt(self, ip: str, account: str) -> None:
        nu = time.monotonic()
        with self._lock:
            for k in self._sleutels(ip, account):
                d = self._data.get(k)
                if d is None:
                    d = self._data[k] = deque(maxlen=max(self.max_pogingen, self.max_per_ip) + 1)
                d.append(nu)
                self._data.move_to_end(k)
            while len(self._data) > self.max_sleutels:
                self._data.popitem(last=False)

    def gelukt(self, ip: str, account: str) -> None:
        with self._lock:
            self._data.pop(self._sleutels(ip, account)[1], None)

    def __len__(self) -> int:
        return len(self._data)


def csrf_token(geheim: bytes, sessie_token: str) -> str:
    return hmac.new(geheim, b"csrf:" + sessie_token.encode(), hashlib.sha256).hexdigest()


def csrf_klopt(geheim: bytes, sessie_token: str | None, gegeven: str | None) -> bool:
    if not sessie_token or not gegeven or not isinstance(gegeven, str):
        return False
    return hmac.compare_digest(csrf_token(geheim, sessie_token), gegeven)
