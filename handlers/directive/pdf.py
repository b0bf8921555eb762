"""Text of a PDF: its text layer page by page, or OCR of the page image where a page was scanned."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from handlers.directive import ocr
from handlers.directive.errors import DirectiveError

MAX_PAGES = 200
MAX_SCANNED_PAGES = 20
_MIN_PAGE_TEXT = 25


@dataclass(frozen=True)
class PdfText:
    """The pages' text, the page count, and the OCR confidence when some pages were scanned."""

    text: str
    pages: int
    quality: float | None


def pdf_text(data: bytes) -> PdfText:
    """Read every page; ``DirectiveError`` for a damaged, locked or too long PDF."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DirectiveError("directive.error.locked_pdf")
        pages = list(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise DirectiveError("directive.error.corrupt_pdf") from error
    if len(pages) > MAX_PAGES:
        raise DirectiveError("directive.error.too_many_pages")
    texts: list[str] = []
    scans: list[ocr.Recognised] = []
    for page in pages:
        try:
            text = page.extract_text() or ""
        except (PyPdfError, ValueError, KeyError, TypeError) as error:
            raise DirectiveError("directive.error.corrupt_pdf") from error
        if len(text.strip()) < _MIN_PAGE_TEXT and (image := _page_image(page)) is not None:
            if len(scans) >= MAX_SCANNED_PAGES:
                raise DirectiveError("directive.error.too_many_scans")
            scans.append(ocr.recognise(image))
            text = scans[-1].text
        texts.append(text)
    return PdfText("\n\n".join(texts), len(pages), ocr.combined_quality(scans) if scans else None)


def _page_image(page: object) -> Image.Image | None:
    """The largest image on a page (a scanner puts the whole page in one), or None."""
    try:
        images = [image.image for image in page.images]  # type: ignore[attr-defined]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, NotImplementedError, Image.DecompressionBombError):
        return None
    images = [image for image in images if image is not None]
    return max(images, key=lambda image: image.width * image.height, default=None)
