"""The fetch log: one row per crawl request, with what came back and why it failed.

It is the crawl's memory: validators (ETag, Last-Modified) and hashes for conditional
re-fetching, the parent page an attachment came from, and every error against its URL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import sqlite_utils

TABLE = "fetches"

COLUMNS: dict[str, type] = {
    "id": int,
    "run": str,  # when the crawl that made this request started (UTC, ISO)
    "url": str,  # as requested (the link's target)
    "final_url": str,  # after redirects
    "kind": str,  # listing, article or attachment
    "parent_url": str,  # the page that carried the link
    "status": int,  # HTTP status; null when no response came (timeout, refused, robots.txt)
    "etag": str,
    "last_modified": str,
    "content_type": str,
    "size": int,
    "sha256": str,  # of the body in the raw store; on a 304, of the unchanged body
    "name": str,  # file name for ingest: Content-Disposition, else the URL's last segment
    "fetched_at": str,
    "error": str,  # why this request failed, in words; null when it did not
}

KINDS = ("listing", "article", "attachment")
DOCUMENT_KINDS = ("article", "attachment")


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def ensure_fetches(db: sqlite_utils.Database) -> sqlite_utils.db.Table:
    """Create the fetch log and its indexes if missing (safe to call on every open)."""
    table = db[TABLE]
    if not table.exists():
        table.create(COLUMNS, pk="id")
    table.create_index(["url"], if_not_exists=True)
    table.create_index(["sha256"], if_not_exists=True)
    return table


def record_fetch(db: sqlite_utils.Database, **row) -> int:
    """Append one request's outcome; returns its row id."""
    unknown = set(row) - set(COLUMNS)
    if unknown:
        raise ValueError(f"unknown fetch-log columns: {sorted(unknown)}")
    row.setdefault("fetched_at", now())
    with db.conn:
        return db[TABLE].insert(row).last_pk


def prior_fetches(db: sqlite_utils.Database) -> dict[str, dict]:
    """What the log knows per URL: its last outcome, and its last content with validators.

    Keys per URL: status and error of the latest request; sha256, etag, last_modified,
    final_url, name, content_type of the latest request that yielded a body (200 or 304),
    all None when none did.
    """
    ensure_fetches(db)
    sql = f"""
        with last as (select url, max(id) as id from [{TABLE}] group by url),
             content as (select url, max(id) as id from [{TABLE}] where sha256 is not null group by url)
        select l.url, f.kind, f.status, f.error, c.sha256, c.etag, c.last_modified,
               c.final_url, c.name, c.content_type
        from last l join [{TABLE}] f on f.id = l.id
        left join content cl on cl.url = l.url left join [{TABLE}] c on c.id = cl.id
    """
    return {r["url"]: r for r in db.query(sql)}


def latest_content(db: sqlite_utils.Database, kinds: tuple[str, ...] = DOCUMENT_KINDS) -> Iterator[dict]:
    """The latest body per URL of the given kinds: url, final_url, name, sha256, kind, parent_url."""
    ensure_fetches(db)
    marks = ", ".join("?" for _ in kinds)
    sql = f"""
        select f.url, f.final_url, f.name, f.sha256, f.kind, f.parent_url, f.content_type
        from [{TABLE}] f join (select url, max(id) as id from [{TABLE}]
                               where sha256 is not null group by url) m on m.id = f.id
        where f.kind in ({marks}) order by f.id
    """
    yield from db.query(sql, list(kinds))


def fetch_counts(db: sqlite_utils.Database, run: str | None = None) -> dict[str, int]:
    """Requests per outcome (ok, unchanged, error), for one run or all."""
    ensure_fetches(db)
    where, args = ("where run = ?", [run]) if run else ("", [])
    row = next(db.query(
        f"""select count(*) as requests,
                   sum(status between 200 and 299 and error is null) as ok,
                   sum(status = 304) as unchanged,
                   sum(error is not null) as errors
            from [{TABLE}] {where}""",
        args,
    ))
    return {k: int(v or 0) for k, v in row.items()}
