"""The running system: settings, CLI, channels, delivery, scheduler."""
