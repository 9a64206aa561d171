"""Portal furniture out, body in: all five seeds, line by line."""

from __future__ import annotations

import pytest

from vanban.ingest.boilerplate import furniture_mask, remove_furniture
from vanban.ingest.normalize import normalize_text

from .helpers import seed_path, squash

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


def test_mask_keeps_positions():
    lines = ["Thống kê truy cập", "Sở Nội vụ chủ trì", "Đăng nhập"]
    assert furniture_mask(lines) == [None, "Sở Nội vụ chủ trì", None]
