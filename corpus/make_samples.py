"""Make corpus/samples/ from the seed texts: the same real documents in other containers.

Seed 002 becomes a portal HTML page; seed 001 becomes a DOCX with its appendix as a Word
table, a PDF whose appendix table runs over a page break, and an HTML page with the appendix
as an HTML <table>. Re-run with `.venv/bin/python corpus/make_samples.py`; the output is
deterministic in content (PDF and DOCX dates are fixed; the DOCX zip still stamps its entries
with the time of writing).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"
OUT = HERE / "samples"
FIXED_DATE = dt.datetime(2022, 6, 30, tzinfo=dt.timezone.utc)  # the plan's date of issue
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
WIDTH = 5  # the appendix's columns


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def pipe_cells(lines: list[str]) -> list[str]:
    """Cells of a flattened table: every cell ends in "|", wrapped lines join with a space."""
    joined = "\n".join(lines)
    return [" ".join(c.split()) for c in joined.split("|")[:-1]]


def parse_001() -> dict:
    """Seed 001's parts, read the simple way (its layout is fixed: this is not the ingest code)."""
    lines = seed("001").split("\n")
    appendix_start = lines.index("TT |")
    appendix_end = lines.index("Ý kiến bạn đọc")
    sig = next(i for i, line in enumerate(lines) if line.startswith("TM. ỦY BAN NHÂN"))
    cells = pipe_cells(lines[appendix_start:appendix_end])
    rows = [cells[i : i + WIDTH] for i in range(0, len(cells), WIDTH)]
    return {
        "header": pipe_cells(lines[0:5]),  # 2 x 2: issuer | motto, number | place and date
        "body": lines[5 : sig - 1],
        "signature": " ".join(" ".join(lines[sig : sig + 2]).replace("|", " ").split()),
        "appendix_title": [lines[sig + 2] + " " + lines[sig + 3], lines[sig + 4] + " " + lines[sig + 5]],
        "rows": rows,  # rows[0] is the header row
    }


# --- (1) seed 002 as a portal page ------------------------------------------------------------

PORTAL_HEAD = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{title} - Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2023-06-13T08:00:00+07:00">
</head>
<body>
<header><div class="banner">image banner</div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li>
<li><a href="/van-ban">Văn bản chỉ đạo điều hành</a></li><li><a href="/lien-he">Liên hệ</a></li>
<li><a href="/dang-nhap">Đăng nhập</a></li></ul></nav></header>
<main><div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/cchc">Cải cách hành chính</a></div>
<article>
<h1>{title}</h1>
<div class="meta">Ngày đăng 13/06/2023 | Lượt xem: 118</div>
"""
PORTAL_FOOT = """</article>
<section class="comments"><h3>Ý kiến bạn đọc</h3><form><textarea></textarea><button>Gửi</button></form></section>
</main>
<aside><h3>Thống kê truy cập</h3><ul><li>Đang online: 12</li><li>Hôm nay: 1.024</li>
<li>Trong tuần: 8.311</li><li>Tất cả: 1.502.114</li></ul></aside>
<footer><p>TRANG THÔNG TIN ĐIỆN TỬ SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH LAI CHÂU</p>
<p>Cơ quan chủ quản: Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu</p>
<p>Chịu trách nhiệm quản lý nội dung: Giám đốc Sở</p>
<p>Điện thoại: 0213.3876.xxx | Email: svhttdl@laichau.gov.vn</p>
<p>Ghi rõ nguồn khi phát hành lại thông tin từ website này</p></footer>
</body>
</html>
"""


def make_002_html() -> str:
    text = seed("002")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    title = "Tập trung đẩy mạnh nhằm cải thiện, nâng cao chỉ số chỉ đạo điều hành trong thực hiện công tác cải cách hành chính"
    out = [PORTAL_HEAD.format(title=html.escape(title))]
    for para in paragraphs:
        bold = para.startswith("**") and para.endswith("**")
        inner = "<br>\n".join(html.escape(line) for line in para.strip("*").split("\n"))
        out.append(f"<p><strong>{inner}</strong></p>\n" if bold else f"<p>{inner}</p>\n")
    out.append(PORTAL_FOOT)
    return "".join(out)


# --- (2) seed 001 as a DOCX -----------------------------------------------------------------


def make_001_docx(parts: dict, path: Path) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.title = "Kế hoạch 239/KH-UBND cải thiện Chỉ số PAPI tỉnh Lào Cai năm 2022"
    document.core_properties.created = FIXED_DATE.replace(tzinfo=None)
    document.core_properties.modified = FIXED_DATE.replace(tzinfo=None)
    header = document.add_table(rows=2, cols=2)
    for i, cell_text in enumerate(parts["header"]):
        header.cell(i // 2, i % 2).text = cell_text
    for line in parts["body"]:
        if line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line.isupper() or line.startswith("II. "):
            document.add_heading(line, level=2)
        else:
            document.add_paragraph(line)
    document.add_paragraph(parts["signature"])
    document.add_page_break()
    for line in parts["appendix_title"]:
        document.add_paragraph(line)
    rows = parts["rows"]
    table = document.add_table(rows=len(rows), cols=WIDTH)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        if not any(row):  # a group separator: one merged, empty row
            table.cell(r, 0).merge(table.cell(r, WIDTH - 1))
            continue
        for c, cell_text in enumerate(row):
            table.cell(r, c).text = cell_text
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(12)
    document.save(path)


# --- (3) seed 001's header and appendix as a PDF ----------------------------------------------

COLS_MM = (12, 70, 35, 45, 28)  # TT, task, lead, support, deadline
LINE_H = 5.0
PAD = 1.0


def make_001_pdf(parts: dict, path: Path) -> None:
    """The appendix drawn as a ruled table. A row that does not fit is split at the page
    break (its label stays on the first part) and the header row repeats on the new page,
    as Word prints a long table."""
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_creator("vanban corpus/make_samples.py")
    pdf.set_title("Phụ lục Kế hoạch 239/KH-UBND tỉnh Lào Cai")
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_font("DejaVu", "", FONT)
    pdf.add_font("DejaVu", "B", FONT_BOLD)
    pdf.set_auto_page_break(False)
    pdf.set_margins(10, 12, 10)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 10)
    h = parts["header"]
    for left, right in ((h[0], h[1]), (h[2], h[3])):
        pdf.cell(80, 6, left)
        pdf.cell(110, 6, right, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for line in parts["appendix_title"]:
        pdf.multi_cell(190, 6, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("DejaVu", "", 9)
    bottom = pdf.h - 15

    def wrap(row: list[str]) -> list[list[str]]:
        return [
            pdf.multi_cell(w - 2 * PAD, LINE_H, t, dry_run=True, output="LINES") if t else []
            for w, t in zip(COLS_MM, row)
        ]

    def draw(row_lines: list[list[str]], n_lines: int) -> None:
        y, x = pdf.get_y(), pdf.l_margin
        height = max(n_lines, 1) * LINE_H + 2 * PAD
        for w, lines in zip(COLS_MM, row_lines):
            pdf.rect(x, y, w, height)
            for k, line in enumerate(lines):
                pdf.text(x + PAD, y + PAD + (k + 1) * LINE_H - 1.3, line)
            x += w
        pdf.set_xy(pdf.l_margin, y + height)

    header = wrap(parts["rows"][0])
    header_lines = max(len(c) for c in header)
    split_done = False
    draw(header, header_lines)
    for row in parts["rows"][1:]:
        lines = wrap(row)
        n = max((len(c) for c in lines), default=0)
        room = int((bottom - pdf.get_y() - 2 * PAD) // LINE_H)
        if n > room:
            if room >= 1 and n >= 2 and not split_done:
                # split this row: the first `room` lines here, the rest on the next page
                draw([c[:room] for c in lines], room)
                rest = [c[room:] for c in lines]
                rest[0] = []  # the label cell is not repeated on the continuation
                pdf.add_page()
                draw(header, header_lines)
                draw(rest, max(len(c) for c in rest))
                split_done = True
                continue
            pdf.add_page()
            draw(header, header_lines)
        draw(lines, n)
    pdf.output(str(path))


# --- (4) seed 001's appendix as an HTML table ----------------------------------------------


def make_001_table_html(parts: dict) -> str:
    rows = parts["rows"]
    out = [
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n',
        "<title>Phụ lục Kế hoạch 239/KH-UBND: Nhiệm vụ cải thiện Chỉ số PAPI tỉnh Lào Cai năm 2022</title>\n",
        '<meta name="pubdate" content="2022-06-30">\n</head>\n<body>\n',
        '<nav><a href="/">Trang chủ</a> | <a href="/van-ban">Văn bản</a></nav>\n<article>\n',
    ]
    for line in parts["appendix_title"]:
        out.append(f"<p><b>{html.escape(line)}</b></p>\n")
    out.append('<table border="1">\n<thead><tr>')
    out.extend(f"<th>{html.escape(c)}</th>" for c in rows[0])
    out.append("</tr></thead>\n<tbody>\n")
    for row in rows[1:]:
        if not any(row):
            out.append(f'<tr><td colspan="{WIDTH}"></td></tr>\n')
        else:
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>\n")
    out.append("</tbody>\n</table>\n</article>\n")
    out.append("<footer><p>Cơ quan chủ quản: UBND tỉnh Lào Cai</p><p>Điện thoại: 0214.xxx</p></footer>\n")
    out.append("</body>\n</html>\n")
    return "".join(out)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    parts = parse_001()
    (OUT / "002_svhttdl_laichau_portal.html").write_text(make_002_html(), encoding="utf-8")
    make_001_docx(parts, OUT / "001_kh239_laocai.docx")
    make_001_pdf(parts, OUT / "001_kh239_laocai_phuluc.pdf")
    (OUT / "001_kh239_laocai_phuluc_table.html").write_text(make_001_table_html(parts), encoding="utf-8")
    for path in sorted(OUT.iterdir()):
        print(f"{path.stat().st_size:>8}  {path.relative_to(HERE)}")


if __name__ == "__main__":
    main()
