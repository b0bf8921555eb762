"""The console channel: chat with the bot in a terminal, or line by line from a script.

In a terminal, lines that arrive together (a paste of a whole directive) are one message: after a line,
the lines that follow within a short pause join it. A line naming a directive file (.txt, .docx, .pdf,
a photo, a saved page) sends that file.
"""

from __future__ import annotations

import asyncio
import hashlib
import sys
from pathlib import Path
from typing import TextIO

import messages
from bot.channels.console.inbox import ConsoleInbox, locale_of
from bot.channels.menu_text import render
from bot.conversation.service import ConversationService
from bot.conversation.uploads import file_incoming, local_file
from handlers import receipt
from handlers.protocol import Incoming, Reply
from storage import persons

CHANNEL = "console"
PASTE_PAUSE = 0.15  # seconds: lines closer together than this were pasted at once


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
        print(messages.t(reply.locale, "console.qr_saved", path=save_qr(reply, receipts)), file=out)
    if reply.image:
        print(messages.t(reply.locale, "console.file_saved", path=_save(receipts, "chart.png", reply.image)), file=out)
    if reply.document:
        print(messages.t(reply.locale, "console.file_saved", path=_save(receipts, *reply.document)), file=out)
    print(file=out)


def _save(folder: Path, name: str, content: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{hashlib.sha256(content).hexdigest()[:12]}-{Path(name).name}"
    path.write_bytes(content)
    return path


async def chat(
    service: ConversationService, user_id: str, receipts: Path, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout,
    intro: str | None = None, paste_pause: float | None = None,
) -> None:
    """Read messages until end of input; after the replies to each line of a script, print '>' and flush.

    The first line names the window's user (then ``intro``); meanwhile the user's inbox prints what
    is pushed to this user, and only this user, in this window. ``paste_pause`` (default:
    ``PASTE_PAUSE`` in a terminal, none for a script) joins lines arriving closer together than that
    into one message.
    """
    interactive = stdin.isatty()
    pause = paste_pause if paste_pause is not None else (PASTE_PAUSE if interactive else 0.0)
    async with service.db.engine.connect() as connection:
        known = await persons.find(connection, CHANNEL, user_id)
    # in the user's language; someone new reads both until they choose
    locales = (locale_of(known),) if known else messages.LOCALES
    for locale in locales:
        print(messages.t(locale, "console.window_user", user=user_id), file=out, flush=True)
    if intro:
        print(intro, file=out)
    if interactive:
        for locale in locales:
            print(messages.t(locale, "console.welcome"), file=out)
    stop = asyncio.Event()
    inbox = asyncio.create_task(ConsoleInbox(service.db, user_id, out, prompt=interactive).run(stop))
    try:
        await _converse(service, user_id, receipts, stdin, out, interactive, pause)
    finally:
        stop.set()
        await inbox


async def _converse(
    service: ConversationService, user_id: str, receipts: Path, stdin: TextIO, out: TextIO, interactive: bool,
    pause: float,
) -> None:
    lines = _Lines(stdin)
    admin = (CHANNEL, user_id) in service.settings.admin_identities
    while True:
        if interactive:
            print("> ", end="", file=out, flush=True)
        message = await lines.message(pause)
        if message is None:
            return
        if message.strip():
            for reply in await service.handle(await _incoming(user_id, message, admin)):
                show(reply, out, receipts)
        if not interactive:
            print(">", file=out, flush=True)


async def _incoming(user_id: str, message: str, admin: bool) -> Incoming:
    """The typed message, or the file it names."""
    base = Incoming(CHANNEL, user_id, text=message)
    path = local_file(message)
    if path is None:
        return base
    return await file_incoming(base, path.name, path.stat().st_size, lambda: asyncio.to_thread(path.read_bytes),
                               admin)


class _Lines:
    """Lines read in a worker thread; a message is a line and those that follow it within a pause."""

    def __init__(self, stdin: TextIO) -> None:
        self._stdin = stdin
        self._next: asyncio.Task[str] | None = None

    async def message(self, pause: float) -> str | None:
        """The next message without its final newline; None at end of input."""
        first = await self._line()
        if not first:
            return None
        lines = [first.rstrip("\n")]
        while pause:
            self._next = self._next or asyncio.ensure_future(asyncio.to_thread(self._stdin.readline))
            done, _ = await asyncio.wait({self._next}, timeout=pause)
            if not done or not self._next.result():
                break
            lines.append(self._next.result().rstrip("\n"))
            self._next = None
        return "\n".join(lines)

    async def _line(self) -> str:
        task, self._next = self._next, None
        return await (task or asyncio.to_thread(self._stdin.readline))
