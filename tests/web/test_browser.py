"""The web console in a real browser: Debian's Chromium driven by Playwright against the console served by uvicorn.

Chromium comes from scripts/test-chromium.sh (Debian's package, installed when missing); Playwright never
downloads a browser. Screenshots of the main pages go to the test's temporary folder.
"""

from __future__ import annotations

import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from starlette.applications import Starlette

from bot.channels import registry
from bot.clock import utc_now
from bot.conversation.service import ConversationService
from bot.delivery.service import DeliveryService
from bot.settings import Settings, load_settings
from bot.web.app import routes
from storage.db import Database
from tests.conftest import SECRET
from tests.delivery.people import add_people
from tests.fakes.fake_telegram import running_fake_telegram
from tests.fakes.serve import free_port, serving
from tests.venues.conftest import poster_font  # noqa: F401  (venues print posters)
from tests.venues.people import SELF_GREEN, add_official, exposure_notices, registered, venue_of
from tests.web.helpers import COMMUNE_A, COMMUNE_B, PROVINCE, declarations, link_for, staff_member

ROOT = Path(__file__).resolve().parents[2]
playwright_api = pytest.importorskip("playwright.async_api", reason="playwright is not installed (make .venv)")


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium, installed by the project's script; the tests skip only when it cannot be had."""
    found = subprocess.run([str(ROOT / "scripts" / "test-chromium.sh")], capture_output=True, text=True, check=False)
    if found.returncode != 0 or not found.stdout.strip():
        pytest.skip(f"Debian's chromium could not be installed: {found.stderr.strip()[-200:]}")
    return found.stdout.strip().splitlines()[-1]


@pytest.fixture
async def browser(chromium: str) -> AsyncIterator[Any]:
    async with playwright_api.async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=chromium, headless=True,
                                                    args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield launched
        await launched.close()


@pytest.fixture
async def console(db_url: str, tmp_path: Path) -> AsyncIterator[tuple[str, Database, Settings]]:
    """The console on a local port, with the database and settings behind it (real clock, no quiet hours)."""
    port = free_port()
    settings = load_settings(DATABASE_URL=db_url, KHAIBAO_SECRET_KEY=SECRET, KHAIBAO_DATA_DIR=str(tmp_path / "data"),
                             KHAIBAO_ADMINS="console:admin", QUIET_HOURS="off",
                             PUBLIC_BASE_URL=f"http://127.0.0.1:{port}")
    database = Database(db_url)
    async with serving(Starlette(routes=routes(database, settings, utc_now)), port) as base:
        yield base, database, settings
    await database.dispose()


async def _sign_in(browser: Any, base: str, path: str) -> Any:
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = await context.new_page()
    await page.goto(base + path)
    await page.click("#sign-in")
    await page.wait_for_url(base + "/web/")
    return page


async def test_an_official_works_through_the_console(browser: Any, console: Any, tmp_path: Path) -> None:
    base, database, settings = console
    now = utc_now()
    await staff_member(database, "off-a", "official", COMMUNE_A, now)
    mine = await declarations(database, COMMUNE_A, 6, now, prefix="A")
    await declarations(database, COMMUNE_A, 4, now, prefix="G", level="green")
    theirs = await declarations(database, COMMUNE_B, 2, now, prefix="B")
    path = await link_for(database, settings, "off-a", now)

    page = await _sign_in(browser, base, path)
    assert "Phường Hồng Hà" in await page.inner_text("h1")
    assert await page.inner_text("#new-red") == "6"
    await page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)

    await page.click("text=Tờ khai")
    await page.select_option("#level", "green")
    await page.click("#filters button[type=submit]")
    rows = await page.locator("#declarations tbody tr").count()
    assert rows == 4 and "level=green" in page.url
    assert await page.locator("#declarations td.green").count() == 4
    await page.screenshot(path=str(tmp_path / "declarations.png"), full_page=True)

    await page.goto(base + "/web/alerts")
    first = page.locator("#alerts tbody tr").first
    await first.locator("button", has_text="Tiếp nhận").click()
    await page.wait_for_selector(".flash")
    assert "Đã tiếp nhận cảnh báo" in await page.inner_text(".flash")
    await page.goto(base + "/web/alerts?show=all")
    assert "Đã tiếp nhận: Cán Bộ off-a" in await page.inner_text("#alerts")
    await page.screenshot(path=str(tmp_path / "alerts.png"), full_page=True)

    answer = await page.goto(base + f"/web/declarations/{theirs[0]}")
    assert answer.status == 404 and "Không tìm thấy" in await page.inner_text("h1")
    answer = await page.goto(base + f"/web/declarations/{mine[0]}")
    assert answer.status == 200

    forged = await page.request.post(base + "/web/alerts/1/ack", form={"note": "no token"})
    assert forged.status == 403

    again = await (await browser.new_context()).new_page()
    answer = await again.goto(base + path)
    assert answer.status == 410 and "đã được dùng" in await again.inner_text("main")

    await page.click("text=Đăng xuất")
    assert "Đã đăng xuất" in await page.inner_text("h1")
    assert (await page.goto(base + "/web/")).status == 401


async def test_an_admin_sends_a_broadcast_and_watches_it_finish(browser: Any, console: Any, tmp_path: Path) -> None:
    base, database, settings = console
    now = utc_now()
    await add_people(database, 40)  # telegram citizens of Xã Yên Mỹ, Hưng Yên (province 33)
    await staff_member(database, "prov", "official", PROVINCE, now)
    await declarations(database, COMMUNE_A, 5, now, prefix="A")
    await declarations(database, COMMUNE_B, 2, now, prefix="B", level="yellow")

    province = await _sign_in(browser, base, await link_for(database, settings, "prov", now))
    assert await province.locator("#map circle").count() >= 2
    await province.screenshot(path=str(tmp_path / "province-overview.png"), full_page=True)

    async with running_fake_telegram() as fake:
        on_fake = settings.model_copy(update={"telegram_bot_token": SecretStr(fake.token),
                                              "telegram_api_base_url": fake.base_url})
        delivery = DeliveryService(database, on_fake, registry.outlets(on_fake), planner_period=0.2)
        await delivery.start()
        try:
            page = await _sign_in(browser, base, await link_for(database, settings, "admin", now))
            await page.click("text=Thông báo")
            await page.fill("#text", "Từ ngày mai, mời bà con đi tiêm nhắc lại tại trạm y tế xã từ 7 giờ đến 17 giờ.")
            await page.click("#compose button[type=submit]")
            assert "Nội dung người dân sẽ đọc" in await page.inner_text("main")
            await page.check("input[name=kind][value=area]")
            await page.select_option("#area", "33")
            await playwright_api.expect(page.locator("#reach")).to_contain_text("40")
            await page.screenshot(path=str(tmp_path / "compose.png"), full_page=True)
            await page.click("#send-button")
            await page.wait_for_selector("#progress")
            await playwright_api.expect(page.locator("#progress")).to_have_attribute("data-status", "done",
                                                                                       timeout=30_000)
            assert await page.inner_text("[data-field=sent]") == "40"
            assert await page.inner_text("[data-field=status-text]") == "Đã gửi xong"
            await page.screenshot(path=str(tmp_path / "broadcast.png"), full_page=True)
        finally:
            await delivery.stop()
        assert len(fake.calls_to("sendMessage")) >= 40

    await page.goto(base + "/web/admin/audit?action=broadcast.")
    assert "broadcast.create" in await page.inner_text("#audit")
    for name in ("staff", "outbreak", "schedules", "retention", "sessions"):
        answer = await page.goto(base + f"/web/admin/{name}")
        assert answer.status == 200, name
    await page.screenshot(path=str(tmp_path / "sessions.png"), full_page=True)
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto(base + "/web/")
    await page.screenshot(path=str(tmp_path / "admin-phone.png"), full_page=True)


async def test_an_official_opens_the_venues_and_marks_a_case(browser: Any, console: Any, tmp_path: Path) -> None:
    base, database, settings = console
    service = ConversationService(database, settings.model_copy(update={"telegram_bot_username": "khaibao_bot"}),
                                  clock=utc_now, outbreak_ttl=0)
    market = await venue_of(service)  # in Xã Yên Mỹ, Hưng Yên (12052)
    case = await registered(service, "case", "le thi benh", "0900000001")
    near = await registered(service, "near", "pham van gan", "0900000002")
    for chat in (case, near):
        await chat.say_all(f"/checkin {market}", "1")
    receipt = await case.say_all("/khaibao", *SELF_GREEN)
    code = receipt.split("Mã khai báo: ", 1)[1][:8]
    await add_official(service, database, "12052", 1)

    page = await _sign_in(browser, base, await link_for(database, settings, "10001", utc_now()))
    await page.click("nav >> text=Địa điểm check-in")
    row = page.locator("#venues tbody tr", has_text=market)
    assert "Cho Yen My" in await row.inner_text() and await row.locator("strong").inner_text() == "2"
    assert "Le Thi Benh" not in await page.inner_text("main")
    await page.screenshot(path=str(tmp_path / "venues.png"), full_page=True)

    await page.click("nav >> text=Ca bệnh")
    await page.fill("#code", code)
    await page.fill("#days", "7")
    await page.click("#mark-case button[type=submit]")
    await page.wait_for_selector(".flash")
    assert "Đã đánh dấu ca bệnh" in await page.inner_text(".flash")
    cells = page.locator("#cases tbody tr").first.locator("td")
    assert await cells.nth(0).inner_text() == code and await cells.nth(4).inner_text() == "1"
    assert "Cho Yen My" in await cells.nth(3).inner_text()
    await page.screenshot(path=str(tmp_path / "cases.png"), full_page=True)
    assert [row["external_id"] for row in await exposure_notices(database)] == ["near"]
