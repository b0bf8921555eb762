"""Declaration receipts: codes, signed tamper-evident tokens and QR images."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from dataclasses import dataclass
from datetime import UTC, datetime

import segno

from handlers.png import matrix_png

_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U
CODE_LENGTH = 8
_MAC_BYTES = 12
TOKEN_LENGTH = 32  # base64url of code (8) + issued time (4) + MAC (12)
QR_MASK = 0
QR_BORDER = 4  # the quiet zone ISO 18004 asks for, in modules


def new_code() -> str:
    """A random declaration code that is easy to read aloud and type."""
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _mac(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, b"khaibao-receipt-v1" + payload, hashlib.sha256).digest()[:_MAC_BYTES]


def sign(code: str, issued_at: datetime, secret: bytes) -> str:
    """A 32-character token of A-Za-z0-9_- holding the code and issue time, signed with HMAC-SHA256."""
    payload = code.encode("ascii") + struct.pack(">I", int(issued_at.timestamp()))
    return base64.urlsafe_b64encode(payload + _mac(secret, payload)).decode("ascii")


@dataclass(frozen=True)
class TokenCheck:
    """The result of checking a token: status is 'valid', 'expired' or 'forged'."""

    status: str
    code: str | None = None
    issued_at: datetime | None = None


def verify(token: str, secret: bytes, now: datetime, valid_hours: int) -> TokenCheck:
    """Check a token's signature in constant time, then its age."""
    try:
        raw = base64.urlsafe_b64decode(token.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        return TokenCheck("forged")
    if len(token) != TOKEN_LENGTH or len(raw) != CODE_LENGTH + 4 + _MAC_BYTES:
        return TokenCheck("forged")
    payload, mac = raw[: CODE_LENGTH + 4], raw[CODE_LENGTH + 4 :]
    if not hmac.compare_digest(mac, _mac(secret, payload)):
        return TokenCheck("forged")
    code = payload[:CODE_LENGTH].decode("ascii", errors="replace")
    issued = datetime.fromtimestamp(struct.unpack(">I", payload[CODE_LENGTH:])[0], UTC)
    if (now - issued).total_seconds() > valid_hours * 3600 or issued > now:
        return TokenCheck("expired", code, issued)
    return TokenCheck("valid", code, issued)


def qr_content(token: str, bot_username: str | None) -> str:
    """What the QR holds: a Telegram deep link when the bot's username is known, else the token."""
    if bot_username:
        return f"https://t.me/{bot_username}?start=v_{token}"
    return f"v_{token}"


def qr_png(content: str, scale: int = 6) -> bytes:
    """The QR code of ``content`` as PNG bytes.

    The mask is fixed instead of chosen by scoring all eight (5 of segno's 6 ms per code): any mask
    is valid for every reader, and on a random token the eight score alike.
    """
    code = segno.make(content, error="m", mask=QR_MASK)
    return matrix_png(code.matrix_iter(scale=1, border=QR_BORDER), scale)
