"""PDF to blocks: pypdfium2 for running text, pdfplumber only on pages that hold ruled tables.

Most official PDFs are prose with an assignment table in the appendix; reading every page
with pdfplumber would cost ~50x more than pypdfium2, so tables are looked for only where
the page draws enough lines to hold one.

Measured on corpus/samples/001_kh239_laocai_phuluc.pdf (4 A4 pages, ruled table),
Python 3.11, this machine:
    pypdfium2 text (open + get_text_range)     ~1.3 ms/page
    pypdfium2 page objects (path count)        ~1.5 ms/page   <- the table test
    pdfplumber extract_text                    ~56 ms/page
    pdfplumber page.lines/rects (page parse)   ~45-90 ms/page
    pdfplumber extract_tables after the parse  ~15 ms/page
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.ingest.errors import IngestError
from vanban.ingest.text import Draft, is_row_label, repair_cell, table_draft, text_to_drafts

MIN_PATHS_FOR_TABLE = 8  # path objects (ruling lines, cell rectangles) that make a page worth a table pass
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$|^\s*(?:trang|page)\s+\d+(?:\s*/\s*\d+)?\s*$", re.IGNORECASE)


@dataclass
class PdfResult:
    drafts: list[Draft]
    pages: int
    title: str | None
    warnings: list[str]


def _open(data: bytes):  # -> pypdfium2.PdfDocument
    import pypdfium2 as pdfium

    if not data.lstrip()[:5].startswith(b"%PDF") and data[:1024].find(b"%PDF-") < 0:
        raise IngestError(f"not a PDF: file starts with {data[:16]!r}")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == 4:
            raise IngestError("encrypted PDF") from exc
        if getattr(exc, "err_code", None) == 3:
            raise IngestError("damaged PDF: cannot read its structure (truncated download?)") from exc
        raise IngestError(f"unreadable PDF ({exc})") from exc


def _path_count(page) -> int:
    import pypdfium2.raw as pdfium_c

    return sum(1 for obj in page.get_objects(max_depth=2) if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH)


def _pdfium_text(page) -> str:
    textpage = page.get_textpage()
    try:
        return textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
    finally:
        textpage.close()


def _clean_rows(raw: list[list[str | None]]) -> list[list[str]]:
    return [[repair_cell(cell or "") for cell in row] for row in raw]


def _table_page_drafts(plumber_page, page_no: int) -> tuple[list[Draft], bool]:
    """Drafts of one page that holds tables: text between the tables, tables as rows.
    Returns the drafts and whether the page starts with a table (nothing but a page number above it)."""
    tables = sorted(plumber_page.find_tables(), key=lambda t: t.bbox[1])
    if not tables:
        return [], False
    drafts: list[Draft] = []
    top = 0.0
    starts_with_table = False
    width, height = plumber_page.width, plumber_page.height
    for k, table in enumerate(tables):
        x0, t0, x1, b0 = table.bbox
        above = plumber_page.crop((0, top, width, max(top, t0))).extract_text() or ""
        if k == 0 and all(_PAGE_NUMBER.match(line) or not line.strip() for line in above.split("\n")):
            starts_with_table = True
            above = ""
        drafts.extend(_with_page(text_to_drafts(above), page_no))
        rows = _clean_rows(table.extract())
        if rows:
            drafts.append(table_draft(rows, page=page_no))
        top = b0
    below = plumber_page.crop((0, min(top, height), width, height)).extract_text() or ""
    drafts.extend(_with_page(text_to_drafts(below), page_no))
    return drafts, starts_with_table


def _with_page(drafts: list[Draft], page_no: int) -> list[Draft]:
    for d in drafts:
        d.page = page_no
    return drafts


def continue_table(prev: Draft, nxt: Draft) -> bool:
    """Join `nxt` (a table starting a page) onto `prev` (a table ending the previous page):
    same width; a repeated header row is dropped; a first row whose label cell is empty
    continues the previous row cell by cell. Returns False (and changes nothing) if the
    two do not look like one table."""
    assert prev.rows is not None and nxt.rows is not None
    if not prev.rows or not nxt.rows or len(prev.rows[0]) != len(nxt.rows[0]):
        return False
    rows = list(nxt.rows)
    if rows and rows[0] == prev.rows[0]:
        rows = rows[1:]
    if rows and not rows[0][0] and any(rows[0]) and prev.rows[-1][0] and is_row_label(prev.rows[-1][0]):
        last = prev.rows[-1]
        prev.rows[-1] = [" ".join(p for p in (a, b) if p) for a, b in zip(last, rows[0], strict=True)]
        rows = rows[1:]
    prev.rows.extend(rows)
    prev.text = table_draft(prev.rows).text
    return True


def read_pdf(data: bytes) -> PdfResult:
    """All pages to drafts, tables joined across page breaks."""
    pdf = _open(data)
    warnings: list[str] = []
    try:
        n_pages = len(pdf)
        title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
        texts: list[str] = []
        table_pages: list[int] = []
        for i in range(n_pages):
            page = pdf[i]
            texts.append(_pdfium_text(page))
            if _path_count(page) >= MIN_PATHS_FOR_TABLE:
                table_pages.append(i)
            page.close()
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfium's own errors become a reason
        raise IngestError(f"unreadable PDF ({exc})") from exc
    finally:
        pdf.close()
    if not any(t.strip() for t in texts):
        raise IngestError("no text layer: scanned?")

    per_page: dict[int, tuple[list[Draft], bool]] = {}
    if table_pages:
        import io

        import pdfplumber

        try:
            with pdfplumber.open(io.BytesIO(data)) as plumber:
                for i in table_pages:
                    per_page[i] = _table_page_drafts(plumber.pages[i], i + 1)
        except Exception as exc:  # noqa: BLE001 - fall back to running text for these pages
            warnings.append(f"table extraction failed, tables kept as text: {exc}")
            per_page = {}

    drafts: list[Draft] = []
    for i in range(n_pages):
        page_drafts, starts_with_table = per_page.get(i) or ([], False)
        if not page_drafts:
            page_drafts = _with_page(text_to_drafts(texts[i]), i + 1)
            page_drafts = [d for d in page_drafts if not _PAGE_NUMBER.match(d.text)]
            starts_with_table = False
        if (
            starts_with_table
            and drafts
            and drafts[-1].kind == "table"
            and page_drafts[0].kind == "table"
            and continue_table(drafts[-1], page_drafts[0])
        ):
            page_drafts = page_drafts[1:]
        drafts.extend(page_drafts)
    empty = sum(1 for t in texts if not t.strip())
    if empty:
        warnings.append(f"{empty} of {n_pages} pages have no text layer (scanned pages?)")
    return PdfResult(drafts=drafts, pages=n_pages, title=title, warnings=warnings)
