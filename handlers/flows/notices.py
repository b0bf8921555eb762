"""Citizens read recent notices: pick one, read its summary, then its full text if they wish."""

from __future__ import annotations

import messages
from handlers.flow import CHOICE, END, Answers, Completion, Flow, Option, Step
from handlers.protocol import Context, Reply, ShowNotice


def recent(answers: Answers, ctx: Context) -> list[tuple[str, str]]:
    """The recent notices as options: header and local date."""
    return [
        (str(notice.id), f"{notice.header} ({notice.created_at.astimezone(ctx.zone):%d/%m/%Y})")
        for notice in ctx.notices
    ]


def unavailable(ctx: Context) -> str | None:
    """No notice to list yet."""
    return None if ctx.notices else "notices.none"


def _show(value: str, answers: Answers, ctx: Context) -> list[ShowNotice]:
    return [ShowNotice(int(value))]


def _show_full(value: str, answers: Answers, ctx: Context) -> list[ShowNotice]:
    return [ShowNotice(int(answers["pick"]), full=True)] if value == "full" else []


FLOW = Flow(
    "notices",
    1,
    (
        Step("pick", "notices.pick", CHOICE, "label.notice", "open", choices=recent, on_answer=_show, editable=False),
        Step("open", "notices.open", CHOICE, "label.notice_open", END,
             options=(Option("full", "notices.full", ("toan van", "xem toan van", "day du"),
                             en=("full", "full text", "read", "read more", "more", "all", "yes")),
                      Option("done", "notices.done", ("xong", "thoi", "khong"),
                             en=("done", "finished", "no", "close", "stop", "enough", "ok"))),
             on_answer=_show_full, editable=False),
    ),
    unavailable=unavailable,
)


def finish(answers: Answers, ctx: Context) -> Completion:
    """Nothing to store (the full text, when asked for, was already sent): say how to read another."""
    return Completion(replies=[Reply(messages.t(ctx.locale, "notices.closed"))])
