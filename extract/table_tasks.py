"""Tasks from assignment tables: columns known by their headings, one task per data row.

The same table reaches us from PDF, DOCX, HTML and flattened text; ingest turns each into
rows of cells, so this module sees one shape and treats all four alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from vanban.extract import structure
from vanban.extract.deadlines import find_deadline, parse_deadline
from vanban.extract.units import unit_at_start, unit_refs
from vanban.ingest.normalize import fold
from vanban.ingest.text import joins
from vanban.schema.models import Block, Deadline, Task, UnitRef

ROLE_LABEL, ROLE_TASK, ROLE_LEAD, ROLE_SUPPORT, ROLE_DEADLINE = "label", "task", "lead", "support", "deadline"


@cache
def _columns() -> list[tuple[str, re.Pattern[str]]]:
    """Each column entry of structure.toml as one compiled pattern, in the file's order."""
    out = []
    for c in structure.data()["column"]:
        alternatives = "|".join(re.escape(h) for h in sorted(c["headings"], key=len, reverse=True))
        pattern = rf"^(?:{alternatives})$" if c.get("exact", False) else rf"\b(?:{alternatives})\b"
        out.append((c["role"], re.compile(pattern)))
    return out


@cache
def column_role(heading: str) -> str | None:
    """The role of a column from its heading ("Cơ quan chủ trì" → lead), or None."""
    if len(heading) > 120:
        return None  # a cell of running text, not a heading
    text = re.sub(r"\s+", " ", fold(heading)).strip(" .:|")
    if not text:
        return None
    for role, pattern in _columns():
        if pattern.search(text):
            return role
    return None


@dataclass
class Header:
    row: int
    roles: dict[int, str] = field(default_factory=dict)  # column index → role


def find_header(rows: list[list[str]]) -> Header | None:
    """The first row (of the first five) naming a task column and a lead column, or a task
    column and a time or support column (the lead then comes from the group rows)."""
    for i, row in enumerate(rows[:5]):
        roles = _row_roles(row)
        found = set(roles.values())
        if ROLE_TASK in found and found & {ROLE_LEAD, ROLE_DEADLINE, ROLE_SUPPORT}:
            if i + 1 < len(rows) and not _LABEL.fullmatch(_clean(rows[i + 1][0])):
                # a header on two rows: "Cơ quan thực hiện" over "Chủ trì | Phối hợp"
                below = _row_roles(rows[i + 1])
                if ROLE_SUPPORT in below.values() and ROLE_SUPPORT not in found:
                    merged = {j: r for j, r in roles.items() if r not in below.values() and j not in below}
                    return Header(i + 1, {**merged, **below})
            return Header(i, roles)
    return None


def _row_roles(row: list[str]) -> dict[int, str]:
    """Column index → role, for the cells of `row` that name one (the first of each role)."""
    roles: dict[int, str] = {}
    for j, cell in enumerate(row):
        role = column_role(cell)
        if role and role not in roles.values():
            roles[j] = role
    return roles


_LABEL = re.compile(r"^\s*(?P<label>(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ]))[.)]?\s*$")


def _clean(cell: str) -> str:
    r"""The cell's words, one space apart: what re.sub(r"\s+", " ", cell).strip() gives, as
    str.split() and \s know the same spaces, without a regex."""
    return " ".join(cell.split()) if cell else ""


@dataclass
class TableRow:
    """A data row read through the header: its group, label and cells by role."""

    group: int
    group_title: str
    label: str | None
    cells: dict[str, str]
    index: int


_ROMAN_LABEL = re.compile(r"^\s*(?:[IVXLC]+|[A-Z])[.)]?\s*$")  # "II", or "A" in tables lettered by group


def _is_group_title(label: str, text: str, next_label: str = "") -> bool:
    """A row with nothing but a title heads a group when it is labelled like one ("I", "II",
    none), written in capitals, or numbered over the rows below ("2 | Nội dung 2: Công khai,
    minh bạch" over "2.1"); "2.3" with blank units is a task whose cells were merged."""
    if not label.strip() or _ROMAN_LABEL.match(label) or text.upper() == text:
        return True
    number = label.strip().rstrip(".)")
    return bool(number) and next_label.strip().startswith(number + ".") and len(next_label.strip()) > len(number) + 1


_UNIT_ROLES = (ROLE_LEAD, ROLE_SUPPORT)


def _next_label(rows: list[list[str]], i: int, col: int | None) -> str:
    """The label of the next row that has one."""
    if col is None:
        return ""
    return next((r[col] for r in rows[i + 1:i + 4] if col < len(r) and r[col].strip()), "")


def _wraps(above: str, cell: str) -> bool:
    """`cell` goes on with the cell above it, a line it wrapped out of: "Sở Nông nghiệp và" /
    "Môi trường", "Trước ngày" / "31/3/2026", "Các sở, ban, ngành;" / "UBND các xã"."""
    return bool(above) and (cell[0].islower() or above.endswith((";", ",", "-", "–")) or joins(above, cell))


def _continues(above: dict[str, str], cells: dict[str, str]) -> bool:
    """An unnumbered row is the row above wrapped: a cell of it goes on with the one above, and
    no lead or time of its own starts afresh (a lead cell merged down leaves a new task's row
    with a time of its own, or a text in capitals)."""
    task, lead, deadline = cells.get(ROLE_TASK, ""), cells.get(ROLE_LEAD, ""), cells.get(ROLE_DEADLINE, "")
    if not lead and not deadline and (task or cells.get(ROLE_SUPPORT)) and (not task or task[0].islower()):
        return True
    if not task and not deadline and lead:
        return True  # " | | Công an tỉnh | |": the row's units, one a line
    wrapped = False
    for role in (ROLE_TASK, ROLE_SUPPORT, ROLE_LEAD, ROLE_DEADLINE):
        cell = cells.get(role, "")
        if not cell:
            continue
        if _wraps(above.get(role, ""), cell):
            wrapped = True
        elif role in (ROLE_LEAD, ROLE_DEADLINE):
            return False
    return wrapped


def _unit_joint(above: str, cell: str) -> str:
    """How a wrapped unit cell joins the one above: on the same name ("Văn phòng" / "UBND tỉnh"),
    or as the next unit of a list ("Sở Nội vụ" / "Công an tỉnh")."""
    if _wraps(above, cell):
        return " "
    last = unit_refs(above)[-1:] if above else []
    return " " if last and last[0].level is None and len(last[0].text.split()) <= 2 else ", "


def read_rows(rows: list[list[str]], header: Header) -> list[TableRow]:
    """Data rows with the group each belongs to.

    A new group starts at a group row (all cells empty: its title was lost; or a label and a
    title with no unit), and where the numbering restarts or moves on with no group row
    between ("7.1" again after "7.3", or "2.1" after "1.3")."""
    out: list[TableRow] = []
    group, title, fresh = 0, "", False
    seen: set[str] = set()
    prefix_in_group: str | None = None
    by_role = {role: j for j, role in header.roles.items()}
    last_row = -1  # the index of the row the last TableRow was read from, or merged with

    def new_group(group_title: str = "") -> None:
        nonlocal group, title, fresh, prefix_in_group
        group, title, fresh, prefix_in_group = group + 1, group_title, True, None
        seen.clear()

    for i, row in enumerate(rows[header.row + 1:], start=header.row + 1):
        clean = [_clean(c) for c in row]  # once per cell, for the test and the roles
        if not any(clean):
            new_group()
            continue
        cells = {role: clean[j] if j < len(row) else "" for role, j in by_role.items()}
        for role in _UNIT_ROLES:  # a unit cell keeps its author's lines: one unit a line
            j = by_role.get(role)
            if j is not None and j < len(row) and "\n" in row[j]:
                cells[role] = "\n".join(_clean(line) for line in row[j].split("\n"))
        task, lead = cells.get(ROLE_TASK, ""), cells.get(ROLE_LEAD, "")
        if not _LABEL.fullmatch(clean[0]) and find_header([row]) is not None:
            continue  # the header repeated on a new page (a numbered row naming "chỉ tiêu", "đơn vị" is data)
        if clean[0] and not any(clean[1:]) and len(clean[0]) > 8 and not _LABEL.fullmatch(clean[0]):
            new_group(clean[0])  # a heading between two parts: "C. NHIỆM VỤ THƯỜNG XUYÊN"
            continue
        label_cell = cells.get(ROLE_LABEL, "")
        support = cells.get(ROLE_SUPPORT, "")
        if out and last_row == i - 1 and not label_cell and _continues(out[-1].cells, cells):
            # a row's continuation ("| tại các lĩnh vực đất đai, xây dựng | Môi trường | | 31/3/2026"):
            # its cells go on the row above, which it wrapped out of
            last = out[-1]
            for role, cell in cells.items():
                if cell and role != ROLE_LABEL:
                    above = last.cells.get(role, "")
                    sep = _unit_joint(above, cell) if role in _UNIT_ROLES else " "
                    last.cells[role] = f"{above}{sep}{cell}" if above else cell
            last_row = i
            continue
        if task and not lead and not support and not cells.get(ROLE_DEADLINE) \
                and _is_group_title(label_cell, task, _next_label(rows, i, by_role.get(ROLE_LABEL))):
            new_group(task)  # a group row with its title: "I. Tham gia của người dân ở cấp cơ sở"
            continue
        m = _LABEL.match(label_cell) if label_cell else None
        label = m.group("label") if m else (label_cell or None)
        prefix = label.split(".")[0] if label and "." in label else None
        if group == 0:
            new_group()
        elif not fresh and label and (label in seen or (prefix and prefix_in_group and prefix != prefix_in_group)):
            new_group()
        fresh = False
        if label:
            seen.add(label)
        prefix_in_group = prefix or prefix_in_group
        if not task and not lead:
            continue
        out.append(TableRow(group, title, label, cells, i))
        last_row = i
    return out


# One cell naming both roles: "Sở Nội vụ chủ trì; các sở, ngành phối hợp", "Sở Tài chính chủ
# trì, phối hợp với Sở Kế hoạch và Đầu tư", "Sở Nội vụ (chủ trì), Sở Tư pháp".
_LEAD_MARK = r"\s*\(?\s*chủ\s+trì\s*\)?"
_ROLES_IN_CELL = [
    re.compile(rf"^(?P<lead>.+?){_LEAD_MARK}\s*[,;\n]?\s*phối\s+hợp(?:\s+với)?\s*:?\s*(?P<sup>.+?)[.;]?$", re.I | re.S),
    re.compile(rf"^(?P<lead>.+?){_LEAD_MARK}\s*[,;:]\s*(?P<sup>.+?)\s*\(?\s*phối\s+hợp\s*\)?[.;]?$", re.I | re.S),
    re.compile(rf"^(?P<lead>.+?){_LEAD_MARK}\s*[,;\n]\s*(?P<sup>.+?)[.;]?$", re.I | re.S),
]


_LEAD_WORDS = re.compile(r"\(\s*chủ\s+trì\s*\)|\s+chủ\s+trì\s*[.;]?\s*$", re.I)


def roles_in_cell(cell: str) -> tuple[str, str] | None:
    """(lead, support) written in one cell with the words "chủ trì"/"phối hợp", else None."""
    if not re.search(r"chủ\s+trì", cell, re.I):
        return None
    for pattern in _ROLES_IN_CELL:
        m = pattern.match(cell.strip())
        if m:
            return m.group("lead").strip(" ,;:"), m.group("sup").strip(" ,;:")
    return None


def _group_units(title: str) -> list:
    """The units a group row names when it is only that ("II | SỞ NỘI VỤ"), else none."""
    body = re.sub(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]?\s+", "", title or "").strip(" :.;")
    found = unit_at_start(body) if body else None
    if not found or body[found[-1].end:].strip(" :.;,"):
        return []
    return [UnitRef(text=u.text, canonical=u.canonical, level=u.level) for u in found]


def _deadline_in(text: str, ref_year: int | None):
    """With no deadline cell, a time phrase in the task's own text ("… báo cáo trước ngày 15/7")."""
    found = find_deadline(text, ref_year)
    return found[0] if found else None


def _group_deadline(seen: dict[str, Deadline | None], title: str, ref_year: int | None) -> Deadline | None:
    """The time a group row gives its rows ("C. NHIỆM VỤ THƯỜNG XUYÊN", "B. … TRONG QUÝ III/2024")."""
    if not title:
        return None
    if title not in seen:
        found = find_deadline(title, ref_year)
        # "C. NHIỆM VỤ THƯỜNG XUYÊN": in a heading the recurrence is the rows' time, not a thing
        cell = None if found else parse_deadline(title, ref_year)
        seen[title] = found[0] if found else (cell if cell and cell.kind == "recurring" else None)
    return seen[title]


def _note_deadline(note: str, ref_year: int | None) -> Deadline | None:
    """A time in the notes column of a table with no time column ("Trước ngày 20/4/2024",
    "Dự kiến tháng 8/2024"); other notes give none."""
    if not note:
        return None
    found = find_deadline(note, ref_year)
    if found:
        return found[0]
    cell = parse_deadline(note, ref_year)
    return cell if cell and cell.kind in ("date", "period") and len(note) <= 40 else None


def _cell_deadline(seen: dict[str, Deadline | None], raw: str, ref_year: int | None) -> Deadline | None:
    """parse_deadline(raw, ref_year), once per distinct cell of one table."""
    if raw not in seen:
        seen[raw] = parse_deadline(raw, ref_year)
    return seen[raw]


def _cell_units(seen: dict[str, list[UnitRef]], cell: str) -> list[UnitRef]:
    """unit_refs(cell), once per distinct cell of one table."""
    if cell not in seen:
        seen[cell] = unit_refs(cell)
    return seen[cell]


def tasks_from_table(block: Block, ref_year: int | None, heading: str = "") -> list[tuple[Task, TableRow]]:
    """One task per data row of an assignment table; other tables give none. `heading` is the
    line just above the table: a time it names ("A. NHIỆM VỤ TRIỂN KHAI NGAY TRONG THÁNG
    4/2024") is the time of the rows of its first part that give none."""
    rows = block.rows or []
    header = find_header(rows)
    if header is None:
        return []
    if "status" in header.roles.values():
        return []  # a report's table of work done ("Kết quả thực hiện"): no task in it
    has_lead_column = ROLE_LEAD in header.roles.values()
    out = []
    above: tuple[int, list, str] | None = None  # (group, lead, deadline cell) of the row above
    # A deadline cell repeated down the table ("Thường xuyên", "Quý IV/2022") is read once;
    # its rows share the Deadline, which nothing changes afterwards.
    cell_deadlines: dict[str, Deadline | None] = {}
    group_deadlines: dict[str, Deadline | None] = {}  # a group title's time, read once per title
    # So is a unit cell ("Sở Nội vụ"): unit_refs once per distinct cell, and each task gets
    # its own list (Task validation copies it) of the shared UnitRefs, as for a merged lead.
    cell_units: dict[str, list[UnitRef]] = {}
    table_rows = read_rows(rows, header)
    first_group = table_rows[0].group if table_rows and not table_rows[0].group_title else -1
    for row in table_rows:
        text = row.cells.get(ROLE_TASK, "")
        if not text:
            continue
        raw_deadline = row.cells.get(ROLE_DEADLINE, "")
        rule = f"table-row:{row.index}"
        support_cell = row.cells.get(ROLE_SUPPORT, "")
        if has_lead_column:
            lead_cell = row.cells.get(ROLE_LEAD, "")
            both = roles_in_cell(lead_cell)
            if both:
                lead_cell, extra = both
                support_cell = "; ".join(p for p in (extra, support_cell) if p)
            lead = _cell_units(cell_units, _LEAD_WORDS.sub("", lead_cell))
            if not lead and above and above[0] == row.group:
                # a lead cell merged down over several rows reaches us blank below its first row;
                # a blank time cell beside it was merged with it ("Quý III/2024" for both rows)
                lead, rule = above[1], rule + "+lead-from-row-above"
                if not raw_deadline and above[2]:
                    raw_deadline, rule = above[2], rule + "+deadline-from-row-above"
        else:
            lead, rule = _group_units(row.group_title), rule + "+lead-from-group-row"
        if not lead and not has_lead_column:
            continue  # no column and no group row names who leads: not an assignment table
        above = (row.group, lead, raw_deadline)
        task = Task(
            text=text,
            label=row.label,
            lead=lead,
            support=_cell_units(cell_units, support_cell),
            deadline=_cell_deadline(cell_deadlines, raw_deadline, ref_year) if raw_deadline
            else _deadline_in(text, ref_year) or _note_deadline(row.cells.get("note", ""), ref_year)
            or _group_deadline(group_deadlines, row.group_title, ref_year)
            or (_group_deadline(group_deadlines, heading, ref_year) if row.group == first_group else None),
            source_kind="table",
            start=block.start,
            end=block.end,
            rule=rule,
        )
        out.append((task, row))
    return out
