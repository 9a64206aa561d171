"""Cited documents: number and symbol, type, date (after, after the issuer, before), relation."""

import datetime as dt

from vanban.extract.citations import find_citations
from vanban.extract.symbols import find_symbols, type_of_code, type_of_word
from vanban.ingest.normalize import normalize_text


def cites(text, **kw):
    return {c.number: c for c in find_citations(normalize_text(text), **kw)}


def test_symbol_forms():
    got = [
        s.number
        for s in find_symbols(
            "239/KH-UBND, 59/2019/NĐ-CP, 05-CT/TW, 08-NQ/TU, 08-ĐA/TU, 868/QĐ-TTg, 18/KH-VPUBND, "
            "73/KH-HU, Số: /SVHTTDL-VP, 1234/UBND-VX, 80/2015/QH13, 12/CTr-UBND, 15/2023/TT-BTC, 1126/KH-BQLKKTNS&KCN"
        )
    ]
    assert got == [
        "239/KH-UBND",
        "59/2019/NĐ-CP",
        "05-CT/TW",
        "08-NQ/TU",
        "08-ĐA/TU",
        "868/QĐ-TTg",
        "18/KH-VPUBND",
        "73/KH-HU",
        "/SVHTTDL-VP",
        "1234/UBND-VX",
        "80/2015/QH13",
        "12/CTr-UBND",
        "15/2023/TT-BTC",
        "1126/KH-BQLKKTNS&KCN",  # a board of a zone "and" the industrial parks
    ]
    assert find_symbols("ngày /6/2023 /Năm 2022 xếp 3/15 sở, 49/60 tỉnh") == []
    assert type_of_code("NĐ") == "Nghị định" and type_of_code("TT") == "Thông tư"
    assert type_of_code("TT", party=True) == "Thông tri"
    assert type_of_word("KẾ HOẠCH") == "Kế hoạch"


def test_plan_with_date_and_issuer():
    # seed 000
    c = cites("tại Kế hoạch số 18/KH-VPUBND ngày 19/4/2023 về cải thiện và nâng cao Chỉ số")["18/KH-VPUBND"]
    assert (c.type, c.date) == ("Kế hoạch", dt.date(2023, 4, 19))
    c = cites("theo Quyết định số 868/QĐ-TTg ngày 16/7/2018 của Thủ tướng Chính phủ, nhằm tăng")["868/QĐ-TTg"]
    assert (c.type, c.date, c.issuer) == ("Quyết định", dt.date(2018, 7, 16), "Thủ tướng Chính phủ")


def test_two_numbers_one_symbol():
    # seed 002: "Báo cáo số 198, 199/BC-UBND ngày 07/6/2023 của UBND tỉnh"
    got = cites("Báo cáo số 198, 199/BC-UBND ngày 07/6/2023 của UBND tỉnh phân tích")
    assert set(got) == {"198/BC-UBND", "199/BC-UBND"}
    assert {c.date for c in got.values()} == {dt.date(2023, 6, 7)}
    assert {c.type for c in got.values()} == {"Báo cáo"}


def test_two_full_numbers_share_the_date_after_the_last():
    # "số 812 … và số 813 … ngày 26/5/2025": one date printed for both numbers
    got = cites("Thực hiện Công văn số 812/UBND-NC và số 813/UBND-NC ngày 26/5/2025 của UBND tỉnh, Sở Nội vụ")
    assert {n: c.date for n, c in got.items()} == {
        "812/UBND-NC": dt.date(2025, 5, 26),
        "813/UBND-NC": dt.date(2025, 5, 26),
    }
    got = cites("Căn cứ Kế hoạch số 12/KH-UBND, Kế hoạch số 13/KH-UBND ngày 05/3/2025 của UBND tỉnh;")
    assert {c.date for c in got.values()} == {dt.date(2025, 3, 5)}
    # another type, or a sentence between, keeps its own (missing) date
    got = cites("Căn cứ Kế hoạch số 12/KH-UBND và Quyết định số 5/QĐ-UBND ngày 02/3/2025 của UBND tỉnh")
    assert got["12/KH-UBND"].date is None and got["5/QĐ-UBND"].date == dt.date(2025, 3, 2)
    got = cites("theo Kế hoạch số 12/KH-UBND. Kế hoạch số 7/KH-SNV ngày 02/3/2025 của Sở Nội vụ")
    assert got["12/KH-UBND"].date is None


def test_date_after_the_issuer():
    # seed 002: "Nghị quyết số 76/NQ-CP của Chính phủ ngày 15/7/2021 ban hành Chương trình"
    c = cites("quán triệt Nghị quyết số 76/NQ-CP của Chính phủ ngày 15/7/2021 ban hành Chương trình")[
        "76/NQ-CP"
    ]
    assert (c.date, c.issuer) == (dt.date(2021, 7, 15), "Chính phủ")


def test_date_before_the_type_takes_the_documents_year():
    # seed 004: the news item is dated 10/06/2024
    text = "Mới đây, ngày 07/6 UBND huyện Chương Mỹ ban hành Kế hoạch số 284/KH-UBND về tiếp tục"
    c = cites(text, doc_date=dt.date(2024, 6, 10))["284/KH-UBND"]
    assert c.date == dt.date(2024, 6, 7)
    assert cites(text)["284/KH-UBND"].date is None
    # a provincial newspaper: the chairman signs the letter ("ký"); a periodic report is no act
    text = "(BDO) Ngày 17/5/2024, Chủ tịch UBND tỉnh Võ Văn Minh ký Công văn số 2156/UBND-KT chỉ đạo các sở"
    assert cites(text)["2156/UBND-KT"].date == dt.date(2024, 5, 17)
    assert cites("ngày 15 hằng tháng báo cáo định kỳ Báo cáo số 12/BC-UBND")["12/BC-UBND"].date is None


def test_party_documents_and_type_from_the_code():
    got = cites("gắn với thực hiện Nghị quyết Trung ương 4 khóa XII và Chỉ thị 05-CT/TW của Bộ Chính trị về")
    assert list(got) == ["05-CT/TW"]  # the Nghị quyết without a number is not listed
    assert (got["05-CT/TW"].type, got["05-CT/TW"].issuer) == ("Chỉ thị", "Bộ Chính trị")
    got = cites("đã được Tỉnh ủy giao tại Nghị quyết 08-NQ/TU ngày 20/5/2021.")
    assert got["08-NQ/TU"].date == dt.date(2021, 5, 20)
    got = cites("theo đề nghị tại 45/TB-VPUBND ngày 3/3/2024")
    assert got["45/TB-VPUBND"].type == "Thông báo"


def test_relations():
    text = normalize_text(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa;\n"
        "Thực hiện Công văn số 1234/UBND-VX ngày 02/3/2024 của UBND tỉnh Yên Bái;\n"
        "Tiếp tục đẩy mạnh theo Thông báo số 45/TB-VPUBND ngày 5/3/2024 của Văn phòng UBND tỉnh."
    )
    got = {c.number: c for c in find_citations(text)}
    assert set(got) == {"61/2018/NĐ-CP", "1234/UBND-VX", "45/TB-VPUBND"}  # the Luật has no number
    assert got["61/2018/NĐ-CP"].relation == "basis"
    assert (got["1234/UBND-VX"].relation, got["1234/UBND-VX"].type) == ("implements", "Công văn")
    assert got["1234/UBND-VX"].issuer == "UBND tỉnh Yên Bái"
    assert got["45/TB-VPUBND"].relation == "mentions"
    assert got["61/2018/NĐ-CP"].issuer == "Chính phủ"


def test_own_number_furniture_and_duplicates():
    text = (
        "(Kèm theo Kế hoạch số 239/KH-UBND ngày 30 tháng 6 năm 2022 của UBND tỉnh Lào Cai)\n"
        "Cơ quan chủ quản: UBND huyện Phù Yên - Giấy phép xuất bản số:      /GP-TTĐT\n"
        "Báo cáo số 198/BC-UBND ngày 07/6/2023; Báo cáo số 198/BC-UBND ngày /6/2023 /Năm 2022\n"
        "Giấy phép số 12/GP-STTTT do Sở cấp"
    )
    got = cites(text, own_number="239/KH-UBND")
    assert list(got) == ["198/BC-UBND"]
    assert got["198/BC-UBND"].date == dt.date(2023, 6, 7)


def test_offsets():
    text = "Thực hiện Chỉ thị số 10/CT-UBND ngày 05/8/2023 của Chủ tịch UBND tỉnh Lào Cai về đẩy mạnh"
    [c] = find_citations(text)
    assert text[c.start : c.end] == "Chỉ thị số 10/CT-UBND ngày 05/8/2023 của Chủ tịch UBND tỉnh Lào Cai"
