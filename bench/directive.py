"""Benchmark: parse and summarise a ~50-page directive (about 150,000 characters) built from the seeds.

Run: .venv/bin/python bench/directive.py [--chars 150000] [--runs 7]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from handlers.directive import parse_directive, summarize  # noqa: E402
from handlers.directive.text import fold_chars  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
CHARS_PER_PAGE = 3_000
MARKER = re.compile(r"^(?:\d{1,2}\s*[.-]|-)\s*")
HEADER = """TỈNH ỦY NINH BÌNH
*
Số 2644 - CV/TU
V/v tăng cường công tác phòng, chống
dịch Covid-19 trong tình hình mới
ĐẢNG CỘNG SẢN VIỆT NAM
Ninh Bình, ngày 29 tháng 7 năm 2020

Kính gửi:
- Các ban cán sự đảng, đảng đoàn ở tỉnh,
- Các huyện ủy, thành ủy, đảng ủy trực thuộc.

Ban Thường vụ Tỉnh ủy yêu cầu thực hiện tốt một số nội dung sau:
"""
CLOSING = """
Giao Ban Tuyên giáo Tỉnh ủy theo dõi, đôn đốc và thường xuyên báo cáo với Ban Thường vụ Tỉnh ủy./.

Nơi nhận:
- Ban Bí thư Trung ương (để b/c),
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Trần Hồng Quảng
"""
ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
ITEMS_PER_SECTION = 20
WEEKDAYS = ("thứ 2", "thứ 3", "thứ 4", "thứ 5", "thứ 6", "thứ 7")


def seed_paragraphs() -> list[str]:
    """The long paragraphs of the seed directives, without item markers, bullets or closing lines."""
    paragraphs = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if len(line) >= 150 and "**" not in line and not line.rstrip().endswith("/."):
                paragraphs.append(MARKER.sub("", line.strip()))
    return paragraphs


def build_directive(target: int) -> str:
    """A long letter: sections of numbered items, each with bullets, some with reporting duties."""
    pool = seed_paragraphs()
    parts = [HEADER]
    size = len(HEADER)
    index = 0
    while size < target:
        section, number = divmod(index, ITEMS_PER_SECTION)
        lines = [f"{ROMANS[section % len(ROMANS)]}. NỘI DUNG PHẦN {section + 1}"] if number == 0 else []
        lines.append(f"{number + 1}. {pool[index % len(pool)]}")
        lines += [f"- {pool[(index * 7 + offset) % len(pool)]}" for offset in (3, 5)]
        if index % 4 == 0:
            weekday = WEEKDAYS[index % len(WEEKDAYS)]
            lines.append(f"- Sở Y tế tổng hợp kết quả đợt {index + 1}, báo cáo UBND tỉnh trước {weekday} hàng tuần.")
        block = "\n".join(lines) + "\n"
        parts.append(block)
        size += len(block)
        index += 1
    parts.append(CLOSING)
    return "\n".join(parts)


def main(chars: int, runs: int) -> None:
    text = build_directive(chars)
    summarize(parse_directive(text))
    timings = []
    for _ in range(runs):
        fold_chars.cache_clear()  # each run starts cold, as a new document does
        start = time.perf_counter()
        directive = parse_directive(text)
        summarize(directive)
        timings.append((time.perf_counter() - start) * 1000)
    print(
        f"parse + summarize of a {len(text):,}-character directive (~{len(text) // CHARS_PER_PAGE} pages, "
        f"{len(directive.items)} items, {len(directive.obligations)} reporting duties): "
        f"median {statistics.median(timings):.1f} ms over {runs} runs (min {min(timings):.1f} ms)"
    )
    print(f"reproduce: .venv/bin/python bench/directive.py --chars {chars} --runs {runs}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=150_000)
    parser.add_argument("--runs", type=int, default=7)
    arguments = parser.parse_args()
    main(arguments.chars, arguments.runs)
