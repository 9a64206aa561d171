"""Legacy Vietnamese 8-bit encodings (TCVN3/ABC and VNI-Windows) back to Unicode.

Documents typed before Unicode (and PDFs made from them) reach us as Latin-1 gibberish
("Uû ban nh©n d©n", "UÛy ban nhaân daân"); the tables below are the fonts' byte maps.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 (TCVN 5712:1993 "VN3", the ABC fonts .VnTime/.VnArial), byte as a Latin-1 character
# → Unicode. The single-byte fonts have no upper-case toned letters: capitals were drawn by
# the ".VnTimeH" fonts from the lower-case codes, so those come back in lower case.
TCVN3: dict[str, str] = {
    "\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư", "\xa7": "Đ",
    "\xa8": "ă", "\xa9": "â", "\xaa": "ê", "\xab": "ô", "\xac": "ơ", "\xad": "ư", "\xae": "đ",
    "\xb5": "à", "\xb6": "ả", "\xb7": "ã", "\xb8": "á", "\xb9": "ạ",
    "\xbb": "ằ", "\xbc": "ẳ", "\xbd": "ẵ", "\xbe": "ắ", "\xc6": "ặ",
    "\xc7": "ầ", "\xc8": "ẩ", "\xc9": "ẫ", "\xca": "ấ", "\xcb": "ậ",
    "\xcc": "è", "\xce": "ẻ", "\xcf": "ẽ", "\xd0": "é", "\xd1": "ẹ",
    "\xd2": "ề", "\xd3": "ể", "\xd4": "ễ", "\xd5": "ế", "\xd6": "ệ",
    "\xd7": "ì", "\xd8": "ỉ", "\xdc": "ĩ", "\xdd": "í", "\xde": "ị",
    "\xdf": "ò", "\xe1": "ỏ", "\xe2": "õ", "\xe3": "ó", "\xe4": "ọ",
    "\xe5": "ồ", "\xe6": "ổ", "\xe7": "ỗ", "\xe8": "ố", "\xe9": "ộ",
    "\xea": "ờ", "\xeb": "ở", "\xec": "ỡ", "\xed": "ớ", "\xee": "ợ",
    "\xef": "ù", "\xf1": "ủ", "\xf2": "ũ", "\xf3": "ú", "\xf4": "ụ",
    "\xf5": "ừ", "\xf6": "ử", "\xf7": "ữ", "\xf8": "ứ", "\xf9": "ự",
    "\xfa": "ỳ", "\xfb": "ỷ", "\xfc": "ỹ", "\xfd": "ý", "\xfe": "ỵ",
}

# VNI-Windows: a base letter followed by one or two mark bytes ("a" + "ù" = "á", "a" + "â" = "â",
# "a" + "á" = "ấ"); "ô", "ö", "ñ" stand alone for ơ, ư, đ; i/y forms have bytes of their own.
# Keys are sequences of Latin-1 characters; the longest match wins.
VNI: dict[str, str] = {
    # a
    "aù": "á", "aø": "à", "aû": "ả", "aõ": "ã", "aï": "ạ",
    "aê": "ă", "aé": "ắ", "aè": "ằ", "aú": "ẳ", "aü": "ẵ", "aë": "ặ",
    "aâ": "â", "aá": "ấ", "aà": "ầ", "aå": "ẩ", "aã": "ẫ", "aä": "ậ",
    "AÙ": "Á", "AØ": "À", "AÛ": "Ả", "AÕ": "Ã", "AÏ": "Ạ",
    "AÊ": "Ă", "AÉ": "Ắ", "AÈ": "Ằ", "AÚ": "Ẳ", "AÜ": "Ẵ", "AË": "Ặ",
    "AÂ": "Â", "AÁ": "Ấ", "AÀ": "Ầ", "AÅ": "Ẩ", "AÃ": "Ẫ", "AÄ": "Ậ",
    # e
    "eù": "é", "eø": "è", "eû": "ẻ", "eõ": "ẽ", "eï": "ẹ",
    "eâ": "ê", "eá": "ế", "eà": "ề", "eå": "ể", "eã": "ễ", "eä": "ệ",
    "EÙ": "É", "EØ": "È", "EÛ": "Ẻ", "EÕ": "Ẽ", "EÏ": "Ẹ",
    "EÂ": "Ê", "EÁ": "Ế", "EÀ": "Ề", "EÅ": "Ể", "EÃ": "Ễ", "EÄ": "Ệ",
    # i (own bytes)
    "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
    "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị",
    # o, ô, ơ
    "où": "ó", "oø": "ò", "oû": "ỏ", "oõ": "õ", "oï": "ọ",
    "oâ": "ô", "oá": "ố", "oà": "ồ", "oå": "ổ", "oã": "ỗ", "oä": "ộ",
    "ô": "ơ", "ôù": "ớ", "ôø": "ờ", "ôû": "ở", "ôõ": "ỡ", "ôï": "ợ",
    "OÙ": "Ó", "OØ": "Ò", "OÛ": "Ỏ", "OÕ": "Õ", "OÏ": "Ọ",
    "OÂ": "Ô", "OÁ": "Ố", "OÀ": "Ồ", "OÅ": "Ổ", "OÃ": "Ỗ", "OÄ": "Ộ",
    "Ô": "Ơ", "ÔÙ": "Ớ", "ÔØ": "Ờ", "ÔÛ": "Ở", "ÔÕ": "Ỡ", "ÔÏ": "Ợ",
    # u, ư
    "uù": "ú", "uø": "ù", "uû": "ủ", "uõ": "ũ", "uï": "ụ",
    "ö": "ư", "öù": "ứ", "öø": "ừ", "öû": "ử", "öõ": "ữ", "öï": "ự",
    "UÙ": "Ú", "UØ": "Ù", "UÛ": "Ủ", "UÕ": "Ũ", "UÏ": "Ụ",
    "Ö": "Ư", "ÖÙ": "Ứ", "ÖØ": "Ừ", "ÖÛ": "Ử", "ÖÕ": "Ữ", "ÖÏ": "Ự",
    # y
    "yù": "ý", "yø": "ỳ", "yû": "ỷ", "yõ": "ỹ", "î": "ỵ",
    "YÙ": "Ý", "YØ": "Ỳ", "YÛ": "Ỷ", "YÕ": "Ỹ", "Î": "Ỵ",
    # d
    "ñ": "đ", "Ñ": "Đ",
}

_TCVN3_TABLE = str.maketrans(TCVN3)
_VNI_RE = re.compile("|".join(map(re.escape, sorted(VNI, key=len, reverse=True))))

# Every letter Vietnamese writes (NFC), for scoring which reading of a line is Vietnamese.
_VN_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + mark)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for mark in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
) | frozenset("đĐ")
# Non-letters a clean Vietnamese text may hold without being suspicious.
_OK_SYMBOLS = frozenset("“”‘’–—…•·°§№«»×€")


def tcvn3_to_unicode(text: str) -> str:
    """Map TCVN3 bytes (read as Latin-1 characters) to Unicode letters."""
    return text.translate(_TCVN3_TABLE)


def vni_to_unicode(text: str) -> str:
    """Map VNI-Windows letter+mark sequences (read as Latin-1 characters) to Unicode letters."""
    return _VNI_RE.sub(lambda m: VNI[m.group(0)], text)


# The shape of a Vietnamese syllable (tone marks removed, lower case): onset, vowel nucleus, coda.
_SYLLABLE = re.compile(
    r"""^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?
    (?:iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu
      |ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê
      |[aăâeêioôơuưy])
    (?:ch|ng|nh|[cmnpt])?$""",
    re.VERBOSE,
)
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_WORD = re.compile(r"[^\W\d_]+")


def is_syllable(word: str) -> bool:
    """One Vietnamese syllable: a valid onset-nucleus-coda shape and at most one tone mark."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(decomposed.count(t) for t in _TONES) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return bool(_SYLLABLE.match(bare))


def vietnamese_score(text: str) -> int:
    """Syllables with Vietnamese letters minus three times the words and characters no
    Vietnamese text would hold.

    ASCII words count for nothing; a reading of the bytes that makes real Vietnamese scores
    high, one that leaves "©", "µ", "UÒy" or stray combining marks scores low."""
    good = bad = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        if all(ch < "\x80" or ch in _VN_LETTERS for ch in word) and is_syllable(word):
            good += 1
        else:
            bad += 1
    for ch in text:
        if ch >= "\x80" and not ch.isalpha() and not ch.isspace() and ch not in _OK_SYMBOLS:
            bad += 1
    return good - 3 * bad


_EXTENDED = re.compile(r"[\u0100-\u024f\u0300-\u036f\u1e00-\u1eff]")
_HIGH_LATIN1 = re.compile(r"[\xa0-\xff]")


def looks_legacy(line: str) -> bool:
    """Latin-1 letters and symbols but not one letter beyond Latin-1: the mark of TCVN3/VNI."""
    return not _EXTENDED.search(line) and len(_HIGH_LATIN1.findall(line)) >= 2


# What tells the two apart: TCVN3 puts its commonest letters (à á ạ â ê ô đ ư) on symbol bytes
# "µ ¸ ¹ © ª « ® \xad"; VNI writes a plain vowel followed by a mark byte ("aø", "eâ", "oï").
_TCVN3_TELL = re.compile(r"[\xa1-\xbe]|(?<=[a-z])[\xc6-\xde]")
_VNI_TELL = re.compile(r"[aeiouyAEIOUY][ùøûõïâêáàåãäéèúüëÙØÛÕÏÂÊÁÀÅÃÄÉÈÚÜË]|[ôöñÔÖÑ]")


def fix_legacy_line(line: str) -> tuple[str, str | None, bool]:
    """Return (text, encoding converted from or None, uncertain) for one line."""
    if not looks_legacy(line):
        return line, None, False
    n_tcvn, n_vni = len(_TCVN3_TELL.findall(line)), len(_VNI_TELL.findall(line))
    if n_tcvn == n_vni == 0:
        return line, None, False
    name = "TCVN3" if n_tcvn >= n_vni else "VNI"
    best = tcvn3_to_unicode(line) if name == "TCVN3" else vni_to_unicode(line)
    score, base = vietnamese_score(best), vietnamese_score(line)
    if score <= base:
        return line, None, False
    leftover = len(_HIGH_LATIN1.findall(best)) - sum(ch in _VN_LETTERS for ch in best if ch < "\u0100")
    uncertain = min(n_tcvn, n_vni) * 2 > max(n_tcvn, n_vni) or leftover > 0
    return best, name, uncertain


def fix_legacy(text: str) -> tuple[str, dict[str, int], int]:
    """Convert every TCVN3/VNI line of `text`; return the text, lines converted per encoding,
    and how many conversions were uncertain. Lines already in Unicode are left alone, so a
    page that quotes an old document in the middle is repaired only where needed."""
    counts: dict[str, int] = {}
    uncertain = 0
    out = []
    for line in text.split("\n"):
        if line.isascii() or _EXTENDED.search(line):  # plainly not legacy (looks_legacy), and cheap to tell
            out.append(line)
            continue
        fixed, enc, unsure = fix_legacy_line(line)
        if enc:
            counts[enc] = counts.get(enc, 0) + 1
            uncertain += unsure
        out.append(fixed)
    return ("\n".join(out) if counts else text), counts, uncertain
