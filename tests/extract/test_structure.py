"""Layout grammar: numbering labels, non-task sections, closing formulas, end of body.

Each phrase is quoted from a real document (seeds 000–004, or the other provinces named).
"""

from __future__ import annotations

import pytest

from vanban.extract.structure import (
    is_closing_formula,
    is_end_of_body,
    is_exhortation,
    is_not_task_section,
    is_not_work,
    is_report_of_work_done,
    is_subject_line,
    parse_label,
    starts_with_adverbial,
)


@pytest.mark.parametrize(
    "line,label,kind",
    [
        ("II. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN", "II", "roman"),  # Lào Cai 239/KH-UBND
        ("1. Mục đích:", "1", "arabic"),
        ("1.1. Chỉ số nội dung “Tham gia của người dân ở cấp cơ sở”:", "1.1", "arabic2"),
        ("2.1 Công tác lãnh đạo, chỉ đạo", "2.1", "arabic2"),
        ("1.2.3. Rà soát thủ tục hành chính", "1.2.3", "arabic3"),
        ("a) Thực hiện tốt Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn", "a", "letter"),
        ("đ) Công khai các quy hoạch đất đai", "đ", "letter"),
        ("- Thực hiện nghiêm túc quy định việc tiếp nhận và trả kết quả", "-", "dash"),
        ("+ Tuyên truyền về quyền, nghĩa vụ và trách nhiệm của công dân", "+", "plus"),
        ("IV. TỔ CHỨC THỰC HIỆN", "IV", "roman"),  # the usual last section of a Kế hoạch
        # a single letter that is also a roman numeral is the roman part (a report's "I. KẾT QUẢ …")
        ("I. KẾT QUẢ THỰC HIỆN NĂM 2023", "I", "roman"),
        ("V. TỔ CHỨC THỰC HIỆN", "V", "roman"),
        ("A. NHIỆM VỤ TRIỂN KHAI NGAY TRONG THÁNG 4/2024", "A", "upper"),
        # a PAPI plan's parts named, not numbered (QA round 7)
        ("Nội dung 1: Tham gia của người dân ở cấp cơ sở", "Nội dung 1", "content"),
        ("NỘI DUNG THÀNH PHẦN 5 - THỦ TỤC HÀNH CHÍNH CÔNG", "NỘI DUNG THÀNH PHẦN 5", "content"),
    ],
)
def test_labels(line: str, label: str, kind: str) -> None:
    parsed = parse_label(line)
    assert parsed is not None and (parsed.label, parsed.kind) == (label, kind)
    assert line[parsed.body_start:].strip()


@pytest.mark.parametrize("line", [
    "Năm 2021, Chỉ số Hiệu quả quản trị và Hành chính công cấp tỉnh (PAPI) của tỉnh Lào Cai đạt 40,151 điểm",
    "Số: 239/KH-UBND",
    "2022, huyện đã đề ra các nhiệm vụ",
    "Lào Cai, ngày 30 tháng 6 năm 2022",
    "Nội dung 1 được triển khai trong năm 2025",
])
def test_not_labels(line: str) -> None:
    assert parse_label(line) is None


@pytest.mark.parametrize("heading", ["Mục đích:", "Yêu cầu:", "MỤC ĐÍCH, YÊU CẦU", "Mục tiêu", "Quan điểm"])
def test_aims_and_requirements_are_not_task_sections(heading: str) -> None:
    assert is_not_task_section(heading)


@pytest.mark.parametrize("heading", ["Sở Nội vụ", "NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN", "Công tác lãnh đạo, chỉ đạo"])
def test_task_sections(heading: str) -> None:
    assert not is_not_task_section(heading)


@pytest.mark.parametrize("text", [
    "Nhận được công văn này, yêu cầu Trưởng các phòng, đơn vị trên cơ sở chức năng, nhiệm vụ được giao "
    "nghiêm túc triển khai thực hiện./.",  # Sở VHTTDL Lai Châu
    "Trên đây là Kế hoạch cải thiện Chỉ số hiệu quả Quản trị và Hành chính công tỉnh Lào Cai năm 2022.",
    "Căn cứ các nội dung nêu trên yêu cầu các phòng, ban, đơn vị và toàn thể cán bộ, đảng viên, công chức, "
    "viên chức, người lao động thuộc Văn phòng UBND tỉnh nghiêm túc triển khai thực hiện./.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo về Sở Nội vụ để tổng hợp.",
    # a Chỉ thị's last paragraph names its document ("… nghiêm túc thực hiện Chỉ thị này./.")
    "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh, Chủ tịch UBND các huyện, "
    "thị xã, thành phố nghiêm túc thực hiện Chỉ thị này./.",
    "UBND huyện yêu cầu các cơ quan, đơn vị tổ chức thực hiện nghiêm túc Kế hoạch này./.",
    "Trong quá trình triển khai, nếu có vướng mắc, các đơn vị báo cáo về UBND quận (qua Phòng Nội vụ) để được "
    "hướng dẫn./.",
    "(Chi tiết phân công tại Phụ lục kèm theo.)",  # a pointer to the appendix (QA round 8)
    "Giám đốc các sở, Thủ trưởng các ban, ngành, Chủ tịch UBND các xã, phường nghiêm túc triển khai thực hiện "
    "Chỉ thị này. Quá trình thực hiện nếu có khó khăn, vướng mắc, kịp thời báo cáo Chủ tịch UBND tỉnh (qua Văn "
    "phòng UBND tỉnh) để xem xét, chỉ đạo./.",
    # a Quyết định's last article in its other wordings (QA round 7)
    "Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các sở; Chủ tịch UBND các huyện, thị xã, thành phố và các tổ "
    "chức, cá nhân có liên quan căn cứ Quyết định thi hành./.",
    "Chủ tịch UBND các huyện, thị xã, thành phố và các tổ chức, cá nhân có liên quan tổ chức thực hiện Quyết định này./.",
    "Đề nghị các cơ quan, đơn vị triển khai thực hiện nghiêm túc các nội dung Công văn này.",
    "Yêu cầu Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND các xã, thị trấn thực hiện nghiêm túc nội dung trên./.",
    "Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã, thị trấn nghiêm túc triển khai thực hiện Kế hoạch này./.",
    "Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị phản ánh về Sở Nội vụ để tổng hợp.",
    "Sở Tài chính rất mong nhận được sự quan tâm, phối hợp của các cơ quan, đơn vị.",
    # whom to ask, with no "Trong" before it (a Sở's letter, QA round 14's check)
    "Quá trình thực hiện, nếu có vướng mắc đề nghị liên hệ Phòng Cải cách hành chính, Sở Nội vụ (điện thoại "
    "0270.3822xxx) để được hướng dẫn.",
    # a Thành ủy's Chỉ thị (QA round 6)
    "Chỉ thị này được phổ biến đến chi bộ và đảng viên.",
    "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành tổ chức triển khai thực hiện nghiêm Chỉ thị này.",
    "Điều 3. Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ngành chịu trách nhiệm thi hành Quyết định này.",
    # a portal item's source and its related-news box (Quảng Trị, Côn Đảo; QA round 15)
    "(Theo Công văn số 6012/UBND-KT, ngày 14/11/2023)",
    "(Nguồn: Từ Công văn số 1150/UBND-VP ngày 22/04/2021)",
    "Tin tức liên quan",
])
def test_closing_formulas(text: str) -> None:
    assert is_closing_formula(text)


@pytest.mark.parametrize("text", [
    "Giao Thanh tra Sở: tham mưu kịp thời việc thực hiện các kết luận, kiến nghị",
    "Phòng Tư pháp huyện chủ trì, phối hợp với các phòng, ban, đơn vị có liên quan",
    "UBND tỉnh yêu cầu Sở Nội vụ nghiêm túc thực hiện việc rà soát thủ tục hành chính trước ngày 30/6/2024.",
    # following the Quyết định up is work (Bình Định, 636/QĐ-UBND, Điều 2)
    "Điều 2. Giao Giám đốc Sở Nội vụ hướng dẫn, theo dõi, kiểm tra đôn đốc việc thực hiện Quyết định này.",
    "Giao Sở Nội vụ đôn đốc việc tổ chức thực hiện Quyết định này.",
    "Theo Kế hoạch, các cơ quan, đơn vị có trách nhiệm triển khai các nội dung sau",
    "(Theo Kế hoạch số 12/KH-UBND) Sở Nội vụ chủ trì tổ chức hội nghị",
])
def test_tasks_are_not_closing_formulas(text: str) -> None:
    assert not is_closing_formula(text)


def test_end_of_body() -> None:
    assert is_end_of_body("Nơi nhận:")
    assert is_end_of_body("Nơi nhận:\n- Như trên;")
    assert not is_end_of_body("Nơi nhận hồ sơ tại Bộ phận Một cửa cấp xã")


@pytest.mark.parametrize("text", [
    "Đối với nội dung Cải cách thể chế, Phòng Tư pháp huyện chủ trì",  # Chương Mỹ, Hà Nội
    "Về nội dung Chỉ số Hài lòng (SIPAS), các cơ quan, đơn vị",
    "Định kỳ Quý I, 6 tháng, Quý III và năm, UBND cấp xã báo cáo kết quả",
    "Căn cứ vào chức năng, nhiệm vụ được giao các phòng chuyên môn chủ động kiểm tra",
])
def test_adverbial_openers(text: str) -> None:
    assert starts_with_adverbial(text)


def test_report_of_work_done() -> None:
    assert is_report_of_work_done("đã ban hành nhiều văn bản chỉ đạo thực hiện nội dung này")
    assert not is_report_of_work_done("chủ trì, phối hợp với các phòng, ban, đơn vị có liên quan")
    # verbs that fold like the tense markers "đang" and "đã" (QA round 8)
    assert not is_report_of_work_done("đăng tải các văn bản chỉ đạo trên Cổng Thông tin điện tử tỉnh")
    assert not is_report_of_work_done("đa dạng hóa các hình thức tuyên truyền")
    assert is_report_of_work_done("đang triển khai các nhiệm vụ")
    # a reminder's account of work outstanding (QA round 15, Đồng Tháp): "Sở Nội vụ chưa hoàn thành …"
    assert is_report_of_work_done("chưa hoàn thành việc tổ chức khảo sát mức độ hài lòng của người dân (hạn hoàn "
                                  "thành 30/6/2025); Sở Tài chính chưa bố trí kinh phí")
    # … unless the clause urges the units still behind: "Các đơn vị chưa gửi báo cáo khẩn trương gửi …"
    assert not is_report_of_work_done("chưa gửi báo cáo khẩn trương gửi về Sở Nội vụ trước ngày 20/10/2025")
    # what another body means to do, in a news item (QA round 15); a plan naming its lead is work
    assert is_report_of_work_done("sẽ phối hợp với Hiệp hội Doanh nghiệp tỉnh tổ chức khảo sát DDCI năm 2025")
    assert not is_report_of_work_done("sẽ là đơn vị chủ trì, tham mưu giúp UBND tỉnh chỉ đạo tổ chức triển khai")
    # leave, not an order (a ministry's letter on digital transformation, QA round 15)
    assert is_report_of_work_done("có thể xây dựng văn bản riêng về chuyển đổi số như chiến lược, chương trình")
    # a visit reported in a news item (Nghệ An, QA round 15)
    assert is_report_of_work_done("làm việc với UBND huyện Đô Lương về xây dựng hệ thống truyền thanh cơ sở")


def test_every_ending_formula_holds_a_hint() -> None:
    # is_closing_formula searches for the ending formulas only in a passage holding a hint
    from vanban.extract.structure import data

    formulas = data()["formulas"]
    for pattern in (p for p in formulas["closing"] if p.endswith("$")):
        assert any(h in pattern for h in formulas["ending_hints"]), pattern


@pytest.mark.parametrize("text,exhorts", [
    # QA round 9: the closing exhortation with a sentence or clause after it in its passage
    ("nghiêm túc thực hiện Chỉ thị này", True),
    ("nghiêm túc triển khai thực hiện; trong quá trình thực hiện có khó khăn, vướng mắc, kịp thời phản ánh về "
     "Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh xem xét, chỉ đạo", True),
    ("có trách nhiệm tổ chức triển khai thực hiện Kế hoạch này; trong quá trình thực hiện nếu có khó khăn, "
     "vướng mắc, báo cáo Giám đốc Sở (qua Văn phòng Sở) để chỉ đạo giải quyết", True),
    # work named after the verb is a task
    ("triển khai thực hiện Kế hoạch này; định kỳ hằng quý báo cáo kết quả về Sở Nội vụ", False),
    ("tổ chức thực hiện việc công khai thủ tục hành chính", False),
])
def test_a_task_text_that_only_exhorts(text: str, exhorts: bool) -> None:
    assert is_exhortation(text) is exhorts


def test_a_bare_carrying_out_is_work() -> None:
    assert not is_exhortation("tổ chức thực hiện")


@pytest.mark.parametrize("text,subject", [
    ("Về việc kiện toàn Ban Chỉ đạo cải cách hành chính tỉnh", True),
    ("V/v đôn đốc thực hiện các nhiệm vụ cải thiện Chỉ số PAPI", True),
    ("Về việc triển khai Kế hoạch, Sở Nội vụ chủ trì tổ chức tập huấn", False),
])
def test_a_subject_line(text: str, subject: bool) -> None:
    from vanban.ingest.normalize import fold

    assert is_subject_line(fold(text)) is subject


def test_an_exhortation_with_its_warning() -> None:
    # QA round 10 (a district's Công văn hỏa tốc)
    assert is_exhortation("nghiêm túc triển khai thực hiện; trường hợp để xảy ra sai sót")


@pytest.mark.parametrize("heading,skip", [
    # QA round 10 (a commune's Thông báo kết luận): the account of work done assigns nothing
    ("Đánh giá chung", True), ("Kết quả thực hiện nhiệm vụ tháng 9/2025", True),
    ("KẾT QUẢ NĂM 2024 VÀ NHIỆM VỤ NĂM 2025", False), ("Kết quả thực hiện và nhiệm vụ trọng tâm", False),
    ("Đánh giá mức độ hài lòng", False),
])
def test_sections_that_report_work_done(heading: str, skip: bool) -> None:
    assert is_not_task_section(heading) is skip


@pytest.mark.parametrize("text", [
    "Hướng dẫn tại Phụ lục I",  # a Sở's letter posted on its portal (Sơn La)
    "Chi tiết theo Phụ lục đính kèm",
    "liên hệ Sở Nội vụ (qua Phòng Cải cách hành chính, điện thoại: 0269.3824.517) để được hướng dẫn./",
])
def test_task_texts_that_are_no_work(text: str) -> None:
    assert is_not_work(text)


def test_work_is_work() -> None:
    assert not is_not_work("rà soát, bổ sung danh mục thủ tục hành chính tại Phụ lục I của Quyết định số 12/QĐ-UBND")
    assert not is_not_work("liên hệ với các doanh nghiệp để nắm bắt khó khăn, vướng mắc trong thực hiện thủ tục")
