"""Document types and number-and-symbol strings ("239/KH-UBND", "05-CT/TW"), built from data.

The vocabulary lives in `data/doc_types.toml`; the regexes here are generated from it, so a
new type or code is a data change with a test, not a code change.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from vanban.extract.scan import finditer_at
from vanban.ingest.normalize import fold


@dataclass(frozen=True)
class DocType:
    name: str
    codes: tuple[str, ...]
    party_codes: tuple[str, ...]
    words: tuple[str, ...]
    heading: bool


@cache
def doc_types() -> tuple[DocType, ...]:
    """The document types of `data/doc_types.toml`, in file order."""
    raw = tomllib.loads(resources.files("vanban.extract").joinpath("data/doc_types.toml").read_text("utf-8"))
    out = []
    for t in raw["type"]:
        codes = tuple(t.get("codes", []))
        out.append(
            DocType(
                name=t["name"],
                codes=codes,
                party_codes=tuple(t.get("party_codes", codes)),
                words=tuple(t.get("words", [])),
                heading=bool(t.get("heading", False)),
            )
        )
    return tuple(out)


_SPACES = re.compile(r"\s+")


def _code_key(code: str) -> str:
    return code.replace("Ð", "Đ")


@cache
def _code_maps() -> tuple[dict[str, str], dict[str, str]]:
    state: dict[str, str] = {}
    party: dict[str, str] = {}
    for t in doc_types():
        for c in t.codes:
            state.setdefault(c, t.name)
        for c in t.party_codes:
            party.setdefault(c, t.name)
    return state, party


def type_of_code(code: str | None, party: bool = False) -> str | None:
    """The type a symbol code means: "KH" → "Kế hoạch", "NĐ" → "Nghị định";
    in the Party form ("03-TT/TW") "TT" is a Thông tri, in the state form a Thông tư."""
    if not code:
        return None
    state, party_map = _code_maps()
    return (party_map if party else state).get(_code_key(code))


def _alt(codes: set[str]) -> str:
    parts = sorted(codes, key=len, reverse=True)
    return "|".join(re.escape(c).replace("Đ", "[ĐÐ]") for c in parts)


# One organisation token of a symbol: "UBND", "TTg", "SVHTTDL", "QH13", "BCĐ", "VPUBND".
_TOKEN = r"[A-ZĐÐ][A-ZĐÐ0-9]*(?:[a-z][A-ZĐÐ0-9]*)?"
_ISSUER = rf"{_TOKEN}(?:[-.&]{_TOKEN})*"


@cache
def symbol_re() -> re.Pattern[str]:
    """The number-and-symbol regex, generated from the codes in `doc_types.toml`."""
    state, party = _code_maps()
    return re.compile(
        rf"""
        (?<![\w/])
        (?P<num>\d+[a-z]?)?
        (?:
            # state form: 239/KH-UBND, 59/2019/NĐ-CP, 18/KH-VPUBND, /SVHTTDL-VP has no code
            \ ?/\ ?(?:(?P<year>(?:19|20)\d\d)\ ?/\ ?)?
            (?P<code>{_alt(set(state))})\ ?-\ ?(?P<issuer>{_ISSUER})
          |
            # Party form: 05-CT/TW, 08-NQ/TU, 17-NQ/TU
            (?<=\d)\ ?-\ ?(?P<pcode>{_alt(set(party))})\ ?/\ ?(?P<pissuer>{_ISSUER})
          |
            # letter form, no type code: 1234/UBND-VX, /SVHTTDL-VP, 80/2015/QH13
            \ ?/\ ?(?:(?P<lyear>(?:19|20)\d\d)\ ?/\ ?)?(?P<lissuer>{_ISSUER})
        )
        (?![\wĐđ])
        """,
        re.VERBOSE,
    )


@dataclass(frozen=True)
class Symbol:
    start: int
    end: int
    number: str  # as printed, spaces removed: "239/KH-UBND", "/SVHTTDL-VP"
    num: str | None  # "239"; None for a blank number
    code: str | None  # "KH", "CT"; None for an official letter
    issuer_code: str  # "UBND", "TW", "SVHTTDL-VP"
    party: bool
    type: str | None  # the type the code means, None without a code


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _word_start(text: str, i: int) -> int:
    """The start of the run of word characters that ends at `i`."""
    while i:
        ch = text[i - 1]
        if not (ch.isalnum() or ch == "_"):
            break
        i -= 1
    return i


def _symbol_starts(text: str) -> list[int]:
    """Every position where `symbol_re()` can match, ascending. A symbol holds a "/"; before
    its first one stand a number and a space ("239 /KH", each optional), or, in the Party
    form, a number, a hyphen and a code ("05 - CT /TW"). So a symbol starts at a "/", at the
    space before it, or where the number before it starts, and the regex's own lookbehind
    wants a start that no word character or "/" precedes."""
    out: set[int] = set()
    for cue in _first_slash_re().finditer(text):
        s = cue.start()
        space = s > 0 and text[s - 1] == " "
        i = _word_start(text, s - space)  # the number, or the Party form's code
        starts = [i, s - 1, s] if space else [i, s]
        i -= i > 0 and text[i - 1] == " "
        if i and text[i - 1] == "-":
            i -= 1
            i -= i > 0 and text[i - 1] == " "
            starts.append(_word_start(text, i))  # the Party form's number
        out.update(p for p in starts if not p or not (_is_word(text[p - 1]) or text[p - 1] == "/"))
    return sorted(out)


@cache
def _first_slash_re() -> re.Pattern[str]:
    """The "/" a symbol's match holds first: in every form of `symbol_re()` a year and a "/",
    a code or an issuer token follows it (a space between allowed), so the "/" of a date
    ("12/5") is passed over. The lookahead keeps the next "/" ("59/2019/NĐ-CP") in reach."""
    state, party = _code_maps()
    letters = {c[0] for c in (*state, *party)} | {"Đ", "Ð"}
    first = "A-Z" + "".join(sorted(ch for ch in letters if not "A" <= ch <= "Z"))
    return re.compile(rf"/(?=\ ?(?:[{first}]|(?:19|20)\d\d\ ?/))")


def _uppers(s: str) -> int:
    return sum(1 for ch in s if ch.isupper())


def find_symbols(text: str) -> list[Symbol]:
    """Every number-and-symbol in `text`, blank numbers ("/SVHTTDL-VP") included."""
    out = []
    for m in finditer_at(symbol_re(), text, _symbol_starts(text)):  # not at every position
        g = m.groupdict()
        issuer = g["issuer"] or g["pissuer"] or g["lissuer"] or ""
        code = g["code"] or g["pcode"]
        if not code and _uppers(issuer.split("-")[0].split(".")[0]) < 2:
            continue  # "/Năm 2022", "/Tr": not a symbol
        if not g["num"] and not code and "-" not in issuer:
            continue  # a bare "/ABC" is not a symbol either
        printed = _SPACES.sub("", m.group(0)).replace("Ð", "Đ")
        code = _code_key(code) if code else None
        out.append(
            Symbol(
                start=m.start(),
                end=m.end(),
                number=printed,
                num=g["num"],
                code=code,
                issuer_code=issuer.replace("Ð", "Đ"),
                party=bool(g["pcode"]),
                type=type_of_code(code, party=bool(g["pcode"])),
            )
        )
    return out


def number_key(number: str | None) -> str:
    """A comparison key for document numbers: upper case, "Đ" → "D", no spaces."""
    if not number:
        return ""
    return _SPACES.sub("", number).upper().replace("Đ", "D").replace("Ð", "D")


@cache
def _type_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for t in doc_types():
        for w in (t.name, *t.words):
            words.setdefault(fold(w), t.name)
    return words


@cache
def type_words_alt() -> str:
    """An alternation of the folded type names ("ke hoach|nghi dinh|van ban|…"), longest first."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_type_words(), key=len, reverse=True))


@cache
def type_word_re() -> re.Pattern[str]:
    """Type names over folded text ("ke hoach", "nghi dinh", "van ban")."""
    return re.compile(rf"(?<![\w])(?P<type>{type_words_alt()})(?![\w])")


def type_of_word(word: str) -> str | None:
    """The canonical type for a type word in any case or accent: "KẾ HOẠCH" → "Kế hoạch"."""
    return _type_words().get(_SPACES.sub(" ", fold(word)).strip())


@cache
def heading_types() -> frozenset[str]:
    """Folded names of the types whose ALL-CAPS name heads a document ("KẾ HOẠCH")."""
    return frozenset(fold(t.name) for t in doc_types() if t.heading)
