"""Who receives an alert or a report: the commune's officials; when it has none, the province's; when the
province has none either, the admins. The answer also says, in words, who that was."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncConnection

import messages
from handlers.areas import catalog
from handlers.audience import Audience
from storage import officials, persons

Who = tuple[str, dict[str, str]]  # who received it, as a message key and its parameters


def who_text(who: Who, locale: str) -> str:
    """Who received an alert, in words of ``locale``."""
    return messages.t(locale, who[0], **who[1])


async def recipients(
    connection: AsyncConnection, commune_code: str, admins: Iterable[tuple[str, str]], now: datetime
) -> tuple[list[Audience], Who, bool]:
    """The audiences, their description, and whether it reached the commune itself.

    With nobody at all to receive it, the commune's officials are kept as the audience: the alert stays
    stored and unacknowledged, and an official who joins later sees it with /canhbao.
    """
    commune = catalog().by_code.get(commune_code)
    if await officials.active_officials_in(connection, commune_code):
        return [Audience("area_officials", commune_code)], _label("routing.commune", commune_code), True
    province = commune.province_code if commune is not None and not commune.is_province else None
    if province and await officials.active_officials_in(connection, province):
        return [Audience("area_officials", province)], _label("routing.province", province), False
    people = list((await persons.ensure_many(connection, sorted(admins), now)).values()) if admins else []
    if people:
        return [Audience("person", person_id=person_id) for person_id in people], ("routing.admins", {}), False
    return [Audience("area_officials", commune_code)], ("routing.nobody", {}), False


def _label(key: str, code: str) -> Who:
    return key, {"area": catalog().label(code)}
