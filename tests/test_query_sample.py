"""A small task database built through `store_extraction` from hand-made Extractions.

The phrasings are the seeds' own (shared/eval/gold): Kế hoạch 239/KH-UBND of Lào Cai and its
tasks for "Sở Nội vụ", "UBND cấp huyện", "Sở Tài nguyên và Môi trường" (once written "Sở TN&MT"),
a news item of the Văn phòng UBND tỉnh citing it, and a Lai Châu công văn.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vanban.schema.models import Citation, Deadline, DocMeta, Extraction, Task, UnitRef
from vanban.schema.store import open_db, store_extraction

TODAY = dt.date(2022, 8, 1)  # the day the tests' statuses and --overdue are measured against

SO_NOI_VU = UnitRef(text="Sở Nội vụ", canonical="Sở Nội vụ", level="province")
HUYEN = UnitRef(text="UBND cấp huyện", canonical="UBND cấp huyện", level="generic-district")
XA = UnitRef(text="UBND cấp xã", canonical="UBND cấp xã", level="generic-commune")
TNMT = UnitRef(text="Sở Tài nguyên và Môi trường", canonical="Sở Tài nguyên và Môi trường", level="province")
TNMT_SHORT = UnitRef(text="Sở TN&MT", canonical="Sở Tài nguyên và Môi trường", level="province")
VP_UBND = UnitRef(text="Văn phòng UBND tỉnh", canonical="Văn phòng UBND tỉnh", level="province")
STTTT = UnitRef(text="Sở Thông tin và Truyền thông", canonical="Sở Thông tin và Truyền thông", level="province")
KHDT = UnitRef(text="Sở Kế hoạch và Đầu tư", canonical="Sở Kế hoạch và Đầu tư", level="province")
THANH_TRA = UnitRef(text="Thanh tra tỉnh", canonical="Thanh tra tỉnh", level="province")
PHONG_TCHC = UnitRef(text="Phòng Tổ chức Hành chính", canonical="Phòng Tổ chức Hành chính", level="department")
VP_SO = UnitRef(text="Văn phòng Sở", canonical="Văn phòng Sở", level="department")


def _task(i: int, text: str, lead, support=(), deadline=None, dimension=None, label=None) -> Task:
    return Task(text=text, label=label, lead=list(lead), support=list(support), deadline=deadline,
                dimension=dimension, dimension_rule="heading" if dimension else None,
                source_kind="table" if dimension else "prose", start=100 * i, end=100 * i + 80,
                rule="test")


PLAN_TEXT = """ỦY BAN NHÂN DÂN TỈNH LÀO CAI
Số: 239/KH-UBND
KẾ HOẠCH
Cải thiện Chỉ số Hiệu quả quản trị và Hành chính công cấp tỉnh (PAPI) của tỉnh Lào Cai năm 2022

a) Tập trung rà soát, đơn giản hóa thủ tục hành chính, kiến nghị cấp có thẩm quyền cắt giảm tối đa
các thủ tục hành chính không phù hợp, không cần thiết.
Phối hợp với Sở Thông tin và Truyền thông đẩy mạnh công tác tuyên truyền, hướng dẫn người dân."""

PLAN = Extraction(
    source="corpus/seeds/001_269713fc64b6e22e.txt", name="001_269713fc64b6e22e.txt", sha256="1" * 64,
    meta=DocMeta(number="239/KH-UBND", type="Kế hoạch", issue_date=dt.date(2022, 6, 30),
                 issuer="UBND tỉnh Lào Cai", province="Lào Cai", province_2025="Lào Cai",
                 title="CẢI THIỆN CHỈ SỐ HIỆU QUẢ QUẢN TRỊ VÀ HÀNH CHÍNH CÔNG CẤP TỈNH (PAPI) CỦA TỈNH LÀO CAI NĂM 2022"),
    citations=[Citation(number="59/2019/NĐ-CP", type="Nghị định", date=dt.date(2019, 7, 1),
                        relation="basis", start=10, end=24, rule="test")],
    indices=["PAPI"], papi_dimensions=[1, 2, 3, 4, 5, 6, 7, 8],
    tasks=[
        _task(0, "Xây dựng kế hoạch, quán triệt triển khai Pháp lệnh dân chủ ở xã, phường, thị trấn",
              [SO_NOI_VU], [HUYEN], Deadline(raw="Trước ngày 5/7/2022", date=dt.date(2022, 7, 5), kind="date"),
              1, "1"),
        _task(1, "Công khai quy hoạch, kế hoạch đất tại địa phương", [HUYEN, XA], [TNMT],
              Deadline(raw="Theo quy định", kind="by_regulation"), 2, "7"),
        _task(2, "Bồi dưỡng nâng cao chất lượng hoạt động của Ban Thanh tra nhân dân và Ban Giám sát "
                 "đầu tư cộng đồng tại các xã, phường, thị trấn.", [HUYEN], [KHDT, THANH_TRA],
              Deadline(raw="Quý III/2022", date=dt.date(2022, 9, 30), kind="period"), 3, "15"),
        _task(3, "Kiểm tra, thực hiện đúng quy trình giải quyết TTHC, phí, lệ phí đối với các thủ tục liên "
                 "quan đến giấy chứng nhận quyền sử dụng đất của chính quyền theo quy định.",
              [HUYEN, XA], [TNMT_SHORT, VP_UBND],
              Deadline(raw="Trước ngày 15/8/2022", date=dt.date(2022, 8, 15), kind="date"), 5, "23"),
        _task(4, "Đẩy mạnh ứng dụng CNTT trong hoạt động, quản lý điều hành của các cơ quan nhà nước, "
                 "hoàn thiện các mục tiêu xây dựng Chính quyền điện tử.", [STTTT], [HUYEN, XA],
              Deadline(raw="Thường xuyên", kind="recurring"), 8, "37"),
        _task(5, "Chủ trì tham mưu thực hiện hiệu quả công tác cải cách thủ tục hành chính, đẩy mạnh cơ chế "
                 "một cửa, một cửa liên thông trong giải quyết thủ tục hành chính tại cơ quan hành chính "
                 "nhà nước.", [VP_UBND]),
        _task(6, "Là cơ quan đầu mối, chủ trì tham mưu, giúp UBND tỉnh chỉ đạo, tổ chức triển khai thực hiện "
                 "Kế hoạch này; theo dõi, đôn đốc, kiểm tra, tổng hợp tình hình và kết quả thực hiện Kế hoạch này",
              [SO_NOI_VU], (), Deadline(raw="Trước ngày 30/8/2022", date=dt.date(2022, 8, 30), kind="date")),
    ],
)

NEWS_TEXT = """Văn phòng UBND tỉnh thực hiện Kế hoạch số 239/KH-UBND của UBND tỉnh Lào Cai
Đảng ủy, lãnh đạo Văn phòng UBND tỉnh đã quán triệt Kế hoạch số 239/KH-UBND ngày 30/6/2022 của Uỷ ban
nhân dân tỉnh về cải thiện Chỉ số PAPI đến toàn thể công chức, viên chức.
Phòng Tổ chức Hành chính: Tăng cường công tác thông tin, tuyên truyền giúp cho CCVC nhận thức đầy đủ."""

NEWS = Extraction(
    source="https://laocai.gov.vn/tin-tuc/vp-ubnd-239", name="000_510d0c522d41e05f.txt", sha256="0" * 64,
    meta=DocMeta(number=None, type="Tin bài", issuer="Văn phòng UBND tỉnh Lào Cai", province="Lào Cai",
                 province_2025="Lào Cai",
                 title="Văn phòng UBND tỉnh thực hiện Kế hoạch số 239/KH-UBND của UBND tỉnh Lào Cai"),
    citations=[Citation(number="239/KH-UBND", type="Kế hoạch", date=dt.date(2022, 6, 30),
                        relation="implements", start=40, end=51, rule="test")],
    indices=["PAPI", "SIPAS"],
    tasks=[
        _task(0, "Tăng cường công tác thông tin, tuyên truyền giúp cho CCVC nhận thức đầy đủ, sâu sắc về ý nghĩa",
              [PHONG_TCHC]),
        _task(1, "Phối hợp với Đảng ủy cơ quan quán triệt nội dung Kế hoạch đến toàn thể công chức, viên chức",
              [PHONG_TCHC], [VP_UBND], Deadline(raw="Thường xuyên", kind="recurring")),
    ],
)

LETTER_TEXT = """SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH LAI CHÂU
Số: /SVHTTDL-VP
V/v tập trung đẩy mạnh nhằm cải thiện, nâng cao chỉ số chỉ đạo điều hành
Sử dụng chữ ký số đảm bảo 100% các phòng, đơn vị ban hành văn bản trên môi trường điện tử."""

LETTER = Extraction(
    source="corpus/seeds/002_111c42270a569dac.txt", name="002_111c42270a569dac.txt", sha256="2" * 64,
    meta=DocMeta(number="/SVHTTDL-VP", type="Công văn", issue_date=dt.date(2023, 6, 13),
                 issuer="Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu", province="Lai Châu",
                 province_2025="Lai Châu",
                 title="tập trung đẩy mạnh nhằm cải thiện, nâng cao chỉ số chỉ đạo điều hành"),
    citations=[Citation(number="1530/KH-UBND", type="Kế hoạch", date=dt.date(2023, 4, 26),
                        relation="implements", start=5, end=17, rule="test")],
    indices=["PAPI", "PAR INDEX", "DDCI"], papi_dimensions=[8],
    tasks=[
        _task(0, "Sử dụng chữ ký số đảm bảo 100% các phòng, đơn vị ban hành văn bản trên môi trường điện tử",
              [VP_SO], [SO_NOI_VU, STTTT],
              Deadline(raw="Trong năm 2023", date=dt.date(2023, 12, 31), kind="period"), 8),
    ],
)


def build_sample_db(path: Path) -> Path:
    db = open_db(path)
    for ext, text in ((PLAN, PLAN_TEXT), (NEWS, NEWS_TEXT), (LETTER, LETTER_TEXT)):
        store_extraction(db, ext, text, media_type="text")
    db.close()
    return path


def test_the_sample_database_holds_what_the_tests_assume(tmp_path):
    db = open_db(build_sample_db(tmp_path / "tasks.db"))
    assert db["documents"].count == 3 and db["tasks"].count == 10
    # The news item's citation of 239/KH-UBND is linked to the stored plan.
    linked = db.execute("select count(*) from citations where cited_doc_id is not null").fetchone()[0]
    assert linked == 1
