"""Channel adapters: Telegram, Zalo, console."""
