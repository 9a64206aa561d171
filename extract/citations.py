"""Documents a text cites by number: "Kế hoạch số 18/KH-VPUBND ngày 19/4/2023 của …".

Each cited number gives one Citation with its type (the word before the number, else the
symbol's code), its date and issuer where printed, and how the text relates to it.
"""

from __future__ import annotations

import datetime as dt
import re

from vanban.extract.dates import date_at, find_dates
from vanban.extract.symbols import Symbol, find_symbols, number_key, type_of_word, type_words_alt
from vanban.ingest.normalize import fold
from vanban.schema.models import Citation

# Between a type word and the number: "Kế hoạch số", "Nghị quyết", "Kế hoạch liên tịch số:".
_BEFORE_NUMBER = re.compile(
    rf"""(?<![\w])(?P<type>{type_words_alt()})\s+
    (?:lien\s+tich\s+|lien\s+nganh\s+)?          # Thông tư liên tịch số …
    (?:so\s*:?\s*)?                              # số / số:
    (?P<list>(?:\d+[a-z]?\s*(?:,|va)\s*)*)$       # 198, 199/BC-UBND
    """,
    re.VERBOSE,
)
_NUMBER_ONLY = re.compile(r"(?<![\w])so\s*:?\s*(?P<list>(?:\d+[a-z]?\s*(?:,|va)\s*)*)$")

# Page furniture that prints a number which is not a reference: a portal's licence line.
_FURNITURE = re.compile(r"(?:giay\s+phep|gpxb|ma\s+so\s+thue|so\s+dien\s+thoai)[^\n]{0,40}$")

_RELATION_WORDS = re.compile(
    r"(?<![\w])(?P<basis>can\s+cu)(?![\w])|(?<![\w])(?P<impl>(?:nham\s+)?thuc\s+hien|trien\s+khai)(?![\w])"
)

# The cited issuer: "của UBND tỉnh Lào Cai", "của Chủ tịch UBND tỉnh", "của Thủ tướng Chính phủ".
_LOWER_IN_NAME = {
    "tinh",
    "huyen",
    "thanh",
    "pho",
    "thi",
    "xa",
    "tran",
    "quan",
    "phuong",
    "nhan",
    "dan",
    "uy",
    "ban",
    "chinh",
    "phu",
    "tri",
    "thuong",
    "vu",
    "va",
    "hoi",
    "dong",
    "truong",
    "tuong",
    "quoc",
    "nha",
    "nuoc",
    "to",
    "tp.",
    "tich",
    "ty",
}
_STOP_WORDS = {"ve", "ngay", "ban", "phe", "quy", "huong", "trien", "thuc", "nham", "tai", "theo", "tren"}


_CUA = re.compile(r"\s*,?\s*cua\s+")
_WORD = re.compile(r"\S+")
# "ngày 07/6 UBND huyện ban hành Kế hoạch …", "Ngày 17/5/2024, Chủ tịch UBND tỉnh ký Công văn …"
_DATE_THEN_BAN_HANH = re.compile(
    r"ngay[^.;]{0,100}?(?<!\w)(?:da\s+|vua\s+)?(?:ban\s+hanh|ky(?:\s+ban\s+hanh)?|co|gui)\s*$"
)
_NUMBERS = re.compile(r"\d+[a-z]?")
# Between two cited numbers that share the date printed after the last one:
# "Kế hoạch số 12/KH-UBND và số 13/KH-UBND ngày 05/3/2025", "số 812/UBND-NC, 813/UBND-NC ngày …".
# A second type word must repeat the first ("Kế hoạch số 12/… và Kế hoạch số 13/…").
_SHARED_DATE_JOIN = re.compile(r"\s*(?:,|va|,\s*va)\s*(?:so\s*:?\s*)?$")


def _issuer_after(text: str, folded: str, pos: int) -> tuple[str | None, int]:
    """An issuer introduced by "của" at `pos` (after spaces): (issuer or None, end)."""
    m = _CUA.match(folded, pos)
    if not m:
        return None, pos
    words: list[str] = []
    end = m.end()
    for w in _WORD.finditer(text[m.end() : m.end() + 120]):
        raw = w.group(0)
        core = raw.rstrip(",.;:)")
        key = fold(core)
        if not core:
            break
        if words and key in _STOP_WORDS and not core[0].isupper():
            break
        if not (core[0].isupper() or key in _LOWER_IN_NAME):
            break
        if words and fold(words[-1]) in {"ubnd", "hdnd"} and core[0].isupper() and key not in _LOWER_IN_NAME:
            break  # "của UBND Cải thiện …": a name after UBND needs its level word first
        words.append(core)
        end = m.end() + w.start() + len(core)
        if core != raw or len(words) >= 10:
            break
    while words and fold(words[-1]) in {"va", "thanh", "thi", "nha", "to", "ban", "hoi", "thuong", "nhan"}:
        words.pop()
    if not words:
        return None, pos
    return " ".join(words), end


def _relation(folded: str, start: int) -> str:
    """basis after "Căn cứ", implements after "Thực hiện"/"Triển khai" in the same sentence."""
    line_start = folded.rfind("\n", 0, start) + 1
    cut = folded.rfind(". ", line_start, start)
    # the sentence, searched in place rather than sliced out: it starts after a newline or
    # a full stop, so the lookbehind sees the same non-word character as at a slice's start
    seg_start = line_start if cut < 0 else cut + 1
    last = None
    for m in _RELATION_WORDS.finditer(folded, seg_start, start):
        last = m
    if last is None:
        return "mentions"
    return "basis" if last.group("basis") else "implements"


def _date_before(text: str, folded: str, floor: int, start: int, year: int | None) -> dt.date | None:
    """ "ngày 07/6 UBND huyện … ban hành Kế hoạch số 284/KH-UBND": a date before the type."""
    seg_start = max(floor, folded.rfind("\n", 0, start) + 1, folded.rfind(". ", 0, start) + 1)
    seg = folded[seg_start:start]
    m = _DATE_THEN_BAN_HANH.search(seg)
    if not m:
        return None
    dates = find_dates(text[seg_start + m.start() : seg_start + m.end()], year)
    return dates[0][2] if dates and dates[0][0] == 0 else None


def _expand(sym: Symbol, listed: list[str]) -> list[str]:
    """ "198, 199/BC-UBND" → ["198/BC-UBND", "199/BC-UBND"]."""
    rest = sym.number[len(sym.num or "") :]
    return [n + rest for n in listed] + [sym.number]


def find_citations(
    text: str, doc_date: dt.date | None = None, own_number: str | None = None
) -> list[Citation]:
    """Every other document `text` cites with a number, one Citation per number.

    A date printed without a year takes `doc_date`'s year; the document's own number and
    page furniture (a licence line "Giấy phép xuất bản số: /GP-TTĐT") are left out; a
    number cited twice is listed once, with the best-dated mention."""
    folded = fold(text)
    year = doc_date.year if doc_date else None
    own = number_key(own_number)
    found: dict[str, Citation] = {}
    prev_end = 0
    undated: list[str] = []  # keys of the chain just before, waiting for a shared date
    for sym in find_symbols(text):
        if not sym.num:
            continue  # a blank number ("/GP-TTĐT") cites nothing
        before = folded[max(0, sym.start - 80) : sym.start]
        if _FURNITURE.search(before):
            continue
        start = sym.start
        listed: list[str] = []
        ctype = None
        m = _BEFORE_NUMBER.search(before)
        if m:
            ctype = type_of_word(m.group("type"))
            listed = _NUMBERS.findall(m.group("list"))
            start = sym.start - len(before) + m.start()
        else:
            m2 = _NUMBER_ONLY.search(before)
            if m2:
                listed = _NUMBERS.findall(m2.group("list"))
        if not ctype:
            ctype = sym.type
        if not ctype and sym.code is None and "-" in sym.issuer_code:
            ctype = "Công văn"  # "1234/UBND-VX": an official letter has no type code
        # The date: right after the number, or after the issuer ("của Chính phủ ngày 15/7/2021").
        date = None
        end = sym.end
        issuer = None
        at = date_at(text, sym.end, year)
        if at:
            end, date = at[1], at[2]
            issuer, iend = _issuer_after(text, folded, end)
            end = max(end, iend)
        else:
            issuer, iend = _issuer_after(text, folded, sym.end)
            if issuer:
                end = iend
                at = date_at(text, iend, year)
                if at:
                    end, date = at[1], at[2]
        if date is None and not at:
            date = _date_before(text, folded, prev_end, start, year)
        if not (
            undated
            and _SHARED_DATE_JOIN.match(folded, prev_end, start)
            and all(found[key].type == ctype for key in undated)
        ):
            undated = []
        elif date is not None:
            for key in undated:
                if found[key].date is None:
                    found[key] = found[key].model_copy(update={"date": date})
            undated = []
        relation = _relation(folded, start)
        for number in _expand(sym, listed):
            key = number_key(number)
            if not key or key == own:
                continue
            cite = Citation(
                number=number,
                type=ctype,
                date=date,
                issuer=issuer,
                relation=relation,  # type: ignore[arg-type]
                start=start,
                end=end,
                rule="number-symbol" + ("+list" if listed else ""),
            )
            old = found.get(key)
            if date is None and (old is None or old.date is None):
                undated.append(key)
            if old is None:
                found[key] = cite
            elif old.date is None and cite.date is not None:
                found[key] = cite
            elif old.issuer is None and cite.issuer and old.date == cite.date:
                found[key] = old.model_copy(update={"issuer": cite.issuer})
        prev_end = end
    return sorted(found.values(), key=lambda c: c.start)
