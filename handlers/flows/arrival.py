"""The arrival declaration (khai báo nhập cảnh): the trip into Viet Nam, where one stays, then the health questions.

Asked of a registered person (``/nhapcanh``, ``/arrival``, or "I have just entered Viet Nam" where a
declaration starts): nationality; a passport number (a Vietnamese citizen may give a CCCD instead);
the day of entry; the airport or border gate; the flight or vehicle; the countries stayed in during the
last 14 days; the address of stay (the registered one, or a new commune through the declaration's own
address steps); then the declaration's health steps. A visit to a country on the outbreak list is an
exposure: the person is placed under monitoring when the admin setting gives a number of days.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from handlers import field_sizes, parsers
from handlers.areas import catalog
from handlers.flow import CHOICE, REVIEW, TEXT, Answers, Completion, Flow, Invalid, Ok, Option, Parsed, Step
from handlers.flows import common, declaration
from handlers.matching import border_gates, dates, nationalities, travel_papers
from handlers.protocol import Context, Reply, SaveDeclaration
from handlers.triage import TriageInput, listed_visits, triage
from messages import t

ENTRY_PAST_DAYS = 30  # an arrival declared later than this is an ordinary declaration
ENTRY_FUTURE_DAYS = 7  # declaring before boarding


def _vietnamese(answers: Answers) -> bool:
    return answers.get("nationality") == nationalities.VIET_NAM


def nationality(text: str, answers: Answers, ctx: Context) -> Parsed:
    """A nationality, Viet Nam included."""
    value = parsers.basic(text)
    return value if isinstance(value, Invalid) else nationalities.parse_nationality(value, ctx.locale)


def show_nationality(value: str, ctx: Context) -> str:
    """The nationality's country name in the user's language."""
    return nationalities.name_in(value, ctx.locale)


def paper(text: str, answers: Answers, ctx: Context) -> Parsed:
    """A passport number; a CCCD too for a Vietnamese citizen (checked against the profile's birth year, sex)."""
    value = parsers.basic(text)
    if isinstance(value, Invalid):
        return value
    profile = ctx.profile or {}
    return travel_papers.parse_paper(value, _vietnamese(answers), profile.get("birth_year"), profile.get("gender"))


def paper_prompt(answers: Answers, ctx: Context) -> dict[str, str]:
    """The passport question, with the CCCD allowed for a Vietnamese citizen."""
    return {"ask": t(ctx.locale, "arrival.paper.ask_vn" if _vietnamese(answers) else "arrival.paper.ask")}


def paper_text(value: dict[str, str], locale: str) -> str:
    """The document as shown: «Hộ chiếu C1234567» or «CCCD 001090012345»."""
    return t(locale, f"arrival.paper.{value['type']}", number=value["number"])


def entry_date(text: str, answers: Answers, ctx: Context) -> Parsed:
    """The day of entry, within the last 30 days or the next 7."""
    value = parsers.basic(text)
    if isinstance(value, Invalid):
        return value
    parsed = dates.parse_day(value, common.local_today(ctx), ENTRY_PAST_DAYS, ENTRY_FUTURE_DAYS)
    if isinstance(parsed, Invalid) and parsed.key == "input.bad_date_only":
        return Invalid("arrival.entry_date.bad")
    return parsed


def day_text(value: str) -> str:
    """An ISO date as people read it (21/11/2026)."""
    return date.fromisoformat(value).strftime("%d/%m/%Y")


def gate_label(gate: border_gates.Gate, locale: str) -> str:
    """A listed gate as people read it ("Sân bay quốc tế Nội Bài (Hà Nội)")."""
    return t(locale, f"arrival.gate.kind.{gate.kind}", name=gate.name, province=gate.province)


def gate(text: str, answers: Answers, ctx: Context) -> Parsed:
    """An airport, land, rail or sea border gate, from the list or "khác"."""
    value = parsers.basic(text)
    if isinstance(value, Invalid):
        return value
    parsed = border_gates.parse_gate(value, lambda listed: gate_label(listed, ctx.locale))
    if isinstance(parsed, Ok) and parsed.value["id"] in border_gates.BY_ID:
        return gate_picked(parsed.value["id"], answers, ctx)
    return parsed


def gate_picked(item_id: str, answers: Answers, ctx: Context) -> Parsed:
    """The answer for a gate chosen from a list."""
    listed = border_gates.BY_ID.get(item_id)
    if listed is None:
        return Invalid("input.stale_button")
    return Ok(border_gates.value_of(listed), "area.chosen", {"name": gate_label(listed, ctx.locale)})


def gate_text(value: dict[str, Any], locale: str) -> str:
    """A listed gate's label, or the other gate's typed name."""
    listed = border_gates.BY_ID.get(value["id"])
    if listed is not None:
        return gate_label(listed, locale)
    return t(locale, "arrival.gate.other", name=value.get("name") or "—")


def vehicle(text: str, answers: Answers, ctx: Context) -> Parsed:
    """A flight number, a plate or another vehicle's number, or on foot."""
    value = parsers.basic(text)
    return value if isinstance(value, Invalid) else travel_papers.parse_vehicle(value)


def vehicle_text(value: dict[str, Any], locale: str) -> str:
    """The vehicle as shown: «Chuyến bay VN301», «Xe biển số 29A-123.45», «Đi bộ qua cửa khẩu»..."""
    return t(locale, f"arrival.vehicle.{value['kind']}", number=value.get("number") or "")


def visited(text: str, answers: Answers, ctx: Context) -> Parsed:
    """The countries stayed in or passed through in the last 14 days."""
    value = parsers.basic(text, field_sizes.TRAVEL)
    return value if isinstance(value, Invalid) else nationalities.parse_visited(value, ctx.locale)


def countries_text(value: list[str], locale: str) -> str:
    """Country names joined by commas."""
    return ", ".join(nationalities.name_in(code, locale) for code in value)


def registered_address(ctx: Context) -> str:
    """The registered street and commune, or a dash when there is none."""
    profile = ctx.profile or {}
    if not profile.get("commune_code"):
        return "—"
    return f"{profile.get('street') or ''}, {catalog().label(profile['commune_code'])}".lstrip(", ")


_HEALTH = ("symptoms", "exposure", "conditions", "vaccine")

FLOW = Flow(
    "arrive",
    1,
    (
        Step("nationality", "arrival.nationality", TEXT, "arrival.label.nationality", "paper", parse=nationality,
             show=show_nationality, clears=("paper",)),
        Step("paper", "arrival.paper", TEXT, "arrival.label.paper", "entry_date", parse=paper,
             show=lambda value, ctx: paper_text(value, ctx.locale), prompt_params=paper_prompt),
        Step("entry_date", "arrival.entry_date", TEXT, "arrival.label.entry_date", "gate", parse=entry_date,
             show=lambda value, ctx: day_text(value)),
        Step("gate", "arrival.gate", TEXT, "arrival.label.gate", "vehicle", parse=gate, picked=gate_picked,
             show=lambda value, ctx: gate_text(value, ctx.locale)),
        Step("vehicle", "arrival.vehicle", TEXT, "arrival.label.vehicle", "visited", parse=vehicle,
             show=lambda value, ctx: vehicle_text(value, ctx.locale)),
        Step("visited", "arrival.visited", TEXT, "arrival.label.visited", "stay_same", parse=visited,
             show=lambda value, ctx: countries_text(value, ctx.locale)),
        Step("stay_same", "arrival.stay_same", CHOICE, "arrival.label.stay_same", options=(common.YES, common.NO),
             next=lambda a: "symptoms" if a.get("stay_same") == "yes" else "stay_province",
             prompt_params=lambda a, ctx: {"address": registered_address(ctx)}),
        Step("stay_province", "arrival.stay_province", TEXT, "arrival.label.stay_province", "stay_commune",
             show=common.show_area, **common.province_step("stay_province", "stay_commune")),
        Step("stay_commune", "arrival.stay_commune", TEXT, "arrival.label.stay_commune", "stay_street",
             show=common.show_area, **common.commune_step("stay_province")),
        Step("stay_street", "arrival.stay_street", TEXT, "arrival.label.stay_street", "symptoms",
             parse=common.address),
        *(replace(declaration.FLOW.step(step_id), next=following)
          for step_id, following in zip(_HEALTH, (*_HEALTH[1:], "review"), strict=True)),
        Step("review", "arrival.review", REVIEW, "label.review", options=(Option("confirm", "declare.commit"),)),
    ),
)
SAMPLE_ANSWERS: list[Answers] = [{}, {"stay_same": "yes"}, {"stay_same": "no"}]


def _chosen(values: list[str]) -> frozenset[str]:
    return frozenset(value for value in values if value != "none")


def finish(answers: Answers, ctx: Context) -> Completion:
    """Triage with the countries visited, the declaration record (with the arrival's answers), the receipt, and
    monitoring when a listed country was visited and the setting asks for it."""
    profile = ctx.profile or {}
    today = common.local_today(ctx)
    countries = tuple(answers["visited"])
    result = triage(
        TriageInput(symptoms=_chosen(answers["symptoms"]), exposures=_chosen(answers["exposure"]),
                    visited_areas=(), visited_provinces=(), visited_countries=countries),
        ctx.outbreak, today,
    )
    listed = listed_visits(((code, code) for code in countries), ctx.outbreak, today)
    same = answers["stay_same"] == "yes"
    monitor_days = ctx.arrival_monitoring_days if listed else 0
    on_path = {step.id: answers[step.id] for step in FLOW.path(answers) if step.id in answers}
    record = {
        "code": ctx.new_code,
        "created_at": ctx.now.isoformat(),
        "valid_until": (ctx.now + timedelta(hours=ctx.receipt_valid_hours)).isoformat(),
        "for_self": True,
        "subject_name": profile.get("full_name"),
        "province_code": profile.get("province_code") if same else answers["stay_province"],
        "commune_code": profile.get("commune_code") if same else answers["stay_commune"],
        "risk_level": result.level,
        "reasons": [key.rsplit(".", 1)[1] for key in result.reasons],
        "listed_visits": listed,
        "answers": on_path,
        "arrival": True,
        "monitor_days": monitor_days,
    }
    replies = declaration.result_replies(record, result.reasons, ctx)
    summary = Reply(t(ctx.locale, "arrival.summary", **summary_fields(on_path, ctx.locale)))
    replies.insert(1, summary)
    if monitor_days:
        until = (ctx.now + timedelta(days=monitor_days)).astimezone(ctx.zone).strftime("%d/%m/%Y")
        replies.append(Reply(t(ctx.locale, "arrival.monitoring", days=str(monitor_days), until=until,
                               countries=countries_text(listed, ctx.locale))))
    return Completion([SaveDeclaration(record)], replies)


def summary_fields(answers: Answers, locale: str) -> dict[str, str]:
    """The arrival's answers as short texts in ``locale`` (receipt, gate screen, exports)."""
    return {
        "nationality": nationalities.name_in(answers["nationality"], locale),
        "paper": paper_text(answers["paper"], locale),
        "entry_date": day_text(answers["entry_date"]),
        "gate": gate_text(answers["gate"], locale),
        "vehicle": vehicle_text(answers["vehicle"], locale),
        "visited": countries_text(answers["visited"], locale),
    }
