"""The flows the engine runs, each with the function that completes it, checked when loaded."""

from __future__ import annotations

from collections.abc import Callable

from handlers.flow import Answers, Completion, Flow, validate
from handlers.flows import arrival, declaration, notices, publish, registration, rights, staff, venues
from handlers.protocol import Context

Finisher = Callable[[Answers, Context], Completion]

FLOWS: dict[str, tuple[Flow, Finisher]] = {
    registration.FLOW.id: (registration.FLOW, registration.finish),
    declaration.FLOW.id: (declaration.FLOW, declaration.finish),
    arrival.FLOW.id: (arrival.FLOW, arrival.finish),
    notices.FLOW.id: (notices.FLOW, notices.finish),
    publish.FLOW.id: (publish.FLOW, publish.finish),
    staff.INVITE.id: (staff.INVITE, staff.finish_invite),
    staff.REDEEM.id: (staff.REDEEM, staff.finish_redeem),
    staff.COMMUNITY.id: (staff.COMMUNITY, staff.finish_community),
    rights.ERASE.id: (rights.ERASE, rights.finish_erase),
    venues.REGISTER.id: (venues.REGISTER, venues.finish_register),
    venues.CHECKIN.id: (venues.CHECKIN, venues.finish_checkin),
}

# Answer sets that drive every branch, used to check routing when the flows load.
SAMPLE_ANSWERS: dict[str, list[Answers]] = {
    "register": [{}, {"consent": "agree"}, {"consent": "decline"}],
    "declare": [
        {},
        {"confirm_profile": "yes", "for_whom": "self"},
        {"confirm_profile": "yes", "for_whom": "other", "subject_same_address": "yes"},
        {"confirm_profile": "yes", "for_whom": "other", "subject_same_address": "no"},
        {"confirm_profile": "edit"},
        {"confirm_profile": "yes", "for_whom": "arrival"},
    ],
    "arrive": arrival.SAMPLE_ANSWERS,
    "notices": [{}],
    "publish": [{}, {"audience": "area"}, {"audience": "everyone"}],
    "invite": [{}],
    "redeem": [{}],
    "community_report": [{}],
    "erase": [{}],
    "venue": [{}],
    "checkin": [{}],
}

for _flow, _ in FLOWS.values():
    validate(_flow, SAMPLE_ANSWERS[_flow.id])
