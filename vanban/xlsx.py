"""The task list as an Excel workbook, for the people who follow tasks up in spreadsheets.

One row per task: document, label, task, lead, support, deadline as printed and as a date, PAPI area
and status against a given day; a frozen header with an autofilter.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vanban.query import STATUS_LATER, STATUS_OVERDUE, STATUS_SOON, TaskFilter, query_tasks, task_status

# (header, width): headers in Vietnamese, as the sheet's readers write them.
COLUMNS = [
    ("Văn bản", 18), ("Tỉnh", 12), ("Mục", 7), ("Nhiệm vụ", 70), ("Chủ trì", 28), ("Phối hợp", 32),
    ("Thời hạn", 24), ("Hạn (ngày)", 12), ("Lĩnh vực PAPI", 30), ("Trạng thái", 14),
]
STATUS_FILLS = {STATUS_OVERDUE: "F8CBAD", STATUS_SOON: "FFE699", STATUS_LATER: "C6E0B4"}


def task_cells(row: dict, today: dt.date) -> list:
    """One sheet row from a `query_tasks` row."""
    date = dt.date.fromisoformat(row["deadline_date"]) if row.get("deadline_date") else None
    area = f"{row['area']}. {row['area_name']}" if row.get("area") else None
    return [
        row.get("document"), row.get("province"), row.get("label"), row.get("task"),
        "; ".join(row.get("lead") or []) or None, "; ".join(row.get("support") or []) or None,
        row.get("deadline_raw"), date, area, task_status(date, today),
    ]


def write_tasks_xlsx(rows: list[dict], path: str | Path, *, today: dt.date | None = None) -> int:
    """Write `query_tasks` rows to an .xlsx workbook; returns the number of tasks written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    today = today or dt.date.today()
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    wb.properties.title = "Danh sách nhiệm vụ"
    wb.properties.subject = f"Trạng thái tính đến ngày {today.strftime('%d/%m/%Y')}"
    ws.append([header for header, _ in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    for row in rows:
        ws.append(task_cells(row, today))
        cells = ws[ws.max_row]
        for cell in cells:
            cell.alignment = wrap
        cells[7].number_format = "DD/MM/YYYY"
        status = cells[9].value
        if status in STATUS_FILLS:
            cells[9].fill = PatternFill("solid", fgColor=STATUS_FILLS[status])
    for i, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(ws.max_row, 1)}"
    wb.save(path)
    return len(rows)


def export_tasks_xlsx(db, path: str | Path, f: TaskFilter | None = None, *, today: dt.date | None = None) -> int:
    """The tasks that pass `f` (all when None), as a workbook at `path`."""
    f = f or TaskFilter()
    today = today or f.today or dt.date.today()
    return write_tasks_xlsx(query_tasks(db, f), path, today=today)
