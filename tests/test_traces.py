"""A person's traces are found however a text spells them, and nothing else is taken with them."""

from __future__ import annotations

import pytest

from handlers.traces import Traces

TRACES = Traces.of(phrases=["Nguyễn Văn An", "số 12 thôn Đông", "Lan"], phones=["+84912345678", "+842213123456"],
                   numbers=["001090123456"])


@pytest.mark.parametrize("text", [
    "Nguyễn Văn An", "NGUYEN VAN AN", "nguyen  van\nan", "Ông Nguyễn Văn An.", "So 12 Thon Dong",
    "0912345678", "+84912345678", "84912345678", "0912 345 678", "091.234.5678", "(+84) 912-345-678",
    "+84 912 345 678", "0221 3 123 456", "02213123456", "0221 3123 456", "+842213123456",
    "001090123456", "001 090 123 456",
])
def test_every_spelling_is_found_and_redacted(text: str) -> None:
    assert TRACES.found(text)
    assert not TRACES.found(TRACES.redact(f"trước {text} sau", "[X]"))
    redacted = TRACES.redact(f"trước {text} sau", "[X]")
    assert redacted.startswith("trước ") and redacted.endswith(" sau") and "[X]" in redacted


@pytest.mark.parametrize("text", [
    "Nguyễn Văn Anh", "Lan Anh", "09123456789", "19123456780", "0912345679", "1001090123456", "thôn Đông",
    "Lan đi học", "",
])
def test_other_words_and_numbers_are_left_alone(text: str) -> None:
    assert not TRACES.found(text)
    assert TRACES.redact(text, "[X]") == text


def test_no_traces_find_nothing() -> None:
    empty = Traces.of(phrases=[None, ""], phones=[None], numbers=[None])
    assert not empty.found("Nguyễn Văn An 0912345678") and empty.redact("a b", "[X]") == "a b"
