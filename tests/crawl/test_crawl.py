"""`vanban crawl` end to end, against the fixture portal on 127.0.0.1 (each crawl in a subprocess:
Twisted's reactor starts once per process)."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils

from tests.crawl.conftest import FLAKY, PORTAL, STALL, crawl_args, run_crawl

# What the portal holds: every article page and attachment (paths; the redirect's final URL).
DOCUMENTS = {
    "/tin-tuc/van-phong-ubnd-tinh-thuc-hien-chi-thi-10-ct-ubnd-1001.html",
    "/tin-tuc/phu-yen-tuyen-truyen-cai-cach-hanh-chinh-papi-1002.html",
    "/tin-tuc/chuong-my-trien-khai-nhiem-vu-cai-cach-hanh-chinh-1006.html",
    "/tin-tuc/so-vhttdl-lai-chau-cai-thien-chi-so-1007.html",
    "/tin-tuc/ke-hoach-cai-thien-papi-ban-ma-windows-1258-1008.html",
    "/tin-tuc/van-ban-chi-dao-dieu-hanh-1011/",
    FLAKY,
    "/van-ban/ke-hoach-239-kh-ubnd-cai-thien-chi-so-papi-nam-2022.html",
    "/upload/kh239-ubnd-laocai.docx",
    "/upload/tep-dinh-kem-239",
}
DOC_PAGE = "/van-ban/ke-hoach-239-kh-ubnd-cai-thien-chi-so-papi-nam-2022.html"
FORBIDDEN = "/noi-bo/bao-cao-noi-bo-khong-cong-khai-1003.html"
USER_AGENT = "vanban/0.1 (+https://github.com/vanban/vanban)"


def documents(db_path: Path, base: str) -> dict[str, str]:
    db = sqlite_utils.Database(db_path)
    return {r["source"].removeprefix(base): r["sha256"] for r in db.query("select source, sha256 from documents")}


def fetches(db_path: Path, base: str) -> list[dict]:
    db = sqlite_utils.Database(db_path)
    rows = list(db.query("select * from fetches order by id"))
    for r in rows:
        for key in ("url", "final_url", "parent_url"):
            if r[key]:
                r[key] = r[key].removeprefix(base)
    return rows


@pytest.fixture(scope="module")
def first(portal, tmp_path_factory):
    """One uninterrupted crawl into a fresh database, with the stalling page stalling."""
    work = tmp_path_factory.mktemp("first")
    portal.begin(stall=5)
    started = time.monotonic()
    proc = run_crawl(portal.base + "/", work, "--timeout", "2", "--retries", "1")
    return {"work": work, "hits": list(portal.hits), "proc": proc, "seconds": time.monotonic() - started}


@pytest.fixture(scope="module")
def second(portal, first):
    """The same crawl again into the same database and store."""
    portal.begin()
    proc = run_crawl(portal.base + "/", first["work"], "--timeout", "2", "--retries", "1")
    return {"hits": list(portal.hits), "proc": proc}


def test_first_run_stores_every_document_by_url(portal, first):
    assert set(documents(first["work"] / "tasks.db", portal.base)) == DOCUMENTS
    assert "10 documents" in first["proc"].stdout


def test_raw_store_and_fetch_log_keep_provenance(portal, first):
    rows = fetches(first["work"] / "tasks.db", portal.base)
    by_url = {r["url"]: r for r in rows}
    store = first["work"] / "raw"
    for r in rows:
        if r["sha256"]:
            obj = store / "objects" / r["sha256"][:2] / r["sha256"]
            assert hashlib.sha256(obj.read_bytes()).hexdigest() == r["sha256"]
            assert r["status"] == 200 and r["fetched_at"] and r["last_modified"] and r["content_type"]
    docs = documents(first["work"] / "tasks.db", portal.base)
    assert docs[DOC_PAGE] == by_url[DOC_PAGE]["sha256"]
    # Attachments point at the page that carried them; their kind comes from the link rules.
    for path in ("/upload/kh239-ubnd-laocai.docx", "/upload/tep-dinh-kem-239"):
        assert by_url[path]["kind"] == "attachment" and by_url[path]["parent_url"] == DOC_PAGE
    assert by_url["/"]["kind"] == "listing" and by_url["/trang-2.html"]["kind"] == "listing"
    # A redirect keeps the URL asked for and the URL answered from.
    moved = by_url["/tin-tuc/van-ban-chi-dao-dieu-hanh-1011"]
    assert moved["final_url"] == "/tin-tuc/van-ban-chi-dao-dieu-hanh-1011/" and moved["status"] == 200


def test_every_failure_is_logged_and_the_crawl_goes_on(portal, first):
    by_url = {r["url"]: r for r in fetches(first["work"] / "tasks.db", portal.base)}
    assert by_url["/tin-tuc/bai-viet-da-go-bo-1012.html"]["status"] == 404
    assert by_url["/tin-tuc/bai-viet-da-go-bo-1012.html"]["error"] == "HTTP 404 Not Found"
    assert by_url[STALL]["status"] is None and by_url[STALL]["error"] == "timed out after 2 s"
    assert by_url[FORBIDDEN]["error"] == "forbidden by robots.txt"
    # The 500 was retried and the retry's page stored.
    assert [h.status for h in first["hits"] if h.path == FLAKY] == [500, 200]
    assert by_url[FLAKY]["status"] == 200 and by_url[FLAKY]["error"] is None
    assert [h.path for h in first["hits"]].count(STALL) == 2  # the request and one retry


def test_polite_robots_obeyed_user_agent_sent_nothing_offsite(portal, first):
    paths = [h.path for h in first["hits"]]
    assert paths[0] == "/robots.txt"
    assert not any(p.startswith("/noi-bo/") for p in paths)
    assert all(h.headers.get("User-Agent") == USER_AGENT for h in first["hits"])
    urls = {r["url"] for r in fetches(first["work"] / "tasks.db", portal.base)}
    assert not any("localhost:9" in u for u in urls)  # the link to another host was never followed
    assert not any("lien-he" in u or u.startswith("mailto") for u in urls)
    # Each URL requested once (the retried ones aside).
    assert len([p for p in paths if p not in (FLAKY, STALL)]) == len({p for p in paths if p not in (FLAKY, STALL)})


def test_windows_1258_page_is_read_as_vietnamese(portal, first):
    db = sqlite_utils.Database(first["work"] / "tasks.db")
    row = next(db.query("select text, encoding from documents where source like ?", ["%windows-1258-1008.html"]))
    assert row["encoding"] == "cp1258"
    assert "Chỉ số Hiệu quả quản trị và Hành chính công cấp tỉnh (PAPI) của tỉnh Lào Cai" in row["text"]


def test_second_run_asks_only_for_changes(portal, first, second):
    validated = {h.path for h in first["hits"]
                 if h.status == 200 and ("Last-Modified" in h.sent or "ETag" in h.sent)}
    assert len(validated) >= 12
    asked = [h for h in second["hits"] if h.path != "/robots.txt"]
    assert asked, "the second run requested nothing"
    for hit in asked:
        if hit.path in validated or hit.path.rstrip("/") in validated:
            assert hit.conditional, f"{hit.path} re-requested without If-Modified-Since/If-None-Match"
    assert not [h for h in asked if h.status == 200 and h.path in validated], "a body was sent again"
    assert not any(h.path.startswith("/noi-bo/") for h in second["hits"])
    assert documents(first["work"] / "tasks.db", portal.base).keys() == DOCUMENTS
    db = sqlite_utils.Database(first["work"] / "tasks.db")
    runs = [r["run"] for r in db.query("select distinct run from fetches order by run")]
    assert len(runs) == 2
    unchanged = db.execute("select count(*) from fetches where run = ? and status = 304", [runs[1]]).fetchone()[0]
    assert unchanged >= 12


def test_killed_run_resumes_to_the_same_documents(portal, first, tmp_path):
    portal.begin(trip_after=7)
    proc = subprocess.Popen(crawl_args(portal.base + "/", tmp_path, "--quiet"), cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert portal.tripped.wait(30), "the crawl never made 7 requests"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    killed = fetches(tmp_path / "tasks.db", portal.base)
    got_before = {r["url"] for r in killed if r["status"] == 200 and r["kind"] != "listing"}
    assert 0 < len(killed) < 15

    portal.begin()
    run_crawl(portal.base + "/", tmp_path)
    # Nothing fetched twice: what the killed run got whole is only revalidated.
    for hit in portal.hits:
        if hit.path in got_before:
            assert hit.conditional and hit.status == 304, hit
    resumed = documents(tmp_path / "tasks.db", portal.base)
    assert resumed == documents(first["work"] / "tasks.db", portal.base)


def test_since_and_max_pages_bound_a_run(portal, tmp_path):
    portal.begin()
    run_crawl(portal.base + "/", tmp_path / "since", "--since", "2023-08-01")
    got = set(documents(tmp_path / "since" / "tasks.db", portal.base))
    assert "/tin-tuc/phu-yen-tuyen-truyen-cai-cach-hanh-chinh-papi-1002.html" not in got  # 20/10/2022
    assert DOC_PAGE not in got and "/upload/kh239-ubnd-laocai.docx" not in got  # 30/06/2022
    assert "/tin-tuc/chuong-my-trien-khai-nhiem-vu-cai-cach-hanh-chinh-1006.html" in got  # 10/06/2024

    portal.begin()
    run_crawl(portal.base + "/", tmp_path / "max", "--max-pages", "3")
    pages = [h for h in portal.hits if h.path != "/robots.txt"]
    assert len(pages) == 3


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_static_http_server_portal_is_crawled_whole(tmp_path):
    """The issue's "done" check: `python3 -m http.server` over the portal folder."""
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(PORTAL)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "http.server did not start"
                time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        run_crawl(base + "/", tmp_path)
    finally:
        server.terminate()
        _, log = server.communicate(timeout=10)
    assert set(documents(tmp_path / "tasks.db", base)) == DOCUMENTS
    assert "/noi-bo/" not in log and "GET /robots.txt" in log


def test_ctrl_c_pauses_and_the_next_run_resumes_scrapys_queue(portal, first, tmp_path):
    portal.begin(trip_after=6)
    proc = subprocess.Popen(crawl_args(portal.base + "/", tmp_path), cwd=tmp_path, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert portal.tripped.wait(30), "the crawl never made 6 requests"
    proc.send_signal(signal.SIGINT)  # Scrapy stops gracefully and keeps its JOBDIR
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "run the same command again to resume" in out
    assert list((tmp_path / "raw" / "jobs").glob("*/vanban-paused"))
    paused = {h.path for h in portal.hits if h.status == 200}

    portal.begin()
    run_crawl(portal.base + "/", tmp_path)
    again = [h for h in portal.hits if h.path in paused and h.path != "/robots.txt"]
    assert all(h.conditional for h in again), again  # only the start page is asked again, conditionally
    assert documents(tmp_path / "tasks.db", portal.base) == documents(first["work"] / "tasks.db", portal.base)
    assert not (tmp_path / "raw" / "jobs").exists()  # a finished crawl leaves no queue behind
