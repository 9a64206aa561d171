"""Ruled tables read from pypdfium2's path objects, without pdfplumber's page parse.

A ruled table is drawn as lines or rectangles (one per cell, or thin filled ones used as
rules). Their straight segments give horizontal and vertical edges; edges within SNAP of
one another on the same axis are one line (pdfplumber's snap and join tolerances, 3 pt);
lines that cross make a connected group, and a group with two or more lines each way is a
table. The distinct positions of its lines cut it into a grid; a grid cell whose border is
not ruled joins its neighbour, so a cell spanning columns or rows comes out once, in its
first (top-left) position, with "" where it spans — as pdfplumber's Table.extract gives it
(None there) and as the DOCX and HTML readers give merged cells.

Paths inside form XObjects are placed with the forms' matrices. Cell text is pdfium's
bounded text of the cell's rectangle (pdfium takes every character whose box meets the
rectangle, in content-stream order, with its own spaces and line breaks), inset by a point
so a glyph touching a rule does not leak into the next cell.

`page_tables` raises NotAGrid whenever the page is not plainly a grid — a rotated page or
path, no group of lines that makes a table, a table whose outer border is not ruled all
round, whose rules run on past it (open sides) or whose cells are not rectangles, tables
side by side — and the caller then reads the page with pdfplumber, as before this module.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from itertools import pairwise

SNAP = 3.0  # pt: edges this close on the same axis are one line (pdfplumber's snap/join tolerance)
MIN_EDGE = 3.0  # pt: shorter straight segments are not rules (pdfplumber's edge_min_length)
AXIS_SLACK = 0.5  # pt: how far from level (or plumb) a segment may be and still count as a rule
MAX_CROSSINGS = 200_000  # horizontal x vertical lines past which a page is a drawing, not a table
INSET = 1.0  # pt: cells (by at most a quarter of their size) and bands shrink by this before their text is read


@dataclass
class Line:
    pos: float  # y of a horizontal line, x of a vertical one (PDF user space, y upwards)
    lo: float
    hi: float


@dataclass
class Table:
    left: float
    bottom: float
    right: float
    top: float
    rows: list[list[str]]  # raw cell text: pdfium's, "\r\n" between lines


class NotAGrid(Exception):
    """The page's rules do not make a clean grid; read the page another way."""


def _segments(page) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) straight segments of the page's paths."""
    import pypdfium2.raw as pdfium_c

    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    fx, fy = ctypes.c_float(), ctypes.c_float()
    px, py = ctypes.byref(fx), ctypes.byref(fy)
    lineto, moveto = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO

    def add(x0: float, y0: float, x1: float, y1: float) -> None:
        if abs(y1 - y0) <= AXIS_SLACK and abs(x1 - x0) >= MIN_EDGE:
            horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= AXIS_SLACK and abs(y1 - y0) >= MIN_EDGE:
            vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))

    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        a, b, c, d, e, f = _page_matrix(obj)
        if b or c:
            raise NotAGrid("rotated or skewed path")
        raw = obj.raw
        start = cur = None
        for i in range(pdfium_c.FPDFPath_CountSegments(raw)):
            seg = pdfium_c.FPDFPath_GetPathSegment(raw, i)
            pdfium_c.FPDFPathSegment_GetPoint(seg, px, py)
            pt = (a * fx.value + e, d * fy.value + f)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == lineto and cur is not None:
                add(cur[0], cur[1], pt[0], pt[1])
            elif kind == moveto:
                start = pt
            cur = pt  # a Bézier segment only moves the pen: curves are not rules
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                add(cur[0], cur[1], start[0], start[1])
                cur = start
    return horizontal, vertical


def _page_matrix(obj) -> tuple[float, float, float, float, float, float]:
    """The matrix from an object's own space to the page's: its own, then those of the form
    XObjects that hold it, innermost first."""
    a, b, c, d, e, f = obj.get_matrix().get()
    form = obj.container
    while form is not None:
        p, q, r, s, t, u = form.get_matrix().get()
        a, b, c, d, e, f = a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u
        form = form.container
    return a, b, c, d, e, f


def _merge(edges: list[tuple[float, float, float]]) -> list[Line]:
    """Snap edges whose positions chain within SNAP to their mean position, then join the
    ones on one position that overlap or leave a gap of at most SNAP."""
    lines: list[Line] = []
    edges = sorted(edges)
    k = 0
    while k < len(edges):
        j = k + 1
        while j < len(edges) and edges[j][0] - edges[j - 1][0] <= SNAP:
            j += 1
        group = edges[k:j]
        pos = sum(e[0] for e in group) / len(group)
        spans = sorted((e[1], e[2]) for e in group)
        lo, hi = spans[0]
        for s_lo, s_hi in spans[1:]:
            if s_lo <= hi + SNAP:
                hi = max(hi, s_hi)
            else:
                lines.append(Line(pos, lo, hi))
                lo, hi = s_lo, s_hi
        lines.append(Line(pos, lo, hi))
        k = j
    return lines


def _groups(horizontal: list[Line], vertical: list[Line]) -> list[tuple[list[Line], list[Line]]]:
    """Lines that cross (within SNAP), gathered into connected groups."""
    n_h = len(horizontal)
    parent = list(range(n_h + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if h.lo - SNAP <= v.pos <= h.hi + SNAP and v.lo - SNAP <= h.pos <= v.hi + SNAP:
                parent[find(i)] = find(n_h + j)
    groups: dict[int, tuple[list[Line], list[Line]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(find(n_h + j), ([], []))[1].append(v)
    return list(groups.values())


def _covered(lines: list[Line], pos: float, lo: float, hi: float) -> bool:
    """Some line at `pos` rules the whole span lo..hi."""
    return any(ln.pos == pos and ln.lo <= lo + SNAP and ln.hi >= hi - SNAP for ln in lines)


def _grid_table(horizontal: list[Line], vertical: list[Line], textpage) -> Table:
    # _merge snapped the positions, so distinct lines are more than SNAP apart
    ys = sorted({h.pos for h in horizontal}, reverse=True)  # top first
    xs = sorted({v.pos for v in vertical})
    if len(ys) < 2 or len(xs) < 2:
        raise NotAGrid("too few lines")
    n_r, n_c = len(ys) - 1, len(xs) - 1
    reach = 2 * SNAP
    if any(h.lo < xs[0] - reach or h.hi > xs[-1] + reach for h in horizontal) or any(
        v.lo < ys[-1] - reach or v.hi > ys[0] + reach for v in vertical
    ):
        raise NotAGrid("rules reach past the outermost ones (a table open at the sides?)")

    def h_ruled(i: int, j: int) -> bool:  # the rule along ys[i] over column j
        return _covered(horizontal, ys[i], xs[j], xs[j + 1])

    def v_ruled(i: int, j: int) -> bool:  # the rule along xs[j] over row i
        return _covered(vertical, xs[j], ys[i + 1], ys[i])

    if not all(h_ruled(0, j) and h_ruled(n_r, j) for j in range(n_c)) or not all(
        v_ruled(i, 0) and v_ruled(i, n_c) for i in range(n_r)
    ):
        raise NotAGrid("outer border not ruled all round")
    # grid cells joined across missing internal rules
    owner = [[(i, j) for j in range(n_c)] for i in range(n_r)]

    def find(cell: tuple[int, int]) -> tuple[int, int]:
        while owner[cell[0]][cell[1]] != cell:
            cell = owner[cell[0]][cell[1]]
        return cell

    def union(p: tuple[int, int], q: tuple[int, int]) -> None:
        rp, rq = find(p), find(q)
        if rp != rq:
            first, second = min(rp, rq), max(rp, rq)
            owner[second[0]][second[1]] = first

    for i in range(n_r):
        for j in range(n_c):
            if j + 1 < n_c and not v_ruled(i, j + 1):
                union((i, j), (i, j + 1))
            if i + 1 < n_r and not h_ruled(i + 1, j):
                union((i, j), (i + 1, j))
    spans: dict[tuple[int, int], list[int]] = {}  # root -> [i0, j0, i1, j1, count]
    for i in range(n_r):
        for j in range(n_c):
            s = spans.setdefault(find((i, j)), [i, j, i, j, 0])
            s[0], s[1], s[2], s[3], s[4] = min(s[0], i), min(s[1], j), max(s[2], i), max(s[3], j), s[4] + 1
    for i0, j0, i1, j1, count in spans.values():
        if count != (i1 - i0 + 1) * (j1 - j0 + 1):
            raise NotAGrid("a cell that is not a rectangle")
    starts = {(s[0], s[1]): s for s in spans.values()}
    row_ids = sorted({i for i, _ in starts})
    col_ids = sorted({j for _, j in starts})
    rows: list[list[str]] = []
    for i in row_ids:
        row = []
        for j in col_ids:
            s = starts.get((i, j))
            if s is None:
                row.append("")
                continue
            left, right, top, bottom = xs[s[1]], xs[s[3] + 1], ys[s[0]], ys[s[2] + 1]
            dx, dy = min(INSET, (right - left) / 4), min(INSET, (top - bottom) / 4)
            row.append(textpage.get_text_bounded(left + dx, bottom + dy, right - dx, top - dy))
        rows.append(row)
    return Table(left=xs[0], bottom=ys[-1], right=xs[-1], top=ys[0], rows=rows)


def page_tables(page, textpage) -> list[Table]:
    """The ruled tables of one page, top first. Raises NotAGrid when the page's rules do
    not plainly make tables (the caller then reads the page with pdfplumber)."""
    if page.get_rotation():
        raise NotAGrid("rotated page")
    h_lines, v_lines = (_merge(edges) for edges in _segments(page))
    if len(h_lines) * len(v_lines) > MAX_CROSSINGS:
        raise NotAGrid("a drawing, not a table")  # grouping is quadratic; pdfplumber as before
    tables = [
        _grid_table(hs, vs, textpage)
        for hs, vs in _groups(h_lines, v_lines)
        if len(hs) >= 2 and len(vs) >= 2
    ]
    if not tables:
        raise NotAGrid("no group of crossing lines makes a table")
    tables.sort(key=lambda t: -t.top)
    for upper, lower in pairwise(tables):
        if lower.top > upper.bottom + SNAP:
            raise NotAGrid("tables side by side or overlapping")
    return tables
