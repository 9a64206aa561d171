"""The SQLite store: one transaction per document, provenance on every row.

A document is keyed by its source (path or URL); re-storing the same bytes with the
same pipeline version is a no-op, and changed bytes replace the old rows atomically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import sqlite_utils

from vanban.ingest.normalize import fold
from vanban.schema import keys
from vanban.schema.keys import doc_id
from vanban.schema.models import Extraction, Failure

PAPI_AREA_NAMES = {
    1: "Tham gia của người dân ở cấp cơ sở",
    2: "Công khai, minh bạch",
    3: "Trách nhiệm giải trình với người dân",
    4: "Kiểm soát tham nhũng trong khu vực công",
    5: "Thủ tục hành chính công",
    6: "Cung ứng dịch vụ công",
    7: "Quản trị môi trường",
    8: "Quản trị điện tử",
}

# Tables and their columns, in one place: created on open, so a fresh file and an old one
# end up alike (sqlite-utils' create(..., if_not_exists) plus transform-free additions).
TABLES: dict[str, dict] = {
    "documents": dict(
        columns={
            "id": str, "source": str, "name": str, "sha256": str, "media_type": str, "encoding": str,
            "pipeline_version": str, "number": str, "number_key": str, "type": str, "issue_date": str, "issuer": str,
            "province": str, "province_2025": str, "title": str, "signer": str, "pages": int,
            "n_tasks": int, "n_citations": int, "text": str, "text_folded": str, "evidence": str,
            "warnings": str, "extracted_at": str,
        },
        pk="id",
    ),
    "citations": dict(
        columns={
            "id": str, "doc_id": str, "ordinal": int, "number": str, "number_key": str, "type": str,
            "date": str, "issuer": str, "relation": str, "start": int, "end": int, "rule": str,
            "cited_doc_id": str,
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
    ),
    "indices": dict(
        columns={"doc_id": str, "name": str},
        pk=("doc_id", "name"),
        foreign_keys=[("doc_id", "documents", "id")],
    ),
    "papi_areas": dict(columns={"area": int, "name": str}, pk="area"),
    "document_areas": dict(
        columns={"doc_id": str, "area": int, "how": str},
        pk=("doc_id", "area"),
        foreign_keys=[("doc_id", "documents", "id"), ("area", "papi_areas", "area")],
    ),
    "units": dict(
        columns={"id": str, "name": str, "level": str, "province": str, "folded": str},
        pk="id",
    ),
    "unit_aliases": dict(
        columns={"alias": str, "folded": str, "unit_id": str},
        pk=("folded", "unit_id"),
        foreign_keys=[("unit_id", "units", "id")],
    ),
    "tasks": dict(
        columns={
            "id": str, "doc_id": str, "ordinal": int, "label": str, "text": str, "text_folded": str,
            "deadline_raw": str, "deadline_date": str, "deadline_kind": str, "dimension": int,
            "dimension_rule": str, "source_kind": str, "start": int, "end": int, "rule": str,
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id"), ("dimension", "papi_areas", "area")],
    ),
    "task_units": dict(
        columns={"task_id": str, "unit_id": str, "role": str, "ordinal": int, "text": str},
        pk=("task_id", "role", "ordinal"),
        foreign_keys=[("task_id", "tasks", "id"), ("unit_id", "units", "id")],
    ),
    "failures": dict(
        columns={"source": str, "name": str, "stage": str, "reason": str, "sha256": str,
                 "pipeline_version": str, "at": str},
        pk="source",
    ),
}

# Rows that belong to one document, deleted before it is stored again (children first).
_DOC_CHILDREN = ("task_units", "tasks", "citations", "indices", "document_areas")


@lru_cache(maxsize=65_536)  # a province's units recur in every one of its documents
def unit_id(canonical: str, province: str | None = None) -> str:
    """A unit is its name within its province: "Sở Nội vụ" of Lào Cai is not that of Lai Châu."""
    key = fold(canonical) + "|" + fold(province or "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def number_key(number: str | None) -> str:
    """Comparison key for document numbers: folded, no spaces ("239/KH-UBND" ~ "239/kh-ubnd")."""
    return re.sub(r"\s+", "", fold(number or "")).upper()


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) a vanban database in WAL mode with all tables present."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode=WAL")
    # WAL with synchronous=NORMAL: a commit no longer waits for an fsync; a crash of the
    # process loses nothing, a power cut at worst the last commits (re-extracted next run).
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=30000")
    for name, spec in TABLES.items():
        if not db[name].exists():
            db[name].create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"))
        else:  # a database made by an older version gains the columns added since
            have = set(db[name].columns_dict)
            for col, typ in spec["columns"].items():
                if col not in have:
                    db[name].add_column(col, typ)
    _ensure_indexes(db)
    if db["papi_areas"].count == 0:
        db["papi_areas"].insert_all(
            ({"area": k, "name": v} for k, v in PAPI_AREA_NAMES.items()), pk="area"
        )
    from vanban.schema.fts import ensure_search, index_pending  # FTS tables, triggers, reading views

    ensure_search(db)
    index_pending(db)  # what a killed batch stored but had not indexed yet
    return db


def _ensure_indexes(db: sqlite_utils.Database) -> None:
    for table, cols in (
        ("documents", ["sha256"]), ("citations", ["doc_id"]), ("citations", ["number_key"]),
        ("tasks", ["doc_id"]), ("task_units", ["unit_id"]), ("unit_aliases", ["unit_id"]),
        # citation links look documents up by number and clear links by target: without these
        # each stored document scanned both tables, so a batch slowed down as the database grew
        ("documents", ["number_key"]), ("citations", ["cited_doc_id"]),
    ):
        db[table].create_index(cols, if_not_exists=True)


def is_current(db: sqlite_utils.Database, source: str, sha256: str) -> bool:
    """True when this source is stored with these bytes by this pipeline version."""
    return keys.is_stored(db.conn, source, sha256)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


_UNIT_COLS = ("id", "name", "level", "province", "folded")
_ALIAS_COLS = ("alias", "folded", "unit_id")
_TASK_COLS = ("id", "doc_id", "ordinal", "label", "text", "text_folded", "deadline_raw", "deadline_date",
              "deadline_kind", "dimension", "dimension_rule", "source_kind", "start", "end", "rule")
_LINK_COLS = ("task_id", "unit_id", "role", "ordinal", "text")


@lru_cache(maxsize=65_536)  # a province's units recur, as written, in every one of its documents
def _unit_rows(text: str, canonical: str | None, level: str | None, province: str | None) -> tuple[tuple, tuple]:
    """A unit's row and its alias's row (columns _UNIT_COLS, _ALIAS_COLS)."""
    name = canonical or text
    province = None if level == "central" else province  # a ministry belongs to no province
    uid = unit_id(name, province)
    return (uid, name, level, province, fold(name)), (text, fold(text), uid)


@dataclass
class DocumentRows:
    """Every row one document writes, as plain tuples.

    Built by `document_rows` in the worker that extracted the document, so the single writer
    only runs SQL: plain tuples also cross the process pipe several times cheaper than the
    pydantic models they come from."""

    did: str
    source: str
    number: str | None
    n_tasks: int
    n_citations: int
    # (table, "or replace" / "or ignore" / "", columns, rows) in insertion order
    inserts: list[tuple[str, str, tuple[str, ...], list[tuple]]] = field(default_factory=list)

    def add(self, table: str, rows: Iterable[dict], conflict: str = "") -> None:
        rows = list(rows)
        if rows:
            cols = tuple(rows[0])
            self.inserts.append((table, conflict, cols, [tuple(r[c] for c in cols) for r in rows]))


def document_rows(ext: Extraction, text: str, *, media_type: str, encoding: str | None = None,
                  pages: int | None = None, warnings: Iterable[str] = (),
                  text_folded: str | None = None) -> DocumentRows:
    """The rows that store `ext` (no I/O). `text_folded` is `fold(text)` when the caller has
    it already."""
    did = doc_id(ext.source)
    meta = ext.meta
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    out = DocumentRows(did, ext.source, meta.number, len(ext.tasks), len(ext.citations))
    out.add("documents", [{
        "id": did, "source": ext.source, "name": ext.name, "sha256": ext.sha256,
        "media_type": media_type, "encoding": encoding, "pipeline_version": ext.pipeline_version,
        "number": meta.number, "number_key": number_key(meta.number) if meta.number else None,
        "type": meta.type, "issue_date": _iso(meta.issue_date),
        "issuer": meta.issuer, "province": meta.province, "province_2025": meta.province_2025,
        "title": meta.title, "signer": meta.signer, "pages": pages, "n_tasks": len(ext.tasks),
        "n_citations": len(ext.citations), "text": text,
        "text_folded": fold(text) if text_folded is None else text_folded,
        "evidence": json.dumps({k: v.model_dump() for k, v in meta.evidence.items()}, ensure_ascii=False),
        "warnings": json.dumps(list(warnings), ensure_ascii=False), "extracted_at": now,
    }], "or replace")
    out.add("citations", ({
        "id": f"{did}:{i}", "doc_id": did, "ordinal": i, "number": c.number,
        "number_key": number_key(c.number), "type": c.type, "date": _iso(c.date),
        "issuer": c.issuer, "relation": c.relation, "start": c.start, "end": c.end,
        "rule": c.rule, "cited_doc_id": None,
    } for i, c in enumerate(ext.citations)))
    out.add("indices", ({"doc_id": did, "name": n} for n in ext.indices))
    task_areas = {t.dimension for t in ext.tasks if t.dimension}
    out.add("document_areas", (
        {"doc_id": did, "area": a, "how": "tasks" if a in task_areas else "named"}
        for a in sorted(set(ext.papi_dimensions) | task_areas)
    ))
    units: dict[str, tuple] = {}
    aliases: dict[tuple[str, str], tuple] = {}
    task_rows, link_rows = [], []
    province = meta.province
    for i, t in enumerate(ext.tasks):
        tid = f"{did}:{i}"
        dl = t.deadline
        task_rows.append((
            tid, did, i, t.label, t.text, fold(t.text),
            dl.raw if dl else None, _iso(dl.date) if dl else None, dl.kind if dl else None,
            t.dimension, t.dimension_rule, t.source_kind, t.start, t.end, t.rule,
        ))
        for role, refs in (("lead", t.lead), ("support", t.support)):
            for j, ref in enumerate(refs):
                unit, alias = _unit_rows(ref.text, ref.canonical, ref.level, province)
                units.setdefault(unit[0], unit)
                aliases.setdefault((alias[1], alias[2]), alias)
                link_rows.append((tid, unit[0], role, j, ref.text))
    # Units are shared across documents: insert new ones, keep existing rows.
    for table, conflict, cols, values in (
        ("units", "or ignore", _UNIT_COLS, list(units.values())),
        ("unit_aliases", "or ignore", _ALIAS_COLS, list(aliases.values())),
        ("tasks", "", _TASK_COLS, task_rows),
        ("task_units", "", _LINK_COLS, link_rows),
    ):
        if values:
            out.inserts.append((table, conflict, cols, values))
    return out


def write_rows(db: sqlite_utils.Database, rows: DocumentRows) -> str:
    """Replace everything stored for this source with `rows`, in one transaction."""
    with db.conn:
        _delete_doc_rows(db, rows.did)
        for table, conflict, cols, values in rows.inserts:
            db.conn.executemany(_insert_sql(table, cols, conflict), values)
        db.execute("delete from failures where source = ?", [rows.source])
        _link_citations(db, rows.did, rows.number)
    return rows.did


def store_extraction(db: sqlite_utils.Database, ext: Extraction, text: str, *, media_type: str,
                     encoding: str | None = None, pages: int | None = None,
                     warnings: Iterable[str] = (), text_folded: str | None = None) -> str:
    """Replace everything stored for this source with `ext`, in one transaction, and index it
    for search (a batch writes with `write_rows` and indexes many documents at once)."""
    from vanban.schema.fts import index_pending

    did = write_rows(db, document_rows(ext, text, media_type=media_type, encoding=encoding, pages=pages,
                                       warnings=warnings, text_folded=text_folded))
    index_pending(db)
    return did


def _insert(db: sqlite_utils.Database, table: str, rows: Iterable[dict], conflict: str = "") -> None:
    """INSERT [OR IGNORE|OR REPLACE] rows (dicts with the same keys) into an existing table.

    sqlite-utils' insert_all re-reads the schema on every call; with a handful of calls per
    document that cost more than the inserts themselves."""
    rows = list(rows)
    if not rows:
        return
    cols = tuple(rows[0])
    db.conn.executemany(_insert_sql(table, cols, conflict), [tuple(r[c] for c in cols) for r in rows])


def _insert_sql(table: str, cols: tuple[str, ...], conflict: str = "") -> str:
    return (f"insert {conflict} into [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
            f"values ({', '.join('?' * len(cols))})")


def _delete_doc_rows(db: sqlite_utils.Database, did: str) -> None:
    db.execute("delete from task_units where task_id in (select id from tasks where doc_id = ?)", [did])
    for table in _DOC_CHILDREN[1:]:
        db.execute(f"delete from [{table}] where doc_id = ?", [did])
    db.execute("update citations set cited_doc_id = null where cited_doc_id = ?", [did])
    db.execute("delete from documents where id = ?", [did])


# A cited number names one document only together with its issuer: "10/CT-UBND" exists in
# every province. A citation links to a stored document with the same number whose date agrees
# (where both are known) and whose province is the citing document's (or unknown: a ministry).
_LINK_MATCH = """
    d.number_key = c.number_key and d.id != c.doc_id
    and (c.date is null or d.issue_date is null or d.issue_date = c.date)
    and (d.province is null or citing.province is null or d.province = citing.province)
"""


def _link_citations(db: sqlite_utils.Database, did: str, number: str | None) -> None:
    """Link citations to cited documents present in the database, both directions."""
    db.execute(
        f"""update citations set cited_doc_id = (
               select d.id from documents d, citations c, documents citing
               where c.id = citations.id and citing.id = c.doc_id and {_LINK_MATCH}
               order by d.issue_date desc limit 1)
           where doc_id = ?""",
        [did],
    )
    if number:
        db.execute(
            f"""update citations set cited_doc_id = ? where id in (
                   select c.id from citations c, documents d, documents citing
                   where d.id = ? and citing.id = c.doc_id and {_LINK_MATCH})""",
            [did, did],
        )


def relink_document(db: sqlite_utils.Database, did: str) -> None:
    """Link a stored document's citations, and every citation of its number, as storing it
    does (`vanban merge` calls this for each document it copies, once all shards are in)."""
    row = db.execute("select number from documents where id = ?", [did]).fetchone()
    if row is not None:
        _link_citations(db, did, row[0])


def record_failure(db: sqlite_utils.Database, failure: Failure) -> None:
    """Note why a source failed; what is already stored for it stays as it was."""
    row = failure.model_dump()
    row["pipeline_version"] = keys.PIPELINE_VERSION
    row["at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with db.conn:
        db["failures"].insert(row, pk="source", replace=True)


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    return {name: db[name].count for name in ("documents", "citations", "tasks", "task_units", "units", "failures")}


def iter_export_records(db: sqlite_utils.Database) -> Iterator[dict]:
    """One record per document in the shape of shared/eval/SCHEMA.md (plus provenance keys)."""
    for d in db.query("select * from documents order by name, source"):
        did = d["id"]
        refs = [
            {"number": c["number"], "type": c["type"], "date": c["date"], "issuer": c["issuer"],
             "relation": c["relation"], "start": c["start"], "end": c["end"], "cited_doc_id": c["cited_doc_id"]}
            for c in db.query("select * from citations where doc_id = ? order by ordinal", [did])
        ]
        indices = [r["name"] for r in db.query("select name from indices where doc_id = ? order by name", [did])]
        areas = [r["area"] for r in db.query("select area from document_areas where doc_id = ? order by area", [did])]
        links: dict[str, dict[str, list[str]]] = {}
        for r in db.query(
            """select tu.task_id, tu.role, tu.text from task_units tu join tasks t on t.id = tu.task_id
               where t.doc_id = ? order by tu.task_id, tu.role, tu.ordinal""",
            [did],
        ):
            links.setdefault(r["task_id"], {"lead": [], "support": []})[r["role"]].append(r["text"])
        tasks = []
        for t in db.query("select * from tasks where doc_id = ? order by ordinal", [did]):
            roles = links.get(t["id"], {"lead": [], "support": []})
            deadline = ({"raw": t["deadline_raw"], "date": t["deadline_date"], "kind": t["deadline_kind"]}
                        if t["deadline_raw"] else None)
            tasks.append({
                "text": t["text"], "label": t["label"], "lead": roles["lead"], "support": roles["support"],
                "deadline": deadline, "dimension": t["dimension"], "source_kind": t["source_kind"],
                "start": t["start"], "end": t["end"], "rule": t["rule"],
            })
        yield {
            "source": d["name"],
            "path": d["source"],
            "sha256": d["sha256"],
            "pipeline_version": d["pipeline_version"],
            "doc": {
                "number": d["number"], "type": d["type"], "issue_date": d["issue_date"],
                "issuer": d["issuer"], "province": d["province"], "province_2025": d["province_2025"],
                "title": d["title"], "signer": d["signer"],
            },
            "references": refs,
            "indices": indices,
            "papi_dimensions": areas,
            "tasks": tasks,
        }
