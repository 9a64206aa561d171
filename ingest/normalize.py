"""Text normalisation in one place: NFC, one tone-placement convention, clean spaces, folding.

Portals and PDFs mix NFC/NFD, old and new tone placement ("Uỷ"/"Ủy"), non-breaking and
zero-width spaces; every later rule assumes one clean form, and matching uses `fold`.
"""

from __future__ import annotations

import re
import unicodedata

# Tone placement: government documents overwhelmingly write "Ủy", "hóa", "hòa", "thủy"
# (tone on the first vowel of an open oa/oe/uy syllable); the other convention ("Uỷ",
# "hoá") is rewritten to it. Closed syllables ("hoàn", "huỳnh") and "qu" + y ("quý") are
# the same in both conventions and are left alone.
_TONED = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
    "o": "òóỏõọ",
    "u": "ùúủũụ",
}
_RETONE: dict[str, str] = {}
for _first, _second in (("o", "a"), ("o", "e"), ("u", "y")):
    for _i, _toned in enumerate(_TONED[_second]):
        for _f, _s, _t in ((_first, _toned, _TONED[_first][_i]), (_first.upper(), _toned.upper(), _TONED[_first][_i].upper())):
            _RETONE[_f + _s] = _t + (_second if _f.islower() else _second.upper())
        # mixed case: "Uỷ" (capital first vowel, lower second)
        _RETONE[_first.upper() + _toned] = _TONED[_first][_i].upper() + _second
_SECOND_TONED = "".join(_TONED["a"] + _TONED["e"]) + "".join(_TONED["a"] + _TONED["e"]).upper()
_RETONE_RE = re.compile(
    r"(?<![qQ])((?:[oO][" + _SECOND_TONED + r"])|(?:[uU][" + _TONED["y"] + _TONED["y"].upper() + r"]))(?!\w)"
)

# Tabs are kept: a tab-separated line is a table row (ingest/text.py reads them); every
# other layout step turns them into spaces.
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalize_tone_placement(text: str) -> str:
    """Rewrite "Uỷ ban", "hoá" to "Ủy ban", "hóa" (input must be NFC)."""
    return _RETONE_RE.sub(lambda m: _RETONE[m.group(1)], text)


def normalize_text(text: str) -> str:
    """NFC, one tone placement, plain spaces, no zero-width or control characters.

    Line breaks and tabs are kept: layout is ingest's business, not normalisation's."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    return normalize_tone_placement(text)


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if len(base) == 1 and base.isascii() and base.isalpha():
            table[cp] = base
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    table[ord("Ð")] = "d"  # U+00D0, often typed for Đ
    return table


_FOLD = _build_fold_table()
# The same mapping with every other character below U+2100 mapped to itself: str.translate
# raises and swallows a KeyError for each character its table lacks, which made folding
# twice as slow as the lookups themselves.
_FOLD_FULL = {cp: _FOLD.get(cp, chr(cp)) for cp in range(0x2100)}
# fold() runs on every token and, in some matchers, on the same passage many times: short
# strings are memoised (bounded), and the last few long ones are kept.
_SHORT_FOLDS: dict[str, str] = {}
_LONG_FOLDS: dict[str, str] = {}
_SHORT, _MAX_SHORT, _MAX_LONG = 48, 200_000, 8


def fold(text: str) -> str:
    """Lower case without tone or vowel marks, "đ" → "d", one character for one.

    Offsets in folded NFC text are offsets in the original, so matchers can run on the
    folded form and report spans of the real text."""
    if len(text) <= _SHORT:
        folded = _SHORT_FOLDS.get(text)
        if folded is None:
            if len(_SHORT_FOLDS) >= _MAX_SHORT:
                _SHORT_FOLDS.clear()
            folded = _SHORT_FOLDS[text] = text.translate(_FOLD_FULL)
        return folded
    folded = _LONG_FOLDS.get(text)
    if folded is None:
        folded = text.lower() if text.isascii() else text.translate(_FOLD_FULL)
        if len(_LONG_FOLDS) >= _MAX_LONG:
            del _LONG_FOLDS[next(iter(_LONG_FOLDS))]
        _LONG_FOLDS[text] = folded
    return folded
