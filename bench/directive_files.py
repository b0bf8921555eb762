"""Benchmark: a 50-page digital PDF read, parsed and summarised; one scanned A4 page through OCR on one core.

Run: .venv/bin/python bench/directive_files.py [--pages 50] [--runs 5] [--scans 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract on one core, as the target says
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from handlers.directive import parse_directive, summarize  # noqa: E402
from handlers.directive.document import read_upload  # noqa: E402
from handlers.directive.text import fold_chars  # noqa: E402
from tests.directive.renders import digital_pdf, image_bytes, scanned_page, wrapped  # noqa: E402
from tests.directive.support import fixture  # noqa: E402

LINES_PER_PAGE = 48
ITEMS_PER_SECTION = 20
ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


def long_directive(pages: int) -> str:
    """A letter of ``pages`` pages: the fixture letter's header, then its items repeated as numbered items."""
    header, _, rest = fixture("cong-van-so-y-te.txt").partition("1. ")
    items = [line.split(". ", 1)[1] for line in ("1. " + rest).split("\n") if line[:1].isdigit() and ". " in line]
    body, number = [], 0
    while len(wrapped(header + "\n".join(body))) < pages * LINES_PER_PAGE:
        section, item = divmod(number, ITEMS_PER_SECTION)
        if item == 0:
            body.append(f"{ROMANS[section % len(ROMANS)]}. NỘI DUNG PHẦN {section + 1}")
        body.append(f"{item + 1}. {items[number % len(items)]} Đơn vị báo cáo kết quả đợt {number + 1} "
                    f"trước thứ Sáu hằng tuần.")
        number += 1
    return header + "\n".join(body) + "\n"


def main(pages: int, runs: int, scans: int) -> None:
    data = digital_pdf(long_directive(pages), LINES_PER_PAGE)
    timings = []
    for _ in range(runs):
        fold_chars.cache_clear()  # each run starts cold, as a new document does
        start = time.perf_counter()
        upload = read_upload(data, "van-ban.pdf")
        directive = parse_directive(upload.text)
        summarize(directive)
        timings.append(time.perf_counter() - start)
    print(f"digital PDF, {upload.pages} pages ({len(data) // 1024} KiB, {len(directive.items)} items, "
          f"{len(directive.obligations)} duties): read + parse + summarise "
          f"median {1000 * statistics.median(timings):.0f} ms "
          f"(min {1000 * min(timings):.0f} ms) over {runs} runs")
    page = image_bytes(scanned_page(fixture("cong-van-so-y-te.txt") * 3))
    ocr_times = []
    for _ in range(scans):
        start = time.perf_counter()
        recognised = read_upload(page, "trang-quet.png")
        ocr_times.append(time.perf_counter() - start)
    median = statistics.median(ocr_times)
    print(f"scanned A4 page at 300 dpi, OCR (tesseract vie, OMP_THREAD_LIMIT={os.environ['OMP_THREAD_LIMIT']}): "
          f"median {median:.2f} s over {scans} pages = {60 / median:.1f} pages per minute; "
          f"confidence {recognised.quality:.0f}")
    print(f"reproduce: .venv/bin/python bench/directive_files.py --pages {pages} --runs {runs} --scans {scans}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scans", type=int, default=3)
    arguments = parser.parse_args()
    main(arguments.pages, arguments.runs, arguments.scans)
