"""Places as people type them: new (2025) and old (pre-2025) names, combined or alone, with typos.

Ranking, best first:
1. Exact names (accents, case, spacing and division abbreviations ignored) beat partial ones (the
   answer begins the words of a name: "ben ngh"), which beat near spellings (RapidFuzz ratio); partial
   and near matches are only looked for when the words left over name nothing exactly, and are always
   asked back ("Ý bạn là …?" for one, a numbered list for several).
2. Among exact readings, the one that explains most words wins: a commune named together with its
   district or province ("dong hung, thai binh") beats either name alone; at equal words, one that no
   other named district or province contradicts wins ("phuong 3 quan 5": not the Phường 3 of another
   district), then one backed by names of its own map (an old commune with an old province: "minh hoa,
   quang binh" is the old Xã Minh Hóa), then backing by a district beats backing by a province.
3. Then the level the question asks for (a province at the province question, a commune at the
   commune question), then a new name over an old one, then a name typed with its division word.
4. Readings left tied that lead to different places are asked about, never guessed; so, within a
   province, is an old commune of the same name as the new one ranked first when it went into another
   commune ("yen so" in Hà Nội); across the country the new name is taken.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TypeGuard

from rapidfuzz import fuzz, process

from handlers.areas import PROVINCE_ALIASES, Area, catalog
from handlers.matching.former import COMMUNE, DISTRICT, PROVINCE, Former, formers
from handlers.matching.normal import address_text

Unit = Area | Former
_TYPE = re.compile(r"^(?:thanh pho|thi tran|thi xa|dac khu|tinh|huyen|quan|xa|phuong)\s+")
# Words around an address that name nothing ("nha toi o", "so 12", "thon", "ap").
_NOISE = frozenset({
    "o", "tai", "nha", "toi", "em", "minh", "la", "so", "thon", "ap", "xom", "to", "khu", "duong", "pho",
    "ngo", "hem", "kiet", "cu", "moi", "nay", "truoc", "day", "a", "nhe", "thuoc", "gan", "ben",
    "va", "cua", "tinh", "thanh", "tp", "huyen", "quan", "xa", "phuong", "thi", "tran", "khong", "biet", "ko",
    "chua", "ro", "hoi", "gi", "dau", "nho", "quen",
})
_LEVEL = {PROVINCE: 0, DISTRICT: 1, COMMUNE: 2}
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9",
          "x": "10"}
_MAX_SPAN = 7
NEAR = 75  # RapidFuzz ratio from which a name counts as near
PARTIAL = 99  # the score of a name the answer begins words of: below exact, above any misspelling


def level(unit: Unit) -> str:
    """PROVINCE, DISTRICT or COMMUNE."""
    return unit.level


def is_new(unit: Unit) -> TypeGuard[Area]:
    """True for a unit of the 2025 map."""
    return isinstance(unit, Area)


def new_province(unit: Unit) -> str:
    """The code of the new province the unit is (mostly) in."""
    return unit.province_code if isinstance(unit, Area) else unit.new_province


def new_communes(unit: Unit) -> tuple[str, ...]:
    """The new commune codes the unit is or went into (the usual one first); all communes of a province."""
    if isinstance(unit, Former):
        return unit.new_codes
    if unit.is_province:
        return tuple(area.code for area in catalog().communes[unit.code])
    return (unit.code,)


@dataclass(frozen=True)
class Match:
    """A unit named by the words ``start:end`` of the input."""

    start: int
    end: int
    unit: Unit
    full: bool  # typed with its division word ("xa yen my")

    @property
    def size(self) -> int:
        """How many words it explains."""
        return self.end - self.start


@dataclass(frozen=True)
class Reading:
    """One way to read the input: the most precise unit named and the names that back it up."""

    unit: Unit
    matches: tuple[Match, ...]
    near: int = 100  # 100 for exact names, else the RapidFuzz score
    against: int = 0  # other districts or provinces named that do not contain the unit
    mixed: int = 0  # backing names of the other map (an old province behind a new commune)

    @property
    def words(self) -> int:
        """Words explained by the unit and its backing names."""
        return sum(match.size for match in self.matches)

    def rank(self, wanted: str) -> tuple[int, ...]:
        """Sort key, best first (smaller), for a question asking for the level ``wanted``."""
        towards = _LEVEL[level(self.unit)] if wanted == COMMUNE else -_LEVEL[level(self.unit)]
        named = wanted == level(self.unit) == PROVINCE
        backing = sum(_LEVEL[level(match.unit)] for match in self.matches[1:])
        return (-self.near, -self.words, self.against, self.mixed, not named, -backing, not is_new(self.unit), -towards,
                -sum(m.full for m in self.matches))


@dataclass(frozen=True)
class Scope:
    """Where the answer must lie: a new province and, optionally, an old unit it came from."""

    province: str | None = None
    former: str | None = None  # key of an old province or district

    def admits(self, unit: Unit) -> bool:
        """True when ``unit`` can be the answer within this scope."""
        outside = self.province and self.province != new_province(unit)
        if outside and not (isinstance(unit, Former) and self.province in _provinces_of(unit)):
            return False
        if not self.former:
            return True
        if isinstance(unit, Former):
            return unit.within(self.former) or self.former.startswith(unit.key + "_")
        return unit.is_province or unit.code in formers()[self.former].new_codes


@cache
def _provinces_of(unit: Former) -> frozenset[str]:
    by_code = catalog().by_code
    return frozenset(by_code[code].province_code for code in unit.new_codes)


class Index:
    """Every name of every new and old unit, folded, with and without its division word."""

    def __init__(self) -> None:
        self.names: dict[str, list[tuple[Unit, bool]]] = defaultdict(list)
        self.by_province: dict[str, list[str]] = defaultdict(list)  # new province -> names of its units
        self.province_names: list[str] = []
        areas = catalog()
        for province in areas.provinces:
            self._add(province, province.name, new_province(province))
        for alias, code in PROVINCE_ALIASES.items():
            self.names[address_text(alias)].append((areas.by_code[code], False))
        for unit in formers().values():
            self._add(unit, unit.name, unit.new_province)
        for commune in areas.all_communes:
            self._add(commune, commune.name, commune.province_code)
        self.province_names = sorted({name for name, found in self.names.items()
                                      if any(level(unit) == PROVINCE for unit, _ in found)})
        self.everything = sorted(self.names)

    def _add(self, unit: Unit, name: str, province: str) -> None:
        full = address_text(re.sub(r"[^\w\s]", " ", name))
        bare = _TYPE.sub("", full)
        if bare in _ROMAN and bare != full:  # "Phường I" is typed "phuong 1"
            self.names[full.removesuffix(bare) + _ROMAN[bare]].append((unit, True))
        self.names[full].append((unit, True))
        if level(unit) == PROVINCE:
            self.by_province[province].append(full)
        if bare != full and not bare.isdigit():
            self.names[bare].append((unit, False))
            if level(unit) != PROVINCE:
                self.by_province[province].append(bare)
        else:
            self.by_province[province].append(full)

    def lookup(self, words: list[str]) -> list[Match]:
        """Every unit named exactly by a run of ``words``."""
        found = []
        for start in range(len(words)):
            for end in range(start + 1, min(len(words), start + _MAX_SPAN) + 1):
                for unit, full in self.names.get(" ".join(words[start:end]), ()):
                    found.append(Match(start, end, unit, full))
        return found

    @lru_cache(maxsize=128)  # noqa: B019 - one index per process
    def pool(self, province: str | None) -> tuple[str, ...]:
        """The names to search for near matches within a new province (all names when None)."""
        names = self.everything if province is None else sorted(set(self.by_province[province]))
        return tuple(name for name in names if not _TYPE.match(name))  # the query's division word is dropped too


@lru_cache(maxsize=1)
def index() -> Index:
    """The name index, built once."""
    return Index()


def _backs(match: Match, primary: Unit) -> bool:
    """True when ``match`` names a unit containing ``primary`` (so it confirms the reading)."""
    unit = match.unit
    if unit is primary or level(unit) == COMMUNE or _LEVEL[level(unit)] >= _LEVEL[level(primary)]:
        return False
    if isinstance(primary, Former):
        if isinstance(unit, Former):
            return primary.within(unit.key)
        return unit.code == primary.new_province or unit.code in _provinces_of(primary)
    if isinstance(unit, Area):
        return unit.code == primary.province_code
    return (primary.code in unit.new_codes) if not primary.is_province else unit.new_province == primary.code


def readings(matches: list[Match], scope: Scope) -> list[Reading]:
    """Each admitted unit with the names that back it up (at most one per level, words not shared)."""
    result = []
    backers = sorted((m for m in matches if level(m.unit) != COMMUNE), key=lambda m: (-m.size, -_LEVEL[level(m.unit)]))
    for match in matches:
        if not scope.admits(match.unit):
            continue
        chosen = [match]
        taken = set(range(match.start, match.end))
        for other in sorted(backers, key=lambda m: is_new(m.unit) != is_new(match.unit)):  # same map first
            span = set(range(other.start, other.end))
            if span & taken or not _backs(other, match.unit):
                continue
            if any(level(kept.unit) == level(other.unit) for kept in chosen[1:]):
                continue
            chosen.append(other)
            taken |= span
        against = {(m.start, m.end) for m in backers if not set(range(m.start, m.end)) & taken}
        mixed = sum(is_new(kept.unit) != is_new(match.unit) for kept in chosen[1:])
        result.append(Reading(match.unit, tuple(chosen), against=len(against), mixed=mixed))
    return result


@dataclass(frozen=True)
class Found:
    """What an input resolved to: the best readings, exact or near, ranked."""

    readings: tuple[Reading, ...]
    exact: bool

    @property
    def units(self) -> list[Unit]:
        """The distinct units, best first."""
        return list(dict.fromkeys(reading.unit for reading in self.readings))


def bare_name(unit: Unit) -> str:
    """The folded name without its division word ("Thị trấn Yên Mỹ" -> "yen my")."""
    return _TYPE.sub("", address_text(re.sub(r"[^\w\s]", " ", unit.name)))


def words_of(text: str) -> list[str]:
    """The folded words of an address, abbreviations written out, punctuation dropped."""
    return [word for word in re.split(r"[^0-9a-z]+", address_text(text)) if word]


def resolve(text: str, scope: Scope | None = None, wanted: str = COMMUNE, limit: int = 8) -> Found:
    """The units ``text`` names within ``scope`` (anywhere when None), best first, by the ranking above."""
    scope = scope or Scope()
    words = words_of(text)
    if not words:
        return Found((), True)
    matches = index().lookup(words)
    ranked = sorted(((reading.rank(wanted), reading) for reading in readings(matches, scope)), key=lambda p: p[0])
    if ranked:
        first, best = ranked[0]
        leftover = _leftover(words, best)
        if not leftover or level(best.unit) == wanted or wanted == PROVINCE:
            top = _distinct(reading for rank, reading in ranked
                            if rank == first or (scope.province and _rivals(best, first, reading, rank)))
            return Found(tuple(top[:limit]), True)
        near = _near(" ".join(leftover), _narrowed(scope, best.unit), wanted, limit, backing=best)
        return near if near.readings else Found((best,), True)
    kept = [word for word in words if word not in _NOISE]
    if not kept:  # "khong biet", "o nha": nothing that could name a place
        return Found((), False)
    found_near = _near(" ".join(words), scope, wanted, limit)
    if found_near.readings or len(kept) == len(words):
        return found_near
    return _near(" ".join(kept), scope, wanted, limit)


def _word_prefixed(query: list[str], pool: Iterable[str]) -> list[str]:
    """Names in which the query's words begin consecutive words ("yen" -> "yen my", "ben ngh" -> "ben nghe")."""
    size = len(query)
    found = []
    for name in pool:
        words = name.split()
        if any(all(words[i + j].startswith(query[j]) for j in range(size)) for i in range(len(words) - size + 1)):
            found.append(name)
    return sorted(found, key=len)


def _rivals(best: Reading, first: tuple[int, ...], other: Reading, rank: tuple[int, ...]) -> bool:
    """True for an old commune read as well as the new one that ranks first but now elsewhere ("yen so")."""
    if not (is_new(best.unit) and not is_new(other.unit) and level(best.unit) == level(other.unit) == COMMUNE):
        return False
    same = first[:6] == rank[:6]  # all but new-over-old and what follows it
    return same and best.unit.code not in other.unit.new_codes  # type: ignore[union-attr]


def _distinct(found: Iterable[Reading]) -> list[Reading]:
    """Readings of distinct units, the first (best) of each kept."""
    unique: dict[int, Reading] = {}
    for reading in found:
        unique.setdefault(id(reading.unit), reading)
    return list(unique.values())


def _leftover(words: list[str], reading: Reading) -> list[str]:
    covered = {i for match in reading.matches for i in range(match.start, match.end)}
    return [word for i, word in enumerate(words) if i not in covered and word not in _NOISE and not word.isdigit()]


def _narrowed(scope: Scope, unit: Unit) -> Scope:
    if isinstance(unit, Former):
        return Scope(unit.new_province, unit.key)
    return Scope(unit.province_code, scope.former)


def near_provinces(text: str, score: int = 85) -> list[Unit]:
    """Provinces (new and old) spelled close to ``text``, best first."""
    query = " ".join(words_of(text))
    hits = process.extract(query, index().province_names, scorer=fuzz.ratio, score_cutoff=score, limit=4)
    units = [unit for name, _, _ in hits for unit, _ in index().names[name] if level(unit) == PROVINCE]
    return list({id(unit): unit for unit in units}.values())


def _near(query: str, scope: Scope, wanted: str, limit: int, backing: Reading | None = None) -> Found:
    """Near matches (RapidFuzz) of ``query`` within ``scope``: provinces first at the province question."""
    query = _TYPE.sub("", query)
    if len(query) < 3:
        return Found((), False)
    pools: list[Sequence[str]] = [index().province_names] if wanted == PROVINCE and scope.province is None else []
    pools.append(index().pool(scope.province))
    for pool in pools:
        hits = process.extract(query, pool, scorer=fuzz.ratio, score_cutoff=NEAR, limit=limit * 3)
        if scope.province or pool is index().province_names:
            hits = [(name, PARTIAL, 0) for name in _word_prefixed(query.split(), pool)][: limit * 3] + hits
        result: list[Reading] = []
        for name, score, _ in hits:
            for unit, full in index().names[name]:
                if scope.admits(unit) and (backing is None or _LEVEL[level(unit)] > _LEVEL[level(backing.unit)]):
                    extra = backing.matches if backing else ()
                    result.append(Reading(unit, (Match(0, 0, unit, full), *extra), near=int(score)))
        if result:
            result.sort(key=lambda reading: reading.rank(wanted))
            return Found(tuple(_distinct(result)[:limit]), False)
    return Found((), False)
