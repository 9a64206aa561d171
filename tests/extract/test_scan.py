"""The regex helpers behind the fast finders give exactly what the plain regexes give."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vanban.extract.scan import cue_starts, finditer_at, finditer_cued, name_alternation

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Names and texts over a tiny alphabet, so that names share prefixes, end where others go on,
# and meet spaces and hyphens in every arrangement.
_names = st.lists(st.text("ab -", min_size=1, max_size=6).map(str.strip).filter(bool), min_size=1, max_size=12)
_texts = st.text("ab -,x\n", max_size=60)


def _plain(names: list[str]) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+").replace(r"\-", r"\s*-\s*") for n in names)


def _found(pattern: str, text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [(m.span(), m.span("n")) for m in re.finditer(pattern, text)]


@SETTINGS
@given(_names, _texts)
def test_name_alternation_matches_as_the_plain_alternation(names: list[str], text: str) -> None:
    names = list(dict.fromkeys(names))
    for order in (names, sorted(names, key=len, reverse=True)):
        for shape in (r"(?<!\w)(?P<n>{})(?!\w)", r"(?P<n>{})(?=\s*,)", r"(?P<n>{})", r"x\s*(?P<n>{})b"):
            assert _found(shape.format(name_alternation(order)), text) == _found(shape.format(_plain(order)), text)


def test_name_alternation_is_factored():
    assert name_alternation(["ha noi", "ha nam", "hue", "ha"]) == r"h(?:a(?:\s+(?:n(?:oi|am))|)|ue)"
    # hyphen and space variants of one name keep their order: both may match " - "
    assert name_alternation(["ba ria - vung tau", "ba ria-vung tau"]) == (
        r"b(?:a(?:\s+(?:r(?:i(?:a(?:\s+\s*-\s*\s+vung\s+tau|\s*-\s*vung\s+tau))))))"
    )


@SETTINGS
@given(st.text("ab ,-x", max_size=60))
def test_cued_finditer_is_finditer(text: str) -> None:
    pattern = re.compile(r"(?<![\w])(?:ab?\s*b|b\s*-\s*a|a(?=\s*,))(?![\w])")
    expected = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in finditer_cued(pattern, re.compile("a|b"), text)] == expected
    starts = cue_starts(text, re.compile("a"), re.compile("b"))
    assert [m.span() for m in finditer_at(pattern, text, starts)] == expected


# ------------------------------------------------------------------ where each finder looks

_symbol_texts = st.lists(
    st.sampled_from(["12", "05", "a", " ", "  ", "/", "-", " - ", "KH", "CT", "NQ", "NĐ", "ÐA", "UBND", "TW", "2019", "x", "_", "\n"]),
    max_size=16,
).map("".join)


@SETTINGS
@given(_symbol_texts)
def test_symbols_are_looked_for_wherever_they_can_start(text: str) -> None:
    from vanban.extract.symbols import _symbol_starts, symbol_re

    assert {m.start() for m in symbol_re().finditer(text)} <= set(_symbol_starts(text))


_place_texts = st.lists(
    st.sampled_from(["Lào Cai", "Bà Rịa", " - ", "-", "Vũng Tàu", " ", "  ", "\n", ",", ", ngày", "ngày", "tỉnh ", "x", "'", "TP.", "HCM"]),
    max_size=12,
).map("".join)


@SETTINGS
@given(_place_texts)
def test_provinces_are_looked_for_wherever_they_can_start(text: str) -> None:
    from vanban.extract.admin import _province_matches, _province_re
    from vanban.ingest.normalize import fold

    folded = fold(text)
    assert [m.span() for m in _province_matches(folded)] == [m.span() for m in _province_re().finditer(folded)]
