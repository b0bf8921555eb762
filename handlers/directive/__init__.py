"""Directive pipeline: clean pasted text, parse its structure and duties, summarise it extractively."""

from handlers.directive.errors import DirectiveError
from handlers.directive.model import Cadence, Directive, Item, Obligation, Signer
from handlers.directive.parse import parse_directive
from handlers.directive.summary import BULLET, LIMIT, summarize, summary_header

__all__ = [
    "BULLET",
    "LIMIT",
    "Cadence",
    "Directive",
    "DirectiveError",
    "Item",
    "Obligation",
    "Signer",
    "parse_directive",
    "summarize",
    "summary_header",
]
