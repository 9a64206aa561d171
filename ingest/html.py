"""HTML pages to blocks: trafilatura finds the article, tables come from the page's own <table>s.

Portal pages wrap a short article in navigation, counters and footers; trafilatura removes
most of it, but drops empty table rows (the group separators of an assignment table), so
table cells are read from the original <table> elements. trafilatura's <table><row><cell>
output kept 39 of the appendix's 48 rows (the 8 empty separator rows and their colspan were
lost); the page's own table has all 48 with 5 cells each. Hence: trafilatura for the body
and the place of each table, the page's markup for the cells.

Speed (corpus/samples, 12-14 KB pages; 118 M instructions a page before, 57 M after): the
page is parsed once by trafilatura's loader and that tree serves the article and the title
and date; trafilatura's own steps are called without the work whose output is never read
(extract()'s XML fingerprint; extract_metadata's author, tags, licence); cells are read with
lxml from a parse that sees what BeautifulSoup's lxml builder saw, and only on pages with a
<table> (bs4 stays as the fallback). What is left is mostly trafilatura's extraction itself
(~31 M a page).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from vanban.ingest.boilerplate import furniture_mask
from vanban.ingest.text import Draft, cell_lines, collapse, holds_motto, prose_drafts, table_draft

MIN_BODY_CHARS = 200  # less than this from trafilatura: fall back to the whole page's text


@dataclass
class HtmlResult:
    drafts: list[Draft]
    title: str | None = None
    date: dt.date | None = None
    site: str | None = None
    warnings: list[str] = field(default_factory=list)


# --- tables from the original markup ------------------------------------------------------

# bs4 files the strings inside these elements under their own types, which get_text() leaves
# out; the lxml reader below leaves them out too, so both read the same cell text.
_HIDDEN = ("script", "style", "template", "rt", "rp")
_TABLE_TAG = re.compile(r"<table", re.IGNORECASE)
_DOCTYPE = re.compile(r"<!doctype", re.IGNORECASE)


def _parse_for_tables(html: str):  # -> lxml root element or None
    """The page as bs4's lxml builder sees it: libxml2's HTML push parser, comments kept
    (bs4 cuts strings at a comment, so "a<!-- -->b" reads "a b")."""
    from lxml import etree

    parser = etree.HTMLParser()
    parser.feed(html)
    return parser.close()


# where a cell's author broke a line: "Sở Nội vụ<br>Sở Tư pháp" (text.cell_lines reads them)
_CELL_BREAKS = frozenset({"br", "p", "div", "li"})
_BREAK = "\x1e"  # marks them while the markup's own new lines are still spaces


def _broken_lines(text: str) -> str:
    """A cell's text with _BREAK marks to its lines, the markup's own new lines being spaces."""
    if _BREAK not in text:
        return collapse(text)
    return cell_lines(text.replace("\r", " ").replace("\n", " ").replace(_BREAK, "\n"))


def _cell_text(cell, hidden: bool) -> str:  # cell: lxml element
    """bs4's cell.get_text(" "): text and tails in document order joined by a space, comments
    and the strings of _HIDDEN elements left out, a line break where a _CELL_BREAKS element
    opens. An explicit stack: no recursion limit."""
    parts: list[str] = []
    stack: list = [(cell, hidden)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        node, hide = item
        if not isinstance(node.tag, str):  # comment or processing instruction: no text of its own
            continue
        hide = hide or node.tag in _HIDDEN
        if node.tag in _CELL_BREAKS and node is not cell:
            parts.append(_BREAK)
        if node.text and not hide:
            parts.append(node.text)
        for child in reversed(node):
            if child.tail and not hide:
                stack.append(child.tail)
            stack.append((child, hide))
    return " ".join(parts)


def _lxml_table_rows(table) -> list[list[str]]:  # table: lxml element
    """_table_rows for an lxml <table>: the same rows, read without building a bs4 soup."""
    # No <script>, <style>… in or above the table (the usual case): itertext() yields
    # exactly bs4's strings (comments skipped, their tails kept), no walk of our own needed.
    plain = next(table.iterancestors(*_HIDDEN), None) is None and next(table.iter(*_HIDDEN), None) is None
    rows: list[list[tuple[str, int, int]]] = []
    for tr in table.iter("tr"):
        if next(tr.iterancestors("table"), None) is not table:
            continue
        row = []
        for cell in tr:
            if cell.tag != "td" and cell.tag != "th":
                continue
            if plain and len(cell) == 0:  # a cell with no markup inside is its .text (itertext() costs 6x more)
                text = collapse(cell.text or "")
            elif plain and next(cell.iter(*_CELL_BREAKS), None) is None:
                text = collapse(" ".join(cell.itertext()))
            else:
                text = _broken_lines(_cell_text(cell, next(cell.iterancestors(*_HIDDEN), None) is not None))
            row.append((text, _span(cell.get("colspan")), _span(cell.get("rowspan"))))
        rows.append(row)
    return _grid(rows)


def _span(value: str | None) -> int:
    """_int for an attribute that is mostly absent: no exception raised and caught for None."""
    return 1 if value is None else _int(value)


def _page_tables(html: str) -> list[list[list[str]]]:
    """Rows of every outermost <table> of the page, in page order."""
    first = _TABLE_TAG.search(html)
    if first is None:  # most article pages have no table: no parse for them
        return []
    root = _parse_for_tables(html)
    # A <!DOCTYPE> after the first <table> cuts a string in bs4 but leaves no node in lxml's
    # tree; with it, or with nothing lxml could build on, bs4 reads the tables as it always did.
    if root is None or _DOCTYPE.search(html, first.start()):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(html, "lxml")
        return [_table_rows(t) for t in soup.find_all("table") if t.find_parent("table") is None]
    # markup after a closed root (a stray "<html/>", "</html>") lands in sibling top-level
    # elements, where bs4 still sees it
    return [
        _lxml_table_rows(t)
        for top in (root, *root.itersiblings())
        for t in top.iter("table")
        if next(t.iterancestors("table"), None) is None
    ]


def _table_rows(table) -> list[list[str]]:  # table: bs4.element.Tag
    """Rows of one <table> (not its nested tables). Read with bs4 by the fallbacks."""
    return _grid(
        [
            [
                (_bs4_cell_text(cell), _int(cell.get("colspan")), _int(cell.get("rowspan")))
                for cell in tr.find_all(["td", "th"], recursive=False)
            ]
            for tr in table.find_all("tr")
            if tr.find_parent("table") is table
        ]
    )


def _bs4_cell_text(cell) -> str:  # cell: bs4.element.Tag
    """_cell_text's lines for a bs4 cell (the cell's own table only is marked)."""
    breaks = cell.find_all(list(_CELL_BREAKS))
    if not breaks:
        return collapse(cell.get_text(" "))
    for el in breaks:
        el.insert_before(_BREAK)
    return _broken_lines(cell.get_text(" "))


def _grid(cells: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """Rows of (text, colspan, rowspan) cells to rows of texts, every row the table's width: a
    cell spanning columns keeps its text in the first, "" in the others; a cell spanning rows
    gives its text to each of them ("Thường xuyên" for both tasks it stands beside, as the
    table says)."""
    rows: list[list[str]] = []
    pending: dict[int, tuple[int, str]] = {}  # column -> (rows still covered from above, text)
    for cells_of_row in cells:
        row: list[str] = []
        col = _covered(row, 0, pending)
        for text, span, down in cells_of_row:
            row.append(text)
            row.extend([""] * (span - 1))
            if down > 1:
                for c in range(col, col + span):
                    pending[c] = (down - 1, text if c == col else "")
            col = _covered(row, col + span, pending)
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _covered(row: list[str], col: int, pending: dict[int, tuple[int, str]]) -> int:
    """Fill `row` from `col` with the texts of cells spanning down from rows above; the next column."""
    while pending.get(col, (0, ""))[0] > 0:
        left, text = pending[col]
        pending[col] = (left - 1, text)
        row.append(text)
        col += 1
    return col


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


def _match_table(el, candidates: list[list[list[str]]], used: set[int]) -> int | None:
    """The page table that trafilatura's <table> `el` stands for: _best_table over its cell texts."""
    free = [k for k in range(len(candidates)) if k not in used]
    if len(free) != 1:
        cells = {collapse(_element_text(c)) for row in el.iter("row") for c in row.findall("cell")}
        return _best_table(cells - {""}, candidates, used)
    # One table left (a page with one table): any shared cell text makes it the best, so the
    # search stops at the first one instead of reading every cell trafilatura kept.
    texts = {c for row in candidates[free[0]] for c in row if c}
    for row in el.iter("row"):
        for cell in row.findall("cell"):
            if collapse(_element_text(cell)) in texts:
                return free[0]
    return None


# --- body -------------------------------------------------------------------------------------


def _element_text(el, breaks: frozenset[str] = frozenset({"lb"})) -> str:  # el: lxml element from trafilatura's XML
    """The text of `el`, a line break where a `breaks` element opens (a "<br>" by default)."""
    if len(el) == 0:  # most cells and paragraphs: no markup inside, no walk
        return "\n" if el.tag == "lb" else (el.text or "")
    parts: list[str] = []

    def walk(node) -> None:
        if node.tag in breaks:
            parts.append("\n")
        if node.tag != "lb" and node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return "".join(parts)


def _is_page_header(table) -> bool:  # table: lxml element from trafilatura's XML
    """A table holding the national motto lays out a letter's header, not data."""
    return sum(1 for _ in table.iter("row")) <= 4 and holds_motto(" ".join(table.itertext()))


_HEADER_LINE_BREAKS = frozenset({"lb", "p", "head", "item"})


def _cell_lines(cell) -> list[str]:  # cell: lxml element from trafilatura's XML
    """The lines of a header cell: a break, or a paragraph inside it, starts a new line."""
    return [collapse(line) for line in _element_text(cell, _HEADER_LINE_BREAKS).split("\n") if line.strip()]


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


_EXTRACTOR = None  # trafilatura's options object, built once (it parses its config)


def _article_xml(tree) -> str | None:
    """trafilatura.extract(tree, output_format="xml", include_tables=True,
    include_comments=False, favor_recall=True), the same steps without the document
    fingerprint, a simhash of the whole text extract() adds to XML output (~15% of its time),
    which this reader never looks at."""
    global _EXTRACTOR
    from trafilatura import bare_extraction

    try:
        from trafilatura.core import determine_returnstring
        from trafilatura.settings import Document, Extractor
    except ImportError:  # another trafilatura layout: the public call
        from trafilatura import extract

        return extract(tree, output_format="xml", include_tables=True, include_comments=False, favor_recall=True)

    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor(output_format="xml", recall=True, comments=False, tables=True)
    document = bare_extraction(tree, options=_EXTRACTOR)
    if not document or not isinstance(document, Document):
        return None
    return determine_returnstring(document, _EXTRACTOR)


def _trafilatura_units(tree, page_tables: list[list[list[str]]]) -> list[tuple[str, object]] | None:
    from lxml import etree

    if tree is None:  # trafilatura.extract(html) gives no article when its loader gives no tree
        return None
    xml = _article_xml(tree)
    if not xml:
        return None
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    if main is None:
        return None
    units: list[tuple[str, object]] = []
    used: set[int] = set()
    for el in main:
        if el.tag == "table" and _is_page_header(el):
            # the letter's header laid out as a table: its cells' lines, as a letter reads them
            units.extend(("text", line) for cell in el.iter("cell") for line in _cell_lines(cell))
            continue
        if el.tag == "table":
            k = _match_table(el, page_tables, used)
            if k is not None:
                used.add(k)
                units.append(("table", page_tables[k]))
            elif traf_rows := [[collapse(_element_text(c)) for c in row.findall("cell")] for row in el.iter("row")]:
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


def _title_and_date(tree):  # -> trafilatura.settings.Document
    """What trafilatura.extract_metadata(tree) finds for the title and the date, by the same
    steps in the same order, leaving out the author, site name, categories, tags and licence
    it also looks for (more than half of its time, and none of them is read here)."""
    try:
        from htmldate import find_date
        from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url
        from trafilatura.settings import set_date_params
    except ImportError:  # another trafilatura layout: the whole public call
        from trafilatura import extract_metadata

        return extract_metadata(tree)
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:  # as extract_metadata does before the JSON-LD pass
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - extract_metadata logs and goes on
        pass
    if not meta.title:
        meta.title = extract_title(tree)
    if not meta.url:
        meta.url = extract_url(tree, None)
    date_config = set_date_params(False)  # markup and URL only: the extensive search guesses 1 January from a year in the title
    date_config["url"] = meta.url
    meta.date = find_date(tree, **date_config)
    meta.clean_and_trim()
    return meta


def _metadata(html: str, tree) -> tuple[str | None, dt.date | None]:
    title: str | None = None
    date: dt.date | None = None
    try:
        meta = _title_and_date(tree) if tree is not None else None
        if meta is not None:
            title = meta.title or None
            if meta.date:
                date = dt.date.fromisoformat(meta.date[:10])
    except Exception:  # noqa: BLE001 - metadata is a hint; its absence is not an error
        pass
    if title is None:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(html, "lxml")
        og = soup.find("meta", attrs={"property": "og:title"})
        if og and og.get("content"):
            title = collapse(og["content"])
        elif soup.title and soup.title.string:
            title = collapse(soup.title.string)
    return title, date


# --- the portal's own name -------------------------------------------------------------------

# The portal's name or owner as its banner, <title> or footer prints it ("CỔNG THÔNG TIN ĐIỆN TỬ
# TỈNH LÂM ĐỒNG", "Cơ quan chủ quản: Ủy ban nhân dân tỉnh Lâm Đồng"): the place an article
# saying only "UBND tỉnh" belongs to. Read from the markup, since boilerplate removal drops it.
_SITE_NAME = re.compile(
    r"(?:(?:cổng|trang)\s+thông\s+tin\s+điện\s+tử|cơ\s+quan\s+chủ\s+quản:?\s*(?:ủy\s+ban\s+nhân\s+dân|ubnd))"
    r"\s+(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường)\s+[^<>.,;:|\-–\n\"]{2,40}",
    re.IGNORECASE,
)


def _site_name(html: str) -> str | None:
    m = _SITE_NAME.search(html)
    return collapse(m.group()) if m else None


# --- the article's lead (sapo) --------------------------------------------------------------

# Class names portals give the bold lead paragraph under a headline ("sapo", "news-summary",
# "detail_lead", "tomtat"). trafilatura often takes the body from the content element beside
# it and leaves the lead out, though it states what the article reports.
_LEAD_CLASS = re.compile(
    r"(?:^|[-_])(?:sapo|summary|lead|tomtat|tom-tat|mota|desc|description|excerpt|chapeau|trichyeu)(?:$|[-_])",
    re.IGNORECASE,
)
_LEAD_CHARS = (40, 1500)


def _lead_text(tree) -> str | None:  # tree: lxml element
    """The page's lead paragraph: the first element of a lead class with a paragraph's length."""
    for el in tree.iterfind(".//*[@class]"):
        if el.tag in ("body", "html") or not any(_LEAD_CLASS.search(c) for c in el.get("class", "").split()):
            continue
        text = collapse(" ".join(el.itertext()))
        if _LEAD_CHARS[0] <= len(text) <= _LEAD_CHARS[1] and len(text.split()) >= 8:
            return text
    return None


def read_html(html: str) -> HtmlResult:
    """The page parsed once by trafilatura's loader, that tree shared by the body and the
    metadata (neither changes it: extract() works on a copy); tables read with lxml."""
    import trafilatura

    from vanban.ingest.trafxpath import install

    install()  # trafilatura's pruning XPaths as cheaper ones selecting the same nodes
    warnings: list[str] = []
    page_tables = _page_tables(html)
    tree, load_error = None, None
    try:
        tree = trafilatura.load_html(html)
    except Exception as exc:  # noqa: BLE001 - the same failure extract(html) would have met
        load_error = exc
    title, date = _metadata(html, tree)
    units = None
    try:
        if load_error is not None:
            raise load_error
        units = _trafilatura_units(tree, page_tables)
        lead = _lead_text(tree) if units else None
        # read only when the article's text left it out (the body joined only when there is one)
        if lead and collapse(lead[:80]) not in " ".join(collapse(u) for _, u in units if isinstance(u, str)):
            units.insert(0, ("text", lead))
    except Exception as exc:  # noqa: BLE001 - a parser failure leaves the fallback
        warnings.append(f"trafilatura failed ({type(exc).__name__}); page text read with bs4")
    body_chars = sum(len(p) for _, p in units if isinstance(p, str)) if units else 0
    has_table = bool(units) and any(k == "table" for k, _ in units)
    if not units or (body_chars < MIN_BODY_CHARS and not has_table):
        from bs4 import BeautifulSoup

        units = _bs4_units(BeautifulSoup(html, "lxml"))
        if not warnings:
            warnings.append("article not found by trafilatura; whole page text used")
    return HtmlResult(drafts=_units_to_drafts(units), title=title, date=date, site=_site_name(html), warnings=warnings)
