"""Risk triage: a documented, pure rule set from declared answers to đỏ / vàng / xanh with reasons.

Rules (after the Ministry of Health's suspected-case definition):
1. Contact with a confirmed case (F0) in the last 14 days -> red.
2. Any symptom together with an epidemiological factor (contact with a suspected or symptomatic
   person, being at the same place and time as a confirmed case by an exposure notice of the venue
   check-ins, being in or passing through an outbreak area or abroad, travel to another country, or
   travel to an area or country on the outbreak list) -> red.
3. Symptoms alone, or an epidemiological factor alone -> yellow.
4. Otherwise -> green.
Reasons are message keys, listed in the order the rules consider them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

GREEN, YELLOW, RED = "green", "yellow", "red"
LEVELS = (GREEN, YELLOW, RED)


@dataclass(frozen=True)
class OutbreakArea:
    """An area (province or commune code) or a country (ISO code) on the outbreak list from a start date."""

    area_code: str
    started_on: date
    ended_on: date | None = None

    def active_on(self, day: date) -> bool:
        """True when the area is on the list on that day."""
        return self.started_on <= day and (self.ended_on is None or day <= self.ended_on)


@dataclass(frozen=True)
class TriageInput:
    """What triage looks at."""

    symptoms: frozenset[str]
    exposures: frozenset[str]
    visited_areas: tuple[str, ...]  # area codes matched from the places travelled
    visited_provinces: tuple[str, ...]  # the province of each visited area
    visited_countries: tuple[str, ...] = ()  # ISO 3166 codes of the countries travelled to


@dataclass(frozen=True)
class Triage:
    """A risk level and the message keys of its reasons."""

    level: str
    reasons: tuple[str, ...]


def listed_visits(visits: Iterable[tuple[str, str]], outbreak: Iterable[OutbreakArea], day: date) -> list[str]:
    """The visited area codes that are on the outbreak list that day (the area or its province)."""
    active = {area.area_code for area in outbreak if area.active_on(day)}
    return [code for code, province in visits if code in active or province in active]


def triage(answers: TriageInput, outbreak: Iterable[OutbreakArea], day: date) -> Triage:
    """Apply the rules above."""
    reasons: list[str] = []
    if "contact_confirmed" in answers.exposures:
        reasons.append("triage.reason.contact_confirmed")
    epidemiological = []
    if "contact_suspected" in answers.exposures:
        epidemiological.append("triage.reason.contact_suspected")
    if "same_place" in answers.exposures:
        epidemiological.append("triage.reason.same_place")
    if "outbreak_area" in answers.exposures:
        epidemiological.append("triage.reason.outbreak_area")
    if answers.visited_countries:
        epidemiological.append("triage.reason.abroad")
    visits = [*zip(answers.visited_areas, answers.visited_provinces, strict=True),
              *((code, code) for code in answers.visited_countries)]
    if listed_visits(visits, outbreak, day):
        epidemiological.append("triage.reason.listed_area")
    has_symptoms = bool(answers.symptoms)
    if has_symptoms:
        reasons.append("triage.reason.symptoms")
    reasons.extend(epidemiological)
    if "triage.reason.contact_confirmed" in reasons or (has_symptoms and epidemiological):
        return Triage(RED, tuple(reasons))
    if has_symptoms or epidemiological:
        return Triage(YELLOW, tuple(reasons))
    return Triage(GREEN, ())
