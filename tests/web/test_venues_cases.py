"""The venues and cases pages over HTTP: an area's venues with their counts (404 for another area's), suspend and
reopen with CSRF, and a case marked from the console telling exactly the overlapping people once, as /cabenh does."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest

from bot.settings import Settings, load_settings
from storage import listing, venues
from storage.models import AuditEntry, ExposureCase, Venue
from tests.conftest import SECRET
from tests.language.english import vietnamese_left
from tests.transcript import Chat
from tests.venues.conftest import poster_font  # noqa: F401  (the venues print posters)
from tests.venues.people import SELF_GREEN, add_official, exposure_notices, registered, rows, venue_of
from tests.web.helpers import app, client, link_for, signed_in, staff_member

SHOP = ("/diadiem", "Cua hang Hao", "cua hang", "hung yen", "my hao", "so 1 pho chinh", "bo qua", "1")


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    """The shared test settings with the bot's Telegram name (the posters' QR)."""
    return load_settings(DATABASE_URL=db_url, KHAIBAO_SECRET_KEY=SECRET, KHAIBAO_DATA_DIR=str(tmp_path / "data"),
                         KHAIBAO_ADMINS="console:admin,telegram:1", TELEGRAM_BOT_USERNAME="khaibao_bot")


async def _at(chat: Chat, clock, minutes_after_nine: int, code: str) -> None:  # type: ignore[no-untyped-def]
    """Check in at 09:00 + minutes (Hanoi time) on the test day."""
    start = clock.now
    clock.now = start.replace(hour=2, minute=0) + timedelta(minutes=minutes_after_nine)
    await chat.say_all(f"/checkin {code}", "1")
    clock.now = start


async def _scene(service, clock) -> tuple[str, str, str, dict[str, Chat]]:  # type: ignore[no-untyped-def]
    """A market in Yên Mỹ and a shop in Mỹ Hào; the case at both, near (and edge) at the same time, far later.
    The market's code, the shop's, the case's declaration code, and the chats."""
    market = await venue_of(service)
    shop = await venue_of(service, "shopkeeper", SHOP)
    people = {name: await registered(service, name, f"{name} van nguoi", f"09000000{index:02d}")
              for index, name in enumerate(("case", "near", "edge", "far"), start=1)}
    clock.advance(hours=8)  # the visits are earlier today
    await _at(people["case"], clock, 60, market)  # 10:00
    await _at(people["near"], clock, 30, market)  # 09:30: within 2 hours
    await _at(people["far"], clock, 200, market)  # 12:20: outside
    await _at(people["case"], clock, 240, shop)  # 13:00 at the shop
    await _at(people["edge"], clock, 300, shop)  # 14:00: within 2 hours
    receipt = await people["case"].say_all("/khaibao", *SELF_GREEN)
    code = re.search(r"Mã khai báo: ([A-Z0-9]{8})", receipt).group(1)  # type: ignore[union-attr]
    return market, shop, code, people


async def _officials(service, database) -> None:  # type: ignore[no-untyped-def]
    """Officials of Yên Mỹ (console 10001), Mỹ Hào (10002), Hưng Yên province (10003) and one more commune (10004)."""
    for number, area in enumerate(("12052", "12103", "33", "12055"), start=1):
        await add_official(service, database, area, number)


async def _venue(database, code: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    [venue] = await rows(database, Venue, Venue.code == code)
    return venue


async def test_the_venues_page_shows_the_areas_venues_and_counts_and_suspends_with_csrf(
        service, database, settings, clock) -> None:
    market, shop, _, people = await _scene(service, clock)
    await _officials(service, database)
    market_row, shop_row = await _venue(database, market), await _venue(database, shop)
    async with client(app(database, settings, clock)) as http:
        csrf = await signed_in(http, await link_for(database, settings, "10001", clock.now))
        page = await http.get("/web/venues")
        assert page.status_code == 200
        assert 'href="/web/venues"' in page.text and 'href="/web/cases"' in page.text
        assert "Cho Yen My" in page.text and "Cua hang Hao" not in page.text and "Chợ" in page.text
        today = re.search(r"<td>" + market + r"</td>.*?<td><strong>(\d+)</strong></td>", page.text, re.S)
        assert today and today.group(1) == "3"  # the case, near and far; never who
        assert "Van Nguoi" not in page.text and "van nguoi" not in page.text

        assert (await http.post(f"/web/venues/{shop_row['id']}/suspend", data={"csrf": csrf})).status_code == 404
        assert (await http.post(f"/web/venues/{market_row['id']}/suspend", data={})).status_code == 403
        assert (await _venue(database, market))["status"] == "active"
        done = await http.post(f"/web/venues/{market_row['id']}/suspend", data={"csrf": csrf})
        assert done.status_code == 303 and "web.venues.suspended" in done.headers["location"]
        assert (await _venue(database, market))["status"] == "suspended"
        assert "Tạm dừng" in (await http.get(done.headers["location"])).text
        assert "đang tạm dừng check-in" in await people["near"].send(f"/checkin {market}")
        again = await http.post(f"/web/venues/{market_row['id']}/reopen", data={"csrf": csrf})
        assert "web.venues.reopened" in again.headers["location"]
        assert (await _venue(database, market))["status"] == "active"

        exported = await http.get("/web/venues?format=csv")
        table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
        assert table[0][:3] == ["Mã", "Địa điểm", "Loại"] and table[1][1] == "Cho Yen My" and len(table) == 2
    audits = {row["action"] for row in await rows(database, AuditEntry)}
    assert {"web.venues", "venue.suspend", "venue.reopen", "web.export.venues"} <= audits

    async with client(app(database, settings, clock)) as http:  # the province sees both, in English
        await signed_in(http, await link_for(database, settings, "10003", clock.now))
        http.cookies.set("khaibao_lang", "en", path="/web")
        page = await http.get("/web/venues")
        assert "Cho Yen My" in page.text and "Cua hang Hao" in page.text
        assert "Check-in venues" in page.text and "Market" in page.text and "Suspend" in page.text
        main = re.sub(r"<[^>]+>", " ", page.text.split('<main id="main">')[1])
        assert vietnamese_left(main, ("Xã Yên Mỹ", "Yên Mỹ", "Phường Mỹ Hào", "Mỹ Hào")) == []


async def test_marking_a_case_on_the_console_tells_exactly_the_overlapping_people_once(
        service, database, settings, clock) -> None:
    market, shop, code, people = await _scene(service, clock)
    await _officials(service, database)
    async with client(app(database, settings, clock)) as http:  # another commune: the declaration is not theirs
        csrf = await signed_in(http, await link_for(database, settings, "10004", clock.now))
        refused = await http.post("/web/cases", data={"csrf": csrf, "code": code, "days": "14"})
        assert "web.cases.not_found" in refused.headers["location"]
        assert (await http.get(f"/web/declarations/{code}")).status_code == 404
    assert await rows(database, ExposureCase) == []

    async with client(app(database, settings, clock)) as http:
        csrf = await signed_in(http, await link_for(database, settings, "10001", clock.now))
        assert (await http.post("/web/cases", data={"code": code})).status_code == 403
        assert await rows(database, ExposureCase) == []
        assert "web.cases.bad_days" in (await http.post(
            "/web/cases", data={"csrf": csrf, "code": code, "days": "0"})).headers["location"]
        detail = await http.get(f"/web/declarations/{code}")
        assert "Đánh dấu là ca bệnh xác nhận" in detail.text
        marked = await http.post("/web/cases", data={"csrf": csrf, "code": code.lower(), "days": "7"})
        assert marked.status_code == 303 and "web.cases.marked" in marked.headers["location"]
        notices = await exposure_notices(database)
        assert sorted(row["external_id"] for row in notices) == ["edge", "near"]
        assert all(row["status"] == "pending" for row in notices)
        for row in notices:
            assert "Case Van Nguoi" not in row["text"] and code not in row["text"]
        again = await http.post("/web/cases", data={"csrf": csrf, "code": code, "days": "7"})
        assert "web.cases.already" in again.headers["location"]
        assert len(await exposure_notices(database)) == 2

        await people["near"].say_all("/khaibao", *SELF_GREEN)  # within 24 hours of the notice
        page = await http.get("/web/cases")
        assert page.status_code == 200 and f'href="/web/declarations/{code}"' in page.text
        row = re.search(r"<tr><td><a href=\"/web/declarations/" + code + r"\">.*?</tr>", page.text, re.S)
        assert row, page.text
        cells = re.findall(r"<td>(.*?)</td>", row.group(0), re.S)
        assert cells[2] == "7" and cells[4] == "2" and cells[5] == "1"
        assert "Cho Yen My (" + market + "): lúc 10:00 22/11/2026, 1 người" in cells[3]
        assert "Cua hang Hao" not in cells[3]  # another commune's venue is theirs to see
        [case] = await rows(database, ExposureCase)
        assert (case["look_back_days"], case["notified"]) == (7, 2)

    async with client(app(database, settings, clock)) as http:  # the shop's commune: its venue, not who
        await signed_in(http, await link_for(database, settings, "10002", clock.now))
        http.cookies.set("khaibao_lang", "en", path="/web")
        page = await http.get("/web/cases")
        assert "Cua hang Hao (" + shop + "): at 13:00 22/11/2026, 1 people notified" in page.text
        assert code not in page.text and "Cho Yen My" not in page.text and "Mark as a case" in page.text
        assert "web.cases.not_found" in (await http.post("/web/cases", data={
            "csrf": re.search(r'name="csrf" value="([^"]+)"', page.text).group(1),  # type: ignore[union-attr]
            "code": code})).headers["location"]

    async with client(app(database, settings, clock)) as http:  # the province: totals per commune
        await signed_in(http, await link_for(database, settings, "10003", clock.now))
        page = await http.get("/web/cases")
        totals = page.text.split('id="case-totals"')[1].split("</table>")[0]
        assert re.search(r"Phường Mỹ Hào, Hưng Yên</td><td>1</td><td>1</td><td>1</td>", totals)
        assert re.search(r"Xã Yên Mỹ, Hưng Yên</td><td>1</td><td>1</td><td>1</td>", totals)
        exported = await http.get("/web/cases?format=csv")
        table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
        assert table[1][0] == code and table[1][4:] == ["2", "1"]

    async with client(app(database, settings, clock)) as http:  # another commune sees no case at all
        await signed_in(http, await link_for(database, settings, "10004", clock.now))
        page = await http.get("/web/cases")
        assert "Cho Yen My" not in page.text and code not in page.text and 'id="cases"' not in page.text
    audits = [row for row in await rows(database, AuditEntry) if row["action"] == "case.mark"]
    assert len(audits) == 1 and audits[0]["actor"] == "console:10001"


async def test_the_venues_page_goes_on_by_keyset(database, settings, clock) -> None:
    async with database.transaction() as session:
        for index in range(listing.PAGE + 1):
            await venues.create(session, {"name": f"Quan {index:02d}", "kind": "shop", "province_code": "33",
                                          "commune_code": "12052", "street": "so 1", "schedule": None,
                                          "owner_id": None, "created_by": "cli"}, clock.now)
    await staff_member(database, "off-y", "official", "12052", clock.now)
    async with client(app(database, settings, clock)) as http:
        await signed_in(http, await link_for(database, settings, "off-y", clock.now))
        first = await http.get("/web/venues")
        names = re.findall(r"<td>(Quan \d\d)</td>", first.text)
        assert names == [f"Quan {index:02d}" for index in range(listing.PAGE)]
        following = re.search(r'class="next" href="([^"]+)"', first.text).group(1)  # type: ignore[union-attr]
        second = await http.get(following.replace("&amp;", "&"))
        assert re.findall(r"<td>(Quan \d\d)</td>", second.text) == [f"Quan {listing.PAGE:02d}"]
        assert 'class="next"' not in second.text
