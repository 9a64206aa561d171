"""Write the bad-input corpus: files a crawl really brings home, each broken in one way.

Run from the repository: `.venv/bin/python tests/badinputs/make_bad_inputs.py` rewrites every
file beside this script (PDFs carry a fixed date, so a re-run changes nothing that matters).
The texts are the shipped seeds (corpus/seeds) re-saved the way legacy systems save them, so a
test can ask for the seed's own tasks back. What each file must become is listed in EXPECTED,
which tests/test_bad_inputs.py checks one by one.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import sys
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "corpus" / "seeds"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FIXED_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)

# file name -> ("failure", stage, words the reason must contain) or ("document", seed prefix whose
# tasks must all come back, or None when only the fields it can find are expected)
EXPECTED: dict[str, tuple] = {
    "empty.txt": ("failure", "ingest", "empty file"),
    "garbage.pdf": ("failure", "ingest", "not a PDF"),
    "truncated.pdf": ("failure", "ingest", "damaged PDF"),
    "scan.pdf": ("failure", "ingest", "no text layer"),
    "encrypted.pdf": ("failure", "ingest", "encrypted PDF"),
    "bomb.docx": ("failure", "ingest", "zip bomb"),
    "junk.docx": ("failure", "ingest", "not a Word document"),
    "xxe.docx": ("document", None),
    "no_body.html": ("failure", "ingest", "no text found"),
    "nested.html": ("document", None),
    "cp1258.html": ("document", "000"),
    "tcvn3.html": ("document", "000"),
    "utf16.txt": ("document", "004"),
    "no_header.txt": ("document", None),
    "nfc_nfd.txt": ("document", "002"),
}
# Written too, but refused only under a small --max-bytes (tests/test_bad_inputs.py uses 4,000).
OVERSIZE = "oversize.txt"

NESTING = 100_000  # <div>s deep: far past libxml2's and Python's recursion limits
BOMB_BYTES = 300 * 1024 * 1024  # what bomb.docx's document part inflates to


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _pdf(text: str | None, encrypt: bool = False, image: bool = False) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_page()
    if text is not None:
        pdf.add_font("DejaVu", "", FONT)
        pdf.set_font("DejaVu", size=11)
        pdf.multi_cell(0, 6, text=text)
    if image:  # a page photographed, not typed: one grey picture of lines, no text objects
        from PIL import Image, ImageDraw

        img = Image.new("L", (400, 560), 250)
        draw = ImageDraw.Draw(img)
        for y in range(40, 520, 18):
            draw.line((30, y, 370 - (y % 70), y), fill=60, width=3)
        buf = io.BytesIO()
        img.save(buf, format="PNG")
        pdf.image(buf, x=10, y=10, w=180)
    if encrypt:
        pdf.set_encryption(owner_password="chu", user_password="mat-khau")
    return bytes(pdf.output())


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _document_xml(paragraphs: list[str], doctype: str = "") -> str:
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
            f'<w:document xmlns:w="{_W_NS}"><w:body>{body}</w:body></w:document>')


def _zip(members: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = method
            zf.writestr(info, data, compresslevel=9)
    return buf.getvalue()


def _bomb() -> bytes:
    """A well-formed DOCX whose document part is 300 MB of blank XML: ~300 KB on disk,
    the shape of a "zip bomb". Streamed, so writing it never holds the 300 MB."""
    buf = io.BytesIO()
    head = _document_xml(["Kế hoạch cải thiện Chỉ số PAPI"]).encode()
    cut = head.index(b"</w:body>")
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(zipfile.ZipInfo("[Content_Types].xml", (2024, 1, 1, 0, 0, 0)), _CONTENT_TYPES)
        zf.writestr(zipfile.ZipInfo("_rels/.rels", (2024, 1, 1, 0, 0, 0)), _RELS)
        info = zipfile.ZipInfo("word/document.xml", (2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            fh.write(head[:cut])
            chunk = b" " * (1 << 20)
            for _ in range((BOMB_BYTES - len(head)) >> 20):
                fh.write(chunk)
            fh.write(head[cut:])
    return buf.getvalue()


def _xxe() -> bytes:
    """A DOCX whose document declares external entities (a local file, a URL) and uses them."""
    doctype = ('<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">'
               '<!ENTITY remote SYSTEM "http://127.0.0.1:9/xxe">]>')
    paragraphs = [
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
        "Số: 57/KH-UBND",
        "Lào Cai, ngày 14 tháng 3 năm 2023",
        "KẾ HOẠCH",
        "Cải thiện Chỉ số PAPI năm 2023 &secret; &remote;",
        "1. Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành tổ chức tuyên truyền về Chỉ số PAPI; "
        "thời gian hoàn thành trước ngày 30/6/2023.",
    ]
    return _zip({"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS,
                 "word/document.xml": _document_xml(paragraphs, doctype)})


def _junk_docx() -> bytes:
    rng = random.Random(7)
    return _zip({"data.bin": bytes(rng.randrange(256) for _ in range(2000)), "readme.txt": "không phải Word"})


def _html(body_html: str, charset: str, extra_head: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>Văn bản</title>{extra_head}</head>\n<body>\n{body_html}\n</body></html>\n")


def _paragraphs_html(text: str) -> str:
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "\n".join(f"<p>{p}</p>" for p in paras)


def to_cp1258(text: str) -> bytes:
    """windows-1258 as Word writes it: base letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in d if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tone))
            try:
                out += base.encode("cp1258") + tone.encode("cp1258")
            except UnicodeEncodeError:
                out += b"?"
    return bytes(out)


LEGACY_PUNCT = str.maketrans({"…": "...", "–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'"})


def to_tcvn3(text: str) -> bytes:
    """How a .VnTime document stores text. TCVN3 has no toned capitals (the .VnTimeH fonts drew
    them from the lower-case codes), so those letters are written in lower case; typographic
    punctuation was typed as ASCII (LEGACY_PUNCT)."""
    from vanban.ingest.vnlegacy import TCVN3

    inverse = {v: k for k, v in TCVN3.items()}
    out = []
    for ch in text.translate(LEGACY_PUNCT).replace("Ủy", "Uỷ"):
        if ch in inverse:
            out.append(inverse[ch])
        elif ch.lower() in inverse:
            out.append(inverse[ch.lower()])
        else:
            out.append(ch)
    return "".join(out).encode("latin-1", errors="replace")


def _nfc_nfd(text: str) -> str:
    """Every other line decomposed (NFD), old-style tone placement ("hoá", "Uỷ") on the rest."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        if i % 2:
            out.append(unicodedata.normalize("NFD", line))
        else:
            out.append(line.replace("hóa", "hoá").replace("Ủy", "Uỷ").replace("ủy", "uỷ"))
    return "\n".join(out)


def build() -> dict[str, bytes]:
    """Every bad input by file name."""
    good_pdf = _pdf("Kế hoạch cải thiện Chỉ số PAPI năm 2023.\n" * 40)
    rng = random.Random(1258)
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "garbage.pdf": bytes(rng.randrange(256) for _ in range(3000)).replace(b"%PDF", b"%PDX"),
        "truncated.pdf": good_pdf[: len(good_pdf) // 2],
        "scan.pdf": _pdf(None, image=True),
        "encrypted.pdf": _pdf("Kế hoạch số 12/KH-UBND: tài liệu mật.", encrypt=True),
        "bomb.docx": _bomb(),
        "junk.docx": _junk_docx(),
        "xxe.docx": _xxe(),
        "no_body.html": b'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title></title></head></html>\n',
        "nested.html": _html(
            "<p>Ủy ban nhân dân huyện Bảo Thắng yêu cầu các xã, thị trấn rà soát thủ tục hành chính.</p>"
            + "<div>" * NESTING + "Văn bản lồng sâu.",  # never closed, as broken pages leave them
            "utf-8").encode("utf-8"),
        "cp1258.html": to_cp1258(_html(_paragraphs_html(seed("000")), "windows-1258")),
        "tcvn3.html": to_tcvn3(_html(_paragraphs_html(seed("000")), "iso-8859-1",
                                     "<style>body{font-family:.VnTime}</style>")),
        "utf16.txt": seed("004").encode("utf-16"),
        "no_header.txt": ("Đề nghị các phòng, ban chuyên môn thuộc huyện rà soát, cập nhật thủ tục hành "
                          "chính trên Cổng dịch vụ công trước ngày 15/8/2024.\n").encode(),
        "nfc_nfd.txt": _nfc_nfd(seed("002")).encode("utf-8"),
        OVERSIZE: ("Kế hoạch số 99/KH-UBND về cải thiện Chỉ số PAPI.\n" * 100).encode("utf-8"),
    }
    assert set(files) == set(EXPECTED) | {OVERSIZE}
    return files


def main(folder: Path = HERE) -> None:
    for name, data in build().items():
        (folder / name).write_bytes(data)
        print(f"{len(data):>9,} bytes  {name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
