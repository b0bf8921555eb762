"""English speakers' words: greetings that pick the language, yes/no and skip words, dates with month names,
option names; Vietnamese is read as before."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.flow import Invalid, Ok
from handlers.flows import common, declaration
from handlers.language import detect, named
from handlers.matching import options
from handlers.matching.dates import parse_birth
from handlers.parsers import is_skip

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize("text", ["hello", "Hi!", "hey there", "Good morning", "good evening!", "help",
                                  "Hello, I just arrived from Korea", "can i register here please", "english"])
def test_english_greetings_and_requests_are_english(text: str) -> None:
    assert detect(text) == "en"


@pytest.mark.parametrize("text", ["chao", "xin chao", "Xin chào", "chào bạn", "hi ban", "alo", "khai bao y te",
                                  "toi muon khai bao", "Dạ"])
def test_vietnamese_stays_vietnamese(text: str) -> None:
    assert detect(text) == "vi"


@pytest.mark.parametrize("text", ["ok", "1", "😀", "?", "日本語", ""])
def test_a_first_message_that_says_nothing_asks(text: str) -> None:
    assert detect(text) is None


def test_languages_named() -> None:
    assert [named(text) for text in ("English", "tieng anh", "en", "Tiếng Việt", "vietnamese", "vi", "french")] == [
        "en", "en", "en", "vi", "vi", "vi", None]


@pytest.mark.parametrize("text, expected", [
    ("15 March 1985", "1985-03-15"), ("March 15, 1985", "1985-03-15"), ("15th of March 85", "1985-03-15"),
    ("3rd May 1990", "1990-05-03"), ("sep 2 2001", "2001-09-02"), ("15/3/1985", "1985-03-15"),
    ("15 thang 3 nam 85", "1985-03-15"),
])
def test_dates_with_english_month_names(text: str, expected: str) -> None:
    assert parse_birth(text, TODAY) == Ok({"date": expected, "year": int(expected[:4])})


def _one(text: str, choices, locale: str = "en"):  # type: ignore[no-untyped-def]
    return options.choose_one(text, options.from_options(choices, locale), locale)


@pytest.mark.parametrize("text", ["yes", "y", "Yeah", "sure", "correct", "OK", "1"])
def test_english_yes(text: str) -> None:
    assert _one(text, (common.YES, common.NO)) == Ok("yes")


@pytest.mark.parametrize("text", ["no", "n", "nope", "nah", "2"])
def test_english_no(text: str) -> None:
    assert _one(text, (common.YES, common.NO)) == Ok("no")


def test_vietnamese_words_keep_their_meaning_in_vietnamese() -> None:
    assert [_one(text, (common.YES, common.NO), "vi") for text in ("có", "ko ạ", "yes", "dung roi")] == [
        Ok("yes"), Ok("no"), Ok("yes"), Ok("yes")]


@pytest.mark.parametrize("text, expected", [
    ("fever, cough", ["fever", "cough"]), ("no fever but a cough", ["cough"]), ("nothing", ["none"]),
    ("tired and sore throat", ["fatigue", "sore_throat"]), ("1 3", ["fever", "breathless"]),
])
def test_english_symptoms(text: str, expected: list[str]) -> None:
    chosen = options.choose_many(text, options.from_options(declaration.SYMPTOMS, "en"), frozenset({"none"}), "en")
    assert chosen == Ok(expected)


def test_english_genders_and_doses() -> None:
    assert _one("woman", common.GENDERS) == Ok("female") and _one("M", common.GENDERS) == Ok("male")
    assert _one("two shots", declaration.DOSES) == Ok("doses_2") and _one("not yet", declaration.DOSES) == Ok(
        "doses_0")


@pytest.mark.parametrize("text", ["skip", "Skip it", "none", "n/a", "I don't have one"])
def test_english_skip_words(text: str) -> None:
    assert is_skip(text, "en")


def test_an_english_review_answer() -> None:
    confirm = ("confirm", "Save my details")
    fields = [("edit:full_name", "full_name", "Full name"), ("edit:phone", "phone", "Phone")]
    assert options.choose_review("looks good", confirm, fields, "en") == Ok("confirm")
    assert options.choose_review("change my phone number", confirm, fields, "en") == Ok("edit:phone")
    assert options.choose_review("edit name", confirm, fields, "en") == Ok("edit:full_name")
    assert isinstance(options.choose_review("what", confirm, fields, "en"), Invalid)


def test_old_places_are_explained_in_english() -> None:
    from handlers.matching import addresses

    moved = addresses.answer_province("thai binh", "province", "commune", "en")
    assert isinstance(moved, Ok) and moved.note == "former.province"
    assert moved.note_params == {"old": "Thái Bình", "new": "Hưng Yên province"}
    assert addresses.answer_province("thai binh", "province", "commune").note_params["new"] == "tỉnh Hưng Yên"
    label = addresses.commune_scope_label("33", "tinhthaibinh", "en")
    assert label == "Thái Bình (former), now in Hưng Yên province"
    assert addresses.commune_scope_label("33", "tinhthaibinh") == "Thái Bình (cũ), nay thuộc tỉnh Hưng Yên"
