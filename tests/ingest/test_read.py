"""The dispatcher: kinds by content, hashes, offsets, and bad inputs with plain reasons."""

from __future__ import annotations

import hashlib

import pytest

from vanban.ingest.detect import detect_kind
from vanban.ingest.errors import IngestError
from vanban.ingest.read import ingest_bytes, ingest_file

from .helpers import SAMPLES, assert_offsets, seed_path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _pdf(draw_text: bool = True, encrypt: bool = False) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if draw_text:
        pdf.add_font("DejaVu", "", FONT)
        pdf.set_font("DejaVu", size=12)
        pdf.cell(text="Kế hoạch cải thiện Chỉ số PAPI")
    else:
        pdf.rect(20, 20, 100, 60)  # a page with a drawing and no text, like a scan without OCR
    if encrypt:
        pdf.set_encryption(owner_password="chu", user_password="mat-khau")
    return bytes(pdf.output())


def test_every_seed_ingests_with_consistent_offsets(seed_docs):
    for prefix, doc in seed_docs.items():
        assert doc.media_type == "text", prefix
        assert_offsets(doc)
        raw = seed_path(prefix).read_bytes()
        assert doc.sha256 == hashlib.sha256(raw).hexdigest()
        assert doc.name == seed_path(prefix).name


def test_kind_by_content_not_name():
    pdf = (SAMPLES / "001_kh239_laocai_phuluc.pdf").read_bytes()
    html = (SAMPLES / "002_svhttdl_laichau_portal.html").read_bytes()
    docx = (SAMPLES / "001_kh239_laocai.docx").read_bytes()
    assert detect_kind(pdf, "van-ban.aspx") == "pdf"
    assert detect_kind(html, "tai-lieu.pdf") == "html"
    assert detect_kind(docx, "download") == "docx"
    assert detect_kind("Kế hoạch số 239/KH-UBND".encode(), "kh.html") == "text"
    assert ingest_bytes(pdf, "van-ban.aspx").media_type == "pdf"


def test_empty_file():
    with pytest.raises(IngestError, match="empty file"):
        ingest_bytes(b"", "a.txt")
    with pytest.raises(IngestError, match="empty file"):
        ingest_bytes(b"  \n\r\n", "a.txt")


def test_garbage_named_pdf():
    with pytest.raises(IngestError, match=r"not a PDF: file starts with b'\\x13"):
        ingest_bytes(bytes(range(19, 250)) * 4, "cong-van.pdf")


def test_truncated_pdf():
    data = (SAMPLES / "001_kh239_laocai_phuluc.pdf").read_bytes()
    with pytest.raises(IngestError, match="damaged PDF"):
        ingest_bytes(data[: len(data) // 2], "kh.pdf")


def test_pdf_without_text_layer():
    with pytest.raises(IngestError, match=r"no text layer: scanned\?"):
        ingest_bytes(_pdf(draw_text=False), "scan.pdf")


def test_encrypted_pdf():
    with pytest.raises(IngestError, match="encrypted PDF"):
        ingest_bytes(_pdf(encrypt=True), "mat.pdf")


def test_small_pdf_reads():
    doc = ingest_bytes(_pdf(), "kh.pdf")
    assert doc.text == "Kế hoạch cải thiện Chỉ số PAPI" and doc.pages == 1


def test_broken_docx():
    data = (SAMPLES / "001_kh239_laocai.docx").read_bytes()
    with pytest.raises(IngestError):
        ingest_bytes(data[:3000], "kh.docx")


def test_size_cap_and_missing_file(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2_000_001)
    with pytest.raises(IngestError, match="file larger than the 2 MB cap"):
        ingest_file(big, max_bytes=2_000_000)
    with pytest.raises(IngestError, match="cannot open file"):
        ingest_file(tmp_path / "khong-co.txt")


def test_a_sentence_broken_by_a_pdf_page_is_one_block_again():
    # page 1 ends mid-item; page 2 opens with its number and the plan's running header
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "II. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Nội vụ hướng dẫn UBND các xã, phường thực hiện quy chế "
                         "dân chủ ở cơ sở, báo cáo")
    pdf.add_page()
    pdf.multi_cell(0, 6, "2\nKế hoạch nâng cao các Chỉ số PAPI tỉnh Cà Mau năm 2026\nkết quả về UBND tỉnh trước ngày "
                         "30/6/2026.\n2. Sở Tư pháp rà soát văn bản.")
    pdf.add_page()
    pdf.multi_cell(0, 6, "3\nKế hoạch nâng cao các Chỉ số PAPI tỉnh Cà Mau năm 2026\n3. Sở Y tế rà soát thủ tục.")
    doc = ingest_bytes(bytes(pdf.output()), "k.pdf")
    assert [(b.page, b.text) for b in doc.blocks] == [
        (1, "II. NHIỆM VỤ, GIẢI PHÁP"),
        (1, "1. Sở Nội vụ hướng dẫn UBND các xã, phường thực hiện quy chế dân chủ ở cơ sở, báo cáo kết quả về UBND "
            "tỉnh trước ngày 30/6/2026."),
        (2, "2. Sở Tư pháp rà soát văn bản."),
        (3, "3. Sở Y tế rà soát thủ tục."),  # after a finished sentence: a header of two pages
    ]
    assert_offsets(doc)


def test_lines_a_pdf_wrapped_at_its_margin_are_one_paragraph():
    # a Công văn (QA round 5) whose items wrap before "Chỉ số", "Phát thanh", "Giám đốc": copied
    # text would read each as a new line; the width of the page's lines says they wrapped. Lines
    # are drawn one by one, as a justified page breaks them.
    from fpdf import FPDF

    lines = [
        "CHỈ THỊ",
        "Về nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và Chỉ số DDCI tỉnh Bình Định",
        "năm 2023",
        "Chủ tịch UBND tỉnh yêu cầu:",
        "1. Sở Tài chính phối hợp với Sở Nội vụ tham mưu bố trí kinh phí khảo sát",
        "Chỉ số SIPAS năm 2024.",
        "2. Sở Thông tin và Truyền thông chủ trì, phối hợp với Báo Lạng Sơn, Đài",
        "Phát thanh và Truyền hình Lạng Sơn tuyên truyền về kết quả Chỉ số PAR",
        "INDEX năm 2023.",
        "3. Văn phòng Sở theo dõi, tổng hợp kết quả đánh giá mức độ hài lòng của",
        "tổ chức, cá nhân, báo cáo Giám đốc Sở hằng tháng. Sở Nội vụ tổng hợp,",
        "báo cáo Chủ tịch UBND tỉnh.",
    ]
    pdf = FPDF()
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in lines:
        pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    doc = ingest_bytes(bytes(pdf.output()), "ct.pdf")
    assert [b.text for b in doc.blocks] == [
        "CHỈ THỊ",
        "Về nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và Chỉ số DDCI tỉnh Bình Định năm 2023",
        "Chủ tịch UBND tỉnh yêu cầu:",
        "1. Sở Tài chính phối hợp với Sở Nội vụ tham mưu bố trí kinh phí khảo sát Chỉ số SIPAS năm 2024.",
        "2. Sở Thông tin và Truyền thông chủ trì, phối hợp với Báo Lạng Sơn, Đài Phát thanh và Truyền hình "
        "Lạng Sơn tuyên truyền về kết quả Chỉ số PAR INDEX năm 2023.",
        "3. Văn phòng Sở theo dõi, tổng hợp kết quả đánh giá mức độ hài lòng của tổ chức, cá nhân, báo cáo "
        "Giám đốc Sở hằng tháng. Sở Nội vụ tổng hợp, báo cáo Chủ tịch UBND tỉnh.",
    ]
    assert_offsets(doc)
