"""Decide what kind of container a byte string is, by its content first.

Portals serve PDFs named .aspx and HTML named .pdf; the extension only breaks ties
between kinds the content cannot tell apart.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Literal

Kind = Literal["pdf", "docx", "html", "text"]

_HTML_TAGS = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|table|article|span|a\s|br|h[1-6])\b",
    re.IGNORECASE,
)
_EXT_KIND: dict[str, Kind] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".aspx": "html",
    ".php": "html",
    ".txt": "text",
    ".md": "text",
}


def _ext(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""


def looks_like_zip(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def is_docx(data: bytes) -> bool:
    """A zip holding word/document.xml (the OOXML main part)."""
    if not looks_like_zip(data):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _html_score(head: bytes) -> int:
    """How many different tags the head holds: a Markdown text with "<br>" in its table cells
    holds one, many times; a page holds html, head, body, div, p …"""
    return len({tag.lower().replace(b" ", b"").rstrip(b"\t\r\n") for tag in _HTML_TAGS.findall(head)})


def detect_kind(data: bytes, name: str = "") -> Kind:
    """Kind by magic bytes and markup; the file extension decides only when the content is ambiguous."""
    stripped = data.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    if stripped[:5] == b"%PDF-" or data[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if is_docx(data):
        return "docx"
    head = data[:65536]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16: look at the markup without NULs
        head = head.replace(b"\x00", b"")
    score = _html_score(head)
    ext_kind = _EXT_KIND.get(_ext(name))
    if score >= 3 or (stripped[:1] == b"<" and score >= 1):
        return "html"
    if score >= 1 and ext_kind == "html":
        return "html"
    if ext_kind in ("pdf", "docx"):
        # named as a binary container but is not one: let the reader say so
        return ext_kind
    return "text"
