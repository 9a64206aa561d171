"""Deadlines: read a deadline cell, and find the time phrase inside a task's text.

A deadline is a date ("Trước ngày 5/7/2022"), a period whose last day it fixes ("Quý
III/2022", "Tháng 12 năm 2025"), a recurrence ("Định kỳ hàng quý"), "Theo quy định", a
start ("bắt đầu thực hiện từ tháng 01/2026") or a day relative to a period. The phrase
vocabularies live in data/deadlines.toml; the regexes are built from them and run on the
folded text, whose offsets are the original's.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from vanban.extract.units import unit_at_start
from vanban.ingest.normalize import fold, normalize_text
from vanban.schema.models import Deadline

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["find_deadline", "format_deadline", "heading_recurrence", "parse_deadline"]

_DATA = tomllib.loads((Path(__file__).parent / "data" / "deadlines.toml").read_text(encoding="utf-8"))


def _alt(phrases: list[str]) -> str:
    """Folded phrases as one alternation, longest first, spaces matching any blank."""
    keys = sorted({fold(normalize_text(p)) for p in phrases}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, k.split())) for k in keys) + ")"


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}

# The time expressions themselves (folded text).
_TIME = r"""
      (?P<range>(?<!\d)(?P<ry1>(?:19|20)\d\d)\s*[-–]\s*(?P<ry2>(?:19|20)\d\d)(?!\d))
    | (?P<half>(?<!\d)(?P<hn>3|6|9)\s+thang\s+(?P<hw>dau|cuoi)\s+nam
          (?:\s*(?:[/-]|nam)?\s*(?P<hy>(?:19|20)\d\d)(?!\d))?)
    | (?P<qlist>quy\s+(?:iv|iii|ii|i|[1-4])(?:\s*(?:,|va|-|–)\s*(?:quy\s+)?(?:iv|iii|ii|i|[1-4]))*
          \s*(?:,|va|-|–)\s*(?:quy\s+)?(?P<ql>iv|iii|ii|i|[1-4])(?!\w)
          \s*(?:[/-]|nam)\s*(?P<qly>(?:19|20)\d\d)(?!\d))
    | (?P<quarter>quy\s+(?P<q>iv|iii|ii|i|[1-4])(?!\w)
          (?:\s*(?:[/-]|nam)\s*(?P<qy>(?:19|20)\d\d)(?!\d))?)
    | (?P<date>(?:ngay\s*)?(?<![\d/.])(?P<d>[0-3]?\d)\s*[/.-]\s*(?P<m>[01]?\d)
          (?:\s*[/.-]\s*(?P<y>(?:19|20)\d\d)(?!\d)|(?![\d/-]|\.\d)))
    | (?P<ldate>(?:ngay\s+)?(?P<d2>[0-3]?\d)\s+thang\s+(?P<m2>[01]?\d)(?!\d)
          (?:\s*(?:,\s*)?nam\s+(?P<y2>(?:19|20)\d\d)(?!\d))?)
    | (?P<mrange>thang\s+(?P<ma>[01]?\d)\s*[-–]\s*(?:thang\s+)?(?P<mb>[01]?\d)
          \s*(?:[/-]|nam)\s*(?P<mry>(?:19|20)\d\d)(?!\d))
    | (?P<month>thang\s+(?P<mo>[01]?\d)(?!\d)
          (?:\s*(?:[/-]|nam)\s*(?P<my>(?:19|20)\d\d)(?!\d))?)
    | (?P<year>nam\s+(?P<yy>(?:19|20)\d\d)(?!\d)(?:\s*[-–]\s*(?P<yy2>(?:19|20)\d\d)(?!\d))?)
"""
_TIME_RE = re.compile(_TIME, re.VERBOSE)

_REC_WORDS = _alt(_DATA["recurrence"]["phrases"])
_REC_UNITS = _alt(_DATA["recurrence"]["units"])
_REC_ITEM = rf"(?:quy\s+(?:iv|iii|ii|i|[1-4])(?!\w)|\d+\s+thang|(?:hang\s+)?{_REC_UNITS}(?!\s*\d))"
_RECURRENCE = rf"""
    (?P<rec>
        {_REC_WORDS}
        (?: \s+ hang \s+ {_REC_UNITS} (?!\w) )?                    # định kỳ hàng quý
        (?: \s+ {_REC_ITEM} (?: \s*(?:,|va)\s* {_REC_ITEM} )* )?    # Định kỳ Quý I, 6 tháng, … và năm
        (?: \s* \( [^()\n]{{0,40}} \) )?                           # thường xuyên (định kỳ hàng tháng)
    )
"""
_REC_RE = re.compile(_RECURRENCE, re.VERBOSE)
_REC_ANY = re.compile(rf"(?<!\w){_REC_WORDS}(?!\w)|(?<!\w)hang\s+{_REC_UNITS}(?!\w)")

_REL_RE = re.compile(
    rf"""(?P<relative>
        (?:truoc\s+|cham\s+nhat\s+)?ngay\s+\d{{1,2}}\s+
        (?:{_alt(_DATA["relative"]["joins"])}\s+{_alt(_DATA["relative"]["anchors"])}
          | thang\s+cuoi\s+(?:quy|ky(?:\s+bao\s+cao)?|nam))(?!\w)   # "trước ngày 10 tháng cuối quý"
    )""",
    re.VERBOSE,
)
_START_RE = re.compile(rf"(?<!\w){_alt(_DATA['prepositions']['start'])}(?!\w)")
_BY_REG_RE = re.compile(rf"(?<!\w){_alt(_DATA['prepositions']['by_regulation'])}(?!\w)")
_UNTIL_RE = re.compile(r"(?<!\w)(?:den|toi)(?!\w)")
# a time of day before the date: "trước 17 giờ 00 ngày 17/10/2025", "trước 16h00, ngày 20/11"
_TIME_OF_DAY = re.compile(r"\d{1,2}\s*(?:gio|h)\s*(?:\d{1,2}\s*(?:phut)?)?\s*,?\s*(?=ngay\s)")
# a cell opening with "Từ tháng 5/2024", "Từ quý II/2025": a start, not a deadline
_CELL_FROM = re.compile(r"^\s*tu\s+(?:thang|quy|nam|ngay)\b")
# days printed without their year, then the period they recur in: "ngày 15/12 hằng năm",
# "trước ngày 20/6 và 20/12 hàng năm"
_EVERY_PERIOD = re.compile(
    rf"(?:\s*(?:,|va)\s*(?:ngay\s+)?[0-3]?\d\s*/\s*[01]?\d(?![\d/]))*\s*,?\s*(?:hang|moi)\s+{_REC_UNITS}(?!\w)"
)
_DEADLINE_PREP_RE = re.compile(r"(?:truoc|cham\s+nhat|han|hoan\s+thanh|xong|den(?:\s+het)?)(?:\s+ngay)?\s*$")


# --------------------------------------------------------------------------- values


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _value(m: re.Match[str], ref_year: int | None) -> tuple[str, dt.date | None, bool] | None:
    """(kind, date, year printed) of one time expression; None when it is no valid time."""
    g = m.groupdict()
    try:
        if g["range"]:
            return "period", dt.date(int(g["ry2"]), 12, 31), True
        if g["half"]:
            year = int(g["hy"]) if g["hy"] else ref_year
            month = int(g["hn"]) if g["hw"] == "dau" else 12
            return "period", (_last_day(year, month) if year else None), bool(g["hy"])
        if g["qlist"]:  # "Quý I, II/2024": the last quarter named
            return "period", _last_day(int(g["qly"]), 3 * _ROMAN[g["ql"]]), True
        if g["mrange"]:  # "Tháng 6-12/2024": the end of the range
            mb = int(g["mb"])
            if not 1 <= mb <= 12:
                return None
            return "period", _last_day(int(g["mry"]), mb), True
        if g["quarter"]:
            year = int(g["qy"]) if g["qy"] else ref_year
            return "period", (_last_day(year, 3 * _ROMAN[g["q"]]) if year else None), bool(g["qy"])
        if g["date"] or g["ldate"]:
            d, mo, y = (g["d"], g["m"], g["y"]) if g["date"] else (g["d2"], g["m2"], g["y2"])
            year = int(y) if y else ref_year
            if not 1 <= int(mo) <= 12 or not 1 <= int(d) <= 31:
                return None
            return "date", (dt.date(year, int(mo), int(d)) if year else None), bool(y)
        if g["month"]:
            mo = int(g["mo"])
            if not 1 <= mo <= 12:
                return None
            year = int(g["my"]) if g["my"] else ref_year
            return "period", (_last_day(year, mo) if year else None), bool(g["my"])
        if g["year"]:  # "Năm 2025 - 2026": the end of the span
            return "period", dt.date(int(g["yy2"] or g["yy"]), 12, 31), True
    except ValueError:  # 31/2, year out of range
        return None
    return None


# --------------------------------------------------------------------------- cells


_BARE_YEAR = re.compile(r"^\s*(?:nam\s+)?(?:19|20)\d\d\s*$")
_THIS_YEAR = re.compile(r"^\s*(?:hoan\s+thanh\s+)?trong\s+nam(?:\s+nay)?\s*[.]?\s*$")


def _may_hold_time(folded: str) -> bool:
    """Whether _TIME_RE can match: each of its forms holds a digit but "quý I" (a roman
    numeral after "quy"). Cells such as "Thường xuyên" skip its scan."""
    return "quy" in folded or any(map(str.isdigit, folded))


def parse_deadline(raw: str, ref_year: int | None = None) -> Deadline | None:
    """Read a deadline cell ("Quý III/2022", "Thường xuyên", "Trước ngày 5/7/2022").

    `raw` is kept whole; `date` is the day it fixes (the last day of a named month,
    quarter, half-year or year), None for a recurrence, a rule, a start or a relative day.
    A date or period printed without a year takes `ref_year`. Returns None for a blank
    cell and kind "other" for words this module does not know."""
    raw = raw.strip().rstrip(".;,").rstrip() if raw else ""  # a field's sentence stop is not the phrase's
    if not raw:
        return None
    text = fold(normalize_text(raw))
    if len(text) != len(raw):  # normalisation changed the length: work on the normal form
        raw = normalize_text(raw)
        text = fold(raw)
    times = [(m, v) for m in _TIME_RE.finditer(text) if (v := _value(m, ref_year))] if _may_hold_time(text) else []
    if _BARE_YEAR.match(text):  # a cell holding just "2024": the end of that year
        return Deadline(raw=raw, date=dt.date(int(text.strip()[-4:]), 12, 31), kind="period")
    if ref_year and _THIS_YEAR.match(text):  # "Trong năm": within the document's year
        return Deadline(raw=raw, date=dt.date(ref_year, 12, 31), kind="period")
    start = _START_RE.search(text) or _CELL_FROM.match(text)
    if start and not _UNTIL_RE.search(text, start.end()):
        return Deadline(raw=raw, date=None, kind="start")
    dated = [(m, v) for m, v in times if v[2]]
    if dated:
        m, (kind, date, _) = _pick(text, dated)
        return Deadline(raw=raw, date=date, kind=kind)  # type: ignore[arg-type]
    if _REL_RE.search(text):
        return Deadline(raw=raw, date=None, kind="relative")
    if _REC_ANY.search(text):
        return Deadline(raw=raw, date=None, kind="recurring")
    if _BY_REG_RE.search(text):
        return Deadline(raw=raw, date=None, kind="by_regulation")
    if times:
        m, (kind, date, _) = _pick(text, times)
        return Deadline(raw=raw, date=date, kind=kind)  # type: ignore[arg-type]
    if not any(ch.isalnum() for ch in raw):
        return None
    return Deadline(raw=raw, date=None, kind="other")


def _pick(text: str, times: list) -> tuple:
    """The time a deadline word stands before ("trước ngày …"), else the last one."""
    for m, v in times:
        if _DEADLINE_PREP_RE.search(text, max(0, m.start() - 25), m.start()):
            return m, v
    return times[-1]


def format_deadline(d: Deadline) -> str:
    """A phrase that parse_deadline reads back as the same date and kind."""
    if d.date is not None:
        y, m, day = d.date.year, d.date.month, d.date.day
        if d.kind == "period" and day == calendar.monthrange(y, m)[1]:
            if m == 12:
                return f"Năm {y}"
            if m % 3 == 0:
                return f"Quý {_ROMAN_OUT[m // 3]}/{y}"
            return f"Tháng {m}/{y}"
        return f"Trước ngày {day}/{m}/{y}"
    reparsed = parse_deadline(d.raw) if d.raw else None
    if reparsed is not None and reparsed.kind == d.kind and reparsed.date is None:
        return d.raw
    return {
        "recurring": "Thường xuyên",
        "by_regulation": "Theo quy định",
        "start": "Bắt đầu thực hiện",
        "relative": "Trước ngày 15 của tháng cuối quý",
        "date": "Trước ngày",
    }.get(d.kind, d.raw or "Khác")


# --------------------------------------------------------------------------- running text

_FIND = re.compile(
    rf"""
      (?P<dated> (?<!\w) {_alt(_DATA["prepositions"]["date"])} \s*:?\s+ (?:la\s+)? (?=\d|ngay\s) )
    | (?P<period> (?<!\w) {_alt(_DATA["prepositions"]["period"])} \s*:?\s+ (?=quy\s|thang\s|[369]\s+thang\s) )
    | (?P<yearly> (?<!\w) {_alt(_DATA["prepositions"]["year"])} \s+ (?=nam\s+\d) )
    | (?P<starts> (?<!\w) {_alt(_DATA["prepositions"]["start"])} (?!\w) )
    | (?P<span> (?<!\w) {_alt(_DATA["prepositions"]["range_from"])} \s+ (?=(?:thang|quy|ngay|nam)\s+\w|\d) )
    | (?<!\w) {_RECURRENCE} (?!\w)
    """,
    re.VERBOSE,
)
# Every phrase _FIND opens with stands as a whole word (a space or the pattern's end follows
# its first word), so _FIND is tried only where one of these first words stands: trying its
# many alternatives at every character was most of the cost of reading a task's deadline.
_FIRST_WORDS = {
    fold(normalize_text(p)).split()[0]
    for p in (*[q for key in ("date", "period", "year", "start", "range_from") for q in _DATA["prepositions"][key]],
              *_DATA["recurrence"]["phrases"])
}
# No "\b" before the words: a pattern opening with one alternative per word lets `re` skip to
# their first letters; _find_all drops the hits inside a word (no boundary inside a word, so
# no hit of the "\b…\b" pattern is lost).
_FIND_AT = re.compile(r"(?:" + "|".join(sorted(_FIRST_WORDS, key=len, reverse=True)) + r")\b")
_DISQ_NOUNS = {tuple(fold(normalize_text(n)).split()) for n in _DATA["disqualify"]["nouns"]}
_DISQ_WINDOW = int(_DATA["disqualify"]["window"])
_VERBS_AT_START = {tuple(fold(normalize_text(n)).split()) for n in _DATA["disqualify"]["verbs_at_start"]}
_COPULAS = {fold(w) for w in _DATA["disqualify"]["copulas"]}
_AFTER = {w.lower() for w in _DATA["disqualify"]["after"]}
_CLAUSE_END = re.compile(r"[.;:!?\n(…]")
_WORD = re.compile(r"\w+")


# A time tied to an event: "ngay sau khi có kết quả khảo sát", "chậm nhất 05 ngày sau khi …"
_AFTER_EVENT = re.compile(rf"(?<!\w)(?:{_alt(_DATA['event']['phrases'])})\s[^,.;:\n]{{3,60}}")
_DAYS_FROM_EVENT = re.compile(
    rf"(?<!\w){_alt(_DATA['event']['counted_before'])}\s+\d{{1,3}}\s+ngay(?:\s+lam\s+viec)?\s+"
    rf"{_alt(_DATA['event']['counted_from'])}\s[^,.;:\n]{{3,60}}"
)
# words one of the two patterns needs: most texts hold none, and neither is searched
_EVENT_CUES = tuple({"sau khi"} | {fold(normalize_text(p)) for p in _DATA["event"]["counted_from"]})


# How often, counted: "ít nhất 01 lần/quý", "02 lần/năm", "mỗi tuần 02 lần", "6 tháng một lần"
_FREQUENCY = re.compile(
    r"(?<!\w)(?:(?:it nhat|toi thieu)\s+)?\d{1,2}\s+lan\s*(?:/|trong\s+(?:01\s+|1\s+|mot\s+)?)\s*(?:\d{1,2}\s+)?(?:ngay|tuan|thang|quy|nam)(?!\w)"
    r"|(?<!\w)(?:moi|hang)\s+(?:ngay|tuan|thang|quy|nam)\s+(?:(?:it nhat|toi thieu)\s+)?\d{1,2}\s+lan(?!\w)"
    r"|(?<!\w)\d{1,2}\s+(?:tuan|thang)\s+(?:mot|01|1)\s+lan(?!\w)"
    r"|(?<!\w)\d{1,2}\s+(?:tuan|thang|quy|nam)\s*/\s*lan(?!\w)"
)


def find_deadline(text: str, ref_year: int | None = None, folded: str | None = None) -> tuple[Deadline, int, int] | None:
    """The time phrase inside a task's text that says when or how often the unit acts.

    Returns (deadline, start, end) with `text[start:end]` as `deadline.raw`, or None. A
    date needs a deadline word before it ("trước ngày 30/7/2022"); a year needs one of
    completion ("Hoàn thành trong năm 2025"), since a mere mention of the plan's year is
    none; a recurrence must qualify the action, not a thing ("dự toán ngân sách hằng năm").
    A date with its year wins; otherwise the first phrase found. `folded` is fold(text), when
    the caller has it."""
    if not text:
        return None
    if folded is None:
        folded = fold(text)
    found: list[tuple[Deadline, int, int, bool]] = []
    for m in _find_all(folded):
        hit = _candidate(text, folded, m, ref_year)
        if hit:
            found.append(hit)
    tail = _trailing_time(text, folded, ref_year)
    if tail:
        found.append(tail)
    if not found and any(c in folded for c in _EVENT_CUES):
        event = _DAYS_FROM_EVENT.search(folded) or _AFTER_EVENT.search(folded)
        if event:  # "ngay sau khi có kết quả", "chậm nhất 15 ngày kể từ …": tied to an event, no date
            found.append((Deadline(raw=text[event.start():event.end()].rstrip(), kind="other"),
                          event.start(), event.end(), False))
    if not found and "lan" in folded:
        freq = _FREQUENCY.search(folded)
        if freq:
            found.append((Deadline(raw=text[freq.start():freq.end()], kind="recurring"), freq.start(), freq.end(), False))
    if not found:
        return None
    dated = [f for f in found if f[3]]
    best = next((f for f in dated if folded.startswith(_COMPLETION, f[1])), dated[0] if dated else found[0])
    if not dated and best[0].kind == "recurring":
        # "Định kỳ báo cáo … trước ngày 15/12 hằng năm": the day it recurs on says more than "định kỳ"
        best = next((f for f in found if f[0].kind == "recurring" and any(map(str.isdigit, f[0].raw))), best)
    return best[0], best[1], best[2]


# a time standing alone as the text's last clause: "…; năm 2026.", "…; Quý IV năm 2025", "…; trong năm 2026"
_TRAILING = re.compile(r";\s*(?:trong\s+)?(?=\w)")
_TRAILING_END = re.compile(r"\s*[.;]?\s*$")


def _trailing_time(text: str, folded: str, ref_year: int | None):
    k = folded.rfind(";")
    if k < 0 or len(folded) - k > 40:
        return None
    lead = _TRAILING.match(folded, k)
    t = _TIME_RE.match(folded, lead.end()) if lead else None
    if t is None or not _TRAILING_END.fullmatch(folded, t.end()) or t.group("range"):
        return None
    v = _value(t, ref_year)
    if v is None or v[1] is None:
        return None
    s = _skip_blank(folded, k + 1)
    return Deadline(raw=text[s:t.end()], date=v[1], kind=v[0]), s, t.end(), v[2]


_HEADING_REC = re.compile(
    rf"(?:cac\s+)?{_alt(_DATA['heading']['nouns'])}(?:\s+\w+){{0,3}}?\s+(?P<rec>{_REC_WORDS}(?:\s+hang\s+{_REC_UNITS})?)\s*[.:]?\s*"
)


def heading_recurrence(text: str) -> Deadline | None:
    """The recurrence a heading gives all its items ("NHIỆM VỤ THƯỜNG XUYÊN"): the whole
    heading is the work's noun and how often."""
    folded = fold(text)
    m = _HEADING_REC.fullmatch(folded, len(folded) - len(folded.lstrip()), len(folded.rstrip()))
    if m is None:
        return None
    s, e = m.span("rec")
    return Deadline(raw=text[s:e], kind="recurring")


def _find_all(folded: str) -> Iterator[re.Match[str]]:
    """The matches of _FIND.finditer(folded), trying _FIND only where a first word stands."""
    pos = 0
    for at in _FIND_AT.finditer(folded):
        p = at.start()
        if p < pos or (p and (folded[p - 1].isalnum() or folded[p - 1] == "_")):
            continue  # inside the previous match, or inside a word (\w is alnum or "_")
        m = _FIND.match(folded, p)
        if m:
            yield m
            pos = m.end()


def _candidate(text: str, folded: str, m: re.Match[str], ref_year: int | None):
    s = m.start()
    if m.group("rec"):
        e = m.end("rec")
        if _describes_thing(text, folded, s, e) or not _is_recurrence_word(text, s):
            return None
        return Deadline(raw=text[s:e], kind="recurring"), s, e, False
    if m.group("starts"):
        t = _TIME_RE.match(folded, _skip_blank(folded, m.end()))
        if t is None and folded[s:m.end()].endswith("tu"):
            return None  # "trong 15 ngày kể từ ngày ký": "từ" with no time after it says no when
        e = t.end() if t else m.end()  # "Bắt đầu thực hiện." alone is a start all the same
        return Deadline(raw=text[s:e], kind="start"), s, e, False
    if m.group("span"):
        return _span(text, folded, m, ref_year)
    at = m.end()
    if m.group("dated"):
        rel = _REL_RE.match(folded, at) or _REL_RE.match(folded, _back_to_ngay(folded, at))
        if rel:
            e = rel.end()
            return Deadline(raw=text[s:e], kind="relative"), s, e, False
    tod = _TIME_OF_DAY.match(folded, at) if m.group("dated") else None
    t = _TIME_RE.match(folded, tod.end() if tod else at)
    if t is None:
        return None
    v = _value(t, ref_year)
    if v is None:
        return None
    kind, date, has_year = v
    if m.group("dated") and kind != "date":
        return None
    if m.group("period") and (t.group("year") or t.group("range") or t.group("date")):
        return None
    if m.group("yearly") and not t.group("year"):
        return None
    e = t.end()
    if not has_year:  # "trước ngày 15/12 hằng năm": a day of every year, no one date
        every = _EVERY_PERIOD.match(folded, e)
        if every:
            e = every.end()
            return Deadline(raw=text[s:e], kind="recurring"), s, e, False
    return Deadline(raw=text[s:e], date=date, kind=kind), s, e, has_year and date is not None  # type: ignore[arg-type]


_COMPLETION = tuple(fold(normalize_text(w)) for w in _DATA["prepositions"]["completion"])
_RANGE_TO = re.compile(rf"\s*(?:{_alt(_DATA['prepositions']['range_to'])})\s+")
_RANGE_FROM_PRINTED = {normalize_text(w).lower() for w in _DATA["prepositions"]["range_from"]}
_START_TIME = ("month", "quarter", "date", "ldate")  # "từ năm 2020" alone is a mention, not a start
_RANGE_NOT_AFTER = re.compile(rf"(?<!\w)(?:{_alt(_DATA['prepositions']['range_not_after'])})\s*$")


def _span(text: str, folded: str, m: re.Match[str], ref_year: int | None):
    """ "từ tháng 4 đến tháng 9/2024": a period ending at its second time; "từ tháng 10/2025"
    alone: a start."""
    s = m.start()
    if text[s : m.end()].split()[0].lower() not in _RANGE_FROM_PRINTED:
        return None  # "từ" with its marks, not a code that folds alike ("05-NQ/TU ngày …")
    first = _TIME_RE.match(folded, m.end())
    if first is None or _RANGE_NOT_AFTER.search(folded, max(0, s - 20), s):
        return None
    to = _RANGE_TO.match(folded, first.end())
    second = _TIME_RE.match(folded, to.end()) if to else None
    if second is not None:
        v = _value(second, ref_year)
        if v is None:
            return None
        kind, date, has_year = v
        e = second.end()
        # a deadline word's time wins over a span's ("đã giao dịch từ ngày … đến ngày …, gửi về Sở
        # Nội vụ chậm nhất ngày 25/10/2024")
        return Deadline(raw=text[s:e], date=date, kind="period" if kind == "date" else kind), s, e, False
    if to is None and any(first.group(g) for g in _START_TIME):
        e = first.end()
        return Deadline(raw=text[s:e], kind="start"), s, e, False
    return None


def _skip_blank(folded: str, i: int) -> int:
    while i < len(folded) and folded[i].isspace():
        i += 1
    return i


def _back_to_ngay(folded: str, at: int) -> int:
    """ "trước ngày 15 của …": the date preposition already ate "ngày"."""
    k = folded.rfind("ngay", max(0, at - 6), at)
    return k if k >= 0 else at


def _is_recurrence_word(text: str, s: int) -> bool:
    """ "hàng"/"hằng" fold like "hạng" (rank): keep the printed recurrence words only."""
    w = text[s : s + 4].lower()
    return not w.startswith("h") or w in ("hàng", "hằng")


def _describes_thing(text: str, folded: str, s: int, e: int) -> bool:
    """True when the recurrence qualifies a noun, not the action."""
    after = _WORD.search(text, e)
    if after and after.group().lower() in _AFTER and not text[e : after.start()].strip(" "):
        return True
    clause = max((m.end() for m in _CLAUSE_END.finditer(folded, 0, s)), default=0)
    found = list(_WORD.finditer(folded, clause, s))
    before = [m.group() for m in found]
    if _sent_to_unit(text, folded, e) and not _INTO_REPORT.search(" ".join(before[-_DISQ_WINDOW:])):
        # "… báo cáo kết quả thực hiện Kế hoạch hằng quý (…) về Sở Nội vụ": how often it is sent;
        # not "lồng ghép vào báo cáo CCHC định kỳ gửi về UBND huyện", the periodic report's own
        return False
    if not before:  # the clause opens with it: "Định kỳ báo cáo …", "Thường xuyên kiểm tra …"
        return False
    if folded[:s].rstrip().endswith(",") and _WORD.match(folded, e + 1):
        # a verb phrase of its own after a comma: "chủ động xây dựng kế hoạch, thường xuyên theo dõi
        # các thôn …" says how often the unit acts, whatever noun the phrase before held
        return False
    if _COPULAS & set(before):
        return True
    skip = max(0, len(before) - _DISQ_WINDOW)  # where the window starts in the clause
    for k in range(len(before) - 2, skip - 1, -1):
        if before[k] == "bao" and before[k + 1] == "cao" and _has_recipient(text, folded, found[k + 1].end()):
            skip = k + 2  # "…, báo cáo UBND huyện định kỳ 6 tháng": the unit reports; what came before is its own
            break
    window = before[skip:]
    for i in range(len(window)):
        for n in (1, 2, 3):
            words = tuple(window[i : i + n])
            if words in _DISQ_NOUNS and not (words in _VERBS_AT_START and _is_verb_there(folded, found, skip + i)):
                return True
    return False


_INTO_REPORT = re.compile(r"\b(?:vao|trong|cua|theo)\s+bao\s+cao\b")
_TO_RECIPIENT = re.compile(r"\s*(?:\([^()]{0,80}\)\s*)?(?:ve|cho|gui ve|gui)\s+(?=\S)")


def _sent_to_unit(text: str, folded: str, end: int) -> bool:
    """ "hằng quý về Sở Nội vụ", "hằng quý (trước ngày 15 …) gửi UBND tỉnh": a recurrence followed
    by the unit a report goes to."""
    m = _TO_RECIPIENT.match(folded, end)
    return bool(m) and _names_unit(text[m.end() : m.end() + 80])


def _has_recipient(text: str, folded: str, end: int) -> bool:
    """ "báo cáo UBND tỉnh định kỳ 6 tháng", "báo cáo về Sở Nội vụ …": a report sent to someone is
    the unit's act, not a document."""
    if folded[end:end + 6].lstrip().startswith(("ve ", "cho ")):
        return True
    return _names_unit(text[end:end + 80].lstrip())


def _names_unit(rest: str) -> bool:
    """`rest` opens with a unit's name, capitalised as names are."""
    return rest[:1].isupper() and bool(unit_at_start(rest))


def _is_verb_there(folded: str, found: list[re.Match[str]], k: int) -> bool:
    """Whether the word found[k] opens a verb phrase: the clause's first word, or after a comma
    or "và" ("tổng hợp, báo cáo kết quả … hằng quý"), not the object of a verb ("lập báo cáo")."""
    if k <= 0:
        return True
    prev = found[k - 1]
    return prev.group() in ("va", "hoac") or "," in folded[prev.end():found[k].start()]
