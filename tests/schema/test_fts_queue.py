"""Search indexing in bulk: stored rows wait in fts_pending until index_pending, and neither a
replaced nor a deleted row ever leaves the FTS index out of step with its table."""

from __future__ import annotations

import sqlite3

import pytest

from tests.schema.test_store import _plan
from vanban.schema.fts import index_pending
from vanban.schema.keys import StoredIndex
from vanban.schema.store import document_rows, open_db, write_rows


def _store(db, ext, text: str) -> None:
    write_rows(db, document_rows(ext, text, media_type="text"))


def _hits(db, term: str) -> int:
    return db.execute("select count(*) from tasks_fts where tasks_fts match ?", [term]).fetchone()[0]


def _queued(db) -> int:
    return db.execute("select count(*) from fts_pending").fetchone()[0]


def _check(db) -> None:
    for fts in ("tasks_fts", "documents_fts"):  # raises if an index and its table disagree
        db.execute(f"insert into [{fts}] ([{fts}], rank) values ('integrity-check', 1)")


def test_stored_rows_are_found_once_indexed(tmp_path):
    db = open_db(tmp_path / "t.db")
    _store(db, _plan(tasks=3), "Kế hoạch cải thiện chỉ số PAPI")
    assert _queued(db) == 4  # the document and its three tasks
    assert _hits(db, '"phap lenh"') == 0  # "Pháp lệnh", folded: not indexed yet
    assert index_pending(db) == 4
    assert _queued(db) == 0 and _hits(db, '"phap lenh"') == 3 and _hits(db, "Pháp lệnh") == 3
    assert index_pending(db) == 0
    _check(db)


@pytest.mark.parametrize("indexed_first", [True, False])
def test_a_replaced_document_leaves_the_index_in_step(tmp_path, indexed_first):
    db = open_db(tmp_path / "t.db")
    _store(db, _plan(tasks=3), "bản cũ")
    if indexed_first:
        index_pending(db)
    new = _plan(sha="b" * 64, tasks=1)
    new.tasks[0] = new.tasks[0].model_copy(update={"text": "Rà soát quy chế dân chủ ở cơ sở"})
    _store(db, new, "bản mới")  # deletes the old rows (indexed or still queued), queues the new
    index_pending(db)
    _check(db)
    assert _hits(db, '"phap lenh"') == 0 and _hits(db, '"quy che dan chu"') == 1


def test_a_killed_batch_queue_is_indexed_when_the_database_is_next_opened(tmp_path):
    path = tmp_path / "t.db"
    db = open_db(path)
    _store(db, _plan(tasks=2), "văn bản")  # committed, never indexed: as a batch killed before its flush
    db.close()
    db = open_db(path)
    assert _queued(db) == 0 and _hits(db, '"phap lenh"') == 2
    _check(db)


def test_a_database_with_per_row_triggers_is_brought_up_to_the_queue(tmp_path):
    path = tmp_path / "t.db"
    db = open_db(path)
    _store(db, _plan(tasks=2), "văn bản")
    index_pending(db)
    with db.conn:  # the triggers of version 0.1.1 and before: index each row as it is written
        db.execute("drop table fts_pending")
        db.execute("drop trigger tasks_fts_ai")
        db.execute("create trigger tasks_fts_ai after insert on tasks begin insert into tasks_fts "
                   "(rowid, text, text_folded) values (new.rowid, new.text, new.text_folded); end")
    db.close()
    db = open_db(path)
    assert "fts_pending" in db.table_names()
    _store(db, _plan(source="corpus/other.txt", tasks=1), "văn bản khác")
    index_pending(db)
    _check(db)
    assert _hits(db, '"phap lenh"') == 3


def test_the_skip_index_reads_a_database_without_the_store(tmp_path):
    path = tmp_path / "t.db"
    assert not StoredIndex(path).is_current("corpus/kh239.txt", "a" * 64)  # no file yet
    sqlite3.connect(path).close()
    assert not StoredIndex(path).is_current("corpus/kh239.txt", "a" * 64)  # a file, no tables
    _store(open_db(path), _plan(), "văn bản")
    index = StoredIndex(path)
    assert index.is_current("corpus/kh239.txt", "a" * 64)
    assert not index.is_current("corpus/kh239.txt", "b" * 64)
    assert not index.is_current("corpus/other.txt", "a" * 64)
    index.close()
