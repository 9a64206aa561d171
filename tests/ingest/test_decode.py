"""Encodings Vietnamese files arrive in: UTF-16, windows-1258, TCVN3, VNI, mixed NFC/NFD."""

from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path

import pytest

from vanban.ingest.decode import declared_charset, decode_bytes
from vanban.ingest.read import ingest_bytes
from vanban.ingest.vnlegacy import TCVN3, VNI, fix_legacy_line, tcvn3_to_unicode, vni_to_unicode

PHRASES = ["Ủy ban nhân dân tỉnh Lào Cai", "Kế hoạch", "Sở Tài nguyên và Môi trường"]
SENTENCE = "Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch; Sở Tài nguyên và Môi trường chủ trì, phối hợp."

_TO_TCVN3 = {v: k for k, v in TCVN3.items()}
_TO_VNI = {v: k for k, v in VNI.items()}


def to_tcvn3(text: str) -> bytes:
    """How a .VnTime document stores text (capitals with tone marks have no code: old "Uỷ")."""
    text = text.replace("Ủy", "Uỷ")
    return "".join(_TO_TCVN3.get(ch, ch) for ch in text).encode("latin-1")


def to_vni(text: str) -> bytes:
    return "".join(_TO_VNI.get(ch, ch) for ch in text).encode("latin-1")


# One encoder for windows-1258 as Word writes it, shared with the bad-input corpus's script.
_spec = importlib.util.spec_from_file_location(
    "make_bad_inputs", Path(__file__).resolve().parents[1] / "badinputs" / "make_bad_inputs.py")
_bad = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bad)
to_cp1258 = _bad.to_cp1258


@pytest.mark.parametrize("phrase", PHRASES)
def test_tcvn3_round_trip(phrase):
    raw = to_tcvn3(phrase)
    assert raw.decode("latin-1") != phrase  # it really is gibberish as Latin-1
    assert ingest_bytes(raw + b"\n", "kh.txt").text == phrase


@pytest.mark.parametrize("phrase", PHRASES)
def test_vni_round_trip(phrase):
    raw = to_vni(phrase)
    assert ingest_bytes(raw + b"\n", "kh.txt").text == phrase


def test_known_gibberish_strings():
    assert tcvn3_to_unicode("Uû ban nh©n d©n tØnh Lµo Cai") == "Uỷ ban nhân dân tỉnh Lào Cai"
    assert tcvn3_to_unicode("KÕ ho¹ch") == "Kế hoạch"
    assert vni_to_unicode("Sôû Taøi nguyeân vaø Moâi tröôøng") == "Sở Tài nguyên và Môi trường"


def test_legacy_document_gets_a_warning_and_encoding():
    doc = ingest_bytes(to_tcvn3(SENTENCE), "cv.txt")
    assert doc.text == SENTENCE
    assert doc.encoding is not None and "TCVN3" in doc.encoding
    assert any("TCVN3" in w for w in doc.warnings)


def test_legacy_line_inside_a_unicode_page_is_repaired_alone():
    text = "Thực hiện Kế hoạch của UBND tỉnh:\n" + to_vni(SENTENCE).decode("latin-1") + "\nCác phòng, đơn vị thực hiện."
    decoded = decode_bytes(text.encode("utf-8"))
    assert decoded.text.split("\n") == ["Thực hiện Kế hoạch của UBND tỉnh:", SENTENCE, "Các phòng, đơn vị thực hiện."]


def test_unicode_vietnamese_is_never_converted():
    for line in ["Tôi là ai", "Copyright © 2024", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Café crème"]:
        assert fix_legacy_line(line)[1] is None


def test_utf16_with_and_without_bom():
    assert ingest_bytes(SENTENCE.encode("utf-16"), "a.txt").text == SENTENCE
    doc = ingest_bytes(SENTENCE.encode("utf-16-le"), "a.txt")
    assert doc.text == SENTENCE and doc.encoding == "utf-16-le"


def test_windows_1258_combining_tones_become_nfc():
    raw = to_cp1258(SENTENCE)
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    doc = ingest_bytes(raw, "cv.txt")
    assert doc.text == SENTENCE
    assert unicodedata.is_normalized("NFC", doc.text)
    assert doc.encoding == "cp1258"


def test_declared_html_charset_is_used():
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
        "<title>Kế hoạch</title></head><body><article><p>" + SENTENCE + "</p>" * 1 + "</article></body></html>"
    )
    raw = to_cp1258(html)
    assert declared_charset(raw) == "cp1258"
    doc = ingest_bytes(raw, "page.html")
    assert SENTENCE in doc.text and doc.title_hint == "Kế hoạch"


def test_mixed_nfc_nfd_and_old_tone_placement():
    nfd = unicodedata.normalize("NFD", "Sở Tài nguyên và Môi trường")
    doc = ingest_bytes(("Uỷ ban nhân dân tỉnh Lào Cai giao " + nfd + " chủ trì.").encode("utf-8"), "a.txt")
    assert doc.text == "Ủy ban nhân dân tỉnh Lào Cai giao Sở Tài nguyên và Môi trường chủ trì."
