"""Provinces and districts of Viet Nam, read from the `vietnamadminunits` package's data.

Finds "tỉnh Lào Cai", "thành phố Hà Nội", "TP. Hồ Chí Minh" in text, maps a district to its
province ("huyện Chương Mỹ" → "Hà Nội") and a pre-2025 province to its merged successor.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sqlite3
from collections import defaultdict
from contextlib import closing
from functools import cache
from pathlib import Path

from vanban.extract.scan import cue_starts, finditer_at, name_alternation
from vanban.ingest.normalize import fold

# Spellings the package does not list, as documents print them → the package's short name.
_PROVINCE_VARIANTS = {
    "Thừa Thiên Huế": "Huế",
    "Thừa Thiên - Huế": "Huế",
    "Bà Rịa Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Bà Rịa-Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Đắc Lắc": "Đắk Lắk",
    "Đăk Lăk": "Đắk Lắk",
    "Đắk Nông": "Đắk Nông",
    "Hồ Chí Minh": "Hồ Chí Minh",
}
_CITY_SHORT = {"hcm": "Hồ Chí Minh", "hn": "Hà Nội"}  # "TP. HCM", "TP HN"
# Official names a province bore until a renaming the package already applies (Thừa Thiên Huế
# became Thành phố Huế on 1 January 2025): a document printed before keeps the name it uses.
_FORMER_NAMES = {"Thừa Thiên Huế"}
_SPACES = re.compile(r"\s+")
_HYPHEN = re.compile(r"\s*-\s*")


@cache
def _package_data() -> Path:
    """The package's data folder, found without importing the package: its __init__ loads
    its address parser, geopy and aiohttp (~1 s of CPU per process) that we never use."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("vietnamadminunits")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _query(sql: str) -> list[dict]:
    """Rows of the package's dataset.db, as `vietnamadminunits.database.query` reads them."""
    with closing(sqlite3.connect(f"{(_package_data() / 'dataset.db').as_uri()}?mode=ro", uri=True)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql).fetchall()]


@cache
def _legacy_provinces() -> dict[str, dict]:
    """Folded short name → {"short", "full", "key"} for the 63 pre-2025 provinces."""
    rows = _query("SELECT DISTINCT province, provinceShort, provinceKey FROM admin_units_legacy")
    return {
        fold(r["provinceShort"]): {
            "short": r["provinceShort"],
            "full": r["province"],
            "key": r["provinceKey"],
        }
        for r in rows
    }


@cache
def _new_provinces() -> dict[str, dict]:
    """Provinces after the 2025 merger, by their package key."""
    rows = _query("SELECT DISTINCT province, provinceShort, provinceKey FROM admin_units")
    return {r["provinceKey"]: {"short": r["provinceShort"], "full": r["province"]} for r in rows}


@cache
def _province_names() -> dict[str, str]:
    """Folded printed name → short name, both eras and the usual variants."""
    names = {k: v["short"] for k, v in _legacy_provinces().items()}
    for v in _new_provinces().values():
        names.setdefault(fold(v["short"]), v["short"])
    for printed, short in _PROVINCE_VARIANTS.items():
        names.setdefault(fold(printed), short)
    return names


def _name_alt(names) -> str:
    # longest first; prefix-factored: a failing try costs a letter, not a test of every name
    return name_alternation(sorted(names, key=len, reverse=True))


@cache
def _province_re() -> re.Pattern[str]:
    alt = _name_alt(_province_names())
    return re.compile(
        rf"""
        (?<![\w])
        (?:
            (?:tinh|thanh\s+pho|tp\.?)\s*(?P<name>{alt})            # tỉnh Lào Cai, TP. Hồ Chí Minh
          | tp\.?\s*(?P<abbr>hcm|hn)                                 # TP. HCM
          | (?P<place>{alt})(?=\s*,\s*ngay\b)                        # Lào Cai, ngày 30 tháng 6 …
        )
        (?![\w])
        """,
        re.VERBOSE,
    )


# Where the regex can match: at a cue word ("tinh", "thanh pho", "tp"), or at a bare name that
# ends right before ", ngày" (found by walking back from the comma).
_PROVINCE_CUE = re.compile(r"t(?:inh|hanh\s+pho|p)")
_PLACE_DATE = re.compile(r",\s*ngay\b")


@cache
def _name_pieces() -> int:
    """The most whitespace-separated pieces a province name can span ("bà rịa - vũng tàu": 5)."""
    return max(len(n.replace("-", " - ").split()) for n in _province_names())


def _place_starts(folded: str) -> list[int]:
    """Every position where a bare province name followed by ", ngày" may start: a word start
    among the last `_name_pieces()` pieces before each such comma."""
    out: list[int] = []
    pieces = _name_pieces()
    for c in _PLACE_DATE.finditer(folded):
        lo = c.start()
        for _ in range(pieces):
            while lo and folded[lo - 1].isspace():
                lo -= 1
            if not lo:
                break
            while lo and not folded[lo - 1].isspace():
                lo -= 1
        out.extend(i for i in range(lo, c.start()) if not i or not _is_word(folded[i - 1]))
    return out


def _is_word(ch: str) -> bool:
    """`ch` is a regex word character (`\\w`)."""
    return ch.isalnum() or ch == "_"


def _province_matches(folded: str) -> list[re.Match[str]]:
    """`_province_re().finditer(folded)`, the regex tried only where a mention can start."""
    starts = cue_starts(folded, _PROVINCE_CUE)
    places = _place_starts(folded)
    if places:
        starts = sorted(set(starts).union(places))
    return list(finditer_at(_province_re(), folded, starts))


def _has_marks(s: str) -> bool:
    return any(not ch.isascii() for ch in s)


def _pick(printed: str, candidates: list[str] | tuple[str, ...]) -> str | None:
    """Of the names sharing a folded form ("Phú Yên", "Phù Yên"), the one printed; a name
    printed without marks keeps the first candidate."""
    printed = _SPACES.sub(" ", printed).strip().lower()
    if not _has_marks(printed):
        return candidates[0] if candidates else None
    printed = _HYPHEN.sub(" - ", printed)
    for c in candidates:
        if _HYPHEN.sub(" - ", c.lower()) == printed:
            return c
    return None


@cache
def _spellings(key: str) -> tuple[str, ...]:
    """The short name of the province whose folded name is `key`, then the other spellings
    documents print for it."""
    short = _province_names()[key]
    return (short, *(p for p, v in _PROVINCE_VARIANTS.items() if v == short))


@cache
def _former_name(key: str) -> str | None:
    return next((n for n in _FORMER_NAMES if fold(n) == _HYPHEN.sub(" ", key)), None)


def find_provinces(text: str) -> list[tuple[int, int, str]]:
    """Provinces named in `text` as (start, end, short name): "tỉnh Lào Cai", "thành phố Hà
    Nội", "TP. Hồ Chí Minh", and a bare name opening a place-date line ("Lào Cai, ngày …").
    A bare name elsewhere is not taken: "Lào Cai" is also a city, "Hòa Bình" a district."""
    out = []
    for m in _province_matches(fold(text)):
        if m.group("abbr"):
            short = _CITY_SHORT[m.group("abbr")]
        else:
            group = "name" if m.group("name") else "place"
            key = _SPACES.sub(" ", _HYPHEN.sub(" - ", m.group(group)))
            spellings = _spellings(key)
            if _pick(text[m.start(group) : m.end(group)], spellings) is None:
                continue  # "huyện Phù Yên" is not "Phú Yên"
            short = _former_name(key) or spellings[0]
        out.append((m.start(), m.end(), short))
    return out


def province_short(name: str) -> str | None:
    """The short name of a province written any way: "tỉnh Lào Cai", "LÀO CAI" → "Lào Cai"."""
    clean = _SPACES.sub(" ", name).strip()
    key = re.sub(r"^(?:tinh|thanh pho|tp\.?)\s*", "", fold(clean))
    printed = clean[len(clean) - len(key) :]
    key = _HYPHEN.sub(" - ", key)
    if key in _CITY_SHORT:
        return _CITY_SHORT[key]
    short = _province_names().get(key)
    if short is None:
        return None
    variants = [p for p, v in _PROVINCE_VARIANTS.items() if v == short]
    return short if _pick(printed, [short, *variants]) else None


_DISTRICT_TYPES = {"huyen": "Huyện", "quan": "Quận", "thi xa": "Thị xã", "thanh pho": "Thành phố"}


@cache
def _districts() -> dict[str, list[tuple[str, str, str]]]:
    """Folded district short name → [(district type, district short, province short)]."""
    rows = _query("SELECT DISTINCT districtShort, districtType, provinceShort FROM admin_units_legacy")
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for r in rows:
        out[fold(r["districtShort"])].append((r["districtType"], r["districtShort"], r["provinceShort"]))
    return dict(out)


@cache
def _district_re() -> re.Pattern[str]:
    alt = _name_alt(_districts())
    return re.compile(rf"(?<![\w])(?P<kind>huyen|quan|thi\s+xa|thanh\s+pho|tp\.?)\s*(?P<name>{alt})(?![\w])")


# Every district mention opens with its type word (one cue per first letter: see cue_starts).
_DISTRICT_CUES = (re.compile("huyen"), re.compile("quan"), re.compile(r"t(?:hi\s+xa|hanh\s+pho|p)"))


def province_of_district(name: str, province: str | None = None) -> str | None:
    """The province of a district: "huyện Chương Mỹ" → "Hà Nội", "Phù Yên" → "Sơn La".

    A name several provinces share ("huyện Châu Thành") gives None unless `province` (a short
    name, e.g. from the document's other mentions) settles it."""
    clean = _SPACES.sub(" ", name).strip()
    key = fold(clean)
    kind = None
    m = re.match(r"(huyen|quan|thi xa|thanh pho|tp\.?)\s*(.+)", key)
    if m:
        kind = _DISTRICT_TYPES.get(m.group(1).rstrip(".").replace("tp", "thanh pho"))
        key = m.group(2)
    printed = clean[len(clean) - len(key) :]
    found = _districts().get(key, [])
    if _has_marks(printed):
        found = [f for f in found if f[1].lower() == printed.lower()]
    if kind:
        found = [f for f in found if f[0] == kind] or found
    provinces = {f[2] for f in found}
    if len(provinces) == 1:
        return provinces.pop()
    if province and province in provinces:
        return province
    return None


def find_districts(text: str) -> list[tuple[int, int, str, str | None]]:
    """Districts named with their type ("huyện Phù Yên", "thị xã Sa Pa", "quận Ba Đình") as
    (start, end, "huyện Phù Yên", province or None when the name is shared)."""
    out = []
    names = _districts()
    folded = fold(text)
    for m in finditer_at(_district_re(), folded, cue_starts(folded, *_DISTRICT_CUES)):
        key = _SPACES.sub(" ", m.group("name"))
        kind = m.group("kind").rstrip(".")
        kind = "thanh pho" if kind == "tp" else _SPACES.sub(" ", kind)
        short = _pick(text[m.start("name") : m.end("name")], sorted({f[1] for f in names[key]}))
        if short is None:
            continue
        label = f"{_DISTRICT_TYPES[kind].lower()} {short}"
        out.append((m.start(), m.end(), label, province_of_district(label)))
    return out


@cache
def _merger() -> dict[str, str]:
    """Legacy province key → new province key, from converter_2025.json's DICT_PROVINCE."""
    raw = json.loads((_package_data() / "converter_2025.json").read_text("utf-8"))
    out = {}
    for new_key, legacy_keys in raw["DICT_PROVINCE"].items():
        for k in legacy_keys:
            out[k] = new_key
    return out


# The day the 34 merged provinces took office (Nghị quyết 202/2025/QH15).
PROVINCES_MERGED = dt.date(2025, 7, 1)


def province_2025(short: str | None) -> str | None:
    """The 34-province successor of a province: "Yên Bái" → "Lào Cai", "Hà Giang" →
    "Tuyên Quang", "Lào Cai" → "Lào Cai"; a post-2025 name is returned as it is."""
    if not short:
        return None
    name = province_short(short) or short
    legacy = _legacy_provinces().get(fold(name))
    if legacy:
        new_key = _merger().get(legacy["key"])
        if new_key and new_key in _new_provinces():
            return _new_provinces()[new_key]["short"]
    for v in _new_provinces().values():
        if fold(v["short"]) == fold(name):
            return v["short"]
    return None


def province_kind(short: str) -> str:
    """ "tỉnh" or "thành phố" (a centrally governed city), as an issuer's name writes it."""
    legacy = _legacy_provinces().get(fold(short))
    full = (
        legacy["full"]
        if legacy
        else next((v["full"] for v in _new_provinces().values() if v["short"] == short), "Tỉnh")
    )
    return "thành phố" if fold(full).startswith("thanh pho") else "tỉnh"
