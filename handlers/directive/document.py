"""Read an uploaded directive file (.txt or .docx) into text."""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import PurePath

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from handlers.directive.errors import DirectiveError

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
WORD_SUFFIX = ".docx"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CONTROLS = re.compile(r"[\x01-\x08\x0b\x0e-\x1f]")
_MAX_CONTROL_SHARE = 0.01


def text_from_upload(data: bytes, filename: str) -> str:
    """The text of an upload; ``DirectiveError`` for an empty, binary or unsupported file."""
    suffix = PurePath(filename).suffix.lower()
    if suffix == WORD_SUFFIX:
        text = _word_text(data)
    elif suffix in TEXT_SUFFIXES:
        text = _plain_text(data)
    else:
        raise DirectiveError("directive.error.unsupported")
    if not text.strip():
        raise DirectiveError("directive.error.empty")
    return text


def _plain_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is binary."""
    if not data.strip():
        raise DirectiveError("directive.error.empty")
    try:
        text = data.decode("utf-16" if data.startswith(_UTF16_BOMS) else "utf-8-sig")
    except UnicodeDecodeError as error:
        raise DirectiveError("directive.error.binary") from error
    if _looks_binary(text):
        raise DirectiveError("directive.error.binary")
    return text


def _looks_binary(text: str) -> bool:
    """True when the text holds NUL or more than a sliver of other control characters."""
    return "\x00" in text or len(_CONTROLS.findall(text)) > _MAX_CONTROL_SHARE * len(text)


def _word_text(data: bytes) -> str:
    """Paragraphs and table cells of a Word document, in reading order, one per line."""
    if not data:
        raise DirectiveError("directive.error.empty")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, SyntaxError) as error:
        raise DirectiveError("directive.error.corrupt") from error
    return "\n".join(_blocks(document))


def _blocks(document: Document) -> Iterator[str]:
    """The text of each paragraph; a table's cells left to right, row by row, merged cells once."""
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        else:
            yield from _table_text(block)


def _table_text(table: Table) -> Iterator[str]:
    """Each distinct cell's text (header and signature tables in Vietnamese documents)."""
    seen: set[object] = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc not in seen:
                seen.add(cell._tc)
                yield cell.text
