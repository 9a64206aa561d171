"""The shortcuts prose_tasks takes for speed answer as the slower forms they replace."""

from __future__ import annotations

import re

from vanban.extract import prose_tasks as pt


def _lookbehind_request() -> re.Pattern[str]:
    """The request regex as it was written, with one lookbehind per noun-making word."""
    return re.compile(
        "".join(rf"(?<!{re.escape(w)} )" for w in pt._ASSIGN_DATA["request_not_after"])
        + r"\b(?:" + pt._words_alt(pt._ASSIGN_DATA["request_words"]) + r")\s+(?:cho\s+)?"
    )


def test_requests_in_matches_the_lookbehind_regex() -> None:
    old = _lookbehind_request()
    for head in [
        "dong chi pho chu tich ubnd tinh yeu cau cac so, nganh tap trung",
        "theo yeu cau cua ubnd tinh, de nghi cac don vi bao cao",
        "nhiem vu duoc giao cho so noi vu; giao cho phong tu phap",
        "cac yeu cau yeu cau giao giao  cho so tai chinh",
        "dap ung yeu cau nhiem vu giao nhung de nghi",
        "",
    ]:
        assert [m.span() for m in pt._requests_in(head)] == [m.span() for m in old.finditer(head)]


def test_has_words_counts_as_split_does() -> None:
    for text in ["", "  ", "a", "a b", "a b c", " a  b\n c  ", "a b   ", "một hai ba bốn"]:
        for n in (1, 3, 8):
            assert pt._has_words(text, n) == (len(text.split()) >= n)


def test_is_at_compares_as_slicing_does() -> None:
    doc = "Sở Nội vụ chủ trì."
    for start, end in [(0, 3), (3, 9), (0, len(doc)), (5, 40), (len(doc), len(doc) + 2)]:
        for text in [doc[start:end], doc[start:end] + "x", ""]:
            assert pt._is_at(doc, start, end, text) == (doc[start:end] == text)
