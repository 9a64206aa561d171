"""The layout grammar of an administrative document: numbering labels, section kinds, formulas.

Tasks are found by where a passage stands (under "3. Sở Nội vụ", inside "Mục đích, yêu
cầu", after "Nơi nhận"), so that grammar is read from data/structure.toml in one place.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from vanban.ingest.normalize import fold


@cache
def data() -> dict:
    """structure.toml, parsed once for every module that reads the layout grammar."""
    return tomllib.loads(resources.files("vanban.extract").joinpath("data/structure.toml").read_text("utf-8"))


@dataclass(frozen=True)
class Label:
    """A numbering label at the start of a passage: its text, its depth, where the body starts."""

    label: str
    kind: str
    level: int
    body_start: int


@cache
def _label_patterns() -> list[tuple[str, int, re.Pattern[str]]]:
    out = []
    for level, entry in enumerate(data()["label"], start=1):
        out.append((entry["name"], level, re.compile(r"\s*" + entry["pattern"])))
    return out


@cache
def bullet_levels() -> tuple[int, ...]:
    """The levels the bullet kinds ("-", "+") have in structure.toml's order: a list's own
    nesting reassigns them (prose_tasks._BulletLevels)."""
    return tuple(level for kind, level, _ in _label_patterns() if kind in ("dash", "plus"))


def parse_label(text: str) -> Label | None:
    """The label a passage opens with ("II.", "1.", "1.1.", "a)", "-", "+"), or None.

    Tried innermost-numbering first where they overlap ("1.1." before "1.")."""
    best: Label | None = None
    for kind, level, pattern in _label_patterns():
        m = pattern.match(text)
        if not m:
            continue
        if kind == "roman" and not _is_roman(m.group("label")):
            continue
        if kind == "letter" and m.group("label") in "ivx" and text[m.end():m.end() + 1].islower():
            continue
        if kind == "upper" and m.group("label") in "IVX":
            continue  # "I. KẾT QUẢ …", "V. TỔ CHỨC THỰC HIỆN": a roman part, not a lettered one
        cand = Label(m.group("label"), kind, level, m.end())
        if best is None or cand.body_start > best.body_start or (cand.body_start == best.body_start and level > best.level):
            best = cand
    return best


_ROMAN = re.compile(r"^(?=[IVXLC])(X{0,3})(IX|IV|V?I{0,3})$|^L?X{0,3}(IX|IV|V?I{0,3})$")


def _is_roman(s: str) -> bool:
    return bool(_ROMAN.match(s))


_END_PUNCT = re.compile(r"[:.;]+$")
_SPACES = re.compile(r"\s+")


def _norm_heading(body: str, folded: str | None = None) -> str:
    text = (fold(body) if folded is None else folded).strip()
    text = _END_PUNCT.sub("", text).strip()
    return _SPACES.sub(" ", text)


def is_not_task_section(heading_body: str, folded: str | None = None) -> bool:
    """True for headings like "Mục đích:", "2. Yêu cầu", "MỤC ĐÍCH, YÊU CẦU" whose content assigns nothing.
    `folded` is fold(heading_body), when the caller has it."""
    if len(heading_body) > 80:
        return False
    text = _norm_heading(heading_body, folded)
    if len(text) > 60:
        return False
    sections = data()["sections"]
    return text in set(sections["not_tasks"]) or (
        text.startswith(tuple(sections["not_tasks_openings"]))
        and not any(j + w in text for w in sections["not_tasks_unless"] for j in (" va ", ", ", " va cac ")))


def is_report_task_section(heading_body: str) -> bool:
    """In a Báo cáo, the headings under which work is assigned ("Đề xuất, kiến nghị", "Phương hướng, nhiệm vụ")."""
    if len(heading_body) > 100:
        return False
    text = _norm_heading(heading_body)
    if text.startswith(tuple(data()["report"]["results_first"])):
        return False  # "KẾT QUẢ TRIỂN KHAI CÁC NHIỆM VỤ …" reports the tasks' results
    return len(text) <= 80 and any(re.search(r"\b" + re.escape(w) + r"\b", text)
                                   for w in data()["report"]["task_sections"])


@cache
def _closing_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The closing patterns as two alternations (one regex call each, not one per pattern):
    those anchored at the end are searched for, the others open the passage."""
    patterns = data()["formulas"]["closing"]
    opening = "|".join(f"(?:{p})" for p in patterns if not p.endswith("$"))
    ending = "|".join(f"(?:{p})" for p in patterns if p.endswith("$"))
    return re.compile(opening or "(?!)"), re.compile(ending or "(?!)")


_ENDING_REACH = 600  # an ending formula lies in the passage's last characters


def is_closing_formula(text: str, folded: str | None = None) -> bool:
    """The letter's closing exhortation ("Nhận được công văn này, yêu cầu …"), not a task.
    `folded` is fold(text), when the caller has it."""
    folded = (fold(text) if folded is None else folded).strip()
    opening, ending = _closing_res()
    if opening.match(folded):
        return True
    tail = max(0, len(folded) - _ENDING_REACH)
    return any(h in folded[tail:] for h in _ending_hints()) and bool(ending.search(folded, tail))


@cache
def _exhortation_re() -> re.Pattern[str]:
    return re.compile(data()["formulas"]["exhortation"])


@cache
def _not_work_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data()["formulas"]["not_work"]))


def is_not_work(task_text: str) -> bool:
    """ "Hướng dẫn tại Phụ lục I" (where the work is written: the appendix's own rows are read as
    tasks where it is in the text), "liên hệ Sở Nội vụ … để được hướng dẫn" (whom to ask)."""
    folded = fold(task_text).strip(" .;,/")
    return len(folded) < 300 and bool(_not_work_re().fullmatch(folded))


def is_exhortation(task_text: str) -> bool:
    """A task's text that only bids its units carry the document out ("nghiêm túc thực hiện Chỉ
    thị này"): the closing formula's work, though a sentence or clause follows it in the passage."""
    folded = fold(task_text).strip()
    return len(folded) < 400 and folded.startswith(_EXHORTATION_FIRST) and bool(_exhortation_re().match(folded))


# the words an exhortation opens with (data/structure.toml `exhortation`): most task texts open
# with none, and the pattern's look-ahead scans the whole text
_EXHORTATION_FIRST = ("co ", "chiu ", "nghiem ", "khan ", "to chuc ", "chi dao ", "trien khai", "thuc hien")


_SUBJECT_LINE = re.compile(r"^\W*(?:ve viec|v/v)\s[^,.;:]{0,200}$")


def is_subject_line(folded: str) -> bool:
    """ "Về việc kiện toàn Ban Chỉ đạo cải cách hành chính tỉnh" (folded): a document's subject,
    wherever a copy puts it, no task; "Về việc …, Sở Nội vụ chủ trì …" goes on to its subject."""
    return bool(_SUBJECT_LINE.match(folded.strip()))


@cache
def _place_date_re() -> re.Pattern[str]:
    return re.compile(data()["formulas"]["place_date"])


def is_place_date(folded: str) -> bool:
    """ "Hội An, ngày 24 tháng 5 năm 2022" (folded): the header's place and date, no task."""
    return len(folded) < 80 and bool(_place_date_re().match(folded.strip()))


@cache
def _byline_re() -> re.Pattern[str]:
    return re.compile(data()["formulas"]["byline"])


def is_byline(text: str) -> bool:
    """A news item's signature line ("Ngọc Diệp - Trung tâm Văn hóa … xã"): its author, no task."""
    text = text.strip()
    return len(text) < 120 and bool(_byline_re().match(text))


@cache
def _ending_hints() -> tuple[str, ...]:
    return tuple(data()["formulas"]["ending_hints"])


@cache
def _first_words(formulas: str) -> tuple[str, ...]:
    return tuple({phrase.split()[0] for phrase in data()["formulas"][formulas]})


def _may_open_with(text: str, formulas: str, folded: str | None) -> bool:
    """Whether the passage opens with the first word of one of the formulas: a cheap test that
    turns most passages away before _norm_heading (whose first word it keeps as it is)."""
    head = fold(text[:40]) if folded is None else folded[:40]
    return head.lstrip().startswith(_first_words(formulas))


def is_recipients(text: str, folded: str | None = None) -> bool:
    """The "Kính gửi:" line of a letter: the units after it are addressees, not task owners.
    `folded` is fold(text), when the caller has it."""
    if not _may_open_with(text, "recipients", folded):
        return False
    start = _norm_heading(text[:40])
    return any(start.startswith(m) for m in data()["formulas"]["recipients"])


def is_end_of_body(text: str, folded: str | None = None) -> bool:
    """The distribution list ("Nơi nhận:") where the body of a letter ends.
    `folded` is fold(text), when the caller has it."""
    if not _may_open_with(text, "end_of_body", folded):
        return False
    folded = _norm_heading(text[:40])
    return any(folded == m or folded.startswith(m + ":") for m in data()["formulas"]["end_of_body"])


def assignment_verbs() -> list[str]:
    return list(data()["assignment"]["verbs"])


@cache
def unit_heading_opener_re() -> re.Pattern[str]:
    words = sorted(data()["assignment"]["unit_heading_openers"], key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")\s+")


@cache
def group_heading_qualifier_re() -> re.Pattern[str]:
    words = sorted(data()["assignment"]["group_heading_qualifiers"], key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")\s")


@cache
def _adverbial_re() -> re.Pattern[str]:
    words = sorted(set(data()["assignment"]["adverbial_openers"]), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def starts_with_adverbial(text: str, folded: str | None = None) -> bool:
    """True when a clause opens with an adverbial ("Đối với …", "Định kỳ …") before its subject.
    `folded` is fold(text), when the caller has it."""
    return bool(_adverbial_re().match((fold(text) if folded is None else folded).lstrip()))


@cache
def _report_re() -> re.Pattern[str]:
    words = sorted(set(data()["assignment"]["report_markers"]), key=len, reverse=True)
    # a marker with "\d" ("đạt 85 điểm", "tăng 2 bậc") is a pattern; the others are words
    return re.compile(r"^\s*(?:" + "|".join(w if "\\d" in w else re.escape(w) for w in words) + r")\b")


# markers of tense that fold like verbs: "đã"/"đa dạng", "đang"/"đăng tải", "vừa"/"vữa"
_TENSE_PRINTED = {"da": "đã", "dang": "đang", "vua": "vừa", "se": "sẽ"}


def is_report_of_work_done(predicate: str) -> bool:
    """True when what follows the subject reports rather than assigns: past work ("đã ban hành
    …"), work still outstanding ("chưa hoàn thành …"), another body's intent ("sẽ phối hợp …"),
    leave ("có thể …"). `predicate` runs to the clause's end or further."""
    folded = fold(predicate)
    if not _report_re().match(folded):
        return False
    # "đăng tải …", "đa dạng hóa …" are work, not "đang"/"đã"
    first = folded.split(None, 1)[0]
    if first == "se" and re.match(r"se\s+(?:la|chu tri|chiu trach nhiem|phu trach)\b", folded):
        return False  # "Sở Nội vụ sẽ là đơn vị chủ trì, tham mưu …": the plan naming its lead
    if first == "chua":
        clause = re.split(r"[;.:]", folded, maxsplit=1)[0]
        return not _pending_urged_re().search(clause)
    tense = _TENSE_PRINTED.get(first)
    return tense is None or predicate.split(None, 1)[0].lower() == tense


@cache
def _pending_urged_re() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, data()["assignment"]["pending_urged"])) + r")\b")
