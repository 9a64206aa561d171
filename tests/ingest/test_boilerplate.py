"""Portal furniture out, body in: all five seeds, line by line."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vanban.ingest import boilerplate as B
from vanban.ingest.boilerplate import (
    CUT_FROM,
    FOOTER_MARKERS,
    FURNITURE_LINES,
    INLINE_STRIP,
    RELATED_FROM,
    TRAILING_NAV,
    furniture_mask,
    remove_furniture,
)
from vanban.ingest.normalize import normalize_text

from .helpers import SEEDS, seed_path, squash

# The furniture each seed carries, as printed (a line is furniture if it starts so).
FURNITURE = {
    "000": ["Thống kê truy cập", "• Đang online: 1", "• Hôm nay: 1", "• Trong tuần: 1", "• Tất cả: 1", "Đăng nhập"],
    "001": [
        "Ý kiến bạn đọc",
        "Nhấp vào nút tại mỗi ô tìm kiếm.",
        "Màn hình hiện lên như thế này",
        "Bạn cũng có thể dừng bất kỳ lúc nào",
        "Để tăng độ chính xác bạn hãy nói",
    ],
    "002": [],
    "003": [
        "image banner", "Lượt xem: 194", "File văn bản đính kèm:", "Tin tức", "Đăng nhập",
        "Thống kê truy cập", "• Đang online: 1", "• Hôm nay: 1", "• Trong tuần: 1",
        "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN PHÙ YÊN", "Cơ quan chủ quản:", "Địa chỉ: Tiểu khu 4",
        "Chịu trách nhiệm quản lý nội dung:", "Điện thoại: 02123.863.322", "Ghi rõ nguồn", "Chung nhan Tin Nhiem Mang",
    ],
    "004": ["TIN CẢI CÁCH HÀNH CHÍNH, CHUYỂN ĐỔI SỐ TIN CẢI CÁCH", "Trung bình (0 Bình chọn)"],
}


def _body_lines(prefix: str) -> list[str]:
    raw = normalize_text(seed_path(prefix).read_text(encoding="utf-8"))
    lines = [squash(line.replace("**", "").rstrip("|")) for line in raw.split("\n")]
    return [line for line in lines if line and not any(line.startswith(f) for f in FURNITURE[prefix])]


@pytest.mark.parametrize("prefix", sorted(FURNITURE))
def test_furniture_removed_and_every_body_line_kept(seed_docs, prefix):
    doc = seed_docs[prefix]
    text = squash(doc.text)
    for line in FURNITURE[prefix]:
        assert line not in text, line
    missing = [line for line in _body_lines(prefix) if line.replace(" | Lượt xem: 62", "") not in text]
    assert missing == []


def test_view_count_stripped_but_publication_date_kept(seed_docs):
    doc = seed_docs["004"]
    assert "Ngày đăng 10/06/2024 | 11:03" in doc.text
    assert "Lượt xem" not in doc.text
    assert "Chương Mỹ triển khai các nhiệm vụ nhằm tiếp tục nâng cao các Chỉ số" in doc.blocks[0].text


def test_bylines_stay(seed_docs):
    assert seed_docs["000"].blocks[-1].text == "BBT"
    assert seed_docs["004"].blocks[-1].text == "Kim Thoa"


def test_footer_marker_inside_a_document_is_kept():
    # one "Điện thoại:" line in the body is not a footer (a footer has several markers together)
    text = "Mọi vướng mắc liên hệ Văn phòng Sở.\nĐiện thoại: 0214.3840.xxx\nĐề nghị các đơn vị thực hiện nghiêm túc."
    assert remove_furniture(text) == text


def test_a_footer_whose_address_follows_the_sites_name_goes():
    # QA round 6's copied portal page: "SỞ NỘI VỤ … - Địa chỉ: …" then the licence line
    body = "Sở Nội vụ kính báo cáo UBND thành phố xem xét, chỉ đạo./.\n" * 4
    text = (f"{body}SỞ NỘI VỤ THÀNH PHỐ CẦN THƠ - Địa chỉ: Số 2 Hòa Bình, quận Ninh Kiều, TP. Cần Thơ\n"
            "Giấy phép số 41/GP-STTTT ngày 11/11/2020 của Sở Thông tin và Truyền thông thành phố Cần Thơ")
    assert remove_furniture(text) == body.rstrip("\n")


def test_related_articles_after_the_body_go_with_their_headlines():
    # a district portal's article, then the headlines of other articles: none of them is this page's text
    body = ("UBND huyện Văn Bàn vừa ban hành Kế hoạch số 45/KH-UBND về nâng cao Chỉ số PAPI năm 2024. Theo đó, "
            "UBND huyện giao Phòng Nội vụ chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.")
    text = (f"Văn Bàn: Triển khai nâng cao Chỉ số PAPI năm 2024\n{body}\nTIN LIÊN QUAN\n"
            "UBND tỉnh yêu cầu các sở, ban, ngành tăng cường kỷ luật, kỷ cương hành chính\n"
            "Các tin khác:\nPhòng Tư pháp huyện triển khai công tác phổ biến giáo dục pháp luật năm 2024")
    assert remove_furniture(text) == f"Văn Bàn: Triển khai nâng cao Chỉ số PAPI năm 2024\n{body}"
    # before the body has begun (a sidebar), the list is not cut: the article below it stays
    top = "Tin mới\nSở Nội vụ tổ chức hội nghị tập huấn\n" + body
    assert remove_furniture(top) == top


def test_an_attachment_line_is_furniture():
    assert remove_furniture("Sở Nội vụ chủ trì thực hiện.\nFile đính kèm: KH 215 cai thien PAPI.pdf") == (
        "Sở Nội vụ chủ trì thực hiện.")


def test_mask_keeps_positions():
    lines = ["Thống kê truy cập", "Sở Nội vụ chủ trì", "Đăng nhập"]
    assert furniture_mask(lines) == [None, "Sở Nội vụ chủ trì", None]


# The rules are compiled with their alternatives factored by first letter; these tests hold the
# factored regexes to the plain alternations they stand for.
_RULES = {
    "furniture": (FURNITURE_LINES, B._FURNITURE, True),
    "trailing": (TRAILING_NAV, B._TRAILING_NAV, True),
    "cut": (CUT_FROM, B._CUT_FROM, True),
    "related": (RELATED_FROM, B._RELATED_FROM, True),
    "footer": (FOOTER_MARKERS, B._FOOTER, False),
}


def _plain(patterns: tuple[str, ...], full: bool) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(patterns) + (r")$" if full else ")"), re.IGNORECASE)


_WORDS = sorted({w for p in (*FURNITURE_LINES, *TRAILING_NAV, *CUT_FROM, *RELATED_FROM, *FOOTER_MARKERS)
                 for w in re.findall(r"\w+", p)})
_lines = st.lists(
    st.one_of(
        st.sampled_from(_WORDS),
        st.sampled_from(_WORDS).map(str.upper),
        st.sampled_from(_WORDS).map(str.title),
        st.sampled_from([line for lines in FURNITURE.values() for line in lines]),
        st.sampled_from([" ", ": ", "12", "1.234", "(", ")", "•", "- ", "*", "©", "İ", "ı", "ſ", "\u212a", "Ì"]),
        st.text(max_size=3),
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=600, deadline=None)
@given(_lines)
def test_factored_rules_match_as_the_plain_alternations(line: str) -> None:
    for patterns, factored, full in _RULES.values():
        assert bool(factored.match(line)) == bool(_plain(patterns, full).match(line))


def test_factored_rules_on_the_seed_lines() -> None:
    lines = [line.strip() for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").split("\n")]
    lines += [line for prefix in sorted(FURNITURE) for line in FURNITURE[prefix]]
    for patterns, factored, full in _RULES.values():
        plain = _plain(patterns, full)
        assert [bool(factored.match(s)) for s in lines] == [bool(plain.match(s)) for s in lines]


def test_case_classes_are_what_ignorecase_matches() -> None:
    # every letter a rule could open with: its case-sensitive class must hold exactly the
    # characters IGNORECASE matches it with, over all of Unicode
    texts = (*FURNITURE_LINES, *TRAILING_NAV, *CUT_FROM, *FOOTER_MARKERS, *(w for pair in INLINE_STRIP for w in pair))
    letters = sorted({ch.lower() for p in texts for ch in p if ch.isalpha()})
    any_letter = re.compile("[" + "".join(letters) + "]", re.IGNORECASE)
    matched: dict[str, set[str]] = {letter: set() for letter in letters}
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if any_letter.fullmatch(ch):
            for letter in letters:
                if re.fullmatch(re.escape(letter), ch, re.IGNORECASE):
                    matched[letter].add(ch)
    for letter in letters:
        assert matched[letter] == set(letter + letter.upper() + B._CASE_PARTNERS.get(letter, "")), letter


_cue_texts = st.lists(
    st.one_of(
        st.sampled_from([cue for cue, _ in INLINE_STRIP]).map(lambda w: w.upper()),
        st.sampled_from([cue for cue, _ in INLINE_STRIP]).map(str.title),
        st.sampled_from([cue for cue, _ in INLINE_STRIP]),
        st.sampled_from(["lượt", "LƯỢt", "xem", "XeM", "Lượt xem", "luot xem", "\ud800", "\n", " "]),
        st.text(max_size=3),
    ),
    max_size=6,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_cue_texts)
def test_cue_forms_find_what_the_cue_regex_finds(text: str) -> None:
    lowered = text.encode("utf-8", "surrogatepass").lower()
    for (cue, _), forms in zip(B._INLINE, B._INLINE_CUE_FORMS, strict=True):
        assert forms is not None
        assert any(form in lowered for form in forms) == bool(cue.search(text))
