"""The readable text of a portal page saved as HTML: no scripts, menus, headers, footers or side bars."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIPPED = frozenset({"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button",
                      "select", "iframe", "svg", "template", "head"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col", "base"})
_BLOCKS = frozenset({"p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                     "table", "section", "article", "blockquote", "main", "dd", "dt", "figcaption", "pre"})
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_SNIFF = 4096


def page_text(data: bytes) -> str:
    """Text of the page, one line per block element, in the page's declared encoding (UTF-8 if none)."""
    parser = _Text()
    parser.feed(_decoded(data))
    parser.close()
    return "".join(parser.parts)


def _decoded(data: bytes) -> str:
    declared = _CHARSET.search(data[:_SNIFF])
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


class _Text(HTMLParser):
    """Collects text outside skipped elements; block elements start new lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and not self._skipping:
                self.parts.append("\n")
            return
        if self._skipping or tag in _SKIPPED:
            self._skipping.append(tag)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self._skipping:
            if tag in self._skipping:
                while self._skipping.pop() != tag:
                    pass
            return
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(re.sub(r"\s+", " ", data))
