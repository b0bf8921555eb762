"""Write an upper-case issuer ("TỈNH ỦY NINH BÌNH") the way running text does ("Tỉnh ủy Ninh Bình")."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from handlers.directive import vocabulary as vocab
from handlers.directive.text import capitalize_first, fold_chars, is_acronym, is_upper_line

_LEVELS = sorted((tuple(level.split()) for level in vocab.PLACE_LEVELS), key=len, reverse=True)
_WORD = re.compile(r"[^\W\d_]+")
_PUNCTUATION = ",;.:"


class _Forms:
    """How the body spells given lower-case words in mixed case: after a given word, and anywhere."""

    def __init__(self, body: str, wanted: set[str]) -> None:
        self.after: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.anywhere: defaultdict[str, Counter[str]] = defaultdict(Counter)
        previous = ""
        for match in _WORD.finditer(body):
            written = match.group()
            word = written.lower()
            if word in wanted and not (len(written) > 1 and written.isupper()):
                self.after[(previous, word)][written] += 1
                self.anywhere[word][written] += 1
            previous = word

    def spelling(self, previous: str, word: str) -> str | None:
        """The commonest spelling of ``word`` after ``previous``, else anywhere, else None."""
        for counter in (self.after.get((previous, word)), self.anywhere.get(word)):
            if counter:
                return counter.most_common(1)[0][0]
        return None


def readable_issuer(issuer: str, body: str, folded_body: str) -> str:
    """The issuer as the body writes it in mixed case, else word by word as the body spells them."""
    if not is_upper_line(issuer):
        return issuer
    return _as_written(issuer, body, folded_body) or _recased(issuer, body)


def _as_written(issuer: str, body: str, folded_body: str) -> str | None:
    """The first mixed-case occurrence of the whole issuer in the body, as whole words."""
    key = fold_chars(issuer)
    start = folded_body.find(key)
    while start >= 0:
        end = start + len(key)
        whole = (start == 0 or not body[start - 1].isalnum()) and (end == len(body) or not body[end].isalnum())
        if whole and not is_upper_line(body[start:end]):
            return body[start:end]
        start = folded_body.find(key, start + 1)
    return None


def _recased(issuer: str, body: str) -> str:
    """First word capitalised, acronyms kept, place names after "tỉnh"/"huyện" ... capitalised,
    level words in lower case, other words spelled as the body spells them."""
    words = issuer.split()
    folded = [fold_chars(word).strip(_PUNCTUATION) for word in words]
    lowered = [word.lower().strip(_PUNCTUATION) for word in words]
    forms = _Forms(body, set(lowered))
    cased: list[str] = []
    proper = False
    index = 0
    while index < len(words):
        level = next((lvl for lvl in _LEVELS if tuple(folded[index:index + len(lvl)]) == lvl), None)
        span = len(level) if level else 1
        for offset in range(index, index + span):
            cased.append(_case(words, lowered, offset, proper and not level, level is not None, forms))
        proper = proper or level is not None
        index += span
    return " ".join(cased)


def _case(words: Sequence[str], lowered: Sequence[str], index: int, proper: bool, level: bool, forms: _Forms) -> str:
    """One word of the issuer in running-text case."""
    word = words[index]
    if is_acronym(word) or any(ch.isdigit() for ch in word):
        return word
    if index == 0 or proper:
        return capitalize_first(word)
    if level:
        return word.lower()
    core = word.strip(_PUNCTUATION)
    spelling = forms.spelling(lowered[index - 1], lowered[index])
    return word.replace(core, spelling or core.lower(), 1)
