"""The health declaration of the national domestic form (tờ khai y tế), for oneself or someone else."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import messages
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
    NextFlow,
    Option,
    Parsed,
    Step,
)
from handlers.flows import common, registration
from handlers.matching.travel import label as travel_label
from handlers.matching.travel import places_travelled
from handlers.matching.vocabulary import NO_WORDS, NO_WORDS_EN, YES_WORDS, YES_WORDS_EN
from handlers.protocol import Context, Reply, SaveDeclaration
from handlers.triage import TriageInput, listed_visits, triage
from handlers.venues.notice import SAME_PLACE

# Where a declaration starts, the words that choose the arrival declaration instead (handlers.flows.arrival).
ARRIVAL_WORDS = ("nhap canh", "vua nhap canh", "moi nhap canh", "khai bao nhap canh", "tu nuoc ngoai ve",
                 "moi ve nuoc", "vua ve nuoc", "nuoc ngoai ve", "moi tu nuoc ngoai ve", "arrival", "arrived",
                 "entry", "just arrived", "entering vietnam")
ARRIVAL_COUNTS_DAYS = 14  # an arrival declaration counts as travel abroad in a declaration for this long after entry
NONE_ALIASES = (*NO_WORDS, "none", "khong co gi", "khong bi gi", "binh thuong", "khoe", "van khoe", "khong sao",
                "khong trieu chung", "khong benh", "khong tiep xuc", "khong co ai", "khong benh gi", "deu khong")
NONE_EN = (*NO_WORDS_EN, "none", "nothing", "no symptoms", "none of these", "none of them", "all good", "healthy",
           "i m fine", "im fine", "fine", "i m healthy", "nope none", "no contact", "no contacts", "neither", "nil")

SYMPTOMS = (
    Option("fever", "symptom.fever", ("sot", "sot cao", "sot nhe", "hoi sot", "nong", "nong sot", "fever"),
           en=("fever", "high fever", "temperature", "a temperature", "feverish", "hot", "high temperature")),
    Option("cough", "symptom.cough", ("ho", "ho khan", "ho nhieu", "ho co dom", "cough"),
           en=("cough", "coughing", "dry cough", "coughs")),
    Option("breathless", "symptom.breathless", ("kho tho", "tho kho", "hut hoi", "tuc nguc", "kho tho nhe"),
           en=("breathless", "short of breath", "breathing", "trouble breathing", "difficulty breathing",
               "hard to breathe", "can t breathe", "breathlessness", "chest tightness")),
    Option("sore_throat", "symptom.sore_throat", ("dau hong", "rat hong", "viem hong", "ngua hong"),
           en=("sore throat", "throat", "throat pain", "scratchy throat")),
    Option("pneumonia", "symptom.pneumonia", ("viem phoi",), en=("pneumonia", "lung infection")),
    Option("fatigue", "symptom.fatigue", ("met", "met moi", "ue oai"),
           en=("tired", "tiredness", "fatigue", "exhausted", "exhaustion", "weak", "weakness")),
    Option("smell_taste", "symptom.smell_taste", ("mat vi giac", "mat khuu giac", "mat mui", "mat vi"),
           en=("smell", "taste", "loss of smell", "loss of taste", "no smell", "no taste", "can t smell",
               "can t taste", "lost my sense of smell", "lost taste")),
    Option("body_ache", "symptom.body_ache", ("dau nhuc", "dau nguoi", "dau minh"),
           en=("aches", "body ache", "ache", "aching", "muscle pain", "body pain", "sore muscles")),
    Option("diarrhoea", "symptom.diarrhoea", ("tieu chay", "di ngoai"), en=("diarrhoea", "diarrhea", "the runs")),
    Option("nausea", "symptom.nausea", ("non", "buon non", "oi"),
           en=("nausea", "vomiting", "vomit", "nauseous", "sick", "throwing up", "feel sick")),
    Option("bleeding", "symptom.bleeding", ("xuat huyet",), en=("bleeding", "bruising", "bruises")),
    Option("rash", "symptom.rash", ("phat ban", "noi ban", "ban do"), en=("rash", "skin rash", "spots")),
    Option("none", "symptom.none", NONE_ALIASES, exclusive=True, en=NONE_EN),
)

EXPOSURES = (
    Option("contact_confirmed", "exposure.contact_confirmed", ("f0", "tiep xuc f0", "ca benh", "gap f0",
                                                               "ca duong tinh", "nguoi duong tinh", "duong tinh"),
           en=("f0", "confirmed", "confirmed case", "positive", "tested positive", "positive case", "close contact")),
    Option("contact_suspected", "exposure.contact_suspected", ("nghi ngo", "f1", "ca nghi ngo", "nguoi bi sot",
                                                               "nguoi bi ho", "nguoi om"),
           en=("f1", "suspected", "suspected case", "someone sick", "sick person", "someone with fever",
               "someone coughing")),
    Option("outbreak_area", "exposure.outbreak_area", ("vung dich", "nuoc ngoai", "o vung dich", "tu nuoc ngoai ve",
                                                       "di nuoc ngoai", "vung co dich", "noi co dich"),
           en=("outbreak", "outbreak area", "abroad", "from abroad", "overseas", "travelled abroad", "traveled abroad",
               "came from abroad")),
    Option("none", "exposure.none", NONE_ALIASES, exclusive=True, en=NONE_EN),
)

CONDITIONS = (
    Option("liver", "condition.liver", ("gan", "benh gan"), en=("liver", "liver disease", "hepatitis")),
    Option("blood", "condition.blood", ("mau", "benh mau"), en=("blood", "blood disease", "anaemia", "anemia")),
    Option("lung", "condition.lung", ("phoi", "benh phoi"), en=("lung", "lungs", "lung disease", "asthma", "copd")),
    Option("kidney", "condition.kidney", ("than", "benh than"), en=("kidney", "kidneys", "kidney disease")),
    Option("heart", "condition.heart", ("tim", "tim mach", "benh tim"), en=("heart", "heart disease", "cardiac")),
    Option("hypertension", "condition.hypertension", ("huyet ap", "cao huyet ap", "tang huyet ap"),
           en=("hypertension", "blood pressure", "high blood pressure")),
    Option("immunodeficiency", "condition.immunodeficiency", ("suy giam mien dich",),
           en=("immune", "immunodeficiency", "weak immune system", "immunocompromised", "hiv")),
    Option("transplant", "condition.transplant", ("ghep tang", "ghep"),
           en=("transplant", "organ transplant", "bone marrow")),
    Option("diabetes", "condition.diabetes", ("tieu duong", "dai thao duong"), en=("diabetes", "diabetic", "sugar")),
    Option("cancer", "condition.cancer", ("ung thu",), en=("cancer", "tumour", "tumor", "chemo")),
    Option("pregnancy", "condition.pregnancy", ("mang thai", "co thai", "co bau"),
           en=("pregnant", "pregnancy", "expecting")),
    Option("none", "condition.none", NONE_ALIASES, exclusive=True, en=NONE_EN),
)

def _dose_words_en(count: int, word: str) -> tuple[str, ...]:
    """The English ways to say a dose count: "2", "two", "2 doses", "two shots", "2 jabs"..."""
    forms = []
    for number in (str(count), word):
        forms += [number, *(f"{number} {unit}" for unit in ("dose", "doses", "shot", "shots", "jab", "jabs")),
                  f"{number} times"]
    return tuple(forms)


def _dose_words(count: int, word: str) -> tuple[str, ...]:
    """The ways to say a dose count: "2", "hai", "2 mui", "hai mui", "mui 2", "tiem 2 mui", "2 lieu"..."""
    forms = []
    for number in (str(count), word):
        forms += [number, f"{number} mui", f"mui {number}", f"mui thu {number}", f"tiem {number} mui",
                  f"{number} lieu", f"da tiem {number} mui", f"{number} mui roi"]
    return tuple(forms)


# Listed 1, 2, 3, 4+, none, so that a typed digit is both the option's number and the dose count.
DOSES = (
    *(Option(f"doses_{n}", f"vaccine.doses_{n}", _dose_words(n, word), en=_dose_words_en(n, word_en))
      for n, word, word_en in ((1, "mot", "one"), (2, "hai", "two"), (3, "ba", "three"))),
    Option("doses_4", "vaccine.doses_4", (*_dose_words(4, "bon"), "4+", "nhieu hon", "tren 3 mui", "5", "5 mui",
                                          "nam mui", "6 mui", "tu 4 mui"),
           en=(*_dose_words_en(4, "four"), "4+", "more", "more than 3", "5", "5 doses", "five", "boosters")),
    Option("doses_0", "vaccine.doses_0", ("0", "chua", "chua tiem", "khong", "chua tiem mui nao", "khong tiem",
                                          "0 mui", "chua co", "chua mui nao", "khong co", "chua di tiem"),
           en=("0", "zero", "none", "no", "not yet", "not vaccinated", "unvaccinated", "never", "0 doses",
               "no doses", "nothing")),
)

WHOM = (
    Option("self", "whom.self", ("ban than", "toi", "minh", "cho toi", "cho minh", "chinh minh", "em", "tui",
                                 "ban than toi", "cho em", "cua toi"),
           en=("myself", "me", "self", "for me", "for myself", "i", "mine", "just me")),
    Option("other", "whom.other", ("nguoi khac", "khai ho", "ho", "nguoi than", "con", "bo", "me", "cho con",
                                   "cho me", "cho bo", "khai cho nguoi khac", "vo", "chong", "ong", "ba"),
           en=("someone else", "other", "another person", "for someone else", "my child", "my son", "my daughter",
               "my mother", "my father", "my wife", "my husband", "child", "parent", "family")),
    Option("arrival", "whom.arrival", ARRIVAL_WORDS,
           en=("arrival", "arrived", "just arrived", "i just arrived", "arrived from abroad", "entering vietnam",
               "from abroad", "entry")),
)

RELATIONS = (
    Option("child", "relation.child", ("con", "con cai"), en=("son", "daughter", "kid", "my child", "children")),
    Option("parent", "relation.parent", ("bo", "me", "cha", "bo me", "cha me"),
           en=("mother", "father", "mum", "mom", "dad", "mother or father")),
    Option("spouse", "relation.spouse", ("vo", "chong", "vo chong"), en=("wife", "husband", "partner")),
    Option("relative", "relation.relative", ("ong", "ba", "anh", "chi", "em", "chau"),
           en=("relative", "brother", "sister", "grandmother", "grandfather", "grandparent", "aunt", "uncle",
               "cousin", "niece", "nephew", "grandchild")),
    Option("other", "relation.other", ("khac",), en=("friend", "neighbour", "neighbor", "colleague")),
)

PROFILE_OPTIONS = (
    Option("yes", "profile.confirm", (*YES_WORDS, "van the", "khong doi", "thong tin dung"),
           en=(*YES_WORDS_EN, "still correct", "unchanged", "no change", "declare", "all correct")),
    Option("edit", "profile.edit", ("sua", "sua thong tin", "chinh sua", "cap nhat", "thay doi", "sai", "doi",
                                    *(word for word in NO_WORDS if word != "chua")),
           en=("edit", "change", "update", "correct them", "fix", "modify", *NO_WORDS_EN)),
)



def _other(answers: Answers) -> bool:
    return answers.get("for_whom") == "other"


def _after_whom(answers: Answers) -> str:
    """Someone else's details, the health questions, or the end (an arrival continues in its own flow)."""
    return {"other": "subject_name", "arrival": END}.get(answers.get("for_whom", ""), "symptoms")


def places(text: str, answers: Answers, ctx: Context) -> Parsed:
    """Places travelled: provinces, communes (old names too) and countries; 'không' for none."""
    value = parsers.basic(text, field_sizes.TRAVEL)
    return value if isinstance(value, Invalid) else places_travelled(value, ctx.locale)


def show_places(value: list[dict[str, Any]], ctx: Context) -> str:
    """Places joined by commas, or 'không'."""
    if not value:
        return messages.t(ctx.locale, "review.none")
    return ", ".join(catalog().label(p["code"]) if p.get("code") else travel_label(p, ctx.locale) for p in value)


# The health questions ask about the person declared for, by name, when it is someone else ("has Binh had...").
def _about(prompt: str) -> dict[str, Any]:
    return {"prompt_for": lambda a: f"{prompt}.other" if _other(a) else prompt,
            "prompt_params": lambda a, ctx: {"name": a.get("subject_name") or ""}}


FLOW = Flow(
    "declare",
    1,
    (
        Step("confirm_profile", "declare.confirm_profile", CHOICE, "label.confirm_profile",
             options=PROFILE_OPTIONS, next=lambda a: "for_whom" if a.get("confirm_profile") == "yes" else END,
             editable=False, prompt_params=lambda a, ctx: {"profile": profile_text(ctx.profile or {}, ctx)}),
        Step("for_whom", "declare.for_whom", CHOICE, "label.for_whom", options=WHOM,
             next=_after_whom),
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
             "subject_commune", show=common.show_area, **common.province_step("subject_province", "subject_commune")),
        Step("subject_commune", "declare.subject_commune", TEXT, "label.subject_commune", "subject_street",
             show=common.show_area, **common.commune_step("subject_province")),
        Step("subject_street", "declare.subject_street", TEXT, "label.subject_street", "symptoms",
             parse=common.address),
        Step("symptoms", "declare.symptoms", MULTI, "label.symptoms", "exposure", options=SYMPTOMS,
             **_about("declare.symptoms")),
        Step("exposure", "declare.exposure", MULTI, "label.exposure", "travel", options=EXPOSURES,
             **_about("declare.exposure")),
        Step("travel", "declare.travel", TEXT, "label.travel", "conditions", parse=places, show=show_places,
             **_about("declare.travel")),
        Step("conditions", "declare.conditions", MULTI, "label.conditions", "vaccine", options=CONDITIONS,
             **_about("declare.conditions")),
        Step("vaccine", "declare.vaccine", CHOICE, "label.vaccine", "review", options=DOSES,
             **_about("declare.vaccine")),
        Step("review", "declare.review", REVIEW, "label.review", options=(Option("confirm", "declare.commit"),)),
    ),
)


def profile_text(profile: Answers, ctx: Context) -> str:
    """The stored profile as a few lines for confirmation."""
    if not profile:
        return ""
    birth = {"year": profile["birth_year"], **({"date": profile["birth_date"]} if profile.get("birth_date") else {})}
    return messages.t(
        ctx.locale,
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
        stored = registration.answers_from_profile(ctx.profile or {})
        return Completion(next_flow=NextFlow("register", answers=stored, review=True, back=True))
    if answers.get("for_whom") == "arrival":
        return Completion(next_flow=NextFlow("arrive", back=True))
    profile = ctx.profile or {}
    for_self = answers["for_whom"] == "self"
    same_address = for_self or answers.get("subject_same_address") == "yes"
    visits = [p for p in answers["travel"] if p.get("code")]
    abroad = tuple(p["country"] for p in answers["travel"] if p.get("country"))
    exposures = _chosen(answers["exposure"])
    if for_self and ctx.exposure_notice:  # the venue notice's exposure is the sender's own, never a family member's
        exposures |= {SAME_PLACE}
    arrived = recent_arrival(ctx) if for_self else None
    if arrived is not None:  # the person entered Viet Nam lately: the countries of their arrival count
        abroad = tuple(dict.fromkeys((*abroad, *arrived)))
        exposures = exposures if arrived else exposures | {"outbreak_area"}
    result = triage(
        TriageInput(
            symptoms=_chosen(answers["symptoms"]),
            exposures=exposures,
            visited_areas=tuple(p["code"] for p in visits),
            visited_provinces=tuple(p["province"] for p in visits),
            visited_countries=abroad,
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
            [*((p["code"], p["province"]) for p in visits), *((code, code) for code in abroad)],
            ctx.outbreak, common.local_today(ctx),
        ),
        "answers": {step.id: answers[step.id] for step in FLOW.path(answers) if step.id in answers},
    }
    if SAME_PLACE in exposures:  # stored among the exposures, so exports and officials see the notice's exposure
        record["answers"]["exposure"] = [*sorted(exposures - {SAME_PLACE}), SAME_PLACE]
    return Completion([SaveDeclaration(record)], result_replies(record, result.reasons, ctx))


def recent_arrival(ctx: Context) -> tuple[str, ...] | None:
    """The countries of the sender's arrival declaration when they entered Viet Nam in the last 14 days (or have
    yet to enter), else None."""
    arrival = ctx.arrival or {}
    entry = arrival.get("entry_date")
    if not entry or date.fromisoformat(entry) < common.local_today(ctx) - timedelta(days=ARRIVAL_COUNTS_DAYS):
        return None
    return tuple(code for code in arrival.get("visited") or () if isinstance(code, str))


def result_replies(record: Answers, reason_keys: tuple[str, ...], ctx: Context) -> list[Reply]:
    """The risk level with its reasons and guidance, then the QR receipt."""
    level = record["risk_level"]
    locale = ctx.locale
    reasons = "\n".join(f"• {messages.t(locale, key)}" for key in reason_keys) or messages.t(locale, "triage.no_reason")
    local = ctx.now.astimezone(ctx.zone)
    until = (ctx.now + timedelta(hours=ctx.receipt_valid_hours)).astimezone(ctx.zone)
    token = receipt.sign(record["code"], ctx.now, ctx.secret)
    name = record["subject_name"]
    if record["for_self"]:
        result = messages.t(locale, f"triage.result.{level}", reasons=reasons)
        guidance = messages.t(locale, f"triage.guidance.{level}")
    else:  # khai hộ: the level and the guidance are the family member's, said with their name
        result = messages.t(locale, "triage.result_for", name=name, level=messages.t(locale, f"level.{level}"),
                            reasons=reasons)
        guidance = messages.t(locale, "triage.guidance_for", name=name,
                              guidance=messages.t(locale, f"triage.guidance.{level}"))
    return [
        Reply(f"{result}\n\n{guidance}"),
        Reply(
            messages.t(
                locale,
                "receipt.caption" if record["for_self"] else "receipt.caption_for",
                name=name,
                code=record["code"],
                level=messages.t(locale, f"level.{level}"),
                time=local.strftime("%H:%M %d/%m/%Y"),
                until=until.strftime("%H:%M %d/%m/%Y"),
            ),
            qr=receipt.qr_content(token, ctx.bot_username),
        ),
    ]
