"""What a commune's officials read in an alert, rendered from the rows it links each time it is sent.

An alert stores no text: a declaration alert is drawn from the declaration and its declarant (for
the phone number when they declared for themselves or gave none for the person, and the street of whoever lives at the
declarant's address), a community alert from the report. Once those
rows are erased or anonymised, the alert (and every broadcast of it rendered again) says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import messages
from handlers.areas import catalog
from handlers.flows import arrival
from handlers.parsers import phone_display

NEW, ADMINS, RESENT, ESCALATED = "new", "admins", "resent", "escalated"
FORMS = (NEW, ADMINS, RESENT, ESCALATED)  # the forms an alert is sent in, each rendered again on erasure
TOLD = "told"  # the declarant's notice of who received the alert (not an alert form: never rendered again)
_HEADINGS = {RESENT: "alert.resent", ESCALATED: "alert.escalated"}
_FOOTERS = {ADMINS: "alert.footer_admins"}
ALERT_SENDERS = "alert:"  # how every broadcast sent about an alert names its sender

Row = Mapping[str, Any]


def declaration_alert(declaration: Row, person: Row | None, locale: str = "vi") -> str:
    """A high-risk declaration: level, code, name, phone, street and commune, reasons; nothing more."""
    answers = declaration.get("answers") or {}
    phone = answers.get("subject_phone") if not declaration["for_self"] else (person or {}).get("phone")
    shown = phone_display(phone) if phone else "—"
    declarant = person or {}
    if not phone and not declaration["for_self"] and declarant.get("phone"):  # khai hộ: reached through the declarant
        shown = messages.t(locale, "alert.declarant_phone", phone=phone_display(declarant["phone"]),
                           name=declarant.get("full_name") or messages.t(locale, "erased"))
    at_home = declaration["for_self"] or answers.get("subject_same_address") == "yes"
    street = answers.get("stay_street") or ((person or {}).get("street") if at_home else answers.get("subject_street"))
    area = catalog().label(declaration["commune_code"] or "")
    reasons = ", ".join(messages.t(locale, f"triage.reason.{reason}") for reason in declaration["reasons"])
    return messages.t(
        locale, "alert.declaration", level=messages.t(locale, f"level.{declaration['risk_level']}"),
        code=declaration["code"], name=declaration["subject_name"] or messages.t(locale, "erased"),
        phone=shown, address=f"{street}, {area}" if street else area, reasons=reasons or "—",
    ) + _arrival_line(answers, locale)


def _arrival_line(answers: Row, locale: str) -> str:
    """For an arrival declaration: when and where the person entered, by which flight or vehicle, their
    nationality and the countries they stayed in (never the passport number)."""
    if "paper" not in answers:
        return ""
    shown = arrival.summary_fields(answers, locale)
    return "\n" + messages.t(locale, "arrival.alert", entry_date=shown["entry_date"], gate=shown["gate"],
                             vehicle=shown["vehicle"], nationality=shown["nationality"], visited=shown["visited"])


def community_alert(report: Row, locale: str = "vi") -> str:
    """A citizen's report, without the reporter's name (their contact only if they gave one)."""
    return messages.t(
        locale, "alert.community", kind=messages.t(locale, f"report.kind.{report['kind']}"),
        area=catalog().label(report["commune_code"]), place=report["place"], who=report["who"] or "—",
        seen=report["seen"],
        contact=phone_display(report["contact"]) if report["contact"] else messages.t(locale, "anonymous"),
    )


def alert_message(text: str, alert_id: int, form: str, locale: str = "vi") -> str:
    """The message sent to officials (or the admins standing in for them): the alert (first, resent or
    escalated) and how to acknowledge it."""
    footer = messages.t(locale, _FOOTERS.get(form, "alert.footer"), id=str(alert_id))
    if form not in _HEADINGS:
        return f"{text}\n\n{footer}"
    return "\n".join([messages.t(locale, _HEADINGS[form]), text, "", footer])


def sender(alert_id: int, form: str) -> str:
    """The broadcast's ``created_by`` naming the alert and the form it was sent in."""
    return f"{ALERT_SENDERS}{alert_id}" if form == NEW else f"{ALERT_SENDERS}{alert_id}:{form}"

