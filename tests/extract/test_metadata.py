"""Document metadata from headers and news layouts; plus the seed harness against the gold records."""

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from vanban.extract.citations import find_citations
from vanban.extract.indices import find_indices, find_papi_areas
from vanban.extract.metadata import extract_meta
from vanban.ingest.normalize import normalize_text


def meta(text, **kw):
    return extract_meta(normalize_text(text), **kw)


QD = """ỦY BAN NHÂN DÂN
TỈNH YÊN BÁI
-------
Số: 1530/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Yên Bái, ngày 05 tháng 7 năm 2023

QUYẾT ĐỊNH
Về việc ban hành Kế hoạch cải thiện Chỉ số PAPI năm 2023

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH YÊN BÁI

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn An
"""


def test_quyet_dinh_header():
    m = meta(QD)
    assert (m.number, m.type, m.issue_date) == ("1530/QĐ-UBND", "Quyết định", dt.date(2023, 7, 5))
    assert (m.issuer, m.province, m.province_2025) == ("UBND tỉnh Yên Bái", "Yên Bái", "Lào Cai")
    assert m.title == "Về việc ban hành Kế hoạch cải thiện Chỉ số PAPI năm 2023"
    assert m.signer == "Nguyễn Văn An"
    ev = m.evidence["number"]
    assert normalize_text(QD)[ev.start : ev.end] == "1530/QĐ-UBND"


def test_header_as_table_rows():
    # ingest writes the two-column header as table rows (seed 001 after ingest)
    m = meta(
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH SƠN LA | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 252/KH-UBND | Sơn La, ngày 11 tháng 10 năm 2022\n\nKẾ HOẠCH\n\n"
        "Tuyên truyền về cải cách hành chính để nâng cao Chỉ số PAPI năm 2022\n\nThực hiện Chỉ thị số 05-CT/TW"
    )
    assert (m.number, m.type, m.issue_date) == ("252/KH-UBND", "Kế hoạch", dt.date(2022, 10, 11))
    assert (m.issuer, m.province, m.province_2025) == ("UBND tỉnh Sơn La", "Sơn La", "Sơn La")
    assert m.title == "Tuyên truyền về cải cách hành chính để nâng cao Chỉ số PAPI năm 2022"


def test_thong_bao_of_an_office_under_its_parent():
    m = meta(
        "UBND TỈNH QUẢNG NINH\nVĂN PHÒNG\nSố: 45/TB-VPUBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Quảng Ninh, ngày 12 tháng 3 năm 2024\nTHÔNG BÁO\n"
        "Kết luận của đồng chí Chủ tịch UBND tỉnh tại cuộc họp về cải cách hành chính\n"
        "Ngày 10/3/2024, đồng chí Chủ tịch UBND tỉnh chủ trì cuộc họp."
    )
    assert (m.type, m.issuer, m.province) == ("Thông báo", "Văn phòng UBND tỉnh Quảng Ninh", "Quảng Ninh")
    assert m.title == "Kết luận của đồng chí Chủ tịch UBND tỉnh tại cuộc họp về cải cách hành chính"


def test_cong_van_of_a_district_with_a_shared_name():
    m = meta(
        "ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH\nSố: 1234/UBND-VX\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Châu Thành, ngày 2 tháng 3 năm 2024\nV/v đẩy mạnh cải cách hành chính\n"
        "Kính gửi: Các cơ quan, đơn vị thuộc tỉnh Long An."
    )
    assert (m.number, m.type, m.title) == ("1234/UBND-VX", "Công văn", "đẩy mạnh cải cách hành chính")
    assert (m.issuer, m.province) == ("UBND huyện Châu Thành", "Long An")


def test_department_under_a_district_with_a_wrapped_subject():
    m = meta(
        "UBND HUYỆN BẢO THẮNG\nPHÒNG NỘI VỤ\nSố: 123/PNV\nV/v triển khai Chỉ số PAR INDEX\nnăm 2024\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBảo Thắng, ngày 02 tháng 4 năm 2024\nKính gửi: UBND các xã."
    )
    assert (m.type, m.issuer, m.province) == ("Công văn", "Phòng Nội vụ huyện Bảo Thắng", "Lào Cai")
    assert m.title == "triển khai Chỉ số PAR INDEX năm 2024"


def test_chi_thi_of_a_city_with_a_caps_title():
    m = meta(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 07/CT-UBND\nHà Nội, ngày 15 tháng 5 năm 2023\nCHỈ THỊ\n"
        "VỀ VIỆC NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH\nNĂM 2023\n"
        "Trong những năm qua, công tác cải cách hành chính của Thành phố đạt nhiều kết quả."
    )
    assert (m.type, m.issuer, m.province) == ("Chỉ thị", "UBND thành phố Hà Nội", "Hà Nội")
    assert m.title == "VỀ VIỆC NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"


def test_letter_without_header_spelt_from_its_symbol():
    # seed 002: no issuing-body lines; "SVHTTDL" is spelt out in the body, the place line gives the province
    m = meta(
        "Số: /SVHTTDL-VP\nV/v tập trung đẩy mạnh nhằm cải thiện, nâng\ncao chỉ số chỉ đạo điều hành\n\n"
        "Lai Châu, ngày 13 tháng 6 năm 2023\n\nKính gửi: Trưởng các phòng, đơn vị trực thuộc Sở.\n\n"
        "Giám đốc Sở Văn hóa, Thể thao và Du lịch yêu cầu các phòng, đơn vị sự nghiệp thực hiện nghiêm"
    )
    assert (m.number, m.type, m.issue_date) == ("/SVHTTDL-VP", "Công văn", dt.date(2023, 6, 13))
    assert m.issuer == "Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu"
    assert m.title == "tập trung đẩy mạnh nhằm cải thiện, nâng cao chỉ số chỉ đạo điều hành"


def test_news_items():
    m = meta(
        "Trang chủ\nTIN TỨC - SỰ KIỆN\nSở Nội vụ tỉnh Yên Bái triển khai nâng cao Chỉ số PAPI năm 2023\n"
        "Cập nhật: 15/08/2023 09:30\nNgày 14/8, Sở Nội vụ tổ chức hội nghị..."
    )
    assert (m.number, m.type, m.issue_date) == (None, "Tin bài", dt.date(2023, 8, 15))
    assert (m.issuer, m.province, m.title) == (
        "Sở Nội vụ tỉnh Yên Bái",
        "Yên Bái",
        "Sở Nội vụ tỉnh Yên Bái triển khai nâng cao Chỉ số PAPI năm 2023",
    )
    # seed 004: the headline opens with a district; the body names who issued the plan
    m = meta(
        "TIN CẢI CÁCH HÀNH CHÍNH\n\nChương Mỹ triển khai các nhiệm vụ nâng cao các Chỉ số năm 2024\n"
        "Ngày đăng 10/06/2024 | 11:03 | Lượt xem: 62\n\nTừ đầu năm đến nay, UBND huyện đã ban hành nhiều văn bản. "
        "Mới đây, ngày 07/6 UBND huyện Chương Mỹ ban hành Kế hoạch số 284/KH-UBND về tiếp tục."
    )
    assert (m.issue_date, m.issuer, m.province) == (dt.date(2024, 6, 10), "UBND huyện Chương Mỹ", "Hà Nội")
    # no publication line: no date (a date in the body is not the publication date)
    m = meta(
        "Phù Yên: Tuyên truyền về cải cách hành chính năm 2022\nLượt xem: 194\nThực hiện Kế hoạch số 252/KH-UBND ngày 11/10/2022"
    )
    assert (m.issue_date, m.issuer, m.province) == (None, "UBND huyện Phù Yên", "Sơn La")


# ---------------------------------------------------------------- the seeds against their gold records

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS, GOLD, SCORER = SHARED / "seeds", SHARED / "eval" / "gold", SHARED / "eval" / "score.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("vanban_eval_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _record(path: Path) -> dict:
    text = normalize_text(path.read_text(encoding="utf-8"))
    m = extract_meta(text)
    cites = find_citations(text, doc_date=m.issue_date, own_number=m.number)
    return {
        "source": path.name,
        "doc": {
            k: (str(v) if isinstance(v, dt.date) else v)
            for k, v in m.model_dump(exclude={"evidence"}).items()
        },
        "references": [
            {"number": c.number, "type": c.type, "date": c.date and c.date.isoformat()} for c in cites
        ],
        "indices": find_indices(text),
        "papi_dimensions": find_papi_areas(text),
        "tasks": [],
    }


@pytest.mark.skipif(
    not SCORER.exists() or not SEEDS.exists(), reason="../shared (seeds, gold, scorer) not present"
)
def test_seeds_against_gold(capsys):
    score = _scorer()
    gold = {}
    for p in sorted(GOLD.glob("*.json")):
        rec = json.loads(p.read_text(encoding="utf-8"))
        gold[rec.get("source") or p.stem + ".txt"] = {k: v for k, v in rec.items() if k != "tasks"}
    pred = {p.name: _record(p) for p in sorted(SEEDS.glob("*.txt")) if p.name in gold}
    result = score.score(gold, pred, verbose=True)
    with capsys.disabled():
        print()
        for note in result["notes"]:
            print("  -", note)
        print(
            f"  doc_fields={result['doc_fields_all']} {result['doc_fields']}\n"
            f"  references_f1={result['references']['f1']} reference_dates={result['reference_dates']}\n"
            f"  indices_f1={result['indices']['f1']} papi_dimensions_f1={result['papi_dimensions']['f1']}"
        )
    assert result["doc_fields_all"] >= 0.95
    assert result["references"]["f1"] >= 0.95
    assert result["indices"]["f1"] == 1.0
    assert result["papi_dimensions"]["f1"] >= 0.9


def test_headline_subject_stops_before_its_verb() -> None:
    # a provincial portal's headline (Quảng Trị style): "UBND tỉnh triển khai …" is UBND tỉnh
    from vanban.extract.metadata import extract_meta

    meta = extract_meta("UBND tỉnh triển khai nâng cao Chỉ số PAPI năm 2024\n\nNgày đăng: 20/03/2024\n\n"
                        "Ngày 18/3, UBND tỉnh Quảng Trị ban hành Kế hoạch số 60/KH-UBND về nâng cao Chỉ số PAPI.")
    assert meta.issuer == "UBND tỉnh Quảng Trị" and meta.province == "Quảng Trị"


def test_a_department_under_its_provinces_header_line() -> None:
    # a department's letter (Thừa Thiên Huế): "SỞ NỘI VỤ" folds like "Số", and is the issuer
    from vanban.extract.metadata import extract_meta

    meta = extract_meta("UBND TỈNH THỪA THIÊN HUẾ\n\nSỞ NỘI VỤ\n\nSố: 1520/SNV-CCHC\n\n"
                        "V/v tăng cường các giải pháp nâng cao Chỉ số SIPAS năm 2023\n\n"
                        "Thừa Thiên Huế, ngày 03 tháng 8 năm 2023\n\nKính gửi: Các cơ quan, đơn vị thuộc tỉnh.")
    assert meta.issuer == "Sở Nội vụ tỉnh Thừa Thiên Huế"
    assert (meta.province, meta.province_2025) == ("Thừa Thiên Huế", "Huế")
    assert meta.number == "1520/SNV-CCHC" and meta.type == "Công văn"


def test_a_party_committees_plan() -> None:
    # a Huyện ủy's Kế hoạch (Phù Yên, Sơn La): party numbering, the subject line under the caps type line
    from vanban.extract.metadata import extract_meta
    from vanban.ingest.read import ingest_bytes

    doc = ingest_bytes("ĐẢNG BỘ TỈNH SƠN LA\nHUYỆN ỦY PHÙ YÊN\n*\nSố 45-KH/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
                       "Phù Yên, ngày 12 tháng 4 năm 2023\nKẾ HOẠCH\n"
                       "lãnh đạo nâng cao Chỉ số PAPI trên địa bàn huyện năm 2023\n".encode(), "kh.txt")
    meta = extract_meta(doc.text)
    assert (meta.number, meta.type, meta.issuer, meta.province) == ("45-KH/HU", "Kế hoạch", "Huyện ủy Phù Yên", "Sơn La")
    assert meta.title == "lãnh đạo nâng cao Chỉ số PAPI trên địa bàn huyện năm 2023"


def test_header_columns_printed_on_one_line_are_read_apart():
    # pypdfium2's text of corpus/samples/001_kh239_laocai_phuluc.pdf puts the issuer's column
    # and the motto's side by side; the issuer was read as "UBND cộng hòa xã Hội Chủ Nghĩa…"
    m = meta("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
             "Số: 239/KH-UBND Lào Cai, ngày 30 tháng 6 năm 2022\n\n"
             "NHIỆM VỤ CẢI THIỆN CHỈ SỐ NỘI DUNG VÀ NỘI DUNG THÀNH PHẦN THUỘC CHỈ SỐ PAPI TỈNH\n")
    assert m.issuer == "UBND tỉnh Lào Cai"
    assert m.number == "239/KH-UBND" and m.issue_date == dt.date(2022, 6, 30)
    m = meta("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc\n"
             "Số: 12/KH-UBND Lào Cai, ngày 3 tháng 2 năm 2023\nKẾ HOẠCH\nTriển khai công tác cải cách hành chính\n")
    assert m.issuer == "UBND tỉnh Lào Cai"
    assert m.title == "Triển khai công tác cải cách hành chính"


def test_motto_in_running_text_is_no_column():
    m = meta("UBND TỈNH SƠN LA\nSố: 5/BC-UBND\nSơn La, ngày 1 tháng 3 năm 2024\nBÁO CÁO\nKết quả thực hiện\n"
             "Thực hiện Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam, UBND tỉnh báo cáo như sau.\n")
    assert m.issuer == "UBND tỉnh Sơn La"


def test_a_caps_title_printed_with_a_blank_line_inside():
    # pypdfium2's text of corpus/samples/001_kh239_laocai_phuluc.pdf: the title's last line
    # stands after a blank line, then the appendix's "(Kèm theo …)" line
    m = meta("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
             "Số: 239/KH-UBND Lào Cai, ngày 30 tháng 6 năm 2022\n\n"
             "NHIỆM VỤ CẢI THIỆN CHỈ SỐ NỘI DUNG VÀ NỘI DUNG THÀNH PHẦN THUỘC CHỈ SỐ PAPI TỈNH\n\n"
             "LÀO CAI NĂM 2022\n\n"
             "(Kèm theo Kế hoạch số 239/KH-UBND ngày 30 tháng 6 năm 2022 của UBND tỉnh Lào Cai)\n")
    assert m.title == ("NHIỆM VỤ CẢI THIỆN CHỈ SỐ NỘI DUNG VÀ NỘI DUNG THÀNH PHẦN THUỘC CHỈ SỐ PAPI TỈNH "
                       "LÀO CAI NĂM 2022")


@pytest.mark.parametrize("after", [
    "I. MỤC ĐÍCH, YÊU CẦU",  # the body's first section
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",  # a Quyết định's authority line
    "QUYẾT ĐỊNH:",
    "PHỤ LỤC I",
])
def test_a_caps_line_after_a_blank_that_is_no_title_tail(after):
    m = meta("UBND TỈNH LAI CHÂU\nSố: 17/KH-UBND\nLai Châu, ngày 5 tháng 1 năm 2024\n\n"
             f"KẾ HOẠCH\n\nNÂNG CAO CHỈ SỐ PAPI NĂM 2024\n\n{after}\n\nNội dung.\n")
    assert m.title == "NÂNG CAO CHỈ SỐ PAPI NĂM 2024"


@pytest.mark.parametrize("stamp", ["13:54 02-05-2019 | :312", "Thứ Năm, 02/05/2019, 13:54"])
def test_a_news_items_unlabelled_time_stamp_is_its_publication_date(stamp):
    # a television portal's article (Lào Cai) prints its time and date with no "Ngày đăng"
    m = meta(f"Triển khai đồng bộ các giải pháp nâng cao chất lượng chỉ số PAPI\n\n{stamp}\n\n"
             "UBND tỉnh Lào Cai vừa ban hành kế hoạch nhằm cải thiện chỉ số PAPI tỉnh Lào Cai năm 2019.")
    assert (m.type, m.issue_date) == ("Tin bài", dt.date(2019, 5, 2))
    assert m.title == "Triển khai đồng bộ các giải pháp nâng cao chất lượng chỉ số PAPI"
    # a date in the body with no time is not a stamp
    m = meta("Triển khai các giải pháp nâng cao chỉ số PAPI\n\nNgày 02/5/2019, UBND tỉnh Lào Cai ban hành kế hoạch.")
    assert m.issue_date is None


def test_a_subject_line_wrapped_before_a_capitalised_word():
    # a district letter's "V/v" line wrapped in the header's narrow column before "PAPI"
    from vanban.ingest.read import ingest_bytes

    text = ("ỦY BAN NHÂN DÂN\nHUYỆN MƯỜNG KHƯƠNG\nSố: 300/UBND-NV\nV/v thực hiện các giải pháp nâng cao Chỉ số\n"
            "PAPI năm 2024\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Mường Khương, ngày 02 tháng 5 năm 2024\nKính gửi: Các cơ quan, đơn vị thuộc UBND huyện.\n"
            "Để cải thiện Chỉ số PAPI năm 2024, UBND huyện đề nghị các cơ quan, đơn vị thực hiện tốt các nội dung.\n")
    doc = ingest_bytes(text.encode(), "cv.txt")
    m = extract_meta(doc.text)
    assert m.title == "thực hiện các giải pháp nâng cao Chỉ số PAPI năm 2024"
    # the body right under the subject line is not part of it
    doc = ingest_bytes("Số: 12/UBND-NV\nV/v triển khai Chỉ số PAPI\nThực hiện Kế hoạch số 5/KH-UBND, UBND huyện "
                       "đề nghị các xã thực hiện.\n".encode(), "cv2.txt")
    assert extract_meta(doc.text).title == "triển khai Chỉ số PAPI"


def test_a_unit_advising_another_to_issue_is_no_issuer():
    m = meta("Thanh Hà: Hội nghị triển khai nhiệm vụ nâng cao Chỉ số PAPI năm 2024\nNgày đăng: 22/02/2024\n"
             "Thứ hai, Phòng Nội vụ tham mưu UBND huyện ban hành kế hoạch kiểm tra công tác cải cách hành chính.")
    assert m.issuer != "Phòng Nội vụ tham mưu UBND huyện"


def test_a_news_items_lead_sentence_names_its_acting_body_and_the_stamp_shares_a_row():
    # a provincial portal: the date and the view count on one row, the lead opens with a time
    m = meta("Trang chủ » Tin tức » Kinh tế\n\nCông bố kết quả Chỉ số DDCI Đồng Nai năm 2024\n"
             "12/03/2025 10:05  |  Lượt xem: 2.031\n\n(dongnai.gov.vn) Sáng 11/3, UBND tỉnh Đồng Nai phối hợp "
             "với Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI) tổ chức Hội nghị công bố Chỉ số DDCI.")
    assert (m.issue_date, m.issuer, m.province) == (dt.date(2025, 3, 12), "UBND tỉnh Đồng Nai", "Đồng Nai")
    # a lead that names the body before its own "ban hành" elsewhere
    m = meta("Thanh Hà: Hội nghị triển khai nhiệm vụ nâng cao Chỉ số PAPI năm 2024\nĐăng ngày: 22/02/2024\n\n"
             "Chiều ngày 21/02/2024, UBND huyện Thanh Hà tổ chức Hội nghị triển khai nhiệm vụ nâng cao Chỉ số "
             "PAPI năm 2024.\nNăm 2023, UBND huyện đã ban hành Kế hoạch số 15/KH-UBND về cải cách hành chính.")
    assert m.issuer == "UBND huyện Thanh Hà"


def test_a_subject_longer_than_a_body_line_under_its_type_heading() -> None:
    # QA round 7: a 224-character trích yếu on one line under "KẾ HOẠCH" had ended the header
    title = ("Thực hiện các nhiệm vụ, giải pháp cải thiện Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và Chỉ số năng "
             "lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI) năm 2025 của Ban Quản lý Khu kinh tế Nghi Sơn "
             "và các khu công nghiệp")
    assert len(title) > 220
    m = meta(f"UBND TỈNH THANH HÓA\nBAN QUẢN LÝ KHU KINH TẾ\nSố: 1126/KH-BQLKKTNS&KCN\n"
             f"Thanh Hóa, ngày 05 tháng 3 năm 2025\n\nKẾ HOẠCH\n{title}\n\nCăn cứ Quyết định số 675/QĐ-UBND.\n")
    assert (m.number, m.title) == ("1126/KH-BQLKKTNS&KCN", title)


def test_after_the_merger_a_document_belongs_to_the_new_province():
    # October 2025: phường Trà Vinh is in Vĩnh Long; before July 2025 Trà Vinh was a province
    head = "ỦY BAN NHÂN DÂN\nPHƯỜNG TRÀ VINH\nSố: 87/KH-UBND\nTrà Vinh, ngày 20 tháng 10 năm 2025\n\nKẾ HOẠCH\nVề PAPI\n"
    m = meta(head)
    assert (m.issuer, m.province, m.province_2025) == ("UBND phường Trà Vinh", "Vĩnh Long", "Vĩnh Long")
    m = meta(head.replace("năm 2025", "năm 2024").replace("PHƯỜNG", "THÀNH PHỐ"))
    assert (m.province, m.province_2025) == ("Trà Vinh", "Vĩnh Long")


def test_a_headline_led_by_the_bodys_head_names_the_body():
    # a provincial newspaper (QA round 4): "Chủ tịch UBND tỉnh …" acts for UBND tỉnh; the
    # chairman's name after the body's is no place
    m = meta("Chủ tịch UBND tỉnh yêu cầu nâng cao Chỉ số DDCI năm 2024\nCập nhật lúc 14:20 ngày 20/05/2024\n\n"
             "Để khắc phục hạn chế, Chủ tịch UBND tỉnh Lâm Đồng yêu cầu các sở, ngành chủ động rà soát.")
    assert (m.issue_date, m.issuer) == (dt.date(2024, 5, 20), "UBND tỉnh Lâm Đồng")
    m = meta("Chủ tịch UBND tỉnh Võ Văn Minh chỉ đạo nâng cao Chỉ số PCI\nCập nhật: 20/05/2024\n\n"
             "Các sở, ngành tỉnh Bình Dương chủ động rà soát các chỉ số thành phần.")
    assert m.issuer == "UBND tỉnh Bình Dương"


def test_a_stamp_whose_time_stands_in_the_next_cell():
    # "Ngày 25/04/2024 | 09:50 | Lượt xem: 415" (the counter is page furniture, cut by ingest)
    m = meta("CẢI CÁCH HÀNH CHÍNH\n\nChỉ số PAPI năm 2023 của tỉnh Kon Tum tăng 7 bậc\nNgày 25/04/2024 | 09:50\n\n"
             "Theo Báo cáo Chỉ số PAPI năm 2023 do UNDP công bố ngày 16/4/2024, tỉnh Kon Tum đạt 42,73 điểm.")
    assert m.issue_date == dt.date(2024, 4, 25)


def test_a_portal_header_table_runs_two_lines_of_a_column_together():
    # a Sở's letter pasted into a portal page as a table (QA round 4): "UBND TỈNH GIA LAI<br>SỞ NỘI
    # VỤ" and "Số: …<br>V/v …" each reach the text as one line of a cell
    m = meta("UBND TỈNH GIA LAI SỞ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
             "Số: 1876/SNV-CCHC V/v hướng dẫn triển khai đo lường sự hài lòng (SIPAS) năm 2025 | Gia Lai, ngày 02 "
             "tháng 10 năm 2025\n\nKính gửi: UBND các xã, phường.\n")
    assert (m.number, m.issuer, m.province) == ("1876/SNV-CCHC", "Sở Nội vụ tỉnh Gia Lai", "Gia Lai")
    assert m.title == "hướng dẫn triển khai đo lường sự hài lòng (SIPAS) năm 2025"


def test_a_title_ending_on_tiep_theo_does_not_run_into_the_legal_basis():
    from vanban.ingest.read import ingest_bytes

    text = ("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 187/KH-UBND\nTuyên Quang, ngày 22 tháng 8 năm 2025\n\nKẾ HOẠCH\n"
            "Nâng cao Chỉ số PAPI tỉnh Tuyên Quang năm 2025 và những năm tiếp theo\n\n"
            "Căn cứ Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội;\n")
    m = extract_meta(ingest_bytes(text.encode(), "kh.txt").text)
    assert m.title == "Nâng cao Chỉ số PAPI tỉnh Tuyên Quang năm 2025 và những năm tiếp theo"


def test_a_party_directives_issuer_line_under_its_type_is_no_title():
    # "CHỈ THỊ" / "CỦA BAN THƯỜNG VỤ THÀNH ỦY" / "về …" (QA round 6)
    m = meta("ĐẢNG BỘ TỈNH LÂM ĐỒNG\nTHÀNH ỦY BẢO LỘC\nSố 12-CT/TU\nBảo Lộc, ngày 05 tháng 8 năm 2024\n\nCHỈ THỊ\n"
             "CỦA BAN THƯỜNG VỤ THÀNH ỦY\nvề tăng cường sự lãnh đạo của Đảng đối với công tác cải cách hành chính\n\n"
             "Ban Thường vụ Thành ủy yêu cầu các cấp ủy thực hiện tốt các nội dung sau:\n")
    assert m.title == "về tăng cường sự lãnh đạo của Đảng đối với công tác cải cách hành chính"


def test_the_province_of_a_district_named_only_in_the_body() -> None:
    # QA round 9 (a commune's plan whose header names only the commune)
    text = ("ỦY BAN NHÂN DÂN\nXÃ PHÚC SƠN\nSố: 45/KH-UBND\nPhúc Sơn, ngày 10 tháng 3 năm 2024\nKẾ HOẠCH\n"
            "Cải thiện Chỉ số PAPI năm 2024\nThực hiện Kế hoạch số 30/KH-UBND của UBND huyện Anh Sơn, UBND xã ban "
            "hành Kế hoạch như sau:\n")
    assert extract_meta(text).province == "Nghệ An"


def test_a_news_page_naming_its_province_only_in_the_page_headline() -> None:
    # QA round 10: the article says "UBND tỉnh" throughout; the page's <h1>, kept as the title
    # hint, ends "… của tỉnh Quảng Trị"
    text = ("Chiều 23/5, UBND tỉnh tổ chức hội nghị phân tích, đánh giá kết quả Chỉ số PAPI năm 2023. "
            "Phó Chủ tịch Thường trực UBND tỉnh chủ trì hội nghị.\n\nKết luận hội nghị, Phó Chủ tịch giao "
            "Sở Nội vụ tham mưu UBND tỉnh ban hành kế hoạch khắc phục trước ngày 15/6/2024.\n")
    hint = "Hội nghị phân tích, đánh giá kết quả Chỉ số PAPI, PAR INDEX, SIPAS năm 2023 của tỉnh Quảng Trị"
    m = extract_meta(text, title_hint=hint)
    assert (m.issuer, m.province) == ("UBND tỉnh Quảng Trị", "Quảng Trị")
    assert extract_meta(text).province is None


def test_a_portal_page_saying_only_ubnd_tinh_takes_its_province_from_the_portals_name() -> None:
    # QA round 11: the article says "UBND tỉnh" throughout; the banner and the footer, dropped as
    # page furniture, name the province. The headline reports a meeting: it is the title, no task.
    from vanban.extract.pipeline import extract_document
    from vanban.ingest.read import ingest_bytes

    page = (
        "<html><head><meta charset='utf-8'><title>Họp về Chỉ số SIPAS</title></head><body>"
        "<div class='banner'>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LÂM ĐỒNG</div>"
        "<div class='menu'><a href='/'>Trang chủ</a> <a href='/tin-tuc'>Tin tức</a></div>"
        "<article class='news-detail'><h1 class='title'>Phó Chủ tịch UBND tỉnh Lê Trọng Yên chủ trì họp bàn "
        "giải pháp nâng cao Chỉ số SIPAS năm 2025</h1><div class='meta'>Thứ Năm, 20/11/2025 15:30</div>"
        "<div class='sapo'><strong>Chiều 19/11, Phó Chủ tịch UBND tỉnh Lê Trọng Yên chủ trì cuộc họp nghe báo "
        "cáo về Chỉ số SIPAS năm 2025 của tỉnh và các giải pháp nâng cao mức độ hài lòng của người dân.</strong>"
        "</div><div class='content'><p>Theo báo cáo của Sở Nội vụ, năm 2024 Chỉ số SIPAS của tỉnh đạt 81,2%; "
        "Sở Nội vụ đã tham mưu tổ chức kiểm tra công tác cải cách hành chính tại 24 cơ quan, đơn vị.</p>"
        "<p>Kết luận cuộc họp, Phó Chủ tịch UBND tỉnh yêu cầu Sở Nội vụ khẩn trương hoàn thiện hồ sơ tự "
        "đánh giá, gửi Bộ Nội vụ trước ngày 30/11/2025.</p></div></article>"
        "<div class='footer'>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Lâm Đồng. Địa chỉ: 36 Trần Phú.</div>"
        "</body></html>")
    doc = ingest_bytes(page.encode(), "tin.html")
    assert doc.site_hint == "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LÂM ĐỒNG"
    ex = extract_document(doc)
    assert (ex.meta.issuer, ex.meta.province) == ("UBND tỉnh Lâm Đồng", "Lâm Đồng")
    assert [([u.text for u in t.lead], t.text[:40]) for t in ex.tasks] == [
        (["Sở Nội vụ"], "khẩn trương hoàn thiện hồ sơ tự đánh giá")]


@pytest.mark.parametrize("headline", [
    # QA round 13: a meeting's or working session's report names its body before "họp", "làm việc"
    "UBND tỉnh Quảng Ngãi họp đánh giá kết quả Chỉ số SIPAS năm 2024",
    "UBND tỉnh Quảng Ngãi làm việc với Bộ Nội vụ về Chỉ số SIPAS",
])
def test_a_meeting_headline_names_the_issuer(headline: str) -> None:
    text = (f"{headline}\n\nNgày đăng: 18/09/2024\n\nChiều 17/9, Chủ tịch UBND tỉnh Quảng Ngãi chủ trì cuộc họp. "
            "Chủ tịch UBND tỉnh yêu cầu Sở Nội vụ tham mưu kế hoạch nâng cao Chỉ số SIPAS.\n")
    assert extract_meta(text).issuer == "UBND tỉnh Quảng Ngãi"


def test_header_of_a_legal_text_site_copy_wrapped_in_narrow_cells():
    # Bình Định, 636/QĐ-UBND as a legal-text site prints it: the motto and the type heading
    # broken over lines, the enacting body's line between the title and "Căn cứ"
    from vanban.ingest.read import ingest_bytes

    text = ("ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n--------\n|\nCỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố: 636/QĐ-UBND\n|\nBình Định, ngày 21\n"
            "tháng 11 năm 2012\n|\nQUYẾT\nĐỊNH\nVỀ\nVIỆC BAN HÀNH QUY ĐỊNH VỀ THEO DÕI ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN "
            "CÔNG TÁC CẢI CÁCH\nHÀNH CHÍNH TRÊN ĐỊA BÀN TỈNH BÌNH ĐỊNH\nỦY BAN NHÂN DÂN TỈNH\n"
            "Căn cứ Luật Tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo "
            "Quyết định này Quy định về theo dõi đánh giá kết quả thực hiện công tác cải cách hành chính.\n")
    doc = ingest_bytes(text.encode(), "qd.txt")
    m = extract_meta(doc.text)
    assert (m.number, m.type, m.issue_date) == ("636/QĐ-UBND", "Quyết định", dt.date(2012, 11, 21))
    assert m.issuer == "UBND tỉnh Bình Định"
    assert m.title == ("VỀ VIỆC BAN HÀNH QUY ĐỊNH VỀ THEO DÕI ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH "
                       "CHÍNH TRÊN ĐỊA BÀN TỈNH BÌNH ĐỊNH")


def test_a_title_wrapped_after_cua_goes_on_onto_the_councils_name():
    m = meta("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/QĐ-UBND\nLào Cai, ngày 05 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\n\n"
             "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC CỦA\n\nỦY BAN NHÂN DÂN TỈNH NHIỆM KỲ 2021 - 2026\n\n"
             "ỦY BAN NHÂN DÂN TỈNH\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n")
    assert m.title == "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN TỈNH NHIỆM KỲ 2021 - 2026"


def test_a_news_copy_without_its_headline_has_no_title():
    # a portal item copied from its first paragraph: the sentence is no headline
    m = meta("Theo đó, Sở Nội vụ đề nghị Ủy ban bầu cử các huyện, thành phố tiến hành tổng kết, đánh giá toàn diện "
             "cuộc bầu cử ở đơn vị mình, gửi báo cáo về Sở Nội vụ trước ngày 15/7.\n\nSở Nội vụ tổng hợp kết quả.")
    assert m.title is None


@pytest.mark.parametrize(("text", "issuer"), [
    # a newspaper's lead: the acting body before "vừa" and any verb
    ("Tập trung xử lý ô nhiễm\n\n23/05/2016 11:11\n\nTTO - UBND TP.HCM vừa xác định lĩnh vực trọng tâm theo dõi "
     "tình hình thi hành pháp luật năm 2016 là bảo vệ môi trường.", "UBND thành phố Hồ Chí Minh"),
    # a body named without its place still acts (a portal item of Hóc Môn, TP.HCM)
    ("Tổng vệ sinh phòng sốt xuất huyết\n\n20/7/2022 16:18\n\n(hocmon.gov.vn) Theo Công văn số 3517/UBND ngày "
     "18/7/2022, UBND huyện đề nghị các đoàn thể huyện, Thủ trưởng các phòng, ban tổ chức tổng vệ sinh.", "UBND huyện"),
    ("Tạm dừng tổ chức lễ hội\n\n14/06/2021 - 17:41\n\nNgày 14-6-2021, UBND tỉnh có Công văn số 3300/UBND-TH gửi "
     "UBND các huyện về việc tạm dừng tổ chức lễ hội.", "UBND tỉnh"),
])
def test_a_news_items_lead_names_its_acting_body(text: str, issuer: str) -> None:
    assert meta(text).issuer == issuer


def test_a_ministrys_lead_is_no_issuer_for_the_province() -> None:
    m = meta("Thành phố Huế xếp thứ 5 cả nước về Chỉ số cải cách hành chính năm 2024\n\n09/05/2025\n\nBộ Nội vụ vừa "
             "công bố Chỉ số cải cách hành chính năm 2024 của các bộ, cơ quan ngang bộ và UBND các tỉnh, thành phố.")
    assert m.issuer is None


def test_a_portal_posting_a_letter_under_its_number_date_and_subject():
    # a Sở Nội vụ's portal (Sơn La, QA round 15): the headline is the letter's own header
    m = meta("Công văn số 415/SNV-CCHC ngày 12/3/2024 V/v góp ý dự thảo hướng dẫn chấm điểm Chỉ số cải cách hành "
             "chính.\n\nĐăng ngày: 14/03/2024 09:10:00\n\nKính gửi:\n\n– Các sở, ban, ngành;\n\n"
             "Sở Nội vụ đã dự thảo Hướng dẫn chấm điểm Chỉ số cải cách hành chính năm 2024.\n")
    assert (m.number, m.type, m.issue_date) == ("415/SNV-CCHC", "Công văn", dt.date(2024, 3, 12))
    assert m.title == "góp ý dự thảo hướng dẫn chấm điểm Chỉ số cải cách hành chính"
    assert m.issuer == "Sở Nội vụ"


def test_a_portal_pages_furniture_and_bare_date_line():
    # Bắc Kạn's portal (QA round 15): a date alone on its line, font-size buttons above the headline
    m = meta("02/06/2021\nTăng cỡ chữ Giảm cỡ chữ\nSở Nội vụ đôn đốc tổng kết cuộc bầu cử đại biểu Quốc hội và đại "
             "biểu Hội đồng nhân dân các cấp\nSở Nội vụ vừa có Công văn đôn đốc tổ chức tổng kết cuộc bầu cử đại biểu "
             "Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021 - 2026 trên địa bàn tỉnh Bắc Kạn.\n")
    assert m.issue_date == dt.date(2021, 6, 2)
    assert m.title.startswith("Sở Nội vụ đôn đốc tổng kết cuộc bầu cử")


def test_a_letter_copied_without_its_header_is_a_cong_van():
    # a ministry's letter as a legal-text site prints it from "Kính gửi" on (QA round 15)
    m = meta("Kính gửi: Sở Nội vụ các tỉnh, thành phố trực thuộc Trung ương\n\nThực hiện Kế hoạch số 125/KH-BNV ngày "
             "10/5/2019 của Bộ Nội vụ, Bộ Nội vụ đề nghị Sở Nội vụ các tỉnh phối hợp triển khai một số nội dung sau:\n")
    assert m.type == "Công văn" and m.title is None


def test_a_quyet_dinh_without_its_subject_line_has_no_title():
    m = meta("ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 55/QĐ-UBND\nNinh Thuận, ngày 05 tháng 3 năm 2010\n\n"
             "Điều 1. Ban hành kèm theo Quyết định này Chương trình hành động nâng cao chỉ số năng lực cạnh tranh.\n")
    assert m.type == "Quyết định" and m.title is None
