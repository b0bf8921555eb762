"""Read an uploaded directive file into text: .txt, .docx, .pdf (text layer, or OCR of scanned pages),
photos (.jpg, .png) through OCR, and a portal page saved as .html."""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from handlers.directive import ocr, pdf
from handlers.directive.errors import DirectiveError
from handlers.directive.webpage import page_text

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
WORD_SUFFIX = ".docx"
PDF_SUFFIX = ".pdf"
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff"})
PAGE_SUFFIXES = frozenset({".html", ".htm"})
SUFFIXES = TEXT_SUFFIXES | IMAGE_SUFFIXES | PAGE_SUFFIXES | {WORD_SUFFIX, PDF_SUFFIX}
MAX_BYTES = 20_000_000
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CONTROLS = re.compile(r"[\x01-\x08\x0b\x0e-\x1f]")
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class Upload:
    """An upload's text; ``quality`` is the OCR's mean word confidence (0-100) when pages were scanned."""

    text: str
    pages: int = 1
    quality: float | None = None

    @property
    def poor_scan(self) -> bool:
        """True when OCR read the scan with low confidence: the text needs a careful check."""
        return self.quality is not None and self.quality < ocr.POOR_QUALITY


def read_upload(data: bytes, filename: str) -> Upload:
    """Read an upload by its file name's suffix; ``DirectiveError`` for an empty, binary, too large,
    unsupported or unreadable file."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUFFIXES:
        raise DirectiveError("directive.error.unsupported")
    if len(data) > MAX_BYTES:
        raise DirectiveError("directive.error.too_large")
    if not data.strip():
        raise DirectiveError("directive.error.empty")
    if suffix == WORD_SUFFIX:
        upload = Upload(_word_text(data))
    elif suffix == PDF_SUFFIX:
        read = pdf.pdf_text(data)
        upload = Upload(read.text, read.pages, read.quality)
    elif suffix in IMAGE_SUFFIXES:
        recognised = ocr.image_text(data)
        upload = Upload(recognised.text, 1, recognised.quality)
    elif suffix in PAGE_SUFFIXES:
        upload = Upload(page_text(data))
    else:
        upload = Upload(_plain_text(data))
    if not upload.text.strip():
        raise DirectiveError("directive.error.empty")
    return upload


def text_from_upload(data: bytes, filename: str) -> str:
    """The text of an upload (see ``read_upload``)."""
    return read_upload(data, filename).text


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
