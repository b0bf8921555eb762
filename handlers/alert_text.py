"""What a commune's officials read in an alert, rendered from the rows it links each time it is sent.

An alert stores no text: a declaration alert is drawn from the declaration and its declarant (for
the phone number when they declared for themselves), a community alert from the report. Once those
rows are erased or anonymised, the alert (and every broadcast of it rendered again) says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import messages_vi
from handlers.areas import catalog
from handlers.parsers import phone_display

NEW, RESENT, ESCALATED = "new", "resent", "escalated"
_HEADINGS = {RESENT: "alert.resent", ESCALATED: "alert.escalated"}
_PREFIX = "alert:"

Row = Mapping[str, Any]


def declaration_alert(declaration: Row, person: Row | None) -> str:
    """A high-risk declaration: level, code, name, phone, commune and reasons, nothing more."""
    answers = declaration.get("answers") or {}
    phone = answers.get("subject_phone") if not declaration["for_self"] else (person or {}).get("phone")
    reasons = ", ".join(messages_vi.t(f"triage.reason.{reason}") for reason in declaration["reasons"])
    return messages_vi.t(
        "alert.declaration", level=messages_vi.t(f"level.{declaration['risk_level']}"), code=declaration["code"],
        name=declaration["subject_name"] or messages_vi.t("erased"), phone=phone_display(phone) if phone else "—",
        area=catalog().label(declaration["commune_code"] or ""), reasons=reasons or "—",
    )


def community_alert(report: Row) -> str:
    """A citizen's report, without the reporter's name (their contact only if they gave one)."""
    return messages_vi.t(
        "alert.community", kind=messages_vi.t(f"report.kind.{report['kind']}"),
        area=catalog().label(report["commune_code"]), place=report["place"], who=report["who"] or "—",
        seen=report["seen"],
        contact=phone_display(report["contact"]) if report["contact"] else messages_vi.t("anonymous"),
    )


def alert_message(text: str, alert_id: int, form: str) -> str:
    """The message sent to officials: the alert (first, resent or escalated) and how to acknowledge it."""
    footer = messages_vi.t("alert.footer", id=str(alert_id))
    if form == NEW:
        return f"{text}\n\n{footer}"
    return "\n".join([messages_vi.t(_HEADINGS[form]), text, "", footer])


def sender(alert_id: int, form: str) -> str:
    """The broadcast's ``created_by`` naming the alert and the form it was sent in."""
    return f"{_PREFIX}{alert_id}" if form == NEW else f"{_PREFIX}{alert_id}:{form}"

