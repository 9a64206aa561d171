"""Property tests over every parser that takes text: arbitrary Unicode never raises, offsets stay
inside the text, and what a formatter writes parses back.

tests/extract/test_deadlines.py and test_units.py already hold the arbitrary-text tests of
parse_deadline/find_deadline and of the unit functions, and the date/period round trips of
format_deadline; this file does not repeat them.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vanban.extract.citations import find_citations
from vanban.extract.dates import date_at, find_dates, parse_date
from vanban.extract.deadlines import find_deadline, format_deadline, parse_deadline
from vanban.extract.metadata import extract_meta
from vanban.extract.pipeline import extract_document
from vanban.extract.symbols import _code_maps, find_symbols, type_of_code
from vanban.extract.table_tasks import find_header, tasks_from_table
from vanban.extract.tasks import find_tasks
from vanban.extract.units import find_units, split_units
from vanban.ingest.errors import IngestError
from vanban.ingest.read import ingest_bytes
from vanban.ingest.text import table_text, text_to_drafts
from vanban.schema.models import Block, Deadline

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Arbitrary text, and text made of the pieces these parsers look for, so that the random
# strings reach deep into the rules (a date after "trước ngày", a symbol after "số", "|" cells).
_PIECES = [
    "Số: ", "ngày ", "tháng ", "năm ", "Trước ngày ", "Quý III/", "/KH-UBND", "-CT/TU", "/2019/NĐ-CP",
    "Sở Nội vụ", "UBND cấp huyện", "chủ trì", ", phối hợp với ", "các sở, ban, ngành", " | ", "|\n",
    "\n", "\n\n", ". ", "; ", ": ", "1.", "a)", "- ", "II.", "KẾ HOẠCH", "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
    "Căn cứ ", "Nghị định số ", "Thường xuyên", "hằng năm", "Thời gian: ", "Đơn vị chủ trì: ",
    "2022", "30", "6", "/", "Ủy", "Uỷ", "hoá", "\u0301", "\u0323", "\u00a0", "\t", "đ", "Đ",
]
texts = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=40).map("".join),
)


def _span_ok(text: str, start: int, end: int) -> bool:
    return 0 <= start <= end <= len(text)


# ----------------------------------------------------------------------------- never raises


@FAST
@given(texts)
def test_symbols_never_raise(text: str) -> None:
    for s in find_symbols(text):
        assert _span_ok(text, s.start, s.end)


@FAST
@given(texts, st.none() | st.integers(1900, 2100))
def test_dates_never_raise(text: str, year: int | None) -> None:
    for start, end, _ in find_dates(text, default_year=year):
        assert _span_ok(text, start, end)
    parse_date(text, default_year=year, month_day="last")
    for pos in (0, len(text) // 2, len(text)):
        found = date_at(text, pos, default_year=year)
        if found:
            assert _span_ok(text, found[0], found[1])


@FAST
@given(texts, st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)))
def test_citations_never_raise(text: str, day: dt.date | None) -> None:
    for c in find_citations(text, doc_date=day, own_number="239/KH-UBND"):
        assert _span_ok(text, c.start, c.end)


@FAST
@given(texts, st.none() | st.text(max_size=30))
def test_metadata_never_raises(text: str, title_hint: str | None) -> None:
    meta = extract_meta(text, title_hint=title_hint, date_hint=dt.date(2023, 5, 1))
    for ev in meta.evidence.values():
        assert _span_ok(text, ev.start, ev.end)


@FAST
@given(texts)
def test_flattened_tables_never_raise(text: str) -> None:
    for d in text_to_drafts(text):
        if d.rows is not None:
            assert len({len(r) for r in d.rows}) <= 1  # every row as wide as the table


cells = st.one_of(st.text(max_size=12), st.sampled_from(_PIECES))


@FAST
@given(st.lists(st.lists(cells, min_size=1, max_size=6), min_size=1, max_size=8), st.none() | st.integers(2000, 2030))
def test_table_tasks_never_raise(rows: list[list[str]], year: int | None) -> None:
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    text = table_text(rows)
    block = Block(kind="table", text=text, start=0, end=len(text), rows=rows)
    find_header(rows)
    for task, _row in tasks_from_table(block, year):
        assert task.source_kind == "table"


@SLOW
@given(texts)
def test_prose_tasks_and_whole_pipeline_never_raise(text: str) -> None:
    """Tasks over a real ingested Document (the blocks ingest makes of the text)."""
    try:
        doc = ingest_bytes(text.encode("utf-8"), "van-ban.txt")
    except IngestError:
        return  # empty or blank: a reason, not a crash
    meta = extract_meta(doc.text)
    for t in find_tasks(doc, meta):
        assert _span_ok(doc.text, t.start, t.end)
    ext = extract_document(doc)
    for t in ext.tasks:
        assert _span_ok(doc.text, t.start, t.end)


@FAST
@given(st.builds(
    Deadline,
    raw=st.text(max_size=30),
    date=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)),
    kind=st.sampled_from(["date", "period", "recurring", "by_regulation", "start", "relative", "other"]),
))
def test_format_deadline_never_raises(d: Deadline) -> None:
    assert isinstance(format_deadline(d), str)


# ------------------------------------------------------------------------------ round trips

_days = st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31))
_lead_in = st.sampled_from(["", "Căn cứ Kế hoạch ban hành ", "Hà Nội, ", "(", "Thực hiện văn bản số 12/UBND-VX "])


@FAST
@given(_days, _lead_in, st.booleans(), st.booleans())
def test_written_dates_parse_back(day: dt.date, lead_in: str, words: bool, padded: bool) -> None:
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if padded else (str(day.day), str(day.month))
    written = f"ngày {d} tháng {m} năm {day.year}" if words else f"{d}/{m}/{day.year}"
    text = f"{lead_in}{written}."
    found = find_dates(text)
    assert [v for _, _, v in found] == [day]
    start, end, _ = found[0]
    assert text[start:end].endswith(str(day.year))
    assert parse_date(text) == day


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))


# The kinds running text states on its own; "Theo quy định" and "Trước ngày 15 của tháng cuối
# quý" are deadlines only in a table's time column, so find_deadline rightly skips them in prose.
_deadlines = st.one_of(
    _days.map(lambda day: Deadline(raw="x", date=day, kind="date")),
    st.builds(lambda y, m: Deadline(raw="x", date=_month_end(y, m), kind="period"),
              st.integers(1990, 2099), st.integers(1, 11)),
    st.sampled_from(["recurring", "start"]).map(lambda k: Deadline(raw="", kind=k)),
)


@FAST
@given(_deadlines, st.sampled_from(["Sở Nội vụ chủ trì tổ chức tuyên truyền về Chỉ số PAPI",
                                    "Rà soát, cập nhật thủ tục hành chính",
                                    "UBND các xã, thị trấn báo cáo kết quả thực hiện"]))
def test_formatted_deadline_is_found_in_a_task_sentence(d: Deadline, task: str) -> None:
    """format_deadline's phrase, written at the end of a task as documents do ("…; thời gian:
    Trước ngày 5/7/2022.", "… hoàn thành trong quý III/2022."), is the deadline find_deadline
    picks out of the sentence."""
    phrase = format_deadline(d)
    if d.kind == "period":  # a period needs its preposition in prose: "hoàn thành trong Quý III/2022"
        phrase = "hoàn thành trong " + phrase[0].lower() + phrase[1:]
    text = f"{task}; thời gian: {phrase}."
    found = find_deadline(text)
    assert found is not None, text
    got, start, end = found
    assert (got.date, got.kind) == (d.date, d.kind)
    assert text[start:end] == got.raw
    assert parse_deadline(got.raw) is not None


_state_codes = sorted(_code_maps()[0])
_party_codes = sorted(_code_maps()[1])
_issuers = st.lists(st.sampled_from(["UBND", "CP", "TTg", "SVHTTDL", "VPUBND", "BCĐ", "HĐND", "BNV", "TU",
                                     "VP", "VX", "QH13", "SNV", "TTr"]), min_size=1, max_size=2).map("-".join)


@FAST
@given(st.integers(1, 99999), st.none() | st.integers(1990, 2035), st.sampled_from(_state_codes), _issuers,
       st.sampled_from(["số ", "Số: ", "", "theo "]))
def test_state_document_number_parses_back(num: int, year: int | None, code: str, issuer: str, before: str) -> None:
    number = f"{num}/{year}/{code}-{issuer}" if year else f"{num}/{code}-{issuer}"
    text = f"Thực hiện văn bản {before}{number} ngày 30/6/2022 của UBND tỉnh."
    found = [s for s in find_symbols(text) if s.number == number]
    assert len(found) == 1, (number, find_symbols(text))
    s = found[0]
    assert text[s.start:s.end] == number
    assert (s.num, s.issuer_code, s.party) == (str(num), issuer, False)
    assert s.type == type_of_code(code) and s.type is not None


@FAST
@given(st.integers(1, 9999), st.sampled_from(_party_codes), st.sampled_from(["TW", "TU", "HU", "ĐU", "BCSĐ"]))
def test_party_document_number_parses_back(num: int, code: str, issuer: str) -> None:
    number = f"{num}-{code}/{issuer}"
    text = f"Quán triệt văn bản số {number} của Ban Thường vụ."
    found = [s for s in find_symbols(text) if s.number == number]
    assert len(found) == 1, (number, find_symbols(text))
    assert (found[0].num, found[0].issuer_code, found[0].party) == (str(num), issuer, True)
    assert found[0].type == type_of_code(code, party=True)


# A flattened table as portals print one: every cell on its own line ending in " |".
_HEADER = ["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]
_task_cells = st.sampled_from([
    "Tổ chức tuyên truyền về Chỉ số PAPI trên địa bàn", "Rà soát, đơn giản hóa thủ tục hành chính",
    "Công khai dự toán ngân sách xã", "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân",
    "Xây dựng kế hoạch kiểm tra công vụ",
])
_unit_cells = st.sampled_from(["Sở Nội vụ", "Sở Tài chính", "UBND cấp huyện", "Thanh tra tỉnh",
                               "Sở Thông tin và Truyền thông", "Văn phòng UBND tỉnh"])
_time_cells = st.sampled_from(["Trước ngày 5/7/2022", "Quý III/2022", "Thường xuyên", "Năm 2023", "Tháng 9/2022"])


@FAST
@given(st.lists(st.tuples(_task_cells, _unit_cells, _unit_cells, _time_cells), min_size=1, max_size=8))
def test_flattened_table_is_rebuilt_and_read_as_tasks(body: list[tuple[str, str, str, str]]) -> None:
    rows = [_HEADER] + [[str(i + 1), *cells] for i, cells in enumerate(body)]
    text = "KẾ HOẠCH\n\nPhụ lục nhiệm vụ\n" + "".join(f"{c} |\n" for row in rows for c in row) + "\nNơi nhận:\n"
    tables = [d for d in text_to_drafts(text) if d.kind == "table"]
    assert len(tables) == 1 and tables[0].rows == rows
    block = Block(kind="table", text=tables[0].text, start=0, end=len(tables[0].text), rows=rows)
    tasks = [t for t, _ in tasks_from_table(block, 2022)]
    assert [t.text for t in tasks] == [b[0] for b in body]
    assert [[u.text for u in t.lead] for t in tasks] == [[b[1]] for b in body]
    assert [[u.text for u in t.support] for t in tasks] == [[b[2]] for b in body]
    assert all(t.deadline is not None and t.deadline.raw == b[3] for t, b in zip(tasks, body, strict=True))


@FAST
@given(st.lists(_unit_cells, min_size=1, max_size=4), st.sampled_from([", ", "; "]))
def test_units_joined_in_a_sentence_are_each_found(units: list[str], sep: str) -> None:
    text = f"Giao {sep.join(units)} chủ trì thực hiện."
    found = find_units(text)
    for u in found:
        assert text[u.start:u.end] == u.text
    assert {u.canonical or u.text for u in found} >= set(units)
    assert split_units(sep.join(units)) == units
