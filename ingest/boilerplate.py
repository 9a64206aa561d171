"""Portal furniture (visit counters, log-in links, comment boxes, footers) out of the body.

Pages copied from provincial portals carry the site around the article; the rules are
general markers kept as data below, so a new portal's furniture is a data change.
"""

from __future__ import annotations

import re

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
    r"tệp đính kèm\s*:?",
    r"chung nhan tin nhiem mang|chứng nhận tín nhiệm mạng",
    r"(?:in bài viết|gửi email|gửi bài viết|chia sẻ|bản in|quay lại|về đầu trang|lên đầu trang)",
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


def _full(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(patterns) + r")$", re.IGNORECASE)


_FURNITURE = _full(FURNITURE_LINES)
_TRAILING_NAV = _full(TRAILING_NAV)
_CUT_FROM = _full(CUT_FROM)
_FOOTER = re.compile(r"^(?:" + "|".join(FOOTER_MARKERS) + r")", re.IGNORECASE)
_SITE_NAME = re.compile(r"^" + SITE_NAME + r"$", re.IGNORECASE)
_INLINE = [(re.compile(re.escape(cue), re.IGNORECASE), re.compile(p, re.IGNORECASE)) for cue, p in INLINE_STRIP]
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


def _footer_start(lines: list[str]) -> int | None:
    """First line of a footer: a marker followed closely by another, in the last part of the page."""
    half = (len(lines) + 1) // 2  # a marker in the first half neither starts a footer nor follows one that does
    hits = [i for i in range(half, len(lines)) if _FOOTER.match(lines[i].strip())]
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
    footer = _footer_start(stripped[:end])
    if footer is not None:
        end = footer
    # the inline patterns whose cue the page holds at all: mostly none, and no line is searched
    joined = "\n".join(lines[:end])
    inline = [pair for pair in _INLINE if pair[0].search(joined)]
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
