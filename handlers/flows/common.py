"""Step building blocks shared by the flows: yes/no options, province and commune, birth date, display."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import messages
from handlers import parsers
from handlers.areas import catalog
from handlers.flow import Answers, Invalid, Ok, Option, Parsed
from handlers.matching import addresses, dates
from handlers.matching.vocabulary import NO_WORDS, NO_WORDS_EN, YES_WORDS, YES_WORDS_EN
from handlers.protocol import Context
from handlers.text import fold

YES = Option("yes", "option.yes", YES_WORDS, en=YES_WORDS_EN)
NO = Option("no", "option.no", NO_WORDS, en=NO_WORDS_EN)
GENDERS = (
    Option("male", "option.male", ("nam", "trai", "m", "male", "dan ong", "con trai", "nam gioi", "ong"),
           en=("m", "man", "boy", "he", "him", "mr", "masculine")),
    Option("female", "option.female", ("nu", "gai", "f", "female", "phu nu", "con gai", "nu gioi", "ba"),
           en=("f", "woman", "girl", "she", "her", "ms", "mrs", "miss", "feminine")),
    Option("other", "option.gender_other", ("khac", "khong muon noi", "other"),
           en=("non binary", "nonbinary", "prefer not to say", "rather not say", "diverse", "x")),
)


def local_today(ctx: Context) -> Any:
    """Today's date in the deployment's time zone."""
    return ctx.now.astimezone(ctx.zone).date()


def birth(text: str, answers: Answers, ctx: Context) -> Parsed:
    """Birth date, month and year, or year."""
    value = parsers.basic(text)
    return value if isinstance(value, Invalid) else dates.parse_birth(value, local_today(ctx))


def show_birth(value: dict[str, Any], ctx: Context) -> str:
    """'12/03/1990', '03/1990' or '1990'."""
    if "date" in value:
        year, month, day = value["date"].split("-")
        return f"{day}/{month}/{year}"
    if "month" in value:
        return f"{value['month']:02d}/{value['year']}"
    return str(value["year"])


def province_step(step_id: str, commune_step: str) -> dict[str, Any]:
    """Parser and list reader of a province question whose commune is asked at ``commune_step``."""

    def parse(text: str, answers: Answers, ctx: Context) -> Parsed:
        value = parsers.basic(text)
        return value if isinstance(value, Invalid) else addresses.answer_province(value, step_id, commune_step,
                                                                                     ctx.locale)

    def picked(item_id: str, answers: Answers, ctx: Context) -> Parsed:
        unit = addresses.unit_of(item_id)
        if unit is None:
            return Invalid("input.stale_button")
        return addresses.province_chosen(unit, step_id, commune_step, ctx.locale)

    return {"parse": parse, "picked": picked, "clears": (commune_step,)}


def commune_step(province_step_id: str) -> dict[str, Any]:
    """Parser, list reader and prompt of the commune question in the province answered at ``province_step_id``."""

    def scope(answers: Answers) -> tuple[str | None, str | None]:
        return answers.get(province_step_id), answers.get(province_step_id + addresses.FROM)

    def parse(text: str, answers: Answers, ctx: Context) -> Parsed:
        value = parsers.basic(text)
        return value if isinstance(value, Invalid) else addresses.answer_commune(value, *scope(answers), ctx.locale)

    def picked(item_id: str, answers: Answers, ctx: Context) -> Parsed:
        unit = addresses.unit_of(item_id)
        return addresses.commune_chosen(unit, locale=ctx.locale) if unit else Invalid("input.stale_button")

    def prompt(answers: Answers, ctx: Context) -> dict[str, str]:
        return {"province": addresses.commune_scope_label(*scope(answers), ctx.locale),
                "example": commune_example(answers.get(province_step_id))}

    return {"parse": parse, "picked": picked, "prompt_params": prompt}


@cache
def commune_example(province_code: str | None) -> str:
    """A commune of the province as people type it (no diacritics, no "Xã"/"Phường"), for the question's example:
    the first in the map's order with a two-word name (worked out once per province)."""
    communes = catalog().communes.get(province_code or "", ())
    names = (re.sub(r"^(?:xa|phuong|dac khu|thi tran) ", "", fold(area.name)) for area in communes)
    first = None
    for name in names:
        first = first or name
        if len(name.split()) == 2:
            return name
    return first or "yen my"


def show_area(value: str, ctx: Context) -> str:
    """The area's readable name."""
    return catalog().label(value)


def optional_phone(text: str, answers: Answers, ctx: Context) -> Parsed:
    """A phone number, or nothing when the user skips."""
    return Ok(None) if parsers.declines(text, ctx.locale) else parsers.parse_phone(text)


def show_phone(value: str | None, ctx: Context) -> str:
    """The phone number as people read it, or 'không có'."""
    return parsers.phone_display(value) if value else messages.t(ctx.locale, "review.none")


def phone(text: str, answers: Answers, ctx: Context) -> Parsed:
    """A required phone number."""
    return parsers.parse_phone(text)


def name(text: str, answers: Answers, ctx: Context) -> Parsed:
    """A full name."""
    return parsers.parse_name(text)


def address(text: str, answers: Answers, ctx: Context) -> Parsed:
    """House number, street, hamlet."""
    return parsers.parse_address(text)
