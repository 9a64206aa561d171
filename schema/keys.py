"""The keys a stored document is found by, importable without pydantic or sqlite-utils.

A re-run over an unchanged corpus decides every skip from these alone, so it does not pay
the half second those two libraries take to import (it must be ≥ 50× faster than the run).
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

# Bump when extraction changes what it stores: every document is then extracted again.
PIPELINE_VERSION = "0.1.18"


def doc_id(source: str) -> str:
    """Stable id of a document from its source, so shards built apart agree on ids."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def is_stored(conn: sqlite3.Connection, source: str, sha256: str) -> bool:
    """True when this source is stored with these bytes by this pipeline version."""
    return conn.execute(
        "select 1 from documents where id = ? and sha256 = ? and pipeline_version = ?",
        [doc_id(source), sha256, PIPELINE_VERSION],
    ).fetchone() is not None


class StoredIndex:
    """Answers "is this source stored with these bytes by this pipeline version?" over a
    plain sqlite3 connection; a database not made yet stores nothing."""

    def __init__(self, db_path: str | Path) -> None:
        path = Path(db_path)
        self._conn = sqlite3.connect(path) if path.is_file() else None

    def is_current(self, source: str, sha256: str) -> bool:
        if self._conn is None:
            return False
        try:
            return is_stored(self._conn, source, sha256)
        except sqlite3.DatabaseError:  # no documents table yet, or not a database: store anew
            return False

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
