"""Governance indices (PAPI, PAR INDEX, SIPAS, PCI, DDCI, ICT INDEX) and the PAPI content
areas a text names; both vocabularies live in `data/indices.toml` and `data/papi_areas.toml`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from vanban.ingest.normalize import fold


def _load(name: str) -> dict:
    return tomllib.loads(resources.files("vanban.extract").joinpath(f"data/{name}").read_text("utf-8"))


@cache
def _index_patterns() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]:
    out = []
    for entry in _load("indices.toml")["index"]:
        # no leading lookbehind: it would keep the engine from jumping to the acronym's first
        # letter; the word boundary before a match is checked in find_indices instead
        acr = re.compile(r"(?:" + "|".join(entry["acronyms"]) + r")(?![\w])", re.IGNORECASE)
        names = re.compile("|".join(f"(?:{n})" for n in entry["names"])) if entry.get("names") else None
        out.append((entry["name"], acr, names))
    return tuple(out)


def find_indices(text: str) -> list[str]:
    """The indices `text` names, by acronym ("PAR Index", "ICT-Index") or Vietnamese name
    ("Chỉ số năng lực cạnh tranh cấp tỉnh" → PCI), in order of first mention."""
    folded = fold(text)
    first: dict[str, int] = {}
    for name, acr, names in _index_patterns():
        positions = [m.start() for m in acr.finditer(text) if not (m.start() and text[m.start() - 1].isalnum())]
        if names is not None:
            positions += [m.start() for m in names.finditer(folded)]
        if positions:
            first[name] = min(positions)
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
def _area_re(year: int | None) -> tuple[re.Pattern[str], dict[str, int]]:
    by_phrase: dict[str, int] = {}
    for a in papi_areas():
        if year is not None and ((a.since and year < a.since) or (a.until and year > a.until)):
            continue
        for n in (a.name, *a.aliases):
            by_phrase.setdefault(" ".join(re.findall(r"\w+", fold(n))), a.number)
    alts = sorted(by_phrase, key=len, reverse=True)
    pattern = "|".join(f"(?P<a{i}>{_phrase(p)})" for i, p in enumerate(alts))
    numbers = {f"a{i}": by_phrase[p] for i, p in enumerate(alts)}
    return re.compile(rf"(?<![\w])(?:{pattern})(?![\w])"), numbers


_QUOTES_OPEN = "“\"‘'«"
_QUOTES_CLOSE = "”\"’'»"
# "nội dung", "Chỉ số nội dung", "lĩnh vực", "trục nội dung", "nội dung thành phần số 3", "Nội dung 2:"
_CUE = re.compile(r"(?:noi\s+dung|linh\s+vuc|truc)(?:\s+thanh\s+phan)?(?:\s+(?:so\s+)?\d+)?\s*[:(\-–]?\s*$")
_END = re.compile(r"\s*(?:[:;,.)\]|\n]|$|va\s|-\s)")
_LIST_SEP = re.compile(r"^\s*(?:[;,]\s*(?:va\s+)?|va\s+)$")
_HEADING_PREFIX = re.compile(
    r"^[\s|*#]*(?:(?:[ivx]+|\d+(?:\.\d+)*|[a-z])[.)]\s*)*(?:chi\s+so\s+)?(?:noi\s+dung|truc\s+noi\s+dung|linh\s+vuc)?"
    r"(?:\s*(?:so\s+)?\d+)?\s*[:.\-–]?\s*$"
)


def find_papi_areas(text: str, year: int | None = None) -> list[int]:
    """The PAPI content areas (1–8) `text` names: in quotes (Chỉ số nội dung “Công khai, minh
    bạch”), after "nội dung"/"lĩnh vực", as a heading, or in a list of areas ("(Trách nhiệm
    giải trình với người dân; kiểm soát tham nhũng trong khu vực công; …)"). A phrase in
    running prose ("đảm bảo công khai, minh bạch, khả thi") is not a name.
    With `year`, only the areas of that year's survey are considered."""
    folded = fold(text)
    regex, numbers = _area_re(year)
    hits = [(m.start(), m.end(), numbers[m.lastgroup or ""]) for m in regex.finditer(folded)]
    named: set[int] = set()
    for i, (s, e, num) in enumerate(hits):
        before = folded[max(0, s - 40) : s]
        after = folded[e : e + 3]
        b = before.rstrip()
        a = after.lstrip()
        if b and a and b[-1] in _QUOTES_OPEN and a[0] in _QUOTES_CLOSE:
            named.add(num)
            continue
        if _CUE.search(before) and _END.match(folded, e):
            named.add(num)
            continue
        line_start = folded.rfind("\n", 0, s) + 1
        line_end = folded.find("\n", e)
        line_end = len(folded) if line_end < 0 else line_end
        if _HEADING_PREFIX.match(folded[line_start:s]) and re.fullmatch(
            r"[\s”\"’'»:.|*]*", folded[e:line_end]
        ):
            named.add(num)
            continue
        neighbours = []
        if i > 0:
            neighbours.append(folded[hits[i - 1][1] : s])
        if i + 1 < len(hits):
            neighbours.append(folded[e : hits[i + 1][0]])
        if any(_LIST_SEP.match(gap) for gap in neighbours):
            named.add(num)
    return sorted(named)
