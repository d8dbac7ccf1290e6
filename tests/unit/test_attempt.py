"""The attempt fold: statuses, linear order, answers, problem reports, pauses, restarts."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.core.attempt import TransitionRefused, fold, step, with_time
from kiosk.core.attempt_state import AttemptState, EndReason, Status
from kiosk.core.errors import IntegrityError
from kiosk.core.events import Event, make_event, verify_chain


def items(n: int = 4, timed: dict[int, int] | None = None) -> list[dict[str, Any]]:
    """``n`` served items; ``timed`` maps an index to its timer in seconds."""
    timed = timed or {}
    return [
        {
            "id": f"rec{i}",
            "competence": "1.1",
            "type": "QCU",
            "timer_s": timed.get(i),
            "focus": False,
        }
        for i in range(n)
    ]


class Log:
    """Builds a valid attempt log step by step with a hand-moved monotonic clock."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.state = AttemptState()
        self.mono = 10_000

    def add(self, type_: str, **data: Any) -> AttemptState:
        prev = self.events[-1] if self.events else None
        event = make_event(prev, type_, "2025-05-12T08:00:00.000Z", self.mono, data)
        self.state = step(self.state, event)
        self.events.append(event)
        return self.state

    def wait(self, ms: int) -> None:
        self.mono += ms

    def running(self, n: int = 4, pct: str = "0", timed: dict[int, int] | None = None) -> None:
        self.add("checked_in", attempt_id="a1", candidate_id="c1", session_id="s1", kiosk_id="k1")
        self.add("assembled", seed="s", duration_s=600, extra_time_pct=pct, items=items(n, timed))
        self.add("presence_confirmed", by="password")
        self.add("started")
        self.add("item_shown", item="rec0")


def test_statuses_before_the_start() -> None:
    log = Log()
    assert (
        log.add("checked_in", attempt_id="a", candidate_id="c", session_id="s", kiosk_id="k").status
        is Status.CHECKED_IN
    )
    assert (
        log.add("assembled", seed="x", duration_s=60, extra_time_pct="0", items=items()).status
        is Status.AWAITING_PRESENCE
    )
    assert log.add("presence_confirmed", by="code").status is Status.READY
    assert log.add("presence_revoked", by="console").status is Status.AWAITING_PRESENCE
    with pytest.raises(TransitionRefused):
        log.add("started")


def test_answers_move_forward_in_order_only() -> None:
    log = Log()
    log.running()
    state = log.add("answer_saved", item="rec0", answer=["2"], timed_out=False, focused_out=False)
    assert state.index == 1 and state.answers["rec0"].answer == ["2"]
    with pytest.raises(TransitionRefused, match="rec1"):
        log.add("answer_saved", item="rec0", answer=["3"])
    state = log.add("item_skipped", item="rec1")
    assert state.answers["rec1"].skipped and state.current_item is not None
    assert state.current_item.id == "rec2"


def test_completed_needs_every_item_done() -> None:
    log = Log()
    log.running(n=2)
    with pytest.raises(TransitionRefused):
        log.add("ended", reason="completed")
    log.add("answer_saved", item="rec0", answer="a")
    log.add("item_skipped", item="rec1")
    state = log.add("ended", reason="completed")
    assert state.status is Status.ENDED and state.end_reason is EndReason.COMPLETED
    with pytest.raises(TransitionRefused, match="terminée"):
        log.add("heartbeat")


def test_validated_problem_sets_the_item_aside_and_moves_on() -> None:
    log = Log()
    log.running()
    state = log.add("problem_reported", item="rec0", category="E1", text="pas d'image")
    assert state.status is Status.LOCKED and state.pending_problem_seq == state.last_seq
    report = state.last_seq
    state = log.add("problem_resolved", report=report, outcome="validated", by="password")
    assert state.status is Status.RUNNING and state.answers["rec0"].set_aside
    assert state.index == 1 and state.problems[0].outcome == "validated"


def test_dismissed_problem_keeps_the_same_item() -> None:
    log = Log()
    log.running()
    report = log.add("problem_reported", item="rec0", category="E11", text="").last_seq
    state = log.add("problem_resolved", report=report, outcome="dismissed", by="code")
    assert state.index == 0 and "rec0" not in state.answers
    assert state.pauses[0].reason == "problem_reported" and state.pauses[0].to_seq == state.last_seq


def test_invigilator_actions_need_an_authorisation() -> None:
    log = Log()
    log.running()
    log.add("locked", reason="focus")
    with pytest.raises(TransitionRefused, match="autorisation"):
        log.add("unlocked")
    with pytest.raises(TransitionRefused, match="autorisation"):
        log.add("unlocked", by="guess")
    assert log.add("unlocked", by="console").status is Status.RUNNING


def test_restart_needs_an_authorised_resume() -> None:
    log = Log()
    log.running()
    log.wait(4_000)
    log.add("heartbeat")
    log.wait(60_000)  # the process died here; this time is lost, not counted
    state = log.add("app_started", boot="b2")
    assert state.status is Status.AWAITING_RESUME and state.used_ms == 4_000
    with pytest.raises(TransitionRefused):
        log.add("answer_saved", item="rec0", answer="x")
    state = log.add("resume_authorised", by="password")
    assert state.status is Status.RUNNING and state.pauses[-1].reason == "restart"


def test_lock_before_a_crash_is_cleared_by_the_resume() -> None:
    log = Log()
    log.running()
    log.add("focus_lost", detail="alt-tab")
    log.add("locked", reason="focus_lost")
    state = log.add("app_started", boot="b2")
    assert state.status is Status.LOCKED and state.phase is Status.AWAITING_RESUME
    state = log.add("resume_authorised", by="code")
    assert state.status is Status.RUNNING and state.focus_losses == 1


def test_fold_replays_and_names_a_forbidden_event() -> None:
    log = Log()
    log.running()
    log.add("answer_saved", item="rec0", answer="x")
    verify_chain(log.events)
    assert fold(log.events) == with_time(log.state)
    bad = make_event(log.events[-1], "answer_saved", "w", log.mono, {"item": "rec0", "answer": "y"})
    with pytest.raises(IntegrityError, match=r"n° 7 \(answer_saved\)"):
        fold([*log.events, bad])


def test_fold_refuses_unknown_types_and_a_log_not_starting_with_check_in() -> None:
    first = make_event(None, "heartbeat", "w", 1, {})
    with pytest.raises(IntegrityError, match="checked_in"):
        fold([first])
    log = Log()
    log.running()
    odd = make_event(log.events[-1], "teleported", "w", log.mono, {})
    with pytest.raises(IntegrityError, match="inconnu"):
        fold([*log.events, odd])


def test_ended_by_invigilator_from_awaiting_resume() -> None:
    log = Log()
    log.running()
    log.add("app_started", boot="b")
    with pytest.raises(TransitionRefused):
        log.add("ended", reason="by_invigilator")
    state = log.add("ended", reason="by_invigilator", by="console")
    assert state.end_reason is EndReason.BY_INVIGILATOR and state.pauses[-1].to_seq is None


def test_restart_before_the_start_needs_presence_confirmed_again() -> None:
    log = Log()
    log.add("checked_in", attempt_id="a1", candidate_id="c1", session_id="s1", kiosk_id="k1")
    log.add("assembled", seed="s", duration_s=600, extra_time_pct="0", items=items(3))
    assert log.add("presence_confirmed", by="password").status is Status.READY
    state = log.add("app_started", boot="b2")
    assert state.status is Status.AWAITING_PRESENCE and not state.presence_confirmed
    with pytest.raises(TransitionRefused):
        log.add("started")
    assert log.add("presence_confirmed", by="code").status is Status.READY
    assert log.add("started").status is Status.RUNNING
