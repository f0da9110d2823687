"""The translation catalogue's maintenance: extract the texts and merge them into the English catalogue.

`python -m kotwijzer.web.vertaalcatalogus bijwerken` collects every text marked for translation (`babel.cfg`) plus the
core's Dutch sentences that a parent sees (`kotwijzer.web.kerntekst.kern_berichten`) in `locale/kotwijzer.pot`, and
merges them into `locale/en/LC_MESSAGES/kotwijzer.po` (new texts come in untranslated). It sits next to what it reads
(the core's sentences), so that `kotwijzer.i18n`, which every page uses, depends on nothing above it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from kotwijzer.i18n import DOMEIN, LOCALE, STANDAARD, TALEN, po_pad
from kotwijzer.web.kerntekst import kern_berichten


def bron_catalogus(pot: Path) -> None:
    """Write the template catalogue: the texts marked in the code and the templates (`babel.cfg`), plus the core's
    Dutch sentences that a parent sees (`kotwijzer.web.kerntekst.kern_berichten`: signal templates, reasons,
    situations), which live as data rather than as marked texts."""
    wortel = Path(__file__).resolve().parents[3]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            str(wortel / "babel.cfg"),
            "-k",
            "N_",
            "-k",
            "_",
            "--no-location",
            "--sort-output",
            "--omit-header",
            "-o",
            str(pot),
            str(wortel / "src" / "kotwijzer"),
        ],
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as f:
        cat = read_po(f)
    for t in kern_berichten():
        if t not in cat:
            cat.add(t, flags=("python-brace-format",) if "{" in t else ())
    with pot.open("wb") as f:
        write_po(f, cat, omit_header=True, sort_output=True, no_location=True)


def bijwerken() -> None:  # pragma: no cover - developer command
    """Extract the texts again and merge them into the English catalogue (new texts come in untranslated)."""
    pot = LOCALE / f"{DOMEIN}.pot"
    bron_catalogus(pot)
    for t in TALEN:
        if t == STANDAARD:
            continue
        po = po_pad(t)
        if po.exists():
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "babel.messages.frontend",
                    "update",
                    "-i",
                    str(pot),
                    "-D",
                    DOMEIN,
                    "-d",
                    str(LOCALE),
                    "-l",
                    t,
                    "--no-fuzzy-matching",
                    "--ignore-obsolete",
                    "-w",
                    "120",
                ],
                check=True,
            )
        else:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "babel.messages.frontend",
                    "init",
                    "-i",
                    str(pot),
                    "-D",
                    DOMEIN,
                    "-d",
                    str(LOCALE),
                    "-l",
                    t,
                ],
                check=True,
            )


if __name__ == "__main__":  # pragma: no cover
    import sys

    if sys.argv[1:] == ["bijwerken"]:
        bijwerken()
    else:
        print("gebruik: python -m kotwijzer.web.vertaalcatalogus bijwerken")
