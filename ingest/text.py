"""Plain text to ordered blocks: repaired line breaks, list items, headings and tables.

Copy-pasted and PDF-extracted text breaks lines mid-sentence and flattens tables into
cells ending in "|"; later stages need whole sentences, labels in place and tables as rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.ingest.normalize import fold


# A block before offsets are known: read.py places it in Document.text.
@dataclass
class Draft:
    kind: str  # heading | paragraph | list_item | table
    text: str
    rows: list[list[str]] | None = None
    page: int | None = None


# --- line-level patterns ----------------------------------------------------------------

LIST_LABEL = re.compile(
    r"""^(?:
        [-+•*–]\s+                              # bullets: "- ", "+ ", "• "
      | \(?[a-zđ]\)\s*                          # "a)", "đ)", "(a)"
      | \d{1,3}(?:\.\d{1,3}){0,3}[.)]\s+        # "1. ", "1.1. ", "1)"
      | \d{1,3}(?:\.\d{1,3}){1,3}\s+            # "1.1 " (no final dot)
      | [IVXLC]{1,6}[.)]\s+                     # "I. ", "II. "
      | [A-Z]\.\s+(?=\S)                        # "A. "
    )""",
    re.VERBOSE,
)
_ROMAN_OR_LETTER_HEAD = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z]|\d{1,2})[.)]\s+")
# A table row label: "1", "1.1", "II", "a", "a)" (at most three digits a part, so a year is not one).
ROW_LABEL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|[IVXLC]{1,6}\.?|[a-zđ]\)?)$")
_SENTENCE_END = re.compile(r"[.;:!?…”\")\]]$|\./\.$")
_BOLD = re.compile(r"^\*\*|\*\*$")

# Words of a header row of an assignment table (folded: no tone marks, lower case).
HEADER_WORDS = (
    "tt", "stt", "so tt", "nhiem vu", "noi dung", "chu tri", "phoi hop", "thoi gian",
    "thoi han", "san pham", "ghi chu", "ket qua", "don vi", "co quan", "tien do",
    "hoan thanh", "trach nhiem", "du kien", "kinh phi", "nguon von", "giai phap", "chi tieu",
)
_HEADER_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in HEADER_WORDS) + r")\b")


def collapse(text: str) -> str:
    """Runs of white space as one space, none at the ends."""
    # Every white-space character but " " is unprintable: a printable text with no double or
    # outer space is collapsed already (most lines), and splitting it into words would be waste.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    # str.split() breaks on what \s matches (str.isspace): re.sub(r"\s+", " ", text).strip(), faster
    return " ".join(text.split())


def is_all_caps(text: str) -> bool:
    """Four or more letters, all upper case, in two or more words ("KẾ HOẠCH")."""
    letters = 0
    for c in text:  # stops at the first lower-case letter: most lines are prose
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= 4 and len(text.split()) >= 2


def classify(line: str) -> str:
    """heading, list_item or paragraph for one (joined) line of text."""
    m = LIST_LABEL.match(line)
    if m and _ROMAN_OR_LETTER_HEAD.match(line) and is_all_caps(line[m.end():]):
        return "heading"  # "II. NHIỆM VỤ VÀ GIẢI PHÁP"
    if m:
        return "list_item"
    if is_all_caps(line) and len(line) <= 200:
        return "heading"
    return "paragraph"


# --- tables flattened into "cell |" lines ---------------------------------------------------

MAX_WRAPPED_LINES = 2  # a cell's text may wrap over this many lines without a "|"


MAX_CELL_LINES = 12  # a cell holding a list ("- Rà soát …;" / "- Công khai …;") may run this long


def _continues_cell(line: str) -> bool:
    """A line that goes on inside a cell: a bullet of a list within the cell, or running text
    starting in lower case; not a heading or a bracketed caption between two tables."""
    stripped = line.strip()
    return bool(stripped) and (stripped[0] in "-+•*–" or stripped[0].islower())


def _is_pipe_line(line: str) -> bool:
    return line.rstrip().endswith("|")


def find_pipe_runs(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) line ranges of flattened tables: lines ending in "|", with up to
    MAX_WRAPPED_LINES wrapped lines between two of them."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        if not _is_pipe_line(lines[i]):
            i += 1
            continue
        start, end = i, i + 1
        while end < n:
            if _is_pipe_line(lines[end]):
                end += 1
                continue
            gap = end
            while gap < n and lines[gap].strip() and not _is_pipe_line(lines[gap]) and (
                gap - end < MAX_WRAPPED_LINES or (gap - end < MAX_CELL_LINES and _continues_cell(lines[gap]))
            ):
                gap += 1
            if gap < n and gap > end and _is_pipe_line(lines[gap]):
                end = gap + 1
                continue
            break
        runs.append((start, end))
        i = end
    return runs


# --- tables copied from a PDF one cell a line ------------------------------------------------

_NUMBER_COLUMN = ("tt", "stt", "so tt")
_CELL_LINE = 60  # a header cell on a line of its own is short


def _header_cells(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """The header read one cell a line from lines[i] ("STT" / "Nhiệm vụ" / "Thời gian" / "hoàn
    thành" …): its cells and the line after it, where the first row's number must stand."""
    cells: list[str] = []
    j = i
    while j < len(lines):
        line = lines[j].strip()
        if not line or len(line) > _CELL_LINE or ROW_LABEL.match(line):
            break
        if cells and _starts_lower(line):
            cells[-1] += " " + line  # a header cell wrapped: "Thời gian" / "hoàn thành"
        elif is_header_cell(line):
            cells.append(line)
        else:
            break
        j += 1
    if len(cells) < 3 or j >= len(lines) or not ROW_LABEL.match(lines[j].strip()):
        return None
    return cells, j


def _numbers_next_row(label: str, line: str) -> bool:
    """Whether a bare number may number the row after `label` ("2" or "2.1" after "1.3"), not
    a page ("35" after "2.1")."""
    if not line.isdigit() or not label[:1].isdigit():
        return bool(ROW_LABEL.match(line))
    top = int(re.match(r"\d+", label).group())  # type: ignore[union-attr]
    return int(line) in (top, top + 1)


def find_line_table_runs(lines: list[str]) -> list[tuple[int, int, list[list[str]]]]:
    """(start, end, rows) of tables a PDF copy printed one cell a line: a header opening with
    the number column ("STT"), then each row from its number, its wrapped lines joined. A
    number repeating the row's own is the page's (a page break inside the row)."""
    runs: list[tuple[int, int, list[list[str]]]] = []
    i = 0
    while i < len(lines):
        if len(lines[i]) > 12 or fold(lines[i].strip()).rstrip(".") not in _NUMBER_COLUMN:
            i += 1
            continue
        header = _header_cells(lines, i)
        if header is None:
            i += 1
            continue
        cells, k = header
        width = len(cells)
        rows = [cells]
        while k < len(lines) and ROW_LABEL.match(lines[k].strip()):
            label = lines[k].strip()
            row = [label]
            blanks: list[int] = []  # where blank lines fell: the cell count before each
            joined = False
            k += 1
            while k < len(lines):
                line = lines[k].strip()
                if not line:
                    blanks.append(len(row))
                    k += 1
                    continue
                if line == label or (PAGE_NUMBER.match(line) and not _numbers_next_row(label, line)):
                    k += 1
                    continue  # the page's number (a gazette's header) at a page break
                if ROW_LABEL.match(line):
                    break
                if len(row) > 1 and joins(row[-1], line):
                    row[-1] += " " + line
                    joined = True
                elif len(row) < width:
                    row.append(line)
                else:
                    break  # the row is full: the table has ended
                k += 1
            rows.append(_with_empty_cells(row, blanks, width, joined))
        if len(rows) >= 2:
            runs.append((i, k, rows))
        i = k
    return runs


def _with_empty_cells(row: list[str], blanks: list[int], width: int, joined: bool) -> list[str]:
    """The row padded to `width`. A Word table copied one cell a line prints an empty cell as a
    blank line ("UBND các xã, phường" / "" / "Thường xuyên"): where the blank lines between
    its cells make up exactly the cells missing, and no cell wrapped, they are those cells,
    or the time would be read as the partner."""
    inner = [b for b in blanks if b < len(row)]
    if inner and not joined and len(row) + len(inner) == width:
        out = list(row)
        for b in reversed(inner):
            out.insert(b, "")
        return out
    return row + [""] * (width - len(row))


def split_cells(run_lines: list[str]) -> list[str]:
    joined = "\n".join(line.rstrip() for line in run_lines)
    cells = joined.split("|")[:-1]  # the run ends with "|": nothing after the last one
    return [repair_cell(c) for c in cells]


def repair_cell(cell: str) -> str:
    if "-\n" not in cell:  # the regex opens with a lookbehind: tried at every position
        return collapse(cell)
    return collapse(_DEHYPHEN.sub(lambda m: "" if cell[m.end() : m.end() + 1].islower() else "-", cell))


def is_header_cell(cell: str) -> bool:
    return bool(cell) and len(cell.split()) <= 12 and bool(_HEADER_RE.search(fold(cell)))


def find_header(cells: list[str]) -> tuple[int, int] | None:
    """(index, width) of the first header row: 3+ consecutive header-like cells, or 2 when
    the first is the row-number column (TT/STT)."""
    i = 0
    while i < len(cells):
        if not is_header_cell(cells[i]):
            i += 1
            continue
        j = i
        while j < len(cells) and is_header_cell(cells[j]):
            j += 1
        width = j - i
        if width >= 3 or (width == 2 and fold(cells[i]).strip(". ") in ("tt", "stt", "so tt")):
            return i, width
        i = j
    return None


def is_row_label(cell: str) -> bool:
    return bool(ROW_LABEL.match(cell))


_LABELLED_TITLE = re.compile(r"^(?:[IVXLC]{1,5}|[A-ZĐ])[.)]\s+\S")


def chunk_rows(cells: list[str], width: int) -> list[list[str]]:
    """Cells into rows of `width`, resynchronising on a row label when a row came out short
    (a lost cell would otherwise shift every later row by one column)."""
    rows: list[list[str]] = []
    pos = 0
    while pos < len(cells):
        row_len = width
        following = cells[pos + width] if pos + width < len(cells) else None
        if pos + 1 < len(cells) and _LABELLED_TITLE.match(cells[pos]) and is_row_label(cells[pos + 1]):
            row_len = 1  # a group's label and title in one cell ("I. THAM GIA CỦA NGƯỜI DÂN … |"), then row "1"
        elif following is not None and following and not is_row_label(following):
            for m in range(1, width):
                if pos + m < len(cells) and is_row_label(cells[pos + m]):
                    row_len = m
                    break
        row = cells[pos : pos + row_len]
        rows.append(row + [""] * (width - len(row)))
        pos += row_len
    return rows


def shape_width(cells: list[str]) -> int:
    """Width of a header-less flattened table: a column of row labels repeating every N
    cells gives N; a short even run (document header, signature block) is two columns."""
    for width in range(2, 9):
        firsts = cells[0::width]
        if len(firsts) >= 2 and len(cells) % width == 0 and all(is_row_label(c) or not c for c in firsts) and any(firsts):
            return width
    if len(cells) % 2 == 0 and len(cells) <= 8:
        return 2
    return len(cells)


def cells_to_tables(cells: list[str]) -> list[list[list[str]]]:
    """One run of cells to one or more tables (cells before a header row are a table of their own)."""
    header = find_header(cells)
    if header is None:
        return [chunk_rows(cells, shape_width(cells))] if cells else []
    start, width = header
    tables = []
    if start:
        tables.extend(cells_to_tables(cells[:start]))
    tables.append(chunk_rows(cells[start:], width))
    return tables


def cell_lines(text: str) -> str:
    """A cell's text with the lines its author broke (a "<br>", a paragraph) kept where a line
    opens in capitals: "Sở Nội vụ<br>Sở Tư pháp" lists two units, "Sở Văn hóa, Thể thao<br>và
    Du lịch" wraps one name. Each line collapsed."""
    lines = [line for raw in text.split("\n") if (line := collapse(raw))]
    if len(lines) < 2:
        return lines[0] if lines else ""
    out = lines[0]
    for line in lines[1:]:
        out += ("\n" if line[:1].isupper() and not out.endswith((",", "-", "(")) else " ") + line
    return out


def table_text(rows: list[list[str]]) -> str:
    """How a table reads in Document.text: a row a line, cells joined by " | " (a cell's own
    line breaks read as spaces)."""
    return "\n".join(" | ".join(c.replace("\n", " ") if "\n" in c else c for c in row).strip() for row in rows)


def table_draft(rows: list[list[str]], page: int | None = None) -> Draft:
    return Draft("table", table_text(rows), rows=rows, page=page)


# --- prose: join wrapped lines, classify ---------------------------------------------------

# "-" at a line's end right after a letter, next line starting in lower case: a split word.
_DEHYPHEN = re.compile(r"(?<=\w)-\n(?=[^\W\d_])")


# a field's label alone at a line's end: "Thời gian thực hiện:", "Đơn vị chủ trì:"
_FIELD_LABEL = re.compile(r"(?:^|[-–+•;.]\s*)(?:thời gian|thời hạn|tiến độ|đơn vị|cơ quan)[^:.;]{0,30}:$", re.IGNORECASE)


def _starts_lower(text: str) -> bool:
    return text[:1].islower()


def joins(prev: str, nxt: str) -> bool:
    """A line continues the previous one: the previous does not end a sentence or clause,
    and the next starts in lower case (and is not a list label such as "a)")."""
    prev = prev.rstrip()
    if prev.endswith(")") and _starts_lower(nxt) and not LIST_LABEL.match(nxt) and not is_all_caps(prev):
        return True  # a bracket inside a wrapped title: "… cấp tỉnh (PAPI)" / "tỉnh Bắc Giang năm 2024"
    if prev.endswith(";") and _starts_lower(nxt) and not LIST_LABEL.match(nxt):
        return True  # a clause wrapped after its semicolon: "… các cơ quan, địa phương;" / "công khai …"
    if prev.endswith(":") and (_starts_lower(nxt) or _FIELD_LABEL.search(prev)) and not LIST_LABEL.match(nxt):
        return True  # a label's value on the next line: "… thời gian thực hiện:" / "trước ngày 30/6/2024.", "Quý I/2026."
    if not prev or ends_sentence(prev) or prev.endswith("|"):
        return False
    if is_all_caps(prev):
        return False  # a heading ("KẾ HOẠCH") is not continued by the subject line under it
    if _INDEX_NAME.match(nxt) and prev.lower().endswith("chỉ số"):
        return True  # "… tuyên truyền sâu rộng về Chỉ số" / "PAPI năm 2024"
    if _WRAPPED_SYMBOL.search(prev, max(len(prev) - 12, 0)) and nxt[:1].isupper():
        return True  # a number wrapped at its hyphen: "Quyết định số 892/QĐ-" / "UBND ngày 20/5/2025"
    if _TYPE_THEN_REFERENCE.match(nxt):
        return True  # "… hướng dẫn các xã thực hiện" / "Kế hoạch này, báo cáo …"
    if nxt.startswith("INDEX") and _SPLIT_INDEX.search(prev, max(len(prev) - 4, 0)):
        return True  # an index's name wrapped inside it: "… Chỉ số PAPI, PAR" / "INDEX năm 2024"
    if _NAME_TAIL.match(nxt) and prev[-1:].isalpha():
        return True  # a proper name wrapped before its last word: "… của UBND tỉnh Lào" / "Cai)"
    if LIST_LABEL.match(nxt):
        return False
    if _STAMP_LINE.match(nxt) and not prev.lower().endswith(_DATE_WORDS):
        return False  # a news item's date under its headline: "08/04/2024", "15/05/2024 10:20"
    if _starts_lower(nxt) or _WRAPPED_NUMBER.match(nxt) or nxt[:1] in "“\"(":
        return True  # "… trước ngày" / "30/6/2024.", "… nội dung" / "“Công khai, minh bạch”", "… công" / "(PAPI) …"
    # a wrap before a capitalised word (a unit, a place): the line stopped on a comma or on a
    # word that needs what follows ("… các sở, ban, ngành và" / "UBND các huyện …"); a line in
    # capitals ("QUYẾT ĐỊNH:") opens a part of its own
    open_end = prev[prev.rfind(" ") + 1 :].lower() in OPEN_ENDINGS and not prev.lower().endswith(_CLOSED_ENDINGS)
    if not open_end and prev.endswith(_OPEN_HEADS) and nxt[:1].isupper():
        before = prev[:-len(next(h for h in _OPEN_HEADS if prev.endswith(h)))]
        # a head after a lower-case word ("gửi về Sở"), not a name's last word ("Báo Hải Phòng")
        words = before.split()
        open_end = before.endswith(" ") and bool(words) and words[-1][:1].islower()
    if not open_end and nxt[:1].isupper() and len(prev) >= _VERB_WRAP_CHARS and prev.lower().endswith(_OPEN_VERBS):
        open_end = True  # "… phối hợp với Phòng Tư pháp hướng dẫn" / "UBND các xã, thị trấn tổ chức …"
    return (prev.endswith(",") or open_end) and not is_all_caps(nxt)


# Verbs whose object is a unit, ending a long wrapped line: the unit on the next line is their
# object, not a new subject ("… hướng dẫn" / "UBND các xã …"). A short line ending so may be a
# heading ("1. Công tác lãnh đạo, chỉ đạo"), so only lines this long.
_OPEN_VERBS = tuple(" " + v for v in ("hướng dẫn", "đề nghị", "yêu cầu", "chỉ đạo", "đôn đốc", "giao", "hỗ trợ"))
_VERB_WRAP_CHARS = 50


# A unit's head printed at a line's end needs its name on the next line: "… gửi về Sở" / "Nội vụ
# trước ngày 20/11/2025."
_OPEN_HEADS = ("Sở", "Phòng", "Ban", "Bộ", "Cục", "UBND", "HĐND", "Ủy ban", "Trung tâm", "Văn phòng", "Chi cục")


# Words a clause cannot end on: conjunctions, prepositions and quantifiers that need the words
# after them. A line ending on one continues on the next line, whatever that line's case.
OPEN_ENDINGS = frozenset("""
    và hoặc hay với của cho tại theo trên về để trong đến từ do bởi giữa cùng nhằm qua vào thuộc
    các những mọi mỗi từng là được bị mưu
""".split())  # "mưu": "tham mưu" takes its object on the next line ("… tham mưu" / "UBND huyện ban hành …")

# Phrases that end on an open word and still close the clause: "… năm 2025 và những năm tiếp
# theo" (a title) / "Căn cứ Nghị quyết …"
_CLOSED_ENDINGS = ("tiếp theo", "sau đây", "nêu trên")

# A line opening with a date, a quarter or a count ("30/6/2024.", "6/2024", "III/2024", "15 văn
# bản", "2024, hoàn thành …") that is no list label: the rest of a sentence wrapped before its date or count. A bare
# number ("1", "2024") is not one: an unruled table's cells stand one a line.
_WRAPPED_NUMBER = re.compile(r"\d{1,2}[/.-]\d{1,4}\b|[IVX]{1,4}/\d{4}|\d+[,;]? (?=[^\W\d_])(?![A-ZĐ])")

# a line that is a date and perhaps a time, nothing else; it continues only a line that asks for
# a date ("… trước ngày" / "30/6/2024")
_STAMP_LINE = re.compile(r"^(?:\d{1,2}[:h]\d{2}\s*[-|,]?\s*)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2})?\s*$")
_DATE_WORDS = ("ngày", "trước", "đến", "từ", "hạn", "tới")

_SPLIT_INDEX = re.compile(r"(?<![^\W\d_])(?:PAR|ICT)$")  # "… Chỉ số PAPI, PAR" / "(PAR" before "INDEX"
_WRAPPED_SYMBOL = re.compile(r"\d/[A-ZĐ0-9]{1,8}(?:-[A-ZĐ0-9]{1,8})*-$")  # "Quyết định số 892/QĐ-"
# The types a document names itself by in running text and in its running header (ingest reads no
# gazetteer of extract's: these few words are all a line break needs).
_DOC_TYPES = "Kế hoạch|Chỉ thị|Quyết định|Công văn|Nghị quyết|Thông báo|Báo cáo|Chương trình|Hướng dẫn|Phụ lục"
# a line opening with a document's type that refers back or cites ("Kế hoạch này, …", "Chỉ thị
# này.", "Quyết định số …", "Kế hoạch; định kỳ …"): the rest of a sentence, not a heading
_TYPE_THEN_REFERENCE = re.compile(rf"(?:{_DOC_TYPES})(?:\s+(?:này|số|nêu trên|trên)\b|\s*[;,.])")
_INDEX_NAME = re.compile(r"(?:PAPI|PAR|SIPAS|PCI|DDCI|ICT|DTI|CCHC)\b")
_WORD_HYPHEN_END = re.compile(r"\w-$")
# A line that is only the end of a name and of its sentence or bracket: "Cai).", "Nam." (not a
# label before its colon: "Kính gửi:" opens a block of its own)
_NAME_TAIL = re.compile(r"^[^\W\d_][\w]*(?:\s[^\W\d_][\w]*)?\s*[).;,]+\s*$")


# A page break copied out of a PDF: the page's number on a line of its own, perhaps the running
# header of the next page ("2" / "Kế hoạch nâng cao các Chỉ số … năm 2026") in mid-sentence.
# A provincial gazette prints its issue and the page number on every page: "CÔNG BÁO/Số 21/Ngày
# 10-6-2025  36", "35  CÔNG BÁO/Số 21/Ngày 10-6-2025".
PAGE_NUMBER = re.compile(
    r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$|^\s*(?:trang|page)\s+\d+(?:\s*/\s*\d+)?\s*$"
    r"|^\s*(?:\d{1,4}\s+)?công\s+báo\s*/\s*số\s+\d+\s*/\s*ngày\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{4}(?:\s+\d{1,4})?\s*$",
    re.IGNORECASE)
# A running header names the document by its type: "Kế hoạch …", "Quyết định số …".
_RUNNING_HEADER = re.compile(rf"^(?:{_DOC_TYPES})\s")


# The national motto: a table holding it (a portal's or a Word file's header) lays out a letter's
# header in two columns, not data.
_MOTTO = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA|Độc\s+lập\s*[-–]\s*Tự\s+do", re.IGNORECASE)


def holds_motto(text: str) -> bool:
    return bool(_MOTTO.search(text))


# a running header that names the document by its number and date: a page's top, wherever it falls
_NUMBERED_HEADER = re.compile(rf"^(?:{_DOC_TYPES})\s+số\s+\d+[^\s]*\s+ngày\s+\d")


def is_running_header(line: str) -> bool:
    line = line.strip()
    return len(line) < 150 and bool(_RUNNING_HEADER.match(line)) and not is_all_caps(line) and not ends_sentence(line)


def ends_sentence(line: str) -> bool:
    """Only the last three characters can end a sentence: a search from there, not the whole line."""
    return bool(_SENTENCE_END.search(line, max(len(line) - 3, 0)))


# Lines that open a part of their own however the line above ended: the number, the salutation,
# the subject, the legal basis, the place and date, the distribution list.
_OPENS_PART = re.compile(r"^(?:Số\s*:|Kính gửi|V/v|Căn cứ|Nơi nhận|[^\W\d_][^,\n]{1,40},\s*ngày\s)")
FULL_LINE = 0.8  # a line this share of the page's longest lines reaches the right margin: it wrapped
TITLE_LINES = 3  # the lines of a title under its heading, left to the copied-text rules


def join_wrapped_lines(text: str) -> str:
    """A PDF page's text with the lines that wrapped at the right margin joined to the next.

    A line the width of the page's text that ends no sentence went on in the next line, whatever
    that line opens with ("… phối hợp với Báo Lạng Sơn, Đài" / "Phát thanh và Truyền hình …",
    "… khảo sát" / "Chỉ số SIPAS năm 2024."): the line breaks of copied text ask `joins` for
    clues the page's geometry gives here. The width is measured in characters against the page's
    longest lines (the 90th percentile, so one odd long line does not set it)."""
    lines = text.split("\n")
    lengths = sorted(len(ln.strip()) for ln in lines if len(ln.strip()) >= 20)
    if len(lengths) < 3:
        return text
    full = FULL_LINE * lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    # a table printed one cell a line keeps its lines: a long task cell is no wrapped line, and
    # the unit cell under it no continuation (find_line_table_runs joins a cell's own wraps)
    in_table: set[int] = set()
    if _NUMBER_COLUMN_LINE.search(text):
        for s, e, _rows in find_line_table_runs(lines):
            in_table.update(range(s, e))
    out: list[str] = []
    title_zone = 0  # lines under a caps heading ("CHỈ THỊ"): a centred title, as wide as the text
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            out.append(line)
            continue
        if i in in_table or i - 1 in in_table:
            out.append(line)
            continue
        if out and not title_zone and _wrapped(out[-1], stripped, full):
            out[-1] = out[-1].rstrip() + " " + stripped
            continue
        title_zone = TITLE_LINES if is_all_caps(stripped) else max(0, title_zone - 1)
        out.append(line)
    return "\n".join(out)


LAYOUT_HEADER_LINES = 15  # a letterhead laid out in two columns lies within the text's first lines
RIGHT_COLUMN_INDENT = 20  # a line indented this far, inside such a run, is the right column's
_COLUMN_GAP = re.compile(r"(?<=\S) {4,}(?=\S)")


def _two_columns(line: str) -> tuple[str, str] | None:
    """The left and right text of a line laid out in two columns by spaces, else None."""
    if "    " not in line or "\t" in line or "|" in line:
        return None
    parts = _COLUMN_GAP.split(line.strip())
    return (parts[0], parts[1]) if len(parts) == 2 else None


# the letterhead's right column, printed on the left column's line with a single space between
# ("SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc" in a PDF's text layer)
_MOTTO_BESIDE = re.compile(
    r"(?<=\S) (?=CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc|ĐẢNG CỘNG SẢN VIỆT NAM)"
)


def _split_motto(line: str) -> tuple[str, str] | None:
    """A letterhead line read across both columns, as the issuer's words and the motto's."""
    m = _MOTTO_BESIDE.search(line)
    if m is None or not is_all_caps(line[: m.start()]):
        return None
    return line[: m.start()], line[m.end() :]


def _split_mottos(lines: list[str]) -> list[str]:
    """The letterhead's lines with those read across both columns split, left column first."""
    out: list[str] = []
    right: list[str] = []
    for line in lines:
        parts = _split_motto(line)
        if parts:
            out.append(parts[0])
            right.append(parts[1])
            continue
        out.extend(right)
        right = []
        out.append(line)
    return out + right


_SUBJECT_LINE = re.compile(r"(?:V/v|Về việc)\s", re.IGNORECASE)


HEAD_LINES = 30  # where a letterhead and its type heading lie


def _lone_caps_word(line: str) -> bool:
    """ "QUYẾT", "VỀ": one capitalised syllable alone on its line."""
    word = line.strip()
    return 0 < len(word) <= 7 and word.isalpha() and word.isupper()


def join_split_heading_words(text: str) -> str:
    """A heading a narrow table cell broke a word a line ("QUYẾT" / "ĐỊNH" / "VỀ" / "VIỆC BAN
    HÀNH …", a legal-text site's copy) as its words on one line. A syllable alone on a line is
    no heading of its own: it goes onto the capitals after it."""
    lines = text.split("\n", HEAD_LINES)
    head, rest = lines[:HEAD_LINES], lines[HEAD_LINES:]
    if not any(_lone_caps_word(ln) for ln in head):
        return text
    out: list[str] = []
    i = 0
    while i < len(head):
        line = head[i]
        while _lone_caps_word(line) and i + 1 < len(head) and head[i + 1].strip() \
                and head[i + 1].strip()[0].isupper() and head[i + 1].upper() == head[i + 1]:
            i += 1
            line = line.strip() + " " + head[i].strip()
        out.append(line)
        i += 1
    return "\n".join(out + rest)


def split_layout_columns(text: str) -> str:
    """A letterhead or signature that a PDF's layout copy set in two columns by spaces ("ỦY BAN
    NHÂN DÂN          CỘNG HÒA XÃ HỘI …" / "   TỈNH GIA LAI      Độc lập - Tự do - Hạnh phúc") as
    the left column's lines, then the right column's: read across, the issuer runs into the motto.
    Where one space parts them ("SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc"), the line is split in two."""
    head = text[:2000]
    if "Độc lập" in head or "CỘNG HÒA" in head or "ĐẢNG CỘNG SẢN" in head:
        lines = text.split("\n")
        text = "\n".join(_split_mottos(lines[:LAYOUT_HEADER_LINES]) + lines[LAYOUT_HEADER_LINES:])
    if "    " not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        if (i >= LAYOUT_HEADER_LINES and not lines[i].lstrip().lower().startswith("nơi nhận")) \
                or _two_columns(lines[i]) is None:
            out.append(lines[i])
            i += 1
            continue
        left: list[str] = []
        right: list[str] = []
        signature = i >= LAYOUT_HEADER_LINES  # "Nơi nhận:" beside "TM. ỦY BAN NHÂN DÂN": to the blank line
        while i < n:
            parts = _two_columns(lines[i])
            if parts:
                left.append(parts[0])
                right.append(parts[1])
            elif lines[i].strip() and len(lines[i]) - len(lines[i].lstrip(" ")) >= RIGHT_COLUMN_INDENT:
                right.append(lines[i].strip())
            elif (signature or (left and _SUBJECT_LINE.match(left[0]))) and lines[i].strip():
                # "- Lưu: VT, NV." with nothing beside it; a subject line "V/v …" beside the
                # place and date wraps under itself ("cải thiện Chỉ số PAR INDEX, SIPAS," / …)
                left.append(lines[i].strip())
            else:
                break
            i += 1
        out.extend(left + right)
    return "\n".join(out)


HARD_WRAP_WIDTH = 140  # copied text wrapped at a fixed width: its lines stop short of this


def is_hard_wrapped(text: str) -> bool:
    """Text copied out of a PDF keeps its page's line breaks: its longer lines share one width
    (the longest barely past the 90th percentile, under HARD_WRAP_WIDTH), where text typed a
    paragraph a line runs to every length."""
    lengths = sorted(n for ln in text.split("\n") if (n := len(ln.strip())) >= 20)
    if len(lengths) < 8:
        return False
    p90 = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    return p90 <= HARD_WRAP_WIDTH and lengths[-1] <= 1.15 * p90


def _wrapped(prev: str, nxt: str, full: float) -> bool:
    """A full line wrapped, unless it ended a sentence: a clause's ";" at the margin before a line
    that is no item of its own wrapped too ("Điều 4. Chánh Văn phòng UBND tỉnh; Giám đốc các sở: Nội
    vụ, Tài chính;" / "Giám đốc Bưu điện tỉnh …")."""
    prev = prev.strip()
    return (len(prev) >= full and (not ends_sentence(prev) or prev.endswith(";")) and not prev.endswith("|")
            and not is_all_caps(prev) and not is_all_caps(nxt) and not LIST_LABEL.match(nxt)
            and not PAGE_NUMBER.match(nxt) and not _OPENS_PART.match(nxt))


def drop_page_breaks(lines: list[str]) -> list[str]:
    """The lines without the page number and running header that a page break left inside a
    sentence or an item ("… báo cáo" / "2" / "Kế hoạch … năm 2026" / "kết quả về …"). A number
    after a finished sentence stays, an unruled table printing its row numbers one a line, unless
    a header naming the document's number follows it."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    drop: set[int] = set()
    for k, i in enumerate(filled):
        if k == 0 or k + 1 >= len(filled) or not PAGE_NUMBER.match(lines[i]):
            continue
        nxt = lines[filled[k + 1]].strip()
        prev = lines[filled[k - 1]].rstrip()
        if _starts_lower(nxt) and (prev.endswith(";") or len(lines[i]) - len(lines[i].lstrip()) >= RIGHT_COLUMN_INDENT):
            drop.add(i)  # "… an toàn;" / "2" / "niêm yết …": an item's clauses go on over the break
            continue
        if ends_sentence(prev):
            if is_running_header(nxt) and _NUMBERED_HEADER.match(nxt):
                drop.update((i, filled[k + 1]))  # "2" / "Kế hoạch số 14/KH-UBND ngày 22/9/2025 …" between items
            continue
        if _starts_lower(nxt):
            drop.add(i)
        elif is_running_header(nxt):
            drop.update((i, filled[k + 1]))
    return [ln for i, ln in enumerate(lines) if i not in drop] if drop else lines


_RULE_CHARS = "-_—–=─━*.·"
_RULE_LINE = re.compile(r"[-_—–=─━*.·\s]{3,}")


def prose_drafts(lines: list[str]) -> list[Draft]:
    """Blocks from lines with no table in them."""
    units: list[str] = []
    for raw in drop_page_breaks(lines):
        line = collapse(_BOLD.sub("", raw.strip()) if "**" in raw else raw)  # no regex pass on every line
        if not line or (line[0] in _RULE_CHARS and _RULE_LINE.fullmatch(line)):
            continue  # a rule drawn with characters under a header ("———", "_______")
        if units and joins(units[-1], line):
            prev = units[-1]
            if _WORD_HYPHEN_END.search(prev, max(len(prev) - 2, 0)):  # the end only, not the whole unit
                # "phát tri-" + "ển": a word split by a hyphen; "892/QĐ-" + "UBND": a symbol, hyphen kept
                units[-1] = (prev if _WRAPPED_SYMBOL.search(prev, max(len(prev) - 12, 0)) else prev[:-1]) + line
            else:
                units[-1] = prev + " " + line
        else:
            units.append(line)
    return [Draft(classify(u), u) for u in units]


MIN_TAB_CELLS = 3  # a line with at least this many tab-separated cells is a table row


_RULE_ROW = re.compile(r"^[\s|:+-]+$")  # a Markdown table's "|---|---|" line


def _tab_cells(line: str, sep: str = "\t") -> list[str] | None:
    """The cells of one delimited row ("a\tb\tc", "a | b | c", "| a | b | c |"), or None."""
    if line.count(sep) < MIN_TAB_CELLS - 1:  # too few separators: no need to strip and split
        return None
    text = line.strip()
    if sep == "|":
        if "|" not in text:
            return None
        text = text.strip("|")
    cells = [c.strip() for c in text.split(sep)]
    return cells if len(cells) >= MIN_TAB_CELLS and sum(1 for c in cells if c) >= 2 else None


def find_tab_runs(lines: list[str], sep: str = "\t") -> list[tuple[int, int]]:
    """(start, end) line ranges of tables with one row a line: two or more lines whose cells
    are separated by tabs (copied from Word) or by " | " (portal text, Markdown), with up to
    MAX_WRAPPED_LINES lines between two of them where a cell's text wrapped ("… theo phương
    pháp SIPAS của" / "Bộ Nội vụ | Báo cáo | …"): tab_table joins those to their row."""
    def is_row(k: int) -> bool:
        return _tab_cells(lines[k], sep) is not None or (sep == "|" and _RULE_ROW.match(lines[k]) is not None)

    runs: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        if _tab_cells(lines[i], sep) is None:
            i += 1
            continue
        end, rows, width = i + 1, 1, len(_raw_cells(lines[i], sep))
        while end < n:
            if is_row(end):
                width = max(width, len(_raw_cells(lines[end], sep)))
                end, rows = end + 1, rows + 1
                continue
            gap = end
            while gap < n and gap - end < MAX_WRAPPED_LINES and lines[gap].strip() and not is_row(gap):
                gap += 1
            at = _past_page_break(lines, gap)
            if at > gap and at < n and is_row(at) and (
                    len(_raw_cells(lines[gap - 1], sep)) < width or _starts_lower(lines[at].strip())):
                gap = at  # a page broke a row that goes on after it ("… trả kết quả" / "6" / "cấp xã; … | …")
            if gap < n and gap > end and is_row(gap) and sep in lines[gap]:
                end = gap  # the wrapped lines, then the row that goes on or follows
                continue
            break
        if rows >= 2:
            runs.append((i, end))
        i = end
    return runs


def _past_page_break(lines: list[str], i: int) -> int:
    """The first line after the blank lines and page number a page break left from lines[i]."""
    n = len(lines)
    while i < n and (not lines[i].strip() or PAGE_NUMBER.match(lines[i])):
        i += 1
    return i


def _is_markdown_row(line: str) -> bool:
    if "|" not in line:  # most lines: no strip
        return False
    text = line.strip()
    return len(text) > 2 and text[0] == "|" and text[-1] == "|" and text.count("|") >= 3


def find_markdown_runs(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) line ranges of Markdown tables ("| a | b |" rows, "|---|---|" rules): read
    one row a line, before the flattened-cell reading claims their trailing "|"."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        end = i
        while end < n and _is_markdown_row(lines[end]):
            end += 1
        if end - i >= 2 and any(_RULE_ROW.match(line) for line in lines[i:end]):
            runs.append((i, end))
            i = end
        else:
            i = max(end, i + 1)
    return runs


def _raw_cells(line: str, sep: str) -> list[str]:
    text = line.strip(" \r\n") if sep == "\t" else line.strip()  # a row's empty last cells are cells
    if sep == "|":
        text = text.strip("|")
    return text.split(sep)


def _row_cells(line: str, sep: str) -> list[str]:
    return [collapse(c.replace("**", "").replace(_CELL_BREAK, " ")) for c in _raw_cells(line, sep)]


# where a "<br>" broke a line inside a cell: a space in a table's row, a line of its own in a
# two-column header table ("UBND TỈNH BÌNH ĐỊNH<br>SỞ TƯ PHÁP | CỘNG HÒA …") and in prose
_CELL_BREAK = "\x1f"


def tab_table(lines: list[str], sep: str = "\t") -> list[list[str]]:
    """Rows of a delimited run (Markdown rule lines dropped), padded to one width.

    A line that wrapped inside a cell goes on in its row: a line with no separator, a line
    not opening with "|" in a table whose rows do, or, in a table whose rows do not, a line
    that follows a row short of the table's width ("…của" / "Bộ Nội vụ | Báo cáo | …")."""
    body = [line for line in lines
            if line.strip() and not (sep == "|" and _RULE_ROW.match(line)) and not (sep not in line and PAGE_NUMBER.match(line))]
    if not body:
        return []
    parsed = [(line, _row_cells(line, sep)) for line in body]
    piped = sep == "|" and sum(line.lstrip().startswith("|") for line in body) * 2 > len(body)
    if sep == "|" and not piped:
        # rows that do not open with "|": one that does has an empty first cell (a row's
        # continuation, " | tại các lĩnh vực … | | Công an tỉnh |")
        parsed = [(line, [""] + cells if line.lstrip().startswith("|") else cells) for line, cells in parsed]
    width = max(len(cells) for _, cells in parsed)
    rows: list[list[str]] = []
    for line, cells in parsed:
        short = bool(rows) and len(rows[-1]) < width
        if sep not in line:  # the rest of a cell, or a heading between two parts of the table
            heading = _LABELLED_TITLE.match(line.strip()) or is_all_caps(line)
            goes_on = not heading and (short or (bool(rows) and _starts_lower(line.strip())))
        elif is_row_label(cells[0]) or _LABELLED_TITLE.match(cells[0]):
            goes_on = False  # "II\tSở Tài nguyên và Môi trường", "| 3 | …": a row of its own
        elif piped:
            goes_on = bool(rows) and not line.lstrip().startswith("|")
        else:
            goes_on = short and len(rows[-1]) + len(cells) - 1 <= width
        if goes_on:
            last = rows[-1]
            last[-1] = f"{last[-1]} {cells[0]}".strip()
            last.extend(cells[1:])
        elif sep not in line:  # a heading line between two parts: a row of its own, complete
            rows.append(cells + [""] * (width - len(cells)))
        else:
            rows.append(cells)
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


_NUMBER_COLUMN_LINE = re.compile(r"^\s*(?:Số\s+)?(?:TT|STT|tt|stt)\.?\s*$", re.MULTILINE)

# a line break inside a Markdown table's cell ("UBND TỈNH BÌNH ĐỊNH<br>**SỞ TƯ PHÁP**")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def text_to_drafts(text: str) -> list[Draft]:
    """Plain text (already NFC and free of portal furniture) to blocks in reading order."""
    if "<" in text:
        text = _BR.sub(_CELL_BREAK, text)
    lines = text.split("\n")
    drafts: list[Draft] = []
    cursor = 0
    runs: list[tuple[int, int, str]] = []

    def free(s: int, e: int) -> bool:
        return not any(ps < e and s < pe for ps, pe, _ in runs)

    # Markdown first, then one row a line (" | " or tabs), then the flattened reading, which
    # would claim a group row's trailing "| |" ("I | THAM GIA CỦA NGƯỜI DÂN Ở CẤP CƠ SỞ | | |")
    # and the rows around it; no line to look at without a "|" or a tab
    if "|" in text:
        runs += [(s, e, "|") for s, e in find_markdown_runs(lines)]
        runs += [(s, e, "|") for s, e in find_tab_runs(lines, "|") if free(s, e)]
    if "\t" in text:
        runs += [(s, e, "\t") for s, e in find_tab_runs(lines, "\t") if free(s, e)]
    if "|" in text:
        runs += [(s, e, "pipe") for s, e in find_pipe_runs(lines) if free(s, e)]
    line_tables: dict[int, list[list[str]]] = {}
    if _NUMBER_COLUMN_LINE.search(text):  # "STT" on a line of its own: perhaps a table one cell a line
        for s, e, rows in find_line_table_runs(lines):
            if free(s, e):
                runs.append((s, e, "lines"))
                line_tables[s] = rows
    for start, end, kind in sorted(runs):
        drafts.extend(_prose(lines[cursor:start]))
        if kind in ("\t", "|"):
            rows = tab_table(lines[start:end], kind)
            if rows and len(rows[0]) >= MIN_TAB_CELLS:
                drafts.append(table_draft(rows))
            else:  # a two-column table over its rule line: the document's header, read as lines
                drafts.extend(_prose([line.replace("**", "") for line in _header_lines(lines[start:end], kind)]))
        elif kind == "lines":
            drafts.append(table_draft(line_tables[start]))
        else:
            for rows in cells_to_tables(split_cells(lines[start:end])):
                drafts.append(table_draft(rows))
        cursor = end
    drafts.extend(_prose(lines[cursor:]))
    return drafts


def _prose(lines: list[str]) -> list[Draft]:
    return prose_drafts([part for line in lines for part in line.split(_CELL_BREAK)] if any(
        _CELL_BREAK in line for line in lines) else lines)


def _header_lines(lines: list[str], sep: str) -> list[str]:
    """A two-column header table's cells, left column first, each "<br>" a line of its own."""
    rows = [_raw_cells(line, sep) for line in lines if line.strip() and not _RULE_ROW.match(line)]
    columns = [[row[k] for row in rows if k < len(row)] for k in range(max(len(r) for r in rows))] if rows else []
    return [part.strip() for column in columns for cell in column for part in cell.split(_CELL_BREAK) if part.strip()]
