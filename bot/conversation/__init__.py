"""Incoming messages to replies: stored arrivals, per-user order, the engine, the reply outbox."""
