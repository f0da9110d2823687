"""Code health of the policy package (issue: a house the next engineer can live in): no import cycle between its
modules, also counting imports inside functions; no private name imported from another module; no function longer
than 100 lines; no hidden state (the assumptions travel as an argument)."""

import ast
from pathlib import Path

POLICY = Path(__file__).resolve().parents[2] / "src" / "kotwijzer" / "policy"


def _modules() -> dict[str, ast.Module]:
    uit = {p.stem: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(POLICY.glob("*.py"))}
    assert {"microsim", "meerjarig", "analyse", "onzekerheid", "populatie"} <= set(uit), (
        f"policy niet gevonden: {POLICY}"
    )
    return uit


def _policy_imports(tree: ast.Module) -> list[tuple[str, list[str]]]:
    """(imported policy module, names taken from it), for every import anywhere in the module."""
    uit = []
    for knoop in ast.walk(tree):
        if isinstance(knoop, ast.ImportFrom) and knoop.module:
            if knoop.module == "kotwijzer.policy":
                uit.extend((a.name, []) for a in knoop.names)
            elif knoop.module.startswith("kotwijzer.policy."):
                uit.append((knoop.module.split(".")[2], [a.name for a in knoop.names]))
        elif isinstance(knoop, ast.Import):
            for a in knoop.names:
                if a.name.startswith("kotwijzer.policy."):
                    uit.append((a.name.split(".")[2], []))
    return uit


def test_geen_importcyclus_in_policy():
    mods = _modules()
    graaf = {m: {d for d, _ in _policy_imports(t) if d in mods and d != m} for m, t in mods.items()}
    kleur: dict[str, int] = {}
    pad: list[str] = []

    def bezoek(m: str) -> None:
        kleur[m] = 1
        pad.append(m)
        for d in sorted(graaf[m]):
            assert kleur.get(d) != 1, "importcyclus: " + " -> ".join(pad[pad.index(d) :] + [d])
            if d not in kleur:
                bezoek(d)
        pad.pop()
        kleur[m] = 2

    for m in sorted(graaf):
        if m not in kleur:
            bezoek(m)


def test_geen_private_naam_uit_een_andere_module():
    fout = []
    for m, t in _modules().items():
        for d, namen in _policy_imports(t):
            fout += [f"{m} importeert {d}.{n}" for n in namen if n.startswith("_")]
        for knoop in ast.walk(t):  # module aliases: P._a(...), M._cellen
            if (
                isinstance(knoop, ast.Attribute)
                and isinstance(knoop.value, ast.Name)
                and knoop.attr.startswith("_")
                and not knoop.attr.startswith("__")
                and knoop.value.id in {"P", "M", "A", "K", "O", "H", "U", "R", "D"}
            ):
                fout.append(f"{m} gebruikt {knoop.value.id}.{knoop.attr}")
    assert not fout, fout


def test_geen_functie_langer_dan_100_regels():
    lang = {
        f"{m}.{n.name}"
        for m, t in _modules().items()
        for n in ast.walk(t)
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > 100
    }
    assert not lang, f"functies langer dan 100 regels (splits ze per onderwerp): {sorted(lang)}"


def test_geen_verborgen_toestand():
    """No ContextVar, thread-local, `global` statement or empty module-level container (a place to collect state in)
    in policy/: the assumptions of a run are an argument (`aannames.Aannames`), and what a run read is recorded on
    that object, not in the module."""
    fout = []
    for m, t in _modules().items():
        for knoop in ast.walk(t):
            if isinstance(knoop, ast.Global):
                fout.append(f"{m}: global {', '.join(knoop.names)}")
            elif isinstance(knoop, ast.Call):
                naam = getattr(knoop.func, "attr", None) or getattr(knoop.func, "id", None)
                if naam in ("local", "ContextVar"):
                    fout.append(f"{m}: {naam}()")
        for knoop in t.body:
            waarde = knoop.value if isinstance(knoop, (ast.Assign, ast.AnnAssign)) else None
            leeg = (isinstance(waarde, (ast.Dict, ast.List, ast.Set)) and not getattr(waarde, "keys", None)) and not (
                getattr(waarde, "elts", None)
            )
            leeg = leeg or (
                isinstance(waarde, ast.Call)
                and getattr(waarde.func, "id", None) in ("set", "dict", "list")
                and not waarde.args
            )
            if leeg:
                fout.append(f"{m}: lege verzameling op moduleniveau (regel {knoop.lineno})")
    assert not fout, fout
