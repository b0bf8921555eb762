"""A dependency-free streaming .xlsx writer: one sheet, a bold frozen header and an autofilter, in flat memory."""

from __future__ import annotations

import contextlib
import math
import os
import re
import time
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import IO, Any, BinaryIO

Target = str | os.PathLike[str] | BinaryIO

SHEET_PATH = "xl/worksheets/sheet1.xml"
HEADER_STYLE, DATE_STYLE = 1, 2  # indexes into cellXfs of styles.xml
EXCEL_EPOCH = datetime(1899, 12, 30)  # serial 0 in the 1900 date system (valid from 1 March 1900)
SECONDS_PER_DAY = 86_400
SHEET_NAME_FORBIDDEN = frozenset("[]:*?/\\")
# What text content cannot hold as is: markup, and characters XML 1.0 forbids (dropped). A carriage return is
# kept as a character reference, since a parser would read a literal one as a line feed.
TEXT_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
TEXT_REPLACEMENTS = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"

CONTENT_TYPES = (
    f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{CONTENT_TYPE}.sheet.main+xml"/>'
    f'<Override PartName="/{SHEET_PATH}" ContentType="{CONTENT_TYPE}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{CONTENT_TYPE}.styles+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    f'{XML}<Relationships xmlns="{PACKAGE_REL_NS}">'
    f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK_RELS = (
    f'{XML}<Relationships xmlns="{PACKAGE_REL_NS}">'
    f'<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL_NS}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
FREEZE_HEADER = (
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    "</sheetView></sheetViews>"
)


def column_letter(index: int) -> str:
    """The letters of a 0-based column index: 0 is A, 25 is Z, 26 is AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def escape_text(text: str) -> str:
    """Text as XML character data: markup escaped, characters XML 1.0 forbids removed."""
    return TEXT_SPECIAL.sub(lambda found: TEXT_REPLACEMENTS.get(found.group(), ""), text)


def escape_attribute(text: str) -> str:
    """Text as a double-quoted XML attribute value."""
    return escape_text(text).replace('"', "&quot;")


def excel_serial(moment: datetime) -> float:
    """A naive datetime as an Excel serial day number (days since 30/12/1899, the time as a fraction)."""
    return (moment - EXCEL_EPOCH).total_seconds() / SECONDS_PER_DAY


def check_sheet_name(name: str) -> str:
    """The name, if Excel accepts it for a sheet: 1 to 31 characters, none of []:*?/\\, no quote at either end."""
    if not 0 < len(name) <= 31 or SHEET_NAME_FORBIDDEN & set(name) or name[0] == "'" or name[-1] == "'":
        raise ValueError(f"invalid sheet name: {name!r}")
    return name


def _string(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape_text(value)}</t></is></c>'


def _integer(ref: str, value: int) -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


def _number(ref: str, value: float) -> str:
    """A float as a number; NaN and infinities, which a sheet cannot hold, as their text."""
    return f'<c r="{ref}"><v>{value!r}</v></c>' if math.isfinite(value) else _string(ref, str(value))


def _boolean(ref: str, value: bool) -> str:
    return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'


def _moment(ref: str, value: datetime) -> str:
    return f'<c r="{ref}" s="{DATE_STYLE}"><v>{excel_serial(value)!r}</v></c>'


def _other(ref: str, value: Any) -> str:
    """Subclasses of the types written directly as those types; anything else as its text."""
    for kind, write in CELL_WRITERS.items():
        if isinstance(value, kind):
            return write(ref, value)
    return _string(ref, str(value))


CELL_WRITERS: dict[type, Callable[[str, Any], str]] = {
    bool: _boolean, int: _integer, float: _number, str: _string, datetime: _moment,
}


def styles(date_format: str) -> str:
    """styles.xml: the default font and a bold one; cell formats plain, bold (header) and dated."""
    return (
        f'{XML}<styleSheet xmlns="{MAIN_NS}">'
        f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{escape_attribute(date_format)}"/></numFmts>'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )


def workbook(sheet_name: str, filter_range: str) -> str:
    """workbook.xml: the one sheet, and the hidden name Excel keeps for its autofilter."""
    quoted = escape_text("'" + sheet_name.replace("'", "''") + "'")
    return (
        f'{XML}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        '<bookViews><workbookView activeTab="0"/></bookViews>'
        f'<sheets><sheet name="{escape_attribute(sheet_name)}" sheetId="1" r:id="rId1"/></sheets>'
        '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"{quoted}!{filter_range}</definedName></definedNames>"
        "</workbook>"
    )


def sheet_start(widths: Sequence[float]) -> str:
    """The worksheet up to the first row: the frozen header pane and the column widths."""
    columns = "".join(f'<col min="{n}" max="{n}" width="{width}" customWidth="1"/>'
                      for n, width in enumerate(widths, start=1))
    return f'{XML}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{FREEZE_HEADER}<cols>{columns}</cols><sheetData>'


def _entry(name: str) -> zipfile.ZipInfo:
    """A deflated package entry stamped now, as ``writestr`` stamps the others."""
    entry = zipfile.ZipInfo(name, time.localtime()[:6])
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o600 << 16
    return entry


class XlsxStreamWriter:
    """Writes one sheet row by row straight into a zipped package; ``close`` finishes it, ``abort`` gives up.

    Each row holds one value per column (str, int, float, bool, naive datetime or None); the first row is the
    bold, frozen header, and the autofilter covers the header and every row written.
    """

    def __init__(self, target: Target, sheet_name: str, header: Sequence[str], widths: Sequence[float],
                 date_format: str) -> None:
        if not header or len(widths) != len(header):
            raise ValueError("at least one column, and one width per column")
        self.sheet_name = check_sheet_name(sheet_name)
        self.target = target
        self.letters = [column_letter(index) for index in range(len(header))]
        self.rows = 1  # the header
        self.package = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED)
        try:
            self.package.writestr("[Content_Types].xml", CONTENT_TYPES)
            self.package.writestr("_rels/.rels", PACKAGE_RELS)
            self.package.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
            self.package.writestr("xl/styles.xml", styles(date_format))
            self.sheet: IO[bytes] = self.package.open(_entry(SHEET_PATH), "w")
            self.sheet.write((sheet_start(widths) + self._header(header)).encode())
        except BaseException:
            self.abort()
            raise

    def _header(self, header: Sequence[str]) -> str:
        cells = "".join(f'<c r="{letter}1" s="{HEADER_STYLE}" t="inlineStr"><is><t xml:space="preserve">'
                        f"{escape_text(text)}</t></is></c>" for letter, text in zip(self.letters, header, strict=True))
        return f'<row r="1">{cells}</row>'

    def _row(self, number: int, values: Sequence[Any]) -> str:
        cells = "".join([CELL_WRITERS.get(type(value), _other)(f"{letter}{number}", value)
                         for letter, value in zip(self.letters, values, strict=True) if value is not None])
        return f'<row r="{number}">{cells}</row>'

    def add_rows(self, rows: Iterable[Sequence[Any]]) -> None:
        """Append rows after those already written."""
        lines = [self._row(number, values) for number, values in enumerate(rows, start=self.rows + 1)]
        self.sheet.write("".join(lines).encode())
        self.rows += len(lines)

    def close(self) -> None:
        """Finish the sheet with its autofilter, add the workbook part and close the package."""
        last = self.letters[-1]
        self.sheet.write(f'</sheetData><autoFilter ref="A1:{last}{self.rows}"/></worksheet>'.encode())
        self.sheet.close()
        self.package.writestr("xl/workbook.xml", workbook(self.sheet_name, f"$A$1:${last}${self.rows}"))
        self.package.close()

    def abort(self) -> None:
        """Close what is open without finishing; remove the file when the target was a path."""
        with contextlib.suppress(Exception):
            if getattr(self, "sheet", None) is not None:
                self.sheet.close()
        with contextlib.suppress(Exception):
            self.package.close()
        if isinstance(self.target, str | os.PathLike):
            with contextlib.suppress(OSError):
                os.remove(self.target)
