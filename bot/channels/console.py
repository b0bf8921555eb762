"""The console channel: chat with the bot in a terminal, or line by line from a script."""

from __future__ import annotations

import asyncio
import hashlib
import sys
from pathlib import Path
from typing import TextIO

import messages_vi
from bot.channels.console_inbox import ConsoleInbox
from bot.channels.menu_text import render
from bot.conversations import ConversationService
from handlers import receipt
from handlers.protocol import Incoming, Reply

CHANNEL = "console"


def save_qr(reply: Reply, folder: Path) -> Path:
    """Write the reply's QR image as PNG into ``folder``; its path."""
    assert reply.qr is not None
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"qr-{hashlib.sha256(reply.qr.encode()).hexdigest()[:16]}.png"
    path.write_bytes(receipt.qr_png(reply.qr))
    return path


def show(reply: Reply, out: TextIO, receipts: Path) -> None:
    """Print one reply (saving its QR image, chart or file beside the receipts)."""
    print(render(reply), file=out)
    if reply.qr:
        print(messages_vi.t("console.qr_saved", path=save_qr(reply, receipts)), file=out)
    if reply.image:
        print(messages_vi.t("console.file_saved", path=_save(receipts, "chart.png", reply.image)), file=out)
    if reply.document:
        print(messages_vi.t("console.file_saved", path=_save(receipts, *reply.document)), file=out)
    print(file=out)


def _save(folder: Path, name: str, content: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{hashlib.sha256(content).hexdigest()[:12]}-{Path(name).name}"
    path.write_bytes(content)
    return path


async def chat(
    service: ConversationService, user_id: str, receipts: Path, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout,
    intro: str | None = None,
) -> None:
    """Read lines until end of input; after the replies to each line of a script, print '>' and flush.

    The first line names the window's user (then ``intro``); meanwhile the user's inbox prints what
    is pushed to this user, and only this user, in this window.
    """
    interactive = stdin.isatty()
    print(messages_vi.t("console.window_user", user=user_id), file=out, flush=True)
    if intro:
        print(intro, file=out)
    if interactive:
        print(messages_vi.t("console.welcome"), file=out)
    stop = asyncio.Event()
    inbox = asyncio.create_task(ConsoleInbox(service.db, user_id, out, prompt=interactive).run(stop))
    try:
        await _converse(service, user_id, receipts, stdin, out, interactive)
    finally:
        stop.set()
        await inbox


async def _converse(
    service: ConversationService, user_id: str, receipts: Path, stdin: TextIO, out: TextIO, interactive: bool
) -> None:
    while True:
        if interactive:
            print("> ", end="", file=out, flush=True)
        line = await asyncio.to_thread(stdin.readline)
        if not line:
            return
        if line.strip():
            for reply in await service.handle(Incoming(CHANNEL, user_id, text=line.rstrip("\n"))):
                show(reply, out, receipts)
        if not interactive:
            print(">", file=out, flush=True)
