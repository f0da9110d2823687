"""`kotwijzer serve`: migrate the database, load example data when asked, and run the web app with uvicorn."""

from __future__ import annotations

import os
from typing import Any

from kotwijzer.store import normaliseer_url, standaard_url


def _samenvatting(invoer: dict[str, Any]) -> dict[str, Any]:
    from kotwijzer.diensten import samenvatting_voor_opslag
    from kotwijzer.model import Huishouden

    return samenvatting_voor_opslag(Huishouden.model_validate(invoer))


def productie_app(database_url: str | None = None, secure_cookies: bool | None = None):
    """The app as `serve()` runs it (also `uvicorn --factory kotwijzer.serve:productie_app`): after start-up the
    long-lived objects (law data, templates) are moved out of the garbage collector's way, which keeps pauses short.
    With several workers the parent process has already migrated the database (KOTWIJZER_MIGREREN=0)."""
    import gc

    from kotwijzer.app import create_app

    migreren = os.environ.get("KOTWIJZER_MIGREREN", "1") != "0"
    app = create_app(database_url, secure_cookies=secure_cookies, migreren=migreren)
    app.state.pdfpoort.start()  # the PDF processes start with the worker, not with the first PDF
    gc.collect()
    gc.freeze()
    return app


def vertrouwde_proxies(waarde: str | None = None) -> str | None:
    """The proxies whose X-Forwarded-For/-Proto headers are believed: --trusted-proxies or KOTWIJZER_VERTROUWDE_PROXIES
    (comma-separated addresses or networks, as uvicorn's forwarded_allow_ips). None: trust no proxy headers."""
    w = waarde if waarde is not None else os.environ.get("KOTWIJZER_VERTROUWDE_PROXIES", "")
    w = ",".join(x.strip() for x in w.split(",") if x.strip())
    return w or None


def uvicorn_opties(workers: int = 1, trusted_proxies: str | None = None, log_level: str = "info") -> dict[str, Any]:
    """The uvicorn settings of `kotwijzer serve` (see docs/web.md, "running in production")."""
    from kotwijzer.http.logboek import log_config
    from kotwijzer.http.verbinding import BegrensdeHttp

    proxies = vertrouwde_proxies(trusted_proxies)
    return {
        "log_level": log_level,
        # no exception message or traceback in any log line (kotwijzer.http.logboek)
        "log_config": log_config(log_level),
        # no access log: it would record client IP addresses and query strings (no personal data in logs)
        "access_log": False,
        "server_header": False,
        # X-Forwarded-For/-Proto only from the configured proxies; without one they are ignored
        "proxy_headers": proxies is not None,
        "forwarded_allow_ips": proxies or "",
        # slow clients: a request must arrive within KOTWIJZER_LEES_TIMEOUT s; idle keep-alive closes after 5 s
        "http": BegrensdeHttp,
        "timeout_keep_alive": 5,
        "h11_max_incomplete_event_size": 16 * 1024,
        # open connections and requests per worker; beyond this uvicorn answers 503 at once
        "limit_concurrency": int(os.environ.get("KOTWIJZER_MAX_VERBINDINGEN", "1000")),
        "backlog": 2048,
        "timeout_graceful_shutdown": 10,
        # a worker that does not answer the supervisor's health check in time is killed and restarted; building the
        # app takes seconds on a busy machine, and uvicorn's default of 5 s then kills every new worker in a loop
        "timeout_worker_healthcheck": int(os.environ.get("KOTWIJZER_WORKER_HEALTHCHECK", "60")),
        "workers": max(1, workers),
    }


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    voorbeelddata: bool = False,
    database_url: str | None = None,
    secure_cookies: bool | None = None,
    log_level: str = "info",
    workers: int = 1,
    trusted_proxies: str | None = None,
) -> None:
    import uvicorn

    url = normaliseer_url(database_url or os.environ.get("DATABASE_URL") or standaard_url())
    app = productie_app(url, secure_cookies=secure_cookies)
    veilig = url.split("@")[-1] if "@" in url else url
    print(f"Database: {veilig} (bijgewerkt tot de nieuwste versie)")
    try:
        for bezwaar in app.state.db.logboek_bezwaren():
            print(f"Let op: {bezwaar}. Zie docs/web.md, 'Running in production'.")
    except Exception:  # noqa: BLE001 - only advice; the server starts anyway
        pass
    from kotwijzer.http.beveiliging import publiek_adres

    if publiek_adres() is None and host not in ("127.0.0.1", "localhost", "::1"):
        print(
            "Let op: KOTWIJZER_PUBLIEK_ADRES is niet gezet; alleen verzoeken voor 127.0.0.1 en localhost worden "
            "beantwoord. Zie docs/web.md."
        )
    if voorbeelddata:
        from kotwijzer.store.voorbeeld import ORGANISATIE, laad_voorbeeldcatalogus, laad_voorbeelden
        from kotwijzer.web.beleid import VOORBEELD_MAP

        if laad_voorbeeldcatalogus(app.state.db):
            print(
                "Voorbeeldcatalogus van gemeenten geladen (verzonnen gemeenten, niet het beleid van een echte gemeente)."
            )
        else:
            print("Er staat al een catalogus van gemeenten in de database; die blijft staan.")
        beleid = app.state.beleid
        beleid.voorbeeld_map = VOORBEELD_MAP
        if not beleid.huidige()[0]:
            print(f"Beleidsanalyse: een kleine voorbeeldberekening wordt op de achtergrond gemaakt ({VOORBEELD_MAP}).")
        beleid.start()

        email, wachtwoord = laad_voorbeelden(app.state.db, _samenvatting)
        if wachtwoord:
            print(f"Voorbeeldorganisatie '{ORGANISATIE}' aangemaakt. Inloggen als professional:")
            print(f"  e-mail:     {email}")
            print(f"  wachtwoord: {wachtwoord}")
        else:
            print(
                f"Voorbeeldorganisatie '{ORGANISATIE}' bestaat al (gebruiker {email}; het wachtwoord is bij de eerste "
                "start getoond). Verwijder var/kotwijzer.sqlite om opnieuw te beginnen."
            )
    weergave = f"[{host}]" if ":" in host else host
    opties = uvicorn_opties(workers, trusted_proxies, log_level)
    if opties["workers"] > 1:
        print(f"{opties['workers']} workers")
    print(
        f"kotwijzer draait op http://{weergave}:{port}/  (API: http://{weergave}:{port}/api/v1/docs)  Stoppen: Ctrl+C"
    )
    if opties["workers"] == 1:
        uvicorn.run(app, host=host, port=port, **opties)
        return
    # several worker processes: each builds its own app from the environment; the database is migrated already
    app.state.db.sluit()
    os.environ["DATABASE_URL"] = url
    os.environ["KOTWIJZER_MIGREREN"] = "0"
    if secure_cookies is not None:
        os.environ["KOTWIJZER_SECURE_COOKIES"] = "1" if secure_cookies else "0"
    uvicorn.run("kotwijzer.serve:productie_app", factory=True, host=host, port=port, **opties)
