"""Dates as documents print them: place-date lines, numeric dates, dates without a year, months."""

import datetime as dt

import pytest

from vanban.extract.dates import date_at, find_dates, parse_date
from vanban.ingest.normalize import normalize_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lào Cai, ngày 30 tháng 6 năm 2022", dt.date(2022, 6, 30)),  # seed 001 place-date line
        ("Hà Nội, ngày 05 tháng 01 năm 2024", dt.date(2024, 1, 5)),
        ("Trước ngày 30/9/2022", dt.date(2022, 9, 30)),
        ("Chỉ thị số 10/CT-UBND ngày 05/8/2023", dt.date(2023, 8, 5)),
        ("Ngày đăng 10/06/2024 | 11:03", dt.date(2024, 6, 10)),  # seed 004 news line
        ("ban hành ngày 30-6-2022", dt.date(2022, 6, 30)),
        ("cập nhật 30.6.2022", dt.date(2022, 6, 30)),
        ("NGÀY 15 THÁNG 7 NĂM 2025", dt.date(2025, 7, 15)),
    ],
)
def test_parse_date_forms(text, expected):
    assert parse_date(normalize_text(text)) == expected


def test_day_month_takes_default_year():
    # seed 004: "Mới đây, ngày 07/6 UBND huyện Chương Mỹ ban hành Kế hoạch số 284/KH-UBND"
    assert parse_date("Mới đây, ngày 07/6 UBND huyện Chương Mỹ ban hành", default_year=2024) == dt.date(
        2024, 6, 7
    )
    assert parse_date("Mới đây, ngày 07/6 UBND huyện Chương Mỹ ban hành") is None
    assert parse_date("trước ngày 15 tháng 7", default_year=2022) == dt.date(2022, 7, 15)


def test_months():
    assert parse_date("bắt đầu thực hiện từ tháng 01/2026") == dt.date(2026, 1, 1)
    assert parse_date("trong tháng 9/2022", month_day="last") == dt.date(2022, 9, 30)
    assert parse_date("tháng 12 năm 2025", month_day="last") == dt.date(2025, 12, 31)


def test_invalid_and_non_dates():
    assert parse_date("31/2/2023") is None
    assert parse_date("Báo cáo số 198/BC-UBND ngày /6/2023") is None  # seed 002, a blank day
    assert find_dates("xếp thứ 49/60 tỉnh; 04/08 nội dung; giai đoạn 2021-2025; 3/15 sở") == []


def test_offsets_point_into_the_text():
    text = "Thực hiện Kế hoạch số 1530/KH-UBND ngày 26/4/2023 của UBND"
    [(s, e, d)] = find_dates(text)
    assert text[s:e] == "ngày 26/4/2023" and d == dt.date(2023, 4, 26)


def test_date_at_reports_malformed_dates():
    text = "Báo cáo số 198/BC-UBND ngày /6/2023 /Năm 2022"
    at = date_at(text, text.index(" ngày"))
    assert at is not None and at[2] is None
    assert date_at("Kế hoạch số 5/KH-UBND về việc", 19) is None
