"""Texts for settings that stop the start: each names the variable and says what is expected."""

MESSAGES = {
    "settings.invalid": "Invalid configuration (environment variables or .env file):",
    "settings.problem": "- {variable}: {expected}",
    "settings.problem_value": "- {variable} = \"{value}\": {expected}",
    "settings.generic": "invalid value ({detail}).",
    "settings.problem_whole": "- {detail}",
    "settings.no_secret_key": (
        "KHAIBAO_SECRET_KEY is not set: once a Telegram/Zalo token or webhook is configured, a secret signing key "
        "(at least 32 characters) is required, e.g. made with: "
        "python3 -c \"import secrets; print(secrets.token_urlsafe(48))\""
    ),
    "settings.expect.DATABASE_URL": "expects an address starting with sqlite+aiosqlite:// or postgresql+asyncpg://.",
    "settings.expect.KHAIBAO_TIMEZONE": "expects an IANA time zone name, e.g. Asia/Ho_Chi_Minh.",
    "settings.expect.KHAIBAO_ADMINS": "expects a comma-separated list of CHANNEL:USER_ID, the channel being console, "
                                      "telegram or zalo (e.g. console:admin,telegram:123456).",
    "settings.expect.KHAIBAO_SECRET_KEY": "expects a secret of at least 32 characters (make one with: python3 -c "
                                          "\"import secrets; print(secrets.token_urlsafe(48))\").",
    "settings.expect.KHAIBAO_RETENTION_DAYS": "expects a whole number of days from 1 to 3650.",
    "settings.expect.KHAIBAO_SESSION_IDLE_HOURS": "expects a whole number of hours from 1 to 720.",
    "settings.expect.KHAIBAO_RECEIPT_VALID_HOURS": "expects a whole number of hours from 1 to 168.",
    "settings.expect.KHAIBAO_DATA_DIR": "expects a directory path.",
    "settings.expect.KHAIBAO_LOG_LEVEL": "expects DEBUG, INFO, WARNING or ERROR.",
    "settings.expect.WEB_HOST": "expects a host address, e.g. 0.0.0.0.",
    "settings.expect.WEB_PORT": "expects a whole port number from 1 to 65535.",
    "settings.expect.PUBLIC_BASE_URL": "expects an address starting with http:// or https://, or nothing.",
    "settings.expect.TELEGRAM_BOT_TOKEN": "expects the token from @BotFather, or nothing to turn Telegram off.",
    "settings.expect.TELEGRAM_BOT_USERNAME": "expects the Telegram bot's username (without @), or nothing.",
    "settings.expect.TELEGRAM_API_BASE_URL": "expects an address starting with http:// or https://.",
    "settings.expect.TELEGRAM_WEBHOOK_URL": "expects an address starting with https://, or nothing for long polling.",
    "settings.expect.TELEGRAM_WEBHOOK_SECRET": "expects a string of A-Z, a-z, 0-9, _ and -, or nothing.",
    "settings.expect.TELEGRAM_RATE": "expects messages per second, above 0 and at most 1000.",
    "settings.expect.TELEGRAM_PER_CHAT_INTERVAL": "expects seconds from 0 to 60.",
    "settings.expect.TELEGRAM_PAID_BROADCAST": "expects true or false.",
    "settings.expect.ZALO_BOT_TOKEN": "expects the token from the Zalo Bot Platform, or nothing to turn Zalo off.",
    "settings.expect.ZALO_API_BASE_URL": "expects an address starting with http:// or https://.",
    "settings.expect.ZALO_WEBHOOK_URL": "expects an address starting with https://, or nothing for long polling.",
    "settings.expect.ZALO_WEBHOOK_SECRET": "expects a string of 8 to 256 characters, or nothing.",
    "settings.expect.ZALO_RATE": "expects messages per second, above 0 and at most 1000.",
    "settings.expect.INVITE_VALID_HOURS": "expects a whole number of hours from 1 to 720.",
    "settings.expect.MONITORING_DAYS": "expects a whole number of days from 1 to 60.",
    "settings.expect.MONITORING_SLOTS": "expects local times separated by commas, e.g. 07:30,16:30.",
    "settings.expect.ALERT_YELLOW": "expects true or false.",
    "settings.expect.ALERT_ACK_HOURS": "expects hours above 0 and at most 72.",
    "settings.expect.ESCALATE_AFTER_HOURS": "expects hours above 0 and at most 72.",
    "settings.expect.QUIET_HOURS": "expects a time range such as 21:00-07:00, or off to turn it off.",
    "settings.expect.DELIVERY_LEASE_SECONDS": "expects seconds above 0 and at most 3600.",
    "settings.expect.DELIVERY_RETRY_HOURS": "expects hours above 0 and at most 168 (how long to keep retrying while "
                                            "a platform fails).",
    "settings.expect.DELIVERY_RETRY_MAX_DELAY_SECONDS": "expects seconds above 0 and at most 3600.",
    "settings.expect.DELIVERY_BATCH": "expects a whole number of rows from 1 to 10000.",
}
