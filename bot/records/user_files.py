"""Files the bot writes to disk under the data directory, and how they are forgotten.

The console channel saves what a terminal cannot show (QR receipts, charts, /dulieucuatoi
downloads, /xuat exports) in one folder per user, ``<data dir>/files/<channel>/<key>``, the key an
HMAC of the identity so that folder names reveal no user id; ``khaibao export`` writes into
``<data dir>/exports`` unless given a path. Erasure deletes the person's folder and every other
file there that names them (an official's export listing them; .xlsx files are read inside);
retention deletes the files older than the retention period.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

from bot.settings import Settings
from handlers.traces import Traces

FILES, EXPORTS = "files", "exports"
EARLIER = "receipts"  # where earlier versions saved every console user's files
_ESCAPED = re.compile(r"\\u([0-9a-fA-F]{4})")


def folder(settings: Settings, channel: str, external_id: str) -> Path:
    """The folder of the files written for one user."""
    key = hmac.new(settings.secret, f"{channel}:{external_id}".encode(), hashlib.sha256).hexdigest()[:24]
    return Path(settings.data_dir) / FILES / channel / key


def exports_folder(settings: Settings) -> Path:
    """Where ``khaibao export`` writes by default."""
    return Path(settings.data_dir) / EXPORTS


def _written(settings: Settings) -> list[Path]:
    roots = (Path(settings.data_dir) / FILES, exports_folder(settings), Path(settings.data_dir) / EARLIER)
    return [path for root in roots if root.is_dir() for path in root.rglob("*") if path.is_file()]


def _texts(path: Path) -> list[str]:
    """What a file says: its text, or the text of each member of a zip archive (.xlsx)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            contents = [archive.read(member) for member in archive.namelist()]
    else:
        contents = [path.read_bytes()]
    texts = [content.decode("utf-8", "ignore") for content in contents]
    return [_ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text) for text in texts]


def erase(settings: Settings, channel: str, external_id: str, traces: Traces) -> int:
    """Delete the user's folder and every other written file that holds one of their traces; how many files."""
    own = folder(settings, channel, external_id)
    removed = sum(1 for path in own.rglob("*") if path.is_file()) if own.is_dir() else 0
    shutil.rmtree(own, ignore_errors=True)
    for path in _written(settings):
        if any(traces.found(text) for text in _texts(path)):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def expire(settings: Settings, before: datetime) -> int:
    """Delete the written files last changed before ``before``; how many."""
    removed = 0
    for path in _written(settings):
        if path.stat().st_mtime < before.timestamp():
            path.unlink(missing_ok=True)
            removed += 1
    return removed
