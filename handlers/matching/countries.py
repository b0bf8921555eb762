"""Countries by their Vietnamese or English names (CLDR, through Babel), unaccented, spaced or not.

Names come from ``Locale("vi").territories`` and ``Locale("en").territories``; a few spoken short
forms ("my", "nhat", "tq", "han") are added, as CLDR only holds official names. Viet Nam itself and
regions that are not countries (EU, UN, "unknown region") are left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale
from rapidfuzz import fuzz, process

from handlers.areas import catalog
from handlers.text import fold

_NOT_COUNTRIES = frozenset({"VN", "EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"})
# Spoken short forms CLDR does not carry, folded.
SHORT_FORMS = {
    "US": ("my", "nuoc my", "usa", "us", "america", "hoa ky"), "KR": ("han", "korea", "nam han", "xu han"),
    "KP": ("bac han", "bac trieu tien"), "JP": ("nhat", "japan"), "CN": ("tq", "china"),
    "TW": ("taiwan",), "GB": ("anh", "uk", "england", "anh quoc"), "TH": ("thai", "thailand"),
    "KH": ("cam", "cambodia", "campuchia"), "LA": ("laos",), "MY": ("ma lai", "malai", "malaixia"),
    "SG": ("sing", "singapo", "xin ga po", "xinhgapo"), "AU": ("australia", "uc chau"), "RU": ("russia",),
    "DE": ("germany",), "FR": ("france",), "HK": ("hong kong", "hongkong"), "AE": ("dubai", "uae"),
    "PH": ("phi", "philippin", "phi lip pin"), "ID": ("indo", "indonexia"), "IN": ("an do",),
    "SA": ("a rap xe ut", "saudi"),
}
_NEAR = 82


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


@lru_cache(maxsize=1)
def names() -> dict[str, str]:
    """Every known name of every country, squashed ("hanquoc"), to its ISO 3166 code."""
    found: dict[str, str] = {}
    for locale in ("vi", "en"):
        for code, name in Locale(locale).territories.items():
            if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES:
                continue
            short = re.sub(r"^(đặc khu hành chính|cộng hòa|vương quốc)\s+", "", name.split(",")[0], flags=re.I)
            for variant in (name, short):
                found.setdefault(_squash(variant), code)
    for code, forms in SHORT_FORMS.items():
        for form in forms:
            found.setdefault(_squash(form), code)
    return found


def country_name(code: str, locale: str = "vi") -> str:
    """The name of a country in ``locale``, Vietnamese by default ("KR" -> "Hàn Quốc"; in English "South Korea")."""
    name = Locale("en" if locale == "en" else "vi").territories.get(code, code)
    return name.split(",")[0].removeprefix("Đặc khu Hành chính ")


@lru_cache(maxsize=1)
def codes() -> tuple[str, ...]:
    """Every country code known here, sorted."""
    return tuple(sorted(set(names().values())))


def is_country(code: str) -> bool:
    """True for a country code this module knows ("KR")."""
    return code in codes()


def place_label(code: str, locale: str = "vi") -> str:
    """The name of a country code (in ``locale``) or of a province/commune code ("KR" -> "Hàn Quốc")."""
    return country_name(code, locale) if is_country(code) else catalog().label(code)


def exact(text: str) -> str | None:
    """The country ``text`` names exactly, if any ("han quoc", "Hàn Quốc", "korea")."""
    return names().get(_squash(re.sub(r"^(nuoc|o|tai|sang|di|tu|ve tu)\s+", "", fold(text))))


def near(text: str, limit: int = 4) -> list[str]:
    """Country codes whose names are spelled close to ``text``, best first."""
    query = _squash(text)
    if len(query) < 4:
        return []
    hits = process.extract(query, list(names()), scorer=fuzz.ratio, score_cutoff=_NEAR, limit=limit * 3)
    return list(dict.fromkeys(names()[name] for name, _, _ in hits))[:limit]
