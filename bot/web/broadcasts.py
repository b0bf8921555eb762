"""Broadcasts (admins): compose from pasted text or a directive file with /thongbao_moi's parser and preview,
pick the audience with its recipient count, schedule or send now, watch progress live (server-sent events),
cancel; every action audited."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from starlette.datastructures import UploadFile
from starlette.responses import JSONResponse, Response, StreamingResponse

from bot.commands.notices import publish_notice
from bot.delivery.planner import Planner
from bot.delivery.progress import Snapshot
from bot.web.console import Console, NotFound, Page, back, guarded
from handlers import field_sizes
from handlers.areas import catalog
from handlers.audience import KINDS, Audience, AudienceError, parse_audience
from handlers.directive import DirectiveError
from handlers.directive.document import read_upload
from handlers.flow import Invalid, Ok
from handlers.flows.publish import checked_document, checked_english, notice_parts, notice_preview, recurring_duties
from handlers.protocol import PublishNotice
from storage import audit, broadcasts

STATES = ("sent", "failed", "blocked", "ambiguous", "cancelled", "waiting", "pending", "claimed", "sending")
EVENT_EVERY = 1.0


async def listing(page: Page) -> Response:
    """The newest broadcasts with their counts, and the compose form."""
    rows = await broadcasts.recent(page.session, 30)
    shown = [{**row, "counts": await broadcasts.counts(page.session, row["id"])} for row in rows]
    return page.render("broadcasts.html", rows=shown, error=page.query("error"))


async def _text_of(page: Page) -> tuple[str, dict[str, Any] | None, str | None]:
    """The pasted or uploaded text, the file's facts, and an error key."""
    upload = page.form.get("file") if page.form is not None else None
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read()
        try:
            read = await asyncio.to_thread(read_upload, data, upload.filename)
        except DirectiveError:
            return "", None, "web.broadcast.bad_file"
        return read.text, {"name": upload.filename, "pages": read.pages, "poor_scan": read.poor_scan}, None
    return page.field("text"), None, None


async def compose(page: Page) -> Response:
    """The preview of a pasted text or uploaded file: fields, duties, summary; then audience, time, urgency."""
    raw, file, error = await _text_of(page)
    if error is None:
        checked = checked_document(raw)
        if isinstance(checked, Invalid):
            error = "web.broadcast.bad_text"
    if error:
        await audit.record(page.session, page.now, page.actor, "admin", "web.broadcast.refused", reason=error)
        return page.render("broadcasts.html", rows=[], error=error, text=raw, status=422)
    answers: dict[str, Any] = {"text": raw}
    if file:
        answers["text_file"] = file
    shown = notice_preview(answers, page.locale)
    reach = await broadcasts.count_recipients(page.session, Audience("everyone"))
    return page.render("compose.html", text=raw, preview=shown, header=notice_parts(raw)["header"], reach=reach,
                       kinds=KINDS, english_limit=field_sizes.NOTICE_ENGLISH, duties=len(recurring_duties(raw)),
                       provinces=_provinces())


def _provinces() -> list[tuple[str, str]]:
    return sorted(((unit.code, unit.name) for unit in catalog().by_code.values() if unit.level == "province"),
                  key=lambda item: item[1])


def _audience(kind: str, area: str) -> Audience | None:
    """The picked audience, read as `khaibao broadcast send --audience` reads it; None when it is not one."""
    try:
        return parse_audience(f"{kind}:{area.strip()}" if area.strip() else kind)
    except AudienceError:
        return None


async def reach(page: Page) -> Response:
    """How many people an audience reaches now (asked as the admin picks it)."""
    audience = _audience(page.query("kind"), page.query("area"))
    if audience is None:
        return JSONResponse({"error": page.t("web.broadcast.bad_audience")}, status_code=422)
    count = await broadcasts.count_recipients(page.session, audience)
    return JSONResponse({"count": count, "text": page.t("web.broadcast.reach", count=f"{count:,}".replace(",", "."))})


def _when(page: Page) -> datetime | None:
    """The chosen local sending time (now when empty); None when it is not a time or lies in the past."""
    value = page.field("when")
    if not value:
        return page.now
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=page.settings.zone)
    return moment if moment >= page.now.replace(second=0, microsecond=0) else None


async def create(page: Page) -> Response:
    """Store the notice and queue its broadcast (the same effect as /thongbao_moi's last step)."""
    raw = page.field("text")
    audience = _audience(page.field("kind"), page.field("area"))
    when = _when(page)
    if not raw or isinstance(checked_document(raw), Invalid):
        return back("/web/broadcasts?error=web.broadcast.bad_text")
    english = checked_english(page.field("text_en")) if page.field("text_en") else Ok(None)
    if audience is None or when is None or isinstance(english, Invalid):
        error = ("web.broadcast.bad_audience" if audience is None else "web.broadcast.bad_time" if when is None
                 else "web.broadcast.bad_english")
        return page.render("compose.html", status=422, text=raw, preview=notice_preview({"text": raw}, page.locale),
                           header=notice_parts(raw)["header"], kinds=KINDS, provinces=_provinces(),
                           english_limit=field_sizes.NOTICE_ENGLISH, text_en=page.field("text_en"),
                           duties=len(recurring_duties(raw)),
                           reach=await broadcasts.count_recipients(page.session, Audience("everyone")),
                           error=error)
    parts = notice_parts(raw)
    channel, _, external_id = page.actor.partition(":")
    effect = PublishNotice(
        header=parts["header"], summary=parts["summary"], body=parts["body"], parsed=parts["parsed"],
        audience=audience.to_json(), urgent=page.field("urgent") == "yes", scheduled_at=when.isoformat(),
        created_by=page.actor, progress_chat=(channel, external_id), schedules=page.field("schedules") == "yes",
        text_en=english.value,
    )
    await publish_notice(page.session, effect, page.now, page.settings)  # type: ignore[arg-type]
    queued = await broadcasts.latest_by(page.session, page.actor, page.now)
    await audit.record(page.session, page.now, page.actor, "admin", "web.broadcast.create", audience.area_code,
                       broadcast_id=queued)
    return back(f"/web/broadcasts/{queued}")


async def _broadcast(page: Page) -> dict[str, Any]:
    row = await broadcasts.get(page.session, int(page.request.path_params["broadcast_id"]))
    if row is None:
        raise NotFound
    return row


async def show(page: Page) -> Response:
    """A broadcast's progress page (updated live by its event stream)."""
    row = await _broadcast(page)
    snapshot = Snapshot(row, await broadcasts.counts(page.session, row["id"]))
    return page.render("broadcast.html", row=row, progress=progress(snapshot))


async def cancel(page: Page) -> Response:
    """Cancel a scheduled or running broadcast."""
    row = await _broadcast(page)
    if row["status"] not in ("scheduled", "sending"):
        return back(f"/web/broadcasts/{row['id']}", "web.broadcast.not_cancellable")
    count = await broadcasts.cancel(page.session, row["id"], page.now)
    await audit.record(page.session, page.now, page.actor, "admin", "broadcast.cancel", broadcast_id=row["id"],
                       cancelled=count, via="web")
    return back(f"/web/broadcasts/{row['id']}", "web.broadcast.cancelled")


def progress(snapshot: Snapshot) -> dict[str, Any]:
    """What the progress page shows: counts, percentage, rate and ETA."""
    counts = {state: snapshot.counts.get(state, 0) for state in STATES}
    eta = snapshot.eta_seconds()
    return {
        "status": snapshot.broadcast["status"], "total": snapshot.total, "done": snapshot.done,
        "percent": round(100 * snapshot.done / snapshot.total) if snapshot.total else 0,
        "rate": round(snapshot.rate, 1), "eta": round(eta) if eta is not None else None,
        "sent": counts["sent"], "failed": counts["failed"] + counts["ambiguous"], "blocked": counts["blocked"],
        "waiting": counts["waiting"] + counts["pending"] + counts["claimed"] + counts["sending"],
        "cancelled": counts["cancelled"],
    }


def events(console: Console) -> Any:
    """The server-sent event stream of one broadcast's progress, until it is done or cancelled."""

    async def handler(page: Page) -> Response:
        row = await _broadcast(page)
        planner = Planner(console.db, console.clock)
        return StreamingResponse(_stream(planner, row["id"]), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    return guarded(console, handler, ("admin",))


async def _stream(planner: Planner, broadcast_id: int) -> AsyncIterator[str]:
    while True:
        snapshot = await planner.snapshot(broadcast_id)
        if snapshot is None:
            return
        data = progress(snapshot)
        yield f"event: progress\ndata: {json.dumps(data)}\n\n"
        if data["status"] in ("done", "cancelled"):
            return
        await asyncio.sleep(EVENT_EVERY)
