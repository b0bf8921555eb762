"""The venue tests print posters: the font they use is installed first when missing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", autouse=True)
def poster_font() -> None:
    """DejaVu Sans, from Debian's fonts-dejavu-core (scripts/install-fonts.sh)."""
    found = subprocess.run([str(ROOT / "scripts" / "install-fonts.sh")], capture_output=True, text=True, check=False)
    if found.returncode != 0:
        raise RuntimeError(f"could not install the poster font for the tests:\n{found.stderr}")
