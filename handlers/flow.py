"""Flows declared as data: steps with stable ids, prompts, input kinds, options and routing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import messages

Answers = Mapping[str, Any]

CHOICE, MULTI, TEXT, REVIEW = "choice", "multi", "text", "review"
END = "__end__"


class FlowError(ValueError):
    """A flow definition that cannot run."""


@dataclass(frozen=True)
class Option:
    """One choice: a stable id, the message key of its label, extra words that select it (Vietnamese in
    ``aliases``, English in ``en``)."""

    id: str
    key: str
    aliases: tuple[str, ...] = ()
    exclusive: bool = False  # in a multi-choice: cannot be combined with other options
    en: tuple[str, ...] = ()

    def words(self, locale: str) -> tuple[str, ...]:
        """The extra words that select this option for a speaker of ``locale``."""
        return self.en if locale == "en" else self.aliases


@dataclass(frozen=True)
class Ok:
    """A parsed answer."""

    value: Any
    note: str | None = None  # message key shown before moving on (e.g. "Đã chọn: ...")
    note_params: Mapping[str, str] = field(default_factory=dict)
    presets: Mapping[str, Any] = field(default_factory=dict)  # answers of later steps this one also gave
    extra: Mapping[str, Any] = field(default_factory=dict)  # hidden answers kept beside it (not on the review)


@dataclass(frozen=True)
class Invalid:
    """Input that does not answer the step: a hint by message key; the step is asked again."""

    key: str
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Pick:
    """Several candidates matched: the user picks one of these (id, label) pairs next."""

    candidates: tuple[tuple[str, str], ...]
    key: str
    params: Mapping[str, str] = field(default_factory=dict)


Parsed = Ok | Invalid | Pick


@dataclass(frozen=True)
class NextFlow:
    """The flow a finished one goes on with: the answers it starts with, presets, and where it opens.

    ``review`` opens it on its review step to edit ``answers`` (e.g. the stored profile); ``back`` lets /quaylai
    on its first step go back to the question whose answer led to it, as it was (nothing was stored).
    """

    flow: str
    answers: Mapping[str, Any] = field(default_factory=dict)
    presets: Mapping[str, Any] = field(default_factory=dict)
    review: bool = False
    back: bool = False


@dataclass(frozen=True)
class Completion:
    """What a finished flow produces: effects (server work among them), replies and the flow to go on with."""

    effects: list[Any] = field(default_factory=list)
    replies: list[Any] = field(default_factory=list)
    next_flow: NextFlow | None = None
    resume: bool = False  # an aside flow that changed nothing: the conversation it interrupted goes on

Parser = Callable[[str, Answers, Any], Parsed]


@dataclass(frozen=True)
class Step:
    """One question of a flow."""

    id: str
    prompt: str
    kind: str
    label: str  # message key naming the answer on the review screen
    next: str | Callable[[Answers], str] = END
    options: tuple[Option, ...] = ()
    parse: Parser | None = None
    skip_if: Callable[[Answers], bool] | None = None
    show: Callable[[Any, Any], str] | None = None  # renders an answer for the review screen
    prompt_params: Callable[[Answers, Any], Mapping[str, str]] | None = None
    editable: bool = True
    clears: tuple[str, ...] = ()  # answers that no longer hold when this answer changes
    choices: Callable[[Answers, Any], list[tuple[str, str]]] | None = None  # options computed at run time
    on_answer: Callable[[Any, Answers, Any], list[Any]] | None = None  # replies or server work after an answer
    files: bool = False  # a file or photo sent here answers with its text (see ``paste``)
    join_seconds: float = 0.0  # text parts arriving this soon after the answer continue it (a split paste)
    picked: Callable[[str, Answers, Any], Parsed] | None = None  # the answer for a candidate picked from a list
    prompt_for: Callable[[Answers], str] | None = None  # the question's key for these answers, instead of ``prompt``

    def next_id(self, answers: Answers) -> str:
        """The id of the step after this one for these answers."""
        return self.next if isinstance(self.next, str) else self.next(answers)

    def option(self, option_id: str) -> Option | None:
        """The option with that id, if any."""
        return next((opt for opt in self.options if opt.id == option_id), None)


@dataclass(frozen=True)
class Flow:
    """A versioned list of steps; the first step is the entry."""

    id: str
    version: int
    steps: tuple[Step, ...]
    admin_only: bool = False
    unavailable: Callable[[Any], str | None] | None = None  # a message key when the flow cannot start
    aside: bool = False  # asked aside the conversation under way, which it may resume (Completion.resume)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {step.id: step for step in self.steps})

    @property
    def first(self) -> Step:
        """The entry step."""
        return self.steps[0]

    def step(self, step_id: str) -> Step:
        """The step with that id."""
        return self._by_id[step_id]  # type: ignore[attr-defined]

    def has(self, step_id: str) -> bool:
        """True when the flow has a step with that id."""
        return step_id in self._by_id  # type: ignore[attr-defined]

    def path(self, answers: Answers) -> list[Step]:
        """The steps these answers lead through, from the entry to the end, skipping skipped steps."""
        route: list[Step] = []
        current, seen = self.first.id, set()
        while current != END:
            if current in seen or not self.has(current):
                raise FlowError(f"{self.id}: route through {current!r} loops or leads nowhere")
            seen.add(current)
            step = self.step(current)
            if not (step.skip_if and step.skip_if(answers)):
                route.append(step)
            current = step.next_id(answers)
        return route


def validate(flow: Flow, sample_answers: list[Answers] | None = None) -> None:
    """Check ids are unique, static targets exist, message keys exist and a review or the end is reachable."""
    ids = [step.id for step in flow.steps]
    if len(ids) != len(set(ids)):
        raise FlowError(f"{flow.id}: duplicate step ids")
    known = set(messages.catalog(messages.VI)).intersection(*(messages.catalog(locale) for locale in messages.LOCALES))
    for step in flow.steps:
        keys = [step.prompt, step.label, *(opt.key for opt in step.options)]
        missing = [key for key in keys if key not in known]
        if missing:
            raise FlowError(f"{flow.id}.{step.id}: unknown message keys {missing}")
        if isinstance(step.next, str) and step.next != END and not flow.has(step.next):
            raise FlowError(f"{flow.id}.{step.id}: next step {step.next!r} does not exist")
        if step.kind in (CHOICE, MULTI) and not step.options and step.choices is None:
            raise FlowError(f"{flow.id}.{step.id}: a choice step needs options")
        if step.kind not in (CHOICE, MULTI, REVIEW) and step.parse is None:
            raise FlowError(f"{flow.id}.{step.id}: a {step.kind} step needs a parser")
        option_ids = [opt.id for opt in step.options]
        if len(option_ids) != len(set(option_ids)):
            raise FlowError(f"{flow.id}.{step.id}: duplicate option ids")
    for answers in sample_answers or [{}]:
        if not flow.path(answers):
            raise FlowError(f"{flow.id}: no step on the route of {dict(answers)!r}")
