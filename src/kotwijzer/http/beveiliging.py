"""Security plumbing shared by the web app and the API: response headers, a bounded login rate limiter, CSRF tokens."""
from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass, field

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


@dataclass
class Poging:
    """One login attempt as the limit sees it: refused (`wacht` seconds), or allowed after `vertraging` seconds."""

    ids: list[int] = field(default_factory=list)
    wacht: int = 0
    vertraging: float = 0.0


class InlogLimiet:
    """Limits on failed logins, kept in the database so that they are atomic and shared by all workers.

    * Per account, across all addresses: at most `max_pogingen` failed (or still running) attempts in `venster`
      seconds; beyond that every attempt for that account is refused with a wait time, also with the right password
      (a guesser cannot get past it by spreading over addresses).
    * Per address: from `ip_drempel` failed attempts in `venster` seconds on, every attempt from that address is
      slowed down (`ip_stap` seconds per extra failure, at most `ip_max_vertraging`), but never refused: several
      people behind one address (an office, a school) can still log in with the right password.

    Atomic: an attempt is written *before* the password is checked and the count includes it, so parallel attempts
    see each other; at most `max_pogingen` attempts for an account can ever reach the password check in a window.
    On success the attempt is removed (and the account's earlier failures are forgotten); on refusal it is removed;
    on a wrong password it stays and counts. Only HMACs of the e-mail address and of the address are stored."""

    def __init__(self, max_pogingen: int = 5, venster: float = 900.0, ip_drempel: int = 30, ip_stap: float = 0.5,
                 ip_max_vertraging: float = 5.0):
        self.max_pogingen = max_pogingen
        self.venster = venster
        self.ip_drempel = ip_drempel
        self.ip_stap = ip_stap
        self.ip_max_vertraging = ip_max_vertraging

    @staticmethod
    def sleutels(geheim: bytes, ip: str, account: str) -> tuple[str, str]:
        def h(x: str) -> str:
            return hmac.new(geheim, x.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()[:40]

        return "acc:" + h("acc:" + (account or "").strip().lower()[:254]), "ip:" + h("ip:" + ip)

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
            n_acc, oudste = s.execute(select(func.count(InlogPoging.id), func.min(InlogPoging.tijd))
                                      .where(InlogPoging.sleutel == k_acc, InlogPoging.tijd >= grens)).one()
            if n_acc > self.max_pogingen:
                s.execute(delete(InlogPoging).where(InlogPoging.id.in_(poging.ids)))
                poging.wacht = max(1, int((oudste or nu) + self.venster - nu) + 1)
                poging.ids = []
                return poging
            n_ip = s.scalar(select(func.count(InlogPoging.id))
                            .where(InlogPoging.sleutel == k_ip, InlogPoging.tijd >= grens)) or 0
        if n_ip > self.ip_drempel:
            poging.vertraging = min(self.ip_max_vertraging, self.ip_stap * (n_ip - self.ip_drempel))
        return poging

    def einde(self, db, geheim: bytes, ip: str, account: str, poging: Poging, gelukt: bool) -> None:
        from sqlalchemy import delete

        from kotwijzer.store.models import InlogPoging

        if not gelukt or not poging.ids:
            return  # a wrong password: the rows stay and count
        k_acc, _ = self.sleutels(geheim, ip, account)
        with db.sessie() as s:
            s.execute(delete(InlogPoging).where((InlogPoging.id.in_(poging.ids)) | (InlogPoging.sleutel == k_acc)))


async def begrensd_inloggen(request, account: str, controleer):
    """Run `controleer()` (the password check, in a worker thread) under the login limits. Returns its result, or
    raises `TeVeelPogingen` with the seconds to wait. A right password is only refused when the account itself has
    too many failed attempts; from a busy address it is only slowed down."""
    import anyio
    from starlette.concurrency import run_in_threadpool

    from kotwijzer.http.adres import client_adres

    app = request.app
    ip = client_adres(request)
    limiet: InlogLimiet = app.state.limiet
    poging = await run_in_threadpool(limiet.begin, app.state.db, app.state.geheim, ip, account)
    if poging.wacht:
        raise TeVeelPogingen(poging.wacht)
    if poging.vertraging:
        await anyio.sleep(poging.vertraging)
    uit = await run_in_threadpool(controleer)
    await run_in_threadpool(limiet.einde, app.state.db, app.state.geheim, ip, account, poging, uit is not None)
    return uit


class TeVeelPogingen(Exception):
    def __init__(self, wacht: int):
        super().__init__(f"wacht {wacht} s")
        self.wacht = wacht


def csrf_token(geheim: bytes, sessie_token: str) -> str:
    return hmac.new(geheim, b"csrf:" + sessie_token.encode(), hashlib.sha256).hexdigest()


def csrf_klopt(geheim: bytes, sessie_token: str | None, gegeven: str | None) -> bool:
    if not sessie_token or not gegeven or not isinstance(gegeven, str):
        return False
    return hmac.compare_digest(csrf_token(geheim, sessie_token), gegeven)
