"""Neutral data passed between channel adapters, the conversation engine and the services."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from handlers.commands import SERVER_NAMES
from handlers.triage import OutbreakArea

TEXT, BUTTON, CONTACT, UNSUPPORTED = "text", "button", "contact", "unsupported"
DOCUMENT = "document"  # a file or photo the channel has read into text (``Incoming.attachment``)


@dataclass(frozen=True)
class Attachment:
    """A file the user sent, read into text by the channel; ``error`` is a message key when unreadable."""

    name: str
    text: str = ""
    pages: int = 1
    poor_scan: bool = False
    error: str | None = None


@dataclass(frozen=True)
class Incoming:
    """One user action on any channel, already stripped of platform objects."""

    channel: str
    user_id: str
    text: str = ""
    kind: str = TEXT
    option: tuple[str, str] | None = None  # (step id, option id) of a pressed button
    message_id: str | None = None  # the platform's id, to drop repeated deliveries
    display_name: str | None = None
    attachment: Attachment | None = None  # with kind DOCUMENT


@dataclass(frozen=True)
class ReplyOption:
    """An option as shown to the user."""

    id: str
    label: str


@dataclass(frozen=True)
class Reply:
    """One message to send back; adapters render options as buttons or numbered lines."""

    text: str
    step: str | None = None
    options: tuple[ReplyOption, ...] = ()
    multi: bool = False
    selected: tuple[str, ...] = ()
    edit: bool = False  # replaces the previous prompt where the platform can edit messages
    qr: str | None = None  # content of a QR image to send with the text as caption
    image: bytes | None = None  # a PNG to send with the text as caption (charts)
    document: tuple[str, bytes] | None = None  # (file name, content) to send as a file (exports)
    locale: str = "vi"  # the language the channel renders its own words in ("Done", pages, the contact button)


@dataclass(frozen=True)
class SaveProfile:
    """Store the citizen's profile (and consent time)."""

    profile: Mapping[str, Any]


@dataclass(frozen=True)
class SaveDeclaration:
    """Store a submitted declaration."""

    record: Mapping[str, Any]


@dataclass(frozen=True)
class SaveCheckin:
    """Check the sender (and, with ``family``, the people they declared for) in at a venue if it is still open;
    answered with the confirmation (or why it was refused)."""

    venue_id: int
    venue_name: str
    family: bool = False
    position: int = 0  # where its reply goes among the outcome's (set by ``Outcome.add``)


@dataclass(frozen=True)
class SetLocale:
    """Store the language the person chose (on their record, when they have one)."""

    locale: str


@dataclass(frozen=True)
class DropConversation:
    """Forget the conversation state instead of saving it (consent refused)."""


@dataclass(frozen=True)
class ShowNotice:
    """Reply with a stored notice: its summary, or its full text."""

    notice_id: int
    full: bool = False
    position: int = 0  # where its replies go among the outcome's (set by ``Outcome.add``)


@dataclass(frozen=True)
class PublishNotice:
    """Store a notice and queue its broadcast; replies with the broadcast's number."""

    header: str
    summary: str
    body: str
    parsed: Mapping[str, Any] | None
    audience: Mapping[str, Any]
    urgent: bool
    scheduled_at: str  # ISO, aware
    created_by: str
    progress_chat: tuple[str, str]  # (channel, chat id) of the admin's progress message
    schedules: bool = False  # also turn the directive's recurring reporting duties into reminder schedules
    position: int = 0  # where its reply goes among the outcome's (set by ``Outcome.add``)
    text_en: str | None = None  # the English text for English-speaking recipients, when the admin gave one


@dataclass(frozen=True)
class ServerCommand:
    """A command whose answer needs the database and a server-side role check (officials, admins).

    ``name`` is a ``server`` entry of the command registry (``handlers.commands``); any other fails at once.
    """

    name: str
    argument: str = ""
    data: Mapping[str, Any] | None = None
    position: int = 0  # where its replies go among the outcome's (set by ``Outcome.add``)

    def __post_init__(self) -> None:
        if self.name not in SERVER_NAMES:
            raise ValueError(f"/{self.name} is no server command of the registry")


@dataclass(frozen=True)
class NoticeHeading:
    """A recent notice as listed to citizens."""

    id: int
    header: str
    created_at: datetime


ServerWork = ShowNotice | PublishNotice | ServerCommand | SaveCheckin  # carried out by the server, answered
Effect = SaveProfile | SaveDeclaration | DropConversation | SetLocale | ServerWork


@dataclass(frozen=True)
class Context:
    """Everything the engine may look at besides the session and the message."""

    now: datetime  # aware, UTC
    zone: ZoneInfo
    secret: bytes
    new_code: str
    profile: Mapping[str, Any] | None = None
    is_admin: bool = False
    outbreak: tuple[OutbreakArea, ...] = ()
    bot_username: str | None = None
    idle_hours: int = 24
    receipt_valid_hours: int = 24
    notices: tuple[NoticeHeading, ...] = ()
    identity: tuple[str, str] = ("", "")  # (channel, user id) of the sender
    venue: Mapping[str, Any] | None = None  # the venue a "/checkin CODE" or "/start l_<token>" names, when found
    household: tuple[str, ...] = ()  # names of the people the sender declared for lately (checked in with them)
    exposure_notice: bool = False  # the sender was sent an exposure notice lately (looked up for /tiepxuc)
    arrival: Mapping[str, Any] | None = None  # the answers of the sender's latest arrival declaration, when declaring
    locale: str = "vi"  # the language of the replies (messages.LOCALES)
    arrival_monitoring_days: int = 0  # an arrival from a listed country is placed under monitoring this long

    @property
    def registered(self) -> bool:
        """True when the user has a stored profile with consent."""
        return bool(self.profile and self.profile.get("consent_at"))


@dataclass
class Outcome:
    """What handling one message produced: the new state, the replies, and the effects to carry out.

    Server work (``ServerWork``) is answered by the conversation service with replies that it puts
    at the work's ``position`` among ``replies``: before anything the engine said after asking for it.
    """

    state: dict[str, Any]
    replies: list[Reply] = field(default_factory=list)
    effects: list[Effect] = field(default_factory=list)

    def add(self, effect: Effect) -> None:
        """Add an effect; server work is answered at this point of the replies."""
        if isinstance(effect, ServerWork):
            effect = replace(effect, position=len(self.replies))
        self.effects.append(effect)

    def say(self, items: Sequence[Reply | Effect]) -> None:
        """Add replies and effects in order (what a step's ``on_answer`` gives)."""
        for item in items:
            if isinstance(item, Reply):
                self.replies.append(item)
            else:
                self.add(item)
