"""An extractive summary: one header line from the parsed fields, then sentences taken verbatim."""

from __future__ import annotations

import re
from dataclasses import dataclass

from handlers.directive import vocabulary as vocab
from handlers.directive.model import Directive
from handlers.directive.sentences import clauses, sentences, without_bullet
from handlers.directive.text import fold_chars, whole_words
from messages_vi import t

LIMIT = 900
BULLET = "- "
_MAX_PIECE = 320
_CHUNK = 220
_MIN_PIECE = 25
_MAX_LINES = 8
_CITIZEN_WEIGHT = 3
_REFERENCE_PENALTY = 2
_STRONG = _CITIZEN_WEIGHT
_USEFUL = 2
_CITIZEN = re.compile(whole_words(vocab.CITIZEN_TERMS))
_NOT_CITIZENS = re.compile(whole_words(vocab.NOT_CITIZENS))
_DEMAND = re.compile(whole_words(vocab.DEMAND_TERMS))
_REFERENCE = re.compile(r"\bso\s*:?\s*\d{1,5}\s*[-/]")
_COMMA = re.compile(r",\s")


@dataclass(frozen=True)
class _Piece:
    """A sentence or clause of the document, where it stands and how much it tells citizens."""

    text: str
    position: int
    item: int | None
    score: int


def summarize(directive: Directive) -> str:
    """At most 900 characters: the header, the subject, then the most telling sentences as bullets."""
    header = summary_header(directive)
    lines = [header]
    budget = LIMIT - len(header)
    subject = directive.subject
    if subject and len(subject) <= _MAX_PIECE and len(subject) + 1 <= budget:
        lines.append(subject)
        budget -= len(subject) + 1
    lines.extend(BULLET + piece.text for piece in _choose(_pieces(directive), budget))
    return "\n".join(lines)


def summary_header(directive: Directive) -> str:
    """"Công văn 2644-CV/TU của Tỉnh ủy Ninh Bình, 29/07/2020", from the fields the text states."""
    head = directive.kind
    if directive.number:
        key = "directive.header.news_number" if directive.kind == vocab.NEWS_ARTICLE else "directive.header.number"
        head = t(key, kind=head, number=directive.number)
    if directive.issuer:
        head = t("directive.header.issuer", head=head, issuer=directive.issuer)
    if directive.date:
        head = t("directive.header.date", head=head, date=directive.date)
    return head


def _pieces(directive: Directive) -> list[_Piece]:
    """Sentences (or clauses of long ones) of the items, or of the main text when there are none."""
    sources: list[tuple[int | None, str]] = [(index, item.text) for index, item in enumerate(directive.items)]
    pieces: list[_Piece] = []
    for item, text in sources or [(None, line) for line in directive.paragraphs]:
        for line in text.split("\n"):
            for sentence in sentences(without_bullet(line)):
                for piece in _split(sentence):
                    pieces.append(_Piece(piece, len(pieces), item, _score(piece, item is not None)))
    return pieces


def _split(sentence: str) -> list[str]:
    """The sentence if short enough, else its clauses, else runs of its comma-separated parts."""
    if len(sentence) <= _MAX_PIECE:
        parts = [sentence]
    else:
        parts = [chunk for clause in clauses(sentence) for chunk in _chunks(clause)]
    trimmed = (_trim(part) for part in parts)
    return [part for part in trimmed if _MIN_PIECE <= len(part) <= _MAX_PIECE]


def _chunks(clause: str) -> list[str]:
    """A long clause cut after commas into verbatim runs of about 220 characters."""
    if len(clause) <= _MAX_PIECE:
        return [clause]
    chunks: list[str] = []
    start = previous = 0
    for comma in _COMMA.finditer(clause):
        if comma.start() - start > _CHUNK and previous > start:
            chunks.append(clause[start:previous])
            start = previous + 1
        previous = comma.start()
    chunks.append(clause[start:])
    return chunks


def _trim(text: str) -> str:
    """Without surrounding spaces, a trailing comma or colon, or the closing "/."."""
    text = text.strip().rstrip(",;:").strip()
    return text[:-2] if text.endswith("/.") else text


def _score(text: str, in_item: bool) -> int:
    """Citizen demands count most, then demand words, being an item and starting a sentence;
    citations count against."""
    folded = _NOT_CITIZENS.sub(" ", fold_chars(text))
    citizen = len({match.group() for match in _CITIZEN.finditer(folded)})
    demand = len({match.group() for match in _DEMAND.finditer(folded)})
    references = len(_REFERENCE.findall(folded))
    starts = text[0].isupper()
    return _CITIZEN_WEIGHT * citizen + demand + int(in_item) + int(starts) - _REFERENCE_PENALTY * references


def _choose(pieces: list[_Piece], budget: int) -> list[_Piece]:
    """Best pieces that fit: strong ones one per item first, then any; shown in document order."""
    ranked = sorted((piece for piece in pieces if piece.score >= _USEFUL), key=lambda p: (-p.score, p.position))
    chosen: dict[int, _Piece] = {}
    texts: set[str] = set()
    items: set[int | None] = set()
    for first_pass in (True, False):
        for piece in ranked or pieces:
            cost = len(BULLET) + len(piece.text) + 1
            fresh = piece.position not in chosen and piece.text not in texts
            spread = not first_pass or (piece.score >= _STRONG and (piece.item is None or piece.item not in items))
            if fresh and spread and cost <= budget and len(chosen) < _MAX_LINES:
                chosen[piece.position] = piece
                texts.add(piece.text)
                items.add(piece.item)
                budget -= cost
    return [chosen[position] for position in sorted(chosen)]
