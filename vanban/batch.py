"""The batch runner: walk inputs, ingest and extract each, store it, never stop for one bad file.

Workers return plain values (an Extraction or a Failure); one writer stores them, so a
document is either fully stored or not at all, and a crash loses at most the one in flight.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vanban.schema.models import Extraction, Failure
    from vanban.schema.store import DocumentRows

# Files a folder walk picks up: the kinds ingest reads, and extension-less files (the raw
# store's objects), whose kind ingest tells from their content.
INPUT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".pdf", ".docx", ""}
SKIP_NAMES = {"README.md", "PROVENANCE.md", "LICENSE"}


@dataclass
class Outcome:
    source: str
    extraction: Extraction | None = None
    failure: Failure | None = None
    text: str = ""
    # folded here, where the extractors have just folded the same text (a cache hit), not
    # again by the writer, which every worker waits on
    text_folded: str | None = None
    media_type: str = "text"
    encoding: str | None = None
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    skipped: bool = False
    rows: DocumentRows | None = None  # the extraction as database rows (see for_writer)
    stored: tuple[int, int] | None = None  # stored by the worker itself: (tasks, citations)

    def for_writer(self) -> Outcome:
        """This outcome as a worker sends it: the extraction already turned into rows."""
        if self.extraction is None:
            return self
        from vanban.schema.models import Failure
        from vanban.schema.store import document_rows

        ext = self.extraction
        try:
            rows = document_rows(ext, self.text, media_type=self.media_type, encoding=self.encoding,
                                 pages=self.pages, warnings=self.warnings, text_folded=self.text_folded)
        except Exception as exc:  # a bug here must cost one document, not the worker
            return Outcome(self.source, failure=Failure(source=self.source, name=ext.name, stage="store",
                                                        reason=f"unexpected {type(exc).__name__}: {exc}",
                                                        sha256=ext.sha256))
        return Outcome(self.source, rows=rows)


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and files under folders named (recursively, sorted, hidden ones skipped)."""
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    fp = Path(root) / f
                    if f.startswith(".") or f in SKIP_NAMES or fp.suffix.lower() not in INPUT_SUFFIXES:
                        continue
                    yield fp
        else:
            yield p


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def process_file(path: Path, max_bytes: int = 50_000_000) -> Outcome:
    """Ingest and extract one file; every error becomes a Failure with a readable reason."""
    from vanban.ingest.errors import IngestError
    from vanban.ingest.read import ingest_file
    from vanban.schema.models import Failure

    source = str(path)
    try:
        doc = ingest_file(path, max_bytes=max_bytes)
    except IngestError as exc:
        return Outcome(source, failure=Failure(source=source, name=path.name, stage="ingest", reason=str(exc)))
    except OSError as exc:
        return Outcome(source, failure=Failure(source=source, name=path.name, stage="read",
                                               reason=f"cannot read file: {exc.strerror or exc}"))
    except Exception as exc:  # a parser bug must not stop the batch
        return Outcome(source, failure=Failure(source=source, name=path.name, stage="ingest",
                                               reason=f"unexpected {type(exc).__name__}: {exc}"))
    return _extract(doc)


def process_bytes(data: bytes, name: str, source: str) -> Outcome:
    """Ingest and extract bytes fetched from elsewhere (a crawl), keyed by their URL."""
    from vanban.ingest.errors import IngestError
    from vanban.ingest.read import ingest_bytes
    from vanban.schema.models import Failure

    try:
        doc = ingest_bytes(data, name, source)
    except IngestError as exc:
        return Outcome(source, failure=Failure(source=source, name=name, stage="ingest", reason=str(exc)))
    except Exception as exc:
        return Outcome(source, failure=Failure(source=source, name=name, stage="ingest",
                                               reason=f"unexpected {type(exc).__name__}: {exc}"))
    return _extract(doc)


def _extract(doc) -> Outcome:
    from vanban.extract.pipeline import extract_document
    from vanban.ingest.normalize import fold
    from vanban.schema.models import Failure

    try:
        ext = extract_document(doc)
    except Exception as exc:
        return Outcome(doc.source, failure=Failure(source=doc.source, name=doc.name, stage="extract",
                                                   reason=f"unexpected {type(exc).__name__}: {exc}",
                                                   sha256=doc.sha256))
    return Outcome(doc.source, extraction=ext, text=doc.text, text_folded=fold(doc.text), media_type=doc.media_type,
                   encoding=doc.encoding, pages=doc.pages, warnings=doc.warnings)


def store_outcome(db, outcome: Outcome, summary: Summary) -> None:
    """Write one outcome: a stored document or a failure row (what was stored before stays)."""
    if outcome.skipped:  # nothing to write: a re-run of an unchanged corpus never loads the store
        summary.skipped += 1
    elif outcome.stored is not None:  # a lone worker stored it (vanban.workers._OwnWriter)
        summary.stored += 1
        summary.tasks += outcome.stored[0]
        summary.citations += outcome.stored[1]
    elif outcome.failure:
        from vanban.schema.store import record_failure

        summary.failed += 1
        summary.failures.append(outcome.failure)
        record_failure(db, outcome.failure)
    else:
        from vanban.schema.store import write_rows

        if outcome.rows is None:
            outcome = outcome.for_writer()
            if outcome.failure:
                store_outcome(db, outcome, summary)
                return
        rows = outcome.rows
        assert rows is not None
        write_rows(db, rows)
        summary.stored += 1
        summary.tasks += rows.n_tasks
        summary.citations += rows.n_citations


@dataclass
class Summary:
    seen: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    tasks: int = 0
    citations: int = 0
    failures: list[Failure] = field(default_factory=list)


def run_batch(paths: Iterable[str | Path], db_path: str | Path, *, force: bool = False,
              max_bytes: int = 50_000_000, jobs: int = 1, budget: float | None = None,
              on_outcome: Callable[[Outcome, Summary], None] | None = None) -> Summary:
    """Extract every input into the database at db_path; return what happened.

    jobs > 1 or a time budget runs documents in worker processes (vanban.workers); one
    process writes documents, one transaction each: the parent, or a lone worker (jobs 1)."""
    from vanban.schema.keys import StoredIndex

    summary = Summary()
    skipped: deque[Outcome] = deque()  # unchanged or unreadable inputs, written between results
    stored = StoredIndex(db_path)
    db = None  # opened (sqlite-utils, the schema) only once something must be written
    indexer = None

    def emit(outcome: Outcome) -> None:
        nonlocal db, indexer
        if db is None and not outcome.skipped and outcome.stored is None:
            from vanban.schema.fts import BulkIndexer
            from vanban.schema.store import open_db

            db, indexer = open_db(db_path), BulkIndexer()
        stored_before = summary.stored
        store_outcome(db, outcome, summary)
        if outcome.stored is None and summary.stored > stored_before:  # a lone worker indexes its own
            indexer.stored(db)
        if on_outcome:
            on_outcome(outcome, summary)

    def todo() -> Iterator[Path]:
        for path in iter_inputs(paths):
            summary.seen += 1
            source = str(path)
            try:
                digest = sha256_file(path)
            except OSError as exc:
                from vanban.schema.models import Failure

                skipped.append(Outcome(source, failure=Failure(
                    source=source, name=path.name, stage="read", reason=f"cannot read file: {exc.strerror or exc}")))
                continue
            if not force and stored.is_current(source, digest):
                skipped.append(Outcome(source, skipped=True))
                if len(skipped) >= 256:  # a re-run of a large unchanged corpus must not pile them up
                    flush_skipped()
                continue
            yield path

    def flush_skipped() -> None:
        while skipped:
            emit(skipped.popleft())

    # Look for the first file that needs work before importing the extractors or starting
    # workers: a re-run over an unchanged corpus then costs one hash and one query per file.
    pending = todo()
    first = next(pending, None)
    if first is None:
        outcomes: Iterator[Outcome] = iter(())
    elif jobs <= 1 and not budget:
        outcomes = (process_file(p, max_bytes=max_bytes) for p in itertools.chain([first], pending))
    else:
        import vanban.extract.pipeline  # noqa: F401  (imported once here, inherited by forked workers)
        import vanban.ingest.read  # noqa: F401
        from vanban.workers import process_in_workers

        # one worker stores its own documents (no rows over the pipe); several hand them to
        # this process, the one writer
        outcomes = process_in_workers(itertools.chain([first], pending), jobs, budget, max_bytes=max_bytes,
                                      store_to=db_path if jobs <= 1 else None)
    for outcome in outcomes:
        flush_skipped()
        emit(outcome)
    flush_skipped()
    stored.close()
    if db is not None:
        from vanban.schema.fts import index_pending

        index_pending(db)
    elif summary.stored or not Path(db_path).exists():
        from vanban.schema.store import open_db

        open_db(db_path)  # indexes what a lone worker left queued; a first run over no inputs leaves a database
    return summary
