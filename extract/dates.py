"""Dates as Vietnamese administrative documents print them, found with their offsets.

"ngày 30 tháng 6 năm 2022", "30/6/2022", "30-6-2022", "30.6.2022", "ngày 07/6" (the year
comes from context) and month dates "tháng 9/2022"; matching runs over `fold()`ed text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

from vanban.ingest.normalize import fold

# All patterns run over folded text (lower case, no marks): "ngày" → "ngay", "tháng" → "thang".
_DATE_RE = re.compile(
    r"""
    (?<![\w/.-])
    (?:
        # ngày 30 tháng 6 năm 2022 / 30 tháng 06 năm 2022 / ngày 15 tháng 7 (no year)
        (?P<lday_kw>ngay\s+)?
        (?P<lday>\d{1,2})\s+thang\s+(?P<lmonth>\d{1,2})
        (?:\s*(?:nam|/|-)\s*(?P<lyear>\d{4}))?
      |
        # 30/6/2022, 30-6-2022, 30.6.2022, 10/06/2024
        (?P<nday_kw>ngay\s+)?
        (?P<nday>\d{1,2})\s?(?P<sep>[/.-])\s?(?P<nmonth>\d{1,2})\s?(?P=sep)\s?(?P<nyear>\d{4})
      |
        # ngày 07/6, ngày 5-7 (a day and month only after the word "ngày")
        (?P<sday_kw>ngay\s+)
        (?P<sday>\d{1,2})[/.-](?P<smonth>\d{1,2})(?![\d]|[/.-]\s?\d)
      |
        # tháng 9/2022, tháng 01/2026, tháng 9 năm 2022, tháng 12-2025
        thang\s+(?P<mmonth>\d{1,2})\s*(?:/|-|nam\s+)\s*(?P<myear>\d{4})
    )
    (?![\d])
    """,
    re.VERBOSE,
)

MonthDay = Literal["first", "last"]


def _make(year: int | None, month: int, day: int | None, month_day: MonthDay) -> dt.date | None:
    if year is None or not 1 <= month <= 12 or not 1900 <= year <= 2100:
        return None
    if day is None:
        day = calendar.monthrange(year, month)[1] if month_day == "last" else 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match[str], default_year: int | None, month_day: MonthDay) -> dt.date | None:
    g = m.groupdict()
    if g["lday"]:
        year = int(g["lyear"]) if g["lyear"] else default_year
        return _make(year, int(g["lmonth"]), int(g["lday"]), month_day)
    if g["nday"]:
        return _make(int(g["nyear"]), int(g["nmonth"]), int(g["nday"]), month_day)
    if g["sday"]:
        return _make(default_year, int(g["smonth"]), int(g["sday"]), month_day)
    return _make(int(g["myear"]), int(g["mmonth"]), None, month_day)


def find_dates(
    text: str, default_year: int | None = None, month_day: MonthDay = "first"
) -> list[tuple[int, int, dt.date]]:
    """Every valid date in `text` as (start, end, date), in order of appearance.

    A date without a year ("ngày 07/6", "ngày 15 tháng 7") takes `default_year`, and is
    dropped when none is given; a month ("tháng 9/2022") gives its first day, or its last
    with `month_day="last"`. Impossible dates ("31/2/2023") are dropped. Spans include a
    leading "ngày" where printed."""
    out = []
    for m in _DATE_RE.finditer(fold(text)):
        value = _from_match(m, default_year, month_day)
        if value is not None:
            out.append((m.start(), m.end(), value))
    return out


def parse_date(text: str, default_year: int | None = None, month_day: MonthDay = "first") -> dt.date | None:
    """The first date in `text` ("ngày 30 tháng 6 năm 2022", "30/6/2022", …), or None."""
    found = find_dates(text, default_year, month_day)
    return found[0][2] if found else None


_LEAD = re.compile(r"[\s,]*")
_BROKEN_DATE = re.compile(r"ngay\s*(?:\d{0,2}\s*)?[/.-]\s*\d{0,2}\s*[/.-]\s*\d{4}|ngay\s+(?:\.{2,}|…|\s)*thang")


def date_at(text: str, pos: int, default_year: int | None = None) -> tuple[int, int, dt.date | None] | None:
    """A date (or a malformed date such as "ngày /6/2023") starting at `pos`, after optional
    spaces and a comma; (start, end, date-or-None) or None when no date is printed there."""
    folded = fold(text)
    m = _LEAD.match(folded, pos)
    start = m.end() if m else pos
    for s, e, value in find_dates(text[start : start + 40], default_year):
        if s == 0:
            return start, start + e, value
        break
    broken = _BROKEN_DATE.match(folded, start)
    if broken:
        return start, broken.end(), None
    return None
