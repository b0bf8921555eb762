"""The console in the reader's language: /web and /dangxuat answer in the sender's chat language; the receipt
check and the broadcast preview read in the page's language; a broadcast can carry its English text."""

from __future__ import annotations

import re

from sqlalchemy import select

from storage import broadcasts
from storage.models import Notice
from tests.delivery.people import add_people
from tests.language.english import vietnamese_left
from tests.transcript import Chat
from tests.web.helpers import COMMUNE_A, app, client, declarations, link_for, signed_in, staff_member
from tests.web.test_admin_pages import DIRECTIVE


async def test_web_and_sign_out_answer_in_the_senders_language(service, database) -> None:
    await add_people(database, 2, start=1, channel="console", role="official", area_code="12052")
    english, vietnamese = Chat(service, user_id="10001"), Chat(service, user_id="10002")
    assert (await english.send("/language english")).startswith("From now on I'll answer in English.")

    link = await english.send("/web")
    assert link.startswith("Open the console (single use, expires at ")
    assert re.search(r"/web/login/\S+", link) and vietnamese_left(link) == []
    assert (await english.send("/dangxuat")) == "Signed out of 0 browser session(s)."
    assert (await vietnamese.send("/web")).startswith("Mở bảng điều khiển")

    citizen = Chat(service, user_id="an")
    assert (await citizen.send("/language english")).startswith("From now on I'll answer in English.")
    assert (await citizen.send("/web")).startswith("The console is only for officials, gatekeepers and admins.")


async def test_the_receipt_check_reads_in_the_pages_language(database, settings, clock) -> None:
    await staff_member(database, "gate", "gatekeeper", COMMUNE_A, clock.now)
    code = (await declarations(database, COMMUNE_A, 1, clock.now, prefix=""))[0]  # eight characters, as issued
    async with client(app(database, settings, clock)) as http:
        await signed_in(http, await link_for(database, settings, "gate", clock.now))
        http.cookies.set("khaibao_lang", "en", path="/web")
        english = (await http.get(f"/web/check?code={code}")).text
        assert "Risk level" in english and f"Code: {code}" in english and "Mức nguy cơ" not in english
        assert "NOT A GENUINE CODE" in (await http.get("/web/check?code=ZZZZ9999")).text
        http.cookies.set("khaibao_lang", "vi", path="/web")
        assert "Mức nguy cơ" in (await http.get(f"/web/check?code={code}")).text


async def test_the_broadcast_preview_reads_in_the_pages_language_and_takes_an_english_text(
        database, settings, clock) -> None:
    async with client(app(database, settings, clock)) as http:
        csrf = await signed_in(http, await link_for(database, settings, "admin", clock.now))
        http.cookies.set("khaibao_lang", "en", path="/web")
        preview = await http.post("/web/broadcasts/compose", data={"csrf": csrf, "text": DIRECTIVE})
        assert preview.status_code == 200, preview.text
        assert "Number: 123/UBND-VX" in preview.text and "Daily" in preview.text
        assert "Số văn bản" not in preview.text and 'name="text_en"' in preview.text

        long = await http.post("/web/broadcasts", data={"csrf": csrf, "text": DIRECTIVE, "kind": "citizens",
                                                          "text_en": "x" * 3001})
        assert long.status_code == 422 and "The English text is empty or too long" in long.text
        assert "x" * 3001 in long.text  # what was typed is kept for correcting
        assert (await http.post("/web/broadcasts", data={"csrf": csrf, "text": DIRECTIVE, "kind": "citizens",
                                                           "text_en": "1234 ..."})).status_code == 422

        english = "Province of Hung Yen: children must be vaccinated in December; anyone with fever, see a doctor."
        sent = await http.post("/web/broadcasts", data={"csrf": csrf, "text": DIRECTIVE, "kind": "citizens",
                                                          "text_en": f"  {english}\x07 "})
        assert sent.status_code == 303, sent.text
    async with database.transaction() as session:
        row = (await broadcasts.recent(session, 1))[0]
        summary_en = (await session.execute(select(Notice.summary_en))).scalar_one()
    assert row["text_en"] == english and summary_en == english


async def test_a_broadcast_without_an_english_text_keeps_none(database, settings, clock) -> None:
    async with client(app(database, settings, clock)) as http:
        csrf = await signed_in(http, await link_for(database, settings, "admin", clock.now))
        sent = await http.post("/web/broadcasts", data={"csrf": csrf, "text": DIRECTIVE, "kind": "citizens",
                                                          "text_en": "   "})
        assert sent.status_code == 303, sent.text
    async with database.transaction() as session:
        assert (await broadcasts.recent(session, 1))[0]["text_en"] is None
