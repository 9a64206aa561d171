"""A batch killed with SIGKILL at any moment leaves a consistent database, and running it again
completes it to exactly what an uninterrupted run stores.

Each document is stored in one transaction (WAL mode), so a kill loses at most the documents in
flight. `vanban extract` runs as a subprocess in its own process group, and the whole group
(the writer and its worker processes) is killed at once, as a power cut or the OOM killer would.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vanban.schema.fts import index_queued
from vanban.schema.store import iter_export_records, open_db

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
COPIES = 12  # x 5 seeds = 60 documents, each with its own bytes
# Where the successive runs are killed: 0.4 s after start (interpreter start-up, opening and
# creating the database), then once the database holds this many documents, plus a few ms so
# that some kills land inside a document's transaction. Progress, not wall time, so that a slow
# CI machine kills at the same stages as a fast one.
KILL_AT_DOCUMENTS = ((5, 0.0), (25, 0.05), (45, 0.013))
@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("copies")
    for k in range(COPIES):
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_text(encoding="utf-8") + f"\n\n(Bản lưu số {k:02d})\n"
            (root / f"{k:02d}_{seed.name}").write_text(text, encoding="utf-8")
    return root


def _command(corpus: Path, db: Path, jobs: int = 2) -> list[str]:
    # --jobs 2: two workers hand their rows to the parent, the one writer; --jobs 1: the lone
    # worker stores its documents itself (vanban.workers._OwnWriter)
    return [sys.executable, "-m", "vanban.cli", "extract", str(corpus), "--db", str(db), "--quiet", "--jobs", str(jobs)]


def run_to_end(corpus: Path, db: Path, jobs: int = 2) -> None:
    result = subprocess.run(_command(corpus, db, jobs), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr


def stored_documents(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    except sqlite3.OperationalError:
        return 0
    try:
        return conn.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.OperationalError:  # no file or no table yet
        return 0
    finally:
        conn.close()


def run_and_kill(corpus: Path, db: Path, *, jobs: int = 2, after: float | None = None, at_documents: int | None = None,
                 delay: float = 0.0) -> bool:
    """Start a batch and SIGKILL its whole process group `after` seconds, or `delay` seconds after
    the database first holds `at_documents` documents. False if the batch ended first."""
    proc = subprocess.Popen(_command(corpus, db, jobs), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        if after is not None:
            proc.wait(timeout=after)
            return False
        while stored_documents(db) < (at_documents or 0):
            if proc.poll() is not None:
                return False
            time.sleep(0.01)
        proc.wait(timeout=delay or 0.001)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        _wait_group_gone(proc.pid)
        return True


def _wait_group_gone(pgid: int, timeout: float = 30.0) -> None:
    """Wait until every process of the killed group has exited: a worker killed with its parent
    may still hold its lock on the database for a moment on a loaded machine."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)


def check_consistent(db: Path) -> int:
    """Integrity, foreign keys, and every stored document whole; returns the documents stored."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        q = lambda sql: conn.execute(sql).fetchall()  # noqa: E731
        assert q("PRAGMA integrity_check") == [("ok",)]
        assert q("PRAGMA foreign_key_check") == []
        tables = {r[0] for r in q("select name from sqlite_master where type = 'table'")}
        if "documents" not in tables:
            return 0  # killed while creating the schema: nothing stored, and the next run finishes it
        assert q("""select d.source, d.n_tasks, count(t.id) from documents d left join tasks t on t.doc_id = d.id
                    group by d.id having count(t.id) != d.n_tasks""") == []
        assert q("""select d.source, d.n_citations, count(c.id) from documents d
                    left join citations c on c.doc_id = d.id
                    group by d.id having count(c.id) != d.n_citations""") == []
        for child, key, parent in (("tasks", "doc_id", "documents"), ("citations", "doc_id", "documents"),
                                   ("indices", "doc_id", "documents"), ("document_areas", "doc_id", "documents"),
                                   ("task_units", "task_id", "tasks"), ("task_units", "unit_id", "units")):
            assert q(f"select count(*) from [{child}] where [{key}] not in (select id from [{parent}])") == [(0,)], \
                (child, key)
        assert q("select count(*) from documents") == q("select count(distinct source) from documents")
        # Search: every stored row is indexed or queued for indexing (fts_pending), so indexing
        # the queue, as the next open does, leaves each FTS index exactly matching its table.
        if "tasks_fts" in tables:
            conn.execute("BEGIN")
            if "fts_pending" in tables:
                index_queued(conn)
            for fts in ("tasks_fts", "documents_fts"):
                conn.execute(f"insert into [{fts}] ([{fts}], rank) values ('integrity-check', 1)")
            conn.execute("ROLLBACK")  # the next run finds the database as the kill left it
        return q("select count(*) from documents")[0][0]
    finally:
        conn.close()


def snapshot(db: Path) -> tuple[dict[str, int], list[dict], dict[str, int]]:
    """What a run leaves, timestamps and row order aside: tasks per document, the export (a
    citation's link as the cited document's number: copies share numbers, and any copy is a
    right target), and the row counts."""
    d = open_db(db)
    per_doc = {r["source"]: r["n_tasks"] for r in d.query("select source, n_tasks from documents")}
    numbers = {r["id"]: r["number"] for r in d.query("select id, number from documents")}
    records = []
    for rec in iter_export_records(d):
        for ref in rec["references"]:
            ref["cited_doc_id"] = numbers.get(ref["cited_doc_id"]) if ref["cited_doc_id"] else None
        records.append(rec)
    counts = {t: d[t].count for t in ("documents", "tasks", "task_units", "citations", "indices",
                                       "document_areas", "units", "unit_aliases", "failures")}
    return per_doc, records, counts


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("reference") / "ref.db"
    run_to_end(corpus, db)
    snap = snapshot(db)
    assert snap[2]["documents"] == COPIES * 5 and snap[2]["failures"] == 0
    return snap


@pytest.mark.parametrize("jobs", [2, 1])
def test_killed_batches_leave_consistent_databases_and_resume_to_the_same_contents(corpus, reference, tmp_path, jobs):
    db = tmp_path / "killed.db"
    assert run_and_kill(corpus, db, jobs=jobs, after=0.4), "the batch ended within 0.4 s"
    assert check_consistent(db) < COPIES * 5
    for at_documents, delay in KILL_AT_DOCUMENTS:
        assert run_and_kill(corpus, db, jobs=jobs, at_documents=at_documents, delay=delay), \
            f"the batch ended before storing {at_documents} documents"
        assert at_documents <= check_consistent(db) < COPIES * 5
    run_to_end(corpus, db, jobs)
    assert check_consistent(db) == COPIES * 5
    conn = sqlite3.connect(db)
    try:  # the batch's end indexed what it and the killed runs stored: search finds every copy
        assert conn.execute("select count(*) from fts_pending").fetchone() == (0,)
        found = conn.execute("select count(*) from documents_fts where documents_fts match "
                             "'text_folded: \"ban luu so\"'").fetchone()[0]
        assert found == conn.execute("select count(*) from documents where instr(text_folded, 'ban luu so')"
                                     ).fetchone()[0] >= COPIES * 3
    finally:
        conn.close()
    per_doc, records, counts = snapshot(db)
    assert per_doc == reference[0]
    assert counts == reference[2]
    assert records == reference[1]
