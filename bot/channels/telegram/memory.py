"""What the adapter remembers about chats between updates: paged prompts and the contact keyboard."""

from __future__ import annotations

from collections import OrderedDict

from handlers.protocol import Reply


class ChatMemory:
    """Bounded, in-process memory; losing it (a restart) only costs a re-prompt or a keyboard left open."""

    def __init__(self, prompts: int = 10_000, keyboards: int = 10_000) -> None:
        self._prompt_limit = prompts
        self._keyboard_limit = keyboards
        self._prompts: OrderedDict[tuple[int, int], Reply] = OrderedDict()
        self._keyboards: OrderedDict[int, None] = OrderedDict()

    def remember_prompt(self, chat_id: int, message_id: int, reply: Reply) -> None:
        """``message_id`` shows ``reply``'s buttons a page at a time."""
        key = (chat_id, message_id)
        self._prompts[key] = reply
        self._prompts.move_to_end(key)
        while len(self._prompts) > self._prompt_limit:
            self._prompts.popitem(last=False)

    def prompt(self, chat_id: int, message_id: int) -> Reply | None:
        """The reply whose buttons ``message_id`` shows, if remembered."""
        return self._prompts.get((chat_id, message_id))

    def keyboard_shown(self, chat_id: int) -> bool:
        """True while the chat shows the contact keyboard."""
        return chat_id in self._keyboards

    def set_keyboard(self, chat_id: int, shown: bool) -> None:
        """Note that the contact keyboard was shown or removed."""
        if not shown:
            self._keyboards.pop(chat_id, None)
            return
        self._keyboards[chat_id] = None
        self._keyboards.move_to_end(chat_id)
        while len(self._keyboards) > self._keyboard_limit:
            self._keyboards.popitem(last=False)
