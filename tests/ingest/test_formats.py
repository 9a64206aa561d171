"""One appendix, four containers: flattened text, DOCX, PDF and HTML give the same rows.

The samples are seed 001 made into other formats by corpus/make_samples.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vanban.ingest.pdf import continue_table
from vanban.ingest.read import ingest_file
from vanban.ingest.text import table_draft

from .helpers import SAMPLES, appendix, assert_offsets, seed_path, squash, tables

SAMPLE_FILES = ["001_kh239_laocai.docx", "001_kh239_laocai_phuluc.pdf", "001_kh239_laocai_phuluc_table.html"]


def data_rows(rows: list[list[str]]) -> list[list[str]]:
    return [[squash(c) for c in row] for row in rows[1:]]


@pytest.fixture(scope="module")
def text_rows() -> list[list[str]]:
    return appendix(ingest_file(seed_path("001")))


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_same_table_in_every_container(text_rows, name):
    doc = ingest_file(SAMPLES / name)
    assert_offsets(doc)
    rows = appendix(doc)
    assert [squash(c) for c in rows[0]] == [squash(c) for c in text_rows[0]]
    assert data_rows(rows) == data_rows(text_rows)
    assert len(data_rows(rows)) == 47  # 39 tasks and 8 group separators


def test_pdf_table_joined_across_pages():
    doc = ingest_file(SAMPLES / "001_kh239_laocai_phuluc.pdf")
    assert doc.media_type == "pdf" and doc.pages == 4
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert table.page == 1
    # the row split by the first page break is whole again
    row = next(r for r in table.rows if r[0] == "3.2")
    assert row[1] == "Thực hiện công tác tiếp công dân định kỳ, giải quyết những vướng mắc, phản ánh, kiến nghị, khiếu nại, tố cáo của công dân"
    assert row[2] == "Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã"
    # the repeated header rows are gone
    assert sum(1 for r in table.rows if r[0] == "TT") == 1
    assert doc.blocks[0].text.startswith("ỦY BAN NHÂN DÂN")
    assert any("(Kèm theo Kế hoạch số 239/KH-UBND" in b.text for b in doc.blocks)
    assert doc.title_hint == "Phụ lục Kế hoạch 239/KH-UBND tỉnh Lào Cai"


def test_a_page_number_at_the_foot_keeps_no_table_apart():
    # QA round 11: a page number printed under the table on page 1 had stood between the two
    # halves as a paragraph; the second half, with no header row, was lost
    doc = ingest_file(Path(__file__).parent / "pdfs" / "table_page_number_at_foot.pdf")
    (table,) = tables(doc)
    assert [r[0] for r in table] == ["TT", "1", "2", "3", "4", "5", "6"]
    assert table[4][1] == "Rà soát, công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết"
    assert not any(b.text.strip() in {"1", "2"} for b in doc.blocks)


def test_a_footnote_mark_after_a_date_is_dropped():
    # QA round 11 (a Sở's letter with footnotes): the raised "³" had made the year 20253
    doc = ingest_file(Path(__file__).parent / "pdfs" / "footnote_mark_after_date.pdf")
    assert "trước ngày 10/12/2025 để tổng hợp" in doc.text and "20253" not in doc.text


def test_continue_table_rules():
    header = ["TT", "Nội dung", "Chủ trì"]
    prev = table_draft([header, ["1", "Rà soát, đơn giản hóa", "Văn phòng"]])
    nxt = table_draft([header, ["", "thủ tục hành chính", "UBND tỉnh"], ["2", "Công khai TTHC", "Sở Tư pháp"]])
    assert continue_table(prev, nxt)
    assert prev.rows == [header, ["1", "Rà soát, đơn giản hóa thủ tục hành chính", "Văn phòng UBND tỉnh"], ["2", "Công khai TTHC", "Sở Tư pháp"]]
    assert not continue_table(prev, table_draft([["a", "b"]]))


def test_docx_body_order_lists_and_merged_cells():
    doc = ingest_file(SAMPLES / "001_kh239_laocai.docx")
    assert doc.media_type == "docx"
    assert doc.blocks[-1].kind == "table"  # the appendix last
    # the header's two-column table (it holds the motto) is read as the lines of its cells
    assert [b.text for b in doc.blocks[:4]] == [
        "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 239/KH-UBND", "Lào Cai, ngày 30 tháng 6 năm 2022"]
    bullet = next(b for b in doc.blocks if "Phối hợp với các sở, ban, ngành và chính quyền địa phương" in b.text)
    assert bullet.kind == "list_item" and bullet.text.startswith("- ")
    heading = next(b for b in doc.blocks if b.text == "II. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN")
    assert heading.kind == "heading"
    # a merged separator row is listed by python-docx five times: kept once, as five empty cells
    assert appendix(doc)[1] == ["", "", "", "", ""]
    assert doc.title_hint == "Kế hoạch 239/KH-UBND cải thiện Chỉ số PAPI tỉnh Lào Cai năm 2022"


def test_docx_cell_paragraphs_opening_in_capitals_stay_lines():
    import io

    import docx

    from vanban.ingest.read import ingest_bytes

    d = docx.Document()
    row = d.add_table(rows=1, cols=2).rows[0].cells
    row[0].text = "Sở Nội vụ"
    row[0].add_paragraph("Sở Tư pháp")
    row[1].text = "Sở Văn hóa, Thể thao"
    row[1].add_paragraph("và Du lịch")
    buf = io.BytesIO()
    d.save(buf)
    (table,) = [b for b in ingest_bytes(buf.getvalue(), "t.docx").blocks if b.kind == "table"]
    assert table.rows == [["Sở Nội vụ\nSở Tư pháp", "Sở Văn hóa, Thể thao và Du lịch"]]
    assert table.text == "Sở Nội vụ Sở Tư pháp | Sở Văn hóa, Thể thao và Du lịch"


def test_portal_html_keeps_the_letter_and_drops_the_portal():
    doc = ingest_file(SAMPLES / "002_svhttdl_laichau_portal.html")
    assert_offsets(doc)
    text = doc.text
    for furniture in ["Thống kê truy cập", "Đang online", "Đăng nhập", "Ý kiến bạn đọc", "Cơ quan chủ quản", "Lượt xem", "Trang chủ"]:
        assert furniture not in text
    assert "V/v tập trung đẩy mạnh nhằm cải thiện, nâng cao chỉ số chỉ đạo điều hành trong thực hiện công tác cải cách hành chính" in text
    assert "lãnh đạo, chỉ đạo thực hiện các mục tiêu, nhiệm vụ cải cách hành chính" in text
    assert "Giao Thanh tra Sở: tham mưu kịp thời" in text
    assert any(b.kind == "list_item" and b.text.startswith("7. Tiếp tục đẩy mạnh ứng dụng") for b in doc.blocks)
    assert doc.title_hint.startswith("Tập trung đẩy mạnh nhằm cải thiện")
    assert doc.date_hint is not None and doc.date_hint.isoformat() == "2023-06-13"


def test_html_without_an_article_falls_back_to_page_text():
    from vanban.ingest.read import ingest_bytes

    page = (
        "<html><head><title>Thông báo</title></head><body><div>Thống kê truy cập</div>"
        "<table><tr><th>STT</th><th>Nội dung</th><th>Đơn vị chủ trì</th></tr>"
        '<tr><td colspan="3">I. Cải cách thể chế</td></tr>'
        "<tr><td>1</td><td>Rà soát văn bản quy phạm pháp luật</td><td>Phòng Tư pháp huyện</td></tr></table>"
        "</body></html>"
    )
    doc = ingest_bytes(page.encode("utf-8"), "tb.html")
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert table.rows == [
        ["STT", "Nội dung", "Đơn vị chủ trì"],
        ["I. Cải cách thể chế", "", ""],
        ["1", "Rà soát văn bản quy phạm pháp luật", "Phòng Tư pháp huyện"],
    ]
    assert "Thống kê truy cập" not in doc.text


def test_a_docx_header_table_of_one_row_reads_as_lines():
    # a Word letter (QA round 6) whose header is one row of two cells, each several paragraphs, with
    # rules typed under the name and the motto
    import io

    import docx

    from vanban.extract.metadata import extract_meta
    from vanban.ingest.read import ingest_bytes

    d = docx.Document()
    left, right = d.add_table(rows=1, cols=2).rows[0].cells
    left.text = "ỦY BAN NHÂN DÂN"
    for line in ("TỈNH HÀ TĨNH", "———", "Số: 156/KH-UBND"):
        left.add_paragraph(line)
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    for line in ("Độc lập - Tự do - Hạnh phúc", "_______________", "Hà Tĩnh, ngày 20 tháng 4 năm 2023"):
        right.add_paragraph(line)
    for line in ("KẾ HOẠCH", "Cải thiện Chỉ số PCI tỉnh Hà Tĩnh năm 2023",
                 "1. Sở Kế hoạch và Đầu tư theo dõi, tổng hợp kết quả thực hiện Kế hoạch."):
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    doc = ingest_bytes(buf.getvalue(), "kh.docx")
    assert "———" not in doc.text and "____" not in doc.text
    m = extract_meta(doc.text)
    assert (m.number, m.type, m.issue_date.isoformat(), m.issuer, m.title) == (
        "156/KH-UBND", "Kế hoạch", "2023-04-20", "UBND tỉnh Hà Tĩnh", "Cải thiện Chỉ số PCI tỉnh Hà Tĩnh năm 2023")
