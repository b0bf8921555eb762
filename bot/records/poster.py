"""A venue's A4 poster as a PDF: its name and address, a large QR of the check-in link, the short code
and short instructions in Vietnamese and English, in a font that has every Vietnamese letter (DejaVu Sans).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import segno
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

import messages
from handlers.areas import catalog
from handlers.venues import codes

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts")


class FontMissing(RuntimeError):
    """DejaVu Sans is not installed (scripts/install-fonts.sh installs Debian's fonts-dejavu-core)."""


def find_font(name: str) -> Path:
    """The path of a DejaVu TTF file in the usual font folders."""
    for folder in FONT_DIRS:
        path = folder / name
        if path.is_file():
            return path
    raise FontMissing(f"{name} not found in {', '.join(map(str, FONT_DIRS))}: run scripts/install-fonts.sh")


@cache
def _register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(FONT, str(find_font("DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(find_font("DejaVuSans-Bold.ttf"))))


def poster_pdf(venue: Mapping[str, Any], bot_username: str | None) -> bytes:
    """The one-page A4 poster of ``venue`` (name, street, commune_code, code, token)."""
    _register_fonts()
    buffer = io.BytesIO()
    page = Canvas(buffer, pagesize=A4, pageCompression=1)
    page.setTitle(f"{venue['name']} — check-in {venue['code']}")
    width, height = A4
    middle = width / 2
    top = height - 25 * mm
    page.setFont(BOLD, 15)
    page.drawCentredString(middle, top, messages.t("vi", "poster.heading"))
    page.setFont(FONT, 11)
    page.drawCentredString(middle, top - 6 * mm, messages.t("en", "poster.heading"))
    y = _centred_lines(page, str(venue["name"]), BOLD, 24, middle, top - 20 * mm, width - 30 * mm)
    address = f"{venue['street']}, {catalog().label(venue['commune_code'])}"
    y = _centred_lines(page, address, FONT, 12, middle, y - 2 * mm, width - 30 * mm)
    size = 120 * mm
    content = codes.qr_content(venue["code"], venue["token"], bot_username)
    _draw_qr(page, content, middle - size / 2, y - 6 * mm - size, size)
    y -= 6 * mm + size + 12 * mm
    page.setFont(FONT, 12)
    page.drawCentredString(middle, y, messages.t("vi", "poster.code_label"))
    page.setFont(FONT, 10)
    page.drawCentredString(middle, y - 5 * mm, messages.t("en", "poster.code_label"))
    page.setFont(BOLD, 34)
    page.drawCentredString(middle, y - 17 * mm, venue["code"])
    y -= 28 * mm
    for locale, font_size in (("vi", 11), ("en", 10)):
        text = messages.t(locale, "poster.instructions", code=venue["code"])
        for line in text.split("\n"):
            y = _centred_lines(page, line, FONT, font_size, middle, y, width - 30 * mm)
        y -= 3 * mm
    page.showPage()
    page.save()
    return buffer.getvalue()


def _centred_lines(page: Canvas, text: str, font: str, size: float, middle: float, y: float, width: float) -> float:
    """Draw ``text`` centred, wrapped to ``width``; the baseline below the last line."""
    page.setFont(font, size)
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and pdfmetrics.stringWidth(trial, font, size) > width:
            page.drawCentredString(middle, y, line)
            y -= size * 1.3
            line = word
        else:
            line = trial
    if line:
        page.drawCentredString(middle, y, line)
        y -= size * 1.3
    return y


def _draw_qr(page: Canvas, content: str, x: float, y: float, size: float) -> None:
    """The QR code of ``content`` as vector squares filling a ``size`` square, quiet zone included."""
    matrix = [list(row) for row in segno.make(content, error="m").matrix_iter(scale=1, border=4)]
    module = size / len(matrix)
    page.setFillColorRGB(0, 0, 0)
    for row_number, row in enumerate(matrix):
        for column, dark in enumerate(row):
            if dark:
                page.rect(x + column * module, y + size - (row_number + 1) * module, module, module,
                          stroke=0, fill=1)
