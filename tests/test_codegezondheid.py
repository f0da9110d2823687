"""Code health: house rules a reviewer would otherwise check by hand (STYLEGUIDE.md).

* every public rule in `kotwijzer.rules` carries its citations (`@citeert`), or says why it has none (`@zonder_bron`);
* every parameter in the data files is read by the code (or is listed in the coverage registry as not modelled);
* no module imports a private name (`_x`) of another module;
* no import cycle between modules, also counting imports inside functions;
* `kotwijzer.web` and `kotwijzer.api` do not import each other; the shared plumbing (`kotwijzer.http`) imports
  neither; `kotwijzer.municipal` does not import `kotwijzer.store`;
* no comment or text points at a folder outside the repository;
* no function in src/ is longer than 100 lines, except layout code that says why (`LANG_TOEGESTAAN`);
* no module-level ContextVar, thread-local or mutable global carries law data or the municipal catalogue: they reach a
  calculation as arguments. The few that exist are listed by name with the reason they may stay.

The import checks read the source with `ast`, so an import inside a function counts as much as one at the top.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import pkgutil
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

import kotwijzer
import kotwijzer.rules
from kotwijzer.params import regelparameters
from kotwijzer.wetten.bron import Bron

SRC = Path(kotwijzer.__file__).parent

# Known open findings, each owned by an open issue. Listed here so that nothing new slips in; remove an entry when it
# is fixed (an entry that no longer occurs is not an error, so that fixing it never breaks this test).
OPEN_CYCLI: set[frozenset[str]] = set()
OPEN_PRIVATE_IMPORTS: set[tuple[str, str]] = set()


# ----------------------------------------------------------------------------------------------- the modules
def _modules() -> dict[str, tuple[Path, bool]]:
    out = {}
    for pad in SRC.rglob("*.py"):
        delen = list(pad.relative_to(SRC.parent).with_suffix("").parts)
        pakket = delen[-1] == "__init__"
        if pakket:
            delen = delen[:-1]
        out[".".join(delen)] = (pad, pakket)
    return out


MODULES = _modules()


@functools.cache
def _imports(module: str) -> list[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) for every import in the module, wherever it sits."""
    pad, pakket = MODULES[module]
    uit: list[tuple[str, str | None, int]] = []
    for node in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            uit += [(a.name, None, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                basis = module.split(".") if pakket else module.split(".")[:-1]
                basis = basis[: len(basis) - (node.level - 1)]
                doel = ".".join(basis + ([node.module] if node.module else []))
            else:
                doel = node.module or ""
            uit += [(doel, a.name, node.lineno) for a in node.names]
    return uit


def _doelmodule(doel: str, naam: str | None) -> str | None:
    """The kotwijzer module an import refers to (`from a import b` where a.b is a module: a.b)."""
    if not doel.startswith("kotwijzer"):
        return None
    if naam and f"{doel}.{naam}" in MODULES:
        return f"{doel}.{naam}"
    while doel not in MODULES and "." in doel:
        doel = doel.rsplit(".", 1)[0]
    return doel if doel in MODULES else None


@functools.cache
def _graaf() -> dict[str, set[str]]:
    graaf: dict[str, set[str]] = defaultdict(set)
    for m in MODULES:
        for doel, naam, _ in _imports(m):
            d = _doelmodule(doel, naam)
            if d and d != m:
                graaf[m].add(d)
    return graaf


def _sterke_componenten(graaf: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's strongly connected components with more than one module (iterative)."""
    index: dict[str, int] = {}
    laag: dict[str, int] = {}
    stapel: list[str] = []
    op_stapel: set[str] = set()
    uit: list[set[str]] = []
    teller = 0
    for start in MODULES:
        if start in index:
            continue
        werk = [(start, iter(sorted(graaf.get(start, ()))))]
        index[start] = laag[start] = teller
        teller += 1
        stapel.append(start)
        op_stapel.add(start)
        while werk:
            v, buren = werk[-1]
            for w in buren:
                if w not in index:
                    index[w] = laag[w] = teller
                    teller += 1
                    stapel.append(w)
                    op_stapel.add(w)
                    werk.append((w, iter(sorted(graaf.get(w, ())))))
                    break
                if w in op_stapel:
                    laag[v] = min(laag[v], index[w])
            else:
                werk.pop()
                if werk:
                    laag[werk[-1][0]] = min(laag[werk[-1][0]], laag[v])
                if laag[v] == index[v]:
                    comp = set()
                    while True:
                        w = stapel.pop()
                        op_stapel.discard(w)
                        comp.add(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        uit.append(comp)
    return uit


# ---------------------------------------------------------------------------------------------------- imports
def test_de_importanalyse_ziet_imports_in_functies_en_cycli():
    """The checks below would notice what they look for: the analysis finds an import inside a function
    (kotwijzer.cli imports its commands' modules there) and Tarjan finds a cycle in a small graph."""
    binnen = [(d, n) for d, n, _ in _imports("kotwijzer.cli") if d == "kotwijzer.serve"]
    assert binnen, "de import van kotwijzer.serve in de functie serve() wordt niet gezien"
    klein = {"kotwijzer.a": {"kotwijzer.b"}, "kotwijzer.b": {"kotwijzer.a"}}
    oud = dict(MODULES)
    try:
        MODULES.update({"kotwijzer.a": oud["kotwijzer"], "kotwijzer.b": oud["kotwijzer"]})
        assert {"kotwijzer.a", "kotwijzer.b"} in _sterke_componenten(klein)
    finally:
        MODULES.clear()
        MODULES.update(oud)


def test_geen_importcycli():
    cycli = [c for c in _sterke_componenten(_graaf()) if frozenset(c) not in OPEN_CYCLI]
    assert not cycli, f"modules die elkaar (via elkaar) importeren: {[sorted(c) for c in cycli]}"


def test_geen_private_namen_over_modulegrenzen():
    fout = []
    for m in MODULES:
        for doel, naam, regel in _imports(m):
            if not doel.startswith("kotwijzer"):
                continue
            delen = [*doel.split("."), *([naam] if naam else [])]
            # `_` and `N_` are gettext's names for "translate this", by convention imported everywhere
            prive = [d for d in delen if d.startswith("_") and not d.startswith("__") and d != "_"]
            doelmod = _doelmodule(doel, naam)
            if prive and doelmod != m and (m, ".".join(delen)) not in OPEN_PRIVATE_IMPORTS:
                fout.append(f"{m} (regel {regel}): {'.'.join(delen)}")
    assert not fout, f"import van een private naam uit een andere module: {fout}"


KERN = [
    "kotwijzer.wetten",
    "kotwijzer.params",
    "kotwijzer.rules",
    "kotwijzer.kern",
    "kotwijzer.invoer",
    "kotwijzer.compute",
    "kotwijzer.berekening",
    "kotwijzer.signalen",
    "kotwijzer.explain",
    "kotwijzer.model",
    "kotwijzer.municipal",
    "kotwijzer.formaat",
    "kotwijzer.foutmeldingen",
]
BOVENLAAG = ["kotwijzer.store", "kotwijzer.http", "kotwijzer.web", "kotwijzer.api", "kotwijzer.app", "kotwijzer.cli"]


@pytest.mark.parametrize("pakket", KERN)
def test_de_kern_kent_geen_opslag_http_of_schermen(pakket):
    fout = sorted(d for d in _pakket_imports(pakket) if any(d == b or d.startswith(b + ".") for b in BOVENLAAG))
    assert not fout, f"{pakket} importeert {fout}"


def _pakket_imports(van: str) -> set[str]:
    graaf = _graaf()
    return {d for m, doelen in graaf.items() if m == van or m.startswith(van + ".") for d in doelen}


@pytest.mark.parametrize(
    ("pakket", "verboden"),
    [
        ("kotwijzer.web", "kotwijzer.api"),
        ("kotwijzer.api", "kotwijzer.web"),
        ("kotwijzer.http", "kotwijzer.web"),
        ("kotwijzer.http", "kotwijzer.api"),
        ("kotwijzer.http", "kotwijzer.app"),
        ("kotwijzer.municipal", "kotwijzer.store"),
        ("kotwijzer.rules", "kotwijzer.params"),
        ("kotwijzer.wetten", "kotwijzer.rules"),
    ],
)
def test_lagen_importeren_alleen_naar_beneden(pakket, verboden):
    fout = sorted(d for d in _pakket_imports(pakket) if d == verboden or d.startswith(verboden + "."))
    assert not fout, f"{pakket} importeert {fout}"


# ----------------------------------------------------------------------------------------- rules and citations
def _publieke_regels():
    for info in pkgutil.iter_modules(kotwijzer.rules.__path__):
        mod = importlib.import_module(f"kotwijzer.rules.{info.name}")
        for naam, f in vars(mod).items():
            if not naam.startswith("_") and inspect.isfunction(f) and f.__module__ == mod.__name__:
                yield f"{mod.__name__}.{naam}", f


def test_er_zijn_publieke_regels():
    assert len(list(_publieke_regels())) >= 25


@pytest.mark.parametrize(("naam", "regel"), list(_publieke_regels()), ids=lambda x: x if isinstance(x, str) else "")
def test_elke_publieke_regel_noemt_zijn_bronnen(naam, regel):
    bronnen = getattr(regel, "bronnen", None)
    assert bronnen is not None, f"{naam} heeft geen @citeert(...) en geen @zonder_bron(...)"
    assert all(isinstance(b, Bron) for b in bronnen), naam
    if not bronnen:
        assert getattr(regel, "zonder_bron", "").strip(), f"{naam}: zonder bronnen, maar ook zonder reden"


# ---------------------------------------------------------------------------------------------- the data files
def _broncode_buiten_params() -> str:
    return "\n".join(
        p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if "params" not in p.relative_to(SRC).parts
    )


# Parameters in regels.yaml that the code does not read, each with the entry of the coverage registry that says so.
NIET_GEMODELLEERD = {"partner_woonplaatseis": "woonplaatseis voor de partner"}


def test_elke_parameter_in_de_data_wordt_gelezen():
    code = _broncode_buiten_params()
    ongelezen = [
        naam
        for naam in regelparameters()
        if naam not in NIET_GEMODELLEERD
        and not re.search(rf"\.{naam}\b|(waarde|wijzigingen|parameter)\w*\(\s*[\"']{naam}[\"']", code)
    ]
    assert not ongelezen, f"parameters die de code nergens leest: {ongelezen}"


def test_een_ongelezen_parameter_staat_als_vereenvoudiging_in_het_dekkingsregister():
    register = (SRC / "dekking.yaml").read_text(encoding="utf-8").lower()
    code = _broncode_buiten_params()
    for naam, kern in NIET_GEMODELLEERD.items():
        assert naam in regelparameters(), f"{naam} staat niet (meer) in regels.yaml: haal het uit deze lijst"
        assert not re.search(rf"\.{naam}\b", code), f"{naam} wordt nu gelezen: haal het uit deze lijst"
        assert kern in register and "niet gemodelleerd" in register, f"{naam}: niet als vereenvoudiging beschreven"


def test_elk_tabelbestand_en_elk_jaar_van_de_data_wordt_gelezen():
    from kotwijzer.params.loader import MODELLED_YEARS, maximum_uurprijs, tabel

    data = SRC / "params" / "data"
    tabellen = yaml.safe_load((data / "tabellen.yaml").read_text(encoding="utf-8"))
    genoemd = {v["bestand"] for v in tabellen.values()}
    op_schijf = {f"tabellen/{p.name}" for p in (data / "tabellen").glob("*.csv")}
    assert op_schijf == genoemd, (
        f"tabelbestanden zonder vermelding in tabellen.yaml (of andersom): {op_schijf ^ genoemd}"
    )
    for jaar in tabellen:
        assert int(jaar) in MODELLED_YEARS, f"tabel {jaar} valt buiten de jaren die kotwijzer berekent"
        t = tabel(int(jaar))
        assert t.jaar == int(jaar) and len(t.van) > 0, f"tabel {jaar} wordt niet gelezen"
    mu = yaml.safe_load((data / "maximum_uurprijs.yaml").read_text(encoding="utf-8"))
    for jaar in mu["jaren"]:
        if int(jaar) in MODELLED_YEARS:
            assert maximum_uurprijs(int(jaar), ook_aangekondigd=True).jaar == int(jaar)


# ------------------------------------------------------------------------------------------------ comments
def test_geen_verwijzing_naar_mappen_buiten_de_repository():
    """Sources are cited by title (or by the project's own law data), never by a path that exists only on the
    developers' machine."""
    fout = []
    for pad in SRC.rglob("*"):
        if pad.suffix not in (".py", ".yaml", ".html", ".md"):
            continue
        for nr, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"(?<![\w.])(/work/)?shared/(seeds|law|stats|README)", regel):
                fout.append(f"{pad.relative_to(SRC)}:{nr}")
    assert not fout, f"verwijzingen naar shared/: {fout}"


# ---------------------------------------------------------------------------------------------- hidden state
# Module-level state that is no law data, no assumption and no catalogue, each with the reason it may stay.
VERBORGEN_TOEGESTAAN: dict[str, str] = {
    "kotwijzer.i18n._huidig": "the language of the page being rendered (Dutch or English), set per request from the "
    "cookie: presentation, never an input of a calculation",
    "kotwijzer.http.sessie._HUIDIG": "the HTTP session of the request being served (who is logged in)",
    "kotwijzer.http.beveiliging._VERZOEK": "the HTTP request being served, for the login limits (client address)",
    "kotwijzer.store.wachtwoord._GELEKT": "the list of leaked passwords, read from its file on first use",
    "kotwijzer.store.wachtwoord._NL_GELADEN": "whether the Dutch word list for the password check has been read",
    "kotwijzer.api.routes.INVOER_MODELLEN": "the request models whose schemas go into the OpenAPI document, filled "
    "once at import by the route decorators",
    "kotwijzer.berekening.opbouw._velden": "the field names of each pydantic result class (no law data)",
    "kotwijzer.web.gemeenten._GRAFIEKEN": "rendered SVG charts of the municipal overview, keyed by their content",
}
_CONTEXT = {"ContextVar", "local"}
_MUTEREND = {
    "append",
    "extend",
    "update",
    "setdefault",
    "add",
    "pop",
    "clear",
    "insert",
    "remove",
    "discard",
    "popitem",
}


def _is_memo(naam: str) -> bool:
    """A module-level memo of a pure function, keyed by every input (`..._cache`, `..._memo`; see STYLEGUIDE.md): the
    law data files are read-only at run time, so a memo never changes an answer and carries nothing between callers."""
    return naam.endswith(("_cache", "_memo"))


def _verborgen_staat(module: str) -> dict[str, str]:
    """Module-level names of `module` that hold state between calls: a ContextVar or threading.local, a name a
    function rebinds with `global`, or a mutable container (dict, list, set ...) a function writes into."""
    pad, _ = MODULES[module]
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    houders: dict[str, str] = {}
    for n in boom.body:
        doelen = n.targets if isinstance(n, ast.Assign) else [n.target] if isinstance(n, ast.AnnAssign) else []
        waarde = getattr(n, "value", None)
        for d in doelen:
            if not isinstance(d, ast.Name) or waarde is None:
                continue
            if isinstance(waarde, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)):
                houders[d.id] = "container"
            elif isinstance(waarde, ast.Call):
                f = waarde.func
                naam = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                if naam in _CONTEXT:
                    houders[d.id] = naam
                elif naam in {"dict", "list", "set", "defaultdict", "OrderedDict", "deque", "Counter"}:
                    houders[d.id] = "container"
    uit = {naam: soort for naam, soort in houders.items() if soort in _CONTEXT}
    for f in ast.walk(boom):
        if not isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for n in ast.walk(f):
            if isinstance(n, ast.Global):
                uit.update(dict.fromkeys(n.names, "global"))
                continue
            namen = []
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in _MUTEREND:
                namen = [n.func.value]
            elif isinstance(n, (ast.Assign, ast.AugAssign, ast.Delete)):
                namen = [
                    t.value for t in getattr(n, "targets", [getattr(n, "target", None)]) if isinstance(t, ast.Subscript)
                ]
            for x in namen:
                if isinstance(x, ast.Name) and houders.get(x.id) == "container":
                    uit[x.id] = "container"
    return uit


def test_de_zoeker_naar_verborgen_staat_ziet_wat_hij_zoekt():
    """The check below would notice a ContextVar (the i18n language), a `global` (the password lists) and a container
    a function writes into (the registry of request models)."""
    assert _verborgen_staat("kotwijzer.i18n").get("_huidig") == "ContextVar"
    assert _verborgen_staat("kotwijzer.store.wachtwoord").get("_GELEKT") == "global"
    assert _verborgen_staat("kotwijzer.api.routes").get("INVOER_MODELLEN") == "container"


def test_geen_verborgen_staat_met_wetsgegevens_of_catalogus():
    """Law data, assumptions and the municipal catalogue reach a calculation as arguments (issue 14), as OpenFisca's
    formulas receive `parameters(period)`: no module-level ContextVar, thread-local or mutable global carries them."""
    gevonden = {
        f"{m}.{naam}": soort
        for m in MODULES
        for naam, soort in _verborgen_staat(m).items()
        if not _is_memo(naam) or soort in _CONTEXT
    }
    onbekend = sorted(f"{k} ({v})" for k, v in gevonden.items() if k not in VERBORGEN_TOEGESTAAN)
    assert not onbekend, f"verborgen staat op moduleniveau (geef het door als argument): {onbekend}"
    assert "kotwijzer.municipal.classificatie._ACTIEF" not in gevonden
    # an entry that no longer occurs is no error (work on http/ and store/ runs at the same time): remove it when seen


# ------------------------------------------------------------------------------------------ function length
MAX_REGELS = 100
# Layout code: a page or document laid out top to bottom, where splitting would only scatter one layout over helpers
# that are called once. Each entry says what it lays out.
LANG_TOEGESTAAN: dict[str, str] = {
    "kotwijzer.web.pdf.document_pdf": "layout: the result as a PDF (reportlab flowables, page by page, in reading "
    "order: heading, verdict, amounts per month, explanation, steps, sources)",
    "kotwijzer.web.pdf.pakket_pdf": "layout: the application packet as a PDF (cover, one section per route, the "
    "documents checklist), in reading order",
    "kotwijzer.cli._toon_berekening": "layout: one result at 80 columns with Rich (summary, table per month, "
    "warnings, sources), in reading order",
}


def _functies() -> dict[str, int]:
    """Every function and method in src/ with its length in lines (nested functions count in their parent too)."""
    uit: dict[str, int] = {}
    for m, (pad, _) in MODULES.items():
        for n in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno is not None:
                uit[f"{m}.{n.name}"] = max(uit.get(f"{m}.{n.name}", 0), n.end_lineno - n.lineno + 1)
    return uit


def test_geen_functie_langer_dan_100_regels():
    functies = _functies()
    lang = {naam: n for naam, n in functies.items() if n > MAX_REGELS}
    fout = sorted(f"{naam} ({n} regels)" for naam, n in lang.items() if naam not in LANG_TOEGESTAAN)
    assert not fout, f"functies langer dan {MAX_REGELS} regels (splits ze op): {fout}"
    onbekend = sorted(naam for naam in LANG_TOEGESTAAN if naam not in functies)
    assert not onbekend, f"LANG_TOEGESTAAN noemt functies die niet (meer) bestaan: {onbekend}"
    assert all(r.strip() for r in LANG_TOEGESTAAN.values()), "elke uitzondering zegt waarom"


# ----------------------------------------------------------------------------------------------- the test tree
TESTS = Path(__file__).resolve().parent
EIGEN_MAPPEN = {"regels": "rule tests in YAML, one file per provision", "data": "recorded outcomes and fixtures"}


def test_de_testmappen_volgen_de_code():
    """tests/<map>/ hoort bij src/kotwijzer/<map>/ (of een module met die naam); alleen tests/regels (YAML) en
    tests/data (vastgelegde uitkomsten) zijn eigen mappen."""
    fout = []
    for map_ in sorted(p for p in TESTS.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        if map_.name in EIGEN_MAPPEN:
            continue
        if not ((SRC / map_.name).is_dir() or (SRC / f"{map_.name}.py").is_file()):
            fout.append(map_.name)
    assert not fout, f"testmappen zonder bijbehorende code: {fout}"


# ------------------------------------------------------------------------------------ one number formatter
# Dutch number notation is written by kotwijzer.formaat (and the language-aware wrappers in kotwijzer.i18n) only. The
# hand-made versions swap separators on a formatted number: f"{x:,.2f}".replace(",", "X").replace(".", ",")... .
WISSELS = {(",", "X"), (",", "_"), (".", ","), (",", ".")}
FORMATTERS = {"kotwijzer.formaat", "kotwijzer.i18n"}
# Functions that read a number a person typed (the reverse direction: Dutch or English notation into a Decimal).
INVOER_LEZERS = {
    ("kotwijzer.web.formulier", "parse_getal"): "reads a number typed in the parent form ('12,5' and '1.234')",
    ("kotwijzer.web.formulier", "parse_euros"): "reads an amount typed in the parent form, also '45,000.00' in English",
    ("kotwijzer.web.werkbank", "_decimaal"): "reads a number typed in the workbench",
    ("kotwijzer.municipal.models", "_decimaal"): "reads a number a municipality typed in its catalogue entry",
    ("kotwijzer.web.kerntekst", "_waarde"): "reads a Dutch number back out of a core text to write it the English way",
}


def _scheidingstekenwissels(bron: str) -> list[tuple[str | None, int]]:
    """(enclosing function, line) of every `.replace(a, b)` that swaps a thousands or decimal separator."""
    gevonden: list[tuple[str | None, int]] = []

    def loop(knoop: ast.AST, functie: str | None) -> None:
        for kind in ast.iter_child_nodes(knoop):
            naam = kind.name if isinstance(kind, ast.FunctionDef | ast.AsyncFunctionDef) else functie
            if (
                isinstance(kind, ast.Call)
                and isinstance(kind.func, ast.Attribute)
                and kind.func.attr == "replace"
                and len(kind.args) == 2
                and all(isinstance(a, ast.Constant) for a in kind.args)
                and (kind.args[0].value, kind.args[1].value) in WISSELS  # type: ignore[attr-defined]
            ):
                gevonden.append((functie, kind.lineno))
            loop(kind, naam)

    loop(ast.parse(bron), None)
    return gevonden


def test_de_getalnotatiecontrole_ziet_een_handgemaakte_notatie():
    bron = 'def f(x):\n    return f"{x:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")\n'
    assert _scheidingstekenwissels(bron) == [("f", 2), ("f", 2)]
    assert _scheidingstekenwissels('t = f"{n:,}".replace(",", ".")\n') == [(None, 1)]
    assert _scheidingstekenwissels('t = s.replace("-", " ")\n') == []


def test_getallen_worden_alleen_door_formaat_in_nederlandse_notatie_gezet():
    fout = []
    for m, (pad, _pakket) in MODULES.items():
        if m in FORMATTERS:
            continue
        for functie, regel in _scheidingstekenwissels(pad.read_text(encoding="utf-8")):
            if (m, functie) not in INVOER_LEZERS:
                fout.append(f"{m}.{functie} (regel {regel})")
    assert not fout, f"getalnotatie met de hand (gebruik kotwijzer.formaat): {fout}"
