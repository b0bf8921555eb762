"""The khaibao command line: every command."""
