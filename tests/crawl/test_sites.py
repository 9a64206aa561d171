"""Site profiles and link rules: every shipped profile loads, and the generic one reads the
fixture portal's listing and document pages the way a person would."""

from __future__ import annotations

import datetime as dt

import pytest
from parsel import Selector

from tests.crawl.conftest import PORTAL
from vanban.ingest.crawl import (
    available_profiles,
    file_name,
    first_date,
    load_profile,
    page_links,
    profile_for,
)

BASE = "http://127.0.0.1:8000"


def links(path: str, kind: str = "listing", profile: str = "generic") -> dict[str, str]:
    data = (PORTAL / path.lstrip("/")).read_bytes()
    text = data.decode("cp1258" if b"windows-1258" in data[:300] else "utf-8")
    found = page_links(Selector(text=text), BASE + path, kind, load_profile(profile))
    return {lk.url.removeprefix(BASE): lk.kind for lk in found}


@pytest.mark.parametrize("name", available_profiles())
def test_every_shipped_profile_loads(name):
    profile = load_profile(name)
    assert profile.name == name and profile.description
    assert profile.attachment_links and profile.pagination_links  # generic's rules reach every profile


def test_profiles_are_picked_by_host():
    assert profile_for(["https://phuyen.sonla.gov.vn/tin-tuc"]).name == "sonla"
    assert profile_for(["https://chuongmy.hanoi.gov.vn/"]).name == "hanoi"
    assert profile_for(["https://sovhttdl.laichau.gov.vn/tin-tuc"]).name == "laichau"
    assert profile_for(["https://laocai.gov.vn/"]).name == "laocai"
    assert profile_for(["https://example.org/news"]).name == "generic"


def test_a_bad_profile_is_refused_with_a_reason(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\n[article]\nlinks = ["(unclosed"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"\[article\] links: bad regex"):
        load_profile(bad)
    with pytest.raises(ValueError, match="no site profile"):
        load_profile("no-such-portal")


def test_listing_page_links_are_classified():
    got = links("/index.html")
    assert got["/tin-tuc/van-phong-ubnd-tinh-thuc-hien-chi-thi-10-ct-ubnd-1001.html"] == "article"
    assert got["/trang-2.html"] == "listing" and got["/trang-3.html"] == "listing"  # /trang-N
    assert "/lien-he.html" not in got  # contact pages are ignored
    assert not any(u.startswith(("mailto:", "javascript:")) for u in got)


def test_document_page_yields_its_attachments_only():
    got = links("/van-ban/ke-hoach-239-kh-ubnd-cai-thien-chi-so-papi-nam-2022.html", kind="article")
    # .docx by its extension; the extension-less file by its text "File văn bản đính kèm".
    assert got == {"/upload/kh239-ubnd-laocai.docx": "attachment", "/upload/tep-dinh-kem-239": "attachment"}


def test_listing_entries_carry_their_dates():
    page = (PORTAL / "trang-2.html").read_text(encoding="utf-8")
    found = page_links(Selector(text=page), BASE + "/trang-2.html", "listing", load_profile("generic"))
    dates = {lk.url.removeprefix(BASE): lk.date for lk in found}
    assert dates["/tin-tuc/chuong-my-trien-khai-nhiem-vu-cai-cach-hanh-chinh-1006.html"] == dt.date(2024, 6, 10)


def test_query_pagination_and_embedded_pdfs():
    page = """<ul><li><a href="/tin-tuc?page=2">2</a></li></ul>
    <a href="/tin-tuc/ubnd-huyen-ban-hanh-ke-hoach-cai-cach-hanh-chinh-2024.html">KH</a>
    <a href="/Portal/DownloadFile.aspx?id=77">Tải về</a>
    <iframe src="/files/KH-239.pdf"></iframe>"""
    found = {lk.url.removeprefix(BASE): lk.kind
             for lk in page_links(Selector(text=page), BASE + "/tin-tuc", "listing", load_profile("generic"))}
    assert found == {
        "/tin-tuc?page=2": "listing",
        "/tin-tuc/ubnd-huyen-ban-hanh-ke-hoach-cai-cach-hanh-chinh-2024.html": "article",
        "/Portal/DownloadFile.aspx?id=77": "attachment",
        "/files/KH-239.pdf": "attachment",
    }


@pytest.mark.parametrize("text, date", [
    ("Ngày đăng 10/06/2024 | 11:03", dt.date(2024, 6, 10)),
    ("Cập nhật: 5-8-2023", dt.date(2023, 8, 5)),
    ("2022-06-30T08:00", dt.date(2022, 6, 30)),
    ("Lượt xem: 194", None),
])
def test_first_date(text, date):
    assert first_date(text) == date


def test_file_names_for_ingest():
    assert file_name("https://x.gov.vn/upload/KH%20239.pdf") == "KH 239.pdf"
    assert file_name("https://x.gov.vn/tin-tuc/bai-viet-123", "text/html; charset=utf-8") == "bai-viet-123.html"
    assert file_name("https://x.gov.vn/DownloadFile.aspx?id=7", "application/octet-stream",
                     "attachment; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch.docx") == "Kế hoạch.docx"
