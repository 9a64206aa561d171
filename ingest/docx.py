"""DOCX to blocks: paragraphs and tables in body order, Word list paragraphs as list items.

python-docx lists paragraphs and tables separately; documents interleave them (a table of
tasks between two sections), so the body XML is walked child by child.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from vanban.ingest.errors import IngestError
from vanban.ingest.text import Draft, cell_lines, collapse, holds_motto, prose_drafts, table_draft

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# python-docx inflates every part it loads into memory, so a zip is checked against its own
# declared sizes first (zipfile never inflates a member past its declared size). Real documents
# measured: document.xml 0.1-20 MB inflating 3-15x; images ~1x.
MAX_MEMBER_BYTES = 100_000_000
MAX_TOTAL_BYTES = 250_000_000
MAX_RATIO = 200  # inflated / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 5_000_000
MAX_MEMBERS = 10_000


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
    it covers: across columns its text is kept in the first and the repeats are ""; down rows
    each row has it (the time or unit it states holds for every row it spans)."""
    rows: list[list[str]] = []
    above: list[object] = []
    for row in table.rows:
        out: list[str] = []
        seen: list[object] = []
        for col, cell in enumerate(row.cells):
            tc = cell._tc
            if seen and seen[-1] is tc:
                out.append("")  # merged across: the text stays in the first column
            elif col < len(above) and above[col] is tc:
                out.append(rows[-1][col])  # merged down: the text holds for this row too
            else:
                out.append(cell_lines(cell.text))
            seen.append(tc)
        above = seen
        rows.append(out)
    return rows


def _is_page_header(rows: list[list[str]]) -> bool:
    return len(rows) <= 4 and any(holds_motto(cell) for row in rows for cell in row)


def _cell_lines(table) -> list[str]:  # table: docx.table.Table
    """Each paragraph of each cell, row by row and left to right (a merged cell once): the issuer's
    lines, the number, then the motto and the place-date line, as a letter's header reads."""
    lines: list[str] = []
    seen: list[object] = []  # the cells' elements, kept: a merged cell is one element met again
    for row in table.rows:
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):
                continue
            seen.append(cell._tc)
            lines.extend(p.text for p in cell.paragraphs if p.text.strip())
    return lines


def check_zip(data: bytes) -> None:
    """Refuse, before inflating anything, a zip that is not a Word document or would inflate to
    more than a document ever holds (a "zip bomb"), going by the sizes its directory declares."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise IngestError(f"unreadable DOCX: not a valid zip file ({exc})") from exc
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        shown = ", ".join(sorted(names)[:5]) or "nothing"
        raise IngestError(f"not a Word document: the zip holds no word/document.xml (it holds {shown})")
    if len(infos) > MAX_MEMBERS:
        raise IngestError(f"DOCX refused as a zip bomb: {len(infos):,} members")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > MAX_MEMBER_BYTES or (info.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise IngestError(
                f"DOCX refused as a zip bomb: {info.filename} would inflate to {info.file_size:,} bytes "
                f"from {info.compress_size:,} ({ratio:,.0f}x)"
            )
    if total > MAX_TOTAL_BYTES:
        raise IngestError(f"DOCX refused as a zip bomb: its parts would inflate to {total:,} bytes")


def read_docx(data: bytes) -> DocxResult:
    check_zip(data)
    # python-docx parses parts with resolve_entities=False and lxml's no_network default: a DTD's
    # external entities ("file:///etc/passwd") are neither read nor substituted.
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
            table = Table(child, document)
            rows = table_rows(table)
            if _is_page_header(rows):
                buffer.extend(_cell_lines(table))  # the header's columns as the lines they hold
                continue
            flush()
            if rows and any(any(r) for r in rows):
                drafts.append(table_draft(rows))
    flush()
    title = (document.core_properties.title or "").strip() or None
    return DocxResult(drafts=drafts, title=title)
