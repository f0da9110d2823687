"""/beleid: the reform scenarios (R1-R5) of a stored run of `kotwijzer beleid hervorming`, for analysts.

The page reads what the policy package wrote (`kotwijzer.policy.rapport.hervorming_overzicht(map)`, which only reads
`overzicht.json`) and serves that folder's charts (PNG, SVG) and tables (CSV) at /beleid/bestanden/<name>. It computes
nothing itself. Which folder:

1. `KOTWIJZER_BELEID_MAP`, or var/beleid/hervormingen (where `kotwijzer beleid hervorming alle` writes by default);
2. with `kotwijzer serve --voorbeelddata`, when there is no run there: a small example run (20,000 synthetic households,
   seed 2024), computed once in the background at start (or on the first visit) and kept in var/beleid/voorbeeld;
3. otherwise the page says which commands make a run.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from kotwijzer.formaat import getal
from kotwijzer.http.fouten import ApiFout
from kotwijzer.web.basis import render, templates

log = logging.getLogger("kotwijzer.web")
router = APIRouter(include_in_schema=False)

STANDAARD_MAP = Path("var/beleid/hervormingen")
VOORBEELD_MAP = Path("var/beleid/voorbeeld")
VOORBEELD_AANTAL = 20_000
VOORBEELD_SEED = 2024
VOORBEELD_JAAR = 2024
_BESTAND = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,100}\.(png|svg|csv)$")
MEDIA = {"png": "image/png", "svg": "image/svg+xml", "csv": "text/csv; charset=utf-8"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_EXPORT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_-]{0,100})\.(csv|xlsx)$")


def maak_voorbeeldrun(
    map_: Path, aantal: int = VOORBEELD_AANTAL, seed: int = VOORBEELD_SEED, jaar: int = VOORBEELD_JAAR
) -> Path:
    """Generate and calibrate a small population, run the baseline and all reforms, and write the tables and charts
    to `map_` (written in a temporary folder next to it first, so a half-written run is never shown)."""
    from kotwijzer.policy import hervorming as H
    from kotwijzer.policy import kalibratie as K
    from kotwijzer.policy import microsim as M
    from kotwijzer.policy import rapport as R
    from kotwijzer.policy.aannames import Aannames

    map_ = Path(map_)
    map_.parent.mkdir(parents=True, exist_ok=True)
    aannames = Aannames.standaard()
    pop = K.maak_populatie(aantal, jaar, seed=seed, aannames=aannames)[0]
    res = M.simuleer(pop, list(H.alle().values()), dask="", aannames=aannames)
    tmp = Path(tempfile.mkdtemp(prefix=f".{map_.name}-", dir=map_.parent))
    try:
        R.schrijf_hervormingen(res, tmp)
        if map_.exists():
            shutil.rmtree(map_)
        tmp.rename(map_)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return map_


class BeleidBron:
    """Where /beleid reads its run. `voorbeeld_map`: the folder of the example run (None: no example run)."""

    def __init__(
        self,
        map_: str | Path | None = None,
        voorbeeld_map: str | Path | None = None,
        aantal: int = VOORBEELD_AANTAL,
        seed: int = VOORBEELD_SEED,
    ) -> None:
        self.map = Path(map_ or os.environ.get("KOTWIJZER_BELEID_MAP") or STANDAARD_MAP)
        self.voorbeeld_map = Path(voorbeeld_map) if voorbeeld_map is not None else None
        self.aantal = aantal
        self.seed = seed
        self._slot = threading.Lock()
        self._draad: threading.Thread | None = None
        self.fout: str | None = None

    @staticmethod
    def _heeft_run(map_: Path | None) -> bool:
        return map_ is not None and (map_ / "overzicht.json").is_file()

    def start(self) -> None:
        """Start the example run in the background, when it is needed and not yet there or running."""
        if self.voorbeeld_map is None or self._heeft_run(self.map) or self._heeft_run(self.voorbeeld_map):
            return
        with self._slot:
            if self._draad is None:
                self._draad = threading.Thread(target=self._reken, name="kotwijzer-beleid-voorbeeld", daemon=True)
                self._draad.start()

    def _reken(self) -> None:
        try:
            maak_voorbeeldrun(self.voorbeeld_map, self.aantal, self.seed)  # type: ignore[arg-type]
        except Exception as e:  # noqa: BLE001 - shown on the page; the app keeps running
            log.error("voorbeeldberekening voor /beleid mislukt: %s: %s", type(e).__name__, e)
            self.fout = f"De voorbeeldberekening is mislukt ({type(e).__name__})."

    def huidige(self, wachten: float = 0.0) -> tuple[Path | None, bool]:
        """(folder with overzicht.json or None, is it the example run). Starts the example run when needed and waits
        at most `wachten` seconds for it."""
        if self._heeft_run(self.map):
            return self.map, False
        if self.voorbeeld_map is None:
            return None, False
        if not self._heeft_run(self.voorbeeld_map):
            self.start()
            if self._draad is not None:
                self._draad.join(wachten)
        return (self.voorbeeld_map, True) if self._heeft_run(self.voorbeeld_map) else (None, True)

    @property
    def bezig(self) -> bool:
        return self._draad is not None and self._draad.is_alive()


def _bron(request: Request) -> BeleidBron:
    b = getattr(request.app.state, "beleid", None)
    if b is None:
        b = request.app.state.beleid = BeleidBron()
    return b


# ------------------------------------------------------------------------------------------ number formats
def _nl(x: float, dec: int = 0) -> str:
    return getal(x, dec, nullen="vast")


def bedrag(x: Any) -> str:
    """Euros per year, short: '€ 3,8 mln', '€ 4,337 mld', '€ 4.683'."""
    if x is None:
        return "-"
    x = float(x)
    teken = "-" if x < 0 else ""
    a = abs(x)
    if a >= 1e9:
        return f"{teken}€ {_nl(a / 1e9, 3)} mld"
    if a >= 1e6:
        return f"{teken}€ {_nl(a / 1e6, 1)} mln"
    return f"{teken}€ {_nl(a)}"


def mln(x: Any) -> str:
    """Euros per year in millions, for columns that compare reforms: '€ 3,81 mln', '€ 533,1 mln'."""
    if x is None:
        return "-"
    x = float(x) / 1e6
    return f"{'-' if x < 0 else ''}€ {_nl(abs(x), 2 if abs(x) < 10 else 1)} mln"


def getal1(x: Any) -> str:
    return "-" if x is None else _nl(float(x), 1)


def aantal(x: Any) -> str:
    return "-" if x is None else _nl(round(float(x)))


def aandeel(x: Any) -> str:
    return "-" if x is None else f"{_nl(float(x) * 100)}%"


def tabelnaam(bestand: str) -> str:
    """A table file of the run in plain words (for download links): 'R1_per_deciel.csv' -> 'R1 per inkomensdeciel'."""
    stam = bestand.rsplit(".", 1)[0]
    code, _, rest = stam.partition("_")
    if not re.fullmatch(r"R\d+|basis|hervormingen", code):
        code, rest = "", stam
    woorden = {
        "samenvatting": "alle cijfers",
        "uitgaven": "uitgaven per hervorming",
        "per_doelgroep": "per doelgroep",
        "per_deciel": "per inkomensdeciel",
        "per_huishoudtype": "per huishoudtype",
        "winnaars_verliezers_per_deciel": "vooruit en achteruit per inkomensdeciel",
        "uitgaven_per_deciel": "uitgaven per inkomensdeciel",
        "uitgaven_per_opvangsoort": "uitgaven per opvangsoort",
        "nieuwe_ontvangers_per_doelgroep": "nieuwe ontvangers per doelgroep",
    }
    tekst = woorden.get(rest, rest.replace("_", " "))
    code = {"basis": "huidige wet:", "hervormingen": ""}.get(code, code)
    return f"{code} {tekst}" if code else tekst


# The source documents by their real title (as the project cites them), for source texts that name them by number
BRONTITELS = {
    "000": "het onderzoek 'Kinderopvangtoeslag in de Participatiewet' (voor het ministerie van SZW, 21 mei 2025)",
    "001": "het onderzoek voor Dienst Toeslagen naar het lage aantal aanvragen door gezinnen met een Wlz-indicatie",
    "002": "de brief van de minister van SZW aan de Tweede Kamer over de invoeringstoets Wlz (2022/23)",
    "003": "het eerste rapport van Research voor Beleid over de Wet verbetering arbeidsmarktpositie alleenstaande ouders",
    "004": "het Besluit van 22 augustus 2022 tot wijziging van het Besluit kinderopvangtoeslag, met de nota van toelichting",
}


def brontekst(tekst: str | None) -> str:
    """'Seed 000, par. 1.1 (r. 390-393): ...' -> "het onderzoek '...' (...), par. 1.1: ..."; line numbers are left out."""
    if not tekst:
        return ""
    t = re.sub(r"\s*\(r\. ?\d+(-\d+)?\)", "", str(tekst))
    t = re.sub(r"\s*\((?:[^()]*\b)?(?:mini[^()]*|Significant APE[^()]*|Kamerbrief[^()]*)\)", "", t)
    t = re.sub(r"\s*\([^()]*(?:\.csv|README|\.md)[^()]*\)", "", t)  # file names are no source for a reader
    return re.sub(r"[Ss]eed (\d{3})", lambda m: BRONTITELS.get(m.group(1), "een brondocument"), t)


templates.env.filters.update(
    bedrag=bedrag, mln=mln, aantal=aantal, aandeel=aandeel, getal1=getal1, tabelnaam=tabelnaam, brontekst=brontekst
)

GROEP_TEKST_KORT = {
    "werk": "werk",
    "bijstand_traject": "bijstand met traject (A/B)",
    "bijstand_categorie_c": "bijstand met activiteit C",
    "bijstand_geen_activiteit": "bijstand zonder activiteit",
    "studie": "studie",
    "inburgering": "inburgering",
    "wlz": "Wlz-indicatie",
    "detentie": "partner in detentie",
    "overige_doelgroep": "WW of ziek, met traject",
    "geen": "geen situatie die recht geeft",
}


def _groep_tekst(g: str) -> str:
    try:
        from kotwijzer.policy.populatie import GROEP_TEKST

        return GROEP_TEKST.get(g, GROEP_TEKST_KORT.get(g, g))
    except ImportError:  # pragma: no cover
        return GROEP_TEKST_KORT.get(g, g)


# ------------------------------------------------------------------------------------------------- routes
@router.get("/beleid", response_class=HTMLResponse)
def beleid_pagina(request: Request):
    from kotwijzer.policy.rapport import hervorming_overzicht

    bron = _bron(request)
    map_, voorbeeld = bron.huidige(wachten=60.0)
    ctx: dict[str, Any] = {
        "ov": None,
        "voorbeeld": voorbeeld,
        "bezig": bron.bezig,
        "fout": bron.fout,
        "map": str(bron.map),
        "groep_tekst": _groep_tekst,
    }
    if map_ is not None:
        try:
            ctx["ov"] = hervorming_overzicht(map_)
        except (OSError, ValueError, KeyError) as e:
            log.error("kon %s niet lezen: %s", map_, type(e).__name__)
            ctx["fout"] = "De opgeslagen doorrekening kon niet worden gelezen. Maak haar opnieuw."
    return render(request, "beleid.html", titel="Beleidsanalyse: hervormingen van de kinderopvangtoeslag", **ctx)


@router.get("/beleid/export/{naam}")
def beleid_export(request: Request, naam: str):
    """A table of the run for a Dutch spreadsheet: '<table>.csv' (semicolons, BOM) or '<table>.xlsx', with units in
    the headers and rounded values (see `kotwijzer.web.export`)."""
    from kotwijzer.web.export import csv_bytes, lees_beleid_csv, tekstkolommen, xlsx_bytes

    map_, voorbeeld = _bron(request).huidige()
    m = _EXPORT.match(naam)
    if map_ is None or m is None:
        raise ApiFout(404, "niet_gevonden", "Dit bestand bestaat niet.")
    bron = (map_ / f"{m.group(1)}.csv").resolve()
    if bron.parent != map_.resolve() or not bron.is_file() or m.group(1).startswith("cellen_"):
        raise ApiFout(404, "niet_gevonden", "Dit bestand bestaat niet.")
    namen, rijen = lees_beleid_csv(bron)
    kolommen = tekstkolommen(namen, rijen)
    let_op = kanttekeningen(map_, voorbeeld)
    if m.group(2) == "csv":
        return Response(
            csv_bytes(kolommen, rijen) + csv_kanttekeningen(let_op),
            media_type=MEDIA["csv"],
            headers={"Content-Disposition": f'attachment; filename="{naam}"'},
        )
    return Response(
        xlsx_met_kanttekeningen(xlsx_bytes(kolommen, rijen, m.group(1)), let_op),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="{naam}"'},
    )


def kanttekeningen(map_: Path, voorbeeld: bool) -> list[str]:
    """What a reader of a downloaded table must know (the same caveats as on the page): sample size, the status of
    the table, that the amounts are unaligned and static, the source."""
    import json

    try:
        ov = json.loads((map_ / "overzicht.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        ov = {}
    run = ov.get("run") or {}
    n = run.get("huishoudens_synthetisch")
    uit = []
    if n:
        uit.append(
            f"Berekend met {_nl(n)} nagebootste huishoudens"
            + (
                "; een kleine voorbeeldberekening: te weinig voor kleine groepen, lees de cijfers als een voorbeeld."
                if voorbeeld or n < 1_000_000
                else "."
            )
        )
    uit.extend(str(w) for w in ov.get("waarschuwingen") or [])
    uit.append(
        "Bron: kotwijzer-microsimulatie, synthetische populatie gewogen naar CBS en SZW; regels en tabellen van "
        f"het jaar {ov.get('jaar', '')}. Bedragen in euro per jaar; aantallen gewogen."
    )
    return uit


def csv_kanttekeningen(regels: list[str]) -> bytes:
    """The caveats under a CSV export: an empty line, then one line per caveat (first column)."""
    import csv as _csv
    import io

    uit = io.StringIO(newline="")
    w = _csv.writer(uit, delimiter=";", lineterminator="\r\n")
    w.writerow([])
    for r in regels:
        r = r.replace(";", ",")  # one cell per line, without quotes, in a semicolon-separated file
        w.writerow([r if r.startswith("Bron:") else f"Let op: {r}"])
    return uit.getvalue().encode("utf-8")


def xlsx_met_kanttekeningen(data: bytes, regels: list[str]) -> bytes:
    """The caveats under the table of an xlsx export (one empty row, then one row per caveat)."""
    import io

    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    ws = wb.active
    rij = ws.max_row + 2
    for r in regels:
        ws.cell(row=rij, column=1, value=r if r.startswith("Bron:") else f"Let op: {r}").data_type = "s"
        rij += 1
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


@router.get("/beleid/bestanden/{naam}")
def beleid_bestand(request: Request, naam: str):
    """A chart or table of the run shown on /beleid (only PNG, SVG and CSV files directly in its folder)."""
    map_, _ = _bron(request).huidige()
    if map_ is None or not _BESTAND.match(naam):
        raise ApiFout(404, "niet_gevonden", "Dit bestand bestaat niet.")
    pad = (map_ / naam).resolve()
    if pad.parent != map_.resolve() or not pad.is_file():
        raise ApiFout(404, "niet_gevonden", "Dit bestand bestaat niet.")
    soort = naam.rsplit(".", 1)[1]
    headers = {"Cache-Control": "private, max-age=300"}
    if soort == "csv":
        headers["Content-Disposition"] = f'attachment; filename="{naam}"'
    return FileResponse(pad, media_type=MEDIA[soort], headers=headers)
