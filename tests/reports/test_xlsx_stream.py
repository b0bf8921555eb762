"""The streaming .xlsx writer: escaping, types, styles, panes and filters, read back by openpyxl and LibreOffice."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel

from bot.records.xlsx_stream import XlsxStreamWriter, column_letter, excel_serial

HEADER = [f"Cột {n}" for n in range(1, 20)]  # 19 columns, A to S, like the declarations export
WIDTHS = [10 + n for n in range(19)]
DATE_FORMAT = "DD/MM/YYYY HH:MM"
PARTS = {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
         "xl/worksheets/sheet1.xml"}


def row(*values: Any) -> list[Any]:
    """A 19-column row starting with ``values``, the rest empty."""
    return [*values, *[None] * (19 - len(values))]


def xlsx(rows: Sequence[Sequence[Any]], target: Any = None, name: str = "Khai báo") -> bytes:
    """The package written for ``rows`` (in two batches), to a fresh stream unless a target is given."""
    stream = target if target is not None else io.BytesIO()
    writer = XlsxStreamWriter(stream, name, HEADER, WIDTHS, DATE_FORMAT)
    writer.add_rows(rows[:1])
    writer.add_rows(rows[1:])
    writer.close()
    return stream.getvalue() if target is None else b""


def values(data: bytes, read_only: bool = False) -> list[tuple[Any, ...]]:
    return list(load_workbook(io.BytesIO(data), read_only=read_only).active.iter_rows(values_only=True))


def test_text_is_escaped_and_comes_back_as_written() -> None:
    texts = ["<b>Tom & Jerry</b>", 'say "hi" and \'bye\'', "]]> ends CDATA", "Nguyễn Thị Ánh Tuyết, Đắk Lắk",
             "Sốt 🤒 ho 😷", "  spaces kept  ", "tab\there\nnew line", "line\r\nnext", "&amp; stays literal"]
    data = xlsx([row(text) for text in texts])
    assert [found[0] for found in values(data)[1:]] == texts
    assert [found[0] for found in values(data, read_only=True)[1:]] == texts


def test_characters_xml_forbids_are_dropped() -> None:
    data = xlsx([row("a\x00b\x07c\x0bd\x1fe\ufffef\ud800g"), row("\x01\x02")])
    assert [found[0] for found in values(data)[1:]] == ["abcdefg", ""]


def test_datetimes_come_back_to_the_minute_with_the_date_format() -> None:
    moments = [datetime(2026, 11, 21, 23, 30), datetime(2026, 2, 28, 23, 59, 59, 999_000),
               datetime(2000, 1, 1), datetime(1900, 3, 1, 0, 1), datetime(9999, 12, 31, 23, 59)]
    sheet = load_workbook(io.BytesIO(xlsx([row(moment) for moment in moments]))).active
    cells = [found[0] for found in sheet.iter_rows(min_row=2)]
    assert [cell.value.replace(second=0, microsecond=0) for cell in cells] == [
        moment.replace(second=0, microsecond=0) for moment in moments]
    assert {cell.number_format for cell in cells} == {DATE_FORMAT} and cells[0].is_date


@given(st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)))
def test_serials_are_what_excel_readers_expect(moment: datetime) -> None:
    assert abs(from_excel(excel_serial(moment)) - moment) <= timedelta(milliseconds=1)


def test_numbers_stay_numbers_and_none_stays_empty() -> None:
    data = xlsx([row(1990, -7, 2.5, 12345678901234, True, False, float("nan"), None, 0, "0912345678")])
    sheet = load_workbook(io.BytesIO(data)).active
    cells = list(sheet.iter_rows(min_row=2))[0]
    assert [cell.value for cell in cells[:10]] == [1990, -7, 2.5, 12345678901234, True, False, "nan", None, 0,
                                                   "0912345678"]
    assert [cell.data_type for cell in cells[:10]] == ["n", "n", "n", "n", "b", "b", "s", "n", "n", "s"]
    assert all(cell.value is None for cell in cells[10:])
    assert b'r="H2"' not in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")


def test_header_is_bold_and_frozen_with_widths_and_a_filter_over_every_row() -> None:
    data = xlsx([row(f"B{n:07d}", n) for n in range(250)])
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.active
    assert sheet.title == "Khai báo" and workbook.sheetnames == ["Khai báo"]
    assert [cell.font.b for cell in sheet[1]] == [True] * 19 and not sheet["A2"].font.b
    assert list(sheet.iter_rows(max_row=1, values_only=True)) == [tuple(HEADER)]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:S251" and sheet.max_row == 251
    assert [sheet.column_dimensions[column_letter(n)].width for n in (0, 18)] == [10, 28]
    assert sheet["A251"].value == "B0000249" and sheet["B251"].value == 249


def test_an_empty_sheet_is_a_valid_package_with_the_header_only() -> None:
    data = xlsx([])
    package = zipfile.ZipFile(io.BytesIO(data))
    assert package.testzip() is None and set(package.namelist()) == PARTS
    assert values(data) == values(data, read_only=True) == [tuple(HEADER)]
    assert load_workbook(io.BytesIO(data)).active.auto_filter.ref == "A1:S1"


def test_a_path_target_and_a_stream_left_open(tmp_path: Path) -> None:
    target = tmp_path / "khai-bao.xlsx"
    xlsx([row("x")], target)
    assert values(target.read_bytes()) == [tuple(HEADER), tuple(row("x"))]
    stream = io.BytesIO()
    XlsxStreamWriter(stream, "Sheet", ["A"], [8], DATE_FORMAT).close()
    assert not stream.closed and values(stream.getvalue()) == [("A",)]


def test_an_aborted_export_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "khai-bao.xlsx"
    writer = XlsxStreamWriter(target, "Sheet", HEADER, WIDTHS, DATE_FORMAT)
    writer.add_rows([row("x")])
    writer.abort()
    assert not target.exists()


def test_rows_must_match_the_header_and_names_must_suit_excel() -> None:
    writer = XlsxStreamWriter(io.BytesIO(), "Sheet", HEADER, WIDTHS, DATE_FORMAT)
    with pytest.raises(ValueError):
        writer.add_rows([["too", "short"]])
    for name in ("", "x" * 32, "a/b", "[x]", "'quoted'"):
        with pytest.raises(ValueError):
            XlsxStreamWriter(io.BytesIO(), name, HEADER, WIDTHS, DATE_FORMAT)
    with pytest.raises(ValueError):
        XlsxStreamWriter(io.BytesIO(), "Sheet", HEADER, WIDTHS[:3], DATE_FORMAT)


def test_column_letters() -> None:
    assert [column_letter(n) for n in (0, 18, 25, 26, 701, 702, 16383)] == ["A", "S", "Z", "AA", "ZZ", "AAA", "XFD"]
