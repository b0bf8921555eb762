"""A simulated Telegram user for end-to-end tests: types, presses buttons by label, waits for the bot."""

from __future__ import annotations

from handlers.text import fold
from tests.fakes.fake_telegram import FakeTelegram
from tests.fakes.telegram_objects import BotMessage

CHECK = "✅ "


class TgUser:
    """One user in a private chat with the bot on the fake server."""

    def __init__(self, fake: FakeTelegram, user_id: int, first_name: str = "An") -> None:
        self.fake = fake
        self.user_id = user_id
        self.first_name = first_name

    async def say(self, text: str, expect: str) -> str:
        """Type ``text``; the bot's new messages up to the first containing ``expect``."""
        floor = self._floor()
        await self.fake.user_sends_text(self.user_id, text, self.first_name)
        return await self.wait_for(expect, floor)

    async def command(self, command: str, args: str = "", expect: str = "") -> str:
        """Send ``/command args``; the bot's new messages up to the first containing ``expect``."""
        floor = self._floor()
        await self.fake.user_sends_command(self.user_id, command, args, self.first_name)
        return await self.wait_for(expect, floor)

    async def share_contact(self, phone: str, expect: str, contact_user_id: int | None = None) -> str:
        """Share a contact (one's own unless ``contact_user_id`` is given)."""
        floor = self._floor()
        await self.fake.user_shares_contact(self.user_id, phone, contact_user_id, self.first_name)
        return await self.wait_for(expect, floor)

    async def press(self, label: str, expect: str | None = None, message: BotMessage | None = None) -> str:
        """Press the button labelled ``label`` (or the n-th one for "n") on ``message`` (default: the newest).

        With ``expect`` the bot's new messages up to the first containing it; without, waits until
        the pressed message is redrawn and returns its button labels, one per line.
        """
        message = message or self.fake.last_message(self.user_id)
        data = self._button(message, label)
        floor, edits = self._floor(), len(message.edits)
        await self.fake.user_presses(self.user_id, message.message_id, data, self.first_name)
        if expect is not None:
            return await self.wait_for(expect, floor)
        await self.fake.wait_for(lambda: len(message.edits) > edits, what="the pressed message to be redrawn")
        return "\n".join(text for row in message.buttons for text, _ in row)

    async def answer(self, line: str, expect: str) -> str:
        """Press the matching button when the newest bot message offers buttons, else type ``line``."""
        if self.fake.messages(self.user_id) and self.fake.last_message(self.user_id).buttons:
            return await self.press(line, expect)
        return await self.say(line, expect)

    def labels(self) -> list[str]:
        """Button labels of the newest bot message."""
        return [text for row in self.fake.last_message(self.user_id).buttons for text, _ in row]

    def _button(self, message: BotMessage, label: str) -> str:
        buttons = [button for row in message.buttons for button in row]
        if label.isdigit():
            return buttons[int(label) - 1][1]
        for text, data in buttons:
            if fold(text.removeprefix(CHECK)) == fold(label):
                return data
        raise AssertionError(f"no button {label!r} among {[text for text, _ in buttons]}")

    def _floor(self) -> int:
        messages = self.fake.messages(self.user_id)
        return messages[-1].message_id if messages else 0

    async def wait_for(self, expect: str, floor: int = 0) -> str:
        """The bot's messages after ``floor`` up to the first containing ``expect``."""
        found = await self.fake.wait_for_bot_message(
            self.user_id, lambda m: expect in (m.plain_text or ""), after=floor
        )
        fresh = [m for m in self.fake.messages(self.user_id) if floor < m.message_id <= found.message_id]
        return "\n\n".join(m.plain_text or "" for m in fresh)
