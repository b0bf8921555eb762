"""Long answers as they arrive: a paste split into several messages, and a file sent instead of text.

Chat platforms split a long paste (Telegram at 4,096 characters, Zalo at 2,000) into messages that arrive
within a second or two. A step with ``join_seconds`` keeps its answer open that long: a text arriving
sooner from the same user is appended to the answer, which is parsed again, whatever step the
conversation has moved on to. The moment of each part is ``ctx.now``, so every channel gets this.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from handlers.flow import Answers, Flow, Invalid, Parsed, Step
from handlers.protocol import DOCUMENT, TEXT, Context, Incoming

PARTS = ".parts"  # answers[step + PARTS]: how many messages the answer was joined from
FILE = ".file"  # answers[step + FILE]: name, pages and scan quality of the file the answer came from
MIN_SPLIT_PART = 1_500  # platforms split at 2,000 (Zalo) or 4,096 (Telegram) characters: a first part is long


@dataclass(frozen=True)
class Continuation:
    """A message that continues an earlier answer: the step, the joined text, the parts it now has."""

    step: Step
    text: str
    parts: int


def continued(joining: dict[str, Any] | None, answers: Answers, flow: Flow, incoming: Incoming,
              ctx: Context) -> Continuation | None:
    """The answer ``incoming`` continues; None when it is a message of its own."""
    if not joining or incoming.kind != TEXT or not incoming.text.strip() or not flow.has(joining["step"]):
        return None
    step = flow.step(joining["step"])
    if ctx.now - datetime.fromisoformat(joining["at"]) > timedelta(seconds=step.join_seconds):
        return None
    before = joining.get("pending") or answers.get(step.id, "")
    return Continuation(step, f"{before}\n{incoming.text.strip()}", int(joining["parts"]) + 1)


def remember(state: dict[str, Any], step: Step, incoming: Incoming, ctx: Context, parts: int = 1) -> None:
    """Note where an accepted answer came from; keep a text answer open for its next part."""
    if not (step.files or step.join_seconds):
        return
    answers = state["answers"]
    if incoming.kind == DOCUMENT and incoming.attachment is not None:
        attachment = incoming.attachment
        answers[step.id + FILE] = {"name": attachment.name, "pages": attachment.pages,
                                   "poor_scan": attachment.poor_scan}
        answers.pop(step.id + PARTS, None)
        return
    answers.pop(step.id + FILE, None)
    answers[step.id + PARTS] = parts
    if step.join_seconds:
        state["joining"] = {"step": step.id, "at": ctx.now.isoformat(), "parts": parts}


def hold(state: dict[str, Any], step: Step, text: str, ctx: Context, parts: int = 1) -> None:
    """A long first part that does not parse alone: keep it so that a part arriving soon is joined to it."""
    if step.join_seconds and len(text.strip()) >= MIN_SPLIT_PART:
        state["joining"] = {"step": step.id, "at": ctx.now.isoformat(), "parts": parts, "pending": text.strip()}


def file_answer(step: Step, incoming: Incoming, answers: Answers, ctx: Context) -> Parsed:
    """A file's text as the step's answer; the reason when the file was unreadable or is not expected here."""
    attachment = incoming.attachment
    if not step.files or attachment is None or step.parse is None:
        return Invalid("input.file_not_expected")
    if attachment.error:
        return Invalid(attachment.error)
    return step.parse(attachment.text, answers, ctx)
