"""Declarations streamed by area, date range and level, written to .xlsx and CSV with Vietnamese columns."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from bot.records.exports import headers, write_csv, write_xlsx
from storage.db import Database
from storage.exports import stream_declarations
from tests.reports.seed import (
    CHILD_ANSWERS,
    HOAN_KIEM,
    SEEDED,
    YEN_MY,
    ZONE,
    declaration_row,
    insert_declarations,
    local,
    person_ids,
    seed,
)

NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
HEADER = [
    "Mã khai báo", "Thời gian", "Họ tên", "Năm sinh", "Giới tính", "Điện thoại", "Tỉnh/thành", "Xã/phường",
    "Địa chỉ", "Khai cho", "Người khai hộ", "Điện thoại người khai hộ", "Mức nguy cơ", "Lý do", "Triệu chứng",
    "Tiếp xúc, đi lại", "Nơi đã đến", "Bệnh nền", "Vắc-xin",
    "Quốc tịch", "Hộ chiếu/CCCD", "Ngày nhập cảnh", "Cửa khẩu", "Phương tiện", "Các nước đã ở (14 ngày)",
]
NOT_ARRIVAL = ["", "", "", "", "", ""]  # the arrival columns of an ordinary declaration
OWN_ROW = [
    "KB00005", "21/11/2026 23:30", "Nguyễn Văn An", 1990, "Nam", "0912345678", "Hưng Yên", "Xã Yên Mỹ",
    "Số 1 đường Lê Lợi", "Bản thân", "", "", "Vàng", "", "", "", "", "", "3 mũi", *NOT_ARRIVAL,
]
CHILD_ROW = [
    "KB00100", "22/11/2026 08:45", "Trần Thị Bé", 2015, "Nữ", "", "Thành phố Hà Nội", "Phường Hoàn Kiếm",
    "Số 5 ngõ 10 Hàng Bạc", "Khai hộ", "Nguyễn Văn An", "0912345678", "Đỏ",
    "Tiếp xúc gần với ca bệnh xác định (F0); Có triệu chứng trong 14 ngày qua", "Sốt; Ho",
    "Tiếp xúc gần với ca bệnh xác định (F0)", "Thành phố Hà Nội; Paris", "", "2 mũi", *NOT_ARRIVAL,
]


@pytest.fixture
async def seeded(database: Database) -> Database:
    people = await seed(database)
    await insert_declarations(database, [declaration_row(
        100, people[0], HOAN_KIEM, local(22, 8, 45), "red", CHILD_ANSWERS, ["contact_confirmed", "symptoms"],
    )])
    return database


async def collect(database: Database, area: str, start: datetime, end: datetime, levels: set[str] | None = None,
                  batch: int = 1000) -> list[dict[str, Any]]:
    async with database.sessions() as session:
        return [row async for row in stream_declarations(session, area, start, end, levels, batch)]


async def test_stream_keeps_to_the_area_the_range_and_the_levels(seeded: Database) -> None:
    week = await collect(seeded, "33", local(16, 0), NOW, batch=5)  # oldest first; KB00000 and KB00007 tie
    assert [row["code"] for row in week] == ["KB00010", "KB00005", "KB00004", "KB00003", "KB00000", "KB00007",
                                             "KB00008", "KB00009", "KB00002", "KB00001"]
    assert {row["province_code"] for row in week} == {"33"}
    commune_red = await collect(seeded, YEN_MY, local(22, 0), NOW, {"red"})
    assert [row["code"] for row in commune_red] == ["KB00004", "KB00003"]
    assert await collect(seeded, YEN_MY, local(22, 0), NOW, set()) == []
    hanoi = await collect(seeded, "01", local(1, 0), NOW, {"red", "yellow"}, batch=1)
    assert [row["code"] for row in hanoi] == ["KB00013", "KB00100"]


async def test_stream_pages_through_declarations_made_at_the_same_moment(database: Database) -> None:
    people = await person_ids(database, 7)
    moment = local(22, 8)
    await insert_declarations(database, [declaration_row(n, people[n], YEN_MY, moment, "green") for n in range(7)])
    for batch in (1, 2, 3, 7, 8):
        rows = await collect(database, YEN_MY, moment, NOW, batch=batch)
        assert [row["code"] for row in rows] == [f"KB0000{n}" for n in range(7)]


async def test_stream_rows_carry_the_declarant_and_aware_times(seeded: Database) -> None:
    (row,) = await collect(seeded, YEN_MY, local(21, 23), local(22, 0))
    assert row["created_at"] == local(21, 23, 30) and row["created_at"].utcoffset() is not None
    assert (row["person_name"], row["person_birth_year"], row["person_phone"]) == ("Nguyễn Văn An", 1990,
                                                                                 "+84912345678")
    assert row["answers"]["vaccine"] == "doses_3" and row["reasons"] == []


async def rows_of(database: Database, area: str, levels: set[str] | None = None) -> Any:
    async with database.sessions() as session:
        async for row in stream_declarations(session, area, local(1, 0), NOW, levels, batch=3):
            yield row


async def test_xlsx_has_the_vietnamese_header_and_one_row_per_declaration(seeded: Database, tmp_path: Path) -> None:
    target = tmp_path / "khai-bao.xlsx"
    assert await write_xlsx(rows_of(seeded, "33"), target, ZONE) == 11
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER == headers()
    assert len(rows) == 12 and sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:Y12"
    late = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "KB00005")
    assert late[1].value == datetime(2026, 11, 21, 23, 30) and late[1].number_format == "DD/MM/YYYY HH:MM"
    assert [late[1].value.strftime("%d/%m/%Y %H:%M")] + [cell.value or "" for cell in late[2:]] == OWN_ROW[1:]


async def test_xlsx_of_a_declaration_for_someone_else(seeded: Database) -> None:
    stream = io.BytesIO()
    assert await write_xlsx(rows_of(seeded, HOAN_KIEM, {"red"}), stream, ZONE) == 2
    rows = list(load_workbook(io.BytesIO(stream.getvalue())).active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["KB00013", "KB00100"]
    child = rows[2]
    assert [child[0], child[1].strftime("%d/%m/%Y %H:%M"), *(value or "" for value in child[2:])] == CHILD_ROW


async def test_an_empty_export_has_only_the_header(database: Database) -> None:
    stream = io.BytesIO()
    assert await write_xlsx(rows_of(database, YEN_MY), stream, ZONE) == 0
    assert list(load_workbook(io.BytesIO(stream.getvalue())).active.iter_rows(values_only=True)) == [tuple(HEADER)]


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


async def test_csv_has_a_bom_and_the_same_columns(seeded: Database) -> None:
    stream = io.BytesIO()
    assert await write_csv(rows_of(seeded, "01"), stream, ZONE) == 4
    assert not stream.closed
    rows = read_csv(stream.getvalue())
    assert rows[0] == HEADER and [row[0] for row in rows[1:]] == ["KB00011", "KB00012", "KB00013", "KB00100"]
    assert rows[-1] == [str(value) for value in CHILD_ROW]


async def test_csv_to_a_path(seeded: Database, tmp_path: Path) -> None:
    target = tmp_path / "khai-bao.csv"
    assert await write_csv(rows_of(seeded, YEN_MY, {"yellow"}), target, ZONE) == 2
    rows = read_csv(target.read_bytes())
    assert rows[1] == [str(value) for value in OWN_ROW]  # 23:30 on 21/11, before KB00002 of 22/11


async def test_text_that_looks_like_a_formula_stays_text(database: Database) -> None:
    people = await person_ids(database, 1)
    answers = {**CHILD_ANSWERS, "subject_street": '=HYPERLINK("http://x.example","bấm")'}
    await insert_declarations(database, [declaration_row(1, people[0], HOAN_KIEM, local(22, 8), "red", answers)])
    xlsx, text = io.BytesIO(), io.BytesIO()
    await write_xlsx(rows_of(database, HOAN_KIEM), xlsx, ZONE)
    await write_csv(rows_of(database, HOAN_KIEM), text, ZONE)
    cell = load_workbook(io.BytesIO(xlsx.getvalue())).active["I2"]
    assert cell.data_type == "s" and cell.value == "'" + answers["subject_street"]
    assert read_csv(text.getvalue())[1][8] == "'" + answers["subject_street"]


def test_seed_has_the_declarations_the_counts_expect() -> None:
    assert len(SEEDED) == 14
