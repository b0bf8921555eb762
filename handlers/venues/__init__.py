"""Venue check-in and exposure notification, platform-neutral: kinds, codes, overlap windows, notice texts."""
