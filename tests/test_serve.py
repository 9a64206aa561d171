"""`vanban serve`: Datasette on a loopback port, answering the canned queries as JSON.

The server runs as a subprocess (as a person starts it), on 127.0.0.1 only, and is always stopped.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.test_query_sample import build_sample_db
from vanban.datasette_metadata import QUERIES, TABLES, metadata
from vanban.schema.store import open_db


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str, timeout: float = 10):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db_path = build_sample_db(tmp_path_factory.mktemp("serve") / "tasks.db")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "vanban.cli", "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                get_json(f"{base}/-/versions.json", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read().decode() if proc.poll() is not None else "(still running)"
                    pytest.fail(f"vanban serve did not start: {out}")
                time.sleep(0.2)
        yield f"{base}/tasks"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def canned(server: str, name: str, **params) -> list[dict]:
    query = urllib.parse.urlencode({**params, "_shape": "array"})
    return get_json(f"{server}/{name}.json?{query}")


def test_tasks_of_a_unit_however_it_is_written(server):
    for written in ("Sở NV", "so noi vu", "Sở Nội vụ"):
        rows = canned(server, "tasks_of_unit", unit=written)
        assert [(r["role"], r["document"]) for r in rows] == [
            ("lead", "239/KH-UBND"), ("lead", "239/KH-UBND"), ("support", "/SVHTTDL-VP")]


def test_deadlines_and_overdue_against_a_given_day(server):
    soon = canned(server, "deadlines_next_30_days", today="2022-08-01")
    assert [r["deadline_raw"] for r in soon] == ["Trước ngày 15/8/2022", "Trước ngày 30/8/2022"]
    overdue = canned(server, "overdue_tasks", today="2022-08-01")
    assert [(r["deadline_raw"], r["days_overdue"]) for r in overdue] == [("Trước ngày 5/7/2022", 27)]


def test_areas_per_province_and_citing_documents(server):
    areas = {r["province"]: r for r in canned(server, "papi_areas_per_province")}
    assert areas["Lào Cai"]["areas"] == 8 and areas["Lai Châu"]["areas_covered"] == "8 Quản trị điện tử"
    citing = canned(server, "documents_citing", number="239/kh-ubnd")
    assert [(r["citing_document"], r["relation"]) for r in citing] == [("000_510d0c522d41e05f.txt", "implements")]


def test_task_list_view_searches_with_or_without_diacritics_and_has_facets(server):
    for typed in ("thủ tục hành chính", "thu tuc hanh chinh", "Đảng Uỷ"):
        rows = get_json(f"{server}/task_list.json?" + urllib.parse.urlencode({"_search": typed, "_shape": "array"}))
        assert len(rows) == 1
    page = get_json(f"{server}/task_list.json")
    assert set(page["facet_results"]) == {"province", "area_name", "units"}
    assert page["filtered_table_rows_count"] == 10


def test_served_read_only(server):
    with pytest.raises(urllib.error.HTTPError):
        get_json(f"{server}.json?" + urllib.parse.urlencode({"sql": "delete from tasks"}))


def test_metadata_describes_every_table_view_and_column(tmp_path):
    from vanban.schema.fetches import ensure_fetches

    db = open_db(build_sample_db(tmp_path / "tasks.db"))
    ensure_fetches(db)  # a crawled database also has the fetch log
    names = db.table_names() + db.view_names()
    shown = [n for n in names if "_fts" not in n]
    assert set(shown) == set(TABLES)
    for name in shown:
        columns = [c.name for c in (db[name].columns if name in db.table_names() else db.view(name).columns)]
        assert TABLES[name]["title"] and TABLES[name]["description"]
        assert set(columns) == set(TABLES[name]["columns"]), name
    assert set(QUERIES) == {"tasks_of_unit", "deadlines_next_30_days", "overdue_tasks",
                            "papi_areas_per_province", "documents_citing"}
    assert metadata("tasks")["databases"]["tasks"]["queries"] is QUERIES
