"""`vanban query`: every filter, every output format, unit aliases and diacritic-free search.

The database is built through `store_extraction` from the seeds' own phrasings
(tests/test_query_sample.py), and once from the seeds themselves through the pipeline.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from tests.test_query_sample import PLAN, TODAY, build_sample_db
from vanban.cli import cli
from vanban.query import (
    TaskFilter,
    fts_query,
    query_cites,
    query_documents,
    query_tasks,
    query_units,
    resolve_dimension,
    unit_keys,
    unit_matches,
)
from vanban.schema.fts import ensure_search
from vanban.schema.store import open_db, store_extraction


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_sample_db(tmp_path_factory.mktemp("query") / "tasks.db")


@pytest.fixture()
def db(db_path):
    db = open_db(db_path)
    yield db
    db.close()


def run(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def texts(rows) -> list[str]:
    return [r["task"] for r in rows]


# -- units: aliases, abbreviations, diacritics --------------------------------------------------

@pytest.mark.parametrize("written", ["Sở Nội vụ", "so noi vu", "Sở NV", "SỞ NỘI VỤ", "sở nv"])
def test_every_spelling_of_so_noi_vu_finds_its_three_tasks(db, written):
    rows = query_tasks(db, unit=written)
    assert len(rows) == 3
    assert all("Sở Nội vụ" in r["lead"] + r["support"] for r in rows)


@pytest.mark.parametrize("written", ["Sở Tài nguyên và Môi trường", "Sở Tài nguyên Môi trường",
                                     "so tai nguyen va moi truong", "Sở TN&MT", "so tnmt"])
def test_so_tnmt_is_found_by_its_long_and_short_names(db, written):
    rows = query_tasks(db, unit=written)
    assert [r["label"] for r in rows] == ["7", "23"]
    # The second task writes the unit "Sở TN&MT": the alias table links it to the canonical unit.
    assert rows[1]["support"][0] == "Sở TN&MT"


def test_unit_keys_expand_abbreviations_and_drop_va():
    assert unit_keys("Sở NV") == {"so noi vu"}
    assert unit_keys("UBND cấp huyện") == {"uy ban nhan dan cap huyen"}
    assert unit_keys("Sở GD&ĐT") == unit_keys("Sở Giáo dục và Đào tạo")
    assert "so tu phap" in unit_keys("Sở TP") and "so thanh pho" in unit_keys("Sở TP")
    assert unit_matches("HĐND tỉnh", "Hội đồng nhân dân tỉnh Lào Cai")
    assert not unit_matches("Sở Nội vụ", "Phòng Nội vụ")
    assert not unit_matches("Sở Tài chính", "Sở Tài nguyên và Môi trường")


def test_generic_district_matches_its_chair_too(db):
    rows = query_tasks(db, unit="UBND cap huyen")
    assert [r["label"] for r in rows] == ["1", "7", "15", "23", "37"]


def test_role_narrows_to_lead_or_support(db):
    assert [r["document"] for r in query_tasks(db, unit="Sở NV", role="lead")] == ["239/KH-UBND"] * 2
    support = query_tasks(db, unit="Sở NV", role="support")
    assert [r["document"] for r in support] == ["/SVHTTDL-VP"]
    assert len(query_tasks(db, role="support")) == 7  # tasks with any supporting unit


# -- the other filters ---------------------------------------------------------------------------

def test_province_with_or_without_diacritics_and_prefix(db):
    for written in ("Lai Châu", "lai chau", "tỉnh Lai Châu"):
        assert [r["document"] for r in query_tasks(db, province=written)] == ["/SVHTTDL-VP"]
    assert len(query_tasks(db, province="Lào Cai")) == 9


@pytest.mark.parametrize("value", [8, "8", "quản trị điện tử", "Quan tri dien tu", "điện tử"])
def test_dimension_by_number_or_name(db, value):
    rows = query_tasks(db, dimension=value)
    assert {r["area"] for r in rows} == {8} and len(rows) == 2


def test_dimension_that_is_ambiguous_or_unknown_is_refused():
    with pytest.raises(ValueError, match="several PAPI areas"):
        resolve_dimension("công")
    with pytest.raises(ValueError, match="1 to 8"):
        resolve_dimension(9)


def test_due_before_and_after_are_inclusive_iso_dates(db):
    rows = query_tasks(db, due_after="2022-08-15", due_before="2022-09-30")
    assert [(r["deadline_raw"], r["deadline_date"]) for r in rows] == [
        ("Quý III/2022", "2022-09-30"), ("Trước ngày 15/8/2022", "2022-08-15"), ("Trước ngày 30/8/2022", "2022-08-30")]


def test_due_within_counts_from_today(db, db_path):
    rows = query_tasks(db, due_within=30, today=TODAY)
    assert [r["deadline_raw"] for r in rows] == ["Trước ngày 15/8/2022", "Trước ngày 30/8/2022"]
    assert query_tasks(db, due_within=30, today="2024-01-01") == []
    out = run("query", "tasks", "--db", str(db_path), "--due-within", "30", "--today", "2022-08-01",
              "--format", "json").output
    assert [r["deadline_raw"] for r in json.loads(out)] == [r["deadline_raw"] for r in rows]


def test_overdue_is_relative_to_today(db):
    assert [r["deadline_raw"] for r in query_tasks(db, overdue=True, today=TODAY)] == ["Trước ngày 5/7/2022"]
    later = query_tasks(db, overdue=True, today="2022-10-01")
    assert len(later) == 4 and all(r["deadline_date"] < "2022-10-01" for r in later)


def test_document_by_number_prefix_or_file_name(db):
    assert len(query_tasks(db, document="239/KH-UBND")) == 7
    assert len(query_tasks(db, document="239/kh-ubnd")) == 7
    assert len(query_tasks(db, document="239")) == 7
    assert len(query_tasks(db, document="000_510d0c522d41e05f.txt")) == 2
    assert query_tasks(db, document="240/KH-UBND") == []


def test_filters_combine(db):
    rows = query_tasks(db, unit="UBND cấp huyện", role="lead", dimension=5, province="Lào Cai",
                       due_before="2022-08-31", document="239/KH-UBND", text="thu tuc")
    assert [r["label"] for r in rows] == ["23"]
    assert query_tasks(db, unit="UBND cấp huyện", role="lead", dimension=8) == []


# -- full-text search ----------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["thủ tục hành chính", "thu tuc hanh chinh", "thủ tuc hành chinh", "THU TUC HANH CHINH"])
def test_search_finds_thu_tuc_hanh_chinh_however_typed(db, typed):
    rows = query_tasks(db, text=typed)
    assert len(rows) == 1 and "cải cách thủ tục hành chính" in rows[0]["task"]
    assert rows[0]["rank"] < 0  # bm25: lower is better


@pytest.mark.parametrize("typed", ["dang uy", "Đảng ủy", "Đảng Uỷ", "đảng uy"])
def test_search_folds_d_with_stroke(db, typed):
    assert [r["task"][:22] for r in query_tasks(db, text=typed)] == ["Phối hợp với Đảng ủy c"]
    assert [r["document"] for r in query_documents(db, text=typed)] == ["000_510d0c522d41e05f.txt"]


def test_search_ranks_by_bm25_and_supports_phrases_and_prefixes(db):
    rows = query_tasks(db, text="hanh chinh")
    assert len(rows) >= 2 and [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)
    assert len(query_tasks(db, text='"chinh quyen dien tu"')) == 1
    assert len(query_tasks(db, text='"dien tu chinh quyen"')) == 0
    assert len(query_tasks(db, text="tuyen truy*")) == 1
    assert fts_query('Uỷ ban "Đảng ủy" tuyen*') == 'text_folded : ("uy" "ban" "dang uy" "tuyen"*)'
    with pytest.raises(ValueError):
        fts_query("  -- ")


def test_search_follows_documents_replaced_and_deleted(tmp_path):
    db = open_db(build_sample_db(tmp_path / "t.db"))
    changed = PLAN.model_copy(update={"sha256": "9" * 64, "tasks": [
        PLAN.tasks[0].model_copy(update={"text": "Rà soát quy chế dân chủ ở cơ sở"})]})
    store_extraction(db, changed, "Kế hoạch về quy chế dân chủ", media_type="text")
    assert texts(query_tasks(db, text="quy che dan chu")) == ["Rà soát quy chế dân chủ ở cơ sở"]
    assert query_tasks(db, text="pháp lệnh dân chủ") == []
    assert [r["document"] for r in query_documents(db, text="quy chế")] == ["239/KH-UBND"]
    assert query_documents(db, text="đơn giản hóa") == []
    db.execute("delete from task_units")
    db.execute("delete from tasks")
    db.conn.commit()
    assert query_tasks(db, text="dan chu") == []
    assert db.execute("select count(*) from tasks_fts").fetchone()[0] == 0


def test_search_setup_is_idempotent_and_rebuilds_an_old_database(tmp_path):
    db = open_db(build_sample_db(tmp_path / "t.db"))
    assert ensure_search(db) is False  # all in place: nothing done
    for name in ("tasks_fts_ai", "tasks_fts_ad", "tasks_fts_au"):
        db.execute(f"drop trigger {name}")
    db.execute("drop table tasks_fts")
    db.execute("drop view task_list")
    db.conn.commit()
    db.close()
    db = open_db(tmp_path / "t.db")  # as a database made before FTS existed
    assert len(query_tasks(db, text="dang uy")) == 1
    assert ensure_search(db) is False


# -- documents, units, cites ---------------------------------------------------------------------

def test_documents_filters(db):
    assert [r["document"] for r in query_documents(db)] == ["000_510d0c522d41e05f.txt", "239/KH-UBND", "/SVHTTDL-VP"]
    assert [r["document"] for r in query_documents(db, dimension="điện tử")] == ["239/KH-UBND", "/SVHTTDL-VP"]
    assert [r["document"] for r in query_documents(db, unit="Sở NV", role="support")] == ["/SVHTTDL-VP"]
    assert [r["document"] for r in query_documents(db, overdue=True, today=TODAY)] == ["239/KH-UBND"]
    assert [r["document"] for r in query_documents(db, province="lao cai", text="uy ban")] == [
        "000_510d0c522d41e05f.txt", "239/KH-UBND"]
    plan = query_documents(db, document="239/KH-UBND")[0]
    assert plan["cited_by"] == 1 and plan["indices"] == ["PAPI"] and len(plan["areas"]) == 8


def test_units_counts_follow_the_filters(db):
    all_rows = query_units(db)
    rows = {r["unit"]: r for r in all_rows}
    assert (rows["UBND cấp huyện"]["lead_tasks"], rows["UBND cấp huyện"]["support_tasks"]) == (3, 2)
    assert rows["Sở Tài nguyên và Môi trường"]["written"] == ["Sở TN&MT", "Sở Tài nguyên và Môi trường"]
    # a department is a unit of its province: Sở Nội vụ of Lào Cai and of Lai Châu are two rows
    assert sorted(r["unit_province"] for r in all_rows if r["unit"] == "Sở Nội vụ") == ["Lai Châu", "Lào Cai"]
    only = query_units(db, unit="so nv", province="lào cai")
    assert [(r["unit"], r["lead_tasks"], r["support_tasks"]) for r in only] == [("Sở Nội vụ", 2, 0)]
    assert [r["unit"] for r in query_units(db, dimension=8, role="lead")] == [
        "Sở Thông tin và Truyền thông", "Văn phòng Sở"]


def test_cites_both_ways(db):
    rows = query_cites(db, "239/kh-ubnd")
    assert [(r["direction"], r["document"], r["in_database"]) for r in rows] == [
        ("cited_by", "000_510d0c522d41e05f.txt", True), ("cites", "59/2019/NĐ-CP", False)]
    assert query_cites(db, "1530/KH-UBND")[0]["document"] == "/SVHTTDL-VP"
    assert query_cites(db, "999/KH-UBND") == []


def test_task_filter_refuses_unknown_roles():
    with pytest.raises(ValueError):
        TaskFilter(role="owner")


# -- the command line ----------------------------------------------------------------------------

def test_query_tasks_table_for_people(db_path):
    result = run("query", "tasks", "--db", str(db_path), "--unit", "so noi vu")
    assert result.exit_code == 0
    assert "Trước ngày 5/7/2022" in result.output and "3 tasks" in result.output
    assert "Sở Nội vụ" in result.output


def test_query_tasks_json_jsonl_csv(db_path):
    args = ["query", "tasks", "--db", str(db_path), "--unit", "Sở NV", "--role", "lead"]
    rows = json.loads(run(*args, "--format", "json").output)
    assert isinstance(rows, list) and len(rows) == 2 and rows[0]["lead"] == ["Sở Nội vụ"]
    lines = run(*args, "--format", "jsonl").output.splitlines()
    assert [json.loads(line)["task_id"] for line in lines] == [r["task_id"] for r in rows]
    table = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv").output)))
    assert [r["deadline_raw"] for r in table] == ["Trước ngày 5/7/2022", "Trước ngày 30/8/2022"]
    assert table[0]["support"] == "UBND cấp huyện"


def test_query_tasks_every_option_from_the_command_line(db_path):
    out = run("query", "tasks", "--db", str(db_path), "--province", "lao cai", "--dimension", "thu tuc hanh chinh",
              "--due-before", "2022-08-31", "--due-after", "2022-08-01", "--document", "239/KH-UBND",
              "--text", "giay chung nhan", "--format", "json").output
    assert [r["label"] for r in json.loads(out)] == ["23"]
    out = run("query", "tasks", "--db", str(db_path), "--overdue", "--today", "2022-08-01", "--format", "json").output
    assert [r["deadline_date"] for r in json.loads(out)] == ["2022-07-05"]
    assert run("query", "tasks", "--db", str(db_path), "--limit", "2", "--format", "jsonl").output.count("\n") == 2


def test_query_usage_errors_are_plain(db_path):
    result = CliRunner().invoke(cli, ["query", "tasks", "--db", str(db_path), "--dimension", "công"])
    assert result.exit_code == 2 and "several PAPI areas" in result.output
    result = CliRunner().invoke(cli, ["query", "tasks", "--db", str(db_path), "--due-before", "5/7/2022"])
    assert result.exit_code == 2
    result = CliRunner().invoke(cli, ["query", "tasks", "--db", str(db_path / "missing.db")])
    assert result.exit_code == 2


def test_query_documents_units_cites_commands(db_path):
    docs = json.loads(run("query", "documents", "--db", str(db_path), "--text", "Uỷ ban nhân dân", "--format", "json").output)
    assert {d["document"] for d in docs} == {"000_510d0c522d41e05f.txt", "239/KH-UBND"}
    units = list(csv.DictReader(io.StringIO(
        run("query", "units", "--db", str(db_path), "--unit", "Sở TN&MT", "--format", "csv").output)))
    assert [(u["unit"], u["support_tasks"], u["written"]) for u in units] == [
        ("Sở Tài nguyên và Môi trường", "2", "Sở TN&MT; Sở Tài nguyên và Môi trường")]
    cites = run("query", "cites", "239/KH-UBND", "--db", str(db_path))
    assert "cited by" in cites.output and "000_510d0c522d41e05f.txt" in cites.output
    assert "59/2019/NĐ-CP" in cites.output
    lines = run("query", "cites", "239/KH-UBND", "--db", str(db_path), "--format", "jsonl").output.splitlines()
    assert [json.loads(line)["direction"] for line in lines] == ["cited_by", "cites"]
    assert "12 units" in run("query", "units", "--db", str(db_path)).output  # units are per province


def test_stats_table_json_and_plot(db_path, tmp_path):
    table = run("stats", "--db", str(db_path))
    assert table.exit_code == 0 and "Tasks per PAPI area" in table.output and "Quản trị điện tử" in table.output
    data = json.loads(run("stats", "--db", str(db_path), "--format", "json").output)
    assert {r["what"]: r["count"] for r in data["totals"]}["tasks"] == 10
    assert {r["area"]: r["tasks"] for r in data["areas"]}[8] == 2
    assert {r["province"]: r["documents"] for r in data["provinces"]} == {"Lào Cai": 2, "Lai Châu": 1}
    assert {r["month"]: r["tasks"] for r in data["deadline_months"]} == {
        "(no date)": 5, "2022-07": 1, "2022-08": 2, "2022-09": 1, "2023-12": 1}
    assert {r["level"]: r["lead_tasks"] for r in data["unit_levels"]}["generic-district"] == 3
    png = tmp_path / "plot.png"
    assert run("stats", "--db", str(db_path), "--plot", str(png)).exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


def test_every_query_command_and_option_has_help():
    import click

    from vanban.query_cli import query, serve, stats

    commands = [stats, serve, cli.commands["export"], *query.commands.values()]
    for command in commands:
        assert command.help, command.name
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{command.name} {param.name}"


# -- the seeds, through the real pipeline ---------------------------------------------------------

def test_queries_over_the_seeds(seeds_db):
    db = open_db(seeds_db)
    so_noi_vu = query_tasks(db, unit="so noi vu")
    assert so_noi_vu and all(
        any(unit_matches("Sở Nội vụ", u) for u in r["lead"] + r["support"]) for r in so_noi_vu)
    assert query_tasks(db, unit="Sở NV") == so_noi_vu
    assert query_tasks(db, text="thu tuc hanh chinh")
    assert query_documents(db, text="dang uy")  # "Đảng ủy" / "Đảng" in the seeds' text
    assert {r["province"] for r in query_documents(db, province="lao cai")} == {"Lào Cai"}
    cited = query_cites(db, "239/KH-UBND")
    assert any(r["direction"] == "cites" for r in cited)
