"""Provinces and districts from the vietnamadminunits data: mentions, district → province, 2025."""

from vanban.extract.admin import (
    find_districts,
    find_provinces,
    province_2025,
    province_kind,
    province_of_district,
    province_short,
)


def test_find_provinces_prefixed_and_place_line():
    text = "Kế hoạch số 92/KH-UBND ngày 04/3/2021 của UBND tỉnh Lào Cai"
    [(s, e, name)] = find_provinces(text)
    assert name == "Lào Cai" and text[s:e] == "tỉnh Lào Cai"
    assert [p for *_, p in find_provinces("Lai Châu, ngày 13 tháng 6 năm 2023")] == ["Lai Châu"]
    assert [p for *_, p in find_provinces("của UBND thành phố Hà Nội; Sở Nội vụ TP. Hồ Chí Minh")] == [
        "Hà Nội",
        "Hồ Chí Minh",
    ]
    # a document keeps the province it names: Thừa Thiên Huế until its renaming on 1 January 2025
    assert [p for *_, p in find_provinces("UBND TỈNH THỪA THIÊN HUẾ")] == ["Thừa Thiên Huế"]
    assert [p for *_, p in find_provinces("UBND thành phố Huế")] == ["Huế"]
    assert province_2025("Thừa Thiên Huế") == "Huế"


def test_bare_name_outside_a_place_line_is_not_a_province():
    # "Hòa Bình" is also a district of Bạc Liêu; "Lào Cai" a city
    assert find_provinces("phong trào Hòa Bình phát triển") == []


def test_province_of_district():
    assert province_of_district("huyện Chương Mỹ") == "Hà Nội"  # seed 004
    assert province_of_district("huyện Phù Yên") == "Sơn La"  # seed 003
    assert province_of_district("Châu Thành") is None  # ten provinces have one
    assert province_of_district("huyện Châu Thành", "Long An") == "Long An"
    assert province_of_district("thị xã Sa Pa") == "Lào Cai"


def test_find_districts():
    text = "Uỷ ban nhân dân huyện Phù Yên ban hành Kế hoạch"
    [(s, e, label, prov)] = find_districts(text)
    assert text[s:e] == "huyện Phù Yên" and label == "huyện Phù Yên" and prov == "Sơn La"


def test_province_2025():
    assert province_2025("Yên Bái") == "Lào Cai"
    assert province_2025("Lào Cai") == "Lào Cai"
    assert province_2025("Hà Giang") == "Tuyên Quang"
    assert province_2025("Bình Dương") == "Hồ Chí Minh"
    assert province_2025("Hà Nội") == "Hà Nội"


def test_names_and_kinds():
    assert province_short("TỈNH LÀO CAI") == "Lào Cai"
    assert province_kind("Hà Nội") == "thành phố" and province_kind("Sơn La") == "tỉnh"
