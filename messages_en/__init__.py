"""Every user-visible English text, by key, with the same named placeholders as the Vietnamese reference."""
