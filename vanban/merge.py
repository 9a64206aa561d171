"""Merge shard databases into one: extraction split by province, one command to join it.

Document ids are hashes of the source, so shards built apart agree on them; a document in
several shards is taken from the newest (pipeline version, then extraction time). Each copied
document is one transaction; citations are re-linked across shards once all are in.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import click

# Child rows of a document, read from a shard by these queries (task_units through its tasks).
_CHILD_QUERIES = {
    "citations": "select * from citations where doc_id = ? order by ordinal",
    "indices": "select * from indices where doc_id = ?",
    "document_areas": "select * from document_areas where doc_id = ?",
    "tasks": "select * from tasks where doc_id = ? order by ordinal",
    "task_units": """select tu.* from task_units tu join tasks t on t.id = tu.task_id
                     where t.doc_id = ? order by tu.task_id, tu.role, tu.ordinal""",
}


@dataclass
class MergeSummary:
    shards: int = 0
    copied: int = 0  # documents taken from a shard (new, or newer than the one in OUT)
    kept: int = 0  # documents already in OUT as new or newer
    failures: int = 0  # failure rows copied


def _version(v: str | None) -> tuple:
    parts = []
    for p in (v or "").split("."):
        parts.append((0, int(p), "") if p.isdigit() else (1, 0, p))
    return tuple(parts)


def _newer(shard_doc: dict, out_doc: dict | None) -> bool:
    if out_doc is None:
        return True
    mine = (_version(shard_doc["pipeline_version"]), shard_doc["extracted_at"] or "")
    theirs = (_version(out_doc["pipeline_version"]), out_doc["extracted_at"] or "")
    return mine > theirs


def _rows(conn: sqlite3.Connection, sql: str, params: Iterable = ()) -> list[dict]:
    cur = conn.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur]


def _columns(db, table: str) -> list[str]:
    return [c.name for c in db[table].columns]


def _fit(rows: list[dict], columns: list[str]) -> list[dict]:
    """Rows shaped to OUT's columns: columns a shard lacks (an older version) become NULL."""
    return [{c: r.get(c) for c in columns} for r in rows]


def merge_databases(out: str | Path, shards: Iterable[str | Path]) -> MergeSummary:
    """Merge every shard into the database at `out` (created if missing); shards are only read."""
    from vanban.schema.fts import index_pending
    from vanban.schema.store import _delete_doc_rows, _insert, number_key, open_db, relink_document

    db = open_db(out)
    cols = {t: _columns(db, t) for t in (*_CHILD_QUERIES, "documents", "units", "unit_aliases", "failures")}
    summary = MergeSummary()
    db.execute("create temp table if not exists merged_docs (id text primary key)")
    for shard in shards:
        shard = Path(shard)
        if not shard.exists():
            raise FileNotFoundError(f"no such shard: {shard}")
        if shard.resolve() == Path(out).resolve():
            continue
        src = sqlite3.connect(f"file:{shard}?mode=ro", uri=True)
        try:
            summary.shards += 1
            # Units are shared: new ones in, existing rows kept (as storing a document does).
            with db.conn:
                for table in ("units", "unit_aliases"):
                    cur = src.execute(f"select * from [{table}]")
                    names = [d[0] for d in cur.description]
                    while batch := cur.fetchmany(1000):
                        rows = [dict(zip(names, r, strict=True)) for r in batch]
                        _insert(db, table, _fit(rows, cols[table]), "or ignore")
            docs = src.execute("select * from documents order by id")
            names = [d[0] for d in docs.description]
            for values in docs:
                doc = dict(zip(names, values, strict=True))
                did = doc["id"]
                existing = _rows(db.conn, "select pipeline_version, extracted_at from documents where id = ?", [did])
                if not _newer(doc, existing[0] if existing else None):
                    summary.kept += 1
                    continue
                if doc.get("number") and not doc.get("number_key"):  # a shard older than the column
                    doc["number_key"] = number_key(doc["number"])
                with db.conn:  # one transaction per document
                    _delete_doc_rows(db, did)
                    _insert(db, "documents", _fit([doc], cols["documents"]))
                    for table, sql in _CHILD_QUERIES.items():
                        rows = _fit(_rows(src, sql, [did]), cols[table])
                        if table == "citations":
                            for r in rows:
                                r["cited_doc_id"] = None  # re-linked below, against every shard
                        _insert(db, table, rows)
                    db.execute("delete from failures where source = ? and at <= ?",
                               [doc["source"], doc["extracted_at"] or ""])
                    db.execute("insert or ignore into merged_docs (id) values (?)", [did])
                summary.copied += 1
            # Failures: the newest word on a source wins.
            with db.conn:
                for f in _rows(src, "select * from failures"):
                    have = _rows(db.conn, "select at from failures where source = ?", [f["source"]])
                    if not have or (f["at"] or "") > (have[0]["at"] or ""):
                        _insert(db, "failures", _fit([f], cols["failures"]), "or replace")
                        summary.failures += 1
        finally:
            src.close()
    # Citations across shards: each copied document is linked both ways, as if stored here.
    last = ""
    while batch := [r[0] for r in db.execute(
            "select id from merged_docs where id > ? order by id limit 1000", [last]).fetchall()]:
        with db.conn:
            for did in batch:
                relink_document(db, did)
        last = batch[-1]
    db.execute("drop table merged_docs")
    index_pending(db)  # the copied rows' text, for search, in one pass
    return summary


@click.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def merge(out: Path, shards: tuple[Path, ...]) -> None:
    """Merge shard databases (e.g. one per province) into OUT, the newest copy of each document winning."""
    summary = merge_databases(out, shards)
    click.echo(f"merged {summary.shards} shards into {out}: {summary.copied} documents copied, "
               f"{summary.kept} kept (already as new), {summary.failures} failure rows")
