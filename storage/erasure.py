"""How every table forgets: erasing one person (Decree 13/2023) and retention of old records.

``RULES`` lists, for each table that can hold personal data, what erasing one person and what the
retention job do there, in the order they run; ``NO_PERSONAL_DATA`` names the tables that hold
none. tests/records/test_erasure.py checks that every table is in one of the two, so a new table
cannot be forgotten: add its rule here.

Aggregate rows stay (a declaration's level, commune and day; a delivery's status; a report's kind,
commune and day) with every personal field removed, so statistics keep their counts. Alerts store
no text (handlers.alert_text renders it from the declaration or report); on erasure the broadcasts
that sent one are rendered again from the anonymised rows, and retention empties old alert texts.
Other texts that copied personal data (broadcasts listing people, per-recipient texts, notices)
lose the person's traces (handlers.traces): their names, the names of the people they declared
for or reported, phone numbers in any spacing, CCCD, streets. Files on disk are the
bot's concern (bot.records.user_files).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, literal, or_, select, update

import messages
from handlers.alert_text import ALERT_SENDERS, FORMS, alert_message, sender
from handlers.traces import Traces
from storage import alerts, web_sessions
from storage.models import (
    Broadcast,
    Checkin,
    CommunityReport,
    Conversation,
    Declaration,
    Delivery,
    Exposure,
    InboundMessage,
    Invite,
    Monitoring,
    Notice,
    OutboxReply,
    Person,
    Venue,
)
from storage.upsert import Executor, rows_changed

PERSON = Person.__table__  # type: ignore[attr-defined]
DECLARATION = Declaration.__table__  # type: ignore[attr-defined]
REPORT = CommunityReport.__table__  # type: ignore[attr-defined]
BROADCAST = Broadcast.__table__  # type: ignore[attr-defined]
DELIVERY = Delivery.__table__  # type: ignore[attr-defined]
NOTICE = Notice.__table__  # type: ignore[attr-defined]
CONVERSATION = Conversation.__table__  # type: ignore[attr-defined]
INBOUND = InboundMessage.__table__  # type: ignore[attr-defined]
MONITORING = Monitoring.__table__  # type: ignore[attr-defined]
INVITE = Invite.__table__  # type: ignore[attr-defined]
OUTBOX = OutboxReply.__table__  # type: ignore[attr-defined]
VENUE = Venue.__table__  # type: ignore[attr-defined]
CHECKIN = Checkin.__table__  # type: ignore[attr-defined]
EXPOSURE = Exposure.__table__  # type: ignore[attr-defined]
REDACTED = "[đã xóa]"
PERSONAL_COLUMNS = ("display_name", "full_name", "birth_date", "birth_year", "gender", "phone", "id_number",
                    "street", "former", "consent_at", "area_code")
OPEN_DELIVERIES = ("pending", "claimed")


@dataclass(frozen=True)
class Subject:
    """The person being erased, with the rows they gave and the traces those left in free text."""

    person: dict[str, Any]
    declaration_ids: tuple[int, ...]
    report_ids: tuple[int, ...]
    traces: Traces

    @property
    def own_inbound(self) -> ColumnElement[bool]:
        """Their incoming messages on their channel and its raw stores ("zalo-raw")."""
        channel = self.person["channel"]
        return and_(INBOUND.c.external_id == self.person["external_id"],
                    or_(INBOUND.c.channel == channel, INBOUND.c.channel.startswith(f"{channel}-")))


Eraser = Callable[[Executor, Subject, datetime], Awaitable[None]]
Retainer = Callable[[Executor, datetime], Awaitable[int]]


@dataclass(frozen=True)
class Rule:
    """What one table does for an erasure and for retention (None: nothing to do there)."""

    erase: Eraser | None
    retain: Retainer | None


async def subject_of(executor: Executor, person: dict[str, Any]) -> Subject:
    """The person with their declarations' and reports' ids and every trace they gave."""
    declared = (await executor.execute(select(DECLARATION.c.id, DECLARATION.c.subject_name, DECLARATION.c.answers)
                                       .where(DECLARATION.c.person_id == person["id"]))).all()
    reported = (await executor.execute(select(REPORT).where(REPORT.c.reporter_id == person["id"]))).all()
    answers = [row.answers or {} for row in declared]
    former = person["former"] or {}
    traces = Traces.of(
        phrases=[person["full_name"], person["display_name"], person["street"], *former.get("full_name", ()),
                 *former.get("street", ()), *(row.subject_name for row in declared),
                 *(a.get("subject_street") for a in answers), *(row.who for row in reported),
                 *(row.place for row in reported)],
        phones=[person["phone"], *former.get("phone", ()), *(a.get("subject_phone") for a in answers),
                *(row.contact for row in reported)],
        numbers=[person["id_number"], *former.get("id_number", ()),
                 *((a.get("paper") or {}).get("number") for a in answers)],  # an arrival's passport number
    )
    return Subject(person, tuple(row.id for row in declared), tuple(row.id for row in reported), traces)


async def erase_person(executor: Executor, person: dict[str, Any], now: datetime) -> Subject:
    """Remove every personal field of ``person`` from every table; the person stops receiving anything.

    Returns what was erased, whose traces the caller looks for outside the database (files).
    """
    subject = await subject_of(executor, person)
    for rule in RULES.values():
        if rule.erase is not None:
            await rule.erase(executor, subject, now)
    return subject


async def apply_retention(executor: Executor, before: datetime) -> dict[str, int]:
    """Anonymise or delete what is older than ``before``, table by table; how many rows each changed."""
    return {table: await rule.retain(executor, before) for table, rule in RULES.items() if rule.retain is not None}


# --- person and what they gave --------------------------------------------------------------------


async def _erase_person_row(executor: Executor, subject: Subject, now: datetime) -> None:
    person_id = subject.person["id"]
    await executor.execute(update(PERSON).where(PERSON.c.id == person_id).values(
        **dict.fromkeys(PERSONAL_COLUMNS), external_id=f"deleted-{person_id}", role="citizen", active=False,
        updated_at=now))


async def _anonymise_declarations(executor: Executor, condition: Any) -> int:
    """Keep a declaration's level, commune and day; drop its name, answers and code."""
    result = await executor.execute(update(DECLARATION).where(condition).values(
        subject_name="", answers={}, code=literal("X") + func.cast(DECLARATION.c.id, DECLARATION.c.code.type)))
    return rows_changed(result)


async def _erase_declarations(executor: Executor, subject: Subject, now: datetime) -> None:
    await _anonymise_declarations(executor, DECLARATION.c.person_id == subject.person["id"])


async def _retain_declarations(executor: Executor, before: datetime) -> int:
    return await _anonymise_declarations(executor, and_(DECLARATION.c.created_at < before,
                                                        DECLARATION.c.subject_name != ""))


async def _anonymise_reports(executor: Executor, condition: Any) -> int:
    """Keep a report's kind, commune and day; drop who filed it and what it says."""
    result = await executor.execute(update(REPORT).where(condition).values(
        reporter_id=None, anonymous=True, contact=None, who=None, place=REDACTED, seen=REDACTED))
    return rows_changed(result)


async def _erase_reports(executor: Executor, subject: Subject, now: datetime) -> None:
    await _anonymise_reports(executor, REPORT.c.reporter_id == subject.person["id"])


async def _retain_reports(executor: Executor, before: datetime) -> int:
    return await _anonymise_reports(executor, and_(REPORT.c.created_at < before, REPORT.c.place != REDACTED))


async def _erase_monitoring(executor: Executor, subject: Subject, now: datetime) -> None:
    await executor.execute(delete(MONITORING).where(MONITORING.c.person_id == subject.person["id"]))


async def _erase_invites(executor: Executor, subject: Subject, now: datetime) -> None:
    """The invite they redeemed forgets the name and phone the admin gave for them."""
    await executor.execute(update(INVITE).where(INVITE.c.used_by == subject.person["id"])
                           .values(name=None, phone=None))


async def _retain_invites(executor: Executor, before: datetime) -> int:
    """Old invites (the redeemed ones copied their contact to the person) keep no name or phone."""
    result = await executor.execute(update(INVITE).where(
        INVITE.c.created_at < before, or_(INVITE.c.name.is_not(None), INVITE.c.phone.is_not(None)),
    ).values(name=None, phone=None))
    return rows_changed(result)


async def _erase_conversation(executor: Executor, subject: Subject, now: datetime) -> None:
    await executor.execute(delete(CONVERSATION).where(CONVERSATION.c.channel == subject.person["channel"],
                                                      CONVERSATION.c.external_id == subject.person["external_id"]))


async def _retain_conversations(executor: Executor, before: datetime) -> int:
    return rows_changed(await executor.execute(delete(CONVERSATION).where(CONVERSATION.c.updated_at < before)))


async def _erase_inbound(executor: Executor, subject: Subject, now: datetime) -> None:
    """Raw payloads go; the (channel, message id) markers stay, so a late repeat is still dropped."""
    await executor.execute(update(INBOUND).where(subject.own_inbound).values(payload=None, external_id=""))


async def _retain_inbound(executor: Executor, before: datetime) -> int:
    return rows_changed(await executor.execute(delete(INBOUND).where(INBOUND.c.received_at < before)))


# --- texts that copied personal data --------------------------------------------------------------


async def _rerender_alert_broadcasts(executor: Executor, alert_rows: list[dict[str, Any]]) -> None:
    """Render the broadcasts of these alerts again from their (anonymised) declarations and reports."""
    by_id = {row["id"]: row for row in alert_rows}
    if not by_id:
        return
    senders = {sender(alert_id, form): (alert_id, form) for alert_id in by_id for form in FORMS}
    sent = (await executor.execute(select(BROADCAST.c.id, BROADCAST.c.created_by).where(
        BROADCAST.c.created_by.in_(list(senders))))).all()
    for broadcast_id, created_by in sent:
        alert_id, form = senders[created_by]
        texts = {column: alert_message(await alerts.text_of(executor, by_id[alert_id], locale), alert_id, form, locale)
                 for column, locale in (("text", messages.VI), ("text_en", messages.EN))}
        await executor.execute(update(BROADCAST).where(BROADCAST.c.id == broadcast_id).values(**texts))
        await executor.execute(update(DELIVERY).where(DELIVERY.c.broadcast_id == broadcast_id).values(text=None))


async def _scrub(executor: Executor, table: Any, columns: tuple[str, ...], traces: Traces) -> None:
    """Replace the traces in these text columns of every row holding one."""
    query = select(table.c.id, *(table.c[name] for name in columns)).where(
        or_(*(table.c[name].is_not(None) for name in columns)))
    for row in (await executor.execute(query)).all():
        values = {name: traces.redact(text, REDACTED) for name, text in zip(columns, row[1:], strict=True)
                  if text and traces.found(text)}
        if values:
            await executor.execute(update(table).where(table.c.id == row[0]).values(**values))


async def _erase_broadcasts(executor: Executor, subject: Subject, now: datetime) -> None:
    sources = or_(DECLARATION.c.id.in_(subject.declaration_ids), REPORT.c.id.in_(subject.report_ids))
    await _rerender_alert_broadcasts(executor, await alerts.about(executor, sources))
    await _scrub(executor, BROADCAST, ("text", "text_en"), subject.traces)


async def _retain_broadcasts(executor: Executor, before: datetime) -> int:
    """Alerts (about one person, or listing those who missed a monitoring slot) and the declarant's notice of
    who received theirs lose their text once old."""
    of_alerts = or_(BROADCAST.c.kind == "alert", BROADCAST.c.created_by.startswith(ALERT_SENDERS))
    result = await executor.execute(
        update(BROADCAST)
        .where(BROADCAST.c.created_at < before, of_alerts, BROADCAST.c.text != REDACTED)
        .values(text=REDACTED, text_en=None))
    return rows_changed(result)


async def _erase_deliveries(executor: Executor, subject: Subject, now: datetime) -> None:
    """Their unsent rows go; the sent ones keep only their status (for the broadcast's counts)."""
    person_id = subject.person["id"]
    await executor.execute(delete(DELIVERY).where(DELIVERY.c.person_id == person_id,
                                                  DELIVERY.c.status.in_(OPEN_DELIVERIES)))
    await executor.execute(update(DELIVERY).where(DELIVERY.c.person_id == person_id)
                           .values(external_id="", text=None))
    await _scrub(executor, DELIVERY, ("text",), subject.traces)


async def _retain_deliveries(executor: Executor, before: datetime) -> int:
    old = select(BROADCAST.c.id).where(BROADCAST.c.created_at < before)
    result = await executor.execute(update(DELIVERY).where(
        DELIVERY.c.text.is_not(None), DELIVERY.c.status.not_in(OPEN_DELIVERIES), DELIVERY.c.broadcast_id.in_(old),
    ).values(text=None))
    return rows_changed(result)


async def _erase_notices(executor: Executor, subject: Subject, now: datetime) -> None:
    await _scrub(executor, NOTICE, ("header", "summary", "summary_en", "body"), subject.traces)


async def _erase_outbox(executor: Executor, subject: Subject, now: datetime) -> None:
    """Their unsent replies go (the erasure's own confirmation is written after this); others' lose the traces."""
    await executor.execute(delete(OUTBOX).where(OUTBOX.c.channel == subject.person["channel"],
                                                OUTBOX.c.external_id == subject.person["external_id"]))
    for row_id, kept in (await executor.execute(select(OUTBOX.c.id, OUTBOX.c.replies))).all():  # unsent only: few
        scrubbed = [{**reply, "text": subject.traces.redact(reply["text"], REDACTED)} for reply in kept]
        if scrubbed != kept:
            await executor.execute(update(OUTBOX).where(OUTBOX.c.id == row_id).values(replies=scrubbed))


async def _retain_outbox(executor: Executor, before: datetime) -> int:
    """Replies never sent (given up) are kept for the operator until the retention period ends."""
    return rows_changed(await executor.execute(delete(OUTBOX).where(OUTBOX.c.created_at < before)))


async def _erase_web_access(executor: Executor, subject: Subject, now: datetime) -> None:
    person = subject.person
    await web_sessions.forget_holder(executor, f"{person['channel']}:{person['external_id']}", person["id"])


async def _erase_checkins(executor: Executor, subject: Subject, now: datetime) -> None:
    """Where they (and the family they checked in) went: gone."""
    await executor.execute(delete(CHECKIN).where(CHECKIN.c.person_id == subject.person["id"]))


async def _erase_exposures(executor: Executor, subject: Subject, now: datetime) -> None:
    """Their exposures stay counted for the case's statistics, no longer linked to them."""
    await executor.execute(update(EXPOSURE).where(EXPOSURE.c.person_id == subject.person["id"]).values(person_id=None))


async def _retain_exposures(executor: Executor, before: datetime) -> int:
    """Old exposures keep their counts and times, not who was told."""
    result = await executor.execute(update(EXPOSURE).where(EXPOSURE.c.notified_at < before,
                                                           EXPOSURE.c.person_id.is_not(None)).values(person_id=None))
    return rows_changed(result)


async def _erase_venues(executor: Executor, subject: Subject, now: datetime) -> None:
    """A venue is a public place and stays (others' check-ins point to it); it loses its owner and their traces."""
    await executor.execute(update(VENUE).where(VENUE.c.owner_id == subject.person["id"]).values(owner_id=None))
    await _scrub(executor, VENUE, ("name", "street", "schedule"), subject.traces)


RULES: dict[str, Rule] = {
    "declaration": Rule(_erase_declarations, _retain_declarations),
    "community_report": Rule(_erase_reports, _retain_reports),
    "broadcast": Rule(_erase_broadcasts, _retain_broadcasts),  # after the declarations and reports it renders
    "delivery": Rule(_erase_deliveries, _retain_deliveries),
    "notice": Rule(_erase_notices, None),  # public documents: only an erased person's traces leave them
    "monitoring": Rule(_erase_monitoring, None),
    "invite": Rule(_erase_invites, _retain_invites),
    "conversation": Rule(_erase_conversation, _retain_conversations),
    "inbound_message": Rule(_erase_inbound, _retain_inbound),
    "outbox_reply": Rule(_erase_outbox, _retain_outbox),
    "web_login": Rule(None, web_sessions.forget_links_before),  # erased with web_session, by identity
    "web_session": Rule(_erase_web_access, web_sessions.forget_sessions_before),
    # check-ins keep their own, shorter period (CHECKIN_RETENTION_DAYS): bot.commands.data_rights.retention
    "checkin": Rule(_erase_checkins, None),
    "exposure": Rule(_erase_exposures, _retain_exposures),
    "venue": Rule(_erase_venues, None),
    "person": Rule(_erase_person_row, None),  # last: the others read it; a profile stays while consent stands
}

NO_PERSONAL_DATA = frozenset({
    "area", "outbreak_area", "report_schedule", "report_round",
    "alert",  # ids and times only: its text is rendered from the declaration or report
    "audit_log",  # append-only: actors, actions and ids, never names or numbers
    "exposure_case",  # ids, an area, venues, times and counts: who the case is lives in the declaration alone
})
