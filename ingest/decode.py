"""Bytes to str for text and HTML inputs, whatever Vietnamese encoding they were saved in.

Portals still serve windows-1258, UTF-16 exports and TCVN3/VNI pages; the body must come out
as one clean Unicode text, or the document must say (as a warning) that it may not have.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

from vanban.ingest.vnlegacy import fix_legacy, vietnamese_score

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.-]+)""", re.IGNORECASE)


@dataclass
class Decoded:
    """A decoded text, the encoding it was read as, and anything a reader should doubt."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML head declares, if it names one Python knows."""
    head = data[:8192]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: ASCII-heavy text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _nfc(text: str) -> str:
    # cp1258 (and some UTF-8 exports) write tone marks as combining characters
    return unicodedata.normalize("NFC", text)


def _guess_single_byte(data: bytes) -> tuple[str, str, list[str]]:
    """No BOM, not UTF-8, nothing declared: try the readings a Vietnamese file can have
    and keep the one that reads most like Vietnamese."""
    candidates: list[tuple[str, str]] = []
    for enc in ("cp1258", "cp1252", "latin-1"):
        text = _strict(data, enc)
        if text is not None:
            candidates.append((enc, _nfc(text)))
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding not in {c[0] for c in candidates}:
            candidates.append((best.encoding, _nfc(str(best))))
    except Exception:  # noqa: BLE001 - a guesser's failure only removes one candidate
        pass

    def score(item: tuple[str, str]) -> int:
        fixed, _, _ = fix_legacy(item[1])
        return vietnamese_score(fixed)

    enc, text = max(candidates, key=score)
    return enc, text, [f"encoding not declared: read as {enc}"]


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode, NFC-compose, and repair TCVN3/VNI lines. `declared` is a charset from the
    container (HTTP header or HTML meta); it is used when the bytes are not UTF-8."""
    warnings: list[str] = []
    text: str | None = None
    encoding = ""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text, encoding = _strict(data, enc), enc
            if text is None:
                text, encoding = data.decode(enc, errors="replace"), enc
                warnings.append(f"invalid {enc} bytes replaced")
            break
    if text is None and (enc16 := _utf16_without_bom(data)):
        text, encoding = _strict(data, enc16), enc16
    if text is None:
        # valid UTF-8 with non-ASCII bytes is never an accident: it beats a declared charset
        text, encoding = _strict(data, "utf-8"), "utf-8"
    if text is None and declared:
        text, encoding = _strict(data, declared), declared
        if text is None:
            warnings.append(f"declared charset {declared} does not fit the bytes")
    if text is None:
        encoding, text, more = _guess_single_byte(data)
        warnings.extend(more)
    text = _nfc(text.lstrip("\ufeff"))
    fixed, converted, uncertain = fix_legacy(text)
    if converted:
        names = ", ".join(f"{n} lines from {enc}" for enc, n in sorted(converted.items()))
        warnings.append(f"legacy Vietnamese encoding converted to Unicode: {names}")
        encoding = f"{encoding}+{'+'.join(sorted(converted))}"
        if uncertain:
            warnings.append(f"legacy encoding conversion uncertain on {uncertain} lines: check the text")
    return Decoded(text=fixed, encoding=encoding, warnings=warnings)
