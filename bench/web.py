"""Benchmark: the web console on PostgreSQL with many declarations, 20 concurrent sessions, and a large export.

Run: .venv/bin/python bench/web.py [--declarations 1000000] [--communes 3000] [--sessions 20] [--rounds 15]
     [--export-rows 100000]

PostgreSQL comes from scripts/test-postgres.sh (Debian's package, a throw-away cluster). A fresh database is
filled inside the server with generate_series (people, declarations spread over the last 30 days and over
``--communes`` communes, alerts, monitorings), so a million rows take seconds. The console then runs in its own
process (uvicorn), and ``--sessions`` signed-in browsers (commune officials, province officials, admins) each
request every page ``--rounds`` times at once: overview, declarations (first page, next page by keyset, filtered
by level and commune, searched by code), alerts, community reports, monitoring, reporting rounds. Prints p50/p95
per page. Finally an admin exports ``--export-rows`` filtered declarations (.xlsx and CSV); the server's peak RSS
(VmHWM, reset just before) shows whether the export streams in flat memory.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import httpx
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.commands.console_access import token_hash  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from bot.web.auth import COOKIE, sign  # noqa: E402
from handlers.areas import catalog  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.migrate import migrate  # noqa: E402
from tests import postgres_server  # noqa: E402
from tests.fakes.serve import free_port  # noqa: E402

SECRET = "bench-web-secret-key-that-is-long-enough-0123456789"
NAME = "khaibao_bench_web"
P95_TARGET_MS = 300.0


async def build(url: str, declarations: int, communes: int, sessions: int) -> tuple[float, list[dict[str, Any]]]:
    """Fill a fresh database in SQL; the seconds it took and the sessions' holders."""
    started = time.perf_counter()
    database = Database(url)
    await migrate(database)
    chosen = list(catalog().all_communes[:communes])
    people = max(declarations // 20, 1000)
    now = datetime.now(UTC)
    async with database.engine.begin() as connection:
        await connection.execute(text("CREATE TEMP TABLE pick (n int PRIMARY KEY, code text, province text)"))
        await connection.execute(text("INSERT INTO pick VALUES (:n, :code, :province)"),
                                 [{"n": n, "code": unit.code, "province": unit.province_code}
                                  for n, unit in enumerate(chosen)])
        await connection.execute(text(f"""
            INSERT INTO person (channel, external_id, full_name, birth_year, gender, phone, province_code,
                                commune_code, street, consent_at, role, locale, active, created_at, updated_at)
            SELECT 'telegram', (100000 + i)::text, 'Nguyễn Văn ' || i, 1980 + i % 40, 'male',
                   '+8491' || lpad(i::text, 7, '0'),
                   p.province, p.code, 'Số ' || i, :now, 'citizen', 'vi', true, :now, :now
            FROM generate_series(0, {people - 1}) AS i JOIN pick p ON p.n = i % {len(chosen)}"""), {"now": now})
        await connection.execute(text(f"""
            INSERT INTO declaration (code, person_id, created_at, valid_until, for_self, subject_name, province_code,
                                     commune_code, risk_level, reasons, answers)
            SELECT 'W' || lpad(i::text, 8, '0'), 1 + i % {people},
                   CAST(:now AS timestamptz) - make_interval(secs => (i::bigint * 2593) % (30 * 86400)),
                   CAST(:now AS timestamptz) + interval '1 day', i % 10 <> 0, 'Nguyễn Văn ' || (i % {people}),
                   p.province, p.code,
                   (ARRAY['green','green','green','yellow','red'])[1 + i % 5],
                   CASE WHEN i % 5 = 4 THEN '["symptoms"]'::json ELSE '[]'::json END, '{{}}'::json
            FROM generate_series(0, {declarations - 1}) AS i JOIN pick p ON p.n = (i / 7) % {len(chosen)}"""),
                                 {"now": now})
        await connection.execute(text("""
            INSERT INTO alert (kind, commune_code, declaration_id, created_at)
            SELECT 'declaration', commune_code, id, created_at FROM declaration
            WHERE risk_level = 'red' AND id % 20 = 4"""))
        await connection.execute(text(f"""
            INSERT INTO monitoring (person_id, commune_code, declaration_code, starts_at, ends_at, placed_by)
            SELECT person_id, commune_code, code, created_at, created_at + interval '14 days', 1
            FROM declaration WHERE risk_level = 'red' AND id % {max(declarations // 20000, 1) * 10} = 4"""))
        holders = []
        for number in range(sessions):
            unit = chosen[number * 7 % len(chosen)]
            kind = ("commune", "province", "admin")[number % 3] if number % 10 else "admin"
            area = {"commune": unit.code, "province": unit.province_code, "admin": None}[kind]
            external = "admin" if kind == "admin" else f"official-{number}"
            person_id = None
            if kind != "admin":
                person_id = (await connection.execute(text("""
                    INSERT INTO person (channel, external_id, full_name, role, area_code, locale, active, created_at,
                                        updated_at) VALUES ('console', :id, 'Cán bộ', 'official', :area, 'vi', true,
                                        :now, :now) RETURNING id"""), {"id": external, "area": area, "now": now}
                                                 )).scalar_one()
            token = secrets.token_urlsafe(32)
            await connection.execute(text("""
                INSERT INTO web_session (token_hash, identity, person_id, role, area_code, csrf, created_at, seen_at)
                VALUES (:hash, :identity, :person, :role, :area, 'x', :now, :now)"""),
                {"hash": token_hash(token), "identity": f"console:{external}", "person": person_id, "role":
                 "admin" if kind == "admin" else "official", "area": area, "now": now})
            holders.append({"kind": kind, "area": area, "token": token})
        await connection.execute(text("ANALYZE"))
    await database.dispose()
    return time.perf_counter() - started, holders


def serve(url: str, port: int) -> None:
    """Run the console alone (the benchmark's server process)."""
    import uvicorn
    from starlette.applications import Starlette

    from bot.web.app import routes

    settings = load_settings()
    app = Starlette(routes=routes(Database(url), settings))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def pages(holder: dict[str, Any]) -> dict[str, str]:
    """The pages one session requests each round."""
    commune = holder["area"] if holder["kind"] == "commune" else next(
        unit.code for unit in catalog().all_communes if holder["area"] is None or unit.province_code == holder["area"])
    return {
        "overview": "/web/", "declarations": "/web/declarations",
        "declarations_filtered": f"/web/declarations?level=red&commune={commune}" if holder["kind"] != "commune"
        else "/web/declarations?level=red&whom=other",
        "declarations_code": "/web/declarations?code=W0000" if holder["kind"] != "admin"
        else f"/web/declarations?commune={commune}&code=W0000",
        "alerts": "/web/alerts", "reports": "/web/reports", "monitoring": "/web/monitoring", "rounds": "/web/rounds",
    }


async def session_load(base: str, holder: dict[str, Any], cookie: str, rounds: int,
                       timings: dict[str, list[float]], think: float = 0.0) -> None:
    """One signed-in browser asking for every page ``rounds`` times (aiohttp: a light client, so the
    server, not the load generator, gets the machine)."""
    async with aiohttp.ClientSession(base, cookies={COOKIE: cookie}) as http:
        for _ in range(rounds):
            for name, path in pages(holder).items():
                started = time.perf_counter()
                async with http.get(path) as answer:
                    body = await answer.text()
                    assert answer.status == 200, (path, answer.status)
                timings.setdefault(name, []).append((time.perf_counter() - started) * 1000)
                if name == "declarations" and 'class="next"' in body:
                    after = body.split('class="next" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
                    started = time.perf_counter()
                    async with http.get(after) as answer:
                        await answer.read()
                        assert answer.status == 200
                    timings.setdefault("declarations_next", []).append((time.perf_counter() - started) * 1000)
                if think:
                    await asyncio.sleep(random.uniform(0, 2 * think))


def high_water(pid: int) -> float:
    with open(f"/proc/{pid}/status") as handle:
        line = next(line for line in handle if line.startswith("VmHWM"))
    return int(line.split()[1]) / 1024


def reset_high_water(pid: int) -> None:
    with open(f"/proc/{pid}/clear_refs", "w") as handle:
        handle.write("5")


async def export(base: str, cookie: str, pid: int, rows: int, total: int) -> list[str]:
    """Export about ``rows`` declarations (red ones over the days that hold that many) as .xlsx and CSV."""
    days = max(1, min(30, round(30 * rows / max(total / 5, 1))))
    start = (datetime.now(UTC) - timedelta(days=days - 1)).date().isoformat()
    lines = []
    async with httpx.AsyncClient(base_url=base, cookies={COOKIE: cookie}, timeout=600) as http:
        for kind in ("xlsx", "csv"):
            reset_high_water(pid)
            before = high_water(pid)
            started = time.perf_counter()
            size = 0
            async with http.stream("GET", f"/web/declarations?level=red&start={start}&format={kind}") as answer:
                assert answer.status_code == 200
                async for chunk in answer.aiter_bytes():
                    size += len(chunk)
            seconds = time.perf_counter() - started
            lines.append(f"export {kind}: red declarations of the last {days} days (~{rows:,} rows), "
                         f"{size / 1e6:.1f} MB in {seconds:.1f} s; server RSS {before:.0f} MB before, peak "
                         f"{high_water(pid):.0f} MB")
    return lines


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--declarations", type=int, default=1_000_000)
    parser.add_argument("--communes", type=int, default=3000)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--export-rows", type=int, default=100_000)
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean seconds a session waits between pages (0: each asks again at once)")
    args = parser.parse_args()
    server = postgres_server.server_url()
    await postgres_server.admin(server, f"DROP DATABASE IF EXISTS {NAME} WITH (FORCE)")
    await postgres_server.admin(server, f"CREATE DATABASE {NAME}")
    url = server.rsplit("/", 1)[0] + f"/{NAME}"
    seconds, holders = await build(url, args.declarations, args.communes, args.sessions)
    print(f"built {args.declarations:,} declarations over {args.communes:,} communes in {seconds:.1f} s")
    settings = load_settings(KHAIBAO_SECRET_KEY=SECRET, DATABASE_URL=url)
    port = free_port()
    env = {**os.environ, "KHAIBAO_SECRET_KEY": SECRET, "DATABASE_URL": url, "KHAIBAO_ADMINS": "console:admin"}
    process = subprocess.Popen([sys.executable, __file__, "--serve", url, str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/web/static/app.css")
                break
            except httpx.TransportError:
                await asyncio.sleep(0.1)
        timings: dict[str, list[float]] = {}
        cookies = [sign(settings, holder["token"]) for holder in holders]
        await session_load(base, holders[0], cookies[0], 1, {})  # warm-up
        started = time.perf_counter()
        await asyncio.gather(*(session_load(base, holder, cookie, args.rounds, timings, args.think)
                               for holder, cookie in zip(holders, cookies, strict=True)))
        elapsed = time.perf_counter() - started
        count = sum(len(values) for values in timings.values())
        print(f"{args.sessions} concurrent sessions (think time {args.think:g} s), {count:,} page views in "
              f"{elapsed:.1f} s "
              f"({count / elapsed:.0f} pages/s)")
        worst = 0.0
        for name, values in timings.items():
            p95 = statistics.quantiles(values, n=20)[18] if len(values) > 1 else values[0]
            worst = max(worst, p95)
            print(f"  {name:24s} n={len(values):5d}  p50 {statistics.median(values):7.1f} ms  p95 {p95:7.1f} ms")
        verdict = "ok" if worst < P95_TARGET_MS else "MISSED"
        print(f"worst p95 {worst:.1f} ms (target < {P95_TARGET_MS:.0f} ms): {verdict}")
        admin = next(cookie for holder, cookie in zip(holders, cookies, strict=True) if holder["kind"] == "admin")
        for line in await export(base, admin, process.pid, args.export_rows, args.declarations):
            print(line)
    finally:
        process.terminate()
        process.wait(timeout=30)
    print("reproduce: .venv/bin/python bench/web.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--serve":
        serve(sys.argv[2], int(sys.argv[3]))
    else:
        asyncio.run(main())
