"""The Telegram channel: receiving, rendering, sending, webhook, polling."""
