"""The raw store (content-addressed, atomic) and the fetch log (what the crawl remembers)."""

from __future__ import annotations

import hashlib

import pytest
import sqlite_utils
from click.testing import CliRunner

from vanban.cli import cli
from vanban.ingest.rawstore import RawStore
from vanban.schema.fetches import ensure_fetches, latest_content, prior_fetches, record_fetch


def test_raw_store_keeps_each_body_once_under_its_hash(tmp_path):
    store = RawStore(tmp_path)
    data = "Kế hoạch số 239/KH-UBND".encode()
    sha = store.put(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert store.path(sha) == tmp_path / "objects" / sha[:2] / sha
    assert store.put(data) == sha and store.get(sha) == data and store.has(sha)
    assert store.get("0" * 64) is None
    assert [p.name for p in (tmp_path / "objects" / sha[:2]).iterdir()] == [sha]  # no temp files left
    with pytest.raises(ValueError):
        store.path("../../etc/passwd")


def test_fetch_log_remembers_the_last_body_and_the_last_outcome(tmp_path):
    db = sqlite_utils.Database(tmp_path / "t.db")
    ensure_fetches(db)
    ensure_fetches(db)  # idempotent
    url = "https://x.gov.vn/tin-tuc/a-b-c-1.html"
    record_fetch(db, run="r1", url=url, final_url=url, kind="article", status=200, sha256="a" * 64,
                 etag='"v1"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT", name="a-b-c-1.html")
    record_fetch(db, run="r2", url=url, final_url=url, kind="article", status=304, sha256="a" * 64,
                 etag='"v1"', name="a-b-c-1.html")
    record_fetch(db, run="r3", url=url, final_url=url, kind="article", status=503, error="HTTP 503 Service Unavailable")
    prior = prior_fetches(db)[url]
    assert prior["status"] == 503 and prior["error"].startswith("HTTP 503")
    assert prior["sha256"] == "a" * 64 and prior["etag"] == '"v1"'  # from the 304, the latest body
    assert [r["sha256"] for r in latest_content(db)] == ["a" * 64]
    with pytest.raises(ValueError, match="unknown fetch-log columns"):
        record_fetch(db, url=url, color="red")


def test_crawl_command_documents_every_option(tmp_path):
    crawl = cli.commands["crawl"]
    assert crawl.help
    for param in crawl.params:
        if param.param_type_name == "option":
            assert param.help, f"--{param.name} has no help text"
    result = CliRunner().invoke(cli, ["crawl", "ftp://example.org/", "--db", str(tmp_path / "x.db")])
    assert result.exit_code != 0 and "only http and https" in result.output
