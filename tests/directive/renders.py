"""Directive files made on the fly for tests and benchmarks: a digital PDF (reportlab) and a scanned
page (text drawn on an A4 image with Pillow), both in DejaVu Sans, which covers Vietnamese."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import matplotlib
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
A4_300_DPI = (2480, 3508)
_WRAP = 90


def wrapped(text: str, width: int = _WRAP) -> list[str]:
    """The text's lines hard-wrapped as a PDF lays them out."""
    return [part for line in text.split("\n") for part in (textwrap.wrap(line, width) or [""])]


def digital_pdf(text: str, lines_per_page: int = 48) -> bytes:
    """A PDF with a text layer: the text wrapped at 90 characters, ``lines_per_page`` lines a page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    lines = wrapped(text)
    for start in range(0, len(lines), lines_per_page):
        page.setFont("DejaVuSans", 10)
        for row, line in enumerate(lines[start:start + lines_per_page]):
            page.drawString(50, 800 - 15 * row, line)
        page.showPage()
    page.save()
    return buffer.getvalue()


def scanned_page(text: str, noise: bool = False, scale: float = 1.0) -> Image.Image:
    """An A4 page at 300 dpi (or ``scale`` of it) with the text printed on it, optionally blurred and speckled."""
    size = (round(A4_300_DPI[0] * scale), round(A4_300_DPI[1] * scale))
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), max(8, round(34 * scale)))
    for row, line in enumerate(wrapped(text)[:60]):
        draw.text((round(160 * scale), round((150 + 52 * row) * scale)), line, font=font, fill=0)
    if noise:
        image = image.filter(ImageFilter.GaussianBlur(3 * scale)).point(lambda value: min(255, value + 60))
    return image


def image_bytes(image: Image.Image, kind: str = "PNG") -> bytes:
    """The image encoded as a PNG or JPEG file."""
    buffer = io.BytesIO()
    image.save(buffer, format=kind)
    return buffer.getvalue()


def scanned_pdf(images: list[Image.Image]) -> bytes:
    """A PDF of scanned pages (images only, no text layer), as a scanner writes it."""
    buffer = io.BytesIO()
    first, *rest = [image.convert("RGB") for image in images]
    first.save(buffer, format="PDF", save_all=True, append_images=rest, resolution=300)
    return buffer.getvalue()
