"""Exposure windows: how long before and after a case's visit others at the same venue count as exposed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from handlers.venues.kinds import KIND_IDS


def parse_windows(default_hours: float, by_kind: str) -> dict[str, timedelta]:
    """The window per venue kind: ``default_hours`` for all, overridden by "market=3,transport=1"; raises
    ValueError on an unknown kind or hours outside 0 < h <= 48 (the settings call it when they load)."""
    windows = dict.fromkeys(KIND_IDS, timedelta(hours=default_hours))
    for item in filter(None, (part.strip() for part in by_kind.split(","))):
        kind, _, hours = (part.strip() for part in item.partition("="))
        if kind not in KIND_IDS:
            raise ValueError(f"unknown venue kind {kind!r} (known: {', '.join(KIND_IDS)})")
        try:
            number = float(hours)
        except ValueError:
            raise ValueError(f"not a number of hours for {kind}: {hours!r}") from None
        if not 0 < number <= 48:
            raise ValueError(f"hours for {kind} must be above 0 and at most 48")
        windows[kind] = timedelta(hours=number)
    return windows


@dataclass(frozen=True)
class Visit:
    """One check-in: at which venue, when, by which account, for whom (None: the account holder)."""

    venue_id: int
    at: datetime
    person_id: int
    subject_name: str | None = None


@dataclass
class Exposed:
    """One account to tell: its first overlapping check-in per venue, and who of the family was there."""

    person_id: int
    visits: dict[int, datetime]  # venue id -> the earliest overlapping check-in there
    family: set[str]
    account_holder: bool = False  # the account holder themself was there (not only family members)


def group_by_account(visits: Iterable[Visit]) -> dict[int, Exposed]:
    """The overlapping check-ins grouped per account, so each account is told once per case."""
    accounts: dict[int, Exposed] = {}
    for visit in visits:
        exposed = accounts.setdefault(visit.person_id, Exposed(visit.person_id, {}, set()))
        first = exposed.visits.get(visit.venue_id)
        exposed.visits[visit.venue_id] = visit.at if first is None else min(first, visit.at)
        if visit.subject_name:
            exposed.family.add(visit.subject_name)
        else:
            exposed.account_holder = True
    return accounts
