"""Reporting duties: cadence, weekday, day of month, due date, reporter and recipient."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.directive import Cadence, Obligation, parse_directive
from handlers.directive.obligations import Block, find_obligations
from tests.directive.support import fixture


def duties(sentence: str, year: int | None = 2021) -> tuple[Obligation, ...]:
    """The obligations found in one line of text."""
    return find_obligations([Block(None, [sentence])], year)


@pytest.mark.parametrize(
    ("sentence", "cadence", "weekday", "day_of_month", "due"),
    [
        ("Sở Y tế báo cáo UBND tỉnh hằng ngày.", Cadence.DAILY, None, None, None),
        ("Hàng ngày, tổng hợp số ca mắc, báo cáo Ban Chỉ đạo tỉnh.", Cadence.DAILY, None, None, None),
        ("Sở Y tế tổng hợp, báo cáo UBND tỉnh trước thứ 4 hàng tuần.", Cadence.WEEKLY, 3, None, None),
        ("Các đơn vị báo cáo vào thứ Sáu hằng tuần.", Cadence.WEEKLY, 5, None, None),
        ("Các đơn vị báo cáo hàng tuần.", Cadence.WEEKLY, None, None, None),
        ("UBND các huyện báo cáo trước ngày 25 hàng tháng.", Cadence.MONTHLY, None, 25, None),
        ("Định kỳ hằng tháng báo cáo Sở Y tế.", Cadence.MONTHLY, None, None, None),
        ("Sở Y tế báo cáo kết quả trước ngày 30/9/2021.", Cadence.DATED, None, None, date(2021, 9, 30)),
        ("Báo cáo kết quả chậm nhất ngày 5 tháng 10 năm 2021.", Cadence.DATED, None, None, date(2021, 10, 5)),
        ("Báo cáo kết quả trước 17 giờ ngày 10/8/2021.", Cadence.DATED, None, None, date(2021, 8, 10)),
        ("Báo cáo kết quả trước ngày 15/8.", Cadence.DATED, None, None, date(2021, 8, 15)),
    ],
)
def test_cadence(sentence: str, cadence: Cadence, weekday: int | None, day_of_month: int | None,
                 due: date | None) -> None:
    (duty,) = duties(sentence)
    assert (duty.cadence, duty.weekday, duty.day_of_month, duty.due_date) == (cadence, weekday, day_of_month, due)
    assert duty.text == sentence


@pytest.mark.parametrize(
    ("written", "weekday"),
    [("thứ 2", 1), ("thứ Hai", 1), ("thứ 3", 2), ("thứ ba", 2), ("thứ 4", 3), ("thứ Tư", 3), ("thứ 5", 4),
     ("thứ Năm", 4), ("thứ 6", 5), ("thứ sáu", 5), ("thứ 7", 6), ("thứ Bảy", 6), ("chủ nhật", 7)],
)
def test_weekdays_are_iso_numbers(written: str, weekday: int) -> None:
    (duty,) = duties(f"Các xã báo cáo trước {written} hàng tuần.")
    assert duty.weekday == weekday


@pytest.mark.parametrize(
    "sentence",
    [
        "Người dân hằng ngày tự theo dõi sức khỏe.",
        "Giao Ban Tuyên giáo thường xuyên báo cáo với Ban Thường vụ Tỉnh ủy./.",
        "Theo báo cáo của Sở Y tế, số ca mắc đã giảm.",
        "Tổ chức họp hằng tuần; đồng thời gửi báo cáo khi có yêu cầu.",
        "Báo cáo kết quả trước ngày 15/8.",
    ],
)
def test_not_a_scheduled_reporting_duty(sentence: str) -> None:
    year = None if sentence.endswith("15/8.") else 2021
    assert duties(sentence, year) == ()


@pytest.mark.parametrize(
    ("sentence", "reporter", "recipient"),
    [
        ("Sở Y tế tổng hợp, báo cáo UBND tỉnh trước thứ 4 hàng tuần.", "Sở Y tế", "UBND tỉnh"),
        ("Giao Sở Y tế báo cáo Thường trực Tỉnh ủy biết hằng ngày.", "Sở Y tế", "Thường trực Tỉnh ủy"),
        ("Hằng ngày, Công an tỉnh báo cáo kết quả về Ban Chỉ đạo phòng, chống dịch tỉnh.", "Công an tỉnh",
         "Ban Chỉ đạo phòng, chống dịch tỉnh"),
        ("UBND các huyện, thành phố báo cáo kết quả gửi về Sở Y tế trước ngày 25 hằng tháng.",
         "UBND các huyện, thành phố", "Sở Y tế"),
        ("Hằng ngày, tổng hợp tình hình, báo cáo Thường trực Tỉnh ủy biết, chỉ đạo.", None, "Thường trực Tỉnh ủy"),
        ("Tiếp tục rà soát, báo cáo kết quả hằng tuần.", None, None),
        ("Các tổ chức chính trị - xã hội báo cáo UBND tỉnh (qua Sở Nội vụ) hằng tháng.",
         "Các tổ chức chính trị - xã hội", "UBND tỉnh"),
    ],
)
def test_who_reports_to_whom(sentence: str, reporter: str | None, recipient: str | None) -> None:
    (duty,) = duties(sentence)
    assert (duty.reporter, duty.recipient) == (reporter, recipient)


def test_two_cadences_in_one_sentence_give_two_duties() -> None:
    found = duties("Sở Y tế báo cáo nhanh hằng ngày và báo cáo tổng hợp trước thứ 6 hằng tuần.")
    assert [(duty.cadence, duty.weekday) for duty in found] == [(Cadence.DAILY, None), (Cadence.WEEKLY, 5)]


def test_item_heading_names_the_reporter() -> None:
    directive = parse_directive(fixture("ke-hoach.txt"))
    assert [(duty.cadence, duty.weekday, duty.due_date, duty.reporter, duty.recipient)
            for duty in directive.obligations] == [
        (Cadence.DAILY, None, None, "Sở Y tế", "Ủy ban nhân dân tỉnh"),
        (Cadence.WEEKLY, 5, None, "Sở Y tế", "Bộ Y tế"),
        (Cadence.DATED, None, date(2021, 6, 15), "UBND các huyện, thị xã, thành phố", None),
    ]


def test_undated_deadline_takes_the_directive_year() -> None:
    text = "UBND TỈNH X\nSố: 9/UBND-VX\nX, ngày 02 tháng 3 năm 2022\n\n1. Các xã báo cáo kết quả trước ngày 15/3."
    (duty,) = parse_directive(text).obligations
    assert duty.due_date == date(2022, 3, 15)


@pytest.mark.parametrize(
    ("name", "cadence"),
    [("chi-thi-ubnd.txt", Cadence.WEEKLY), ("cong-van-so-y-te.txt", Cadence.MONTHLY),
     ("thong-bao.txt", Cadence.DATED), ("cong-dien.txt", Cadence.DATED), ("huong-dan.txt", Cadence.DAILY)],
)
def test_fixture_duties(name: str, cadence: Cadence) -> None:
    (duty,) = parse_directive(fixture(name)).obligations
    assert duty.cadence is cadence


@pytest.mark.parametrize(
    ("sentence", "cadence", "day_of_month", "month", "time"),
    [
        ("Định kỳ hằng năm (trước ngày 15 tháng 12) báo cáo kết quả về Sở Y tế.", Cadence.YEARLY, 15, 12, None),
        ("Các xã báo cáo kết quả hàng năm trước ngày 20/11 về UBND huyện.", Cadence.YEARLY, 20, 11, None),
        ("Cập nhật tình hình, báo cáo Văn phòng Chính phủ trước 14 giờ hằng ngày.", Cadence.DAILY, None, None, "14:00"),
        ("Trạm y tế báo cáo vào 15:00 ngày thứ Sáu hằng tuần.", Cadence.WEEKLY, None, None, "15:00"),
        ("Các đơn vị báo cáo Ban Chỉ đạo trước 10h00' ngày 27/4/2020.", Cadence.DATED, None, None, "10:00"),
        ("Báo cáo kết quả trước 15 giờ 30, ngày 13/9/2021.", Cadence.DATED, None, None, "15:30"),
    ],
)
def test_yearly_duties_and_times_of_day(sentence: str, cadence: Cadence, day_of_month: int | None,
                                        month: int | None, time: str | None) -> None:
    (duty,) = duties(sentence)
    assert (duty.cadence, duty.time) == (cadence, time)
    if cadence is Cadence.YEARLY:
        assert (duty.day_of_month, duty.month, duty.due_date) == (day_of_month, month, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Khi phát hiện ca bệnh nghi ngờ, trạm y tế báo cáo ngay Trung tâm Y tế huyện.",
        "Có khó khăn, vướng mắc, kịp thời báo cáo Thường trực Ủy ban nhân dân huyện./.",
    ],
)
def test_report_immediately_is_an_event_duty(sentence: str) -> None:
    (duty,) = duties(sentence)
    assert duty.cadence is Cadence.EVENT and duty.text == sentence
    assert duty.to_json_dict()["cadence"] == "event"


def test_a_dated_deadline_without_a_year_takes_the_year_the_text_states() -> None:
    text = (
        "Sở Y tế yêu cầu các đơn vị khẩn trương rà soát số trẻ em trong tháng 9 năm 2022.\n"
        "Trung tâm Y tế các huyện gửi báo cáo về Trung tâm Kiểm soát bệnh tật trước ngày 28/9."
    )
    directive = parse_directive("Khẩn trương rà soát số trẻ em\n" + text)
    (duty,) = directive.obligations
    assert (duty.cadence, duty.due_date) == (Cadence.DATED, date(2022, 9, 28))


@pytest.mark.parametrize(
    ("sentence", "reporter", "recipient"),
    [
        ("Cập nhật tình hình, gửi Văn phòng Chính phủ, Bộ Nông nghiệp và Môi trường trước 13 giờ hằng ngày để tổng "
         "hợp báo cáo cấp thẩm quyền.", None, "Văn phòng Chính phủ, Bộ Nông nghiệp và Môi trường"),
        ("Trung tâm Kiểm soát bệnh tật tỉnh làm đầu mối tổng hợp số liệu gửi về Sở Y tế trước ngày 30/9/2021 để báo "
         "cáo Ủy ban nhân dân tỉnh.", "Trung tâm Kiểm soát bệnh tật tỉnh", "Sở Y tế"),
        ("Theo đó, Trung tâm Y tế các huyện chủ động rà soát, báo cáo UBND tỉnh kết quả thực hiện hằng tuần.",
         "Trung tâm Y tế các huyện", "UBND tỉnh"),
    ],
)
def test_where_reports_are_sent_and_who_sends_them(sentence: str, reporter: str | None, recipient: str) -> None:
    (duty,) = duties(sentence)
    assert (duty.reporter, duty.recipient) == (reporter, recipient)


def test_a_duty_without_a_subject_falls_to_the_letters_addressees() -> None:
    letter = (
        "BỘ Y TẾ\nSố: 12/ATTP-KH\nV/v báo cáo an toàn thực phẩm\nHà Nội, ngày 8 tháng 2 năm 2022\n"
        "Kính gửi: Sở Y tế các tỉnh, thành phố.\n"
        "1. Tổng hợp gửi về Cục An toàn thực phẩm báo cáo kết quả kiểm tra trước ngày 15/3/2022.\n"
    )
    (duty,) = parse_directive(letter).obligations
    assert (duty.reporter, duty.recipient, duty.due_date) == (
        "Sở Y tế các tỉnh, thành phố", "Cục An toàn thực phẩm", date(2022, 3, 15))


def test_a_yearless_deadline_early_next_year_rolls_over() -> None:
    (duty,) = find_obligations([Block(None, ["Các xã báo cáo kết quả trước ngày 15/01."])], 2025,
                               issued=date(2025, 12, 20))
    assert duty.due_date == date(2026, 1, 15)
    (duty,) = find_obligations([Block(None, ["Các xã báo cáo kết quả trước ngày 25/12."])], 2025,
                               issued=date(2025, 12, 20))
    assert duty.due_date == date(2025, 12, 25)
