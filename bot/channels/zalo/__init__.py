"""The Zalo channel: receiving, rendering, sending, webhook, polling."""
