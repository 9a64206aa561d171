"""`vanban export --format xlsx`: the task list as a workbook, read back with openpyxl."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.test_query_sample import TODAY, build_sample_db
from vanban.cli import cli
from vanban.query import TaskFilter, task_status
from vanban.schema.store import open_db
from vanban.xlsx import COLUMNS, export_tasks_xlsx


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_sample_db(tmp_path_factory.mktemp("xlsx") / "tasks.db")


def sheet_rows(path):
    ws = load_workbook(path).active
    return ws, [dict(zip([c.value for c in ws[1]], [c.value for c in row], strict=True))
                for row in ws.iter_rows(min_row=2)]


def test_status_against_today():
    assert task_status("2022-07-05", TODAY) == "quá hạn"
    assert task_status("2022-08-01", TODAY) == "sắp đến hạn"  # due today: not passed yet
    assert task_status("2022-08-31", TODAY) == "sắp đến hạn"  # within 30 days
    assert task_status("2022-09-01", TODAY) == "chưa đến hạn"
    assert task_status(None, TODAY) is None


def test_export_xlsx_writes_every_task_with_header_filter_and_frozen_pane(db_path, tmp_path):
    out = tmp_path / "tasks.xlsx"
    result = CliRunner().invoke(cli, ["export", "--db", str(db_path), "--format", "xlsx", "--out", str(out),
                                      "--today", TODAY.isoformat()])
    assert result.exit_code == 0, result.output
    ws, rows = sheet_rows(out)
    assert [c.value for c in ws[1]] == [h for h, _ in COLUMNS]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:J{len(rows) + 1}"
    assert len(rows) == 10
    first = rows[0]
    assert first["Văn bản"] == "000_510d0c522d41e05f.txt"  # the news item has no number
    plan = [r for r in rows if r["Văn bản"] == "239/KH-UBND"]
    assert plan[0] == {
        "Văn bản": "239/KH-UBND", "Tỉnh": "Lào Cai", "Mục": "1",
        "Nhiệm vụ": "Xây dựng kế hoạch, quán triệt triển khai Pháp lệnh dân chủ ở xã, phường, thị trấn",
        "Chủ trì": "Sở Nội vụ", "Phối hợp": "UBND cấp huyện", "Thời hạn": "Trước ngày 5/7/2022",
        "Hạn (ngày)": dt.datetime(2022, 7, 5), "Lĩnh vực PAPI": "1. Tham gia của người dân ở cấp cơ sở",
        "Trạng thái": "quá hạn",
    }
    by_raw = {r["Thời hạn"]: r["Trạng thái"] for r in rows}
    assert by_raw["Quý III/2022"] == "chưa đến hạn"
    assert by_raw["Trước ngày 15/8/2022"] == "sắp đến hạn"
    assert by_raw["Theo quy định"] is None and by_raw["Thường xuyên"] is None
    assert ws["H2"].number_format == "DD/MM/YYYY" or ws["H3"].number_format == "DD/MM/YYYY"


def test_export_xlsx_takes_the_filters_of_query_tasks(db_path, tmp_path):
    out = tmp_path / "so_noi_vu.xlsx"
    result = CliRunner().invoke(cli, ["export", "--db", str(db_path), "--format", "xlsx", "--out", str(out),
                                      "--unit", "so noi vu", "--role", "lead", "--today", "2022-08-01"])
    assert result.exit_code == 0 and "wrote 2 tasks" in result.output
    _, rows = sheet_rows(out)
    assert [(r["Chủ trì"], r["Thời hạn"], r["Trạng thái"]) for r in rows] == [
        ("Sở Nội vụ", "Trước ngày 5/7/2022", "quá hạn"), ("Sở Nội vụ", "Trước ngày 30/8/2022", "sắp đến hạn")]


def test_export_xlsx_library_call_and_empty_result(db_path, tmp_path):
    db = open_db(db_path)
    assert export_tasks_xlsx(db, tmp_path / "none.xlsx", TaskFilter(unit="Sở Y tế"), today=TODAY) == 0
    ws, rows = sheet_rows(tmp_path / "none.xlsx")
    assert rows == [] and ws.max_row == 1


def test_export_refuses_task_filters_for_jsonl_and_xlsx_without_out(db_path):
    result = CliRunner().invoke(cli, ["export", "--db", str(db_path), "--unit", "Sở Nội vụ"])
    assert result.exit_code == 2 and "--format xlsx only" in result.output
    result = CliRunner().invoke(cli, ["export", "--db", str(db_path), "--format", "xlsx"])
    assert result.exit_code == 2 and "--out" in result.output
    # jsonl is untouched by the new options
    result = CliRunner().invoke(cli, ["export", "--db", str(db_path)])
    assert result.exit_code == 0 and len(result.output.splitlines()) == 3
