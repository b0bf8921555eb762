"""CCCD checks, address search, triage rules and receipt tokens."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import segno
from PIL import Image

from handlers import receipt
from handlers.areas import catalog
from handlers.cccd import check_cccd
from handlers.matching.former import COMMUNE, PROVINCE
from handlers.matching.places import Scope, resolve
from handlers.triage import GREEN, RED, YELLOW, OutbreakArea, TriageInput, triage

SECRET = b"s" * 32
ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "number, year, gender",
    [("001090123456", 1990, "male"), ("079305000001", 2005, "female"), ("037185999999", 1985, "female")],
)
def test_valid_cccd(number: str, year: int, gender: str) -> None:
    assert check_cccd(number, year, gender) is None


@pytest.mark.parametrize(
    "number, year, gender, key",
    [
        ("00109012345", 1990, "male", "cccd.bad_format"),
        ("00109012345a", 1990, "male", "cccd.bad_format"),
        ("003090123456", 1990, "male", "cccd.bad_province"),
        ("001095123456", 1990, "male", "cccd.year_mismatch"),
        ("001290123456", 1990, "male", "cccd.year_mismatch"),
        ("001190123456", 1990, "male", "cccd.gender_mismatch"),
    ],
)
def test_invalid_cccd(number: str, year: int, gender: str, key: str) -> None:
    problem = check_cccd(number, year, gender)
    assert problem is not None and problem.key == key


def test_catalog_has_the_july_2025_map() -> None:
    areas = catalog()
    assert len(areas.provinces) == 34
    assert sum(len(group) for group in areas.communes.values()) == 3321


@pytest.mark.parametrize("query", ["yen my", "Yên Mỹ", "YEN MY", "xa yen my"])
def test_commune_search_with_and_without_diacritics(query: str) -> None:
    found = resolve(query, Scope("33"), COMMUNE)
    assert found.exact and [area.name for area in found.units] == ["Xã Yên Mỹ"]


@pytest.mark.parametrize("query, name", [("ha noi", "Thành phố Hà Nội"), ("hcm", "Thành phố Hồ Chí Minh"),
                                          ("sai gon", "Thành phố Hồ Chí Minh"), ("nghe an", "Nghệ An")])
def test_province_search(query: str, name: str) -> None:
    assert resolve(query, Scope(), PROVINCE).units[0].name == name


def test_unknown_commune_finds_nothing() -> None:
    assert resolve("khong co xa nay", Scope("33"), COMMUNE).units == []


def _input(symptoms=(), exposures=(), visits=()) -> TriageInput:  # type: ignore[no-untyped-def]
    return TriageInput(frozenset(symptoms), frozenset(exposures), tuple(v[0] for v in visits),
                       tuple(v[1] for v in visits))


@pytest.mark.parametrize(
    "answers, level",
    [
        (_input(), GREEN),
        (_input(symptoms=["fever"]), YELLOW),
        (_input(exposures=["contact_suspected"]), YELLOW),
        (_input(exposures=["outbreak_area"]), YELLOW),
        (_input(exposures=["contact_confirmed"]), RED),
        (_input(exposures=["same_place"]), YELLOW),  # an exposure notice alone: at the same venue and time
        (_input(symptoms=["fever"], exposures=["same_place"]), RED),
        (_input(symptoms=["cough"], exposures=["contact_suspected"]), RED),
        (_input(symptoms=["cough"], visits=[("12052", "33")]), RED),
        (_input(visits=[("12052", "33")]), YELLOW),
        (_input(symptoms=["cough"], visits=[("00070", "01")]), YELLOW),
    ],
)
def test_triage_rules(answers: TriageInput, level: str) -> None:
    listed = [OutbreakArea("33", date(2026, 11, 1))]
    assert triage(answers, listed, date(2026, 11, 22)).level == level


def test_ended_outbreak_area_no_longer_counts() -> None:
    listed = [OutbreakArea("12052", date(2026, 10, 1), date(2026, 11, 1))]
    result = triage(_input(symptoms=["fever"], visits=[("12052", "33")]), listed, date(2026, 11, 22))
    assert result.level == YELLOW and result.reasons == ("triage.reason.symptoms",)


def test_receipt_token_round_trip() -> None:
    token = receipt.sign("ABCDEFGH", NOW, SECRET)
    assert len(token) == receipt.TOKEN_LENGTH and token.replace("-", "").replace("_", "").isalnum()
    check = receipt.verify(token, SECRET, NOW + timedelta(hours=23), 24)
    assert check.status == "valid" and check.code == "ABCDEFGH"


def test_receipt_token_expires_after_24_hours() -> None:
    token = receipt.sign("ABCDEFGH", NOW, SECRET)
    assert receipt.verify(token, SECRET, NOW + timedelta(hours=24, seconds=1), 24).status == "expired"


def test_tampered_or_forged_tokens_are_refused() -> None:
    token = receipt.sign("ABCDEFGH", NOW, SECRET)
    flipped = token[:5] + ("A" if token[5] != "A" else "B") + token[6:]
    assert receipt.verify(flipped, SECRET, NOW, 24).status == "forged"
    assert receipt.verify(token, b"other" * 8, NOW, 24).status == "forged"
    for junk in ("", "abc", "!" * 32, token + "A"):
        assert receipt.verify(junk, SECRET, NOW, 24).status == "forged"


@pytest.mark.parametrize("content", ["v_x", "https://t.me/khaibao_bot?start=v_" + "Ab9_-" * 6 + "xy"])
def test_qr_png_is_segnos_code_pixel_for_pixel(content: str) -> None:
    ours = Image.open(io.BytesIO(receipt.qr_png(content, scale=4)))
    reference = io.BytesIO()
    segno.make(content, error="m", mask=receipt.QR_MASK).save(reference, kind="png", scale=4, border=receipt.QR_BORDER)
    theirs = Image.open(reference)
    assert ours.size == theirs.size and ours.size[0] % 4 == 0
    assert ours.convert("L").tobytes() == theirs.convert("L").tobytes()


@pytest.fixture(scope="session")
def scan() -> Callable[[bytes], list[str]]:
    """A QR reader (zbar, which scripts/test-zbar.sh installs when missing): the texts found in a PNG."""
    found = subprocess.run([str(ROOT / "scripts" / "test-zbar.sh")], capture_output=True, text=True, check=False)
    if found.returncode != 0:
        raise RuntimeError(f"could not install zbar for the tests:\n{found.stderr}")
    from pyzbar.pyzbar import decode

    return lambda png: [symbol.data.decode() for symbol in decode(Image.open(io.BytesIO(png)))]


def test_receipt_qr_codes_scan_back_to_their_deep_link(scan: Callable[[bytes], list[str]]) -> None:
    for number in range(60):
        token = receipt.sign(receipt.new_code(), NOW + timedelta(minutes=number), SECRET)
        content = receipt.qr_content(token, "khaibao_bot")
        assert scan(receipt.qr_png(content)) == [content]


def test_qr_deep_link() -> None:
    assert receipt.qr_content("TOKEN", "khaibao_bot") == "https://t.me/khaibao_bot?start=v_TOKEN"
    assert receipt.qr_content("TOKEN", None) == "v_TOKEN"


def test_codes_avoid_confusable_characters() -> None:
    codes = {receipt.new_code() for _ in range(200)}
    assert len(codes) == 200 and not any(ch in code for code in codes for ch in "01ILOU")
