"""Parse a pasted directive into a ``Directive``: clean, read header, items, closing, duties."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from handlers.directive import vocabulary as vocab
from handlers.directive.clean import clean
from handlers.directive.closing import Closing, read_closing
from handlers.directive.errors import DirectiveError
from handlers.directive.header import Header, read_header
from handlers.directive.issuer import closing_issuer, completed_issuer, readable_issuer
from handlers.directive.items import Body, read_items
from handlers.directive.model import Directive, Signer
from handlers.directive.news import read_article, text_year
from handlers.directive.obligations import Block, find_obligations, heading_reporter
from handlers.directive.reflow import reflow
from handlers.directive.text import fold_chars

_MAX_TITLE = 300


@dataclass(frozen=True)
class _Fields:
    """The identifying fields, from the header or, for an article, from its text."""

    kind: str
    number: str | None
    issuer: str | None
    place: str | None
    date: date | None
    subject: str | None
    recipients: tuple[str, ...]


def parse_directive(raw: str) -> Directive:
    """Parse pasted text; raise ``DirectiveError`` when it is empty or not a directive."""
    cleaned = clean(raw)
    if not cleaned.lines:
        raise DirectiveError("directive.error.empty")
    lines = reflow(cleaned.lines)
    header = read_header(lines)
    kind = _kind(header)
    if kind is not None:
        return _official(lines, header, kind)
    return _article(lines, cleaned.published)


def _kind(header: Header) -> str | None:
    """The kind from the title, else from the number's symbol; a numbered or addressed text is a letter."""
    if header.kind is not None:
        return header.kind
    if header.code is not None:
        code = fold_chars(header.code)
        return next((kind.name for kind in vocab.KINDS if fold_chars(kind.code) == code), vocab.OFFICIAL_LETTER)
    return vocab.OFFICIAL_LETTER if header.addressed else None


def _official(lines: Sequence[str], header: Header, kind: str) -> Directive:
    """A document with its own header."""
    closing = read_closing(lines, header.end)
    main = lines[header.end:closing.start]
    fields = _Fields(kind, header.number, header.issuer, header.place, header.date, header.subject,
                     header.recipients)
    return _directive(lines, fields, main, closing, text_year("\n".join(lines), None))


def _article(lines: Sequence[str], published: date | None) -> Directive:
    """A news article reporting a directive: from its lead on; the page's date when the lead gives none.
    The article's own closing (a byline, the relaying office) never gives the document's signer."""
    year = text_year("\n".join(lines), published)
    reported = read_article(lines, year)
    if reported is None:
        raise DirectiveError("directive.error.not_directive")
    end = read_closing(lines, reported.lead + 1).start
    signer = Signer(None, None, reported.signer) if reported.signer else None
    fields = _Fields(vocab.NEWS_ARTICLE, reported.number, reported.issuer, None, reported.date or published,
                     reported.subject, ())
    return _directive(lines, fields, lines[reported.lead:end], Closing((), signer, end), year)


def _directive(lines: Sequence[str], fields: _Fields, main: Sequence[str], closing: Closing,
               year: int | None = None) -> Directive:
    """Assemble the directive; a text with nothing under its header is not one."""
    body = read_items(main)
    if not body.items and not body.loose:
        raise DirectiveError("directive.error.not_directive")
    text = "\n".join(lines)
    issuer = readable_issuer(fields.issuer, text) if fields.issuer else closing_issuer(main)
    if issuer is not None:
        issuer = completed_issuer(issuer, fields.place, "\n".join(main))
    return Directive(
        kind=fields.kind,
        number=fields.number,
        issuer=issuer,
        place=fields.place,
        date=fields.date,
        subject=fields.subject,
        recipients=fields.recipients,
        items=body.items,
        distribution=closing.distribution,
        signer=closing.signer,
        obligations=find_obligations(_blocks(body), fields.date.year if fields.date else year,
                                     "; ".join(fields.recipients) or None, fields.date),
        body=text,
        paragraphs=tuple(filter(None, main)),
    )


def _blocks(body: Body) -> list[Block]:
    """Each item with the body it addresses, then the lines outside items."""
    blocks = [Block(heading_reporter(item.text.split("\n", 1)[0]), item.text.split("\n")) for item in body.items]
    return [*blocks, Block(None, body.loose)]
