"""`python -m bot.cli`: the khaibao command line."""

from bot.cli.main import main

main()
