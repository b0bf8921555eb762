"""Normalising what people type before matching: accents, chat spelling, particles, abbreviations."""

from __future__ import annotations

import re

from handlers.text import fold

# Telex/VNI leftovers and chat spellings, folded, to the word people meant.
_RESPELL = {
    "khoong": "khong", "khongg": "khong", "khonng": "khong", "khog": "khong", "hoong": "khong",
    "ko": "khong", "kg": "khong", "khg": "khong", "k0": "khong", "hk": "khong", "khum": "khong",
    "ddungs": "dung", "dungs": "dung", "ddung": "dung", "coa": "co", "cos": "co", "oke": "ok", "okie": "ok",
    "okela": "ok", "oki": "ok", "okay": "ok", "uhm": "uh", "um": "uh", "uk": "uh", "ukm": "uh", "k": "khong",
    "vg": "vang", "dc": "duoc", "roii": "roi", "rui": "roi",
}
# Chat words that are ordinary words inside a longer answer: respelled only when typed alone.
_ALONE = {"hong": "khong", "hok": "khong", "hem": "khong", "kh": "khong", "u": "uh", "r": "roi"}
# Politeness and filler words that never carry an answer.
PARTICLES = frozenset({"a", "ah", "ak", "nhe", "nha", "nhen", "nhi", "oi", "alo", "hi", "hihi", "haha", "vay",
                       "luon", "thoi", "day", "da", "ad", "admin"})
# Division abbreviations, folded, with the words they stand for.
_DIVISIONS = (
    (re.compile(r"\b(?:tp\.?\s*|t\.p\.?\s*)(?=[a-z0-9])"), "thanh pho "),
    (re.compile(r"\btt\.?\s*(?=[a-z])"), "thi tran "),
    (re.compile(r"\btx\.?\s*(?=[a-z])"), "thi xa "),
    (re.compile(r"\bq\.?\s*(?=[0-9])|\bq\.\s*"), "quan "),
    (re.compile(r"\bp\.?\s*(?=[0-9])|\bp\.\s*"), "phuong "),
    (re.compile(r"\bh\.\s*"), "huyen "),
    (re.compile(r"\bx\.\s*"), "xa "),
    (re.compile(r"\bph\.?\s+"), "phuong "),
    (re.compile(r"\b(?:hcm|tphcm|sg|saigon|sai gon|ho chi minh|hochiminh)\b"), "ho chi minh"),
    # English: "district 1" is Quận 1 (numbered districts are urban), "ward 5" Phường 5; a named one keeps its name
    (re.compile(r"\b(?:district|dist\.?)\s*(?=[0-9])"), "quan "),
    (re.compile(r"\b([0-9]{1,2})\s*(?:st|nd|rd|th)?\s+district\b"), r"quan \1"),
    (re.compile(r"\bward\s*(?=[0-9])"), "phuong "),
    (re.compile(r"\b([0-9]{1,2})\s*(?:st|nd|rd|th)?\s+ward\b"), r"phuong \1"),
    (re.compile(r"\b(?:district|dist)\b"), " "),
)
_GLUED = re.compile(r"(?<=[0-9])(?=[a-z])|(?<=\b[pq])(?=[0-9])")
_NON_WORD = re.compile(r"[\W_]+")  # keeps "2²" one word, so it is no number


# Emoji that answer yes or no in chat.
_EMOJI = str.maketrans({"👍": " ok ", "👌": " ok ", "✅": " ok ", "✔": " ok ", "👎": " khong ", "❌": " khong "})


def tokens(text: str) -> list[str]:
    """Folded words, punctuation dropped, yes/no emoji read ("Dạ, ko ạ!" -> ["da", "ko", "a"]; "👍" -> ["ok"])."""
    return [word for word in _NON_WORD.split(fold(text.translate(_EMOJI))) if word]


def meaningful(text: str) -> list[str]:
    """:func:`tokens` without politeness particles, chat spellings fixed ("Dạ, ko ạ!" -> ["khong"]).

    Words that are also ordinary words ("hong" as in "đau họng", "u", "r") are respelled only alone.
    """
    found = tokens(text)
    kept = [word for word in found if word not in PARTICLES] or found
    if len(kept) == 1:
        return [_RESPELL.get(kept[0], _ALONE.get(kept[0], kept[0]))]
    return [_RESPELL.get(word, word) for word in kept]


def address_text(text: str) -> str:
    """Folded address text with division abbreviations written out ("tt gia loc" -> "thi tran gia loc")."""
    folded = _GLUED.sub(" ", fold(text))  # "p3q5" -> "p 3 q 5"
    for pattern, replacement in _DIVISIONS:
        folded = pattern.sub(replacement, folded)
    return folded
