"""Reading a reply as an English speaker: no Vietnamese sentence besides the names and places in it."""

from __future__ import annotations

import re
import unicodedata

from handlers.areas import catalog

# A Vietnamese letter: one of the Vietnamese vowels or đ, or a letter carrying a tone mark (after NFD).
_VIETNAMESE_LETTER = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[^\W\d_][\u0300-\u0323]")


def vietnamese_left(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The words of ``text`` with Vietnamese letters once the allowed names, addresses and places are taken out."""
    rest = text
    for name in sorted(allowed, key=len, reverse=True):
        rest = rest.replace(name, " ")
    return [word for word in rest.split() if _VIETNAMESE_LETTER.search(unicodedata.normalize("NFD", word))]


def places(*codes: str) -> tuple[str, ...]:
    """The labels of areas as replies name them ("Xã Yên Mỹ, Hưng Yên", "Hưng Yên")."""
    labels = []
    for code in codes:
        area = catalog().by_code[code]
        labels += [catalog().label(code), area.name]
    return tuple(labels)
