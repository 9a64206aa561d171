"""Government units in Vietnamese administrative text: find, split and name them one way.

No NER model tags "Sở Tư pháp" or "UBND các xã, thị trấn" as an organisation, so units
are found from a gazetteer and the grammar of unit names, both kept in data/units.toml.

A name is a head ("Sở", "UBND", "Chủ tịch", "các") followed by name words: capitalised
words, level words ("tỉnh", "cấp huyện") and the lower-case words unit names are made of,
until a word that begins the predicate ("chủ trì", "phối hợp", …) or a separator.
A group is "các" + nouns joined by commas ("các sở, ban, ngành") or a head + places
("UBND các xã, thị trấn"), with what may qualify it ("có liên quan", "thuộc tỉnh").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from vanban.ingest.normalize import fold, normalize_text, normalize_tone_placement
from vanban.schema.models import UnitRef

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["UnitMatch", "canonical_unit", "find_units", "split_units", "support_in", "unit_at_start", "unit_opening"]

_DATA = tomllib.loads((Path(__file__).parent / "data" / "units.toml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class UnitMatch:
    """A unit named in a text: `text[start:end]` as printed, except that an elided head is
    restored ("UBND cấp huyện, cấp xã": the second match spans "cấp xã", text "UBND cấp xã")."""

    start: int
    end: int
    text: str
    canonical: str
    level: str | None


# --------------------------------------------------------------------------- tokens

_TOKEN = re.compile(r"\w+(?:[&\-]\w+)*|[^\w\s]")
_WINDOW = 400  # characters read after a candidate head; no unit name is longer
_SHORT_WINDOW = 160  # most names end sooner: read this much first


# Tokenising is the matchers' inner loop: a token text's derived forms are made once and
# shared by every occurrence (bounded; the vocabulary of directives is small).
class _Form:
    """A token's text and its forms: lower case, folded, tones normalised (as heads are
    compared), and its gazetteer key words (abbreviations expanded)."""

    __slots__ = ("text", "low", "fld", "word", "upper", "tone", "keys", "opens")

    def __init__(self, text: str) -> None:
        self.text = text
        low = self.low = text.lower()
        self.fld = fold(low)
        word = self.word = text[0].isalnum() or text[0] == "_"
        self.upper = word and text[0].isupper()
        self.tone = normalize_tone_placement(low)
        self.keys = _expand(text)
        self.opens = _may_open_with(self)  # unit_at_start's prefilter, once per token text


_FORMS: dict[str, _Form] = {}
_MAX_FORMS = 100_000


def _form(text: str) -> _Form:
    form = _FORMS.get(text)
    if form is None:
        if len(_FORMS) >= _MAX_FORMS:
            _FORMS.clear()
        form = _FORMS[text] = _Form(text)
    return form


class _Toks(list[_Form]):
    """Tokens of text[start:end], up to the first line break (no name runs over a line): their
    forms, and their offsets in `starts` and `ends`.

    Read on demand: most candidates are turned away within a few tokens, so tokenising the
    whole window up front wasted four tokens in five. Parsers ask `has(i)`, not `len()`
    (hot loops test `i < len(toks)` first to save the call)."""

    __slots__ = ("_more", "starts", "ends")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        end = len(text) if end is None else end
        nl = text.find("\n", start, end)
        self._more = _TOKEN.finditer(text, start, end if nl < 0 else nl)
        self.starts: list[int] = []
        self.ends: list[int] = []

    def has(self, i: int) -> bool:
        """Whether token i exists, reading up to it."""
        while len(self) <= i:
            m = next(self._more, None)
            if m is None:
                return False
            self.append(_FORMS.get(m.group()) or _form(m.group()))
            self.starts.append(m.start())
            self.ends.append(m.end())
        return True

    def read_all(self) -> _Toks:
        """All the tokens (one loop here, not a has() call per token)."""
        starts, ends = self.starts, self.ends
        for m in self._more:
            t = m.group()
            self.append(_FORMS.get(t) or _form(t))
            starts.append(m.start())
            ends.append(m.end())
        return self


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in _TOKEN.finditer(normalize_text(phrase)))


def _fwords(phrase: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in _words(phrase))


class _Phrases(list[tuple[str, ...]]):
    """Phrases as word tuples, indexed for _seq_at: (length, words after the first) by first
    word, longest first. `folded`: the words are compared folded, else in lower case."""

    def __init__(self, seqs: Iterable[tuple[str, ...]], folded: bool = False) -> None:
        super().__init__(seqs)
        self.folded = folded
        self.by_first: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for seq in sorted(self, key=len, reverse=True):
            if seq:
                self.by_first.setdefault(seq[0], []).append((len(seq), seq[1:]))


# --------------------------------------------------------------------------- data

_ABBREV_RE = re.compile(r"[&\-]")


def _abbrev_key(token: str) -> str:
    return fold(_ABBREV_RE.sub("", token))


_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    _abbrev_key(k): _fwords(v) for k, v in _DATA["abbreviations"].items()
}

_HEAD_KINDS: dict[tuple[str, ...], tuple[str, tuple[str, ...], bool]] = {}
# every head as printed: heads that fold alike keep their own kinds ("Trường" a school, "Trưởng" a title)
_HEAD_PRINTED: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[str, bool]] = {}
for _kind in ("alone", "named", "role"):
    for _phrase in _DATA["heads"][_kind]:
        _low = _words(normalize_tone_placement(_phrase))
        _HEAD_KINDS[_fwords(_phrase)] = (_kind, _low, _phrase.isupper())
        _HEAD_PRINTED[(_fwords(_phrase), _low)] = (_kind, _phrase.isupper())
_LOWER_OK = {_fwords(p) for p in _DATA["heads"]["lowercase_ok"]}
_LOWER_OK_PRINTED = {_words(normalize_tone_placement(p)) for p in _DATA["heads"]["lowercase_ok"]}  # "trưởng", not "trường"
HONORIFIC = re.compile(
    r"(?:" + "|".join(re.escape(fold(h)) for h in _DATA["heads"]["honorifics"]) + r")\.?\s+(?=\S)"
)
_HEADS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _key in sorted(_HEAD_KINDS, key=len, reverse=True):
    _HEADS_BY_FIRST.setdefault(_key[0], []).append(_key)
# For _head_at: (folded words, kind, printed words, abbreviation, may be printed in lower case).
_HEAD_ENTRIES: dict[str, list[tuple[tuple[str, ...], str, tuple[str, ...], bool, bool]]] = {}
for (_key, _low), (_kind, _abbrev) in sorted(_HEAD_PRINTED.items(), key=lambda e: len(e[0][0]), reverse=True):
    _HEAD_ENTRIES.setdefault(_key[0], []).append((_key, _kind, _low, _abbrev, _low in _LOWER_OK_PRINTED))

_GROUP_NOUNS = _Phrases(sorted({_words(p) for p in _DATA["groups"]["nouns"]}, key=len, reverse=True))
_SHORT_PLACES = set(_DATA["groups"]["short_places"])
_PLACES = _Phrases(sorted({_words(p) for p in _DATA["groups"]["places"] + _DATA["groups"]["short_places"]},
                          key=len, reverse=True))
_ALONE_PLACES = _Phrases(sorted({_words(p) for p in _DATA["groups"]["alone_places"]}, key=len, reverse=True))
_LEVELS = {_words(k): v for k, v in _DATA["levels"].items()}
_FLEVELS = {tuple(map(fold, k)): v for k, v in _LEVELS.items()}
_LEVEL_LIST = _Phrases(_LEVELS)
_NOT_NOUNS = _Phrases(sorted({_words(p) for p in _DATA["groups"]["not_nouns"]}, key=len, reverse=True))
_NOUNS_AND_PLACES = _Phrases(_GROUP_NOUNS + _PLACES)
_STOPS = _Phrases(sorted({_words(p) for p in _DATA["stop"]["phrases"]}, key=len, reverse=True))
_STOP_FIRST = {s[0] for s in _STOPS}
_GENERIC = _Phrases(_words(p) for p in _DATA["generic"]["phrases"])
_LEAD_IN = _Phrases(sorted((_words(p) for p in _DATA["generic"]["lead_in"]), key=len, reverse=True))
_FRAMES = _Phrases(_words(p) for p in _DATA["generic"]["frames"])
_ASSIGN = _Phrases(sorted((_words(p) for p in _DATA["generic"]["assign_verbs"]), key=len, reverse=True))


def _name_key(text: str) -> tuple[str, ...]:
    """Comparison key of a unit name: folded words, abbreviations expanded, brackets,
    punctuation and "và" dropped."""
    text = re.sub(r"\([^)]*\)", " ", normalize_text(text))
    out: list[str] = []
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if not (tok[0].isalnum() or tok[0] == "_"):
            continue
        out.extend(_expand(tok))
    return tuple(w for w in out if w != "va")


def _expand(tok: str) -> tuple[str, ...]:
    """A printed word as key words: "TN&MT" → tai nguyen moi truong; others folded."""
    if len(tok) >= 2 and (tok.isupper() or "&" in tok):
        exp = _ABBREVIATIONS.get(_abbrev_key(tok))
        if exp:
            return exp
    if "-" in tok or "&" in tok:
        return tuple(fold(p) for p in re.split(r"[&\-]", tok) if p)
    return (fold(tok),)


# The gazetteer: key → (canonical, level), and a trie of keys for matching in text.
_GAZ: dict[tuple[str, ...], tuple[str, str | None]] = {}
_TRIE: dict[str, Any] = {}
for _unit in _DATA["unit"]:
    _canon = normalize_text(_unit["name"])
    for _name in [_unit["name"], *_unit.get("aliases", [])]:
        _k = _name_key(_name)
        _GAZ.setdefault(_k, (_canon, _unit.get("level")))
        _node = _TRIE
        for _w in _k:
            _node = _node.setdefault(_w, {})
        _node[""] = _k

_VOCAB = {fold(w) for w in _DATA["vocabulary"]["words"]}
for _k in _GAZ:
    _VOCAB.update(_k)
_VOCAB -= {"cac", "cua"}
_LEVEL_SEQS = _Phrases(sorted({_fwords(p) for p in _DATA["vocabulary"]["level_words"]}, key=len, reverse=True), folded=True)
# Level words compared folded (a typo's "Tòa án tình" is still placed), except the words that
# fold like one: "UBND tỉnh quan tâm …" holds no "quận"
_LEVEL_FALSE_FRIENDS = set(_DATA["vocabulary"]["level_lookalikes"])
_LEVEL_VOCAB: set[str] = set()  # marks "only level words may follow"

# Candidate starts: the first word of every head, and "các", matched in folded text.
_FIRSTS = sorted({k[0] for k in _HEAD_KINDS}, key=len, reverse=True)
_GROUP_FIRSTS = sorted({fold(g[0]) for g in _GROUP_NOUNS + _ALONE_PLACES}, key=len, reverse=True)
_CANDIDATE = re.compile(
    r"(?<![\w&/-])(?:"
    + "|".join(map(re.escape, _FIRSTS))
    + r"|cac(?=\s+(?:"
    + "|".join(map(re.escape, _GROUP_FIRSTS))
    + r")(?!\w)))(?!\w)"
)
_LOWER_FIRSTS = {k[0] for k in _LOWER_OK} | {"cac"}
_UPPER_RUN = re.compile(r"[^\W\d_]*[A-ZĐÀ-Ỹ][^\W\d_a-zà-ỹđ]*[ \t]+$")
_GENERIC_RE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(sorted((r"\W+".join(map(re.escape, map(fold, g))) for g in _GENERIC), key=len, reverse=True))
    + r")(?!\w)"
)


# --------------------------------------------------------------------------- parsing


def _seq_at(toks: _Toks, i: int, phrases: _Phrases) -> int:
    """Length (in tokens) of the longest of `phrases` found at toks[i:], comparing words only."""
    if i >= len(toks) and not toks.has(i):
        return 0
    folded = phrases.folded
    cands = phrases.by_first.get(toks[i].fld if folded else toks[i].low)
    if not cands:
        return 0
    for n, rest in cands:
        if n == 1:
            return 1  # the index matched its one word
        if i + n <= len(toks) or toks.has(i + n - 1):
            k = i + 1
            for w in rest:
                if (toks[k].fld if folded else toks[k].low) != w:
                    break
                k += 1
            else:
                return n
    return 0


def _stop_at(toks: _Toks, i: int) -> bool:
    return toks[i].low in _STOP_FIRST and _seq_at(toks, i, _STOPS) > 0


def _head_at(toks: _Toks, i: int) -> tuple[int, str] | None:
    """(tokens, kind) of the head word(s) at toks[i], if they are printed as a head."""
    tok = toks[i]
    cands = _HEAD_ENTRIES.get(tok.fld)
    if not cands:
        return None
    for key, kind, low, abbrev, lower_ok in cands:
        n = len(key)
        if n > 1:  # the words after the first, folded (plain loops: most differ at the second)
            if i + n > len(toks) and not toks.has(i + n - 1):
                continue
            k = 1
            while k < n and toks[i + k].fld == key[k]:
                k += 1
            if k < n:
                continue
        if abbrev:
            if not tok.text.isupper():
                continue
        else:
            if tok.tone != low[0]:
                continue
            k = 1
            while k < n and toks[i + k].tone == low[k]:
                k += 1
            if k < n or not tok.upper and not lower_ok:
                continue
        if n == 1 and toks.has(i + 1) and _stop_at(toks, i):
            return None  # "BÁO CÁO" is a document's title, not a newspaper called "Cáo"
        return n, kind
    return None


def _gazetteer_at(toks: _Toks, i: int) -> int:
    """End token index (exclusive) of the longest gazetteer name at toks[i], else i."""
    node: dict[str, Any] | None = _TRIE
    best, j = i, i
    while j < len(toks) or toks.has(j):
        tok = toks[j]
        if not tok.word:
            if tok.text in ",-–—&" and node is not _TRIE:
                j += 1
                continue
            break
        if tok.fld == "va" and node is not _TRIE:
            j += 1
            continue
        for w in tok.keys:
            node = node.get(w) if node else None
            if node is None:
                break
        if node is None:
            break
        j += 1
        if "" in node:
            best = j
    return best


def _group_at(toks: _Toks, i: int, places: bool) -> int:
    """End of a group list starting at toks[i] ("sở, ban, ngành có liên quan"), else i."""
    nouns = _NOUNS_AND_PLACES if places else _GROUP_NOUNS
    n = _seq_at(toks, i, nouns)
    if not n or _seq_at(toks, i, _NOT_NOUNS):
        return i
    j = i + n
    while toks.has(j + 1):
        sep = toks[j]
        k = j + 1
        if sep.text == "," and toks[k].low == "các":
            k += 1
        elif sep.low == "và" and toks[k].low == "các":
            k += 1
        elif sep.text in ("-", "–"):
            pass  # paired by a dash: "UBND các quận - huyện", "Chủ tịch UBND các xã - thị trấn", "Các sở-ngành"
        elif not (sep.text == "," or sep.low == "và"):
            break
        m = _seq_at(toks, k, nouns)
        # a capitalised noun that starts a named unit ("và Sở Tư pháp") is not the group's
        if not m or (toks[k].upper and _head_at(toks, k) and _unit_end(toks, k) > k + m):
            break
        if m == 1 and toks[k].low in _SHORT_PLACES and toks.has(k + 1) and toks[k + 1].word:
            break  # "các xã, thành lập …": a verb, not "thành phố" cut short
        j = k + m
    if toks[j - 1].low == "thuộc":  # a noun listed with its "trực thuộc": its object may follow
        j = _place_or_unit(toks, j)
    return _qualifiers(toks, j)


_QUALIFIERS = _Phrases(sorted({_words(p) for p in _DATA["groups"]["qualifiers"]}, key=len, reverse=True))
_NEEDS_OBJECT = {("thuộc",), ("trực", "thuộc"), ("của",), ("trên", "địa", "bàn")}


_BARE_LEVELS = {("tỉnh",), ("huyện",), ("xã",), ("thành", "phố"), ("thị", "xã"), ("quận",), ("phường",)}
_BARE_LEVEL_FIRST = {w[0] for w in _BARE_LEVELS}


def _qualifiers(toks: _Toks, j: int) -> int:
    while j < len(toks) or toks.has(j):
        n = _seq_at(toks, j, _QUALIFIERS)
        if not n:
            # a bare level word closes a group: "các sở, ban, ngành tỉnh", "các tổ chức chính trị - xã hội huyện"
            if toks[j].low in _BARE_LEVEL_FIRST:
                for words in _BARE_LEVELS:
                    if toks.has(j + len(words) - 1) and tuple(t.low for t in toks[j : j + len(words)]) == words:
                        return _place_or_unit(toks, j)
            break
        q = tuple(t.low for t in toks[j : j + n])
        k = j + n
        if q in _NEEDS_OBJECT:
            end = _place_or_unit(toks, k)
            if end == k:
                if q == ("trực", "thuộc"):  # "các đơn vị trực thuộc" ends there
                    return k
                break
            k = end
        j = k
    return j


def _place_or_unit(toks: _Toks, k: int) -> int:
    """End of a level word with its proper name, or of a unit, at toks[k], else k."""
    if not toks.has(k):
        return k
    n = _seq_at(toks, k, _LEVEL_LIST) or _seq_at(toks, k, _PLACES)
    if n:
        k += n
        while toks.has(k) and toks[k].upper and not _head_at(toks, k):
            k += 1
        return k
    head = _head_at(toks, k) if toks[k].upper else None
    if head:
        end = _unit_end(toks, k)
        # a bare head is the body the document speaks for: "các phòng, đơn vị thuộc Sở"
        return end if end > k else k + head[0]
    if toks[k].upper and toks[k].fld in ("thanh", "tinh", "huyen"):  # "của Thành phố"
        k += 1
        while toks.has(k) and toks[k].upper and toks[k].fld in _VOCAB:
            k += 1
        return k
    return k


# heads that are also common words (units.toml `common_word_heads`), by their first word folded
_COMMON_WORD_HEADS = {_fwords(h)[0] for h in _DATA["heads"]["common_word_heads"]}


def _unit_end(toks: _Toks, i: int) -> int:
    """End token index (exclusive) of the unit starting at toks[i], else i."""
    if i >= len(toks) and not toks.has(i) or not toks[i].word:
        return i
    if toks[i].low == "các":
        # "các phòng, đơn vị, khu phố": a list of bodies may go on with places; "các thôn, tổ dân
        # phố": places listed alone stand for their own governments
        grouped = _seq_at(toks, i + 1, _GROUP_NOUNS) or _seq_at(toks, i + 1, _ALONE_PLACES)
        end = _group_at(toks, i + 1, places=True) if grouped else i
        if toks.has(i + 1) and toks[i + 1].upper and _head_at(toks, i + 1):
            # the plural of a named body: "các Trung tâm Y tế khu vực", "các Chi cục Thuế khu vực",
            # "các Trường Cao đẳng Y tế" (not "các Sở, ban, ngành", whose "Sở" has no name)
            named = _unit_end(toks, i + 1)
            if named > max(end, i + 1):
                return named
        return end if end > i + 1 else i
    head = _head_at(toks, i)
    if head is None:
        # a bare group noun stands as a unit when qualified: "… và đơn vị có liên quan"
        n = 0 if toks[i].upper else _seq_at(toks, i, _GROUP_NOUNS)
        if n and _qualifiers(toks, i + n) > i + n:
            return _group_at(toks, i, places=False)
        return i
    n, kind = head
    gaz = _gazetteer_at(toks, i)
    j = i + n
    if kind == "role" and gaz <= j:
        if toks.has(j) and toks[j].low == "các":
            end = _group_at(toks, j + 1, places=True)
            return end if end > j + 1 else i
        sub = _unit_end(toks, j)
        if sub > j:
            return sub
        end = _group_at(toks, j, places=False)
        return end if end > j else i
    if gaz > j:  # a gazetteer name: only its level and place may follow
        end = _name_tail(toks, gaz, named_needed=False, head_end=j, vocab=_LEVEL_VOCAB)
    else:
        end = _name_tail(
            toks,
            j,
            named_needed=(kind == "named"),
            head_end=j,
            vocab=_VOCAB if kind == "named" else _LEVEL_VOCAB,
        )
        if end == j and toks[i].fld in _COMMON_WORD_HEADS and toks.has(j) and (toks[j].word or (
                toks[j].text == "," and toks.has(j + 1) and toks[j + 1].word and not toks[j + 1].upper)):
            return i  # "Thanh tra công tác …", "Thanh tra, kiểm tra …": the verb, not the inspectorate
    return i if end == _NO_NAME else end


def _name_tail(toks: _Toks, j: int, named_needed: bool, head_end: int, vocab: set[str]) -> int:
    """End of the name words from toks[j]: capitalised words, genitive heads ("Văn phòng
    UBND tỉnh"), lower-case words of `vocab`, joined by "-", "&" or "và" + a capital."""
    start = j
    last_head = j == head_end  # the last thing consumed was a head ("Văn phòng HĐND")
    last_kind = "alone"  # …of this kind (the head before the name is left to the caller)
    # a level word has been read: only a place name may follow
    placed = j > 0 and _seq_at(toks, j - 1, _LEVEL_SEQS) == 1
    while j < len(toks) or toks.has(j):
        tok = toks[j]
        if tok.word:
            if tok.low == "các":
                end = _group_at(toks, j + 1, places=True)
                if end > j + 1:
                    j = end
                break
            if tok.low == "và":
                if not placed and toks.has(j + 1) and toks[j + 1].word:
                    nxt = _head_at(toks, j + 1)
                    # "Văn phòng HĐND và UBND": one body after another; "Đoàn Thanh niên Ban và Công
                    # đoàn …": "Ban" named no body of its own, so "Công đoàn" is the next unit
                    if toks[j + 1].upper and (nxt is None or (last_head and last_kind == "alone" and nxt[1] == "alone")) \
                            and not _names_a_document(toks, j + 1):
                        j += 1
                        continue
                break
            h = _head_at(toks, j) if tok.upper else None
            if h:
                j += h[0]
                last_head, last_kind = True, h[1]
                continue
            if tok.upper:
                j += 1
                last_head = False
                continue
            if named_needed and j == start:  # "Ban hành", "Phòng, chống": no name
                return _NO_NAME
            if tok.low in ("số", "sở") and toks.has(j + 1) and toks[j + 1].text.isdigit() and (
                    tok.low == "số" or toks[j - 1].low == "cơ"):
                j += 2  # a numbered office: "Phòng Công chứng số 1", "Thuế cơ sở 3"
                last_head = False
                continue
            n = _seq_at(toks, j, _LEVEL_SEQS)
            if n and tok.low not in _LEVEL_FALSE_FRIENDS:
                j += n
                placed = True
                last_head = False
                continue
            if placed or vocab is _LEVEL_VOCAB or _stop_at(toks, j) or tok.fld not in vocab:
                break
            j += 1
            last_head = False
            continue
        if tok.text == "," and placed and toks.has(j + 2) and toks[j + 1].low != "cấp" and not toks[j + 1].upper:
            n = _seq_at(toks, j + 1, _LEVEL_SEQS)
            if n and toks[j + 1].low not in _LEVEL_FALSE_FRIENDS and not (toks.has(j + 1 + n) and toks[j + 1 + n].upper):
                j += 1 + n  # "Chủ tịch UBND huyện, thành phố": each district's and city's, one title
                continue
        if tok.text in "-–—&" and not placed and toks.has(j + 1) and toks[j + 1].upper:
            j += 1
            vocab = _VOCAB  # past a gazetteer name too: "Phòng Cải cách hành chính - Văn thư lưu trữ"
            continue
        if tok.text == "," and not placed and j > head_end and _enumerated_name_at(toks, j + 1):
            j += 1  # "Trung tâm Văn hóa, Thể thao và Truyền thông": one name, not two units
            vocab = _VOCAB  # the fields go on past a gazetteer name ("Phòng Cải cách hành chính, Văn thư và …")
            continue
        break
    if named_needed and j == start:
        return _NO_NAME
    # a name does not end on a connective
    while j > start and toks[j - 1].low in ("và", "-", "–", "—", "&"):
        j -= 1
    return j


_NO_NAME = -1


# Documents named beside the bodies that issued them: "… của Ban Thường vụ Tỉnh ủy và Văn bản số
# 614/UBND-VX1": no name goes on into them
_DOCUMENT_WORDS = {("van", "ban"), ("cong", "van"), ("ke", "hoach"), ("quyet", "dinh"), ("thong", "bao"),
                   ("chi", "thi"), ("nghi", "quyet"), ("bao", "cao"), ("to", "trinh"), ("huong", "dan")}


def _names_a_document(toks: _Toks, k: int) -> bool:
    return toks.has(k + 1) and (toks[k].fld, toks[k + 1].fld) in _DOCUMENT_WORDS


def _enumerated_name_at(toks: _Toks, k: int) -> bool:
    """Whether toks[k:] goes on with the rest of a name that lists its fields, "A, B và C" or
    "A, B - C": one to three words, the first capitalised and no head, then "và" or a dash and
    a capital ("Thể thao và Du lịch", "Văn thư - Lưu trữ"). A head after the comma ("…, Phòng
    Tư pháp") starts the next unit instead."""
    if not (toks.has(k) and toks[k].word and toks[k].upper) or _head_at(toks, k):
        return False
    n = 1  # the field's first word is capitalised, the rest need not be ("Thể thao")
    while toks.has(k + n) and toks[k + n].word and toks[k + n].low != "và":
        n += 1
        if n > 3:
            return False
    k += n
    # "… và Du lịch", or a field pair joined by a dash ("Phòng Cải cách hành chính, Văn thư - Lưu trữ")
    return (toks.has(k + 1) and (toks[k].low == "và" or toks[k].text in ("-", "–")) and toks[k + 1].upper
            and not _head_at(toks, k + 1))


def _parse(toks: _Toks, i: int) -> int:
    return _unit_end(toks, i)


_ELIDED_LEVEL = re.compile(r"^(?P<head>.*\S)\s+cấp\s+(?:tỉnh|huyện|xã)$", re.IGNORECASE)


def _elided_at(toks: _Toks, k: int, prev_text: str) -> tuple[int, str] | None:
    """ "cấp xã" after "UBND cấp huyện," → (end, "UBND cấp xã")."""
    if toks.has(k + 1) and toks[k].low == "cấp" and toks[k + 1].low in ("tỉnh", "huyện", "xã"):
        m = _ELIDED_LEVEL.match(prev_text)
        if m:
            return k + 2, f"{m.group('head')} cấp {toks[k + 1].text}"
    return None


# --------------------------------------------------------------------------- naming


def _level_of(name: str) -> str | None:
    words = _words(name)
    if not words:
        return None
    if "các" in words:
        places = _places_after_cac(words)
        if places in ("xã", "phường", "thị", "thôn", "bản", "tổ"):
            return "generic-commune"
        if places in ("huyện", "quận"):
            return "generic-district"
        return "group"
    role = next(
        (
            k
            for k in _HEADS_BY_FIRST.get(fold(words[0]), [])
            if _HEAD_KINDS[k][0] == "role" and tuple(map(fold, words[: len(k)])) == k
        ),
        None,
    )
    if role:  # "Giám đốc Sở Y tế": the level of the unit; "Thủ trưởng cơ quan, đơn vị": a group
        rest = words[len(role) :]
        printed = _TOKEN.findall(normalize_text(name))
        if _seq_at_words(rest, _GROUP_NOUNS) and not printed[len(role)][0].isupper():
            return "group"
        return _level_of(" ".join(rest)) if rest else None
    for n in range(len(words), 0, -1):  # the last level word named decides
        for size in (2, 1):
            if n - size >= 0 and words[n - size : n] in _LEVELS:
                return _LEVELS[words[n - size : n]]
    last = (fold(words[-1]),)
    if last in _FLEVELS and len(words) > 1:  # "Tòa án tình" [sic]
        return _FLEVELS[last]
    if "sở" in words:
        return "province"
    if words[0] == "bộ" and len(words) > 1 and words[1] not in ("phận", "chỉ"):
        return "central"
    return None


def _seq_at_words(words: tuple[str, ...], seqs: list[tuple[str, ...]]) -> bool:
    return any(words[: len(q)] == q for q in seqs)


def _places_after_cac(words: tuple[str, ...]) -> str | None:
    i = words.index("các") + 1
    return words[i] if any(words[i : i + len(p)] == p for p in _PLACES) else None


_FULL_FORMS = [
    (re.compile(r"\bỦy ban nhân dân\b", re.IGNORECASE), "UBND"),
    (re.compile(r"\bHội đồng nhân dân\b", re.IGNORECASE), "HĐND"),
]


def _tidy(name: str) -> str:
    text = normalize_text(name)
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = re.sub(r"\s+", " ", text).strip(" \t\n.,;:-–—+*•")
    for pattern, short in _FULL_FORMS:
        text = pattern.sub(short, text)
    return text


@lru_cache(maxsize=4096)
def canonical_unit(name: str) -> tuple[str, str | None]:
    """The canonical name and level of a unit as printed.

    "Sở TN&MT", "Sở Tài nguyên Môi trường" → ("Sở Tài nguyên và Môi trường", "province");
    "Uỷ ban nhân dân cấp huyện" → ("UBND cấp huyện", "generic-district"); a name the
    gazetteer lacks comes back tidied, its level read from its words."""
    tidy = _tidy(name)
    key = _name_key(tidy)
    if key in _GAZ:
        return _GAZ[key]
    # a known unit followed by its place: "Sở Y tế tỉnh Quảng Ninh", "Công an huyện Phù Yên"
    node: dict[str, Any] = _TRIE
    best = 0
    for n, w in enumerate(key):
        nxt = node.get(w)
        if nxt is None:
            break
        node = nxt
        if "" in node:
            best = n + 1
    if best:
        base, level = _GAZ[key[:best]]
        rest = _tail_words(tidy, best)
        if rest and (rest[0].isupper() or _words(rest)[:1] in _LEVELS or _words(rest)[:2] in _LEVELS):
            return f"{base} {rest}", _level_of(f"{base} {rest}") or level
    return tidy, _level_of(tidy)


def _tail_words(tidy: str, nkey: int) -> str:
    """The printed words of `tidy` after the first `nkey` key words."""
    count = 0
    for m in _TOKEN.finditer(tidy):
        tok = m.group()
        if not (tok[0].isalnum() or tok[0] == "_") or fold(tok) == "va":
            continue
        count += len(_expand(tok))
        if count >= nkey:
            return tidy[m.end() :].strip(" ,;:-–")
    return ""


def _match(text: str, toks: _Toks, i: int, end: int, written: str | None = None) -> UnitMatch:
    start, stop = toks.starts[i], toks.ends[end - 1]
    shown = written or text[start:stop]
    canon, level = canonical_unit(shown)
    return UnitMatch(start, stop, shown, canon, level)


# --------------------------------------------------------------------------- public API


def find_units(text: str, folded: str | None = None) -> list[UnitMatch]:
    """Every unit named in running text, longest match, in order of appearance.
    `folded` is fold(text), when the caller has it."""
    if not text:
        return []
    if folded is None:
        folded = fold(text)
    generic: list[tuple[int, int]] | None = None  # everyone-addressees, read at the first hit
    generic_starts: list[int] = []
    out: list[UnitMatch] = []
    pos = 0
    for cand in _CANDIDATE.finditer(folded):
        s = cand.start()
        if s < pos:
            continue
        hit = _unit_at_candidate(text, folded, s, cand.end())
        if hit is None:
            continue
        toks, end = hit
        if generic is None:
            generic = [m.span() for m in _GENERIC_RE.finditer(folded)]
            generic_starts = [g[0] for g in generic]
        g = bisect.bisect_right(generic_starts, s) - 1
        if g >= 0 and s < generic[g][1]:
            pos = toks.ends[end - 1]
            continue
        m = _match(text, toks, 0, end)
        out.append(m)
        pos = m.end
        # "UBND cấp huyện, cấp xã": the elided second unit
        k = end
        while toks.has(k + 1) and (toks[k].text == "," or toks[k].low == "và"):
            el = _elided_at(toks, k + 1, out[-1].text)
            if not el:
                break
            e, written = el
            canon, level = canonical_unit(written)
            out.append(UnitMatch(toks.starts[k + 1], toks.ends[e - 1], written, canon, level))
            pos = toks.ends[e - 1]
            k = e
    return out


def unit_opening(text: str, folded: str | None = None) -> UnitMatch | None:
    """The unit `text` opens with, as find_units(text) reports it at offset 0, else None.

    Reads that one unit only: a list of partners is read a unit at a time, and finding every
    unit in the text after each one made reading a list quadratic. `folded` is fold(text)."""
    if not text:
        return None
    folded = fold(text) if folded is None else folded
    cand = _CANDIDATE.match(folded)
    hit = _unit_at_candidate(text, folded, 0, cand.end()) if cand else None
    if hit is None or _GENERIC_RE.match(folded):
        return None
    return _match(text, hit[0], 0, hit[1])


def _ends_title_word(text: str, s: int) -> bool:
    """A lower-case head right after a capitalised word ends that word's title: "Bộ trưởng",
    "Thứ trưởng", "Viện trưởng Viện Kiểm sát …" hold no unit "trưởng …"."""
    if s < 2 or text[s - 1] != " ":
        return False
    k = s - 2
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return text[k].isupper()


def _unit_at_candidate(text: str, folded: str, s: int, e: int) -> tuple[_Toks, int] | None:
    """(tokens from s, end token) of the unit whose first word is the candidate text[s:e]."""
    if not text[s].isupper() and (folded[s:e] not in _LOWER_FIRSTS or _ends_title_word(text, s)):
        return None
    if text[s:e].isupper() and _UPPER_RUN.search(text, max(0, s - 40), s):
        return None  # a word inside a title in capitals ("NHIỆM VỤ", "XÃ HỘI")
    toks = _Toks(text, s, min(len(text), s + _SHORT_WINDOW))
    end = _parse(toks, 0)
    if not toks.has(end) and s + _SHORT_WINDOW < len(text):  # may run on: read further
        toks = _Toks(text, s, min(len(text), s + _WINDOW))
        end = _parse(toks, 0)
    return (toks, end) if end > 0 else None


def _chain(text: str, toks: _Toks, i: int) -> tuple[list[UnitMatch], int]:
    """Units one after another from toks[i], joined by ",", ";" or "và"."""
    found: list[UnitMatch] = []
    ahead = -1  # the end of the unit at toks[i] when the look-ahead below has parsed it
    while toks.has(i):
        end = ahead if ahead >= 0 else _parse(toks, i)
        if end > i:
            found.append(_match(text, toks, i, end))
            i = end
        elif found:
            el = _elided_at(toks, i, found[-1].text)
            if not el:
                break
            end, written = el
            canon, level = canonical_unit(written)
            found.append(UnitMatch(toks.starts[i], toks.ends[end - 1], written, canon, level))
            i = end
        else:
            break
        if toks.has(i + 1) and (toks[i].text in (",", ";") or toks[i].low == "và"):
            nxt = i + 1
            ahead = _parse(toks, nxt)
            if ahead > nxt or _elided_at(toks, nxt, found[-1].text):
                i = nxt
                continue
        break
    return found, i


_BULLET = re.compile(
    r"^[\s\-+•*–—·]*(?:(?:\(?(?:\d+(?:\.\d+)*|[IVXLC]+|[a-zđ])[.)]\s*)+)?[\s\-+•*–—·]*", re.IGNORECASE
)
# The bullet, then (group 2) the first token after it (group 1 starts there); the token is
# optional, so the bullet matches as it would alone.
_OPENING = re.compile(r"(?:" + _BULLET.pattern + r")((" + _TOKEN.pattern + r")?)", re.IGNORECASE)


def _is_generic(toks: _Toks, i: int) -> bool:
    return _seq_at(toks, i, _GENERIC) > 0


# Cheap prefilter (eyecite's idea): a subject can only open with a word the parse can take
# first, compared as the parse compares it, so most clauses ("Tăng cường …", "Thực hiện …",
# "Chỉ số …", "Bản sao …") are turned away before any tokenising. The parse reads token 0
# as a lead-in, a frame, "các" or a group noun (lower case), or as a head: tones as printed
# ("Sở", not "Số"), or an abbreviation ("UBND") in capitals.
_OPEN_LOWS: frozenset[str] = frozenset(
    {*_LEAD_IN.by_first, *_FRAMES.by_first, *_GROUP_NOUNS.by_first, "các"}
)
_OPEN_TONES: frozenset[str] = frozenset(
    e[2][0] for entries in _HEAD_ENTRIES.values() for e in entries if not e[3]
)
_OPEN_ABBREVS: frozenset[str] = frozenset(
    e[0][0] for entries in _HEAD_ENTRIES.values() for e in entries if e[3]
)


def _may_open_with(tok: _Form) -> bool:
    """Whether the parse could read a unit, lead-in or frame from `tok` as token 0."""
    return (
        tok.low in _OPEN_LOWS
        or tok.tone in _OPEN_TONES
        or (tok.fld in _OPEN_ABBREVS and tok.text.isupper())
    )


def _alt_words(seqs: Iterable[tuple[str, ...]]) -> str:
    """Word sequences as one alternation, longest first, the words apart by any blank."""
    return "|".join(sorted({r"\s+".join(map(re.escape, s)) for s in seqs if s}, key=len, reverse=True))


def _folded(seqs: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return [tuple(map(fold, s)) for s in seqs]


_ABOVE_FOLD = re.compile("[\u2100-\U0010ffff]")
# A second prefilter, on the folded text: what _unit_at_start can find opens with a frame, or
# with an optional lead-in and then a head, "các" or a group noun, each a whole word. It admits
# more than the parse does (a superset: the parse decides), and turns away before any tokenising
# most clauses whose first word a unit may begin with ("Công khai …", "Số liệu …", "Chủ trì …").
_MAY_OPEN = re.compile(
    r"\s*(?:" + _alt_words(_folded(_FRAMES))
    + r"|(?:(?:" + _alt_words(_folded(_LEAD_IN)) + r")\s*:?\s*)?"
    + r"(?:" + _alt_words([*_HEAD_KINDS, ("cac",), *_folded(g[:1] for g in _GROUP_NOUNS)]) + r")(?!\w))"
)


def unit_at_start(text: str, folded: str | None = None) -> list[UnitMatch] | None:
    """The unit(s) a passage opens with as the subject of an assignment, else None.

    "Phòng Tổ chức Hành chính: Tăng cường …", a heading "3. Sở Nội vụ", "Phòng Tư pháp
    huyện chủ trì …", "Báo Lào Cai, Đài Phát thanh - Truyền hình tỉnh" (two). A subject
    that hands the work on ("UBND huyện yêu cầu các cơ quan, đơn vị …") gives the units it
    names. Addressees that are everyone ("Các cấp, các ngành …") give None. `folded` is
    fold(text) (or its start), when the caller has it."""
    if not text:
        return None
    opening = _OPENING.match(text, 0, _WINDOW)
    start = opening.start(1)  # type: ignore[union-attr]  # all optional: always matches
    # token 0 as _Toks reads it (a token the short window cuts short goes on to the parse)
    first = opening.group(2)  # type: ignore[union-attr]
    if first is None:
        if start >= len(text):
            return None
    elif opening.end() <= _SHORT_WINDOW and not (_FORMS.get(first) or _form(first)).opens:  # type: ignore[union-attr]
        return None
    # Whatever the short window holds, _MAY_OPEN admits (tokens compare folded lower case, and
    # fold lower-cases every character below U+2100: above it, the Kelvin sign "K" is not);
    # a window it turns away would give (None, complete).
    if folded is None:
        folded = fold(text[:_SHORT_WINDOW])
    if not _ABOVE_FOLD.search(folded, 0, _SHORT_WINDOW) and not _MAY_OPEN.match(folded, start, _SHORT_WINDOW):
        return None
    # Most subjects are short: read a short window first, the full one only when the names
    # run to its end (tokenising 400 characters for every clause is the costly part).
    for window in (_SHORT_WINDOW, _WINDOW):
        result, complete = _unit_at_start(text, start, min(window, len(text)))
        if complete or window >= len(text):
            return result
    return result


def _unit_at_start(head: str, start: int, end: int) -> tuple[list[UnitMatch] | None, bool]:
    """unit_at_start over `head[:end]`; the flag says the answer cannot change with more text
    (the names stop more than three tokens before the end)."""
    toks = _Toks(head, start, end)
    if not toks.has(0):
        return None, True
    i = _seq_at(toks, 0, _LEAD_IN)
    if i and toks.has(i) and toks[i].text == ":":
        i += 1
    if _is_generic(toks, i):
        return None, True
    found, end = _chain(head, toks, i)
    if not found and _seq_at(toks, 0, _FRAMES):
        comma = 0  # the first comma, reading no further
        while toks.has(comma) and toks[comma].text != ",":
            comma += 1
        if not toks.has(comma):
            return None, False  # the opening frame may close after the window
        if comma < 40 and not _is_generic(toks, comma + 1):
            found, end = _chain(head, toks, comma + 1)
    if not found:
        return None, True
    n = _seq_at(toks, end, _ASSIGN)
    if n:
        handed, hend = _chain(head, toks, end + n)
        if handed:
            return handed, toks.has(hend + 3)
    return found, toks.has(end + 3)


_PARTNER = re.compile(
    r"(?<!\w)phối\s+hợp(?:\s+(?:chặt\s+chẽ|thường\s+xuyên|tốt))?(?:\s+(?:với|cùng(?:\s+với)?))?\s*:?\s*",
    re.IGNORECASE,
)


def support_in(text: str) -> list[str]:
    """Units named as partners inside a task's text ("phối hợp với Sở Tư pháp …")."""
    out: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for m in _PARTNER.finditer(normalize_tone_placement(text) if "ỷ" in text or "oá" in text else text):
        toks = _Toks(text, m.end(), min(len(text), m.end() + _WINDOW))
        if not toks.has(0) or _is_generic(toks, 0):
            continue
        found, _ = _chain(text, toks, 0)
        for u in found:
            k = _name_key(u.text)
            if k not in seen:
                seen.add(k)
                out.append(u.text)
    return out


_TOP_SPLIT = re.compile(r"[;:\n|]+")
_SEPARATOR = re.compile(r"[;:\n|]")
_TRIM = " \t\n.,;:-–—+*•/"


def split_units(cell: str) -> list[str]:
    """The units a table cell or phrase names, each as printed.

    "Thanh tra tỉnh; UBND cấp huyện, UBND cấp xã" → three; "UBND cấp huyện, cấp xã" →
    ["UBND cấp huyện", "UBND cấp xã"]; one body or group stays whole ("Sở Văn hóa, Thể
    thao và Du lịch", "các sở, ban, ngành", "UBND các huyện, thị xã, thành phố")."""
    out: list[str] = []
    for part in _split_top(normalize_text(cell) if cell else ""):
        if "," not in part and "\n" not in part and "và" not in part.lower():
            # no separator: the part is one piece (tokens cover every printed character of a
            # line, so the span from the first token to the last is the part without spaces)
            piece = part.strip().strip(_TRIM)
            if piece:
                out.append(piece)
            continue
        toks = _Toks(part).read_all()
        if not toks:
            continue
        protected = max(_parse(toks, 0), 0)
        cuts: list[tuple[int, int, str | None]] = []  # (token index of separator, next start, written)
        # no cut inside brackets: "UBND huyện (Văn phòng HĐND và UBND huyện tham mưu)" is one unit
        depth, inside = 0, []
        for tok in toks:
            depth += (tok.text in "([") - (tok.text in ")]")
            inside.append(depth > 0)
        k = protected  # no cut inside the first unit
        while k < len(toks):
            tok = toks[k]
            if k + 1 < len(toks) and (tok.text == "," or tok.low == "và") and not inside[k]:
                end = _parse(toks, k + 1)
                el = None
                if end <= k + 1:
                    prev = part[toks.starts[cuts[-1][1]] if cuts else 0 : toks.starts[k]].strip(_TRIM)
                    el = _elided_at(toks, k + 1, prev)
                if end > k + 1 or el:
                    cuts.append((k, k + 1, el[1] if el else None))
                    protected = end if end > k + 1 else el[0]  # type: ignore[index]
                    k = protected
                    continue
            k += 1
        starts = [0] + [c[1] for c in cuts]
        ends = [c[0] for c in cuts] + [len(toks)]
        written = [None] + [c[2] for c in cuts]
        for s, e, w in zip(starts, ends, written, strict=True):
            if s >= e:
                continue
            piece = w or part[toks.starts[s] : toks.ends[e - 1]]
            piece = piece.strip(_TRIM)
            if piece:
                out.append(piece)
    return out


def _split_top(cell: str) -> list[str]:
    """Split at ";", ":", new lines and "|" outside brackets."""
    if "(" not in cell and "[" not in cell:  # no brackets: split at every separator, in C
        if ";" not in cell and ":" not in cell and "\n" not in cell and "|" not in cell:
            whole = cell.strip(_TRIM)  # most cells: one part
            return [whole] if whole else []
        return [q for p in _SEPARATOR.split(cell) if (q := p.strip(_TRIM))]
    parts: list[str] = []
    depth = 0
    cur: list[str] = []
    for ch in cell:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if depth == 0 and _TOP_SPLIT.match(ch):
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [q for p in parts if (q := p.strip(_TRIM))]


def unit_refs(cell: str) -> list[UnitRef]:
    """The units a table cell or a field names, each as written with its canonical name and level."""
    refs = []
    for name in split_units(cell):
        canonical, level = canonical_unit(name)
        refs.append(UnitRef(text=name, canonical=canonical, level=level))
    return refs


def generic_phrases() -> list[str]:
    """Addressees that are everyone ("Các cấp, các ngành"), as units.toml lists them."""
    return list(_DATA["generic"]["phrases"])
