"""Running a big regex only where it can match: the matches of `finditer`, found faster.

Python's `re` tries a pattern at every position of the text; a pattern that opens with a
lookbehind or a 100-way alternation (province names, PAPI areas) cannot jump ahead to a
likely start, so it spends most of its time failing. Here a cheap *cue* (a regex every match
must begin with, such as the prefix "tinh|thanh pho|tp" of a province mention) finds the few
positions worth trying, and the real pattern is tried there only. The result is exactly
`pattern.finditer(text)` as long as the cue matches wherever the pattern does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def cue_starts(text: str, *cues: re.Pattern[str]) -> list[int]:
    """Every position where one of `cues` matches, overlapping hits included, ascending.

    Several cues that each open with a literal letter ("huyen", "quan", "t(?:hi|p)") scan
    faster than one alternation of them, which `re` must try at every h, q and t."""
    out: list[int] = []
    for cue in cues:
        pos = 0
        search = cue.search
        while (c := search(text, pos)) is not None:
            out.append(c.start())
            pos = c.start() + 1
    if len(cues) > 1:
        out = sorted(set(out))
    return out


def literal_starts(text: str, word: str) -> list[int]:
    """Every position of `word` in `text`, overlapping ones included."""
    out = []
    i = text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, trying `pattern` only at `starts` (ascending).

    `starts` must hold every position where `pattern` can match, and `pattern` must not match
    the empty string; a lookbehind still sees the text before a start, as in `finditer`."""
    end = 0
    match = pattern.match
    for p in starts:
        if p < end:
            continue  # inside the previous match: finditer does not look there either
        m = match(text, p)
        if m is not None:
            yield m
            end = m.end()


def finditer_cued(pattern: re.Pattern[str], cue: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, trying `pattern` only where `cue` matches.

    `cue` must match at every position where `pattern` does (a prefix of each of its
    alternatives, say), and `pattern` must not match the empty string."""
    pos = 0
    search, match = cue.search, pattern.match
    while (c := search(text, pos)) is not None:
        p = c.start()
        m = match(text, p)
        if m is None:
            pos = p + 1
        else:
            yield m
            pos = m.end()


# ---------------------------------------------------------------- prefix-factored alternations

_SPACE, _HYPHEN = r"\s+", r"\s*-\s*"


def _name_tokens(name: str) -> list[str]:
    """One regex atom per character: a space is any run of spaces, a hyphen may have spaces."""
    return [_SPACE if ch == " " else _HYPHEN if ch == "-" else re.escape(ch) for ch in name]


def name_alternation(names: Iterable[str]) -> str:
    """A regex for `names` (space → \\s+, hyphen → \\s*-\\s*), tried in the given order, that
    behaves exactly as the plain "a|b|c" alternation but is prefix-factored:
    "ha\\s+(?:noi|nam|giang)" costs one test per letter where the plain one costs one per name.

    Only names that cannot both match at one place are reordered (they start with different
    letters); a name that ends where another goes on, and names whose next atoms are spaces
    or hyphens, keep their order. Compile the result case-sensitively."""
    return _factor([_name_tokens(n) for n in names])


def _factor(items: list[list[str]]) -> str:
    out: list[str] = []
    segment: list[list[str]] = []
    for toks in items:
        if toks:
            segment.append(toks)
        else:  # a name ending here may match along with any other: nothing moves across it
            out.extend(_factor_segment(segment))
            segment = []
            out.append("")
    out.extend(_factor_segment(segment))
    return "|".join(out)


def _exclusive(atom: str) -> bool:
    """An atom that matches one character no space-or-hyphen atom can match."""
    ch = atom[-1]
    return atom not in (_SPACE, _HYPHEN) and not ch.isspace() and ch != "-"


def _factor_segment(items: list[list[str]]) -> list[str]:
    groups: dict[str, list[list[str]]] = {}  # by first atom, in order of first appearance
    for toks in items:
        groups.setdefault(toks[0] if _exclusive(toks[0]) else "", []).append(toks)
    out: list[str] = []
    for first, group in groups.items():
        if not first and not _forced(group):
            out.extend("".join(toks) for toks in group)  # spaces and hyphens keep their order
        elif len(group) == 1:
            out.append("".join(group[0]))
        else:
            out.append(f"{group[0][0]}(?:{_factor([toks[1:] for toks in group])})")
    return out


def _forced(group: list[list[str]]) -> bool:
    """The same space or hyphen atom opens every name and a letter follows it in each: it can
    match one way only (all the spaces), so it can be factored out without reordering."""
    return all(t[0] == group[0][0] and len(t) > 1 and _exclusive(t[1]) for t in group)


def cues(prefixes: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """Cue regexes for `cue_starts` from regex prefixes that each open with a literal letter
    or a plain class ("[sſ]"): one regex per opening ("t(?:rach\\s+nhiem|ham\\s+gia)"), so each
    scans for it with `re`'s fast literal or character-set search."""
    by_first: dict[str, list[str]] = {}
    for p in dict.fromkeys(prefixes):
        if p[:1].isalnum():
            first = p[0]
        elif p.startswith("[") and "]" in p[2:] and "\\" not in p[: p.index("]", 2)]:
            first = p[: p.index("]", 2) + 1]
        else:
            raise ValueError(f"a cue must open with a letter, a digit or a plain class: {p!r}")
        by_first.setdefault(first, []).append(p[len(first) :])
    return tuple(re.compile(f"{first}(?:{'|'.join(rests)})") for first, rests in by_first.items())
