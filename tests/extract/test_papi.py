"""PAPI areas of tasks: a heading that names the area, or the words of the task itself.

Phrasings are quoted from assignment tables of real plans (Lào Cai 239/KH-UBND, 2022) and
from other provinces' PAPI plans.
"""

from __future__ import annotations

import pytest

from vanban.extract.papi import area_named, classify_area, current_areas, document_areas


@pytest.mark.parametrize("heading,area", [
    ("1.1. Chỉ số nội dung “Tham gia của người dân ở cấp cơ sở”:", 1),
    ("1.2. Chỉ số nội dung “Công khai, minh bạch”:", 2),
    ("1.4. Chỉ số nội dung “Kiểm soát tham nhũng trong khu vực công”:", 4),
    ("1.6. Chỉ số nội dung “cung ứng dịch vụ công”:", 6),
    ("8. Nội dung 8: Quản trị điện tử", 8),
    ("II. QUẢN TRỊ MÔI TRƯỜNG", 7),
])
def test_area_named_in_heading(heading: str, area: int) -> None:
    assert area_named(heading) == area


def test_heading_without_area() -> None:
    assert area_named("2.1. Công tác lãnh đạo, chỉ đạo") is None


@pytest.mark.parametrize("task,area", [
    ("Lập sổ ghi, chép đầy đủ các khoản đóng góp tự nguyện của địa phương.", 1),
    ("Công khai minh bạch thu, chi ngân sách cấp xã", 2),
    ("Thực hiện công tác tiếp công dân định kỳ, giải quyết những vướng mắc, phản ánh, kiến nghị, "
     "khiếu nại, tố cáo của công dân", 3),
    ("Tuyên truyền sâu rộng Luật phòng, chống tham nhũng trong cán bộ, công chức, viên chức và người dân.", 4),
    ("Kiểm tra, thực hiện đúng quy trình giải quyết TTHC, phí, lệ phí đối với thủ tục cấp phép xây dựng", 5),
    ("Tiếp tục thực hiện việc cung cấp nước sạch cho người dân", 6),
    ("Tăng cường công tác kiểm tra, thanh tra xả thải chất độc hại gây ô nhiễm môi trường", 7),
    ("Thực hiện có hiệu quả dịch vụ công trực tuyến mức độ 3, 4", 8),
    # another province's wording (Quảng Ninh-style plan): the vocabulary, not the phrasing, decides
    ("Nâng cao tỷ lệ hồ sơ thanh toán trực tuyến qua Cổng Dịch vụ công quốc gia", 8),
])
def test_classify_by_vocabulary(task: str, area: int) -> None:
    got, why = classify_area(task, 2022)
    assert got == area and why


def test_classifier_says_nothing_without_evidence() -> None:
    assert classify_area("Tổ chức thực hiện tốt các nội dung của Kế hoạch này", 2022) == (None, "")


def test_areas_follow_the_survey_years() -> None:
    assert [a.number for a in current_areas(2016)] == [1, 2, 3, 4, 5, 6]
    assert [a.number for a in current_areas(2022)] == [1, 2, 3, 4, 5, 6, 7, 8]
    # before 2018 the environment had no area of its own
    assert classify_area("Tăng cường công tác kiểm tra xả thải gây ô nhiễm môi trường", 2016)[0] != 7


def test_document_areas_default_to_the_year_when_only_papi_is_named() -> None:
    assert document_areas("Kế hoạch cải thiện Chỉ số PAPI năm 2022", 2022) == list(range(1, 9))
    assert document_areas("Kế hoạch cải cách hành chính năm 2022", 2022) == []
