"""Where PDFs are drawn: in a small pool of separate processes of lower priority, never in a request worker.

Drawing a PDF (reportlab, pure Python) takes 0,2-0,4 s of CPU and holds the interpreter lock all that time: in a
request worker it would stall every other request of that worker. Here the worker computes what the PDF shows (the
result page's context, a few milliseconds) and hands it to a process of the pool, which only draws:

* at most `processen` processes per worker (default 1, KOTWIJZER_PDF_PROCESSEN), started on first use with the
  `spawn` method and a lower priority (`os.nice`, default +10, KOTWIJZER_PDF_NICE), so the scheduler gives the request
  workers the CPU first;
* at most `processen + wachtrij` PDFs in progress or waiting per worker (KOTWIJZER_PDF_WACHTRIJ, default 2); beyond
  that the request is refused at the door with 503 and Retry-After, a short Dutch page, before anything is drawn;
* a process that dies is replaced; its request gets the same 503.

The counter lives in the worker process and is only changed on the event loop thread (no lock needed).
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from kotwijzer.http.fouten import ApiFout
from kotwijzer.i18n import N_, _

MELDING_PDF_DRUK = N_("Het is nu erg druk. Probeer het over een paar seconden opnieuw.")


def _env_int(naam: str, standaard: int, minimum: int) -> int:
    try:
        return max(minimum, int(os.environ.get(naam, standaard)))
    except ValueError:
        return standaard


def _begin(nice: int, voorladen: tuple[str, ...]) -> None:
    """In each process of the pool: lower priority, and the drawing code (the modules named in `voorladen`, given by
    the app that uses the pool: this package does not know the pages) loaded before the first PDF is asked."""
    if nice > 0:
        with contextlib.suppress(OSError):  # not allowed here: the pool still works, at normal priority
            os.nice(nice)
    for module in voorladen:
        importlib.import_module(module)


def _teken(taal: str, fn: Callable[..., bytes], args: tuple[Any, ...]) -> bytes:
    """In a process of the pool: `fn(*args)` in the language of the request that asked for it."""
    from kotwijzer import i18n

    with i18n.in_taal(taal):
        return fn(*args)


class Pdfpoort:
    def __init__(
        self,
        processen: int | None = None,
        wachtrij: int | None = None,
        nice: int | None = None,
        voorladen: tuple[str, ...] = (),
    ):
        self.voorladen = voorladen
        self.processen = processen if processen is not None else _env_int("KOTWIJZER_PDF_PROCESSEN", 1, 1)
        self.wachtrij = wachtrij if wachtrij is not None else _env_int("KOTWIJZER_PDF_WACHTRIJ", 2, 0)
        self.nice = nice if nice is not None else _env_int("KOTWIJZER_PDF_NICE", 10, 0)
        self.bezig = 0
        self.geweigerd = 0
        self.getekend = 0
        self._pool: ProcessPoolExecutor | None = None

    def _uitvoerder(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.processen,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_begin,
                initargs=(self.nice, self.voorladen),
                max_tasks_per_child=500,  # memory of a long-running drawing process is given back now and then
            )
        return self._pool

    def start(self) -> None:
        """Start the pool's processes now (at the worker's start), so that the first PDF does not wait for them."""
        self._uitvoerder().submit(os.getpid)

    def _weiger(self) -> ApiFout:
        self.geweigerd += 1
        return ApiFout(503, "te_druk", _(MELDING_PDF_DRUK), headers={"Retry-After": "2"})

    async def teken(self, fn: Callable[..., bytes], *args: Any) -> bytes:
        """`fn(*args)` (a module-level function and picklable arguments) in a process of the pool, in the request's
        language; ApiFout(503) when the pool is full or its process died."""
        from kotwijzer import i18n

        if self.bezig >= self.processen + self.wachtrij:
            raise self._weiger()
        loop = asyncio.get_running_loop()
        try:
            toekomst = self._uitvoerder().submit(_teken, i18n.taal(), fn, args)
        except BrokenProcessPool:
            self.sluit()
            raise self._weiger() from None
        self.bezig += 1

        def _klaar(_: object) -> None:  # in the pool's own thread; the counter is the event loop's
            with contextlib.suppress(RuntimeError):  # the loop has closed (the worker stops)
                loop.call_soon_threadsafe(self._klaar)

        # counted until the process is done, also when the client went away and this request was cancelled
        toekomst.add_done_callback(_klaar)
        try:
            uit = await asyncio.wrap_future(toekomst)
        except BrokenProcessPool:
            self.sluit()
            raise self._weiger() from None
        self.getekend += 1
        return uit

    def _klaar(self) -> None:
        self.bezig -= 1

    def sluit(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def pdfpoort(app: Any) -> Pdfpoort:
    p = getattr(app.state, "pdfpoort", None)
    if p is None:
        p = app.state.pdfpoort = Pdfpoort()
    return p
