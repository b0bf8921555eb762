"""Registration: consent first (Decree 13/2023), then the citizen's profile."""

from __future__ import annotations

from typing import Any

import messages
from handlers import parsers
from handlers.cccd import check_cccd
from handlers.flow import (
    CHOICE,
    END,
    REVIEW,
    TEXT,
    Answers,
    Completion,
    Flow,
    Invalid,
    NextFlow,
    Ok,
    Option,
    Parsed,
    Step,
)
from handlers.flows import common
from handlers.matching.vocabulary import NO_WORDS, NO_WORDS_EN, YES_WORDS, YES_WORDS_EN
from handlers.protocol import Context, DropConversation, Reply, SaveProfile
from handlers.text import is_number

CONSENT_OPTIONS = (
    Option("agree", "consent.agree", ("dong y", "toi dong y", "chap nhan", "dong y het", *YES_WORDS),
           en=("agree", "i agree", "accept", "i accept", "consent", "i consent", "agreed", *YES_WORDS_EN)),
    Option("decline", "consent.decline", ("khong dong y", "tu choi", "khong chap nhan", *NO_WORDS),
           en=("disagree", "i disagree", "decline", "refuse", "i refuse", "don t agree", "dont agree",
               "i do not agree", "do not agree", *NO_WORDS_EN)),
)


def id_number(text: str, answers: Answers, ctx: Context) -> Parsed:
    """An optional 12-digit CCCD, checked against the birth year and gender already given; "không có" skips it."""
    if parsers.declines(text, ctx.locale):
        return Ok(None)
    digits = "".join(ch for ch in text if not ch.isspace())
    if not is_number(digits):
        return Invalid("cccd.bad_format")
    problem = check_cccd(digits, answers.get("birth", {}).get("year"), answers.get("gender"))
    return Invalid(problem.key, problem.params) if problem else Ok(digits)


def _show_optional(value: str | None, ctx: Context) -> str:
    return value or messages.t(ctx.locale, "review.none")


FLOW = Flow(
    "register",
    1,
    (
        Step("consent", "consent.prompt", CHOICE, "label.consent", options=CONSENT_OPTIONS,
             next=lambda a: "full_name" if a.get("consent") == "agree" else END, editable=False),
        Step("full_name", "register.full_name", TEXT, "label.full_name", "birth", parse=common.name),
        Step("birth", "register.birth", TEXT, "label.birth", "gender", parse=common.birth,
             show=common.show_birth, clears=("id_number",)),
        Step("gender", "register.gender", CHOICE, "label.gender", "phone", options=common.GENDERS,
             clears=("id_number",)),
        Step("phone", "register.phone", TEXT, "label.phone", "id_number", parse=common.phone,
             show=common.show_phone),
        Step("id_number", "register.id_number", TEXT, "label.id_number", "province", parse=id_number,
             show=_show_optional),
        Step("province", "register.province", TEXT, "label.province", "commune", show=common.show_area,
             **common.province_step("province", "commune")),
        Step("commune", "register.commune", TEXT, "label.commune", "street", show=common.show_area,
             **common.commune_step("province")),
        Step("street", "register.street", TEXT, "label.street", "review", parse=common.address),
        Step("review", "register.review", REVIEW, "label.review", options=(Option("confirm", "register.save"),)),
    ),
)

def profile_from_answers(answers: Answers, ctx: Context) -> dict[str, Any]:
    """The profile record to store."""
    birth = answers["birth"]
    return {
        "full_name": answers["full_name"],
        "birth_date": birth.get("date"),
        "birth_year": birth["year"],
        "gender": answers["gender"],
        "phone": answers["phone"],
        "id_number": answers.get("id_number"),
        "province_code": answers["province"],
        "commune_code": answers["commune"],
        "street": answers["street"],
        "consent_at": ctx.now.isoformat(),
    }


def answers_from_profile(profile: Answers) -> dict[str, Any]:
    """Registration answers rebuilt from a stored profile, for editing it."""
    birth: dict[str, Any] = {"year": profile["birth_year"]}
    if profile.get("birth_date"):
        birth["date"] = profile["birth_date"]
    return {
        "consent": "agree",
        "full_name": profile["full_name"],
        "birth": birth,
        "gender": profile["gender"],
        "phone": profile["phone"],
        "id_number": profile.get("id_number"),
        "province": profile["province_code"],
        "commune": profile["commune_code"],
        "street": profile["street"],
    }


def finish(answers: Answers, ctx: Context) -> Completion:
    """Store the profile and go on to the declaration; consent refused: forget everything."""
    if answers.get("consent") != "agree":
        return Completion([DropConversation()], [Reply(messages.t(ctx.locale, "consent.declined"))])
    replies = [Reply(messages.t(ctx.locale, "register.saved"))]
    declare = NextFlow("declare", presets={"confirm_profile": "yes"})
    return Completion([SaveProfile(profile_from_answers(answers, ctx))], replies, declare)
