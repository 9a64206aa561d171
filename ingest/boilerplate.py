"""Portal furniture (visit counters, log-in links, comment boxes, footers) out of the body.

Pages copied from provincial portals carry the site around the article; the rules are
general markers kept as data below, so a new portal's furniture is a data change.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

# A line that is furniture on its own, wherever it stands (matched against the stripped line).
FURNITURE_LINES: tuple[str, ...] = (
    r"thống kê truy cập",
    r"[•\-*]?\s*(?:đang online|đang truy cập|hôm nay|hôm qua|trong tuần|tuần trước|trong tháng"
    r"|tháng trước|tất cả|tổng truy cập|tổng lượt truy cập|lượt truy cập)\s*:?\s*[\d.,]*",
    r"đăng nhập",
    r"đăng xuất",
    r"image banner",
    r"banner",
    r"lượt xem\s*:?\s*[\d.,]+",
    r"trung bình\s*\(\s*\d+\s*bình chọn\s*\)",
    r"file văn bản đính kèm\s*:?",
    r"(?:file|tệp|tập tin|tài liệu) đính kèm\s*:?.*",  # "File đính kèm: KH 215 cai thien PAPI.pdf"
    r"chung nhan tin nhiem mang|chứng nhận tín nhiệm mạng",
    r"(?:in bài viết|gửi email|gửi bài viết|chia sẻ|bản in|quay lại|về đầu trang|lên đầu trang)",
    # a share bar: "Chia sẻ: Facebook | Zalo | In bài"
    r"(?:chia sẻ|share)\s*:?(?:\s*\|?\s*(?:facebook|zalo|twitter|email|e-mail|in bài|bản in|gửi bài|tweet))+\s*\|?",
)

# Short navigation words: furniture only in the trailing run after the article.
TRAILING_NAV: tuple[str, ...] = (
    r"tin tức", r"tin liên quan", r"các tin khác", r"tin khác", r"xem thêm", r"trang chủ", r"liên hệ",
    r"sơ đồ (?:cổng|trang)",
)

# A line that starts the comment box: it and everything after it go.
CUT_FROM: tuple[str, ...] = (
    r"ý kiến bạn đọc",
    r"gửi ý kiến(?: của bạn)?",
    r"bình luận",
)

# The heading of a list of other articles' headlines ("Tin liên quan", "CÁC TIN KHÁC"): it and
# everything after it go, once the article's body has begun (a line of BODY_LINE characters
# above it); in a sidebar above the article it is left to the trailing-run rule.
RELATED_FROM: tuple[str, ...] = (
    r"(?:các\s+)?tin(?:\s+bài)?\s+(?:liên quan|khác|cùng chuyên mục|cùng loại|đã đưa|mới hơn|cũ hơn)\s*:?",
    r"(?:các\s+)?bài\s+(?:viết\s+)?(?:liên quan|khác|cùng chuyên mục)\s*:?",
    r"tin\s+(?:mới|mới nhất|xem nhiều|nổi bật|đọc nhiều)\s*:?",
)
BODY_LINE = 120

# Footer markers: where two or more of them sit together near the end, the footer starts at
# the first (with a site-name line just above it).
FOOTER_MARKERS: tuple[str, ...] = (
    r"cơ quan chủ quản\s*:",
    r"giấy phép(?: xuất bản| thiết lập| hoạt động)?\b.*(?:số|\d)",
    r"chịu trách nhiệm(?: quản lý)? nội dung\s*:",
    r"chịu trách nhiệm chính\s*:",
    r"điện thoại\s*:",
    r"địa chỉ\s*:",
    r"e-?mail\s*:",
    r"ghi rõ nguồn",
    r"bản quyền thuộc|copyright|©",
)
SITE_NAME = r"(?:cổng|trang) thông tin điện tử\b.*"

# Inline furniture stripped from a line that also carries content:
# "Ngày đăng 10/06/2024 | 11:03 | Lượt xem: 62" keeps its date. Each pattern comes with words
# it cannot match without, looked for first: a pattern opening with "\s*" is tried at every
# position of every line.
INLINE_STRIP: tuple[tuple[str, str], ...] = (("lượt xem", r"\s*\|?\s*lượt xem\s*:?\s*[\d.,]+\s*$"),)


# --- the rules as regexes, alternatives factored by their first letter ---------------------
# Every line of a page is matched against these rules and nearly none is furniture. The
# regex engine enters each IGNORECASE alternative of an alternation to find that its first
# letter does not fit, but skips an alternative opening with a case-sensitive class on the
# spot. So the alternatives are grouped by first letter behind a class of its case forms,
# "(?-i:[tT])(?:hống kê truy cập|rung bình …)": same matches, a third of the work.

# The case forms IGNORECASE gives a letter besides its lower and upper case (tests check them).
_CASE_PARTNERS = {"i": "İı", "k": "\u212a", "s": "ſ"}
_QUANTIFIERS = "?*+{"


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth before it) for each character of `pattern` from `start`
    that is neither escaped nor inside a character class: the ones that shape the pattern."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 1 + (pattern[i + 1 : i + 2] == "^")
            i += pattern[i : i + 1] == "]"  # a "]" first in a class is a literal
            continue
        else:
            yield i, ch, depth
            depth += (ch == "(") - (ch == ")")
        i += 1


def _top_level(pattern: str) -> list[tuple[int, int]]:
    """(start, end) of the top-level alternatives of `pattern`: a "|" inside a group or a
    class does not split."""
    spans, start = [], 0
    for i, ch, depth in _structure(pattern):
        if ch == "|" and depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(pattern)))
    return spans


def _group_end(pattern: str, open_at: int) -> int:
    """Index of the ")" closing the group opened at `open_at`."""
    for i, ch, depth in _structure(pattern, open_at):
        if ch == ")" and depth == 1:
            return i
    raise ValueError(f"unbalanced group in {pattern!r}")


def _factor_groups(alternative: str) -> str:
    """`alternative` with the inside of each of its (?:…) groups factored."""
    out, i = [], 0
    while (at := alternative.find("(?:", i)) >= 0:
        if at and alternative[at - 1] == "\\":  # an escaped "(" is no group
            out.append(alternative[i : at + 1])
            i = at + 1
            continue
        end = _group_end(alternative, at)
        out += [alternative[i:at], "(?:", _factored(alternative[at + 3 : end]), ")"]
        i = end + 1
    out.append(alternative[i:])
    return "".join(out)


def _factored(pattern: str) -> str:
    """An alternation with its alternatives grouped by first letter (see above)."""
    alternatives = [pattern[start:end] for start, end in _top_level(pattern)]
    flat = []
    while alternatives:
        alt = alternatives.pop(0)
        if alt.startswith("(?:") and _group_end(alt, 0) == len(alt) - 1:  # (?:a|b) is a|b
            alternatives[:0] = [alt[3 + s : 3 + e] for s, e in _top_level(alt[3:-1])]
        else:
            flat.append(alt)
    by_letter: dict[str, list[str]] = {}
    rest = []
    for alt in flat:
        first, after = alt[:1].lower(), alt[1:2]
        if first.isalpha() and len(first.upper()) == 1 and (after == "" or after not in _QUANTIFIERS):
            by_letter.setdefault(first, []).append(_factor_groups(alt[1:]))
        else:
            rest.append(_factor_groups(alt))
    grouped = [
        f"(?-i:[{letter}{letter.upper()}{_CASE_PARTNERS.get(letter, '')}])(?:{'|'.join(tails)})"
        for letter, tails in by_letter.items()
    ]
    return "|".join(grouped + rest)


def _full(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"^(?:" + _factored("|".join(patterns)) + r")$", re.IGNORECASE)


_FURNITURE = _full(FURNITURE_LINES)
_TRAILING_NAV = _full(TRAILING_NAV)
_CUT_FROM = _full(CUT_FROM)
_RELATED_FROM = _full(RELATED_FROM)
_FOOTER = re.compile(r"^(?:" + _factored("|".join(FOOTER_MARKERS)) + r")", re.IGNORECASE)
_FOOTER_SEP = re.compile(r"\s[-–|]\s*")
_SITE_NAME = re.compile(r"^" + SITE_NAME + r"$", re.IGNORECASE)
_INLINE = [(re.compile(re.escape(cue), re.IGNORECASE), re.compile(p, re.IGNORECASE)) for cue, p in INLINE_STRIP]


def _caseless_forms(word: str) -> list[bytes] | None:
    """`word` in UTF-8 as bytes.lower() leaves it, once for each choice of case of its
    non-ASCII letters. A page holds `word` (IGNORECASE) only if its UTF-8, lower-cased, holds
    one of these: a byte pass and a few substring searches, three times faster than the regex
    search, which tries the word at every character. None for a word with a letter
    IGNORECASE gives more forms than its lower and upper case (see _CASE_PARTNERS)."""
    choices: list[tuple[str, ...]] = []
    for ch in word.lower():
        low, up = ch, ch.upper()
        if low in _CASE_PARTNERS or len(up) != 1 or low.isascii() != up.isascii():
            return None
        choices.append((low,) if low.isascii() or low == up else (low, up))
    return ["".join(form).encode() for form in itertools.product(*choices)]


_INLINE_CUE_FORMS = [_caseless_forms(cue) for cue, _ in INLINE_STRIP]
_FOOTER_WINDOW = 12  # lines a footer's markers sit within


def is_repeated_banner(line: str) -> bool:
    """A category banner printed twice on one line: "TIN CẢI CÁCH … SỐ TIN CẢI CÁCH … SỐ"."""
    if not line.isupper():  # first: most lines are not, and split() is dearer
        return False
    words = line.split()
    half = len(words) // 2
    return len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:]


def is_furniture(line: str) -> bool:
    s = line.strip()
    return bool(s) and (bool(_FURNITURE.match(s)) or is_repeated_banner(s))


def clean_line(line: str, inline: list[tuple[re.Pattern[str], re.Pattern[str]]] = _INLINE) -> str:
    for cue, pattern in inline:
        if cue.search(line) and pattern.search(line) and pattern.sub("", line).strip():
            line = pattern.sub("", line)
    return line


def _is_footer_line(line: str) -> bool:
    """A marker opens the line, or follows the site's name on it: "SỞ NỘI VỤ … - Địa chỉ: Số 2 …"."""
    if _FOOTER.match(line):
        return True
    return any(_FOOTER.match(line[m.end():]) for m in _FOOTER_SEP.finditer(line, 0, 160))


def _footer_start(lines: list[str]) -> int | None:
    """First line of a footer: a marker followed closely by another, in the last part of the page."""
    half = (len(lines) + 1) // 2  # a marker in the first half neither starts a footer nor follows one that does
    hits = [i for i in range(half, len(lines)) if _is_footer_line(lines[i].strip())]
    for k, i in enumerate(hits):
        if any(j - i <= _FOOTER_WINDOW for j in hits[k + 1 :]):
            start = i
            # a site-name line ("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN PHÙ YÊN") just above belongs to it
            j = i - 1
            while j >= 0 and (not lines[j].strip() or _SITE_NAME.match(lines[j].strip())):
                if lines[j].strip():
                    start = j
                j -= 1
            return start
    return None


def furniture_mask(lines: list[str]) -> list[str | None]:
    """Each line cleaned, or None where it is furniture. Works on text lines and on the
    texts of HTML blocks alike."""
    stripped = [line.strip() for line in lines]  # once, for every test below
    end = next((i for i, s in enumerate(stripped) if _CUT_FROM.match(s)), len(lines))
    body = next((i for i, s in enumerate(stripped[:end]) if len(s) >= BODY_LINE), None)
    if body is not None:
        end = next((i for i in range(body + 1, end) if _RELATED_FROM.match(stripped[i])), end)
    footer = _footer_start(stripped[:end])
    if footer is not None:
        end = footer
    # the inline patterns whose cue the page holds at all: mostly none, and no line is searched
    joined = "\n".join(lines[:end])
    lowered = joined.encode("utf-8", "surrogatepass").lower()  # a lone surrogate matches no cue
    inline = [
        pair
        for pair, forms in zip(_INLINE, _INLINE_CUE_FORMS, strict=True)
        if (pair[0].search(joined) if forms is None else any(form in lowered for form in forms))
    ]
    out: list[str | None] = []
    for line, s in zip(lines[:end], stripped[:end], strict=True):
        if s and (_FURNITURE.match(s) or is_repeated_banner(s)):  # is_furniture(line)
            out.append(None)
        else:
            out.append(clean_line(line, inline) if inline else line)
    out.extend([None] * (len(lines) - end))
    # the trailing run of blank lines, nav words and site names after the article
    k = end - 1
    while k >= 0:
        kept = out[k]
        s = kept.strip() if kept is not None else ""
        if kept is None or not s or _TRAILING_NAV.match(s) or _SITE_NAME.match(s):
            out[k] = None if s else out[k]
            k -= 1
            continue
        break
    return out


def remove_furniture(text: str) -> str:
    """Text with the portal's furniture lines removed (blank lines kept where they were)."""
    lines = text.split("\n")
    return "\n".join(kept for kept in furniture_mask(lines) if kept is not None)
