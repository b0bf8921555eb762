"""Property tests: arbitrary text at every step never crashes and never stores a half-valid answer."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handlers.engine import handle
from handlers.protocol import Context, Incoming, NoticeHeading, SaveProfile, ServerWork

NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
TYPED = NOW + timedelta(minutes=1)
REGISTER = ["chao", "1", "nguyen van an", "12/3/1990", "nam", "0912345678", "bo qua", "ha noi", "hoan kiem",
            "so 1", "1"]
DECLARE_OTHER = ["2", "nguyen van be", "2019", "nam", "con", "bo qua", "khong", "ha noi", "hoan kiem", "so 2",
                 "sot", "khong", "khong", "khong", "1", "1", "/khaibao", "1"]

ARRIVE = ["/nhapcanh", "han quoc", "M12345678", "hom nay", "noi bai", "vn301", "han quoc", "khong", "ha noi",
          "hoan kiem", "so 3", "khong", "khong", "khong", "2", "1"]

NOTICE = ("CHỈ THỊ\nSố 15-CT/TU\nHưng Yên, ngày 3 tháng 5 năm 2021\nVề tăng cường phòng, chống dịch\n"
          "1. Người dân thực hiện khai báo y tế và 5K.\n2. Các xã báo cáo hằng ngày về Sở Y tế.\n"
          "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn A")
PUBLISH = ["/thongbao_moi", NOTICE, "1", "bo qua", "4", "hung yen", "1", "ngay", "1", "/thongbao", "1", "1"]
VENUES = ["/diadiem", "Cho Hang Da", "cho", "ha noi", "hoan kiem", "so 3", "bo qua", "1", "/checkin", "ABCDEF", "1"]
# the venue the service would have looked up for a check-in message
VENUE = {"id": 1, "code": "ABCDEF", "token": "t" * 16, "name": "Cho Hang Da", "street": "so 3",
         "commune_code": "00070", "status": "active"}
STAFF = ["/moi_canbo", "1", "yen my", "nguyen van can", "0912345678", "1", "/canbo", "ABCD2345EF", "bo qua",
         "/baocao", "1", "hung yen", "yen my", "thon dong", "bo qua",
         "nguoi ho sot", "bo qua", "1", "/xoadulieu", "2"]


def _context(profile: dict[str, Any] | None, now: datetime = NOW, venue: dict[str, Any] | None = VENUE) -> Context:
    return Context(now=now, zone=ZoneInfo("Asia/Ho_Chi_Minh"), secret=b"k" * 32, new_code="ABCDEFGH",
                   profile=profile, is_admin=True, notices=(NoticeHeading(1, "Chỉ thị 15-CT/TU", NOW),),
                   identity=("console", "p"), venue=venue, household=("Nguyen Van Be",))


def _snapshots() -> dict[str, tuple[dict[str, Any], dict[str, Any] | None]]:
    """The state just before each step's answer, on a path through every step."""
    snapshots: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {}
    state: dict[str, Any] | None = None
    profile: dict[str, Any] | None = None
    for line in REGISTER + DECLARE_OTHER + ARRIVE + PUBLISH + VENUES + STAFF:
        if state and state.get("step"):
            snapshots.setdefault(f"{state['flow']}.{state['step']}", (state, profile))
        named = VENUE if VENUE["code"] in line else None  # the service looks a venue up only when a message names it
        outcome = handle(state, Incoming("console", "p", text=line), _context(profile, venue=named))
        state = outcome.state
        for effect in outcome.effects:
            if isinstance(effect, SaveProfile):
                profile = dict(effect.profile)
    return snapshots


SNAPSHOTS = _snapshots()
TEXTS = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=500, max_size=2000),
    st.sampled_from(["", " ", "0", "99", "1 2 3 4 5 6 7 8 9 10 11 12 13", "/quaylai", "/huy", "<b>x</b>",
                     "'; DROP TABLE person; --", "😀", "\x00", "khong", "co", "1", "1,3", "/start a_00070"]),
)


def test_snapshots_cover_every_step() -> None:
    from handlers.flows import FLOWS

    expected = {f"{flow.id}.{step.id}" for flow, _ in FLOWS.values() for step in flow.steps}
    assert expected - set(SNAPSHOTS) == set()


@pytest.mark.parametrize("where", sorted(SNAPSHOTS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_arbitrary_text_at_every_step(where: str, text: str) -> None:
    state, profile = SNAPSHOTS[where]
    before = json.dumps(state, sort_keys=True)
    # A typed answer comes a while after the question (sooner, it would continue a split paste).
    outcome = handle(state, Incoming("console", "p", text=text), _context(profile, TYPED))
    assert json.dumps(state, sort_keys=True) == before, "the engine must not mutate its input"
    answered = outcome.replies or any(isinstance(effect, ServerWork) for effect in outcome.effects)
    assert answered, "every message gets an answer (from the engine or, for server work, the server)"
    json.dumps(outcome.state)
    step = state["step"]
    if outcome.state.get("flow") == state["flow"] and outcome.state.get("step") == step:
        same = {k: v for k, v in outcome.state["answers"].items()} == state["answers"]
        assert same or text.startswith("/"), "a refused answer changes nothing"
    for effect in outcome.effects:
        if isinstance(effect, SaveProfile):
            assert effect.profile["full_name"] and effect.profile["phone"].startswith("+84")
