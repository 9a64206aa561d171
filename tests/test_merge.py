"""`vanban merge`: shards extracted apart and merged equal one database built in one run.

The seeds are split in two shards, with a news item in one citing "Kế hoạch số 239/KH-UBND"
while the plan itself is in the other, so the merge must link a citation across shards.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.batch import run_batch
from vanban.cli import cli
from vanban.merge import merge_databases
from vanban.schema.store import TABLES, doc_id

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
NEWS = """Huyện Bảo Thắng triển khai kế hoạch nâng cao Chỉ số PAPI

Thực hiện Kế hoạch số 239/KH-UBND ngày 30/6/2022 của UBND tỉnh Lào Cai về nâng cao Chỉ số \
Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI), UBND huyện Bảo Thắng đã ban hành văn bản \
triển khai tới các cơ quan, đơn vị trên địa bàn huyện.
"""
TIMESTAMPS = {"documents": {"extracted_at"}, "failures": {"at"}}


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("merge")
    a, b = root / "a", root / "b"
    a.mkdir()
    b.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        # the plan 239/KH-UBND (seed 001) goes to b; the news citing it goes to a
        shutil.copy(p, (b if p.name.startswith(("001", "003")) else a) / p.name)
    (a / "900_bao_thang_news.txt").write_text(NEWS, encoding="utf-8")
    (b / "901_empty.txt").write_bytes(b"")  # a failure row travels too
    out = {"a": root / "a.db", "b": root / "b.db", "one": root / "one.db", "dirs": root}
    run_batch([a], out["a"])
    run_batch([b], out["b"])
    run_batch([a, b], out["one"])
    return out


def table_rows(path: Path) -> dict[str, Counter]:
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in TABLES:
            cur = conn.execute(f"select * from [{table}]")
            names = [d[0] for d in cur.description]
            drop = TIMESTAMPS.get(table, set())
            out[table] = Counter(
                tuple(sorted((k, v) for k, v in zip(names, row, strict=True) if k not in drop)) for row in cur
            )
        return out
    finally:
        conn.close()


def test_merged_shards_equal_one_run(shards, tmp_path):
    merged = tmp_path / "merged.db"
    summary = merge_databases(merged, [shards["a"], shards["b"]])
    assert summary.shards == 2 and summary.copied == 6 and summary.failures == 1
    got, want = table_rows(merged), table_rows(shards["one"])
    for table in TABLES:
        assert got[table] == want[table], table
    assert sum(got["documents"].values()) == 6 and sum(got["failures"].values()) == 1


def test_citation_links_across_shards(shards, tmp_path):
    merged = tmp_path / "merged.db"
    merge_databases(merged, [shards["a"], shards["b"]])
    news = doc_id(str(shards["dirs"] / "a" / "900_bao_thang_news.txt"))
    plan = doc_id(str(shards["dirs"] / "b" / "001_269713fc64b6e22e.txt"))
    conn = sqlite3.connect(shards["a"])
    assert conn.execute("select count(*) from citations where doc_id = ? and cited_doc_id is not null",
                        [news]).fetchone() == (0,)  # in its own shard the plan is missing
    conn = sqlite3.connect(merged)
    linked = conn.execute("select number, cited_doc_id from citations where doc_id = ?", [news]).fetchall()
    assert ("239/KH-UBND", plan) in linked
    # the full-text index of the merged database knows the copied documents
    hits = conn.execute("select count(*) from documents_fts where documents_fts match 'bảo thắng'").fetchone()[0]
    assert hits >= 1


def test_newer_document_wins_and_merge_is_idempotent(shards, tmp_path):
    merged = tmp_path / "merged.db"
    merge_databases(merged, [shards["a"], shards["b"]])
    again = merge_databases(merged, [shards["a"], shards["b"]])
    assert again.copied == 0 and again.kept == 6
    before = table_rows(merged)

    older, newer = tmp_path / "older.db", tmp_path / "newer.db"
    for path, stamp, title in ((older, "2000-01-01T00:00:00+00:00", "old title"),
                               (newer, "2999-01-01T00:00:00+00:00", "new title")):
        conn = sqlite3.connect(path)
        with sqlite3.connect(shards["b"]) as src:
            src.backup(conn)  # a file copy could miss what is still in the -wal file
        with conn:
            conn.execute("update documents set extracted_at = ?, title = ?", [stamp, title])
        conn.close()
    assert merge_databases(merged, [older]).copied == 0
    assert table_rows(merged) == before
    assert merge_databases(merged, [newer]).copied == 2
    conn = sqlite3.connect(merged)
    titles = dict(conn.execute("select name, title from documents"))
    assert titles["001_269713fc64b6e22e.txt"] == "new title"
    assert titles["000_510d0c522d41e05f.txt"] != "new title"
    # the plan was replaced: the news item's citation still points at it
    news = doc_id(str(shards["dirs"] / "a" / "900_bao_thang_news.txt"))
    plan = doc_id(str(shards["dirs"] / "b" / "001_269713fc64b6e22e.txt"))
    assert conn.execute("select count(*) from citations where doc_id = ? and cited_doc_id = ?",
                        [news, plan]).fetchone() == (1,)


def test_merge_command(shards, tmp_path):
    merged = tmp_path / "cli.db"
    result = CliRunner().invoke(cli, ["merge", str(merged), str(shards["a"]), str(shards["b"])])
    assert result.exit_code == 0, result.output
    assert "6 documents copied" in result.output
    assert table_rows(merged)["citations"] == table_rows(shards["one"])["citations"]
