"""Governance indices by acronym and Vietnamese name; PAPI areas only where the text names them."""

import re
import string

from vanban.extract.indices import _ODD_CASES, _acronym_cue, find_indices, find_papi_areas, papi_areas
from vanban.ingest.normalize import fold, normalize_text


def idx(text):
    return find_indices(normalize_text(text))


def test_acronyms():
    # seed 000: "cùng với các Chỉ số: PAR INDEX, SIPAS"
    assert idx("nâng cao Chỉ số PAPI, cùng với các Chỉ số: PAR INDEX, SIPAS vào chương trình") == [
        "PAPI",
        "PAR INDEX",
        "SIPAS",
    ]
    assert idx("Chỉ số PAR Index và ICT-Index năm 2023; chỉ số DDCI") == ["PAR INDEX", "ICT INDEX", "DDCI"]


def test_acronyms_in_any_case():
    # re.IGNORECASE lets "s" match a long s and "i" a dotless i; the cues must not lose them
    assert idx("khảo sát ſIPAS; chỉ số PAPı và İCT-Index, Par_Index; pci") == [
        "SIPAS",
        "PAPI",
        "ICT INDEX",
        "PAR INDEX",
        "PCI",
    ]
    assert idx("xPAPI, PAPIS; PAPI") == ["PAPI"]
    assert idx("PAPIS") == []


def test_odd_case_letters_are_all_known():
    """Every letter whose case-insensitive matches fold to something else is in _ODD_CASES."""
    every = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    odd = {x for x in string.ascii_lowercase if {fold(c) for c in re.findall(x, every, re.IGNORECASE)} != {x}}
    assert odd <= _ODD_CASES


def test_acronym_cues():
    assert _acronym_cue("PAR[\\s_-]*INDEX") == ("par", 0)
    assert _acronym_cue("SIPAS") == ("pa", 2)
    assert _acronym_cue("PAPIS?") == ("pap", 0)
    assert _acronym_cue("PAPI|ABC") is None
    assert _acronym_cue("(?:PAPI)") is None


def test_vietnamese_names():
    # seed 003
    assert idx("Chỉ số năng lực cạnh tranh cấp tỉnh, Chỉ số sẵn sàng về ứng dụng Công nghệ thông tin") == [
        "PCI",
        "ICT INDEX",
    ]
    # seed 004: SIPAS by its long name
    assert idx("Chỉ số sự hài lòng của tổ chức và cá nhân về sự phục vụ của cơ quan hành chính Nhà nước") == [
        "SIPAS"
    ]
    assert idx("Chỉ số cải cách hành chính năm 2022 của các sở; Chỉ số CCHC tăng") == ["PAR INDEX"]
    assert idx("Chỉ số Hiệu quả quản trị Hành chính công năm 2023") == ["PAPI"]


def test_lookalikes_are_not_indices():
    # seed 002: DDCI, not PCI
    assert idx("Chỉ số đánh giá năng lực cạnh tranh cấp sở, ngành và địa phương xếp thứ 13/21") == ["DDCI"]
    # seed 003/001: satisfaction surveys and reform work in general are not SIPAS / PAR INDEX
    assert (
        idx("khảo sát mức độ hài lòng của người dân đối với các dịch vụ công; công tác cải cách hành chính")
        == []
    )


def areas(text, **kw):
    return find_papi_areas(normalize_text(text), **kw)


def test_areas_named_as_headings_and_in_quotes():
    # seed 001
    assert areas("1.1. Chỉ số nội dung “Tham gia của người dân ở cấp cơ sở”:\na) Thực hiện tốt") == [1]
    assert areas('1.6. Chỉ số nội dung "cung ứng dịch vụ công":') == [6]
    assert areas("II. QUẢN TRỊ MÔI TRƯỜNG\n1. Sở Tài nguyên và Môi trường") == [7]
    assert areas("Nội dung 8: Quản trị điện tử\n- Đẩy mạnh") == [8]


def test_areas_in_a_list():
    # seed 001 introduction
    text = (
        "04/08 nội dung thuộc nhóm đạt điểm thấp nhất (Trách nhiệm giải trình với người dân; kiểm soát "
        "tham nhũng trong khu vực công; cung ứng dịch vụ công; quản trị môi trường); 03/08 nội dung "
        "thuộc nhóm đạt điểm trung bình thấp (Tham gia người dân ở cấp cơ sở; thủ tục hành chính công "
        "và quản trị điện tử)"
    )
    assert areas(text) == [1, 3, 4, 5, 6, 7, 8]
    assert areas("cải thiện trên lĩnh vực quản trị môi trường.") == [7]


def test_prose_is_not_a_name():
    # seed 002 and 004
    assert (
        areas("tham mưu công bố kịp thời thủ tục hành chính đảm bảo công khai, minh bạch, khả thi, hiệu quả")
        == []
    )
    assert areas("đánh giá tính hiệu quả, công khai, minh bạch trong hoạt quản lý, điều hành") == []
    assert areas("thực thi chính sách và cung ứng dịch vụ công.") == []
    assert areas("Về nội dung Cải cách thủ tục hành chính (TTHC), Văn phòng") == []


def test_area_sets_by_year():
    assert {a.number for a in papi_areas() if a.until == 2017} == {1, 2, 3, 4, 5, 6}
    assert {a.number for a in papi_areas() if a.since == 2018} == set(range(1, 9))
    assert areas("Nội dung 7: Quản trị môi trường", year=2016) == []
    assert areas("Nội dung 7: Quản trị môi trường", year=2022) == [7]


def test_areas_opening_passages_before_their_colon() -> None:
    from vanban.extract.indices import find_papi_areas

    text = ("Về Công khai, minh bạch: Phòng Kinh tế chủ trì công khai quy hoạch.\n"
            "- Thủ tục hành chính công: Trung tâm Phục vụ hành chính công xã niêm yết thủ tục.\n"
            "Đảm bảo công khai, minh bạch, khả thi trong thực hiện.\n")
    assert find_papi_areas(text) == [2, 5]


def test_an_area_named_after_noi_dung_in_running_text() -> None:
    from vanban.extract.indices import find_papi_areas

    assert find_papi_areas("Năm 2024, nội dung Quản trị điện tử có mức tăng cao nhất.") == [8]


def test_areas_listed_with_their_scores_between_them():
    # a provincial portal on the PAPI 2023 results (QA round 4): one "Nội dung", then each area
    # with its score
    text = ("Nội dung Tham gia của người dân ở cấp cơ sở đạt 5,02 điểm; Công khai, minh bạch trong việc ra "
            "quyết định đạt 5,11 điểm; Trách nhiệm giải trình với người dân đạt 4,29 điểm. Hai nội dung giảm "
            "điểm là Quản trị môi trường (2,86 điểm) và Quản trị điện tử (3,91 điểm).")
    assert areas(text, year=2023) == [1, 2, 3, 7, 8]
    # a score alone does not make running prose a list
    assert areas("Xã đạt 5,02 điểm; công khai, minh bạch, khả thi trong thu chi.", year=2023) == []


def test_areas_named_in_a_results_tables_cells() -> None:
    # QA round 9 (a district's report on its PAPI results)
    text = ("TT | Chỉ số nội dung | Điểm 2023 | Điểm 2024\n1 | Tham gia của người dân ở cấp cơ sở | 4,61 | 4,83\n"
            "2 | Công khai, minh bạch | 5,12 | 5,20\n7 | Quản trị môi trường | 3,10 | 3,25\n")
    assert find_papi_areas(text) == [1, 2, 7]
    # running prose naming no area stays so
    assert find_papi_areas("bảo đảm công khai, minh bạch, khả thi | hiệu quả") == []
