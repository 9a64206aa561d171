"""Governance indices (PAPI, PAR INDEX, SIPAS, PCI, DDCI, ICT INDEX) and the PAPI content
areas a text names; both vocabularies live in `data/indices.toml` and `data/papi_areas.toml`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from vanban.extract.scan import cue_starts, cues, finditer_at, literal_starts
from vanban.ingest.normalize import fold


def _load(name: str) -> dict:
    return tomllib.loads(resources.files("vanban.extract").joinpath(f"data/{name}").read_text("utf-8"))


@dataclass(frozen=True)
class _Index:
    name: str
    acronyms: re.Pattern[str]  # over the printed text, case-insensitive
    cues: tuple[tuple[str, int], ...] | None  # (letters, offset): where `acronyms` can match
    names: re.Pattern[str] | None  # over the folded text
    names_cued: bool  # every name opens with _NAME_CUE


# indices.toml has every Vietnamese name open with "chi so": one scan finds where they can start
_NAME_CUE = r"chi\s+so"
_NAME_CUE_RE = re.compile(_NAME_CUE)


def _opens_with_cue(name: str) -> bool:
    rest = name[len(_NAME_CUE) :]
    return name.startswith(_NAME_CUE) and rest[:1] not in ("?", "*", "{") and not _top_level_bar(name)


# Letters a case-insensitive pattern may match in a form fold() keeps: re.IGNORECASE lets "i"
# match "ı", "k" the Kelvin sign, "s" a long s. Cues are built from the other letters.
_ODD_CASES = frozenset("iks")


def _acronym_cue(acronym: str) -> tuple[str, int] | None:
    """The longest run of plain letters among those `acronym` (a regex) opens with, folded,
    and its offset: "PAR[\\s_-]*INDEX" → ("par", 0), "SIPAS" → ("pa", 2). Where the acronym
    matches, the folded text holds these letters there. None when there is no such run or
    the regex is an alternation at its top level."""
    if _top_level_bar(acronym):
        return None
    letters = re.match(r"[A-Za-z]*", acronym).group(0).lower()  # type: ignore[union-attr]
    if acronym[len(letters) : len(letters) + 1] in ("?", "*", "{"):
        letters = letters[:-1]  # "PAPIS?": the last letter may be missing
    runs = [(m.group(0), m.start()) for m in re.finditer(f"[^{''.join(_ODD_CASES)}]+", letters)]
    return max(runs, key=lambda r: len(r[0]), default=None)


def _top_level_bar(pattern: str) -> bool:
    """`pattern` is an alternation at its top level ("A|B", not "(?:A|B)C" or "[|]")."""
    depth, i = 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch == "[":  # a class: skip to its "]" ("[]x]" and "[^]x]" open with a literal "]")
            i += 2 if pattern.startswith("[^", i) else 1
            i += pattern[i : i + 1] == "]"
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


@cache
def _index_patterns() -> tuple[_Index, ...]:
    out = []
    for entry in _load("indices.toml")["index"]:
        # no leading lookbehind: it would keep the engine from jumping to the acronym's first
        # letter; the word boundary before a match is checked in find_indices instead
        acr = re.compile(r"(?:" + "|".join(entry["acronyms"]) + r")(?![\w])", re.IGNORECASE)
        prefixes = [_acronym_cue(a) for a in entry["acronyms"]]
        acr_cues = None if None in prefixes else tuple(p for p in prefixes if p)
        names = re.compile("|".join(f"(?:{n})" for n in entry["names"])) if entry.get("names") else None
        cued = all(_opens_with_cue(n) for n in entry.get("names", []))
        out.append(_Index(entry["name"], acr, acr_cues, names, cued))
    return tuple(out)


def _first_acronym(index: _Index, text: str, folded: str) -> int | None:
    """Where the first acronym of `index` that opens a word stands in `text`."""
    if index.cues is None:
        found = index.acronyms.finditer(text)
    else:  # a case-insensitive regex cannot skip ahead: try it only where its letters stand
        starts = {p - offset for letters, offset in index.cues for p in literal_starts(folded, letters)}
        found = finditer_at(index.acronyms, text, sorted(p for p in starts if p >= 0))
    for m in found:
        if not (m.start() and text[m.start() - 1].isalnum()):
            return m.start()
    return None


def find_indices(text: str) -> list[str]:
    """The indices `text` names, by acronym ("PAR Index", "ICT-Index") or Vietnamese name
    ("Chỉ số năng lực cạnh tranh cấp tỉnh" → PCI), in order of first mention."""
    folded = fold(text)
    first: dict[str, int] = {}
    name_starts: list[int] | None = None
    for index in _index_patterns():
        positions = []
        at = _first_acronym(index, text, folded)
        if at is not None:
            positions.append(at)
        if index.names is not None and index.names_cued:
            if name_starts is None:
                name_starts = cue_starts(folded, _NAME_CUE_RE)
            at = next((p for p in name_starts if index.names.match(folded, p)), None)
            if at is not None:
                positions.append(at)
        elif index.names is not None:
            m = index.names.search(folded)  # the first match is the earliest
            if m is not None:
                positions.append(m.start())
        if positions:
            first[index.name] = min(positions)
    return sorted(first, key=lambda n: first[n])


# ---------------------------------------------------------------- PAPI content areas


@dataclass(frozen=True)
class Area:
    number: int
    name: str
    aliases: tuple[str, ...]
    since: int | None
    until: int | None
    keywords: tuple[str, ...]


@cache
def papi_areas() -> tuple[Area, ...]:
    """Every area entry of `papi_areas.toml` (the 2009–2017 and the 2018– sets)."""
    return tuple(
        Area(
            number=int(a["number"]),
            name=a["name"],
            aliases=tuple(a.get("aliases", [])),
            since=a.get("since"),
            until=a.get("until"),
            keywords=tuple(a.get("keywords", [])),
        )
        for a in _load("papi_areas.toml")["area"]
    )


def _phrase(name: str) -> str:
    words = re.findall(r"\w+", fold(name))
    return r",?\s+".join(re.escape(w) for w in words)


@cache
def _area_re(year: int | None) -> tuple[re.Pattern[str], dict[str, int], tuple[re.Pattern[str], ...]]:
    """The area names' regex, the area of each of its groups, and its cues: the first two
    words of every name, where alone the regex can match."""
    by_phrase: dict[str, int] = {}
    for a in papi_areas():
        if year is not None and ((a.since and year < a.since) or (a.until and year > a.until)):
            continue
        for n in (a.name, *a.aliases):
            by_phrase.setdefault(" ".join(re.findall(r"\w+", fold(n))), a.number)
    alts = sorted(by_phrase, key=len, reverse=True)
    pattern = "|".join(f"(?P<a{i}>{_phrase(p)})" for i, p in enumerate(alts))
    numbers = {f"a{i}": by_phrase[p] for i, p in enumerate(alts)}
    prefixes = cues(_phrase(" ".join(p.split()[:2])) for p in alts)
    return re.compile(rf"(?<![\w])(?:{pattern})(?![\w])"), numbers, prefixes


_QUOTES_OPEN = "“\"‘'«"
_QUOTES_CLOSE = "”\"’'»"
# "nội dung", "Chỉ số nội dung", "lĩnh vực", "trục nội dung", "nội dung thành phần số 3", "Nội dung 2:"
_CUE = re.compile(r"(?:noi\s+dung|linh\s+vuc|truc)(?:\s+thanh\s+phan)?(?:\s+(?:so\s+)?\d+)?\s*[:(\-–]?\s*$")
_END = re.compile(r"\s*(?:[:;,.)\]|\n]|$|va\s|-\s)")
# The next three are full matches of a stretch of the text, run in place (pos, endpos)
# instead of on a slice: the gap between two names can be pages long.
# an area's score may stand between two names: "… cấp cơ sở đạt 5,02 điểm; Công khai, minh bạch …",
# "Quản trị môi trường (2,86 điểm) và Quản trị điện tử"
_LIST_SEP = re.compile(
    r"\s*(?:(?:dat\s+)?\(?\d+(?:[,.]\d+)?\s*diem\)?\s*)?(?:[;,]\s*(?:va\s+)?|va\s+)"
)
_HEADING_PREFIX = re.compile(
    r"[\s|*#]*(?:(?:[ivx]+|\d+(?:\.\d+)*|[a-z])[.)]\s*)*(?:chi\s+so\s+)?(?:noi\s+dung|truc\s+noi\s+dung|linh\s+vuc)?"
    r"(?:\s*(?:so\s+)?\d+)?\s*[:.\-–]?\s*"
)
_HEADING_END = re.compile(r"[\s”\"’'»:.|*]*")
# an area opening a passage before its colon: "Về Công khai, minh bạch: Phòng Kinh tế chủ trì …",
# "- Thủ tục hành chính công: …"
_LEAD_IN_PREFIX = re.compile(r"[\s*\-+•–]*(?:ve\s+)?")
_LEAD_IN_END = re.compile(r"\s*:")


def find_papi_areas(text: str, year: int | None = None) -> list[int]:
    """The PAPI content areas (1–8) `text` names: in quotes (Chỉ số nội dung “Công khai, minh
    bạch”), after "nội dung"/"lĩnh vực", as a heading, a table's cell, or in a list of areas ("(Trách nhiệm
    giải trình với người dân; kiểm soát tham nhũng trong khu vực công; …)"). A phrase in
    running prose ("đảm bảo công khai, minh bạch, khả thi") is not a name.
    With `year`, only the areas of that year's survey are considered."""
    folded = fold(text)
    regex, numbers, prefixes = _area_re(year)
    hits = [
        (m.start(), m.end(), numbers[m.lastgroup or ""])
        for m in finditer_at(regex, folded, cue_starts(folded, *prefixes))
    ]
    named: set[int] = set()
    for i, (s, e, num) in enumerate(hits):
        before = folded[max(0, s - 40) : s]
        after = folded[e : e + 3]
        b = before.rstrip()
        a = after.lstrip()
        if b and a and b[-1] in _QUOTES_OPEN and a[0] in _QUOTES_CLOSE:
            named.add(num)
            continue
        if b[-1:] == "|" and (a[:1] == "|" or not a):  # a table's cell: "1 | Tham gia của người dân ở cấp cơ sở | 4,61 |"
            named.add(num)
            continue
        if _CUE.search(before) and (_END.match(folded, e) or "noi dung" in before[-12:]):
            named.add(num)
            continue
        line_start = folded.rfind("\n", 0, s) + 1
        line_end = folded.find("\n", e)
        line_end = len(folded) if line_end < 0 else line_end
        if _HEADING_PREFIX.fullmatch(folded, line_start, s) and _HEADING_END.fullmatch(folded, e, line_end):
            named.add(num)
            continue
        if _LEAD_IN_PREFIX.fullmatch(folded, line_start, s) and _LEAD_IN_END.match(folded, e):
            named.add(num)
            continue
        if (i > 0 and _LIST_SEP.fullmatch(folded, hits[i - 1][1], s)) or (
            i + 1 < len(hits) and _LIST_SEP.fullmatch(folded, e, hits[i + 1][0])
        ):
            named.add(num)
    return sorted(named)
