"""Paths and helpers shared by the ingest tests: the shipped seeds and samples."""

from __future__ import annotations

import re
from pathlib import Path

from vanban.schema.models import Document

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SEEDS = CORPUS / "seeds"
SAMPLES = CORPUS / "samples"


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def tables(doc: Document) -> list[list[list[str]]]:
    return [b.rows for b in doc.blocks if b.kind == "table" and b.rows is not None]


def appendix(doc: Document) -> list[list[str]]:
    """The assignment table: the one whose header row names a lead unit ("chủ trì")."""
    found = [t for t in tables(doc) if any("chủ trì" in c for c in t[0])]
    assert len(found) == 1, [t[0] for t in tables(doc)]
    return found[0]


def assert_offsets(doc: Document) -> None:
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text
    assert doc.text == "\n\n".join(b.text for b in doc.blocks)
