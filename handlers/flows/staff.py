"""Admins invite officials and gatekeepers; citizens report a suspected case or an arrival near them."""

from __future__ import annotations

from collections.abc import Callable

import messages
from handlers import field_sizes, parsers
from handlers.areas import catalog
from handlers.flow import CHOICE, END, REVIEW, TEXT, Answers, Completion, Flow, Invalid, Ok, Option, Parsed, Step
from handlers.flows import common
from handlers.flows.publish import area
from handlers.protocol import Context, ServerCommand

ROLES = (
    Option("official", "invite.role.official", ("can bo", "can bo y te", "quan ly"),
           en=("official", "health official", "officer", "manager", "staff")),
    Option("gatekeeper", "invite.role.gatekeeper", ("bao ve", "le tan", "kiem tra", "cong"),
           en=("gatekeeper", "checker", "guard", "security", "reception", "receptionist", "gate")),
)


def _optional(text: str, parse: Callable[[str], Parsed], ctx: Context) -> Parsed:
    """Nothing when the question is skipped, else the parsed value."""
    return Ok(None) if parsers.is_skip(text, ctx.locale) else parse(text)


def _optional_name(text: str, answers: Answers, ctx: Context) -> Parsed:
    return _optional(text, parsers.parse_name, ctx)


INVITE = Flow(
    "invite",
    1,
    (
        Step("role", "invite.role", CHOICE, "label.invite_role", "area", options=ROLES),
        Step("area", "invite.area", TEXT, "label.invite_area", "name", parse=area,
             show=lambda value, ctx: catalog().label(value)),
        Step("name", "invite.name", TEXT, "label.invite_name", "phone", parse=_optional_name,
             show=lambda value, ctx: value or messages.t(ctx.locale, "review.none")),
        Step("phone", "invite.phone", TEXT, "label.invite_phone", "review",
             parse=lambda t, a, c: _optional(t, parsers.parse_phone, c), show=common.show_phone),
        Step("review", "invite.review", REVIEW, "label.review", END, options=(Option("confirm", "invite.confirm"),)),
    ),
    admin_only=True,
)


def finish_invite(answers: Answers, ctx: Context) -> Completion:
    """The server creates the invite (checking the admin role again)."""
    data = {"role": answers["role"], "area": answers["area"], "name": answers.get("name"),
            "phone": answers.get("phone")}
    return Completion([ServerCommand("moi_canbo", data=data)])


def _invite_code(text: str, answers: Answers, ctx: Context) -> Parsed:
    code = "".join(text.split()).upper()
    return Ok(code) if code.isalnum() and 4 <= len(code) <= 32 else Invalid("redeem.bad_code")


# Redeeming an invite without a profile: the official's name first, so everyone knows who serves the area.
REDEEM = Flow(
    "redeem",
    1,
    (
        Step("code", "redeem.code", TEXT, "label.invite_code", "name", parse=_invite_code, editable=False),
        Step("name", "redeem.name", TEXT, "label.full_name", END, parse=_optional_name, editable=False),
    ),
)


def finish_redeem(answers: Answers, ctx: Context) -> Completion:
    """The server checks the code and appoints the sender under the name they gave."""
    command = ServerCommand("canbo", answers["code"], data={"name": answers.get("name")})
    return Completion([command])


KINDS = (
    Option("suspected", "report.kind.suspected", ("nghi nhiem", "nghi ngo", "co trieu chung", "ca nghi"),
           en=("suspected", "suspected case", "symptoms", "sick", "ill", "infected")),
    Option("arrival", "report.kind.arrival", ("nguoi ve", "tu vung dich ve", "nuoc ngoai ve", "chua khai bao"),
           en=("arrival", "arrived", "returned", "back from abroad", "from abroad", "not declared", "undeclared")),
    Option("other", "report.kind.other", ("khac",), en=("other", "something else", "else")),
)


def _place(text: str, answers: Answers, ctx: Context) -> Parsed:
    return parsers.parse_free_text(text, field_sizes.REPORT_PLACE)


def _who(text: str, answers: Answers, ctx: Context) -> Parsed:
    return Ok(None) if parsers.is_skip(text, ctx.locale) else parsers.parse_free_text(text, field_sizes.REPORT_WHO)


def _seen(text: str, answers: Answers, ctx: Context) -> Parsed:
    return parsers.parse_free_text(text, field_sizes.REPORT_SEEN)


def _show_optional(value: str | None, ctx: Context) -> str:
    return value or common.show_phone(None, ctx)


COMMUNITY = Flow(
    "community_report",
    1,
    (
        Step("kind", "report.kind", CHOICE, "label.report_kind", "province", options=KINDS),
        Step("province", "report.province", TEXT, "label.province", "commune", show=common.show_area,
             **common.province_step("province", "commune")),
        Step("commune", "report.commune", TEXT, "label.commune", "place", show=common.show_area,
             **common.commune_step("province")),
        Step("place", "report.place", TEXT, "label.report_place", "who", parse=_place),
        Step("who", "report.who", TEXT, "label.report_who", "seen", parse=_who, show=_show_optional),
        Step("seen", "report.seen", TEXT, "label.report_seen", "contact", parse=_seen),
        Step("contact", "report.contact", TEXT, "label.report_contact", "review", parse=common.optional_phone,
             show=common.show_phone),
        Step("review", "report.review", REVIEW, "label.review", END, options=(Option("confirm", "report.send"),)),
    ),
)


def finish_community(answers: Answers, ctx: Context) -> Completion:
    """The server stores the report and alerts the commune's officials."""
    data = {key: answers.get(key) for key in ("kind", "commune", "place", "who", "seen", "contact")}
    return Completion([ServerCommand("baocao", data=data)])
