"""Tests of the fake platform servers."""
