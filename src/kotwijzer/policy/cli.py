"""`kotwijzer beleid`: synthetic population, baseline microsimulation and reforms (Typer app `app`).

kotwijzer beleid populatie --jaar 2024 --aantal 200000 --uitvoer var/beleid/populatie_2024.parquet
kotwijzer beleid simuleer --populatie var/beleid/populatie_2024.parquet --uitvoer var/beleid/basis
kotwijzer beleid hervorming alle --uitvoer var/beleid/hervormingen [--dask local | --dask tcp://host:8786]
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console
from rich.table import Table

from kotwijzer.formaat import getal, procent
from kotwijzer.policy import hervorming as H
from kotwijzer.policy import populatie as P

app = typer.Typer(
    help="Beleidsanalyse: synthetische populatie, doorrekening van de huidige wet en van hervormingen. Zonder "
    "opdracht: de hele analyse (kotwijzer beleid analyse) met de standaardinstellingen.",
    invoke_without_command=True,
    add_completion=False,
)
console = Console()
if not console.is_terminal:
    console = Console(width=160)

STANDAARD_MAP = Path("var/beleid")
AANNAMES_HELP = (
    "Ander aannamebestand (YAML met dezelfde opbouw als de meegeleverde populatie_aannames.yaml); zonder deze optie "
    "de meegeleverde aannames."
)
DASK_HELP = (
    "Reken op Dask: 'local' (cluster op deze computer, een thread per core), 'local-processen' (een proces per "
    "core) of het adres van een scheduler, bijvoorbeeld tcp://host:8786. Zonder deze optie: de omgevingsvariabele "
    "KOTWIJZER_DASK_SCHEDULER, anders een proces."
)


def _heel(x: float) -> str:
    return getal(x, 0)


def _euro(x: float) -> str:
    if abs(x) >= 1e9:
        return f"€ {getal(x / 1e9, 3, nullen='vast')} mld"
    if abs(x) >= 1e6:
        return f"€ {getal(x / 1e6, 1, nullen='vast')} mln"
    return f"€ {getal(x, 0)}"


def _fout(bericht: str) -> NoReturn:
    console.print(f"[red]{bericht}[/red]")
    raise typer.Exit(code=1)


def _aannames(pad: Path | None) -> P.Aannames:
    """The assumptions of the command: the file given with --aannames, or the shipped ones."""
    try:
        return P.Aannames.kies(pad)
    except ValueError as e:
        _fout(str(e))


def _schrijf_herkomst(map_: Path, seed, aannames: P.Aannames, hervormingen=None, extra=None) -> dict:
    from kotwijzer.policy.herkomst import herkomst

    h = herkomst(
        seed=seed,
        aannames=aannames.document(),
        aannames_bron=aannames.bron,
        hervormingen=hervormingen,
        extra=extra,
    )
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / "herkomst.json").write_text(json.dumps(h, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return h


@app.callback()
def _standaard(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:
        analyse(
            uitvoer=STANDAARD_MAP / "analyse",
            aantal=200_000,
            seed=2024,
            populatie=None,
            trekkingen=200,
            mc_aantal=20_000,
            seeds=10,
            tornado=True,
            dask=None,
            partitie=65_536,
            aannames=None,
        )


# ------------------------------------------------------------------------------------------ populatie
@app.command()
def populatie(
    jaar: int = typer.Option(2024, help="Simulatiejaar (2023 of 2024: alleen daarvoor zijn er kalibratiedoelen)."),
    aantal: int = typer.Option(200_000, help="Aantal synthetische huishoudens."),
    seed: int = typer.Option(2024, help="Startgetal van de toevalsgenerator (zelfde seed = zelfde populatie)."),
    uitvoer: Path | None = typer.Option(None, help="Parquet-bestand (standaard var/beleid/populatie_JAAR.parquet)."),
    aannames: Path | None = typer.Option(None, "--aannames", help=AANNAMES_HELP),
) -> None:
    """Maak een synthetische populatie, weeg die naar de statistieken en bewaar die als Parquet."""
    from kotwijzer.policy import kalibratie as K
    from kotwijzer.policy.herkomst import herkomst

    a = _aannames(aannames)

    uitvoer = uitvoer or STANDAARD_MAP / f"populatie_{jaar}.parquet"
    t0 = time.perf_counter()
    try:
        with console.status("Huishoudens maken ...") as st:
            pop = P.generate(aantal, jaar, seed, a)
            st.update("Regels toepassen en wegen ...")
            pop, rapport, _ = K.kalibreer(pop, aannames=a)
            st.update("Bewaren ...")
            pop.meta.update(_meta_aannames(a))
            pop.meta["herkomst"] = herkomst(seed=seed, aannames=a.document(), aannames_bron=a.bron)
            pop.naar_parquet(uitvoer)
    except (ValueError, K.KalibratieFout) as e:
        _fout(str(e))
    stam = uitvoer.with_suffix("")
    rapport.to_csv(f"{stam}_kalibratie.csv", index=False)
    K.aannames_tabel(a).to_csv(f"{stam}_aannames.csv", index=False)
    Path(f"{stam}.json").write_text(
        json.dumps({"jaar": jaar, **pop.meta}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    toon_kalibratie(rapport, jaar)
    r = pop.meta.get("raking", {})
    console.print(
        f"{getal(aantal, 0)} huishoudens (gewogen {getal(pop.meta['huishoudens_gewogen'], 0)}), seed {seed}, jaar {jaar}. "
        f"Weging: {r.get('iteraties')} stappen, gewichtsfactor {getal(r.get('g_min', 0), 2, nullen='vast')} tot {getal(r.get('g_max', 0), 2, nullen='vast')}. "
        f"Klaar in {getal(time.perf_counter() - t0, 1, nullen='vast')} s."
    )
    console.print(f"Bewaard: {uitvoer}, {stam}_kalibratie.csv, {stam}_aannames.csv, {stam}.json")


def _meta_aannames(a: P.Aannames) -> dict:
    ruw = a.document()
    tekst = json.dumps(ruw, sort_keys=True, ensure_ascii=False, default=str)
    return {
        "aannames": {k: {"waarde": v["waarde"], "bereik": v.get("bereik")} for k, v in ruw["aannames"].items()},
        "niet_gebruik": {g: {x: v[x] for x in ("laag", "midden", "hoog")} for g, v in ruw["niet_gebruik"].items()},
        "aannames_sha256": hashlib.sha256(tekst.encode()).hexdigest()[:16],
        "aannames_bron": a.bron,
    }


ROL_TEKST = {"kalibratie": "kalibratie", "invoercontrole": "invoercontrole", "validatie": "validatie"}


def toon_kalibratie(rapport, jaar: int) -> None:
    t = Table(title=f"Kalibratie {jaar}: doel en bereikt", show_lines=False)
    for kol in ("id", "doel", "rol", "doelwaarde", "bereikt", "verschil", "marge", "ok", "gat gevuld door"):
        t.add_column(kol, overflow="fold")
    for _, r in rapport.iterrows():
        if r["soort"] == "aandeel":
            bereikt = getal(r["bereikt"], 3, nullen="vast")
            verschil = getal(r["verschil"], 3, nullen="vast", plus=True, duizendtallen=False)
            marge = f"± {getal(r['tolerantie'], 3, nullen='vast')}"
        elif r["soort"] == "bereik":
            bereikt, verschil, marge = getal(r["bereikt"], 0), "", "binnen bereik"
        else:
            bereikt = getal(r["bereikt"], 2 if abs(r["bereikt"]) < 1000 else 0, nullen="vast")
            verschil = procent(100 * r["verschil"], 1, nullen="vast", plus=True)
            marge = f"± {procent(100 * r['tolerantie'], 1, nullen='vast')}"
        gat = r["aanname"] if r["herkomst"] in ("aanname", "afgeleid") or r["aanname"] else ""
        t.add_row(
            r["id"],
            r["doel"],
            ROL_TEKST.get(r["rol"], r["rol"]),
            str(r["doelwaarde"]),
            bereikt,
            verschil,
            marge,
            "[green]ja[/green]" if r["binnen_marge"] else "[red]nee[/red]",
            gat,
        )
    console.print(t)
    console.print(
        "Kalibratie: de gewichten zijn zo gezet dat dit klopt. Invoercontrole: niet gewogen, maar de generator gebruikt "
        "dit cijfer of een aanname die erop is afgestemd (dus geen onafhankelijke toets). Validatie: onafhankelijk van "
        "de invoer en de weging. "
        "'gat gevuld door': de aanname (populatie_aannames.yaml) die een ontbrekende of verouderde statistiek vervangt."
    )


# ------------------------------------------------------------------------------------------ simuleer
@app.command()
def simuleer(
    populatie: Path = typer.Option(STANDAARD_MAP / "populatie_2024.parquet", help="Populatie (Parquet)."),
    uitvoer: Path = typer.Option(STANDAARD_MAP / "basis", help="Map voor tabellen (CSV), grafieken en overzicht."),
    dask: str | None = typer.Option(None, "--dask", help=DASK_HELP),
    partitie: int = typer.Option(65_536, help="Huishoudens per partitie."),
    aannames: Path | None = typer.Option(None, "--aannames", help=AANNAMES_HELP),
) -> None:
    """Reken de huidige wet door op de populatie: ontvangers, uren en uitgaven, met en zonder niet-gebruik."""
    from kotwijzer.policy import microsim as M
    from kotwijzer.policy import rapport as R

    a = _aannames(aannames)

    try:
        res = M.simuleer(populatie, [], dask=dask, partitie=partitie, voortgang=True, aannames=a)
    except FileNotFoundError as e:
        _fout(str(e))
    R.schrijf_basis(res, uitvoer)
    _schrijf_herkomst(uitvoer, res.meta.get("populatie", {}).get("seed"), a, extra={"run": res.meta})
    _waarschuw(res)
    t = Table(title=f"Kinderopvangtoeslag {res.jaar}, huidige wet")
    for kol in ("", "als iedereen aanvraagt", "niet-gebruik laag", "midden", "hoog"):
        t.add_column(kol, justify="right" if kol else "left")
    for _, r in R.basis_totalen(res).iterrows():
        f = _euro if r["eenheid"].startswith("euro") else _heel
        t.add_row(r["indicator"], f(r["iedereen_vraagt_aan"]), *(f(r[f"na_niet_gebruik_{v}"]) for v in R.VARIANTEN))
    console.print(t)
    for sleutel, titel in (("groep", "doelgroep"), ("inkomensdeciel", "inkomensdeciel"), ("paar", "huishouden")):
        _toon_uitsplitsing(R.basis_uitsplitsing(res, sleutel), f"Per {titel}")
    s = R.basis_per_opvangsoort(res)
    t = Table(title="Per opvangsoort (na niet-gebruik midden)")
    for kol in ("opvangsoort", "kinderen", "uren", "toeslag", "toeslag als iedereen aanvraagt"):
        t.add_column(kol, justify="right" if kol != "opvangsoort" else "left")
    for naam, r in s.iterrows():
        t.add_row(
            naam,
            getal(r["kinderen_na_niet_gebruik"], 0),
            getal(r["uren_na_niet_gebruik"], 0),
            _euro(r["toeslag_na_niet_gebruik"]),
            _euro(r["toeslag_iedereen"]),
        )
    console.print(t)
    v = R.vergelijking_begroting(res)
    console.print("[bold]Vergelijking met de begroting[/bold]")
    for regel in v["verklaring"]:
        console.print(f"- {regel}")
    console.print(
        f"{res.meta['modus']}, {res.meta['partities']} partities, {getal(res.meta['seconden'], 1, nullen='vast')} s. Bewaard in {uitvoer}/"
    )


def _toon_uitsplitsing(df, titel: str) -> None:
    t = Table(title=f"{titel} (na niet-gebruik midden; toeslag ook als iedereen aanvraagt)")
    for kol in (
        df.index.name,
        "huishoudens",
        "met aanspraak",
        "ontvangers",
        "kinderen",
        "toeslag",
        "als iedereen aanvraagt",
        "per ontvanger",
    ):
        t.add_column(kol, justify="left" if kol == df.index.name else "right")
    for naam, r in df.iterrows():
        t.add_row(
            str(naam),
            getal(r["huishoudens"], 0),
            getal(r["met_aanspraak"], 0),
            getal(r["ontvangers_na_niet_gebruik"], 0),
            getal(r["kinderen_na_niet_gebruik"], 0),
            _euro(r["toeslag_na_niet_gebruik"]),
            _euro(r["toeslag_iedereen"]),
            _euro(r["gemiddeld_per_ontvanger"]),
        )
    console.print(t)


def _waarschuw(res) -> None:
    st = res.meta.get("tabel_status")
    if st and st != "definitief":
        console.print(
            f"[yellow]Let op: de tabel met percentages voor {res.jaar} is voorlopig (status '{st}'). Alle bedragen zijn "
            "voorlopig.[/yellow]"
        )
    w = res.meta.get("populatie", {}).get("waarschuwing")
    if w:
        console.print(f"[yellow]{w}[/yellow]")


# ------------------------------------------------------------------------------------------ hervorming
@app.command()
def hervorming(
    keuze: str = typer.Argument("alle", help="'alle', een code (R1), codes met komma's (R1,R3) of een YAML-bestand."),
    populatie: Path = typer.Option(STANDAARD_MAP / "populatie_2024.parquet", help="Populatie (Parquet)."),
    uitvoer: Path = typer.Option(
        STANDAARD_MAP / "hervormingen", help="Map voor tabellen (CSV), grafieken (PNG, SVG) en overzicht.json."
    ),
    dask: str | None = typer.Option(None, "--dask", help=DASK_HELP),
    partitie: int = typer.Option(65_536, help="Huishoudens per partitie."),
    map_: Path | None = typer.Option(None, "--map", help="Map met hervormingen (standaard de meegeleverde)."),
    aannames: Path | None = typer.Option(None, "--aannames", help=AANNAMES_HELP),
) -> None:
    """Reken een of alle hervormingen door en vergelijk met de huidige wet."""
    from kotwijzer.policy import microsim as M
    from kotwijzer.policy import rapport as R

    a = _aannames(aannames)

    try:
        gekozen = H.kies(keuze, map_)
        res = M.simuleer(populatie, gekozen, dask=dask, partitie=partitie, voortgang=True, aannames=a)
    except (H.HervormingFout, FileNotFoundError) as e:
        _fout(str(e))
    with console.status("Tabellen en grafieken schrijven ..."):
        R.schrijf_hervormingen(res, uitvoer)
    _schrijf_herkomst(uitvoer, res.meta.get("populatie", {}).get("seed"), a, gekozen, extra={"run": res.meta})
    _waarschuw(res)
    s = R.hervormingen_samenvatting(res)
    t = Table(
        title=f"Hervormingen tegenover de huidige wet ({res.jaar}); euro per jaar, lopende prijzen, model "
        "(niet uitgelijnd op de begroting), statisch",
        caption="Niet uitgelijnd: de uitgelijnde bedragen (op het jaarbedrag van de begroting) geeft "
        "'kotwijzer beleid analyse'. Bron: kotwijzer-microsimulatie.",
    )
    for kol in (
        "code",
        "hervorming",
        "uitgaven erbij (iedereen)",
        "na niet-gebruik midden",
        "laag - hoog",
        "nieuwe ontvangers",
        "na niet-gebruik",
        "winnaars",
        "verliezers",
        "gem. winst",
    ):
        t.add_column(kol, justify="left" if kol in ("code", "hervorming") else "right", overflow="fold")
    for _, r in s.iterrows():
        lo = min(r["verandering_na_niet_gebruik_laag"], r["verandering_na_niet_gebruik_hoog"])
        hi = max(r["verandering_na_niet_gebruik_laag"], r["verandering_na_niet_gebruik_hoog"])
        t.add_row(
            r["code"],
            r["naam"],
            _euro(r["verandering_iedereen"]),
            _euro(r["verandering_na_niet_gebruik_midden"]),
            f"{_euro(lo)} -\n{_euro(hi)}",
            getal(r["nieuwe_ontvangers_iedereen"], 0),
            getal(r["nieuwe_ontvangers_na_niet_gebruik"], 0),
            getal(r["winnaars"], 0),
            getal(r["verliezers"], 0),
            _euro(r["gemiddelde_winst"]),
        )
    console.print(t)
    for h in res.hervormingen:
        g = R.hervorming_per_groep(res, h.code)
        g = g[(g["nieuwe_aanspraak"] > 0) | (g["winnaars"] > 0)]
        if len(g):
            tg = Table(title=f"{h.code} {h.naam}: per doelgroep")
            for kol in (
                "doelgroep",
                "nieuwe aanspraak",
                "nieuwe ontvangers",
                "na niet-gebruik",
                "winnaars",
                "uitgaven erbij",
                "na niet-gebruik midden",
            ):
                tg.add_column(kol, justify="left" if kol == "doelgroep" else "right")
            for naam, r in g.iterrows():
                tg.add_row(
                    str(naam),
                    getal(r["nieuwe_aanspraak"], 0),
                    getal(r["nieuwe_ontvangers_iedereen"], 0),
                    getal(r["nieuwe_ontvangers_na_niet_gebruik"], 0),
                    getal(r["winnaars"], 0),
                    _euro(r["verandering_iedereen"]),
                    _euro(r["verandering_na_niet_gebruik"]),
                )
            console.print(tg)
    console.print(
        "Winnaars en verliezers per inkomensdeciel: zie de CSV-bestanden en grafieken per hervorming. "
        f"{res.meta['modus']}, {res.meta['partities']} partities, {getal(res.meta['seconden'], 1, nullen='vast')} s "
        f"({getal(res.meta['huishoudjaren_per_seconde'] or 0, 0)} huishoudjaren per seconde). Bewaard in {uitvoer}/"
    )


# ------------------------------------------------------------------------------------------ analyse
@app.command()
def analyse(
    uitvoer: Path = typer.Option(
        STANDAARD_MAP / "analyse", help="Map voor tabellen (CSV en xlsx), grafieken en herkomst."
    ),
    aantal: int = typer.Option(200_000, help="Huishoudens in de centrale populatie (als er geen --populatie is)."),
    seed: int = typer.Option(2024, help="Startgetal van de toevalsgenerator."),
    populatie: Path | None = typer.Option(None, help="Bestaande populatie (Parquet) in plaats van een nieuwe."),
    trekkingen: int = typer.Option(200, help="Monte Carlo-trekkingen (0 = geen)."),
    mc_aantal: int = typer.Option(
        20_000, help="Huishoudens per trekking (elke trekking maakt en weegt een eigen populatie)."
    ),
    seeds: int = typer.Option(10, help="Startgetallen voor de seedvariantie van kleine groepen (0 = geen)."),
    tornado: bool = typer.Option(True, help="Gevoeligheid per aanname (tornadografiek)."),
    dask: str | None = typer.Option(None, "--dask", help=DASK_HELP),
    partitie: int = typer.Option(65_536, help="Huishoudens per partitie."),
    aannames: Path | None = typer.Option(None, "--aannames", help=AANNAMES_HELP),
) -> None:
    """De hele analyse: uitgelijnde meerjarige basis 2024-2030, hervormingen R1-R5, stelsel 2029, onzekerheid
    (Monte Carlo, tornado, seedvariantie), aansluiting op gepubliceerde cijfers, gedragsvariant; CSV, xlsx, grafieken
    en herkomst."""
    from kotwijzer.policy import doorrekening as D
    from kotwijzer.policy import kalibratie as K
    from kotwijzer.policy.rekenomgeving import VersieFout

    a = _aannames(aannames)
    t0 = time.perf_counter()
    try:
        with console.status("Rekenen ...") as st:
            o = D.volledig(
                uitvoer,
                aantal=aantal,
                seed=seed,
                populatie=populatie,
                trekkingen=trekkingen,
                mc_aantal=mc_aantal,
                seeds=seeds,
                tornado=tornado,
                dask=dask,
                partitie=partitie,
                melding=lambda m: st.update(m + " ..."),
                aannames=a,
            )
    except (ValueError, FileNotFoundError, K.KalibratieFout, VersieFout, H.HervormingFout) as e:
        _fout(str(e))
    u = o["uitlijning"]
    console.print(
        f"Uitlijning: model 2024 {_euro(u['model'])} tegen het jaarbedrag {_euro(u['jaarbedrag'])} (begroting "
        f"{_euro(u['bedrag'])}, {u['stand']}, min de kasbrug {_euro(u['kasbrug'])}); factor {getal(u['factor'], 4, nullen='vast')}. "
        "Alle bedragen hieronder zijn uitgelijnd, in lopende prijzen."
    )
    _toon_budgettabel(uitvoer)
    _toon_reconciliatie(uitvoer)
    _toon_intervallen(uitvoer)
    console.print(
        f"Klaar in {getal(time.perf_counter() - t0, 1, nullen='vast')} s. Bewaard in {uitvoer}/ (CSV, beleidsanalyse.xlsx, "
        "grafieken, herkomst.json)."
    )


def _toon_budgettabel(uitvoer: Path) -> None:
    """The budget table the analysis wrote (budgettabel.csv)."""
    import pandas as pd

    bt = pd.read_csv(uitvoer / "budgettabel.csv")
    jaren = [k for k in bt.columns if k.isdigit()] + ["structureel"]
    t = Table(
        title="Budgettabel (x EUR 1 mln, statisch, na niet-gebruik midden, lopende prijzen, afgerond op EUR 5 mln)",
        caption=str(bt["bron"].iloc[0]) if len(bt) else None,
    )
    t.add_column("regel", overflow="fold")
    for kol in jaren:
        t.add_column(kol, justify="right")
    for _, r in bt.iterrows():
        t.add_row(
            str(r["regel"]),
            *[
                ""
                if pd.isna(r[k])
                else getal(float(r[k]), 1 if abs(float(r[k])) < 5 and r[k] != 0 else 0, nullen="vast")
                for k in jaren
            ],
        )
    console.print(t)
    console.print(
        "Leeg: geen wet in kotwijzer voor dat jaar. Wat een cel is (centrale schatting, gepubliceerd bedrag) staat "
        f"in de kolom kenmerken van {uitvoer}/budgettabel.csv."
    )


def _toon_reconciliatie(uitvoer: Path) -> None:
    """The model beside the published figures (reconciliatie.csv)."""
    import pandas as pd

    rc = pd.read_csv(uitvoer / "reconciliatie.csv")
    t = Table(title="Aansluiting op gepubliceerde cijfers")
    for kol in ("onderwerp", "gepubliceerd", "model", "verklaring"):
        t.add_column(kol, overflow="fold")
    for _, r in rc.iterrows():
        t.add_row(
            str(r["onderwerp"]),
            "" if pd.isna(r["gepubliceerd"]) else getal(float(r["gepubliceerd"]), 1, nullen="vast"),
            getal(float(r["model"]), 1, nullen="vast"),
            str(r["verklaring"]),
        )
    console.print(t)


def _toon_intervallen(uitvoer: Path) -> None:
    """The Monte Carlo intervals of the aligned outcomes (intervallen.csv), when the run made them."""
    import pandas as pd

    if not (uitvoer / "intervallen.csv").exists():
        return
    iv = pd.read_csv(uitvoer / "intervallen.csv")
    t = Table(title="Onzekerheid (5-95 % over de trekkingen), miljoen euro")
    for kol in ("uitkomst", "centraal (kleine populatie)", "5 %", "95 %", "centraal (grote populatie)"):
        t.add_column(kol, justify="left" if kol == "uitkomst" else "right")
    for _, r in iv[iv["uitkomst"].str.endswith(("_uitgelijnd", "basis_2024_model"))].iterrows():
        g = r.get("centraal_grote_populatie")
        t.add_row(
            r["omschrijving"],
            getal(r["centraal"] / 1e6, 1, nullen="vast"),
            getal(r["p05"] / 1e6, 1, nullen="vast"),
            getal(r["p95"] / 1e6, 1, nullen="vast"),
            "" if pd.isna(g) else getal(g / 1e6, 1, nullen="vast"),
        )
    console.print(t)
