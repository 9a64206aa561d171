"""Text normalisation in one place: NFC, one tone-placement convention, clean spaces, folding.

Portals and PDFs mix NFC/NFD, old and new tone placement ("Uỷ"/"Ủy"), non-breaking and
zero-width spaces; every later rule assumes one clean form, and matching uses `fold`.
"""

from __future__ import annotations

import codecs
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
# The pattern opens with a plain character class so the regex engine can skip ahead fast
# (an alternation of two classes would not: 2.5x slower); a pair that is no key of _RETONE
# ("uá", "oý") is left as written by the replacement, and "qu" + y ("quý") is told apart there
# too, not by a lookbehind.
_RETONE_RE = re.compile(r"[oOuU][" + _SECOND_TONED + _TONED["y"] + _TONED["y"].upper() + r"](?!\w)")

# Tabs are kept: a tab-separated line is a table row (ingest/text.py reads them); every
# other layout step turns them into spaces.
# Odd spaces become " ", zero-width and control characters (but \t and \n) go.
_CLEAN: dict[int, str | None] = {cp: " " for cp in [0xA0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000, 0x0C]}
_CLEAN.update({cp: None for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)})
_CLEAN.update({cp: None for cp in [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F]})
_ODD = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_CLEAN)) + "]")


def _vietnamese_chars() -> str:
    """ASCII (but the control characters other than \\t \\n \\r), the 134 letters with marks,
    the commonest punctuation and the no-break space: what nearly every Vietnamese text is
    made of."""
    tones = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    vowels = ("a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y")
    lower = [unicodedata.normalize("NFC", v + t) for v in vowels for t in tones] + ["đ"]
    letters = "".join(ch for ch in lower if not ch.isascii())
    chars = "\x00\t\n\r" + "".join(map(chr, range(0x20, 0x7F))) + letters + letters.upper() + "“”‘’–—…•·°×₫«»§²³±≤≥→−\xa0"
    if len(set(chars)) != len(chars) or len(chars) > 256:
        raise ValueError("a charmap holds 256 different characters")
    return chars


# Those characters as a charmap codec: each gets a byte of its own. The charmap codecs look
# characters up in C tables, several times faster than a regex scan or str.translate (a dict
# lookup per non-ASCII character): normalize_text tells with it the text it has nothing to do
# for, and fold folds with it. "\x00" first and U+FFFE (unmapped) as padding let
# charmap_build make its C table.
_VN_CHARS = _vietnamese_chars()
_VN_CHARMAP = codecs.charmap_build(_VN_CHARS.ljust(256, "\ufffe"))


def _tone_classes() -> bytes:
    """For each charmap byte, what normalize_text's quick test needs to know: "o" for o/O,
    "u" for u/U, "q" for q/Q, "a" for a toned a or e, "y" for a toned y, "w" for any other
    word character (what \\w matches), "!" for "\\r" and "\\x00" (work to do), "." for the rest."""
    second_y = _TONED["y"] + _TONED["y"].upper()
    classes = bytearray(b"." * 256)
    for i, ch in enumerate(_VN_CHARS):
        if ch in "oOuUqQ":
            classes[i] = ord(ch.lower())
        elif ch in _SECOND_TONED:
            classes[i] = ord("a")
        elif ch in second_y:
            classes[i] = ord("y")
        elif ch in "\r\x00":
            classes[i] = ord("!")
        elif ch.isalnum() or ch == "_":
            classes[i] = ord("w")
    return bytes(classes)


_TONE_CLASSES = _tone_classes()


def _charmap_normalize(text: str) -> str | None:
    """normalize_text, done fast for a text made of the charmap's characters (nearly every
    one): it is NFC, its one possible odd character is the no-break space, and the tone rule
    has work only where an o/u + toned vowel ending a word follows no "q" ("quỹ" is left), which
    the classes show. None for any other text, or one holding "\\r" or "\\x00": the full steps
    decide."""
    try:
        encoded = codecs.charmap_encode(text, "strict", _VN_CHARMAP)[0]
    except UnicodeEncodeError:
        return None
    classes = encoded.translate(_TONE_CLASSES) + b"."
    if b"!" in classes:
        return None
    if "\xa0" in text:
        text = text.replace("\xa0", " ")
    # the tone rule's rewrites, found in the classes: _RETONE_RE's matches that swap changes
    starts = []
    for pair in (b"oa.", b"uy."):
        i = classes.find(pair)
        while i >= 0:
            if not (i and classes[i - 1] == ord("q")):
                starts.append(i)
            i = classes.find(pair, i + 3)
    if not starts:
        return text
    parts, last = [], 0
    for i in sorted(starts):
        retoned = _RETONE.get(text[i : i + 2])  # mixed case such as "oÀ" is left as written
        if retoned:
            parts += [text[last:i], retoned]
            last = i + 2
    parts.append(text[last:])
    return "".join(parts)


def normalize_tone_placement(text: str) -> str:
    """Rewrite "Uỷ ban", "hoá" to "Ủy ban", "hóa" (input must be NFC)."""
    def swap(m: re.Match[str]) -> str:
        start = m.start()
        if start and text[start - 1] in "qQ":
            return m.group()
        return _RETONE.get(m.group(), m.group())  # mixed case such as "oÀ" is left as written

    if not _RETONE_RE.search(text):  # most texts (every one already normalised): half a sub's cost
        return text
    return _RETONE_RE.sub(swap, text)


def normalize_text(text: str) -> str:
    """NFC, one tone placement, plain spaces, no zero-width or control characters.

    Line breaks and tabs are kept: layout is ingest's business, not normalisation's."""
    quick = _charmap_normalize(text)
    return quick if quick is not None else _normalize_steps(text)


def normalize_texts(texts: list[str]) -> list[str]:
    """normalize_text of each text, with one quick test for them all: the texts of a
    document's blocks are nearly always clean already."""
    # A text joined by "\n" has nothing to normalise only if no piece has: NFC and the odd
    # characters go piece by piece, and a piece's end is a word's end in both.
    joined = "\n".join(texts)
    if _charmap_normalize(joined) == joined:
        return list(texts)
    return [normalize_text(t) for t in texts]


def _normalize_steps(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Odd characters are rare and few of a kind (a no-break space): scanning with a regex and
    # replacing each kind is far cheaper than translating (a dict lookup per character).
    if _ODD.search(text):
        for ch in set(_ODD.findall(text)):
            text = text.replace(ch, _CLEAN[ord(ch)] or "")
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


# fold's charmap decoding: each byte to its character's folded form
_FOLD_DECODING = "".join(_FOLD_FULL.get(ord(ch), ch) for ch in _VN_CHARS).ljust(256, "\ufffe")
_MAX_MISSES = 4  # runs of characters outside the charmap before the rest goes to translate


def _fold_chars(text: str) -> str:
    """The folded form, one character for one: the charmap codecs (six times faster than
    translate), with translate for the runs of characters the charmap does not hold (and for
    all the rest after a few such runs)."""
    parts: list[str] = []
    pos = 0
    for _ in range(_MAX_MISSES):
        try:
            rest = codecs.charmap_encode(text[pos:] if pos else text, "strict", _VN_CHARMAP)[0]
            parts.append(codecs.charmap_decode(rest, "strict", _FOLD_DECODING)[0])
            return "".join(parts) if pos else parts[0]
        except UnicodeEncodeError as exc:  # a run of characters the charmap does not hold
            start, end = pos + exc.start, pos + exc.end
            head = codecs.charmap_encode(text[pos:start], "strict", _VN_CHARMAP)[0]
            parts.append(codecs.charmap_decode(head, "strict", _FOLD_DECODING)[0])
            parts.append(text[start:end].translate(_FOLD_FULL))
            pos = end
    parts.append(text[pos:].translate(_FOLD_FULL))
    return "".join(parts)


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
            folded = _SHORT_FOLDS[text] = _fold_chars(text)
        return folded
    folded = _LONG_FOLDS.get(text)
    if folded is None:
        folded = text.lower() if text.isascii() else _fold_chars(text)
        if len(_LONG_FOLDS) >= _MAX_LONG:
            del _LONG_FOLDS[next(iter(_LONG_FOLDS))]
        _LONG_FOLDS[text] = folded
    return folded
