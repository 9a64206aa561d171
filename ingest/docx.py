"""DOCX to blocks: paragraphs and tables in body order, Word list paragraphs as list items.

python-docx lists paragraphs and tables separately; documents interleave them (a table of
tasks between two sections), so the body XML is walked child by child.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from vanban.ingest.errors import IngestError
from vanban.ingest.text import Draft, collapse, prose_drafts, table_draft

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class DocxResult:
    drafts: list[Draft]
    title: str | None = None
    warnings: list[str] = field(default_factory=list)


def _is_list(paragraph) -> bool:  # paragraph: docx.text.paragraph.Paragraph
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style.lower().startswith("list"):
        return True
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.find(f"{_W}numPr") is not None


def _is_heading(paragraph) -> bool:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    return style.lower().startswith(("heading", "title"))


def table_rows(table) -> list[list[str]]:  # table: docx.table.Table
    """Cells as text; a merged cell is listed by python-docx once per grid column (and row)
    it covers: its text is kept in the first and the repeats are ""."""
    rows: list[list[str]] = []
    above: list[object] = []
    for row in table.rows:
        out: list[str] = []
        seen: list[object] = []
        for col, cell in enumerate(row.cells):
            tc = cell._tc
            repeat = (seen and seen[-1] is tc) or (col < len(above) and above[col] is tc)
            out.append("" if repeat else collapse(cell.text))
            seen.append(tc)
        above = seen
        rows.append(out)
    return rows


def read_docx(data: bytes) -> DocxResult:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml/zip errors: one reason
        raise IngestError(f"unreadable DOCX ({type(exc).__name__}: {exc})") from exc
    drafts: list[Draft] = []
    buffer: list[str] = []

    def flush() -> None:
        drafts.extend(prose_drafts(buffer))
        buffer.clear()

    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            paragraph = Paragraph(child, document)
            text = paragraph.text
            if not text.strip():
                continue
            if _is_list(paragraph):
                flush()
                drafts.append(Draft("list_item", "- " + collapse(text)))
            elif _is_heading(paragraph):
                flush()
                drafts.append(Draft("heading", collapse(text)))
            else:
                buffer.extend(text.split("\n"))
        elif child.tag == f"{_W}tbl":
            flush()
            rows = table_rows(Table(child, document))
            if rows and any(any(r) for r in rows):
                drafts.append(table_draft(rows))
    flush()
    title = (document.core_properties.title or "").strip() or None
    return DocxResult(drafts=drafts, title=title)
