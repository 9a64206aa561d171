"""`vanban query`, `vanban stats` and `vanban serve`: thin click commands over vanban.query.

Tables for people (rich), JSON, JSON Lines and CSV for programs; Datasette for browsing.
Heavy libraries (rich, matplotlib, datasette) are imported inside the commands.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

DEFAULT_DB = "data/tasks.db"
FORMATS = ["table", "json", "jsonl", "csv"]
ISO_DATE = click.DateTime(formats=["%Y-%m-%d"])


def db_option(f: Callable) -> Callable:
    return click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
                        type=click.Path(exists=True, dir_okay=False, path_type=Path),
                        help="The vanban database to read.")(f)


def format_option(f: Callable) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table: aligned, for people; json: one array of row objects; "
                             "jsonl: one object a line; csv: a header and one line a row.")(f)


def limit_option(f: Callable) -> Callable:
    return click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many rows.")(f)


def task_filters(f: Callable) -> Callable:
    """The filters of `vanban query tasks`, shared with `query documents`, `query units` and
    `export --format xlsx`. They combine: a row must pass every one given."""
    options = [
        click.option("--unit", help="A unit by any name, alias or abbreviation, diacritics optional: "
                                    "'so noi vu', 'Sở NV', 'Sở Nội vụ'."),
        click.option("--role", type=click.Choice(["lead", "support"]),
                     help="Only where the unit leads (chủ trì) or supports (phối hợp)."),
        click.option("--province", help="The document's province, diacritics optional: 'Lào Cai', 'lao cai'."),
        click.option("--dimension", "--area", "dimension",
                     help="PAPI area by number or name: 8, 'quản trị điện tử', 'dien tu'."),
        click.option("--due-before", type=ISO_DATE, help="Deadline date on or before this day (YYYY-MM-DD)."),
        click.option("--due-after", type=ISO_DATE, help="Deadline date on or after this day (YYYY-MM-DD)."),
        click.option("--due-within", type=click.IntRange(min=0), metavar="DAYS",
                     help="Deadline date from --today to DAYS days later (30: the next month's deadlines)."),
        click.option("--overdue", is_flag=True, help="Deadline date already passed (before --today)."),
        click.option("--today", type=ISO_DATE, default=None,
                     help="The day --overdue, --due-within and statuses count from [default: today]."),
        click.option("--document", help="A document by number ('239/KH-UBND', or '239') or file name."),
        click.option("--text", help="Full-text search, diacritics optional ('thu tuc hanh chinh', "
                                    "'dang uy'); every word must occur; best matches first."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


FILTER_KEYS = ("unit", "role", "province", "dimension", "due_before", "due_after", "due_within", "overdue",
               "today", "document", "text")


def _filter(kwargs: dict):
    from vanban.query import TaskFilter

    try:
        return TaskFilter.of(**kwargs)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc


def _open(db_path: Path):
    from vanban.schema.store import open_db

    return open_db(db_path)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _short(text: str, limit: int = 160) -> str:
    """Long task texts cut for the table (the other formats carry them whole)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _console():
    from rich.console import Console

    console = Console(soft_wrap=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(width=160, soft_wrap=False)
    return console


def emit(rows: list[dict], fmt: str, columns: list[tuple[str, str]], *, noun: str = "rows",
         title: str | None = None, lines: bool = True) -> None:
    """Write rows in the chosen format; `columns` (key, header) pick what the table shows."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        keys = list(rows[0]) if rows else [k for k, _ in columns]
        writer = csv.DictWriter(sys.stdout, fieldnames=keys, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in keys})
    else:
        from rich.table import Table

        table = Table(title=title, caption=f"{len(rows)} {noun}", show_lines=lines, expand=False)
        for key, header in columns:
            no_wrap = key in ("deadline_date", "date", "lead_tasks", "support_tasks", "documents", "area")
            table.add_column(header, overflow="fold", no_wrap=no_wrap)
        for row in rows:
            table.add_row(*(_short(_cell(row.get(key))) for key, _ in columns))
        _console().print(table)


TASK_COLUMNS = [("document", "Document"), ("province", "Province"), ("label", "No."), ("task", "Task"),
                ("lead", "Lead"), ("support", "Support"), ("deadline_raw", "Deadline"),
                ("deadline_date", "Date"), ("area", "Area")]


@click.group()
def query() -> None:
    """Ask the task database: tasks, documents, units, and who cites what.

    Filters combine; names match with or without diacritics and in their usual abbreviations."""


@query.command("tasks")
@db_option
@task_filters
@format_option
@limit_option
def tasks_command(db_path: Path, fmt: str, limit: int | None, **filters) -> None:
    """Tasks: who leads, who supports, deadline, PAPI area, and the document they come from."""
    from vanban.query import query_tasks

    f = _filter(filters)
    try:
        rows = query_tasks(_open(db_path), f, limit=limit)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    emit(rows, fmt, TASK_COLUMNS + ([("rank", "Rank")] if f.text else []), noun="tasks")


@query.command("documents")
@db_option
@task_filters
@format_option
@limit_option
def documents_command(db_path: Path, fmt: str, limit: int | None, **filters) -> None:
    """Documents. --text searches their full text; --unit, --role and the deadline filters keep
    documents with at least one such task; --dimension matches any area a document covers."""
    from vanban.query import query_documents

    try:
        rows = query_documents(_open(db_path), _filter(filters), limit=limit)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    emit(rows, fmt, [("document", "Document"), ("type", "Type"), ("issue_date", "Issued"),
                     ("issuer", "Issuer"), ("province", "Province"), ("title", "Title"),
                     ("n_tasks", "Tasks"), ("n_citations", "Cites"), ("cited_by", "Cited by"),
                     ("areas", "PAPI areas")], noun="documents")


@query.command("units")
@db_option
@task_filters
@format_option
@limit_option
def units_command(db_path: Path, fmt: str, limit: int | None, **filters) -> None:
    """Units named by the (filtered) tasks, most tasks first, with the ways documents write them."""
    from vanban.query import query_units

    try:
        rows = query_units(_open(db_path), _filter(filters), limit=limit)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    emit(rows, fmt, [("unit", "Unit"), ("level", "Level"), ("lead_tasks", "Leads"),
                     ("support_tasks", "Supports"), ("documents", "Documents"), ("provinces", "Provinces"),
                     ("written", "Written as")], noun="units")


@query.command("cites")
@click.argument("number")
@db_option
@format_option
def cites_command(number: str, db_path: Path, fmt: str) -> None:
    """Which documents cite document NUMBER ('239/KH-UBND'), and what that document cites."""
    from vanban.query import query_cites

    rows = query_cites(_open(db_path), number)
    if fmt == "table":
        for row in rows:
            row["direction"] = "cited by" if row["direction"] == "cited_by" else "cites"
    emit(rows, fmt, [("direction", "Direction"), ("document", "Document"), ("type", "Type"),
                     ("date", "Date"), ("province", "Province"), ("title", "Title"),
                     ("relation", "Relation"), ("in_database", "Stored")],
         noun="citations", title=f"Citations of {number}")


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: one table per count; json: one object of row arrays.")
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also draw tasks per PAPI area per province to this PNG file.")
def stats(db_path: Path, fmt: str, plot: Path | None) -> None:
    """Counts: documents, tasks per PAPI area, per unit level, per province, by deadline month."""
    from vanban.query import area_province_counts
    from vanban.query import stats as compute

    db = _open(db_path)
    result = compute(db)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        headers = {
            "totals": ("Totals", [("what", "Rows"), ("count", "Count")]),
            "areas": ("Tasks per PAPI area", [("area", "Area"), ("name", "Name"), ("tasks", "Tasks"),
                                              ("documents", "Documents")]),
            "unit_levels": ("Tasks per unit level", [("level", "Level"), ("units", "Units"),
                                                     ("lead_tasks", "Leads"), ("support_tasks", "Supports")]),
            "provinces": ("Per province", [("province", "Province"), ("documents", "Documents"),
                                           ("tasks", "Tasks"), ("areas", "PAPI areas")]),
            "deadline_months": ("Tasks by deadline month", [("month", "Month"), ("tasks", "Tasks")]),
        }
        for key, (title, columns) in headers.items():
            emit(result[key], "table", columns, title=title, lines=False)
    if plot:
        from vanban.query import plot_area_province

        provinces, counts = area_province_counts(db)
        plot_area_province(provinces, counts, plot)
        click.echo(f"wrote {plot}", err=True)


@click.command()
@db_option
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535),
              help="Port on 127.0.0.1 to listen on.")
@click.option("--write-metadata", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the Datasette metadata (titles, facets, canned queries) to this JSON file and "
                   "exit, for running `datasette` yourself.")
def serve(db_path: Path, port: int, write_metadata: Path | None) -> None:
    """Browse the database in Datasette on 127.0.0.1, read-only, with facets and canned queries."""
    import tempfile

    from vanban import datasette_metadata

    db = _open(db_path)  # views and FTS tables present before the file is opened immutable
    # Immutable mode ignores the write-ahead log: fold it into the file first.
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    metadata = datasette_metadata.metadata(db_path.stem)
    if write_metadata:
        write_metadata.write_text(json.dumps(metadata, ensure_ascii=False, indent=2), encoding="utf-8")
        click.echo(f"wrote {write_metadata}", err=True)
        return
    from datasette.cli import cli as datasette_cli

    datasette_metadata.register_plugin()
    with tempfile.TemporaryDirectory(prefix="vanban-serve-") as tmp:
        meta_path = Path(tmp) / "metadata.json"
        meta_path.write_text(json.dumps(metadata, ensure_ascii=False), encoding="utf-8")
        click.echo(f"serving {db_path} read-only at http://127.0.0.1:{port}/{db_path.stem}", err=True)
        datasette_cli.main(
            ["serve", "--immutable", str(db_path), "--metadata", str(meta_path), "--host", "127.0.0.1",
             "--port", str(port), "--setting", "facet_time_limit_ms", "1000",
             "--setting", "sql_time_limit_ms", "5000"],
            prog_name="datasette", standalone_mode=False,
        )


def today_or(value: dt.datetime | dt.date | None) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    return value or dt.date.today()


def export_xlsx(db, fmt: str, out: Path | None, filters: dict) -> None:
    """`vanban export --format xlsx`: the filtered task list as a workbook at --out."""
    if fmt != "xlsx":
        given = ", ".join("--" + k.replace("_", "-") for k, v in filters.items() if v)
        raise click.UsageError(f"{given} select tasks: they apply to --format xlsx only")
    if out is None:
        raise click.UsageError("--format xlsx needs --out FILE.xlsx")
    from vanban.xlsx import export_tasks_xlsx

    f = _filter(filters)
    try:
        n = export_tasks_xlsx(db, out, f, today=today_or(f.today))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(f"wrote {n} tasks to {out}", err=True)
