"""SQLModel tables. Times are stored as aware UTC datetimes; JSON columns hold plain data only.

The columns people type into take their size from handlers.field_sizes, which the parsers use too.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Index, Text, TypeDecorator, UniqueConstraint
from sqlalchemy import text as sql_text
from sqlmodel import Field, SQLModel

from handlers import field_sizes as sizes


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored in UTC and read back aware on every database (SQLite keeps no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def utc_column(nullable: bool = False, index: bool = False) -> Any:
    """A timezone-aware datetime column."""
    return Column(UTCDateTime(), nullable=nullable, index=index)


class Area(SQLModel, table=True):
    """A province (2-digit code) or commune (5-digit code) of the July 2025 map, or a country (ISO code)."""

    code: str = Field(primary_key=True, max_length=5)
    name: str = Field(max_length=120)
    level: str = Field(max_length=10)  # province | commune | country
    province_code: str = Field(max_length=2, index=True)


class Person(SQLModel, table=True):
    """A user as known on one channel: identity, profile, consent, role and area."""

    __table_args__ = (UniqueConstraint("channel", "external_id", name="uq_person_identity"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    external_id: str = Field(max_length=64)
    display_name: str | None = Field(default=None, max_length=sizes.NAME)
    full_name: str | None = Field(default=None, max_length=sizes.NAME)
    birth_date: date | None = None
    birth_year: int | None = None
    gender: str | None = Field(default=None, max_length=10)
    phone: str | None = Field(default=None, max_length=sizes.PHONE)
    id_number: str | None = Field(default=None, max_length=sizes.ID_NUMBER)
    province_code: str | None = Field(default=None, max_length=2, index=True)
    commune_code: str | None = Field(default=None, max_length=5, index=True)
    street: str | None = Field(default=None, max_length=sizes.STREET)
    # earlier values of full_name, phone, id_number and street after edits, kept only for erasure to find
    # the copies texts made of them
    former: dict[str, list[str]] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    consent_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    role: str = Field(default="citizen", max_length=16)  # citizen | official | admin | gatekeeper
    area_code: str | None = Field(default=None, max_length=5)  # an official's area
    locale: str = Field(default="vi", max_length=8)
    active: bool = True  # False once the person blocked the bot
    created_at: datetime = Field(sa_column=utc_column())
    updated_at: datetime = Field(sa_column=utc_column())


class Conversation(SQLModel, table=True):
    """The conversation state of one user on one channel, as JSON."""

    channel: str = Field(primary_key=True, max_length=16)
    external_id: str = Field(primary_key=True, max_length=64)
    state: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(sa_column=utc_column())


class InboundMessage(SQLModel, table=True):
    """An incoming platform message, stored before it is handled; repeats of the same id are dropped."""

    __tablename__ = "inbound_message"

    __table_args__ = (
        UniqueConstraint("channel", "message_id", name="uq_inbound_message"),
        Index("ix_inbound_waiting", "channel", "external_id", sqlite_where=sql_text("handled_at IS NULL"),
              postgresql_where=sql_text("handled_at IS NULL")),
    )

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    message_id: str = Field(max_length=128)
    external_id: str = Field(max_length=64)
    payload: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    received_at: datetime = Field(sa_column=utc_column())
    handled_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class OutboxReply(SQLModel, table=True):
    """The replies to one incoming message, written with the state they answer and removed once sent.

    The channel sends them right after the commit and marks them sent; a row still unsent when
    ``next_attempt_at`` passes (a crash, an outage) is sent again by the outbox relay.
    """

    __tablename__ = "outbox_reply"

    __table_args__ = (
        UniqueConstraint("channel", "message_id", name="uq_outbox_message"),
        Index("ix_outbox_due", "next_attempt_at", sqlite_where=sql_text("failed_at IS NULL"),
              postgresql_where=sql_text("failed_at IS NULL")),
    )

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    message_id: str = Field(max_length=128)
    external_id: str = Field(max_length=64)
    replies: list[Any] = Field(sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(sa_column=utc_column())
    next_attempt_at: datetime = Field(sa_column=utc_column())
    attempts: int = 0
    failed_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class Declaration(SQLModel, table=True):
    """A submitted health declaration: the answers plus the columns that are queried."""

    __table_args__ = (
        Index("ix_declaration_commune_created", "commune_code", "created_at"),
        Index("ix_declaration_province_created", "province_code", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=16, unique=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    created_at: datetime = Field(sa_column=utc_column(index=True))
    valid_until: datetime = Field(sa_column=utc_column())
    for_self: bool = True
    subject_name: str = Field(max_length=sizes.NAME)
    province_code: str | None = Field(default=None, max_length=2)
    commune_code: str | None = Field(default=None, max_length=5)
    risk_level: str = Field(max_length=8, index=True)  # green | yellow | red
    reasons: list[str] = Field(sa_column=Column(JSON, nullable=False))
    answers: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))


class OutbreakArea(SQLModel, table=True):
    """An area on the outbreak list from a start date until it is removed."""

    __tablename__ = "outbreak_area"

    id: int | None = Field(default=None, primary_key=True)
    area_code: str = Field(foreign_key="area.code", max_length=5, index=True)
    started_on: date
    ended_on: date | None = None
    note: str | None = Field(default=None, max_length=sizes.OUTBREAK_NOTE)
    created_at: datetime = Field(sa_column=utc_column())


class Broadcast(SQLModel, table=True):
    """One message to many recipients (a notice, reminder or alert), with its audience and lifecycle."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(default="notice", max_length=16)  # notice | reminder | alert | message
    text: str = Field(sa_column=Column(Text, nullable=False))
    text_en: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # for English speakers
    audience: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    urgent: bool = False
    status: str = Field(default="scheduled", max_length=12, index=True)  # scheduled|sending|done|cancelled
    scheduled_at: datetime = Field(sa_column=utc_column(index=True))
    created_by: str | None = Field(default=None, max_length=96)
    created_at: datetime = Field(sa_column=utc_column())
    expanded_through: int = 0  # the highest person id already given a delivery row
    total: int = 0
    started_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    finished_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    progress_channel: str | None = Field(default=None, max_length=16)
    progress_chat: str | None = Field(default=None, max_length=64)
    progress_message: str | None = Field(default=None, max_length=64)


class Delivery(SQLModel, table=True):
    """One recipient of one broadcast: written before sending, claimed by a sender, then settled."""

    __table_args__ = (
        UniqueConstraint("broadcast_id", "person_id", name="uq_delivery_recipient"),
        Index("ix_delivery_claim_order", "broadcast_id", "channel", "status", "id"),
        Index(
            "ix_delivery_lease", "lease_until",
            sqlite_where=sql_text("lease_until IS NOT NULL"), postgresql_where=sql_text("lease_until IS NOT NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    broadcast_id: int = Field(foreign_key="broadcast.id")
    person_id: int = Field(foreign_key="person.id")
    channel: str = Field(max_length=16)
    external_id: str = Field(max_length=64)
    text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # overrides the broadcast's
    locale: str | None = Field(default=None, max_length=8)  # the recipient's language when the row was written
    status: str = Field(default="pending", max_length=10)
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_column=utc_column())
    lease_until: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    last_error: str | None = Field(default=None, max_length=200)
    sent_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    retry_since: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))  # first transient failure
    # a link button under the text, {"label", "url"}, where the platform shows buttons (exposure notices)
    button: dict[str, str] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class Notice(SQLModel, table=True):
    """A published directive or announcement: its header, summary, full cleaned text and parsed fields."""

    id: int | None = Field(default=None, primary_key=True)
    header: str = Field(max_length=sizes.NOTICE_HEADER)
    summary: str = Field(sa_column=Column(Text, nullable=False))
    summary_en: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # for English speakers
    body: str = Field(sa_column=Column(Text, nullable=False))
    parsed: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    broadcast_id: int | None = Field(default=None, foreign_key="broadcast.id")
    created_by: str | None = Field(default=None, max_length=96)
    created_at: datetime = Field(sa_column=utc_column(index=True))


class Invite(SQLModel, table=True):
    """A one-time invitation to become an official (or gatekeeper) of an area."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    role: str = Field(max_length=16)
    area_code: str = Field(max_length=5)
    name: str | None = Field(default=None, max_length=sizes.NAME)  # the invited official, when the admin gave it
    phone: str | None = Field(default=None, max_length=sizes.PHONE)
    created_by: str = Field(max_length=96)
    created_at: datetime = Field(sa_column=utc_column())
    expires_at: datetime = Field(sa_column=utc_column())
    used_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    used_by: int | None = Field(default=None, foreign_key="person.id")
    revoked_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class ReportSchedule(SQLModel, table=True):
    """A reporting rhythm for the officials of one level (or one area): when to remind, when it is due."""

    __tablename__ = "report_schedule"

    id: int | None = Field(default=None, primary_key=True)
    level: str = Field(max_length=10)  # commune | province
    area_code: str | None = Field(default=None, max_length=5)  # one area only, or every area of the level
    day_of_week: str = Field(max_length=20)  # cron field: "*" daily, "tue", "mon,thu"
    day_of_month: str = Field(default="*", max_length=20)  # cron field: "*" or "24"
    at_time: str = Field(max_length=5)  # HH:MM local
    due_hours: float  # the report is due this long after the reminder
    title: str = Field(max_length=sizes.SCHEDULE_TITLE)
    source: str | None = Field(default=None, max_length=sizes.SCHEDULE_SOURCE)  # the directive sentence it came from
    active: bool = True
    created_by: str = Field(max_length=96)
    created_at: datetime = Field(sa_column=utc_column())


class ReportRound(SQLModel, table=True):
    """One area's report for one firing of a schedule: reminded, confirmed or escalated."""

    __tablename__ = "report_round"
    __table_args__ = (UniqueConstraint("schedule_id", "area_code", "fired_for", name="uq_report_round"),)

    id: int | None = Field(default=None, primary_key=True)
    schedule_id: int = Field(foreign_key="report_schedule.id")
    area_code: str = Field(max_length=5, index=True)
    fired_for: datetime = Field(sa_column=utc_column())  # the scheduled fire time
    due_at: datetime = Field(sa_column=utc_column(index=True))
    status: str = Field(default="open", max_length=10)  # open | reminded | escalated | confirmed
    confirmed_by: int | None = Field(default=None, foreign_key="person.id")
    confirmed_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class Alert(SQLModel, table=True):
    """A high-risk declaration or a community report routed to a commune's officials, until acknowledged.

    Its text is not stored: it is rendered from the declaration (and its person) or the report
    whenever it is sent, so it follows their edits, erasure and retention.
    """

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=12)  # declaration | community
    commune_code: str = Field(max_length=5, index=True)
    declaration_id: int | None = Field(default=None, foreign_key="declaration.id")
    report_id: int | None = Field(default=None, foreign_key="community_report.id")
    created_at: datetime = Field(sa_column=utc_column(index=True))
    acknowledged_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    acknowledged_by: int | None = Field(default=None, foreign_key="person.id")
    escalated_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class CommunityReport(SQLModel, table=True):
    """A citizen's report of a suspected case or an unregistered arrival near them."""

    __tablename__ = "community_report"

    id: int | None = Field(default=None, primary_key=True)
    reporter_id: int | None = Field(default=None, foreign_key="person.id")
    anonymous: bool = True
    kind: str = Field(max_length=16)
    commune_code: str = Field(max_length=5)
    place: str = Field(max_length=sizes.REPORT_PLACE)
    who: str | None = Field(default=None, max_length=sizes.REPORT_WHO)
    seen: str = Field(max_length=sizes.REPORT_SEEN)
    contact: str | None = Field(default=None, max_length=sizes.PHONE)
    created_at: datetime = Field(sa_column=utc_column())


class Monitoring(SQLModel, table=True):
    """A citizen under medical monitoring: reminded twice a day to declare until it ends."""

    __table_args__ = (Index("ix_monitoring_active", "ends_at", "ended_at"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    commune_code: str = Field(max_length=5, index=True)
    declaration_code: str = Field(max_length=16)
    starts_at: datetime = Field(sa_column=utc_column())
    ends_at: datetime = Field(sa_column=utc_column())
    ended_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    placed_by: int | None = Field(default=None, foreign_key="person.id")  # None: placed by the arrival setting


class AuditEntry(SQLModel, table=True):
    """Who did what, when, in which area: append-only (database triggers refuse updates and deletes)."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=utc_column(index=True))
    actor: str = Field(max_length=96)  # channel:user id, or "cli"
    role: str = Field(max_length=16)
    action: str = Field(max_length=32, index=True)
    area_code: str | None = Field(default=None, max_length=5, index=True)
    detail: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class WebLogin(SQLModel, table=True):
    """A one-time link into the web console, sent in chat: only its token's hash is kept."""

    __tablename__ = "web_login"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    identity: str = Field(max_length=96)  # channel:user id
    person_id: int | None = Field(default=None, foreign_key="person.id")
    role: str = Field(max_length=16)  # admin | official | gatekeeper
    area_code: str | None = Field(default=None, max_length=5)
    created_at: datetime = Field(sa_column=utc_column())
    expires_at: datetime = Field(sa_column=utc_column())
    used_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class WebSession(SQLModel, table=True):
    """A signed-in browser: its token's hash, the role and area it was opened for, its CSRF token."""

    __tablename__ = "web_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    identity: str = Field(max_length=96, index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id")
    role: str = Field(max_length=16)
    area_code: str | None = Field(default=None, max_length=5)
    csrf: str = Field(max_length=64)
    user_agent: str | None = Field(default=None, max_length=200)
    created_at: datetime = Field(sa_column=utc_column())
    seen_at: datetime = Field(sa_column=utc_column())
    ended_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))


class Venue(SQLModel, table=True):
    """A place people check in at by QR or short code: a market, office, school, shop, clinic, vehicle."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=8, unique=True)  # typed by people who cannot scan
    token: str = Field(max_length=24, unique=True)  # in the QR's deep link
    name: str = Field(max_length=sizes.VENUE_NAME)
    kind: str = Field(max_length=16)  # handlers.venues.kinds
    province_code: str = Field(max_length=2)
    commune_code: str = Field(max_length=5, index=True)
    street: str = Field(max_length=sizes.STREET)
    schedule: str | None = Field(default=None, max_length=sizes.VENUE_SCHEDULE)
    owner_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    created_by: str = Field(max_length=96)
    status: str = Field(default="active", max_length=10)  # active | suspended
    suspended_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    created_at: datetime = Field(sa_column=utc_column())


class Checkin(SQLModel, table=True):
    """One person entering a venue: the account that checked in and, for a family member, their name."""

    __table_args__ = (
        Index("ix_checkin_venue_at", "venue_id", "at"),
        Index("ix_checkin_person_at", "person_id", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    venue_id: int = Field(foreign_key="venue.id")
    person_id: int = Field(foreign_key="person.id")
    subject_name: str | None = Field(default=None, max_length=sizes.NAME)  # None: the account holder
    at: datetime = Field(sa_column=utc_column(index=True))


class ExposureCase(SQLModel, table=True):
    """A confirmed case an official marked from a declaration, and how many people were told."""

    __tablename__ = "exposure_case"

    id: int | None = Field(default=None, primary_key=True)
    declaration_id: int = Field(foreign_key="declaration.id", unique=True)
    area_code: str = Field(max_length=5, index=True)  # the marking official's area
    look_back_days: int
    marked_by: str = Field(max_length=96)
    marked_at: datetime = Field(sa_column=utc_column(index=True))
    visits: int = 0
    notified: int = 0
    broadcast_id: int | None = Field(default=None, foreign_key="broadcast.id")
    # per venue visited: {"venue_id", "first", "last" (ISO times of the case's check-ins), "told"}
    venues: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class Exposure(SQLModel, table=True):
    """One person told they were at a venue with a case; whether (and when) they declared afterwards."""

    __table_args__ = (UniqueConstraint("case_id", "person_id", name="uq_exposure_person"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="exposure_case.id")
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)  # None after erasure
    venue_id: int = Field(foreign_key="venue.id", index=True)
    visit_at: datetime = Field(sa_column=utc_column())
    notified_at: datetime = Field(sa_column=utc_column())
    declared_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
