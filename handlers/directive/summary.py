"""An extractive summary: one header line from the parsed fields, then sentences taken verbatim."""

from __future__ import annotations

import re
from dataclasses import dataclass

import messages
from handlers.directive import vocabulary as vocab
from handlers.directive.model import Directive
from handlers.directive.sentences import sentences, without_bullet
from handlers.directive.text import fold_chars, whole_words


def t(key: str, **params: object) -> str:
    """A message of the directive pipeline, in Vietnamese (the language of the directives)."""
    return messages.t(messages.VI, key, **params)

LIMIT = 900
BULLET = "- "
_MAX_PIECE = 400
_MIN_PIECE = 25
_MAX_LINES = 8
_CITIZEN_WEIGHT = 3
_REFERENCE_PENALTY = 2
_USEFUL = 2
_CITIZEN = re.compile(whole_words(vocab.CITIZEN_TERMS))
_NOT_CITIZENS = re.compile(whole_words(vocab.NOT_CITIZENS))
_DEMAND = re.compile(whole_words(vocab.DEMAND_TERMS))
_REFERENCE = re.compile(r"\bso\s*:?\s*\d{1,5}\s*[-/]")
_ENDS = (".", "!", "?", "…", '"', "”", ")", "»")
_OPENERS = "\"“(«'"


@dataclass(frozen=True)
class _Piece:
    """A whole sentence of the document: where it stands, how much it tells citizens, whether it sets
    a reporting duty."""

    text: str
    position: int
    item: int | None
    score: int
    duty: bool
    citizen: bool


def summarize(directive: Directive) -> str:
    """At most 900 characters: the header, the subject, then whole sentences taken verbatim as bullets:
    what citizens must do first, then every reporting duty and deadline, then the most telling rest."""
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
    """Whole sentences of the items (or of the main text when there are none), never a clause or a
    piece of a wrapped line; a sentence longer than a bullet allows is left out, not cut."""
    duties = {obligation.text for obligation in directive.obligations}
    sources: list[tuple[int | None, str]] = [(index, item.text) for index, item in enumerate(directive.items)]
    pieces: list[_Piece] = []
    for item, text in sources or [(None, line) for line in directive.paragraphs]:
        for line in text.split("\n"):
            found = sentences(without_bullet(line))
            for sentence in found:
                piece = _closing_trimmed(sentence)
                if _MIN_PIECE <= len(piece) <= _MAX_PIECE and _is_whole(piece, len(found) == 1):
                    score, citizen = _score(piece, item is not None)
                    pieces.append(_Piece(piece, len(pieces), item, score, sentence in duties, citizen))
    return pieces


def _is_whole(text: str, whole_line: bool) -> bool:
    """A sentence as written: it starts with a capital (or digit, quote, bracket) and ends a sentence;
    a list entry that is a whole line may end in a semicolon. One ending in a colon only announces a list."""
    starts = text[0].isupper() or text[0].isdigit() or text[0] in _OPENERS
    return starts and (text.endswith(_ENDS) or (whole_line and text.endswith(";")))


def _closing_trimmed(text: str) -> str:
    """Without surrounding spaces and the closing "/" of a final "./."."""
    text = text.strip()
    return text[:-2] if text.endswith("./.") else text


def _score(text: str, in_item: bool) -> tuple[int, bool]:
    """Citizen demands count most, then demand words and being an item; citations count against.
    Also whether the sentence tells citizens something."""
    folded = _NOT_CITIZENS.sub(" ", fold_chars(text))
    citizen = len({match.group() for match in _CITIZEN.finditer(folded)})
    demand = len({match.group() for match in _DEMAND.finditer(folded)})
    references = len(_REFERENCE.findall(folded))
    score = _CITIZEN_WEIGHT * citizen + demand + int(in_item) + 1 - _REFERENCE_PENALTY * references
    return score, citizen > 0 and references == 0


def _choose(pieces: list[_Piece], budget: int) -> list[_Piece]:
    """Duties and deadlines, citizens' instructions, then the best of the rest (one per item first), as
    fit; shown citizens' instructions first, then duties, then the rest, each in document order."""
    best_first = sorted(pieces, key=lambda piece: (-piece.score, len(piece.text), piece.position))
    groups = (
        [piece for piece in pieces if piece.duty],
        [piece for piece in best_first if piece.citizen and not piece.duty],
        [piece for piece in best_first if piece.score >= _USEFUL and not piece.citizen and not piece.duty],
    )
    chosen: list[list[_Piece]] = [[], [], []]
    texts: set[str] = set()
    items: set[int | None] = set()
    count = 0
    for rank, group in enumerate(groups):
        for spread in (True, False) if rank else (False,):
            for piece in group:
                cost = len(BULLET) + len(piece.text) + 1
                fresh = piece.text not in texts and (not spread or piece.item is None or piece.item not in items)
                if fresh and cost <= budget and count < _MAX_LINES:
                    chosen[rank].append(piece)
                    texts.add(piece.text)
                    items.add(piece.item)
                    budget -= cost
                    count += 1
    if not any(chosen) and pieces:
        chosen[2] = [piece for piece in pieces[:1] if len(BULLET) + len(piece.text) + 1 <= budget]
    duties, citizens, rest = (sorted(group, key=lambda piece: piece.position) for group in chosen)
    return citizens + duties + rest
