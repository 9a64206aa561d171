"""A batch over every bad input a crawl brings home, mixed with the good seeds: each bad file
is one failure row with a reason a person understands, or a document with what could be
found; no traceback; every good document stored with all its tasks.

The inputs are tests/badinputs/ (written by make_bad_inputs.py, which lists what each must
become); tests/ingest/ tests the same readers one call at a time.
"""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from vanban.batch import process_file
from vanban.ingest.errors import IngestError
from vanban.ingest.read import ingest_file

HERE = Path(__file__).resolve().parent
BAD = HERE / "badinputs"
SEEDS = HERE.parent / "corpus" / "seeds"

_spec = importlib.util.spec_from_file_location("make_bad_inputs", BAD / "make_bad_inputs.py")
assert _spec and _spec.loader
bad = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bad)

FAILURES = {name: exp[1:] for name, exp in bad.EXPECTED.items() if exp[0] == "failure"}
DOCUMENTS = {name: exp[1] for name, exp in bad.EXPECTED.items() if exp[0] == "document"}
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def vanban(*args: str) -> subprocess.CompletedProcess:
    """The installed command, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "vanban.cli", *args], capture_output=True, text=True,
                          timeout=600)


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess]:
    """The bad inputs and the seeds in one folder tree, extracted by `vanban extract` with
    worker processes (the default way a batch runs)."""
    root = tmp_path_factory.mktemp("mixed")
    (root / "bad").mkdir()
    (root / "seeds").mkdir()
    for name in bad.EXPECTED:
        shutil.copy(BAD / name, root / "bad" / name)
    for seed in SEED_FILES:
        shutil.copy(seed, root / "seeds" / seed.name)
    db = root / "mixed.db"
    result = vanban("extract", str(root / "bad"), str(root / "seeds"), "--db", str(db), "--jobs", "2",
                    "--budget", "120", "--quiet")
    return root, db, result


def test_committed_corpus_is_complete():
    made = {p.name for p in BAD.iterdir() if p.suffix != ".py" and p.is_file()}
    assert made == set(bad.EXPECTED) | {bad.OVERSIZE}, "run tests/badinputs/make_bad_inputs.py"


def test_the_batch_finishes_without_a_traceback(mixed):
    _, _, result = mixed
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("name", sorted(FAILURES))
def test_a_bad_file_is_one_failure_row_with_a_plain_reason(mixed, name):
    root, db, _ = mixed
    stage, words = FAILURES[name]
    found = rows(db, "select stage, reason from failures where source = ?", (str(root / "bad" / name),))
    assert len(found) == 1, rows(db, "select source, reason from failures")
    got_stage, reason = found[0]
    assert got_stage == stage
    assert words in reason
    # a sentence for a person: no traceback, no Python object reprs, not a wall of text
    assert "Traceback" not in reason and "<_io." not in reason and " object at 0x" not in reason
    assert len(reason) < 300
    assert not rows(db, "select 1 from documents where name = ?", (name,))


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_a_readable_odd_file_is_a_document(mixed, name):
    root, db, _ = mixed
    assert rows(db, "select count(*) from documents where source = ?", (str(root / "bad" / name),)) == [(1,)]
    assert not rows(db, "select 1 from failures where name = ?", (name,))


def _seed_tasks(prefix: str) -> list[str]:
    ext = process_file(next(SEEDS.glob(f"{prefix}_*.txt"))).extraction
    assert ext is not None
    return [t.text for t in ext.tasks]


def _stored_tasks(db: Path, source: Path) -> list[str]:
    return [r[0] for r in rows(db, """select t.text from tasks t join documents d on d.id = t.doc_id
                                      where d.source = ? order by t.ordinal""", (str(source),))]


def test_every_good_document_is_stored_with_all_its_tasks(mixed):
    root, db, _ = mixed
    assert rows(db, "select count(*) from documents") == [(len(SEED_FILES) + len(DOCUMENTS),)]
    assert rows(db, "select count(*) from failures") == [(len(FAILURES),)]
    for seed in SEED_FILES:
        expected = _seed_tasks(seed.name[:3])
        assert _stored_tasks(db, root / "seeds" / seed.name) == expected, seed.name
        assert rows(db, "select n_tasks from documents where source = ?",
                    (str(root / "seeds" / seed.name),)) == [(len(expected),)]
    assert rows(db, "select count(*) from tasks") == rows(db, "select sum(n_tasks) from documents")


@pytest.mark.parametrize("name", sorted(n for n, prefix in DOCUMENTS.items() if prefix))
def test_a_seed_saved_in_a_legacy_form_gives_the_seed_tasks(mixed, name):
    """windows-1258, TCVN3, UTF-16 and mixed NFC/NFD copies of a seed: the same tasks, word for word
    (TCVN3 only loses typographic punctuation, which its fonts never had)."""
    root, db, _ = mixed
    expected = [t.translate(bad.LEGACY_PUNCT) if "tcvn3" in name else t for t in _seed_tasks(DOCUMENTS[name])]
    assert expected
    assert _stored_tasks(db, root / "bad" / name) == expected


def test_docx_external_entities_are_not_resolved(mixed):
    root, db, _ = mixed
    [(text, number, n_tasks)] = rows(db, "select text, number, n_tasks from documents where name = 'xxe.docx'")
    assert "root:" not in text and "/bin/" not in text and "&secret" not in text
    assert "Cải thiện Chỉ số PAPI năm 2023" in text
    assert (number, n_tasks) == ("57/KH-UBND", 1)


def test_deeply_nested_html_is_read_to_the_bottom(mixed):
    _, db, _ = mixed
    [(text,)] = rows(db, "select text from documents where name = 'nested.html'")
    assert "Bảo Thắng" in text and "Văn bản lồng sâu." in text


def test_a_paragraph_without_a_header_keeps_what_it_says(mixed):
    _, db, _ = mixed
    [(number, n_tasks)] = rows(db, "select number, n_tasks from documents where name = 'no_header.txt'")
    assert number is None and n_tasks == 1
    [(lead, deadline)] = rows(db, """select tu.text, t.deadline_date from tasks t join documents d on d.id = t.doc_id
                                     join task_units tu on tu.task_id = t.id
                                     where d.name = 'no_header.txt' and tu.role = 'lead'""")
    assert (lead, deadline) == ("các phòng, ban chuyên môn thuộc huyện", "2024-08-15")


def test_a_file_over_the_size_cap_is_refused_and_the_rest_stored(tmp_path):
    for name in (bad.OVERSIZE, "no_header.txt"):
        shutil.copy(BAD / name, tmp_path / name)
    db = tmp_path / "cap.db"
    result = vanban("extract", str(tmp_path / bad.OVERSIZE), str(tmp_path / "no_header.txt"), "--db", str(db),
                    "--max-bytes", "4000", "--jobs", "1", "--budget", "0")
    assert result.returncode == 0, result.stderr
    size = (BAD / bad.OVERSIZE).stat().st_size
    assert rows(db, "select stage, reason from failures") == [
        ("ingest", f"file larger than the 4,000 bytes cap ({size:,} bytes)")]
    assert rows(db, "select name from documents") == [("no_header.txt",)]
    assert "1 extracted, 0 unchanged, 1 failed" in result.stdout


def test_zip_bomb_is_refused_before_anything_is_inflated():
    declared = sum(i.file_size for i in __import__("zipfile").ZipFile(BAD / "bomb.docx").infolist())
    assert declared > 200_000_000  # it really is one
    tracemalloc.start()
    try:
        with pytest.raises(IngestError, match="zip bomb: word/document.xml would inflate to"):
            ingest_file(BAD / "bomb.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000, f"{peak:,} bytes allocated while refusing it"
