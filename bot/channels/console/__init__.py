"""The console channel: a terminal chat and each console user's inbox."""
