"""The kiosk's store jobs: what each intent records, run on the store thread. Qt-free.

Each job receives the ``StoreCore`` (through ``Store.run``) and returns the ``Change``s it made, in
order. The core's rules check every event (``append_attempt`` refuses what they forbid) and end the
test by itself when time is up. A job also does the follow-ups the rules call for: once an answer
is saved the next item is recorded as shown (unless a focus warning must come first), and once every
item is done the test ends as completed — in the same job, so « Je valide » needs one round trip.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.app.check_in import Refusal
from kiosk.app.env_checks import EnvWarning
from kiosk.app.kiosk_session import KioskSession
from kiosk.core.assembly import assemble_test, item_pool, new_seed
from kiosk.core.attempt_state import AttemptState, Status
from kiosk.seal.session_model import Candidate
from kiosk.store.store_core import Change, StoreCore

log = logging.getLogger("kiosk.jobs")

Changes = list[Change[AttemptState]]


@dataclass(frozen=True, slots=True)
class AttemptSnapshot:
    """An attempt as the controller adopts it: id, state, and items the candidate left on focus."""

    attempt_id: str
    state: AttemptState
    focus_out_items: frozenset[str]


def extra_time_pct(candidate: Candidate) -> str:
    """The candidate's extra time as the attempt records it: a plain percentage string ("33")."""
    return f"{candidate.extra_time_pct.normalize():f}"


class Jobs:
    """Store jobs for one kiosk session.

    Args:
        session: the session served.
        seed_source: gives a fresh assembly seed (injected in tests).
    """

    def __init__(self, session: KioskSession, seed_source: Callable[[], int] = new_seed) -> None:
        self._session = session
        self._seed = seed_source

    # -- reading --------------------------------------------------------------------------------

    def _snapshot(self, core: StoreCore, attempt_id: str) -> AttemptSnapshot:
        focus_out: set[str] = set()
        for event in core.events(attempt_id):
            item = event.data.get("item")
            if (
                event.type == "focus_lost"
                and event.data.get("focus") is True
                and isinstance(item, str)
            ):
                focus_out.add(item)
        return AttemptSnapshot(attempt_id, core.attempt_state(attempt_id), frozenset(focus_out))

    def latest_attempt(self, core: StoreCore) -> AttemptSnapshot | None:
        """The most recent attempt of this session on this kiosk, or None."""
        session_id = self._session.details.session_id
        ours = [a for a in core.list_attempts() if a.session_id == session_id]
        if not ours:
            return None
        return self._snapshot(core, ours[-1].attempt_id)

    # -- check-in ---------------------------------------------------------------------------------

    def check_in(
        self, core: StoreCore, candidate: Candidate, warnings: Sequence[EnvWarning]
    ) -> AttemptSnapshot | Refusal:
        """Create the candidate's attempt and assemble the test (or find their unfinished one).

        Raises:
            RuleViolation: the candidate is not certifiable (the session package should not allow it).
        """
        details = self._session.details
        for summary in reversed(core.list_attempts()):
            if (
                summary.candidate_id == candidate.candidate_id
                and summary.session_id == details.session_id
            ):
                if summary.status is Status.ENDED:
                    return Refusal.ALREADY_TAKEN
                return self._snapshot(core, summary.attempt_id)
        seed = self._seed()
        pool = item_pool(list(self._session.items.values()), candidate.accessibility_needs)
        test = assemble_test(candidate.profile, pool, seed)
        created = core.create_attempt(
            candidate.candidate_id, details.session_id, self._session.kiosk_id
        )
        aid = created.log_id
        items = [
            {
                "id": item.id,
                "competence": item.competence,
                "type": item.type.value,
                "timer_s": item.timer_seconds,
                "focus": item.focus,
            }
            for item in test.items
        ]
        core.append_attempt(
            aid,
            "assembled",
            {
                "seed": str(seed),
                "duration_s": details.duration_minutes * 60,
                "extra_time_pct": extra_time_pct(candidate),
                "items": items,
            },
        )
        if warnings:
            detail = "; ".join(f"{w.code}: {w.detail}" for w in warnings)
            core.append_attempt(aid, "locked", {"reason": "environment", "detail": detail})
        return self._snapshot(core, aid)

    # -- the test -----------------------------------------------------------------------------------

    def follow_ups(
        self, core: StoreCore, aid: str, state: AttemptState, ack: str | None
    ) -> Changes:
        """Record the next item as shown, or end a test whose items are all done."""
        if state.status is not Status.RUNNING:
            return []
        if state.all_items_done:
            return [core.append_attempt(aid, "ended", {"reason": "completed"})]
        current = state.current_item
        if current is None or current.id in state.shown:
            return []
        if current.focus and ack != current.id:
            return []  # the focus warning comes first
        return [core.append_attempt(aid, "item_shown", {"item": current.id})]

    def _with_follow_ups(
        self, core: StoreCore, aid: str, change: Change[AttemptState], ack: str | None
    ) -> Changes:
        return [change, *self.follow_ups(core, aid, change.state, ack)]

    def start(self, core: StoreCore, aid: str) -> Changes:
        """The candidate starts; the first item is shown unless it needs a focus warning."""
        return self._with_follow_ups(core, aid, core.append_attempt(aid, "started", {}), None)

    def show_item(self, core: StoreCore, aid: str, item_id: str) -> Changes:
        """The item is on screen."""
        return [core.append_attempt(aid, "item_shown", {"item": item_id})]

    def save_answer(
        self,
        core: StoreCore,
        aid: str,
        item_id: str,
        answer: Any,
        focused_out: bool,
        ack: str | None,
    ) -> Changes:
        """Save the raw answer (the core adds ``timed_out`` when the item's timer ran out)."""
        data = {"item": item_id, "answer": answer, "timed_out": False, "focused_out": focused_out}
        return self._with_follow_ups(core, aid, core.append_attempt(aid, "answer_saved", data), ack)

    def skip(self, core: StoreCore, aid: str, item_id: str, ack: str | None) -> Changes:
        """Skip the current item."""
        change = core.append_attempt(aid, "item_skipped", {"item": item_id})
        return self._with_follow_ups(core, aid, change, ack)

    def report_problem(
        self, core: StoreCore, aid: str, item_id: str, category: str, text: str
    ) -> Changes:
        """Record the candidate's problem report (time stops until it is handled)."""
        data = {"item": item_id, "category": category, "text": text}
        return [core.append_attempt(aid, "problem_reported", data)]

    def heartbeat(self, core: StoreCore, aid: str) -> Changes:
        """Bound what a crash can lose of the time used."""
        return [core.append_attempt(aid, "heartbeat", {})]

    # -- lockdown and invigilator -------------------------------------------------------------------

    def suspicious(self, core: StoreCore, aid: str, code: str, detail: str) -> Changes:
        """Record a focus loss (marking a focus item) and lock a test under way."""
        state = core.attempt_state(aid)
        if state.status is Status.ENDED:
            return []
        changes: Changes = []
        current = state.current_item
        if code == "focus_lost":
            data: dict[str, Any] = {"detail": detail}
            if state.started and current is not None:
                data["item"] = current.id
                data["focus"] = bool(current.focus and current.id in state.shown)
            changes.append(core.append_attempt(aid, "focus_lost", data))
        if state.started and state.lock_reason is None:
            changes.append(core.append_attempt(aid, "locked", {"reason": code, "detail": detail}))
        return changes

    def simple(self, core: StoreCore, aid: str, type_: str, data: Mapping[str, Any]) -> Changes:
        """One invigilator event, then the follow-ups (e.g. the item shown after a resume)."""
        change = core.append_attempt(aid, type_, dict(data))
        return self._with_follow_ups(core, aid, change, None)

    def resolve_problem(
        self, core: StoreCore, aid: str, report_seq: int, outcome: str, ack: str | None
    ) -> Changes:
        """Validate (set the item aside, move on) or dismiss (back to the item) a report."""
        data = {"report": report_seq, "outcome": outcome, "by": "password"}
        change = core.append_attempt(aid, "problem_resolved", data)
        return self._with_follow_ups(core, aid, change, ack)
