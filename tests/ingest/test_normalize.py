"""fold and normalize_text: the folded form keeps one character for one, whatever the text."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from vanban.ingest.normalize import (
    _FOLD_FULL,
    _ODD,
    _RETONE,
    _VN_CHARS,
    _charmap_normalize,
    _normalize_steps,
    fold,
    normalize_text,
    normalize_texts,
)

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


# Text made of the charmap's characters, where normalize_text's quick test decides.
_PLAIN = ["\xa0", "o", "O", "u", "U", "q", "Q", "quỹ", "hoá", "á", "ẻ", "ỳ", "Ỷ", "À", "a", "y", " ", ".", "_", "2", "²", "\r", "\n", "\x00", "–", "đ"]
plain_texts = st.lists(st.sampled_from(_PLAIN), max_size=12).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(plain_texts, texts))
def test_charmap_route_gives_what_the_full_steps_give(text: str) -> None:
    quick = _charmap_normalize(text)
    assert quick is None or quick == _normalize_steps(text)
    assert normalize_text(text) == _normalize_steps(text)


def test_charmap_characters_are_nfc_in_any_pair() -> None:
    chars = [ch for ch in _VN_CHARS if ch not in "\r\x00"]
    for a in chars:
        assert unicodedata.is_normalized("NFC", a)
        for b in chars:
            assert unicodedata.is_normalized("NFC", a + b)
    assert [ch for ch in chars if _ODD.match(ch)] == ["\xa0"]


def test_old_tone_placement_is_never_passed_over() -> None:
    for pair, new in _RETONE.items():
        for before in ("", " ", "q", "th", "Q"):
            for after in ("", " ", ".", "n", "\n", "2"):
                text = before + pair + after
                assert normalize_text(text) == _normalize_steps(text)
                if after in ("", " ", ".", "\n") and before[-1:] not in ("q", "Q"):
                    assert normalize_text(text) == before + new + after


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(plain_texts, texts), max_size=6))
def test_normalize_texts_is_normalize_text_of_each(items: list[str]) -> None:
    assert normalize_texts(items) == [normalize_text(t) for t in items]
