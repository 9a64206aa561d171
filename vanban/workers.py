"""Worker processes with a time budget per document: one runaway parser cannot stall a batch.

A thread pool cannot stop a regex or a PDF parser that never returns; a process can be
killed. Each worker takes one path at a time over a pipe; the parent kills and replaces a
worker whose document overruns its budget, and records that document as a failure.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from vanban.batch import Outcome, process_file
from vanban.schema.models import Failure

# One short document run in the parent before the workers are forked: the data the extractors
# load on first use (gazetteers, province tables, compiled patterns; ~1 s) is then built once
# and shared by every worker, including each one that replaces a stopped worker.
_WARM_UP = (
    "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 02 tháng 3 năm 2024\n"
    "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2024\nThực hiện Quyết định số 2/QĐ-UBND ngày 01/01/2024.\n"
    "1. Sở Nội vụ chủ trì, phối hợp với UBND các huyện thực hiện nội dung “Công khai, minh bạch”; "
    "hoàn thành trước ngày 30/6/2024.\n"
)


def warm_up() -> None:
    from vanban.batch import process_bytes

    process_bytes(_WARM_UP.encode("utf-8"), "warm-up.txt", "warm-up.txt")
    html = f"<html><body><p>{_WARM_UP}</p><table><tr><td>1</td><td>Sở Nội vụ</td></tr></table></body></html>"
    process_bytes(html.encode("utf-8"), "warm-up.html", "warm-up.html")


class _OwnWriter:
    """The one worker of a `--jobs 1` batch stores its documents itself: the parent then only
    watches the clock and records failures, and a document's rows never cross the pipe (on one
    core that round trip, pickling and two processes taking turns, cost ~2.4 ms a document:
    ~10% of the batch). Still one writer of documents at a time: a replacement worker starts
    only after the one it replaces is dead, and SQLite rolls back whatever it was writing."""

    def __init__(self, db_path: str) -> None:
        from vanban.schema.fts import BulkIndexer

        self.db_path = db_path
        self.db = None
        self.indexer = BulkIndexer()

    def keep(self, outcome: Outcome) -> Outcome:
        """Store a worker's outcome; what the parent still has to record comes back."""
        from vanban.schema.store import open_db, write_rows

        rows = outcome.rows
        if rows is None:
            return outcome  # a failure: the parent records it
        try:
            if self.db is None:
                self.db = open_db(self.db_path)
            write_rows(self.db, rows)
            self.indexer.stored(self.db)
        except Exception as exc:  # a database error costs this document, not the batch
            return Outcome(outcome.source, failure=Failure(
                source=outcome.source, name=Path(outcome.source).name, stage="store",
                reason=f"cannot store: {type(exc).__name__}: {exc}"))
        return Outcome(outcome.source, stored=(rows.n_tasks, rows.n_citations))


def _worker_main(conn: Connection, max_bytes: int, store_to: str | None = None) -> None:
    writer = _OwnWriter(store_to) if store_to else None
    while True:
        try:
            item = conn.recv()
        except EOFError:
            return
        if item is None:
            return
        outcome = process_file(Path(item), max_bytes=max_bytes).for_writer()
        conn.send(writer.keep(outcome) if writer else outcome)


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection
    path: Path | None = None
    started: float = 0.0


def _start(ctx, max_bytes: int, store_to: str | None = None) -> _Worker:
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_worker_main, args=(child, max_bytes, store_to), daemon=True)
    proc.start()
    child.close()
    return _Worker(proc, parent)


def _stop(worker: _Worker) -> None:
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join(timeout=5)
    worker.conn.close()


def _failure(path: Path, stage: str, reason: str) -> Outcome:
    return Outcome(str(path), failure=Failure(source=str(path), name=path.name, stage=stage, reason=reason))


def process_in_workers(paths: Iterable[Path], jobs: int, budget: float | None,
                       max_bytes: int = 50_000_000, store_to: str | Path | None = None) -> Iterator[Outcome]:
    """Process paths in `jobs` worker processes; yield outcomes as they finish (any order).

    With `store_to` (one worker only) the worker stores each document in that database
    itself and yields outcomes marked `stored`; failures still come back to be recorded."""
    if store_to is not None and jobs > 1:
        raise ValueError("only a single worker may store its own documents")
    own = str(store_to) if store_to is not None else None
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
    if ctx.get_start_method() == "fork":
        warm_up()
    workers = [_start(ctx, max_bytes, own) for _ in range(max(1, jobs))]
    pending = iter(paths)
    exhausted = False

    def feed(w: _Worker) -> None:
        nonlocal exhausted
        if w.path is None and not exhausted:
            nxt = next(pending, None)
            if nxt is None:
                exhausted = True
                return
            w.path, w.started = nxt, time.monotonic()
            w.conn.send(str(nxt))

    try:
        while True:
            for w in workers:
                feed(w)
            busy = [w for w in workers if w.path is not None]
            if not busy and exhausted:
                return
            ready = wait([w.conn for w in busy], timeout=0.2)
            for w in busy:
                if w.conn in ready:
                    try:
                        outcome = w.conn.recv()
                    except (EOFError, OSError):
                        path = w.path
                        _stop(w)
                        workers[workers.index(w)] = _start(ctx, max_bytes, own)
                        yield _failure(path, "extract", "the worker process died while reading this document "
                                                        "(out of memory or a crash in a parser)")
                        continue
                    w.path = None
                    feed(w)  # the worker reads its next document while the writer stores this one
                    yield outcome
                elif budget and time.monotonic() - w.started > budget:
                    path = w.path
                    _stop(w)
                    workers[workers.index(w)] = _start(ctx, max_bytes, own)
                    yield _failure(path, "timeout", f"stopped after the {budget:g} s budget per document "
                                                    "(a parser ran away on this file)")
    finally:
        for w in workers:
            try:
                if w.process.is_alive() and w.path is None:
                    w.conn.send(None)
            except OSError:
                pass
        for w in workers:
            _stop(w)
