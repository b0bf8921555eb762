"""The one lookup of user-visible text: a key and a locale to the text of that locale's catalogue.

Each language is a package (``messages_vi``, ``messages_en``) whose modules hold a ``MESSAGES`` dict; keys
are the same in every language and Vietnamese is the reference (``tests/test_catalogues.py``).
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from functools import cache

VI, EN = "vi", "en"
LOCALES = (VI, EN)
DEFAULT = VI


def normal(locale: str | None) -> str:
    """``locale`` when khaibao speaks it, else the default (Vietnamese)."""
    return locale if locale in LOCALES else DEFAULT


@cache
def catalog(locale: str) -> dict[str, str]:
    """Every message of one language by key; a key defined twice raises."""
    package = importlib.import_module(f"messages_{locale}")
    merged: dict[str, str] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for key, text in getattr(module, "MESSAGES", {}).items():
            if key in merged:
                raise ValueError(f"duplicate message key {key!r} in {package.__name__}")
            merged[key] = text
    return merged


def placeholders(locale: str, key: str) -> set[str]:
    """The named placeholders of one message."""
    return {name for _, name, _, _ in string.Formatter().parse(catalog(locale)[key]) if name}


def t(locale: str, key: str, **params: object) -> str:
    """The text for ``key`` in ``locale`` with ``params`` filled in; a missing key or parameter raises."""
    return catalog(normal(locale))[key].format(**params)
