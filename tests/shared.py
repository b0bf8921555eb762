"""Data beside the repository in ../shared (seed documents, corpora): used when present, else the test skips."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def shared_path(*parts: str) -> Path:
    """The path of ``../shared/<parts>``; skips the calling test with a one-line reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is absent (a lone clone): this test reads data kept beside the repo")
    return path
