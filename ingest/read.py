"""The ingest entry points: bytes or a file in, one Document out (or an IngestError).

Every container reader yields drafts; this module alone normalises their text, removes
furniture, places blocks in Document.text with offsets and hashes the raw bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from vanban.ingest.boilerplate import remove_furniture
from vanban.ingest.decode import declared_charset, decode_bytes
from vanban.ingest.detect import detect_kind
from vanban.ingest.errors import IngestError
from vanban.ingest.normalize import normalize_text, normalize_texts
from vanban.ingest.text import (
    Draft,
    is_hard_wrapped,
    join_split_heading_words,
    join_wrapped_lines,
    split_layout_columns,
    table_text,
    text_to_drafts,
)
from vanban.schema.models import Block, Document

MAX_BYTES = 50_000_000
SEPARATOR = "\n\n"


def _texts(draft: Draft) -> list[str]:
    """The texts of a draft that are normalised: a table's cells, or its text."""
    if draft.kind == "table" and draft.rows is not None:
        return [cell for row in draft.rows for cell in row]
    return [draft.text]


def _normalise_draft(draft: Draft, normalised: Iterator[str]) -> Draft | None:
    """The draft rebuilt from its texts, normalised (in _texts order) by the caller."""
    if draft.kind == "table" and draft.rows is not None:
        rows = [[next(normalised).replace("\t", " ").strip() for _ in row] for row in draft.rows]
        if not any(any(row) for row in rows):
            return None
        return Draft("table", table_text(rows), rows=rows, page=draft.page)
    text = next(normalised).replace("\t", " ").strip()
    return Draft(draft.kind, text, page=draft.page) if text else None


def assemble(drafts: list[Draft]) -> tuple[str, list[Block]]:
    """Blocks with offsets into the text they make when joined by a blank line."""
    blocks: list[Block] = []
    parts: list[str] = []
    pos = 0
    # one normalize_texts call for every text: one quick test where ninety would run
    normalised = iter(normalize_texts([text for draft in drafts for text in _texts(draft)]))
    for raw in drafts:
        draft = _normalise_draft(raw, normalised)
        if draft is None:
            continue
        if parts:
            pos += len(SEPARATOR)
        blocks.append(
            Block(kind=draft.kind, text=draft.text, start=pos, end=pos + len(draft.text), rows=draft.rows, page=draft.page)  # type: ignore[arg-type]
        )
        parts.append(draft.text)
        pos += len(draft.text)
    return SEPARATOR.join(parts), blocks


def ingest_bytes(data: bytes, name: str, source: str | None = None) -> Document:
    """Read one input held in memory. `name` (a file name or URL tail) only breaks ties
    when the content does not say what it is."""
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise IngestError("empty file")
    sha = hashlib.sha256(data).hexdigest()
    kind = detect_kind(data, name)
    warnings: list[str] = []
    title: str | None = None
    site: str | None = None
    date = None
    encoding: str | None = None
    pages: int | None = None
    try:
        if kind == "pdf":
            from vanban.ingest.pdf import read_pdf

            pdf = read_pdf(data)
            drafts, pages, title, warnings = pdf.drafts, pdf.pages, pdf.title, pdf.warnings
        elif kind == "docx":
            from vanban.ingest.docx import read_docx

            doc = read_docx(data)
            drafts, title, warnings = doc.drafts, doc.title, doc.warnings
        else:
            decoded = decode_bytes(data, declared_charset(data) if kind == "html" else None)
            encoding, warnings = decoded.encoding, list(decoded.warnings)
            text = normalize_text(decoded.text)
            if kind == "html":
                from vanban.ingest.html import read_html

                page = read_html(text)
                drafts, title, date, site = page.drafts, page.title, page.date, page.site
                warnings.extend(page.warnings)
            else:
                text = split_layout_columns(join_split_heading_words(remove_furniture(text)))
                drafts = text_to_drafts(join_wrapped_lines(text) if is_hard_wrapped(text) else text)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - a library failing on bad input becomes a reason
        raise IngestError(f"cannot read {kind} input ({type(exc).__name__}: {exc})") from exc
    full_text, blocks = assemble(drafts)
    if not blocks:
        raise IngestError(f"no text found in {kind} input")
    return Document(
        source=source if source is not None else name,
        name=Path(name).name if name else "",
        sha256=sha,
        media_type=kind,
        encoding=encoding,
        text=full_text,
        blocks=blocks,
        pages=pages,
        warnings=warnings,
        title_hint=normalize_text(title).strip() if title else None,
        date_hint=date,
        site_hint=site,
    )


def _size(n: int) -> str:
    """A byte count as a person reads it: "50 MB", "4,000 bytes" (never "0 MB")."""
    return f"{n // 1_000_000} MB" if n >= 1_000_000 and n % 1_000_000 == 0 else f"{n:,} bytes"


def ingest_file(path: Path | str, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file from disk, refusing files over `max_bytes` before reading them."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise IngestError(f"file larger than the {_size(max_bytes)} cap ({size:,} bytes)")
        data = p.read_bytes()
    except IngestError:
        raise
    except OSError as exc:
        raise IngestError(f"cannot open file: {exc.strerror or exc}") from exc
    return ingest_bytes(data, p.name, source=str(path))
