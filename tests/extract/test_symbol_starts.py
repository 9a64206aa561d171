"""find_symbols tries the symbol regex only at the starts `_symbol_starts` gives (near a "/"
that a year, a code or an issuer follows): the same matches as the regex run everywhere."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vanban.extract.scan import finditer_at
from vanban.extract.symbols import _symbol_starts, symbol_re

_TOKENS = ["/", " ", "-", "2019", "20", "239", "5", "KH", "UBND", "NĐ", "ÐT", "CP", "TW", "CT", "a", "x", "Tr",
           "Q", "2022", "/ ", " /", "ngày 12/5/2022", "05-CT/TW", "59/2019/NĐ-CP", "/SVHTTDL-VP"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=14))
def test_starts_find_every_match(tokens: list[str]) -> None:
    text = "".join(tokens)
    cued = [m.span() for m in finditer_at(symbol_re(), text, _symbol_starts(text))]
    assert cued == [m.span() for m in symbol_re().finditer(text)]
