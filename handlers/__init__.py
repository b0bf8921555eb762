"""Platform-neutral domain logic: conversations, parsing, triage."""
