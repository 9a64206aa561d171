"""The header and signer rules read only some lines of a text: the same lines, with the same
offsets, as splitting the whole text gives, and the same signer."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from vanban.extract import metadata
from vanban.ingest.normalize import fold

SEEDS = sorted((Path(__file__).parents[2] / "corpus" / "seeds").glob("*.txt"))

_PIECES = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Chủ tịch UBND", "Nguyễn Văn An", "NGUYỄN VĂN AN", "Nơi nhận:",
           "TM. ỦY BAN NHÂN DÂN", "| GIÁM ĐỐC |", "Giám đốc | Trần Thị Bình", "", " ", "(đã ký)", "1. Việc",
           "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/KH-UBND", "* Phó\nchủ tịch", "x" * 300]


def _check(text: str) -> None:
    folded = fold(text)
    every = metadata._lines(text)
    head = metadata._head_lines(text, folded)
    assert head == every[: len(head)]
    assert len(head) >= min(len(every), metadata.HEAD_LINES)
    assert all(ln.start > metadata.HEADER_CHARS for ln in every[len(head):])
    assert metadata._signer(text, folded) == metadata._signer_in(every)


def test_seeds() -> None:
    assert SEEDS
    for path in SEEDS:
        text = path.read_text("utf-8")
        _check(text)
        _check(text[: len(text) // 2])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=80), st.sampled_from(["\n", "\n\n", " | ", "\n| "]))
def test_generated(pieces: list[str], sep: str) -> None:
    _check(sep.join(pieces))


def test_signer_at_the_reach_of_a_mark() -> None:
    """The name on the 9th line under the mark, the last line `_signer_in` reads."""
    for before in ("", "Nơi nhận:\n", "a | b\n", "x\n| y\n"):
        for mark in ("KT. CHỦ TỊCH", "| KT. CHỦ TỊCH", "Nơi nhận | PHÓ CHỦ TỊCH"):
            for gap in range(7, 11):
                text = before + mark + "\n" * gap + "Nguyễn Văn An\n"
                _check(text)
                if gap == 8 and "|" not in mark:
                    assert metadata._signer(text, fold(text)) is not None
