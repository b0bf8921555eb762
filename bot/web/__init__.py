"""The web console for officials and admins: server-rendered pages on the bot's own web server."""
