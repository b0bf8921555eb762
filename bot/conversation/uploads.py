"""Files users send (a Telegram document or photo, a Zalo photo, a path typed in the console) read into text.

Only admins' files are read: publishing a directive is the one step that takes a file, and reading a PDF
or running OCR costs seconds of CPU that no other user may make the server spend. Reading runs in a worker
thread so the event loop keeps serving other chats.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from handlers.directive import DirectiveError
from handlers.directive.document import MAX_BYTES, SUFFIXES, read_upload
from handlers.protocol import DOCUMENT, UNSUPPORTED, Attachment, Incoming

PHOTO_NAME = "anh-chup.jpg"


class TooLarge(OSError):
    """A file over the size limit, refused while it was being fetched."""


async def read_attachment(name: str, data: bytes) -> Attachment:
    """The file's text, or the message key saying why it could not be read."""
    try:
        upload = await asyncio.to_thread(read_upload, data, name)
    except DirectiveError as error:
        return Attachment(name, error=error.message_key)
    return Attachment(name, upload.text, upload.pages, upload.poor_scan)


async def file_incoming(
    base: Incoming, name: str, size: int | None, fetch: Callable[[], Awaitable[bytes]], admin: bool
) -> Incoming:
    """``base`` (the sender, message id) carrying the file's text; an unsupported message for a non-admin.
    A file over the size limit is refused before it is fetched."""
    if not admin:
        return _with(base, UNSUPPORTED, None)
    if size is not None and size > MAX_BYTES:
        return _with(base, DOCUMENT, Attachment(name, error="directive.error.too_large"))
    try:
        data = await fetch()
    except TooLarge:
        return _with(base, DOCUMENT, Attachment(name, error="directive.error.too_large"))
    except OSError:
        return _with(base, DOCUMENT, Attachment(name, error="directive.error.download_failed"))
    return _with(base, DOCUMENT, await read_attachment(name, data))


def local_file(text: str) -> Path | None:
    """The file a console line names when it is a path to a readable directive file (quotes allowed)."""
    candidate = text.strip().strip("'\"")
    if "\n" in candidate or not candidate or Path(candidate).suffix.lower() not in SUFFIXES:
        return None
    path = Path(candidate).expanduser()
    return path if path.is_file() else None


def _with(base: Incoming, kind: str, attachment: Attachment | None) -> Incoming:
    return Incoming(base.channel, base.user_id, "", kind, None, base.message_id, base.display_name, attachment)
