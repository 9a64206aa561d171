"""What Datasette needs from vanban: titles and descriptions, facets, canned queries, SQL functions.

`vanban serve` writes `metadata(db_name)` to a file for `datasette --metadata` and registers this
module as a plugin, so canned queries can call vanban_fold, vanban_unit_match, vanban_number_key.
"""

from __future__ import annotations

import sqlite3
import sys
import urllib.parse

from datasette import hookimpl

TABLES: dict[str, dict] = {
    "documents": {
        "title": "Documents",
        "description": "One row per document read (plan, directive, letter, news item), keyed by its source.",
        "columns": {
            "id": "Stable id: a hash of the source", "source": "Path or URL the document was read from",
            "name": "File name without folder (the export's join key)", "sha256": "Hash of the bytes read",
            "media_type": "text, html, pdf or docx", "encoding": "Character encoding of a text source",
            "pipeline_version": "vanban version that extracted it", "number": "Số, ký hiệu as printed (239/KH-UBND)",
            "number_key": "The number folded (Đ = D), upper case, without spaces: what citations link on",
            "type": "Kế hoạch, Chỉ thị, Công văn, Quyết định, Báo cáo, Tin bài, …",
            "issue_date": "Date of issue (ISO)", "issuer": "Issuing body, short form (UBND tỉnh Lào Cai)",
            "province": "Province of the issuer, as the document names it",
            "province_2025": "The post-2025 (34-province) province it now belongs to",
            "title": "Trích yếu or headline", "signer": "Who signed", "pages": "Pages (PDF)",
            "n_tasks": "Tasks extracted", "n_citations": "Numbered documents it cites",
            "text": "Full clean text (NFC, new-style tone placement)",
            "text_folded": "The text without diacritics, lower case, đ → d (for search)",
            "evidence": "JSON: where each metadata field was found, and by which rule",
            "warnings": "JSON list of reading warnings", "extracted_at": "When it was extracted (UTC)",
        },
    },
    "citations": {
        "title": "Citations",
        "description": "Numbered documents each document cites (căn cứ, thực hiện, …).",
        "columns": {
            "id": "doc_id:ordinal", "doc_id": "The citing document", "ordinal": "Order in the citing text",
            "number": "Number as printed", "number_key": "Number folded, upper case, without spaces",
            "type": "Type of the cited document", "date": "Its date where printed",
            "issuer": "Its issuer where printed", "relation": "basis (căn cứ), implements (thực hiện) or mentions",
            "start": "Character offset in the citing text", "end": "End offset", "rule": "Rule that found it",
            "cited_doc_id": "The cited document, when it is stored too",
        },
    },
    "indices": {
        "title": "Governance indices",
        "description": "Indices a document names: PAPI, PAR INDEX, SIPAS, PCI, DDCI, ICT INDEX.",
        "columns": {"doc_id": "The document", "name": "The index"},
    },
    "papi_areas": {
        "title": "PAPI areas",
        "description": "The eight PAPI content areas (nội dung).",
        "columns": {"area": "Number 1–8", "name": "Vietnamese name"},
    },
    "document_areas": {
        "title": "Document areas",
        "description": "PAPI areas a document covers.",
        "columns": {"doc_id": "The document", "area": "PAPI area",
                    "how": "tasks: it files tasks under the area; named: it only names it"},
    },
    "units": {
        "title": "Units",
        "description": "Government units named by tasks, one row per canonical name.",
        "columns": {"id": "Hash of the folded canonical name", "name": "Canonical name",
                    "level": "province, district, commune, generic-district (UBND cấp huyện), …",
                    "province": "Province of the first document that named it",
                    "folded": "Name without diacritics"},
    },
    "unit_aliases": {
        "title": "Unit aliases",
        "description": "Every way documents write a unit (Sở TN&MT → Sở Tài nguyên và Môi trường).",
        "columns": {"alias": "As written", "folded": "As written, without diacritics", "unit_id": "The unit"},
    },
    "tasks": {
        "title": "Tasks",
        "description": "Assignments of work: a row of an assignment table or a passage naming who leads it.",
        "columns": {
            "id": "doc_id:ordinal", "doc_id": "The document", "ordinal": "Order in the document",
            "label": "Number or letter the document gives it", "text": "The task as written",
            "text_folded": "The task without diacritics (for search)", "deadline_raw": "Deadline as printed",
            "deadline_date": "The date the deadline fixes (last day of a named quarter, month or year)",
            "deadline_kind": "date, period, recurring, by_regulation, start, relative or other",
            "dimension": "PAPI area the document files it under", "dimension_rule": "How the area was found",
            "source_kind": "table or prose", "start": "Character offset in the document text",
            "end": "End offset", "rule": "Rule that found it",
        },
    },
    "task_units": {
        "title": "Task units",
        "description": "Which units lead (chủ trì) and support (phối hợp) each task.",
        "columns": {"task_id": "The task", "unit_id": "The unit", "role": "lead or support",
                    "ordinal": "Order within the role", "text": "The unit as written in the task"},
    },
    "failures": {
        "title": "Failures",
        "description": "Sources that could not be read or extracted, and why.",
        "columns": {"source": "Path or URL", "name": "File name", "stage": "read, ingest, extract, store or timeout",
                    "reason": "Why, in words", "sha256": "Hash of the bytes, when read",
                    "pipeline_version": "vanban version", "at": "When (UTC)"},
    },
    "fetches": {
        "title": "Fetch log",
        "description": "Every request `vanban crawl` made, with its outcome; present in crawled databases only.",
        "columns": {
            "id": "Request number", "run": "When the crawl that made it started (UTC)",
            "url": "URL as linked", "final_url": "URL after redirects (the document's source)",
            "kind": "listing, article or attachment", "parent_url": "The page that carried the link",
            "status": "HTTP status; empty when no response came", "etag": "ETag header",
            "last_modified": "Last-Modified header", "content_type": "Content-Type header",
            "size": "Bytes received", "sha256": "Hash of the body in the raw store",
            "name": "File name given to ingest", "fetched_at": "When (UTC)",
            "error": "Why the request failed, in words",
        },
    },
    "fts_pending": {
        "title": "Search queue",
        "description": "Rows stored but not yet in the search index (indexed in bulk as a batch goes).",
        "hidden": True,
        "columns": {"tbl": "Table of the row", "rid": "Its rowid"},
    },
    "task_list": {
        "title": "Task list",
        "description": "Every task with its document, its lead and support units and its PAPI area. "
                       "Search matches with or without diacritics.",
        "facets": ["province", "area_name", {"array": "units"}],
        "fts_table": "tasks_fts",
        "fts_pk": "task_rowid",
        "columns": {
            "task_id": "The task", "task_rowid": "Row id of the task (links the search index)",
            "doc_id": "The document", "document": "Document number, or file name when it has none",
            "doc_number": "Document number", "doc_type": "Document type", "doc_title": "Document title",
            "issuer": "Issuing body", "issue_date": "Date of issue", "province": "Province of the document",
            "province_2025": "Post-2025 province", "ordinal": "Order in the document",
            "label": "Number the document gives the task", "task": "The task as written",
            "lead": "Lead units as written (chủ trì)", "support": "Supporting units as written (phối hợp)",
            "units": "JSON array: canonical names of all its units", "deadline_raw": "Deadline as printed",
            "deadline_date": "Date the deadline fixes", "deadline_kind": "Kind of deadline",
            "area": "PAPI area number", "area_name": "PAPI area name", "source_kind": "table or prose",
            "source_name": "File name of the document",
        },
    },
    "task_unit_list": {
        "title": "Tasks per unit",
        "description": "One row per task and unit: facet by unit, role, area or province.",
        "facets": ["unit", "role", "area_name", "province"],
        "columns": {
            "task_id": "The task", "role": "lead or support", "unit_ordinal": "Order within the role",
            "unit_as_written": "The unit as the task writes it", "unit_id": "The unit", "unit": "Canonical name",
            "unit_level": "Unit level", "doc_id": "The document", "document": "Document number or file name",
            "province": "Province of the document", "label": "Task number", "task": "The task",
            "deadline_raw": "Deadline as printed", "deadline_date": "Date it fixes", "area": "PAPI area",
            "area_name": "PAPI area name",
        },
    },
    "document_list": {
        "title": "Document list",
        "description": "Documents with their PAPI areas, indices and how often stored documents cite them.",
        "facets": ["province", "type", {"array": "areas"}],
        "fts_table": "documents_fts",
        "fts_pk": "doc_rowid",
        "columns": {
            "doc_id": "The document", "doc_rowid": "Row id of the document (links the search index)",
            "document": "Number, or file name when it has none", "number": "Số, ký hiệu", "type": "Type",
            "issue_date": "Date of issue", "issuer": "Issuing body", "province": "Province",
            "province_2025": "Post-2025 province", "title": "Title", "n_tasks": "Tasks",
            "n_citations": "Documents it cites", "areas": "JSON array of PAPI area names it covers",
            "indices": "Indices it names", "cited_by": "Stored documents citing it",
            "source_name": "File name", "source": "Path or URL", "media_type": "Media type",
            "extracted_at": "When extracted",
        },
    },
    "citation_list": {
        "title": "Citation list",
        "description": "Who cites what: each citation with the citing document and, when stored, the cited one.",
        "facets": ["cited_type", "relation", "citing_province"],
        "columns": {
            "citation_id": "The citation", "doc_id": "The citing document",
            "citing_document": "Citing document's number or file name", "citing_type": "Its type",
            "citing_date": "Its date", "citing_province": "Its province", "citing_title": "Its title",
            "cited_number": "Cited number as printed", "number_key": "Cited number folded, no spaces",
            "cited_type": "Cited type", "cited_date": "Cited date", "cited_issuer": "Cited issuer",
            "relation": "basis, implements or mentions", "cited_doc_id": "The cited document when stored",
            "cited_title": "Its title when stored",
        },
    },
    "province_areas": {
        "title": "PAPI areas per province",
        "description": "For each province and PAPI area: documents covering it and tasks filed under it.",
        "facets": ["province"],
        "columns": {"province": "Province", "area": "PAPI area", "area_name": "Area name",
                    "documents": "Documents covering the area", "tasks": "Tasks filed under the area"},
    },
}

_TASK_COLUMNS = ("tl.document, tl.province, tl.label, tl.task, tl.lead, tl.support, tl.deadline_raw, "
                 "tl.deadline_date, tl.area_name")
_TODAY = "coalesce(nullif(:today, ''), date('now'))"

QUERIES: dict[str, dict] = {
    "tasks_of_unit": {
        "title": "Tasks of a unit",
        "description": "Tasks a unit leads or supports. Type the unit as you like: 'Sở Nội vụ', "
                       "'so noi vu', 'Sở NV', 'UBND cấp huyện'.",
        "sql": f"""select tu.role, tu.text as unit_as_written, {_TASK_COLUMNS}
from task_units tu
join task_list tl on tl.task_id = tu.task_id
left join units u on u.id = tu.unit_id
where vanban_unit_match(:unit, tu.text) or vanban_unit_match(:unit, u.name)
   or exists (select 1 from unit_aliases a where a.unit_id = tu.unit_id and vanban_unit_match(:unit, a.alias))
order by tl.deadline_date is null, tl.deadline_date, tl.document, tl.ordinal, tu.role""",
    },
    "deadlines_next_30_days": {
        "title": "Deadlines in the next 30 days",
        "description": "Tasks due from today (or the day you give, YYYY-MM-DD) to 30 days later.",
        "sql": f"""select {_TASK_COLUMNS}
from task_list tl
where tl.deadline_date >= {_TODAY} and tl.deadline_date <= date({_TODAY}, '+30 days')
order by tl.deadline_date, tl.document, tl.ordinal""",
    },
    "overdue_tasks": {
        "title": "Overdue tasks",
        "description": "Tasks whose deadline date passed before today (or the day you give, YYYY-MM-DD).",
        "sql": f"""select cast(julianday({_TODAY}) - julianday(tl.deadline_date) as integer) as days_overdue,
  {_TASK_COLUMNS}
from task_list tl
where tl.deadline_date < {_TODAY}
order by tl.deadline_date, tl.document, tl.ordinal""",
    },
    "papi_areas_per_province": {
        "title": "PAPI areas covered per province",
        "description": "How many of the eight PAPI areas each province's documents cover, which, "
                       "and how many tasks they file under them.",
        "sql": """select p.province, count(*) as areas,
  group_concat(p.area || ' ' || p.area_name, '; ') as areas_covered,
  sum(p.tasks) as tasks_with_area,
  (select count(*) from documents d where d.province is p.province) as documents
from (select * from province_areas order by province, area) p
group by p.province
order by areas desc, p.province""",
    },
    "documents_citing": {
        "title": "Documents citing a document",
        "description": "Stored documents that cite a number ('239/KH-UBND'; case, spaces and "
                       "diacritics do not matter).",
        "sql": """select cl.citing_document, cl.citing_type, cl.citing_date, cl.citing_province,
  cl.citing_title, cl.relation, cl.cited_number, cl.cited_title
from citation_list cl
where cl.number_key = vanban_number_key(:number)
order by cl.citing_date, cl.citing_document""",
    },
}


# Datasette lists column descriptions one per line above the rows; four to a line keeps the
# facets and the first rows on screen.
COMPACT_CSS = (
    "dl.column-descriptions{display:grid;grid-template-columns:repeat(4,max-content 1fr);"
    "gap:.1em .6em;font-size:.8em;margin:.3em 0 1em}"
    "dl.column-descriptions dt{font-weight:600}dl.column-descriptions dd{margin:0;color:#555}"
)


def metadata(db_name: str) -> dict:
    """Datasette metadata for a vanban database served under `db_name` (the file's stem)."""
    return {
        "title": "vanban: tasks from Vietnamese government documents",
        "extra_css_urls": ["data:text/css;charset=utf-8," + urllib.parse.quote(COMPACT_CSS)],
        "description": "Tasks (who leads, who supports, deadline, PAPI area) extracted from provincial "
                       "plans, directives and news items. Start with the task list, or a canned query.",
        "databases": {
            db_name: {
                "title": "Task database",
                "description": "Start at task_list (one row per task) or the canned queries below.",
                "tables": TABLES,
                "queries": QUERIES,
            }
        },
    }


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    from vanban.query import register_functions

    register_functions(conn)


def register_plugin() -> None:
    """Make this module a Datasette plugin in this process (for `vanban serve`)."""
    from datasette.plugins import pm

    if not pm.is_registered(sys.modules[__name__]):
        pm.register(sys.modules[__name__], name="vanban")
