"""Step building blocks shared by the flows: yes/no options, area search, birth date, display."""

from __future__ import annotations

from typing import Any

import messages_vi
from handlers import parsers
from handlers.areas import catalog
from handlers.flow import Answers, Invalid, Ok, Option, Parsed, Pick
from handlers.protocol import Context

YES = Option("yes", "option.yes", ("co", "c", "yes", "y", "dung", "ok", "u", "uh", "vang", "da"))
NO = Option("no", "option.no", ("khong", "ko", "k", "no", "n", "kg", "hong", "khong co", "khong phai"))
GENDERS = (
    Option("male", "option.male", ("nam", "trai", "m")),
    Option("female", "option.female", ("nu", "gai", "f")),
    Option("other", "option.gender_other", ("khac",)),
)


def local_today(ctx: Context) -> Any:
    """Today's date in the deployment's time zone."""
    return ctx.now.astimezone(ctx.zone).date()


def birth(text: str, answers: Answers, ctx: Context) -> Parsed:
    """Birth date or year."""
    return parsers.parse_birth(text, local_today(ctx))


def show_birth(value: dict[str, Any], ctx: Context) -> str:
    """'12/03/1990' or '1990'."""
    if "date" in value:
        year, month, day = value["date"].split("-")
        return f"{day}/{month}/{year}"
    return str(value["year"])


def pick_province(text: str, answers: Answers, ctx: Context) -> Parsed:
    """A province by (part of) its name, with or without diacritics."""
    value = parsers.basic(text)
    if isinstance(value, Invalid):
        return value
    found = catalog().search_provinces(value)
    return _one_or_pick(found, "area.province_not_found", "area.pick_province", {"query": value})


def commune_picker(province_step: str):  # type: ignore[no-untyped-def]
    """A parser for a commune of the province answered at ``province_step``."""

    def pick_commune(text: str, answers: Answers, ctx: Context) -> Parsed:
        value = parsers.basic(text)
        if isinstance(value, Invalid):
            return value
        province = answers.get(province_step)
        found = catalog().search(value, province)
        params = {"query": value, "province": catalog().label(province) if province else ""}
        return _one_or_pick(found, "area.commune_not_found", "area.pick_commune", params)

    return pick_commune


def _one_or_pick(found: list[Any], none_key: str, pick_key: str, params: dict[str, str]) -> Parsed:
    if not found:
        return Invalid(none_key, params)
    if len(found) == 1:
        return Ok(found[0].code, "area.chosen", {"name": catalog().label(found[0].code)})
    return Pick(tuple((area.code, catalog().label(area.code)) for area in found), pick_key)


def show_area(value: str, ctx: Context) -> str:
    """The area's readable name."""
    return catalog().label(value)


def optional_phone(text: str, answers: Answers, ctx: Context) -> Parsed:
    """A phone number, or nothing when the user skips."""
    return Ok(None) if parsers.is_skip(text) else parsers.parse_phone(text)


def show_phone(value: str | None, ctx: Context) -> str:
    """The phone number as people read it, or 'không có'."""
    return parsers.phone_display(value) if value else messages_vi.t("review.none")


def phone(text: str, answers: Answers, ctx: Context) -> Parsed:
    """A required phone number."""
    return parsers.parse_phone(text)


def name(text: str, answers: Answers, ctx: Context) -> Parsed:
    """A full name."""
    return parsers.parse_name(text)


def address(text: str, answers: Answers, ctx: Context) -> Parsed:
    """House number, street, hamlet."""
    return parsers.parse_address(text)
