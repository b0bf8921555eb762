"""The matching layer's parts: the old map, place ranking, options, countries, dates."""

from __future__ import annotations

import sys
from datetime import date

import pytest

from handlers.areas import catalog
from handlers.flow import Invalid, Ok, Pick
from handlers.flows.common import NO, YES
from handlers.flows.declaration import EXPOSURES, SYMPTOMS
from handlers.matching import addresses, countries, dates, options
from handlers.matching.former import COMMUNE, DISTRICT, PROVINCE, formers
from handlers.matching.places import Scope, resolve

TODAY = date(2026, 11, 22)


def test_old_map_has_the_63_provinces_and_where_each_went() -> None:
    units = list(formers().values())
    assert sum(unit.level == PROVINCE for unit in units) == 63
    assert sum(unit.level == DISTRICT for unit in units) > 680
    assert sum(unit.level == COMMUNE for unit in units) > 10_000
    thai_binh = formers()["tinhthaibinh"]
    assert catalog().label(thai_binh.new_province) == "Hưng Yên" and len(thai_binh.new_codes) > 50
    every_new = {code for unit in units if unit.level != PROVINCE for code in unit.new_codes}
    assert len(every_new) == len(catalog().all_communes)  # every new commune came from old ones (islands too)


def test_the_old_map_is_read_as_data_without_the_packages_code() -> None:
    formers()
    assert "vietnamadminunits" not in sys.modules  # its code needs Unidecode (GPL), never installed here


def test_a_split_commune_lists_the_one_that_took_most_first() -> None:
    split = [unit for unit in formers().values() if unit.split]
    assert len(split) > 300
    gia_loc = formers()["tinhhaiduong_huyengialoc_thitrangialoc"]
    assert [catalog().label(code) for code in gia_loc.new_codes] == [
        "Xã Gia Phúc, Thành phố Hải Phòng", "Xã Gia Lộc, Thành phố Hải Phòng"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("thai binh", "Tỉnh Thái Bình"),  # an old province alone
        ("dong hung hung yen", "Xã Đông Hưng"),  # a new commune with its province beats the old district
        ("thi tran gia loc, gia loc, hai duong", "Thị trấn Gia Lộc"),  # commune, district and province
        ("phuong ben nghe quan 1", "Phường Bến Nghé"),
        ("phuong 1, soc trang", "Phường 1"),
    ],
)
def test_exact_readings_explain_most_words(text: str, name: str) -> None:
    found = resolve(text, Scope(), PROVINCE)
    assert found.exact and found.units[0].name == name


def test_the_ward_of_the_named_district_not_another() -> None:
    found = resolve("phuong 1, tp soc trang", Scope(), PROVINCE)
    assert found.units[0].district == "Thành phố Sóc Trăng"
    found = resolve("phuong 3 quan 5", Scope("79"), COMMUNE)  # no Phường 3 left in Quận 5 by 2025
    assert found.units[0].name == "Quận 5"


def test_near_and_partial_names_are_never_exact() -> None:
    near = resolve("yen mi", Scope("33"), COMMUNE)
    assert not near.exact and near.units[0].name == "Xã Yên Mỹ"
    partial = resolve("ben ngh", Scope("79"), COMMUNE)
    assert not partial.exact and "Bến Nghé" in partial.units[0].name


def test_scope_keeps_to_the_old_province() -> None:
    assert resolve("yen my", Scope("33", "tinhthaibinh"), COMMUNE).units == [] or not resolve(
        "yen my", Scope("33", "tinhthaibinh"), COMMUNE).exact
    assert resolve("dong hung", Scope("33", "tinhthaibinh"), COMMUNE).units[0].name == "Xã Đông Hưng"


def test_one_line_explanations() -> None:
    province = addresses.answer_province("thai binh", "province", "commune")
    assert isinstance(province, Ok) and province.value == "33" and province.extra == {"province_from": "tinhthaibinh"}
    assert province.note == "former.province" and province.note_params == {"old": "Thái Bình", "new": "tỉnh Hưng Yên"}
    commune = addresses.answer_commune("thi tran dong hung", "33", "tinhthaibinh")
    assert isinstance(commune, Ok) and catalog().label(commune.value) == "Xã Đông Hưng, Hưng Yên"
    assert commune.note_params["old"] == "Thị trấn Đông Hưng"


def test_nothing_like_a_place_is_refused() -> None:
    assert isinstance(addresses.answer_province("toi khong biet", "province", "commune"), Invalid)
    assert isinstance(addresses.answer_commune("khong biet", "33", None), Invalid)


@pytest.mark.parametrize(
    "text, code",
    [("han quoc", "KR"), ("Hàn Quốc", "KR"), ("korea", "KR"), ("my", "US"), ("usa", "US"), ("Hoa Kỳ", "US"),
     ("nhat", "JP"), ("trung quoc", "CN"), ("lao", "LA"), ("cam pu chia", "KH"), ("Đài Loan", "TW"),
     ("germany", "DE"), ("Pháp", "FR"), ("New Zealand", "NZ"), ("Ai Cập", "EG")],
)
def test_countries_from_cldr_names_and_short_forms(text: str, code: str) -> None:
    assert countries.exact(text) == code


def test_country_names_come_from_cldr() -> None:
    assert len(countries.codes()) > 240 and "VN" not in countries.codes()
    assert countries.country_name("KR") == "Hàn Quốc" and countries.near("han qoc")[0] == "KR"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("15 thang 3 nam 85", {"date": "1985-03-15", "year": 1985}),
        ("ngay 15 thang 3 1985", {"date": "1985-03-15", "year": 1985}),
        ("15-3-85", {"date": "1985-03-15", "year": 1985}),
        ("15.03.1985", {"date": "1985-03-15", "year": 1985}),
        ("thang 3/1985", {"year": 1985, "month": 3}),
        ("1/1/20", {"date": "2020-01-01", "year": 2020}),  # two-digit years: not in the future
        ("1/1/30", {"date": "1930-01-01", "year": 1930}),
    ],
)
def test_dates_in_words_and_digits(text: str, expected: dict) -> None:
    assert dates.parse_birth(text, TODAY) == Ok(expected)


def test_a_month_is_refused_where_a_day_is_needed() -> None:
    assert dates.parse_birth("thang 3/1985", TODAY, allow_year=False) == Invalid("input.bad_date_only")
    assert dates.parse_birth("15/3", TODAY) == Invalid("input.date_needs_year")


def _many(text: str, choices: tuple) -> object:
    return options.choose_many(text, options.from_options(choices), frozenset({"none"}))


def test_labels_with_commas_inside_and_several_labels_in_one_message() -> None:
    text = "Tiếp xúc với ca nghi ngờ hoặc người có sốt, ho, khó thở, Ở hoặc đi qua vùng dịch, hoặc từ nước ngoài về"
    assert _many(text, EXPOSURES) == Ok(["contact_suspected", "outbreak_area"])
    assert _many("sot, khong ho", SYMPTOMS) == Ok(["fever"])
    assert _many("khong sot khong ho", SYMPTOMS) == Ok(["none"])
    assert _many("1-2", SYMPTOMS) == Ok(["fever", "cough"])


def test_ambiguity_is_asked_not_guessed() -> None:
    yes_no = options.from_options((YES, NO))
    assert isinstance(options.choose_one("co hay khong", yes_no), Pick)
    assert isinstance(options.choose_one("khogn", yes_no), Pick)  # one near spelling: "Ý bạn là …?"
    unsure = _many("sot, dau", SYMPTOMS)  # "dau": Đau họng or Đau nhức người?
    assert isinstance(unsure, Invalid) and unsure.key == "input.pick_many_unsure"


def test_review_fields_by_the_words_people_use() -> None:
    fields = [("edit:full_name", "full_name", "Họ tên"), ("edit:phone", "phone", "Điện thoại"),
              ("edit:birth", "birth", "Ngày sinh")]
    confirm = ("confirm", "Lưu thông tin")
    assert options.choose_review("sua ho ten", confirm, fields) == Ok("edit:full_name")
    assert options.choose_review("sửa tên", confirm, fields) == Ok("edit:full_name")
    assert options.choose_review("đổi sđt", confirm, fields) == Ok("edit:phone")
    assert options.choose_review("ok luu", confirm, fields) == Ok("confirm")
    assert isinstance(options.choose_review("chua gui", confirm, fields), Invalid)
