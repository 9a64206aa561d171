"""Tasks from assignment tables: headings in any order, units split, group rows as areas.

The four-form test is the contract of issue 4: the appendix of Kế hoạch 239/KH-UBND (Lào
Cai, 2022) as flattened text, DOCX, PDF (split over pages) and HTML gives the same tasks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vanban.extract.pipeline import extract_document
from vanban.extract.table_tasks import column_role, find_header, read_rows, tasks_from_table
from vanban.ingest.read import ingest_file
from vanban.schema.models import Block

ROOT = Path(__file__).resolve().parents[2]
FORMS = [
    "corpus/seeds/001_269713fc64b6e22e.txt",
    "corpus/samples/001_kh239_laocai.docx",
    "corpus/samples/001_kh239_laocai_phuluc.pdf",
    "corpus/samples/001_kh239_laocai_phuluc_table.html",
]


def _table_tasks(path: str) -> list[tuple]:
    ext = extract_document(ingest_file(ROOT / path))
    return [
        (t.label, " ".join(t.text.split()), [u.text for u in t.lead], [u.text for u in t.support],
         t.deadline.raw if t.deadline else None, t.deadline.date if t.deadline else None, t.dimension)
        for t in ext.tasks if t.source_kind == "table"
    ]


def test_the_same_table_in_four_forms_gives_the_same_tasks() -> None:
    reference = _table_tasks(FORMS[0])
    assert len(reference) == 39
    assert reference[0] == ("1.1", "Xây dựng kế hoạch, quán triệt triển khai Pháp lệnh dân chủ ở xã, phường, thị trấn",
                            ["Sở Nội vụ"], ["UBND cấp huyện"], "Trước ngày 5/7/2022", dt.date(2022, 7, 5), 1)
    for form in FORMS[1:]:
        assert _table_tasks(form) == reference, form


@pytest.mark.parametrize("heading,role", [
    ("TT", "label"), ("STT", "label"),
    ("Nhiệm vụ trọng tâm", "task"), ("Nội dung công việc", "task"), ("Nội dung nhiệm vụ", "task"),
    ("Tổ chức, cá nhân chủ trì thực hiện", "lead"), ("Cơ quan chủ trì", "lead"), ("Đơn vị chủ trì", "lead"),
    ("Cơ quan thực hiện", "lead"), ("Tổ chức thực hiện", "lead"), ("Phân công thực hiện", "lead"),
    ("Cơ quan phối hợp thực hiện", "support"),
    ("Tổ chức, cá nhân chịu trách nhiệm phối hợp/ thực hiện", "support"), ("Đơn vị phối hợp", "support"),
    ("Thời gian hoàn thành", "deadline"), ("Thời hạn hoàn thành", "deadline"), ("Tiến độ", "deadline"),
    ("Sản phẩm", "product"), ("Ghi chú", "note"),
])
def test_column_roles_from_headings(heading: str, role: str) -> None:
    assert column_role(heading) == role


def _block(rows: list[list[str]]) -> Block:
    text = "\n".join(" | ".join(r) for r in rows)
    return Block(kind="table", text=text, start=0, end=len(text), rows=rows)


def test_columns_in_another_order_with_titled_group_rows() -> None:
    # the layout of many provinces' appendices: STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |
    # Sản phẩm | Thời gian, with group rows "I | Công khai, minh bạch" carrying the area's name
    rows = [
        ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian hoàn thành"],
        ["I", "CÔNG KHAI, MINH BẠCH", "", "", "", ""],
        ["1", "Công khai danh sách hộ nghèo tại trụ sở UBND cấp xã", "UBND cấp xã", "Sở Lao động - Thương binh và Xã hội",
         "Danh sách được niêm yết", "Quý II/2024"],
        ["II", "QUẢN TRỊ ĐIỆN TỬ", "", "", "", ""],
        ["1", "Nâng cấp Cổng thông tin điện tử tỉnh", "Sở Thông tin và Truyền thông", "Văn phòng UBND tỉnh",
         "Cổng được nâng cấp", "Tháng 9/2024"],
    ]
    got = tasks_from_table(_block(rows), 2024)
    assert [(t.label, row.group_title) for t, row in got] == [("1", "CÔNG KHAI, MINH BẠCH"), ("1", "QUẢN TRỊ ĐIỆN TỬ")]
    assert got[0][0].deadline.date == dt.date(2024, 6, 30)
    assert got[1][0].deadline.date == dt.date(2024, 9, 30)
    assert [u.text for u in got[1][0].support] == ["Văn phòng UBND tỉnh"]


def test_numbering_restart_starts_a_new_group() -> None:
    # seed 001: the last group is numbered 7.x again where 8.x was meant, with its title lost
    header = ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"]
    rows = [header, ["7.1", "Tuyên truyền bảo vệ môi trường", "Sở Tài nguyên và Môi trường", "", "Thường xuyên"],
            ["7.2", "Kiểm tra xả thải", "Sở Tài nguyên và Môi trường", "", "Thường xuyên"],
            ["7.1", "Đẩy mạnh ứng dụng CNTT", "Sở Thông tin và Truyền thông", "", "Thường xuyên"]]
    found = find_header(rows)
    assert found is not None
    assert [r.group for r in read_rows(rows, found)] == [1, 1, 2]


def test_a_table_without_task_and_lead_columns_gives_no_tasks() -> None:
    rows = [["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["Số: 239/KH-UBND", "Lào Cai, ngày 30 tháng 6 năm 2022"]]
    assert tasks_from_table(_block(rows), 2022) == []


def test_without_a_deadline_cell_the_task_text_gives_the_time() -> None:
    rows = [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"],
            ["1", "Tổ chức hội nghị đối thoại với người dân, báo cáo kết quả trước ngày 15/7/2024", "UBND cấp huyện",
             "UBND cấp xã"]]
    (task, _), = tasks_from_table(_block(rows), 2024)
    assert task.deadline is not None and task.deadline.date == dt.date(2024, 7, 15)


def test_lead_cell_merged_down_over_rows() -> None:
    # in PDF and DOCX a lead cell spanning rows reaches us blank below its first row
    rows = [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
            ["1", "Tuyên truyền bảo vệ môi trường", "Sở Tài nguyên và Môi trường", "Thường xuyên"],
            ["2", "Kiểm tra xả thải tại các khu công nghiệp", "", ""]]
    got = tasks_from_table(_block(rows), 2024)
    assert [[u.text for u in t.lead] for t, _ in got] == [["Sở Tài nguyên và Môi trường"]] * 2
    assert "+lead-from-row-above" in got[1][0].rule
    # the time cell beside it was merged too: both rows are "Thường xuyên"
    assert [t.deadline.raw for t, _ in got] == ["Thường xuyên"] * 2
    assert got[1][0].rule.endswith("+deadline-from-row-above")


def test_a_time_cell_is_inherited_only_with_a_merged_lead() -> None:
    # a row with its own lead and a blank time has no deadline: the blank is not a merged cell
    rows = [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
            ["1", "Tuyên truyền bảo vệ môi trường", "Sở Tài nguyên và Môi trường", "Quý III/2024"],
            ["2", "Kiểm tra xả thải tại các khu công nghiệp", "Công an tỉnh", ""]]
    got = tasks_from_table(_block(rows), 2024)
    assert got[1][0].deadline is None


def test_table_grouped_by_unit_rows_without_a_lead_column() -> None:
    # "PHÂN CÔNG NHIỆM VỤ" appendices that list each unit's tasks under a group row naming it
    rows = [["STT", "Nội dung nhiệm vụ", "Thời gian hoàn thành"],
            ["I", "SỞ NỘI VỤ", ""],
            ["1", "Tổng hợp kết quả thực hiện Kế hoạch", "Trước ngày 15/12/2024"],
            ["II", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", ""],
            ["1", "Nâng cấp Cổng thông tin điện tử tỉnh", "Quý III/2024"]]
    got = tasks_from_table(_block(rows), 2024)
    assert [([u.text for u in t.lead], t.deadline.date) for t, _ in got] == [
        (["SỞ NỘI VỤ"], dt.date(2024, 12, 15)), (["SỞ THÔNG TIN VÀ TRUYỀN THÔNG"], dt.date(2024, 9, 30))]


def test_a_table_of_contents_without_units_gives_no_tasks() -> None:
    rows = [["STT", "Nội dung", "Thời gian"], ["1", "Hội nghị sơ kết", "Tháng 6/2024"]]
    assert tasks_from_table(_block(rows), 2024) == []


@pytest.mark.parametrize("cell,lead,support", [
    ("Sở Nội vụ chủ trì; các sở, ngành phối hợp", ["Sở Nội vụ"], ["các sở, ngành"]),
    ("Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư", ["Sở Tài chính"], ["Sở Kế hoạch và Đầu tư"]),
    ("Sở Nội vụ (chủ trì), Sở Tư pháp", ["Sở Nội vụ"], ["Sở Tư pháp"]),
    # one unit a line, as an HTML or DOCX cell keeps them
    ("Sở Nội vụ (chủ trì)\nSở Tư pháp\nSở Tài chính", ["Sở Nội vụ"], ["Sở Tư pháp", "Sở Tài chính"]),
    ("Sở Nội vụ chủ trì", ["Sở Nội vụ"], []),
    ("UBND cấp huyện; UBND cấp xã", ["UBND cấp huyện", "UBND cấp xã"], []),
])
def test_one_unit_cell_naming_both_roles(cell: str, lead: list[str], support: list[str]) -> None:
    # "Cơ quan thực hiện" columns that say who leads and who supports in words
    rows = [["TT", "Nhiệm vụ", "Cơ quan thực hiện", "Thời gian"],
            ["1", "Rà soát, công bố thủ tục hành chính", cell, "Quý II/2024"]]
    ((task, _),) = tasks_from_table(_block(rows), 2024)
    assert [u.text for u in task.lead] == lead and [u.text for u in task.support] == support


def test_a_reports_table_of_work_done_gives_no_tasks() -> None:
    # Báo cáo: "Kết quả thực hiện" holds what was done ("Đã hoàn thành (tháng 5/2023)")
    rows = [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Kết quả thực hiện"],
            ["1", "Tổ chức hội nghị quán triệt kết quả Chỉ số PAPI năm 2022", "Sở Nội vụ", "Đã hoàn thành (tháng 5/2023)"]]
    assert tasks_from_table(_block(rows), 2024) == []


def test_a_par_index_plan_has_no_papi_areas() -> None:
    # its groups ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH") are the PAR INDEX's own fields, not PAPI's areas
    from vanban.ingest.read import ingest_bytes

    text = ("KẾ HOẠCH\nNâng cao Chỉ số cải cách hành chính (PAR INDEX) năm 2025\n"
            "STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian\nI | CẢI CÁCH THỂ CHẾ | |\n"
            "1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Quý III/2025\n"
            "II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH | |\n1 | Công khai, minh bạch thủ tục hành chính | Văn phòng UBND tỉnh | "
            "Thường xuyên\n")
    ext = extract_document(ingest_bytes(text.encode(), "kh.txt"))
    assert ext.indices == ["PAR INDEX"] and len(ext.tasks) == 2
    assert ext.papi_dimensions == [] and [t.dimension for t in ext.tasks] == [None, None]


def _text_tasks(text: str) -> list:
    from vanban.ingest.read import ingest_bytes

    return extract_document(ingest_bytes(text.encode(), "kh.txt")).tasks


def test_parts_of_a_table_under_headings_with_their_times() -> None:
    # a district plan (Hưng Yên style): parts A, B, C each a heading line then rows; times in notes
    header = "TT | Tên nhiệm vụ | Cơ quan thực hiện | Cơ quan phối hợp | Ghi chú\n"
    tasks = _text_tasks(
        "KẾ HOẠCH\nNâng cao Chỉ số DDCI năm 2024\nII. NHIỆM VỤ, GIẢI PHÁP\n"
        "A. NHIỆM VỤ TRIỂN KHAI NGAY TRONG THÁNG 4/2024\n" + header +
        "1 | Tổ chức hội nghị quán triệt Kế hoạch | Phòng Tài chính - Kế hoạch | Văn phòng HĐND và UBND huyện | \n"
        "2 | Rà soát danh sách doanh nghiệp | Phòng Tài chính - Kế hoạch | Chi cục Thuế | Trước ngày 20/4/2024\n"
        "B. NHIỆM VỤ HOÀN THÀNH TRONG QUÝ III/2024\n" + header +
        "3 | Rút ngắn thời gian giải quyết hồ sơ đất đai | Phòng Tài nguyên và Môi trường | Văn phòng | \n"
        "C. NHIỆM VỤ THƯỜNG XUYÊN\n" + header +
        "4 | Duy trì an ninh, trật tự tại các cụm công nghiệp | Công an huyện | UBND các xã, thị trấn | \n"
        "III. TỔ CHỨC THỰC HIỆN\nPhòng Văn hóa và Thông tin tăng cường tuyên truyền về Chỉ số DDCI.\n")
    assert [(t.text[:11], t.deadline.date if t.deadline else None, t.deadline.kind if t.deadline else None)
            for t in tasks] == [
        ("Tổ chức hội", dt.date(2024, 4, 30), "period"), ("Rà soát dan", dt.date(2024, 4, 20), "date"),
        ("Rút ngắn th", dt.date(2024, 9, 30), "period"), ("Duy trì an ", None, "recurring"),
        ("tăng cường ", None, None)]


def test_a_groups_label_and_title_in_one_cell_of_a_flattened_table() -> None:
    cells = ["STT", "Nội dung", "Thời gian", "Cơ quan chủ trì", "Cơ quan phối hợp", "Ghi chú",
             "I. THAM GIA CỦA NGƯỜI DÂN Ở CẤP CƠ SỞ",
             "1", "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở", "Thường xuyên", "UBND các xã, thị trấn", "Phòng Nội vụ", "",
             "2", "Tổ chức bầu cử trưởng thôn", "Quý II/2024", "UBND các xã, thị trấn", "Phòng Nội vụ", ""]
    tasks = _text_tasks("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2024\n" + "".join(f"{c} |\n" for c in cells))
    assert [(t.text[:12], [u.text for u in t.lead], t.dimension) for t in tasks] == [
        ("Tuyên truyền", ["UBND các xã, thị trấn"], 1), ("Tổ chức bầu ", ["UBND các xã, thị trấn"], 1)]


def test_a_tab_row_ending_in_empty_cells_is_whole() -> None:
    tasks = _text_tasks("KẾ HOẠCH\nCải thiện Chỉ số PCI năm 2024\nTT\tNhiệm vụ\tThời gian\tGhi chú\nI\tSở Kế hoạch và Đầu tư\t\t\n"
                        "1\tRút ngắn thời gian đăng ký doanh nghiệp\tTừ tháng 6/2024\t\n"
                        "II\tSở Tài nguyên và Môi trường\t\t\n1\tCông khai quy hoạch sử dụng đất\tTrước ngày 30/6/2024\t\n")
    assert [([u.text for u in t.lead], t.deadline.raw) for t in tasks] == [
        (["Sở Kế hoạch và Đầu tư"], "Từ tháng 6/2024"), (["Sở Tài nguyên và Môi trường"], "Trước ngày 30/6/2024")]


def test_a_row_wrapped_into_a_row_with_an_empty_first_cell() -> None:
    # a provincial plan's appendix (QA round 5): " | tại các lĩnh vực … | | Công an tỉnh |" goes on
    # the row above, its text and its partner
    tasks = _text_tasks(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2025\n"
        "TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
        "1 | Thanh tra trách nhiệm người đứng đầu về phòng, chống tham nhũng | Thanh tra tỉnh | Các sở, ngành liên quan | Quý III/2025\n"
        " | tại các lĩnh vực đất đai, xây dựng, giáo dục | | Công an tỉnh |\n"
        "2 | Nâng cấp Cổng thông tin điện tử tỉnh | Sở Khoa học và Công nghệ | Văn phòng UBND tỉnh | Quý IV/2025\n")
    assert [(t.text, [u.text for u in t.support]) for t in tasks] == [
        ("Thanh tra trách nhiệm người đứng đầu về phòng, chống tham nhũng tại các lĩnh vực đất đai, xây dựng, giáo dục",
         ["Các sở, ngành liên quan", "Công an tỉnh"]),
        ("Nâng cấp Cổng thông tin điện tử tỉnh", ["Văn phòng UBND tỉnh"])]


def test_an_html_table_with_a_two_row_header_and_cells_merged_down() -> None:
    # a provincial portal's appendix (QA round 6): "Cơ quan thực hiện" over "Chủ trì | Phối hợp";
    # a time and a partner merged down over two rows hold for both
    from vanban.ingest.read import ingest_bytes

    page = ('<html><body><article><p>PHỤ LỤC NHIỆM VỤ CẢI THIỆN CHỈ SỐ PAPI NĂM 2024 CỦA TỈNH TIỀN GIANG</p>'
            '<table border="1"><thead><tr><th rowspan="2">STT</th><th rowspan="2">Nhiệm vụ</th>'
            '<th colspan="2">Cơ quan thực hiện</th><th rowspan="2">Thời gian hoàn thành</th></tr>'
            '<tr><th>Chủ trì</th><th>Phối hợp</th></tr></thead><tbody>'
            '<tr><td>1</td><td>Công khai danh sách hộ nghèo, hộ cận nghèo tại trụ sở UBND cấp xã</td><td>UBND cấp xã</td>'
            '<td rowspan="2">Sở Lao động - Thương binh và Xã hội</td><td rowspan="2">Thường xuyên</td></tr>'
            '<tr><td>2</td><td>Công khai quy hoạch, kế hoạch sử dụng đất trên Cổng thông tin điện tử tỉnh</td>'
            '<td>Sở Tài nguyên và Môi trường</td></tr></tbody></table></article></body></html>')
    tasks = extract_document(ingest_bytes(page.encode(), "pl.html")).tasks
    assert [([u.text for u in t.lead], [u.text for u in t.support], t.deadline.raw) for t in tasks] == [
        (["UBND cấp xã"], ["Sở Lao động - Thương binh và Xã hội"], "Thường xuyên"),
        (["Sở Tài nguyên và Môi trường"], ["Sở Lao động - Thương binh và Xã hội"], "Thường xuyên")]


def test_units_on_their_own_lines_of_one_cell_are_several_units() -> None:
    # a portal's appendix (QA round 6): "Văn phòng HĐND và UBND thị xã<br>UBND các phường, xã"
    # leads twice; the table's text reads the cell on one line
    from vanban.ingest.read import ingest_bytes

    page = ('<html><body><article><p>PHỤ LỤC NHIỆM VỤ</p><table border="1"><tr><th>STT</th><th>Nhiệm vụ</th>'
            '<th>Đơn vị chủ trì</th><th>Đơn vị phối hợp</th><th>Thời gian</th></tr>'
            '<tr><td>1</td><td>Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính</td>'
            '<td>Văn phòng HĐND và UBND thị xã<br>UBND các phường, xã</td><td><p>Phòng Nội vụ</p>'
            '<p>Phòng Văn hóa và Thông tin</p></td><td>Quý II/2024</td></tr></table></article></body></html>')
    doc = ingest_bytes(page.encode(), "pl.html")
    assert "Văn phòng HĐND và UBND thị xã UBND các phường, xã | Phòng Nội vụ Phòng Văn hóa" in doc.text
    (task,) = extract_document(doc).tasks
    assert [u.text for u in task.lead] == ["Văn phòng HĐND và UBND thị xã", "UBND các phường, xã"]
    assert [u.text for u in task.support] == ["Phòng Nội vụ", "Phòng Văn hóa và Thông tin"]


def test_rows_wrapped_in_every_column_of_a_copied_table() -> None:
    # QA round 7: a PDF's table copied as text, each row wrapped onto a line with an empty first
    # cell; a lead, a time or a partner list goes on the line below as well as the task
    rows = [["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
            ["1", "Công khai quy hoạch sử dụng đất, bảng giá đất và danh mục", "Sở Nông nghiệp và",
             "UBND các xã, phường", "Tháng 6/2026"],
            ["", "dự án thu hồi đất trên Cổng Thông tin điện tử tỉnh", "Môi trường", "", ""],
            ["2", "Hướng dẫn nghiệp vụ tiếp công dân cho", "Thanh tra tỉnh", "Ban Tiếp công dân tỉnh", "Trước ngày"],
            ["", "công chức cấp xã sau sắp xếp", "", "", "31/3/2026"],
            ["3", "Niêm yết thủ tục hành chính tại Trung tâm", "Văn phòng UBND tỉnh", "Các sở, ban, ngành;", "Thường xuyên"],
            ["", "Phục vụ hành chính công tỉnh", "", "UBND các xã, phường", ""],
            ["4", "Thanh tra công vụ", "Thanh tra tỉnh", "Sở Nội vụ; Văn phòng", "Quý III/2026"],
            ["", "", "", "UBND tỉnh", ""],
            # a lead merged down leaves the next task's row blank but for its own text and time
            ["", "Kiểm tra việc giải quyết thủ tục hành chính", "", "", "Quý IV/2026"]]
    got = [(t.text, [u.text for u in t.lead], [u.text for u in t.support], t.deadline.date)
           for t, _ in tasks_from_table(_block(rows), 2026)]
    assert got == [
        ("Công khai quy hoạch sử dụng đất, bảng giá đất và danh mục dự án thu hồi đất trên Cổng Thông tin điện tử tỉnh",
         ["Sở Nông nghiệp và Môi trường"], ["UBND các xã, phường"], dt.date(2026, 6, 30)),
        ("Hướng dẫn nghiệp vụ tiếp công dân cho công chức cấp xã sau sắp xếp", ["Thanh tra tỉnh"],
         ["Ban Tiếp công dân tỉnh"], dt.date(2026, 3, 31)),
        ("Niêm yết thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh", ["Văn phòng UBND tỉnh"],
         ["Các sở, ban, ngành", "UBND các xã, phường"], None),
        ("Thanh tra công vụ", ["Thanh tra tỉnh"], ["Sở Nội vụ", "Văn phòng UBND tỉnh"], dt.date(2026, 9, 30)),
        ("Kiểm tra việc giải quyết thủ tục hành chính", ["Thanh tra tỉnh"], [], dt.date(2026, 12, 31))]


def test_a_numbered_row_over_sub_numbered_rows_heads_a_group() -> None:
    # QA round 7: "2 | Nội dung 2: Công khai, minh bạch | | |" over "2.1 | …" names a PAPI area, no task
    rows = [["STT", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
            ["1", "Nội dung 1: Tham gia của người dân ở cấp cơ sở", "", "", ""],
            ["1.1", "Hướng dẫn tổ chức bầu trưởng thôn", "Sở Nội vụ", "UBND cấp huyện", "Thường xuyên"],
            ["2", "Nội dung 2: Công khai, minh bạch", "", "", ""],
            ["2.1", "Công khai kế hoạch sử dụng đất hằng năm", "Sở Nông nghiệp và Môi trường", "", "Quý II/2025"],
            ["2.2", "Công khai bảng giá đất", "", "", ""]]  # merged cells: a task of the lead above
    got = [(t.label, [u.text for u in t.lead], row.group_title) for t, row in tasks_from_table(_block(rows), 2025)]
    assert got == [("1.1", ["Sở Nội vụ"], "Nội dung 1: Tham gia của người dân ở cấp cơ sở"),
                   ("2.1", ["Sở Nông nghiệp và Môi trường"], "Nội dung 2: Công khai, minh bạch"),
                   ("2.2", ["Sở Nông nghiệp và Môi trường"], "Nội dung 2: Công khai, minh bạch")]


def test_numbered_rows_that_name_header_words_are_data() -> None:
    # "Quy chế chi tiêu nội bộ" folds like the header word "chỉ tiêu"; a numbered row is a task
    rows = [["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"],
            ["1", "Rà soát, sửa đổi Quy chế chi tiêu nội bộ của Sở", "Văn phòng Sở", "Các phòng, đơn vị thuộc Sở",
             "Quý II/2022"],
            ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"],  # repeated on a new page
            ["2", "Hoàn thành chỉ tiêu 100% hồ sơ đúng hạn", "Sở Nội vụ", "Các cơ quan, đơn vị liên quan", "Năm 2022"]]
    block = Block(kind="table", text="", start=0, end=0, rows=rows)
    assert [t.text for t, _ in tasks_from_table(block, 2022)] == [
        "Rà soát, sửa đổi Quy chế chi tiêu nội bộ của Sở", "Hoàn thành chỉ tiêu 100% hồ sơ đúng hạn"]


def test_a_row_holding_only_a_lead_lists_the_row_aboves_next_unit() -> None:
    # QA round 9 (a plan's appendix copied with " | "): the second lead on a line of its own
    rows = [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
            ["1", "Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", "Sở Khoa học và Công nghệ",
             "Văn phòng UBND tỉnh", "Tháng 6/2026"],
            ["", "", "Công an tỉnh", "", ""],
            ["2", "Rà soát thời gian giải quyết thủ tục hành chính lĩnh vực đất đai", "Văn phòng UBND tỉnh",
             "Sở Xây dựng", "Quý III/2026"]]
    got = [([u.text for u in t.lead], [u.text for u in t.support]) for t, _ in tasks_from_table(_block(rows), 2026)]
    assert got == [(["Sở Khoa học và Công nghệ", "Công an tỉnh"], ["Văn phòng UBND tỉnh"]),
                   (["Văn phòng UBND tỉnh"], ["Sở Xây dựng"])]


def test_a_table_whose_header_repeats_on_the_next_page_goes_on_with_its_group() -> None:
    # QA round 9 (a district's PAPI plan copied out of a PDF): the header printed again after the
    # page number; the rows before a group row of their own stay in the group the page cut
    from vanban.ingest.read import ingest_bytes

    head = "STT | Nội dung công việc | Đơn vị thực hiện | Đơn vị phối hợp | Thời hạn hoàn thành"
    text = (f"KẾ HOẠCH\nKhắc phục hạn chế Chỉ số PAPI năm 2024\n{head}\nVI | CUNG ỨNG DỊCH VỤ CÔNG | | |\n"
            "13 | Nâng cao chất lượng khám, chữa bệnh tại trạm y tế xã | Trung tâm Y tế huyện | Phòng Y tế | Năm 2024\n"
            f"\n7\n\n{head}\n14 | Bảo đảm an ninh, trật tự tại khu dân cư | Công an huyện | UBND các xã | Năm 2024\n"
            "VII | QUẢN TRỊ MÔI TRƯỜNG | | |\n15 | Thu gom rác thải sinh hoạt | Phòng Tài nguyên và Môi trường | | Năm 2024\n")
    doc = extract_document(ingest_bytes(text.encode("utf-8"), "kh.txt"))
    assert [t.dimension for t in doc.tasks] == [6, 6, 7]
