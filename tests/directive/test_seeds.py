"""The three real directives: fields written by hand from reading them."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.directive import Cadence, Directive, Signer, parse_directive, summarize
from tests.directive.support import assert_verbatim, seed

HUNG_YEN = "chi-thi-hung-yen-2021.txt"
NINH_BINH = "cong-van-ninh-binh-2644-2020.txt"
KON_TUM = "tin-kon-tum-1025-2020.txt"


@pytest.fixture(scope="module")
def hung_yen() -> Directive:
    return parse_directive(seed(HUNG_YEN))


@pytest.fixture(scope="module")
def ninh_binh() -> Directive:
    return parse_directive(seed(NINH_BINH))


@pytest.fixture(scope="module")
def kon_tum() -> Directive:
    return parse_directive(seed(KON_TUM))


def test_hung_yen_header(hung_yen: Directive) -> None:
    assert hung_yen.kind == "Chỉ thị"
    assert hung_yen.issuer == "Ban Thường vụ Tỉnh ủy"
    assert hung_yen.subject == (
        "Về việc tăng cường triển khai các biện pháp phòng, chống dịch bệnh Covid-19 "
        "trên địa bàn tỉnh trong tình hình hiện nay"
    )
    assert hung_yen.recipients == ()


def test_hung_yen_states_no_number_place_or_date(hung_yen: Directive) -> None:
    # "Tại Hưng Yên, ngày 08/02 ..." is a sentence of the body, not the place-and-date line.
    assert (hung_yen.number, hung_yen.place, hung_yen.date) == (None, None, None)


def test_hung_yen_items_run_to_the_closing_sentence(hung_yen: Directive) -> None:
    assert [item.label for item in hung_yen.items] == ["1", "2", "3", "4", "5", "6"]
    assert hung_yen.items[0].text.startswith("Đảng đoàn HĐND tỉnh, Ban cán sự đảng UBND tỉnh")
    assert hung_yen.items[0].text.endswith("theo chức năng, nhiệm vụ được giao.")
    assert hung_yen.items[5].text.endswith("cho nhân dân về diễn biến tình hình dịch bệnh.")
    assert "Chỉ thị này phổ biến đến chi bộ" not in hung_yen.items[5].text


def test_hung_yen_closing(hung_yen: Directive) -> None:
    assert hung_yen.distribution[0] == "Ban Bí thư TW (để b/c)"
    assert hung_yen.distribution[-1] == "Lưu VPTU, P.KT-XH"
    assert len(hung_yen.distribution) == 11
    assert hung_yen.signer == Signer("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Nguyễn Duy Hưng")
    assert hung_yen.obligations == ()


def test_hung_yen_markdown_is_gone(hung_yen: Directive) -> None:
    assert "**" not in hung_yen.body
    assert "^{" not in hung_yen.body
    assert hung_yen.body.startswith("CHỈ THỊ\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nVề việc")


def test_ninh_binh_header(ninh_binh: Directive) -> None:
    assert ninh_binh.kind == "Công văn"
    assert ninh_binh.number == "2644-CV/TU"
    assert ninh_binh.issuer == "Tỉnh ủy Ninh Bình"
    assert ninh_binh.place == "Ninh Bình"
    assert ninh_binh.date == date(2020, 7, 29)
    assert ninh_binh.subject == "V/v tăng cường công tác phòng, chống dịch Covid-19 trong tình hình mới"
    assert ninh_binh.recipients == (
        "Các ban cán sự đảng, đảng đoàn ở tỉnh",
        "Các sở, ban, ngành, MTTQ Việt Nam và đoàn thể cấp tỉnh",
        "Các huyện ủy, thành ủy, đảng ủy trực thuộc",
    )


def test_ninh_binh_items_and_closing(ninh_binh: Directive) -> None:
    assert [item.label for item in ninh_binh.items] == ["1", "2", "3"]
    assert ninh_binh.items[2].text.endswith("tình trạng người nhập cảnh vào Việt Nam trái phép.")
    assert ninh_binh.distribution == (
        "Ban Bí thư Trung ương (để b/c)",
        "Văn phòng Trung ương (để b/c)",
        "Các đ/c Ủy viên BCH Đảng bộ tỉnh",
        "Như kính gửi",
        "Lưu Văn phòng Tỉnh ủy",
    )
    assert ninh_binh.signer == Signer("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Hồng Quảng")


def test_ninh_binh_irregular_reporting_is_no_obligation(ninh_binh: Directive) -> None:
    # "thường xuyên báo cáo" has no rhythm or date to schedule.
    assert ninh_binh.obligations == ()


def test_kon_tum_is_an_article_about_letter_1025(kon_tum: Directive) -> None:
    assert kon_tum.kind == "Tin bài"
    assert kon_tum.number == "1025-CV/TU"
    assert kon_tum.issuer == "Tỉnh ủy Kon Tum"
    assert kon_tum.date == date(2020, 3, 24)
    assert kon_tum.place is None
    assert kon_tum.subject == (
        "Tỉnh ủy Kon Tum chỉ đạo tiếp tục tăng cường phòng, chống dịch bệnh Covid-19 trong tình hình mới."
    )
    assert kon_tum.signer is None
    assert kon_tum.distribution == ()


def test_kon_tum_items_keep_their_bullets(kon_tum: Directive) -> None:
    assert [item.label for item in kon_tum.items] == ["1", "2", "3", "4", "5", "6", "7"]
    second = kon_tum.items[1].text.split("\n")
    assert second[0] == "Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo Ủy ban nhân dân tỉnh chỉ đạo"
    assert len(second) == 9
    assert all(line.startswith("- ") for line in second[1:])
    assert kon_tum.items[6].text.endswith("tổ chức đại hội thành công theo tiến độ, kế hoạch đề ra.")


def test_kon_tum_portal_clutter_and_byline_are_gone(kon_tum: Directive) -> None:
    for clutter in ("Đăng nhập", "THỐNG KÊ TRUY CẬP", "4757357", "Số người online", "TIN TỨC HOẠT ĐỘNG",
                    "2:16:02 PM", "TimKiem", "Trung Hiếu", "Bài viết trước", "Icon", "Sở Tư pháp", "TNC"):
        assert clutter not in kon_tum.body, clutter
    assert kon_tum.body.startswith("Tỉnh ủy Kon Tum chỉ đạo")
    assert kon_tum.body.endswith("kế hoạch đề ra.")


def test_kon_tum_daily_report(kon_tum: Directive) -> None:
    (duty,) = kon_tum.obligations
    assert duty.cadence is Cadence.DAILY
    assert duty.text == (
        "Hằng ngày, tổng hợp tình hình, kết quả công tác phòng, chống dịch bệnh trên địa bàn toàn tỉnh, "
        "báo cáo Thường trực Tỉnh ủy biết, chỉ đạo."
    )
    assert duty.recipient == "Thường trực Tỉnh ủy"
    assert duty.reporter is None


@pytest.mark.parametrize(
    ("name", "header", "expected"),
    [
        (HUNG_YEN, "Chỉ thị của Ban Thường vụ Tỉnh ủy",
         "- Chỉ đạo xử lý nghiêm các trường hợp không khai báo hoặc khai báo y tế không đầy đủ, không trung thực "
         "theo đúng quy định của pháp luật.\n"),
        (NINH_BINH, "Công văn 2644-CV/TU của Tỉnh ủy Ninh Bình, 29/07/2020",
         "ngăn chặn hiệu quả tình trạng người nhập cảnh vào Việt Nam trái phép."),
        (KON_TUM, "Tin bài về văn bản 1025-CV/TU của Tỉnh ủy Kon Tum, 24/03/2020",
         "- Hằng ngày, tổng hợp tình hình, kết quả công tác phòng, chống dịch bệnh trên địa bàn toàn tỉnh, "
         "báo cáo Thường trực Tỉnh ủy biết, chỉ đạo.\n"),
    ],
)
def test_seed_summaries(name: str, header: str, expected: str) -> None:
    raw = seed(name)
    directive = parse_directive(raw)
    summary = summarize(directive)
    assert summary.split("\n")[0] == header
    assert summary.split("\n")[1] == directive.subject
    assert expected in summary + "\n"
    assert len(summary) <= 900
    assert_verbatim(summary, directive, raw)
    assert summarize(parse_directive(raw)) == summary
