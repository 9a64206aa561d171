"""Plain text to blocks: line-break repair, labels, headings and flattened tables (seeds 001, 002)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vanban.ingest.text import (
    chunk_rows,
    collapse,
    drop_page_breaks,
    is_all_caps,
    join_split_heading_words,
    join_wrapped_lines,
    joins,
    text_to_drafts,
)

from .helpers import appendix, assert_offsets, squash


def test_line_broken_mid_sentence_is_joined_across_a_blank_line(seed_docs):
    doc = seed_docs["002"]
    item = next(b for b in doc.blocks if b.text.startswith("1. Tiếp tục quán triệt"))
    assert "tăng cường công tác lãnh đạo, chỉ đạo thực hiện các mục tiêu, nhiệm vụ cải cách hành chính" in item.text
    assert item.kind == "list_item"
    assert any("tuyên truyền Luật Phòng chống tham nhũng tới công chức" in b.text for b in doc.blocks)


def test_three_line_subject_is_one_block(seed_docs):
    doc = seed_docs["002"]
    subject = [b for b in doc.blocks if b.text.startswith("V/v")]
    assert [b.text for b in subject] == [
        "V/v tập trung đẩy mạnh nhằm cải thiện, nâng cao chỉ số chỉ đạo điều hành trong thực hiện "
        "công tác cải cách hành chính"
    ]


def test_a_line_ending_a_sentence_is_not_joined():
    drafts = text_to_drafts("Kính gửi: Trưởng các phòng, đơn vị trực thuộc Sở.\nthực hiện nghiêm")
    assert [d.text for d in drafts] == ["Kính gửi: Trưởng các phòng, đơn vị trực thuộc Sở.", "thực hiện nghiêm"]


def test_capitalised_next_line_starts_a_new_block():
    # "Đ" is outside a-z: the join rule must use the letter's case, not a character range
    drafts = text_to_drafts("5. Báo Lào Cai, Đài Phát thanh - Truyền hình tỉnh\nĐẩy mạnh công tác thông tin, tuyên truyền")
    assert [d.kind for d in drafts] == ["list_item", "paragraph"]


def test_split_word_is_dehyphenated_but_spaced_hyphen_kept():
    drafts = text_to_drafts("phát triển kinh tế -\nxã hội và chuyển đổi số, tăng cường ứng dụng công nghệ thông tin trong quản lý, điều hành; phát tri-\nển")
    assert drafts[0].text.endswith("kinh tế - xã hội và chuyển đổi số, tăng cường ứng dụng công nghệ thông tin trong quản lý, điều hành; phát triển")


def test_labels_and_headings(seed_docs):
    blocks = [b for b in seed_docs["001"].blocks if b.kind != "table"]

    def kind(start: str) -> str:
        return next(b.kind for b in blocks if b.text.startswith(start))

    assert kind("II. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN") == "heading"
    assert kind("CẢI THIỆN CHỈ SỐ HIỆU QUẢ QUẢN TRỊ") == "heading"
    assert kind("1.1. Chỉ số nội dung “Tham gia") == "list_item"
    assert kind("a) Thực hiện tốt Pháp lệnh") == "list_item"
    assert kind("đ) Công khai các quy hoạch đất") == "list_item"
    assert kind("- Tăng cường tuyên truyền chính") == "list_item"
    assert kind("Năm 2021, Chỉ số Hiệu quả quản") == "paragraph"
    drafts = text_to_drafts("+ Tuyên truyền về ý nghĩa\n• Công khai số điện thoại\n1.1 Xây dựng kế hoạch\nI. Mục tiêu chung")
    assert [d.kind for d in drafts] == ["list_item"] * 4


def test_flattened_appendix_becomes_a_table(seed_docs):
    doc = seed_docs["001"]
    assert_offsets(doc)
    rows = appendix(doc)
    assert rows[0] == [
        "TT",
        "Nhiệm vụ trọng tâm",
        "Tổ chức, cá nhân chủ trì thực hiện",
        "Tổ chức, cá nhân chịu trách nhiệm phối hợp/ thực hiện",
        "Thời gian hoàn thành",
    ]
    assert rows[2] == [
        "1.1",
        "Xây dựng kế hoạch, quán triệt triển khai Pháp lệnh dân chủ ở xã, phường, thị trấn",
        "Sở Nội vụ",
        "UBND cấp huyện",
        "Trước ngày 5/7/2022",
    ]
    assert all(len(r) == 5 for r in rows)
    separators = [i for i, r in enumerate(rows) if not any(r)]
    data = [r for r in rows[1:] if any(r)]
    # counted by reading the seed: groups 1..7 plus a second "7.x" group (3+6+5+6+3+8+3+5 rows),
    # each group opened by a row of empty cells (the lost group-header row)
    assert len(separators) == 8
    assert len(data) == 39
    assert [r[0] for r in data[:4]] == ["1.1", "1.2", "1.3", "2.1"]
    assert data[-1] == [
        "7.5",
        "Tiếp cận và sử dụng internet tại địa phương.",
        "Sở Thông tin và Truyền thông",
        "Các nhà mạng cung cấp dịch vụ và đơn vị có liên quan",
        "Thường xuyên",
    ]
    # the table block's text reads row by row
    block = next(b for b in doc.blocks if b.rows is rows)
    assert "1.1 | Xây dựng kế hoạch, quán triệt" in block.text


def test_flattened_document_header_is_a_two_by_two_table(seed_docs):
    first = seed_docs["001"].blocks[0]
    assert first.kind == "table"
    assert first.rows == [
        ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["Số: 239/KH-UBND", "Lào Cai, ngày 30 tháng 6 năm 2022"],
    ]


def test_signature_cells_and_title_after_it(seed_docs):
    blocks = seed_docs["001"].blocks
    sig = next(b for b in blocks if b.kind == "table" and "TM. ỦY BAN NHÂN DÂN" in b.text)
    assert sig.rows == [["", "TM. ỦY BAN NHÂN DÂN"]]
    assert any(b.text == "NHIỆM VỤ CẢI THIỆN CHỈ SỐ NỘI DUNG VÀ NỘI DUNG THÀNH PHẦN" for b in blocks)


def test_short_row_resynchronises_on_the_next_label():
    cells = ["TT", "Nội dung", "Chủ trì", "1", "Rà soát TTHC", "2", "Công khai", "Sở Tư pháp"]
    assert chunk_rows(cells, 3) == [["TT", "Nội dung", "Chủ trì"], ["1", "Rà soát TTHC", ""], ["2", "Công khai", "Sở Tư pháp"]]


def test_lost_group_row_with_fewer_empty_cells():
    text = "STT |\nNội dung |\nĐơn vị chủ trì |\n|\n|\n1 |\nRà soát thủ tục hành chính |\nSở Tư pháp |"
    (table,) = [d for d in text_to_drafts(text) if d.kind == "table"]
    assert table.rows == [["STT", "Nội dung", "Đơn vị chủ trì"], ["", "", ""], ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp"]]


def test_wrapped_cell_lines_join():
    text = "TT |\nNhiệm vụ |\nCơ quan chủ trì |\n1 |\nTổ chức gặp gỡ, đối thoại\ntrực tiếp với người dân |\nChủ tịch UBND\ncấp huyện |"
    (table,) = [d for d in text_to_drafts(text) if d.kind == "table"]
    assert table.rows[1] == ["1", "Tổ chức gặp gỡ, đối thoại trực tiếp với người dân", "Chủ tịch UBND cấp huyện"]
    assert squash(table.text).startswith("TT | Nhiệm vụ | Cơ quan chủ trì")


def test_tab_separated_rows_are_a_table() -> None:
    # a table copied from Word into a portal's text box keeps its cells apart with tabs
    from vanban.ingest.read import ingest_bytes

    text = ("PHỤ LỤC\nTT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\n"
            "1\tXây dựng kế hoạch tuyên truyền\tSở Nội vụ\tUBND cấp huyện\tQuý II/2024\n"
            "2\tCông khai thủ tục hành chính\tVăn phòng UBND tỉnh\tCác sở, ban, ngành\tThường xuyên\n"
            "Một dòng\tcó một tab thì không phải bảng.\n")
    doc = ingest_bytes(text.encode("utf-8"), "t.txt")
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert table.rows[1] == ["1", "Xây dựng kế hoạch tuyên truyền", "Sở Nội vụ", "UBND cấp huyện", "Quý II/2024"]
    assert "\t" not in doc.text


def test_a_name_wrapped_before_its_last_word_is_joined() -> None:
    # seed 001: "(Kèm theo Kế hoạch số 239/KH-UBND … của UBND tỉnh Lào" / "Cai)"
    from vanban.ingest.read import ingest_bytes

    doc = ingest_bytes("(Kèm theo Kế hoạch số 239/KH-UBND ngày 30 tháng 6 năm 2022 của UBND tỉnh Lào\nCai)\n"
                       "1. Sở Nội vụ\n2. Công an tỉnh\n".encode(), "t.txt")
    assert [b.text for b in doc.blocks] == [
        "(Kèm theo Kế hoạch số 239/KH-UBND ngày 30 tháng 6 năm 2022 của UBND tỉnh Lào Cai)",
        "1. Sở Nội vụ", "2. Công an tỉnh"]


def test_a_subject_line_wrapped_inside_an_index_name_and_before_its_salutation() -> None:
    # a district letter's narrow "V/v" column: "… PAPI, PAR" / "INDEX năm 2024 …" / "Kính gửi:"
    from vanban.ingest.read import ingest_bytes

    doc = ingest_bytes("V/v triển khai các giải pháp nâng cao Chỉ số PAPI, PAR\nINDEX năm 2024 trên địa bàn huyện\n\n"
                       "Kính gửi:\n- Chủ tịch UBND các xã, thị trấn.\n".encode(), "t.txt")
    assert [b.text for b in doc.blocks][:2] == [
        "V/v triển khai các giải pháp nâng cao Chỉ số PAPI, PAR INDEX năm 2024 trên địa bàn huyện", "Kính gửi:"]


def test_a_cell_holding_a_list_over_many_lines_stays_in_its_table() -> None:
    # a flattened appendix whose task cell is itself a list of four lines
    from vanban.ingest.read import ingest_bytes

    text = ("TT |\nNội dung |\nĐơn vị chủ trì |\nĐơn vị phối hợp |\nThời gian |\n1 |\n"
            "- Rà soát thủ tục hành chính;\n- Công khai thủ tục hành chính;\n- Cập nhật cơ sở dữ liệu;\n"
            "- Báo cáo kết quả. |\nVăn phòng UBND tỉnh |\nCác sở, ban, ngành |\nQuý II/2024 |\n"
            "2 |\nTuyên truyền về Chỉ số PAPI |\nSở Thông tin và Truyền thông |\nUBND cấp huyện |\nThường xuyên |\n")
    (table,) = [b for b in ingest_bytes(text.encode(), "t.txt").blocks if b.kind == "table"]
    assert [r[0] for r in table.rows] == ["TT", "1", "2"]
    assert table.rows[1][1].startswith("- Rà soát thủ tục hành chính;") and table.rows[1][2] == "Văn phòng UBND tỉnh"


@pytest.mark.parametrize("text", [
    # one row a line with " | " between cells, as some portals render a table as text
    "STT | Nội dung | Cơ quan chủ trì | Thời gian\n1 | Rà soát thủ tục hành chính | Văn phòng UBND tỉnh | Quý II/2024\n",
    # the same as a Markdown table
    "| STT | Nội dung | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n"
    "| 1 | Rà soát thủ tục hành chính | Văn phòng UBND tỉnh | Quý II/2024 |\n",
    # the same with no rule line: each row opens and closes with "|" (a table copied row by row)
    "| STT | Nội dung | Cơ quan chủ trì | Thời gian |\n"
    "| 1 | Rà soát thủ tục hành chính | Văn phòng UBND tỉnh | Quý II/2024 |\n",
])
def test_rows_on_one_line_with_pipes(text: str) -> None:
    from vanban.ingest.read import ingest_bytes

    (table,) = [b for b in ingest_bytes(text.encode(), "t.txt").blocks if b.kind == "table"]
    assert table.rows == [["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian"],
                          ["1", "Rà soát thủ tục hành chính", "Văn phòng UBND tỉnh", "Quý II/2024"]]


# collapse and is_all_caps take shortcuts; these hold them to the plain definitions.
_SPACED = st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\xa0", "\u2028", "\x85", "a", "Ủy", "B", "|", "-"]), max_size=12)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), _SPACED.map("".join)))
def test_collapse_is_one_space_for_every_run(text: str) -> None:
    assert collapse(text) == re.sub(r"\s+", " ", text).strip()


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(["KẾ", "HOẠCH", "Ủy", "ban", " ", "1.", "ⅰ", "ª"]), max_size=8).map(" ".join)))
def test_is_all_caps_is_four_upper_case_letters_in_two_words(text: str) -> None:
    letters = [c for c in text if c.isalpha()]
    expected = len(letters) >= 4 and all(c.isupper() for c in letters) and len(text.split()) >= 2
    assert is_all_caps(text) == expected


def test_a_line_wrapped_before_a_capitalised_unit_is_joined() -> None:
    # a PDF's text keeps the page's line breaks; these lines stop on "và", "của" and a comma
    drafts = text_to_drafts(
        "3. Giao Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành và\n"
        "UBND các huyện, thị xã, thành phố triển khai thực hiện Kế hoạch của\n"
        "Ủy ban nhân dân tỉnh về cải cách hành chính; phối hợp với Sở Tài chính,\n"
        "Sở Kế hoạch và Đầu tư bố trí kinh phí.\n"
        "4. Sở Tài chính thẩm định dự toán.")
    assert [d.text for d in drafts] == [
        "3. Giao Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành và UBND các huyện, thị xã, thành phố "
        "triển khai thực hiện Kế hoạch của Ủy ban nhân dân tỉnh về cải cách hành chính; phối hợp với "
        "Sở Tài chính, Sở Kế hoạch và Đầu tư bố trí kinh phí.",
        "4. Sở Tài chính thẩm định dự toán."]


@pytest.mark.parametrize("text", [
    "Xét đề nghị của Giám đốc Sở Nội vụ,\nQUYẾT ĐỊNH:",  # a line in capitals opens its own part
    "Kính gửi:\n- Sở Nội vụ,\n- Sở Tư pháp.",  # bullets stay items
    "1. Đối với các sở và\n2. Đối với UBND cấp huyện",  # a numbered item stays an item
])
def test_a_comma_or_open_word_does_not_join_a_new_part(text) -> None:
    assert len(text_to_drafts(text)) == text.count("\n") + 1


def test_the_wrapped_unit_is_a_support_unit_not_a_task_of_its_own() -> None:
    from vanban.extract.pipeline import extract_document
    from vanban.ingest.read import ingest_bytes

    doc = ingest_bytes(("UBND TỈNH LÀO CAI\nSố: 5/KH-UBND\nLào Cai, ngày 2 tháng 3 năm 2024\nKẾ HOẠCH\n"
                        "Cải cách hành chính năm 2024\n"
                        "1. Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành và\n"
                        "UBND các huyện, thành phố tổ chức kiểm tra công tác cải cách hành chính.\n").encode(),
                       "kh.txt")
    tasks = extract_document(doc).tasks
    assert [(t.lead[0].text, [u.text for u in t.support]) for t in tasks] == [
        ("Sở Nội vụ", ["các sở, ban, ngành", "UBND các huyện, thành phố"])]


def test_a_sentence_wrapped_before_its_date_or_quarter_is_joined() -> None:
    # a PDF line ending on "trước ngày" or "trong quý": the deadline stands on the next line
    drafts = text_to_drafts("1. Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước ngày\n30/6/2024.\n"
                            "2. Sở Tư pháp rà soát văn bản trong quý\nIII/2024.\n"
                            "3. Sở Tài chính:\n1.1 Bố trí kinh phí")
    assert [d.text for d in drafts] == [
        "1. Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước ngày 30/6/2024.",
        "2. Sở Tư pháp rà soát văn bản trong quý III/2024.",
        "3. Sở Tài chính:", "1.1 Bố trí kinh phí"]  # a numbered label still opens an item


def test_a_wrap_before_a_year_or_after_a_labels_colon_is_joined() -> None:
    # QA round 7: hard-wrapped copies broke "… năm" / "2024, hoàn thành …" and "thời gian thực hiện:" / "trước ngày …"
    drafts = text_to_drafts("a) Tham mưu UBND huyện tổ chức Hội nghị đối thoại doanh nghiệp năm\n2024, hoàn thành trong "
                            "Quý II/2024.\nb) Rà soát quỹ đất sạch; thời gian thực hiện:\ntrước ngày 30/6/2024.\n"
                            "c) Các nội dung sau:\n- Công khai quy hoạch")
    assert [d.text for d in drafts] == [
        "a) Tham mưu UBND huyện tổ chức Hội nghị đối thoại doanh nghiệp năm 2024, hoàn thành trong Quý II/2024.",
        "b) Rà soát quỹ đất sạch; thời gian thực hiện: trước ngày 30/6/2024.",
        "c) Các nội dung sau:", "- Công khai quy hoạch"]


def test_a_table_copied_one_cell_a_line_is_a_table() -> None:
    # QA round 7: a PDF's appendix copied as text, every cell on its own line(s); a cell's wrapped
    # lines are joined, a group row is short, and a page break inside a row leaves the page's number
    # and the gazette's header, which go
    text = ("PHỤ LỤC\nTT\nNhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian\nhoàn thành\n"
            "I\nCHỈ SỐ PAPI\n1\nCông khai danh sách hộ nghèo, hộ cận nghèo,\ncác khoản thu, chi ngân sách xã\n"
            "UBND các xã, thị trấn\nPhòng Nội vụ; Phòng Tài\nchính - Kế hoạch\nThường xuyên\n"
            "2\nTiếp công dân định kỳ, giải quyết kịp thời\nkhiếu nại, tố cáo ngay từ cơ sở\nThanh tra huyện\n2\n"
            "CÔNG BÁO/Số 21/Ngày 10-6-2025  36\nBan Tiếp công dân huyện\nĐịnh kỳ hằng\ntháng\n"
            "Nơi nhận:\n- Lưu: VT.")
    drafts = text_to_drafts(text)
    (table,) = [d for d in drafts if d.kind == "table"]
    assert table.rows == [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
        ["I", "CHỈ SỐ PAPI", "", "", ""],
        ["1", "Công khai danh sách hộ nghèo, hộ cận nghèo, các khoản thu, chi ngân sách xã", "UBND các xã, thị trấn",
         "Phòng Nội vụ; Phòng Tài chính - Kế hoạch", "Thường xuyên"],
        ["2", "Tiếp công dân định kỳ, giải quyết kịp thời khiếu nại, tố cáo ngay từ cơ sở", "Thanh tra huyện",
         "Ban Tiếp công dân huyện", "Định kỳ hằng tháng"]]
    assert [d.text for d in drafts if d.kind != "table"] == ["PHỤ LỤC", "Nơi nhận:", "- Lưu: VT."]


def test_a_hard_wrapped_copy_keeps_a_one_cell_a_line_table_apart() -> None:
    # QA round 11: a copy wrapped at ~90 characters whose table cells fill a line each; joined at
    # the margin, a task cell had taken in the unit and time cells under it
    text = ("Thực hiện Kế hoạch của UBND tỉnh, Sở Nội vụ hướng dẫn các cơ quan triển khai các nội dung sau\n"
            "đây để cải thiện Chỉ số PAPI của tỉnh trong năm 2026 và những năm tiếp theo một cách hiệu quả.\n"
            "STT\nNhiệm vụ\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời hạn\n1\n"
            "Tổ chức đối thoại giữa Chủ tịch UBND cấp xã với người dân về các vấn đề người dân quan tâm\n"
            "UBND các xã, phường\nỦy ban MTTQ Việt Nam cấp xã\nHằng quý\n2\n"
            "Thanh tra việc thực hiện pháp luật về phòng, chống tham nhũng tại các cơ quan có nguy cơ cao\n"
            "Thanh tra tỉnh\nSở Nội vụ; Công an tỉnh\nQuý II/2026\n")
    lines = join_wrapped_lines(text).split("\n")
    assert lines[0].endswith("các nội dung sau đây để cải thiện Chỉ số PAPI của tỉnh trong năm 2026 và những năm "
                             "tiếp theo một cách hiệu quả.")
    assert lines[1:] == text.split("\n")[2:]
    (table,) = [d for d in text_to_drafts("\n".join(lines)) if d.kind == "table"]
    assert table.rows[2] == ["2", "Thanh tra việc thực hiện pháp luật về phòng, chống tham nhũng tại các cơ quan có "
                             "nguy cơ cao", "Thanh tra tỉnh", "Sở Nội vụ; Công an tỉnh", "Quý II/2026"]


def test_short_lines_with_header_words_and_no_numbered_row_stay_prose() -> None:
    drafts = text_to_drafts("STT\nNhiệm vụ\nĐơn vị chủ trì\nThời gian\nCác nội dung trên được triển khai trong năm.")
    assert all(d.kind != "table" for d in drafts)


def test_text_copied_from_a_pdf_keeps_its_width_and_is_joined_at_the_margin() -> None:
    # QA round 7: a copy wrapped at ~90 characters breaks "vận hành Bộ phận" / "Một cửa huyện", a
    # partner's name "Viettel Điện" / "Biên"; a text typed a paragraph a line is left as it is
    from vanban.ingest.read import ingest_bytes
    from vanban.ingest.text import is_hard_wrapped

    wrapped = ("III. TỔ CHỨC THỰC HIỆN\n"
               "1. Phòng Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị tổ chức triển khai Kế hoạch này;\n"
               "tổng hợp, báo cáo kết quả thực hiện về UBND huyện theo định kỳ 6 tháng và năm trước ngày\n"
               "15/6/2026.\n"
               "2. Văn phòng HĐND và UBND huyện: Chủ trì kiểm soát thủ tục hành chính, vận hành Bộ phận\n"
               "Một cửa huyện bảo đảm 100% hồ sơ được tiếp nhận, xử lý trên Hệ thống thông tin giải\n"
               "quyết thủ tục hành chính tỉnh; thường xuyên.\n"
               "3. Sở Khoa học và Công nghệ chủ trì, phối hợp với Viễn thông Điện Biên, Viettel Điện\n"
               "Biên phủ sóng di động, Internet cho các bản chưa có sóng tại huyện Mường Nhé, Nậm Pồ;\n"
               "hoàn thành trong tháng 12/2026 và báo cáo kết quả về Sở Nội vụ để tổng hợp chung.\n"
               "4. Phòng Tư pháp hướng dẫn UBND các xã thực hiện chứng thực điện tử theo quy định.\n")
    assert is_hard_wrapped(wrapped)
    texts = [b.text for b in ingest_bytes(wrapped.encode(), "kh.txt").blocks]
    assert any(t.startswith("2. Văn phòng HĐND") and "Bộ phận Một cửa huyện" in t and t.endswith("thường xuyên.")
               for t in texts)
    assert any("Viettel Điện Biên phủ sóng" in t for t in texts)
    typed = re.sub(r"\n(?!\d\.)", " ", wrapped)  # each item on one line, as typed
    assert not is_hard_wrapped(typed + "5. Sở Tài chính bố trí kinh phí.\n" * 8)


def test_a_sentence_wrapped_before_a_quoted_name_is_joined() -> None:
    drafts = text_to_drafts("3. Sở Tư pháp chủ trì thực hiện nội dung\n“Công khai, minh bạch” trong năm 2024.")
    assert [d.text for d in drafts] == ["3. Sở Tư pháp chủ trì thực hiện nội dung “Công khai, minh bạch” trong năm 2024."]


def test_a_bare_number_on_its_own_line_is_not_joined() -> None:
    # an unruled table's text: a cell a line, the row number alone
    drafts = text_to_drafts("Thời gian hoàn thành\n1\nXây dựng kế hoạch tuyên truyền\nSở Nội vụ\nQuý II/2024\n2\n"
                            "Tổ chức hội nghị")
    assert [d.text for d in drafts][:3] == ["Thời gian hoàn thành", "1", "Xây dựng kế hoạch tuyên truyền"]
    assert "2" in [d.text for d in drafts]


def test_the_wrapped_date_is_the_tasks_deadline() -> None:
    from vanban.extract.pipeline import extract_document
    from vanban.ingest.read import ingest_bytes

    doc = ingest_bytes(("UBND TỈNH LÀO CAI\nSố: 5/KH-UBND\nLào Cai, ngày 2 tháng 3 năm 2024\nKẾ HOẠCH\n"
                        "Cải cách hành chính năm 2024\n"
                        "1. Sở Nội vụ chủ trì tổng hợp, báo cáo UBND tỉnh trước ngày\n30/6/2024.\n").encode(), "kh.txt")
    [task] = extract_document(doc).tasks
    assert task.deadline is not None and task.deadline.date.isoformat() == "2024-06-30"


def test_a_row_by_row_table_keeps_its_empty_cells_in_their_columns() -> None:
    # a group row "| I | CẢI CÁCH THỂ CHẾ | | |" was read as flattened cells, shifted one column right
    from vanban.ingest.read import ingest_bytes

    text = ("| TT | Nội dung công việc | Cơ quan chủ trì | Thời gian hoàn thành |\n"
            "| I | CẢI CÁCH THỂ CHẾ | | |\n"
            "| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Quý III/2024 |\n")
    (table,) = [b for b in ingest_bytes(text.encode(), "t.txt").blocks if b.kind == "table"]
    assert table.rows[1:] == [["I", "CẢI CÁCH THỂ CHẾ", "", ""],
                              ["1", "Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp", "Quý III/2024"]]


@pytest.mark.parametrize("sep", [" | ", "\t"])
def test_group_rows_with_empty_cells_in_a_one_row_a_line_table(sep: str) -> None:
    # "I | THAM GIA CỦA NGƯỜI DÂN Ở CẤP CƠ SỞ | | |": the flattened reading claimed the row's
    # trailing "|" and lost the table; a tab table lost its group rows' empty cells
    from vanban.ingest.read import ingest_bytes

    rows = [["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian"],
            ["I", "THAM GIA CỦA NGƯỜI DÂN Ở CẤP CƠ SỞ", "", ""],
            ["1", "Triển khai Luật Thực hiện dân chủ ở cơ sở", "Phòng Nội vụ", "Thường xuyên"],
            ["II", "CÔNG KHAI, MINH BẠCH", "", ""],
            ["1", "Công khai danh sách hộ nghèo", "UBND các xã, thị trấn", "Tháng 12/2024"]]
    text = "\n".join(sep.join(r).rstrip() if sep == "\t" else sep.join(r) for r in rows) + "\n"
    (table,) = [b for b in ingest_bytes(text.encode(), "t.txt").blocks if b.kind == "table"]
    assert table.rows == rows


@pytest.mark.parametrize("text", [
    # a leading-pipe row whose task cell wrapped onto the next line
    "| TT | Nhiệm vụ | Thời gian | Cơ quan phối hợp |\n| 1 | Khảo sát ý kiến người dân theo phương pháp SIPAS của\n"
    "Bộ Nội vụ | Quý III/2025 | UBND các xã |\n| 2 | Số hóa hồ sơ | Thường xuyên | |\n",
    # a tab row whose unit cell wrapped
    "TT\tNhiệm vụ\tThời gian\tCơ quan phối hợp\n1\tKhảo sát ý kiến người dân theo phương pháp SIPAS của\n"
    "Bộ Nội vụ\tQuý III/2025\tUBND các xã\n2\tSố hóa hồ sơ\tThường xuyên\tVăn phòng\n",
])
def test_a_cell_wrapped_onto_the_next_line_stays_in_its_row(text: str) -> None:
    from vanban.ingest.read import ingest_bytes

    (table,) = [b for b in ingest_bytes(text.encode(), "t.txt").blocks if b.kind == "table"]
    assert table.rows[1] == ["1", "Khảo sát ý kiến người dân theo phương pháp SIPAS của Bộ Nội vụ", "Quý III/2025",
                             "UBND các xã"]
    assert [r[0] for r in table.rows] == ["TT", "1", "2"]


def test_markdown_with_a_two_column_header_table_bold_cells_and_line_breaks() -> None:
    # a Markdown copy of a department's plan: the header as a two-column table with "<br>" in its
    # cells (it made the reader fail on an empty table), bold group rows
    from vanban.ingest.read import ingest_bytes

    text = ("| UBND TỈNH BÌNH ĐỊNH<br>**SỞ TƯ PHÁP** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |\n|---|---|\n"
            "| Số: 612/KH-STP | Bình Định, ngày 08 tháng 4 năm 2024 |\n\n"
            "| STT | Nội dung công việc | Đơn vị phối hợp | Thời gian hoàn thành |\n|:---:|---|---|:---:|\n"
            "| **I** | **VĂN PHÒNG SỞ** | | |\n| 1 | Cập nhật thủ tục hành chính | Các phòng chuyên môn | Thường xuyên |\n")
    doc = ingest_bytes(text.encode(), "kh.md")
    assert doc.media_type == "text"
    assert "UBND TỈNH BÌNH ĐỊNH\n\nSỞ TƯ PHÁP" in doc.text and "**" not in doc.text
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert table.rows[1] == ["I", "VĂN PHÒNG SỞ", "", ""]


def test_a_date_line_under_a_headline_stays_apart() -> None:
    from vanban.ingest.read import ingest_bytes

    doc = ingest_bytes("Thừa Thiên Huế: Khắc phục hạn chế, nâng cao Chỉ số PAPI\n15/05/2024 10:20\n".encode(), "n.txt")
    assert [b.text for b in doc.blocks] == ["Thừa Thiên Huế: Khắc phục hạn chế, nâng cao Chỉ số PAPI", "15/05/2024 10:20"]
    doc = ingest_bytes("báo cáo UBND tỉnh trước ngày\n30/6/2024\n".encode(), "n.txt")
    assert [b.text for b in doc.blocks] == ["báo cáo UBND tỉnh trước ngày 30/6/2024"]


@pytest.mark.parametrize("lines,joined", [
    # a title wrapped before its bracket, and after it
    (["Cải thiện, nâng cao Chỉ số Hiệu quả quản trị và hành chính công", "(PAPI) trên địa bàn huyện Krông Pắc năm 2024"],
     "Cải thiện, nâng cao Chỉ số Hiệu quả quản trị và hành chính công (PAPI) trên địa bàn huyện Krông Pắc năm 2024"),
    (["Nâng cao Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", "tỉnh Bắc Giang năm 2024"],
     "Nâng cao Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) tỉnh Bắc Giang năm 2024"),
])
def test_a_line_wrapped_at_a_bracket(lines: list[str], joined: str) -> None:
    from vanban.ingest.read import ingest_bytes

    doc = ingest_bytes(("KẾ HOẠCH\n" + "\n".join(lines) + "\n").encode(), "kh.txt")
    assert [b.text for b in doc.blocks] == ["KẾ HOẠCH", joined]


def test_an_item_ending_a_sentence_then_a_bracket_line_stays_apart() -> None:
    from vanban.ingest.read import ingest_bytes

    doc = ingest_bytes("2. Rà soát, niêm yết công khai bộ thủ tục hành chính cấp xã.\n(Giao Trung tâm Phục vụ hành chính "
                       "công phường)\n".encode(), "kh.txt")
    assert len(doc.blocks) == 2


def test_a_line_ending_on_tham_muu_goes_on_over_a_unit() -> None:
    from vanban.ingest.read import ingest_bytes

    doc = ingest_bytes("a) Phòng Nội vụ tham mưu\nUBND huyện ban hành kế hoạch kiểm tra công vụ.\n".encode(), "kh.txt")
    assert [b.text for b in doc.blocks] == ["a) Phòng Nội vụ tham mưu UBND huyện ban hành kế hoạch kiểm tra công vụ."]


def test_a_line_ending_on_chi_so_goes_on_over_the_index_name() -> None:
    from vanban.ingest.read import ingest_bytes

    doc = ingest_bytes("- Tuyên truyền sâu rộng về Chỉ số\nPAPI năm 2024 đến Nhân dân.\n".encode(), "kh.txt")
    assert [b.text for b in doc.blocks] == ["- Tuyên truyền sâu rộng về Chỉ số PAPI năm 2024 đến Nhân dân."]


def test_a_page_break_copied_from_a_pdf_inside_an_item() -> None:
    # a hard-wrapped plan copied out of a PDF (QA round 4): the page number and the next page's
    # running header stand in the middle of item 1; a row number after a finished line stays
    from vanban.ingest.read import ingest_bytes

    text = ("1. Sở Nội vụ hướng dẫn UBND các xã, phường thực hiện quy chế dân chủ ở cơ sở, báo cáo\n\n2\n"
            "Kế hoạch nâng cao các Chỉ số PAR INDEX, SIPAS, PAPI tỉnh Cà Mau năm 2026\n\n"
            "kết quả về UBND tỉnh trước ngày 30/6/2026.\n3. Sở Khoa học và Công nghệ\n\n3\n"
            "Kế hoạch nâng cao các Chỉ số PAR INDEX, SIPAS, PAPI tỉnh Cà Mau năm 2026\n\n"
            "Chủ trì triển khai nền tảng số dùng chung cho cấp xã.\nTổng số nhiệm vụ:\n2\n")
    assert [b.text for b in ingest_bytes(text.encode(), "t.txt").blocks] == [
        "1. Sở Nội vụ hướng dẫn UBND các xã, phường thực hiện quy chế dân chủ ở cơ sở, báo cáo kết quả về UBND "
        "tỉnh trước ngày 30/6/2026.",
        "3. Sở Khoa học và Công nghệ",
        "Chủ trì triển khai nền tảng số dùng chung cho cấp xã.",
        "Tổng số nhiệm vụ:",
        "2",
    ]


@pytest.mark.parametrize(("first", "second", "joined"), [
    # a clause wrapped after its semicolon, the next line in lower case
    ("a) Theo dõi việc giải quyết thủ tục hành chính của các cơ quan, địa phương;",
     "công khai kết quả trên Cổng Dịch vụ công của tỉnh hằng tháng.", True),
    # a wrapped line opening with the document's type that refers back to it
    ("2. Thủ trưởng các sở, ban, ngành tỉnh tổ chức triển khai", "Kế hoạch; định kỳ hằng quý báo cáo.", True),
    ("1. Sở Nội vụ hướng dẫn các xã thực hiện", "Chỉ thị này, báo cáo kết quả hằng quý.", True),
    # a document number wrapped at its hyphen keeps the hyphen
    ("Căn cứ Quyết định số 892/QĐ-", "UBND ngày 20/5/2025 của UBND tỉnh;", True),
    # a heading line, a new item and a finished clause are not continuations
    ("1. Sở Nội vụ hướng dẫn các xã thực hiện", "Kế hoạch nâng cao Chỉ số PAPI năm 2026", False),
    ("- Như trên;", "- Lưu: VT.", False),
    ("Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Nghị định số 30/2020/NĐ-CP;", False),
])
def test_wrapped_lines_rejoined(first: str, second: str, joined: bool) -> None:
    from vanban.ingest.read import ingest_bytes

    blocks = [b.text for b in ingest_bytes(f"{first}\n{second}\n".encode(), "t.txt").blocks]
    glue = "" if first.endswith("-") else " "
    assert blocks == ([first + glue + second] if joined else [first, second])


@pytest.mark.parametrize("page_break", ["\n\n6\n\n", "\n6\n", "\n\n"])
def test_a_row_broken_by_a_page_goes_on_after_it(page_break: str) -> None:
    # QA round 9 (a district's PAPI plan copied out of a PDF): the page number and blank lines
    # inside a wrapped row neither end the table nor join the cell
    text = ("STT | Nội dung công việc | Đơn vị thực hiện | Đơn vị phối hợp | Thời hạn hoàn thành\n"
            "1 | Giải quyết dứt điểm đơn thư tồn đọng | Thanh tra huyện | UBND các xã | Trước ngày 30/9/2024\n"
            "2 | Kiểm tra việc thực hiện quy tắc ứng xử tại Bộ phận tiếp nhận và trả kết quả"
            f"{page_break}cấp xã | Phòng Nội vụ | Thanh tra huyện | Quý IV/2024\n"
            "3 | Công khai kết quả tuyển dụng công chức | Phòng Nội vụ | Các cơ quan, đơn vị | Thường xuyên\n")
    (table,) = [d for d in text_to_drafts(text) if d.kind == "table"]
    assert table.rows[2] == ["2", "Kiểm tra việc thực hiện quy tắc ứng xử tại Bộ phận tiếp nhận và trả kết quả cấp xã",
                             "Phòng Nội vụ", "Thanh tra huyện", "Quý IV/2024"]
    assert len(table.rows) == 4


def test_two_tables_apart_stay_apart() -> None:
    text = ("TT | Nhiệm vụ | Đơn vị chủ trì\n1 | Rà soát thủ tục | Sở Nội vụ\n\n"
            "TT | Chỉ tiêu | Kết quả\n1 | Tỷ lệ hồ sơ đúng hạn | 98%\n")
    assert len([d for d in text_to_drafts(text) if d.kind == "table"]) == 2


def test_a_letterhead_and_signature_laid_out_in_two_columns_read_a_column_at_a_time() -> None:
    # QA round 9 (a Công văn copied out of a PDF with its layout): read across, the issuer ran into
    # the motto ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …") and became the items' lead
    from vanban.ingest.read import ingest_bytes
    from vanban.ingest.text import split_layout_columns

    head = ("ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "   TỈNH GIA LAI                                Độc lập - Tự do - Hạnh phúc\n"
            "Số: 17/UBND-NC                          Gia Lai, ngày 03 tháng 11 năm 2025\n\n")
    sign = ("Nơi nhận:                                             TM. ỦY BAN NHÂN DÂN\n"
            "- Sở Nội vụ (b/c);                                      KT. CHỦ TỊCH\n"
            "- CT, các PCT UBND huyện;\n"
            "- Lưu: VT, NV.                                        Nguyễn Thanh Bình\n")
    body = "UBND tỉnh yêu cầu các cơ quan, đơn vị thực hiện một số nội dung sau:\n1. Cử 01 công chức tham dự Hội nghị.\n\n"
    assert [ln for ln in split_layout_columns(head + body + "\n" * 12 + sign).split("\n") if ln] == [
        "ỦY BAN NHÂN DÂN", "TỈNH GIA LAI", "Số: 17/UBND-NC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Gia Lai, ngày 03 tháng 11 năm 2025", *[ln for ln in body.split("\n") if ln],
        "Nơi nhận:", "- Sở Nội vụ (b/c);", "- CT, các PCT UBND huyện;", "- Lưu: VT, NV.",
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Nguyễn Thanh Bình"]
    doc = ingest_bytes((head + body).encode("utf-8"), "cv.txt")
    assert "ỦY BAN NHÂN DÂN CỘNG HÒA" not in doc.text and doc.blocks[1].text == "TỈNH GIA LAI"


def test_a_subject_line_beside_the_place_and_date_wraps_under_itself() -> None:
    # QA round 11 (a Công văn copied with pdftotext -layout)
    from vanban.ingest.text import split_layout_columns

    text = ("Số: 9125/UBND-NC\nV/v đôn đốc thực hiện các nhiệm vụ                Đồng Nai, ngày 02 tháng 12 năm 2025\n"
            "cải thiện Chỉ số PAR INDEX, SIPAS,\nPAPI năm 2025\n\n          Kính gửi: Các sở, ban, ngành tỉnh.\n")
    assert split_layout_columns(text).split("\n")[:5] == [
        "Số: 9125/UBND-NC", "V/v đôn đốc thực hiện các nhiệm vụ", "cải thiện Chỉ số PAR INDEX, SIPAS,", "PAPI năm 2025",
        "Đồng Nai, ngày 02 tháng 12 năm 2025"]


def test_spaces_inside_a_body_line_split_nothing() -> None:
    from vanban.ingest.text import split_layout_columns

    text = "\n" * 20 + "1. Sở Nội vụ chủ trì,      phối hợp với Sở Tư pháp rà soát thủ tục.\n"
    assert split_layout_columns(text) == text


def test_a_letterhead_read_across_with_one_space_is_split_at_the_motto() -> None:
    # QA round 11: a Sở's PDF whose text layer puts one space between the columns; the issuer
    # and "Độc" had become a task's lead and "lập - Tự do - Hạnh phúc" its text
    from vanban.ingest.text import split_layout_columns

    text = ("UBND TỈNH TUYÊN QUANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc\n"
            "Số: 1845/SNV-CCHC Tuyên Quang, ngày 22 tháng 10 năm 2025\n"
            "Sở Nội vụ đề nghị các sở, ban, ngành tỉnh rà soát, công khai thông tin. Độc lập - Tự do là …\n")
    assert split_layout_columns(text).split("\n")[:5] == [
        "UBND TỈNH TUYÊN QUANG", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 1845/SNV-CCHC Tuyên Quang, ngày 22 tháng 10 năm 2025"]
    assert split_layout_columns(text).split("\n")[5] == text.split("\n")[3]  # a sentence is no letterhead


def test_a_page_number_and_numbered_running_header_between_two_items_go() -> None:
    # QA round 9 (a plan copied out of a PDF): the page broke between two items, after a finished sentence
    lines = ["- Tổ chức Hội nghị đối thoại với cộng đồng doanh nghiệp năm 2025.", "", "2",
             "Kế hoạch số 14/KH-UBND ngày 22/9/2025 của UBND tỉnh Tây Ninh", "", "2. Sở Nội vụ:"]
    assert [ln for ln in drop_page_breaks(lines) if ln] == [lines[0], "2. Sở Nội vụ:"]
    # an unruled table's row number before a row opening with a type stays
    assert drop_page_breaks(["Thường xuyên.", "2", "Kế hoạch tuyên truyền về Chỉ số PAPI"]) == [
        "Thường xuyên.", "2", "Kế hoạch tuyên truyền về Chỉ số PAPI"]


def test_a_page_number_between_an_items_clauses_goes() -> None:
    # QA round 11 (a Chỉ thị copied out of a PDF, the page number set at the right margin)
    lines = ["a) Bố trí địa điểm tiếp công dân tại trụ sở UBND xã, thị trấn bảo đảm thuận tiện, an toàn;",
             " " * 80 + "2", "niêm yết công khai lịch tiếp công dân, nội quy tiếp công dân."]
    assert drop_page_breaks(lines) == [lines[0], lines[2]]
    # a row number of an unruled table, after a finished sentence, stays
    assert drop_page_breaks(["Thường xuyên.", "2", "Tổ chức đối thoại"]) == ["Thường xuyên.", "2", "Tổ chức đối thoại"]


@pytest.mark.parametrize("prev,nxt,joined", [
    # QA round 9: a unit's head at the line's end needs its name
    ("1. Xây dựng báo cáo kết quả, gửi về Sở", "Nội vụ trước ngày 20/11/2025.", True),
    ("Báo Hải Phòng", "Đài Phát thanh và Truyền hình Hải Phòng", False),
    # QA round 12: a long line ending on a verb whose object is a unit; a short heading does not go on
    ("Phòng Nội vụ huyện chủ trì, phối hợp với Phòng Tư pháp hướng dẫn",
     "UBND các xã, thị trấn tổ chức bầu cử trưởng thôn, khu phố đúng quy định,", True),
    ("1. Công tác lãnh đạo, chỉ đạo", "Ban Thường vụ Huyện ủy ban hành Nghị quyết chuyên đề.", False),
])
def test_a_line_ending_on_a_units_head_goes_on(prev: str, nxt: str, joined: bool) -> None:
    assert joins(prev, nxt) is joined


def test_a_full_line_ending_on_a_semicolon_wrapped_inside_its_article() -> None:
    # QA round 9 (a Quyết định drawn by fpdf2): the last article's list of officials wrapped at a ";"
    text = ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký, thay thế Quyết định số 12.\n"
            "Điều 4. Chánh Văn phòng UBND tỉnh; Giám đốc các sở: Nội vụ, Tài chính;\n"
            "Giám đốc Bưu điện tỉnh Lâm Đồng; Thủ trưởng các sở, ban, ngành; Chủ tịch\n"
            "UBND các xã, phường, đặc khu và các cơ quan, đơn vị có liên quan chịu trách\n"
            "nhiệm thi hành Quyết định này./.\n- Như Điều 4;\n- Lưu: VT, NC.\n")
    joined = join_wrapped_lines(text).split("\n")
    assert joined[1].startswith("Điều 4. Chánh Văn phòng UBND tỉnh; Giám đốc các sở: Nội vụ, Tài chính; Giám đốc Bưu điện")
    assert joined[1].endswith("thi hành Quyết định này./.") and joined[2] == "- Như Điều 4;"


def test_a_blank_line_is_an_empty_cell_of_a_one_cell_a_line_table() -> None:
    # QA round 15: a Word table copied one cell a line prints an empty partner cell as a blank
    # line; skipped, the time had become the partner and the task had no deadline
    text = ("PHỤ LỤC\nTT\nNội dung nhiệm vụ\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian hoàn thành\n1\n"
            "Tổ chức lấy ý kiến Nhân dân đối với các dự án có huy động đóng góp của người dân\n"
            "UBND các xã, phường\n\nThường xuyên\n2\n"
            "Rà soát, công khai danh sách hộ nghèo, hộ cận nghèo năm 2025\nUBND các xã, phường\nSở Nội vụ\n"
            "Tháng 12/2025\n")
    (table,) = [d for d in text_to_drafts(text) if d.kind == "table"]
    assert table.rows[1:] == [
        ["1", "Tổ chức lấy ý kiến Nhân dân đối với các dự án có huy động đóng góp của người dân",
         "UBND các xã, phường", "", "Thường xuyên"],
        ["2", "Rà soát, công khai danh sách hộ nghèo, hộ cận nghèo năm 2025", "UBND các xã, phường", "Sở Nội vụ",
         "Tháng 12/2025"]]


def test_a_heading_broken_a_word_a_line_is_joined() -> None:
    # a legal-text site's copy of a Quyết định (Bình Định, 636/QĐ-UBND): its narrow header cell
    # printed the type heading a syllable a line
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n--------\n|\nSố: 636/QĐ-UBND\n|\nQUYẾT\nĐỊNH\nVỀ\n"
            "VIỆC BAN HÀNH QUY ĐỊNH VỀ THEO DÕI ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH\n"
            "ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003;")
    lines = join_split_heading_words(text).split("\n")
    assert lines[6:8] == ["QUYẾT ĐỊNH", "VỀ VIỆC BAN HÀNH QUY ĐỊNH VỀ THEO DÕI ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH"]
    assert lines[:6] == text.split("\n")[:6] and lines[8:] == text.split("\n")[10:]
