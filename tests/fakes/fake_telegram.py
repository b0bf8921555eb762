"""A fake Telegram Bot API server that the real python-telegram-bot can talk to over HTTP."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import inspect
import itertools
import re
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import asdict, dataclass, field
from http import HTTPStatus
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.serve import serving
from tests.fakes.telegram_chats import ChatStore
from tests.fakes.telegram_limits import Fault, FloodLimits, Stats
from tests.fakes.telegram_objects import (
    JSON,
    BotMessage,
    TgFile,
    bot_json,
    command_entities,
    document_json,
    now,
    photo_json,
    private_chat_json,
    user_json,
)
from tests.fakes.telegram_wire import ApiError, bad_request, decode_request

DEFAULT_TOKEN = "123456:TEST-khaibao-token"
SEND_METHODS = frozenset({"sendmessage", "sendphoto", "senddocument"})
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


@dataclass
class Call:
    """One request the bot made, decoded, with the HTTP status it was answered with."""

    method: str
    params: JSON
    files: dict[str, TgFile]
    status: int = 0
    at: float = field(default_factory=time.monotonic)


@dataclass(frozen=True)
class Delivery:
    """An update handed to the bot; ``status`` is the webhook's answer (None when queued for polling)."""

    update: JSON
    status: int | None

    @property
    def update_id(self) -> int:
        """The update's id."""
        return int(self.update["update_id"])


@dataclass
class Webhook:
    """The webhook registered with setWebhook."""

    url: str
    secret_token: str | None
    max_connections: int = 40
    allowed_updates: list[str] | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None


class FakeTelegram(ChatStore):
    """In-memory Bot API served by ``.app``: records calls, keeps chats, simulates users."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        rate: float | None = None,
        per_chat_interval: float | None = None,
        retry_after: int | None = None,
        latency: float = 0.0,
        keep_history: bool = True,
        bot_username: str = "khaibao_test_bot",
    ) -> None:
        super().__init__(bot_json(int(token.split(":", 1)[0]), bot_username), keep_history)
        self.token = token
        self.limits = FloodLimits(rate, per_chat_interval, retry_after)
        self.latency = latency
        self.base_url = ""
        self.calls: list[Call] = []
        self.stats = Stats()
        self.blocked: set[int] = set()
        self.deactivated: set[int] = set()
        self.webhook: Webhook | None = None
        self._pending: list[JSON] = []
        self._marks: dict[int, int] = {}
        self._faults: list[Fault] = []
        self._outage: tuple[float, int] = (0.0, 500)  # (monotonic end, status) of a simulated outage
        self._update_ids = itertools.count(100_001)
        self._poll_generation = 0
        self._closed = False
        self._client: httpx.AsyncClient | None = None
        self._changed = asyncio.Condition()
        methods = {
            "getMe": lambda params, files: self.bot,
            "getUpdates": self._get_updates,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            **self.chat_methods(),
        }
        self._methods = {name.lower(): handler for name, handler in methods.items()}
        self.app = Starlette(
            routes=[
                Route("/bot{token}/{method}", self._api, methods=["GET", "POST"]),
                Route("/file/bot{token}/{path:path}", self._download, methods=["GET"]),
                Route("/stats", self._stats, methods=["GET"]),
                Route("/outage", self._start_outage, methods=["POST"]),
            ]
        )

    @property
    def bot_base_url(self) -> str:
        """Value for PTB's ``base_url``."""
        return f"{self.base_url}/bot"

    @property
    def bot_base_file_url(self) -> str:
        """Value for PTB's ``base_file_url``."""
        return f"{self.base_url}/file/bot"

    # ----- HTTP layer -----

    async def _api(self, request: Request) -> Response:
        if request.path_params["token"] != self.token:
            return JSONResponse(ApiError(401, "Unauthorized").body(), status_code=401)
        params, files = await decode_request(request)
        call = Call(request.path_params["method"], params, files)
        if self.keep_history:
            self.calls.append(call)
        try:
            body: JSON = {"ok": True, "result": await self._answer(call)}
            call.status = 200
        except ApiError as error:
            body, call.status = error.body(), error.status
        await self._notify()
        return JSONResponse(body, status_code=call.status)

    async def _answer(self, call: Call) -> Any:
        """Run one call through latency, faults, recipient checks, flood limits and its method."""
        if self.latency:
            await asyncio.sleep(self.latency)
        method = call.method.lower()
        if time.monotonic() < self._outage[0]:
            self.stats.injected_failures += 1
            raise ApiError(self._outage[1], HTTPStatus(self._outage[1]).phrase)
        fault = self._take_fault(method)
        if fault and not fault.delivered:
            raise self._fault_error(fault)
        handler = self._methods.get(method)
        if handler is None:
            raise ApiError(404, "Not Found")
        chat_id = call.params.get("chat_id")
        self._check_recipient(chat_id)
        counted = method in SEND_METHODS and isinstance(chat_id, int)
        if counted:
            self._check_flood(chat_id)
        result = handler(call.params, call.files)
        if inspect.isawaitable(result):
            result = await result
        if counted:
            self.stats.sent += 1
            in_last_second = self.limits.record(chat_id, time.monotonic())
            self.stats.peak_per_second = max(self.stats.peak_per_second, in_last_second)
        if fault:
            raise self._fault_error(fault)
        return result

    def _take_fault(self, method: str) -> Fault | None:
        for fault in self._faults:
            if fault.method in (None, method):
                fault.remaining -= 1
                if not fault.remaining:
                    self._faults.remove(fault)
                return fault
        return None

    def _fault_error(self, fault: Fault) -> ApiError:
        self.stats.injected_failures += 1
        return ApiError(fault.status, HTTPStatus(fault.status).phrase)

    def _check_recipient(self, chat_id: Any) -> None:
        if chat_id in self.blocked or chat_id in self.deactivated:
            self.stats.forbidden += 1
            reason = "bot was blocked by the user" if chat_id in self.blocked else "user is deactivated"
            raise ApiError(403, f"Forbidden: {reason}")

    def _check_flood(self, chat_id: int) -> None:
        retry_after = self.limits.check(chat_id, time.monotonic())
        if retry_after is not None:
            self.stats.too_many_requests += 1
            raise ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after)

    async def _download(self, request: Request) -> Response:
        file = self.files.get(request.path_params["path"].rsplit("/", 1)[-1])
        if request.path_params["token"] != self.token or file is None:
            return Response(status_code=404)
        return Response(file.data, media_type=file.mime_type)

    async def _stats(self, request: Request) -> Response:
        counts = {"calls": len(self.calls), "pending_updates": len(self._pending)}
        return JSONResponse({**asdict(self.stats), **counts})

    async def _start_outage(self, request: Request) -> Response:
        body = await request.json()
        self.outage(float(body["seconds"]), int(body.get("status", 500)))
        return JSONResponse({"ok": True})

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # ----- updates and webhook -----

    async def _get_updates(self, params: JSON, files: dict[str, TgFile]) -> list[JSON]:
        """Long polling: confirm below ``offset``, wait up to ``timeout`` s; a newer poll ends this one."""
        if self.webhook:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        offset = params.get("offset")
        if offset:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]
        self._poll_generation += 1
        generation = self._poll_generation
        await self._notify()

        def ready() -> bool:
            superseded = self._poll_generation != generation
            return bool(self._pending) or superseded or self._closed or self.webhook is not None

        timeout = float(params.get("timeout") or 0)
        if timeout > 0 and not ready():
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait_for(ready), timeout)
        if self._poll_generation != generation:
            raise ApiError(409, "Conflict: terminated by other getUpdates request; "
                                "make sure that only one bot instance is running")
        return [] if self.webhook else self._pending[: int(params.get("limit") or 100)]

    def _set_webhook(self, params: JSON, files: dict[str, TgFile]) -> bool:
        url, secret = params.get("url") or "", params.get("secret_token")
        if secret is not None and not _SECRET.fullmatch(secret):
            raise bad_request("secret token contains unallowed characters")
        if params.get("drop_pending_updates"):
            self._pending.clear()
        hook = Webhook(url, secret, params.get("max_connections") or 40, params.get("allowed_updates"))
        self.webhook = hook if url else None
        return True

    def _delete_webhook(self, params: JSON, files: dict[str, TgFile]) -> bool:
        if params.get("drop_pending_updates"):
            self._pending.clear()
        self.webhook = None
        return True

    def _get_webhook_info(self, params: JSON, files: dict[str, TgFile]) -> JSON:
        info: JSON = {"url": "", "has_custom_certificate": False, "pending_update_count": len(self._pending)}
        if self.webhook:
            public = {k: v for k, v in asdict(self.webhook).items() if k != "secret_token"}
            info.update({k: v for k, v in public.items() if v is not None})
        return info

    async def deliver(self, update: JSON) -> Delivery:
        """Hand an update to the bot: POST it to the webhook, or queue it for getUpdates.

        Delivering the same update again tests duplicate handling; in polling mode an update
        whose id the bot already confirmed is dropped, as Telegram does.
        """
        if self.webhook is None:
            self._pending.append(update)
            await self._notify()
            return Delivery(update, None)
        secret = self.webhook.secret_token
        headers = {SECRET_HEADER: secret} if secret else {}
        if self._client is None:  # one client for every delivery: a client per request costs a TLS context
            self._client = httpx.AsyncClient(timeout=30)
        response = await self._client.post(self.webhook.url, json=update, headers=headers)
        if not response.is_success:
            self.webhook.last_error_date = now()
            self.webhook.last_error_message = f"Wrong response from the webhook: {response.status_code}"
        return Delivery(update, response.status_code)

    # ----- simulated users -----

    async def user_sends_text(self, user_id: int, text: str, first_name: str = "An") -> Delivery:
        """The user types ``text`` in their private chat with the bot."""
        return await self._user_message(user_id, first_name, {"text": text})

    async def user_sends_command(
        self, user_id: int, command: str, args: str = "", first_name: str = "An"
    ) -> Delivery:
        """The user sends ``/command args`` (e.g. a /start deep-link payload)."""
        text = "/" + command.lstrip("/") + (f" {args}" if args else "")
        content = {"text": text, "entities": command_entities(text)}
        return await self._user_message(user_id, first_name, content)

    async def user_shares_contact(
        self, user_id: int, phone_number: str, contact_user_id: int | None = None, first_name: str = "An"
    ) -> Delivery:
        """The user shares a contact; by default their own (what a request_contact button sends)."""
        contact = {
            "phone_number": phone_number,
            "first_name": first_name,
            "user_id": contact_user_id or user_id,
        }
        return await self._user_message(user_id, first_name, {"contact": contact})

    async def user_sends_document(
        self,
        user_id: int,
        data: bytes,
        filename: str = "giay-to.pdf",
        mime_type: str = "application/pdf",
        caption: str | None = None,
        first_name: str = "An",
    ) -> Delivery:
        """The user uploads a document; the bot can fetch it with getFile and download it."""
        content: JSON = {"document": document_json(self.store_file(TgFile(filename, mime_type, data)))}
        if caption:
            content["caption"] = caption
        return await self._user_message(user_id, first_name, content)

    async def user_sends_photo(
        self, user_id: int, data: bytes, caption: str | None = None, first_name: str = "An"
    ) -> Delivery:
        """The user sends a photo (Telegram re-encodes it as JPEG); the bot fetches it with getFile."""
        content: JSON = {"photo": photo_json(self.store_file(TgFile("photo.jpg", "image/jpeg", data)))}
        if caption:
            content["caption"] = caption
        return await self._user_message(user_id, first_name, content)

    async def user_presses(
        self,
        user_id: int,
        message_id: int,
        callback_data: str,
        first_name: str = "An",
        check_button: bool = True,
    ) -> Delivery:
        """The user presses an inline button of a bot message in their chat.

        With ``check_button`` the data must belong to one of that message's current buttons.
        """
        message = self.message(user_id, message_id)
        offered = [data for row in message.buttons for _, data in row]
        if check_button and callback_data not in offered:
            raise ValueError(f"message {message_id} has no button {callback_data!r}; it offers {offered}")
        self._names[user_id] = first_name
        self._marks[user_id] = self._message_ids.get(user_id, 0)
        query_id = str(next(self._ids))
        self._open_queries.add(query_id)
        query = {
            "id": query_id,
            "from": user_json(user_id, first_name),
            "message": self.message_json(message),
            "chat_instance": f"ci{user_id}",
            "data": callback_data,
        }
        return await self.deliver({"update_id": next(self._update_ids), "callback_query": query})

    async def _user_message(self, user_id: int, first_name: str, content: JSON) -> Delivery:
        return await self.deliver(self.user_message_update(user_id, content, first_name))

    def user_message_update(self, user_id: int, content: JSON, first_name: str = "An") -> JSON:
        """The update of a message the user writes (to deliver, and deliver again, with ``deliver``)."""
        self._names[user_id] = first_name
        message_id = self.new_message_id(user_id)
        self._marks[user_id] = message_id
        message = {
            "message_id": message_id,
            "date": now(),
            "chat": private_chat_json(user_id, first_name),
            "from": user_json(user_id, first_name),
            **content,
        }
        return {"update_id": next(self._update_ids), "message": message}

    # ----- faults -----

    def fail_next(
        self, n: int = 1, status: int = 500, *, method: str | None = None, delivered: bool = False
    ) -> None:
        """Answer the next ``n`` requests (of ``method`` if given) with HTTP ``status``.

        With ``delivered`` the request takes effect before the error is answered, like a send
        whose response was lost.
        """
        self._faults.append(Fault(status, method.lower() if method else None, delivered, n))

    def outage(self, seconds: float, status: int = 500) -> None:
        """Answer every request with HTTP ``status`` (and no effect) for the next ``seconds``, as in a
        platform outage (also ``POST /outage {"seconds": S, "status": 500}`` for benchmarks)."""
        self._outage = (time.monotonic() + seconds, status)

    # ----- waiting in tests -----

    def calls_to(self, method: str) -> list[Call]:
        """Recorded calls of one method (any outcome), oldest first."""
        return [c for c in self.calls if c.method.lower() == method.lower()]

    async def wait_for(
        self, condition: Callable[[], bool], timeout: float = 5.0, what: str = "condition"
    ) -> None:
        """Wait until ``condition()`` holds (checked after every call); AssertionError on timeout."""
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(condition), timeout)
            except TimeoutError:
                recent = [f"{c.method}->{c.status}" for c in self.calls[-8:]]
                message = f"timed out after {timeout}s waiting for {what}; last calls: {recent}"
                raise AssertionError(message) from None

    async def wait_for_bot_message(
        self,
        chat_id: int,
        predicate: Callable[[BotMessage], bool] | None = None,
        timeout: float = 5.0,
        after: int | None = None,
    ) -> BotMessage:
        """First bot message in a chat with an id above ``after`` (default: the user's latest action)."""
        floor = self._marks.get(chat_id, 0) if after is None else after

        def found() -> BotMessage | None:
            fresh = (m for m in self.messages(chat_id) if m.message_id > floor)
            return next((m for m in fresh if predicate is None or predicate(m)), None)

        await self.wait_for(lambda: found() is not None, timeout, f"a bot message to chat {chat_id}")
        message = found()
        assert message is not None
        return message

    async def wait_for_calls(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Wait until ``count`` calls of ``method`` were made; returns them all."""
        await self.wait_for(lambda: len(self.calls_to(method)) >= count, timeout, f"{count} x {method}")
        return self.calls_to(method)

    async def close(self) -> None:
        """End waiting long polls so the server can stop at once."""
        self._closed = True
        await self._notify()
        if self._client is not None:
            await self._client.aclose()


@contextlib.asynccontextmanager
async def running_fake_telegram(**options: Any) -> AsyncIterator[FakeTelegram]:
    """Serve a FakeTelegram on a free local port; yields it with ``base_url`` set."""
    fake = FakeTelegram(**options)
    async with serving(fake.app) as base_url:
        fake.base_url = base_url
        try:
            yield fake
        finally:
            await fake.close()


def main(argv: list[str] | None = None) -> None:
    """Run the fake as a standalone server (for benchmarks)."""
    parser = argparse.ArgumentParser(description="Fake Telegram Bot API server.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--rate", type=float, help="overall sends per second (default: no limit)")
    parser.add_argument("--per-chat-interval", type=float, help="minimum seconds between sends to a chat")
    parser.add_argument("--retry-after", type=int, help="fixed retry_after of 429 answers")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every request")
    parser.add_argument("--no-history", action="store_true", help="keep counters only, no calls or messages")
    args = parser.parse_args(argv)
    fake = FakeTelegram(
        args.token,
        rate=args.rate,
        per_chat_interval=args.per_chat_interval,
        retry_after=args.retry_after,
        latency=args.latency,
        keep_history=not args.no_history,
    )
    print(f"fake Telegram Bot API listening on http://{args.host}:{args.port}", flush=True)
    uvicorn.run(fake.app, host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
