"""Dutch for the messages of the command-line parser (Typer and its Click): usage, help, and the errors for a
missing or wrong argument. Older Click looks its texts up through gettext (a Dutch lookup is put in its place);
Typer's own copy of Click has them as plain strings, so its error messages are translated by pattern, its usage
prefix and help text replaced. Texts without a Dutch version stay as they are."""

from __future__ import annotations

import functools
import gettext as _gettext
import re

NL = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Arguments": "Argumenten",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Error": "Fout",
    "Error: {message}": "Fout: {message}",
    "Aborted!": "Afgebroken.",
    "Aborted.": "Afgebroken.",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Try '{command} {option}' for help.": "Typ '{command} {option}' voor hulp.",
    "Try [blue]'{command_path} {help_option}'[/] for help.": "Typ [blue]'{command_path} {help_option}'[/] voor hulp.",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "Missing command.": "Geef een opdracht.",
    "No such option: {name}": "Onbekende optie: {name}",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "Did you mean {possibility}?": "Bedoelt u {possibility}?",
    "(Possible options: {possibilities})": "(Mogelijke opties: {possibilities})",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Got unexpected extra argument ({args})": "Onverwacht extra argument ({args})",
    "Got unexpected extra arguments ({args})": "Onverwachte extra argumenten ({args})",
    "Option {name!r} requires an argument.": "Optie {name!r} heeft een waarde nodig.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig getal.",
    "{value!r} is not one of {choices}.": "{value!r} is niet een van {choices}.",
    "{value!r} is not {choice}.": "{value!r} is niet {choice}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "[default: {}]": "[standaard: {}]",
    "[required]": "[verplicht]",
    "[env var: {}]": "[omgevingsvariabele: {}]",
    "(deprecated) ": "(verouderd) ",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "required": "verplicht",
    "integer": "geheel getal",
    "text": "tekst",
    "file": "bestand",
    "path": "pad",
    "directory": "map",
}


def vertaal(tekst: str) -> str:
    return NL.get(tekst, _gettext.gettext(tekst))


def vertaal_meervoud(enkel: str, meer: str, n: int) -> str:
    return vertaal(enkel if n == 1 else meer)


PATRONEN = [
    (re.compile(r"^Missing argument"), "Ontbrekend argument"),
    (re.compile(r"^Missing option"), "Ontbrekende optie"),
    (re.compile(r"^Missing parameter"), "Ontbrekende parameter"),
    (re.compile(r"^Missing command\."), "Geef een opdracht."),
    (re.compile(r"^No such option:"), "Onbekende optie:"),
    (re.compile(r"^No such command"), "Onbekende opdracht"),
    (re.compile(r"Did you mean"), "Bedoelt u"),
    (re.compile(r"\(Possible options:"), "(Mogelijke opties:"),
    (re.compile(r"^Invalid value for (.+?):"), r"Ongeldige waarde voor \1:"),
    (re.compile(r"^Invalid value:"), "Ongeldige waarde:"),
    (re.compile(r"^Got unexpected extra arguments?"), "Onverwacht extra argument"),
    (re.compile(r"^Could not open file"), "Kan het bestand niet openen:"),
    (re.compile(r"requires an argument\."), "heeft een waarde nodig."),
    (re.compile(r"Input should be a valid integer.*$"), "vul een geheel getal in."),
    (re.compile(r"Input should be a valid number.*$"), "vul een getal in."),
]


def bericht_nl(tekst: str) -> str:
    for patroon, nl in PATRONEN:
        tekst = patroon.sub(nl, tekst)
    return tekst


def _vertaal_methode(cls) -> None:
    orig = cls.__dict__.get("format_message")
    if orig is None or getattr(orig, "_kotwijzer_nl", False):
        return

    @functools.wraps(orig)
    def format_message(self):
        return bericht_nl(orig(self))

    format_message._kotwijzer_nl = True  # type: ignore[attr-defined]
    cls.format_message = format_message


def _typer_click() -> None:
    """Typer's own copy of Click (typer._click), when present."""
    try:
        from typer._click import exceptions, formatting
    except ImportError:  # pragma: no cover - Typer with an external Click
        return
    for naam in (
        "ClickException",
        "UsageError",
        "BadParameter",
        "MissingParameter",
        "NoSuchOption",
        "FileError",
        "BadOptionUsage",
        "BadArgumentUsage",
    ):
        if hasattr(exceptions, naam):
            _vertaal_methode(getattr(exceptions, naam))
    hf = formatting.HelpFormatter
    if not getattr(hf.write_usage, "_kotwijzer_nl", False):
        orig = hf.write_usage

        @functools.wraps(orig)
        def write_usage(self, prog, args="", prefix=None):
            return orig(self, prog, args, "Gebruik: " if prefix is None else prefix)

        write_usage._kotwijzer_nl = True  # type: ignore[attr-defined]
        setattr(hf, "write_usage", write_usage)  # noqa: B010 - patching Click's class at run time
    from typer._click import core as kern

    gho = getattr(kern.Command, "get_help_option", None)
    if gho is not None and not getattr(gho, "_kotwijzer_nl", False):

        @functools.wraps(gho)
        def get_help_option(self, ctx):
            opt = gho(self, ctx)
            if opt is not None and getattr(opt, "help", None) == "Show this message and exit.":
                opt.help = NL["Show this message and exit."]
            return opt

        get_help_option._kotwijzer_nl = True  # type: ignore[attr-defined]
        setattr(kern.Command, "get_help_option", get_help_option)  # noqa: B010 - patching Click's class at run time


TYPENAMEN = {
    "path": "pad",
    "Path": "pad",
    "int": "geheel getal",
    "str": "tekst",
    "float": "getal",
    "datetime": "datum",
    "file": "bestand",
    "dir": "map",
    "directory": "map",
}


def _typer_typen() -> None:
    """Typer shows the type of a parameter as '<path>', '<bool>': Dutch names, and nothing for an on/off option."""
    try:
        from typer import core
    except ImportError:  # pragma: no cover
        return
    cls = getattr(core, "_TyperParameter", None)
    orig = getattr(cls, "display_type", None) if cls is not None else None
    if orig is None or getattr(orig, "_kotwijzer_nl", False):
        return

    @functools.wraps(orig)
    def display_type(self, ctx):
        tekst = orig(self, ctx)
        if not (isinstance(tekst, str) and tekst.startswith("<") and tekst.endswith(">")):
            return tekst
        label = tekst[1:-1]
        if label == "bool":
            return None
        return f"<{TYPENAMEN.get(label, label)}>"

    display_type._kotwijzer_nl = True  # type: ignore[attr-defined]
    setattr(cls, "display_type", display_type)  # noqa: B010 - patching Typer's class at run time


def installeer() -> None:
    """Put the Dutch texts in place (idempotent)."""
    import importlib

    _typer_click()
    _typer_typen()

    for naam in (
        "click.core",
        "click.exceptions",
        "click.formatting",
        "click.parser",
        "click.types",
        "click.decorators",
        "click.termui",
        "typer.rich_utils",
        "typer.core",
        "typer.main",
    ):
        try:
            mod = importlib.import_module(naam)
        except ImportError:  # pragma: no cover - another Click/Typer layout
            continue
        # Click and Typer look their texts up through a module-level gettext `_` / `ngettext`
        if hasattr(mod, "_"):
            setattr(mod, "_", vertaal)  # noqa: B010
        if hasattr(mod, "ngettext"):
            setattr(mod, "ngettext", vertaal_meervoud)  # noqa: B010
    from typer import rich_utils as ru

    for const, engels in (
        ("ARGUMENTS_PANEL_TITLE", "Arguments"),
        ("OPTIONS_PANEL_TITLE", "Options"),
        ("COMMANDS_PANEL_TITLE", "Commands"),
        ("ERRORS_PANEL_TITLE", "Error"),
        ("ABORTED_TEXT", "Aborted."),
        ("DEFAULT_STRING", "[default: {}]"),
        ("REQUIRED_LONG_STRING", "[required]"),
        ("ENVVAR_STRING", "[env var: {}]"),
        ("DEPRECATED_STRING", "(deprecated) "),
        ("RICH_HELP", "Try [blue]'{command_path} {help_option}'[/] for help."),
    ):
        if hasattr(ru, const):
            setattr(ru, const, NL[engels])


def nederlandse_metavars(app) -> None:
    """'[OPTIES]' and 'OPDRACHT [ARGUMENTEN]...' in the usage lines of a Typer app and all its sub-apps."""
    from typer.models import DefaultPlaceholder

    def _zet(info, naam: str, waarde: str) -> None:
        oud = getattr(info, naam, None)
        if isinstance(oud, DefaultPlaceholder) or oud is None or oud == "[OPTIONS]":
            setattr(info, naam, waarde)

    _zet(app.info, "options_metavar", "[OPTIES]")
    _zet(app.info, "subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
    for c in app.registered_commands:
        _zet(c, "options_metavar", "[OPTIES]")
    for g in app.registered_groups:
        _zet(g, "options_metavar", "[OPTIES]")
        _zet(g, "subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        if g.typer_instance is not None:
            nederlandse_metavars(g.typer_instance)
