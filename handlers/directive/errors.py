"""The one error the directive pipeline raises: a message key for the user."""

from __future__ import annotations


class DirectiveError(ValueError):
    """A document that cannot be read or is not a directive; ``message_key`` names the reply."""

    def __init__(self, message_key: str) -> None:
        super().__init__(message_key)
        self.message_key = message_key
