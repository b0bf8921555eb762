"""A venue's short typed code and its QR token, and how a message refers to a venue."""

from __future__ import annotations

import re
import secrets

from handlers.text import fold

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: read aloud and typed from a poster
CODE_LENGTH = 6
LINK_PREFIX = "l_"  # /start l_<token>: the QR's deep link
CHECKIN_COMMAND = "/checkin"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{8,24}")


def new_code() -> str:
    """A random short code such as "K7F3QX"."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_token() -> str:
    """A random, unguessable token of 16 characters of A-Za-z0-9_- (fits a Telegram start parameter)."""
    return secrets.token_urlsafe(12)


def normal_code(text: str) -> str | None:
    """A typed code in its stored form ("k7f3-qx" -> "K7F3QX"), or None when it cannot be one."""
    code = "".join(ch for ch in text.upper() if ch.isalnum())
    return code if len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code) else None


def qr_content(code: str, token: str, bot_username: str | None) -> str:
    """What the poster's QR holds: the Telegram deep link, or the command to send where there is no Telegram bot."""
    if bot_username:
        return f"https://t.me/{bot_username}?start={LINK_PREFIX}{token}"
    return f"{CHECKIN_COMMAND} {code}"


def reference(text: str, code_asked: bool = False) -> tuple[str, str] | None:
    """("token", t) for "/start l_<t>", ("code", c) for "/checkin <c>" (any case, spaces or dashes) or, when
    ``code_asked``, for the code typed alone; else None."""
    if code_asked and not text.lstrip().startswith("/"):
        code = normal_code(text)
        return ("code", code) if code else None
    command, _, argument = text.strip().partition(" ")
    name = fold(command.split("@", 1)[0])
    argument = argument.strip()
    if name == "/start" and argument.startswith(LINK_PREFIX) and _TOKEN.fullmatch(argument[2:]):
        return ("token", argument[2:])
    if name == CHECKIN_COMMAND:
        code = normal_code(argument)
        return ("code", code) if code else None
    return None
