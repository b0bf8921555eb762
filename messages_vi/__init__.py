"""Every user-visible Vietnamese text, by key, with named placeholders."""

from __future__ import annotations

import importlib
import pkgutil
import string

_CATALOG: dict[str, str] = {}


def _load() -> dict[str, str]:
    """Merge the MESSAGES dict of every module in this package; keys must be unique."""
    if not _CATALOG:
        for info in pkgutil.iter_modules(__path__):
            module = importlib.import_module(f"{__name__}.{info.name}")
            for key, text in getattr(module, "MESSAGES", {}).items():
                if key in _CATALOG:
                    raise ValueError(f"duplicate message key {key!r}")
                _CATALOG[key] = text
    return _CATALOG


def catalog() -> dict[str, str]:
    """All messages by key."""
    return dict(_load())


def placeholders(key: str) -> set[str]:
    """The named placeholders of one message."""
    return {name for _, name, _, _ in string.Formatter().parse(_load()[key]) if name}


def t(key: str, **params: object) -> str:
    """The text for ``key`` with ``params`` filled in; a missing key or parameter raises."""
    return _load()[key].format(**params)
