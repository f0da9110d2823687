"""Distributed for real: a `dask scheduler` and a `dask worker` in other processes on loopback read the population from
an absolute path and give totals identical to one process; the client checks the workers' versions first."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from kotwijzer.policy import hervorming as H
from kotwijzer.policy import kalibratie as K
from kotwijzer.policy import meerjarig as M
from kotwijzer.policy import onzekerheid as O
from kotwijzer.policy import populatie as P

POORT = 18_211  # test range 18200-18299 on 127.0.0.1
BIN = Path(sys.executable).parent


def _wacht(poort: int, s: float = 60.0) -> None:
    t0 = time.time()
    while time.time() - t0 < s:
        with socket.socket() as so:
            if so.connect_ex(("127.0.0.1", poort)) == 0:
                return
        time.sleep(0.3)
    raise RuntimeError(f"poort {poort} kwam niet op")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    log = tmp_path_factory.mktemp("dask")
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    # each child process keeps its own copy of its log file; this process closes its handle at once
    with open(log / "s.log", "w") as uit:
        sch = subprocess.Popen(
            [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(POORT), "--no-dashboard"],
            stdout=uit,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=log,
        )
    procs = [sch]
    try:
        _wacht(POORT)
        with open(log / "w.log", "w") as uit:
            wk = subprocess.Popen(
                [
                    str(BIN / "dask"),
                    "worker",
                    f"tcp://127.0.0.1:{POORT}",
                    "--host",
                    "127.0.0.1",
                    "--nthreads",
                    "1",
                    "--nworkers",
                    "1",
                    "--worker-port",
                    str(POORT + 1),
                    "--nanny-port",
                    str(POORT + 2),
                    "--no-dashboard",
                ],
                stdout=uit,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=log,
            )
        procs.append(wk)
        from dask.distributed import Client

        with Client(f"tcp://127.0.0.1:{POORT}", timeout=60) as c:
            c.wait_for_workers(1, timeout=90)
        yield f"tcp://127.0.0.1:{POORT}"
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


def test_scheduler_en_worker_processen_geven_dezelfde_totalen(cluster, tmp_path):
    pop, _ = K.maak_populatie(6_000, 2024, seed=21)
    pad = tmp_path / "pop.parquet"
    pop.naar_parquet(pad, rijgroep=2_000)
    scen = M.plan([H.alle()["R1"]], jaren=(2024, 2025, 2029))
    een = M.draai(str(pad), scen, dask="", partitie=2_000)
    a = P.Aannames.standaard()
    verdeeld = M.draai(str(pad), scen, dask=cluster, partitie=2_000, aannames=a)
    # the worker process received the assumptions as an argument and sent back what it read (the indexation of the
    # years after 2024 is read only there)
    assert "meerjarige_indexatie" in a.gelezen and verdeeld.aannames is a
    assert verdeeld.meta["modus"].startswith("dask (1 worker")
    assert len(verdeeld.meta["workers"]) == 1
    assert een.cellen.keys() == verdeeld.cellen.keys()
    for code in een.cellen:
        pd.testing.assert_frame_equal(een.cellen[code], verdeeld.cellen[code], check_exact=True)
    # the worker read the file by its absolute path (another process, another working directory)
    assert Path(M.data_pad(pad)).is_absolute()


def test_een_trekking_op_een_worker_rekent_met_haar_eigen_aannames(cluster):
    """A Monte Carlo draw sent to another process carries its own variant of the assumptions: the worker gives the
    same outcome as this process, and the variant differs from the central draw."""
    from dask.distributed import Client

    centraal = P.Aannames.standaard()
    variant = O.gevarieerd(centraal, {"toetsingsinkomen_factor": 1.0, "niet_gebruik.werk": -1.0})
    herv = [H.alle()["R1"]]
    hier = O.trekking(variant, 5, 3_000, herv)
    with Client(cluster, timeout=60) as c:
        daar = c.submit(O.trekking, variant, 5, 3_000, herv, pure=False).result()
    assert hier is not None and daar == hier
    assert O.trekking(centraal, 5, 3_000, herv) != hier
    # the central object is unchanged by making the variant
    assert centraal == P.Aannames.standaard() and variant.bron.startswith("gevarieerd")


def test_versiecontrole_tegen_de_workers(cluster):
    from dask.distributed import Client

    with Client(cluster, timeout=60) as c:
        v = M.controleer_versies(c)
    assert len(v) == 1 and all(x == M.versies() for x in v.values())


def test_relatief_pad_wordt_absoluut(monkeypatch, tmp_path):
    monkeypatch.setenv("KOTWIJZER_BELEID_DATA", str(tmp_path))
    assert M.data_pad("pop.parquet") == str(tmp_path / "pop.parquet")
    monkeypatch.delenv("KOTWIJZER_BELEID_DATA")
    assert Path(M.data_pad("pop.parquet")).is_absolute()
    assert M.data_pad("s3://emmer/pop.parquet") == "s3://emmer/pop.parquet"
