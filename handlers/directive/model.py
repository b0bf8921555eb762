"""What a parsed directive holds: frozen records and their JSON form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Cadence(StrEnum):
    """How often a reporting duty falls due."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    YEARLY = "yearly"
    DATED = "dated"
    EVENT = "event"


@dataclass(frozen=True)
class Item:
    """A numbered item: its dotted label ("2", "II.1.a", "Điều 3") and its text."""

    label: str
    text: str


@dataclass(frozen=True)
class Signer:
    """Who signed: on whose behalf ("T/M BAN THƯỜNG VỤ"), their title and name, as written."""

    on_behalf: str | None
    title: str | None
    name: str | None


@dataclass(frozen=True)
class Obligation:
    """A reporting duty: when it falls due (``time`` of day as "HH:MM" when stated), the sentence it came
    from, who reports to whom. ``EVENT`` duties ("báo cáo ngay") fall due when something happens."""

    cadence: Cadence
    text: str
    weekday: int | None = None
    day_of_month: int | None = None
    due_date: date | None = None
    reporter: str | None = None
    recipient: str | None = None
    month: int | None = None
    time: str | None = None

    def to_json_dict(self) -> dict[str, object]:
        """Plain JSON-ready values; the weekday is ISO (Monday is 1)."""
        return {
            "cadence": self.cadence.value,
            "weekday": self.weekday,
            "day_of_month": self.day_of_month,
            "month": self.month,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "time": self.time,
            "text": self.text,
            "reporter": self.reporter,
            "recipient": self.recipient,
        }


@dataclass(frozen=True)
class Directive:
    """A parsed directive; a field the text does not state is None (or empty)."""

    kind: str
    number: str | None
    issuer: str | None
    place: str | None
    date: date | None
    subject: str | None
    recipients: tuple[str, ...]
    items: tuple[Item, ...]
    distribution: tuple[str, ...]
    signer: Signer | None
    obligations: tuple[Obligation, ...]
    body: str
    paragraphs: tuple[str, ...]

    def to_json_dict(self) -> dict[str, object]:
        """Plain JSON-ready values; ``paragraphs`` (the main text's lines) stays internal."""
        return {
            "kind": self.kind,
            "number": self.number,
            "issuer": self.issuer,
            "place": self.place,
            "date": self.date.isoformat() if self.date else None,
            "subject": self.subject,
            "recipients": list(self.recipients),
            "items": [{"label": item.label, "text": item.text} for item in self.items],
            "distribution": list(self.distribution),
            "signer": _signer_json(self.signer),
            "obligations": [obligation.to_json_dict() for obligation in self.obligations],
            "body": self.body,
        }


def _signer_json(signer: Signer | None) -> dict[str, str | None] | None:
    """The signer as a JSON object, or None."""
    if signer is None:
        return None
    return {"on_behalf": signer.on_behalf, "title": signer.title, "name": signer.name}
