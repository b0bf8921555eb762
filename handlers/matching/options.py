"""Options as people type them: numbers, labels or a distinctive part of them, aliases, chat words, typos.

Ranking for one choice, first rule that decides wins:
1. the whole answer is an option's label or alias ("Không", "ko ạ", "Tiếp xúc gần với ca bệnh xác định (F0)");
2. a number, in digits or words ("2", "số 2", "hai");
3. the one option whose label or alias is named inside the answer ("tôi không đồng ý"; a phrase inside a
   longer named phrase of another option does not count);
4. the one option of which the answer is a distinctive part ("xac dinh" for the F0 option);
5. a near spelling (RapidFuzz ratio >= 80) of one option: asked back as "Ý bạn là …?";
several options left at any rule are listed to choose from; never guessed.
Several options in one message: labels found left to right (longest first, punctuation inside labels
allowed), then each remaining part as one choice; "không sốt" negates; numbers in any separator form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

import messages
from handlers.flow import Invalid, Ok, Option, Parsed, Pick
from handlers.matching import vocabulary
from handlers.matching.normal import PARTICLES, meaningful
from handlers.parsers import MAX_INPUT
from handlers.text import fold, is_number

Words = tuple[str, ...]
_NEAR = 80
_SEPARATORS = re.compile(r"[,;/+&\n]|\s-\s|\b(?:va|voi|and|hoac|hay|cung)\b")
# Words that say nothing on their own: never a distinctive part of a label.
_GENERIC = frozenset({
    "va", "voi", "hoac", "co", "nguoi", "benh", "ca", "cac", "bi", "la", "cua", "cho", "khong", "tu", "tro",
    "len", "o", "hay", "thi", "nua", "cung", "gi", "toi", "minh", "hoi", "nhieu", "it", "qua", "di", "mot",
    "chon", "so", "cau", "lua", "tiep", "xuc", "man", "tinh", "trong", "ngay", "the", "gan", "da",
})
# Words around a choice in a multi-choice answer that name no option ("toi moi ... ve").
_FILLER = frozenset({"moi", "ve", "vua", "duoc", "roi", "sang", "ngay", "hom", "nay", "truoc", "thay", "bi",
                     "cam", "lam", "rat", "hay", "cung", "co", "ca", "dang", "van", "con"})
_INDEX_WORDS = frozenset({"so", "chon", "cau", "lua", "phuong", "an", "muc", "thu", "dap", "mui", "lieu"})
# The same for English answers ("i have a cough and a bit of fever", "number 2", "option two").
_GENERIC_EN = frozenset({
    "and", "or", "with", "a", "an", "the", "of", "to", "in", "on", "at", "for", "from", "is", "are", "was", "i",
    "my", "me", "have", "has", "had", "some", "any", "person", "people", "disease", "case", "other", "than",
})
_FILLER_EN = frozenset({"have", "had", "got", "get", "bit", "little", "slight", "mild", "bad", "very", "really", "but",
                        "also", "too", "just", "been", "feel", "feeling", "some", "a", "lot", "of", "i", "am", "m"})
_INDEX_WORDS_EN = frozenset({"number", "no", "option", "choice", "choose", "pick", "item", "dose", "doses", "shot",
                             "shots", "the", "nr", "num"})


def _stop_words(locale: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(generic, filler, index) words of ``locale``."""
    if locale == "en":
        return _GENERIC_EN, _FILLER_EN, _INDEX_WORDS_EN
    return _GENERIC, _FILLER, _INDEX_WORDS


@dataclass(frozen=True)
class Choice:
    """One choosable answer: its id, its label as shown, and the word sequences that name it."""

    id: str
    label: str
    phrases: tuple[Words, ...]


def _words(text: str) -> Words:
    """A label or alias as the answers are read (particles such as "da" dropped on both sides)."""
    return tuple(meaningful(text))


@lru_cache(maxsize=512)
def from_options(options: tuple[Option, ...], locale: str = "vi") -> tuple[Choice, ...]:
    """The choices of a step's options in ``locale``: label, aliases (computed once per option set)."""
    result = []
    for option in options:
        label = messages.t(locale, option.key)
        phrases = [_words(label), *(_words(alias) for alias in option.words(locale))]
        result.append(Choice(option.id, label, tuple(dict.fromkeys(p for p in phrases if p))))
    return tuple(result)


def from_labels(items: Iterable[tuple[str, str]], extra: dict[str, Iterable[str]] | None = None) -> tuple[Choice, ...]:
    """Choices from (id, label) pairs, e.g. places listed to choose from, with extra words by id."""
    more = extra or {}
    return tuple(
        Choice(item_id, label, tuple(dict.fromkeys(p for p in (_words(label), *map(_words, more.get(item_id, ())))
                                                   if p)))
        for item_id, label in items
    )


def _run_in(needle: Words, hay: Words) -> bool:
    size = len(needle)
    return any(hay[i : i + size] == needle for i in range(len(hay) - size + 1))


def _number(words: Words, locale: str = "vi") -> int | None:
    """The 1-based number an answer picks: "2", "so 2", "chon so 2", "thu hai"; None if it is no number."""
    index_words = _stop_words(locale)[2]
    rest = [word for word in words if word not in index_words]
    if len(rest) != 1:
        return None
    if is_number(rest[0]):
        return int(rest[0])
    number_words = vocabulary.of(locale).number_words
    return number_words.get(rest[0]) if len(words) > 1 or rest[0] in number_words else None


def _count(choices: tuple[Choice, ...]) -> dict[str, str]:
    return {"count": str(len(choices))}


def _ask(found: list[Choice], key: str = "choice.which") -> Pick:
    return Pick(tuple((choice.id, choice.label) for choice in found), key)


def named_within(words: Words, choices: tuple[Choice, ...]) -> list[Choice]:
    """Choices with a phrase inside ``words``, leaving out phrases inside a longer named phrase of another."""
    named = [(phrase, choice) for choice in choices for phrase in choice.phrases
             if _run_in(phrase, words) and not (len(phrase) == 1 and phrase[0] in PARTICLES)]
    standing = [
        choice for phrase, choice in named
        if not any(other is not choice and len(longer) > len(phrase) and _run_in(phrase, longer)
                   for longer, other in named)
    ]
    return list(dict.fromkeys(standing))


def _longest(words: Words, found: list[Choice]) -> list[Choice]:
    """The one choice named by a longer phrase than any other named ("cho con toi": "cho con" over "toi")."""
    if len(found) < 2:
        return found
    size = {choice.id: max(len(p) for p in choice.phrases if _run_in(p, words)) for choice in found}
    ranked = sorted(found, key=lambda choice: -size[choice.id])
    return ranked[:1] if size[ranked[0].id] > size[ranked[1].id] else found


def _part_of(words: Words, choices: tuple[Choice, ...], locale: str = "vi") -> list[Choice]:
    generic = _stop_words(locale)[0]
    if all(word in generic or is_number(word) for word in words):
        return []
    return [choice for choice in choices if any(_run_in(words, phrase) for phrase in choice.phrases)]


def _near(words: Words, choices: tuple[Choice, ...]) -> list[tuple[float, Choice]]:
    text = " ".join(words)
    if len(text) < 3:
        return []
    scored = sorted(
        ((max(fuzz.ratio(text, " ".join(phrase)) for phrase in choice.phrases), choice) for choice in choices),
        key=lambda item: -item[0],
    )
    return [(score, choice) for score, choice in scored if score >= _NEAR]


def _unanswered(text: str, words: Words, key: str, choices: tuple[Choice, ...], locale: str) -> Invalid | None:
    """The hint for an answer too long, empty or unsure ("khong biet"); None for one to read."""
    if len(text) > MAX_INPUT:
        return Invalid("input.too_long", {"limit": str(MAX_INPUT)})
    if not words:
        return Invalid("input.not_understood" if text.strip() else "input.empty")
    return Invalid(key, _count(choices)) if " ".join(words) in vocabulary.of(locale).unsure else None


def choose_one(text: str, choices: tuple[Choice, ...], locale: str = "vi") -> Parsed:
    """One choice from what was typed, by the ranking above."""
    words = tuple(meaningful(text)) if len(text) <= MAX_INPUT else ()
    refusal = _unanswered(text, words, "input.pick_one", choices, locale)
    if refusal:
        return refusal
    exact = [choice for choice in choices if words in choice.phrases]
    if len(exact) == 1:
        return Ok(exact[0].id)
    if len(exact) > 1:
        return _ask(exact)
    number = _number(words, locale)
    if number is not None:
        if 1 <= number <= len(choices):
            return Ok(choices[number - 1].id)
        return Invalid("input.number_out_of_range", _count(choices))
    for found in (_longest(words, named_within(words, choices)), _part_of(words, choices, locale)):
        if len(found) == 1:
            return Ok(found[0].id)
        if len(found) > 1:
            return _ask(found)
    near = _near(words, choices)
    if near and (len(near) == 1 or near[1][0] < near[0][0] - 5):
        choice = near[0][1]
        return Pick(((choice.id, choice.label),), "choice.did_you_mean", {"name": choice.label})
    if near:
        return _ask([choice for _, choice in near[:5]])
    return Invalid("input.pick_one", _count(choices))


def choose_many(text: str, choices: tuple[Choice, ...], exclusive: frozenset[str] = frozenset(),
                locale: str = "vi") -> Parsed:
    """Several choices from one message (numbers, labels with inner punctuation, parts, "không ..." negated)."""
    segments = [tuple(meaningful(part)) for part in _SEPARATORS.split(_fold_keep(text[: MAX_INPUT + 1]))]
    flat = [(word, number) for number, segment in enumerate(segments) for word in segment]
    words = tuple(word for word, _ in flat)
    refusal = _unanswered(text, words, "input.pick_many", choices, locale)
    if refusal:
        return refusal
    whole = [choice for choice in choices if words in choice.phrases]
    if len(whole) == 1:
        return check_exclusive([whole[0].id], choices, exclusive)
    if all(is_number(word) for word in words):
        return _numbers(words, choices, exclusive)
    chosen: list[str] = []
    negated: list[str] = []
    rest = _cover(words, choices, chosen, negated, vocabulary.of(locale).negations)
    for part in _parts(rest, flat, locale):
        one = _part(part, choices, locale)
        if not isinstance(one, Ok):
            return one
        chosen.extend(one.value)
    if not chosen and negated and exclusive:
        chosen = [choice.id for choice in choices if choice.id in exclusive][:1]
    return check_exclusive(list(dict.fromkeys(chosen)), choices, exclusive)


def _fold_keep(text: str) -> str:
    """Folded text keeping the separators that split a multi-choice answer."""
    return re.sub(r"[^\w,;/+&\n\-]+|_", " ", fold(text))


def _numbers(words: Words, choices: tuple[Choice, ...], exclusive: frozenset[str]) -> Parsed:
    picked = []
    for word in words:
        number = int(word)
        if not 1 <= number <= len(choices):
            return Invalid("input.number_out_of_range", _count(choices))
        picked.append(choices[number - 1].id)
    return check_exclusive(list(dict.fromkeys(picked)), choices, exclusive)


def _cover(words: Words, choices: tuple[Choice, ...], chosen: list[str], negated: list[str],
           negations: tuple[str, ...] = ("khong",)) -> list[int]:
    """Labels read left to right, longest first, into ``chosen`` ("khong" + label into ``negated``).

    Returns the positions of the words no label explained.
    """
    phrases = sorted(((phrase, choice) for choice in choices for phrase in choice.phrases), key=lambda p: -len(p[0]))
    position, rest = 0, []
    while position < len(words):
        negate = words[position] in negations and position + 1 < len(words)
        start = position + 1 if negate else position
        for phrase, choice in phrases:
            if words[start : start + len(phrase)] == phrase and not (len(phrase) == 1 and phrase[0] in negations):
                (negated if negate else chosen).append(choice.id)
                position = start + len(phrase)
                break
        else:
            rest.append(position)
            position += 1
    return rest


def _parts(rest: list[int], flat: list[tuple[str, int]], locale: str = "vi") -> list[Words]:
    """Unexplained words grouped into runs within one part of the message, generic words dropped."""
    runs: list[list[str]] = []
    previous = None
    for position in rest:
        word, segment = flat[position]
        if previous is not None and position == previous + 1 and flat[previous][1] == segment:
            runs[-1].append(word)
        else:
            runs.append([word])
        previous = position
    generic, filler, _ = _stop_words(locale)
    negations = vocabulary.of(locale).negations
    kept = [tuple(word for word in run if (word not in generic or word in negations) and word not in filler)
            for run in runs]
    return [run for run in kept if run]


def _part(part: Words, choices: tuple[Choice, ...], locale: str = "vi") -> Parsed:
    """One leftover part of a multi-choice answer as choice ids (numbers or one choice)."""
    if all(is_number(word) for word in part):
        return _numbers(part, choices, frozenset())
    one = choose_one(" ".join(part), choices, locale) if _number(part, locale) is None else None
    if isinstance(one, Ok):
        return Ok([one.value])
    if isinstance(one, Pick):  # asked about with the part named, as the rest of the answer must be kept too
        labels = "; ".join(label for _, label in one.candidates)
        return Invalid("input.pick_many_unsure", {"part": " ".join(part), "labels": labels})
    # nothing, or a number word beside labels ("sot bay"): too unclear to read as an option number
    return Invalid("input.pick_many_part", {"part": " ".join(part), "count": str(len(choices))})


def check_exclusive(chosen: list[str], choices: tuple[Choice, ...] | tuple[Option, ...],
                    exclusive: frozenset[str] | None = None) -> Parsed:
    """The chosen ids, unless empty or an exclusive choice ("none") is combined with others."""
    if exclusive is None:
        exclusive = frozenset(opt.id for opt in choices if isinstance(opt, Option) and opt.exclusive)
    if not chosen:
        return Invalid("input.pick_many", {"count": str(len(choices))})
    if len(chosen) > 1 and exclusive.intersection(chosen):
        return Invalid("input.exclusive_option")
    return Ok(chosen)


def choose_review(text: str, confirm: tuple[str, str], fields: list[tuple[str, str, str]],
                  locale: str = "vi") -> Parsed:
    """A review screen answer: confirm ("gửi", "ok", its label) or the field to change ("sua ho ten", "đổi sđt").

    ``confirm`` is (choice id, label); ``fields`` holds (choice id, step id, field label) of each editable
    answer, in screen order.
    """
    if len(text) > MAX_INPUT:
        return Invalid("input.too_long", {"limit": str(MAX_INPUT)})
    words = tuple(meaningful(text))
    if not words:
        return Invalid("input.not_understood" if text.strip() else "input.empty")
    confirm_id, confirm_label = confirm
    if words == _words(confirm_label):
        return Ok(confirm_id)
    vocab = vocabulary.of(locale)
    number = _number(words, locale)
    if number is not None:
        ids = [confirm_id, *(field_id for field_id, _, _ in fields)]
        return Ok(ids[number - 1]) if 1 <= number <= len(ids) else Invalid("input.number_out_of_range",
                                                                              {"count": str(len(ids))})
    verb = next((verb for verb in vocab.edit_verbs if words[: len(verb.split())] == tuple(verb.split())), None)
    rest = words[len(verb.split()):] if verb else words
    if not verb and len(words) > 1 and words[-1] in ("sai", "nham", "wrong"):  # "ten sai": the name is wrong
        verb, rest = words[-1], words[:-1]
    edits = from_labels(((field_id, label) for field_id, _, label in fields),
                        {field_id: vocab.field_words.get(step_id, ()) for field_id, step_id, _ in fields})
    if rest:
        exact = [choice for choice in edits if rest in choice.phrases]
        found = exact or named_within(rest, edits) or _part_of(rest, edits, locale)
        if len(found) == 1 and (verb or exact):
            return Ok(found[0].id)
        if len(found) > 1 and verb:
            return Pick(tuple((choice.id, messages.t(locale, "review.edit", label=choice.label)) for choice in found),
                        "choice.which")
    if not verb and (" ".join(words) in vocab.confirm
                     or all(" ".join(p) in vocab.confirm for p in _pairs(words, vocab.confirm))):
        return Ok(confirm_id)
    if verb and not rest:
        return Pick(tuple((choice.id, messages.t(locale, "review.edit", label=choice.label)) for choice in edits),
                    "review.which_field")
    return Invalid("input.review_pick", {"count": str(len(fields) + 1)})


def _pairs(words: Words, confirm_words: tuple[str, ...]) -> list[Words]:
    """The answer cut into confirm words ("ok luu" -> ("ok",), ("luu",)); [] when it cannot be."""
    parts: list[Words] = []
    position = 0
    while position < len(words):
        for size in (2, 1):
            part = words[position : position + size]
            if len(part) == size and " ".join(part) in confirm_words:
                parts.append(part)
                position += size
                break
        else:
            return [("-",)]
    return parts
