"""Accuracy floor on the shared corpus of real directives (../shared/corpus/directives, never copied here)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "directives"
FIELD_FLOOR = 0.95
DUTY_FLOOR = 0.90

pytestmark = pytest.mark.skipif(not (CORPUS / "expected.json").is_file(),
                                reason="../shared/corpus/directives is absent (a lone clone)")


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from directive_accuracy import score
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return score(CORPUS)


def test_fields_right_on_the_corpus(report) -> None:  # type: ignore[no-untyped-def]
    assert report.field_share >= FIELD_FLOOR, "\n".join(report.misses)


def test_reporting_duties_found_on_the_corpus(report) -> None:  # type: ignore[no-untyped-def]
    assert report.duty_share >= DUTY_FLOOR, "\n".join(report.misses)
    assert report.details_right == report.details


def test_summaries_are_whole_sentences_within_900_characters(report) -> None:  # type: ignore[no-untyped-def]
    assert report.fragments == []
    assert report.summaries_over == 0
