"""Uploads: text encodings, Word documents, and files that are empty, binary or unsupported."""

from __future__ import annotations

import codecs
import io
import zipfile

import docx
import pytest

from handlers.directive import DirectiveError, parse_directive
from handlers.directive.document import text_from_upload
from tests.directive.support import seed

TEXT = "CHỈ THỊ\nNgười dân khai báo y tế trung thực."


def word_file(paragraphs_before: list[str], header_cells: list[list[str]], paragraphs_after: list[str]) -> bytes:
    """A .docx with paragraphs, then a one-row table (each cell its lines), then more paragraphs."""
    document = docx.Document()
    for text in paragraphs_before:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=len(header_cells))
    for cell, lines in zip(table.rows[0].cells, header_cells, strict=True):
        cell.text = "\n".join(lines)
    for text in paragraphs_after:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
    ],
)
def test_text_encodings(data: bytes) -> None:
    assert text_from_upload(data, "chi-thi.txt").replace("\r\n", "\n") == TEXT


@pytest.mark.parametrize(
    ("data", "filename", "key"),
    [
        (b"", "a.txt", "directive.error.empty"),
        (b"  \n\t\r\n", "a.txt", "directive.error.empty"),
        (codecs.BOM_UTF8 + b"  \n", "a.txt", "directive.error.empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "anh.txt", "directive.error.binary"),
        (b"\xff\xd8\xff\xe0 not utf-8 \xc3\x28", "a.txt", "directive.error.binary"),
        ("Khai báo\x00y tế".encode(), "a.txt", "directive.error.binary"),
        (bytes(range(1, 32)) * 4 + b"abc", "a.txt", "directive.error.binary"),
        (TEXT.encode(), "chi-thi.pdf", "directive.error.corrupt_pdf"),
        (TEXT.encode(), "chi-thi.doc", "directive.error.unsupported"),
        (TEXT.encode(), "chi-thi", "directive.error.unsupported"),
        (b"", "a.docx", "directive.error.empty"),
        (b"PK\x03\x04 not really a zip", "a.docx", "directive.error.corrupt"),
        (TEXT.encode(), "a.docx", "directive.error.corrupt"),
    ],
)
def test_unreadable_uploads(data: bytes, filename: str, key: str) -> None:
    with pytest.raises(DirectiveError) as raised:
        text_from_upload(data, filename)
    assert raised.value.message_key == key


def test_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("note.txt", "xin chào")
    with pytest.raises(DirectiveError) as raised:
        text_from_upload(buffer.getvalue(), "a.docx")
    assert raised.value.message_key == "directive.error.corrupt"


def test_empty_word_document() -> None:
    with pytest.raises(DirectiveError) as raised:
        text_from_upload(word_file([], [[""]], []), "trong.docx")
    assert raised.value.message_key == "directive.error.empty"


def test_word_header_table_is_read_in_order() -> None:
    data = word_file(
        [],
        [["TỈNH ỦY NINH BÌNH", "*", "Số 2644 - CV/TU", "V/v tăng cường công tác phòng, chống dịch Covid-19"],
         ["ĐẢNG CỘNG SẢN VIỆT NAM", "Ninh Bình, ngày 29 tháng 7 năm 2020"]],
        ["Kính gửi: Các huyện ủy, thành ủy.", "1. Người dân khai báo y tế trung thực.",
         "2. Cơ quan, đơn vị không tụ tập đông người./."],
    )
    text = text_from_upload(data, "Cong-Van.DOCX")
    assert text.split("\n")[:3] == ["TỈNH ỦY NINH BÌNH", "*", "Số 2644 - CV/TU"]
    directive = parse_directive(text)
    assert (directive.kind, directive.number, directive.issuer) == ("Công văn", "2644-CV/TU", "Tỉnh ủy Ninh Bình")
    assert directive.recipients == ("Các huyện ủy, thành ủy",)
    assert [item.label for item in directive.items] == ["1", "2"]


def test_merged_cells_are_read_once() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN"
    buffer = io.BytesIO()
    document.save(buffer)
    assert text_from_upload(buffer.getvalue(), "a.docx").count("ỦY BAN NHÂN DÂN") == 1


def test_a_seed_round_trips_through_word() -> None:
    raw = seed("cong-van-ninh-binh-2644-2020.txt")
    data = word_file(raw.split("\n"), [[""]], [])
    assert parse_directive(text_from_upload(data, "a.docx")).to_json_dict() == parse_directive(raw).to_json_dict()
