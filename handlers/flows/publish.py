"""Admins publish a notice: paste a directive (or a short announcement), check the summary, pick who gets it."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import messages
from handlers import field_sizes, parsers
from handlers.areas import catalog
from handlers.audience import Audience
from handlers.directive import LIMIT, DirectiveError, parse_directive, summarize, summary_header
from handlers.flow import CHOICE, END, REVIEW, TEXT, Answers, Completion, Flow, Invalid, Ok, Option, Parsed, Step
from handlers.flows.common import NO, YES
from handlers.matching import addresses
from handlers.paste import FILE, PARTS
from handlers.protocol import Context, PublishNotice, Reply, ServerCommand
from handlers.report_rhythm import rhythm_for
from handlers.text import clean, fold

MAX_DOCUMENT = 300_000
JOIN_SECONDS = 4.0  # parts of a paste the platform split arrive within a second or two of each other
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TIME = re.compile(r"^(?:(\d{1,2})[/\-.](\d{1,2})(?:[/\-.](\d{2,4}))?\s+)?(\d{1,2})(?:[:h](\d{2}))?$")
NOW_WORDS = {"ngay", "bay gio", "luon", "now", "gui ngay", "0"}

AUDIENCES = (
    Option("everyone", "publish.audience.everyone", ("moi nguoi", "tat ca"), en=("everyone", "all", "everybody")),
    Option("citizens", "publish.audience.citizens", ("nguoi dan", "dan"), en=("citizens", "people", "public")),
    Option("officials", "publish.audience.officials", ("can bo",), en=("officials", "staff", "officers")),
    Option("area", "publish.audience.area", ("tinh", "xa", "phuong", "dia ban"),
           en=("area", "province", "commune", "ward", "one area")),
)


def notice_parts(raw: str) -> dict[str, Any]:
    """Header, summary, cleaned body and parsed fields of a pasted text (a plain announcement if short)."""
    try:
        directive = parse_directive(raw)
    except DirectiveError:
        text = clean(raw) if "\n" not in raw else raw.strip()
        return {"header": messages.t(messages.VI, "publish.plain_header"), "summary": text, "body": text,
                "parsed": None}
    header = summary_header(directive)
    if len(header) > field_sizes.NOTICE_HEADER:
        header = header[: field_sizes.NOTICE_HEADER - 1] + "…"
    return {"header": header, "summary": summarize(directive), "body": directive.body,
            "parsed": directive.to_json_dict()}


def document(text: str, answers: Answers, ctx: Context) -> Parsed:
    """A pasted directive or announcement: long text is fine, control characters are not kept."""
    raw = _CONTROL.sub("", text).strip()
    if not raw or not any(ch.isalpha() for ch in raw):
        return Invalid("input.empty")
    if len(raw) > MAX_DOCUMENT:
        return Invalid("publish.too_long", {"limit": str(MAX_DOCUMENT)})
    try:
        parse_directive(raw)
    except DirectiveError:
        if len(raw) > LIMIT:
            return Invalid("publish.not_directive", {"limit": str(LIMIT)})
    return Ok(raw)


def english_text(text: str, answers: Answers, ctx: Context) -> Parsed:
    """The optional English text for English-speaking recipients; skipped ("bỏ qua", "skip"): none."""
    if parsers.is_skip(text, ctx.locale) or parsers.is_skip(text, "en"):
        return Ok(None)
    raw = _CONTROL.sub("", text).strip()
    if len(raw) > field_sizes.NOTICE_ENGLISH:
        return Invalid("input.too_long", {"limit": str(field_sizes.NOTICE_ENGLISH)})
    if not any(ch.isalpha() for ch in raw):
        return Invalid("input.empty")
    return Ok(raw)


def preview(answers: Answers, ctx: Context) -> dict[str, str]:
    """The parsed fields and the summary the citizens will read."""
    parts = notice_parts(answers.get("text", ""))
    parsed = parts["parsed"] or {}
    locale = ctx.locale
    duties = "\n".join(f"• {_duty(duty, locale)}" for duty in parsed.get("obligations", [])) or messages.t(
        locale, "review.none")
    stated = [messages.t(locale, f"publish.field.{name}", value=parsed[name])
              for name in ("kind", "number", "issuer", "date") if parsed.get(name)]
    return {
        "notes": _notes(answers, locale),
        "fields": " · ".join(stated) or messages.t(locale, "publish.fields_none"),
        "summary": parts["summary"],
        "duties": duties,
    }


def _reach(value: Any, answers: Answers, ctx: Context) -> list[ServerCommand]:
    """After the audience is known: how many people it reaches now (counted on the server)."""
    if answers.get("audience") == "area" and "area" not in answers:
        return []
    audience = Audience(answers["audience"], answers.get("area") if answers["audience"] == "area" else None)
    return [ServerCommand("publish_reach", data=audience.to_json())]


def _notes(answers: Answers, locale: str) -> str:
    """Lines above the preview: how many messages were joined, which file was read, a poor scan."""
    notes = []
    parts = int(answers.get("text" + PARTS) or 1)
    if parts > 1:
        notes.append(messages.t(locale, "publish.joined", count=str(parts)))
    file = answers.get("text" + FILE)
    if file:
        notes.append(messages.t(locale, "publish.file_read", name=file["name"], pages=str(file["pages"])))
        if file.get("poor_scan"):
            notes.append(messages.t(locale, "directive.scan.poor"))
    return "".join(note + "\n" for note in notes)


def _duty(duty: dict[str, Any], locale: str) -> str:
    cadence = messages.t(locale, f"publish.cadence.{duty['cadence']}")
    return f"{cadence}: {duty['text'][:160]}"


def recurring_duties(raw: str) -> list[dict[str, Any]]:
    """The directive's reporting duties that can become reminder schedules."""
    parsed = notice_parts(raw)["parsed"] if raw else None
    return [duty for duty in (parsed or {}).get("obligations", []) if rhythm_for(duty) is not None]


def area(text: str, answers: Answers, ctx: Context) -> Parsed:
    """A province, or a commune anywhere, by its new or old name."""
    value = parsers.basic(text)
    return value if isinstance(value, Invalid) else addresses.answer_area(value, "publish.area_not_found", ctx.locale)


def area_picked(item_id: str, answers: Answers, ctx: Context) -> Parsed:
    """The area for a place picked from a list (an old one may still need a choice of new communes)."""
    unit = addresses.unit_of(item_id)
    return addresses.area_chosen(unit, ctx.locale) if unit else Invalid("input.stale_button")


def when(text: str, answers: Answers, ctx: Context) -> Parsed:
    """'ngay' for now, '17:30' (today, or tomorrow if past), or '25/12 08:00', '25/12/2026 8h'."""
    folded = fold(clean(text))
    local_now = ctx.now.astimezone(ctx.zone)
    if folded in NOW_WORDS:
        return Ok(ctx.now.isoformat())
    match = _TIME.match(folded)
    if not match:
        return Invalid("publish.bad_time")
    day, month, year, hour, minute = match.groups()
    try:
        moment = local_now.replace(hour=int(hour), minute=int(minute or 0), second=0, microsecond=0)
        if day:
            full_year = int(year) + (2000 if year and len(year) == 2 else 0) if year else local_now.year
            moment = moment.replace(year=full_year, month=int(month), day=int(day))
    except ValueError:
        return Invalid("publish.bad_time")
    if not day and moment <= local_now:
        moment += timedelta(days=1)
    if moment < local_now - timedelta(minutes=1):
        return Invalid("publish.time_past")
    return Ok(moment.isoformat())


def show_when(value: str, ctx: Context) -> str:
    """The sending time in local time."""
    return datetime.fromisoformat(value).astimezone(ctx.zone).strftime("%H:%M %d/%m/%Y")


FLOW = Flow(
    "publish",
    1,
    (
        Step("text", "publish.text", TEXT, "label.publish_text", "preview", parse=document,
             show=lambda value, ctx: notice_parts(value)["header"], files=True, join_seconds=JOIN_SECONDS),
        Step("preview", "publish.preview", CHOICE, "label.publish_preview", "text_en",
             options=(Option("continue", "publish.continue", ("tiep", "tiep tuc", "ok", "dung"),
                             en=("continue", "next", "ok", "go on", "yes")),),
             prompt_params=preview, editable=False),
        Step("text_en", "publish.text_en", TEXT, "label.publish_text_en", "audience", parse=english_text,
             show=lambda value, ctx: value or messages.t(ctx.locale, "publish.english_none"),
             join_seconds=JOIN_SECONDS),
        Step("audience", "publish.audience", CHOICE, "label.publish_audience", options=AUDIENCES,
             next=lambda a: "area" if a.get("audience") == "area" else "urgent", on_answer=_reach,
             clears=("area",)),
        Step("area", "publish.area", TEXT, "label.publish_area", "urgent", parse=area, picked=area_picked,
             show=lambda value, ctx: catalog().label(value), on_answer=_reach),
        Step("urgent", "publish.urgent", CHOICE, "label.publish_urgent", "when", options=(YES, NO)),
        Step("when", "publish.when", TEXT, "label.publish_when", "schedules", parse=when, show=show_when),
        Step("schedules", "publish.schedules", CHOICE, "label.publish_schedules", "review", options=(YES, NO),
             skip_if=lambda a: not recurring_duties(a.get("text", "")),
             prompt_params=lambda a, ctx: {"count": str(len(recurring_duties(a.get("text", ""))))}),
        Step("review", "publish.review", REVIEW, "label.review", END,
             options=(Option("confirm", "publish.confirm"),)),
    ),
    admin_only=True,
)


def finish(answers: Answers, ctx: Context) -> Completion:
    """Queue the notice's broadcast, with its progress shown in this admin's chat."""
    if not ctx.is_admin:
        return Completion(replies=[Reply(messages.t(ctx.locale, "command.admin_only"))])
    parts = notice_parts(answers["text"])
    audience = Audience(answers["audience"], answers.get("area"))
    effect = PublishNotice(
        header=parts["header"], summary=parts["summary"], body=parts["body"], parsed=parts["parsed"],
        audience=audience.to_json(), urgent=answers["urgent"] == "yes", scheduled_at=answers["when"],
        created_by=":".join(ctx.identity), progress_chat=ctx.identity,
        schedules=answers.get("schedules") == "yes", text_en=answers.get("text_en"),
    )
    return Completion([effect])
