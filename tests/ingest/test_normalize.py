"""fold and normalize_text: the folded form keeps one character for one, whatever the text."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from vanban.ingest.normalize import _FOLD_FULL, fold, normalize_text

# Vietnamese letters, the punctuation the fast path holds, and characters it does not
# (German, Greek, Cyrillic, the Kelvin sign, a lone surrogate), in any mix.
_PIECES = [
    "Ủy ban", "ĐÀ NẴNG", "hoá", "Nghị định", "“", "”", "…", "–", "₫", "\t", "\n", "\x00", "\x07",
    "ß", "Ö", "Ø", "Σ", "Привет", "\u212a", "İ", "Ð", "\u0301", "\ud800", "€", "中文", " ",
]
texts = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=60).map("".join),
)


def _reference(text: str) -> str:
    """The folding rule character by character."""
    return "".join(_FOLD_FULL.get(ord(ch), ch) for ch in text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_fold_is_the_rule_one_character_for_one(text: str) -> None:
    folded = fold(text)
    assert folded == _reference(text)
    assert len(folded) == len(text)
    assert fold(text) == folded  # and again, from the caches


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 80), st.integers(0, 80))
def test_fold_of_a_slice_is_the_slice_of_the_fold(text: str, a: int, b: int) -> None:
    assert fold(text[a:b]) == fold(text)[a:b]


def test_fold_examples() -> None:
    assert fold("Ủy ban nhân dân tỉnh Đắk Lắk") == "uy ban nhan dan tinh dak lak"
    assert fold("Ð") == "d"
    assert fold("“Quý I/2024” – 5.000₫") == "“quy i/2024” – 5.000₫"
    assert fold("Straße Σ \u212a") == "straße Σ \u212a"  # only Latin letters fold (not the Kelvin sign)
    long = "Nghị quyết số 12/NQ-HĐND. " * 20 + "Привет мир € 中文 ß " * 10
    assert fold(long) == _reference(long)


def test_every_vietnamese_letter_folds_to_its_base() -> None:
    for base in "aeiouy":
        for mark in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323", "\u0302", "\u0306", "\u031b"):
            for letter in (base + mark, base.upper() + mark):
                ch = unicodedata.normalize("NFC", letter)
                if len(ch) == 1:
                    assert fold(ch) == base


@settings(max_examples=200, deadline=None)
@given(texts)
def test_normalize_text_is_stable(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
