"""Where a document's time goes, in CPU seconds measured in one process: reading and
extracting it (a worker's job), turning the extraction into rows and sending them over the
pipe, and writing them (the single writer's job: SQL, indexes, FTS5).

With N worker cores a batch runs at about min(N / worker time, 1 / writer time) documents
per second; on one core at 1 / (worker + pipe + writer).

    .venv/bin/python bench/split.py DIR [DIR ...]   (folders of one kind each, e.g. the bench corpus)
"""

from __future__ import annotations

import pickle
import sys
import tempfile
import time
from pathlib import Path

from vanban.batch import Summary, iter_inputs, process_file, store_outcome
from vanban.schema.fts import BulkIndexer, index_pending
from vanban.schema.store import open_db
from vanban.workers import warm_up


def split(paths: list[Path], db_path: Path) -> dict[str, float]:
    """Milliseconds of CPU per document for each step, over `paths`."""
    clock = time.process_time
    t0 = clock()
    outcomes = [process_file(p) for p in paths]
    t1 = clock()
    wire = [o.for_writer() for o in outcomes]
    t2 = clock()
    sent = [pickle.loads(pickle.dumps(w, protocol=pickle.HIGHEST_PROTOCOL)) for w in wire]
    t3 = clock()
    db, summary = open_db(db_path), Summary()
    t4 = clock()
    indexer = BulkIndexer()
    for o in sent:
        store_outcome(db, o, summary)
        indexer.stored(db)
    index_pending(db)  # the writer's share of search indexing, as a batch does it
    t5 = clock()
    n = len(paths) / 1000
    return {"extract": (t1 - t0) / n, "rows": (t2 - t1) / n, "pipe": (t3 - t2) / n, "write": (t5 - t4) / n}


def main(argv: list[str]) -> int:
    warm_up()
    print("CPU per document (ms), in one process:")
    print(f"  {'kind':6s} {'docs':>5s} {'ingest+extract':>15s} {'rows':>6s} {'pipe':>6s} {'writer':>7s}"
          f" {'one core':>9s} {'worker/core':>12s} {'writer cap':>11s}")
    with tempfile.TemporaryDirectory() as tmp:
        for folder in map(Path, argv):
            paths = list(iter_inputs([folder]))
            if not paths:
                continue
            ms = split(paths, Path(tmp) / f"{folder.name}.db")
            worker = ms["extract"] + ms["rows"] + ms["pipe"]
            print(f"  {folder.name:6s} {len(paths):5d} {ms['extract']:15.2f} {ms['rows']:6.2f} {ms['pipe']:6.2f}"
                  f" {ms['write']:7.2f} {1000 / (worker + ms['write']):6.1f}/s {1000 / worker:9.1f}/s"
                  f" {1000 / ms['write']:8.1f}/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
