"""Security plumbing shared by the web app and the API: response headers, a bounded login rate limiter, CSRF tokens."""

from __future__ import annotations

import contextvars
import hashlib
import hmac
import math
import os
import time
from dataclasses import dataclass, field
from typing import Any

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
        if scope.get("app") is not None:  # for re-authentication deep in the store (`_herbevestiging`)
            client = scope.get("client")
            _VERZOEK.set((scope["app"], client[0] if client else "?"))
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


STANDAARD_HOSTS = ("127.0.0.1", "localhost", "::1", "testserver")


def publiek_adres(waarde: str | None = None) -> str | None:
    """The address at which the public reaches the service (KOTWIJZER_PUBLIEK_ADRES, e.g. https://kotwijzer.example.nl):
    every redirect and every link the pages show is built from it, never from the request's Host header."""
    w = (waarde if waarde is not None else os.environ.get("KOTWIJZER_PUBLIEK_ADRES", "")).strip().rstrip("/")
    if not w:
        return None
    from urllib.parse import urlsplit

    d = urlsplit(w)
    if d.scheme not in ("http", "https") or not d.hostname or d.path or d.query or d.fragment:
        raise ValueError("KOTWIJZER_PUBLIEK_ADRES moet een adres zijn als https://kotwijzer.example.nl (zonder pad)")
    return w


def toegestane_hosts(waarde: str | list[str] | tuple[str, ...] | None = None, publiek: str | None = None) -> list[str]:
    """The host names the service answers to (KOTWIJZER_TOEGESTANE_HOSTS, comma-separated; `*` = any). Default: the
    public address's host, or only the loopback names when no public address is configured."""
    if waarde is None:
        waarde = os.environ.get("KOTWIJZER_TOEGESTANE_HOSTS", "")
    lijst = [h.strip().lower() for h in (waarde.split(",") if isinstance(waarde, str) else waarde) if h.strip()]
    if lijst:
        return lijst
    if publiek:
        from urllib.parse import urlsplit

        return [urlsplit(publiek).hostname or ""]
    return list(STANDAARD_HOSTS)


def _host_naam(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class HostBewaking:
    """Pure ASGI: a request for a host name that is not allowed gets 400 (OWASP ASVS 4.0 V14: no Host header
    injection); with a configured public address the request is seen as made to that address (scheme, host and port
    in the scope are replaced), so every redirect (also Starlette's trailing-slash redirect) and every absolute link
    is built from the configuration, never from what the client sent."""

    def __init__(self, app, publiek: str | None = None, hosts: list[str] | None = None):
        from urllib.parse import urlsplit

        self.app = app
        self.publiek = publiek
        self.hosts = set(hosts or STANDAARD_HOSTS)
        self.alles = "*" in self.hosts
        if publiek:
            d = urlsplit(publiek)
            self.schema = d.scheme
            self.netloc = d.netloc.encode("latin-1")
            self.server = (d.hostname, d.port or (443 if d.scheme == "https" else 80))

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        host = ""
        for k, v in scope.get("headers", []):
            if k == b"host":
                host = v.decode("latin-1")
                break
        if not self.alles and _host_naam(host) not in self.hosts:
            body = b"Onbekend adres."
            await send(
                {
                    "type": "http.response.start",
                    "status": 400,
                    "headers": [
                        (b"content-type", b"text/plain; charset=utf-8"),
                        (b"content-length", str(len(body)).encode()),
                        (b"cache-control", b"no-store"),
                        *VASTE_HEADERS,
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        if self.publiek:
            headers = [(k, v) for k, v in scope.get("headers", []) if k != b"host"] + [(b"host", self.netloc)]
            scope = {**scope, "headers": headers, "scheme": self.schema, "server": self.server}
        await self.app(scope, receive, send)


@dataclass
class Poging:
    """One login attempt as the limit sees it: refused (`wacht` seconds), or allowed after `vertraging` seconds."""

    ids: list[int] = field(default_factory=list)
    wacht: int = 0
    vertraging: float = 0.0


class InlogLimiet:
    """Limits on failed logins (OWASP ASVS 4.0 V2.2.1), kept in the database so that they are atomic and shared by all
    workers. A stranger who knows an e-mail address can never lock its owner out.

    * Per account, across all addresses: after `vrij` failed attempts in `venster` seconds the account is throttled:
      the next attempt may come `basis` seconds after the last failure, and that wait doubles with every further
      failure (at most `max_vertraging`). An attempt that comes too early is refused with the wait time, *unless it
      comes from an address without failed attempts in the window*: the owner, logging in from their own office or
      home, always gets through with the right password. A guesser gets few guesses per address (each failure makes
      the address count as failed) and few per account (the wait doubles).
    * Per address: from `ip_drempel` failed attempts in `venster` seconds on, every attempt from that address is
      slowed down (`ip_stap` seconds per extra failure, at most `ip_max_vertraging`); beyond `ip_max` failures the
      address is refused until the oldest failure leaves the window (a flood, not an office with a few typos).

    Atomic: an attempt is written *before* the password is checked and the count includes it, so parallel attempts
    see each other. On success the attempt is removed (and the account's earlier failures are forgotten); on refusal,
    or when the check itself failed (the database was unreachable), it is removed; on a wrong password it stays and
    counts. Only HMACs of the e-mail address and of the address are stored."""

    def __init__(
        self,
        vrij: int = 3,
        basis: float = 2.0,
        max_vertraging: float = 900.0,
        venster: float = 900.0,
        ip_drempel: int = 10,
        ip_stap: float = 0.5,
        ip_max_vertraging: float = 5.0,
        ip_max: int = 100,
    ):
        self.vrij = vrij
        self.basis = basis
        self.max_vertraging = max_vertraging
        self.venster = venster
        self.ip_drempel = ip_drempel
        self.ip_stap = ip_stap
        self.ip_max_vertraging = ip_max_vertraging
        self.ip_max = ip_max

    @staticmethod
    def sleutels(geheim: bytes, ip: str, account: str) -> tuple[str, str]:
        def h(x: str) -> str:
            return hmac.new(geheim, x.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()[:40]

        return "acc:" + h("acc:" + (account or "").strip().lower()[:254]), "ip:" + h("ip:" + ip)

    def account_wacht(self, n_mislukt: int) -> float:
        """Seconds after the last failure before the account may be tried again (from an address with failures)."""
        if n_mislukt < self.vrij:
            return 0.0
        return min(self.max_vertraging, self.basis * 2 ** min(n_mislukt - self.vrij, 30))

    def begin(self, db, geheim: bytes, ip: str, account: str) -> Poging:
        from sqlalchemy import delete, func, select

        from kotwijzer.store.models import InlogPoging

        k_acc, k_ip = self.sleutels(geheim, ip, account)
        nu = time.time()
        grens = nu - self.venster
        with db.sessie() as s:  # committed before counting: parallel attempts see this one
            s.execute(delete(InlogPoging).where(InlogPoging.sleutel.in_([k_acc, k_ip]), InlogPoging.tijd < grens))
            rijen = [InlogPoging(sleutel=k_acc, tijd=nu), InlogPoging(sleutel=k_ip, tijd=nu)]
            s.add_all(rijen)
            s.flush()
            poging = Poging(ids=[r.id for r in rijen])
        with db.sessie() as s:
            anders = ~InlogPoging.id.in_(poging.ids)
            n_acc, laatste = s.execute(
                select(func.count(InlogPoging.id), func.max(InlogPoging.tijd)).where(
                    InlogPoging.sleutel == k_acc, InlogPoging.tijd >= grens, anders
                )
            ).one()
            n_ip, oudste_ip = s.execute(
                select(func.count(InlogPoging.id), func.min(InlogPoging.tijd)).where(
                    InlogPoging.sleutel == k_ip, InlogPoging.tijd >= grens, anders
                )
            ).one()
            n_acc, n_ip = n_acc or 0, n_ip or 0
            wacht = 0.0
            if n_ip >= self.ip_max:
                wacht = (oudste_ip or nu) + self.venster - nu
            elif n_ip > 0 and n_acc >= self.vrij:
                wacht = (laatste or nu) + self.account_wacht(n_acc) - nu
            if wacht > 0:
                s.execute(delete(InlogPoging).where(InlogPoging.id.in_(poging.ids)))
                poging.wacht = max(1, math.ceil(wacht))
                poging.ids = []
                return poging
        if n_ip >= self.ip_drempel:
            poging.vertraging = min(self.ip_max_vertraging, self.ip_stap * (n_ip + 1 - self.ip_drempel))
        return poging

    def einde(self, db, geheim: bytes, ip: str, account: str, poging: Poging, gelukt: bool | None) -> None:
        """`gelukt`: True (right password), False (wrong: the attempt counts), None (no answer: not counted)."""
        from sqlalchemy import delete

        from kotwijzer.store.models import InlogPoging

        if gelukt is False or not poging.ids:
            return  # a wrong password: the rows stay and count
        k_acc, _ = self.sleutels(geheim, ip, account)
        with db.sessie() as s:
            if gelukt:
                s.execute(delete(InlogPoging).where((InlogPoging.id.in_(poging.ids)) | (InlogPoging.sleutel == k_acc)))
            else:
                s.execute(delete(InlogPoging).where(InlogPoging.id.in_(poging.ids)))


class Wachtwoordpoort:
    """Admission at the door for work that checks a password (argon2id, ~0.1 s CPU each): at most `per_adres`
    attempts of one address in progress, at most `draden + wachtrij` in the whole worker; beyond that 429 at once,
    before the database or the hash is touched. The hashing itself is bounded per process by
    `kotwijzer.store.wachtwoord` (a few threads), so a login flood, also from many addresses, never takes more than
    that share of the CPU from the calculations. Only changed on the event loop thread: no lock needed."""

    def __init__(self, draden: int | None = None, wachtrij: int | None = None, per_adres: int = 1):
        from kotwijzer.store.wachtwoord import hash_draden

        self.draden = draden if draden is not None else hash_draden()
        self.wachtrij = wachtrij if wachtrij is not None else 4 * self.draden
        self.per_adres = per_adres
        self.bezig = 0
        self._adres: dict[str, int] = {}
        self.geweigerd = 0

    def vol(self, adres: str) -> bool:
        """Would an attempt from this address be refused now? (Only looks; `toelaten` decides.)"""
        return self.bezig >= self.draden + self.wachtrij or self._adres.get(adres, 0) >= self.per_adres

    def adres_vol(self, adres: str) -> bool:
        """Is this address itself over its bound (not only the server busy)?"""
        return self._adres.get(adres, 0) >= self.per_adres

    def toelaten(self, adres: str) -> bool:
        if self.bezig >= self.draden + self.wachtrij or self._adres.get(adres, 0) >= self.per_adres:
            self.geweigerd += 1
            return False
        self.bezig += 1
        self._adres[adres] = self._adres.get(adres, 0) + 1
        return True

    def klaar(self, adres: str) -> None:
        self.bezig -= 1
        n = self._adres.get(adres, 1) - 1
        if n <= 0:
            self._adres.pop(adres, None)
        else:
            self._adres[adres] = n


def wachtwoordpoort(app) -> Wachtwoordpoort:
    p = getattr(app.state, "wachtwoordpoort", None)
    if p is None:
        p = app.state.wachtwoordpoort = Wachtwoordpoort()
    return p


async def begrensd_inloggen(request, account: str, controleer):
    """Run `controleer()` (the password check, in a worker thread) under the login limits. Returns its result, or
    raises `TeVeelPogingen` with the seconds to wait. The right password from an address without failed attempts is
    never refused for the account's sake; refused at the door (cheaply) are: a second attempt of an address while its
    first is still running, and attempts beyond what the password pool can take."""
    import anyio
    from starlette.concurrency import run_in_threadpool

    from kotwijzer.http.adres import client_adres
    from kotwijzer.store.wachtwoord import WachtwoordDruk

    app = request.app
    ip = client_adres(request)
    poort = wachtwoordpoort(app)
    if not poort.toelaten(ip):
        raise TeVeelPogingen(1)
    try:
        limiet: InlogLimiet = app.state.limiet
        poging = await run_in_threadpool(limiet.begin, app.state.db, app.state.geheim, ip, account)
        if poging.wacht:
            raise TeVeelPogingen(poging.wacht)
        if poging.vertraging:
            await anyio.sleep(poging.vertraging)
        try:
            uit = await run_in_threadpool(controleer)
        except WachtwoordDruk:
            await run_in_threadpool(limiet.einde, app.state.db, app.state.geheim, ip, account, poging, None)
            raise TeVeelPogingen(1) from None
        except BaseException:
            await run_in_threadpool(limiet.einde, app.state.db, app.state.geheim, ip, account, poging, None)
            raise
        await run_in_threadpool(limiet.einde, app.state.db, app.state.geheim, ip, account, poging, uit is not None)
        return uit
    finally:
        poort.klaar(ip)


class TeVeelPogingen(Exception):
    def __init__(self, wacht: int):
        super().__init__(f"wacht {wacht} s")
        self.wacht = wacht


# the request being served, for checks deep in the store that need the login limit (re-authentication)
_VERZOEK: contextvars.ContextVar[tuple[Any, str] | None] = contextvars.ContextVar("kotwijzer_verzoek", default=None)


def _herbevestiging(account: str, controleer) -> bool:
    """Re-authentication (the own password asked again: to change it, or to make someone beheerder) counts with the
    login limit of the account and the address, as a login does. Runs in a worker thread."""
    from kotwijzer.http.fouten import ApiFout
    from kotwijzer.store.wachtwoord import WachtwoordDruk

    v = _VERZOEK.get()
    if v is None:  # the command line: no limit
        return controleer()
    app, ip = v
    limiet: InlogLimiet = app.state.limiet
    poging = limiet.begin(app.state.db, app.state.geheim, ip, account)
    if poging.wacht:
        raise ApiFout(
            429,
            "te_veel_pogingen",
            f"Te veel mislukte pogingen. Probeer het over {poging.wacht} seconden opnieuw.",
            headers={"Retry-After": str(poging.wacht)},
        )
    if poging.vertraging:
        time.sleep(poging.vertraging)
    try:
        ok = bool(controleer())
    except WachtwoordDruk:
        limiet.einde(app.state.db, app.state.geheim, ip, account, poging, None)
        raise ApiFout(
            429,
            "te_druk",
            "Het is nu erg druk. Probeer het over een paar seconden opnieuw.",
            headers={"Retry-After": "1"},
        ) from None
    except BaseException:
        limiet.einde(app.state.db, app.state.geheim, ip, account, poging, None)
        raise
    limiet.einde(app.state.db, app.state.geheim, ip, account, poging, ok)
    return ok


def _installeer_herbevestiging() -> None:
    from kotwijzer.store import wachtwoord

    wachtwoord.herbevestiging_hook = _herbevestiging


_installeer_herbevestiging()


def csrf_token(geheim: bytes, sessie_token: str) -> str:
    return hmac.new(geheim, b"csrf:" + sessie_token.encode(), hashlib.sha256).hexdigest()


def csrf_klopt(geheim: bytes, sessie_token: str | None, gegeven: str | None) -> bool:
    if not sessie_token or not gegeven or not isinstance(gegeven, str):
        return False
    return hmac.compare_digest(csrf_token(geheim, sessie_token), gegeven)
