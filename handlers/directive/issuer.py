"""Write an upper-case issuer ("TỈNH ỦY NINH BÌNH") the way running text does ("Tỉnh ủy Ninh Bình")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from handlers.directive import vocabulary as vocab
from handlers.directive.text import capitalize_first, fold_chars, is_acronym, is_upper_line

_LEVELS = sorted((tuple(level.split()) for level in vocab.PLACE_LEVELS), key=len, reverse=True)
_PUNCTUATION = ",;.:"
_CLOSING_FORMULA = re.compile(
    r"^(?P<body>[^\W\d_][^,.;:()]{2,80}?)\s+(?:xin\s+)?(?:thông báo|trân trọng thông báo|thông báo ý kiến)"
    r"\s+(?:để|đến|cho|tới)\b"
)
_BARE_BODIES = frozenset({"uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd"})
_LEVEL_AFTER = {
    bare: re.compile(rf"\b{bare}\s+(?P<level>tinh|thanh pho|huyen|thi xa|quan|xa|phuong|thi tran)\b")
    for bare in _BARE_BODIES
}


def closing_issuer(lines: Sequence[str]) -> str | None:
    """The body that signs off the text ("Văn phòng Chính phủ thông báo để ... biết, thực hiện./.")."""
    for line in reversed(lines):
        found = _CLOSING_FORMULA.match(line)
        if found is not None and found.group("body")[0].isupper():
            return found.group("body")
    return None


def completed_issuer(issuer: str, place: str | None, body: str) -> str:
    """A bare "Ủy ban nhân dân" (its second header line lost) completed with the level the text gives
    it ("Ủy ban nhân dân thành phố ban hành ...") and the header's place."""
    bare = fold_chars(issuer).strip()
    if bare not in _BARE_BODIES or not place:
        return issuer
    found = _LEVEL_AFTER[bare].search(fold_chars(body))
    if found is None:
        return issuer
    level = body[found.start("level"):found.end("level")]
    return f"{issuer} {level.lower()} {place}"


def readable_issuer(issuer: str, body: str) -> str:
    """The issuer as the body writes it in mixed case, else word by word as the body spells them."""
    if not is_upper_line(issuer):
        return issuer
    return _as_written(issuer, body) or _recased(issuer, body)


def _as_written(issuer: str, body: str) -> str | None:
    """The first mixed-case occurrence of the whole issuer in the body, as whole words."""
    words = r"\s+".join(re.escape(word) for word in issuer.split())
    for match in re.finditer(rf"(?<!\w){words}(?!\w)", body, re.IGNORECASE):
        if not is_upper_line(match.group()):
            return match.group()
    return None


def _recased(issuer: str, body: str) -> str:
    """First word capitalised, acronyms kept, place names after "tỉnh"/"huyện" ... capitalised,
    level words in lower case, other words spelled as the body spells them."""
    words = issuer.split()
    folded = [fold_chars(word).strip(_PUNCTUATION) for word in words]
    cased: list[str] = []
    proper = False
    index = 0
    while index < len(words):
        level = next((lvl for lvl in _LEVELS if tuple(folded[index:index + len(lvl)]) == lvl), None)
        span = len(level) if level else 1
        for offset in range(index, index + span):
            cased.append(_case(words, offset, proper and not level, level is not None, body))
        proper = proper or level is not None
        index += span
    return " ".join(cased)


def _case(words: Sequence[str], index: int, proper: bool, level: bool, body: str) -> str:
    """One word of the issuer in running-text case."""
    word = words[index]
    if is_acronym(word) or any(ch.isdigit() for ch in word):
        return word
    if index == 0 or proper:
        return capitalize_first(word)
    if level:
        return word.lower()
    core = word.strip(_PUNCTUATION)
    spelling = _spelling(words[index - 1].strip(_PUNCTUATION), core, body)
    return word.replace(core, spelling or core.lower(), 1)


def _spelling(previous: str, word: str, body: str) -> str | None:
    """The body's commonest spelling of ``word`` (not all capitals) after ``previous``, else anywhere."""
    after = rf"(?<!\w){re.escape(previous)}\s+({re.escape(word)})(?!\w)"
    anywhere = rf"(?<!\w)({re.escape(word)})(?!\w)"
    for pattern in (after, anywhere):
        found = (match.group(1) for match in re.finditer(pattern, body, re.IGNORECASE))
        forms = Counter(form for form in found if len(form) == 1 or not is_upper_line(form))
        if forms:
            return forms.most_common(1)[0][0]
    return None
