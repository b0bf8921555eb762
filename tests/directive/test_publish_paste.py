"""Pasting a whole directive at /thongbao_moi: split pastes joined, files and photos read, the console's
multi-line paste and file paths."""

from __future__ import annotations

import asyncio
import io
import json
import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.console import channel as console
from bot.conversation.uploads import read_attachment
from handlers.engine import handle
from handlers.protocol import DOCUMENT, Context, Incoming
from tests.directive.long_letter import long_letter, split_like_a_chat
from tests.directive.renders import digital_pdf
from tests.directive.support import fixture
from tests.transcript import Chat, render

PARTS = split_like_a_chat(long_letter())


async def _paste(admin: Chat, clock, parts: list[str], gap: float) -> str:  # type: ignore[no-untyped-def]
    for part in parts:
        clock.advance(seconds=gap)
        shown = await admin.send(part)
    return shown


async def test_a_four_part_paste_becomes_one_document(service, clock) -> None:  # type: ignore[no-untyped-def]
    admin = Chat(service, user_id="admin")
    await admin.send("/thongbao_moi")
    assert len(PARTS) == 4
    preview = await _paste(admin, clock, PARTS, gap=0.8)
    assert "Đã ghép 4 tin nhắn liền nhau thành một văn bản." in preview
    assert "Số: 412/UBND-KGVX" in preview and "Hằng tuần: Sở Y tế tổng hợp tình hình dịch bệnh" in preview
    assert "Thêm bản tiếng Anh" in await admin.send("1")


async def test_a_message_after_the_pause_is_an_answer_not_a_part(service, clock) -> None:  # type: ignore[no-untyped-def]
    admin = Chat(service, user_id="admin")
    await admin.send("/thongbao_moi")
    preview = await _paste(admin, clock, PARTS[:2], gap=1.0)
    assert "Đã ghép 2 tin nhắn" in preview
    clock.advance(seconds=30)
    assert "Tiếp tục" in await admin.send(PARTS[2])  # not a choice: the preview is asked again
    assert "Đã ghép 3" not in admin.text


async def test_a_quick_choice_is_not_taken_for_a_part(service, clock) -> None:  # type: ignore[no-untyped-def]
    admin = Chat(service, user_id="admin")
    await admin.send("/thongbao_moi")
    await admin.send(fixture("cong-van-so-y-te.txt"))
    assert "Thêm bản tiếng Anh" in await admin.send("1")


async def _send_file(service, user_id: str, command: str, name: str, data: bytes) -> str:  # type: ignore[no-untyped-def]
    """Start ``command``, then send the file as a channel does once it has read it; the replies shown."""
    await Chat(service, user_id=user_id).send(command)
    attachment = await read_attachment(name, data)
    replies = await service.handle(Incoming("console", user_id, kind=DOCUMENT, attachment=attachment,
                                            message_id=f"file-{name}"))
    return "\n".join(render(reply) for reply in replies)


async def test_a_file_sent_at_the_directive_step_is_read(service) -> None:  # type: ignore[no-untyped-def]
    preview = await _send_file(service, "admin", "/thongbao_moi", "cong-van.pdf",
                               digital_pdf(fixture("cong-van-so-y-te.txt")))
    assert "Đã đọc tệp cong-van.pdf (1 trang)." in preview and "Số: 1234/SYT-NVY" in preview


async def test_an_unreadable_file_gets_its_reason_and_the_question_again(service) -> None:  # type: ignore[no-untyped-def]
    shown = await _send_file(service, "admin", "/thongbao_moi", "hong.pdf", b"%PDF-1.4 broken")
    assert "Không mở được tệp PDF này" in shown and "Dán nội dung" in shown


async def test_a_file_at_another_step_is_not_expected(service) -> None:  # type: ignore[no-untyped-def]
    shown = await _send_file(service, "citizen", "/khaibao", "a.txt", b"Xin chao")
    assert "chưa cần tệp" in shown


class _Pipe(io.TextIOBase):
    """A terminal-like input: lines written by another thread, with pauses in between."""

    def __init__(self) -> None:
        read, write = os.pipe()
        self._reader = os.fdopen(read, "r", encoding="utf-8")
        self.writer = os.fdopen(write, "w", encoding="utf-8")

    def readline(self, size: int = -1) -> str:  # type: ignore[override]
        return self._reader.readline()

    def isatty(self) -> bool:
        return False


def _type(pipe: _Pipe, chunks: list[str], pause: float) -> threading.Thread:
    def run() -> None:
        for chunk in chunks:
            pipe.writer.write(chunk)
            pipe.writer.flush()
            time.sleep(pause)
        pipe.writer.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


async def test_console_multi_line_paste_is_one_message_and_a_path_is_read(service, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    letter = tmp_path / "cong van 1234.pdf"
    letter.write_bytes(digital_pdf(fixture("cong-van-so-y-te.txt")))
    pasted = fixture("ke-hoach.txt")
    pipe, out = _Pipe(), io.StringIO()
    thread = _type(pipe, ["/thongbao_moi\n", pasted, "/huy\n", "/thongbao_moi\n", f"'{letter}'\n"], pause=0.6)
    await console.chat(service, "admin", tmp_path / "receipts", stdin=pipe, out=out, paste_pause=0.3)
    await asyncio.to_thread(thread.join)
    shown = out.getvalue()
    assert "Số: 88/KH-UBND" in shown and "Đã ghép" not in shown
    assert shown.count("Dán nội dung") == 2  # the pasted plan was one message, not 40 answers
    assert "Đã đọc tệp cong van 1234.pdf (1 trang)." in shown and "Số: 1234/SYT-NVY" in shown


async def test_console_script_lines_stay_separate_and_non_admin_paths_are_text(service, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    letter = tmp_path / "a.txt"
    letter.write_text(fixture("cong-van-so-y-te.txt"), encoding="utf-8")
    out = io.StringIO()
    await console.chat(service, "citizen", tmp_path / "r", stdin=io.StringIO(f"xin chao\n{letter}\n"), out=out)
    assert out.getvalue().count("\n>\n") == 2
    assert "Đã đọc tệp" not in out.getvalue()


@settings(max_examples=60, deadline=None)
@given(part=st.text(max_size=300))
def test_any_text_arriving_with_a_paste_joins_it_or_answers_cleanly(part: str) -> None:
    now = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
    ctx = Context(now=now, zone=ZoneInfo("Asia/Ho_Chi_Minh"), secret=b"k" * 32, new_code="ABCDEFGH", is_admin=True,
                  identity=("console", "p"))
    state = handle(None, Incoming("console", "p", text="/thongbao_moi"), ctx).state
    state = handle(state, Incoming("console", "p", text=PARTS[0]), ctx).state
    outcome = handle(state, Incoming("console", "p", text=part), ctx)
    assert outcome.replies
    json.dumps(outcome.state)
    text = outcome.state.get("answers", {}).get("text")
    assert text is None or text.startswith(PARTS[0])
