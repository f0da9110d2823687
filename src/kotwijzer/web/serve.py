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
    """The app as `serve()` runs it (also `uvicorn --factory kotwijzer.web.serve:productie_app`): after start-up the
    long-lived objects (law data, templates) are moved out of the garbage collector's way, which keeps pauses short."""
    import gc

    from kotwijzer.web.app import create_app

    app = create_app(database_url, secure_cookies=secure_cookies)
    gc.collect()
    gc.freeze()
    return app


def serve(host: str = "127.0.0.1", port: int = 8000, voorbeelddata: bool = False, database_url: str | None = None,
          secure_cookies: bool | None = None, log_level: str = "info") -> None:
    import uvicorn

    url = normaliseer_url(database_url or os.environ.get("DATABASE_URL") or standaard_url())
    app = productie_app(url, secure_cookies=secure_cookies)
    veilig = url.split("@")[-1] if "@" in url else url
    print(f"Database: {veilig} (bijgewerkt tot de nieuwste versie)")
    if voorbeelddata:
        from kotwijzer.store.voorbeeld import ORGANISATIE, laad_voorbeeldcatalogus, laad_voorbeelden
        from kotwijzer.web.beleid import VOORBEELD_MAP

        if laad_voorbeeldcatalogus(app.state.db):
            print("Voorbeeldcatalogus van gemeenten geladen (verzonnen gemeenten, niet het beleid van een echte gemeente).")
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
            print(f"Voorbeeldorganisatie '{ORGANISATIE}' bestaat al (gebruiker {email}; het wachtwoord is bij de eerste "
                  "start getoond). Verwijder var/kotwijzer.sqlite om opnieuw te beginnen.")
    weergave = f"[{host}]" if ":" in host else host
    print(f"kotwijzer draait op http://{weergave}:{port}/  (API: http://{weergave}:{port}/api/v1/docs)  Stoppen: Ctrl+C")
    # no access log: it would record client IP addresses and query strings (no personal data in logs)
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=True, server_header=False,
                access_log=False)
