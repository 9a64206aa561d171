"""Ruled tables read with pypdfium2 (ingest/pdftables.py) against pdfplumber, the reader
it replaces on clean grids and keeps as the fallback.

Besides the committed sample (fpdf2, one rectangle per cell), the PDFs here are drawn in
the test with other habits: rules as single lines and as thin filled rectangles, other
column widths, a header cell spanning two columns and one spanning two rows, a group row
spanning the whole table, two tables on one page with text between them; and pages whose
rules do not make a clean grid, which must go to pdfplumber.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from vanban.ingest.pdf import read_pdf
from vanban.ingest.pdftables import NotAGrid, page_tables
from vanban.ingest.read import ingest_bytes

from .helpers import SAMPLES

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

HEADER_TOP = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian", ""]
HEADER_SUB = ["", "", "", "Bắt đầu", "Hoàn thành"]
BODY = [
    ["I", "CÔNG KHAI, MINH BẠCH", "", "", ""],
    ["1", "Công khai danh sách hộ nghèo tại trụ sở UBND cấp xã và nhà văn hóa thôn, tổ dân phố", "UBND cấp xã",
     "Tháng 3/2024", "Quý II/2024"],
    ["2", "Niêm yết công khai thủ tục hành chính", "Văn phòng UBND tỉnh", "Tháng 4/2024", "Tháng 9/2024"],
    ["II", "QUẢN TRỊ ĐIỆN TỬ", "", "", ""],
    ["1", "Nâng cấp Cổng thông tin điện tử tỉnh", "Sở Thông tin và Truyền thông", "Tháng 5/2024", "Tháng 12/2024"],
]
COLS = (14, 62, 44, 30, 30)  # mm, unlike the sample's 12/70/35/45/28


def _pdf():
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_font("DejaVu", "", 9)
    pdf.set_auto_page_break(False)
    return pdf


def _text_lines(pdf, width: float, text: str) -> list[str]:
    return pdf.multi_cell(width - 2, 4.5, text, dry_run=True, output="LINES") if text else []


def _draw_grid(pdf, x0: float, y0: float, rows: list[list[str]], spans: dict, rule: str) -> float:
    """Draw `rows` as a ruled table at (x0, y0) mm; spans maps (row, col) -> (rowspan, colspan)
    for merged cells (the cells they cover hold ""). Rules are drawn as `rule`: "line"
    (one line per cell border) or "thin" (filled rectangles 0.3 mm thick). Returns the bottom."""
    heights = []
    for row in rows:
        n = max((len(_text_lines(pdf, w, t)) for w, t in zip(COLS, row, strict=True)), default=1)
        heights.append(max(n, 1) * 4.5 + 2)
    xs = [x0]
    for w in COLS:
        xs.append(xs[-1] + w)
    ys = [y0]
    for h in heights:
        ys.append(ys[-1] + h)
    covered: set[tuple[int, int]] = set()
    for (r, c), (rs, cs) in spans.items():
        covered |= {(r + i, c + j) for i in range(rs) for j in range(cs)} - {(r, c)}

    def hline(xa, xb, y):
        if rule == "line":
            pdf.line(xa, y, xb, y)
        else:
            pdf.rect(xa, y - 0.15, xb - xa, 0.3, style="F")

    def vline(x, ya, yb):
        if rule == "line":
            pdf.line(x, ya, x, yb)
        else:
            pdf.rect(x - 0.15, ya, 0.3, yb - ya, style="F")

    for r in range(len(rows)):
        for c in range(len(COLS)):
            if (r, c) in covered:
                continue
            rs, cs = spans.get((r, c), (1, 1))
            left, right, top, bottom = xs[c], xs[c + cs], ys[r], ys[r + rs]
            hline(left, right, top)
            hline(left, right, bottom)
            vline(left, top, bottom)
            vline(right, top, bottom)
            for k, line in enumerate(_text_lines(pdf, right - left, rows[r][c])):
                pdf.text(left + 1, top + 1 + (k + 1) * 4.5 - 1.2, line)
    return ys[-1]


def _merged_header_pdf(rule: str) -> bytes:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_xy(10, 12)
    pdf.multi_cell(190, 6, "PHỤ LỤC\nDanh mục nhiệm vụ năm 2024", align="C")
    rows = [HEADER_TOP, HEADER_SUB, *BODY]
    spans = {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (2, 1), (0, 3): (1, 2), (2, 1): (1, 4), (5, 1): (1, 4)}
    bottom = _draw_grid(pdf, 10, 30, rows, spans, rule)
    pdf.set_xy(10, bottom + 6)
    pdf.multi_cell(190, 6, "Các cơ quan, đơn vị báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15/12/2024.")
    bottom = _draw_grid(pdf, 10, bottom + 20, [["TT", "Đơn vị", "Đầu mối", "Điện thoại", "Ghi chú"],
                                               ["1", "Sở Nội vụ", "Phòng Cải cách hành chính", "0214.3840", ""]], {}, rule)
    pdf.set_xy(10, bottom + 6)
    pdf.multi_cell(190, 6, "Nơi nhận: như trên.")
    return bytes(pdf.output())


EXPECTED_ROWS = [
    ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian", ""],
    ["", "", "", "Bắt đầu", "Hoàn thành"],
    ["I", "CÔNG KHAI, MINH BẠCH", "", "", ""],
    BODY[1],
    BODY[2],
    ["II", "QUẢN TRỊ ĐIỆN TỬ", "", "", ""],
    BODY[4],
]


def _drafts(result):
    return [(d.kind, d.text, d.rows, d.page) for d in result.drafts]


@pytest.mark.parametrize("name", ["001_kh239_laocai_phuluc.pdf"])
def test_sample_every_page_read_by_pdfium_same_as_pdfplumber(name):
    data = (SAMPLES / name).read_bytes()
    pdf = pdfium.PdfDocument(data)
    for i in range(len(pdf)):
        page = pdf[i]
        (table,) = page_tables(page, page.get_textpage())  # a clean grid on every page: no fallback
        assert len(table.rows[0]) == 5
    assert _drafts(read_pdf(data)) == _drafts(read_pdf(data, pdfium_tables=False))


def _in_form_xobjects(data: bytes) -> bytes:
    """Every page redrawn as a form XObject, scaled and moved (as some printers and
    merging tools emit pages): the rules' points are then in the form's space."""
    import io

    src, dst = pdfium.PdfDocument(data), pdfium.PdfDocument.new()
    for i in range(len(src)):
        width, height = src[i].get_size()
        obj = src.page_as_xobject(i, dst).as_pageobject()
        obj.transform(pdfium.PdfMatrix().scale(0.9, 0.9).translate(20, 30))
        page = dst.new_page(width, height)
        page.insert_obj(obj)
        page.gen_content()
    out = io.BytesIO()
    dst.save(out)
    return out.getvalue()


def test_tables_inside_form_xobjects():
    data = _in_form_xobjects((SAMPLES / "001_kh239_laocai_phuluc.pdf").read_bytes())
    page = pdfium.PdfDocument(data)[0]
    assert any(obj.level > 0 for obj in page.get_objects(max_depth=2))
    (table,) = page_tables(page, page.get_textpage())
    assert table.rows[0][0].strip() == "TT" and len(table.rows) == 15
    assert _drafts(read_pdf(data)) == _drafts(read_pdf(data, pdfium_tables=False))


@pytest.mark.parametrize("rule", ["line", "thin"])
def test_merged_cells_and_two_tables_same_as_pdfplumber(rule):
    data = _merged_header_pdf(rule)
    page = pdfium.PdfDocument(data)[0]
    assert len(page_tables(page, page.get_textpage())) == 2
    ours = read_pdf(data)
    assert _drafts(ours) == _drafts(read_pdf(data, pdfium_tables=False))
    kinds = [d.kind for d in ours.drafts]
    assert kinds.count("table") == 2
    first, second = (d for d in ours.drafts if d.kind == "table")
    assert first.rows == EXPECTED_ROWS
    assert second.rows == [["TT", "Đơn vị", "Đầu mối", "Điện thoại", "Ghi chú"],
                           ["1", "Sở Nội vụ", "Phòng Cải cách hành chính", "0214.3840", ""]]
    texts = [d.text for d in ours.drafts]
    between = texts.index(first.text) + 1
    assert texts[between].startswith("Các cơ quan, đơn vị báo cáo kết quả")
    assert texts[-1] == "Nơi nhận: như trên."


def test_merged_cells_through_ingest():
    doc = ingest_bytes(_merged_header_pdf("line"), "phuluc.pdf")
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.rows[3][1] == "Công khai danh sách hộ nghèo tại trụ sở UBND cấp xã và nhà văn hóa thôn, tổ dân phố"


def _open_sided_pdf() -> bytes:
    """Rows ruled top and bottom, columns ruled inside, no left or right border."""
    pdf = _pdf()
    pdf.add_page()
    x, y = 10.0, 20.0
    rows = [["TT", "Nội dung", "Chủ trì"], ["1", "Rà soát văn bản", "Sở Tư pháp"], ["2", "Công khai TTHC", "Văn phòng"]]
    widths = (15, 90, 60)
    for r, row in enumerate(rows):
        pdf.line(x, y + 8 * r, x + sum(widths), y + 8 * r)
        cx = x
        for c, (w, cell) in enumerate(zip(widths, row, strict=True)):
            if c:
                pdf.line(cx, y + 8 * r, cx, y + 8 * (r + 1))
            pdf.text(cx + 1, y + 8 * r + 5.5, cell)
            cx += w
    pdf.line(x, y + 8 * len(rows), x + sum(widths), y + 8 * len(rows))
    return bytes(pdf.output())


def _rules_only_pdf() -> bytes:
    """A table ruled with horizontal lines only (no vertical rules), ten of them."""
    pdf = _pdf()
    pdf.add_page()
    for r in range(10):
        pdf.line(10, 20 + 7 * r, 200, 20 + 7 * r)
        pdf.text(12, 20 + 7 * r + 5, f"{r + 1}. Nhiệm vụ số {r + 1} do Sở Nội vụ chủ trì")
    return bytes(pdf.output())


@pytest.mark.parametrize("make", [_open_sided_pdf, _rules_only_pdf])
def test_unclean_grids_fall_back_to_pdfplumber(make, monkeypatch):
    data = make()
    page = pdfium.PdfDocument(data)[0]
    with pytest.raises(NotAGrid):
        page_tables(page, page.get_textpage())
    calls = []
    import vanban.ingest.pdf as pdf_module

    real = pdf_module._table_page_drafts

    def spy(plumber_page, page_no):
        calls.append(page_no)
        return real(plumber_page, page_no)

    monkeypatch.setattr(pdf_module, "_table_page_drafts", spy)
    assert _drafts(read_pdf(data)) == _drafts(read_pdf(data, pdfium_tables=False))
    assert calls == [1, 1]
