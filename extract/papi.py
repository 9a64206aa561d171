"""PAPI content areas for tasks: named by a heading, or guessed from a task's own words.

The areas, their names and their vocabularies live in data/papi_areas.toml with the years
they apply to (8 areas since 2018, 6 before), so the classifier explains itself: it names
the words that decided.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from vanban.extract.scan import literal_starts
from vanban.ingest.normalize import fold


@dataclass(frozen=True)
class Area:
    number: int
    name: str
    aliases: tuple[str, ...]
    keywords: tuple[str, ...]
    since: int | None
    until: int | None

    def applies(self, year: int | None) -> bool:
        if year is None:
            return self.until is None
        return (self.since is None or year >= self.since) and (self.until is None or year <= self.until)


@cache
def areas() -> tuple[Area, ...]:
    data = tomllib.loads(resources.files("vanban.extract").joinpath("data/papi_areas.toml").read_text("utf-8"))
    out = []
    for a in data.get("area", []):
        out.append(Area(
            number=int(a["number"]), name=a["name"], aliases=tuple(a.get("aliases", [])),
            keywords=tuple(a.get("keywords", [])), since=a.get("since"), until=a.get("until"),
        ))
    return tuple(out)


def current_areas(year: int | None) -> list[Area]:
    return [a for a in areas() if a.applies(year)]


@cache
def _name_patterns(year: int | None) -> list[tuple[int, str, re.Pattern[str]]]:
    """(area, first word, pattern) for each name: a heading without the first word as a
    substring cannot match, and `in` costs far less than a search."""
    out = []
    for a in current_areas(year):
        for name in (a.name, *a.aliases):
            words = re.findall(r"\w+", fold(name))
            if words:
                out.append((a.number, words[0], re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b")))
    return out


def area_named(heading: str, year: int | None = None) -> int | None:
    """The area a heading names ("1.3. Chỉ số nội dung “Trách nhiệm giải trình với người dân”")."""
    folded = fold(heading)
    best: tuple[int, int] | None = None  # (length of the match, area)
    for number, first, pattern in _name_patterns(year):
        m = pattern.search(folded) if first in folded else None
        if m and (best is None or m.end() - m.start() > best[0]):
            best = (m.end() - m.start(), number)
    return best[1] if best else None


@cache
def _keyword_patterns(year: int | None) -> list[tuple[int, str, re.Pattern[str]]]:
    out = []
    for a in current_areas(year):
        for kw in a.keywords:
            words = [re.escape(w) for w in re.findall(r"\w+", fold(kw))]
            if words:
                out.append((a.number, kw, re.compile(r"\b" + r"\s+".join(words) + r"\b")))
    return out


def classify_area(text: str, year: int | None = None) -> tuple[int | None, str]:
    """The area whose vocabulary a task's text uses most, and the words that decided.

    Longer phrases weigh more than single words; a tie or no hit gives (None, "")."""
    folded = fold(text)
    scores: dict[int, float] = {}
    hits: dict[int, list[str]] = {}
    for number, kw, pattern in _keyword_patterns(year):
        n = len(pattern.findall(folded))
        if n:
            scores[number] = scores.get(number, 0.0) + n * len(kw.split())
            hits.setdefault(number, []).append(kw)
    if not scores:
        return None, ""
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None, ""
    best = ranked[0][0]
    return best, ", ".join(hits[best])


_PAPI = re.compile(r"\bpapi\b")


def document_areas(text: str, year: int | None, named: list[int] | None = None) -> list[int]:
    """The areas a document organises itself by: those it names, else all areas of its year
    when it is about PAPI at all (a plan whose group titles were lost). `named` is
    find_papi_areas(text) when the caller has it already."""
    if named is None:
        from vanban.extract.indices import find_papi_areas

        named = find_papi_areas(text)
    named = sorted(set(named))
    if named:
        return named
    folded = fold(text)
    if any(_PAPI.match(folded, p) for p in literal_starts(folded, "papi")):  # \b tried there only
        return sorted(a.number for a in current_areas(year))
    return []
