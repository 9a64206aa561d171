"""Session fixtures for the ingest tests: every seed ingested once."""

from __future__ import annotations

import pytest

from vanban.ingest.read import ingest_file
from vanban.schema.models import Document

from .helpers import SEEDS


@pytest.fixture(scope="session")
def seed_docs() -> dict[str, Document]:
    return {p.name[:3]: ingest_file(p) for p in sorted(SEEDS.glob("*.txt"))}
