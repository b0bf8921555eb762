"""khaibao run: start-up, the runner, the web server and the event loop."""
