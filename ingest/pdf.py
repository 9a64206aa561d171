"""PDF to blocks: pypdfium2 for running text and for ruled tables; pdfplumber only for the
table pages whose rules do not make a clean grid.

Most official PDFs are prose with an assignment table in the appendix. A page is looked at
for tables only when it draws enough paths to hold one (MIN_PATHS_FOR_TABLE); such a page's
tables are read from pypdfium2's path objects and bounded text (ingest/pdftables.py). When
those rules are not a clean grid (no group of crossing lines, outer border not ruled all
round, rules running past it, a merged cell that is not a rectangle, tables side by side, a
rotated page, a page of thousands of lines, or any error) the page goes to pdfplumber, the
reader every table page used before; its results were the reference the new reader was
checked against (tests/ingest/test_pdftables.py: same drafts on every test PDF).

Measured on corpus/samples/001_kh239_laocai_phuluc.pdf (4 A4 pages, ruled table),
Python 3.11, one core (taskset -c 0), this machine:
    pypdfium2 text (open + get_text_range)     ~1.3 ms/page
    pypdfium2 page objects (path count)        ~0.7 ms/page   <- the table test
    pypdfium2 path segments                    ~1.6 ms/page
    pypdfium2 table (segments, grid, cells)    ~3.6 ms/page   <- ingest/pdftables.py
    pdfplumber extract_text                    ~56 ms/page
    pdfplumber page.lines/rects (page parse)   ~45-90 ms/page
    pdfplumber extract_tables after the parse  ~15 ms/page
read_pdf over the sample repeated (40 pages a round, best of 3):
    before (pdfplumber on every table page)    13.0 pages/s  (77 ms/page)
    after (pypdfium2 tables)                   174 pages/s   (5.7 ms/page)
bench/run.py --docs 500 (the CLI, ingest + extract + store, 200 PDF pages, one core):
    65.2 pages/s (was 11.2 in BENCHMARKS.md's 2,000-document run); peak 152 MB (was 200 MB)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.ingest.errors import IngestError
from vanban.ingest.text import (
    PAGE_NUMBER,
    Draft,
    ends_sentence,
    is_row_label,
    is_running_header,
    join_wrapped_lines,
    joins,
    repair_cell,
    split_layout_columns,
    table_draft,
    text_to_drafts,
)

MIN_PATHS_FOR_TABLE = 8  # path objects (ruling lines, cell rectangles) that make a page worth a table pass


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

    return sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2))


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# A footnote's mark set after a date: the text layer prints the raised digit on the line, so
# "trước ngày 10/12/2025³" reads "10/12/20253", which is no date at all.
_DATE_FOOTNOTE_MARK = re.compile(r"(?<![\d/])(\d{1,2}/\d{1,2}/(?:19|20)\d\d)\d{1,2}(?=[\s.,;:)]|$)")


def _without_footnote_marks(text: str) -> str:
    return _DATE_FOOTNOTE_MARK.sub(r"\1", text) if "/20" in text or "/19" in text else text


def _clean_rows(raw: list[list[str | None]]) -> list[list[str]]:
    return [[repair_cell(_lines(cell or "")) for cell in row] for row in raw]


def _starts_page(above: str) -> bool:
    """Nothing but a page number (or nothing) above the page's first table."""
    return all(PAGE_NUMBER.match(line) or not line.strip() for line in above.split("\n"))


def _pdfium_table_page_drafts(page, textpage, page_no: int) -> tuple[list[Draft], bool] | None:
    """Drafts of one page that holds ruled tables, read with pypdfium2 alone (see
    ingest/pdftables.py); None when its rules do not make a clean grid."""
    from vanban.ingest.pdftables import INSET, NotAGrid, page_tables

    try:
        tables = page_tables(page, textpage)
    except NotAGrid:
        return None
    drafts: list[Draft] = []
    far = 1e6  # a band across the whole page, whatever its box
    top = far
    starts_with_table = False
    for k, table in enumerate(tables):
        above = _lines(textpage.get_text_bounded(-far, table.top + INSET, far, top)) if top > table.top + INSET else ""
        if k == 0 and _starts_page(above):
            starts_with_table = True
            above = ""
        drafts.extend(_with_page(text_to_drafts(join_wrapped_lines(above)), page_no))
        rows = _clean_rows(table.rows)  # type: ignore[arg-type]
        if rows:
            drafts.append(table_draft(rows, page=page_no))
        top = table.bottom - INSET
    below = _lines(textpage.get_text_bounded(-far, -far, far, top))
    drafts.extend(_with_page(text_to_drafts(join_wrapped_lines(below)), page_no))
    return drafts, starts_with_table


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
        if k == 0 and _starts_page(above):
            starts_with_table = True
            above = ""
        drafts.extend(_with_page(text_to_drafts(join_wrapped_lines(above)), page_no))
        rows = _clean_rows(table.extract())
        if rows:
            drafts.append(table_draft(rows, page=page_no))
        top = b0
    below = plumber_page.crop((0, min(top, height), width, height)).extract_text() or ""
    drafts.extend(_with_page(text_to_drafts(join_wrapped_lines(below)), page_no))
    return drafts, starts_with_table


def _top_line(text: str) -> tuple[int, str]:
    """The index and text of a page's first line that is not blank nor its page number."""
    lines = text.split("\n")
    k = 0
    while k < len(lines) and (not lines[k].strip() or PAGE_NUMBER.match(lines[k])):
        k += 1
    return k, (lines[k].strip() if k < len(lines) else "")


def _running_headers(tops: list[tuple[int, str]]) -> set[str]:
    """Header lines printed at the top of two pages or more ("Kế hoạch nâng cao … năm 2026"),
    from the pages' `_top_line`s (the first page's left out: it opens with the document's own)."""
    lines = [top for _, top in tops[1:]]
    return {t for t in lines if t and lines.count(t) >= 2 and is_running_header(t)}


def _without_running_header(text: str, top_line: tuple[int, str], before: str, repeated: set[str]) -> str:
    """A page's text without the running header at its top (`top_line`, "2" / "Kế hoạch nâng
    cao … năm 2026"): one that heads other pages too, or one inside a sentence the page before
    broke off."""
    k, top = top_line
    if not top:
        return text
    last = before.rstrip().rsplit("\n", 1)[-1].rstrip()
    if top in repeated or (last and not ends_sentence(last) and is_running_header(top)):
        return "\n".join(text.split("\n")[k + 1 :])
    return text


def _join_page_break(before: list[Draft], page: list[Draft]) -> list[Draft]:
    """A page's drafts, with the sentence the last page broke off joined back to it ("… báo cáo"
    + "kết quả về …" one draft again: `before[-1]` grows)."""
    if not before or not page or before[-1].kind == "table" or page[0].kind == "table":
        return page
    last = before[-1].text.rstrip()
    if not ends_sentence(last) and joins(last, page[0].text):
        before[-1].text = last + " " + page[0].text
        page = page[1:]
    return page


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


def read_pdf(data: bytes, pdfium_tables: bool = True) -> PdfResult:
    """All pages to drafts, tables joined across page breaks. Ruled tables are read with
    pypdfium2 (ingest/pdftables.py); a page whose rules do not make a clean grid, or every
    table page when `pdfium_tables` is False, is read with pdfplumber."""
    pdf = _open(data)
    warnings: list[str] = []
    try:
        n_pages = len(pdf)
        title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
        texts: list[str] = []
        table_pages: list[int] = []  # pages left to pdfplumber
        per_page: dict[int, tuple[list[Draft], bool]] = {}
        for i in range(n_pages):
            page = pdf[i]
            textpage = page.get_textpage()
            texts.append(_without_footnote_marks(_lines(textpage.get_text_range())))
            if _path_count(page) >= MIN_PATHS_FOR_TABLE:
                try:
                    found = _pdfium_table_page_drafts(page, textpage, i + 1) if pdfium_tables else None
                except Exception:  # noqa: BLE001 - an odd page goes to pdfplumber, as before
                    found = None
                if found is None or not found[0]:
                    table_pages.append(i)
                else:
                    per_page[i] = found
            textpage.close()
            page.close()
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfium's own errors become a reason
        raise IngestError(f"unreadable PDF ({exc})") from exc
    finally:
        pdf.close()
    if not any(t.strip() for t in texts):
        raise IngestError("no text layer: scanned?")

    if table_pages:
        import io

        import pdfplumber

        try:
            with pdfplumber.open(io.BytesIO(data)) as plumber:
                for i in table_pages:
                    per_page[i] = _table_page_drafts(plumber.pages[i], i + 1)
        except Exception as exc:  # noqa: BLE001 - fall back to running text for these pages
            warnings.append(f"table extraction failed, tables kept as text: {exc}")
            for i in table_pages:
                per_page.pop(i, None)

    drafts: list[Draft] = []
    tops = [_top_line(t) for t in texts]
    repeated = _running_headers(tops)
    for i in range(n_pages):
        page_drafts, starts_with_table = per_page.get(i) or ([], False)
        if not page_drafts:
            text = _without_running_header(texts[i], tops[i], texts[i - 1], repeated) if i else split_layout_columns(texts[0])
            page_drafts = _with_page(text_to_drafts(join_wrapped_lines(text)), i + 1)
            starts_with_table = False
        # a page number printed at the foot of a page is no paragraph: left in, it stood
        # between a table and its continuation on the next page and kept them apart
        page_drafts = [d for d in page_drafts if d.kind == "table" or not PAGE_NUMBER.match(d.text)]
        if (
            starts_with_table
            and drafts
            and drafts[-1].kind == "table"
            and page_drafts[0].kind == "table"
            and continue_table(drafts[-1], page_drafts[0])
        ):
            page_drafts = page_drafts[1:]
        page_drafts = _join_page_break(drafts, page_drafts)
        drafts.extend(page_drafts)
    empty = sum(1 for t in texts if not t.strip())
    if empty:
        warnings.append(f"{empty} of {n_pages} pages have no text layer (scanned pages?)")
    return PdfResult(drafts=drafts, pages=n_pages, title=title, warnings=warnings)
