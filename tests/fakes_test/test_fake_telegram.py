"""The real python-telegram-bot against the fake Telegram Bot API over real HTTP."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.fakes.fake_telegram import DEFAULT_TOKEN, FakeTelegram, running_fake_telegram
from tests.fakes.serve import free_port, serving

USER = 4242
REPO = Path(__file__).resolve().parents[2]


def keyboard(*options: str) -> InlineKeyboardMarkup:
    """One row of buttons whose callback data is ``q1:<option>``."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(o.title(), callback_data=f"q1:{o}") for o in options]])


def make_bot(fake: FakeTelegram, token: str = DEFAULT_TOKEN) -> Bot:
    """A PTB Bot pointed at the fake."""
    return Bot(token, base_url=fake.bot_base_url, base_file_url=fake.bot_base_file_url)


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """A fake Telegram server on a free port."""
    async with running_fake_telegram() as server:
        yield server


@pytest_asyncio.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    """An initialised PTB Bot talking to the fake."""
    async with make_bot(fake) as client:
        yield client


@pytest.mark.asyncio
async def test_get_me_and_wrong_token(fake: FakeTelegram, bot: Bot) -> None:
    assert bot.username == "khaibao_test_bot"
    assert (await bot.get_me()).id == 123456
    with pytest.raises(InvalidToken):
        async with make_bot(fake, "123456:wrong"):
            pass


@pytest.mark.asyncio
async def test_send_message_with_html_and_inline_keyboard(fake: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(USER, "<b>Chào</b> An &amp; gia đình", parse_mode=ParseMode.HTML,
                                  reply_markup=keyboard("yes", "no"))
    assert sent.text == "Chào An & gia đình"
    assert sent.chat.type == "private" and sent.from_user.is_bot
    assert sent.reply_markup.inline_keyboard[0][1].callback_data == "q1:no"
    assert fake.last_text(USER) == "<b>Chào</b> An &amp; gia đình"
    assert fake.buttons(USER) == [[("Yes", "q1:yes"), ("No", "q1:no")]]
    params = fake.calls_to("sendMessage")[0].params
    assert params["chat_id"] == USER and params["parse_mode"] == "HTML"
    assert params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "q1:yes"


@pytest.mark.asyncio
async def test_edits_and_not_modified(fake: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(USER, "Câu 1?", reply_markup=keyboard("yes", "no"))
    edited = await bot.edit_message_text("Câu 1: Có", USER, sent.message_id, reply_markup=keyboard("undo"))
    assert edited.text == "Câu 1: Có" and edited.edit_date is not None
    assert fake.buttons(USER, sent.message_id) == [[("Undo", "q1:undo")]]
    await bot.edit_message_reply_markup(USER, sent.message_id, reply_markup=None)
    assert fake.buttons(USER) == []
    with pytest.raises(BadRequest, match="(?i)not modified"):
        await bot.edit_message_text("Câu 1: Có", USER, sent.message_id)
    with pytest.raises(BadRequest, match="(?i)message to edit not found"):
        await bot.edit_message_text("x", USER, 999)
    assert len(fake.message(USER, sent.message_id).edits) == 2
    assert await bot.delete_message(USER, sent.message_id)
    assert fake.last_text(USER) is None


@pytest.mark.asyncio
async def test_refuses_what_telegram_refuses(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="(?i)can.t parse entities"):
        await bot.send_message(USER, "<b>đậm", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="(?i)can.t parse entities"):
        await bot.send_message(USER, "tim <3", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="(?i)button_data_invalid"):
        too_long = InlineKeyboardMarkup([[InlineKeyboardButton("a", callback_data="x" * 65)]])
        await bot.send_message(USER, "x", reply_markup=too_long)
    with pytest.raises(BadRequest, match="(?i)too long"):
        await bot.send_message(USER, "x" * 4097)
    with pytest.raises(BadRequest, match="(?i)query ID is invalid"):
        await bot.answer_callback_query("nope")


@pytest.mark.asyncio
async def test_photo_and_document_uploads(fake: FakeTelegram, bot: Bot) -> None:
    image = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    sent = await bot.send_photo(USER, image, caption="Mã QR", reply_markup=keyboard("ok"))
    assert sent.caption == "Mã QR" and fake.buttons(USER) == [[("Ok", "q1:ok")]]
    assert fake.calls_to("sendPhoto")[0].files["photo"].data == image
    assert fake.files[sent.photo[-1].file_id].data == image
    again = await bot.send_photo(USER, sent.photo[-1].file_id)
    assert again.photo[-1].file_id == sent.photo[-1].file_id
    doc = await bot.send_document(USER, b"a,b\n1,2\n", filename="bao-cao.csv")
    assert doc.document.file_name == "bao-cao.csv"
    file = await bot.get_file(doc.document.file_id)
    assert bytes(await file.download_as_bytearray()) == b"a,b\n1,2\n"


@pytest.mark.asyncio
async def test_commands_and_chat_action(fake: FakeTelegram, bot: Bot) -> None:
    commands = [BotCommand("start", "Bắt đầu"), BotCommand("khai_bao", "Khai báo y tế")]
    assert await bot.set_my_commands(commands)
    assert [c.command for c in await bot.get_my_commands()] == ["start", "khai_bao"]
    assert fake.my_commands()[1] == ("khai_bao", "Khai báo y tế")
    with pytest.raises(BadRequest, match="(?i)bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Bad-Name", "x")])
    assert await bot.send_chat_action(USER, ChatAction.TYPING)
    assert fake.calls_to("sendChatAction")[0].params == {"chat_id": USER, "action": "typing"}


@pytest.mark.asyncio
async def test_get_updates_long_polls_and_confirms(fake: FakeTelegram, bot: Bot) -> None:
    async def later() -> None:
        await asyncio.sleep(0.2)
        await fake.user_sends_text(USER, "xin chào")

    started = time.monotonic()
    task = asyncio.create_task(later())
    updates = await bot.get_updates(timeout=3)
    await task
    assert 0.15 < time.monotonic() - started < 2
    assert [u.message.text for u in updates] == ["xin chào"]
    assert await bot.get_updates(offset=updates[0].update_id) == updates
    assert await bot.get_updates(offset=updates[0].update_id + 1) == ()



@pytest.mark.asyncio
async def test_a_second_poller_ends_the_first_with_conflict(fake: FakeTelegram, bot: Bot) -> None:
    older = asyncio.create_task(bot.get_updates(timeout=3))
    await asyncio.sleep(0.1)
    async with make_bot(fake) as second_process:
        assert await second_process.get_updates() == ()
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await older


@pytest.mark.asyncio
async def test_user_document_can_be_downloaded(fake: FakeTelegram, bot: Bot) -> None:
    await fake.user_sends_document(USER, b"%PDF-1.4 giay xet nghiem", caption="Kết quả")
    (update,) = await bot.get_updates()
    assert update.message.caption == "Kết quả" and update.message.document.mime_type == "application/pdf"
    file = await update.message.document.get_file()
    assert bytes(await file.download_as_bytearray()) == b"%PDF-1.4 giay xet nghiem"


@pytest.mark.asyncio
async def test_plain_http_clients_json_bodies_and_errors(fake: FakeTelegram) -> None:
    async with httpx.AsyncClient(base_url=fake.base_url) as client:
        sent = await client.post(f"/bot{fake.token}/sendMessage", json={"chat_id": "5", "text": "123"})
        wrong = await client.post("/bot1:bad/getMe")
        unknown = await client.post(f"/bot{fake.token}/sendTelepathy")
    assert sent.json()["result"]["text"] == "123" and fake.last_text(5) == "123"
    assert (wrong.status_code, wrong.json()) == (
        401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
    )
    assert unknown.status_code == 404


async def start_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text(f"Chào {update.effective_user.first_name}, có sốt không?",
                                    reply_markup=keyboard("yes", "no"))


async def on_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    await query.answer("Đã ghi nhận")
    await query.edit_message_text(f"{query.message.text} → {query.data}")


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    share = ReplyKeyboardMarkup([[KeyboardButton("Gửi số", request_contact=True)]])
    await update.message.reply_text(f"Bạn viết: {update.message.text}", reply_markup=share)


async def on_contact(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    contact = update.message.contact
    await update.message.reply_text(f"Số {contact.phone_number} của {contact.user_id}")


@pytest.mark.asyncio
async def test_polling_application_round_trip(fake: FakeTelegram) -> None:
    app = (
        Application.builder()
        .token(fake.token)
        .base_url(fake.bot_base_url)
        .base_file_url(fake.bot_base_file_url)
        .get_updates_read_timeout(3)
        .build()
    )
    app.add_handlers([
        CommandHandler("start", start_command),
        CallbackQueryHandler(on_press),
        MessageHandler(filters.CONTACT, on_contact),
        MessageHandler(filters.TEXT & ~filters.COMMAND, on_text),
    ])
    await app.initialize()
    await app.start()
    await app.updater.start_polling(poll_interval=0, timeout=1)
    try:
        await fake.user_sends_command(USER, "start", "ref_xa01", first_name="Bình")
        question = await fake.wait_for_bot_message(USER)
        assert question.text == "Chào Bình, có sốt không?"
        await fake.user_presses(USER, question.message_id, "q1:no")
        await fake.wait_for(lambda: len(question.edits) == 1)
        assert question.text == "Chào Bình, có sốt không? → q1:no" and question.buttons == []
        assert list(fake.callback_answers.values())[0]["text"] == "Đã ghi nhận"
        await fake.user_sends_text(USER, "đau họng")
        assert (await fake.wait_for_bot_message(USER)).text == "Bạn viết: đau họng"
        assert fake.reply_keyboard(USER) == [["Gửi số"]]
        await fake.user_shares_contact(USER, "+84901234567")
        reply = await fake.wait_for_bot_message(USER)
        assert reply.text == f"Số +84901234567 của {USER}"
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


@pytest.mark.asyncio
async def test_webhook_push_with_secret_and_duplicates(fake: FakeTelegram, bot: Bot) -> None:
    received: list[tuple[str | None, dict]] = []
    answers = [200, 200, 500]

    async def webhook(request: Request) -> Response:
        received.append((request.headers.get("x-telegram-bot-api-secret-token"), await request.json()))
        return Response(status_code=answers[len(received) - 1])

    async with serving(Starlette(routes=[Route("/tg", webhook, methods=["POST"])])) as hook_url:
        assert await bot.set_webhook(f"{hook_url}/tg", secret_token="s3cret_tok")
        with pytest.raises(Conflict):
            await bot.get_updates()
        first = await fake.user_sends_text(USER, "chào")
        again = await fake.deliver(first.update)
        failed = await fake.user_sends_text(USER, "lần nữa")
    assert (first.status, again.status, failed.status) == (200, 200, 500)
    assert [secret for secret, _ in received] == ["s3cret_tok"] * 3
    assert received[0][1] == received[1][1] and received[0][1]["message"]["text"] == "chào"
    info = await bot.get_webhook_info()
    assert info.url == f"{hook_url}/tg" and "500" in info.last_error_message
    assert await bot.delete_webhook()
    assert await bot.get_updates() == ()


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_flood_limits_raise_retry_after() -> None:
    async with running_fake_telegram(rate=3, per_chat_interval=1.0) as fake, make_bot(fake) as bot:
        await bot.send_message(1, "a")
        with pytest.raises(RetryAfter, match="Retry in 1 seconds"):
            await bot.send_message(1, "b")
        await bot.send_message(2, "a")
        await bot.send_message(3, "a")
        with pytest.raises(RetryAfter):
            await bot.send_message(4, "a")
        async with httpx.AsyncClient() as client:
            stats = (await client.get(f"{fake.base_url}/stats")).json()
    assert (stats["sent"], stats["too_many_requests"], stats["peak_per_second"]) == (3, 2, 3)
    assert 429 in [c.status for c in fake.calls]


@pytest.mark.asyncio
async def test_blocked_users_and_injected_failures(fake: FakeTelegram, bot: Bot) -> None:
    fake.blocked.add(7)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(7, "x")
    fake.fail_next(1, 502)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(USER, "x")
    fake.fail_next(1, 500, method="sendMessage", delivered=True)
    with pytest.raises(NetworkError):
        await bot.send_message(USER, "đã tới")
    assert fake.last_text(USER) == "đã tới"
    assert fake.stats.forbidden == 1 and fake.stats.injected_failures == 2


@pytest.mark.asyncio
async def test_wait_for_times_out_with_a_clear_message(fake: FakeTelegram) -> None:
    with pytest.raises(AssertionError, match="a bot message to chat 1"):
        await fake.wait_for_bot_message(1, timeout=0.05)


@pytest.mark.asyncio
async def test_runs_as_a_standalone_process() -> None:
    port = free_port()
    command = [sys.executable, "-m", "tests.fakes.fake_telegram", "--port", str(port), "--rate", "30"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with subprocess.Popen(command, stdout=subprocess.PIPE, cwd=REPO, env=env) as process:
        try:
            assert process.stdout is not None and "listening" in process.stdout.readline().decode()
            root = f"http://127.0.0.1:{port}"
            async with httpx.AsyncClient() as client:
                for _ in range(100):
                    try:
                        await client.get(f"{root}/stats")
                        break
                    except httpx.ConnectError:
                        await asyncio.sleep(0.02)
            async with Bot(DEFAULT_TOKEN, base_url=f"{root}/bot") as bot:
                await bot.send_message(1, "x")
            async with httpx.AsyncClient() as client:
                assert (await client.get(f"{root}/stats")).json()["sent"] == 1
        finally:
            process.terminate()
