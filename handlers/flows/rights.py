"""Withdrawing consent and erasing one's data, after an explicit confirmation."""

from __future__ import annotations

import messages
from handlers.flow import CHOICE, END, Answers, Completion, Flow, Option, Step
from handlers.protocol import Context, Reply, ServerCommand

ERASE = Flow(
    "erase",
    1,
    (
        Step("confirm", "erase.confirm", CHOICE, "label.erase", END, editable=False, options=(
            Option("yes", "erase.yes", ("co", "c", "xoa", "dong y", "yes"),
                   en=("yes", "y", "delete", "erase", "delete it", "delete my data", "remove")),
            Option("no", "erase.no", ("khong", "ko", "k", "giu", "no"),
                   en=("no", "n", "keep", "keep it", "cancel", "don t delete", "dont delete")),
        )),
    ),
    aside=True,
)


def finish_erase(answers: Answers, ctx: Context) -> Completion:
    """The server erases the sender's data, or nothing happens and the question left on screen comes back."""
    if answers["confirm"] != "yes":
        kept = "erase.kept" if ctx.registered else "erase.nothing_stored"
        return Completion(replies=[Reply(messages.t(ctx.locale, kept))], resume=True)
    return Completion([ServerCommand("erase")])
