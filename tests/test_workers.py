"""The batch runner's worker processes: a document that runs away is stopped at its time budget,
a worker that dies is replaced, and in both cases the batch records why and goes on.

The runaway is a real input, not a hook: a page of ~6 MB that is one paragraph of 60,000
assignment clauses ("Sở Nội vụ chủ trì, phối hợp với …;"), each of which prose extraction reads as
a task, followed by ~12 MB of seed copies. Measured here: 20,000 such clauses take ~14 s, so the
page keeps a worker busy for about a minute, against 0.03-0.9 s for a seed (the first document a
fresh worker reads pays ~0.75 s loading the administrative-unit tables).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest

from vanban.batch import Outcome, Summary, run_batch
from vanban.schema.store import open_db

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
BUDGET = 4.0  # seconds: 4x a cold worker's slowest seed here, a tenth of the runaway's time


def runaway_text() -> str:
    clause = "Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành tổ chức tuyên truyền; "
    page = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    copies = [f"{page}\n\nBản lưu số {k}.\n" for k in range(12_000_000 // len(page.encode()))]
    return clause * 60_000 + "\n\n" + "\n\n".join(copies)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A seed, the runaway, another seed: in this order, as the walk sorts them."""
    root = tmp_path_factory.mktemp("runaway")
    shutil.copy(next(SEEDS.glob("002_*.txt")), root / "a_cong_van.txt")
    (root / "b_runaway.txt").write_text(runaway_text(), encoding="utf-8")
    shutil.copy(next(SEEDS.glob("004_*.txt")), root / "c_tin_bai.txt")
    return root


def _stored(db_path: Path) -> dict[str, int]:
    db = open_db(db_path)
    return {r["name"]: r["n_tasks"] for r in db.query("select name, n_tasks from documents")}


def test_a_runaway_document_is_stopped_and_the_batch_goes_on(corpus, tmp_path):
    db_path = tmp_path / "t.db"
    started = time.monotonic()
    summary = run_batch([corpus], db_path, jobs=1, budget=BUDGET)
    elapsed = time.monotonic() - started
    assert (summary.seen, summary.stored, summary.failed) == (3, 2, 1)
    [failure] = summary.failures
    assert failure.source == str(corpus / "b_runaway.txt")
    assert failure.stage == "timeout"
    assert failure.reason == "stopped after the 4 s budget per document (a parser ran away on this file)"
    db = open_db(db_path)
    assert [(r["name"], r["stage"]) for r in db.query("select name, stage from failures")] == [
        ("b_runaway.txt", "timeout")]
    stored = _stored(db_path)
    assert set(stored) == {"a_cong_van.txt", "c_tin_bai.txt"} and all(stored.values())
    assert elapsed < 60  # stopped, not run to the end
    assert not mp.active_children()  # the killed worker and its replacement are gone


def test_a_worker_that_dies_is_recorded_and_replaced(corpus, tmp_path):
    """The worker reading the runaway is killed from outside (as the OOM killer would)."""
    killed: list[int] = []

    def on_outcome(outcome: Outcome, summary: Summary) -> None:
        if outcome.source.endswith("a_cong_van.txt"):
            # the one worker is idle now and gets the runaway next: kill it once it has started
            [worker] = mp.active_children()
            killed.append(worker.pid)
            threading.Timer(1.0, os.kill, (worker.pid, signal.SIGKILL)).start()

    db_path = tmp_path / "t.db"
    summary = run_batch([corpus], db_path, jobs=1, budget=120, on_outcome=on_outcome)
    assert killed
    assert (summary.seen, summary.stored, summary.failed) == (3, 2, 1)
    [failure] = summary.failures
    assert failure.source == str(corpus / "b_runaway.txt")
    assert failure.stage == "extract"
    assert failure.reason.startswith("the worker process died while reading this document")
    stored = _stored(db_path)
    assert set(stored) == {"a_cong_van.txt", "c_tin_bai.txt"} and all(stored.values())
    assert not mp.active_children()


def test_a_lone_worker_stores_what_the_parent_would_have_stored(tmp_path):
    """`--jobs 1` with a time budget: the worker writes the documents itself; the database is
    the one an in-process run (no budget, no worker) makes, search included."""
    from vanban.schema.store import iter_export_records

    corpus = tmp_path / "c"
    corpus.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, corpus / seed.name)
    (corpus / "empty.txt").write_bytes(b"")  # a failure, recorded by the parent
    runs = {}
    for budget in (None, 120.0):
        db_path = tmp_path / f"b{budget}.db"
        summary = run_batch([corpus], db_path, jobs=1, budget=budget)
        db = open_db(db_path)
        runs[budget] = (
            (summary.stored, summary.failed, summary.tasks, summary.citations),
            [{k: v for k, v in r.items() if k != "extracted_at"} for r in iter_export_records(db)],
            db.execute("select count(*) from fts_pending").fetchone()[0],
            db.execute("select count(*) from tasks_fts where tasks_fts match 'text_folded: \"phong noi vu\"'").fetchone()[0],
            [(f["name"], f["stage"]) for f in db.query("select name, stage from failures")],
        )
    assert runs[120.0] == runs[None]
    counts, records, queued, hits, failures = runs[120.0]
    assert counts[0] == 5 and counts[2] > 50 and queued == 0 and hits > 0 and failures == [("empty.txt", "ingest")]
