"""A document's own metadata from its header: number, type, date, issuer, province, title, signer.

Formal documents follow Nghị định 30/2020/NĐ-CP's layout (issuing body, "Số:", place-date
line, type heading, trích yếu); portal news items have a headline and a publication line.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from vanban.extract import admin
from vanban.extract.dates import find_dates
from vanban.extract.scan import cue_starts, cues, finditer_at
from vanban.extract.symbols import Symbol, find_symbols, heading_types, type_of_code, type_of_word
from vanban.ingest.normalize import fold
from vanban.schema.models import DocMeta, Evidence

HEADER_CHARS = 2500  # the header of a formal document sits well inside its first 2,500 characters
LONG_LINE = 220  # a line this long is body text, not header
LONG_TITLE = 400  # …but a subject under its type heading, its wrapped lines joined, may be longer


@dataclass
class Line:
    start: int
    end: int
    text: str  # stripped of table bars and markdown stars
    folded: str


# The header's two columns printed on one line, as a PDF's text layer often gives them: "ỦY
# BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc".
_MOTTO_AFTER = re.compile(r"\s+(?=cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia|doc\s+lap\s*[-–]\s*tu\s+do|dang\s+cong\s+san\s+viet)")


# Two header lines run into one, as a portal's header table or a PDF's text layer gives them:
# the parent body and the issuer ("UBND TỈNH GIA LAI SỞ NỘI VỤ"), the number and the subject
# ("Số: 1876/SNV-CCHC V/v hướng dẫn …").
_CHILD_AFTER_PARENT = re.compile(
    r"^(?:ubnd|uy ban nhan dan)\s+(?:tinh|thanh pho|huyen|quan|thi xa)\s+\S+(?:\s+\S+){0,3}?"
    r"(\s+)(?=(?:so|van phong|phong|ban|trung tam|chi cuc|cuc|thanh tra)\s)"
)
_SUBJECT_AFTER_NUMBER = re.compile(r"^so\s*:?[^\n]{1,40}?(\s+)(?=v/v\b|v\.v\b)")


def _split_at(ln: Line, at: int, to: int) -> list[Line]:
    return [Line(ln.start, ln.start + at, ln.text[:at], ln.folded[:at]),
            Line(ln.start + to, ln.end, ln.text[to:], ln.folded[to:])]


def _split_columns(ln: Line) -> list[Line]:
    """A header line holding the issuer's column and the motto's, as two lines; and two lines
    of one column run together (`_CHILD_AFTER_PARENT`, `_SUBJECT_AFTER_NUMBER`)."""
    f = ln.folded
    if ln.start >= HEADER_CHARS:
        return [ln]
    # the motto's words hold "cong" or "doc": a cheap test first, _MOTTO_AFTER tries every space
    m = _MOTTO_AFTER.search(f) if "cong" in f or "doc" in f else None
    if m is not None and _is_caps(ln.text[: m.start()]):
        left, right = _split_at(ln, m.start(), m.end())
        return [*_split_columns(left), right]
    if f.startswith(("so", "ubnd", "uy ban")):
        m = _SUBJECT_AFTER_NUMBER.match(f) or (_CHILD_AFTER_PARENT.match(f) if _is_caps(ln.text) else None)
        if m is not None:
            return _split_at(ln, m.start(1), m.end(1))
    return [ln]


def _lines(text: str, folded: str | None = None, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of `text[start:end]` (whole lines: `start` opens one, `end` is a newline or the
    end of the text), each table row ("ỦY BAN NHÂN DÂN | CỘNG HÒA …") split into its cells,
    and a header line holding both columns split in two (`_split_columns`)."""
    out = []
    pos = start
    if folded is None:
        folded = fold(text)  # once: folding keeps offsets, so a cell's fold is a slice of it
    for raw in (text if start == 0 and end is None else text[start:end]).split("\n"):
        line_start = pos
        pos += len(raw) + 1
        if "|" not in raw:  # most lines are one cell
            clean = raw.strip(" *#>\t")
            if not clean:
                out.append(Line(line_start, line_start, "", ""))
            else:
                s = line_start + len(raw) - len(raw.lstrip(" *#>\t"))
                out.extend(_split_columns(Line(s, s + len(clean), clean, folded[s : s + len(clean)])))
            continue
        if not raw.strip(" |*#>\t"):
            out.append(Line(line_start, line_start, "", ""))
            continue
        cell_start = line_start
        for cell in raw.split("|"):
            lead = len(cell) - len(cell.lstrip(" *#>\t"))
            clean = cell.strip(" *#>\t")
            if clean:
                s = cell_start + lead
                out.extend(_split_columns(Line(s, s + len(clean), clean, folded[s : s + len(clean)])))
            cell_start += len(cell) + 1
    return out


HEAD_LINES = 40  # the news rules look at the first 40 lines at most


def _head_lines(text: str, folded: str) -> list[Line]:
    """The first lines of `text`: every line opening within HEADER_CHARS, and at least
    HEAD_LINES lines. What the header and news rules read, without splitting the body."""
    end = text.find("\n", HEADER_CHARS)
    if end < 0:
        return _lines(text, folded)
    if text.count("\n", 0, end) + 1 < HEAD_LINES:  # each text line gives one Line or more
        for _ in range(HEAD_LINES - 1 - text.count("\n", 0, end)):
            end = text.find("\n", end + 1)
            if end < 0:
                return _lines(text, folded)
    return _lines(text, folded, 0, end)


def _header(lines: list[Line]) -> list[Line]:
    """Lines before the body: up to the first long line, within HEADER_CHARS."""
    out: list[Line] = []
    for i, ln in enumerate(lines):
        if ln.start > HEADER_CHARS or (len(ln.text) > LONG_LINE and i > 0 and not _long_subject(ln, out)):
            break
        out.append(ln)
    return out


def _long_subject(ln: Line, above: list[Line]) -> bool:
    """A subject line up to LONG_TITLE long right under its short type heading ("KẾ HOẠCH")."""
    prev = next((p for p in reversed(above) if p.text), None)
    return len(ln.text) <= LONG_TITLE and prev is not None and len(prev.text) <= 30 and _is_caps(prev.text)


_MOTTO = re.compile(
    r"^(?:cong\s+hoa|(?:chu\s+)?nghia\s+viet\s+nam|doc\s+lap|dang\s+cong\s+san\s+viet\s+nam|[-_=.\s*]+$)"
)
# "Số: 239/KH-UBND", "Số 45/BC-PNV", "Số: /SVHTTDL-VP" — not "SỞ NỘI VỤ", which folds alike
_NUMBER_LINE = re.compile(r"^so\s*(?:ky\s+hieu\s*)?(?::|\d|/)")
_PLACE_LINE = re.compile(r"^(?P<place>[^\W\d_][^,\n]{1,40}?)\s*,\s*ngay(?:\s|$)")
_SUBJECT_LINE = re.compile(r"^(?:v/v|v\.v|ve\s+viec)\b\s*:?\s*")
_BODY_START = re.compile(
    r"^(?:can\s+cu|thuc\s+hien|kinh\s+gui|trien\s+khai|de\s|nham\s|theo\s|tren\s+co\s+so|"
    r"[ivx]+\.\s|\d+(?:\.\d+)*\.?\s|[a-z]\)\s|-\s|\+\s|nam\s+\d{4}|ngay\s)"
)
_ORG_HEADS = (
    "uy ban nhan dan",
    "ubnd",
    "hoi dong nhan dan",
    "hdnd",
    "so ",
    "van phong",
    "phong ",
    "ban ",
    "bo ",
    "cuc ",
    "chi cuc",
    "trung tam",
    "tinh uy",
    "thanh uy",
    "huyen uy",
    "dang uy",
    "thanh tra",
    "cong an",
    "uy ban mat tran",
    "mat tran",
    "ban chi dao",
    "bch",
    "bo chi huy",
    "kho bac",
    "chi nhanh",
    "bao hiem xa hoi",
    "truong ",
    "benh vien",
    "doan ",
    "hoi ",
    "lien doan",
)
_LEVELS = ("tinh", "thanh pho", "huyen", "thi xa", "quan", "xa", "phuong", "thi tran", "tp.")


def _is_caps(s: str) -> bool:
    letters = "".join(filter(str.isalpha, s))  # filter and map loop in C, not in bytecode
    return len(letters) >= 3 and sum(map(str.isupper, letters)) / len(letters) > 0.85


def _starts_org(folded: str) -> bool:
    return folded.startswith(_ORG_HEADS)


def _starts_level(folded: str) -> bool:
    return any(folded.startswith(lv + " ") for lv in _LEVELS)


# ---------------------------------------------------------------- names in the usual case

_LOWER_WORDS = {"và", "của", "tỉnh", "huyện", "thành", "phố", "thị", "xã", "quận", "phường", "trấn"}
_ACRONYMS = {"ubnd": "UBND", "hdnd": "HĐND", "mttq": "MTTQ", "uy ban nhan dan": "UBND"}


def _sentence_case_name(caps: str) -> str:
    """ "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" → "Sở Văn hóa, Thể thao và Du lịch";
    "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" → "UBND tỉnh Lào Cai"."""
    text = re.sub(r"\s+", " ", caps).strip()
    if not _is_caps(text):
        return _short_ubnd(text)
    words = text.split(" ")
    out: list[str] = []
    place = False  # after a level word every word is a proper name
    new_segment = True
    i = 0
    while i < len(words):
        w = words[i]
        low = w.lower()
        pair = " ".join(words[i : i + 2]).lower()
        if pair in {"thành phố", "thị xã", "thị trấn"}:
            out.append(pair)
            place, new_segment = True, False
            i += 2
            continue
        if low in {"tỉnh", "huyện", "xã", "quận", "phường"} and out:
            out.append(low)
            place, new_segment = True, False
            i += 1
            continue
        if low in {"ủy", "uỷ"} and out and out[-1].lower() in {"tỉnh", "huyện", "thành", "thị", "đảng"}:
            # "HUYỆN ỦY PHÙ YÊN" → "Huyện ủy Phù Yên": the party committee, then its place
            out[-1] = out[-1].capitalize() if len(out) == 1 else out[-1]
            out.append("ủy")
            place, new_segment = True, False
            i += 1
            continue
        if fold(w) in {"ubnd", "hdnd", "mttq"}:
            out.append(w)
        elif low == "và":
            out.append("và")
            new_segment = True
            i += 1
            continue
        elif place or new_segment:
            out.append(w[:1].upper() + w[1:].lower())
        else:
            out.append(low)
        new_segment = w.endswith(",") or low in {"sở", "phòng", "ban", "bộ", "cục", "tâm", "đài", "báo"}
        i += 1
    return _short_ubnd(" ".join(out))


def _short_ubnd(name: str) -> str:
    name = re.sub(r"(?i)\b[UỦ][yỷ]\s+ban\s+nh[aâ]n\s+d[aâ]n\b", "UBND", name)
    name = re.sub(r"\bTP\.?\s?HCM\b", "thành phố Hồ Chí Minh", name)
    name = re.sub(r"(?i)\bH[oộ]i\s+đ[oồ]ng\s+nh[aâ]n\s+d[aâ]n\b", "HĐND", name)
    return re.sub(r"\s+", " ", name).strip(" ,.;:")


# ---------------------------------------------------------------- issuer helpers


_PARTY_PLACE = re.compile(r"(?:tỉnh|huyện|thành|thị|đảng)\s+[uủ][yỷ]\s+(?-i:[A-ZĐÂ])", re.IGNORECASE)


def _has_place(name: str) -> bool:
    if _PARTY_PLACE.search(name):  # "Huyện ủy Phù Yên" names its place
        return True
    return bool(admin.find_provinces(name) or admin.find_districts(name)) or bool(
        re.search(r"(?:tinh|huyen|thanh pho|thi xa|quan|xa|phuong|thi tran)\s+[a-z]", fold(name))
        and re.search(r"(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)\s+\S*[A-ZĐÂ]", name)
    )


def _place_phrase(place: str | None, province: str | None) -> str | None:
    """ "Lào Cai" (a province) → "tỉnh Lào Cai"; "Chương Mỹ" (a district) → "huyện Chương Mỹ"."""
    if place:
        short = admin.province_short(place)
        if short:
            return f"{admin.province_kind(short)} {short}"
        for _s, _e, label, prov in admin.find_districts("huyện " + place) + admin.find_districts(
            "thị xã " + place
        ):
            if prov and (province is None or prov == province):
                return label
    if province:
        return f"{admin.province_kind(province)} {province}"
    return None


def _complete(issuer: str, place: str | None, province: str | None) -> str:
    """Add the place an issuer's name leaves implicit: "UBND" → "UBND tỉnh Lào Cai",
    "Văn phòng UBND tỉnh" → "Văn phòng UBND tỉnh Lào Cai"."""
    if _has_place(issuer):
        return issuer
    phrase = _place_phrase(place, province)
    if not phrase:
        return issuer
    f = fold(issuer)
    for lv in ("thanh pho", "thi xa", "thi tran", "tinh", "huyen", "quan", "xa", "phuong"):
        if f.endswith(" " + lv):
            if fold(phrase).startswith(lv + " "):
                return issuer + phrase[len(lv) :]
            return issuer
    return f"{issuer} {phrase}"


def _acronym_words(code: str, text: str) -> str | None:
    """The name an issuer code abbreviates, found in the text by its initials:
    "SVHTTDL" ← "Sở Văn hóa, Thể thao và Du lịch", "VPUBND" ← "Văn phòng UBND"."""
    code = code.split("-")[0].split(".")[0]
    if len(code) < 3 or fold(code) in {"ubnd", "hdnd"}:
        return None
    target = fold(code)
    for m in re.finditer(
        r"(?<![\w])(?:Sở|Ban|Văn phòng|Phòng|Trung tâm|Chi cục|Cục|Bộ|Ủy ban|Thanh tra|Công an|Đài|Báo)\s",
        text,
    ):
        got = ""
        words: list[str] = []
        for w in re.finditer(r"[^\s,;.:()]+|,", text[m.start() : m.start() + 160]):
            tok = w.group(0)
            if tok == ",":
                words.append(",")
                continue
            f = fold(tok)
            if f == "va" and got:
                words.append(tok)
                continue
            piece = f if tok.isupper() and len(tok) > 1 else f[:1]
            if not target.startswith(got + piece):
                break
            got += piece
            words.append(tok)
            if got == target:
                return re.sub(r"\s+,", ",", " ".join(words)).strip(" ,")
    return None


def _header_issuer(header: list[Line], stop: int) -> tuple[str, Line] | None:
    """The issuing body from the header's org lines, before the "Số:" line."""
    org: list[Line] = []
    for ln in header:
        if ln.start >= stop:
            break
        if not ln.text or _MOTTO.match(ln.folded) or not _is_caps(ln.text) or _NUMBER_LINE.match(ln.folded):
            continue
        if _starts_org(ln.folded) or (_starts_level(ln.folded) and org):
            org.append(ln)
        elif org and len(ln.text) < 60 and not type_of_word(ln.text):
            org.append(ln)  # a name wrapped onto the next line
    if not org:
        return None
    units: list[list[Line]] = []
    for ln in org:
        if _starts_org(ln.folded) or not units:
            units.append([ln])
        else:
            units[-1].append(ln)
    names = [_sentence_case_name(" ".join(x.text for x in u)) for u in units]
    issuer = names[-1]
    if len(names) > 1:
        parent = names[-2]
        if fold(issuer) in {"van phong", "thanh tra", "ban quan ly"}:
            issuer = f"{issuer} {parent}"
        elif not _has_place(issuer):
            pm = re.search(r"(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)\s.*$", parent)
            if pm:
                issuer = f"{issuer} {pm.group(0)}"
    return issuer, units[-1][0]


# Subjects of a news item's headline or of a reported act: "Văn phòng UBND tỉnh thực hiện …",
# "Uỷ ban nhân dân huyện Phù Yên ban hành Kế hoạch …".
_ORG_NAME = r"""
    (?P<org>
      (?:(?:Văn\s+phòng|Thường\s+trực|Ban\s+Thường\s+vụ)\s+)?
      (?:UBND|HĐND|Ủy\s+ban\s+nhân\s+dân|Hội\s+đồng\s+nhân\s+dân|Tỉnh\s+ủy|Huyện\s+ủy|Thành\s+ủy)
      (?:\s+TP\.?\s?HCM\b|\s+(?:tỉnh|huyện|thành\s+phố|thị\s+xã|quận|xã|phường|thị\s+trấn|TP\.?)(?:\s+(?-i:[A-ZĐÂĂÊÔƠƯ])[\wÀ-ỹ]*){0,4})?
    |
      (?:Sở|Phòng|Ban|Trung\s+tâm|Chi\s+cục|Cục|Bộ)\s+(?-i:[A-ZĐ])[\wÀ-ỹ]*
      # its name's words, not a verb it goes on with ("Phòng Nội vụ tham mưu UBND huyện ban hành …")
      (?:,?\s+(?:và\s+)?(?!(?:tham\s+mưu|chủ\s+trì|phối\s+hợp|trình|đề\s+xuất|đề\s+nghị|hướng\s+dẫn)\b)[\wÀ-ỹ]+){0,7}?
    )
"""
_REPORT_VERBS = (
    r"(?:đã\s+|vừa\s+|chính\s+thức\s+)?(?:ban\s+hành|thực\s+hiện|triển\s+khai|tổ\s+chức|yêu\s+cầu|chỉ\s+đạo|"
    r"tuyên\s+truyền|tăng\s+cường|đẩy\s+mạnh|phát\s+động|quán\s+triệt|công\s+bố|nâng\s+cao|cải\s+thiện|"
    r"chủ\s+trì\s+(?:họp|cuộc\s+họp|hội\s+nghị|buổi)|họp|làm\s+việc|đối\s+thoại|đánh\s+giá|"
    # a news item's lead: "UBND TP.HCM vừa giao Sở …", "UBND tỉnh có văn bản đề nghị …"
    r"giao|đề\s+nghị|có\s+(?:công\s+văn|văn\s+bản))"
)
# "Chủ tịch UBND tỉnh yêu cầu …": the head speaks for the body (a person's name may follow the
# body's name: `_body_of_head` keeps only a known place)
_HEADLINE_ORG = re.compile(
    rf"^\s*(?P<head>(?:Phó\s+)?Chủ\s+tịch\s+)?{_ORG_NAME}\s+{_REPORT_VERBS}(?![\w])", re.VERBOSE | re.IGNORECASE
)
_BODY_LEVEL = re.compile(r"^(?:UBND|HĐND)\s+(?:tỉnh|huyện|thành\s+phố|thị\s+xã|quận|xã|phường|thị\s+trấn)", re.IGNORECASE)


def _body_of_head(m: re.Match[str]) -> str:
    """The body a headline's subject names; after a head's title, the words after "UBND tỉnh"
    stay only when they are a known place ("Chủ tịch UBND tỉnh Võ Văn Minh" → "UBND tỉnh")."""
    org = _short_ubnd(m.group("org"))
    if m.group("head") and not (admin.find_provinces(org) or admin.find_districts(org)):
        level = _BODY_LEVEL.match(org)
        if level:
            return level.group(0)
    return org


_ISSUED_BY = re.compile(
    rf"{_ORG_NAME}\s+(?:đã\s+|vừa\s+)?ban\s+hành\s+(?:(?:các|một\s+số)\s+)?(?=\w+\s+\w+)", re.VERBOSE
)
# Where _ISSUED_BY can match: at the first words of _ORG_NAME's alternatives (a scan for each
# first letter instead of the whole regex at every position), in a text that says "ban hành".
_ORG_CUES = cues(
    [r"Văn\s+phòng", r"Thường\s+trực", r"Ban", "UBND", "HĐND", r"Ủy\s+ban", r"Hội\s+đồng", r"Tỉnh\s+ủy"]
    + [r"Huyện\s+ủy", r"Thành\s+ủy", "Sở", "Phòng", r"Trung\s+tâm", r"Chi\s+cục", "Cục", "Bộ"]
)
_BAN_HANH = re.compile(r"ban\s+hành")
_NEXT_WORDS = re.compile(r"(\S+)(?:\s+(\S+))?")  # the next two words, as str.split() cuts them


def _issued_by(text: str) -> Iterator[re.Match[str]]:
    """`_ISSUED_BY.finditer(text)`, tried only where an organisation's name can open."""
    if not _BAN_HANH.search(text):
        return iter(())
    return finditer_at(_ISSUED_BY, text, cue_starts(text, *_ORG_CUES))


_HEADLINE_PLACE = re.compile(
    r"^\s*(?P<place>[A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,3})\s*(?::|\s+" + _REPORT_VERBS + ")"
)


# A news item's publication line; one regex per first letter (see scan.cues), each searched
# for its literal, instead of one alternation tried at every n, d, c, l and t.
_NEWS_META = cues(
    [r"ngay\s+dang", r"dang\s+ngay", r"ngay\s+cap\s+nhat", r"cap\s+nhat", r"ngay\s+xuat\s+ban", r"luot\s+xem"]
    + [r"thoi\s+gian\s+dang"]
)


# A portal's bare time stamp, with no label: "13:54 02-05-2019 | :312", "Thứ Hai, 12/02/2024 - 09:15"
_DATE_ALONE = re.compile(r"\s*(?:Ngày\s+)?\d{1,2}/\d{1,2}/\d{4}\s*")
_STAMP = re.compile(r"\b\d{1,2}\s*[:h]\s*\d{2}\b|\b(?:thu\s+(?:hai|ba|tu|nam|sau|bay)|chu\s+nhat)\b")


def _headline_evidence(head: Line, start: int, end: int, rule: str) -> Evidence:
    """Evidence for a span of the headline; none when the headline is the page's, not in the text
    (`extract_meta` makes it a Line at 0–0 from the title hint)."""
    if head.end == 0:
        return Evidence(start=0, end=0, rule="title-hint-" + rule)
    return Evidence(start=head.start + start, end=head.start + end, rule=rule)


def _same_row(left: Line, right: Line) -> bool:
    """Two cells of one table row ("12/03/2025 10:05 | Lượt xem: 2.031"), not two lines."""
    return 0 < right.start - left.end <= 8


def _news_meta_line(lines: list[Line]) -> Line | None:
    for i, ln in enumerate(lines[:40]):
        folded = ln.folded
        for cue in _NEWS_META:
            if cue.search(folded):
                prev = lines[i - 1] if i else None
                # "12/03/2025 10:05 | Lượt xem: 2.031": the label's cell has no date, the
                # cell before it on the same row has
                if prev is not None and _same_row(prev, ln) and not find_dates(ln.text):
                    if find_dates(prev.text):
                        return prev
                return ln
    head = lines[:8]
    for i, ln in enumerate(head):  # no labelled line: a short line near the top that is a date and a time
        if len(ln.text) > 60 or not find_dates(ln.text):
            continue
        if _STAMP.search(ln.folded) or _DATE_ALONE.fullmatch(ln.text):
            return ln  # "20/7/2022 16:18", or "02/06/2021" alone on its line
        nxt = head[i + 1] if i + 1 < len(head) else None
        if nxt is not None and _same_row(ln, nxt) and _STAMP.search(nxt.folded):
            return ln  # "Ngày 25/04/2024 | 09:50": the time in the next cell of the row
    return None


# A news item's lead sentence opening with the body that acts: "(dongnai.gov.vn) Sáng 11/3, UBND
# tỉnh Đồng Nai phối hợp với … tổ chức Hội nghị …", "Chiều ngày 21/02/2024, UBND huyện Thanh Hà
# tổ chức …": a source tag, then a time phrase, then the name and its verb.
_LEAD_ORG = re.compile(
    rf"""^\s*(?:\([^()\n]{{1,40}}\)\s*[-–]?\s*|[A-ZĐ]{{2,10}}\s*[-–]\s*)?
    (?:(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm\s+nay|Vừa\s+qua|Mới\s+đây|Trong\s+(?:ngày|hai\s+ngày))[^,.\n]{{0,30}},\s*)?
    (?:(?:Theo|Thực\s+hiện)\s+[^,\n]{{0,80}},\s*)?  # "Theo Công văn số 3517/UBND ngày 18/7/2022, UBND huyện …"
    # "UBND TP.HCM vừa xác định …": a news lead's "vừa" before any verb
    {_ORG_NAME}\s+(?:{_REPORT_VERBS}|vừa(?=\s+(?-i:[a-zđà-ỹ]))|phối\s+hợp\s+với|có\s+Công\s+văn)(?![\w])""",
    re.VERBOSE,
)


def _lead_org(lines: list[Line], after: Line | None) -> tuple[Line, re.Match[str]] | None:
    """The acting body named by the first paragraph after the headline or publication line."""
    below = (ln for ln in lines if after is None or ln.start >= after.end)
    for ln in itertools.islice(below, 6):
        if len(ln.text.split()) < 12:
            continue
        m = _LEAD_ORG.match(ln.text)
        return (ln, m) if m else None
    return None


def _lead_issuer(ln: Line, m: re.Match[str]) -> tuple[str, Evidence]:
    """The issuer `_lead_org` found, and where."""
    return _short_ubnd(m.group("org")), Evidence(start=ln.start + m.start("org"), end=ln.start + m.end("org"),
                                                 rule="lead-subject")


_NEWS_SKIP = re.compile(
    r"^(?:(?:image|banner|trang\s+chu|tin\s+tuc|chia\s+se|in\s+bai|print|share|home|"
    # a portal's furniture above the headline: font-size buttons, its own name, a section's label,
    # a letter's addressees ("Kính gửi: …", "- Hiệu trưởng các trường …")
    r"tang\s+co\s+chu|giam\s+co\s+chu|cong\s+thong\s+tin\s+dien\s+tu|trang\s+thong\s+tin\s+dien\s+tu|"
    r"tin\s+chi\s+dao\s+dieu\s+hanh|chu\s+de\s+cong\s+tac|kinh\s+gui)\b|[-–+•]\s)"
)


def _headline(lines: list[Line], title_hint: str | None, meta: Line | None) -> Line | None:
    """The headline: before the publication line `meta`, else like the title hint, else the
    first line of headline length."""
    if meta is not None:
        idx = lines.index(meta)
        before = meta.text.split("Ngày đăng")[0].strip() if fold(meta.text).find("ngay dang") > 0 else ""
        if before and len(before.split()) >= 5:
            return Line(meta.start, meta.start + len(before), before, fold(before))
        for ln in reversed(lines[:idx]):
            if ln.text and not _is_caps(ln.text) and len(ln.text.split()) >= 4:
                return ln
    if title_hint:
        hint = set(re.findall(r"\w+", fold(title_hint)))
        for ln in lines[:30]:
            got = set(re.findall(r"\w+", ln.folded))
            if hint and got and len(hint & got) / max(len(hint), len(got)) >= 0.8:
                return ln
        if len(hint) >= 5:
            return None  # a page's headline the article's text left out (an <h1> above it)
    for ln in lines[:30]:
        n = len(ln.text.split())  # cheaper than _is_caps on a long paragraph: test it first
        if not 5 <= n <= 60 or ln.text.endswith(":"):
            continue
        if _NEWS_SKIP.match(ln.folded) or _is_caps(ln.text):
            continue
        if n > HEADLINE_WORDS and ln.text.endswith("."):
            return None  # the body's first sentence: the page's headline was left out
        return ln
    return None


HEADLINE_WORDS = 20  # a line ending in a full stop past this many words is a sentence, no headline


def _subject_goes_on(prev: Line, ln: Line) -> bool:
    """A "V/v" line wrapped in the header's narrow column: the next line is short and neither
    ends the sentence nor opens the body ("V/v … nâng cao Chỉ số" / "PAPI năm 2024")."""
    if ln.start <= prev.end + 1:
        return True  # the same block: ingest joined the wrap already
    return (len(ln.text) <= 80 and not prev.text.endswith((".", ":", ";"))
            and not ln.text.endswith((".", ":", ";")) and not _BODY_OPENING.match(ln.folded))


# The first words of a letter's body, after its header: "Thực hiện …", "Căn cứ …", "Để …"
_BODY_OPENING = re.compile(r"(?:thuc\s+hien|can\s+cu|de|theo|nham|tiep\s+theo|ngay\s+\d)\b")


def _title_formal(header: list[Line], after: int, heading: Line | None) -> list[Line]:
    """The trích yếu: lines under the type heading, a "V/v" subject, or the caps title."""
    subj = [ln for ln in header if _SUBJECT_LINE.match(ln.folded)]
    if subj:
        first = subj[0]
        idx = header.index(first)
        subject = [first]
        for j, ln in enumerate(header[idx + 1 : idx + 8], idx + 1):
            if not ln.text:
                continue  # ingest sets each line it did not join apart with a blank line
            if _PLACE_LINE.match(ln.folded) or _MOTTO.match(ln.folded) or len(subject) == 4:
                break
            if _enacts(subject[-1], ln, header[j + 1 :]):
                break
            if re.match(r"(?:kinh\s+gui|so\s*:)", ln.folded) or _is_caps(ln.text) != _is_caps(first.text):
                break
            if not _subject_goes_on(subject[-1], ln):
                break
            subject.append(ln)
        return subject
    start_idx = 0
    if heading is not None:
        start_idx = header.index(heading) + 1
    else:
        for i, ln in enumerate(header):
            if ln.start >= after:
                start_idx = i
                break
        else:
            return []
    out: list[Line] = []
    rest = header[start_idx:]
    for i, ln in enumerate(rest):
        if not ln.text:
            if out and not _caps_title_goes_on(out, rest[i + 1 : i + 2]):
                break
            continue
        if _MOTTO.match(ln.folded) or _PLACE_LINE.match(ln.folded) or _NUMBER_LINE.match(ln.folded):
            if out:
                break
            continue
        if heading is None and not out and not _is_caps(ln.text):
            break  # without a heading the title is the caps block
        if not out and _ARTICLE_LINE.match(ln.folded):
            break  # "Điều 1. Ban hành kèm theo …": the body has begun, the subject line was left out
        if heading is not None and not out and _is_caps(ln.text) and ln.folded.startswith("cua "):
            continue  # "CHỈ THỊ" / "CỦA BAN THƯỜNG VỤ THÀNH ỦY" / "về …": who issues it, not its subject
        if out and (_is_caps(ln.text) != _is_caps(out[0].text)):
            break
        if out and ((_BODY_START.match(ln.folded) and not _is_caps(ln.text)) or len(ln.text) > 160):
            break
        if not out and len(ln.text) > (LONG_TITLE if heading is not None else LONG_LINE):
            break  # under a type heading ("THÔNG BÁO"), a subject joined onto one line may run long
        if _is_caps(ln.text) and re.match(r"^(?:chu\s+tich|giam\s+doc|truong\s+ban|bo\s+truong)", ln.folded):
            break
        if out and _enacts(out[-1], ln, rest[i + 1 :]):
            break
        out.append(ln)
        if len(out) >= 4 or ln.text.endswith((".", ":")):
            break
    return out


_GREETING = re.compile(r"(?:dong\s+)?kinh\s+gui\s*:")
_ARTICLE_LINE = re.compile(r"dieu\s+\d{1,3}\s*[.:]")
_DOC_HEADLINE = re.compile(
    r"^\s*(?:Công\s+văn|Kế\s+hoạch|Quyết\s+định|Chỉ\s+thị|Thông\s+báo|Báo\s+cáo|Hướng\s+dẫn|Công\s+điện)\s+số\s*:?\s*\d",
    re.IGNORECASE,
)
_DATED = re.compile(r"\s*,?\s*ngày\s+\d{1,2}\s*(?:/|-|tháng)", re.IGNORECASE)
_HEADLINE_SUBJECT = re.compile(r"\s(?i:v/v|về\s+việc)\s+(?P<subject>\S.*)$")


# The body that enacts a Quyết định or Chỉ thị, on its own line between the title and "Căn cứ …"
# or "QUYẾT ĐỊNH:": "ỦY BAN NHÂN DÂN TỈNH", "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ".
_ENACTING = re.compile(r"^(?:chu\s+tich\s+)?(?:uy\s+ban\s+nhan\s+dan|ubnd|hoi\s+dong\s+nhan\s+dan)\b")
_ENACTED = re.compile(r"(?:can\s+cu\b|(?:quyet\s+dinh|chi\s+thi|quyet\s+nghi)\s*:)")


def _enacts(prev: Line, ln: Line, following: list[Line]) -> bool:
    """`ln`, under the title line `prev`, is the enacting body's line: the next line reads "Căn
    cứ …" or "QUYẾT ĐỊNH:", or the header ends there. A title wrapped after "CỦA" goes on ("… CỦA"
    / "ỦY BAN NHÂN DÂN TỈNH NHIỆM KỲ …")."""
    if len(ln.text) > 60 or not _ENACTING.match(ln.folded) or prev.folded.endswith((" cua", " va", " cho")):
        return False
    nxt = next((x for x in following if x.text), None)
    return nxt is None or bool(_ENACTED.match(nxt.folded))  # None: the body's first long line is next


# Words a caps line opens with when it starts the body or names the signer, not a title's tail.
_NOT_TITLE_TAIL = re.compile(
    r"(?:chu\s+tich|giam\s+doc|truong\s+ban|bo\s+truong|uy\s+ban|ubnd|hoi\s+dong|quyet\s+dinh|"
    r"phan\s|muc\s|chuong\s|dieu\s|phu\s+luc|kinh\s+gui|noi\s+nhan)"
)


def _caps_title_goes_on(out: list[Line], following: list[Line]) -> bool:
    """A caps title a PDF printed with a blank line inside it: "NHIỆM VỤ … CHỈ SỐ PAPI TỈNH",
    blank, "LÀO CAI NĂM 2022". The tail is a short caps line that opens no section, no body
    and no signature, under a title line that did not end a sentence."""
    if not following or len(out) >= 4 or not _is_caps(out[0].text) or out[-1].text.endswith((".", ":", ";")):
        return False
    nxt = following[0]
    return (bool(nxt.text) and len(nxt.text) <= 80 and _is_caps(nxt.text) and not nxt.text.endswith(":")
            and not _BODY_START.match(nxt.folded) and not _NOT_TITLE_TAIL.match(nxt.folded)
            and not _MOTTO.match(nxt.folded) and not _PLACE_LINE.match(nxt.folded)
            and not _NUMBER_LINE.match(nxt.folded))


_SIGN_MARK_RE = r"(?:kt|tm|tl|tuq|q|ktl)\s*\.\s*\S"
_ROLE_RE = (
    r"(?:pho\s+)?(?:chu\s+tich|giam\s+doc|chanh\s+van\s+phong|truong\s+(?:ban|phong)|bi\s+thu|bo\s+truong|"
    r"thu\s+truong|cuc\s+truong|chanh\s+thanh\s+tra|tong\s+giam\s+doc|nguoi\s+ky|ky\s+thay)"
)
_SIGN_MARK = re.compile("^" + _SIGN_MARK_RE)
_ROLE = re.compile("^" + _ROLE_RE)
_PERSON = re.compile(r"^[A-ZĐ][a-zà-ỹđ]+(?:\s+[A-ZĐ][a-zà-ỹđ]+){1,4}$")
# _SIGN_MARK, else _ROLE (then group "role"), in one match per line
_MARK_OR_ROLE = re.compile(f"^{_SIGN_MARK_RE}|(?P<role>^{_ROLE_RE})")
# Where a line or a table cell of the folded text opens with a mark or a role: every line
# _MARK_OR_ROLE matches is found (and a few more), so the signer is looked for near them only.
# Each cue opens with a literal, which `re` scans for fast (a "^" under re.MULTILINE is not).
_OPENS_SIGN = rf"[ *#>\t]*(?:{_SIGN_MARK_RE}|{_ROLE_RE})"
_SIGN_CUES = (re.compile(rf"\n(?={_OPENS_SIGN})"), re.compile(rf"\|(?={_OPENS_SIGN})"))
_SIGN_AT_START = re.compile(_OPENS_SIGN)
SIGNER_REACH = 10  # a text line holding a mark and the text lines _signer may read after it


def _signer_spans(text: str, folded: str) -> list[tuple[int, int]]:
    """The stretches of text `_signer` needs, in order: each text line that may open with a
    mark or role (a cell of it may), and the SIGNER_REACH - 1 text lines after it (each text
    line gives one Line or more, so they hold the 9 Lines `_signer_in` reads after a mark)."""
    starts = {folded.rfind("\n", 0, p + 1) + 1 for p in cue_starts(folded, *_SIGN_CUES)}  # p: "\n" or "|"
    if _SIGN_AT_START.match(folded):
        starts.add(0)
    spans: list[tuple[int, int]] = []
    for start in sorted(starts):
        end = start - 1
        for _ in range(SIGNER_REACH):
            end = text.find("\n", end + 1)
            if end < 0:
                end = len(text)
                break
        if spans and start <= spans[-1][1]:  # overlaps the stretch before: one stretch
            start = spans.pop()[0]
        spans.append((start, end))
    return spans


def _signer(text: str, folded: str) -> Line | None:
    """The signer's name under the last signature mark or role that has one: `_signer_in` over
    the lines of the whole text, but only the lines near a mark are split."""
    for start, end in reversed(_signer_spans(text, folded)):
        found = _signer_in(_lines(text, folded, start, end))
        if found is not None:
            return found
    return None


def _signer_in(lines: list[Line]) -> Line | None:
    marks = [
        i
        for i, ln in enumerate(lines)
        if (m := _MARK_OR_ROLE.match(ln.folded)) and (m["role"] is None or _is_caps(ln.text))
    ]
    for i in reversed(marks):
        for ln in lines[i + 1 : i + 10]:
            if not ln.text or _ROLE.match(ln.folded) or ln.text.startswith("("):
                continue
            name = ln.text.strip("*_ ")
            if _PERSON.match(name):
                return Line(ln.start, ln.start + len(name), name, fold(name))
            if _is_caps(name) and 2 <= len(name.split()) <= 5 and not _MOTTO.match(fold(name)):
                titled = " ".join(w[:1] + w[1:].lower() for w in name.split())
                if _PERSON.match(titled) and not _ROLE.match(fold(name)):
                    return Line(ln.start, ln.start + len(name), titled, fold(name))
            if re.match(r"^(?:noi\s+nhan|\d)", ln.folded):
                break
    return None


def _text_province(text: str) -> str | None:
    """The province the text names most; where it names none, that of the districts it names
    ("UBND huyện Anh Sơn" is in Nghệ An)."""
    counts: dict[str, int] = {}
    for _s, _e, short in admin.find_provinces(text):
        counts[short] = counts.get(short, 0) + 1
    if not counts:
        for _s, _e, _label, prov in admin.find_districts(text):
            if prov:
                counts[prov] = counts.get(prov, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _province_of(name: str | None, hint: str | None) -> str | None:
    if not name:
        return None
    found = admin.find_provinces(name)
    if found:
        return found[-1][2]
    for _s, _e, label, prov in admin.find_districts(name):
        return prov or admin.province_of_district(label, hint)
    return None


def extract_meta(
    text: str, title_hint: str | None = None, date_hint: dt.date | None = None, site_hint: str | None = None
) -> DocMeta:
    """The document's own metadata (SCHEMA.md `doc`), each field with its Evidence."""
    folded = fold(text)
    lines = _head_lines(text, folded)  # the body's lines are split for the signer only
    header = _header(lines)
    ev: dict[str, Evidence] = {}
    meta = DocMeta()

    # Number: a "Số:" line at the head of a line of the header.
    own: Symbol | None = None
    number_line: Line | None = None
    for ln in header:
        if _NUMBER_LINE.match(ln.folded) and ln.text[:1] in "SsS":
            syms = [s for s in find_symbols(ln.text) if s.start < 40]
            if syms:
                own, number_line = syms[0], ln
                meta.number = own.number
                ev["number"] = Evidence(
                    start=ln.start + own.start, end=ln.start + own.end, rule="header-so-line"
                )
                break

    # Place-date line: "Lào Cai, ngày 30 tháng 6 năm 2022".
    place = None
    place_line: Line | None = None
    for ln in header:
        m = _PLACE_LINE.match(ln.folded)
        if m and ln.text[:1].isupper() and len(ln.text) < 90:
            place_line = ln
            place = ln.text[m.start("place") : m.end("place")].strip()
            dates = find_dates(ln.text)
            if dates:
                meta.issue_date = dates[0][2]
                ev["issue_date"] = Evidence(
                    start=ln.start + dates[0][0], end=ln.start + dates[0][1], rule="place-date-line"
                )
            break

    # A portal posting a document under a headline of its number, date and subject ("Công văn số
    # 415/SNV-CCHC ngày 12/3/2024 V/v góp ý dự thảo …", then "Đăng ngày: 14/03/2024"): that line
    # is the document's own header, not a news item's headline.
    headline_header = False
    if number_line is None and place_line is None:
        first = next((ln for ln in header[:4] if ln.text), None)
        m = _DOC_HEADLINE.match(first.text) if first is not None else None
        syms = [x for x in find_symbols(first.text) if x.start < 40] if m else []
        # its date right after the number: "Kế hoạch số 99/KH-UBND về …" alone may be news of it
        if syms and not _DATED.match(first.text, syms[0].end):
            syms = []
        if syms:
            headline_header, own, number_line = True, syms[0], first
            meta.number = own.number
            ev["number"] = Evidence(start=first.start + own.start, end=first.start + own.end, rule="headline-so")
            dates = find_dates(first.text[own.end:own.end + 40])
            if dates:
                meta.issue_date = dates[0][2]
                ev["issue_date"] = Evidence(start=first.start + own.end + dates[0][0],
                                            end=first.start + own.end + dates[0][1], rule="headline-ngay")

    news = number_line is None and place_line is None

    # Type: the symbol's code, else the heading line, else a "V/v" letter, else a news item.
    heading: Line | None = None
    for ln in header:
        if _is_caps(ln.text) and re.sub(r"\s+", " ", ln.folded).strip(" :") in heading_types():
            heading = ln
            break
    if own is not None and own.type:
        meta.type = own.type
        ev["type"] = ev["number"].model_copy(update={"rule": "symbol-code"})
    elif heading is not None and not news:
        meta.type = type_of_word(heading.text)
        ev["type"] = Evidence(start=heading.start, end=heading.end, rule="type-heading")
    elif not news and (own is not None or any(_SUBJECT_LINE.match(ln.folded) for ln in header)):
        meta.type = "Công văn"
        ev["type"] = Evidence(
            start=(number_line or place_line or header[0]).start,
            end=(number_line or place_line or header[0]).end,
            rule="letter-no-type-code",
        )
    elif news and (greeting := next((ln for ln in lines[:15] if _GREETING.match(ln.folded)), None)):
        # a letter copied without its header: "Kính gửi: Sở Nội vụ các tỉnh, …" addresses, no news does
        meta.type = "Công văn"
        ev["type"] = Evidence(start=greeting.start, end=greeting.end, rule="letter-kinh-gui")
    elif news:
        meta.type = "Tin bài"
        ev["type"] = Evidence(start=0, end=0, rule="news-no-so-line")

    # a page whose text names no province may still name it in its headline or the portal's
    # name ("… của tỉnh Quảng Trị", "Cổng thông tin điện tử tỉnh Lâm Đồng")
    text_province = next((p for t in (text, title_hint, site_hint) if t and (p := _text_province(t))), None)

    if not news:
        # Issuer: the header's org lines; else the symbol's issuer code spelt out in the body.
        stop = min(x.start for x in (number_line, place_line) if x is not None)
        got = _header_issuer(header, stop)
        issuer = None
        if got:
            issuer, where = got
            ev["issuer"] = Evidence(start=where.start, end=where.end, rule="header-org-lines")
        if own is not None and (issuer is None or fold(issuer) in {"ubnd", "hdnd"}):
            code = own.issuer_code.split("-")[0]
            spelt = _acronym_words(code, text)
            if spelt:
                issuer = _short_ubnd(spelt)
                ev["issuer"] = Evidence(
                    start=ev["number"].start, end=ev["number"].end, rule="symbol-issuer-acronym"
                )
            elif issuer is None and fold(code) in {"ubnd", "hdnd"}:
                issuer = "UBND" if fold(code) == "ubnd" else "HĐND"
                ev["issuer"] = Evidence(
                    start=ev["number"].start, end=ev["number"].end, rule="symbol-issuer-code"
                )
        if issuer:
            province_hint = admin.province_short(place) if place else None
            if not province_hint and place:
                province_hint = admin.province_of_district(place, text_province)
            meta.issuer = _complete(issuer, place, province_hint or text_province)
        meta.province = _province_of(meta.issuer, text_province)
        if not meta.province and place:
            meta.province = admin.province_short(place) or admin.province_of_district(place, text_province)
        if not meta.province:
            meta.province = text_province
        title_lines = _title_formal(
            header, max(x.end for x in (number_line, place_line) if x is not None), heading
        )
        subject = _HEADLINE_SUBJECT.search(number_line.text) if headline_header and number_line else None
        if subject:
            meta.title = subject.group("subject").strip().rstrip(".")
            ev["title"] = Evidence(start=number_line.start + subject.start("subject"),
                                   end=number_line.start + subject.end("subject"), rule="headline-v-v")
        elif title_lines:
            title = " ".join(x.text for x in title_lines)
            subject = _SUBJECT_LINE.match(fold(title))
            if subject and fold(title).startswith(("v/v", "v.v")):
                title = title[subject.end() :]
            meta.title = re.sub(r"\s+", " ", title).strip()
            ev["title"] = Evidence(start=title_lines[0].start, end=title_lines[-1].end, rule="trich-yeu")
        if meta.issue_date is None and date_hint:
            meta.issue_date = date_hint
            ev["issue_date"] = Evidence(start=0, end=0, rule="date-hint")
        sign = _signer(text, folded)
        if sign:
            meta.signer = sign.text
            ev["signer"] = Evidence(start=sign.start, end=sign.end, rule="signature-block")
    else:
        mline = _news_meta_line(lines)
        head = _headline(lines, title_hint, mline)
        if head is not None:
            meta.title = head.text
            ev["title"] = Evidence(start=head.start, end=head.end, rule="news-headline")
        elif title_hint:
            meta.title = title_hint.strip()
            ev["title"] = Evidence(start=0, end=0, rule="title-hint")
            head = Line(0, 0, meta.title, fold(meta.title))  # its subject may name the issuer
        if mline is not None:
            dates = find_dates(mline.text)
            if dates:
                meta.issue_date = dates[0][2]
                ev["issue_date"] = Evidence(
                    start=mline.start + dates[0][0], end=mline.start + dates[0][1], rule="news-date-line"
                )
        if meta.issue_date is None and date_hint:
            meta.issue_date = date_hint
            ev["issue_date"] = Evidence(start=0, end=0, rule="date-hint")
        # Issuer: the headline's subject, else the body that "ban hành" a document, else the
        # place the headline opens with ("Chương Mỹ triển khai …", "Phù Yên: …").
        issuer = None
        if head is not None:
            m = _HEADLINE_ORG.match(head.text)
            if m:
                issuer = _body_of_head(m)
                ev["issuer"] = _headline_evidence(head, m.start("org"), m.end("org"), "headline-subject")
        after = max((x for x in (head, mline) if x is not None), key=lambda x: x.start, default=None)
        lead = _lead_org(lines, after) if issuer is None else None
        if lead is not None and _has_place(lead[1].group("org")):
            issuer, ev["issuer"] = _lead_issuer(*lead)
        if issuer is None:
            best = None
            for m in _issued_by(text):
                # the lookahead puts a word at m.end(): no need to split the rest of the text
                words = _NEXT_WORDS.match(text, m.end())
                assert words is not None
                if not type_of_word(" ".join(w for w in words.groups() if w)) and not type_of_word(words[1]):
                    continue  # "ban hành Kế hoạch …", not "ban hành nhiều văn bản"
                if best is None or (_has_place(m.group("org")) and not _has_place(best.group("org"))):
                    best = m
            if best is not None:
                issuer = _short_ubnd(best.group("org"))
                ev["issuer"] = Evidence(start=best.start("org"), end=best.end("org"), rule="body-ban-hanh")
        if issuer is None and head is not None:
            m = _HEADLINE_PLACE.match(head.text)
            if m:
                phrase = _place_phrase(m.group("place"), text_province)
                if phrase:
                    issuer = f"UBND {phrase}"
                    ev["issuer"] = _headline_evidence(head, m.start("place"), m.end("place"), "headline-place")
        if issuer is None and lead is not None and not lead[1].group("org").startswith(("Bộ", "Cục")):
            # "UBND tỉnh có Công văn số 3300/UBND-TH …" with no place: less than the rules above
            # say, but the body acting all the same (its province added where the page names one;
            # a ministry's or a department's lead, "Bộ Nội vụ công bố …", is news about the province)
            issuer, ev["issuer"] = _lead_issuer(*lead)
        if issuer:
            meta.issuer = _complete(issuer, None, text_province)
        meta.province = _province_of(meta.issuer, text_province) or text_province

    if meta.province:
        meta.province_2025 = admin.province_2025(meta.province)
        if meta.issue_date and meta.issue_date >= admin.PROVINCES_MERGED and meta.province_2025:
            # after the merger the old province no longer issues anything: "UBND phường Trà
            # Vinh" in October 2025 belongs to Vĩnh Long
            meta.province = meta.province_2025
        if "province" not in ev and meta.issuer:
            ev["province"] = ev.get("issuer", Evidence(start=0, end=0, rule="")).model_copy(
                update={"rule": "issuer-province"}
            )
    if meta.type is None and own is not None:
        meta.type = type_of_code(own.code, own.party)
    meta.evidence = ev
    return meta
