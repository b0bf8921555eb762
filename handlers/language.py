"""Which language a person speaks: the choice offered at first contact, English greetings, named languages.

Vietnamese is the default: a first message is read as English only when it is an English greeting or
request ("hello", "good morning", "help", "can I register?"); text with Vietnamese diacritics or
Vietnamese chat words keeps Vietnamese; anything else (``/start``, "ok", a sticker) asks.
"""

from __future__ import annotations

import messages
from handlers.flow import Option
from handlers.matching.normal import tokens
from handlers.text import fold

STEP = "__language__"  # the step id of the language question's buttons
OPTIONS = (
    Option("vi", "language.vi", ("tieng viet", "viet", "vietnamese", "vi", "vn", "viet nam", "tv"),
           en=("tieng viet", "viet", "vietnamese", "vi", "vn", "viet nam", "tv")),
    Option("en", "language.en", ("tieng anh", "anh", "english", "en", "eng", "ta"),
           en=("tieng anh", "english", "en", "eng", "anh", "ta")),
)
_GREETINGS = frozenset({
    "hello", "hi", "hey", "hiya", "howdy", "greetings", "good morning", "good afternoon", "good evening",
    "good day", "morning", "evening", "afternoon", "help", "english", "hello there", "hi there", "hey there",
    "start", "register", "declare", "excuse me", "please help", "help me", "yo", "what s up", "whats up",
})
# Common English words: a first message made mostly of them is English ("can i register here please").
_ENGLISH = frozenset({
    "i", "i m", "im", "you", "we", "me", "my", "is", "are", "am", "be", "do", "does", "can", "could", "would",
    "want", "need", "like", "to", "the", "a", "an", "for", "of", "in", "here", "there", "this", "that", "how",
    "what", "where", "who", "why", "when", "please", "thanks", "thank", "help", "hello", "hi", "hey", "good",
    "morning", "evening", "afternoon", "register", "declare", "declaration", "health", "form", "speak",
    "english", "foreigner", "tourist", "from", "just", "arrived", "it", "with", "and", "or", "sorry", "someone",
    "anyone", "any", "fill", "make", "get", "started", "start", "sign", "up", "report",
})
# Vietnamese typed without diacritics: any of these keeps Vietnamese.
_VIETNAMESE = frozenset({
    "chao", "xin", "ban", "toi", "minh", "khai", "bao", "alo", "oi", "em", "anh", "chi", "duoc", "khong", "ko",
    "muon", "lam", "sao", "gi", "nao", "dang", "ky", "te", "giup", "voi", "nhe", "nha", "dc", "can", "bac", "co",
    "chu", "ong", "ba", "a", "u", "vang", "da", "roi", "the", "y",
})


def detect(text: str) -> str | None:
    """The language of a first message: "en", "vi", or None when it says nothing about it."""
    if any(ord(ch) > 127 and ch.isalpha() and fold(ch).isascii() for ch in text):
        return messages.VI  # Vietnamese letters with diacritics
    words = [word for word in tokens(text) if not word.isdigit()]
    if not words:
        return None
    if " ".join(words) in _GREETINGS:
        return messages.EN
    english = sum(word in _ENGLISH for word in words)
    vietnamese = sum(word in _VIETNAMESE for word in words)
    if vietnamese and vietnamese >= english:
        return messages.VI
    if " ".join(words[:2]) in _GREETINGS or words[0] in _GREETINGS or english * 2 > len(words):
        return messages.EN
    return None


def named(text: str) -> str | None:
    """The language a text names ("english", "tieng viet", "en"), or None."""
    phrase = " ".join(tokens(text))
    for option in OPTIONS:
        if phrase in option.aliases or phrase in option.en or phrase == fold(messages.t(option.id, option.key)):
            return option.id
    return None
