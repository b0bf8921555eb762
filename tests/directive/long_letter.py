"""A long letter of our own (about 14,000 characters) for paste tests, and a chat platform's way of splitting it."""

from __future__ import annotations

HEADER = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 412/UBND-KGVX
V/v tăng cường phòng, chống dịch sốt xuất huyết mùa mưa

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Ninh, ngày 12 tháng 7 năm 2024

Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.

Ủy ban nhân dân tỉnh yêu cầu các địa phương thực hiện tốt các nội dung sau:
"""
ITEM = ("Ủy ban nhân dân xã số {n} tổ chức chiến dịch diệt lăng quăng, bọ gậy tại từng hộ gia đình trong thôn, "
        "vận động người dân úp ngược các vật dụng chứa nước, thả cá vào bể nước sinh hoạt và phát quang bụi rậm "
        "quanh nhà; trạm y tế xã theo dõi sát số ca sốt, hướng dẫn người bệnh đến cơ sở y tế khám kịp thời.")
CLOSING = """{n}. Sở Y tế tổng hợp tình hình dịch bệnh, báo cáo Ủy ban nhân dân tỉnh trước thứ Sáu hằng tuần./.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn Minh
"""
ITEMS = 40


def long_letter() -> str:
    """The letter: header, 40 numbered items, a weekly report duty, the closing."""
    items = "\n".join(f"{n}. {ITEM.format(n=n)}" for n in range(1, ITEMS + 1))
    return f"{HEADER}{items}\n{CLOSING.format(n=ITEMS + 1)}"


def split_like_a_chat(text: str, limit: int = 4096) -> list[str]:
    """Parts of at most ``limit`` characters cut at line breaks, as chat apps split a long paste."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        if current and len(current) + 1 + len(line) > limit:
            parts.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    return [*parts, current]
