"""Units: the names, groups and cells of real plans, directives and letters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vanban.extract.units import UnitMatch, canonical_unit, find_units, split_units, support_in, unit_at_start


@pytest.mark.parametrize(
    ("name", "canonical", "level"),
    [
        ("Sở Tài nguyên Môi trường", "Sở Tài nguyên và Môi trường", "province"),
        ("Sở TN&MT", "Sở Tài nguyên và Môi trường", "province"),
        ("Sở Tài nguyên và Môi trường", "Sở Tài nguyên và Môi trường", "province"),
        ("Sở Giáo dục Đào tạo", "Sở Giáo dục và Đào tạo", "province"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo", "province"),
        ("Sở VH-TT&DL", "Sở Văn hóa, Thể thao và Du lịch", "province"),
        ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch", "province"),
        ("Sở Lao động Thương binh XH", "Sở Lao động - Thương binh và Xã hội", "province"),
        ("Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội", "province"),
        ("Sở Công thương", "Sở Công Thương", "province"),
        ("Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường", "province"),
        ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn", "province"),
        ("Uỷ ban nhân dân cấp huyện", "UBND cấp huyện", "generic-district"),
        ("UBND  cấp xã", "UBND cấp xã", "generic-commune"),
        ("Ủy ban nhân dân tỉnh Lào Cai", "UBND tỉnh Lào Cai", "province"),
        ("Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh)", "Văn phòng UBND tỉnh", "province"),
        ("Văn phòng HĐND – UBND huyện", "Văn phòng HĐND và UBND huyện", "district"),
        ("Trung tâm Phục vụ HCC", "Trung tâm Phục vụ hành chính công", "province"),
        ("Công an tỉnh Quảng Ninh", "Công an tỉnh Quảng Ninh", "province"),
        ("Sở Y tế tỉnh Quảng Ninh", "Sở Y tế tỉnh Quảng Ninh", "province"),
        ("Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "province"),
        ("Liên đoàn Lao động tỉnh", "Liên đoàn Lao động tỉnh", "province"),
        ("Phòng Nội vụ huyện", "Phòng Nội vụ huyện", "district"),
        ("Tổ trưởng tổ dân phố", "Tổ trưởng TDP", "commune"),
        ("UBND các xã, thị trấn", "UBND các xã, thị trấn", "generic-commune"),
        ("UBND các phường, xã", "UBND các phường, xã", "generic-commune"),
        (
            "Chủ tịch UBND các huyện, thị xã, thành phố",
            "Chủ tịch UBND các huyện, thị xã, thành phố",
            "generic-district",
        ),
        ("các sở, ban, ngành", "các sở, ban, ngành", "group"),
        ("Người đứng đầu cơ quan, đơn vị thuộc huyện", "Người đứng đầu cơ quan, đơn vị thuộc huyện", "group"),
        ("Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Giám đốc Sở Văn hóa, Thể thao và Du lịch", "province"),
        ("Phòng Tổ chức Hành chính", "Phòng Tổ chức Hành chính", None),
    ],
)
def test_canonical_unit(name: str, canonical: str, level: str | None) -> None:
    assert canonical_unit(name) == (canonical, level)


# Every lead and support cell of the dev set's assignment table, and phrasings of other provinces.
@pytest.mark.parametrize(
    ("cell", "units"),
    [
        (
            "Sở Giáo dục và Đào tạo; Sở Kế hoạch và Đầu tư; Sở Tài chính",
            ["Sở Giáo dục và Đào tạo", "Sở Kế hoạch và Đầu tư", "Sở Tài chính"],
        ),
        ("UBND cấp huyện, cấp xã", ["UBND cấp huyện", "UBND cấp xã"]),
        ("UBND cấp huyện, UBND cấp xã", ["UBND cấp huyện", "UBND cấp xã"]),
        ("UBND cấp huyện; UBND cấp xã", ["UBND cấp huyện", "UBND cấp xã"]),
        (
            "Đài Truyền thanh - Truyền hình: UBND cấp huyện",
            ["Đài Truyền thanh - Truyền hình", "UBND cấp huyện"],
        ),
        ("Sở Tài chính, UBND cấp huyện", ["Sở Tài chính", "UBND cấp huyện"]),
        ("Tổ trưởng TDP, Trưởng thôn", ["Tổ trưởng TDP", "Trưởng thôn"]),
        ("Tổ trưởng TDP, Trưởng thôn; Đoàn thể cấp xã", ["Tổ trưởng TDP", "Trưởng thôn", "Đoàn thể cấp xã"]),
        ("Thanh tra tỉnh; UBND cấp huyện, UBND cấp xã", ["Thanh tra tỉnh", "UBND cấp huyện", "UBND cấp xã"]),
        (
            "Công an tỉnh; Thanh tra tỉnh; các cơ quan liên quan.",
            ["Công an tỉnh", "Thanh tra tỉnh", "các cơ quan liên quan"],
        ),
        (
            "Các nhà mạng cung cấp dịch vụ và đơn vị có liên quan",
            ["Các nhà mạng cung cấp dịch vụ", "đơn vị có liên quan"],
        ),
        ("Sở Lao động Thương binh XH; UBND cấp xã", ["Sở Lao động Thương binh XH", "UBND cấp xã"]),
        (
            "Văn phòng UBND tỉnh; Sở Tài nguyên và Môi trường",
            ["Văn phòng UBND tỉnh", "Sở Tài nguyên và Môi trường"],
        ),
        (
            "Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã",
            ["Các sở, ban, ngành", "UBND cấp huyện", "UBND cấp xã"],
        ),
        (
            "Các Tòa thuộc Tòa án nhân dân tỉnh; Tòa án nhân dân cấp huyện",
            ["Các Tòa thuộc Tòa án nhân dân tỉnh", "Tòa án nhân dân cấp huyện"],
        ),
        (
            "Trung tâm Phục vụ HCC; UBND cấp huyện; UBND cấp xã",
            ["Trung tâm Phục vụ HCC", "UBND cấp huyện", "UBND cấp xã"],
        ),
        (
            "UBND cấp huyện; UBND cấp xã; Công an cấp huyện; Công an cấp xã",
            ["UBND cấp huyện", "UBND cấp xã", "Công an cấp huyện", "Công an cấp xã"],
        ),
        (
            "Sở Giao thông vận tải - Xây dựng; Văn phòng UBND tỉnh",
            ["Sở Giao thông vận tải - Xây dựng", "Văn phòng UBND tỉnh"],
        ),
        (
            "Các cơ quan, đơn vị có Cổng thông tin điện tử thành viên",
            ["Các cơ quan, đơn vị có Cổng thông tin điện tử thành viên"],
        ),
        (
            "Các sở, ban, ngành thuộc tỉnh; UBND cấp huyện; UBND cấp xã",
            ["Các sở, ban, ngành thuộc tỉnh", "UBND cấp huyện", "UBND cấp xã"],
        ),
        ("Sở GD&ĐT, Sở VH-TT&DL và UBND các phường, xã", ["Sở GD&ĐT", "Sở VH-TT&DL", "UBND các phường, xã"]),
        (
            "Công an tỉnh Quảng Ninh, Bộ Chỉ huy Quân sự tỉnh",
            ["Công an tỉnh Quảng Ninh", "Bộ Chỉ huy Quân sự tỉnh"],
        ),
        (
            "Sở Nông nghiệp và Môi trường; Liên đoàn Lao động tỉnh",
            ["Sở Nông nghiệp và Môi trường", "Liên đoàn Lao động tỉnh"],
        ),
        ("- Sở Tư pháp;\n- Sở Nội vụ", ["Sở Tư pháp", "Sở Nội vụ"]),
    ],
)
def test_split_cell(cell: str, units: list[str]) -> None:
    assert split_units(cell) == units


@pytest.mark.parametrize(
    "name",
    [
        "Sở Tài nguyên và Môi trường",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Lao động, Thương binh và Xã hội",
        "Văn phòng HĐND và UBND huyện",
        "Phòng Văn hóa và Thông tin huyện",
        "Sở Kế hoạch và Đầu tư",
        "các phòng, đơn vị sự nghiệp",
        "Trưởng các phòng, ban, đơn vị",
        "UBND các xã, thị trấn",
        "các cơ quan, đơn vị",
        "các sở, ban, ngành",
        "Các sở, ban, ngành thuộc tỉnh",
        "các phòng, ban, đơn vị có liên quan",
        "UBND các huyện, thị xã, thành phố",
        "Chủ tịch UBND các xã, phường, thị trấn",
        "Các đơn vị, địa phương liên quan",
        "các sở, ban, ngành, địa phương có liên quan",
        "Các cơ quan, đơn vị, địa phương",
        "Thủ trưởng các Sở, ban, ngành",
        "Trung tâm Văn hóa – Thông tin và Thể thao",
        "Phòng Cải cách hành chính, Văn thư - Lưu trữ",  # a Sở's department (QA round 15)
        "Hội đồng PBGDPL cấp huyện",  # Bà Rịa - Vũng Tàu, a plan on PAPI
        "Ủy ban bầu cử các huyện, thành phố",  # Bắc Kạn, Sở Nội vụ on the 2021 elections
        # places paired by a dash, the south's usage (Hóc Môn, TP.HCM news)
        "Chủ tịch UBND các xã - thị trấn",
        "UBND các quận - huyện liên quan",
        "các sở ngành chức năng",
        "các phòng ban chuyên môn, đơn vị sự nghiệp",  # "phòng ban" with no comma (Phù Đổng, Hà Nội)
        "Các đơn vị còn lại",  # the rest of a list: "Các đơn vị còn lại khẩn trương gửi báo cáo …"
        "đại biểu HĐND tỉnh",  # a council's deputies (Ninh Thuận, on citizen reception)
        "các cơ quan báo, đài của Thành phố",
    ],
)
def test_one_unit_stays_whole(name: str) -> None:
    assert split_units(name) == [name]


def _texts(found: list[UnitMatch] | None) -> list[str] | None:
    return None if found is None else [u.text for u in found]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Phòng Tổ chức Hành chính: Tăng cường công tác thông tin", ["Phòng Tổ chức Hành chính"]),
        ("Phòng Kiểm soát thủ tục hành chính: Chủ trì tham mưu", ["Phòng Kiểm soát thủ tục hành chính"]),
        (
            "Ban Biên tập Cổng Thông tin điện tử tỉnh: Chủ trì theo dõi",
            ["Ban Biên tập Cổng Thông tin điện tử tỉnh"],
        ),
        ("Trung tâm Phục vụ Hành chính công: Đẩy mạnh", ["Trung tâm Phục vụ Hành chính công"]),
        ("3. Sở Nội vụ", ["Sở Nội vụ"]),
        ("Phòng Tư pháp huyện chủ trì, phối hợp với các phòng, ban", ["Phòng Tư pháp huyện"]),
        ("UBND cấp huyện chủ động trong xây dựng và triển khai kế hoạch thanh tra", ["UBND cấp huyện"]),
        ("UBND cấp xã phát huy vai trò giám sát", ["UBND cấp xã"]),
        (
            "b) Sở Tài nguyên và Môi trường, Sở Giao thông vận tải - Xây dựng, UBND cấp huyện, cấp xã tập trung đổi mới",
            [
                "Sở Tài nguyên và Môi trường",
                "Sở Giao thông vận tải - Xây dựng",
                "UBND cấp huyện",
                "UBND cấp xã",
            ],
        ),
        (
            "2. Thủ trưởng các Sở, ban, ngành; Chủ tịch UBND các huyện, thị xã, thành phố và Chủ tịch UBND các xã, phường, thị trấn",
            [
                "Thủ trưởng các Sở, ban, ngành",
                "Chủ tịch UBND các huyện, thị xã, thành phố",
                "Chủ tịch UBND các xã, phường, thị trấn",
            ],
        ),
        (
            "5. Báo Lào Cai, Đài Phát thanh - Truyền hình tỉnh",
            ["Báo Lào Cai", "Đài Phát thanh - Truyền hình tỉnh"],
        ),
        ("Trưởng các phòng, ban, đơn vị: Trực tiếp chỉ đạo", ["Trưởng các phòng, ban, đơn vị"]),
        ("Giao Thanh tra Sở: tham mưu kịp thời", ["Thanh tra Sở"]),
        ("Giao Văn phòng: Chủ trì tham mưu lãnh đạo Sở", ["Văn phòng"]),
        (
            "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lào Cai",
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lào Cai"],
        ),
        (
            "- Thủ trưởng các ngành, địa phương cần tăng cường công tác kiểm tra",
            ["Thủ trưởng các ngành, địa phương"],
        ),
        (
            "- Chủ tịch UBND cấp xã, Chủ tịch UBND cấp huyện phải thường xuyên",
            ["Chủ tịch UBND cấp xã", "Chủ tịch UBND cấp huyện"],
        ),
        (
            "UBND huyện yêu cầu các cơ quan, đơn vị, UBND các xã, thị trấn đặc biệt là các cơ quan theo dõi",
            ["các cơ quan, đơn vị", "UBND các xã, thị trấn"],
        ),
        (
            "UBND huyện đề nghị Ủy ban MTTQ Việt Nam huyện hướng dẫn MTTQ các xã, thị trấn",
            ["Ủy ban MTTQ Việt Nam huyện"],
        ),
        ("Đối với nội dung Cải cách thể chế, Phòng Tư pháp huyện chủ trì, phối hợp", ["Phòng Tư pháp huyện"]),
        (
            "Về nội dung Chỉ số Hài lòng (SIPAS), các cơ quan, đơn vị, UBND các xã, thị trấn có trách nhiệm chỉ đạo",
            ["các cơ quan, đơn vị", "UBND các xã, thị trấn"],
        ),
        (
            "Trong đó chỉ rõ: Người đứng đầu cơ quan, đơn vị thuộc huyện, Chủ tịch UBND các xã, thị trấn xác định rõ",
            ["Người đứng đầu cơ quan, đơn vị thuộc huyện", "Chủ tịch UBND các xã, thị trấn"],
        ),
        ("Văn phòng HĐND và UBND huyện chủ trì, phối hợp", ["Văn phòng HĐND và UBND huyện"]),
        ("Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính", ["Sở Nông nghiệp và Môi trường"]),
        ("UBND các phường, xã có trách nhiệm", ["UBND các phường, xã"]),
        ("Công an tỉnh Quảng Ninh chủ trì", ["Công an tỉnh Quảng Ninh"]),
        ("Bộ Chỉ huy Quân sự tỉnh phối hợp", ["Bộ Chỉ huy Quân sự tỉnh"]),
        ("Liên đoàn Lao động tỉnh tuyên truyền", ["Liên đoàn Lao động tỉnh"]),
        ("Sở GD&ĐT chủ trì", ["Sở GD&ĐT"]),
        ("Sở VH-TT&DL hướng dẫn", ["Sở VH-TT&DL"]),
        ("a) Các cấp, các ngành tiếp tục thực hiện tốt", None),
        ("cả hệ thống chính trị vào cuộc", None),
        ("toàn thể cán bộ, đảng viên và Nhân dân", None),
        ("Tăng cường công tác kiểm tra, giám sát", None),
        ("Phòng, chống tham nhũng", None),
        ("Ban hành hoặc kiến nghị cơ quan có thẩm quyền", None),
        ("NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN", None),
        # the offices of 2025's reorganisation (QA round 4): regional treasuries and the province's tax
        ("Kho bạc Nhà nước khu vực VIII hướng dẫn lập dự toán", ["Kho bạc Nhà nước khu vực VIII"]),
        ("Thuế tỉnh Đắk Lắk, Bảo hiểm xã hội tỉnh: đẩy mạnh", ["Thuế tỉnh Đắk Lắk", "Bảo hiểm xã hội tỉnh"]),
        ("Thuế thu nhập cá nhân tăng 5%", None),  # the tax, not the office
        ("Hiệp hội Doanh nghiệp tỉnh, Hội Doanh nhân trẻ tỉnh phối hợp",
         ["Hiệp hội Doanh nghiệp tỉnh", "Hội Doanh nhân trẻ tỉnh"]),
        ("đồng chí Chủ tịch UBND xã mong muốn", None),  # an honorific is not a unit's first word…
        # heads of hamlets and quarters (QA rounds 4 and 6)
        ("Trưởng các ấp tổ chức họp dân", ["Trưởng các ấp"]),
        ("Trưởng khu phố tổ chức họp dân", ["Trưởng khu phố"]),
        ("Trưởng ấp tổ chức họp dân", ["Trưởng ấp"]),
        # a known office's name whose fields go on after a comma (QA round 4)
        ("Phòng Cải cách hành chính, Văn thư và Lưu trữ (Sở Nội vụ) chủ trì",
         ["Phòng Cải cách hành chính, Văn thư và Lưu trữ"]),
        ("Phòng Cải cách hành chính, Sở Nội vụ chủ trì", ["Phòng Cải cách hành chính", "Sở Nội vụ"]),
        ("Ban Quản lý các khu công nghiệp tỉnh tổ chức gặp gỡ", ["Ban Quản lý các khu công nghiệp tỉnh"]),
        ("Trung tâm Trợ giúp pháp lý nhà nước tỉnh hướng dẫn người dân", ["Trung tâm Trợ giúp pháp lý nhà nước tỉnh"]),
        # a commune's civil servants by field, and "thành phố, thị xã" cut short in a list (QA round 5)
        ("Công chức Địa chính - Xây dựng: Giải quyết hồ sơ đất đai", ["Công chức Địa chính - Xây dựng"]),
        ("Các sở, ban, ngành, UBND các huyện, thành, thị: Căn cứ", ["Các sở, ban, ngành", "UBND các huyện, thành, thị"]),
        ("UBND các xã, thành lập tổ công tác", ["UBND các xã"]),
        # a Board's own Youth Union, then the parks' trade unions; a quarter's own bodies (QA round 7)
        ("Đoàn Thanh niên Ban và Công đoàn các khu công nghiệp hướng dẫn", ["Đoàn Thanh niên Ban",
                                                                         "Công đoàn các khu công nghiệp"]),
        ("Văn phòng HĐND và UBND huyện tham mưu", ["Văn phòng HĐND và UBND huyện"]),
        ("Ban điều hành các khu phố kiểm tra", ["Ban điều hành các khu phố"]),
        ("Tổ công nghệ số cộng đồng các khu phố hướng dẫn", ["Tổ công nghệ số cộng đồng các khu phố"]),
        # each district's and city's chairman; a numbered office; but "…tỉnh, Tỉnh đoàn" is two units
        ("Chủ tịch UBND huyện, thành phố tổ chức đối thoại", ["Chủ tịch UBND huyện, thành phố"]),
        ("UBND quận, huyện: nâng tỷ lệ hồ sơ", ["UBND quận, huyện"]),
        ("Phòng Công chứng số 1 tỉnh Quảng Ninh triển khai", ["Phòng Công chứng số 1 tỉnh Quảng Ninh"]),
        ("Ủy ban MTTQ Việt Nam tỉnh, Tỉnh đoàn Nghệ An tổ chức", ["Ủy ban MTTQ Việt Nam tỉnh", "Tỉnh đoàn Nghệ An"]),
        ("UBND cấp huyện, cấp xã triển khai", ["UBND cấp huyện", "UBND cấp xã"]),
        # "Trường" (a school) and "Trưởng" (a title) fold alike; each keeps its own kind
        ("Trường THCS Yên Thành, Trạm Y tế xã công khai", ["Trường THCS Yên Thành", "Trạm Y tế xã"]),
        ("Trưởng thôn rà soát", ["Trưởng thôn"]),
        # a commune's own heads in lower case; "trường" (a field, a school) is no title in lower case
        ("Các phòng, đơn vị thuộc UBND xã, trưởng thôn, tổ trưởng tổ dân phố căn cứ",
         ["Các phòng, đơn vị thuộc UBND xã", "trưởng thôn", "tổ trưởng tổ dân phố"]),
        ("trường và Quản trị điện tử giảm 0,5 điểm", None),
    ],
)
def test_unit_at_start(text: str, units: list[str] | None) -> None:
    assert _texts(unit_at_start(text)) == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Chủ trì, phối hợp với Sở Tư pháp tổ chức tuyên truyền", ["Sở Tư pháp"]),
        (
            "Phòng Tư pháp huyện chủ trì, phối hợp với các phòng, ban, đơn vị có liên quan; UBND các xã, thị trấn thường xuyên kiểm tra",
            ["các phòng, ban, đơn vị có liên quan", "UBND các xã, thị trấn"],
        ),
        (
            "có phương án đề xuất đơn giản hóa, đồng thời phối hợp chặt chẽ với Văn phòng Sở, tham mưu UBND tỉnh",
            ["Văn phòng Sở"],
        ),
        (
            "Phối hợp với Phòng Văn hóa và Thông tin, Văn phòng HĐND – UBND huyện, Trung tâm Văn hóa – Thông tin và Thể thao, "
            "các cơ quan báo, đài của Thành phố và các đơn vị có liên quan tăng cường công tác thông tin",
            [
                "Phòng Văn hóa và Thông tin",
                "Văn phòng HĐND – UBND huyện",
                "Trung tâm Văn hóa – Thông tin và Thể thao",
                "các cơ quan báo, đài của Thành phố",
                "các đơn vị có liên quan",
            ],
        ),
        (
            "Phối hợp với các sở, ban, ngành và chính quyền địa phương thực hiện tốt",
            ["các sở, ban, ngành", "chính quyền địa phương"],
        ),
        (
            "Chủ trì, phối hợp với các sở, ngành liên quan, UBND cấp huyện tổ chức triển khai",
            ["các sở, ngành liên quan", "UBND cấp huyện"],
        ),
        (
            "Chủ trì phối hợp với các cơ quan, đơn vị có liên quan tổ chức điều tra",
            ["các cơ quan, đơn vị có liên quan"],
        ),
        (
            "Định kỳ hàng năm khi nhận được kế hoạch điều tra phối hợp với Sở Nội vụ để kịp thời",
            ["Sở Nội vụ"],
        ),
        (
            "hướng dẫn MTTQ các xã, thị trấn phối hợp với UBND các xã, thị trấn trong việc tuyên truyền",
            ["UBND các xã, thị trấn"],
        ),
        ("Sở Y tế phối hợp với Sở GD&ĐT, Sở VH-TT&DL kiểm tra", ["Sở GD&ĐT", "Sở VH-TT&DL"]),
        ("Tăng cường phối hợp giữa các cơ quan, đơn vị, địa phương trong thực hiện", []),
    ],
)
def test_support_in(text: str, units: list[str]) -> None:
    assert support_in(text) == units


def test_find_units_in_running_text() -> None:
    text = (
        "Phòng Nội vụ huyện tham mưu UBND huyện tổ chức thực hiện, theo dõi, đôn đốc các cơ quan, đơn vị; "
        "UBND các xã, thị trấn trong việc thực hiện. Báo cáo Sở Tài chính, UBND cấp huyện, cấp xã và Tòa án tình."
    )
    found = find_units(text)
    assert [u.text for u in found] == [
        "Phòng Nội vụ huyện",
        "UBND huyện",
        "các cơ quan, đơn vị",
        "UBND các xã, thị trấn",
        "Sở Tài chính",
        "UBND cấp huyện",
        "UBND cấp xã",
        "Tòa án tình",
    ]
    for u in found:
        if u.text != "UBND cấp xã":  # restored from the elided "cấp xã"
            assert text[u.start : u.end] == u.text
    assert found[6].canonical == "UBND cấp xã" and text[found[6].start : found[6].end] == "cấp xã"
    assert [u.level for u in found[:4]] == ["district", "district", "group", "generic-commune"]


@pytest.mark.parametrize(
    "text",
    [
        "tăng cường phòng, chống tham nhũng; số liệu báo cáo",  # "phòng", "số", "báo" are not heads here
        "NHIỆM VỤ CẢI THIỆN CHỈ SỐ NỘI DUNG",  # a title in capitals
        "Các cấp, các ngành tiếp tục thực hiện",  # everyone: not a unit
        "Kế hoạch số 239/KH-UBND ngày 30/6/2022",  # a symbol, not a unit
        "Xây dựng Chính quyền điện tử, Chính quyền số",
    ],
)
def test_find_units_ignores(text: str) -> None:
    assert find_units(text) == []


@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    for u in find_units(text):
        assert 0 <= u.start <= u.end <= len(text)
    split_units(text)
    canonical_unit(text)
    unit_at_start(text)
    support_in(text)


@given(
    st.lists(
        st.sampled_from(
            [
                "Sở Nội vụ",
                "Sở Tài chính",
                "UBND cấp huyện",
                "Thanh tra tỉnh",
                "các sở, ban, ngành",
                "UBND các xã, thị trấn",
                "Sở Văn hóa, Thể thao và Du lịch",
                "Trưởng thôn",
            ]
        ),
        min_size=1,
        max_size=5,
    )
)
def test_split_joined_list(units: list[str]) -> None:
    assert split_units("; ".join(units)) == units


_GOLD = Path(__file__).resolve().parents[3] / "shared" / "eval" / "gold"


def _gold_lists():
    out = []
    for path in sorted(_GOLD.glob("*.json")):
        for task in json.loads(path.read_text(encoding="utf-8"))["tasks"]:
            for field in ("lead", "support"):
                if task[field]:
                    out.append(
                        pytest.param(task[field], id=f"{path.stem}:{field}:{'; '.join(task[field])[:40]}")
                    )
    return out


@pytest.mark.skipif(not _GOLD.is_dir(), reason="no dev set beside the repo")
@pytest.mark.parametrize("units", _gold_lists())
def test_gold_unit_lists_split_back(units: list[str]) -> None:
    """Every lead/support list of the gold records, written as a cell, splits back into itself."""
    assert split_units("; ".join(units)) == units


def test_a_bare_level_word_closes_a_group() -> None:
    # portal news of Đồng Tháp and a Quảng Trị plan: "các sở, ban, ngành tỉnh", "… chính trị - xã hội tỉnh"
    from vanban.extract.units import unit_at_start

    got = unit_at_start("các sở, ban, ngành tỉnh, UBND các huyện, thành phố tập trung khắc phục hạn chế")
    assert [u.text for u in got] == ["các sở, ban, ngành tỉnh", "UBND các huyện, thành phố"]
    got = unit_at_start("các tổ chức chính trị - xã hội tỉnh tăng cường giám sát")
    assert [u.text for u in got] == ["các tổ chức chính trị - xã hội tỉnh"]


def test_bo_phan_is_not_bo() -> None:
    # Chương Mỹ (seed 004): "Chỉ đạo các Bộ phận chuyên môn phối hợp chặt chẽ với UBND huyện"
    from vanban.extract.units import find_units

    got = [u.text for u in find_units("Chỉ đạo các Bộ phận chuyên môn phối hợp chặt chẽ với UBND huyện")]
    assert got == ["các Bộ phận chuyên môn", "UBND huyện"]
    assert [u.text for u in find_units("các Bộ, ngành Trung ương")] == ["các Bộ, ngành"]


def test_a_document_title_is_not_a_newspaper() -> None:
    from vanban.extract.units import unit_at_start

    assert unit_at_start("BÁO CÁO") is None
    assert [u.text for u in unit_at_start("Báo Lào Cai, Đài Phát thanh - Truyền hình tỉnh đẩy mạnh")] == [
        "Báo Lào Cai", "Đài Phát thanh - Truyền hình tỉnh"]


def test_party_bodies() -> None:
    from vanban.extract.units import unit_at_start

    got = unit_at_start("Đảng đoàn HĐND huyện, Ban cán sự đảng UBND huyện lãnh đạo triển khai thực hiện Kế hoạch")
    assert [u.text for u in got] == ["Đảng đoàn HĐND huyện", "Ban cán sự đảng UBND huyện"]
    assert [u.text for u in unit_at_start("Ban Thường vụ Huyện ủy lãnh đạo")] == ["Ban Thường vụ Huyện ủy"]


def test_opening_prefilter_admits_every_opening_the_parse_takes() -> None:
    """The first-token prefilter of unit_at_start is a superset of what the parse reads at
    token 0: every head as printed (and its first word in upper, title and old tone forms),
    lead-in, frame, "các" and group noun passes; look-alikes with other tones do not."""
    from vanban.extract import units as u

    def form(word: str) -> u._Form:
        return u._form(word)

    heads = [*u._DATA["heads"]["alone"], *u._DATA["heads"]["named"], *u._DATA["heads"]["role"]]
    for phrase in heads:
        first = u._TOKEN.match(phrase)
        assert first is not None
        word = first.group()
        variants = [word] if word.isupper() else [word, word.capitalize(), word.upper(), word.replace("ủy", "uỷ")]
        for v in variants:
            assert u._may_open_with(form(v)), v
    for seqs in (u._LEAD_IN, u._FRAMES, u._GROUP_NOUNS):
        for seq in seqs:
            assert u._may_open_with(form(seq[0])), seq
    assert u._may_open_with(form("các"))
    for word in ("Số", "Chỉ", "Bản", "Bố", "Tăng", "Ubnd", "“"):
        assert not u._may_open_with(form(word)), word
    assert unit_at_start("Chỉ số nội dung “Công khai, minh bạch”") is None
    assert [m.text for m in unit_at_start("- Sở Tư pháp chủ trì") or []] == ["Sở Tư pháp"]
    assert [m.text for m in unit_at_start("Uỷ ban nhân dân huyện chủ trì") or []] == ["Uỷ ban nhân dân huyện"]


@given(st.text(alphabet="-+•*–—· \t\n().1234IVXabcđSởUBND,", max_size=30))
def test_opening_regex_reads_the_bullet_as_alone(text: str) -> None:
    """_OPENING (bullet, then the first token) ends its bullet where _BULLET alone does, and
    its token is the one _TOKEN reads there."""
    from vanban.extract import units as u

    both = u._OPENING.match(text, 0, u._WINDOW)
    alone = u._BULLET.match(text, 0, u._WINDOW)
    assert both is not None and alone is not None
    assert both.start(1) == alone.end()
    tok = u._TOKEN.match(text, alone.end())
    assert both.group(2) == (tok.group() if tok else None)


def test_titles_printed_in_lower_case_in_a_list_of_addressees() -> None:
    # news prose: "yêu cầu giám đốc các sở, thủ trưởng các ban, ngành, chủ tịch UBND cấp huyện …"
    found = unit_at_start("Chủ tịch UBND tỉnh yêu cầu giám đốc các sở, thủ trưởng các ban, ngành, chủ tịch "
                          "UBND các huyện, thành phố triển khai thực hiện giải pháp.")
    assert found is not None
    assert [u.text for u in found] == ["giám đốc các sở", "thủ trưởng các ban, ngành",
                                       "chủ tịch UBND các huyện, thành phố"]
    # a title with no unit after it is no unit: "Đồng chí chủ tịch nhấn mạnh …"
    assert unit_at_start("Đồng chí chủ tịch nhấn mạnh cần triển khai thực hiện giải pháp.") is None


@pytest.mark.parametrize("name", [
    "Trung tâm Văn hóa, Thể thao và Truyền thông huyện",  # a district centre (Lào Cai, Sơn La districts)
    "Phòng Văn hóa, Thể thao và Du lịch huyện",
    "Sở Văn hóa, Thể thao và Du lịch",
])
def test_a_name_that_lists_its_fields_is_one_unit(name: str) -> None:
    found = unit_at_start(f"{name} tăng cường tuyên truyền về Chỉ số PAPI trên hệ thống truyền thanh.")
    assert found is not None and [u.text for u in found] == [name]


def test_a_head_after_a_comma_still_starts_the_next_unit() -> None:
    found = unit_at_start("Phòng Tài nguyên và Môi trường, Phòng Tư pháp và Trung tâm Y tế huyện tăng cường kiểm tra.")
    assert found is not None
    assert [u.text for u in found] == ["Phòng Tài nguyên và Môi trường", "Phòng Tư pháp", "Trung tâm Y tế huyện"]


def test_telecoms_post_and_banks_that_plans_assign_work_to() -> None:
    # digital-government plans ("Viettel Lào Cai, VNPT Lào Cai và Bưu điện tỉnh phối hợp …")
    found = unit_at_start("Viettel Lào Cai, VNPT Lào Cai và Bưu điện tỉnh phối hợp triển khai dịch vụ công trực tuyến.")
    assert found is not None and [u.text for u in found] == ["Viettel Lào Cai", "VNPT Lào Cai", "Bưu điện tỉnh"]
    found = unit_at_start("Ngân hàng Chính sách xã hội tỉnh công khai các chương trình tín dụng ưu đãi.")
    assert found is not None and [u.text for u in found] == ["Ngân hàng Chính sách xã hội tỉnh"]


@pytest.mark.parametrize("name", ["Các phòng, đơn vị thuộc Sở", "Các phòng, đơn vị trực thuộc Sở",
                                  "Trưởng các phòng, đơn vị thuộc Sở", "CÁC PHÒNG, ĐƠN VỊ THUỘC SỞ"])
def test_a_group_of_the_body_the_document_speaks_for(name: str) -> None:
    # a department's plan names its own sub-units by "thuộc Sở", the Sở bare
    found = unit_at_start(f"{name} tiếp tục quán triệt, nâng cao nhận thức của công chức.")
    assert found is not None and [u.text for u in found] == [name]


@pytest.mark.parametrize("name", [
    # names that go on in lower case after their first word, in PAPI, PCI and land-procedure plans
    "Văn phòng Đăng ký đất đai tỉnh", "Chi nhánh Văn phòng Đăng ký đất đai huyện Bảo Thắng",
    "Chi cục Bảo vệ môi trường", "Hiệp hội Doanh nghiệp tỉnh", "Ban Quản lý dự án đầu tư xây dựng huyện",
    "Trung tâm Giám sát, điều hành đô thị thông minh tỉnh", "Trung tâm Nghiên cứu phát triển và Hỗ trợ cộng đồng",
    "Ban Tiếp công dân tỉnh",
])
def test_names_going_on_in_lower_case_are_whole(name: str) -> None:
    found = unit_at_start(f"{name} kiểm tra, hướng dẫn việc thực hiện.")
    assert found is not None and [u.text for u in found] == [name]


def test_no_cut_inside_a_bracket_of_a_unit_cell() -> None:
    assert split_units("UBND huyện (Văn phòng HĐND và UBND huyện tham mưu)") == [
        "UBND huyện (Văn phòng HĐND và UBND huyện tham mưu)"]
    assert split_units("Sở Nội vụ (Ban Thi đua, Khen thưởng), Sở Tư pháp và Công an tỉnh") == [
        "Sở Nội vụ (Ban Thi đua, Khen thưởng)", "Sở Tư pháp", "Công an tỉnh"]


@pytest.mark.parametrize("text,names", [
    ("UBND tỉnh quan tâm bố trí kinh phí cho cấp xã.", ["UBND tỉnh"]),  # "quan tâm" folds like "quận"
    ("Trạm Y tế xã niêm yết giá dịch vụ khám, chữa bệnh.", ["Trạm Y tế xã"]),
    ("Báo và Phát thanh, Truyền hình Vĩnh Long đưa tin về Chỉ số PAPI.", ["Báo và Phát thanh, Truyền hình Vĩnh Long"]),
    ("Phòng Cải cách hành chính hướng dẫn các xã.", ["Phòng Cải cách hành chính"]),
])
def test_more_names_and_a_level_word_lookalike(text: str, names: list[str]) -> None:
    found = unit_at_start(text)
    assert found is not None and [u.text for u in found] == names


def test_a_case_is_no_school() -> None:
    assert [u.text for u in find_units("chấn chỉnh các trường hợp trễ hạn; các sở, ban, ngành")] == ["các sở, ban, ngành"]


@pytest.mark.parametrize("text,names", [
    ("Ủy ban MTTQ Việt Nam phường và các đoàn thể chính trị - xã hội phường tăng cường giám sát.",
     ["Ủy ban MTTQ Việt Nam phường", "các đoàn thể chính trị - xã hội phường"]),
    ("Các bệnh viện, trung tâm y tế tuyến tỉnh; Trung tâm Y tế các huyện, thị xã, thành phố cải tiến quy trình.",
     ["Các bệnh viện, trung tâm y tế tuyến tỉnh", "Trung tâm Y tế các huyện, thị xã, thành phố"]),
    ("Thủ trưởng các phòng chức năng thuộc Sở, Thủ trưởng các đơn vị trực thuộc căn cứ nhiệm vụ được giao.",
     ["Thủ trưởng các phòng chức năng thuộc Sở", "Thủ trưởng các đơn vị trực thuộc"]),
])
def test_groups_of_health_and_mass_organisations(text: str, names: list[str]) -> None:
    found = unit_at_start(text)
    assert found is not None and [u.text for u in found] == names


def test_an_honorific_before_a_title_opens_a_subject() -> None:
    # …but a subject may open with one: the title after it is the unit
    from vanban.extract.prose_tasks import subject_of

    sub = subject_of("Đồng chí Chủ tịch UBND xã mong muốn toàn thể cán bộ chung tay")
    assert sub is not None and [u.text for u in sub.units + ([sub.assigned_by] if sub.assigned_by else [])] == [
        "Chủ tịch UBND xã"]


@pytest.mark.parametrize(("text", "units"), [
    # QA round 8 (commune plans): villages and wards listed alone stand for their own governments
    ("Các thôn, tổ dân phố tổ chức họp dân", ["Các thôn, tổ dân phố"]),
    ("Các xã, phường, đặc khu chủ động rà soát thủ tục hành chính", ["Các xã, phường, đặc khu"]),
    # "các tỉnh" (other provinces) and "các khu công nghiệp" (places, not bodies) do not
    ("Các tỉnh, thành phố đều có kết quả tăng", None),
    ("Các khu công nghiệp thu hút vốn đầu tư", None),
])
def test_places_listed_alone_are_a_group(text: str, units: list[str] | None) -> None:
    assert _texts(unit_at_start(text)) == units



@pytest.mark.parametrize(("text", "units"), [
    # QA round 9: a minister's and a prosecutor's titles are one unit, no lower-case "trưởng …"
    ("Sau khi nghe báo cáo của Bộ trưởng Bộ Nội vụ, Phó Chủ tịch UBND tỉnh kết luận",
     ["Bộ trưởng Bộ Nội vụ", "Phó Chủ tịch UBND tỉnh"]),
    ("Viện trưởng Viện Kiểm sát nhân dân tỉnh chỉ đạo", ["Viện trưởng Viện Kiểm sát nhân dân tỉnh"]),
    ("Chủ tịch UBND xã, trưởng thôn, tổ trưởng tổ dân phố căn cứ", ["Chủ tịch UBND xã", "trưởng thôn", "tổ trưởng tổ dân phố"]),
])
def test_titles_ending_in_truong(text: str, units: list[str]) -> None:
    assert [u.text for u in find_units(text)] == units


@pytest.mark.parametrize(("text", "units"), [
    # QA round 10 (a ward's plan): a list of bodies goes on with places
    ("Yêu cầu các phòng, đơn vị, khu phố báo cáo kết quả", ["các phòng, đơn vị, khu phố"]),
    ("các cơ quan, đơn vị, thôn, bản triển khai", ["các cơ quan, đơn vị, thôn, bản"]),
])
def test_a_group_of_bodies_and_places(text: str, units: list[str]) -> None:
    assert [u.text for u in find_units(text)] == units


def test_a_department_named_for_two_fields_joined_by_a_dash_keeps_the_second() -> None:
    # QA round 11 (a Sở Nội vụ's letter): the second field goes on in lower case past a gazetteer name
    (u,) = unit_at_start("Phòng Cải cách hành chính - Văn thư lưu trữ làm đầu mối tổng hợp, tham mưu Giám đốc Sở")
    assert u.text == "Phòng Cải cách hành chính - Văn thư lưu trữ"


def test_a_group_qualified_by_its_low_ranking_is_one_unit() -> None:
    # QA round 12 (a chairman's conclusions on DDCI results)
    (u,) = unit_at_start("các sở, ngành, địa phương xếp hạng thấp khẩn trương xây dựng kế hoạch khắc phục")
    assert u.text == "các sở, ngành, địa phương xếp hạng thấp"


@pytest.mark.parametrize("text,unit", [
    # QA round 13 (a Sở Y tế's plan): the plural of a named body, regional offices since 2025 among them
    ("các Trung tâm Y tế khu vực nâng cao chất lượng khám bệnh", "các Trung tâm Y tế khu vực"),
    ("các Chi cục Thuế khu vực hướng dẫn kê khai thuế", "các Chi cục Thuế khu vực"),
    ("các Trường Cao đẳng Y tế kiểm tra công tác đào tạo", "các Trường Cao đẳng Y tế"),
    ("các Trạm Y tế xã, phường kiểm tra giá thuốc", "các Trạm Y tế xã, phường"),
    # a group whose first noun is printed with a capital stays a group
    ("các Sở, ban, ngành tỉnh thực hiện", "các Sở, ban, ngành tỉnh"),
])
def test_the_plural_of_a_named_body_is_one_unit(text: str, unit: str) -> None:
    (u,) = unit_at_start(text)
    assert u.text == unit


def test_a_name_does_not_run_on_into_a_document_beside_it() -> None:
    # "… chỉ đạo của Ban Thường vụ Tỉnh ủy và Văn bản số 614/UBND-VX1" (Vĩnh Phúc, QA round 15)
    assert [u.text for u in find_units("chỉ đạo của Ban Thường vụ Tỉnh ủy và Văn bản số 614/UBND-VX1")] == [
        "Ban Thường vụ Tỉnh ủy"]
