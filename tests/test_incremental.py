"""Re-runs: an unchanged corpus is skipped document by document (content hash and pipeline
version), without extracting or even importing the extractors; a changed file or a new
pipeline version is extracted again. The speed of the skip is measured by bench/rerun.py, not
here (speed targets live in benchmarks, not in timed tests).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import vanban.batch
import vanban.schema.keys
import vanban.schema.store
import vanban.workers
from vanban.batch import run_batch
from vanban.schema.store import open_db

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
COPIES = 2  # x 5 seeds


@pytest.fixture
def corpus(tmp_path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for k in range(COPIES):
        for seed in sorted(SEEDS.glob("*.txt")):
            (root / f"{k}_{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\n\n(Bản lưu {k})\n",
                                                   encoding="utf-8")
    return root


def _state(db_path: Path) -> dict[str, tuple]:
    """Per document: the row's rowid (a re-stored document gets a new one), time and version."""
    db = open_db(db_path)
    return {r["source"]: (r["rowid"], r["extracted_at"], r["pipeline_version"], r["n_tasks"])
            for r in db.query("select rowid, source, extracted_at, pipeline_version, n_tasks from documents")}


def _no_extraction(*args, **kwargs):
    raise AssertionError("a document was extracted again")


@pytest.mark.parametrize("jobs, budget", [(1, None), (2, 120.0)])
def test_unchanged_corpus_is_skipped_without_extracting(corpus, tmp_path, monkeypatch, jobs, budget):
    db_path = tmp_path / "t.db"
    first = run_batch([corpus], db_path, jobs=jobs, budget=budget)
    assert (first.stored, first.skipped, first.failed) == (COPIES * 5, 0, 0)
    before = _state(db_path)
    counts = vanban.schema.store.counts(open_db(db_path))
    # in-process path: process_file must not be called; worker path: no worker may be started
    monkeypatch.setattr(vanban.batch, "process_file", _no_extraction)
    monkeypatch.setattr(vanban.workers, "process_in_workers", _no_extraction)
    seen = []
    again = run_batch([corpus], db_path, jobs=jobs, budget=budget, on_outcome=lambda o, s: seen.append(o))
    assert (again.seen, again.stored, again.skipped, again.failed) == (COPIES * 5, 0, COPIES * 5, 0)
    assert len(seen) == COPIES * 5 and all(o.skipped for o in seen)
    assert _state(db_path) == before  # same rows, same times: nothing was written
    assert vanban.schema.store.counts(open_db(db_path)) == counts


def test_changed_file_alone_is_extracted_again(corpus, tmp_path):
    db_path = tmp_path / "t.db"
    run_batch([corpus], db_path)
    before = _state(db_path)
    changed = sorted(corpus.iterdir())[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nĐã sửa.\n", encoding="utf-8")
    summary = run_batch([corpus], db_path)
    assert (summary.stored, summary.skipped) == (1, COPIES * 5 - 1)
    after = _state(db_path)
    assert {s for s in after if after[s] != before[s]} == {str(changed)}
    assert after[str(changed)][0] != before[str(changed)][0]


def test_a_new_pipeline_version_extracts_everything_again(corpus, tmp_path, monkeypatch):
    db_path = tmp_path / "t.db"
    run_batch([corpus], db_path)
    before = _state(db_path)
    # the one version both the skip test (schema.keys.StoredIndex) and the writer read
    monkeypatch.setattr(vanban.schema.keys, "PIPELINE_VERSION", "0.1.0+next")
    summary = run_batch([corpus], db_path)
    assert (summary.stored, summary.skipped) == (COPIES * 5, 0)
    after = _state(db_path)
    assert set(after) == set(before)
    assert all(after[s][0] != before[s][0] for s in before)  # every row written anew
    assert {s: v[3] for s, v in after.items()} == {s: v[3] for s, v in before.items()}


def test_force_extracts_unchanged_documents(corpus, tmp_path):
    db_path = tmp_path / "t.db"
    run_batch([corpus], db_path)
    summary = run_batch([corpus], db_path, force=True)
    assert (summary.stored, summary.skipped) == (COPIES * 5, 0)


def test_the_skip_path_imports_no_extractor(corpus, tmp_path):
    """A re-run in a fresh interpreter, with worker processes as the CLI uses by default, loads
    neither the extractors nor the parsers behind them (spaCy, pdfplumber, trafilatura ...)."""
    db_path = tmp_path / "t.db"
    run_batch([corpus], db_path)
    script = (
        "import sys, json\n"
        "from vanban.batch import run_batch\n"
        f"s = run_batch([{str(corpus)!r}], {str(db_path)!r}, jobs=2, budget=120.0)\n"
        "heavy = ['spacy', 'pdfplumber', 'pypdfium2', 'underthesea', 'trafilatura', 'docx', 'bs4',\n"
        "         'vietnamadminunits', 'vanban.extract.pipeline', 'vanban.ingest.read', 'vanban.workers']\n"
        "print(json.dumps([s.skipped, [m for m in heavy if m in sys.modules]]))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [COPIES * 5, []]
