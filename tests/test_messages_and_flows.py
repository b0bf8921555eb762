"""Every message key the code uses exists, in every catalogue, with matching placeholders; the flows validate."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import messages
from handlers.flow import CHOICE, END, TEXT, Flow, FlowError, Ok, Option, Step, validate
from handlers.flows import FLOWS, SAMPLE_ANSWERS

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [path for folder in ("bot", "handlers") for path in (ROOT / folder).rglob("*.py")]
KEY_CALLS = {"t", "say", "Invalid", "Ok", "Option", "Step", "Reply", "CccdProblem", "DirectiveError"}


def _literal_keys(tree: ast.AST) -> list[tuple[ast.Call, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in KEY_CALLS:
            continue
        for arg in node.args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and _looks_like_key(arg.value):
                found.append((node, arg.value))
    return found


def _looks_like_key(text: str) -> bool:
    head = text.split(".", 1)[0]
    return "." in text and " " not in text and head.isidentifier() and head.islower() and not text.endswith(".")


@pytest.mark.parametrize("locale", messages.LOCALES)
@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_literal_key_exists_with_its_placeholders(path: Path, locale: str) -> None:
    catalog = messages.catalog(locale)
    for call, key in _literal_keys(ast.parse(path.read_text(encoding="utf-8"))):
        assert key in catalog, f"{path.name}: unknown message key {key!r} in {locale}"
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
        if name in ("t", "say") and not any(kw.arg is None for kw in call.keywords):
            assert {kw.arg for kw in call.keywords} == messages.placeholders(locale, key), f"{path.name}: {key}"


@pytest.mark.parametrize("locale", messages.LOCALES)
@pytest.mark.parametrize("level", ["green", "yellow", "red"])
def test_keys_built_from_levels_exist(level: str, locale: str) -> None:
    assert messages.placeholders(locale, f"triage.result.{level}") == {"reasons"}
    assert messages.placeholders(locale, f"triage.guidance.{level}") == set()
    assert messages.t(locale, f"level.{level}")


@pytest.mark.parametrize("locale", messages.LOCALES)
def test_messages_are_trimmed_and_short_enough(locale: str) -> None:
    for key, text in messages.catalog(locale).items():
        assert text.strip() == text and text, key
        assert len(text) <= 2000, key


def test_missing_key_or_parameter_raises() -> None:
    with pytest.raises(KeyError):
        messages.t(messages.EN, "no.such.key")
    with pytest.raises(KeyError):
        messages.t(messages.VI, "multi.chosen")


@pytest.mark.parametrize("flow_id", list(FLOWS))
def test_shipped_flows_validate(flow_id: str) -> None:
    flow = FLOWS[flow_id][0]
    validate(flow, SAMPLE_ANSWERS[flow_id])
    for answers in SAMPLE_ANSWERS[flow_id]:
        assert flow.path(answers)


def _name(text, answers, ctx):  # type: ignore[no-untyped-def]
    return Ok(text)


def test_flow_with_duplicate_ids_is_refused() -> None:
    step = Step("a", "register.full_name", TEXT, "label.full_name", parse=_name)
    with pytest.raises(FlowError, match="duplicate step ids"):
        validate(Flow("x", 1, (step, step)))


def test_flow_with_unknown_target_is_refused() -> None:
    step = Step("a", "register.full_name", TEXT, "label.full_name", "nowhere", parse=_name)
    with pytest.raises(FlowError, match="does not exist"):
        validate(Flow("x", 1, (step,)))


def test_flow_with_unknown_message_key_is_refused() -> None:
    step = Step("a", "no.such.prompt", TEXT, "label.full_name", parse=_name)
    with pytest.raises(FlowError, match="unknown message keys"):
        validate(Flow("x", 1, (step,)))


def test_flow_with_a_loop_is_refused() -> None:
    first = Step("a", "register.full_name", TEXT, "label.full_name", "b", parse=_name)
    second = Step("b", "register.birth", TEXT, "label.birth", "a", parse=_name)
    with pytest.raises(FlowError, match="loops"):
        validate(Flow("x", 1, (first, second)))


def test_choice_step_without_options_is_refused() -> None:
    step = Step("a", "register.gender", CHOICE, "label.gender", END)
    with pytest.raises(FlowError, match="needs options"):
        validate(Flow("x", 1, (step,)))


def test_duplicate_option_ids_are_refused() -> None:
    option = Option("yes", "option.yes")
    step = Step("a", "register.gender", CHOICE, "label.gender", END, options=(option, option))
    with pytest.raises(FlowError, match="duplicate option ids"):
        validate(Flow("x", 1, (step,)))
