"""Incoming messages and replies as plain JSON, for the stored arrivals and the reply outbox."""

from __future__ import annotations

import base64
from typing import Any

from handlers.protocol import Incoming, Reply, ReplyOption

JSON = dict[str, Any]


def incoming_to_json(incoming: Incoming) -> JSON:
    """``incoming`` as a JSON object."""
    return {
        "channel": incoming.channel, "user_id": incoming.user_id, "text": incoming.text, "kind": incoming.kind,
        "option": list(incoming.option) if incoming.option else None, "message_id": incoming.message_id,
        "display_name": incoming.display_name,
    }


def incoming_from_json(data: JSON) -> Incoming:
    """The message ``incoming_to_json`` wrote."""
    option = data.get("option")
    return Incoming(
        data["channel"], data["user_id"], data.get("text", ""), data.get("kind", "text"),
        (option[0], option[1]) if option else None, data.get("message_id"), data.get("display_name"),
    )


def reply_to_json(reply: Reply) -> JSON:
    """A reply as a JSON object; files are base64."""
    data: JSON = {"text": reply.text}
    if reply.step is not None:
        data["step"] = reply.step
    if reply.options:
        data["options"] = [[option.id, option.label] for option in reply.options]
    if reply.multi:
        data["multi"] = True
    if reply.selected:
        data["selected"] = list(reply.selected)
    if reply.edit:
        data["edit"] = True
    if reply.qr is not None:
        data["qr"] = reply.qr
    if reply.image is not None:
        data["image"] = base64.b64encode(reply.image).decode("ascii")
    if reply.document is not None:
        data["document"] = [reply.document[0], base64.b64encode(reply.document[1]).decode("ascii")]
    if reply.locale != "vi":
        data["locale"] = reply.locale
    return data


def reply_from_json(data: JSON) -> Reply:
    """The reply ``reply_to_json`` wrote."""
    document = data.get("document")
    return Reply(
        data["text"],
        step=data.get("step"),
        options=tuple(ReplyOption(option_id, label) for option_id, label in data.get("options", ())),
        multi=data.get("multi", False),
        selected=tuple(data.get("selected", ())),
        edit=data.get("edit", False),
        qr=data.get("qr"),
        image=base64.b64decode(data["image"]) if "image" in data else None,
        document=(document[0], base64.b64decode(document[1])) if document else None,
        locale=data.get("locale", "vi"),
    )
