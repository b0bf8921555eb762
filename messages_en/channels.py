"""Texts the channel adapters add around the conversation."""

MESSAGES = {
    "menu.multi_hint": "(You can choose several: type the numbers, e.g. \"1 3\")",
    "console.welcome": "Health declaration — test channel on this computer. Type \"hello\" to start, Ctrl+D to quit.",
    "console.window_user": "This window is the user \"{user}\" (console channel): messages, alerts and reminders sent "
                           "to this user appear here. For another user, open a new window and type "
                           "khaibao chat --user ID.",
    "console.pushed": "── New message ──",
    "console.qr_saved": "[QR code image saved at: {path}]",
    "console.file_saved": "[File saved at: {path}]",
}
