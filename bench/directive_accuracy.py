"""Accuracy of the directive parser on the shared corpus of real documents (../shared/corpus/directives).

Prints per-field accuracy (kind, number, issuer, date, signer, subject), reporting duties found, their
details (rhythm day, time, who, to whom), extra duties, and summary lines that are not whole sentences.

Run: .venv/bin/python bench/directive_accuracy.py [--corpus PATH] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from handlers.directive import BULLET, Directive, DirectiveError, parse_directive, summarize  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "directives"
FIELDS = ("kind", "number", "issuer", "date", "signer", "subject")
DETAILS = ("weekday", "day_of_month", "month", "date", "time")
SUBJECT_F1 = 0.8
QUOTE_SHARE = 0.8
_WORDS = re.compile(r"\w+")
_SENTENCE_END = (".", "!", "?", "…", ":", ";", '"', "”", ")", "/.")


@dataclass
class Report:
    """Tallies over the corpus; ``misses`` names what went wrong, document by document."""

    documents: int = 0
    right: Counter[str] = field(default_factory=Counter)
    duties: int = 0
    duties_found: int = 0
    details: int = 0
    details_right: int = 0
    reporters_right: int = 0
    recipients_right: int = 0
    extra_duties: int = 0
    optional: int = 0
    optional_found: int = 0
    summaries_over: int = 0
    fragments: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def field_share(self) -> float:
        return sum(self.right.values()) / max(1, self.documents * len(FIELDS))

    @property
    def duty_share(self) -> float:
        return self.duties_found / max(1, self.duties)


def _norm(text: str | None) -> str | None:
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(text.replace("uỷ", "ủy").split()).strip(" .,;:")


def _words(text: str) -> list[str]:
    return _WORDS.findall(_norm(text) or "")


def _f1(found: str, expected: str) -> float:
    ours, theirs = Counter(_words(found)), Counter(_words(expected))
    common = sum((ours & theirs).values())
    if not common:
        return 0.0
    precision, recall = common / sum(ours.values()), common / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


def field_right(name: str, parsed: Directive | None, truth: dict) -> bool:
    """Whether the parser's value of one field counts as right."""
    if parsed is None:
        return False
    accepted = [truth.get(name), *(truth.get(f"{name}_accept") or [])]
    if name == "kind":
        return parsed.kind in accepted or (truth["kind"] is None and parsed.kind == "Tin bài")
    if name == "number":
        value = re.sub(r"\s+", "", parsed.number).casefold() if parsed.number else None
        return value in [re.sub(r"\s+", "", a).casefold() if a else None for a in accepted]
    if name == "date":
        value = parsed.date.isoformat() if parsed.date else None
        return value == truth["date"] or (value is not None and value in accepted)
    if name == "signer":
        return _norm(parsed.signer.name if parsed.signer else None) == _norm(truth["signer"])
    if name == "issuer":
        return _norm(parsed.issuer) in [_norm(a) for a in accepted]
    value = parsed.subject
    if truth["subject"] is None and value is None:
        return True
    return value is not None and any(a is not None and _f1(value, a) >= SUBJECT_F1 for a in accepted)


def quote_matches(text: str, quote: str) -> bool:
    """True when the obligation's sentence holds (nearly) every word of the expected quote."""
    have = Counter(_words(text))
    wanted = Counter(_words(quote))
    return sum((have & wanted).values()) >= QUOTE_SHARE * sum(wanted.values())


def _rhythm_details(duty: dict, obligation: dict) -> list[bool]:
    checks = []
    for key in DETAILS:
        if key in duty and duty[key] is not None and not (key == "day_of_month" and duty["rhythm"] == "yearly"
                                                          and "month" not in duty):
            ours = obligation.get("due_date") if key == "date" else obligation.get(key)
            checks.append(ours == duty[key])
    return checks


def fragments(summary: str, directive: Directive) -> list[str]:
    """Summary lines that do not read as a whole sentence or item (cut at a line break or a semicolon)."""
    cut = []
    for line in summary.split("\n")[1:]:
        text = line.removeprefix(BULLET).strip()
        if text == directive.subject:
            continue
        starts = text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“(" or (
            text[:2].rstrip(")").isalpha() and text[1:2] in ").")
        if not starts or not text.endswith(_SENTENCE_END):
            cut.append(text)
    return cut


def score(corpus: Path) -> Report:
    """Parse and summarise every corpus document and compare with its hand-read truth."""
    truth = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    report = Report()
    for document in truth["documents"]:
        name = document["file"]
        raw = (corpus / name).read_text(encoding="utf-8")
        report.documents += 1
        try:
            parsed: Directive | None = parse_directive(raw)
        except DirectiveError as error:
            parsed = None
            report.misses.append(f"{name}: refused ({error.message_key})")
        for key in FIELDS:
            if field_right(key, parsed, document):
                report.right[key] += 1
            else:
                ours = getattr(parsed, key, None) if parsed else None
                if key == "signer" and ours is not None:
                    ours = ours.name
                report.misses.append(f"{name}: {key} {ours!r} != {document.get(key)!r}")
        obligations = [o.to_json_dict() for o in parsed.obligations] if parsed else []
        used: set[int] = set()
        for duty in document["duties"]:
            report.duties += 1
            candidates = [i for i, o in enumerate(obligations) if i not in used
                          and o["cadence"] == duty["rhythm"] and quote_matches(o["text"], duty["quote"])]
            match = max(candidates, key=lambda i: sum(_rhythm_details(duty, obligations[i])), default=None)
            if match is None:
                report.misses.append(f"{name}: duty missed {duty['rhythm']}: {duty['quote'][:90]}")
                continue
            used.add(match)
            report.duties_found += 1
            checks = _rhythm_details(duty, obligations[match])
            report.details += len(checks)
            report.details_right += sum(checks)
            if not all(checks):
                report.misses.append(f"{name}: duty details {obligations[match]} vs {duty}")
            report.reporters_right += bool(obligations[match]["reporter"]) and bool(duty.get("by")) and (
                _f1(obligations[match]["reporter"] or "", duty["by"]) >= 0.5)
            report.recipients_right += _recipient_right(obligations[match]["recipient"], duty.get("to"))
        for duty in document["optional_duties"]:
            if duty["rhythm"] == "once":
                report.optional += 1
                report.optional_found += any(o["cadence"] == "event" and quote_matches(o["text"], duty["quote"])
                                             for o in obligations)
        extras = [o for i, o in enumerate(obligations) if i not in used and o["cadence"] != "event"]
        report.extra_duties += len(extras)
        report.misses.extend(f"{name}: extra duty {o['cadence']}: {o['text'][:90]}" for o in extras)
        if parsed is not None:
            summary = summarize(parsed)
            report.summaries_over += len(summary) > 900
            report.fragments.extend(f"{name}: {cut[:100]}" for cut in fragments(summary, parsed))
    return report


def _recipient_right(ours: str | None, expected: str | None) -> bool:
    if expected is None or expected.endswith("(implied)"):
        return True
    return ours is not None and _f1(ours, expected) >= 0.5


def main(corpus: Path, verbose: bool) -> int:
    if not (corpus / "expected.json").is_file():
        print(f"no corpus at {corpus}")
        return 1
    report = score(corpus)
    for key in FIELDS:
        print(f"{key:<8} {report.right[key]:>3}/{report.documents}  {100 * report.right[key] / report.documents:5.1f}%")
    total = report.documents * len(FIELDS)
    print(f"fields   {sum(report.right.values()):>3}/{total}  {100 * report.field_share:5.1f}%")
    print(f"duties found {report.duties_found}/{report.duties} ({100 * report.duty_share:.1f}%); "
          f"details right {report.details_right}/{report.details}; who {report.reporters_right}/"
          f"{report.duties_found}; to whom {report.recipients_right}/{report.duties_found}; "
          f"extra duties {report.extra_duties}; 'báo cáo ngay' found {report.optional_found}/{report.optional}")
    print(f"summary fragments {len(report.fragments)}; summaries over 900 characters {report.summaries_over}")
    if verbose:
        print("\n".join(report.misses + [f"fragment {cut}" for cut in report.fragments]))
    print(f"reproduce: .venv/bin/python bench/directive_accuracy.py --corpus {corpus}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--verbose", action="store_true")
    arguments = parser.parse_args()
    raise SystemExit(main(arguments.corpus, arguments.verbose))
