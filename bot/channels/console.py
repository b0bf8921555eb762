"""The console channel: chat with the bot in a terminal, or line by line from a script."""

from __future__ import annotations

import asyncio
import hashlib
import sys
from pathlib import Path
from typing import TextIO

import messages_vi
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
    service: ConversationService, user_id: str, receipts: Path, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout
) -> None:
    """Read lines until end of input; after the replies to each line of a script, print '>' and flush."""
    interactive = stdin.isatty()
    if interactive:
        print(messages_vi.t("console.welcome"), file=out)
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
