"""The answers corpus (tests/data/answers/*.tsv): what people type at each step and what it must mean.

Columns: step kind, what the person types, what it must mean, and for the commune kind the province
answered before. Meanings: an option id (several joined by "+"), an area's label, a date
("1985-03-15", "1985-03", "1985"), "refuse" (asked again with a hint), "ask:<candidate>" (asked back:
"Ý bạn là …?" or a numbered list holding that candidate), "none" for no place travelled; for the arrival
kinds a passport number or "cccd:<number>", ISO country codes, a gate id or "other:<name>", "flight:VN301",
"plate:29A-123.45", "other:<number>" or "on_foot". Each row is run
through the real engine at that step, so it exercises the same matching layer as a conversation.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from handlers.areas import catalog
from handlers.engine import handle
from handlers.flows import FLOWS
from handlers.protocol import Context, Incoming

FOLDER = Path(__file__).parent / "data" / "answers"
NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
CTX = Context(now=NOW, zone=ZoneInfo("Asia/Ho_Chi_Minh"), secret=b"corpus-secret-0123456789abcdef", new_code="CORPUS01",
              profile={"full_name": "Nguyen Van An", "birth_year": 1990, "birth_date": "1990-03-12", "gender": "male",
                       "phone": "+84912345678", "province_code": "33", "commune_code": "12052", "street": "So 12",
                       "consent_at": NOW.isoformat()})
_REGISTERED = {"consent": "agree", "full_name": "Nguyen Van An", "birth": {"date": "1990-03-12", "year": 1990},
               "gender": "male", "phone": "+84912345678", "id_number": None, "province": "33", "commune": "12052",
               "street": "So 12"}
_DECLARED = {"confirm_profile": "yes", "for_whom": "self", "symptoms": ["none"], "exposure": ["none"], "travel": [],
             "conditions": ["none"], "vaccine": "doses_2"}

# The option that ends its flow at once (so the answer is read from where the conversation went).
ENDING = {"consent": ("decline", None), "profile": ("edit", "register")}
# step kind -> (flow, step, answers given before)
KINDS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "consent": ("register", "consent", {}),
    "birth": ("register", "birth", {"consent": "agree", "full_name": "Nguyen Van An"}),
    "gender": ("register", "gender", {"consent": "agree"}),
    "province": ("register", "province", {"consent": "agree"}),
    "commune": ("register", "commune", {"consent": "agree"}),  # after the province typed in the 4th column
    "review_register": ("register", "review", _REGISTERED),
    "profile": ("declare", "confirm_profile", {}),
    "whom": ("declare", "for_whom", {"confirm_profile": "yes"}),
    "relation": ("declare", "subject_relation", {"confirm_profile": "yes", "for_whom": "other"}),
    "yesno": ("declare", "subject_same_address", {"confirm_profile": "yes", "for_whom": "other"}),
    "symptoms": ("declare", "symptoms", {"confirm_profile": "yes", "for_whom": "self"}),
    "exposure": ("declare", "exposure", {"confirm_profile": "yes", "for_whom": "self"}),
    "conditions": ("declare", "conditions", {"confirm_profile": "yes", "for_whom": "self"}),
    "travel": ("declare", "travel", {"confirm_profile": "yes", "for_whom": "self"}),
    "vaccine": ("declare", "vaccine", {"confirm_profile": "yes", "for_whom": "self"}),
    "review_declare": ("declare", "review", _DECLARED),
    "nationality": ("arrive", "nationality", {}),
    "passport": ("arrive", "paper", {"nationality": "US"}),
    "passport_vn": ("arrive", "paper", {"nationality": "VN"}),
    "entry_date": ("arrive", "entry_date", {"nationality": "US"}),
    "gate": ("arrive", "gate", {"nationality": "US"}),
    "vehicle": ("arrive", "vehicle", {"nationality": "US"}),
    "visited": ("arrive", "visited", {"nationality": "US"}),
}
ARRIVAL_KINDS = ("nationality", "passport", "passport_vn", "entry_date", "gate", "vehicle", "visited")


@dataclass(frozen=True)
class Row:
    """One corpus line."""

    file: str
    kind: str
    text: str
    expected: str
    before: str = ""


def load() -> list[Row]:
    """Every row of every corpus file."""
    rows = []
    for path in sorted(FOLDER.glob("*.tsv")):
        with open(path, encoding="utf-8", newline="") as handle_:
            for fields in csv.reader(handle_, delimiter="\t", quoting=csv.QUOTE_NONE):
                if not fields or fields[0].startswith("#") or not fields[0].strip():
                    continue
                kind, text, expected, *rest = fields
                rows.append(Row(path.name, kind, text, expected, rest[0] if rest else ""))
    return rows


def _state(flow_id: str, step_id: str, answers: dict[str, Any]) -> dict[str, Any]:
    flow = FLOWS[flow_id][0]
    return {"v": 1, "flow": flow_id, "version": flow.version, "step": step_id, "answers": dict(answers),
            "history": [], "edit": False, "choices": {}, "selected": [], "presets": {}, "touched": NOW.isoformat()}


def _send(state: dict[str, Any], text: str) -> dict[str, Any]:
    return handle(state, Incoming("corpus", "u1", text=text, message_id="m"), CTX).state


def meaning(row: Row) -> str:
    """What the engine made of the row's input, in the corpus's notation."""
    flow_id, step_id, answers = KINDS[row.kind]
    state = _state(flow_id, "province" if row.before else step_id, answers)
    if row.before:
        state = _send(state, row.before)
        if state.get("step") != step_id:
            return f"before did not lead to {step_id}"
    after = _send(state, row.text)
    picked = after.get("choices", {}).get(step_id)
    if picked:
        return "ask:" + "|".join(item[1] for item in picked["items"])
    if row.kind in ENDING and after.get("flow") == ENDING[row.kind][1]:
        return ENDING[row.kind][0]
    if step_id == "review":
        if after.get("flow") != flow_id:
            return "confirm"
        edited = after["history"][-1:] == ["review"]
        return f"edit:{after['step']}" if edited else "refuse"
    if step_id not in after.get("answers", {}) or after.get("step") == step_id:
        return "refuse"
    return _show(row.kind, after["answers"][step_id], after)


def _show(kind: str, value: Any, state: dict[str, Any]) -> str:
    if kind == "province":
        commune = state["answers"].get("commune") or state.get("presets", {}).get("commune")
        return catalog().label(commune or value)
    if kind == "commune":
        return catalog().label(value)
    if kind == "birth":
        if "date" in value:
            return str(value["date"])
        return f"{value['year']}-{value['month']:02d}" if "month" in value else str(value["year"])
    if kind == "travel":
        return "+".join(sorted(place.get("country") or place["text"] for place in value)) or "none"
    if kind in ("passport", "passport_vn"):
        return f"cccd:{value['number']}" if value["type"] == "cccd" else str(value["number"])
    if kind == "gate":
        return value["id"] + (f":{value['name']}" if value.get("name") else "")
    if kind == "vehicle":
        return value["kind"] + (f":{value['number']}" if value.get("number") else "")
    if isinstance(value, list):
        return "+".join(sorted(value))
    return str(value)


def agrees(row: Row, got: str) -> bool:
    """True when the engine's meaning is the row's (multi-choice and travel order ignored)."""
    if row.expected.startswith("ask:") and got.startswith("ask:"):
        return row.expected[4:] in got[4:].split("|")
    if "+" in row.expected or "+" in got:
        return sorted(row.expected.split("+")) == sorted(got.split("+"))
    return got == row.expected
