"""`khaibao directive parse|summarize FILE`: JSON and summary on stdout, Vietnamese errors and exit code 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from bot.cli.directive import app
from handlers.directive import parse_directive, summarize
from handlers.directive.summary import t
from tests.directive.support import fixture
from tests.shared import shared_path

runner = CliRunner()


@pytest.fixture
def ninh_binh() -> Path:
    """A real directive from ../shared/seeds."""
    return shared_path("seeds", "cong-van-ninh-binh-2644-2020.txt")


def test_parse_prints_the_fields_as_indented_json(ninh_binh: Path) -> None:
    result = runner.invoke(app, ["parse", str(ninh_binh)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["kind", "number", "issuer", "place", "date", "subject", "recipients", "items",
                          "distribution", "signer", "obligations", "body"]
    assert data["number"] == "2644-CV/TU"
    assert data["date"] == "2020-07-29"
    assert '\n  "kind": "Công văn",\n' in result.stdout
    assert data == parse_directive(ninh_binh.read_text(encoding="utf-8")).to_json_dict()


def test_summarize_prints_the_summary(ninh_binh: Path) -> None:
    result = runner.invoke(app, ["summarize", str(ninh_binh)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == summarize(parse_directive(ninh_binh.read_text(encoding="utf-8"))) + "\n"
    assert result.stdout.startswith("Công văn 2644-CV/TU của Tỉnh ủy Ninh Bình, 29/07/2020\n")


def test_word_file(tmp_path: Path) -> None:
    document = docx.Document()
    for line in fixture("chi-thi-ubnd.txt").split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "chi-thi.docx"
    path.write_bytes(buffer.getvalue())
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["number"] == "05/CT-UBND"


@pytest.mark.parametrize(
    ("name", "data", "key"),
    [
        ("trong.txt", b"", "directive.error.empty"),
        ("anh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "directive.error.binary"),
        ("banh-chung.txt", fixture("khong-phai-van-ban.txt").encode(), "directive.error.not_directive"),
        ("chi-thi.pdf", b"%PDF-1.4", "directive.error.corrupt_pdf"),
        ("hong.docx", b"PK\x03\x04 broken", "directive.error.corrupt"),
    ],
)
@pytest.mark.parametrize("command", ["parse", "summarize"])
def test_bad_files_exit_with_code_2_and_a_vietnamese_reason(
    tmp_path: Path, command: str, name: str, data: bytes, key: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = runner.invoke(app, [command, str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == t(key) + "\n"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "khong-co.txt"
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 2
    assert result.stderr == t("directive.error.unreadable", path=path) + "\n"


def test_help_is_vietnamese() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert t("directive.cli.parse") in result.stdout
    assert t("directive.cli.summarize") in result.stdout
