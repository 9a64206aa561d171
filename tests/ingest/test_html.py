"""The HTML reader's short cuts read what the slow, plain calls read.

read_html parses a page once and shares the tree, reads tables with lxml instead of
BeautifulSoup and calls trafilatura's own steps without the parts it never uses. Each test
holds one short cut to the plain call it replaces, on the shipped pages and on the markup
where the two could part (comments, scripts and ruby inside cells, spans, stray roots).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura
from bs4 import BeautifulSoup
from lxml import etree

from vanban.ingest import html
from vanban.ingest.decode import declared_charset, decode_bytes
from vanban.ingest.normalize import normalize_text

from .helpers import SAMPLES

PORTAL = Path(__file__).resolve().parents[1] / "crawl" / "portal"
PAGES = sorted(SAMPLES.glob("*.html")) + sorted(PORTAL.rglob("*.html"))


def page_text(path: Path) -> str:
    """The page as read_html receives it from ingest."""
    data = path.read_bytes()
    return normalize_text(decode_bytes(data, declared_charset(data)).text)


def bs4_tables(page: str) -> list[list[list[str]]]:
    soup = BeautifulSoup(page, "lxml")
    return [html._table_rows(t) for t in soup.find_all("table") if t.find_parent("table") is None]


ROWS = "<tr><th>TT</th><th>Nhiệm vụ</th><th>Chủ trì</th></tr><tr><td></td><td></td><td></td></tr>"
TRICKY_TABLES = {
    "comment cuts a string": "<table><tr><td>Sở Nội<!-- x -->vụ</td><td>a<?php x ?>b</td></tr></table>",
    "script, style, template": (
        "<table><tr><td>Sở<script>var s = 1;</script>Tư pháp<style>.a{}</style></td>"
        "<td><template><b>ẩn</b></template>hiện</td></tr></table>"
    ),
    "ruby": "<table><tr><td><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby> chữ</td></tr></table>",
    "inline markup": "<table><tr><td>UBND<br>cấp <b>huyện</b>;<p>cấp xã</p></td></tr></table>",
    "spans": (
        f"<table>{ROWS}<tr><td rowspan='2'>1</td><td colspan='2'>Gộp</td></tr>"
        "<tr><td colspan='x'>bad span</td><td>c</td></tr><tr><td rowspan='0'>z</td></tr></table>"
    ),
    "nested table": (
        "<table><tr><td>ngoài<table><tr><td>trong</td></tr></table>sau</td><td>b</td></tr></table>"
    ),
    "thead and th": f"<table><thead>{ROWS}</thead><tbody><tr><th>1</th><td>x</td></tr></tbody></table>",
    "unclosed cells": "<table><tr><td>a<td>b<tr><td>c</table><p>sau bảng</p>",
    "table in template": "<template><table><tr><td>ẩn</td></tr></table></template>",
    "stray root before": "<html/>\n<html><body><table><tr><td>sau gốc</td></tr></table></body></html>",
    "closed root before": "<p>a</p></html><table><tr><td>y</td></tr></table>",
    "doctype in a cell": "<table><tr><td>Tha<!DOCTYPE html>nh tra</td></tr></table>",
    "entities": "<table><tr><td>a &amp; b&nbsp;c &lt;d&gt; &#x1EA0; &bogus;</td></tr></table>",
    "upper case tags": "<TABLE><TR><TD>Một</TD><TD COLSPAN=2>Hai</TD></TR></TABLE>",
    "lines in a cell": (
        "<table><tr><td>Sở Nội vụ<br>Sở Tư pháp</td><td><p>UBND các huyện</p><p>UBND các xã</p></td>"
        "<td>Sở Văn hóa, Thể thao<br>và Du lịch</td><td>Sở Nội\nVụ<!-- x --><br/> </td></tr></table>"
    ),
}


def test_a_cells_author_broken_lines_stay_where_a_line_opens_in_capitals() -> None:
    # "Sở Nội vụ<br>Sở Tư pháp" lists two units; "…Thể thao<br>và Du lịch" wraps one name; the
    # markup's own new line is a space
    page = f"<html><body>{TRICKY_TABLES['lines in a cell']}</body></html>"
    assert html._page_tables(page) == [[["Sở Nội vụ\nSở Tư pháp", "UBND các huyện\nUBND các xã",
                                         "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội Vụ"]]]


@pytest.mark.parametrize("name", sorted(TRICKY_TABLES))
def test_lxml_tables_read_what_bs4_read(name):
    page = f"<html><body><p>Trước bảng</p>{TRICKY_TABLES[name]}</body></html>"
    assert html._page_tables(page) == bs4_tables(page)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_lxml_tables_read_what_bs4_read_on_the_shipped_pages(path):
    page = page_text(path)
    assert html._page_tables(page) == bs4_tables(page)


def test_a_page_without_a_table_is_not_parsed_for_tables(monkeypatch):
    monkeypatch.setattr(html, "_parse_for_tables", lambda page: pytest.fail("parsed"))
    assert html._page_tables("<html><body><p>Không có bảng</p></body></html>") == []


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_title_and_date_are_extract_metadata_s(path):
    tree = trafilatura.load_html(page_text(path))
    if tree is None:
        pytest.skip("no tree")
    full = trafilatura.extract_metadata(tree)
    short = html._title_and_date(tree)
    assert (short.title, short.date) == (full.title, full.date)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_article_xml_is_extract_s(path):
    tree = trafilatura.load_html(page_text(path))
    if tree is None:
        pytest.skip("no tree")
    full = trafilatura.extract(
        tree, output_format="xml", include_tables=True, include_comments=False, favor_recall=True
    )
    short = html._article_xml(tree)
    # extract() adds the fingerprint to <doc>'s attributes; what follows is the same
    assert (short is None) == (full is None)
    if full is not None:
        assert short[short.index("<main") :] == full[full.index("<main") :]


def test_the_shared_tree_is_left_as_it_was():
    tree = trafilatura.load_html(page_text(SAMPLES / "002_svhttdl_laichau_portal.html"))
    before = etree.tostring(tree)
    html._title_and_date(tree)
    html._article_xml(tree)
    assert etree.tostring(tree) == before


def test_a_page_dates_itself_only_by_its_markup_not_by_a_guess() -> None:
    # htmldate's extensive search took a year in the title ("… năm 2024") for 1 January, or a cited
    # plan's date in the body for the page's own; the publication date comes from markup or text
    from vanban.ingest.read import ingest_bytes

    body = ("<p>Thực hiện Kế hoạch số 18/KH-VPUBND ngày 19/4/2023 của Văn phòng UBND tỉnh, các phòng, ban "
            "triển khai các nhiệm vụ cải thiện Chỉ số PAPI.</p>")
    page = f"<html><head><title>Kế hoạch cải thiện Chỉ số PAPI năm 2024</title></head><body><article>{body}</article></body></html>"
    assert ingest_bytes(page.encode(), "a.html").date_hint is None
    dated = page.replace("<title>", '<meta property="article:published_time" content="2024-03-14T08:00:00+07:00"><title>')
    assert str(ingest_bytes(dated.encode(), "b.html").date_hint) == "2024-03-14"


def test_the_lead_beside_the_content_element_is_read_and_the_headline_titles_the_item() -> None:
    # a provincial portal (QA round 4): trafilatura takes div.content and leaves out the bold
    # sapo above it, which alone cites the Công văn; the <h1> is not in the text either
    from vanban.extract.pipeline import extract_document
    from vanban.ingest.read import ingest_bytes

    page = (
        '<html><head><meta charset="utf-8"><title>UBND tỉnh chỉ đạo nâng cao Chỉ số PAPI năm 2024 - Cổng TTĐT</title>'
        '</head><body><nav><a href="/">Trang chủ</a></nav><div class="news-detail">'
        '<h1 class="title">UBND tỉnh chỉ đạo khắc phục hạn chế, nâng cao Chỉ số PAPI năm 2024</h1>'
        '<div class="sapo"><strong>UBND tỉnh vừa có Công văn số 2145/UBND-NC ngày 22/5/2024 chỉ đạo các sở, '
        'ban, ngành, địa phương nâng cao Chỉ số PAPI năm 2024.</strong></div><div class="content">'
        "<p>Theo kết quả Chỉ số PAPI năm 2023 do UNDP công bố ngày 16/4/2024, tỉnh Quảng Ninh đạt 45,02 điểm, "
        "xếp thứ 9/63 tỉnh, thành phố, giảm 3 bậc so với năm 2022.</p>"
        "<p>Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện; tổng hợp, "
        "báo cáo UBND tỉnh kết quả thực hiện trước ngày 15/11/2024.</p></div></div></body></html>"
    )
    doc = ingest_bytes(page.encode(), "a.html")
    assert doc.text.startswith("UBND tỉnh vừa có Công văn số 2145/UBND-NC")
    ex = extract_document(doc)
    assert [c.number for c in ex.citations] == ["2145/UBND-NC"]
    assert ex.meta.title == "UBND tỉnh chỉ đạo khắc phục hạn chế, nâng cao Chỉ số PAPI năm 2024"
    assert ex.meta.issuer == "UBND tỉnh Quảng Ninh"
    assert (ex.meta.evidence["issuer"].start, ex.meta.evidence["issuer"].end) == (0, 0)  # not in the text
    # a lead already in the article is not read twice
    inside = page.replace('</div><div class="content">', "").replace('<div class="sapo">', '<div class="content"><p class="sapo">')
    assert ingest_bytes(inside.encode(), "b.html").text.count("2145/UBND-NC") == 1


def test_a_letters_header_laid_out_as_a_table_reads_as_its_lines() -> None:
    # a provincial portal carrying a Kế hoạch's full text (QA round 6): the header is a table whose
    # cells break with <br>; joined, "ỦY BAN NHÂN DÂNTỈNH TIỀN GIANGSố: …" had made the plan a news item
    from vanban.extract.pipeline import extract_document
    from vanban.ingest.read import ingest_bytes

    page = ('<html><body><article><table class="vb-header"><tr><td><b>ỦY BAN NHÂN DÂN<br>TỈNH TIỀN GIANG</b><br>'
            'Số: 145/KH-UBND</td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>'
            '<i>Tiền Giang, ngày 08 tháng 4 năm 2024</i></td></tr></table>'
            '<p><b>KẾ HOẠCH</b><br><b>Nâng cao Chỉ số PAPI tỉnh Tiền Giang năm 2024</b></p>'
            '<p>Căn cứ Quyết định số 3138/QĐ-UBND ngày 22/12/2021 của UBND tỉnh, UBND tỉnh ban hành Kế hoạch nâng '
            'cao Chỉ số PAPI năm 2024 như sau:</p><p>1. Sở Nội vụ chủ trì theo dõi, tổng hợp kết quả thực hiện '
            'Kế hoạch, báo cáo UBND tỉnh trước ngày 15/12/2024.</p></article></body></html>')
    doc = ingest_bytes(page.encode(), "kh.html")
    assert doc.text.startswith("ỦY BAN NHÂN DÂN\n\nTỈNH TIỀN GIANG\n\nSố: 145/KH-UBND\n\nCỘNG HÒA")
    m = extract_document(doc).meta
    assert (m.type, m.number, m.issue_date.isoformat(), m.issuer) == (
        "Kế hoạch", "145/KH-UBND", "2024-04-08", "UBND tỉnh Tiền Giang")
