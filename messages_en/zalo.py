"""Texts of the Zalo channel."""

MESSAGES = {
    "zalo.group_private_only": (
        "To protect personal information, I only take health declarations in private messages. "
        "Please message me directly."
    ),
}
