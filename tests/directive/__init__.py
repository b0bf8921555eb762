"""Tests of the directive pipeline: cleaning, parsing, obligations, summary, uploads and CLI."""
