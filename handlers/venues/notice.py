"""The texts of exposure notices and of the officials' summaries: venue and hour, never who the case is."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import messages
from handlers import commands
from handlers.areas import catalog
from handlers.text import fold
from handlers.venues.windows import Exposed

DECLARE_COMMAND = "tiepxuc"  # starts a declaration that records the exposure of the notice
DECLARE_LINK = "e_"  # /start e_: the same from the notice's button
SAME_PLACE = "same_place"  # the exposure a notice records: at the same venue and time as a case


def declares_after_notice(text: str) -> bool:
    """True for /tiepxuc and the notice button's /start e_... (the sender's notices are then looked up)."""
    name, _, argument = text.strip().partition(" ")
    if not name.startswith("/"):
        return False
    command = commands.typed(fold(name[1:].split("@", 1)[0]))
    if command is not None and command.action == "restart":
        link = commands.start_link(argument.strip())
        command = link[0] if link else None
    return command is not None and command.action == "declare_exposed"


def local_time(moment: datetime, zone: ZoneInfo) -> str:
    """"14:05 ngày 22/11/2026"-style hour and date, in the deployment's zone."""
    local = moment.astimezone(zone)
    return local.strftime("%H:%M %d/%m/%Y")


def venue_place(venue: Mapping[str, Any]) -> str:
    """The venue's name and address as shown to people."""
    return f"{venue['name']} ({venue['street']}, {catalog().label(venue['commune_code'])})"


def exposure_text(locale: str, exposed: Exposed, venues: Mapping[int, Mapping[str, Any]], zone: ZoneInfo) -> str:
    """The notice one account receives: where and when, who of theirs was there, what to do, how to declare."""
    lines = [
        messages.t(locale, "exposure.notice.visit", place=venue_place(venues[venue_id]),
                   time=local_time(at, zone))
        for venue_id, at in sorted(exposed.visits.items(), key=lambda item: item[1])
    ]
    if exposed.family and exposed.account_holder:
        who = messages.t(locale, "exposure.notice.you_and", names=", ".join(sorted(exposed.family)))
    elif exposed.family:
        who = messages.t(locale, "exposure.notice.family", names=", ".join(sorted(exposed.family)))
    else:
        who = messages.t(locale, "exposure.notice.you")
    command = commands.shown_name(commands.BY_NAME[DECLARE_COMMAND], locale)
    return messages.t(locale, "exposure.notice", who=who, visits="\n".join(lines), command=f"/{command}")


def declare_button(locale: str, bot_username: str | None) -> dict[str, str] | None:
    """The "declare now" button (a Telegram deep link); None where there is no bot name to link to."""
    if not bot_username:
        return None
    return {"label": messages.t(locale, "exposure.notice.button"),
            "url": f"https://t.me/{bot_username}?start={DECLARE_LINK}now"}


def venue_summary_line(locale: str, venue: Mapping[str, Any], first: datetime, last: datetime, people: int,
                       zone: ZoneInfo) -> str:
    """One line of a commune's summary: a venue, the case's hours there (one time for a single check-in), the
    number of people told."""
    key = "exposure.summary.line_once" if first == last else "exposure.summary.line"
    return messages.t(locale, key, place=venue_place(venue), start=local_time(first, zone),
                      end=local_time(last, zone), people=str(people))
