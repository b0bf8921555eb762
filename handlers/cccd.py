"""Citizen ID (CCCD) checks: 12 digits, province-of-birth code, and the sex/century digit."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.text import is_number

# Province codes of the 63-province map used in the first three digits.
BIRTH_PROVINCES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
    "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
    "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
    "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định", "037": "Ninh Bình",
    "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị",
    "046": "Thừa Thiên Huế", "048": "Đà Nẵng", "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định",
    "054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng", "070": "Bình Phước",
    "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai", "077": "Bà Rịa – Vũng Tàu",
    "079": "TP Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh",
    "086": "Vĩnh Long", "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ",
    "093": "Hậu Giang", "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}

# Fourth digit: (first century year, male digit); the female digit is the male digit plus one.
_CENTURIES = {0: 1900, 2: 2000, 4: 2100, 6: 2200, 8: 1800}


@dataclass(frozen=True)
class CccdProblem:
    """Why an ID number was refused: a message key and its parameters."""

    key: str
    params: dict[str, str]


def check_cccd(number: str, birth_year: int | None, gender: str | None) -> CccdProblem | None:
    """None when ``number`` is a plausible CCCD for that birth year and gender, else the problem."""
    if len(number) != 12 or not is_number(number):
        return CccdProblem("cccd.bad_format", {})
    if number[:3] not in BIRTH_PROVINCES:
        return CccdProblem("cccd.bad_province", {"code": number[:3]})
    digit = int(number[3])
    century = _CENTURIES[digit - digit % 2]
    encoded_year = century + int(number[4:6])
    encoded_gender = "female" if digit % 2 else "male"
    if birth_year is not None and encoded_year != birth_year:
        return CccdProblem("cccd.year_mismatch", {"encoded": str(encoded_year), "given": str(birth_year)})
    if gender in ("male", "female") and gender != encoded_gender:
        return CccdProblem("cccd.gender_mismatch", {})
    return None
