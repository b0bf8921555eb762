"""Benchmark: accuracy on the answers corpus per step kind, and the time per match.

Prints, for every step kind of tests/data/answers/*.tsv, rows and accuracy; the time of one engine
step on those rows (p50/p99); and the time of one address resolution (new and old names, exact and
near, all 63 former provinces), p50/p99 in wall time and in CPU time of the one thread (which other
processes on a shared machine do not inflate), with the target p99 < 2 ms.

Run: .venv/bin/python bench/understanding.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from handlers.flow import Ok  # noqa: E402
from handlers.matching import warm  # noqa: E402
from handlers.matching.addresses import FROM, answer_province  # noqa: E402
from handlers.matching.former import COMMUNE, PROVINCE  # noqa: E402
from handlers.matching.places import Scope, resolve  # noqa: E402
from tests.answer_corpus import agrees, load, meaning  # noqa: E402


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def _addresses(rows: list) -> list[tuple[str, Scope, str]]:
    """Every address of the corpus as one resolution: province question, or commune question in its province."""
    queries = []
    for row in rows:
        if row.kind == "province":
            queries.append((row.text, Scope(), PROVINCE))
        elif row.kind == "commune":
            before = answer_province(row.before, "province", "commune")
            if isinstance(before, Ok):
                queries.append((row.text, Scope(before.value, before.extra.get("province" + FROM)), COMMUNE))
    return queries


def main(repeat: int) -> None:
    started = time.perf_counter()
    warm()
    print(f"maps and name indexes loaded in {time.perf_counter() - started:.2f} s")
    rows = load()
    by_kind: dict[str, list[bool]] = defaultdict(list)
    step_times = []
    for row in rows:
        began = time.perf_counter()
        got = meaning(row)
        step_times.append(time.perf_counter() - began)
        by_kind[row.kind].append(agrees(row, got))
    print(f"{'step kind':<16} {'rows':>5} {'accuracy':>9}")
    for kind, results in sorted(by_kind.items()):
        print(f"{kind:<16} {len(results):>5} {100 * sum(results) / len(results):>8.1f}%")
    total = [ok for results in by_kind.values() for ok in results]
    print(f"{'all':<16} {len(total):>5} {100 * sum(total) / len(total):>8.1f}%")
    p50, p99 = _percentiles(step_times)
    print(f"one corpus row through the engine (1-2 steps): p50 {p50 * 1e3:.3f} ms, p99 {p99 * 1e3:.3f} ms")
    queries = _addresses(rows)
    samples, cpu = [], []
    for _ in range(repeat):
        for text, scope, wanted in queries:
            began, began_cpu = time.perf_counter(), time.thread_time()
            resolve(text, scope, wanted)
            cpu.append(time.thread_time() - began_cpu)
            samples.append(time.perf_counter() - began)
    p50, p99 = _percentiles(samples)
    print(f"one address resolution ({len(queries)} addresses x {repeat}), wall: p50 {p50 * 1e3:.3f} ms, "
          f"p99 {p99 * 1e3:.3f} ms (target p99 < 2 ms)")
    p50, p99 = _percentiles(cpu)
    print(f"the same on one core, CPU time (not slowed by other processes): p50 {p50 * 1e3:.3f} ms, "
          f"p99 {p99 * 1e3:.3f} ms")
    print("reproduce: .venv/bin/python bench/understanding.py")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    main(parser.parse_args().repeat)
