"""Admins invite officials and gatekeepers; citizens report a suspected case or an arrival near them."""

from __future__ import annotations

from handlers import field_sizes, parsers
from handlers.areas import catalog
from handlers.flow import CHOICE, END, REVIEW, TEXT, Answers, Completion, Flow, Ok, Option, Parsed, Step
from handlers.flows import common
from handlers.flows.publish import area
from handlers.protocol import Context, Reply, ServerCommand

ROLES = (
    Option("official", "invite.role.official", ("can bo", "can bo y te", "quan ly")),
    Option("gatekeeper", "invite.role.gatekeeper", ("bao ve", "le tan", "kiem tra", "cong")),
)

INVITE = Flow(
    "invite",
    1,
    (
        Step("role", "invite.role", CHOICE, "label.invite_role", "area", options=ROLES),
        Step("area", "invite.area", TEXT, "label.invite_area", "review", parse=area,
             show=lambda value, ctx: catalog().label(value)),
        Step("review", "invite.review", REVIEW, "label.review", END, options=(Option("confirm", "invite.confirm"),)),
    ),
    admin_only=True,
)


def finish_invite(answers: Answers, ctx: Context) -> Completion:
    """The server creates the invite (checking the admin role again)."""
    data = {"role": answers["role"], "area": answers["area"]}
    return Completion(replies=[Reply("", deferred=ServerCommand("moi_canbo", data=data))])


KINDS = (
    Option("suspected", "report.kind.suspected", ("nghi nhiem", "nghi ngo", "co trieu chung", "ca nghi")),
    Option("arrival", "report.kind.arrival", ("nguoi ve", "tu vung dich ve", "nuoc ngoai ve", "chua khai bao")),
    Option("other", "report.kind.other", ("khac",)),
)


def _place(text: str, answers: Answers, ctx: Context) -> Parsed:
    return parsers.parse_free_text(text, field_sizes.REPORT_PLACE)


def _who(text: str, answers: Answers, ctx: Context) -> Parsed:
    return Ok(None) if parsers.is_skip(text) else parsers.parse_free_text(text, field_sizes.REPORT_WHO)


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
    return Completion(replies=[Reply("", deferred=ServerCommand("baocao", data=data))])
