"""Masked names keep the family name and each other word's first letter."""

from __future__ import annotations

import unicodedata

import pytest

from handlers.masking import mask_name


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("Nguyễn Văn An", "Nguyễn V** A*"),
        ("Trần Thị Bích Ngọc", "Trần T** B*** N***"),
        ("  Lê   Hữu  Đạt ", "Lê H** Đ**"),
        ("Phạm\tĐức\nThắng", "Phạm Đ** T****"),
        ("Mai", "M**"),
        ("Ông", "Ô**"),
        ("Lý Y", "Lý Y"),
        ("Âu Dương Phong", "Âu D**** P****"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


def test_decomposed_diacritics_count_as_one_letter() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    assert len(decomposed) > len("Nguyễn Văn Đức")
    assert mask_name(decomposed) == "Nguyễn V** Đ**"
