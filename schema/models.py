"""The plain models that cross stage boundaries: ingest → extract → schema.

Every stage exchanges these and nothing else, so a stage can be tested on
hand-made values and a reader can see the whole data flow in one file.
Offsets (`start`, `end`) are character positions in `Document.text`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from vanban.schema.keys import PIPELINE_VERSION

BlockKind = Literal["heading", "paragraph", "list_item", "table"]


class Block(BaseModel):
    """One ordered unit of a document's body: a heading, paragraph, list item or table."""

    kind: BlockKind
    text: str
    start: int
    end: int
    rows: list[list[str]] | None = None  # tables only: rows of cells, as cells
    page: int | None = None  # PDFs: 1-based page the block starts on


class Document(BaseModel):
    """What ingest makes of one input: clean NFC text in blocks, with the bytes' hash."""

    source: str  # path or URL as given
    name: str  # file name without folder: the export's join key
    sha256: str
    media_type: Literal["text", "html", "pdf", "docx"]
    encoding: str | None = None
    text: str  # blocks' texts joined by "\n\n"; offsets point here
    blocks: list[Block]
    pages: int | None = None
    warnings: list[str] = Field(default_factory=list)
    # Hints the container itself gives (HTML <title>/<meta>, PDF metadata); extract may use them
    # when the body says nothing better.
    title_hint: str | None = None
    date_hint: dt.date | None = None
    site_hint: str | None = None  # the portal's name or owner ("Cổng thông tin điện tử tỉnh Lâm Đồng")


class Evidence(BaseModel):
    """Where a fact came from and which rule produced it."""

    start: int
    end: int
    rule: str


class DocMeta(BaseModel):
    number: str | None = None
    type: str | None = None
    issue_date: dt.date | None = None
    issuer: str | None = None
    province: str | None = None  # as the document names it (63-province era or later)
    province_2025: str | None = None  # the post-2025 (34-province) province it now belongs to
    title: str | None = None
    signer: str | None = None
    evidence: dict[str, Evidence] = Field(default_factory=dict)


Relation = Literal["basis", "implements", "mentions"]


class Citation(BaseModel):
    number: str
    type: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    relation: Relation = "mentions"
    start: int
    end: int
    rule: str


class Deadline(BaseModel):
    raw: str
    date: dt.date | None = None
    kind: Literal["date", "period", "recurring", "by_regulation", "start", "relative", "other"] = "other"


class UnitRef(BaseModel):
    """A unit as written in the task, with its canonical name and level where known."""

    text: str
    canonical: str | None = None
    level: str | None = None  # province, district, commune, generic-district, generic-commune, central, ...


class Task(BaseModel):
    text: str
    label: str | None = None
    lead: list[UnitRef] = Field(default_factory=list)
    support: list[UnitRef] = Field(default_factory=list)
    deadline: Deadline | None = None
    dimension: int | None = None
    dimension_rule: str | None = None
    source_kind: Literal["table", "prose"]
    start: int
    end: int
    rule: str


class Extraction(BaseModel):
    """Everything extract finds in one Document."""

    source: str
    name: str
    sha256: str
    pipeline_version: str = PIPELINE_VERSION
    meta: DocMeta
    citations: list[Citation] = Field(default_factory=list)
    indices: list[str] = Field(default_factory=list)
    papi_dimensions: list[int] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)


class Failure(BaseModel):
    """A document that could not be read or extracted, with a reason a person understands."""

    source: str
    name: str
    stage: Literal["read", "ingest", "extract", "store", "timeout"]
    reason: str
    sha256: str | None = None
