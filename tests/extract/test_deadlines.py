"""Deadlines: the cells and phrasings of real plans, directives and letters."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vanban.extract.deadlines import find_deadline, format_deadline, heading_recurrence, parse_deadline
from vanban.ingest.normalize import normalize_text
from vanban.schema.models import Deadline

D = dt.date


@pytest.mark.parametrize(
    ("raw", "date", "kind"),
    [
        ("Trước ngày 5/7/2022", D(2022, 7, 5), "date"),
        ("Trước ngày 15/7/2022", D(2022, 7, 15), "date"),
        ("Báo cáo kết quả về Sở Nội vụ trước ngày 30/7/2022", D(2022, 7, 30), "date"),
        ("Chậm nhất ngày 20/12/2025", D(2025, 12, 20), "date"),
        ("Hoàn thành trước 31/12/2025", D(2025, 12, 31), "date"),
        ("ngày 5 tháng 7 năm 2022", D(2022, 7, 5), "date"),
        ("Quý III/2022", D(2022, 9, 30), "period"),
        ("Quý IV/2022", D(2022, 12, 31), "period"),
        ("Quý II năm 2024", D(2024, 6, 30), "period"),
        ("tháng 9/2022", D(2022, 9, 30), "period"),
        ("Tháng 12 năm 2025", D(2025, 12, 31), "period"),
        ("Trong tháng 11/2025", D(2025, 11, 30), "period"),
        ("6 tháng đầu năm 2023", D(2023, 6, 30), "period"),
        ("Năm 2025", D(2025, 12, 31), "period"),
        ("Hoàn thành trong năm 2025", D(2025, 12, 31), "period"),
        ("2022-2025", D(2025, 12, 31), "period"),
        ("Từ tháng 1 đến tháng 6/2025", D(2025, 6, 30), "period"),
        ("Thường xuyên", None, "recurring"),
        ("Định kỳ hàng quý", None, "recurring"),
        ("Hằng năm", None, "recurring"),
        ("Hàng tháng", None, "recurring"),
        ("Hằng tuần", None, "recurring"),
        ("Hàng năm, trước ngày 15/12", None, "recurring"),  # every year: no one date
        ("Theo quy định", None, "by_regulation"),
        ("bắt đầu thực hiện từ tháng 01/2026", None, "start"),
        ("trước ngày 15 của tháng cuối quý", None, "relative"),
        ("Khi có yêu cầu", None, "other"),
    ],
)
def test_parse_cell(raw: str, date: dt.date | None, kind: str) -> None:
    d = parse_deadline(raw)
    assert d is not None
    assert (d.raw, d.date, d.kind) == (raw, date, kind)


@pytest.mark.parametrize(
    ("raw", "date"),
    [
        ("Quý III", D(2022, 9, 30)),
        ("5/7", D(2022, 7, 5)),
        ("6 tháng cuối năm", D(2022, 12, 31)),
        ("Tháng 10", D(2022, 10, 31)),
    ],
)
def test_parse_without_year_takes_ref_year(raw: str, date: dt.date) -> None:
    assert parse_deadline(raw, ref_year=2022).date == date
    assert parse_deadline(raw).date is None


@pytest.mark.parametrize("raw", ["", "   ", "|", "31/2/2022 ?"])
def test_parse_nothing_or_invalid(raw: str) -> None:
    d = parse_deadline(raw)
    assert d is None or d.date is None


@pytest.mark.parametrize(
    ("text", "raw", "date", "kind"),
    [
        (
            "báo cáo kết quả về Sở Nội vụ trước ngày 30/7/2022 để tổng hợp",
            "trước ngày 30/7/2022",
            D(2022, 7, 30),
            "date",
        ),
        ("UBND các xã, thị trấn thường xuyên kiểm tra việc thực hiện", "thường xuyên", None, "recurring"),
        (
            "Định kỳ báo cáo kết quả triển khai thực hiện các nội dung về UBND huyện.",
            "Định kỳ",
            None,
            "recurring",
        ),
        (
            "Chủ tịch UBND cấp xã, Chủ tịch UBND cấp huyện phải thường xuyên (định kỳ hàng tháng) phải theo dõi",
            "thường xuyên (định kỳ hàng tháng)",
            None,
            "recurring",
        ),
        (
            "- Định kỳ Quý I, 6 tháng, Quý III và năm, UBND cấp xã báo cáo kết quả thực hiện về UBND cấp huyện",
            "Định kỳ Quý I, 6 tháng, Quý III và năm",
            None,
            "recurring",
        ),
        (
            "các sở, ban, ngành báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Nội vụ) trước ngày 15 của tháng cuối kỳ báo cáo để theo dõi",
            "trước ngày 15 của tháng cuối kỳ báo cáo",
            None,
            "relative",
        ),
        (
            "Thực hiện nghiêm túc việc đánh giá, xếp loại công chức, viên chức hàng năm.",
            "hàng năm",
            None,
            "recurring",
        ),
        (
            "Định kỳ hàng năm khi nhận được kế hoạch điều tra, khảo sát về PAPI phối hợp với Sở Nội vụ",
            "Định kỳ hàng năm",
            None,
            "recurring",
        ),
        ("Tổ chức hội nghị sơ kết trong tháng 11/2025", "trong tháng 11/2025", D(2025, 11, 30), "period"),
        (
            "Hoàn thành trong năm 2025 việc số hóa hồ sơ",
            "Hoàn thành trong năm 2025",
            D(2025, 12, 31),
            "period",
        ),
        (
            "Chậm nhất ngày 20/12/2025, các đơn vị gửi báo cáo",
            "Chậm nhất ngày 20/12/2025",
            D(2025, 12, 20),
            "date",
        ),
        ("tổ chức rà soát xong trước Quý III/2022", "trước Quý III/2022", D(2022, 9, 30), "period"),
        (
            "bắt đầu thực hiện từ tháng 01/2026 trên toàn tỉnh",
            "bắt đầu thực hiện từ tháng 01/2026",
            None,
            "start",
        ),
        ("Hằng tuần, Văn phòng tổng hợp báo cáo", "Hằng tuần", None, "recurring"),
        # a span ends at its second time; "từ …" alone is a start (QA rounds 3 and 4)
        ("tuyên truyền trên các nhóm Zalo khu phố; thời gian thực hiện: từ tháng 4 đến tháng 9/2024.",
         "từ tháng 4 đến tháng 9/2024", D(2024, 9, 30), "period"),
        ("tổ chức khảo sát từ ngày 01/6 đến ngày 30/6/2024", "từ ngày 01/6 đến ngày 30/6/2024", D(2024, 6, 30),
         "period"),
        ("phấn đấu không có hồ sơ trễ hạn từ tháng 10/2025", "từ tháng 10/2025", None, "start"),
        # a labelled time in running text (QA round 6), and a completion word's time over an earlier date
        ("Tổ chức tập huấn cho công chức, thời gian thực hiện tháng 9/2023.", "thời gian thực hiện tháng 9/2023",
         D(2023, 9, 30), "period"),
        ("Rà soát thủ tục; thời gian hoàn thành: Quý III/2023.", "thời gian hoàn thành: Quý III/2023", D(2023, 9, 30),
         "period"),
        ("phấn đấu đến ngày 31/12/2024 hoàn thành số hóa hồ sơ", "phấn đấu đến ngày 31/12/2024", D(2024, 12, 31), "date"),
        ("giải quyết dứt điểm các hồ sơ tiếp nhận trước ngày 01/7/2025 còn tồn đọng, hoàn thành trong tháng 11/2025",
         "hoàn thành trong tháng 11/2025", D(2025, 11, 30), "period"),
        ("gửi báo cáo về Sở Nội vụ chậm nhất đến ngày 31/12/2025", "chậm nhất đến ngày 31/12/2025", D(2025, 12, 31),
         "date"),
        # a report sent to someone says how often the unit acts (QA round 8)
        ("theo dõi, tổng hợp tình hình thực hiện Kế hoạch, báo cáo UBND huyện định kỳ 6 tháng", "định kỳ 6 tháng",
         None, "recurring"),
        # a time standing alone as the item's last clause (QA round 7)
        ("Củng cố mạng lưới trạm y tế xã, phường sau sắp xếp; Quý II/2026.", "Quý II/2026", D(2026, 6, 30), "period"),
        ("Hoàn thành việc hợp nhất Cổng Thông tin điện tử tỉnh; trong năm 2026", "trong năm 2026", D(2026, 12, 31),
         "period"),
        ("Triển khai công chứng điện tử theo Luật Công chứng năm 2024; Quý IV năm 2025.", "Quý IV năm 2025",
         D(2025, 12, 31), "period"),
    ],
)
def test_find_in_task_text(text: str, raw: str, date: dt.date | None, kind: str) -> None:
    found = find_deadline(text)
    assert found is not None
    d, start, end = found
    assert (d.raw, d.date, d.kind) == (raw, date, kind)
    assert text[start:end] == raw


def test_find_dates_without_year_use_ref_year() -> None:
    d, _, _ = find_deadline("gửi Sở Nội vụ trước ngày 15/12 để tổng hợp", ref_year=2025)
    assert d.date == D(2025, 12, 15)


@pytest.mark.parametrize(
    "text",
    [
        "Xây dựng chương trình thời sự hằng ngày trên sóng phát thanh",
        "lập dự toán ngân sách hằng năm của đơn vị",
        "tổ chức các cuộc họp thường kỳ",
        "Thực hiện công khai kết quả các chỉ số đánh giá, công khai báo cáo kết quả phòng, chống tham nhũng hàng năm; kết quả xử lý",
        "Công khai báo cáo kết quả phòng, chống tham nhũng hàng năm của huyện trên các phương tiện thông tin đại chúng.",
        "tuyên truyền kết quả thực hiện Chỉ số hiệu quả Quản trị Hành chính công hàng năm của tỉnh",
        "Thực hiện công tác tiếp công dân định kỳ, giải quyết những vướng mắc",
        "Xác định thực hiện các giải pháp cải thiện Chỉ số PAPI là nhiệm vụ thường xuyên, lâu dài",
        "đưa các nội dung vào chương trình chỉ đạo thực hiện thường xuyên, trọng tâm",
        "Tham mưu thực hiện cải thiện Chỉ số PAPI là một trong những tiêu chí đánh giá mức độ hoàn thành nhiệm vụ của người đứng đầu đơn vị và của mỗi công chức, viên chức hằng năm",
        "thực hiện các nhiệm vụ trong năm 2026",
        "nâng cao chất lượng dịch vụ công năm 2022 và những năm tiếp theo",
        "Đề án chuyển đổi số giai đoạn 2021-2025, tầm nhìn đến năm 2030",
        "Nghị quyết số 76/NQ-CP của Chính phủ ngày 15/7/2021 ban hành Chương trình tổng thể",
        "Chỉ số PAPI tỉnh xếp hạng năm 2022 giảm 21 bậc",
        # the figures a report covers, a symbol that folds like "từ", a count and "from then on"
        "báo cáo kết quả, số liệu tính từ ngày 15/12/2023 đến ngày 14/6/2024",
        "tiếp tục quán triệt Nghị quyết số 05-NQ/TU ngày 20/5/2021 của Tỉnh ủy",
        "tổ chức từ 2 đến 3 lớp tập huấn cho công chức",
        "duy trì kết quả từ năm 2020 đến nay",
        # a last clause that is more than a time, or a span of years
        "rà soát quy hoạch; năm 2025 và những năm tiếp theo",
        "kết quả thực hiện lồng ghép vào báo cáo CCHC định kỳ gửi về UBND huyện",
        "thực hiện Đề án chuyển đổi số; giai đoạn 2021 - 2025",
    ],
)
def test_no_deadline_in(text: str) -> None:
    assert find_deadline(text) is None


# ----------------------------------------------------------------- round trip and robustness

_days = st.dates(min_value=D(1990, 1, 1), max_value=D(2099, 12, 31))


@given(_days)
def test_format_then_parse_a_date(day: dt.date) -> None:
    d = Deadline(raw="x", date=day, kind="date")
    back = parse_deadline(format_deadline(d))
    assert (back.date, back.kind) == (day, "date")


@given(st.integers(1990, 2099), st.integers(1, 12))
def test_format_then_parse_a_period(year: int, month: int) -> None:
    import calendar

    day = D(year, month, calendar.monthrange(year, month)[1])
    d = Deadline(raw="x", date=day, kind="period")
    back = parse_deadline(format_deadline(d))
    assert (back.date, back.kind) == (day, "period")


@pytest.mark.parametrize("kind", ["recurring", "by_regulation", "start", "relative"])
def test_format_then_parse_undated(kind: str) -> None:
    back = parse_deadline(format_deadline(Deadline(raw="", date=None, kind=kind)))
    assert (back.date, back.kind) == (None, kind)


@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    parse_deadline(text, ref_year=2024)
    found = find_deadline(text, ref_year=2024)
    if found:
        d, start, end = found
        assert text[start:end] == d.raw


# ----------------------------------------------------------------- the dev set's gold tasks

_SHARED = Path(__file__).resolve().parents[3] / "shared"


def _gold_passages():
    """(seed text, passage, gold deadline) per gold task: the passage runs from the clause
    the task's words open in (after the last "." or ";") to the end of its block; a table
    row takes its cells."""
    out = []
    for gold_path in sorted((_SHARED / "eval" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        seed = normalize_text((_SHARED / "seeds" / gold["source"]).read_text(encoding="utf-8"))
        for task in gold["tasks"]:
            pos = seed.find(normalize_text(task["text"]))
            if pos < 0:
                continue
            line_start = seed.rfind("\n", 0, pos) + 1
            clause = max(seed.rfind(". ", line_start, pos), seed.rfind(";", line_start, pos))
            start = clause + 1 if clause >= 0 else line_start
            end = seed.find("\n", pos)
            if seed[pos:end].rstrip().endswith("|"):  # a table row: its cells follow
                cells = re.match(r"(?:\n(?!\d+\.\d+ \|)[^\n|]*\|)*", seed[end:])
                end += cells.end()
            out.append(
                pytest.param(seed[start:end], task["deadline"], id=f"{gold_path.stem}:{task['text'][:30]}")
            )
    return out


@pytest.mark.skipif(not (_SHARED / "eval" / "gold").is_dir(), reason="no dev set beside the repo")
@pytest.mark.parametrize(("passage", "gold"), _gold_passages())
def test_gold_task_deadlines(passage: str, gold: dict | None) -> None:
    if passage.rstrip().endswith("|"):  # a table row: the deadline is its last cell's
        cell = parse_deadline(passage.rstrip(" |\n").rsplit("|", 1)[-1], ref_year=2022)
        found = (cell, 0, 0) if cell else None
    else:
        found = find_deadline(passage, ref_year=2022)
    if gold is None:
        assert found is None, found
        return
    assert found is not None
    d = found[0]
    if gold["date"]:
        assert str(d.date) == gold["date"]
    else:
        assert d.date is None
        assert normalize_text(gold["raw"]).lower() in d.raw.lower() or d.raw.lower() in gold["raw"].lower()


@pytest.mark.parametrize("raw,expected", [
    # ranges and lists end where the last period named ends (appendix cells of other provinces)
    ("Tháng 6-12/2024", dt.date(2024, 12, 31)),
    ("Tháng 6 - tháng 12/2024", dt.date(2024, 12, 31)),
    ("Quý I, II/2024", dt.date(2024, 6, 30)),
    ("Quý II và Quý III năm 2024", dt.date(2024, 9, 30)),
    ("Quý III-IV/2024", dt.date(2024, 12, 31)),
    ("Năm 2025 - 2026", dt.date(2026, 12, 31)),
    ("2025-2026", dt.date(2026, 12, 31)),
    # a bare year, and "within the year" of the document
    ("2024", dt.date(2024, 12, 31)),
    ("Trong năm", dt.date(2024, 12, 31)),
])
def test_ranges_lists_and_bare_years(raw: str, expected: dt.date) -> None:
    d = parse_deadline(raw, 2024)
    assert d is not None and d.date == expected and d.kind == "period"


@pytest.mark.parametrize("text,raw,expected,kind", [
    # the long form of a date, as formal letters print it, after a deadline word
    ("tổng hợp, gửi về Sở Nội vụ trước ngày 15 tháng 11 năm 2024 để báo cáo UBND tỉnh",
     "trước ngày 15 tháng 11 năm 2024", D(2024, 11, 15), "date"),
    ("Chậm nhất ngày 05 tháng 12 năm 2024 báo cáo kết quả", "Chậm nhất ngày 05 tháng 12 năm 2024", D(2024, 12, 5), "date"),
    # "đến hết" closes a period: the work runs to its end
    ("duy trì thực hiện từ nay đến hết năm 2024", "đến hết năm 2024", D(2024, 12, 31), "period"),
    ("rà soát, cập nhật thủ tục hành chính đến hết quý II/2024", "đến hết quý II/2024", D(2024, 6, 30), "period"),
])
def test_long_dates_and_periods_running_to_their_end(text: str, raw: str, expected: dt.date, kind: str) -> None:
    found = find_deadline(text, 2024)
    assert found is not None
    d, start, end = found
    assert (d.raw, d.date, d.kind) == (raw, expected, kind) and text[start:end] == raw


def test_a_target_year_is_still_no_deadline() -> None:
    # "đến năm 2025, 100% …" states a target, not when the unit acts
    assert find_deadline("đến năm 2025, 100% hồ sơ được số hóa") is None


@pytest.mark.parametrize("text,raw,expected", [
    ("gửi về Sở Nội vụ trước ngày 20/11.", "trước ngày 20/11", D(2025, 11, 20)),  # a yearless date ending the sentence
    ("gửi báo cáo trước 17 giờ 00 ngày 17/10/2025", "trước 17 giờ 00 ngày 17/10/2025", D(2025, 10, 17)),
    ("gửi trước 16h00 ngày 20/11/2025 để tổng hợp", "trước 16h00 ngày 20/11/2025", D(2025, 11, 20)),
    ("hoàn thành từ nay đến cuối năm 2025", "đến cuối năm 2025", D(2025, 12, 31)),
])
def test_sentence_ends_times_of_day_and_to_the_end_of(text: str, raw: str, expected: dt.date) -> None:
    found = find_deadline(text, 2025)
    assert found is not None and (found[0].raw, found[0].date) == (raw, expected)


@pytest.mark.parametrize("cell", ["Từ tháng 5/2024", "Từ quý II/2025"])
def test_a_time_cell_opening_with_from_is_a_start(cell: str) -> None:
    d = parse_deadline(cell, 2025)
    assert d is not None and (d.kind, d.date) == ("start", None)


@pytest.mark.parametrize("text", ["Báo cáo hằng quý.", "Báo cáo kết quả thực hiện định kỳ hằng quý về Sở Nội vụ"])
def test_a_report_verb_opening_the_task_does_not_make_its_recurrence_a_thing(text: str) -> None:
    found = find_deadline(text, 2025)
    assert found is not None and found[0].kind == "recurring"


@pytest.mark.parametrize("text,raw", [
    ("tổng hợp, báo cáo kết quả thực hiện hằng quý về Phòng Nội vụ huyện", "hằng quý"),  # "báo cáo" after a comma: the verb
    ("kiểm tra đột xuất ít nhất 01 lần/quý tại Bộ phận Một cửa", "ít nhất 01 lần/quý"),
    ("tổ chức đối thoại với Nhân dân 6 tháng một lần", "6 tháng một lần"),
    ("tiếp công dân tại trụ sở mỗi tuần 02 lần", "mỗi tuần 02 lần"),
])
def test_how_often_after_the_verb_and_counted(text: str, raw: str) -> None:
    found = find_deadline(text, 2024)
    assert found is not None and (found[0].raw, found[0].kind, found[0].date) == (raw, "recurring", None)


def test_a_report_made_yearly_is_still_a_thing() -> None:
    assert find_deadline("lập báo cáo hằng quý của đơn vị", 2024) is None


def test_a_day_of_the_last_month_of_the_quarter_without_of() -> None:
    found = find_deadline("báo cáo trước ngày 10 tháng cuối quý", 2025)
    assert found is not None and (found[0].raw, found[0].kind) == ("trước ngày 10 tháng cuối quý", "relative")


def test_frequency_with_a_slash_and_a_budget_line_that_is_no_recurrence() -> None:
    found = find_deadline("tiếp công dân tại trụ sở, 6 tháng/lần", 2024)
    assert found is not None and (found[0].raw, found[0].kind) == ("6 tháng/lần", "recurring")
    assert find_deadline("bố trí nguồn chi thường xuyên năm 2024", 2024) is None


@pytest.mark.parametrize("text,raw", [
    ("là cơ quan thường trực, theo dõi, đôn đốc, tổng hợp báo cáo UBND tỉnh trước ngày 15/12 hằng năm.",
     "trước ngày 15/12 hằng năm"),
    ("Các sở, ngành báo cáo kết quả trước ngày 20/6 và 20/12 hàng năm.", "trước ngày 20/6 và 20/12 hàng năm"),
])
def test_a_day_without_its_year_then_every_year_recurs(text: str, raw: str) -> None:
    d, s, e = find_deadline(text, ref_year=2025)
    assert (d.raw, d.date, d.kind) == (raw, None, "recurring") and text[s:e] == raw
    # the day alone is still one date of the document's year
    assert find_deadline(text.replace(" hằng năm", "").replace(" hàng năm", ""), ref_year=2025)[0].date is not None


@pytest.mark.parametrize("heading,raw", [
    ("NHIỆM VỤ THƯỜNG XUYÊN", "THƯỜNG XUYÊN"), ("Các nhiệm vụ thực hiện hằng năm", "hằng năm"),
    ("CÁC NHIỆM VỤ, GIẢI PHÁP THƯỜNG XUYÊN", "THƯỜNG XUYÊN"), ("NHIỆM VỤ TRỌNG TÂM", None),
    ("Tổ chức kiểm tra thường xuyên", None),
])
def test_a_heading_naming_recurring_work(heading: str, raw: str | None) -> None:
    d = heading_recurrence(heading)
    assert (d.raw, d.date, d.kind) == (raw, None, "recurring") if raw else d is None


@pytest.mark.parametrize("text,raw,date,kind", [
    # QA round 9: the day a unit acts on, a time tied to an event, and the day a recurrence falls on
    ("Cử 01 công chức tham dự Hội nghị tập huấn vào ngày 12/11/2025 tại Hội trường Sở Nội vụ",
     "vào ngày 12/11/2025", D(2025, 11, 12), "date"),
    ("Tổ chức quán triệt về ý nghĩa của Chỉ số PAPI ngay sau khi nhận được Công văn này, cụ thể",
     "ngay sau khi nhận được Công văn này", None, "other"),
    ("Định kỳ báo cáo kết quả thực hiện Kế hoạch về Sở Tài chính trước ngày 15/12 hằng năm để tổng hợp",
     "trước ngày 15/12 hằng năm", None, "recurring"),
    ("tham mưu Chủ tịch UBND phường tiếp công dân định kỳ vào ngày 15 hằng tháng",
     "vào ngày 15 hằng tháng", None, "relative"),
])
def test_days_acted_on_events_and_recurring_days(text: str, raw: str, date: dt.date | None, kind: str) -> None:
    d, s, e = find_deadline(text, ref_year=2025)
    assert (d.raw, d.date, d.kind) == (raw, date, kind) and text[s:e] == raw


def test_a_count_per_some_months_recurs() -> None:
    # QA round 10 (a district's report proposing work)
    d, _, _ = find_deadline("tổ chức đối thoại với Nhân dân ít nhất 01 lần/6 tháng; niêm yết công khai", 2025)
    assert (d.raw, d.kind) == ("ít nhất 01 lần/6 tháng", "recurring")


@pytest.mark.parametrize("text,raw", [
    # QA round 10 (a Ban Quản lý khu kinh tế's plan) and the Công văn's usual wording
    ("Công khai quy hoạch phân khu trên Trang thông tin điện tử của Ban chậm nhất 15 ngày kể từ ngày được phê "
     "duyệt.", "chậm nhất 15 ngày kể từ ngày được phê duyệt"),
    ("Báo cáo kết quả về Sở Nội vụ trong thời hạn 10 ngày làm việc kể từ ngày nhận được văn bản này.",
     "trong thời hạn 10 ngày làm việc kể từ ngày nhận được văn bản này"),
    ("Gửi báo cáo chậm nhất 03 ngày sau khi kết thúc đợt kiểm tra.", "chậm nhất 03 ngày sau khi kết thúc đợt kiểm tra"),
])
def test_a_count_of_days_from_an_event_is_a_time_with_no_date(text: str, raw: str) -> None:
    d, s, e = find_deadline(text, ref_year=2025)
    assert (d.raw, d.date, d.kind) == (raw, None, "other") and text[s:e] == raw


def test_a_processing_time_is_no_deadline() -> None:
    # a target for the time a procedure takes, with no event it counts from (QA round 10)
    assert find_deadline("Rút ngắn thời gian giải quyết thủ tục xuống còn 10 ngày làm việc.", 2025) is None


@pytest.mark.parametrize("text,raw", [
    # QA round 11 ("Chế độ báo cáo" of a plan): a recurrence followed by the unit the report goes to
    ("Sở Tài chính báo cáo kết quả thực hiện hằng quý về Sở Nội vụ.", "hằng quý"),
    ("Sở Y tế báo cáo kết quả thực hiện định kỳ hằng quý về Sở Nội vụ.", "định kỳ hằng quý"),
    ("Các sở, ban, ngành báo cáo kết quả thực hiện Kế hoạch hằng quý (trước ngày 15 của tháng cuối quý) về "
     "Sở Nội vụ.", "hằng quý (trước ngày 15 của tháng cuối quý)"),
])
def test_a_recurrence_before_the_reports_recipient_says_how_often_it_is_sent(text: str, raw: str) -> None:
    d, _, _ = find_deadline(text, 2025)
    assert (d.raw, d.date) == (raw, None)


def test_a_recurrence_before_a_topic_still_describes_the_thing() -> None:
    assert find_deadline("Sở Nội vụ xây dựng kế hoạch hằng năm về cải cách hành chính.", 2025) is None


def test_a_recurrence_opening_a_verb_phrase_after_a_comma_is_the_units_own() -> None:
    # a commune's meeting conclusion (QA round 15): "kế hoạch" before the comma is another phrase's noun
    found = find_deadline("chủ động xây dựng kế hoạch, thường xuyên theo dõi các thôn để xử lý kịp thời các vướng mắc",
                          2024)
    assert found is not None and found[0].raw == "thường xuyên" and found[0].date is None
    # …while one describing the noun before it stays none: "dự toán ngân sách hằng năm"
    assert find_deadline("lập dự toán ngân sách hằng năm theo quy định", 2024) is None
