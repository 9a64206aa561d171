"""Tasks from running text: who is told to do what, read from the passage and where it stands.

Vietnamese plans assign work in a handful of shapes: "Sở Nội vụ: …", "Giao <unit>: …",
"<unit> chủ trì, phối hợp với <units> …", "Đề nghị <unit> …", "<superior> yêu cầu <units> …",
a heading "3. Sở Nội vụ" whose bullets are each a task, and an introduction ("… yêu cầu các
phòng thực hiện một số nhiệm vụ sau:") whose list items are each a task. This module walks the
blocks keeping that context; what a unit name is comes from extract/units.py.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property

from vanban.extract import structure
from vanban.extract.deadlines import find_deadline, heading_recurrence, parse_deadline
from vanban.extract.papi import area_named
from vanban.extract.table_tasks import column_role
from vanban.extract.units import (
    HONORIFIC,
    canonical_unit,
    find_units,
    generic_phrases,
    unit_at_start,
    unit_opening,
    unit_refs,
)
from vanban.ingest.normalize import fold
from vanban.schema.models import Block, Deadline, Task, UnitRef


def _predicate_data() -> dict:
    return structure.data()["predicate"]


@cache
def _not_predicate_re() -> re.Pattern[str]:
    words = sorted(set(_predicate_data()["not_starts"]), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")\b")


@cache
def _verbs_before_object() -> tuple[str, ...]:
    data = _predicate_data()
    return tuple(" " + w for w in data["verbs_before_object"] + data["nouns_before_object"])


@cache
def _partner_re() -> re.Pattern[str]:
    words = sorted(set(_predicate_data()["partner_markers"]), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


@cache
def _partner_markers() -> tuple[str, ...]:
    """The markers as written: a text holding none of them has no _partner_re match."""
    return tuple(set(_predicate_data()["partner_markers"]))


@cache
def _assign_re() -> re.Pattern[str]:
    verbs = sorted(set(structure.assignment_verbs()), key=len, reverse=True)
    adverbs = "|".join(re.escape(a) for a in structure.data()["assignment"]["verb_adverbs"])
    # "Chủ tịch UBND phường cũng đề nghị …", "… đồng thời giao …", "… tiếp tục yêu cầu …"
    return re.compile(r"^(?:(?:" + adverbs + r")\s+)?(?:" + "|".join(re.escape(v) for v in verbs) + r")\b\s*(?:cho\s+)?")


@cache
def _generic_re() -> re.Pattern[str]:
    phrases = sorted({fold(p) for p in generic_phrases()}, key=len, reverse=True)
    return re.compile(r"^\W*(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


def is_generic_addressee(text: str, folded: str | None = None) -> bool:
    """A passage addressed to everyone ("Các cấp, các ngành …"): no task, whatever the heading.
    `folded` is fold(text), when the caller has it."""
    return bool(_generic_re().match(fold(text) if folded is None else folded))


@dataclass
class Found:
    """A unit found in a clause: its text as written and its span in the clause."""

    text: str
    start: int
    end: int
    canonical: str | None = None
    level: str | None = None

    def ref(self) -> UnitRef:
        return UnitRef(text=self.text, canonical=self.canonical, level=self.level)


_SEP = re.compile(r"[\s,;:–\-]*")
_ASSIGN_DATA = structure.data()["assignment"]


def _words_alt(words: list[str]) -> str:
    """An alternation of phrases, longest first; re.escape writes a space as "\\ ", read as any spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_LEAD_IN = re.compile(r"^(?:" + _words_alt(_ASSIGN_DATA["lead_in"]) + r")\b\s*")
_WINDOW = 1200
# how far past a subject to look when asking whether its clause reports rather than assigns
_PREDICATE_SEEN = 160
_INTRO_WORDS = _words_alt(_ASSIGN_DATA["intro_endings"])
_INTRO_END = re.compile(r"(?:" + _INTRO_WORDS + r")\s*:\s*$")


def _has_words(text: str, n: int) -> bool:
    """Whether `text` has at least `n` words: split no further than that (a task's text is long)."""
    return len(text.split(None, n - 1)) >= n


_BLANKS = re.compile(r"\s*")


def _skip_sep(text: str, pos: int) -> int:
    m = _SEP.match(text, pos)
    return m.end() if m else pos


@dataclass
class Subject:
    """The unit(s) a clause assigns work to, and where the work's text begins."""

    units: list[Found]
    pred_start: int
    colon: bool = False  # "Sở Nội vụ: …" — a lead-in whose following paragraphs are its tasks
    assigned_by: Found | None = None  # the superior in "<superior> yêu cầu <units> …"
    support: list[Found] = field(default_factory=list)


# The heading test and the first clause of a passage ask what the very same string objects open
# with: the last answer is kept, matched by identity (not content), so the second asks nothing
# of units.py. It holds the strings of the passage at hand only.
_last_units: tuple[str, int, str | None, list[Found]] | None = None


def _units_at(text: str, pos: int, folded: str | None = None) -> list[Found]:
    """The units a clause opens with at `pos`, with spans in `text` (`folded` is fold(text))."""
    global _last_units
    last = _last_units
    if last is not None and last[0] is text and last[1] == pos and last[2] is folded:
        return list(last[3])
    if text[pos:pos + 1] in "đĐ":  # "đồng chí Chủ tịch UBND xã …": the title after it is the unit
        honorific = HONORIFIC.match(fold(text[pos:pos + 12]))
        if honorific and text[pos + honorific.end():pos + honorific.end() + 1].isupper():
            pos += honorific.end()
    units = unit_at_start(text[pos:], folded[pos:] if folded is not None else None)
    found = [Found(m.text, m.start + pos, m.end + pos, m.canonical, m.level) for m in units] if units else []
    _last_units = (text, pos, folded, found)
    return list(found)


# "Sở Nội vụ là cơ quan thường trực, theo dõi …" and "Sở Thông tin và Truyền thông được giao chủ trì …"
# assign a duty, though "là" and "được" otherwise open a noun phrase or a passive ("được giao 15
# chỉ tiêu biên chế" is no duty)
_STANDING_ROLE = re.compile(r"(?:la\s+(?:co\s+quan|don\s+vi|dau\s+moi)|duoc\s+giao\s+(?:nhiem\s+vu|trach\s+nhiem|chu\s+tri))\b")
# …and so does a passive naming the work: "Phòng Văn hóa - Xã hội được giao phối hợp với …",
# "Trung tâm … được yêu cầu niêm yết …", but not what was allotted ("được giao 15 chỉ tiêu")
_ASSIGNED_WORK = re.compile(
    r"duoc\s+(?:giao|yeu\s+cau|phan\s+cong)\s+(?![\d(])(?!(?:" + _words_alt(_ASSIGN_DATA["allotted_nouns"]) + r")\b)(?=\w)")
_ASSIGNED_PASSIVE = re.compile(r"duoc\s+(?:giao|yeu\s+cau|phan\s+cong)\s+(?:(?:nhiem\s+vu|trach\s+nhiem)\s+)?(?=\w)")
# a group qualified by what it was given: "Các sở, ngành được giao quản lý chuyên ngành rà soát …"
# (a count, "được giao 15 chỉ tiêu", is no duty)
_GROUP_GIVEN = re.compile(r"duoc\s+(?:giao|phan\s+cong)\s+(?=[^\W\d])")


@cache
def _verbs_despite_re() -> re.Pattern[str]:
    """The verbs of `verbs_despite`, matched in lower case with their marks."""
    words = sorted(set(_predicate_data()["verbs_despite"]), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b")


def _is_predicate(folded: str, pos: int, clause: str) -> bool:
    rest = folded[pos:pos + 40].lstrip(" ,")
    if not rest or not rest[0].isalpha():
        return rest.startswith(":")
    if _STANDING_ROLE.match(rest) or _ASSIGNED_WORK.match(rest):
        return True
    if not _not_predicate_re().match(rest):
        return True
    # folding merged a verb with a preposition: read the printed words
    at = pos + len(folded[pos:pos + 40]) - len(rest)
    return bool(_verbs_despite_re().match(clause[at:at + 40].lower()))


def _consume_partners(text: str, folded: str, pos: int) -> tuple[list[Found], int]:
    """After "phối hợp với", the partners' list: units separated by ",", ";" or "và"."""
    out: list[Found] = []
    while True:
        p = _skip_sep(text, pos)
        if folded[p:p + 3] == "va ":
            p += 3
        u = unit_opening(text[p:p + 300], folded[p:p + 300])
        if u is None:
            return out, pos
        out.append(Found(u.text, u.start + p, u.end + p, u.canonical, u.level))
        pos = u.end + p


@cache
def _legal_basis_re() -> re.Pattern[str]:
    from vanban.extract.symbols import type_words_alt

    return re.compile(r"^\W*can\s+cu\s+(?:vao\s+)?(?:" + type_words_alt() + r"|luat|bo\s+luat|hien\s+phap)\b")


def is_legal_basis(text: str) -> bool:
    """"Căn cứ Luật Tổ chức chính quyền địa phương …": the grounds of a decision, never a task."""
    return bool(_legal_basis_re().match(fold(text[:60])))


# "Sau khi nghe Sở Nội vụ báo cáo …, Phó Chủ tịch UBND tỉnh kết luận …": the unit heard is no subject
_HEARD = frozenset(_ASSIGN_DATA["heard_before_unit"])


_SENTENCE_STOP = re.compile(r"\.\s+(?=[A-ZĐÀ-Ỹ])")


def _subject_after_adverbial(clause: str, folded: str) -> list[Found]:
    """The subject after an opening adverbial: "Đối với nội dung …, Phòng Tư pháp huyện chủ trì".

    The unit must come before any ";" and must not be the object of a preposition
    ("… trang thiết bị tại Trung tâm Phục vụ hành chính công tỉnh" is no subject)."""
    limit = clause.find(";")
    limit = 250 if limit < 0 else min(limit, 250)
    stop = _SENTENCE_STOP.search(clause, 0, limit)
    if stop:
        limit = stop.start()  # an adverbial ends with its sentence
    prev_end, prev_rejected = -1, False
    for m in find_units(clause[:limit], folded[:limit]):
        continues_list = prev_end >= 0 and re.fullmatch(r"[\s,;]*(?:va\s+)?", folded[prev_end:m.start])
        prev_end = m.end
        if m.start == 0 or (continues_list and prev_rejected):
            prev_rejected = True
            continue
        before = folded[:m.start].rstrip()
        prev_word = re.findall(r"\w+$", before)
        if prev_word and not before.endswith((",", ":")) and (
                _not_predicate_re().match(prev_word[0]) or prev_word[0] in _HEARD
                or before.endswith(_verbs_before_object())):
            prev_rejected = True
            continue
        prev_rejected = False
        units = _units_at(clause, m.start, folded)
        if units:
            return units
    return []


# "<someone> yêu cầu/đề nghị/giao <units> …" where the requester is a person, not a unit
# ("Đồng chí Phó Chủ tịch UBND tỉnh yêu cầu các sở, ngành tập trung …"). The word before the
# verb must not make it a noun ("theo yêu cầu", "nhiệm vụ được giao", "các yêu cầu").
# The words are found by a regex with no lookbehind (six lookbehinds tried at every character
# made the scan four times slower); a match preceded by one of the nouns' words is passed over,
# and the scan goes on from the next character, as the lookbehinds would have it.
_REQUEST = re.compile(r"\b(?:" + _words_alt(_ASSIGN_DATA["request_words"]) + r")\s+(?:cho\s+)?")
_REQUEST_NOT_AFTER = tuple(w + " " for w in _ASSIGN_DATA["request_not_after"])


def _requests_in(head: str) -> Iterator[re.Match[str]]:
    """The matches of a request word in `head` not preceded by a word making it a noun."""
    m = _REQUEST.search(head)
    while m:
        if head.endswith(_REQUEST_NOT_AFTER, 0, m.start()):
            m = _REQUEST.search(head, m.start() + 1)
            continue
        yield m
        m = _REQUEST.search(head, m.end())


@cache
def _speech_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A speech verb and its comma or colon after a subject, and the same after a few opening
    words with no unit ("Chỉ thị nêu rõ, …")."""
    verb = rf"(?:(?:da|cung)\s+)?(?:{_words_alt(_ASSIGN_DATA['speech_verbs'])})(?:\s+(?:nhu\s+sau|cu\s+the))?\s*[,:]\s*"
    return re.compile(r"\s*" + verb), re.compile(r"\s*(?:[^\s,.;:]+\s+){1,6}?" + verb)


@cache
def _working_speech_re() -> re.Pattern[str]:
    """A speech verb that is work too, then a comma and a lower-case word (another verb)."""
    return re.compile(rf"\s*(?:{_words_alt(_ASSIGN_DATA['working_speech_verbs'])})\s*,\s*(?=[^\W\d_])")


@cache
def _issued_request_re() -> re.Pattern[str]:
    """After a subject: it issued a document, whose request to the units that follow is read as
    the subject's own ("UBND tỉnh vừa ban hành Công văn số 9228/UBND-VP yêu cầu …"). The request
    word must close the same sentence's opening, not a noun phrase ("theo yêu cầu của Bộ")."""
    from vanban.extract.symbols import doc_types

    kinds = {fold(w) for t in doc_types() for w in (t.name, *t.words)} | {"van ban"}
    not_after = "".join(f"(?<!{re.escape(w)} )" for w in _ASSIGN_DATA["request_not_after"])
    return re.compile(
        rf"\s*(?:(?:{_words_alt(_ASSIGN_DATA['issued_markers'])})\s+)?(?:{_words_alt(_ASSIGN_DATA['issuing_verbs'])})"
        rf"\s+(?:{_words_alt(sorted(kinds))})\b[^.;:!?]{{0,300}}?{not_after}"
        rf"\b(?:{_words_alt(_ASSIGN_DATA['request_words'])})\s+(?:cho\s+)?"
    )


_REQUEST_WORD = re.compile(r"yêu cầu|đề nghị|giao|lưu ý", re.IGNORECASE)
# Folding drops case and marks, so a clause whose folded text lacks these has no _REQUEST_WORD
# ("ı" is the one letter the regex takes for an "i" that folding keeps): a literal search, far
# cheaper than the case-blind regex, turns most clauses away first ("in" beats a regex here).
_REQUEST_HINTS = ("giao", "yeu cau", "de nghi", "luu y", "ı")


def _addressees_of_request(clause: str, folded: str) -> Subject | None:
    head = folded[:400]
    if not any(h in head for h in _REQUEST_HINTS) or not _REQUEST_WORD.search(clause, 0, 400):
        return None  # most clauses ask nothing of anyone
    for m in _requests_in(head):
        before = folded[:m.start()]
        requester = before.rsplit(",", 1)[-1]  # "Thực hiện Công văn số …, Chủ tịch UBND tỉnh yêu cầu …"
        # a request after a full stop or inside a bracket belongs to that sentence or note, not
        # to the clause's opening ("Kiện toàn Tổ công tác …. (Giao Văn phòng … chủ trì)"); a bracket
        # closed before it is the opening's own ("… Chỉ số hài lòng (SIPAS), UBND huyện yêu cầu …")
        if ";" in before or ". " in before or before.count("(") > before.count(")") or _has_words(requester, 13) \
                or re.search(r"\bda\s*$", before):
            return None
        targets = _units_at(clause, m.end(), folded)
        if targets:
            by = Found(clause[:m.start()].strip(" ,"), 0, m.start())
            return _finish(clause, targets, by, folded)
    return None


def subject_of(clause: str, folded: str | None = None) -> Subject | None:
    """Who a clause assigns work to: "Giao X: …", "Đề nghị X …", "X: …", "X chủ trì …",
    "<superior> yêu cầu X …", possibly after an adverbial ("Đối với nội dung …, X chủ trì …").

    `folded` is fold(clause): a passage is folded once and its clauses slice the copy."""
    if folded is None:
        folded = fold(clause)
    lead_in = _LEAD_IN.match(folded.lstrip())
    offset = len(folded) - len(folded.lstrip())
    if lead_in:  # "Giao Thanh tra Sở: …", "Đề nghị Ủy ban MTTQ tỉnh …"
        units = _units_at(clause, offset + lead_in.end(), folded)
        if units:
            return _finish(clause, units, None, folded)
    topic = _topic_subject(clause, folded, offset)
    if topic is not None:
        return topic
    units = _units_at(clause, offset, folded)
    if not units and structure.starts_with_adverbial(clause, folded) and not is_legal_basis(clause):
        units = _subject_after_adverbial(clause, folded)
    if not units:
        said = _speech_re()[1].match(folded, offset)
        if said:  # "Chỉ thị nêu rõ, Giám đốc các sở … phải …"
            units = _units_at(clause, said.end(), folded)
            if units and _speech_re()[0].match(folded, units[-1].end):
                # "Phát biểu chỉ đạo, Chủ tịch UBND huyện … nhấn mạnh: …": a speaker, no subject
                return Subject([], units[-1].end, assigned_by=units[0])
            if units:
                return _finish(clause, units, None, folded)
        return _addressees_of_request(clause, folded)
    pos = _skip_sep(clause, units[-1].end) if clause[units[-1].end:units[-1].end + 2].strip(" ") in ("", ",") else units[-1].end
    at = pos
    while folded[at:at + 1] == " ":
        at += 1  # "Chủ tịch UBND tỉnh yêu cầu:": the verb after the space the name left
    verb = _assign_re().match(folded[at:])
    close = folded.find(")", at, at + 80) if verb is None and folded[at:at + 1] == "(" else -1
    if close > 0:  # "UBND huyện (Phòng Nội vụ) yêu cầu …": the office that drafted it, in brackets
        after = _BLANKS.match(folded, close + 1).end()
        verb = _assign_re().match(folded[after:])
        if verb:
            at = after
    if verb:  # "<superior> yêu cầu <units> …": the units after the verb lead
        pos = at
        targets = _units_at(clause, pos + verb.end(), folded)
        if not targets:
            return Subject([], pos, assigned_by=units[0])
        return _finish(clause, targets, units[0], folded)
    said = _speech_re()[0].match(folded, pos)
    if said:  # "Chủ tịch UBND tỉnh nhấn mạnh: các sở, ngành cần …": the speaker is not the lead
        targets = _units_at(clause, said.end(), folded)
        if targets:
            return _finish(clause, targets, units[0], folded)
        if not _working_speech_re().match(folded, pos):
            return Subject([], pos, assigned_by=units[0])
        # "Sở Nội vụ chỉ đạo, hướng dẫn UBND các xã …": two verbs of the subject's own work
    issued = _issued_request_re().match(folded, pos)
    if issued:  # "<superior> vừa ban hành Công văn số … yêu cầu <units> …"
        targets = _units_at(clause, issued.end(), folded)
        if targets:
            return _finish(clause, targets, units[0], folded)
    return _finish(clause, units, None, folded)


# "Đối với Sở Nội vụ: …", "Với UBND các phường, kế hoạch yêu cầu …": the units the clause is about
_TOPIC = re.compile(r"(?:doi voi|voi|rieng doi voi)\s+")
# after the topic, someone asking with no object: "…, Chủ tịch UBND tỉnh yêu cầu <work>"
_TOPIC_REQUEST = re.compile(
    r"(?:[^\s,.;:]+\s+){0,6}?(?:" + _words_alt(_ASSIGN_DATA["topic_request_words"]) + r")\s+(?:phai\s+)?"
)


def _topic_subject(clause: str, folded: str, offset: int) -> Subject | None:
    """The units a clause opens by naming as its topic, followed by ":" or ",", as its subject."""
    topic = _TOPIC.match(folded, offset)
    if topic is None:
        return None
    units = _units_at(clause, topic.end(), folded)
    if not units:
        return None
    end = units[-1].end
    if len(units) > 1 and clause[units[-2].end:units[-1].start].strip() == ",":
        # "Đối với Sở Tài chính, Phó Chủ tịch UBND tỉnh giao chủ trì …": the last "unit" of the
        # list is a superior handing the topic its work
        after = _skip_sep(clause, end)
        verb = _assign_re().match(folded[after:after + 40])
        if verb is not None and not _units_at(clause, after + verb.end(), folded):
            return Subject(units[:-1], after + verb.end(), assigned_by=units[-1])
    sep = re.match(r"\s*([:,])\s*", clause[end:end + 4])
    if sep is None:
        return None
    pos = end + sep.end()
    if sep.group(1) == ":":
        return Subject(units, pos, colon=True)
    request = _TOPIC_REQUEST.match(folded, pos)
    if request:
        pos = request.end()
        if _units_at(clause, pos, folded):
            return None  # "Đối với các huyện, đồng chí đề nghị Chủ tịch UBND cấp huyện …": the one asked
    elif _units_at(clause, pos, folded):
        return None  # "Đối với các xã, UBND huyện chủ trì …": the next unit is the subject
    return Subject(units, pos) if _is_predicate(folded, pos, clause) else None


_CHU_TRI = re.compile(r"chu tri\s*,?\s*")


# a bracket right after the subject: "Sở Kế hoạch và Đầu tư (qua Phòng Doanh nghiệp, …) tổng hợp …"
_NOTE_AFTER_UNIT = re.compile(r"\s*\([^()]{1,150}\)")


# "Trung tâm Kiểm soát bệnh tật tỉnh: …": a name the grammar cut at a lower-case word runs on to
# the colon that ends it, unless a verb or an introduction stands between
_GAP_TO_COLON = re.compile(r"[^\W\d_][\w\s,\-–]{0,60}")
# a field of a department's name that folds like a verb: "…, biên chế và tổ chức phi chính phủ",
# "Phòng Phổ biến, giáo dục pháp luật" ("giáo dục" folds like "giao")
_FIELD_NOUNS = re.compile(r"(?:\bva|,)\s+to chuc\b|\bgiao duc\b")
_NOT_A_NAME = re.compile(r"\b(?:" + _words_alt(_ASSIGN_DATA["not_in_name_before_colon"]) + r")\b")


def _to_colon(clause: str, folded: str, unit: Found) -> Found:
    colon = clause.find(":", unit.end, unit.end + 64)
    if colon < 0 or "\n" in clause[unit.end:colon]:
        return unit
    gap = folded[unit.end:colon].strip(" ,")
    if not gap or not _GAP_TO_COLON.fullmatch(gap) or _NOT_A_NAME.search(_FIELD_NOUNS.sub(" ", gap)):
        return unit
    after = clause[colon + 1:].lstrip()
    if after and not after[0].isupper():
        return unit  # "Sở Y tế tăng cường kiểm tra: an toàn thực phẩm" goes on as a sentence
    return Found(clause[unit.start:colon].rstrip(), unit.start, colon, unit.canonical, unit.level)


# the role a clause's subject takes right after its name: "… chủ trì, phối hợp …", "… phối hợp với …"
_ROLE_AFTER_NAME = re.compile(r"\s(?:chu tri|phoi hop voi)\b")
_NAME_GAP_WORDS = 8


def _to_role(clause: str, folded: str, unit: Found) -> Found:
    """A department named in lower case runs on to the role that follows it: "Phòng Quản lý giá
    và công sản chủ trì …", "Phòng Quản lý quy hoạch và xây dựng chủ trì …". The words between
    are the name's fields: lower case, at most _NAME_GAP_WORDS of them, no verb of work among them."""
    if not clause[unit.end + 1:unit.end + 2].islower():
        return unit
    role = _ROLE_AFTER_NAME.search(folded, unit.end, unit.end + 90)
    if role is None:
        return unit
    gap = folded[unit.end:role.start()].strip(" ,")
    if not gap or len(gap.split()) > _NAME_GAP_WORDS or not _GAP_TO_COLON.fullmatch(gap) \
            or _NOT_A_NAME.search(_FIELD_NOUNS.sub(" ", gap)) or not clause[unit.end:role.start()].strip(" ,").islower():
        return unit
    return Found(clause[unit.start:role.start()].rstrip(" ,"), unit.start, role.start(), unit.canonical, unit.level)


def _finish(clause: str, units: list[Found], by: Found | None, folded: str) -> Subject | None:
    nxt = clause[units[-1].end:units[-1].end + 1]
    if nxt == " " or (nxt == "," and (folded.startswith("cac ", units[-1].start) or (
            units[-1].level is None and clause[units[-1].end + 2:units[-1].end + 3].islower()))):
        # "Các trường mầm non, …:", "Phòng Tổ chức, biên chế và tổ chức phi chính phủ: …"
        last = _to_colon(clause, folded, units[-1])
        if last is units[-1] and nxt == " " and last.level is None:  # no known office: its name may run on
            last = _to_role(clause, folded, last)
        units = units[:-1] + [last]
    end = units[-1].end
    note = _NOTE_AFTER_UNIT.match(clause, end)
    if note:
        end = note.end()
    rest = clause[end:]
    stripped = rest.lstrip(" ")
    if stripped.startswith(":"):
        return Subject(units, end + len(rest) - len(stripped) + 1, colon=True, assigned_by=by)
    pos = _skip_sep(clause, end)
    given = _GROUP_GIVEN.match(folded, pos) if " cac " in f" {folded[units[-1].start:end]} " else None
    if given is None and not _is_predicate(folded, end, clause):
        return None
    passive = _ASSIGNED_PASSIVE.match(folded, pos)  # it matches wherever `given` does
    if passive:  # "Sở Nội vụ được giao chủ trì, phối hợp với …": the duty follows
        pos = passive.end()
    subject = Subject(units, pos, assigned_by=by)
    # "X chủ trì, phối hợp với Y, Z …": the partners are support; the work starts after them.
    m = _CHU_TRI.match(folded, pos)
    if m:
        after = m.end()
        p = _partner_re().match(folded[after:])
        if p:
            partners, new_pos = _consume_partners(clause, folded, after + p.end())
            subject.support = partners
            subject.pred_start = _skip_sep(clause, new_pos) if partners else after
    return subject


# A break is the blank after ".", "!", "?" or "…", or a ";" or ":" with its blank. Each match
# opens with the punctuation (a character class the regex engine skips to), not with a
# lookbehind tried at every character; the ends, all _split_points uses, are the same.
_SENTENCE_BREAK = re.compile(r"[.!?…;:](?:(?<=[.!?…])\s+|(?<=;)\s*|(?<=:)\s+)(?=\S)")


def _split_points(text: str, start: int) -> list[int]:
    # a blank at `start` after a full stop breaks there: read from the stop
    pos = start - 1 if start > 0 and text[start - 1] in ".!?…" else start
    points = [m.end() for m in _SENTENCE_BREAK.finditer(text, pos)]
    if "(" not in text:
        return points
    # no break inside a bracket: "(qua Phòng Doanh nghiệp; Phòng Đăng ký kinh doanh)" is a note
    return [p for p in points if _open_brackets(text, p) <= 0]


# ", Văn phòng UBND tỉnh tham mưu …": a comma before a name may open a second clause with its own unit
_COMMA_BEFORE_NAME = re.compile(r",\s+(?=\w)")
_NAME_START = re.compile(r"(?<!\w)\w")
_NAMES_TRIED = 4  # a list's last unit opens on one of the last few capitals before the comma
_PARTNER_BEFORE = re.compile(r"(?:phoi hop|cung)(?:\s+(?:chat che|voi))*\s+(?!.*\b(?:phoi hop|cung)\b)")


def _comma_points(text: str, start: int) -> list[int]:
    """Where a comma ends one unit's work and a name opens the next clause ("Sở Tài chính tổng hợp
    …, Văn phòng UBND tỉnh tham mưu …"); not a comma inside a list of units ("phối hợp với Sở Tư
    pháp, Công an tỉnh tổ chức …", "chỉ đạo các sở, ngành, UBND các huyện triển khai …")."""
    points = []
    for m in _COMMA_BEFORE_NAME.finditer(text, start):
        if not (text[m.end()].isupper() or text.startswith(("các ", "Các "), m.end())) \
                or not _has_words(text[start:m.start()], 5):
            continue  # no name after it, or too little work before it ("các tổ chức cơ sở đảng, …")
        comma = m.start()
        window = max(start, comma - 80)
        partner = _PARTNER_BEFORE.search(fold(text[window:comma]))
        if partner and not _has_words(text[window + partner.end():comma], 10):
            continue  # "Phối hợp với Trường THCS Yên Thành, Trạm Y tế xã công khai …": partners listed
        names = [n.start() for n in _NAME_START.finditer(text, window, comma)
                 if text[n.start()].isupper() or text.startswith(("các ", "Các "), n.start())]
        # the text before the comma ends on a unit (the nearest names first): the comma lists units
        if not any((found := unit_at_start(text[at:comma])) and at + found[-1].end >= comma - 1
                   for at in reversed(names[-_NAMES_TRIED:])):
            points.append(m.end())
    return points


def _open_brackets(text: str, pos: int) -> int:
    """How many "(" before `pos` are still open there (negative where ")" outnumber them)."""
    return text.count("(", 0, pos) - text.count(")", 0, pos)


@dataclass
class Frame:
    """An open numbered heading or item and what it says about the passages under it."""

    level: int
    label: str
    kind: str = "plain"  # plain | skip | units | task
    units: list[UnitRef] = field(default_factory=list)
    # The heading's own text, whose PAPI area and deadline are read only when a task under it
    # asks (most headings' are never asked for): the flags say which of the two it may give.
    body: str = ""
    fbody: str = ""
    ref_year: int | None = None
    names_area: bool = False
    gives_deadline: bool = False

    @cached_property
    def dimension(self) -> int | None:
        return area_named(self.body) if self.names_area else None

    @cached_property
    def deadline(self) -> Deadline | None:
        if not self.gives_deadline:
            return None
        found = find_deadline(self.body, self.ref_year, self.fbody)
        return found[0] if found and found[0].date else heading_recurrence(self.body)


@dataclass
class Context:
    issuer: str | None
    ref_year: int | None
    frames: list[Frame] = field(default_factory=list)
    intro_units: list[UnitRef] = field(default_factory=list)
    intro_support: list[UnitRef] = field(default_factory=list)  # "… chủ trì, phối hợp với Y, Z:"
    intro_level: int = 0  # the depth of the item the intro stands under: a sibling ends its list
    # news and a Thông báo report what the issuer's head does; a plan's own text gives its head
    # duties too ("Chủ tịch UBND xã tiếp công dân định kỳ vào ngày 15 hằng tháng")
    heads_report: bool = True
    # a news item: what one leader does on a visit is reported ("Đồng chí Phó Chủ tịch UBND huyện đi
    # kiểm tra …"); what the leader asks of units is the task
    news: bool = False
    # the issuer whose own actions are reported, not assigned; a Văn phòng's Thông báo kết luận
    # speaks for the body it serves ("UBND tỉnh …"), and gives the Văn phòng tasks of its own
    self_issuer: str | None = None
    colon_units: list[UnitRef] = field(default_factory=list)
    # the intro's list was given bulleted items ("- …"): a passage with no label after them ends it
    intro_items_labelled: bool = False


def _is_self(units: list[Found], issuer: str | None) -> bool:
    """The issuer reporting its own action ("UBND huyện Chương Mỹ tổ chức hội nghị …")."""
    if not issuer or len(units) != 1:
        return False
    unit, iss = fold(units[0].text).strip(), fold(issuer).strip()
    iss_full = iss.replace("ubnd", "uy ban nhan dan")
    unit_full = unit.replace("ubnd", "uy ban nhan dan")
    return iss_full.startswith(unit_full)


_HEAD_OF = re.compile(r"^(?:chu tich|giam doc|thu truong|chanh van phong|truong)\s+")
_LEADER = re.compile(r"^(?:(?:pho )?chu tich|(?:pho )?bi thu)\s+")
_DIRECTS = re.compile(r"^chi\s+dao\s+(?:cho\s+)?")


def _is_a_leader(units: list[Found]) -> bool:
    """One leader of one body ("Phó Chủ tịch UBND huyện"), not the heads of many ("Chủ tịch UBND
    các xã")."""
    if len(units) != 1:
        return False
    folded = f" {fold(units[0].text).strip()} "
    # not "Chủ tịch UBND cấp huyện": every district's chair, a group's title
    return bool(_LEADER.match(folded[1:])) and " cac " not in folded and " cap " not in folded


def _is_issuer_or_head(units: list[Found], issuer: str | None, heads: bool = True) -> bool:
    """The issuing body or (with `heads`) its head ("Chủ tịch UBND tỉnh" of "UBND tỉnh Quảng Ninh")."""
    if len(units) != 1:
        return False
    head = Found(_HEAD_OF.sub("", fold(units[0].text).strip()), 0, 0)
    if _is_self(units, issuer):
        return True
    if not heads:
        return False
    if _is_self([head], issuer):
        return True
    # a Văn phòng speaks for the body it serves: "Chủ tịch UBND tỉnh kết luận …" in its Thông báo
    served = _served_by(issuer)
    return served is not None and (_is_self(units, served) or _is_self([head], served))


def _served_by(issuer: str | None) -> str | None:
    """The body a Văn phòng issuer serves, folded ("Văn phòng UBND tỉnh Thái Nguyên" → "ubnd tinh
    thai nguyen"); None for any other issuer."""
    folded = fold(issuer or "").strip()
    served = re.sub(r"^van phong\s+", "", folded)
    return served if served != folded else None


def _directed(clause: str, folded: str, sub: Subject, issuer: str | None, leaders: bool = False) -> Subject:
    """"Chủ tịch UBND tỉnh chỉ đạo các sở, ngành …": the issuer directing units hands them the
    work; a lower unit directing others ("UBND các huyện chỉ đạo UBND cấp xã …") keeps it. With
    `leaders` (news, a Thông báo), any one leader directing does too ("Phó Chủ tịch UBND huyện
    chỉ đạo Phòng Nông nghiệp … hướng dẫn nông dân …", of a visit)."""
    if not sub.units or not (_is_issuer_or_head(sub.units, issuer) or (leaders and _is_a_leader(sub.units))):
        return sub
    m = _DIRECTS.match(folded[sub.pred_start:sub.pred_start + 40])
    if not m:
        return sub
    targets = _units_at(clause, sub.pred_start + m.end(), folded)
    if not targets:
        return sub
    return _finish(clause, targets, sub.units[0], folded) or sub


_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")
_FIELD_WORDS = 6  # at most this many lower-case words go on a department's name with no colon after it


def _names_a_field(rest: str, unit: Found) -> bool:
    """The lower-case words after a department's head, with no colon after them, are its field
    ("Phòng Quản lý quy hoạch và xây dựng", "Phòng Tổ chức cán bộ"): few, no verb, no preposition."""
    words = rest.replace(",", " ").split()  # _to_colon, which runs the name on, turns away a verb among them
    return (unit.level is None and 0 < len(words) <= _FIELD_WORDS
            and not any(_not_predicate_re().fullmatch(w) for w in words if w != "va"))


def _unit_heading(body: str, fbody: str | None = None) -> list[UnitRef] | None:
    """A heading that only names units ("3. Sở Nội vụ", "1. Đề nghị Ủy ban MTTQ tỉnh").
    `fbody` is fold(body), when the caller has it."""
    text = body.strip().rstrip(":").strip()
    if not text or len(text) > 300:
        return None
    # folding keeps spaces and colons where they are: the folded text strips alike
    folded = fold(text) if fbody is None else fbody.strip().rstrip(":").strip()
    bracket = _TRAILING_BRACKET.search(text)
    if bracket and bracket.start() > 0:
        # "2. Các đơn vị sự nghiệp trực thuộc (Trung tâm Trợ giúp pháp lý, …)", "2. Thanh tra Sở (chủ trì)"
        text, folded = text[:bracket.start()].rstrip(), folded[:bracket.start()].rstrip()
    lead_in = _assign_re().match(folded)
    pos = lead_in.end() if lead_in else 0
    opener = structure.unit_heading_opener_re().match(folded, pos)
    if opener:
        pos = opener.end()  # "1. Đối với các sở, ban, ngành tỉnh"
    units = _units_at(text, pos, folded)
    if units and text[units[-1].end:].strip(" .;,") and (
            body.rstrip().endswith(":") or _names_a_field(folded[units[-1].end:], units[-1])):
        # "2. Phòng Phổ biến, giáo dục pháp luật và Theo dõi thi hành pháp luật:", "2. Phòng Quản
        # lý quy hoạch và xây dựng": a department named in sentence case runs on to its end
        units[-1] = _to_colon(text + ":", folded + ":", units[-1])
    if units and units[-1].level == "group" and _qualifies_group(folded[units[-1].end:]):
        u = units[-1]
        name = text[u.start:].rstrip(" .;,")
        units[-1] = Found(name, u.start, u.start + len(name), name, u.level)
    if not units or text[units[-1].end:].strip(" .;,") != "":
        return None
    return [u.ref() for u in units]


GROUP_QUALIFIER_WORDS = 6


def _qualifies_group(rest: str) -> bool:
    """The words after a group in a heading that names it alone are its qualifier: a few,
    opening with one of structure.toml's `group_heading_qualifiers`, with no clause after them."""
    rest = rest.strip()
    return (bool(structure.group_heading_qualifier_re().match(rest + " "))
            and len(rest.split()) <= GROUP_QUALIFIER_WORDS and not any(c in rest for c in ",;.:()")
            and not any(c.isdigit() for c in rest))


def _refs(units: list[Found]) -> list[UnitRef]:
    out = []
    for u in units:
        if u.canonical is None:
            canonical, level = canonical_unit(u.text)
            out.append(UnitRef(text=u.text, canonical=canonical, level=level))
        else:
            out.append(u.ref())
    return out


_NAME_LIST_SPLIT = re.compile(r"\s*(?:[,;]|\bvà\b)\s*")


def _names_only(text: str) -> bool:
    """Text after a unit's colon that assigns nothing: a headline in capitals ("UBND XÃ TÂN PHÚ:
    HỌP TRIỂN KHAI CÔNG TÁC …") or the names the title stands for ("các Bộ trưởng: Quốc phòng,
    Công an, Nông nghiệp và Môi trường")."""
    if text.upper() == text and any(c.isalpha() for c in text):
        return True
    if len(text) > 600 or "," not in text:
        return False
    parts = [p for p in _NAME_LIST_SPLIT.split(text) if p]
    return len(parts) >= 2 and all(p[:1].isupper() and len(p.split()) <= 5 for p in parts)


def _make_task(block: Block, body_off: int, body: str, fbody: str, t_start: int, t_end: int, clause_start: int,
               lead: list[UnitRef], support: list[UnitRef], label: str | None, ctx: Context, rule: str) -> Task | None:
    text = body[t_start:t_end].strip(" ;,.")
    if not _has_words(text, 3) or structure.is_exhortation(text) or structure.is_not_work(text) \
            or _names_only(text):
        return None
    found = find_deadline(body[clause_start:t_end], ctx.ref_year, fbody[clause_start:t_end])
    deadline = found[0] if found else next((f.deadline for f in reversed(ctx.frames) if f.deadline), None)
    dimension = next((f.dimension for f in reversed(ctx.frames) if f.dimension), None)
    return Task(
        text=text, label=label, lead=lead, support=support, deadline=deadline, dimension=dimension,
        dimension_rule="section-heading" if dimension else None, source_kind="prose",
        start=block.start + body_off + t_start, end=block.start + body_off + t_end, rule=rule,
    )


def _partners_in(text: str, folded: str) -> list[UnitRef]:
    out: list[Found] = []
    if not any(w in folded for w in _partner_markers()):
        return []  # most tasks name no partner: substring tests, cheaper than the regex's scan
    for m in _partner_re().finditer(folded):
        partners, _ = _consume_partners(text, folded, m.end())
        out.extend(partners)
    return _refs(out)


# "… (Sở Tư pháp chủ trì, phối hợp với các cơ quan liên quan; thời gian: Quý II/2024)." — the
# owner given in brackets at the end of an item.
_TRAILING_PAREN = re.compile(r"\((?P<inner>[^()]{5,400})\)\s*[.;:]?\s*$")


def _trailing_owner(body: str, ref_year: int | None) -> tuple[int, list[UnitRef], list[UnitRef], Deadline | None] | None:
    """Where a trailing bracket names who leads: (its start, lead, support, deadline)."""
    m = _TRAILING_PAREN.search(body)
    if not m:
        return None
    lead: list[UnitRef] = []
    support: list[UnitRef] = []
    deadline: Deadline | None = None
    for part in re.split(r"\s*;\s*", m.group("inner")):
        fld = field_of(part)
        if fld:
            role, value = fld
            if role == "lead":
                lead = lead or unit_refs(value)
            elif role == "support":
                support = support or unit_refs(value)
            elif role == "deadline":
                deadline = deadline or parse_deadline(value, ref_year)
            continue
        alone = _units_at(part, 0)
        if alone and not part[alone[-1].end:].strip(" ,."):
            lead = lead or _refs(alone)  # "(Sở Nội vụ)"
            continue
        sub = subject_of(part)
        after = fold(part[sub.units[-1].end:]).strip(" ,.") if sub and sub.units else ""
        if sub and sub.units and (re.match(r"(?:chu tri|thuc hien)\b", after) or _LEAD_IN.match(fold(part).lstrip())):
            # "(Sở Nội vụ chủ trì, …)", "(Giao Sở Nội vụ thực hiện)"
            lead = lead or _refs(sub.units)
            support = support or _refs(sub.support)
        elif sub and sub.units and re.match(r"phoi hop\b", after):  # "…; Phòng Văn hóa - Xã hội phối hợp)"
            support = support or _refs(sub.units)
        if deadline is None:  # also beside the owner: "(Phòng Nội vụ chủ trì, hoàn thành trong tháng 10/2024)"
            found = find_deadline(part, ref_year)
            deadline = found[0] if found else None
    return (m.start(), lead, support, deadline) if lead else None


def _owner_bracket(body: str, ref_year: int | None, fields: _Fields) -> list[Task] | None:
    """A line that is only a bracket naming who leads ("(Giao Trung tâm Phục vụ hành chính công
    phường)") gives the item before it, still waiting for an owner, its units."""
    stripped = body.strip().rstrip(".;")
    if not (stripped.startswith("(") and stripped.endswith(")")) or not fields.pending:
        return None
    owner = _trailing_owner(stripped, ref_year)
    if owner is None or owner[0] != 0:
        return None
    _, lead, support, deadline = owner
    pending, fields.pending = fields.pending[-1:], fields.pending[:-1]
    return fields.tasks_for(pending, lead, support, deadline, ref_year, [])


_AREA_TOPIC = re.compile(r"(?:ve|doi voi|o noi dung|voi noi dung)\s")


def _area_lead_in(body: str, ref_year: int | None) -> int | None:
    """The PAPI area a passage opens with before its colon ("Nội dung 1 - Tham gia của người dân
    ở cấp cơ sở: Phòng Nội vụ huyện chủ trì …", "Về Công khai, minh bạch: …")."""
    colon = body.find(":", 0, 100)
    if colon > 0:
        return area_named(body[:colon], ref_year)
    opener = _AREA_TOPIC.match(fold(body[:20]))
    if opener is None or area_named(body[:120], ref_year) is None:
        return None  # most such openings name no area: the units are looked for only where one does
    # "Về Công khai, minh bạch, Phòng Kinh tế … công khai …", "Đối với Quản trị điện tử, Đoàn Thanh
    # niên …": the area is named before the subject that follows its comma
    unit = next(iter(find_units(body[:120])), None)
    return area_named(body[:unit.start], ref_year) if unit is not None and unit.start > opener.end() else None


def _ends_as_intro(body: str, fbody: str) -> bool:
    """Whether the passage ends by introducing a list ("… thực hiện các nhiệm vụ sau:")."""
    return body.rstrip().endswith(":") or bool(_INTRO_END.search(fbody[-80:].rstrip()))


def _tasks_in_passage(block: Block, body_off: int, body: str, fbody: str, label: str | None,
                      ctx_units: list[UnitRef], ctx: Context, labelled: bool) -> tuple[list[Task], bool]:
    """Tasks of one passage; returns them and whether the passage opened with its own subject."""
    spans: list[tuple[int, int, list[UnitRef], list[UnitRef], str]] = []  # clause, text start, lead, support, rule
    # a clause's subject and the start of its work lie near its beginning: looking at a bounded
    # window keeps a long passage linear (every clause would otherwise re-read the rest)
    first = subject_of(body[:_WINDOW], fbody[:_WINDOW])
    if first is not None:
        first = _directed(body[:_WINDOW], fbody[:_WINDOW], first, ctx.self_issuer, ctx.heads_report)
    if first is not None and first.colon and _names_only(body[first.pred_start:].strip(" ;,.")):
        return [], True  # "UBND XÃ TÂN PHÚ: HỌP TRIỂN KHAI …", "các Bộ trưởng: Quốc phòng, Công an"
    own = False
    if first is not None and first.units and not (
            first.assigned_by is None and (_is_issuer_or_head(first.units, ctx.self_issuer, ctx.heads_report)
                                           or (ctx.news and _is_a_leader(first.units)))) \
            and not structure.is_report_of_work_done(body[first.pred_start:first.pred_start + _PREDICATE_SEEN]):
        own = True
        if first.colon:
            ctx.colon_units = _refs(first.units)
        spans.append((0, first.pred_start, _refs(first.units), _refs(first.support), "prose-subject"))
    elif first is not None and first.assigned_by is not None and not first.units:
        pass  # "UBND huyện giao nhiệm vụ cụ thể cho …": a request naming nobody; a later clause may
    elif first is not None and first.units and first.assigned_by is None and not first.colon:
        pass  # the issuer or its head acting ("Phát biểu kết luận, đồng chí Chủ tịch UBND xã mong
        # muốn …"): a subject of its own, so no list item of the units before it
    elif ctx_units and not is_generic_addressee(body, fbody):
        # a list's items: the intro's partners are theirs too ("X chủ trì, phối hợp với Y:" / "a) …")
        support = ctx.intro_support if ctx_units == ctx.intro_units else []
        spans.append((0, 0, ctx_units, support, "prose-context"))
    # Further clauses that name their own unit are tasks of their own.
    search_from = spans[0][1] if spans else 0
    points = _split_points(body, search_from)
    if spans and "," in body:
        points = sorted(set(points).union(_comma_points(body, search_from)))
    for point in points:
        if spans and point < spans[-1][1]:
            continue  # inside the subject of the clause just found ("Trong đó chỉ rõ: <units> …")
        clause, fclause = body[point:point + _WINDOW], fbody[point:point + _WINDOW]
        sub = subject_of(clause, fclause)
        if sub is None or not sub.units or sub.colon and point < search_from:
            continue
        sub = _directed(clause, fclause, sub, ctx.self_issuer, ctx.heads_report)
        if _is_issuer_or_head(sub.units, ctx.self_issuer, ctx.heads_report) and sub.assigned_by is None:
            continue
        if structure.is_report_of_work_done(body[point + sub.pred_start:point + sub.pred_start + _PREDICATE_SEEN]):
            continue
        spans.append((point, point + sub.pred_start, _refs(sub.units), _refs(sub.support), "prose-clause"))
    # "… đề nghị các cơ quan, đơn vị:" or "… thực hiện các nhiệm vụ sau:": the list that follows is theirs
    if spans and spans[-1][4] != "prose-context" and _ends_as_intro(body, fbody):
        # the last clause with a subject introduces a list: "… yêu cầu các phòng … nhiệm vụ sau:"
        _, _, ctx.intro_units, ctx.intro_support, _ = spans.pop()
        ctx.intro_items_labelled = False
        ctx.intro_level = ctx.frames[-1].level if ctx.frames else 0
        if not spans:
            return [], True
    # the units a list's intro named stand back for a bracket that names the item's own ("… (Phòng
    # Tài nguyên và Môi trường chủ trì, phối hợp với …)")
    own_spans = [sp for sp in spans if sp[4] != "prose-context"]
    owner = _trailing_owner(body, ctx.ref_year) if not own_spans or (
        own_spans[0][0] > 0 and body.rstrip(" .;").endswith(")")) else None
    if owner and all(sp[0] >= owner[0] for sp in own_spans):  # only the bracket names anyone: it owns the item
        at, lead, support, deadline = owner
        task = _make_task(block, body_off, body, fbody, 0, at, 0, lead, support, label, ctx, "prose-trailing-owner")
        if task and deadline:
            task.deadline = deadline
        return ([task] if task else []), False
    tasks = []
    for i, (clause_start, t_start, lead, support, rule) in enumerate(spans):
        t_end = spans[i + 1][0] if i + 1 < len(spans) else len(body)
        if i == 0 and clause_start > 0 and not _has_words(body[t_start:t_end], 8) and not own \
                and _LEAD_IN.match(fbody[clause_start:clause_start + 20]):
            # "… . Giao Sở Nội vụ chủ trì thực hiện." — the owner named after the work
            t_start, clause_start, rule = 0, 0, "prose-trailing-owner"
            t_end = spans[0][0]
        partners = support + [p for p in _partners_in(body[t_start:t_end], fbody[t_start:t_end])
                              if fold(p.text) not in {fold(s.text) for s in support}]
        items = _inline_items(body, fbody, t_start, t_end)
        if items:  # "… yêu cầu các sở tập trung các nhiệm vụ sau: A; B; C." — each item a task
            for a, b in items:
                task = _make_task(block, body_off, body, fbody, a, b, a, lead, partners, label, ctx, rule + "+inline-list")
                if task:
                    tasks.append(task)
            continue
        task = _make_task(block, body_off, body, fbody, t_start, t_end, clause_start, lead, partners, label, ctx, rule)
        if task:
            tasks.append(task)
    return tasks, own


_INLINE_INTRO = re.compile(r"(?:" + _INTRO_WORDS + r")\s*:\s*")


def _inline_items(body: str, fbody: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the items of a list run into one paragraph after "… sau:", split at ";"."""
    m = _INLINE_INTRO.search(fbody[start:min(end, start + 400)])
    if not m:
        return []
    pos = start + m.end()
    items: list[tuple[int, int]] = []
    for part in re.finditer(r"[^;]+", body[pos:end]):
        a, b = pos + part.start(), pos + part.end()
        if _has_words(body[a:b], 3):
            items.append((a, b))
    return items if len(items) >= 2 else []


_BULLETS = ("dash", "plus")


# The opening of a document attached after the signature of the one that issues it: a Quyết
# định's "(Ban hành kèm theo Quyết định số …)", or the plan's own title "KẾ HOẠCH"
_ATTACHED = re.compile(
    r"\(?\s*(?:" + _words_alt(structure.data()["formulas"]["attached_opening"]) + r")\b"
    r"|(?:" + _words_alt(structure.data()["formulas"]["attached_types"]) + r")"
    r"(?:\s+(?:" + _words_alt(structure.data()["formulas"]["attached_type_tails"]) + r"|[ivxlc]+|\d{1,2}))?$"
)


class _BulletLevels:
    """Bullet symbols nest in the order a list first uses them, not in a fixed order: "* Chi cục
    Bảo vệ môi trường:" over "- Tham mưu …" as well as "- …" over "+ …". The order starts anew
    under each numbered item."""

    _CLASSES = {"-": "-", "–": "-", "—": "-", "+": "+", "•": "•", "*": "*", "·": "•"}

    def __init__(self) -> None:
        self.levels: dict[str, int] = {}

    def level_of(self, lab: structure.Label) -> structure.Label:
        if lab.kind not in _BULLETS:
            if lab.kind != "heading":
                self.levels = {}
            return lab
        base = min(structure.bullet_levels())
        level = self.levels.setdefault(self._CLASSES.get(lab.label, lab.label), base + len(self.levels))
        return lab if level == lab.level else structure.Label(lab.label, lab.kind, level, lab.body_start)

# "- Đơn vị chủ trì: Sở Tư pháp", "Thời gian thực hiện: Quý II/2024": a labelled field that
# gives units or a time to the items before it (SCHEMA.md: bullets sharing one block of
# "Đơn vị chủ trì / Đơn vị phối hợp / Thời gian" are each a task with that block's units and time).
_FIELD = re.compile(r"^\s*(?P<name>[^:\n]{2,60}?)\s*:\s*(?P<value>\S.*)$", re.S)
_FIELD_ROLES = ("lead", "support", "deadline")
# The field's name is a heading phrase, not a unit ("Trưởng các phòng, ban, đơn vị: …" is a unit).
_FIELD_NAME = re.compile(
    r"^(?:(?:don vi|co quan|to chuc|bo phan|cap)\s+)?(?:chu tri|phoi hop|thuc hien|thoi gian|thoi han|tien do|han hoan thanh)\b")
_CONTENT_LABEL = re.compile(r"^\s*(?:n[oộ]i dung|nhi[eệ]m v[uụ])(?:\s+[^:\n]{0,30})?\s*:\s*", re.I)


def field_of(body: str) -> tuple[str, str] | None:
    """("lead", "Sở Tư pháp") for "Đơn vị chủ trì: Sở Tư pháp"; None for anything else."""
    if ":" not in body:  # most passages: no need to try every length of a field name
        return None
    m = _FIELD.match(body)
    if not m or not _FIELD_NAME.match(fold(m.group("name")).strip()):
        return None
    role = column_role(m.group("name"))
    return (role, m.group("value").strip()) if role in _FIELD_ROLES else None


# The next field's label inside one passage: "Đơn vị chủ trì: Thanh tra tỉnh. Đơn vị phối hợp: Sở
# Nội vụ, Công an tỉnh. Thời gian: Năm 2024." (a block written on one line, or joined by ingest)
_NEXT_FIELD = re.compile(
    r"(?:[.;|]\s+|\s+[-–+|]\s+)(?=(?:(?:don vi|co quan|to chuc|bo phan)\s+)?(?:chu tri|phoi hop|thuc hien"
    r"|thoi gian|thoi han|tien do|han hoan thanh)\b[^:.;]{0,30}:)")


# A field whose value is the work itself, inside a block of fields ("- Nhiệm vụ trọng tâm: + … + …",
# "- Nội dung: Rà soát …"); the item above the block is then only its heading
_TASK_FIELD = re.compile(r"^\s*(?:nhiem vu(?:\s+(?:trong tam|cu the|chu yeu|chinh))?|noi dung(?:\s+(?:cong viec|thuc hien|nhiem vu))?|cong viec)\s*:\s*")


def inline_fields(body: str, fbody: str) -> tuple[int, list[tuple[str, str]]] | None:
    """Where an item's own text ends and its fields begin ("4. Tổ chức hội nghị đối thoại …. Đơn
    vị thực hiện: Văn phòng HĐND và UBND phường."): (that offset, the fields), else None."""
    if ":" not in body:
        return None
    m = _NEXT_FIELD.search(fbody)
    if m is None or m.start() == 0 or _open_brackets(body, m.start()) != 0:
        return None  # none, or inside a bracket ("(Cơ quan chủ trì: …; Thời gian: …)": _trailing_owner's)
    flds = fields_of(body[m.end():])
    return (m.start(), flds) if flds else None


def fields_of(body: str) -> list[tuple[str, str]]:
    """Every field of a passage that opens with one, in order: one for "Đơn vị chủ trì: Sở Tư
    pháp", three for a block on one line; [] for a passage that is no field."""
    if field_of(body) is None:
        return []
    fbody = fold(body)
    cuts = [0] + [m.end() for m in _NEXT_FIELD.finditer(fbody)] + [len(body)]
    parts = [body[a:b].rstrip(" ;.-–+") for a, b in itertools.pairwise(cuts) if body[a:b].strip()]
    return [fld for part in parts if (fld := field_of(part))]


@dataclass
class _Pending:
    """A passage with no owner of its own, waiting for a field block to name one."""

    block: Block
    body_off: int
    body: str
    label: str | None
    level: int
    frames: tuple[Frame, ...]  # the frames open above it, asked for area and deadline if need be

    @property
    def dimension(self) -> int | None:
        return next((f.dimension for f in reversed(self.frames) if f.dimension), None)

    @property
    def deadline(self) -> Deadline | None:
        return next((f.deadline for f in reversed(self.frames) if f.deadline), None)


def _field_deadline(raw: str | None, ref_year: int | None) -> Deadline | None:
    return parse_deadline(raw, ref_year) if raw else None


def _under_unit_heading(frames: list[Frame], level: int) -> bool:
    return any(f.kind == "units" and f.level < level for f in frames)


def _has_no_own_time(task: Task, frames: list[Frame] | tuple[Frame, ...]) -> bool:
    """The task's deadline, if any, is its heading's ("II. NHIỆM VỤ THƯỜNG XUYÊN"), which a
    time written for its own block ("Thời gian thực hiện: Quý I/2026") outranks."""
    return task.deadline is None or any(task.deadline is f.deadline for f in frames if f.gives_deadline)


def _complete(found: list[Task], flds: list[tuple[str, str]], ref_year: int | None,
              frames: list[Frame]) -> None:
    """Give the tasks an item found the fields it wrote after them, where they have none."""
    values = dict(flds)
    deadline = _field_deadline(next((v for role, v in flds if role == "deadline" and v), None), ref_year)
    support = unit_refs(values.get("support", ""))
    for task in found:
        if deadline and (_has_no_own_time(task, frames) or task.deadline.kind == "start"):
            task.deadline = deadline  # "… bảng giá đất áp dụng từ ngày 01/01/2026; thời gian: tháng 01/2026"
        task.support = task.support or support


@dataclass
class _Fields:
    values: dict[str, str] = field(default_factory=dict)
    pending: list[_Pending] = field(default_factory=list)
    task_list: bool = False  # the block named its work in a field ("Nhiệm vụ trọng tâm:")
    after_work: bool = False  # the fields came after the work they own ("Nội dung: …" / "Đơn vị chủ trì: …")

    def take(self, flds: list[tuple[str, str]], level: int = 99) -> None:
        """Collect a block's fields; `level` is their label's depth. Fields deeper than the
        passage waiting above them are its sub-items ("1. Nội dung 1 …" / "- Cơ quan chủ trì: …"),
        not fields that follow their work."""
        if not self.values:  # an unlabelled field (99) is no sub-item
            self.after_work = bool(self.pending) and (level == 99 or level <= self.pending[-1].level)
        for role, value in flds:
            self.values.setdefault(role, value)

    def refills(self, flds: list[tuple[str, str]]) -> bool:
        """A role the block has already filled ("Đơn vị chủ trì: …" twice): the next block's field."""
        return any(role in self.values for role, _ in flds)

    def closed_by_work(self) -> bool:
        """New work ("Nội dung: …") after fields that followed their own: the next block's."""
        return bool(self.values) and self.after_work and bool(self.pending)

    def add_pending(self, item: _Pending) -> None:
        # an item whose own sub-items wait for the same fields is their section title, not a task
        while self.pending and self.pending[-1].level < item.level:
            self.pending.pop()
        self.pending.append(item)

    def flush(self, ref_year: int | None, last: list[Task], frames: list[Frame]) -> list[Task]:
        """Tasks for the pending passages from the collected fields; then start afresh. `last`
        are the tasks the fields may complete, `frames` the headings open above them."""
        values, pending = self.values, self.pending
        self.values, self.pending, self.task_list, self.after_work = {}, [], False, False
        if not values:
            return []
        lead = unit_refs(values.get("lead", ""))
        support = unit_refs(values.get("support", ""))
        return self.tasks_for(pending, lead, support, _field_deadline(values.get("deadline"), ref_year), ref_year, last,
                              frames)

    def tasks_for(self, pending: list[_Pending], lead: list[UnitRef], support: list[UnitRef],
                  deadline: Deadline | None, ref_year: int | None, last: list[Task],
                  frames: list[Frame] | tuple[Frame, ...] = ()) -> list[Task]:
        """The pending passages as tasks of these units, or the units completing the last task."""
        if not pending or not lead:
            # the fields complete the tasks of the item or list just before them ("1. Sở Nội vụ tổ
            # chức …" / "- Thời gian: …", "1. Phòng Kinh tế:" / "- …" / "- …" / "Thời gian thực hiện: …")
            for task in last:
                if deadline and _has_no_own_time(task, frames):
                    task.deadline = deadline
                task.support = task.support or support
                task.lead = task.lead or lead
            return []
        out = []
        for p in pending:
            m = _CONTENT_LABEL.match(p.body)
            t_start = m.end() if m else 0
            text = p.body[t_start:].strip(" ;,.")
            if not _has_words(text, 3):
                continue
            found = find_deadline(text, ref_year)
            out.append(Task(
                text=text, label=p.label, lead=lead, support=support,
                deadline=deadline or (found[0] if found else None) or p.deadline,
                dimension=p.dimension, dimension_rule="section-heading" if p.dimension else None,
                source_kind="prose", start=p.block.start + p.body_off + t_start,
                end=p.block.start + p.body_off + len(p.body), rule="prose-field-block",
            ))
        return out


_BARE_WORK = re.compile(r"(?:(?:trien khai|to chuc) )?(?:thuc hien|hoan thanh)(?: xong)?")


def _only_a_time(task: Task) -> bool:
    """A task whose text is a bare verb and its time ("thực hiện trước ngày 25/3/2022"): the time
    of the work asked just before, not work of its own."""
    dl = task.deadline
    if dl is None or dl.date is None:
        return False
    rest = fold(task.text.replace(dl.raw, " ")).strip(" .;,")
    return bool(_BARE_WORK.fullmatch(" ".join(rest.split())))


def _is_at(doc_text: str, start: int, end: int, text: str) -> bool:
    """doc_text[start:end] == text (offsets not negative), comparing in place rather than copying."""
    return max(0, min(end, len(doc_text)) - start) == len(text) and doc_text.startswith(text, start, end)


def tasks_from_prose(blocks: list[Block], issuer: str | None, ref_year: int | None,
                     doc_type: str | None = None, text: str | None = None) -> list[Task]:
    """Walk the body's blocks in order and read the tasks each passage assigns.

    In a report (Báo cáo) only the sections of proposals and next steps, and passages that
    open with "Đề nghị"/"Giao", assign work; the rest reports what was done. `text` is the
    document's text the blocks' offsets point into, when the caller has it."""
    # The whole text folded once (the other extractors fold it too, so fold() has it at hand)
    # and sliced per block, rather than each block folded anew.
    doc_text = text or ""
    ftext_all = fold(doc_text) if doc_text else ""
    ctx = Context(issuer=issuer, ref_year=ref_year, heads_report=doc_type in (None, "Tin bài", "Thông báo"),
                  news=doc_type in (None, "Tin bài"))
    served = _served_by(issuer) if doc_type == "Thông báo" else None
    ctx.self_issuer = served if served is not None else issuer
    report = doc_type == "Báo cáo"
    tasks: list[Task] = []
    fields = _Fields()
    bullets = _BulletLevels()
    recipients = False
    ended = False
    list_start = 0  # the first task of the item or list being read
    last_found = 0  # how many tasks the last passage with any gave
    for block in blocks:
        if block.kind == "table":
            continue
        text = block.text
        # folded once for every test of the passage below
        ftext = ftext_all[block.start:block.end] if ftext_all and _is_at(doc_text, block.start, block.end, text) else fold(text)
        if ended:  # after the signature: only an attached document ("(Ban hành kèm theo …)") goes on
            if not _ATTACHED.match(ftext.strip()):
                continue
            ended, ctx.frames, ctx.intro_units, ctx.colon_units = False, [], [], []
            continue
        if structure.is_end_of_body(text, ftext):
            tasks.extend(fields.flush(ref_year, tasks[list_start:], ctx.frames))
            ended = True
            continue
        lab = structure.parse_label(text)
        if lab is not None:
            lab = bullets.level_of(lab)
        body_off = lab.body_start if lab else 0
        body, fbody = text[body_off:], ftext[body_off:]
        if lab is None and block.kind == "heading" and text.strip().isupper():
            lab = structure.Label("", "heading", 1, 0)
        flds = fields_of(body)
        if flds:
            if fields.refills(flds):  # "Đơn vị chủ trì: Phòng Nội vụ" after a block that had one
                tasks.extend(fields.flush(ref_year, tasks[list_start:], ctx.frames))
            fields.take(flds, lab.level if lab else 99)
            continue
        task_field = _TASK_FIELD.match(fbody) if fields.values else None
        if task_field and fields.closed_by_work():
            # "Nội dung: …" after a block whose fields followed its own "Nội dung: …"
            tasks.extend(fields.flush(ref_year, tasks[list_start:], ctx.frames))
            task_field = None
        if task_field:
            # "- Nhiệm vụ trọng tâm: …" inside a block: the work, under the block's heading
            fields.task_list = True
            if body[task_field.end():].strip():
                fields.add_pending(_Pending(block, body_off + task_field.end(), body[task_field.end():], None, 99,
                                            tuple(ctx.frames)))
            else:
                fields.pending = [p for p in fields.pending if p.level >= 99]
            continue
        if fields.values and fields.task_list and lab and lab.kind in _BULLETS:
            fields.add_pending(_Pending(block, body_off, body, None, 99, tuple(ctx.frames)))
            continue  # "+ Công khai …" listed under "Nhiệm vụ trọng tâm:"
        if bracket := _owner_bracket(body, ref_year, fields):
            tasks.extend(bracket)
            continue  # "(Giao Trung tâm Phục vụ hành chính công phường)" on a line of its own
        if fields.values and lab and lab.kind in _BULLETS and fields.pending and lab.level > fields.pending[-1].level:
            # the block came first, its items after it: "3. Nội dung 8" / "Đơn vị chủ trì: …" / "- Hướng dẫn …"
            fields.task_list = True
            fields.add_pending(_Pending(block, body_off, body, None, 99, tuple(ctx.frames)))
            continue
        if fields.values:
            tasks.extend(fields.flush(ref_year, tasks[list_start:], ctx.frames))
        if (lab is None or lab.kind not in _BULLETS) and not (lab and _under_unit_heading(ctx.frames, lab.level)):
            # a time block after the bullets from here on is theirs; after a unit's lettered
            # items ("1. Sở Nội vụ:" / "a) …" / "b) …" / "Thời gian thực hiện: …") it is all of theirs
            list_start = len(tasks)
        inline = inline_fields(body, fbody)
        if inline:  # the item's own fields after its text: read the text, then take the fields
            body, fbody = body[:inline[0]], fbody[:inline[0]]
        if lab and lab.kind not in _BULLETS and fields.pending and lab.level < fields.pending[0].level:
            fields.pending = []  # a new item above them: those passages found no owner
        if lab:
            while ctx.frames and ctx.frames[-1].level >= lab.level:
                ctx.frames.pop()
            if lab.kind not in _BULLETS:
                ctx.colon_units = []
            if lab.level <= 2 or (ctx.intro_units and lab.kind not in _BULLETS and lab.level <= ctx.intro_level):
                ctx.intro_units, ctx.intro_support = [], []
        if structure.is_closing_formula(body, fbody) or (lab is None and (
                structure.is_byline(body) or structure.is_place_date(fbody) or structure.is_subject_line(fbody))):
            ctx.intro_units, ctx.colon_units = [], []
            continue
        if structure.is_recipients(body, fbody):
            recipients = True  # "Kính gửi: - Các sở, ban, ngành; - UBND các huyện": addressees, not owners
            continue
        if recipients and lab and lab.kind in _BULLETS and _unit_heading(body, fbody):
            continue
        recipients = False
        frame = Frame(lab.level, lab.label) if lab else None
        lab_kind = lab.kind if lab else ""
        in_skip = any(f.kind == "skip" for f in ctx.frames)
        if frame and structure.is_not_task_section(body, fbody):
            frame.kind = "skip"
        if report and frame and lab_kind in ("roman", "article") and len(body) < 100:
            # a report's top sections: "I. KẾT QUẢ …" reports, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ" assigns
            frame.kind = "plain" if structure.is_report_task_section(body) else "skip"
        if report and not frame and in_skip and _LEAD_IN.match(fbody.lstrip()):
            in_skip = False  # "Đề nghị UBND tỉnh …" inside a report's narrative is a proposal
        if frame:
            frame.body, frame.fbody, frame.ref_year = body, fbody, ref_year
            frame.names_area = len(body) < 200
            frame.gives_deadline = lab_kind == "heading" or len(body) < 120
        if in_skip or (frame and frame.kind == "skip"):
            if frame:
                ctx.frames.append(frame)
            continue
        heading_units = _unit_heading(body, fbody)
        if heading_units:
            if frame:
                frame.kind, frame.units = "units", heading_units
                ctx.frames.append(frame)
                if lab_kind in _BULLETS:
                    ctx.colon_units = heading_units  # "- Phòng Nội vụ:" / "+ …": its items, not the last unit's
            else:
                # "Sở Nội vụ:" on a line of its own: its bullets, and a lettered list, are its tasks
                ctx.colon_units = ctx.intro_units = heading_units
                ctx.intro_items_labelled = False
                # the list ends at the next item of the section it stands in, not of the last list
                ctx.intro_support = []
                ctx.intro_level = next((f.level for f in reversed(ctx.frames) if f.kind not in ("task", "units")), 0)
            continue
        parent_task = any(f.kind == "task" for f in ctx.frames)
        frame_units = next((f.units for f in reversed(ctx.frames) if f.kind == "units"), [])
        numbered_units = next((f.units for f in reversed(ctx.frames)
                               if f.kind == "units" and f.label not in "-+•*·–—"), [])
        if lab and lab.level <= 2 and len(body) < 100 and body.upper() == body:
            ctx_units = []  # a section title ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ") is nobody's task
        elif lab and lab.kind in _BULLETS and ctx.colon_units and not parent_task:
            ctx_units = ctx.colon_units  # "Sở Nội vụ:" on its own line, then its bullets
        elif lab:
            ctx_units = [] if parent_task else (frame_units or ctx.intro_units)
        else:
            if ctx.intro_items_labelled and body[:1].isupper():
                # "… nhiệm vụ sau:" / "- …" / "- …" / "Dịp này, UBND tỉnh tặng …": a paragraph with
                # no label after the list's labelled items ends it (a lower-case one goes on an item)
                ctx.intro_units, ctx.intro_support, ctx.intro_items_labelled = [], [], False
            ctx_units = ctx.colon_units or numbered_units or ctx.intro_units
        if lab and lab.kind in _BULLETS and ctx_units and ctx_units is ctx.intro_units:
            ctx.intro_items_labelled = True  # numbered items may have paragraphs of their own between them
        if parent_task and frame:
            ctx.frames.append(frame)  # a sub-item of a task belongs to that task
            continue
        number = next((f.label for f in reversed(ctx.frames) if f.label and f.label not in "-+•*·–—"), None)
        own_label = lab.label if lab and lab.label not in "-+•*·–—" and lab.kind != "heading" else number
        ctx.colon_units = [] if lab and lab.kind not in _BULLETS else ctx.colon_units
        intro_before = ctx.intro_units
        found_tasks, _ = _tasks_in_passage(block, body_off, body, fbody, own_label, ctx_units, ctx, labelled=bool(lab))
        if ctx.intro_units is not intro_before and ctx.intro_units and lab and lab.kind not in _BULLETS:
            ctx.intro_level = lab.level  # "1. Tổ công tác có nhiệm vụ:" / "a) …": the next "2." ends its list
        if len(found_tasks) == 1 and lab is None and tasks and _only_a_time(found_tasks[0]):
            # "Các đơn vị thực hiện trước ngày 25/3/2022." after the request: its time, no task
            # the last passage's tasks; where none gave any (field blocks, brackets), all so far
            for task in tasks[-last_found:] if last_found else tasks:
                if task.deadline is None:
                    task.deadline = found_tasks[0].deadline
            continue
        last_found = len(found_tasks) or last_found
        area = _area_lead_in(body, ref_year) if found_tasks else None
        for t in found_tasks if area else ():  # the passage's own area outranks its section's
            t.dimension, t.dimension_rule = area, "passage-lead-in"
        if frame:
            if found_tasks and lab_kind not in _BULLETS and ctx.colon_units:
                # "1. Sở Nội vụ: Chủ trì …" then bullets: the colon opens a list of that unit's tasks
                frame.kind, frame.units = "units", ctx.colon_units
                ctx.colon_units = []
            elif found_tasks:
                frame.kind = "task"
            ctx.frames.append(frame)
        if not found_tasks and not is_generic_addressee(body, fbody) and not body.rstrip().endswith(":"):
            fields.add_pending(_Pending(
                block, body_off, body, own_label, lab.level if lab else 99, tuple(ctx.frames)))
        tasks.extend(found_tasks)
        if inline and found_tasks:  # "- Sở X chủ trì …; thời gian: Quý IV/2025.": the item's own fields
            _complete(found_tasks, inline[1], ref_year, ctx.frames)
        elif inline:
            fields.take(inline[1])
    tasks.extend(fields.flush(ref_year, tasks[list_start:], ctx.frames))
    return tasks
