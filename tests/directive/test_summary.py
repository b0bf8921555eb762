"""The extractive summary: header from fields and messages, verbatim lines, citizens first, 900 characters."""

from __future__ import annotations

import pytest

from handlers.directive import BULLET, LIMIT, parse_directive, summarize, summary_header
from handlers.directive.summary import t
from tests.directive.support import FIXTURES, assert_verbatim, extracted_lines, fixture

ALL_FIXTURES = sorted(path.name for path in FIXTURES.glob("*.txt") if path.name != "khong-phai-van-ban.txt")


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_every_fixture_summary_is_verbatim_short_and_stable(name: str) -> None:
    raw = fixture(name)
    directive = parse_directive(raw)
    summary = summarize(directive)
    assert len(summary) <= LIMIT
    assert_verbatim(summary, directive, raw)
    assert summarize(parse_directive(raw)) == summary
    assert all(line.startswith(BULLET) for line in summary.split("\n")[2:])


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("chi-thi-ubnd.txt", "Chỉ thị 05/CT-UBND của Ủy ban nhân dân tỉnh Quảng Nam, 15/03/2021"),
        ("cong-van-so-y-te.txt", "Công văn 1234/SYT-NVY của Sở Y tế, 02/04/2021"),
        ("tin-bai-cong-thong-tin.txt", "Tin bài về văn bản 812/UBND-VP của UBND tỉnh Hải Dương, 15/03/2021"),
    ],
)
def test_header_line(name: str, header: str) -> None:
    assert summarize(parse_directive(fixture(name))).split("\n")[0] == header


def test_header_words_come_from_the_messages() -> None:
    directive = parse_directive(fixture("chi-thi-ubnd.txt"))
    head = t("directive.header.number", kind=directive.kind, number=directive.number)
    head = t("directive.header.issuer", head=head, issuer=directive.issuer)
    assert summary_header(directive) == t("directive.header.date", head=head, date=directive.date)


def test_header_leaves_out_what_the_text_does_not_state() -> None:
    directive = parse_directive("CÔNG ĐIỆN\n\n1. Người dân hạn chế ra khỏi nhà, đeo khẩu trang nơi công cộng.")
    assert summarize(directive) == (
        "Công điện\n- Người dân hạn chế ra khỏi nhà, đeo khẩu trang nơi công cộng."
    )


def test_citizen_demands_are_in_the_summary() -> None:
    summary = summarize(parse_directive(fixture("chi-thi-ubnd.txt")))
    lines = extracted_lines(summary)
    assert lines[1] == (
        "Người dân thực hiện nghiêm thông điệp 5K của Bộ Y tế; đeo khẩu trang khi ra khỏi nhà, không tụ tập đông người."
    )
    assert (
        "Mọi người trở về từ vùng có dịch phải khai báo y tế trung thực và tự cách ly tại nhà theo hướng dẫn "
        "của cơ quan y tế."
    ) in lines


def test_a_long_directive_keeps_the_citizen_lines_within_the_limit() -> None:
    citizen = "Người dân phải khai báo y tế trung thực và đeo khẩu trang khi ra khỏi nhà."
    filler = "Các sở, ngành tiếp tục rà soát quy trình phối hợp giữa các cơ quan trong tỉnh theo chức năng được giao."
    items = [f"{number}. {filler}" for number in range(1, 40)]
    items[25] = f"26. {citizen}"
    directive = parse_directive("CHỈ THỊ\n\n" + "\n".join(items))
    summary = summarize(directive)
    assert len(summary) <= LIMIT
    assert f"{BULLET}{citizen}" in summary.split("\n")


def test_summary_lines_are_whole_sentences_never_clauses_or_wrapped_pieces() -> None:
    clause = "các cơ quan, đơn vị tiếp tục rà soát, cập nhật phương án phòng, chống dịch theo tình hình thực tế"
    too_long = "Người dân khai báo y tế trung thực; " + "; ".join([clause] * 5) + "."
    wrapped = ("Người dân đến từ vùng có dịch phải đeo khẩu trang, khai báo y tế\n"
               "và tự theo dõi sức khỏe trong 14 ngày.")
    raw = f"CHỈ THỊ\n\n1. {too_long}\n2. {wrapped}\n3. Sở Y tế báo cáo UBND tỉnh trước thứ Sáu hằng tuần."
    directive = parse_directive(raw)
    summary = summarize(directive)
    assert summary.split("\n")[1:] == [
        "- Người dân đến từ vùng có dịch phải đeo khẩu trang, khai báo y tế và tự theo dõi sức khỏe trong 14 ngày.",
        "- Sở Y tế báo cáo UBND tỉnh trước thứ Sáu hằng tuần.",
    ]
    assert "Người dân khai báo y tế trung thực" not in summary
