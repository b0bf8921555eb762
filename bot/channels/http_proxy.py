"""The outgoing proxy (HTTPS_PROXY / NO_PROXY, ~/.netrc) for a platform's API, read once.

aiohttp's ``trust_env`` reads the environment and ~/.netrc again on every request, a fifth of a
bulk send's CPU; the Bot API host never changes, so both HTTP clients read it once per host.
"""

from __future__ import annotations

import aiohttp
from aiohttp.helpers import get_env_proxy_for_url
from yarl import URL


def env_proxy(url: str) -> tuple[URL | None, aiohttp.BasicAuth | None]:
    """The proxy (and its credentials) the environment sets for ``url``; (None, None) for none."""
    try:
        return get_env_proxy_for_url(URL(url))
    except LookupError:
        return None, None
