"""Every task a document assigns, from its assignment tables and its prose, with PAPI areas.

Tables are read first: a plan's appendix table is its most reliable statement of who does
what. Prose tasks follow in document order.
"""

from __future__ import annotations

from collections.abc import Callable

from vanban.extract.papi import area_named, classify_area, document_areas
from vanban.extract.prose_tasks import tasks_from_prose
from vanban.extract.table_tasks import TableRow, tasks_from_table
from vanban.schema.models import DocMeta, Document, Task


def _table_dimensions(rows: list[tuple[Task, TableRow]], areas_of_doc: Callable[[], list[int]],
                      year: int | None) -> None:
    """Give each table task its PAPI area from the table's own structure, else its words.

    A group row naming an area wins; a group titled otherwise (a PAR INDEX field, a unit) gives
    none; where group titles were lost, the k-th group of a table with as many groups as the
    document has areas is area k; otherwise classify.
    The document's areas (read from its whole text) are asked for only when a row needs them."""
    groups = sorted({row.group for _, row in rows})
    doc_areas: list[int] | None = None
    by_order = False
    for task, row in rows:
        named = area_named(row.group_title) if row.group_title else None
        if not named and doc_areas is None:
            doc_areas = areas_of_doc()
            by_order = len(doc_areas) >= 2 and len(groups) == len(doc_areas)
        if named:
            task.dimension, task.dimension_rule = named, "table-group-title"
        elif row.group_title:
            continue  # grouped by something else (a PAR INDEX field, a unit): no PAPI area
        elif by_order and doc_areas:
            task.dimension, task.dimension_rule = doc_areas[groups.index(row.group)], "table-group-order"
        elif doc_areas:
            area, why = classify_area(task.text, year)
            if area:
                task.dimension, task.dimension_rule = area, f"vocabulary:{why}"


def _carry_group(rows: list[tuple[Task, TableRow]], title: str) -> None:
    """A table whose header repeats the one before it goes on with it, across a page: its rows
    before a group row of their own belong to the group the page break cut."""
    first = rows[0][1].group
    for _, row in rows:
        if row.group != first or row.group_title:
            return
        row.group_title = title


HEADLINE_CHARS = 250


def _is_headline(title: str) -> bool:
    """A title set as one: short, and no sentence (a page with no headline lends its first
    sentence as the title: "Đề nghị các phòng, ban … trước ngày 15/8/2024." is a task)."""
    title = title.rstrip()
    return 0 < len(title) <= HEADLINE_CHARS and not title.endswith((".", ";", ":", "!", "?"))


def find_tasks(doc: Document, meta: DocMeta, named_areas: list[int] | None = None) -> list[Task]:
    """All tasks of one document: table rows first, then prose, each with its provenance.
    `named_areas` is find_papi_areas(doc.text) when the caller has it already."""
    year = meta.issue_date.year if meta.issue_date else None
    areas: list[int] | None = None

    def areas_of_doc() -> list[int]:  # read from the whole text once, and only if needed
        nonlocal areas
        if areas is None:
            areas = document_areas(doc.text, year, named_areas)
        return areas

    tasks: list[Task] = []
    above = ""  # the short line just above a table: its heading, maybe with a time for its rows
    last_header: list[str] | None = None  # the header and last group of the table before
    last_group = ""
    for block in doc.blocks:
        if block.kind != "table":
            above = block.text if len(block.text) <= 120 else ""
            continue
        rows = tasks_from_table(block, year, above)
        header = (block.rows or [[]])[0]
        if rows and header == last_header and last_group:
            _carry_group(rows, last_group)
        if rows:
            _table_dimensions(rows, areas_of_doc, year)
            tasks.extend(t for t, _ in rows)
            last_header, last_group = header, rows[-1][1].group_title
    number = meta.evidence.get("number")
    # the letterhead above the document's own number ("UBND TỈNH TUYÊN QUANG" / "SỞ NỘI VỤ" /
    # "Số: …") assigns nothing: read as a heading, its caps name had become every item's lead
    body = [b for b in doc.blocks if b.end > number.start] if number is not None and number.end > 0 else doc.blocks
    prose = tasks_from_prose(body, meta.issuer, year, meta.type, doc.text)
    title = meta.evidence.get("title")
    if title is not None and _is_headline(doc.text[title.start : title.end]):
        # the title names or reports, it assigns nothing ("Phó Chủ tịch UBND tỉnh … chủ trì họp
        # bàn giải pháp …", a news item's headline)
        prose = [t for t in prose if not title.start <= t.start < title.end]
    tasks.extend(prose)
    return tasks
