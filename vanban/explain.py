"""`vanban explain FILE`: every fact extracted from one document beside the passage it came from.

Trust needs a way to check: a user sees why a task was read as it was, and a developer sees
which rule misfired, without opening a database.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # pydantic costs ~0.1 s to import: only the command itself needs it
    from vanban.schema.models import Document, Extraction


def _passage(text: str, start: int, end: int, width: int = 160) -> str:
    snippet = text[start:end]
    if len(snippet) > width:
        snippet = snippet[: width - 1] + "…"
    return " ".join(snippet.split())


def explain_lines(doc: Document, ext: Extraction) -> list[str]:
    """The report as lines of text: metadata, citations, indices and areas, then each task."""
    lines = [f"# {doc.name}  ({doc.media_type}, sha256 {doc.sha256[:12]}…, {len(doc.blocks)} blocks)"]
    if doc.warnings:
        lines += [f"  warning: {w}" for w in doc.warnings]
    meta = ext.meta
    lines.append("## document")
    for field in ("number", "type", "issue_date", "issuer", "province", "province_2025", "title", "signer"):
        value = getattr(meta, field)
        ev = meta.evidence.get(field)
        where = f"  ← [{ev.rule}] “{_passage(doc.text, ev.start, ev.end)}”" if ev else ""
        lines.append(f"  {field}: {value}{where}")
    lines.append(f"## citations ({len(ext.citations)})")
    for c in ext.citations:
        lines.append(f"  {c.number}  {c.type or '?'}  {c.date or ''}  {c.relation}  ← [{c.rule}] "
                     f"“{_passage(doc.text, max(0, c.start - 40), c.end + 40)}”")
    lines.append(f"## indices: {', '.join(ext.indices) or '-'}; PAPI areas: {ext.papi_dimensions or '-'}")
    lines.append(f"## tasks ({len(ext.tasks)})")
    for i, t in enumerate(ext.tasks, 1):
        lines.append(f"  [{i}] {t.label or ''} ({t.source_kind}, rule {t.rule})")
        lines.append(f"      task:     {_passage(t.text, 0, len(t.text), 200)}")
        lines.append(f"      lead:     {'; '.join(u.text + (f' = {u.canonical}' if u.canonical and u.canonical != u.text else '') for u in t.lead) or '-'}")
        lines.append(f"      support:  {'; '.join(u.text for u in t.support) or '-'}")
        if t.deadline:
            lines.append(f"      deadline: {t.deadline.raw!r} → {t.deadline.date or '-'} ({t.deadline.kind})")
        else:
            lines.append("      deadline: -")
        lines.append(f"      area:     {t.dimension or '-'}" + (f" ({t.dimension_rule})" if t.dimension_rule else ""))
        lines.append(f"      from:     “{_passage(doc.text, t.start, t.end, 240)}” [{t.start}:{t.end}]")
    return lines


@click.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def explain(path: Path) -> None:
    """Show each fact extracted from one FILE beside the passage and rule that produced it."""
    from vanban.extract.pipeline import extract_document
    from vanban.ingest.errors import IngestError
    from vanban.ingest.read import ingest_file

    try:
        doc = ingest_file(path)
    except IngestError as exc:
        raise click.ClickException(f"{path}: {exc}") from exc
    for line in explain_lines(doc, extract_document(doc)):
        click.echo(line)
