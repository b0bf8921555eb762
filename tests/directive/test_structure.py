"""Parsing the structure of each document kind, from fixtures written for the purpose."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.directive import DirectiveError, Signer, parse_directive
from handlers.directive.reflow import reflow
from tests.directive.support import fixture


@pytest.mark.parametrize(
    ("name", "kind", "number", "issuer", "place", "day"),
    [
        ("chi-thi-ubnd.txt", "Chỉ thị", "05/CT-UBND", "Ủy ban nhân dân tỉnh Quảng Nam", "Quảng Nam", date(2021, 3, 15)),
        ("cong-van-so-y-te.txt", "Công văn", "1234/SYT-NVY", "Sở Y tế", "Hà Nam", date(2021, 4, 2)),
        ("thong-bao.txt", "Thông báo", "21/TB-BCĐ", "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Ninh Thuận",
         "Ninh Thuận", date(2021, 9, 10)),
        ("ke-hoach.txt", "Kế hoạch", "88/KH-UBND", "Ủy ban nhân dân tỉnh Bắc Ninh", "Bắc Ninh", date(2021, 5, 5)),
        ("quyet-dinh.txt", "Quyết định", "1012/QĐ-UBND", "Ủy ban nhân dân tỉnh Bắc Giang", "Bắc Giang",
         date(2021, 5, 17)),
        ("cong-dien.txt", "Công điện", "07/CĐ-UBND", "Ủy ban nhân dân tỉnh Đồng Tháp", "Đồng Tháp", date(2021, 8, 8)),
        ("huong-dan.txt", "Hướng dẫn", "45/HD-SYT", "Sở Y tế tỉnh Lâm Đồng", "Lâm Đồng", date(2021, 7, 20)),
        ("markdown-html.txt", "Công văn", "345/UBND-VX", "UBND tỉnh Thanh Hóa", "Thanh Hóa", date(2021, 2, 12)),
        ("tin-bai-cong-thong-tin.txt", "Tin bài", "812/UBND-VP", "UBND tỉnh Hải Dương", None, date(2021, 3, 15)),
    ],
)
def test_identifying_fields(name: str, kind: str, number: str, issuer: str, place: str | None, day: date) -> None:
    directive = parse_directive(fixture(name))
    assert (directive.kind, directive.number, directive.issuer) == (kind, number, issuer)
    assert (directive.place, directive.date) == (place, day)


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Số 2644 - CV/TU", "2644-CV/TU"),
        ("Số: 15/CT-UBND", "15/CT-UBND"),
        ("Số:  05 /KH - BCĐ", "05/KH-BCĐ"),
        ("SỐ 12-CĐ/TU", "12-CĐ/TU"),
    ],
)
def test_number_is_normalised(line: str, number: str) -> None:
    text = f"TỈNH ỦY X\n{line}\nV/v phòng, chống dịch\n\n1. Người dân khai báo y tế trung thực."
    assert parse_directive(text).number == number


@pytest.mark.parametrize(
    ("line", "kind"),
    [("Số 7-CT/TU", "Chỉ thị"), ("Số 7-TB/TU", "Thông báo"), ("Số 7/QĐ-UBND", "Quyết định"),
     ("Số 7/UBND-VX", "Công văn"), ("Số 7-HD/BTG", "Hướng dẫn")],
)
def test_kind_comes_from_the_symbol_when_there_is_no_title(line: str, kind: str) -> None:
    text = f"TỈNH ỦY X\n{line}\n\n1. Người dân khai báo y tế trung thực."
    assert parse_directive(text).kind == kind


def test_wrapped_subject_and_recipients_of_a_letter() -> None:
    directive = parse_directive(fixture("cong-van-so-y-te.txt"))
    assert directive.subject == "V/v triển khai khai báo y tế điện tử tại các cơ sở khám bệnh, chữa bệnh"
    assert directive.recipients == ("UBND các huyện, thị xã, thành phố", "Các bệnh viện, trung tâm y tế trong tỉnh")
    assert directive.signer == Signer(None, "GIÁM ĐỐC", "Trần Thị Lan")


def test_inline_recipients_split_at_semicolons() -> None:
    directive = parse_directive(fixture("markdown-html.txt"))
    assert directive.recipients == ("Các sở, ban, ngành cấp tỉnh", "UBND các huyện, thị xã, thành phố")


def test_wire_recipients_follow_the_dien_line() -> None:
    directive = parse_directive(fixture("cong-dien.txt"))
    assert directive.recipients == ("Giám đốc các Sở, ngành tỉnh", "Chủ tịch UBND các huyện, thành phố")
    assert directive.distribution == ()


def test_plan_labels_nest_roman_arabic_and_letters() -> None:
    directive = parse_directive(fixture("ke-hoach.txt"))
    assert [item.label for item in directive.items] == [
        "I", "I.1", "I.2", "II", "II.1", "II.1.a", "II.1.b", "II.2", "III", "III.1", "III.2",
    ]
    assert directive.items[0].text == "MỤC ĐÍCH, YÊU CẦU"
    assert directive.items[9].text.split("\n")[0] == "Sở Y tế"


def test_closing_sentence_of_a_plan_belongs_to_no_item() -> None:
    directive = parse_directive(fixture("ke-hoach.txt"))
    assert "Trên đây là Kế hoạch" not in directive.items[-1].text
    assert directive.items[-1].text.endswith("tự nguyện đăng ký tiêm vắc xin.")


def test_decision_articles_and_their_clauses() -> None:
    directive = parse_directive(fixture("quyet-dinh.txt"))
    assert [item.label for item in directive.items] == ["Điều 1", "Điều 2", "Điều 2.1", "Điều 2.2", "Điều 3"]
    assert directive.subject == "Về việc áp dụng biện pháp cách ly xã hội tại huyện Việt Yên"
    assert directive.distribution == ("Như Điều 3", "Lưu: VT")
    assert directive.signer == Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Ánh Dương")


def test_on_behalf_lines_are_joined() -> None:
    directive = parse_directive(fixture("chi-thi-ubnd.txt"))
    assert directive.signer == Signer("TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hòa")
    assert directive.distribution == ("Bộ Y tế (để b/c)", "TT Tỉnh ủy, TT HĐND tỉnh", "Lưu: VT, KGVX")


def test_item_heading_then_continuation_closed_by_the_last_line() -> None:
    directive = parse_directive(fixture("huong-dan.txt"))
    assert [item.label for item in directive.items] == ["1", "2", "2.a", "2.b", "3"]
    assert directive.items[-1].text == (
        "Trách nhiệm của Trạm Y tế xã\n"
        "Trạm Y tế xã theo dõi sức khỏe người cách ly, báo cáo Trung tâm Y tế huyện hằng ngày./."
    )


def test_notice_without_items_keeps_its_paragraphs() -> None:
    directive = parse_directive(fixture("thong-bao.txt"))
    assert directive.items == ()
    assert directive.subject == "Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp ngày 09 tháng 9 năm 2021"
    assert directive.paragraphs[0].startswith("Ngày 09 tháng 9 năm 2021, Trưởng Ban Chỉ đạo")
    assert directive.paragraphs[-1] == "Ban Chỉ đạo thông báo để các cơ quan, đơn vị và Nhân dân biết, thực hiện./."


def test_article_title_items_and_clutter() -> None:
    directive = parse_directive(fixture("tin-bai-cong-thong-tin.txt"))
    assert directive.subject == "Tỉnh Hải Dương yêu cầu người dân khai báo y tế khi trở về từ vùng dịch"
    assert [item.label for item in directive.items] == ["1", "2", "3"]
    assert directive.items[-1].text == "Sở Y tế tổng hợp, báo cáo UBND tỉnh hằng ngày."
    for clutter in ("Đăng nhập", "Trang chủ", "TimKiem", "CỔNG THÔNG TIN", "Lượt xem", "Chia sẻ", "GMT",
                    "Minh Anh", "Tin liên quan", "Icon", "Bản quyền", "Điện thoại"):
        assert clutter not in directive.body, clutter


def test_article_date_falls_back_to_the_publication_stamp() -> None:
    text = fixture("tin-bai-cong-thong-tin.txt").replace("Ngày 15 tháng 3 năm 2021, ", "")
    assert parse_directive(text).date == date(2021, 3, 16)


def test_markup_is_stripped() -> None:
    directive = parse_directive(fixture("markdown-html.txt"))
    assert directive.items[0].text == (
        "Người dân đến từ vùng có dịch bắt buộc khai báo y tế tại trang khai báo trước khi vào tỉnh."
    )
    assert directive.items[1].text == "Cơ quan, đơn vị bố trí bàn khai báo & đo thân nhiệt tại cổng ra vào."
    for remnant in ("<", ">", "**", "&nbsp;", "&amp;", "\\", "](", "#", "^{", "https://"):
        assert remnant not in directive.body, remnant
    assert directive.signer == Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đầu Thanh Tùng")


def test_missing_fields_are_none_not_invented() -> None:
    directive = parse_directive("CÔNG ĐIỆN\n\n1. Người dân hạn chế ra khỏi nhà.\n2. Đeo khẩu trang nơi công cộng.")
    assert directive.kind == "Công điện"
    fields = (directive.number, directive.issuer, directive.place, directive.date, directive.subject, directive.signer)
    assert fields == (None, None, None, None, None, None)
    assert (directive.recipients, directive.distribution, directive.obligations) == ((), (), ())


def test_json_form_has_the_promised_keys() -> None:
    data = parse_directive(fixture("ke-hoach.txt")).to_json_dict()
    assert list(data) == ["kind", "number", "issuer", "place", "date", "subject", "recipients", "items",
                          "distribution", "signer", "obligations", "body"]
    assert data["date"] == "2021-05-05"
    assert data["signer"] == {"on_behalf": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Đỗ Minh Quân"}
    assert data["obligations"][0] == {
        "cadence": "daily", "weekday": None, "day_of_month": None, "month": None, "due_date": None, "time": None,
        "text": "Hằng ngày tổng hợp kết quả tiêm chủng, báo cáo Ủy ban nhân dân tỉnh.",
        "reporter": "Sở Y tế", "recipient": "Ủy ban nhân dân tỉnh",
    }


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "directive.error.empty"),
        ("   \n\n\t  ", "directive.error.empty"),
        ("Đăng nhập\nTrang chủ | Tin tức\nLượt xem: 12\n4757357", "directive.error.empty"),
        (fixture("khong-phai-van-ban.txt"), "directive.error.not_directive"),
        ("CHỈ THỊ", "directive.error.not_directive"),
        ("Hôm nay trời đẹp, Quyết định số 12/QĐ-UBND được nhắc đến trong một câu chuyện.",
         "directive.error.not_directive"),
    ],
)
def test_text_that_is_not_a_directive(text: str, key: str) -> None:
    with pytest.raises(DirectiveError) as raised:
        parse_directive(text)
    assert raised.value.message_key == key


TWO_COLUMN = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN AN PHÚ Độc lập - Tự do - Hạnh phúc
Số: 88/UBND-VX An Phú, ngày 3 tháng 5 năm 2024
V/v phòng, chống bệnh sốt
xuất huyết trong mùa mưa
Kính gửi: Ủy ban nhân dân các xã, thị trấn.
Chủ tịch Ủy ban nhân dân huyện yêu cầu các xã thực hiện tốt các nội dung sau:
1. Tổ chức chiến dịch diệt lăng quăng, bọ gậy tại từng hộ gia đình, vận động người dân
úp ngược các vật dụng chứa nước và thả cá vào bể nước sinh hoạt.
2. Trạm y tế xã báo cáo số ca mắc về Trung tâm Y tế huyện trước 14 giờ thứ Hai hằng tuần./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCHLê Văn Bình
"""


def test_two_column_header_wrapped_lines_and_a_glued_signer() -> None:
    directive = parse_directive(TWO_COLUMN)
    assert (directive.kind, directive.number, directive.place) == ("Công văn", "88/UBND-VX", "An Phú")
    assert directive.issuer == "Ủy ban nhân dân huyện An Phú"
    assert directive.date == date(2024, 5, 3)
    assert directive.subject == "V/v phòng, chống bệnh sốt xuất huyết trong mùa mưa"
    assert directive.items[0].text.endswith("vận động người dân úp ngược các vật dụng chứa nước và thả cá vào bể "
                                            "nước sinh hoạt.")
    assert directive.signer is not None and directive.signer.name == "Lê Văn Bình"
    (duty,) = directive.obligations
    assert (duty.weekday, duty.time) == (1, "14:00")


WRAPPED_PAGE = """Bản quyền thuộc cổng văn bản. Mọi hành vi sao chép không được phép.
Số hiệu:
12/TB-VPCP
Tình trạng:
Đã biết
VĂN PHÒNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập- Tự do- Hạnh phúc
Số: 12/TB-VPCP
Hà Nội, ngày 9
tháng 1 năm 2026
THÔNG BÁO
Ý KIẾN CHỈ ĐẠO CỦA PHÓ THỦ TƯỚNG VỀ PHÒNG, CHỐNG DỊCH BỆNH MÙA ĐÔNG XUÂN
Ngày 8 tháng 1 năm 2026, Phó Thủ tướng chủ trì cuộc họp về công tác phòng, chống dịch bệnh. Sau khi
nghe Bộ Y tế báo cáo, Phó Thủ tướng có ý kiến như sau:
1. Bộ Y tế theo dõi sát tình hình dịch bệnh, báo cáo Thủ tướng Chính phủ trước ngày 20
tháng 1 năm 2026.
2. Người dân chủ động tiêm vắc xin và đến cơ sở y tế khi có triệu chứng sốt, ho, khó thở.
Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.
"""


def test_a_notice_of_opinions_behind_a_page_wrapper() -> None:
    directive = parse_directive(WRAPPED_PAGE)
    assert (directive.kind, directive.number, directive.issuer) == ("Thông báo", "12/TB-VPCP", "Văn phòng Chính phủ")
    assert directive.date == date(2026, 1, 9)
    assert directive.subject.startswith("Ý KIẾN CHỈ ĐẠO CỦA PHÓ THỦ TƯỚNG")
    (duty,) = directive.obligations
    assert duty.due_date == date(2026, 1, 20)
    assert duty.text == ("Bộ Y tế theo dõi sát tình hình dịch bệnh, báo cáo Thủ tướng Chính phủ trước ngày 20 "
                         "tháng 1 năm 2026.")


@pytest.mark.parametrize(
    ("article", "number", "issuer", "day", "subject"),
    [
        ("Thủ tướng yêu cầu ứng phó bão số 3\nNgày 15/3/2025, Thủ tướng Chính phủ có Công điện số 23/CĐ-TTg về "
         "việc tập trung ứng phó bão. Theo đó, Thủ tướng yêu cầu các bộ, ngành chủ động ứng phó.",
         "23/CĐ-TTg", "Thủ tướng Chính phủ", date(2025, 3, 15), "Thủ tướng yêu cầu ứng phó bão số 3"),
        ("Ngày 18/02, UBND huyện Yên Mỹ ban hành Kế hoạch số 40/KH-UBND về tiêm chủng năm 2023. Kế hoạch "
         "yêu cầu các xã tổ chức tiêm đủ liều cho trẻ em.", "40/KH-UBND", "UBND huyện Yên Mỹ", date(2023, 2, 18),
         "tiêm chủng năm 2023"),
        ("Thực hiện Chỉ thị số 15/CT-TTg của Thủ tướng, ông Nguyễn Văn An - Chủ tịch UBND tỉnh Hòa Bình vừa ký "
         "công văn (số 1200) yêu cầu tăng cường giám sát dịch bệnh.", "1200", "UBND tỉnh Hòa Bình", None,
         "tăng cường giám sát dịch bệnh"),
    ],
)
def test_an_article_names_the_document_its_lead_reports(article: str, number: str, issuer: str, day: date | None,
                                                         subject: str) -> None:
    directive = parse_directive(article)
    assert directive.kind == "Tin bài"
    assert (directive.number, directive.issuer, directive.date, directive.subject) == (number, issuer, day, subject)


@pytest.mark.parametrize(
    ("lead", "issuer", "signer"),
    [
        ("Thủ tướng Chính phủ Phạm Minh Chính vừa ký Công điện số 23/CĐ-TTg ngày 15/3/2025 về ứng phó bão.",
         "Thủ tướng Chính phủ", "Phạm Minh Chính"),
        ("Chủ tịch UBND tỉnh Nguyễn Văn An ký Chỉ thị số 05/CT-UBND ngày 2/4/2024 về phòng, chống dịch.",
         "Chủ tịch UBND tỉnh", "Nguyễn Văn An"),
        ("Ngày 5/4/2024, UBND tỉnh Kon Tum ban hành Kế hoạch số 12/KH-UBND về tiêm chủng.", "UBND tỉnh Kon Tum", None),
    ],
)
def test_a_person_named_after_the_issuers_title_is_the_signer(lead: str, issuer: str, signer: str | None) -> None:
    directive = parse_directive(lead + " Văn bản yêu cầu người dân khai báo y tế.")
    assert directive.issuer == issuer
    assert (directive.signer.name if directive.signer else None) == signer


def test_a_list_of_short_lines_is_not_taken_for_a_wrapped_paragraph() -> None:
    lines = ["Người dân cần:", "Đeo khẩu trang", "Rửa tay thường xuyên", "Không tụ tập đông người"]
    assert reflow(lines) == lines
    wrapped = ["Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan hướng dẫn các địa phương tổ chức",
               "tiêm vắc xin cho người dân theo đúng kế hoạch đã được Ủy ban nhân dân tỉnh phê duyệt", "",
               "Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo trạm y tế xã theo dõi sức khỏe của Nhân",
               "Dân trở về từ vùng có dịch và báo cáo kết quả hằng ngày."]
    assert reflow(wrapped) == [wrapped[0] + " " + wrapped[1], "", wrapped[3] + " " + wrapped[4]]
