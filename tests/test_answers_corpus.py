"""The answers corpus: at least 600 typed answers, 98% of them understood as meant, every refusal deliberate."""

from __future__ import annotations

from collections import Counter

from handlers.areas import catalog
from handlers.matching.former import PROVINCE, formers
from handlers.text import fold
from tests.answer_corpus import KINDS, agrees, load, meaning


def test_corpus_is_large_and_covers_every_step_kind() -> None:
    rows = load()
    assert len(rows) >= 600
    assert set(KINDS) <= {row.kind for row in rows}
    assert Counter(row.expected == "refuse" for row in rows)[True] >= 40


def test_old_addresses_come_from_at_least_twenty_former_provinces() -> None:
    current = {fold(area.name) for area in catalog().provinces}
    merged = {unit.key: fold(unit.name.removeprefix("Tỉnh ")) for unit in formers().values()
              if unit.level == PROVINCE and fold(unit.name.removeprefix("Tỉnh ")) not in current}
    typed = " | ".join(fold(f"{row.text} {row.before}") for row in load() if row.kind in ("province", "commune"))
    named = {key for key, name in merged.items() if name in typed}
    assert len(named) >= 20, sorted(named)


def test_corpus_accuracy_is_at_least_98_percent() -> None:
    rows = load()
    wrong = [(row.file, row.kind, row.text, row.expected, got) for row in rows if not agrees(row, got := meaning(row))]
    accuracy = 1 - len(wrong) / len(rows)
    assert accuracy >= 0.98, wrong[:20]
