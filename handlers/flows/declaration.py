"""The health declaration of the national domestic form (tờ khai y tế), for oneself or someone else."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import messages_vi
from handlers import field_sizes, parsers, receipt
from handlers.areas import catalog
from handlers.flow import (
    CHOICE,
    END,
    MULTI,
    REVIEW,
    TEXT,
    Answers,
    Completion,
    Flow,
    Invalid,
    Ok,
    Option,
    Parsed,
    Step,
)
from handlers.flows import common
from handlers.protocol import Context, Reply, SaveDeclaration
from handlers.text import fold
from handlers.triage import TriageInput, listed_visits, triage

NONE_ALIASES = ("khong", "khong co", "ko", "k", "no", "none")

SYMPTOMS = (
    Option("fever", "symptom.fever", ("sot", "sot cao")),
    Option("cough", "symptom.cough", ("ho", "ho khan")),
    Option("breathless", "symptom.breathless", ("kho tho", "tho kho")),
    Option("sore_throat", "symptom.sore_throat", ("dau hong", "rat hong")),
    Option("pneumonia", "symptom.pneumonia", ("viem phoi",)),
    Option("fatigue", "symptom.fatigue", ("met", "met moi", "ue oai")),
    Option("smell_taste", "symptom.smell_taste", ("mat vi giac", "mat khuu giac", "mat mui", "mat vi")),
    Option("body_ache", "symptom.body_ache", ("dau nhuc", "dau nguoi", "dau minh")),
    Option("diarrhoea", "symptom.diarrhoea", ("tieu chay", "di ngoai")),
    Option("nausea", "symptom.nausea", ("non", "buon non", "oi")),
    Option("bleeding", "symptom.bleeding", ("xuat huyet",)),
    Option("rash", "symptom.rash", ("phat ban", "noi ban", "ban do")),
    Option("none", "symptom.none", NONE_ALIASES, exclusive=True),
)

EXPOSURES = (
    Option("contact_confirmed", "exposure.contact_confirmed", ("f0", "tiep xuc f0", "ca benh")),
    Option("contact_suspected", "exposure.contact_suspected", ("nghi ngo", "f1")),
    Option("outbreak_area", "exposure.outbreak_area", ("vung dich", "nuoc ngoai", "o vung dich")),
    Option("none", "exposure.none", NONE_ALIASES, exclusive=True),
)

CONDITIONS = (
    Option("liver", "condition.liver", ("gan", "benh gan")),
    Option("blood", "condition.blood", ("mau", "benh mau")),
    Option("lung", "condition.lung", ("phoi", "benh phoi")),
    Option("kidney", "condition.kidney", ("than", "benh than")),
    Option("heart", "condition.heart", ("tim", "tim mach", "benh tim")),
    Option("hypertension", "condition.hypertension", ("huyet ap", "cao huyet ap", "tang huyet ap")),
    Option("immunodeficiency", "condition.immunodeficiency", ("suy giam mien dich",)),
    Option("transplant", "condition.transplant", ("ghep tang", "ghep")),
    Option("diabetes", "condition.diabetes", ("tieu duong", "dai thao duong")),
    Option("cancer", "condition.cancer", ("ung thu",)),
    Option("pregnancy", "condition.pregnancy", ("mang thai", "co thai", "co bau")),
    Option("none", "condition.none", NONE_ALIASES, exclusive=True),
)

DOSES = tuple(
    Option(f"doses_{n}", f"vaccine.doses_{n}", aliases) for n, aliases in (
        (0, ("0", "chua", "chua tiem", "khong")), (1, ("1 mui", "mot")), (2, ("2 mui", "hai")),
        (3, ("3 mui", "ba")), (4, ("4 mui", "bon", "4+", "nhieu hon")),
    )
)

WHOM = (
    Option("self", "whom.self", ("ban than", "toi", "minh", "cho toi")),
    Option("other", "whom.other", ("nguoi khac", "khai ho", "ho", "nguoi than", "con", "bo", "me")),
)

RELATIONS = (
    Option("child", "relation.child", ("con", "con cai")),
    Option("parent", "relation.parent", ("bo", "me", "cha", "bo me", "cha me")),
    Option("spouse", "relation.spouse", ("vo", "chong", "vo chong")),
    Option("relative", "relation.relative", ("ong", "ba", "anh", "chi", "em", "chau")),
    Option("other", "relation.other", ("khac",)),
)

PROFILE_OPTIONS = (
    Option("yes", "profile.confirm", ("dung", "co", "c", "ok", "yes")),
    Option("edit", "profile.edit", ("sua", "sua thong tin", "chinh sua")),
)

_PLACE_SPLIT = re.compile(r"[,;\n]|\bva\b")


def _other(answers: Answers) -> bool:
    return answers.get("for_whom") == "other"


def places(text: str, answers: Answers, ctx: Context) -> Parsed:
    """Places travelled, comma-separated: matched to provinces or communes where possible; 'không' for none."""
    if parsers.is_skip(text):
        return Ok([])
    value = parsers.parse_free_text(text, field_sizes.TRAVEL)
    if isinstance(value, Invalid):
        return value
    found = []
    for piece in filter(None, (part.strip() for part in _PLACE_SPLIT.split(fold(value.value)))):
        original = _original_piece(value.value, piece)
        area = catalog().named(piece)
        found.append({"text": original, "code": area.code if area else None,
                      "province": area.province_code if area else None})
    return Ok(found) if found else Invalid("input.empty")


def _original_piece(text: str, folded_piece: str) -> str:
    for part in re.split(r"[,;\n]", text):
        if fold(part).strip() == folded_piece:
            return part.strip()
    return folded_piece


def show_places(value: list[dict[str, Any]], ctx: Context) -> str:
    """Places joined by commas, or 'không'."""
    if not value:
        return messages_vi.t("review.none")
    return ", ".join(catalog().label(p["code"]) if p["code"] else p["text"] for p in value)


FLOW = Flow(
    "declare",
    1,
    (
        Step("confirm_profile", "declare.confirm_profile", CHOICE, "label.confirm_profile",
             options=PROFILE_OPTIONS, next=lambda a: "for_whom" if a.get("confirm_profile") == "yes" else END,
             editable=False, prompt_params=lambda a, ctx: {"profile": profile_text(ctx.profile or {}, ctx)}),
        Step("for_whom", "declare.for_whom", CHOICE, "label.for_whom", options=WHOM,
             next=lambda a: "subject_name" if _other(a) else "symptoms"),
        Step("subject_name", "declare.subject_name", TEXT, "label.subject_name", "subject_birth",
             parse=common.name),
        Step("subject_birth", "declare.subject_birth", TEXT, "label.subject_birth", "subject_gender",
             parse=common.birth, show=common.show_birth),
        Step("subject_gender", "declare.subject_gender", CHOICE, "label.subject_gender", "subject_relation",
             options=common.GENDERS),
        Step("subject_relation", "declare.subject_relation", CHOICE, "label.subject_relation",
             "subject_phone", options=RELATIONS),
        Step("subject_phone", "declare.subject_phone", TEXT, "label.subject_phone", "subject_same_address",
             parse=common.optional_phone, show=common.show_phone),
        Step("subject_same_address", "declare.subject_same_address", CHOICE, "label.subject_same_address",
             options=(common.YES, common.NO),
             next=lambda a: "symptoms" if a.get("subject_same_address") == "yes" else "subject_province"),
        Step("subject_province", "declare.subject_province", TEXT, "label.subject_province",
             "subject_commune", parse=common.pick_province, show=common.show_area, clears=("subject_commune",)),
        Step("subject_commune", "declare.subject_commune", TEXT, "label.subject_commune", "subject_street",
             parse=common.commune_picker("subject_province"), show=common.show_area,
             prompt_params=lambda a, ctx: {"province": common.show_area(a.get("subject_province", ""), ctx)}),
        Step("subject_street", "declare.subject_street", TEXT, "label.subject_street", "symptoms",
             parse=common.address),
        Step("symptoms", "declare.symptoms", MULTI, "label.symptoms", "exposure", options=SYMPTOMS),
        Step("exposure", "declare.exposure", MULTI, "label.exposure", "travel", options=EXPOSURES),
        Step("travel", "declare.travel", TEXT, "label.travel", "conditions", parse=places, show=show_places),
        Step("conditions", "declare.conditions", MULTI, "label.conditions", "vaccine", options=CONDITIONS),
        Step("vaccine", "declare.vaccine", CHOICE, "label.vaccine", "review", options=DOSES),
        Step("review", "declare.review", REVIEW, "label.review", options=(Option("confirm", "declare.commit"),)),
    ),
)


def profile_text(profile: Answers, ctx: Context) -> str:
    """The stored profile as a few lines for confirmation."""
    if not profile:
        return ""
    birth = {"year": profile["birth_year"], **({"date": profile["birth_date"]} if profile.get("birth_date") else {})}
    return messages_vi.t(
        "profile.summary",
        name=profile["full_name"],
        birth=common.show_birth(birth, ctx),
        phone=parsers.phone_display(profile["phone"]),
        address=f"{profile['street']}, {catalog().label(profile['commune_code'])}",
    )


def _chosen(values: list[str]) -> frozenset[str]:
    return frozenset(value for value in values if value != "none")


def finish(answers: Answers, ctx: Context) -> Completion:
    """Triage, the declaration record and the receipt; or a switch to editing the profile."""
    if answers.get("confirm_profile") == "edit":
        return Completion(next_flow="register_edit")
    profile = ctx.profile or {}
    for_self = answers["for_whom"] == "self"
    same_address = for_self or answers.get("subject_same_address") == "yes"
    visits = [p for p in answers["travel"] if p["code"]]
    result = triage(
        TriageInput(
            symptoms=_chosen(answers["symptoms"]),
            exposures=_chosen(answers["exposure"]),
            visited_areas=tuple(p["code"] for p in visits),
            visited_provinces=tuple(p["province"] for p in visits),
        ),
        ctx.outbreak,
        common.local_today(ctx),
    )
    valid_until = ctx.now + timedelta(hours=ctx.receipt_valid_hours)
    record = {
        "code": ctx.new_code,
        "created_at": ctx.now.isoformat(),
        "valid_until": valid_until.isoformat(),
        "for_self": for_self,
        "subject_name": profile.get("full_name") if for_self else answers["subject_name"],
        "province_code": profile.get("province_code") if same_address else answers["subject_province"],
        "commune_code": profile.get("commune_code") if same_address else answers["subject_commune"],
        "risk_level": result.level,
        "reasons": [key.rsplit(".", 1)[1] for key in result.reasons],
        "listed_visits": listed_visits(
            ((p["code"], p["province"]) for p in visits), ctx.outbreak, common.local_today(ctx)
        ),
        "answers": {step.id: answers[step.id] for step in FLOW.path(answers) if step.id in answers},
    }
    return Completion([SaveDeclaration(record)], result_replies(record, result.reasons, ctx))


def result_replies(record: Answers, reason_keys: tuple[str, ...], ctx: Context) -> list[Reply]:
    """The risk level with its reasons and guidance, then the QR receipt."""
    level = record["risk_level"]
    reasons = "\n".join(f"• {messages_vi.t(key)}" for key in reason_keys) or messages_vi.t("triage.no_reason")
    local = ctx.now.astimezone(ctx.zone)
    until = (ctx.now + timedelta(hours=ctx.receipt_valid_hours)).astimezone(ctx.zone)
    token = receipt.sign(record["code"], ctx.now, ctx.secret)
    name = record["subject_name"]
    if record["for_self"]:
        result = messages_vi.t(f"triage.result.{level}", reasons=reasons)
        guidance = messages_vi.t(f"triage.guidance.{level}")
    else:  # khai hộ: the level and the guidance are the family member's, said with their name
        result = messages_vi.t("triage.result_for", name=name, level=messages_vi.t(f"level.{level}"), reasons=reasons)
        guidance = messages_vi.t("triage.guidance_for", name=name, guidance=messages_vi.t(f"triage.guidance.{level}"))
    return [
        Reply(f"{result}\n\n{guidance}"),
        Reply(
            messages_vi.t(
                "receipt.caption" if record["for_self"] else "receipt.caption_for",
                name=name,
                code=record["code"],
                level=messages_vi.t(f"level.{level}"),
                time=local.strftime("%H:%M %d/%m/%Y"),
                until=until.strftime("%H:%M %d/%m/%Y"),
            ),
            qr=receipt.qr_content(token, ctx.bot_username),
        ),
    ]
