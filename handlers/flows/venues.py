"""Venue flows: an owner (or an official) registers a venue with /diadiem; a citizen confirms a check-in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import messages
from handlers import field_sizes, parsers
from handlers.areas import catalog
from handlers.flow import CHOICE, END, REVIEW, TEXT, Answers, Completion, Flow, Invalid, Ok, Option, Parsed, Step
from handlers.flows import common
from handlers.matching import options as matching
from handlers.matching import vocabulary
from handlers.matching.normal import meaningful
from handlers.protocol import Context, Reply, SaveCheckin, ServerCommand
from handlers.venues import codes
from handlers.venues.kinds import KINDS
from handlers.venues.notice import local_time

SELF, FAMILY, CANCEL = "self", "family", "cancel"


def venue_name(text: str, answers: Answers, ctx: Context) -> Parsed:
    """The venue's name as people know it: 2 characters up to the column's size; kept as typed, but a name typed
    all in lower case ("cho hong minh") gets capitals like a person's name ("Cho Hong Minh")."""
    value = parsers.parse_free_text(text, field_sizes.VENUE_NAME)
    if isinstance(value, Ok) and len(value.value) < 2:
        return Invalid("venue.name_too_short")
    if isinstance(value, Ok) and value.value == value.value.lower():
        return Ok(" ".join(word[:1].upper() + word[1:] for word in value.value.split(" ")))
    return value


def schedule(text: str, answers: Answers, ctx: Context) -> Parsed:
    """Opening hours as typed ("7h-17h, thứ 2 đến thứ 7"), or nothing when skipped."""
    if parsers.is_skip(text):
        return Ok(None)
    return parsers.parse_free_text(text, field_sizes.VENUE_SCHEDULE)


def _show_kind(value: str, ctx: Context) -> str:
    return messages.t(ctx.locale, next(option.key for option in KINDS if option.id == value))


def _show_schedule(value: str | None, ctx: Context) -> str:
    return value or messages.t(ctx.locale, "review.none")


REGISTER = Flow(
    "venue",
    1,
    unavailable=lambda ctx: None if ctx.registered else "venue.register_first",
    steps=(
        Step("name", "venue.ask.name", TEXT, "venue.label.name", "kind", parse=venue_name),
        Step("kind", "venue.ask.kind", CHOICE, "venue.label.kind", "province", options=KINDS, show=_show_kind),
        Step("province", "venue.ask.province", TEXT, "venue.label.province", "commune", show=common.show_area,
             **common.province_step("province", "commune")),
        Step("commune", "venue.ask.commune", TEXT, "venue.label.commune", "street", show=common.show_area,
             **common.commune_step("province")),
        Step("street", "venue.ask.street", TEXT, "venue.label.street", "schedule", parse=common.address),
        Step("schedule", "venue.ask.schedule", TEXT, "venue.label.schedule", "review", parse=schedule,
             show=_show_schedule),
        Step("review", "venue.review", REVIEW, "label.review", options=(Option("confirm", "venue.save"),)),
    ),
)


def finish_register(answers: Answers, ctx: Context) -> Completion:
    """The server stores the venue (checking an official's area) and sends its poster."""
    data = {key: answers.get(key) for key in ("name", "kind", "province", "commune", "street", "schedule")}
    return Completion([ServerCommand("venue_save", data=data)])


def venue_snapshot(venue: Mapping[str, Any], family: tuple[str, ...]) -> dict[str, Any]:
    """What the check-in flow keeps of the venue while the citizen confirms."""
    address = f"{venue['street']}, {catalog().label(venue['commune_code'])}"
    return {"id": venue["id"], "name": venue["name"], "address": address, "family": list(family)}


def venue_answer(text: str, answers: Answers, ctx: Context) -> Parsed:
    """A venue's short code typed after /checkin: the venue the service looked up for it (``ctx.venue``)."""
    code = codes.normal_code(text)
    venue = ctx.venue
    if code is None or venue is None or venue["code"] != code:
        return Invalid("checkin.unknown")
    if venue["status"] != "active":
        return Invalid("checkin.suspended", {"name": venue["name"]})
    return Ok(venue_snapshot(venue, ctx.household))


def _confirm_params(answers: Answers, ctx: Context) -> dict[str, str]:
    venue = answers["venue"]
    return {"name": venue["name"], "address": venue["address"], "time": local_time(ctx.now, ctx.zone)}


def _confirm_choices(answers: Answers, ctx: Context) -> list[tuple[str, str]]:
    family = answers["venue"].get("family") or []
    options = [(SELF, messages.t(ctx.locale, "checkin.option.self"))]
    if family:
        options.append((FAMILY, messages.t(ctx.locale, "checkin.option.family", names=", ".join(family))))
    return [*options, (CANCEL, messages.t(ctx.locale, "checkin.option.cancel"))]


def confirm_answer(text: str, answers: Answers, ctx: Context) -> Parsed:
    """The answer to a check-in's confirmation: a yes word ("ok", "có", "đồng ý") checks in oneself, a no word
    declines, anything else is one of the options listed."""
    words = " ".join(meaningful(text))
    vocab = vocabulary.of(ctx.locale)
    if words in vocab.yes or words in vocab.confirm:
        return Ok(SELF)
    if words in vocab.no:
        return Ok(CANCEL)
    return matching.choose_one(text, matching.from_labels(_confirm_choices(answers, ctx)), ctx.locale)


CHECKIN = Flow(
    "checkin",
    1,
    aside=True,  # a check-in in the middle of a declaration goes back to it afterwards
    steps=(
        # asked only after a bare /checkin: /checkin CODE and the QR's link give it
        Step("venue", "checkin.ask_code", TEXT, "checkin.label.venue", "confirm", parse=venue_answer, editable=False),
        Step("confirm", "checkin.confirm", CHOICE, "checkin.label.confirm", END, editable=False,
             choices=_confirm_choices, prompt_params=_confirm_params, parse=confirm_answer),
    ),
)


def finish_checkin(answers: Answers, ctx: Context) -> Completion:
    """The server stores the check-in (it checks the venue is still open); or nothing was done."""
    if answers["confirm"] == CANCEL:
        return Completion(replies=[Reply(messages.t(ctx.locale, "checkin.cancelled"))], resume=True)
    venue = answers["venue"]
    checkin = SaveCheckin(venue["id"], venue["name"], answers["confirm"] == FAMILY)
    return Completion([checkin], resume=True)
