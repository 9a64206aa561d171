"""Full-text indexes and reading views, so the database answers questions without vanban.

FTS5 tables over task and document text (the accent-folded columns too, since FTS5 never folds
"đ" to "d"), kept in sync by triggers, and views that join tasks with units, documents and areas.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

# Both the printed text and its folded form are indexed: a search typed with diacritics ("Đảng
# ủy", "Uỷ") matches `text` under `remove_diacritics 2`; one typed without them ("dang uy")
# matches `text_folded`. vanban's own queries fold first and search `text_folded` only.
TOKENIZE = "unicode61 remove_diacritics 2"
FTS_COLUMNS = {"tasks": ("text", "text_folded"), "documents": ("text", "text_folded")}
PENDING = "fts_pending"  # rows stored but not yet in their FTS index: (table, rowid)
FLUSH_EVERY = 500  # documents stored between two bulk indexing passes of a batch
PENDING_SQL = f"CREATE TABLE [{PENDING}] (tbl TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (tbl, rid)) WITHOUT ROWID"


def fts_table(table: str) -> str:
    return f"{table}_fts"


def _fts_statements(table: str, columns: tuple[str, ...]) -> dict[str, str]:
    fts = fts_table(table)
    cols = ", ".join(f"[{c}]" for c in columns)
    old = ", ".join(f"old.[{c}]" for c in columns)
    queued = f"SELECT 1 FROM [{PENDING}] WHERE tbl = '{table}' AND rid = old.rowid"
    # a row still queued was never indexed: FTS5 must not be told to delete it (that corrupts
    # an external-content index), only the queue entry goes
    unindex = f"INSERT INTO [{fts}] ([{fts}], rowid, {cols}) SELECT 'delete', old.rowid, {old} WHERE NOT EXISTS ({queued});"
    unqueue = f"DELETE FROM [{PENDING}] WHERE tbl = '{table}' AND rid = old.rowid;"
    queue = f"INSERT OR IGNORE INTO [{PENDING}] (tbl, rid) VALUES ('{table}', new.rowid);"
    return {
        fts: f"CREATE VIRTUAL TABLE [{fts}] USING FTS5 ({cols}, content=[{table}], tokenize='{TOKENIZE}')",
        f"{fts}_ai": f"CREATE TRIGGER [{fts}_ai] AFTER INSERT ON [{table}] BEGIN {queue} END",
        f"{fts}_ad": f"CREATE TRIGGER [{fts}_ad] AFTER DELETE ON [{table}] BEGIN {unindex} {unqueue} END",
        f"{fts}_au": f"CREATE TRIGGER [{fts}_au] AFTER UPDATE ON [{table}] BEGIN {unindex} {unqueue} {queue} END",
    }


def _units_of(role: str) -> str:
    return f"""(SELECT group_concat(x.text, '; ') FROM (
        SELECT tu.text FROM task_units tu WHERE tu.task_id = t.id AND tu.role = '{role}'
        ORDER BY tu.ordinal) x)"""


# One row per task, with its document, its units as written and its PAPI area; the columns a
# person reads first come first. `units` is a JSON array of the canonical names of every unit the task names (for Datasette's array facet);
# `task_rowid` lets Datasette search the view through tasks_fts.
VIEWS: dict[str, str] = {
    "task_list": f"""CREATE VIEW task_list AS
SELECT
  coalesce(d.number, d.name) AS document,
  d.province,
  t.label,
  t.text AS task,
  {_units_of('lead')} AS lead,
  {_units_of('support')} AS support,
  t.deadline_raw,
  t.deadline_date,
  pa.name AS area_name,
  t.dimension AS area,
  (SELECT json_group_array(x.name) FROM (
      SELECT DISTINCT u.name FROM task_units tu JOIN units u ON u.id = tu.unit_id
      WHERE tu.task_id = t.id ORDER BY u.name) x) AS units,
  t.deadline_kind,
  d.number AS doc_number,
  d.type AS doc_type,
  d.title AS doc_title,
  d.issuer,
  d.issue_date,
  d.province_2025,
  t.source_kind,
  d.name AS source_name,
  t.ordinal,
  t.id AS task_id,
  t.rowid AS task_rowid,
  t.doc_id
FROM tasks t
JOIN documents d ON d.id = t.doc_id
LEFT JOIN papi_areas pa ON pa.area = t.dimension""",
    "task_unit_list": """CREATE VIEW task_unit_list AS
SELECT
  tu.task_id,
  tu.role,
  tu.ordinal AS unit_ordinal,
  tu.text AS unit_as_written,
  u.id AS unit_id,
  u.name AS unit,
  u.level AS unit_level,
  t.doc_id,
  coalesce(d.number, d.name) AS document,
  d.province,
  t.label,
  t.text AS task,
  t.deadline_raw,
  t.deadline_date,
  t.dimension AS area,
  pa.name AS area_name
FROM task_units tu
JOIN tasks t ON t.id = tu.task_id
JOIN documents d ON d.id = t.doc_id
LEFT JOIN units u ON u.id = tu.unit_id
LEFT JOIN papi_areas pa ON pa.area = t.dimension""",
    "document_list": """CREATE VIEW document_list AS
SELECT
  d.id AS doc_id,
  d.rowid AS doc_rowid,
  coalesce(d.number, d.name) AS document,
  d.number,
  d.type,
  d.issue_date,
  d.issuer,
  d.province,
  d.province_2025,
  d.title,
  d.n_tasks,
  d.n_citations,
  (SELECT json_group_array(x.name) FROM (
      SELECT pa.name FROM document_areas da JOIN papi_areas pa ON pa.area = da.area
      WHERE da.doc_id = d.id ORDER BY da.area) x) AS areas,
  (SELECT group_concat(x.name, ', ') FROM (
      SELECT i.name FROM indices i WHERE i.doc_id = d.id ORDER BY i.name) x) AS indices,
  (SELECT count(*) FROM citations c WHERE c.cited_doc_id = d.id) AS cited_by,
  d.name AS source_name,
  d.source,
  d.media_type,
  d.extracted_at
FROM documents d""",
    "citation_list": """CREATE VIEW citation_list AS
SELECT
  c.id AS citation_id,
  c.doc_id,
  coalesce(d.number, d.name) AS citing_document,
  d.type AS citing_type,
  d.issue_date AS citing_date,
  d.province AS citing_province,
  d.title AS citing_title,
  c.number AS cited_number,
  c.number_key,
  c.type AS cited_type,
  c.date AS cited_date,
  c.issuer AS cited_issuer,
  c.relation,
  c.cited_doc_id,
  cd.title AS cited_title
FROM citations c
JOIN documents d ON d.id = c.doc_id
LEFT JOIN documents cd ON cd.id = c.cited_doc_id""",
    "province_areas": """CREATE VIEW province_areas AS
SELECT
  d.province,
  pa.area,
  pa.name AS area_name,
  count(DISTINCT da.doc_id) AS documents,
  (SELECT count(*) FROM tasks t JOIN documents d2 ON d2.id = t.doc_id
   WHERE t.dimension = pa.area AND d2.province IS d.province) AS tasks
FROM document_areas da
JOIN documents d ON d.id = da.doc_id
JOIN papi_areas pa ON pa.area = da.area
GROUP BY d.province, pa.area""",
}


def _wanted() -> dict[str, str]:
    objects: dict[str, str] = {PENDING: PENDING_SQL}
    for table, columns in FTS_COLUMNS.items():
        objects.update(_fts_statements(table, columns))
    objects.update(VIEWS)
    return objects


def _same(a: str | None, b: str) -> bool:
    return a is not None and " ".join(a.split()) == " ".join(b.split())


def ensure_search(db: sqlite_utils.Database) -> bool:
    """Create (or bring up to date) the FTS tables, their triggers and the views.

    Cheap when all is in place: one read of sqlite_master. Returns True when anything changed.
    An FTS table created or changed here is rebuilt from its content table."""
    # INSERT OR REPLACE must fire the delete triggers, or the FTS index keeps stale rows.
    db.execute("PRAGMA recursive_triggers=ON")
    wanted = _wanted()
    present = dict(db.execute("select name, sql from sqlite_master").fetchall())
    if all(_same(present.get(name), sql) for name, sql in wanted.items()):
        return False
    conn = db.conn
    own_transaction = not conn.in_transaction
    if own_transaction:
        conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have done the work meanwhile.
        present = dict(conn.execute("select name, sql from sqlite_master").fetchall())
        if PENDING not in present:
            conn.execute(PENDING_SQL)
        rebuild = []
        for table in FTS_COLUMNS:
            stmts = _fts_statements(table, FTS_COLUMNS[table])
            if all(_same(present.get(n), s) for n, s in stmts.items()):
                continue
            for name in list(stmts)[1:]:
                conn.execute(f"DROP TRIGGER IF EXISTS [{name}]")
            conn.execute(f"DROP TABLE IF EXISTS [{fts_table(table)}]")
            for sql in stmts.values():
                conn.execute(sql)
            rebuild.append(table)
        for name, sql in VIEWS.items():
            if not _same(present.get(name), sql):
                conn.execute(f"DROP VIEW IF EXISTS [{name}]")
                conn.execute(sql)
        for table in rebuild:
            conn.execute(f"INSERT INTO [{fts_table(table)}] ([{fts_table(table)}]) VALUES ('rebuild')")
            conn.execute(f"DELETE FROM [{PENDING}] WHERE tbl = ?", [table])
        if own_transaction:
            conn.execute("COMMIT")
    except sqlite3.Error:
        if own_transaction and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return True


def rebuild_search(db: sqlite_utils.Database) -> None:
    """Rebuild the FTS indexes from their tables (after bulk edits made with triggers off)."""
    with db.conn:
        for table in FTS_COLUMNS:
            db.execute(f"INSERT INTO [{fts_table(table)}] ([{fts_table(table)}]) VALUES ('rebuild')")
        db.execute(f"DELETE FROM [{PENDING}]")


def index_pending(db: sqlite_utils.Database) -> int:
    """Index every queued row in one transaction; returns how many rows were indexed.

    Searches miss rows stored since the last call: a batch calls this through `BulkIndexer`
    and at its end, `store_extraction` after its one document."""
    conn = db.conn
    if conn.execute(f"SELECT NOT EXISTS (SELECT 1 FROM [{PENDING}])").fetchone()[0]:
        return 0
    with conn:
        return index_queued(conn)


def index_queued(conn: sqlite3.Connection) -> int:
    """The statements of `index_pending`, inside the caller's transaction."""
    indexed = 0
    for table, columns in FTS_COLUMNS.items():
        cols = ", ".join(f"[{c}]" for c in columns)
        picked = ", ".join(f"t.[{c}]" for c in columns)
        indexed += conn.execute(
            f"INSERT INTO [{fts_table(table)}] (rowid, {cols}) SELECT t.rowid, {picked} "
            f"FROM [{PENDING}] p JOIN [{table}] t ON t.rowid = p.rid WHERE p.tbl = ?", [table]).rowcount
        conn.execute(f"DELETE FROM [{PENDING}] WHERE tbl = ?", [table])
    return indexed


class BulkIndexer:
    """Indexes the queue once every FLUSH_EVERY documents a batch writer reports: searches
    miss at most that many while the batch runs, and its end indexes the rest."""

    def __init__(self) -> None:
        self.unindexed = 0

    def stored(self, db: sqlite_utils.Database, documents: int = 1) -> None:
        self.unindexed += documents
        if self.unindexed >= FLUSH_EVERY:
            index_pending(db)
            self.unindexed = 0
