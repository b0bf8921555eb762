"""Console windows as real processes: `khaibao chat --user ID` or `khaibao run`, read line by line."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Window:
    """One `khaibao` process whose output is collected as it comes."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli.main", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, env={**os.environ, **env, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def text(self) -> str:
        """Everything printed so far."""
        return "\n".join(self.lines)

    def wait_for(self, *texts: str, timeout: float = 60.0) -> str:
        """Wait until every text has been printed; the output so far."""
        deadline = time.monotonic() + timeout
        while not all(text in self.text for text in texts):
            if time.monotonic() > deadline or self.process.poll() is not None:
                stderr = self.process.stderr.read() if self.process.poll() is not None and self.process.stderr else ""
                raise AssertionError(f"waited for {texts!r}; got:\n{self.text}\n{stderr}")
            time.sleep(0.1)
        return self.text

    def close(self) -> int:
        """End the input (Ctrl+D); the exit code."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        code = self.process.wait(timeout=60)
        self._reader.join(timeout=10)
        return code
