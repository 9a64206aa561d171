"""Questions to the task database as plain functions: tasks, documents, units, citations, counts.

Every filter works on what people type: unit names with or without diacritics or in their usual
abbreviations ("so noi vu", "Sở NV"), area numbers or names, document numbers or file names.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, fields
from importlib import resources

import sqlite_utils

from vanban.ingest.normalize import fold
from vanban.schema.store import PAPI_AREA_NAMES, number_key

# Abbreviations in unit names, expanded on both sides before two names are compared. Written as
# printed; "&" and "-" inside an abbreviation are ignored ("TN&MT" = "TNMT"). Where one
# abbreviation has several readings ("TP": thành phố, Tư pháp) every reading is tried. The
# extractor's own table (extract/data/units.toml, [abbreviations]) is merged in when present.
UNIT_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "UBND": ("Ủy ban nhân dân",),
    "HĐND": ("Hội đồng nhân dân",),
    "MTTQ": ("Mặt trận Tổ quốc",),
    "UBMTTQ": ("Ủy ban Mặt trận Tổ quốc",),
    "NV": ("Nội vụ",),
    "TC": ("Tài chính",),
    "TP": ("thành phố", "Tư pháp"),
    "TX": ("thị xã",),
    "TT": ("Thanh tra", "thị trấn"),
    "VP": ("Văn phòng",),
    "YT": ("Y tế",),
    "XD": ("Xây dựng",),
    "CT": ("Công Thương",),
    "CA": ("Công an",),
    "GD&ĐT": ("Giáo dục Đào tạo",),
    "TN&MT": ("Tài nguyên Môi trường",),
    "KH&ĐT": ("Kế hoạch Đầu tư",),
    "KH&CN": ("Khoa học Công nghệ",),
    "TT&TT": ("Thông tin Truyền thông",),
    "LĐ-TB&XH": ("Lao động Thương binh Xã hội",),
    "NN&PTNT": ("Nông nghiệp Phát triển nông thôn",),
    "NN&MT": ("Nông nghiệp Môi trường",),
    "VH-TT&DL": ("Văn hóa Thể thao Du lịch",),
    "GTVT": ("Giao thông vận tải",),
    "DT&TG": ("Dân tộc Tôn giáo",),
    "XH": ("Xã hội",),
    "BHXH": ("Bảo hiểm xã hội",),
    "KBNN": ("Kho bạc Nhà nước",),
    "HCC": ("hành chính công",),
    "TDP": ("tổ dân phố",),
    "LĐLĐ": ("Liên đoàn Lao động",),
    "HLHPN": ("Hội Liên hiệp Phụ nữ",),
    "ĐTN": ("Đoàn Thanh niên",),
    "PT-TH": ("Phát thanh Truyền hình",),
}
# Words that differ between two spellings of one name ("Sở Tài nguyên và Môi trường").
UNIT_FILLER = {"va"}
# Province names are compared without these leading words.
_PROVINCE_PREFIX = re.compile(r"^(tinh|thanh pho|tp\.?)\s+")
_INNER_JOINER = re.compile(r"(?<=\w)[&\-](?=\w)")

STATUS_OVERDUE = "quá hạn"
STATUS_SOON = "sắp đến hạn"
STATUS_LATER = "chưa đến hạn"
SOON_DAYS = 30


def _abbreviation_key(abbr: str) -> str:
    return fold(_INNER_JOINER.sub("", abbr))


@functools.cache
def abbreviations() -> dict[str, tuple[str, ...]]:
    """Folded abbreviation → folded readings: this module's table plus the extractor's."""
    table: dict[str, list[str]] = {}
    try:
        text = (resources.files("vanban.extract") / "data" / "units.toml").read_text(encoding="utf-8")
        extra = tomllib.loads(text).get("abbreviations", {})
    except (OSError, ModuleNotFoundError, tomllib.TOMLDecodeError):
        extra = {}
    for abbr, readings in itertools.chain(
        UNIT_ABBREVIATIONS.items(), ((k, (v,)) for k, v in extra.items() if isinstance(v, str))
    ):
        key = _abbreviation_key(abbr)
        for reading in readings:
            words = " ".join(w for w in re.findall(r"\w+", fold(reading)) if w not in UNIT_FILLER)
            if words not in table.setdefault(key, []):
                table[key].append(words)
    return {k: tuple(v) for k, v in table.items()}


@functools.lru_cache(maxsize=100_000)
def unit_keys(name: str) -> frozenset[str]:
    """Comparison forms of a unit name: folded, abbreviations expanded, "và" dropped.

    "Sở NV", "so noi vu" and "Sở Nội vụ" all give {"so noi vu"}; an ambiguous abbreviation
    gives one form per reading (at most 16)."""
    table = abbreviations()
    words = re.findall(r"\w+", fold(_INNER_JOINER.sub("", name)))
    options = [table.get(w, (w,)) for w in words if w not in UNIT_FILLER]
    return frozenset(" ".join(c) for c in itertools.islice(itertools.product(*options), 16))


def unit_matches(query: str, name: str) -> bool:
    """True when the name contains the query's words in order (any reading of either)."""
    names = [f" {k} " for k in unit_keys(name)]
    return any(f" {q} " in n for q in unit_keys(query) if q for n in names)


def resolve_dimension(value: str | int) -> int:
    """A PAPI area from its number ("8") or any part of its name ("quản trị điện tử", "dien tu")."""
    text = str(value).strip()
    if text.isdigit():
        if int(text) in PAPI_AREA_NAMES:
            return int(text)
        raise ValueError(f"no PAPI area {text}: areas are numbered 1 to 8")
    hits = [k for k, v in PAPI_AREA_NAMES.items() if fold(text) in fold(v)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise ValueError(f"no PAPI area is named like {text!r}")
    names = "; ".join(f"{k} {PAPI_AREA_NAMES[k]}" for k in hits)
    raise ValueError(f"{text!r} names several PAPI areas: {names}")


def province_key(name: str | None) -> str:
    return _PROVINCE_PREFIX.sub("", fold(name or "").strip())


def fts_query(text: str) -> str:
    """An FTS5 query from what a person types: folded, every word required, "phrases" kept,
    a trailing * kept as a prefix search. Searches the folded column only."""
    folded = fold(text)
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"|(\w+\*?)', folded):
        if phrase:
            words = re.findall(r"\w+", phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
        elif word:
            parts.append(f'"{word.rstrip("*")}"' + ("*" if word.endswith("*") else ""))
    if not parts:
        raise ValueError(f"nothing to search for in {text!r}")
    return "text_folded : (" + " ".join(parts) + ")"


def task_status(deadline: str | dt.date | None, today: dt.date) -> str | None:
    """quá hạn (passed), sắp đến hạn (within 30 days), chưa đến hạn, or None without a date."""
    if not deadline:
        return None
    date = deadline if isinstance(deadline, dt.date) else dt.date.fromisoformat(deadline)
    if date < today:
        return STATUS_OVERDUE
    if date <= today + dt.timedelta(days=SOON_DAYS):
        return STATUS_SOON
    return STATUS_LATER


@dataclass
class TaskFilter:
    """The filters `vanban query` understands; None (or False) means "any"."""

    unit: str | None = None
    role: str | None = None  # lead | support
    province: str | None = None
    dimension: str | int | None = None
    due_before: dt.date | None = None  # on or before
    due_after: dt.date | None = None  # on or after
    due_within: int | None = None  # from today to this many days later
    overdue: bool = False
    today: dt.date | None = None
    document: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        if self.role not in (None, "lead", "support"):
            raise ValueError(f"role must be lead or support, not {self.role!r}")
        for name in ("due_before", "due_after", "today"):
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, dt.date.fromisoformat(value))
            elif isinstance(value, dt.datetime):
                setattr(self, name, value.date())

    @classmethod
    def of(cls, **kwargs) -> TaskFilter:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in kwargs.items() if k in names})


def register_functions(conn) -> None:
    """vanban's SQL functions on a sqlite3 connection: vanban_fold(text), vanban_unit_match(query,
    name), vanban_number_key(number), vanban_province(name). Used by queries and by Datasette."""
    conn.create_function("vanban_fold", 1, lambda s: fold(s) if s is not None else None, deterministic=True)
    conn.create_function("vanban_unit_match", 2, lambda q, n: int(bool(q and n and unit_matches(q, n))),
                         deterministic=True)
    conn.create_function("vanban_number_key", 1, lambda s: number_key(s) if s is not None else None,
                         deterministic=True)
    conn.create_function("vanban_province", 1, province_key, deterministic=True)


def matching_units(db: sqlite_utils.Database, query: str) -> tuple[set[str], set[str]]:
    """Unit ids whose name or any alias matches, and task_units texts that match by themselves."""
    ids: set[str] = set()
    for row in db.query("select id, name from units"):
        if unit_matches(query, row["name"]):
            ids.add(row["id"])
    for row in db.query("select unit_id, alias from unit_aliases"):
        if row["unit_id"] not in ids and unit_matches(query, row["alias"]):
            ids.add(row["unit_id"])
    texts = {r["text"] for r in db.query("select distinct text from task_units") if unit_matches(query, r["text"])}
    return ids, texts


def matching_documents(db: sqlite_utils.Database, ref: str) -> list[str]:
    """Ids of documents given by number ("239/KH-UBND", or "239" alone), file name or source."""
    key = number_key(ref)
    hits = []
    for row in db.query("select id, number, name, source from documents"):
        doc_key = number_key(row["number"]) if row["number"] else ""
        if (doc_key and (doc_key == key or doc_key.startswith(key + "/"))) or ref in (row["name"], row["source"]):
            hits.append(row["id"])
    return hits


def _in(column: str, values: Iterable) -> tuple[str, list]:
    values = list(values)
    if not values:
        return "0", []
    return f"{column} in ({', '.join('?' for _ in values)})", values


def _unit_link(db: sqlite_utils.Database, f: TaskFilter) -> tuple[str, list]:
    """A condition on task_units `tu` for --unit and --role."""
    link, params = ["1"], []
    if f.role:
        link.append("tu.role = ?")
        params.append(f.role)
    if f.unit:
        ids, texts = matching_units(db, f.unit)
        by_id, id_params = _in("tu.unit_id", ids)
        by_text, text_params = _in("tu.text", texts)
        link.append(f"({by_id} or {by_text})")
        params += id_params + text_params
    return " and ".join(link), params


def _task_clauses(db: sqlite_utils.Database, f: TaskFilter, *, alias: str = "tl",
                  documents_too: bool = True) -> tuple[list[str], list]:
    """WHERE clauses over the task_list view for the task-level filters."""
    clauses: list[str] = []
    params: list = []
    if f.unit or f.role:
        link, link_params = _unit_link(db, f)
        clauses.append(f"exists (select 1 from task_units tu where tu.task_id = {alias}.task_id and {link})")
        params += link_params
    if f.dimension is not None and f.dimension != "":
        clauses.append(f"{alias}.area = ?")
        params.append(resolve_dimension(f.dimension))
    if f.due_before:
        clauses.append(f"{alias}.deadline_date <= ?")
        params.append(f.due_before.isoformat())
    if f.due_after:
        clauses.append(f"{alias}.deadline_date >= ?")
        params.append(f.due_after.isoformat())
    if f.due_within is not None:
        start = f.today or dt.date.today()
        clauses.append(f"{alias}.deadline_date between ? and ?")
        params += [start.isoformat(), (start + dt.timedelta(days=f.due_within)).isoformat()]
    if f.overdue:
        clauses.append(f"{alias}.deadline_date < ?")
        params.append((f.today or dt.date.today()).isoformat())
    if documents_too:
        more, more_params = _document_clauses(db, f, alias=alias)
        clauses += more
        params += more_params
    return clauses, params


def _document_clauses(db: sqlite_utils.Database, f: TaskFilter, *, alias: str) -> tuple[list[str], list]:
    clauses: list[str] = []
    params: list = []
    if f.province:
        clauses.append(f"(vanban_province({alias}.province) = ? or vanban_province({alias}.province_2025) = ?)")
        params += [province_key(f.province)] * 2
    if f.document:
        clause, values = _in(f"{alias}.doc_id", matching_documents(db, f.document))
        clauses.append(clause)
        params += values
    return clauses, params


def _connect(db: sqlite_utils.Database) -> sqlite_utils.Database:
    register_functions(db.conn)
    return db


def _split_units(row: dict) -> dict:
    for key in ("lead", "support"):
        row[key] = row[key].split("; ") if row.get(key) else []
    row["units"] = _json_list(row.get("units"))
    return row


def query_tasks(db: sqlite_utils.Database, f: TaskFilter | None = None, *, limit: int | None = None,
                **filters) -> list[dict]:
    """Tasks matching every filter, best match first with `text`, else in document order.

    Rows are task_list rows (lead and support as lists of units as written), plus `rank` (bm25,
    lower is better) when searching."""
    f = f or TaskFilter.of(**filters)
    _connect(db)
    clauses, params = _task_clauses(db, f)
    select = "select tl.*"
    source = "task_list tl"
    order = "tl.source_name, tl.doc_id, tl.ordinal"
    if f.text:
        source += (" join (select rowid as fts_rowid, bm25(tasks_fts) as rank from tasks_fts"
                   " where tasks_fts match ?) fts on fts.fts_rowid = tl.task_rowid")
        params = [fts_query(f.text)] + params
        select += ", fts.rank"
        order = "fts.rank, " + order
    sql = f"{select} from {source}"
    if clauses:
        sql += " where " + " and ".join(clauses)
    sql += f" order by {order}"
    if limit:
        sql += f" limit {int(limit)}"
    rows = []
    for row in db.query(sql, params):
        row = _split_units(dict(row))
        row.pop("fts_rowid", None)
        rows.append(row)
    return rows


def query_documents(db: sqlite_utils.Database, f: TaskFilter | None = None, *, limit: int | None = None,
                    **filters) -> list[dict]:
    """Documents matching the filters. `text` searches the documents' own text (ranked); `dimension`
    is any area the document names or files tasks under; the unit, role and deadline filters keep
    documents with at least one such task."""
    f = f or TaskFilter.of(**filters)
    _connect(db)
    clauses, params = _document_clauses(db, f, alias="dl")
    if f.dimension is not None and f.dimension != "":
        clauses.append("exists (select 1 from document_areas da where da.doc_id = dl.doc_id and da.area = ?)")
        params.append(resolve_dimension(f.dimension))
    task_only = TaskFilter(unit=f.unit, role=f.role, due_before=f.due_before, due_after=f.due_after,
                           due_within=f.due_within, overdue=f.overdue, today=f.today)
    task_clauses, task_params = _task_clauses(db, task_only, documents_too=False)
    if task_clauses:
        clauses.append(f"dl.doc_id in (select tl.doc_id from task_list tl where {' and '.join(task_clauses)})")
        params += task_params
    select, source, order = "select dl.*", "document_list dl", "dl.source_name, dl.doc_id"
    if f.text:
        source += (" join (select rowid as fts_rowid, bm25(documents_fts) as rank from documents_fts"
                   " where documents_fts match ?) fts on fts.fts_rowid = dl.doc_rowid")
        params = [fts_query(f.text)] + params
        select += ", fts.rank"
        order = "fts.rank, " + order
    sql = f"{select} from {source}" + (" where " + " and ".join(clauses) if clauses else "")
    sql += f" order by {order}" + (f" limit {int(limit)}" if limit else "")
    rows = []
    for row in db.query(sql, params):
        row = dict(row)
        row.pop("fts_rowid", None)
        row["areas"] = _json_list(row.get("areas"))
        row["indices"] = row["indices"].split(", ") if row.get("indices") else []
        rows.append(row)
    return rows


def _json_list(value) -> list:
    return json.loads(value) if isinstance(value, str) else (value or [])


def query_units(db: sqlite_utils.Database, f: TaskFilter | None = None, *, limit: int | None = None,
                **filters) -> list[dict]:
    """Units named by tasks that match the filters, most tasks first: name, level, the ways the
    documents write it, and how many tasks it leads and supports (in the filtered tasks)."""
    f = f or TaskFilter.of(**filters)
    _connect(db)
    task_f = TaskFilter(**{**f.__dict__, "unit": None, "role": None})
    clauses, params = _task_clauses(db, task_f)
    link, link_params = _unit_link(db, f)
    if f.text:
        clauses.append("tl.task_rowid in (select rowid from tasks_fts where tasks_fts match ?)")
        params.append(fts_query(f.text))
    where = " and ".join(clauses) or "1"
    sql = f"""
        select u.id as unit_id, coalesce(u.name, tu.text) as unit, u.level, u.province as unit_province,
               sum(tu.role = 'lead') as lead_tasks, sum(tu.role = 'support') as support_tasks,
               count(distinct tl.doc_id) as documents,
               json_group_array(distinct tu.text) as written,
               json_group_array(distinct tl.province) as provinces
        from task_units tu
        join task_list tl on tl.task_id = tu.task_id
        left join units u on u.id = tu.unit_id
        where {link} and {where}
        group by coalesce(u.id, tu.text)
        order by lead_tasks + support_tasks desc, unit
    """ + (f" limit {int(limit)}" if limit else "")
    rows = []
    for row in db.query(sql, link_params + params):
        row = dict(row)
        row["written"] = sorted(set(_json_list(row["written"])))
        row["provinces"] = sorted({p for p in _json_list(row["provinces"]) if p})
        rows.append(row)
    return rows


def query_cites(db: sqlite_utils.Database, number: str) -> list[dict]:
    """Which stored documents cite `number`, and what the document with that number cites.

    One row per citation: `direction` is "cited_by" (the row's document cites `number`) or
    "cites" (`number` cites the row's document); `in_database` says whether that document is
    stored. Numbers compare folded and without spaces ("239/kh-ubnd" = "239/KH-UBND")."""
    _connect(db)
    key = number_key(number)
    targets = matching_documents(db, number)
    rows = []
    target_clause, target_params = _in("c.cited_doc_id", targets)
    for r in db.query(
        f"""select c.*, d.number as doc_number, d.name as doc_name, d.type as doc_type,
                   d.issue_date as doc_date, d.province as doc_province, d.title as doc_title, d.id as did
            from citations c join documents d on d.id = c.doc_id
            where c.number_key = ? or {target_clause}
            order by d.issue_date, d.name, c.ordinal""",
        [key] + target_params,
    ):
        rows.append({
            "direction": "cited_by", "document": r["doc_number"] or r["doc_name"], "type": r["doc_type"],
            "date": r["doc_date"], "province": r["doc_province"], "title": r["doc_title"],
            "relation": r["relation"], "as_written": r["number"], "in_database": True, "doc_id": r["did"],
        })
    if targets:
        clause, values = _in("c.doc_id", targets)
        for r in db.query(
            f"""select c.*, cd.title as cited_title, cd.province as cited_province
                from citations c left join documents cd on cd.id = c.cited_doc_id
                where {clause} order by c.doc_id, c.ordinal""",
            values,
        ):
            rows.append({
                "direction": "cites", "document": r["number"], "type": r["type"], "date": r["date"],
                "province": r["cited_province"], "title": r["cited_title"], "relation": r["relation"],
                "as_written": r["number"], "in_database": r["cited_doc_id"] is not None,
                "doc_id": r["cited_doc_id"],
            })
    return rows


def stats(db: sqlite_utils.Database) -> dict[str, list[dict]]:
    """Counts for a quick look: totals, tasks per PAPI area, per unit level, per province,
    and by deadline month (with the tasks that have no date)."""
    totals = [
        {"what": name, "count": db.execute(f"select count(*) from [{name}]").fetchone()[0]}
        for name in ("documents", "tasks", "citations", "units", "failures")
    ]
    areas = list(db.query("""
        select pa.area, pa.name,
               (select count(*) from tasks t where t.dimension = pa.area) as tasks,
               (select count(*) from document_areas da where da.area = pa.area) as documents
        from papi_areas pa order by pa.area"""))
    no_area = db.execute("select count(*) from tasks where dimension is null").fetchone()[0]
    areas.append({"area": None, "name": "(no area)", "tasks": no_area, "documents": None})
    levels = list(db.query("""
        select coalesce(u.level, '(unknown)') as level, count(distinct u.id) as units,
               sum(tu.role = 'lead') as lead_tasks, sum(tu.role = 'support') as support_tasks
        from task_units tu left join units u on u.id = tu.unit_id
        group by 1 order by lead_tasks + support_tasks desc"""))
    provinces = list(db.query("""
        select coalesce(d.province, '(unknown)') as province, count(*) as documents,
               sum(d.n_tasks) as tasks,
               (select count(distinct da.area) from document_areas da join documents d2 on d2.id = da.doc_id
                where d2.province is d.province) as areas
        from documents d group by d.province order by tasks desc, province"""))
    months = list(db.query("""
        select coalesce(substr(deadline_date, 1, 7), '(no date)') as month, count(*) as tasks
        from tasks group by 1 order by month"""))
    return {"totals": totals, "areas": areas, "unit_levels": levels, "provinces": provinces,
            "deadline_months": months}


def area_province_counts(db: sqlite_utils.Database) -> tuple[list[str], dict[int, dict[str, int]]]:
    """Tasks per PAPI area per province: (provinces, {area: {province: tasks}})."""
    counts: dict[int, dict[str, int]] = {a: {} for a in PAPI_AREA_NAMES}
    provinces: list[str] = []
    for r in db.query("""
            select coalesce(d.province, '(unknown)') as province, t.dimension as area, count(*) as n
            from tasks t join documents d on d.id = t.doc_id
            where t.dimension is not null group by 1, 2 order by 1, 2"""):
        if r["province"] not in provinces:
            provinces.append(r["province"])
        counts.setdefault(r["area"], {})[r["province"]] = r["n"]
    return provinces, counts


def plot_area_province(provinces: list[str], counts: dict[int, dict[str, int]], path) -> None:
    """A grouped bar chart of tasks per PAPI area, one bar per province, written as PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    areas = sorted(PAPI_AREA_NAMES)
    fig, ax = plt.subplots(figsize=(11, 6), dpi=100)
    width = 0.8 / max(len(provinces), 1)
    for i, province in enumerate(provinces or ["(no tasks with an area)"]):
        values = [counts.get(a, {}).get(province, 0) for a in areas]
        positions = [a - 0.4 + width * (i + 0.5) for a in areas]
        ax.barh(positions, values, height=width, label=province)
    ax.set_yticks(areas, [f"{a}. {PAPI_AREA_NAMES[a]}" for a in areas])
    ax.invert_yaxis()
    ax.set_xlabel("Số nhiệm vụ (tasks)")
    ax.set_title("Nhiệm vụ theo nội dung PAPI và tỉnh (tasks per PAPI area per province)")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(title="Tỉnh", loc="best")
    fig.tight_layout()
    fig.savefig(path, format="png")
    plt.close(fig)
