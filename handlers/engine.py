"""The conversation engine: handle(state, incoming, ctx) -> Outcome, pure and platform-neutral."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import messages
from handlers import commands, language, paste
from handlers.areas import catalog
from handlers.flow import CHOICE, END, MULTI, REVIEW, Flow, Invalid, NextFlow, Ok, Parsed, Pick, Step
from handlers.flows import FLOWS
from handlers.flows import venues as venue_flows
from handlers.matching import options as matching
from handlers.matching import vocabulary
from handlers.matching.countries import place_label
from handlers.matching.normal import meaningful
from handlers.protocol import (
    BUTTON,
    DOCUMENT,
    TEXT,
    UNSUPPORTED,
    Context,
    Incoming,
    Outcome,
    Reply,
    ReplyOption,
    ServerCommand,
    SetLocale,
)
from handlers.text import fold

STATE_VERSION = 1
DONE = "__done__"
CONFIRM = "confirm"
RESUME_CHECKIN = "resume_checkin"  # the venue someone registering came to check in at
PENDING = "pending"  # a first message's check-in command, carried out once the language is chosen
NOTICE = "exposure_notice"  # a declaration started from an exposure notice the sender really received
ASIDE = "aside"  # the conversation under way when an aside flow (/xoadulieu, a check-in) started
LAST_QUESTION = "last_question"  # the conversation as it was before the answer that ended its flow
CAME_FROM = "came_from"  # that conversation, kept by a flow it led to (NextFlow.back) for /quaylai


def t(locale: str, key: str, **params: Any) -> str:
    """Shorthand for a message by key in the user's language."""
    return messages.t(locale, key, **params)


def idle_state(now: datetime) -> dict[str, Any]:
    """The state of a user with no conversation under way."""
    return {"v": STATE_VERSION, "flow": None, "touched": now.isoformat()}


def handle(state: dict[str, Any] | None, incoming: Incoming, ctx: Context) -> Outcome:
    """Handle one incoming message; returns the new state, the replies and the effects to carry out."""
    current = json.loads(json.dumps(state)) if state else idle_state(ctx.now)
    out = Outcome(current)
    if current.get("locale", ctx.locale) != ctx.locale:
        ctx = replace(ctx, locale=current["locale"])
    if current.get(NOTICE):
        ctx = replace(ctx, exposure_notice=True)
    if current.get("flow") and _expired(current, ctx):
        _reset(out, ctx)
        current = out.state
        out.replies.append(Reply(t(ctx.locale, "session.expired")))
    current["touched"] = ctx.now.isoformat()
    joining = current.pop("joining", None)
    text = incoming.text.strip()
    asked = current.pop("asking", None) == LANGUAGE or (incoming.option or ("",))[0] == language.STEP
    if asked and _language_answer(out, incoming, ctx):
        return out
    current.pop(PENDING, None)  # the language question went unanswered: the command waiting for it is dropped
    if state is None and not ctx.registered:
        spoken = _first_contact(out, incoming, ctx)
        if spoken is None:
            return out
        ctx = spoken
    if incoming.kind == UNSUPPORTED or (incoming.kind == DOCUMENT and not current.get("flow")):
        key = "input.unsupported" if incoming.kind == UNSUPPORTED else "input.file_not_expected"
        out.replies.append(Reply(t(ctx.locale, key)))
        _reprompt(out, ctx)
    elif text.startswith("/") and incoming.kind != BUTTON:
        _command(out, text, ctx)
    elif not current.get("flow"):
        _start_entry(out, ctx)
    else:
        _answer(out, incoming, ctx, joining)
    return out


# --- language ---------------------------------------------------------------------------------------

LANGUAGE = "language"


def _first_contact(out: Outcome, incoming: Incoming, ctx: Context) -> Context | None:
    """Someone new: English when they greet in English, the language question when their first message says
    nothing about it (``/start``, "ok"); the context to go on with, or None when the question was asked."""
    text = incoming.text.strip()
    if incoming.kind != TEXT:
        return ctx
    if text.startswith("/"):
        name, _, argument = text.partition(" ")
        name = fold(name.split("@", 1)[0])
        if name[1:] in commands.english_names():  # a first message that is an English command is English
            return _set_locale(out, messages.EN, ctx)
        if name == "/start" and not argument.strip():
            _ask_language(out, ctx)
            return None
        if _venue_command(name, argument.strip()):  # the bilingual poster's QR or code, a notice's link
            _ask_language(out, ctx)
            out.state[PENDING] = text
            return None
        return ctx
    detected = language.detect(text)
    if detected is None:
        _ask_language(out, ctx)
        return None
    if detected == messages.EN:
        ctx = _set_locale(out, messages.EN, ctx)
        out.replies.append(Reply(t(ctx.locale, "language.detected")))
    return ctx


def _venue_command(name: str, argument: str) -> bool:
    """True for /checkin [CODE], the poster's /start l_<token> and a notice's /start e_...: what people of any
    language are told to send, so the language is asked before them."""
    command = commands.typed(name[1:])
    if command is not None and command.action == "restart":
        link = commands.start_link(argument)
        command = link[0] if link else None
    return command is not None and command.action in ("checkin", "declare_exposed")


def _ask_language(out: Outcome, ctx: Context, hint: bool = False) -> None:
    """The question "Tiếng Việt / English"; the current question, if any, stays."""
    out.state["asking"] = LANGUAGE
    text = t(ctx.locale, "language.prompt")
    if hint:
        text = f"{t(ctx.locale, 'language.hint')}\n\n{text}"
    options = tuple(ReplyOption(option.id, t(ctx.locale, option.key)) for option in language.OPTIONS)
    out.replies.append(Reply(text, step=language.STEP, options=options))


def _language_answer(out: Outcome, incoming: Incoming, ctx: Context) -> bool:
    """An answer to the language question switches the language; False when the message answers something else
    (the question on screen then takes it), or asks again when there is nothing else to answer."""
    chosen: str | None
    if incoming.kind == BUTTON:
        step_id, option_id = incoming.option or ("", "")
        chosen = option_id if step_id == language.STEP and option_id in messages.LOCALES else None
    else:
        picked = matching.choose_one(incoming.text, matching.from_options(language.OPTIONS, ctx.locale), ctx.locale)
        chosen = language.named(incoming.text) or (picked.value if isinstance(picked, Ok) else None)
        if chosen is None and not out.state.get("flow"):
            chosen = language.detect(incoming.text) if not incoming.text.strip().startswith("/") else None
    if chosen is None:
        if out.state.get("flow") or incoming.text.strip().startswith("/"):
            return False
        _ask_language(out, ctx, hint=True)
        return True
    _switch_language(out, chosen, ctx)
    return True


def _set_locale(out: Outcome, locale: str, ctx: Context) -> Context:
    """Speak ``locale`` from now on: kept in the conversation and on the person's record."""
    out.state["locale"] = locale
    out.effects.append(SetLocale(locale))
    return replace(ctx, locale=locale)


def _switch_language(out: Outcome, locale: str, ctx: Context) -> None:
    """Switch, say so in the new language, and go on: the current question again, or registration."""
    ctx = _set_locale(out, locale, ctx)
    out.replies.append(Reply(t(locale, "language.set")))
    pending = out.state.pop(PENDING, None)
    if pending:  # the check-in (or notice) link that came first, now in the language chosen
        _command(out, pending, ctx)
    elif out.state.get("flow"):
        _reprompt(out, ctx, short=False)
    elif not ctx.registered:
        _start_entry(out, ctx)


def _language(out: Outcome, argument: str, ctx: Context) -> None:
    """/ngonngu, /language [tieng viet|english]: switch at once when a language is named, else ask."""
    chosen = language.named(argument) if argument else None
    if chosen:
        _switch_language(out, chosen, ctx)
    else:
        _ask_language(out, ctx)


def _expired(state: dict[str, Any], ctx: Context) -> bool:
    touched = datetime.fromisoformat(state["touched"])
    return ctx.now - touched > timedelta(hours=ctx.idle_hours)


# --- commands -------------------------------------------------------------------------------------


def _command(out: Outcome, text: str, ctx: Context) -> None:
    name, _, argument = text.partition(" ")
    command = commands.typed(fold(name[1:].split("@", 1)[0]))
    if command is None:
        out.replies.append(Reply(t(ctx.locale, "command.unknown")))
        _reprompt(out, ctx)
        return
    _run(out, command, argument.strip(), ctx)


def _run(out: Outcome, command: commands.Command, argument: str, ctx: Context) -> None:
    """Carry out a registry entry: start its flow, run the engine's action, or ask the server."""
    if command.flow:
        _start_flow_command(out, command.flow, ctx)
    elif command.action:
        ACTIONS[command.action](out, argument, ctx)
    else:
        _server(out, command.name, argument, ctx)


def _restart(out: Outcome, argument: str, ctx: Context) -> None:
    """/start, /batdau, /khaibao: a link's command (`inv_`, `v_`...), else the first step again."""
    link = commands.start_link(argument)
    if link is not None:
        _run(out, *link, ctx)
        return
    _reset(out, ctx)
    _start_entry(out, ctx, _deep_link_presets(argument))


def _server(out: Outcome, name: str, argument: str, ctx: Context) -> None:
    """A command answered by the server (it checks roles there); the current question stays."""
    out.add(ServerCommand(name, argument))
    _reprompt(out, ctx)


def _redeem(out: Outcome, argument: str, ctx: Context) -> None:
    """/canbo CODE: straight to the server for someone with a profile; else their name is asked first."""
    if ctx.registered and argument.strip():
        _server(out, "canbo", argument, ctx)
        return
    _reset(out, ctx)
    code = "".join(argument.split()).upper()
    _start_flow(out, "redeem", ctx, presets={"code": code} if code else None)


def _checkin(out: Outcome, argument: str, ctx: Context) -> None:
    """/checkin CODE or the QR's /start l_<token>: confirm at the venue (the service looked it up in ctx.venue),
    then back to the question that was on screen; a bare /checkin or a code no venue has asks for the code.
    Someone not registered registers first and comes back to the same venue."""
    venue = ctx.venue
    if not ctx.registered and (venue is None or not argument.strip()):
        key = "checkin.usage" if not argument.strip() else "checkin.unknown_register_first"
        out.replies.append(Reply(t(ctx.locale, key)))
        if argument.strip() and not out.state.get("flow"):  # as the answer says: registration first
            _start_entry(out, ctx)
        else:
            _reprompt(out, ctx)
        return
    if venue is not None and venue["status"] != "active":
        out.replies.append(Reply(t(ctx.locale, "checkin.suspended", name=venue["name"])))
        _reprompt(out, ctx)
        return
    paused = _interrupted(out.state)
    snapshot = venue_flows.venue_snapshot(venue, ctx.household) if venue is not None else None
    _reset(out, ctx)
    if not ctx.registered:
        out.replies.append(Reply(t(ctx.locale, "checkin.register_first", name=venue["name"])))  # type: ignore[index]
        _start_flow(out, "register", ctx)
        out.state[RESUME_CHECKIN] = snapshot
        return
    if snapshot is None and argument.strip():  # a mistyped code or a broken link: the code is asked
        out.replies.append(Reply(t(ctx.locale, "checkin.unknown")))
    _start_flow(out, "checkin", ctx, presets={"venue": snapshot} if snapshot else None)
    if paused:
        out.state[ASIDE] = paused


def _declare_exposed(out: Outcome, ctx: Context) -> None:
    """/tiepxuc, the exposure notice's "declare now": a declaration whose record adds the notice's exposure (at the
    same place and time as a case) when the sender really was sent a notice and declares for themselves; every
    question is still asked. Without a notice, an ordinary declaration."""
    _reset(out, ctx)
    if not ctx.registered:
        _start_entry(out, ctx)
        return
    out.replies.append(Reply(t(ctx.locale, "exposure.declare_intro" if ctx.exposure_notice else "exposure.no_notice")))
    _start_flow(out, "declare", ctx)
    if ctx.exposure_notice:
        out.state[NOTICE] = True


def _cancel(out: Outcome, argument: str, ctx: Context) -> None:
    """/huy: the conversation under way is dropped; an aside flow (a check-in, /xoadulieu) in the middle of one goes
    back to it."""
    interrupted = out.state.get(ASIDE) if out.state.get("flow") and _flow(out.state).aside else None
    if interrupted:
        cancelled = "checkin.cancelled" if out.state["flow"] == "checkin" else "command.cancelled"
        _reset(out, ctx)
        out.state.update(interrupted)
        out.replies.append(Reply(t(ctx.locale, cancelled)))
        _reprompt(out, ctx, short=False)
        return
    was_active = bool(out.state.get("flow"))
    _reset(out, ctx)
    out.replies.append(Reply(t(ctx.locale, "command.cancelled" if was_active else "command.nothing_to_cancel")))


def _outbreak(out: Outcome, argument: str, ctx: Context) -> None:
    out.replies.append(Reply(_outbreak_text(ctx)))
    _reprompt(out, ctx)


def _start_flow_command(out: Outcome, flow_id: str, ctx: Context) -> None:
    flow = FLOWS[flow_id][0]
    refusal = "command.admin_only" if flow.admin_only and not ctx.is_admin else None
    refusal = refusal or (flow.unavailable(ctx) if flow.unavailable else None)
    if refusal:
        out.replies.append(Reply(t(ctx.locale, refusal)))
        _reprompt(out, ctx)
        return
    interrupted = _interrupted(out.state) if flow.aside else None
    _reset(out, ctx)
    if interrupted:
        out.state[ASIDE] = interrupted
    _start_flow(out, flow_id, ctx)


def _interrupted(state: dict[str, Any]) -> dict[str, Any] | None:
    """The conversation an aside flow interrupts (the one it already interrupts, when asked again), or None."""
    if not state.get("flow"):
        return None
    if _flow(state).aside:
        return state.get(ASIDE)
    return {key: value for key, value in state.items() if key not in ("v", "touched", "locale")}


def _arrival(out: Outcome, argument: str, ctx: Context) -> None:
    """The arrival declaration; someone not yet registered registers first and then continues with it."""
    _reset(out, ctx)
    if ctx.registered:
        _start_flow(out, "arrive", ctx)
        return
    out.replies.append(Reply(t(ctx.locale, "arrival.register_first")))
    _start_flow(out, "register", ctx, then="arrive")


# The engine's own answers to commands (``action=`` in the registry).
ACTIONS: dict[str, Callable[[Outcome, str, Context], None]] = {
    "restart": _restart,
    "cancel": _cancel,
    "back": lambda out, argument, ctx: _back(out, ctx),
    "outbreak": _outbreak,
    "redeem": _redeem,
    "arrival": _arrival,
    "language": _language,
    "checkin": _checkin,
    "declare_exposed": lambda out, argument, ctx: _declare_exposed(out, ctx),
}
_unknown = {command.action for command in commands.REGISTRY if command.action} - set(ACTIONS)
_unknown |= {command.flow for command in commands.REGISTRY if command.flow} - set(FLOWS)
if _unknown:
    raise ValueError(f"the command registry names actions or flows the engine lacks: {sorted(map(str, _unknown))}")


def _deep_link_presets(payload: str) -> dict[str, Any]:
    """`a_<commune code>` pre-selects the commune (and its province); anything else is ignored."""
    if not payload.startswith("a_"):
        return {}
    area = catalog().by_code.get(payload[2:])
    if area is None or area.is_province:
        return {}
    return {"province": area.province_code, "commune": area.code}


def _outbreak_text(ctx: Context) -> str:
    today = ctx.now.astimezone(ctx.zone).date()
    active = [area for area in ctx.outbreak if area.active_on(today)]
    if not active:
        return t(ctx.locale, "outbreak.none")
    lines = [
        t(ctx.locale, "outbreak.line", area=place_label(area.area_code, ctx.locale),
          since=area.started_on.strftime("%d/%m/%Y"))
        for area in active
    ]
    return t(ctx.locale, "outbreak.list", lines="\n".join(lines))


def _reset(out: Outcome, ctx: Context) -> None:
    """No conversation under way; the language chosen stays."""
    chosen = out.state.get("locale")
    out.state.clear()
    out.state.update(idle_state(ctx.now))
    if chosen:
        out.state["locale"] = chosen


def _back(out: Outcome, ctx: Context) -> None:
    state = out.state
    if not state.get("flow"):
        out.replies.append(Reply(t(ctx.locale, "command.nothing_to_undo")))
        return
    if not state["history"] and state.get(CAME_FROM):  # back to the question that led to this flow
        came_from = state[CAME_FROM]
        _reset(out, ctx)
        out.state.update(came_from)
        _reprompt(out, ctx, short=False)
        return
    if not state["history"]:
        out.replies.append(Reply(t(ctx.locale, "command.at_first_step")))
        _reprompt(out, ctx)
        return
    step_id = state["history"].pop()
    state["step"] = step_id
    state["choices"].pop(step_id, None)
    flow = _flow(state)
    previous = state["answers"].get(step_id)
    state["selected"] = list(previous) if flow.step(step_id).kind == MULTI and previous else []
    _reprompt(out, ctx, short=False)


# --- starting flows -------------------------------------------------------------------------------


def _start_entry(out: Outcome, ctx: Context, presets: dict[str, Any] | None = None) -> None:
    if presets:
        out.replies.append(Reply(t(ctx.locale, "area.preset", name=catalog().label(presets["commune"]))))
    if ctx.registered:
        _start_flow(out, "declare", ctx)
    else:
        _start_flow(out, "register", ctx, presets=presets)


def _start_flow(
    out: Outcome, flow_id: str, ctx: Context, presets: dict[str, Any] | None = None, then: str | None = None
) -> None:
    """Start a flow; ``then`` is the flow it leads to, instead of the one its finisher names (registration first)."""
    _open(out, NextFlow(flow_id, presets=presets or {}), ctx, then)


def _open(out: Outcome, start: NextFlow, ctx: Context, then: str | None = None) -> None:
    """Start a flow with its starting answers and presets, on its first step or (``review``) its review."""
    flow = FLOWS[start.flow][0]
    out.state.update(
        flow=flow.id, version=flow.version, step=None, answers=dict(start.answers), history=[],
        edit=start.review, choices={}, selected=[], presets=dict(start.presets), **({"then": then} if then else {}),
    )
    first = next((step.id for step in flow.steps if step.kind == REVIEW), None) if start.review else None
    _enter(out, flow, first or flow.first.id, ctx)


def _flow(state: dict[str, Any]) -> Flow:
    return FLOWS[state["flow"]][0]


def _enter(out: Outcome, flow: Flow, step_id: str, ctx: Context) -> None:
    """Move to ``step_id`` (applying skips and presets) and ask its question, or complete the flow."""
    state = out.state
    answers, presets = state["answers"], state["presets"]
    while step_id != END:
        step = flow.step(step_id)
        if step.skip_if and step.skip_if(answers):
            step_id = step.next_id(answers)
        elif step_id in presets:
            answers[step_id] = presets.pop(step_id)
            state["history"].append(step_id)
            step_id = step.next_id(answers) if not state["edit"] else _first_unanswered(flow, answers)
        else:
            state["step"] = step_id
            state["selected"] = list(answers.get(step_id) or []) if step.kind == MULTI else []
            out.replies.append(_prompt(step, state, ctx))
            return
    _complete(out, flow, ctx)


def _first_unanswered(flow: Flow, answers: dict[str, Any]) -> str:
    for step in flow.path(answers):
        if step.id not in answers:
            return step.id
    return END


def _complete(out: Outcome, flow: Flow, ctx: Context) -> None:
    answers = out.state["answers"]
    on_path = {step.id for step in flow.path(answers)}
    completion = FLOWS[flow.id][1]({k: v for k, v in answers.items() if k in on_path}, ctx)
    then = out.state.get("then")
    resume = out.state.get(RESUME_CHECKIN) if flow.id == "register" and completion.next_flow else None
    said = [Reply(t(ctx.locale, "checkin.registered", name=resume["name"]))] if resume else completion.replies
    out.say([*completion.effects, *said])
    interrupted = out.state.get(ASIDE)
    last_question = out.state.get(LAST_QUESTION)
    _reset(out, ctx)
    if completion.resume and interrupted:  # back to the question the aside flow interrupted
        out.state.update(interrupted)
        _reprompt(out, ctx, short=False)
    elif resume:  # registered to check in: back to the venue
        _start_flow(out, "checkin", ctx, presets={"venue": resume})
    elif completion.next_flow:
        _open(out, NextFlow(then) if then else completion.next_flow, ctx)
        if completion.next_flow.back and last_question and out.state.get("flow"):
            out.state[CAME_FROM] = last_question


# --- prompts --------------------------------------------------------------------------------------


def _reprompt(out: Outcome, ctx: Context, short: bool = True) -> None:
    """Ask the current question again (its short form, when it has one, unless going back to it)."""
    state = out.state
    if state.get("flow") and state.get("step"):
        out.replies.append(_prompt(_flow(state).step(state["step"]), state, ctx, short=short))


def _prompt(step: Step, state: dict[str, Any], ctx: Context, edit: bool = False, short: bool = False) -> Reply:
    """The question of ``step``; ``short`` uses its "<prompt>.short" text when there is one (asking again
    after a wrong answer repeats the question, not a long text such as the consent)."""
    answers = state["answers"]
    params = dict(step.prompt_params(answers, ctx)) if step.prompt_params else {}
    if step.kind == REVIEW:
        params["summary"] = _review_summary(_flow(state), answers, ctx)
    prompt = step.prompt_for(answers) if step.prompt_for else step.prompt
    short_key = f"{prompt}.short"
    if short and short_key in messages.catalog(ctx.locale):
        text = t(ctx.locale, short_key)
    else:
        text = t(ctx.locale, prompt, **params)
    picked = state["choices"].get(step.id)
    if picked:
        text = t(ctx.locale, picked["key"], **picked.get("params", {}))
    elif step.id in answers and step.kind != REVIEW:
        text += "\n" + t(ctx.locale, "prompt.previous", value=_display(step, answers[step.id], ctx))
    return Reply(
        text,
        step=step.id,
        options=tuple(ReplyOption(option_id, label) for option_id, label in _options(step, state, ctx)),
        multi=step.kind == MULTI,
        selected=tuple(state.get("selected", ())),
        edit=edit,
    )


def _options(step: Step, state: dict[str, Any], ctx: Context) -> list[tuple[str, str]]:
    picked = state["choices"].get(step.id)
    if picked:
        return [(item[0], item[1]) for item in picked["items"]]
    if step.choices is not None:
        return step.choices(state["answers"], ctx)
    if step.kind == REVIEW:
        flow, answers = _flow(state), state["answers"]
        edits = [
            (f"edit:{other.id}", t(ctx.locale, "review.edit", label=t(ctx.locale, other.label)))
            for other in flow.path(answers)
            if other.editable and other.id in answers
        ]
        return [(CONFIRM, t(ctx.locale, step.options[0].key)), *edits]
    return [(opt.id, t(ctx.locale, opt.key)) for opt in step.options]


def _review_summary(flow: Flow, answers: dict[str, Any], ctx: Context) -> str:
    return "\n".join(
        f"• {t(ctx.locale, step.label)}: {_display(step, answers[step.id], ctx)}"
        for step in flow.path(answers)
        if step.editable and step.id in answers
    )


def _display(step: Step, value: Any, ctx: Context) -> str:
    if step.show:
        return step.show(value, ctx)
    if step.kind == CHOICE:
        option = step.option(value)
        return t(ctx.locale, option.key) if option else str(value)
    if step.kind == MULTI:
        return ", ".join(t(ctx.locale, opt.key) for opt in step.options if opt.id in value)
    return str(value)


# --- answers --------------------------------------------------------------------------------------


def _answer(out: Outcome, incoming: Incoming, ctx: Context, joining: dict[str, Any] | None = None) -> None:
    state = out.state
    flow = _flow(state)
    if flow.admin_only and not ctx.is_admin:
        _reset(out, ctx)
        out.replies.append(Reply(t(ctx.locale, "command.admin_only")))
        return
    step = flow.step(state["step"])
    continuation = paste.continued(joining, state["answers"], flow, incoming, ctx)
    if continuation is not None and not _answers_choice(step, continuation, incoming, state, ctx):
        _continue(out, flow, continuation, incoming, ctx)
        return
    if incoming.kind == BUTTON:
        parsed = _pressed(out, step, incoming, ctx)
        if parsed is None:
            return
    elif incoming.kind == DOCUMENT:
        parsed = paste.file_answer(step, incoming, state["answers"], ctx)
    else:
        parsed = _parse_text(step, incoming.text, state, ctx)
    if isinstance(parsed, Invalid):
        if incoming.kind != DOCUMENT and step.parse is not None:
            paste.hold(state, step, incoming.text, ctx)
        out.replies.append(Reply(_hint(parsed, ctx)))
        out.replies.append(_prompt(step, state, ctx, short=True))
    elif isinstance(parsed, Pick):
        state["choices"][step.id] = {"key": parsed.key, "params": dict(parsed.params),
                                     "items": [list(item) for item in parsed.candidates]}
        out.replies.append(_prompt(step, state, ctx))
    else:
        if incoming.kind != BUTTON:
            paste.remember(state, step, incoming, ctx)
        _accept(out, flow, step, parsed, ctx)


def _hint(invalid: Invalid, ctx: Context) -> str:
    """Why an answer was not understood; with a single choice, "<key>.one" (never "1 đến 1")."""
    single = f"{invalid.key}.one"
    if invalid.params.get("count") == "1" and single in messages.catalog(ctx.locale):
        return t(ctx.locale, single)
    return t(ctx.locale, invalid.key, **invalid.params)


def _answers_choice(step: Step, continuation: paste.Continuation, incoming: Incoming, state: dict[str, Any],
                    ctx: Context) -> bool:
    """True when a text that could continue a paste rather answers the choice now on screen ("1", "tiếp")."""
    if step.id == continuation.step.id or step.kind not in (CHOICE, MULTI, REVIEW):
        return False
    return isinstance(_parse_text(step, incoming.text, state, ctx), Ok)


def _continue(out: Outcome, flow: Flow, continuation: paste.Continuation, incoming: Incoming, ctx: Context) -> None:
    """Join a part of a split paste to its answer; the question on screen is asked again with it."""
    state, step = out.state, continuation.step
    assert step.parse is not None
    parsed = step.parse(continuation.text, state["answers"], ctx)
    if not isinstance(parsed, Ok):
        paste.hold(state, step, continuation.text, ctx, continuation.parts)
        if isinstance(parsed, Invalid):
            out.replies.append(Reply(_hint(parsed, ctx)))
        _reprompt(out, ctx)
        return
    paste.remember(state, step, incoming, ctx, continuation.parts)
    if state["step"] == step.id:
        _accept(out, flow, step, parsed, ctx)
    else:
        state["answers"][step.id] = parsed.value
        _reprompt(out, ctx, short=False)  # the question on screen now reads the joined answer in full


def _pressed(out: Outcome, step: Step, incoming: Incoming, ctx: Context) -> Parsed | None:
    """A button press: a toggle (None, the prompt is redrawn), a choice, or a stale button."""
    state = out.state
    step_id, option_id = incoming.option or ("", "")
    valid = {option_id for option_id, _ in _options(step, state, ctx)}
    if step_id != step.id or (option_id not in valid and not (step.kind == MULTI and option_id == DONE)):
        out.replies.append(Reply(t(ctx.locale, "input.stale_button")))
        out.replies.append(_prompt(step, state, ctx))
        return None
    if state["choices"].get(step.id):
        return _listed(step, option_id, dict(_options(step, state, ctx))[option_id], state, ctx)
    if step.kind != MULTI:
        return Ok(option_id)
    if option_id == DONE:
        return matching.check_exclusive(list(state["selected"]), step.options)
    state["selected"] = _toggle(step, state["selected"], option_id)
    out.replies.append(_prompt(step, state, ctx, edit=True))
    return None


def _toggle(step: Step, selected: list[str], option_id: str) -> list[str]:
    if option_id in selected:
        return [item for item in selected if item != option_id]
    option = step.option(option_id)
    if option is not None and option.exclusive:
        return [option_id]
    exclusive = {opt.id for opt in step.options if opt.exclusive}
    return [item for item in selected if item not in exclusive] + [option_id]


def _parse_text(step: Step, text: str, state: dict[str, Any], ctx: Context) -> Parsed:
    """Every typed answer goes through the matching layer (handlers.matching) or the step's own parser."""
    picked = state["choices"].get(step.id)
    if picked:
        listed = _from_list(step, text, picked, state, ctx)
        if listed is not None:
            return listed
    if step.choices is not None and step.parse is not None:  # the flow's own words for its computed options
        return step.parse(text, state["answers"], ctx)
    if step.choices is not None:
        return matching.choose_one(text, matching.from_labels(_options(step, state, ctx)), ctx.locale)
    if step.kind == CHOICE:
        return matching.choose_one(text, matching.from_options(step.options, ctx.locale), ctx.locale)
    if step.kind == MULTI:
        exclusive = frozenset(opt.id for opt in step.options if opt.exclusive)
        chosen = matching.choose_many(text, matching.from_options(step.options, ctx.locale), exclusive, ctx.locale)
        return _echoed(step, chosen, ctx)
    if step.kind == REVIEW:
        fields = [(f"edit:{other.id}", other.id, t(ctx.locale, other.label))
                  for other in _flow(state).path(state["answers"]) if other.editable and other.id in state["answers"]]
        return matching.choose_review(text, (CONFIRM, t(ctx.locale, step.options[0].key)), fields, ctx.locale)
    assert step.parse is not None
    return step.parse(text, state["answers"], ctx)


def _from_list(step: Step, text: str, picked: dict[str, Any], state: dict[str, Any], ctx: Context) -> Parsed | None:
    """An answer to a list of candidates: a number, "có" to a single one, or a listed label; None otherwise."""
    items = [(item[0], item[1]) for item in picked["items"]]
    words = " ".join(meaningful(text))
    vocab = vocabulary.of(ctx.locale)
    if len(items) == 1 and words in vocab.yes:
        return _listed(step, items[0][0], items[0][1], state, ctx)
    if len(items) == 1 and words in vocab.no:  # not that one: "không" may still answer the question itself
        state["choices"].pop(step.id, None)
        again = _parse_text(step, text, state, ctx)
        return again if not isinstance(again, Invalid) else Invalid("area.retype")
    chosen = matching.choose_one(text, matching.from_labels(items), ctx.locale)
    if isinstance(chosen, Ok):
        return _listed(step, chosen.value, dict(items)[chosen.value], state, ctx)
    if isinstance(chosen, Invalid) and chosen.key == "input.number_out_of_range":
        return chosen
    return None


def _listed(step: Step, item_id: str, label: str, state: dict[str, Any], ctx: Context) -> Parsed:
    """The answer for a candidate picked from a list: the step's own reading of it, else the id itself."""
    if step.picked is not None:
        return step.picked(item_id, state["answers"], ctx)
    return Ok(item_id, "area.chosen", {"name": label})


def _echoed(step: Step, parsed: Parsed, ctx: Context) -> Parsed:
    if not isinstance(parsed, Ok):
        return parsed
    labels = ", ".join(t(ctx.locale, opt.key) for opt in step.options if opt.id in parsed.value)
    return Ok(parsed.value, "multi.chosen", {"labels": labels})


def _accept(out: Outcome, flow: Flow, step: Step, parsed: Ok, ctx: Context) -> None:
    state = out.state
    state["choices"].pop(step.id, None)
    if parsed.note:
        out.replies.append(Reply(t(ctx.locale, parsed.note, **parsed.note_params)))
    if step.kind == REVIEW:
        if parsed.value == CONFIRM:
            _complete(out, flow, ctx)
        else:
            state["edit"] = True
            state["history"].append(step.id)
            _enter(out, flow, parsed.value.split(":", 1)[1], ctx)
        return
    answers = state["answers"]
    # the question as it is, should this answer end the flow; the containers the answer changes are copied
    before = {key: (type(value)(value) if isinstance(value, dict | list) else value)
              for key, value in state.items() if key not in ("v", "touched", "locale", LAST_QUESTION)}
    if step.id in answers and answers[step.id] != parsed.value:
        for stale in step.clears:
            answers.pop(stale, None)
    answers.update(parsed.extra)
    answers[step.id] = parsed.value
    state["presets"].update(parsed.presets)
    state["history"].append(step.id)
    if step.on_answer:
        out.say(step.on_answer(parsed.value, answers, ctx))
    following = _first_unanswered(flow, answers) if state["edit"] else step.next_id(answers)
    if following == END:  # an answer that ends the flow: the question as it was, for a flow it leads to
        state[LAST_QUESTION] = before
    _enter(out, flow, following, ctx)
