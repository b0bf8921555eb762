"""Optical character recognition of scanned pages and photos with Tesseract's Vietnamese model."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

import pytesseract
from PIL import Image, ImageOps, UnidentifiedImageError

from handlers.directive.errors import DirectiveError

LANGUAGE = "vie"
POOR_QUALITY = 85.0
MAX_PIXELS = 60_000_000
TIMEOUT_SECONDS = 60
_MIN_WIDTH = 1700
_CONFIG = "--psm 3"
_FIELDS = ("block_num", "par_num", "line_num")


@dataclass(frozen=True)
class Recognised:
    """Recognised text (lines, blank lines between paragraphs) and the mean word confidence (0-100)."""

    text: str
    quality: float | None
    words: int


def image_text(data: bytes) -> Recognised:
    """Recognise the text of a photo or a scanned page given as image file bytes."""
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise DirectiveError("directive.error.too_large")
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise DirectiveError("directive.error.corrupt_image") from error
    return recognise(image)


def recognise(image: Image.Image) -> Recognised:
    """Run Tesseract on ``image`` (turned upright, grey, enlarged when small)."""
    if image.width * image.height > MAX_PIXELS:
        raise DirectiveError("directive.error.too_large")
    try:
        data = pytesseract.image_to_data(
            _prepared(image), lang=LANGUAGE, config=_CONFIG, output_type=pytesseract.Output.DICT,
            timeout=TIMEOUT_SECONDS,
        )
    except pytesseract.TesseractNotFoundError as error:
        raise DirectiveError("directive.error.ocr_missing") from error
    except (pytesseract.TesseractError, RuntimeError) as error:
        raise DirectiveError("directive.error.ocr_failed") from error
    words = [index for index, word in enumerate(data["text"]) if word.strip() and float(data["conf"][index]) >= 0]
    confidences = [float(data["conf"][index]) for index in words]
    quality = sum(confidences) / len(confidences) if confidences else None
    return Recognised(_lines(data, words), quality, len(words))


def combined_quality(parts: Iterable[Recognised]) -> float | None:
    """The mean confidence over several recognised pages, weighted by their words."""
    scored = [(part.quality, part.words) for part in parts if part.quality is not None and part.words]
    total = sum(words for _, words in scored)
    return sum(quality * words for quality, words in scored) / total if total else None


def _prepared(image: Image.Image) -> Image.Image:
    """Upright (a phone's EXIF orientation), greyscale, at least about 200 dpi across an A4 page."""
    image = ImageOps.exif_transpose(image).convert("L")
    if image.width < _MIN_WIDTH:
        scale = _MIN_WIDTH / image.width
        image = image.resize((_MIN_WIDTH, round(image.height * scale)), Image.Resampling.LANCZOS)
    return image


def _lines(data: dict[str, list], words: list[int]) -> str:
    """Words joined into Tesseract's lines; a blank line where a new block or paragraph starts."""
    lines: list[str] = []
    current: tuple[int, int, int] | None = None
    for index in words:
        key = tuple(int(data[name][index]) for name in _FIELDS)
        if current is None or key != current:
            if current is not None and key[:2] != current[:2]:
                lines.append("")
            lines.append(data["text"][index].strip())
            current = key  # type: ignore[assignment]
        else:
            lines[-1] += " " + data["text"][index].strip()
    return "\n".join(lines)
