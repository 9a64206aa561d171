"""The store keeps one copy of each document, replaces it atomically, and links citations."""

from __future__ import annotations

import datetime as dt

from vanban.schema.models import Citation, Deadline, DocMeta, Extraction, Failure, Task, UnitRef
from vanban.schema.store import (
    counts,
    doc_id,
    is_current,
    iter_export_records,
    open_db,
    record_failure,
    store_extraction,
)


def _plan(source: str = "corpus/kh239.txt", sha: str = "a" * 64, tasks: int = 2) -> Extraction:
    meta = DocMeta(number="239/KH-UBND", type="Kế hoạch", issue_date=dt.date(2022, 6, 30),
                   issuer="UBND tỉnh Lào Cai", province="Lào Cai", province_2025="Lào Cai",
                   title="CẢI THIỆN CHỈ SỐ PAPI")
    task_list = [
        Task(text="Xây dựng kế hoạch, quán triệt triển khai Pháp lệnh dân chủ ở xã, phường, thị trấn",
             label=f"1.{i + 1}", lead=[UnitRef(text="Sở Nội vụ", canonical="Sở Nội vụ", level="province")],
             support=[UnitRef(text="UBND cấp huyện", canonical="UBND cấp huyện", level="generic-district")],
             deadline=Deadline(raw="Trước ngày 5/7/2022", date=dt.date(2022, 7, 5), kind="date"),
             dimension=1, source_kind="table", start=10, end=90, rule="table-row:3")
        for i in range(tasks)
    ]
    return Extraction(
        source=source, name=source.rsplit("/", 1)[-1], sha256=sha, meta=meta,
        citations=[Citation(number="59/2019/NĐ-CP", type="Nghị định", date=dt.date(2019, 7, 1),
                            relation="mentions", start=5, end=20, rule="citation")],
        indices=["PAPI"], papi_dimensions=[1, 2], tasks=task_list,
    )


def test_restoring_the_same_document_adds_no_rows(tmp_path):
    db = open_db(tmp_path / "t.db")
    store_extraction(db, _plan(), "text", media_type="text")
    before = counts(db)
    store_extraction(db, _plan(), "text", media_type="text")
    assert counts(db) == before
    assert before["documents"] == 1 and before["tasks"] == 2 and before["task_units"] == 4
    assert is_current(db, "corpus/kh239.txt", "a" * 64)
    assert not is_current(db, "corpus/kh239.txt", "b" * 64)


def test_changed_document_replaces_its_rows(tmp_path):
    db = open_db(tmp_path / "t.db")
    store_extraction(db, _plan(tasks=3), "text", media_type="text")
    store_extraction(db, _plan(sha="b" * 64, tasks=1), "text", media_type="text")
    assert counts(db)["tasks"] == 1
    assert db["documents"].get(doc_id("corpus/kh239.txt"))["sha256"] == "b" * 64


def test_failure_is_recorded_and_cleared_by_a_later_success(tmp_path):
    db = open_db(tmp_path / "t.db")
    store_extraction(db, _plan(), "text", media_type="text")
    record_failure(db, Failure(source="corpus/kh239.txt", name="kh239.txt", stage="ingest", reason="empty file"))
    # the failure is noted, and what was stored before stays
    assert counts(db)["failures"] == 1 and counts(db)["documents"] == 1
    store_extraction(db, _plan(sha="c" * 64), "text", media_type="text")
    assert counts(db)["failures"] == 0


def test_citation_links_to_a_cited_document_in_either_order(tmp_path):
    db = open_db(tmp_path / "t.db")
    citing = _plan(source="news.txt", sha="d" * 64)
    citing.meta.number = None
    citing.citations = [Citation(number="239/KH-UBND", type="Kế hoạch", relation="implements",
                                 start=0, end=10, rule="citation")]
    store_extraction(db, citing, "text", media_type="text")
    store_extraction(db, _plan(), "text", media_type="text")  # the cited plan arrives later
    row = next(db.query("select cited_doc_id from citations where doc_id = ?", [doc_id("news.txt")]))
    assert row["cited_doc_id"] == doc_id("corpus/kh239.txt")


def test_units_are_shared_between_tasks_and_keep_their_aliases(tmp_path):
    db = open_db(tmp_path / "t.db")
    store_extraction(db, _plan(), "text", media_type="text")
    assert db["units"].count == 2
    names = {r["name"] for r in db["units"].rows}
    assert names == {"Sở Nội vụ", "UBND cấp huyện"}


def test_export_record_has_the_evaluation_shape(tmp_path):
    db = open_db(tmp_path / "t.db")
    store_extraction(db, _plan(), "text", media_type="text")
    (record,) = list(iter_export_records(db))
    assert record["source"] == "kh239.txt"
    assert record["doc"]["number"] == "239/KH-UBND" and record["doc"]["issue_date"] == "2022-06-30"
    assert record["references"][0]["number"] == "59/2019/NĐ-CP"
    assert record["indices"] == ["PAPI"] and record["papi_dimensions"] == [1, 2]
    task = record["tasks"][0]
    assert task["lead"] == ["Sở Nội vụ"] and task["support"] == ["UBND cấp huyện"]
    assert task["deadline"]["date"] == "2022-07-05" and task["dimension"] == 1


def test_the_same_department_of_two_provinces_is_two_units(tmp_path):
    db = open_db(tmp_path / "t.db")
    store_extraction(db, _plan(), "text", media_type="text")
    other = _plan(source="laichau.txt", sha="e" * 64)
    other.meta.province = "Lai Châu"
    store_extraction(db, other, "text", media_type="text")
    rows = list(db.query("select province from units where name = 'Sở Nội vụ' order by province"))
    assert [r["province"] for r in rows] == ["Lai Châu", "Lào Cai"]


def test_a_number_of_another_province_is_not_linked(tmp_path):
    db = open_db(tmp_path / "t.db")
    store_extraction(db, _plan(), "text", media_type="text")  # 239/KH-UBND of Lào Cai
    citing = _plan(source="laichau-news.txt", sha="f" * 64)
    citing.meta.number, citing.meta.province = None, "Lai Châu"
    citing.citations = [Citation(number="239/KH-UBND", type="Kế hoạch", relation="implements",
                                 start=0, end=10, rule="citation")]
    store_extraction(db, citing, "text", media_type="text")
    row = next(db.query("select cited_doc_id from citations where doc_id = ?", [doc_id("laichau-news.txt")]))
    assert row["cited_doc_id"] is None


def test_a_number_with_d_stroke_links(tmp_path):
    db = open_db(tmp_path / "t.db")
    decision = _plan(source="qd.txt", sha="1" * 64)
    decision.meta.number, decision.meta.issue_date = "701/QĐ-UBND", dt.date(2023, 5, 24)
    decision.citations = []
    store_extraction(db, decision, "text", media_type="text")
    citing = _plan(source="cv.txt", sha="2" * 64)
    citing.meta.number = "/SVHTTDL-VP"
    citing.citations = [Citation(number="701/QĐ-UBND", type="Quyết định", date=dt.date(2023, 5, 24),
                                 relation="implements", start=0, end=10, rule="citation")]
    store_extraction(db, citing, "text", media_type="text")
    row = next(db.query("select cited_doc_id from citations where doc_id = ?", [doc_id("cv.txt")]))
    assert row["cited_doc_id"] == doc_id("qd.txt")
