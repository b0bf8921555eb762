"""Tolerant parsing of typed Vietnamese answers."""

from __future__ import annotations

from datetime import date

import pytest

from handlers import field_sizes, parsers
from handlers.flow import Invalid, Ok, Option, Parsed
from handlers.flows.common import NO, YES
from handlers.flows.declaration import SYMPTOMS
from handlers.matching import dates, options
from handlers.text import clean, fold

TODAY = date(2026, 11, 22)
YES_NO = (YES, NO)


def match_choice(text: str, choices: tuple[Option, ...]) -> Parsed:
    return options.choose_one(text, options.from_options(choices))


def match_multi(text: str, choices: tuple[Option, ...]) -> Parsed:
    exclusive = frozenset(opt.id for opt in choices if opt.exclusive)
    return options.choose_many(text, options.from_options(choices), exclusive)


@pytest.mark.parametrize("text", ["có", "co", "C", "yes", "1", "Có.", " co "])
def test_yes_variants(text: str) -> None:
    assert match_choice(text, YES_NO) == Ok("yes")


@pytest.mark.parametrize("text", ["không", "khong", "ko", "K", "no", "2", "KHÔNG"])
def test_no_variants(text: str) -> None:
    assert match_choice(text, YES_NO) == Ok("no")


@pytest.mark.parametrize("text", ["3", "0", "maybe", "co khong"])
def test_unclear_choice_is_not_guessed(text: str) -> None:
    assert not isinstance(match_choice(text, YES_NO), Ok)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1 2", ["fever", "cough"]),
        ("1,3", ["fever", "breathless"]),
        ("1 và 3", ["fever", "breathless"]),
        ("1 va 3", ["fever", "breathless"]),
        ("sot ho", ["fever", "cough"]),
        ("Sốt, ho", ["fever", "cough"]),
        ("sot, kho tho", ["fever", "breathless"]),
        ("mat vi giac va tieu chay", ["smell_taste", "diarrhoea"]),
        ("khong", ["none"]),
        ("13", ["none"]),
        ("1 1 2", ["fever", "cough"]),
    ],
)
def test_multi_choice(text: str, expected: list[str]) -> None:
    assert match_multi(text, SYMPTOMS) == Ok(expected)


@pytest.mark.parametrize("text", ["1 14", "sot bay", "1 13", "sot khong", "", "???"])
def test_bad_multi_choice(text: str) -> None:
    assert isinstance(match_multi(text, SYMPTOMS), Invalid)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12/03/1990", {"date": "1990-03-12", "year": 1990}),
        ("12/3/90", {"date": "1990-03-12", "year": 1990}),
        ("12 3 1990", {"date": "1990-03-12", "year": 1990}),
        ("1-1-05", {"date": "2005-01-01", "year": 2005}),
        ("29.02.2024", {"date": "2024-02-29", "year": 2024}),
        ("1990", {"year": 1990}),
        ("nam 1985", {"year": 1985}),
    ],
)
def test_birth_dates(text: str, expected: dict) -> None:
    assert dates.parse_birth(text, TODAY) == Ok(expected)


@pytest.mark.parametrize(
    "text, key",
    [
        ("31/2/1990", "input.no_such_date"),
        ("1/1/2027", "input.date_out_of_range"),
        ("1/1/1800", "input.date_out_of_range"),
        ("2030", "input.bad_year"),
        ("hom qua", "input.bad_date"),
        ("12/13/1990", "input.no_such_date"),
    ],
)
def test_bad_birth_dates(text: str, key: str) -> None:
    result = dates.parse_birth(text, TODAY)
    assert isinstance(result, Invalid) and result.key == key


def test_year_alone_refused_where_not_allowed() -> None:
    result = dates.parse_birth("1990", TODAY, allow_year=False)
    assert isinstance(result, Invalid) and result.key == "input.bad_date_only"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0912345678", "+84912345678"),
        ("0912 345 678", "+84912345678"),
        ("+84 912 345 678", "+84912345678"),
        ("84912345678", "+84912345678"),
        ("0243.825.1234", "+842438251234"),
    ],
)
def test_phone_numbers(text: str, expected: str) -> None:
    assert parsers.parse_phone(text) == Ok(expected)


@pytest.mark.parametrize("text", ["12345", "0112345678", "+1 202 555 0100", "abc", "091234567890123"])
def test_bad_phone_numbers(text: str) -> None:
    assert isinstance(parsers.parse_phone(text), Invalid)


def test_phone_display() -> None:
    assert parsers.phone_display("+84912345678") == "0912 345 678"


@pytest.mark.parametrize("text, expected", [("nguyen van an", "Nguyen Van An"), ("Lê Thị Hồng", "Lê Thị Hồng")])
def test_names(text: str, expected: str) -> None:
    assert parsers.parse_name(text) == Ok(expected)


@pytest.mark.parametrize(
    "text", ["A", "An123", "<script>", "'; DROP TABLE x; --", "😀 An", "x" * (field_sizes.NAME + 1)]
)
def test_bad_names(text: str) -> None:
    assert isinstance(parsers.parse_name(text), Invalid)


def test_address_rejects_markup() -> None:
    assert parsers.parse_address("Số 12, ngõ 3/4, thôn Đông") == Ok("Số 12, ngõ 3/4, thôn Đông")
    assert isinstance(parsers.parse_address("<img src=x onerror=alert(1)>"), Invalid)


def test_basic_limits() -> None:
    assert parsers.basic("x" * 501) == Invalid("input.too_long", {"limit": "500"})
    assert parsers.basic("\x00\x01 ") == Invalid("input.empty")
    assert parsers.basic("🙂🙂") == Invalid("input.not_understood"), "only emoji: not understood, not empty"


def test_fold_and_clean() -> None:
    assert fold("Đồng Ý  KHÔNG") == "dong y khong"
    assert clean("a\u200bb\tc\x00") == "a b c"


@pytest.mark.parametrize("text", ["²", "١", "①", "2²"])
def test_non_ascii_digits_are_not_numbers(text: str) -> None:
    assert isinstance(match_choice(text, YES_NO), Invalid)
    assert isinstance(match_multi(text, SYMPTOMS), Invalid)


@pytest.mark.parametrize(
    "text, expected",
    [("toi khong dong y", "decline"), ("vang toi dong y", "agree"), ("khong dong y dau", "decline")],
)
def test_answers_inside_a_sentence(text: str, expected: str) -> None:
    from handlers.flows.registration import CONSENT_OPTIONS

    assert match_choice(text, CONSENT_OPTIONS) == Ok(expected)


def test_yes_and_no_inside_a_sentence() -> None:
    assert match_choice("khong co dau", YES_NO) == Ok("no")
    assert not isinstance(match_choice("co hay khong", YES_NO), Ok)
