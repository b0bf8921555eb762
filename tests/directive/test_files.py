"""Directive files as admins have them: digital and scanned PDFs, photos, saved portal pages, with limits."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli.directive import app
from handlers.directive import DirectiveError, parse_directive
from handlers.directive import document as files
from handlers.directive.document import read_upload
from handlers.directive.summary import t
from tests.directive.renders import digital_pdf, image_bytes, scanned_page, scanned_pdf
from tests.directive.support import fixture

ROOT = Path(__file__).resolve().parents[2]
LETTER = fixture("cong-van-so-y-te.txt")
runner = CliRunner()


@pytest.fixture(scope="module")
def tesseract() -> None:
    """Tesseract with its Vietnamese model, installed by scripts/test-tesseract.sh when missing."""
    found = subprocess.run([str(ROOT / "scripts" / "test-tesseract.sh")], capture_output=True, text=True, check=False)
    if found.returncode != 0:
        pytest.skip(f"Tesseract unavailable: {found.stderr.strip()[-200:]}")


def _letter_fields(text: str) -> tuple[object, ...]:
    directive = parse_directive(text)
    return directive.kind, directive.number, directive.issuer, directive.date.isoformat()


def test_digital_pdf_reads_like_the_typed_letter() -> None:
    upload = read_upload(digital_pdf(LETTER), "cong-van.PDF")
    assert (upload.pages, upload.quality, upload.poor_scan) == (1, None, False)
    assert _letter_fields(upload.text) == _letter_fields(LETTER)


def test_hard_wrapped_pdf_sentences_are_joined() -> None:
    long_item = "1. " + "Các đơn vị tổng hợp số lượt khai báo y tế, " * 6 + "báo cáo Sở Y tế trước thứ Sáu hằng tuần."
    directive = parse_directive(read_upload(digital_pdf(LETTER.replace("1. ", long_item + "\n1. ", 1)), "a.pdf").text)
    assert any(duty.text == long_item[3:] for duty in directive.obligations)


def test_scanned_page_and_photo_go_through_ocr(tesseract: None) -> None:
    page = scanned_page(LETTER)
    for data, name in ((image_bytes(page), "trang.png"), (image_bytes(page.convert("RGB"), "JPEG"), "anh.jpg")):
        upload = read_upload(data, name)
        assert not upload.poor_scan, upload.quality
        assert _letter_fields(upload.text) == _letter_fields(LETTER)


def test_scanned_pdf_pages_go_through_ocr(tesseract: None) -> None:
    upload = read_upload(scanned_pdf([scanned_page(LETTER)]), "ban-quet.pdf")
    assert upload.pages == 1 and upload.quality is not None
    assert _letter_fields(upload.text) == _letter_fields(LETTER)


def test_blurred_small_photo_is_reported_as_a_poor_scan(tesseract: None) -> None:
    upload = read_upload(image_bytes(scanned_page(LETTER, noise=True, scale=0.35), "JPEG"), "mo.jpg")
    assert upload.poor_scan


def test_saved_portal_page_keeps_the_article_only() -> None:
    page = (
        "<html><head><meta charset='utf-8'><title>Cổng</title><script>var x = 1;</script></head><body>"
        "<header><nav><a>Trang chủ</a> <a>Tin tức</a></nav></header><article><h1>Tỉnh yêu cầu khai báo y tế</h1>"
        "<p>Ngày 15/3/2021, UBND tỉnh Hải Dương ban hành Công văn số 812/UBND-VP về phòng, chống dịch.</p>"
        "<p>Theo đó, UBND tỉnh yêu cầu:</p><p>1. Người dân trở về từ vùng có dịch phải khai báo y tế.</p>"
        "<p>2. Sở Y tế tổng hợp, báo cáo UBND tỉnh hằng ngày.</p></article>"
        "<aside>Tin liên quan</aside><footer>Bản quyền thuộc Cổng thông tin</footer></body></html>"
    )
    text = read_upload(page.encode(), "trang.html").text
    assert "var x" not in text and "Trang chủ" not in text and "Bản quyền" not in text
    directive = parse_directive(text)
    assert (directive.number, directive.subject) == ("812/UBND-VP", "Tỉnh yêu cầu khai báo y tế")


@pytest.mark.parametrize(
    ("data", "name", "key"),
    [
        (b"%PDF-1.4 broken", "hong.pdf", "directive.error.corrupt_pdf"),
        (b"\x89PNG not really", "anh.png", "directive.error.corrupt_image"),
        (b"MZ\x90\x00", "chuong-trinh.exe", "directive.error.unsupported"),
        (b"   ", "trong.pdf", "directive.error.empty"),
    ],
)
def test_bad_files_get_a_clear_message(data: bytes, name: str, key: str) -> None:
    with pytest.raises(DirectiveError) as raised:
        read_upload(data, name)
    assert raised.value.message_key == key
    assert t(key)


def test_size_and_page_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_BYTES", 100)
    with pytest.raises(DirectiveError) as raised:
        read_upload(b"x" * 101, "dai.txt")
    assert raised.value.message_key == "directive.error.too_large"
    monkeypatch.undo()
    monkeypatch.setattr("handlers.directive.pdf.MAX_PAGES", 2)
    with pytest.raises(DirectiveError) as raised:
        read_upload(digital_pdf(LETTER * 4, lines_per_page=10), "dai.pdf")
    assert raised.value.message_key == "directive.error.too_many_pages"
    assert "200" in t("directive.error.too_many_pages")


def test_cli_parses_a_pdf_and_a_photo(tmp_path: Path, tesseract: None) -> None:
    pdf_path, photo = tmp_path / "cong-van.pdf", tmp_path / "mo.jpg"
    pdf_path.write_bytes(digital_pdf(LETTER))
    photo.write_bytes(image_bytes(scanned_page(LETTER, noise=True, scale=0.35), "JPEG"))
    result = runner.invoke(app, ["summarize", str(pdf_path)])
    assert result.exit_code == 0 and result.stdout.startswith("Công văn 1234/SYT-NVY của Sở Y tế, 02/04/2021")
    result = runner.invoke(app, ["parse", str(photo)])
    assert t("directive.scan.poor") in result.stderr


def test_scanned_page_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("handlers.directive.pdf.MAX_SCANNED_PAGES", 0)
    with pytest.raises(DirectiveError) as raised:
        read_upload(scanned_pdf([scanned_page(LETTER, scale=0.3)]), "ban-quet.pdf")
    assert raised.value.message_key == "directive.error.too_many_scans"
