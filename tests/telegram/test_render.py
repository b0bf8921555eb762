"""Adapter table: a neutral Reply in, the Bot API calls (method and parameters) out."""

from __future__ import annotations

import html
from typing import Any

import pytest

from bot.channels.telegram.buttons import ButtonCodec
from bot.channels.telegram.render import Outgoing, Pressed, page, render
from handlers.protocol import Reply, ReplyOption

CHAT = 42
GENDER = Reply(
    "Giới tính của bạn?",
    step="gender",
    options=(ReplyOption("male", "Nam"), ReplyOption("female", "Nữ"), ReplyOption("other", "Khác")),
)
SYMPTOMS = Reply(
    "Triệu chứng?",
    step="symptoms",
    options=tuple(ReplyOption(f"s{n}", f"Triệu chứng {n}") for n in range(1, 14)),
    multi=True,
    selected=("s2", "s10"),
)
DONE = {"text": "Xong", "callback_data": "symptoms:__done__"}


def api(calls: list[Outgoing]) -> list[tuple[str, dict[str, Any]]]:
    """Calls as method and Bot API parameters (markups as JSON objects)."""
    return [(call.method, {key: _json(value) for key, value in call.kwargs.items()}) for call in calls]


def _json(value: Any) -> Any:
    return value.to_dict() if hasattr(value, "to_dict") else value


def inline(*rows: list[dict[str, str]]) -> dict[str, Any]:
    return {"inline_keyboard": list(rows)}


def button(label: str, data: str) -> dict[str, str]:
    return {"text": label, "callback_data": data}


def send(text: str, **extra: Any) -> tuple[str, dict[str, Any]]:
    return "send_message", {"chat_id": CHAT, "text": text, "parse_mode": "HTML", **extra}


CONTACT_KEYBOARD = {
    "keyboard": [[{"text": "📱 Gửi số điện thoại của tôi", "request_contact": True}]],
    "resize_keyboard": True,
    "one_time_keyboard": True,
    "input_field_placeholder": "Hoặc gõ số điện thoại",
}

CASES = [
    (
        "user text escaped",
        [Reply("Không tìm thấy tỉnh/thành «<b>ha & noi</b>».")],
        {},
        [send("Không tìm thấy tỉnh/thành «&lt;b&gt;ha &amp; noi&lt;/b&gt;».")],
    ),
    (
        "short labels two to a row",
        [GENDER],
        {},
        [
            send(
                "Giới tính của bạn?",
                reply_markup=inline(
                    [button("Nam", "gender:male"), button("Nữ", "gender:female")], [button("Khác", "gender:other")]
                ),
            )
        ],
    ),
    (
        "a long label puts one to a row",
        [Reply("Đồng ý?", step="consent", options=(ReplyOption("agree", "Tôi đồng ý với điều khoản"),
                                                    ReplyOption("decline", "Không")))],
        {},
        [send("Đồng ý?", reply_markup=inline([button("Tôi đồng ý với điều khoản", "consent:agree")],
                                             [button("Không", "consent:decline")]))],
    ),
    (
        "multi-choice: ✅ on the chosen, page 1 of 2, Xong",
        [SYMPTOMS],
        {},
        [
            send(
                "Triệu chứng?",
                reply_markup=inline(
                    [button("Triệu chứng 1", "symptoms:s1"), button("✅ Triệu chứng 2", "symptoms:s2")],
                    [button("Triệu chứng 3", "symptoms:s3"), button("Triệu chứng 4", "symptoms:s4")],
                    [button("Triệu chứng 5", "symptoms:s5"), button("Triệu chứng 6", "symptoms:s6")],
                    [button("Triệu chứng 7", "symptoms:s7"), button("Triệu chứng 8", "symptoms:s8")],
                    [button("Trang sau ▶", "~1")],
                    [DONE],
                ),
            )
        ],
    ),
    (
        "a toggle redraws only the buttons, on the page of the pressed option",
        [Reply("Triệu chứng?", step="symptoms", options=SYMPTOMS.options, multi=True, selected=("s10",), edit=True)],
        {"pressed": Pressed(9, "Triệu chứng?", "s10")},
        [
            (
                "edit_message_reply_markup",
                {
                    "chat_id": CHAT,
                    "message_id": 9,
                    "reply_markup": inline(
                        [button("Triệu chứng 9", "symptoms:s9"), button("✅ Triệu chứng 10", "symptoms:s10")],
                        [button("Triệu chứng 11", "symptoms:s11"), button("Triệu chứng 12", "symptoms:s12")],
                        [button("Triệu chứng 13", "symptoms:s13")],
                        [button("◀ Trang trước", "~0")],
                        [DONE],
                    ),
                },
            )
        ],
    ),
    (
        "a toggle whose text changed redraws the text too",
        [Reply("Giới tính?", step="gender", options=GENDER.options[:1], multi=True, edit=True)],
        {"pressed": Pressed(9, "Giới tính của bạn?", "male")},
        [
            (
                "edit_message_text",
                {
                    "chat_id": CHAT,
                    "message_id": 9,
                    "text": "Giới tính?",
                    "parse_mode": "HTML",
                    "reply_markup": inline([button("Nam", "gender:male")], [button("Xong", "gender:__done__")]),
                },
            )
        ],
    ),
    (
        "an edit without a pressed message is sent as new",
        [Reply("Giới tính?", edit=True)],
        {},
        [send("Giới tính?")],
    ),
    (
        "the phone step offers the contact button",
        [Reply("Số điện thoại liên lạc của bạn?", step="phone")],
        {},
        [send("Số điện thoại liên lạc của bạn?", reply_markup=CONTACT_KEYBOARD)],
    ),
    (
        "someone else's phone does not",
        [Reply("Số điện thoại của người đó?", step="subject_phone")],
        {},
        [send("Số điện thoại của người đó?")],
    ),
    (
        "the phone asked again keeps the keyboard",
        [Reply("Số điện thoại chưa hợp lệ."), Reply("Số điện thoại?", step="phone")],
        {"keyboard_shown": True},
        [send("Số điện thoại chưa hợp lệ."), send("Số điện thoại?", reply_markup=CONTACT_KEYBOARD)],
    ),
    (
        "the next plain message removes the keyboard",
        [Reply("Đã nhận."), Reply("Số CCCD?", step="id_number")],
        {"keyboard_shown": True},
        [send("Đã nhận.", reply_markup={"remove_keyboard": True}), send("Số CCCD?")],
    ),
    (
        "a message with buttons cannot carry the removal",
        [GENDER],
        {"keyboard_shown": True},
        api(render([GENDER], CHAT, ButtonCodec())),
    ),
]


@pytest.mark.parametrize(("replies", "options", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_reply_becomes(replies: list[Reply], options: dict[str, Any], expected: list[Any]) -> None:
    assert api(render(replies, CHAT, ButtonCodec(), **options)) == expected


def test_contact_keyboard_is_noted_shown_then_removed() -> None:
    codec = ButtonCodec()
    shown = render([Reply("Số điện thoại?", step="phone")], CHAT, codec)
    removed = render([Reply("Số CCCD?", step="id_number")], CHAT, codec, keyboard_shown=True)
    assert [call.keyboard for call in shown + removed] == [True, False]


def test_page_turn_edits_the_buttons_and_remembers_the_prompt() -> None:
    turn = page(SYMPTOMS, CHAT, 9, 1, ButtonCodec())
    method, params = api([turn])[0]
    assert method == "edit_message_reply_markup" and params["message_id"] == 9
    labels = [b["text"] for row in params["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["Triệu chứng 9", "✅ Triệu chứng 10", "Triệu chứng 11", "Triệu chứng 12", "Triệu chứng 13",
                      "◀ Trang trước", "Xong"]
    assert turn.prompt == SYMPTOMS
    assert render([SYMPTOMS], CHAT, ButtonCodec())[0].prompt == SYMPTOMS
    assert render([GENDER], CHAT, ButtonCodec())[0].prompt is None


def test_text_over_4096_characters_is_split_with_the_buttons_on_the_last_piece() -> None:
    text = "\n".join(f"Dòng {n}: khai báo y tế <trung thực> & đầy đủ." for n in range(300))
    calls = api(render([Reply(text, step="gender", options=GENDER.options)], CHAT, ButtonCodec()))
    assert len(calls) > 3
    assert all(method == "send_message" and len(params["text"]) <= 4096 for method, params in calls)
    assert ["reply_markup" in params for _, params in calls] == [False] * (len(calls) - 1) + [True]
    rebuilt = "\n".join(html.unescape(params["text"]) for _, params in calls)
    assert rebuilt == text


def test_escaping_that_grows_the_text_still_fits() -> None:
    calls = api(render([Reply("<" * 5000)], CHAT, ButtonCodec()))
    assert all(len(params["text"]) <= 4096 for _, params in calls)
    assert "".join(html.unescape(params["text"]) for _, params in calls) == "<" * 5000


def test_qr_receipt_is_a_photo_with_its_caption() -> None:
    [(method, params)] = api(render([Reply("Mã khai báo: ABC <1>", qr="https://t.me/x?start=r_abc")], CHAT,
                                      ButtonCodec()))
    assert method == "send_photo" and params["photo"].startswith(b"\x89PNG")
    assert params["caption"] == "Mã khai báo: ABC &lt;1&gt;" and params["parse_mode"] == "HTML"


def test_a_caption_over_1024_characters_goes_as_a_separate_text() -> None:
    calls = api(render([Reply("x " * 600, qr="ABC")], CHAT, ButtonCodec()))
    assert [method for method, _ in calls] == ["send_photo", "send_message"]
    assert "caption" not in calls[0][1] and calls[1][1]["text"] == ("x " * 600).strip()


def test_callback_data_over_64_bytes_is_hashed_and_resolves_back() -> None:
    codec = ButtonCodec()
    option = "edit:" + "địa_chỉ_" * 10
    reply = Reply("Xem lại", step="review", options=(ReplyOption(option, "Sửa"), ReplyOption("confirm", "Lưu")))
    [(_, params)] = api(render([reply], CHAT, codec))
    data = [b["callback_data"] for row in params["reply_markup"]["inline_keyboard"] for b in row]
    assert data[1] == "review:confirm" and data[0].startswith("#") and len(data[0].encode()) <= 64
    assert codec.decode(data[0]) == ("review", option)
    assert ButtonCodec().decode(data[0]) == ("", data[0])


def test_chart_and_export_are_sent_as_photo_and_document() -> None:
    chart = Reply("Thống kê <Xã A>", image=b"\x89PNG chart")
    export = Reply("Tệp khai báo", document=("khai-bao.xlsx", b"PK xlsx"))
    assert api(render([chart, export], CHAT, ButtonCodec())) == [
        ("send_photo", {"chat_id": CHAT, "photo": b"\x89PNG chart", "filename": "khaibao-bieu-do.png",
                        "caption": html.escape("Thống kê <Xã A>"), "parse_mode": "HTML"}),
        ("send_document", {"chat_id": CHAT, "document": b"PK xlsx", "filename": "khai-bao.xlsx",
                           "caption": "Tệp khai báo", "parse_mode": "HTML"}),
    ]
