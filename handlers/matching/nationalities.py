"""A traveller's nationality and the countries they stayed in, through the CLDR names of :mod:`.countries`.

A nationality may be Viet Nam itself ("viet nam", "vn", "vietnamese", "nguoi viet") or any country,
named in Vietnamese or English, with or without diacritics, as a country or as its people ("nguoi han",
"korean", "american"). Countries visited: several in one answer, separated by commas, "và", "and"...;
a name that matches nothing gets a hint with the nearest names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

from handlers.flow import Invalid, Ok, Parsed
from handlers.matching import countries
from handlers.text import fold

VIET_NAM = "VN"
_VIET_NAM_WORDS = frozenset({"vietnam", "vn", "vnm", "vietnamese", "viet", "nguoiviet", "nguoivietnam",
                             "quoctichvietnam", "vietnamien", "vietnamesecitizen", "congdanvietnam"})
# How people name a nationality by its people (folded, squashed), where that is not the country's name.
DEMONYMS = {
    "american": "US", "korean": "KR", "southkorean": "KR", "japanese": "JP", "chinese": "CN", "taiwanese": "TW",
    "british": "GB", "english": "GB", "french": "FR", "german": "DE", "australian": "AU", "thai": "TH",
    "lao": "LA", "laotian": "LA", "cambodian": "KH", "khmer": "KH", "singaporean": "SG", "malaysian": "MY",
    "indian": "IN", "russian": "RU", "canadian": "CA", "filipino": "PH", "indonesian": "ID", "italian": "IT",
    "spanish": "ES", "dutch": "NL", "swiss": "CH", "swedish": "SE", "norwegian": "NO", "danish": "DK",
    "finnish": "FI", "polish": "PL", "irish": "IE", "newzealander": "NZ", "kiwi": "NZ", "belgian": "BE",
    "austrian": "AT", "czech": "CZ", "ukrainian": "UA", "israeli": "IL", "turkish": "TR", "brazilian": "BR",
    "mexican": "MX", "argentine": "AR", "argentinian": "AR", "southafrican": "ZA", "nigerian": "NG",
    "egyptian": "EG", "pakistani": "PK", "bangladeshi": "BD", "myanmar": "MM", "burmese": "MM", "nepali": "NP",
    "srilankan": "LK", "mongolian": "MN", "portuguese": "PT", "greek": "GR", "hungarian": "HU", "emirati": "AE",
    "saudi": "SA", "qatari": "QA", "hongkonger": "HK", "macanese": "MO", "bruneian": "BN", "northkorean": "KP",
    # Vietnamese names CLDR's Vietnamese does not hold (it keeps "Italy")
    "y": "IT", "italia": "IT", "thuysi": "CH", "bi": "BE", "bodaonha": "PT", "hylap": "GR", "anhquoc": "GB",
    "scotland": "GB", "wales": "GB", "scottish": "GB", "welsh": "GB", "aussie": "AU", "yankee": "US",
    "dongtimo": "TL", "niudilan": "NZ", "korea": "KR",
}
# Pieces of a list of countries that name none and say nothing ("o my 2 tuan roi ve").
_EMPTY_PIECE = frozenset({"ve", "ve nuoc", "ve viet nam", "thoi", "nua", "ca", "tat ca", "luon", "nhe", "a",
                          "back", "home", "then home", "and back"})
# Words after a country that do not name it ("han quoc 10 ngay", "singapore transit").
_TAIL = re.compile(r"(?:\s+(?:nua|thoi|only|transit|qua canh|a|nhe|citizen|nationality|passport|roi|for|trong|"
                   r"khoang|about|[0-9]+|ngay|days?|tuan|weeks?|hom|ve|sang|choi|cong tac|du lich))+$")
_SPLIT = re.compile(r"[,;\n/+&]|\b(?:va|voi|roi|and|then|sau do|cung)\b")
_NONE = frozenset({"khong", "khong co", "none", "no", "nothing", "chua", "khong di dau", "khong co nuoc nao"})


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def code_of(text: str) -> str | None:
    """The country ``text`` names, Viet Nam included, after any leading words ("quoc tich my", "toi la nguoi
    han", "transit in singapore"); None when it names none exactly."""
    words = _TAIL.sub("", " ".join(re.findall(r"[a-z0-9]+", fold(text)))).split()
    for start in range(len(words)):
        phrase = " ".join(words[start:])
        squashed = _squash(phrase)
        if squashed in _VIET_NAM_WORDS:
            return VIET_NAM
        code = DEMONYMS.get(squashed) or countries.exact(phrase)
        if code:
            return code
    return None


def _core(text: str) -> str:
    """The last words of an unknown answer, for suggestions ("toi la nguoi germny" -> "germny")."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    return " ".join(words[-2:]) if len(words) > 2 else " ".join(words)


def parse_nationality(text: str, locale: str = "vi") -> Parsed:
    """A nationality as an ISO 3166 code ("VN", "US"), or a hint with the nearest names."""
    code = code_of(text)
    return Ok(code) if code else _unknown("arrival.nationality.unknown", text, _core(text), locale)


def parse_visited(text: str, locale: str = "vi") -> Parsed:
    """The countries stayed in or passed through, in order, without Viet Nam; a hint for a name not known."""
    if " ".join(re.findall(r"[a-z0-9]+", fold(text))) in _NONE:
        return Invalid("arrival.visited.none")
    found: list[str] = []
    for piece in _SPLIT.split(fold(text)):
        if not re.search(r"[a-z0-9]", piece) or " ".join(re.findall(r"[a-z0-9]+", piece)) in _EMPTY_PIECE:
            continue
        code = code_of(piece)
        if code is None:
            return _unknown("arrival.visited.unknown", piece, _core(piece), locale)
        if code != VIET_NAM and code not in found:
            found.append(code)
    if not found:
        return Invalid("arrival.visited.none")
    return Ok(found)


def _unknown(key: str, typed: str, core: str, locale: str) -> Invalid:
    near = countries.near(core)
    if not near:
        return Invalid(key + "_none", {"place": typed.strip()})
    return Invalid(key, {"place": typed.strip(), "suggestions": "; ".join(name_in(code, locale) for code in near)})


@lru_cache(maxsize=512)
def name_in(code: str, locale: str) -> str:
    """A country's name in ``locale`` ("KR", "en" -> "South Korea"); Viet Nam included."""
    if locale == "vi":
        return "Việt Nam" if code == VIET_NAM else countries.country_name(code)
    return str(Locale(locale).territories.get(code, code))
