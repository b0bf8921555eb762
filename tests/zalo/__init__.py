"""Tests of the Zalo channel."""
