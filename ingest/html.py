"""HTML pages to blocks: trafilatura finds the article, tables come from the page's own <table>s.

Portal pages wrap a short article in navigation, counters and footers; trafilatura removes
most of it, but drops empty table rows (the group separators of an assignment table), so
table cells are read with BeautifulSoup from the original <table> elements.

Measured on corpus/samples/*.html (12-14 KB pages): trafilatura.extract(xml) ~12-14 ms a page,
trafilatura.extract_metadata ~5 ms, BeautifulSoup(lxml) parse + all <table> cells ~12 ms.
trafilatura's <table><row><cell> output kept 39 of the appendix's 48 rows (the 8 empty
separator rows and their colspan were lost); bs4 kept all 48 with 5 cells each. Hence:
trafilatura for the body and the place of each table, bs4 for the cells.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from vanban.ingest.boilerplate import furniture_mask
from vanban.ingest.text import Draft, collapse, prose_drafts, table_draft

MIN_BODY_CHARS = 200  # less than this from trafilatura: fall back to the whole page's text


@dataclass
class HtmlResult:
    drafts: list[Draft]
    title: str | None = None
    date: dt.date | None = None
    warnings: list[str] = field(default_factory=list)


# --- tables from the original markup ------------------------------------------------------


def _table_rows(table) -> list[list[str]]:  # table: bs4.element.Tag
    """Rows of one <table> (not its nested tables), colspan and rowspan expanded with ""
    so every row keeps the table's width."""
    rows: list[list[str]] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        row: list[str] = []
        col = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while pending.get(col, 0) > 0:
                pending[col] -= 1
                row.append("")
                col += 1
            span = _int(cell.get("colspan"))
            down = _int(cell.get("rowspan"))
            row.append(collapse(cell.get_text(" ")))
            row.extend([""] * (span - 1))
            for c in range(col, col + span):
                if down > 1:
                    pending[c] = down - 1
            col += span
        while pending.get(col, 0) > 0:
            pending[col] -= 1
            row.append("")
            col += 1
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _int(value: object) -> int:
    try:
        return max(1, int(str(value)))
    except (TypeError, ValueError):
        return 1


def _best_table(cells: set[str], candidates: list[list[list[str]]], used: set[int]) -> int | None:
    best, best_overlap = None, 0
    for k, rows in enumerate(candidates):
        if k in used:
            continue
        overlap = len(cells & {c for row in rows for c in row if c})
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    return best


# --- body -------------------------------------------------------------------------------------


def _element_text(el) -> str:  # el: lxml element from trafilatura's XML
    parts: list[str] = []

    def walk(node) -> None:
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return "".join(parts)


def _units_to_drafts(units: list[tuple[str, object]]) -> list[Draft]:
    """(kind, payload) units to drafts: furniture removed, prose lines repaired and classified."""
    texts = [p if isinstance(p, str) else "\x00table" for _, p in units]
    lines_all: list[str] = []
    owners: list[int] = []
    for k, text in enumerate(texts):
        for line in text.split("\n"):
            lines_all.append(line)
            owners.append(k)
    mask = furniture_mask(lines_all)
    kept: dict[int, list[str]] = {}
    for k, line in zip(owners, mask, strict=True):
        if line is not None:
            kept.setdefault(k, []).append(line)
    drafts: list[Draft] = []
    buffer: list[str] = []
    for k, (kind, payload) in enumerate(units):
        if k not in kept:
            continue
        if kind == "table":
            drafts.extend(prose_drafts(buffer))
            buffer = []
            drafts.append(table_draft(payload))  # type: ignore[arg-type]
        elif kind in ("heading", "list_item"):
            drafts.extend(prose_drafts(buffer))
            buffer = []
            text = collapse(" ".join(kept[k]))
            if text:
                drafts.append(Draft(kind, text))
        else:
            buffer.extend(kept[k])
            buffer.append("")
    drafts.extend(prose_drafts(buffer))
    return drafts


def _trafilatura_units(html: str, bs4_tables: list[list[list[str]]]) -> list[tuple[str, object]] | None:
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        html, output_format="xml", include_tables=True, include_comments=False, favor_recall=True
    )
    if not xml:
        return None
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    if main is None:
        return None
    units: list[tuple[str, object]] = []
    used: set[int] = set()
    for el in main:
        if el.tag == "table":
            traf_rows = [[collapse(_element_text(c)) for c in row.findall("cell")] for row in el.iter("row")]
            k = _best_table({c for r in traf_rows for c in r if c}, bs4_tables, used)
            if k is not None:
                used.add(k)
                units.append(("table", bs4_tables[k]))
            elif traf_rows:
                units.append(("table", traf_rows))
        elif el.tag == "head":
            units.append(("heading", _element_text(el)))
        elif el.tag == "list":
            for item in el.iter("item"):
                units.append(("list_item", "- " + collapse(_element_text(item))))
        else:
            units.append(("text", _element_text(el)))
    return units


def _bs4_units(soup) -> list[tuple[str, object]]:
    """Fallback: the visible text of the page, tables in place, chrome elements removed."""
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe"]):
        tag.decompose()
    body = soup.body or soup
    tables = [t for t in body.find_all("table") if t.find_parent("table") is None]
    placeholders = {}
    for k, table in enumerate(tables):
        marker = f"\x00T{k}\x00"
        placeholders[marker] = _table_rows(table)
        table.replace_with(marker)
    units: list[tuple[str, object]] = []
    for chunk in re.split(r"(\x00T\d+\x00)", body.get_text("\n")):
        if chunk in placeholders:
            units.append(("table", placeholders[chunk]))
        elif chunk.strip():
            units.append(("text", chunk))
    return units


def _metadata(html: str, soup) -> tuple[str | None, dt.date | None]:
    title: str | None = None
    date: dt.date | None = None
    try:
        import trafilatura

        meta = trafilatura.extract_metadata(html)
        if meta is not None:
            title = meta.title or None
            if meta.date:
                date = dt.date.fromisoformat(meta.date[:10])
    except Exception:  # noqa: BLE001 - metadata is a hint; its absence is not an error
        pass
    if title is None:
        og = soup.find("meta", attrs={"property": "og:title"})
        if og and og.get("content"):
            title = collapse(og["content"])
        elif soup.title and soup.title.string:
            title = collapse(soup.title.string)
    return title, date


def read_html(html: str) -> HtmlResult:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    warnings: list[str] = []
    bs4_tables = [_table_rows(t) for t in soup.find_all("table") if t.find_parent("table") is None]
    title, date = _metadata(html, soup)
    units = None
    try:
        units = _trafilatura_units(html, bs4_tables)
    except Exception as exc:  # noqa: BLE001 - a parser failure leaves the fallback
        warnings.append(f"trafilatura failed ({type(exc).__name__}); page text read with bs4")
    body_chars = sum(len(p) for _, p in units if isinstance(p, str)) if units else 0
    has_table = bool(units) and any(k == "table" for k, _ in units)
    if not units or (body_chars < MIN_BODY_CHARS and not has_table):
        units = _bs4_units(soup)
        if not warnings:
            warnings.append("article not found by trafilatura; whole page text used")
    return HtmlResult(drafts=_units_to_drafts(units), title=title, date=date, warnings=warnings)
