"""The `vanban` command: a thin click layer over functions a Python user can call directly.

Heavy libraries are imported inside the commands, so `vanban --help` answers at once.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

import click

from vanban.query_cli import task_filters

DEFAULT_DB = "data/tasks.db"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vanban")
def cli() -> None:
    """Vietnamese directives in, a task database out."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(path_type=Path),
              help="SQLite database to fill (created if missing).")
@click.option("--jobs", "-j", default=os.cpu_count() or 1, show_default="number of cores",
              help="Worker processes extracting in parallel (one writer stores their results).")
@click.option("--budget", default=120.0, show_default=True,
              help="Seconds one document may take before it is stopped and recorded as a failure (0: no limit).")
@click.option("--force", is_flag=True, help="Re-extract documents even when already stored unchanged.")
@click.option("--max-bytes", default=50_000_000, show_default=True, help="Refuse input files larger than this.")
@click.option("--quiet", is_flag=True, help="Print nothing but errors: no progress bar, no summary.")
def extract(inputs: tuple[Path, ...], db_path: Path, jobs: int, budget: float, force: bool, max_bytes: int,
            quiet: bool) -> None:
    """Extract documents (files or folders, walked recursively) into the database."""
    from vanban.batch import run_batch
    from vanban.progress import BatchProgress

    with BatchProgress(enabled=not quiet) as progress:
        summary = run_batch(inputs, db_path, force=force, max_bytes=max_bytes, jobs=jobs,
                            budget=budget or None, on_outcome=progress.update)
    if not quiet:
        from vanban.schema.store import counts, open_db

        totals = counts(open_db(db_path))
        click.echo(
            f"{summary.seen} files: {summary.stored} extracted, {summary.skipped} unchanged, "
            f"{summary.failed} failed; {summary.tasks} tasks, {summary.citations} citations this run"
        )
        click.echo(
            f"database {db_path}: {totals['documents']} documents, {totals['citations']} citations, "
            f"{totals['tasks']} tasks, {totals['units']} units, {totals['failures']} failures"
        )
        for failure in summary.failures:
            click.echo(f"  failed ({failure.stage}) {failure.source}: {failure.reason}")


@cli.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(exists=True, path_type=Path),
              help="Database to read.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "xlsx"]), default="jsonl", show_default=True,
              help="jsonl: one record per document (shared/eval/SCHEMA.md); csv: one file per table; "
                   "xlsx: the task list as an Excel workbook (with the filters of `query tasks`).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Output file (jsonl, xlsx) or folder (csv). Default: standard output (jsonl) or ./export (csv).")
@task_filters
def export(db_path: Path, fmt: str, out: Path | None, **filters) -> None:
    """Export the database: JSON Lines per document, CSV per table, or the task list as xlsx."""
    from vanban.schema.store import TABLES, iter_export_records, open_db

    db = open_db(db_path)
    if fmt == "xlsx" or any(filters.values()):
        from vanban.query_cli import export_xlsx

        export_xlsx(db, fmt, out, filters)  # the filtered task list; refuses filters for jsonl/csv
        return
    if fmt == "jsonl":
        fh = open(out, "w", encoding="utf-8") if out else sys.stdout
        try:
            for record in iter_export_records(db):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        finally:
            if out:
                fh.close()
        return
    folder = out or Path("export")
    folder.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        columns = [c.name for c in db[table].columns if c.name not in ("text_folded",)]
        with open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            for row in db[table].rows:
                writer.writerow(row)
    click.echo(f"wrote {len(TABLES)} CSV files to {folder}", err=True)


# Commands defined in their own modules register here (one line each).
# -- command registrations --
from vanban.crawl_cli import crawl  # noqa: E402
from vanban.explain import explain  # noqa: E402
from vanban.merge import merge  # noqa: E402
from vanban.query_cli import query, serve, stats  # noqa: E402

cli.add_command(explain)
cli.add_command(crawl)
cli.add_command(query)
cli.add_command(stats)
cli.add_command(serve)
cli.add_command(merge)


def main() -> None:
    cli(prog_name="vanban")


if __name__ == "__main__":
    main()
