"""Make tests/crawl/portal/: a small provincial portal built from the seed documents.

Three listing pages (with /trang-N pagination), articles made of the seeds' own paragraphs,
a legal-document page with a DOCX and a PDF attachment, a page in windows-1258, a robots.txt
that forbids a linked path. The special paths (a 500 that recovers, a stall) are answered by
the test server in conftest.py. Re-run with `.venv/bin/python tests/crawl/make_portal.py`.
"""

from __future__ import annotations

import html
import shutil
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = HERE / "portal"
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "corpus" / "samples"

# path -> (seed prefix, 1-based line range kept, title, date)
ARTICLES = {
    "/tin-tuc/van-phong-ubnd-tinh-thuc-hien-chi-thi-10-ct-ubnd-1001.html": ("000", (3, 22), None, "15/08/2023"),
    "/tin-tuc/phu-yen-tuyen-truyen-cai-cach-hanh-chinh-papi-1002.html": ("003", (4, 54), None, "20/10/2022"),
    "/tin-tuc/chuong-my-trien-khai-nhiem-vu-cai-cach-hanh-chinh-1006.html": ("004", (5, 38), None, "10/06/2024"),
    "/tin-tuc/loi-may-chu-tam-thoi-1013.html": ("000", (3, 12), "Bản tin (máy chủ lỗi tạm thời)", "16/08/2023"),
    "/tin-tuc/van-ban-chi-dao-dieu-hanh-1011/index.html": ("004", (12, 24), "Văn bản chỉ đạo điều hành (chuyển hướng)", "11/06/2024"),
}
CP1258_PATH = "/tin-tuc/ke-hoach-cai-thien-papi-ban-ma-windows-1258-1008.html"
LAICHAU_PATH = "/tin-tuc/so-vhttdl-lai-chau-cai-thien-chi-so-1007.html"
DOC_PAGE = "/van-ban/ke-hoach-239-kh-ubnd-cai-thien-chi-so-papi-nam-2022.html"
DOCX = "/upload/kh239-ubnd-laocai.docx"
PDF = "/upload/tep-dinh-kem-239"  # no extension: an attachment by its link text alone

NAV = """<header><div class="banner">CỔNG THÔNG TIN ĐIỆN TỬ (cổng thử nghiệm)</div>
<nav><a href="/">Trang chủ</a> | <a href="/trang-2.html">Tin tức</a> | <a href="/trang-3.html">Văn bản</a>
| <a href="/lien-he.html">Liên hệ</a> | <a href="mailto:bbt@example.gov.vn">Thư điện tử</a>
| <a href="javascript:void(0)">In trang</a></nav></header>"""
FOOTER = "<footer>Cơ quan chủ quản: UBND tỉnh (cổng thử nghiệm của vanban)</footer>"


def seed_lines(prefix: str) -> list[str]:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8").splitlines()


def page(title: str, body: str, charset: str = "utf-8") -> str:
    meta = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset != "utf-8"
            else '<meta charset="utf-8">')
    return (f"<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n{meta}\n<title>{html.escape(title)}</title>\n</head>\n"
            f"<body>\n{NAV}\n<main>\n{body}\n</main>\n{FOOTER}\n</body>\n</html>\n")


def article(title: str, date: str, paragraphs: list[str], extra: str = "") -> str:
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p.strip())
    return (f"<article>\n<h1>{html.escape(title)}</h1>\n<div class=\"meta\">Ngày đăng {date} | Lượt xem: 12</div>\n"
            f"{paras}\n{extra}</article>")


def listing(title: str, entries: list[tuple[str, str, str]], pages: str) -> str:
    items = "\n".join(
        f'<li class="news-item"><a class="title" href="{href}">{html.escape(text)}</a>'
        f' <span class="date">Ngày đăng {date}</span></li>'
        for href, text, date in entries
    )
    return f"<h1>{html.escape(title)}</h1>\n<ul class=\"list-news\">\n{items}\n</ul>\n<div class=\"pagination\">{pages}</div>"


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese as windows-1258 does: base letters with combining tone marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed[1:] if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out += (base + tones).encode("cp1258")
    return bytes(out)


def write(path: str, data: str | bytes) -> None:
    target = OUT / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def main() -> None:
    if OUT.exists():
        for child in OUT.iterdir():
            if child.name != "README.md":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    titles = {}
    for path, (prefix, (first, last), title, date) in ARTICLES.items():
        lines = seed_lines(prefix)
        kept = [ln.strip() for ln in lines[first - 1:last] if ln.strip()]
        title = title or next(ln.strip() for ln in lines if ln.strip() and ln.strip() != "image banner"
                              and not ln.isupper())
        titles[path] = title
        write(path, page(title, article(title, date, kept)))

    # The Lai Châu department's article: the sample page made from seed 002, as it is.
    write(LAICHAU_PATH, (SAMPLES / "002_svhttdl_laichau_portal.html").read_bytes())

    # A page in windows-1258 (legacy encoding, decomposed tone marks): the plan's opening.
    lines = [ln.rstrip(" |") for ln in seed_lines("001")[5:20] if ln.strip()]
    cp_title = "Kế hoạch cải thiện Chỉ số PAPI của tỉnh Lào Cai năm 2022"
    write(CP1258_PATH, to_cp1258(page(cp_title, article(cp_title, "01/07/2022", lines), charset="windows-1258")))

    # A legal-document page carrying its files: the DOCX by extension, the PDF by its link text.
    doc_title = "Kế hoạch số 239/KH-UBND ngày 30/6/2022 cải thiện Chỉ số PAPI của tỉnh Lào Cai năm 2022"
    files = (f'<div class="attachments"><p>File văn bản đính kèm:</p>\n'
             f'<a href="{DOCX}">KH239-UBND.docx</a><br>\n<a href="{PDF}">File văn bản đính kèm (Phụ lục)</a></div>\n')
    write(DOC_PAGE, page(doc_title, article(doc_title, "30/06/2022", [
        "Số ký hiệu: 239/KH-UBND", "Ngày ban hành: 30/06/2022", "Cơ quan ban hành: UBND tỉnh Lào Cai",
        "Trích yếu: Cải thiện Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI) năm 2022"], files)))
    write(DOCX, (SAMPLES / "001_kh239_laocai.docx").read_bytes())
    write(PDF, (SAMPLES / "001_kh239_laocai_phuluc.pdf").read_bytes())

    a = list(ARTICLES)
    write("/index.html", page("Tin tức - Sự kiện", listing("Tin tức - Sự kiện", [
        (a[0], titles[a[0]], "15/08/2023"),
        (a[1], titles[a[1]], "20/10/2022"),
        ("/noi-bo/bao-cao-noi-bo-khong-cong-khai-1003.html", "Báo cáo nội bộ (robots.txt cấm)", "01/08/2023"),
        ("http://localhost:9/tin-tuc/bai-viet-tren-trang-khac-1005.html", "Bài viết trên trang khác", "02/08/2023"),
    ], '<a href="/trang-2.html">2</a> <a href="/trang-3.html">3</a> <a rel="next" href="/trang-2.html">Sau</a>')))
    write("/trang-2.html", page("Tin tức - Trang 2", listing("Tin tức - Trang 2", [
        (a[2], titles[a[2]], "10/06/2024"),
        (LAICHAU_PATH, "Sở VHTTDL Lai Châu: cải thiện chỉ số chỉ đạo điều hành", "13/06/2023"),
        (CP1258_PATH, cp_title + " (bản mã windows-1258)", "01/07/2022"),
        ("/tin-tuc/van-ban-chi-dao-dieu-hanh-1011", titles[a[4]], "11/06/2024"),  # 301 to .../
        ("/tin-tuc/bai-viet-da-go-bo-1012.html", "Bài viết đã gỡ bỏ (404)", "12/06/2024"),
        (a[3], titles[a[3]], "16/08/2023"),  # the test server answers 500, then the page
        ("/tin-tuc/may-chu-phan-hoi-cham-1014.html", "Máy chủ phản hồi chậm", "17/08/2023"),  # stalls
    ], '<a href="/">1</a> <a href="/trang-3.html">3</a>')))
    write("/trang-3.html", page("Văn bản chỉ đạo điều hành", listing("Văn bản chỉ đạo điều hành", [
        (DOC_PAGE, doc_title, "30/06/2022"),
    ], '<a href="/">1</a> <a href="/trang-2.html">2</a>')))
    write("/robots.txt", "User-agent: *\nDisallow: /noi-bo/\n")
    write("/noi-bo/bao-cao-noi-bo-khong-cong-khai-1003.html", page("Nội bộ", "<p>Không được thu thập.</p>"))
    write("/lien-he.html", page("Liên hệ", "<p>Ban biên tập cổng thử nghiệm.</p>"))


if __name__ == "__main__":
    main()
