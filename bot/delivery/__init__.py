"""The durable delivery queue: broadcasts, reminders and alerts sent at the platforms' pace."""
