"""Scheduled work: reporting reminders, overdue reports, monitoring slots, retention."""
