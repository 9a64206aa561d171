"""Tasks in prose: each assignment shape, quoted from real documents, in the seeds and beyond.

Texts go through ingest as a user's would (text → blocks), then through find_tasks.
Phrasings not in the seeds come from other provinces' plans and letters of the same kind
(Quảng Ninh, Thừa Thiên Huế, Đồng Tháp, Bắc Giang: the usual forms of Kế hoạch, Công văn,
Quyết định and Báo cáo).
"""

from __future__ import annotations

import datetime as dt

import pytest

from vanban.extract.tasks import find_tasks
from vanban.ingest.read import ingest_bytes
from vanban.schema.models import DocMeta, Task


def tasks_of(text: str, *, issuer: str = "UBND tỉnh Quảng Ninh", doc_type: str = "Kế hoạch",
             year: int = 2024) -> list[Task]:
    doc = ingest_bytes(text.encode("utf-8"), "t.txt")
    meta = DocMeta(issuer=issuer, type=doc_type, issue_date=dt.date(year, 3, 1))
    return find_tasks(doc, meta)


def leads(task: Task) -> list[str]:
    return [u.text for u in task.lead]


def supports(task: Task) -> list[str]:
    return [u.text for u in task.support]


def test_unit_colon_task_and_its_following_paragraphs() -> None:
    # Văn phòng UBND tỉnh Lào Cai (seed 000), and the same shape from a district office
    tasks = tasks_of(
        "Phòng Tổ chức Hành chính: Tăng cường công tác thông tin, tuyên truyền giúp cho CCVC nhận thức "
        "đầy đủ về ý nghĩa của Chỉ số PAPI.\n\n"
        "Tham mưu Lãnh đạo Văn phòng đưa các nội dung thực hiện cải thiện Chỉ số PAPI vào chương trình công tác.\n\n"
        "Phòng Văn hóa và Thông tin huyện: Cập nhật đầy đủ thông tin chỉ đạo điều hành trên Cổng thông tin "
        "điện tử huyện.\n",
        issuer="Văn phòng UBND tỉnh Lào Cai", doc_type="Tin bài",
    )
    assert [leads(t) for t in tasks] == [["Phòng Tổ chức Hành chính"]] * 2 + [["Phòng Văn hóa và Thông tin huyện"]]
    assert tasks[0].text.startswith("Tăng cường công tác thông tin")
    assert tasks[1].text.startswith("Tham mưu Lãnh đạo Văn phòng")


def test_giao_unit_colon() -> None:
    # Sở VHTTDL Lai Châu (seed 002)
    (task,) = tasks_of("Giao Thanh tra Sở: tham mưu kịp thời việc thực hiện các kết luận, kiến nghị, "
                       "quyết định xử lý về thanh tra, kiểm tra.\n", issuer="Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu",
                       doc_type="Công văn")
    assert leads(task) == ["Thanh tra Sở"]
    assert task.text.startswith("tham mưu kịp thời")


def test_lead_chu_tri_phoi_hop_voi_partners() -> None:
    # UBND huyện Chương Mỹ (seed 004)
    (task,) = tasks_of(
        "Đối với nội dung Cải cách thể chế, Phòng Tư pháp huyện chủ trì, phối hợp với các phòng, ban, đơn vị "
        "có liên quan; UBND các xã, thị trấn thường xuyên kiểm tra việc thực hiện rà soát văn bản quy phạm "
        "pháp luật, theo dõi thi hành pháp luật.\n", issuer="UBND huyện Chương Mỹ", doc_type="Tin bài")
    assert leads(task) == ["Phòng Tư pháp huyện"]
    assert supports(task) == ["các phòng, ban, đơn vị có liên quan", "UBND các xã, thị trấn"]
    assert task.text.startswith("thường xuyên kiểm tra")


def test_giao_unit_chu_tri_phoi_hop_another_province() -> None:
    (task,) = tasks_of("Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp và các cơ quan liên quan tham mưu "
                       "UBND tỉnh tổ chức đánh giá, xếp hạng Chỉ số cải cách hành chính năm 2024.\n")
    assert leads(task) == ["Sở Nội vụ"]
    assert "Sở Tư pháp" in supports(task)
    assert task.text.startswith("tham mưu UBND tỉnh")


def test_de_nghi_heading_with_bullets() -> None:
    # Lào Cai 239/KH-UBND (seed 001): a numbered heading naming the unit, each bullet a task
    tasks = tasks_of(
        "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh\n"
        "- Phối hợp với các sở, ban, ngành và chính quyền địa phương thực hiện tốt công tác tuyên truyền.\n"
        "- Chủ trì, phối hợp với các sở, ban, ngành, địa phương có liên quan trong việc nâng cao chất lượng "
        "hoạt động của Ban Thanh tra nhân dân.\n"
        "2. Sở Nội vụ\n"
        "- Là cơ quan đầu mối, chủ trì tham mưu, giúp UBND tỉnh tổ chức triển khai thực hiện Kế hoạch này.\n")
    assert [leads(t) for t in tasks] == [["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]] * 2 + [["Sở Nội vụ"]]
    assert supports(tasks[0]) == ["các sở, ban, ngành", "chính quyền địa phương"]


def test_unit_heading_with_colon_then_bullets() -> None:
    # the same layout with the unit on a line of its own ending in ":" (Thừa Thiên Huế style)
    tasks = tasks_of(
        "Sở Thông tin và Truyền thông:\n"
        "- Hướng dẫn các cơ quan, đơn vị nâng cấp Cổng thông tin điện tử theo quy định.\n"
        "- Theo dõi, đôn đốc việc cung cấp dịch vụ công trực tuyến toàn trình.\n")
    assert len(tasks) == 2 and all(leads(t) == ["Sở Thông tin và Truyền thông"] for t in tasks)


def test_intro_assignment_gives_each_item_to_its_addressee() -> None:
    # Sở VHTTDL Lai Châu (seed 002): the intro names who; each numbered item is a task
    tasks = tasks_of(
        "Giám đốc Sở Văn hóa, Thể thao và Du lịch yêu cầu các phòng, đơn vị sự nghiệp thực hiện nghiêm "
        "một số nhiệm vụ sau:\n"
        "1. Tiếp tục quán triệt tinh thần, nội dung, nhiệm vụ của Nghị quyết số 76/NQ-CP của Chính phủ.\n"
        "2. Nâng cao chất lượng tham mưu, xây dựng và ban hành văn bản.\n"
        "3. Căn cứ vào chức năng, nhiệm vụ được giao các phòng chuyên môn chủ động kiểm tra, rà soát thủ tục "
        "hành chính, đồng thời phối hợp chặt chẽ với Văn phòng Sở.\n"
        "- Thực hiện nghiêm túc quy định việc tiếp nhận và trả kết quả tại Trung tâm Phục vụ hành chính công tỉnh.\n",
        issuer="Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu", doc_type="Công văn")
    assert [leads(t) for t in tasks] == [["các phòng, đơn vị sự nghiệp"]] * 2 + [["các phòng chuyên môn"]]
    assert supports(tasks[2]) == ["Văn phòng Sở"]  # the bullet under item 3 belongs to item 3


def test_superior_yeu_cau_units() -> None:
    (task,) = tasks_of("UBND huyện yêu cầu các cơ quan, đơn vị, UBND các xã, thị trấn đánh giá đúng thực "
                       "trạng, kết quả thực hiện các nội dung.\n", issuer="UBND huyện Chương Mỹ", doc_type="Tin bài")
    assert leads(task) == ["các cơ quan, đơn vị", "UBND các xã, thị trấn"]
    assert task.text.startswith("đánh giá đúng thực trạng")


def test_one_sentence_two_units_in_turn_is_two_tasks() -> None:
    # Lào Cai 239/KH-UBND (seed 001)
    tasks = tasks_of(
        "- Định kỳ Quý I, 6 tháng, Quý III và năm, UBND cấp xã báo cáo kết quả thực hiện về UBND cấp huyện "
        "(qua Phòng Nội vụ) để tổng hợp; các sở, ban, ngành, UBND các huyện, thị xã, thành phố báo cáo kết quả "
        "thực hiện về UBND tỉnh (qua Sở Nội vụ) trước ngày 15 của tháng cuối kỳ báo cáo.\n")
    assert [leads(t) for t in tasks] == [["UBND cấp xã"], ["các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"]]
    assert tasks[0].deadline is not None and tasks[0].deadline.raw.startswith("Định kỳ")
    assert tasks[1].deadline is not None and "trước ngày 15" in tasks[1].deadline.raw


def test_generic_exhortations_are_not_tasks() -> None:
    assert tasks_of("2. Sở Nội vụ\n- Các cấp, các ngành thường xuyên rà soát, đề xuất cắt giảm tối đa thời gian "
                    "giải quyết thủ tục hành chính.\n") == []
    assert tasks_of("Cả hệ thống chính trị vào cuộc, nâng cao chất lượng phục vụ người dân.\n") == []


def test_aims_and_requirements_are_not_tasks() -> None:
    assert tasks_of("I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích:\n- Sở Nội vụ nâng cao nhận thức của cán bộ, công chức.\n"
                    "2. Yêu cầu:\n- Các sở, ban, ngành thuộc UBND tỉnh phải chịu trách nhiệm trước UBND tỉnh.\n") == []


def test_closing_formulas_are_not_tasks() -> None:
    assert tasks_of("Nhận được công văn này, yêu cầu Trưởng các phòng, đơn vị nghiêm túc triển khai thực hiện./.\n") == []
    assert tasks_of("Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các Sở, ban, ngành; Chủ tịch UBND các huyện, "
                    "thành phố chịu trách nhiệm thi hành Quyết định này./.\n", doc_type="Quyết định") == []


def test_issuer_reporting_its_own_action_is_not_a_task() -> None:
    assert tasks_of("UBND huyện Chương Mỹ tổ chức hội nghị đối thoại với người dân và doanh nghiệp.\n",
                    issuer="UBND huyện Chương Mỹ", doc_type="Tin bài") == []
    assert tasks_of("Sở Nội vụ đã ban hành nhiều văn bản hướng dẫn thực hiện.\n", doc_type="Tin bài") == []


def test_report_assigns_work_only_in_its_proposals() -> None:
    tasks = tasks_of(
        "I. KẾT QUẢ THỰC HIỆN\n1. Công tác chỉ đạo\nSở Nội vụ tham mưu UBND tỉnh ban hành Kế hoạch số 12/KH-UBND.\n"
        "II. ĐỀ XUẤT, KIẾN NGHỊ\nĐề nghị Bộ Nội vụ hướng dẫn việc đánh giá Chỉ số cải cách hành chính.\n",
        issuer="Sở Nội vụ tỉnh Bắc Giang", doc_type="Báo cáo")
    assert [leads(t) for t in tasks] == [["Bộ Nội vụ"]]


def test_section_naming_a_papi_area_gives_the_task_its_area() -> None:
    (task,) = tasks_of("1.3. Chỉ số nội dung “Trách nhiệm giải trình với người dân”:\n"
                       "UBND cấp huyện chủ động trong xây dựng và triển khai kế hoạch thanh tra, kiểm tra.\n")
    assert task.dimension == 3 and task.dimension_rule == "section-heading"


def test_heading_time_applies_to_items_without_their_own() -> None:
    tasks = tasks_of("NHIỆM VỤ CẦN TRIỂN KHAI NGAY TRONG THÁNG 12/2025\n"
                     "1. Sở Tài chính chủ trì rà soát, bố trí kinh phí thực hiện.\n"
                     "2. Sở Nội vụ hoàn thành việc sắp xếp tổ chức bộ máy trước ngày 15/12/2025.\n", year=2025)
    assert [t.deadline.date for t in tasks] == [dt.date(2025, 12, 31), dt.date(2025, 12, 15)]


def test_bullets_sharing_one_block_of_units_and_time() -> None:
    # SCHEMA.md's rule, in the layout of Bắc Giang/Đồng Tháp plans: bullets, then one block of
    # "Đơn vị chủ trì / Đơn vị phối hợp / Thời gian" that applies to each of them
    tasks = tasks_of(
        "1. Nâng cao chất lượng công khai, minh bạch\n"
        "- Công khai danh sách hộ nghèo, hộ cận nghèo tại trụ sở UBND cấp xã và nhà văn hóa thôn.\n"
        "- Niêm yết công khai các khoản thu, chi ngân sách cấp xã theo quy định.\n"
        "- Đơn vị chủ trì: UBND cấp xã.\n"
        "- Đơn vị phối hợp: Sở Tài chính, UBND cấp huyện.\n"
        "- Thời gian thực hiện: Quý II/2024.\n"
        "2. Nâng cao hiệu quả tiếp công dân\n"
        "- Bố trí địa điểm tiếp công dân, niêm yết lịch tiếp công dân cụ thể.\n"
        "- Cơ quan chủ trì: Thanh tra tỉnh\n"
        "- Thời hạn hoàn thành: Trước ngày 30/6/2024\n")
    assert [t.text[:30] for t in tasks] == ["Công khai danh sách hộ nghèo, ", "Niêm yết công khai các khoản t",
                                            "Bố trí địa điểm tiếp công dân,"]
    assert [leads(t) for t in tasks] == [["UBND cấp xã"], ["UBND cấp xã"], ["Thanh tra tỉnh"]]
    assert supports(tasks[0]) == ["Sở Tài chính", "UBND cấp huyện"]
    assert [t.deadline.date for t in tasks] == [dt.date(2024, 6, 30), dt.date(2024, 6, 30), dt.date(2024, 6, 30)]
    assert all(t.rule == "prose-field-block" for t in tasks)


def test_fields_complete_the_task_before_them() -> None:
    (task,) = tasks_of("1. Sở Nội vụ tổ chức tập huấn nghiệp vụ cải cách hành chính cho công chức cấp xã.\n"
                       "- Thời gian: Tháng 9/2024.\n")
    assert leads(task) == ["Sở Nội vụ"] and task.deadline.date == dt.date(2024, 9, 30)


def test_a_unit_before_a_colon_is_not_a_field() -> None:
    tasks = tasks_of("Trưởng các phòng, ban, đơn vị: Trực tiếp chỉ đạo việc tổ chức thực hiện kế hoạch.\n",
                     issuer="Văn phòng UBND tỉnh Lào Cai", doc_type="Tin bài")
    assert [leads(t) for t in tasks] == [["Trưởng các phòng, ban, đơn vị"]]


def test_a_person_asking_units_in_a_news_report() -> None:
    # the usual phrasing of portal news on a conference (Thừa Thiên Huế, Đồng Tháp portals)
    (task,) = tasks_of("Phát biểu kết luận hội nghị, đồng chí Phó Chủ tịch UBND tỉnh yêu cầu các sở, ban, ngành, "
                       "địa phương tập trung triển khai đồng bộ các giải pháp nâng cao Chỉ số PAPI.\n",
                       doc_type="Tin bài")
    assert leads(task) == ["các sở, ban, ngành, địa phương"]
    assert task.text.startswith("tập trung triển khai")


def test_request_words_used_as_nouns_assign_nothing() -> None:
    assert tasks_of("Thực hiện theo yêu cầu Sở Nội vụ về việc báo cáo kết quả cải cách hành chính.\n") == []
    assert tasks_of("Các nhiệm vụ được giao Sở Nội vụ theo dõi và tổng hợp định kỳ.\n") == []


def test_chi_dao_keeps_the_subject_as_lead() -> None:
    # a provincial plan: the districts' task is to direct the communes
    (task,) = tasks_of("- UBND các huyện, thị xã, thành phố chỉ đạo UBND cấp xã tổ chức bầu cử trưởng thôn, "
                       "tổ trưởng tổ dân phố đúng quy định.\n", issuer="UBND tỉnh Quảng Trị")
    assert leads(task) == ["UBND các huyện, thị xã, thành phố"]


def test_letter_addressees_and_an_intro_after_a_cited_document() -> None:
    # the shape of a provincial Công văn (Bắc Giang style): addressees under "Kính gửi:", an intro
    # that opens by citing the document it implements, then numbered items
    tasks = tasks_of(
        "Kính gửi:\n- Các sở, cơ quan thuộc UBND tỉnh;\n- UBND các huyện, thành phố.\n"
        "Thực hiện Công văn số 1234/BNV-CCHC ngày 20/3/2024 của Bộ Nội vụ về việc xác định Chỉ số cải cách "
        "hành chính năm 2023, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các cơ quan, đơn vị nêu trên tập trung "
        "thực hiện một số nội dung sau:\n"
        "1. Rà soát, đánh giá kết quả thực hiện các tiêu chí bị trừ điểm, hoàn thành trước ngày 30/4/2024.\n"
        "2. Tăng cường kỷ luật, kỷ cương hành chính trong cơ quan, đơn vị.\n",
        issuer="UBND tỉnh Bắc Giang", doc_type="Công văn")
    assert [leads(t) for t in tasks] == [["Thủ trưởng các cơ quan, đơn vị"]] * 2
    assert tasks[0].deadline.date == dt.date(2024, 4, 30)


def test_numbered_unit_colon_opens_a_list_of_its_tasks() -> None:
    tasks = tasks_of("1. Sở Nội vụ: Chủ trì, hướng dẫn các cơ quan, đơn vị triển khai Kế hoạch này.\n"
                     "- Tổng hợp kết quả thực hiện, báo cáo UBND tỉnh trước ngày 15/12/2024.\n"
                     "2. Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật của tỉnh.\n"
                     "- Kết quả rà soát được công khai trên Cổng thông tin điện tử tỉnh.\n")
    assert [leads(t) for t in tasks] == [["Sở Nội vụ"], ["Sở Nội vụ"], ["Sở Tư pháp"]]


def test_owner_in_a_trailing_bracket() -> None:
    # a common layout of provincial plans: the item, then its owner and time in brackets
    tasks = tasks_of(
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh (Văn phòng UBND tỉnh "
        "chủ trì, phối hợp với các sở, ban, ngành; hoàn thành trong Quý III/2024).\n"
        "2. Công khai kết quả giải quyết hồ sơ trên Cổng Dịch vụ công của tỉnh (Cơ quan chủ trì: Sở Thông tin "
        "và Truyền thông; Thời gian: Thường xuyên).\n")
    assert [leads(t) for t in tasks] == [["Văn phòng UBND tỉnh"], ["Sở Thông tin và Truyền thông"]]
    assert tasks[0].text.startswith("Rà soát, đơn giản hóa") and supports(tasks[0]) == ["các sở, ban, ngành"]
    assert tasks[0].deadline.date == dt.date(2024, 9, 30)
    assert tasks[1].deadline.raw == "Thường xuyên"


def test_owner_named_after_the_work() -> None:
    (task,) = tasks_of("- Tổ chức khảo sát mức độ hài lòng của người dân đối với dịch vụ y tế công lập. "
                       "Giao Sở Y tế chủ trì thực hiện.\n")
    assert leads(task) == ["Sở Y tế"] and task.text.startswith("Tổ chức khảo sát mức độ hài lòng")


def test_only_the_last_clause_is_an_intro() -> None:
    tasks = tasks_of("Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật. Sở Nội vụ thực hiện các nhiệm vụ sau:\n"
                     "a) Theo dõi, đôn đốc việc thực hiện Kế hoạch này.\n")
    assert [leads(t) for t in tasks] == [["Sở Tư pháp"], ["Sở Nội vụ"]]


def test_legal_grounds_are_not_tasks_but_articles_assigning_work_are() -> None:
    # the body of a provincial Quyết định (Hà Tĩnh style)
    tasks = tasks_of(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\n"
        "QUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải thiện Chỉ số PAPI năm 2024.\n"
        "Điều 2. Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc, kiểm tra việc "
        "thực hiện Kế hoạch; tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2024.\n"
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc các sở; Chủ tịch "
        "UBND các huyện chịu trách nhiệm thi hành Quyết định này./.\n", doc_type="Quyết định")
    assert [(t.label, leads(t)) for t in tasks] == [("Điều 2", ["Sở Nội vụ"])]
    assert supports(tasks[0]) == ["các cơ quan liên quan"]
    assert tasks[0].deadline.date == dt.date(2024, 12, 15)


def test_a_list_run_into_one_paragraph_gives_each_item() -> None:
    # portal news on a provincial plan: the list after "… sau:" kept in one paragraph
    tasks = tasks_of("Theo đó, UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thành phố "
                     "tập trung thực hiện tốt các nhiệm vụ, giải pháp sau: Tăng cường công tác thông tin, tuyên truyền "
                     "về Chỉ số PAPI; nâng cao chất lượng giải quyết thủ tục hành chính; thường xuyên kiểm tra công vụ.\n",
                     doc_type="Tin bài")
    assert [t.text for t in tasks] == ["Tăng cường công tác thông tin, tuyên truyền về Chỉ số PAPI",
                                       "nâng cao chất lượng giải quyết thủ tục hành chính",
                                       "thường xuyên kiểm tra công vụ"]
    assert all(leads(t) == ["Thủ trưởng các sở, ban, ngành", "Chủ tịch UBND các huyện, thành phố"] for t in tasks)
    assert tasks[2].deadline.raw.lower().startswith("thường xuyên")


def test_report_next_steps_section_assigns_work() -> None:
    # a district office's Báo cáo (Lào Cai style): results reported, then next steps and proposals
    tasks = tasks_of(
        "BÁO CÁO\nKết quả thực hiện Kế hoạch cải thiện Chỉ số PAPI 9 tháng đầu năm 2023\n"
        "I. KẾT QUẢ THỰC HIỆN\n1. Công tác chỉ đạo, điều hành\n"
        "Phòng Nội vụ tham mưu UBND huyện ban hành Kế hoạch số 120/KH-UBND ngày 15/3/2023.\n"
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV/2023\n"
        "1. Tiếp tục tuyên truyền về Chỉ số PAPI trên hệ thống loa truyền thanh cơ sở.\n"
        "2. UBND các xã, thị trấn rà soát, niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa.\n"
        "IV. ĐỀ XUẤT, KIẾN NGHỊ\nĐề nghị Sở Nội vụ tổ chức tập huấn về Chỉ số PAPI cho công chức cấp xã.\n",
        issuer="Phòng Nội vụ huyện Bảo Yên", doc_type="Báo cáo", year=2023)
    assert [leads(t) for t in tasks] == [["UBND các xã, thị trấn"], ["Sở Nội vụ"]]


def test_a_standing_duty_with_la_co_quan() -> None:
    # portal news on a plan (Quảng Ninh style): "Cụ thể: Sở Nội vụ là cơ quan thường trực, …; Sở Tư pháp …"
    tasks = tasks_of("Kế hoạch giao nhiệm vụ cụ thể cho từng cơ quan, đơn vị. Cụ thể: Sở Nội vụ là cơ quan thường "
                     "trực, theo dõi, đôn đốc việc thực hiện Kế hoạch; Sở Tư pháp chủ trì rà soát văn bản quy phạm "
                     "pháp luật.\n", doc_type="Tin bài")
    assert [leads(t) for t in tasks] == [["Sở Nội vụ"], ["Sở Tư pháp"]]
    assert tasks[0].text.startswith("là cơ quan thường trực")


def test_news_opening_with_theo_ke_hoach() -> None:
    (task,) = tasks_of("Theo Kế hoạch, các cơ quan, đơn vị có trách nhiệm công khai số điện thoại đường dây nóng "
                       "để tiếp nhận phản ánh, kiến nghị của người dân.\n", doc_type="Tin bài")
    assert leads(task) == ["các cơ quan, đơn vị"] and task.text.startswith("có trách nhiệm công khai")


def test_the_issuers_report_is_not_the_work_of_the_unit_named_after_it() -> None:
    # news from a district portal (Sa Pa, Lào Cai): the first sentence reports the issuer's plan
    tasks = tasks_of("UBND thị xã Sa Pa vừa ban hành Kế hoạch số 88/KH-UBND ngày 12/3/2024 về cải thiện Chỉ số PAPI "
                     "năm 2024. Theo đó, Phòng Nội vụ thị xã chủ trì, phối hợp với các cơ quan, đơn vị tổ chức thực "
                     "hiện.\n", issuer="UBND thị xã Sa Pa", doc_type="Tin bài")
    assert [leads(t) for t in tasks] == [["Phòng Nội vụ thị xã"]]
    assert not tasks[0].text.startswith("UBND thị xã Sa Pa")


def test_the_issuer_directing_units_hands_them_the_work() -> None:
    (task,) = tasks_of("Chủ tịch UBND tỉnh chỉ đạo các sở, ban, ngành, địa phương tập trung khắc phục các chỉ số "
                       "thành phần giảm điểm.\n", issuer="UBND tỉnh Quảng Ninh", doc_type="Tin bài")
    assert leads(task) == ["các sở, ban, ngành, địa phương"] and task.text.startswith("tập trung khắc phục")


def test_an_intro_ending_in_a_colon_after_the_addressees() -> None:
    # a department's Công văn (Thừa Thiên Huế style): "Sở Nội vụ đề nghị các cơ quan, đơn vị:" then items
    tasks = tasks_of("Thực hiện Kế hoạch số 230/KH-UBND ngày 12/5/2023 của UBND tỉnh, Sở Nội vụ đề nghị các cơ "
                     "quan, đơn vị:\n1. Niêm yết công khai đường dây nóng tại Bộ phận Một cửa.\n"
                     "2. Báo cáo kết quả về Sở Nội vụ trước ngày 30/9/2023.\n",
                     issuer="Sở Nội vụ tỉnh Thừa Thiên Huế", doc_type="Công văn", year=2023)
    assert [leads(t) for t in tasks] == [["các cơ quan, đơn vị"]] * 2
    assert tasks[1].deadline.date == dt.date(2023, 9, 30)


def test_a_conclusions_notice_of_the_provincial_office() -> None:
    # Thông báo kết luận (Lạng Sơn style): the Chairman concludes, the items assign, the last line informs
    tasks = tasks_of(
        "Sau khi nghe báo cáo, Chủ tịch UBND tỉnh kết luận như sau:\n"
        "1. Yêu cầu Giám đốc các sở, Chủ tịch UBND các huyện, thành phố tập trung chỉ đạo khắc phục các nội "
        "dung giảm điểm.\n"
        "2. Giao Sở Nội vụ chủ trì, phối hợp với Sở Thông tin và Truyền thông tổ chức tuyên truyền về Chỉ số PAPI.\n"
        "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.\n",
        issuer="Văn phòng UBND tỉnh Lạng Sơn", doc_type="Thông báo")
    assert [leads(t) for t in tasks] == [["Giám đốc các sở", "Chủ tịch UBND các huyện, thành phố"], ["Sở Nội vụ"]]


@pytest.mark.parametrize("bracket", ["(Sở Nội vụ)", "(Giao Sở Nội vụ thực hiện)", "(Sở Nội vụ chủ trì)"])
def test_owner_alone_in_a_trailing_bracket(bracket: str) -> None:
    (task,) = tasks_of(f"II. NHIỆM VỤ, GIẢI PHÁP\n1. Tổ chức khảo sát sự hài lòng của người dân đối với dịch vụ "
                       f"hành chính công {bracket}.\n")
    assert leads(task) == ["Sở Nội vụ"] and task.text.startswith("Tổ chức khảo sát")


def test_a_bracket_naming_no_unit_is_no_owner() -> None:
    assert tasks_of("II. NHIỆM VỤ, GIẢI PHÁP\n1. Tổ chức khảo sát sự hài lòng của người dân (theo quy định).\n") == []


def test_news_on_an_issued_document_gives_its_request_as_the_task() -> None:
    # the usual lead of provincial news on a directive (Bà Rịa - Vũng Tàu, Lào Cai portals):
    # "<body> vừa ban hành Công văn số … yêu cầu <units> <work>"; titles printed in lower case
    (task,) = tasks_of("UBND tỉnh vừa ban hành công văn số 9228/UBND-VP yêu cầu thủ trưởng các cơ quan, đơn vị, "
                       "chủ tịch UBND cấp huyện, cấp xã triển khai thực hiện giải pháp cải thiện kết quả chỉ số "
                       "PAR INDEX, chỉ số SIPAS năm 2022 của tỉnh.\n", issuer="UBND tỉnh", doc_type="Tin bài")
    assert leads(task) == ["thủ trưởng các cơ quan, đơn vị", "chủ tịch UBND cấp huyện", "chủ tịch UBND cấp xã"]
    assert task.text.startswith("triển khai thực hiện giải pháp")
    (task,) = tasks_of("UBND huyện ban hành Kế hoạch số 12/KH-UBND ngày 5/3/2024 về việc tăng cường kỷ luật, "
                       "kỷ cương hành chính, yêu cầu các cơ quan, đơn vị triển khai thực hiện nghiêm.\n",
                       issuer="UBND huyện Phù Yên", doc_type="Tin bài")
    assert leads(task) == ["các cơ quan, đơn vị"] and task.text.startswith("triển khai thực hiện nghiêm")


def test_an_issued_document_answering_another_bodys_request_assigns_nothing() -> None:
    # "theo yêu cầu của Bộ": the request word is a noun here, and no unit follows it
    assert tasks_of("UBND tỉnh đã ban hành Kế hoạch số 5/KH-UBND về thực hiện nhiệm vụ theo yêu cầu của Bộ "
                    "Nội vụ trong năm 2024.\n", issuer="UBND tỉnh", doc_type="Tin bài") == []


def test_a_speaker_or_document_stressing_what_units_must_do() -> None:
    # news on a Chỉ thị and on a conference: the units after "nêu rõ," / "nhấn mạnh:" lead, not the speaker
    (task,) = tasks_of("Chỉ thị nêu rõ, Giám đốc các sở, ban, ngành phải chịu trách nhiệm trước Chủ tịch UBND "
                       "tỉnh về kết quả cải thiện Chỉ số PAPI.\n", issuer="UBND tỉnh", doc_type="Tin bài")
    assert leads(task) == ["Giám đốc các sở, ban, ngành"] and task.text.startswith("phải chịu trách nhiệm")
    (task,) = tasks_of("Đồng chí Chủ tịch UBND tỉnh nhấn mạnh: các sở, ban, ngành cần tập trung khắc phục các "
                       "chỉ số giảm điểm.\n", issuer="UBND tỉnh", doc_type="Tin bài")
    assert leads(task) == ["các sở, ban, ngành"]
    # stressing with no unit after it assigns nothing, and the speaker gets no task
    assert tasks_of("Chủ tịch UBND tỉnh nhấn mạnh, cần tập trung khắc phục các chỉ số giảm điểm.\n",
                    issuer="UBND tỉnh Lào Cai", doc_type="Tin bài") == []


def test_a_unit_given_a_duty_in_the_passive() -> None:
    # "được giao chủ trì / nhiệm vụ / trách nhiệm": a duty; "được giao 15 chỉ tiêu": an allocation
    tasks = tasks_of("Sở Thông tin và Truyền thông được giao chủ trì, phối hợp với Sở Nội vụ hướng dẫn các địa "
                     "phương ứng dụng công nghệ thông tin.\n\n"
                     "Sở Tư pháp được giao nhiệm vụ theo dõi thi hành pháp luật.\n\n"
                     "Sở Nội vụ được giao 15 chỉ tiêu biên chế.\n", issuer="UBND tỉnh", doc_type="Tin bài")
    assert [(leads(t), supports(t)) for t in tasks] == [(["Sở Thông tin và Truyền thông"], ["Sở Nội vụ"]),
                                                         (["Sở Tư pháp"], [])]
    assert tasks[0].text.startswith("hướng dẫn các địa phương") and tasks[1].text.startswith("theo dõi thi hành")


def test_news_passives_and_adverbs_of_assignment() -> None:
    # a ward's news item (QA round 7): "X được giao <work>", "X được yêu cầu <work>", and the
    # chairman's "cũng đề nghị" / "đồng thời giao" / "tiếp tục yêu cầu" hand the work on
    tasks = tasks_of("Phòng Văn hóa - Xã hội được giao phối hợp với Đoàn Thanh niên phường hướng dẫn người dân sử "
                     "dụng ứng dụng VNeID.\n\nChủ tịch UBND phường cũng đề nghị Ủy ban MTTQ Việt Nam phường phát huy "
                     "vai trò giám sát.\n\nChủ tịch UBND phường đồng thời giao Công an phường tăng cường tuần tra.\n\n"
                     "Chủ tịch UBND phường tiếp tục yêu cầu Trưởng các khu phố công khai các khoản đóng góp.\n\n"
                     "Trung tâm Phục vụ hành chính công phường được yêu cầu niêm yết công khai bộ thủ tục hành chính.\n\n"
                     "Phòng Kinh tế được giao kinh phí 200 triệu đồng.\n", issuer="UBND phường Quy Nhơn", doc_type="Tin bài")
    assert [(leads(t), supports(t)) for t in tasks] == [
        (["Phòng Văn hóa - Xã hội"], ["Đoàn Thanh niên phường"]), (["Ủy ban MTTQ Việt Nam phường"], []),
        (["Công an phường"], []), (["Trưởng các khu phố"], []), (["Trung tâm Phục vụ hành chính công phường"], [])]
    assert tasks[-1].text.startswith("niêm yết công khai")


def test_a_group_qualified_by_what_it_was_given_keeps_its_task() -> None:
    # "Các sở, ngành được giao quản lý …": which sở, not a passive; a single unit "được giao 15 …" stays out
    (task,) = tasks_of("IV. TỔ CHỨC THỰC HIỆN\n3. Các sở, ngành được giao quản lý chuyên ngành rà soát, đề xuất "
                       "cắt giảm thủ tục hành chính, hoàn thành trong Quý III/2024.\n", issuer="UBND tỉnh Quảng Ninh")
    assert leads(task) == ["Các sở, ngành"]
    assert task.text.startswith("quản lý chuyên ngành rà soát") and task.deadline.date == dt.date(2024, 9, 30)
    assert tasks_of("IV. TỔ CHỨC THỰC HIỆN\n3. Các xã được giao 15 chỉ tiêu biên chế.\n", issuer="UBND huyện") == []


def test_a_trailing_bracket_gives_its_deadline_beside_the_owner() -> None:
    (task,) = tasks_of("II. NHIỆM VỤ, GIẢI PHÁP\n3. Khảo sát sự hài lòng của người dân (Phòng Nội vụ chủ trì, hoàn "
                       "thành trong tháng 10/2024).\n", issuer="UBND huyện Sa Pa")
    assert leads(task) == ["Phòng Nội vụ"]
    assert (task.deadline.raw, task.deadline.date) == ("hoàn thành trong tháng 10/2024", dt.date(2024, 10, 31))


def test_a_field_blocks_time_keeps_no_sentence_stop() -> None:
    (task,) = tasks_of("II. NHIỆM VỤ, GIẢI PHÁP\n1. Tuyên truyền về Chỉ số SIPAS\n- Đơn vị chủ trì: Phòng Văn hóa và "
                       "Thông tin.\n- Thời gian thực hiện: Quý II/2024.\n", issuer="UBND huyện Sa Pa")
    assert (task.deadline.raw, task.deadline.date) == ("Quý II/2024", dt.date(2024, 6, 30))


@pytest.mark.parametrize("text,lead,start", [
    # verbs that fold like a preposition ("theo", "cùng", "từ", "cấp", "để") after their unit
    ("Giao Phòng Nội vụ theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch.", "Phòng Nội vụ", "theo dõi"),
    ("2. Sở Nội vụ theo dõi, đôn đốc việc thực hiện Chỉ thị này.", "Sở Nội vụ", "theo dõi"),
    ("Sở Thông tin và Truyền thông cung cấp thông tin cho các cơ quan báo chí.", "Sở Thông tin và Truyền thông", "cung cấp"),
    ("UBND các xã, thị trấn tự đánh giá, chấm điểm các tiêu chí.", "UBND các xã, thị trấn", "tự đánh giá"),
    ("Sở Tư pháp cập nhật cơ sở dữ liệu quốc gia về pháp luật.", "Sở Tư pháp", "cập nhật"),
    ("Sở Nội vụ đề xuất UBND tỉnh khen thưởng các tập thể có thành tích.", "Sở Nội vụ", "đề xuất"),
    # "Kiến nghị" opens a report's proposal as "Đề nghị" does; "Riêng X" names the item's own unit
    ("Kiến nghị Bộ Nội vụ sớm ban hành hướng dẫn xác định Chỉ số cải cách hành chính.", "Bộ Nội vụ", "sớm ban hành"),
    ("Riêng Văn phòng UBND tỉnh chỉ đạo Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hồ sơ.", "Văn phòng UBND tỉnh",
     "chỉ đạo"),
])
def test_verbs_folding_like_prepositions_and_more_lead_ins(text: str, lead: str, start: str) -> None:
    (task,) = tasks_of(text)
    assert leads(task) == [lead] and task.text.startswith(start)


def test_a_unit_before_the_same_words_as_prepositions_is_still_no_subject() -> None:
    assert tasks_of("UBND các xã cùng cấp thực hiện việc công khai.\n") == []


def test_a_block_of_fields_on_one_line_and_shared_by_numbered_items() -> None:
    tasks = tasks_of("II. NHIỆM VỤ, GIẢI PHÁP\n1. Công khai, minh bạch\n"
                     "- Công khai kết luận thanh tra trên Cổng thông tin điện tử tỉnh.\n"
                     "Đơn vị chủ trì: Thanh tra tỉnh. Đơn vị phối hợp: Sở Nội vụ, Công an tỉnh. Thời gian: Năm 2024.\n"
                     "3. Trách nhiệm giải trình\n3.1. Tổ chức đối thoại giữa Chủ tịch UBND quận với Nhân dân.\n"
                     "3.2. Công khai kết quả giải quyết khiếu nại, tố cáo.\n"
                     "- Đơn vị chủ trì: Văn phòng HĐND và UBND quận; phối hợp: Thanh tra quận; thời gian: Quý III/2024.\n",
                     issuer="UBND quận Cẩm Lệ")
    assert [(leads(t), supports(t), t.deadline.date) for t in tasks] == [
        (["Thanh tra tỉnh"], ["Sở Nội vụ", "Công an tỉnh"], dt.date(2024, 12, 31)),
        (["Văn phòng HĐND và UBND quận"], ["Thanh tra quận"], dt.date(2024, 9, 30)),
        (["Văn phòng HĐND và UBND quận"], ["Thanh tra quận"], dt.date(2024, 9, 30))]
    assert tasks[1].text.startswith("Tổ chức đối thoại") and tasks[2].text.startswith("Công khai kết quả")


def test_fields_before_the_work_and_the_work_in_a_field() -> None:
    # Quyết định layouts: the block opens the item, the work sits in "Nhiệm vụ trọng tâm:" or follows as bullets
    tasks = tasks_of("III. TỔ CHỨC THỰC HIỆN\n2. Nội dung 4 \"Kiểm soát tham nhũng\"\n- Cơ quan chủ trì: Thanh tra tỉnh.\n"
                     "- Cơ quan phối hợp: Sở Nội vụ; Công an tỉnh.\n- Nhiệm vụ trọng tâm:\n"
                     "+ Công khai kết quả xử lý các vụ việc tham nhũng, tiêu cực;\n"
                     "+ Kiểm tra việc tuyển dụng, bổ nhiệm công chức, viên chức.\n- Thời gian thực hiện: Quý III/2023.\n"
                     "3. Nội dung 8\nĐơn vị chủ trì: Sở Thông tin và Truyền thông. Thời gian: Năm 2023.\n"
                     "- Hướng dẫn người dân sử dụng dịch vụ công trực tuyến.\n"
                     "- Phát triển hạ tầng internet băng thông rộng.\n", year=2023)
    assert [t.text[:25] for t in tasks] == ["Công khai kết quả xử lý c", "Kiểm tra việc tuyển dụng,",
                                            "Hướng dẫn người dân sử dụ", "Phát triển hạ tầng intern"]
    assert [leads(t) for t in tasks] == [["Thanh tra tỉnh"]] * 2 + [["Sở Thông tin và Truyền thông"]] * 2
    assert tasks[0].deadline.date == dt.date(2023, 9, 30) and supports(tasks[1]) == ["Sở Nội vụ", "Công an tỉnh"]


def test_owners_in_brackets_on_their_own_line_after_the_text_and_doing_it() -> None:
    tasks = tasks_of("II. NHIỆM VỤ\n1. Kiện toàn Tổ công tác cải cách hành chính của phường. (Giao Văn phòng HĐND "
                     "và UBND phường chủ trì; Phòng Văn hóa - Xã hội phối hợp)\n"
                     "2. Rà soát, niêm yết công khai bộ thủ tục hành chính cấp xã.\n"
                     "(Giao Trung tâm Phục vụ hành chính công phường)\n"
                     "3. Tổ chức hội nghị đối thoại với Nhân dân. Đơn vị thực hiện: Văn phòng HĐND và UBND phường.\n"
                     "4. Thu gom, xử lý rác thải sinh hoạt (Phòng Kinh tế, Hạ tầng và Đô thị thực hiện).\n",
                     issuer="UBND phường Lâm Viên")
    assert [(t.text[:20], leads(t)) for t in tasks] == [
        ("Kiện toàn Tổ công tá", ["Văn phòng HĐND và UBND phường"]),
        ("Rà soát, niêm yết cô", ["Trung tâm Phục vụ hành chính công phường"]),
        ("Tổ chức hội nghị đối", ["Văn phòng HĐND và UBND phường"]),
        ("Thu gom, xử lý rác t", ["Phòng Kinh tế, Hạ tầng và Đô thị"])]
    assert supports(tasks[0]) == ["Phòng Văn hóa - Xã hội"]


def test_a_list_intro_ends_at_the_next_sibling_and_passes_its_partners_down() -> None:
    tasks = tasks_of("III. TỔ CHỨC THỰC HIỆN\n5. Nội dung \"Thủ tục hành chính công\"\n"
                     "Văn phòng UBND tỉnh chủ trì, phối hợp với các sở, ngành:\n"
                     "a) Rà soát, chuẩn hóa quy trình nội bộ giải quyết thủ tục hành chính.\n"
                     "6. Nội dung \"Cung ứng dịch vụ công\"\n- Sở Y tế: Nâng cao chất lượng khám, chữa bệnh tại trạm y tế xã.\n")
    assert [(leads(t), supports(t)) for t in tasks] == [(["Văn phòng UBND tỉnh"], ["các sở, ngành"]), (["Sở Y tế"], [])]


def test_a_leader_concluding_hands_no_work_to_himself() -> None:
    # Thông báo kết luận: the headings under "… kết luận như sau:" are not the leader's tasks
    tasks = tasks_of("Phó Chủ tịch UBND tỉnh kết luận như sau:\n1. Đánh giá chung\nNăm 2023, Chỉ số PAPI của tỉnh giảm "
                     "06 bậc.\n2. Nhiệm vụ trong thời gian tới\n2.1. Giao Sở Nội vụ:\na) Tổ chức tập huấn nghiệp vụ cho "
                     "công chức trước ngày 30/6/2024.\n", issuer="Văn phòng UBND tỉnh Thanh Hóa", doc_type="Thông báo")
    assert [leads(t) for t in tasks] == [["Sở Nội vụ"]]


def test_units_a_part_of_the_decision_assigned() -> None:
    (task,) = tasks_of("1. Các cơ quan, đơn vị được phân công chủ trì:\na) Xây dựng kế hoạch cải thiện nội dung được "
                       "giao, gửi Sở Nội vụ trước ngày 15/4/2023.\n", year=2023)
    assert leads(task) == ["Các cơ quan, đơn vị được phân công chủ trì"]


def test_a_bracket_after_the_subject_or_inside_a_unit_cell_is_a_note() -> None:
    tasks = tasks_of("II. NHIỆM VỤ\n1. Sở Kế hoạch và Đầu tư (qua Phòng Doanh nghiệp, kinh tế tập thể và tư nhân; Phòng "
                     "Đăng ký kinh doanh) tổng hợp khó khăn của doanh nghiệp định kỳ hằng tuần.\n")
    assert [(leads(t), t.text[:9], t.deadline.raw) for t in tasks] == [
        (["Sở Kế hoạch và Đầu tư"], "tổng hợp ", "định kỳ hằng tuần")]


def test_star_bullets_naming_units_over_dash_bullets() -> None:
    # a department's news item: "* <unit>:" then its "- …" items (the order a list uses, not a fixed one)
    tasks = tasks_of("Theo Kế hoạch, Giám đốc Sở phân công nhiệm vụ cụ thể như sau:\n"
                     "* Chi cục Bảo vệ môi trường:\n- Tham mưu kiểm tra việc chấp hành pháp luật về bảo vệ môi trường.\n"
                     "- Phối hợp với UBND các huyện, thành phố hướng dẫn phân loại rác thải sinh hoạt tại nguồn.\n"
                     "* Thanh tra Sở:\n- Giải quyết dứt điểm đơn thư khiếu nại, tố cáo về đất đai.\n",
                     issuer="Sở Tài nguyên và Môi trường tỉnh Sơn La", doc_type="Tin bài")
    assert [leads(t) for t in tasks] == [["Chi cục Bảo vệ môi trường"]] * 2 + [["Thanh tra Sở"]]
    # and the usual order, "- …" over "+ …", still nests the same way
    tasks = tasks_of("II. NHIỆM VỤ\n- Sở Nội vụ:\n+ Tổ chức tập huấn nghiệp vụ cho công chức cấp xã.\n"
                     "+ Kiểm tra công tác cải cách hành chính tại các huyện.\n")
    assert [leads(t) for t in tasks] == [["Sở Nội vụ"]] * 2


@pytest.mark.parametrize("text,lead,start", [
    ("Đối với Sở Nội vụ: Chủ trì theo dõi, đôn đốc việc thực hiện Chỉ thị.", "Sở Nội vụ", "Chủ trì theo dõi"),
    ("Với UBND các phường, kế hoạch yêu cầu bố trí công chức có năng lực làm việc tại Bộ phận Một cửa.",
     "UBND các phường", "bố trí công chức"),
    # the topic is no unit: the subject after it leads, as before
    ("Đối với nội dung Cải cách thể chế, Phòng Tư pháp huyện chủ trì rà soát văn bản.", "Phòng Tư pháp huyện",
     "chủ trì rà soát"),
])
def test_units_named_as_the_clause_topic(text: str, lead: str, start: str) -> None:
    (task,) = tasks_of(text, issuer="UBND tỉnh Quảng Trị", doc_type="Tin bài")
    assert leads(task) == [lead] and task.text.startswith(start)


def test_a_reports_section_on_the_results_of_its_tasks_reports() -> None:
    tasks = tasks_of("II. KẾT QUẢ TRIỂN KHAI CÁC NHIỆM VỤ CẢI THIỆN CHỈ SỐ PAPI NĂM 2023\n"
                     "- Thanh tra tỉnh tiến hành 14 cuộc thanh tra trách nhiệm về tiếp công dân.\n"
                     "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024\n1. Sở Nội vụ hướng dẫn, kiểm tra việc thực hiện dân chủ ở cơ sở.\n",
                     issuer="UBND tỉnh Thanh Hóa", doc_type="Báo cáo")
    assert [leads(t) for t in tasks] == [["Sở Nội vụ"]]


@pytest.mark.parametrize("text", [
    # news narrating a meeting or a ranking assigns nothing
    "Phó Chủ tịch UBND tỉnh Lê Văn Hòa chủ trì hội nghị.",
    "Sở Xây dựng xếp cuối bảng với 61,05 điểm.",
    "Sở Tư pháp dẫn đầu khối sở, ngành với 85,2 điểm.",
    "Sở Y tế đạt 85 điểm, tăng 2 bậc so với năm 2023.",
    "UBND huyện ghi nhận những nỗ lực của các xã.",
    # the closing exhortation of a department's letter
    "Sở Nội vụ đề nghị các cơ quan, đơn vị, địa phương quan tâm, phối hợp thực hiện./.",
    # "Thanh tra" as a verb
    "- Thanh tra, kiểm tra công tác tuyển dụng công chức.",
])
def test_narration_rankings_and_lookalikes_are_no_tasks(text: str) -> None:
    assert tasks_of(text + "\n", issuer="UBND tỉnh Ninh Bình", doc_type="Tin bài") == []


def test_a_leaders_reminder_and_a_unit_heard_before_concluding() -> None:
    (task,) = tasks_of("Đồng chí cũng lưu ý UBND cấp xã phải công khai các khoản đóng góp của Nhân dân.\n",
                       issuer="UBND tỉnh Ninh Bình", doc_type="Tin bài")
    assert leads(task) == ["UBND cấp xã"]
    tasks = tasks_of("Sau khi nghe Sở Nội vụ báo cáo kết quả Chỉ số PAPI năm 2024, Phó Chủ tịch UBND tỉnh kết luận như sau:\n"
                     "1. Đánh giá chung\nNăm 2024, Chỉ số PAPI của tỉnh tăng 5 bậc.\n2. Nhiệm vụ trong thời gian tới\n"
                     "a) Sở Tư pháp: rà soát văn bản quy phạm pháp luật.\n", issuer="Văn phòng UBND tỉnh", doc_type="Thông báo")
    assert [leads(t) for t in tasks] == [["Sở Tư pháp"]]


def test_a_field_block_in_columns_on_one_line() -> None:
    (task,) = tasks_of("II. NHIỆM VỤ\n1. Thanh tra công tác tiếp công dân tại các huyện.\n"
                       "Đơn vị chủ trì: Thanh tra tỉnh | Đơn vị phối hợp: Sở Nội vụ | Thời gian hoàn thành: Tháng 12/2025\n",
                       year=2025)
    assert (leads(task), supports(task), task.deadline.date) == (["Thanh tra tỉnh"], ["Sở Nội vụ"], dt.date(2025, 12, 31))
    assert task.text.startswith("Thanh tra công tác")


def test_a_plan_attached_after_the_decisions_signature() -> None:
    tasks = tasks_of("QUYẾT ĐỊNH\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch nâng cao Chỉ số PAPI năm 2025.\n"
                     "Điều 3. Chánh Văn phòng HĐND và UBND huyện, Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm thi hành "
                     "Quyết định này./.\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
                     "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2025\n(Ban hành kèm theo Quyết định số 412/QĐ-UBND ngày 14/02/2025)\n"
                     "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Nội vụ là cơ quan thường trực, tham mưu UBND huyện theo dõi, đôn đốc "
                     "việc thực hiện Kế hoạch.\n", issuer="UBND huyện Đô Lương", doc_type="Quyết định", year=2025)
    assert [leads(t) for t in tasks] == [["Phòng Nội vụ"]]


@pytest.mark.parametrize("heading", ["CHƯƠNG TRÌNH HÀNH ĐỘNG", "KẾ HOẠCH TRIỂN KHAI", "KẾ HOẠCH HÀNH ĐỘNG", "PHỤ LỤC II"])
def test_a_programme_or_appendix_attached_after_the_signature(heading: str) -> None:
    # QA round 7: the attached document's heading names its kind and more ("CHƯƠNG TRÌNH HÀNH ĐỘNG")
    tasks = tasks_of("QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Chương trình hành động nâng cao Chỉ số DDCI.\n"
                     "Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn Thắng\n"
                     f"{heading}\nNâng cao Chỉ số DDCI huyện Lấp Vò năm 2024\nI. NHIỆM VỤ CỤ THỂ\n"
                     "1. Phòng Tài chính - Kế hoạch huyện: tham mưu UBND huyện tổ chức Hội nghị đối thoại doanh nghiệp.\n",
                     issuer="UBND huyện Lấp Vò", doc_type="Quyết định", year=2024)
    assert [leads(t) for t in tasks] == [["Phòng Tài chính - Kế hoạch huyện"]]


def test_one_sentence_giving_work_to_two_units_in_turn_is_two_tasks() -> None:
    # QA round 7: the time at the sentence's end is the second clause's; a comma inside a list of
    # units ("phối hợp với Sở Tư pháp, Công an tỉnh …", "các sở, ngành, UBND các huyện") splits nothing
    tasks = tasks_of("II. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Tài chính tổng hợp khó khăn, vướng mắc của doanh nghiệp trên địa "
                     "bàn tỉnh, Văn phòng UBND tỉnh tham mưu tổ chức Hội nghị đối thoại với doanh nghiệp trong Quý "
                     "IV/2025.\n2. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp, Công an tỉnh tổ chức tập huấn.\n"
                     "3. Sở Kế hoạch và Đầu tư tham mưu UBND tỉnh chỉ đạo các sở, ngành, UBND các huyện triển khai "
                     "kế hoạch.\n", issuer="UBND tỉnh Quảng Ngãi", year=2025)
    assert [(leads(t), supports(t), t.deadline.raw if t.deadline else None) for t in tasks] == [
        (["Sở Tài chính"], [], None), (["Văn phòng UBND tỉnh"], [], "trong Quý IV/2025"),
        (["Sở Nội vụ"], ["Sở Tư pháp", "Công an tỉnh"], None), (["Sở Kế hoạch và Đầu tư"], [], None)]
    assert tasks[0].text == "tổng hợp khó khăn, vướng mắc của doanh nghiệp trên địa bàn tỉnh"


@pytest.mark.parametrize("time_line", ["Thời gian thực hiện: Quý I/2026.", "Thời gian thực hiện:\nQuý I/2026."])
def test_a_time_line_after_a_units_bullets_is_every_bullets(time_line: str) -> None:
    # QA round 8: a commune's plan closes each unit's bullets with their time, on one line or two
    tasks = tasks_of("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2025\nII. NHIỆM VỤ\n1. Trung tâm Phục vụ hành chính công "
                     "xã:\n- Niêm yết công khai bộ thủ tục hành chính;\n- Thực hiện xin lỗi người dân khi hồ sơ quá "
                     f"hạn.\n{time_line}\n2. Phòng Kinh tế:\n- Công khai kế hoạch sử dụng đất năm 2026.\n"
                     "Thời gian thực hiện: Thường xuyên.\n", issuer="UBND xã Bát Xát", year=2025)
    assert [(leads(t), t.deadline.raw if t.deadline else None) for t in tasks] == [
        (["Trung tâm Phục vụ hành chính công xã"], "Quý I/2026"), (["Trung tâm Phục vụ hành chính công xã"], "Quý I/2026"),
        (["Phòng Kinh tế"], "Thường xuyên")]


def test_a_department_named_in_lower_case_runs_on_to_its_role() -> None:
    # QA rounds 7 and 8: a Sở's and a Board's departments are named in sentence case; the name runs
    # on to its colon or to "chủ trì"/"phối hợp với"; a known office does not ("Sở Nội vụ tăng cường …")
    tasks = tasks_of("II. NHIỆM VỤ\n1. Phòng Tổ chức, biên chế và tổ chức phi chính phủ: Công khai kết quả tuyển dụng.\n"
                     "2. Phòng Quản lý giá và công sản chủ trì, phối hợp với Phòng Quản lý ngân sách công khai kết quả "
                     "thẩm định giá đất.\n3. Phòng Quản lý quy hoạch và xây dựng chủ trì cập nhật quy hoạch chi tiết.\n"
                     "4. Sở Nội vụ tăng cường kiểm tra, phối hợp với Sở Tư pháp xử lý vi phạm.\n",
                     issuer="Sở Tài chính tỉnh Ninh Bình", year=2025)
    assert [(leads(t), supports(t)) for t in tasks] == [
        (["Phòng Tổ chức, biên chế và tổ chức phi chính phủ"], []),
        (["Phòng Quản lý giá và công sản"], ["Phòng Quản lý ngân sách"]),
        (["Phòng Quản lý quy hoạch và xây dựng"], []), (["Sở Nội vụ"], ["Sở Tư pháp"])]


def test_partners_listed_with_a_comma_stay_one_task() -> None:
    (task,) = tasks_of("II. NHIỆM VỤ\n3. Phòng Văn hóa - Xã hội:\nPhối hợp với Trường THCS Yên Thành, Trạm Y tế xã "
                       "công khai các khoản thu đầu năm học.\n", issuer="UBND xã Yên Thành", year=2025)
    assert (leads(task), supports(task)) == (["Phòng Văn hóa - Xã hội"], ["Trường THCS Yên Thành", "Trạm Y tế xã"])


def test_a_part_named_nội_dung_n_gives_its_papi_area() -> None:
    tasks = tasks_of("II. NHIỆM VỤ, GIẢI PHÁP\nNội dung 1: Tham gia của người dân ở cấp cơ sở\n- Sở Nội vụ chủ trì, phối "
                     "hợp với Ủy ban MTTQ Việt Nam tỉnh hướng dẫn tổ chức bầu cử trưởng thôn.\nNội dung 2: Công khai, "
                     "minh bạch\n- Sở Tài chính định kỳ 6 tháng kiểm tra việc công khai dự toán ngân sách cấp xã.\n",
                     issuer="UBND tỉnh Hà Giang", year=2025)
    assert [(leads(t), t.dimension) for t in tasks] == [(["Sở Nội vụ"], 1), (["Sở Tài chính"], 2)]


def test_an_items_own_time_field_stays_with_it() -> None:
    # "…; thời gian: Quý IV/2025." after the item's own unit: its deadline, not a block's field
    # that swallowed the next bullets; a time field outranks a start inside the object
    tasks = tasks_of("II. NHIỆM VỤ, GIẢI PHÁP\n1. Nội dung Cung ứng dịch vụ công\n- Phòng Văn hóa - Xã hội chủ trì kiểm "
                     "tra vệ sinh an toàn thực phẩm tại các trường học; thời gian: Quý IV/2025.\n- Công an phường: tăng "
                     "cường tuần tra, kiểm soát an ninh trật tự tại các khu dân cư; thường xuyên.\n- Sở Nông nghiệp và "
                     "Môi trường: công khai bảng giá đất áp dụng từ ngày 01/01/2026 trên Cổng Thông tin điện tử tỉnh; "
                     "thời gian: tháng 01/2026.\n", issuer="UBND phường Hạc Thành", year=2025)
    assert [(leads(t), t.deadline.raw) for t in tasks] == [
        (["Phòng Văn hóa - Xã hội"], "Quý IV/2025"), (["Công an phường"], "thường xuyên"),
        (["Sở Nông nghiệp và Môi trường"], "tháng 01/2026")]


def test_a_plan_gives_its_issuers_head_duties_news_reports_them() -> None:
    text = "III. TỔ CHỨC THỰC HIỆN\n1. Chủ tịch UBND xã tiếp công dân định kỳ vào ngày 15 hằng tháng.\n"
    assert [leads(t) for t in tasks_of(text, issuer="UBND xã Đa Bạc", doc_type="Kế hoạch")] == [["Chủ tịch UBND xã"]]
    assert tasks_of(text, issuer="UBND xã Đa Bạc", doc_type="Tin bài") == []


def test_a_passage_opening_with_a_papi_area_before_its_colon() -> None:
    tasks = tasks_of("Nội dung 1 - Tham gia của người dân ở cấp cơ sở: Phòng Nội vụ huyện chủ trì tuyên truyền Luật Thực "
                     "hiện dân chủ ở cơ sở.\n\nVề Công khai, minh bạch: Phòng Kinh tế chủ trì công khai quy hoạch sử dụng "
                     "đất của xã.\n", issuer="UBND xã Đá Bạc", doc_type="Tin bài", year=2025)
    assert [(leads(t), t.dimension) for t in tasks] == [(["Phòng Nội vụ huyện"], 1), (["Phòng Kinh tế"], 2)]


@pytest.mark.parametrize("text,lead,start", [
    # a name the grammar cuts at a lower-case word runs on to its colon
    ("1. Trung tâm Kiểm soát bệnh tật tỉnh: Tăng cường giám sát dịch bệnh.", "Trung tâm Kiểm soát bệnh tật tỉnh",
     "Tăng cường giám sát"),
    ("2. Các trường mầm non, tiểu học, trung học cơ sở trên địa bàn phường: Công khai các khoản thu.",
     "Các trường mầm non, tiểu học, trung học cơ sở trên địa bàn phường", "Công khai các khoản"),
    # a verb before the colon keeps the name as it was
    ("3. Sở Y tế tăng cường kiểm tra: an toàn thực phẩm tại các bếp ăn tập thể.", "Sở Y tế", "tăng cường kiểm tra"),
    # a speaker's points
    ("Thứ nhất, Phòng Nội vụ tham mưu UBND huyện kiện toàn Ban Chỉ đạo cải cách hành chính.", "Phòng Nội vụ",
     "tham mưu UBND huyện"),
    # partners without "với"
    ("Phòng Tư pháp chủ trì, phối hợp UBND các xã, thị trấn công khai thủ tục hành chính.", "Phòng Tư pháp",
     "công khai thủ tục"),
])
def test_names_to_the_colon_ordinal_points_and_partners(text: str, lead: str, start: str) -> None:
    (task,) = tasks_of(text + "\n", issuer="UBND huyện Bảo Lâm", doc_type="Kế hoạch")
    assert leads(task) == [lead] and task.text.startswith(start)


def test_a_unit_line_opens_a_lettered_list_and_the_next_unit_line_another() -> None:
    tasks = tasks_of("III. TỔ CHỨC THỰC HIỆN\nThủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thành phố:\n"
                     "a) Quán triệt đến cán bộ, công chức về ý nghĩa của Chỉ số PAPI.\n"
                     "Sở Nội vụ:\na) Tổng hợp kết quả thực hiện Kế hoạch, báo cáo UBND tỉnh.\n"
                     "IV. KINH PHÍ THỰC HIỆN\na) Kinh phí thực hiện do ngân sách nhà nước bảo đảm theo quy định.\n")
    assert [leads(t) for t in tasks] == [["Thủ trưởng các sở, ban, ngành tỉnh", "Chủ tịch UBND các huyện, thành phố"],
                                         ["Sở Nội vụ"]]


def test_a_notice_of_conclusions_gives_the_office_that_issues_it_tasks() -> None:
    # Thông báo kết luận: the Văn phòng speaks for the UBND; its own duties are tasks, the
    # Chairman's statements are not
    tasks = tasks_of("Chủ tịch UBND tỉnh kết luận như sau:\n1. Văn phòng UBND tỉnh chỉ đạo Trung tâm Phục vụ hành chính "
                     "công tỉnh nâng cao chất lượng tiếp nhận hồ sơ.\n2. Sở Nội vụ tổ chức tập huấn cho công chức cấp xã.\n"
                     "Chủ tịch UBND tỉnh thống nhất với đề xuất của Sở Nội vụ.\n",
                     issuer="Văn phòng UBND tỉnh Thái Nguyên", doc_type="Thông báo")
    assert [leads(t) for t in tasks] == [["Văn phòng UBND tỉnh"], ["Sở Nội vụ"]]


def test_a_speaker_after_an_opening_phrase_is_no_subject() -> None:
    tasks = tasks_of("Phát biểu chỉ đạo, Chủ tịch UBND huyện Nguyễn Văn Hải nhấn mạnh: cải thiện các chỉ số là nhiệm vụ "
                     "của cả hệ thống chính trị.\n\nThứ hai, Phòng Nội vụ tham mưu UBND huyện ban hành kế hoạch kiểm tra "
                     "công tác cải cách hành chính.\n\nHội nghị cũng đã nghe đại diện Văn phòng UBND tỉnh trao đổi.\n",
                     issuer="UBND huyện Thanh Hà", doc_type="Tin bài")
    assert [leads(t) for t in tasks] == [["Phòng Nội vụ"]]


def test_a_numbered_heading_doi_voi_units_gives_its_lettered_items_to_them() -> None:
    # a Sở Nội vụ's SIPAS guidance (QA round 4): "1. Đối với <units>" with no colon, then a), b)
    tasks = tasks_of(
        "Để việc khảo sát năm 2025 được triển khai đồng bộ, Sở Nội vụ hướng dẫn như sau:\n\n"
        "1. Đối với các sở, ban, ngành tỉnh\n\n"
        "a) Phổ biến, quán triệt mục đích, yêu cầu của việc đo lường sự hài lòng đến công chức, viên chức, "
        "hoàn thành trước ngày 15/10/2025.\n\n"
        "b) Cử 01 công chức làm đầu mối phối hợp trong quá trình khảo sát.\n\n"
        "2. Đối với UBND các xã, phường\n\n"
        "a) Chỉ đạo Trung tâm Phục vụ hành chính công xã, phường bố trí địa điểm cho đoàn khảo sát.\n",
        issuer="Sở Nội vụ tỉnh Gia Lai", year=2025)
    assert [(leads(t), t.text[:20]) for t in tasks] == [
        (["các sở, ban, ngành tỉnh"], "Phổ biến, quán triệt"),
        (["các sở, ban, ngành tỉnh"], "Cử 01 công chức làm "),
        (["UBND các xã, phường"], "Chỉ đạo Trung tâm Ph"),
    ]


def test_news_after_a_list_reports_and_signs_off_without_tasks() -> None:
    # a commune portal's news item (QA round 4): the list's units do not pass to the speaker's
    # closing wish, the byline or the share bar; a hamlet head is a unit of its own
    tasks = tasks_of(
        "Chủ tịch UBND xã đề nghị các phòng, đơn vị, Trưởng các ấp thực hiện tốt các nhiệm vụ sau:\n\n"
        "Phòng Kinh tế: công khai quy hoạch sử dụng đất năm 2025 của xã tại trụ sở UBND xã, hoàn thành "
        "trước ngày 30/9/2025.\n\n"
        "Trưởng các ấp tổ chức họp dân, phổ biến mục đích, ý nghĩa của khảo sát PAPI trong tháng 10.\n\n"
        "Phát biểu kết luận, đồng chí Chủ tịch UBND xã mong muốn toàn thể cán bộ, công chức và Nhân dân "
        "trên địa bàn xã chung tay xây dựng chính quyền phục vụ.\n\n"
        "Ngọc Diệp - Trung tâm Văn hóa, Thông tin và Thể thao xã\n\n"
        "Chia sẻ: Facebook | Zalo | In bài\n",
        issuer="UBND xã Vĩnh Hòa", doc_type="Tin bài", year=2025)
    assert [leads(t) for t in tasks] == [["Phòng Kinh tế"], ["Trưởng các ấp"]]


def test_a_bulleted_list_ends_at_the_next_paragraph_without_a_label() -> None:
    # a provincial conference report: the demands are bullets, the award after them is news
    tasks = tasks_of(
        "Phát biểu chỉ đạo tại hội nghị, Phó Chủ tịch UBND tỉnh đề nghị các sở, ngành, UBND các xã, phường "
        "tập trung thực hiện một số nhiệm vụ trọng tâm sau:\n\n"
        "- Khẩn trương phân tích kết quả các chỉ số thành phần PCI, DDCI năm 2025, gửi về Sở Tài chính "
        "trước ngày 15/5/2026.\n"
        "- Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình.\n\n"
        "Dịp này, Chủ tịch UBND tỉnh tặng Bằng khen cho 6 tập thể có thành tích xuất sắc trong cải thiện "
        "môi trường đầu tư kinh doanh năm 2025.\n",
        issuer="UBND tỉnh Đắk Lắk", doc_type="Tin bài", year=2026)
    assert [t.text[:20] for t in tasks] == ["Khẩn trương phân tíc", "Đẩy mạnh cung cấp dị"]
    assert all(leads(t) == ["các sở, ngành", "UBND các xã, phường"] for t in tasks)


def test_a_speech_verb_that_is_work_before_a_comma_and_another_verb() -> None:
    # "chỉ đạo," opens a speech ("… chỉ đạo, các sở cần …") unless another verb follows it
    tasks = tasks_of(
        "a) Sở Nội vụ chỉ đạo, hướng dẫn UBND các xã, phường rà soát hộ nghèo.\n"
        "b) Sở Tư pháp chỉ đạo, kiểm tra việc rà soát văn bản.\n"
        "c) Phó Chủ tịch UBND tỉnh chỉ đạo, các sở, ngành cần tập trung rà soát thủ tục hành chính.\n",
        issuer="UBND tỉnh Tuyên Quang", year=2025)
    assert [(leads(t), t.text[:18]) for t in tasks] == [
        (["Sở Nội vụ"], "chỉ đạo, hướng dẫn"),
        (["Sở Tư pháp"], "chỉ đạo, kiểm tra "),
        (["các sở, ngành"], "cần tập trung rà s"),
    ]


def test_a_topic_then_a_superior_handing_it_the_work() -> None:
    # a conference report (QA round 4): "Đối với X, <superior> giao chủ trì …" — X leads
    tasks = tasks_of(
        "Đối với Sở Tài chính, Phó Chủ tịch UBND tỉnh giao chủ trì, phối hợp với Hiệp hội Doanh nghiệp tỉnh "
        "tổ chức khảo sát, đánh giá DDCI năm 2026, hoàn thành trong quý IV/2026.\n",
        issuer="UBND tỉnh Đồng Tháp", doc_type="Tin bài", year=2026)
    assert [(leads(t), supports(t), t.deadline.raw if t.deadline else None) for t in tasks] == [
        (["Sở Tài chính"], ["Hiệp hội Doanh nghiệp tỉnh"], "hoàn thành trong quý IV/2026")]


def test_field_blocks_one_after_another_keep_their_own_fields() -> None:
    # a district plan (QA round 5): "Nội dung: …" then its fields, block after block; and a block
    # whose "Nội dung:" lists bullets
    tasks = tasks_of(
        "1. Nội dung 1 - Tham gia của người dân ở cấp cơ sở\n\n"
        "Nội dung: Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở năm 2022.\n"
        "Đơn vị chủ trì: Phòng Tư pháp.\nĐơn vị phối hợp: UBND các xã, thị trấn.\nThời gian: Quý II/2024.\n\n"
        "Nội dung: Hướng dẫn tổ chức bầu cử trưởng ấp, bảo đảm dân chủ, đúng quy định.\n"
        "Đơn vị chủ trì: Phòng Nội vụ.\nĐơn vị phối hợp: Ủy ban MTTQ Việt Nam huyện.\nThời gian: Quý IV/2024.\n\n"
        "Nội dung:\n- Công khai danh sách hộ nghèo, hộ cận nghèo tại trụ sở UBND xã.\n"
        "- Công khai thu, chi ngân sách xã và các khoản đóng góp của Nhân dân.\n"
        "Đơn vị chủ trì: UBND các xã, thị trấn.\nThời gian: Định kỳ hằng quý.\n\n"
        "Nội dung: Công khai quy hoạch sử dụng đất năm 2024 của huyện trên Trang thông tin điện tử huyện.\n"
        "Đơn vị chủ trì: Phòng Tài nguyên và Môi trường.\nThời gian: Trước ngày 30/4/2024.\n",
        issuer="UBND huyện Phong Điền")
    assert [(leads(t), t.deadline.raw if t.deadline else None, t.text[:20]) for t in tasks] == [
        (["Phòng Tư pháp"], "Quý II/2024", "Tuyên truyền, phổ bi"),
        (["Phòng Nội vụ"], "Quý IV/2024", "Hướng dẫn tổ chức bầ"),
        (["UBND các xã, thị trấn"], "Định kỳ hằng quý", "Công khai danh sách "),
        (["UBND các xã, thị trấn"], "Định kỳ hằng quý", "Công khai thu, chi n"),
        (["Phòng Tài nguyên và Môi trường"], "Trước ngày 30/4/2024", "Công khai quy hoạch "),
    ]


def test_a_bulleted_unit_heading_owns_the_items_under_it() -> None:
    # a district report's proposals (QA round 5): "- Phòng Nội vụ:" with nothing after the colon
    tasks = tasks_of(
        "- Văn phòng HĐND và UBND huyện: Chỉ đạo Bộ phận Một cửa huyện niêm yết công khai kết quả khảo sát.\n\n"
        "- Phòng Nội vụ:\n+ Tham mưu UBND huyện ban hành Kế hoạch đo lường sự hài lòng năm 2025;\n"
        "+ Phối hợp với Trung tâm Chính trị huyện tổ chức tập huấn kỹ năng giao tiếp trong quý I/2025.\n",
        issuer="UBND huyện Yên Phong", year=2025)
    assert [leads(t) for t in tasks] == [["Văn phòng HĐND và UBND huyện"], ["Phòng Nội vụ"], ["Phòng Nội vụ"]]


def test_a_requester_naming_nobody_leads_nothing() -> None:
    # a provincial letter (QA round 5): "Chủ tịch UBND tỉnh yêu cầu:" then an item with no unit;
    # the chairman asks, he does not do the work
    tasks = tasks_of(
        "Để khắc phục những hạn chế nêu trên, Chủ tịch UBND tỉnh yêu cầu:\n"
        "1. Sở Nội vụ tham mưu sửa đổi Bộ Chỉ số cải cách hành chính.\n"
        "2. Tăng cường kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính.\n",
        issuer="UBND tỉnh Lạng Sơn", doc_type="Công văn")
    assert [leads(t) for t in tasks] == [["Sở Nội vụ"]]
    # seed 004: a request naming nobody does not hide the clause after it that names units
    tasks = tasks_of(
        "UBND huyện giao nhiệm vụ cụ thể cho các cơ quan, đơn vị phụ trách từng phần việc. Trong đó chỉ rõ: "
        "Người đứng đầu cơ quan, đơn vị thuộc huyện xác định rõ công tác CCHC là trách nhiệm của người đứng đầu.\n",
        issuer="UBND huyện Chương Mỹ", doc_type="Tin bài")
    assert [leads(t) for t in tasks] == [["Người đứng đầu cơ quan, đơn vị thuộc huyện"]]


def test_a_place_and_date_line_in_the_body_is_no_task() -> None:
    # a PDF whose header columns come out one under the other: "Hội An, ngày …" is no "Hội"
    tasks = tasks_of("Hội An, ngày 24 tháng 5 năm 2022\n\n1. Đề nghị Thành Đoàn Hội An thành lập các đội thanh "
                     "niên tình nguyện hỗ trợ người dân.\n", issuer="UBND thành phố Hội An", year=2022)
    assert [(leads(t), t.text[:10]) for t in tasks] == [(["Thành Đoàn Hội An"], "thành lập ")]


def test_a_reports_first_roman_part_reports_work_done() -> None:
    # a provincial report (QA round 5): "I. KẾT QUẢ …" had been read as a lettered part "I.",
    # so the account of work done became tasks
    tasks = tasks_of(
        "I. KẾT QUẢ THỰC HIỆN NĂM 2023\n\nChủ tịch UBND tỉnh ban hành Công văn số 4127/UBND-THKH ngày 28/3/2023 "
        "yêu cầu các sở, ban, ngành xây dựng kế hoạch cụ thể để triển khai thực hiện.\n\n"
        "- UBND các xã Đông Phong, Tam Giang đã chủ động niêm yết công khai số điện thoại đường dây nóng.\n\n"
        "II. ĐỀ XUẤT, KIẾN NGHỊ\n\n1. Đề nghị Bộ Nội vụ cung cấp dữ liệu khảo sát PAPI chi tiết theo từng huyện.\n",
        issuer="UBND tỉnh Thanh Hóa", doc_type="Báo cáo")
    assert [leads(t) for t in tasks] == [["Bộ Nội vụ"]]


def test_a_bracket_naming_the_items_own_unit_outranks_the_lists_intro() -> None:
    # a district letter (QA round 6): the intro names everyone; each item's bracket names its lead
    tasks = tasks_of(
        "Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị, địa phương triển khai thực hiện một số nội dung sau:\n\n"
        "Tăng cường kiểm tra, xử lý các điểm tập kết rác thải tự phát, hoàn thành trước ngày 30/9/2024 (Phòng Tài "
        "nguyên và Môi trường chủ trì, phối hợp với UBND các xã, thị trấn, Ban Quản lý Dự án đầu tư xây dựng và "
        "Phát triển quỹ đất huyện).\n\n"
        "Thực hiện nghiêm việc niêm yết công khai các khoản đóng góp của Nhân dân; thực hiện thường xuyên (Giao "
        "UBND các xã, thị trấn; Phòng Tài chính - Kế hoạch phối hợp).\n",
        issuer="UBND huyện Mỏ Cày Nam", doc_type="Công văn")
    assert [(leads(t), supports(t)) for t in tasks] == [
        (["Phòng Tài nguyên và Môi trường"],
         ["UBND các xã, thị trấn", "Ban Quản lý Dự án đầu tư xây dựng và Phát triển quỹ đất huyện"]),
        (["UBND các xã, thị trấn"], ["Phòng Tài chính - Kế hoạch"])]


def test_a_recurring_heading_times_its_items_and_a_block_time_outranks_it() -> None:
    # QA round 8 (a commune's PAPI plan): "II. NHIỆM VỤ THƯỜNG XUYÊN" is each item's time, unless the
    # unit's own block says otherwise; a time line after a unit's lettered items is all of theirs
    tasks = tasks_of("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2025\nII. NHIỆM VỤ THƯỜNG XUYÊN\n1. Văn phòng HĐND và UBND xã:\n"
                     "a) Công khai trên Trang thông tin điện tử xã các thông tin về ngân sách.\nb) Theo dõi, đôn đốc các "
                     "phòng, đơn vị thực hiện Kế hoạch.\nThời gian thực hiện: Quý I/2026.\n2. Trung tâm Phục vụ hành "
                     "chính công xã:\nHướng dẫn, hỗ trợ người dân nộp hồ sơ trực tuyến.\nIII. TỔ CHỨC THỰC HIỆN\n"
                     "Giao Văn phòng HĐND và UBND xã tổng hợp kết quả thực hiện Kế hoạch.\n",
                     issuer="UBND xã Yên Thành", year=2025)
    assert [(leads(t), t.deadline.raw if t.deadline else None, t.deadline.date if t.deadline else None)
            for t in tasks] == [
        (["Văn phòng HĐND và UBND xã"], "Quý I/2026", dt.date(2026, 3, 31)),
        (["Văn phòng HĐND và UBND xã"], "Quý I/2026", dt.date(2026, 3, 31)),
        (["Trung tâm Phục vụ hành chính công xã"], "THƯỜNG XUYÊN", None),
        (["Văn phòng HĐND và UBND xã"], None, None)]


def test_villages_as_partners() -> None:
    tasks = tasks_of("II. NHIỆM VỤ\n1. Phòng Văn hóa - Xã hội chủ trì, phối hợp với các thôn rà soát danh sách hộ "
                     "nghèo.\n2. Đối với các huyện, thị xã, thành phố, đồng chí đề nghị Chủ tịch UBND cấp huyện trực "
                     "tiếp đối thoại với người dân ít nhất 01 lần/quý.\n", issuer="UBND xã Bát Xát", year=2025)
    assert [(leads(t), supports(t)) for t in tasks] == [
        (["Phòng Văn hóa - Xã hội"], ["các thôn"]), (["Chủ tịch UBND cấp huyện"], [])]


def test_a_unit_heading_named_in_sentence_case_runs_on_to_its_colon() -> None:
    # QA round 9 (a Sở Tư pháp's plan): the departments' names go on in lower case after a comma,
    # and "giáo dục" folds like the verb "giao"
    tasks = tasks_of("II. NHIỆM VỤ CỤ THỂ\n1. Văn phòng Sở:\na) Tham mưu Giám đốc Sở bố trí kinh phí cải cách hành "
                     "chính.\n2. Phòng Phổ biến, giáo dục pháp luật và Theo dõi thi hành pháp luật:\na) Tuyên truyền, "
                     "phổ biến Luật Thực hiện dân chủ ở cơ sở.\n3. Phòng Phổ biến, giáo dục pháp luật:\na) Tổ chức Ngày "
                     "Pháp luật Việt Nam tại các xã miền núi.\n", issuer="Sở Tư pháp tỉnh Quảng Bình", year=2025)
    assert [leads(t) for t in tasks] == [
        ["Văn phòng Sở"], ["Phòng Phổ biến, giáo dục pháp luật và Theo dõi thi hành pháp luật"],
        ["Phòng Phổ biến, giáo dục pháp luật"]]


def test_a_purpose_clause_reporting_to_a_unit_and_the_contact_line_assign_nothing() -> None:
    # QA round 9 (a Sở Nội vụ's Công văn): "báo cáo UBND tỉnh" inside the opening "Để …," names
    # the report's addressee, no subject; the closing "Thông tin chi tiết liên hệ: …" is no task
    tasks = tasks_of("Để có cơ sở tổng hợp, báo cáo UBND tỉnh kết quả công tác cải cách hành chính năm 2025, Sở Nội "
                     "vụ đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:\n1. Xây dựng báo cáo kết quả công "
                     "tác cải cách hành chính năm 2025, gửi về Sở Nội vụ trước ngày 20/11/2025.\nThông tin chi tiết "
                     "liên hệ: bà Nguyễn Thị Hoa, Phòng Cải cách hành chính, Sở Nội vụ, điện thoại 0256.3822.541.\n",
                     issuer="Sở Nội vụ tỉnh Gia Lai", doc_type="Công văn", year=2025)
    assert [(leads(t), t.text[:20]) for t in tasks] == [(["các cơ quan, đơn vị"], "Xây dựng báo cáo kết")]


def test_an_adverbial_ends_with_its_sentence() -> None:
    # QA round 7 (a news page): "…; định kỳ 6 tháng báo cáo UBND huyện." ends the first unit's work
    tasks = tasks_of("Theo Kế hoạch, UBND huyện giao Phòng Nội vụ chủ trì, phối hợp với Văn phòng HĐND và UBND huyện "
                     "theo dõi, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch; định kỳ 6 tháng báo cáo UBND huyện. "
                     "Phòng Văn hóa và Thông tin chủ trì tuyên truyền về các chỉ số trên Trang thông tin điện tử "
                     "huyện.\n", issuer="UBND huyện Krông Pắc", doc_type="Tin bài")
    assert [(leads(t), t.deadline.raw if t.deadline else None) for t in tasks] == [
        (["Phòng Nội vụ"], "định kỳ 6 tháng"), (["Phòng Văn hóa và Thông tin"], None)]


def test_a_unit_heading_with_no_colon_a_bracket_or_a_field_in_lower_case() -> None:
    # QA round 10 (a Sở's and a Ban Quản lý's plans): headings with no colon name departments in
    # sentence case, or their members in a bracket; their lettered items are theirs
    tasks = tasks_of("II. NHIỆM VỤ\n1. Phòng Quản lý quy hoạch và xây dựng\n- Công khai quy hoạch phân khu các khu "
                     "công nghiệp.\n2. Các đơn vị sự nghiệp trực thuộc (Trung tâm Trợ giúp pháp lý nhà nước, Phòng "
                     "Công chứng số 1)\na) Niêm yết mức phí, lệ phí tại trụ sở.\n3. Thanh tra Sở (chủ trì)\na) Bố trí "
                     "hòm thư góp ý tại nơi tiếp nhận.\n4. Phòng Kế hoạch - Tài chính, Phòng Tổ chức cán bộ\na) Rà "
                     "soát quy trình nội bộ giải quyết hồ sơ.\n5. Phòng Văn hóa tuyên truyền về Chỉ số PAPI trên hệ "
                     "thống truyền thanh.\n", issuer="Sở Tư pháp tỉnh Hải Dương", year=2025)
    assert [leads(t) for t in tasks] == [
        ["Phòng Quản lý quy hoạch và xây dựng"], ["Các đơn vị sự nghiệp trực thuộc"], ["Thanh tra Sở"],
        ["Phòng Kế hoạch - Tài chính", "Phòng Tổ chức cán bộ"], ["Phòng Văn hóa"]]


def test_a_working_groups_duties_and_a_decisions_object() -> None:
    # QA round 10 (a Quyết định kiện toàn): the group set up is the object of "Kiện toàn", its
    # duties listed under "1. Tổ công tác có nhiệm vụ:" are its tasks, and the list ends at "2."
    tasks = tasks_of("QUYẾT ĐỊNH\nVề việc kiện toàn Tổ công tác cải thiện Chỉ số PAPI tỉnh Cao Bằng\nQUYẾT ĐỊNH:\n"
                     "Điều 1. Kiện toàn Tổ công tác cải thiện Chỉ số PAPI tỉnh Cao Bằng, gồm các thành viên sau:\n"
                     "1. Ông Đàm Văn Khải, Phó Chủ tịch UBND tỉnh - Tổ trưởng;\nĐiều 2. Nhiệm vụ của Tổ công tác\n"
                     "1. Tổ công tác có nhiệm vụ:\na) Tham mưu UBND tỉnh chỉ đạo các giải pháp cải thiện Chỉ số PAPI;\n"
                     "b) Kiểm tra việc thực hiện nhiệm vụ cải thiện các chỉ số tại các sở, ban, ngành.\n"
                     "2. Thành viên Tổ công tác làm việc theo chế độ kiêm nhiệm.\n"
                     "3. Kinh phí hoạt động của Tổ công tác do ngân sách tỉnh bảo đảm.\n",
                     doc_type="Quyết định", issuer="UBND tỉnh Cao Bằng", year=2025)
    assert [(leads(t), t.text[:20]) for t in tasks] == [
        (["Tổ công tác"], "Tham mưu UBND tỉnh c"), (["Tổ công tác"], "Kiểm tra việc thực h")]


def test_an_area_named_before_a_comma_and_its_subject() -> None:
    # QA round 10 (a ward's news page on its PAPI plan)
    tasks = tasks_of("Về Công khai, minh bạch, Phòng Kinh tế, Hạ tầng và Đô thị công khai quy hoạch chi tiết các dự "
                     "án.\nĐối với Quản trị điện tử, Đoàn Thanh niên phường hỗ trợ người dân kích hoạt tài khoản định "
                     "danh điện tử.\nVề việc này, Công an phường tăng cường tuần tra trên địa bàn.\n",
                     issuer="UBND phường Đông Hà", doc_type="Tin bài", year=2025)
    assert [(leads(t), t.dimension) for t in tasks] == [
        (["Phòng Kinh tế, Hạ tầng và Đô thị"], 2), (["Đoàn Thanh niên phường"], 8), (["Công an phường"], None)]


def test_an_area_as_the_topic_before_the_subject() -> None:
    # QA round 10 (a ward's PAPI page): "Ở nội dung <area>, <unit> …" names the area and hides no subject
    tasks = tasks_of("Ở nội dung Trách nhiệm giải trình với người dân, Chủ tịch UBND phường tiếp công dân định kỳ vào "
                     "thứ Năm tuần thứ hai hằng tháng.\n", issuer="UBND phường Bãi Cháy", year=2025)
    assert [(leads(t), t.dimension) for t in tasks] == [(["Chủ tịch UBND phường"], 3)]


def test_a_heading_naming_a_qualified_group_gives_its_bullets_to_it() -> None:
    # QA round 11 (a province's DDCI plan): the group's qualifier is part of its name
    text = ("III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Chủ trì tham mưu UBND tỉnh tổ chức đánh giá DDCI năm 2025.\n"
            "2. Các sở, ban, ngành được đánh giá\n- Cung cấp danh sách doanh nghiệp có giao dịch với cơ quan.\n"
            "3. Các sở, ngành thuộc khối kinh tế\n- Rà soát thủ tục hành chính liên quan đến đầu tư, đất đai.\n"
            "4. Các sở, ngành tăng cường kiểm tra, giám sát.\n")
    got = [(leads(t), t.text) for t in tasks_of(text)]
    assert got[1:3] == [
        (["Các sở, ban, ngành được đánh giá"], "Cung cấp danh sách doanh nghiệp có giao dịch với cơ quan"),
        (["Các sở, ngành thuộc khối kinh tế"], "Rà soát thủ tục hành chính liên quan đến đầu tư, đất đai")]
    assert got[3] == (["Các sở, ngành"], "tăng cường kiểm tra, giám sát")


def test_the_letterhead_above_the_documents_number_gives_no_lead() -> None:
    # QA round 11: a letter copied without its motto lines; "SỞ NỘI VỤ" read as a caps heading
    # had become the lead of every numbered item instead of the intro's addressees
    from vanban.extract.pipeline import extract_document

    text = ("UBND TỈNH TUYÊN QUANG\nSỞ NỘI VỤ\nSố: 1990/SNV-CCHC\nV/v báo cáo công tác cải cách hành chính\n"
            "Tuyên Quang, ngày 05 tháng 11 năm 2025\nKính gửi: Các sở, ban, ngành tỉnh.\n"
            "Sở Nội vụ đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:\n"
            "1. Tổ chức tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2025, gửi về Sở Nội vụ trước ngày "
            "20/11/2025.\n2. Xây dựng báo cáo kết quả thực hiện công tác cải cách hành chính năm 2025.\n")
    ex = extract_document(ingest_bytes(text.encode(), "cv.txt"))
    assert [leads(t) for t in ex.tasks] == [["các cơ quan, đơn vị"], ["các cơ quan, đơn vị"]]


def test_a_unit_after_a_noun_in_a_clause_opening_with_a_time_is_no_new_subject() -> None:
    # QA round 12 (a Chỉ thị's duties): "danh sách các cơ quan" is the list's content
    text = ("II. NHIỆM VỤ\n4. Văn phòng UBND huyện theo dõi, giám sát việc giải quyết hồ sơ thủ tục hành chính; "
            "hằng tháng thông báo danh sách các cơ quan có hồ sơ trễ hạn.\n")
    (task,) = tasks_of(text)
    assert leads(task) == ["Văn phòng UBND huyện"] and task.deadline.raw == "hằng tháng"


@pytest.mark.parametrize("opening", [
    # QA round 14 (district letters): a bracket closed in the opening, or the drafting office in
    # brackets after the requester, hides no request
    "Thực hiện Kế hoạch số 97/KH-UBND ngày 08/5/2024 của UBND tỉnh về nâng cao Chỉ số hài lòng (SIPAS), "
    "UBND huyện yêu cầu các cơ quan, đơn vị thực hiện tốt các nội dung sau:",
    "Để thực hiện tốt công tác cải cách hành chính, UBND huyện (Phòng Nội vụ) yêu cầu các cơ quan, đơn vị "
    "thực hiện nghiêm một số nhiệm vụ sau:",
])
def test_a_bracket_before_the_request_keeps_its_list(opening: str) -> None:
    text = (opening + "\na) Rà soát các tiêu chí bị trừ điểm năm 2023, gửi Phòng Nội vụ trước ngày 15/10/2024.\n"
            "b) Đẩy mạnh tiếp nhận, giải quyết hồ sơ trực tuyến.\n")
    got = [(leads(t), t.text[:20]) for t in tasks_of(text)]
    assert got == [(["các cơ quan, đơn vị"], "Rà soát các tiêu chí"), (["các cơ quan, đơn vị"], "Đẩy mạnh tiếp nhận, ")]


def test_news_lead_with_vua_before_the_request() -> None:
    # QA round 15 (a provincial news item on PCI): "vừa" between the body and its request
    (task,) = tasks_of("UBND tỉnh vừa yêu cầu Sở Kế hoạch - Đầu tư phối hợp Sở Nội vụ hoàn chỉnh dự thảo Chỉ thị "
                       "về nâng cao Chỉ số PCI.\n", issuer="UBND tỉnh", doc_type="Tin bài")
    assert leads(task) == ["Sở Kế hoạch - Đầu tư"] and supports(task) == ["Sở Nội vụ"]
    assert task.text.startswith("phối hợp Sở Nội vụ hoàn chỉnh")


def test_a_reminder_lists_work_outstanding_before_its_requests() -> None:
    # a Công văn đôn đốc (QA round 15): the account of who is behind assigns nothing
    tasks = tasks_of("Qua theo dõi, đến ngày 30/9/2025 còn 02 nhiệm vụ chưa hoàn thành, trong đó: Sở Nội vụ chưa "
                     "hoàn thành việc tổ chức khảo sát mức độ hài lòng của người dân (hạn hoàn thành 30/6/2025); Sở "
                     "Tài chính chưa bố trí kinh phí cho các xã, phường.\n\nChủ tịch UBND tỉnh yêu cầu:\n\n"
                     "1. Sở Nội vụ khẩn trương hoàn thành việc khảo sát, báo cáo UBND tỉnh trước ngày 20/10/2025.\n\n"
                     "2. Các cơ quan, đơn vị chưa gửi báo cáo khẩn trương gửi về Sở Nội vụ trước ngày 25/10/2025.\n",
                     issuer="UBND tỉnh Đồng Tháp", doc_type="Công văn", year=2025)
    assert [leads(t) for t in tasks] == [["Sở Nội vụ"], ["Các cơ quan, đơn vị"]]
    assert tasks[0].text.startswith("khẩn trương hoàn thành việc khảo sát")


def test_a_sentence_giving_only_the_time_completes_the_request_before_it() -> None:
    # a district letter (Bình Chánh, QA round 15): "Các đơn vị thực hiện trước ngày …" is no task
    (task,) = tasks_of("Đề nghị Hiệu trưởng các trường, Thủ trưởng các đơn vị trực thuộc rà soát việc thu quỹ phòng, "
                       "chống thiên tai của đơn vị.\n\nCác đơn vị thực hiện trước ngày 25/3/2022.\n",
                       issuer="UBND huyện Bình Chánh", doc_type="Công văn", year=2022)
    assert leads(task) == ["Hiệu trưởng các trường", "Thủ trưởng các đơn vị trực thuộc"]
    assert task.deadline is not None and task.deadline.date == dt.date(2022, 3, 25)


def test_a_report_of_the_heads_inspection_lists_no_tasks() -> None:
    # a district portal (Đầm Hà): "… đã kiểm tra tiến độ thi công các công trình: …" names no owner
    tasks = tasks_of("Chủ tịch UBND huyện đã kiểm tra tiến độ thi công các công trình: Đập tràn thôn Yên Sơn, xã Dực "
                     "Yên; tuyến đường tại xã Quảng Lâm.\n", issuer="UBND huyện Đầm Hà", doc_type="Tin bài")
    assert tasks == []


def test_a_leader_directing_units_on_a_visit_hands_them_the_work() -> None:
    # a district portal's news of a visit (Hòa Bình, QA round 15): "chỉ đạo" as "yêu cầu"
    (task,) = tasks_of("Qua kiểm tra thực tế tại 02 xã, Phó Chủ tịch UBND huyện chỉ đạo Phòng Nông nghiệp và Phát "
                       "triển nông thôn phối hợp với Trạm Khuyến nông hướng dẫn nông dân phòng trừ sâu bệnh.\n",
                       issuer="UBND huyện Tân Lạc", doc_type="Tin bài")
    assert leads(task) == ["Phòng Nông nghiệp và Phát triển nông thôn"] and supports(task) == ["Trạm Khuyến nông"]


def test_a_letters_pointer_to_its_appendix_and_its_thanks_are_no_tasks() -> None:
    # a Sở's letter posted on its portal (Sơn La, QA round 15)
    tasks = tasks_of("Sở Nội vụ đã dự thảo Hướng dẫn chấm điểm Chỉ số cải cách hành chính năm 2024:\n\n"
                     "– Đối với các sở, ban, ngành: Hướng dẫn tại Phụ lục I;\n\n"
                     "– Đối với UBND các huyện, thành phố: Hướng dẫn tại Phụ lục II.\n\n"
                     "Đề nghị các cơ quan, đơn vị nghiên cứu dự thảo và gửi ý kiến góp ý về Sở Nội vụ trước ngày "
                     "25/3/2024 để tổng hợp.\n\nXin trân trọng cảm ơn./.\n",
                     issuer="Sở Nội vụ", doc_type="Công văn")
    assert [leads(t) for t in tasks] == [["các cơ quan, đơn vị"]]


def test_news_on_a_signed_letter_gives_its_request() -> None:
    (task,) = tasks_of("Chủ tịch UBND tỉnh vừa ký văn bản số 6151/UBND-NC yêu cầu Thủ trưởng các sở, ban ngành chỉ "
                       "đạo phối hợp cung cấp thông tin khảo sát Chỉ số SIPAS năm 2023.\n",
                       issuer="UBND tỉnh Quảng Ngãi", doc_type="Tin bài", year=2023)
    assert leads(task) == ["Thủ trưởng các sở, ban ngành"]


def test_a_capitals_headline_or_a_titles_names_after_a_colon_assign_nothing() -> None:
    # a commune portal's headline and a Công điện's addressees (QA round 15)
    tasks = tasks_of("UBND XÃ TÂN PHÚ: HỌP TRIỂN KHAI CÔNG TÁC PHÒNG, CHỐNG HẠN NĂM 2024\n\n"
                     "Công điện gửi Chủ tịch UBND các tỉnh: Nghệ An, Hà Tĩnh; các Bộ trưởng: Quốc phòng, Công an, "
                     "Nông nghiệp và Môi trường.\n\nThủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương tập trung "
                     "khắc phục hậu quả mưa lũ, hoàn thành trước ngày 15/11/2024.\n", issuer=None, doc_type="Tin bài")
    assert [leads(t) for t in tasks] == [["các bộ, ngành, địa phương"]]


def test_the_rest_of_the_communes_reported_at_work_is_no_task() -> None:
    # a district portal's crop news (QA round 15): "còn lại" belongs to the group, "đã" reports
    tasks = tasks_of("Đến nay, các xã, thị trấn còn lại đã làm đất đợt 2 đạt 100% diện tích và đang tập trung gieo "
                     "cấy, phấn đấu hoàn thành xong trước ngày 10/7.\n", issuer="UBND huyện Ân Thi", doc_type="Tin bài")
    assert tasks == []


def test_a_leaders_own_visit_in_news_is_reported_not_assigned() -> None:
    # a district portal (Ân Thi, QA round 15): the leader's own round is news; the chairs of every
    # district told to hold dialogues are a task
    assert tasks_of("Ngày 15/7, đồng chí Phó Chủ tịch UBND huyện đi kiểm tra tình hình sản xuất vụ Mùa của các địa "
                    "phương.\n", issuer="UBND huyện Ân Thi", doc_type="Tin bài") == []
    (task,) = tasks_of("Chủ tịch UBND cấp huyện trực tiếp đối thoại với người dân ít nhất 01 lần/quý.\n",
                       issuer="UBND tỉnh Lào Cai", doc_type="Tin bài")
    assert leads(task) == ["Chủ tịch UBND cấp huyện"]
