"""Texts the Telegram channel adds: buttons, the contact keyboard and the command menu."""

MESSAGES = {
    "telegram.done": "Done",
    "telegram.page_previous": "◀ Previous page",
    "telegram.page_next": "Next page ▶",
    "telegram.share_phone": "📱 Send my phone number",
    "telegram.phone_placeholder": "Or type a phone number",
    "telegram.contact_refused": (
        "I can only accept your own phone number. Please press \"Send my phone number\" or type your number."
    ),
    "telegram.command.khaibao": "Make a health declaration",
    "telegram.command.quaylai": "Back to the previous question",
    "telegram.command.huy": "Cancel what you're doing",
    "telegram.command.batdau": "Start again from the beginning",
    "telegram.command.huongdan": "Show the help",
    "telegram.command.vungdich": "Show the outbreak areas",
}
