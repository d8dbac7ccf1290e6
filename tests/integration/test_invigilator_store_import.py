"""The store's import of foreign attempt logs (the console replica): idempotent, never diverging."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.attempt_state import Status
from kiosk.core.errors import IntegrityError
from kiosk.core.events import Event, make_event
from kiosk.store.service import Store
from tests.fixtures.centre_world import fast_provider


def _log(n: int, attempt_id: str = "a1", started: bool = True) -> list[Event]:
    events = [make_event(None, "checked_in", "2026-03-15T09:00:00.000Z", 0,
                         {"attempt_id": attempt_id, "candidate_id": "c001", "session_id": "S1",
                          "kiosk_id": "K1"})]  # fmt: skip
    if started:
        items = [{"id": "q1", "competence": "1.1", "type": "QCU", "timer_s": None, "focus": False}]
        for type_, data in (
            ("assembled", {"seed": "1", "duration_s": 60, "extra_time_pct": "0", "items": items}),
            ("presence_confirmed", {"by": "password"}),
            ("started", {}),
        ):
            events.append(make_event(events[-1], type_, "2026-03-15T09:00:00.000Z", 1, data))
    while len(events) < n:
        events.append(make_event(events[-1], "heartbeat", "2026-03-15T09:00:02.000Z", 2, {}))
    return events


def test_import_is_idempotent_and_extends_with_the_tail(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "replica", fast_provider(), replica=True)
    try:
        first = store.attempts.import_log(_log(6)).result()
        assert len(first.events) == 6 and first.state.status is Status.RUNNING
        assert store.attempts.import_log(_log(6)).result().events == ()
        assert store.attempts.import_log(_log(5)).result().events == ()  # an older copy
        longer = store.attempts.import_log(_log(9)).result()
        assert [e.seq for e in longer.events] == [7, 8, 9]
        assert len(store.attempts.events("a1").result()) == 9
    finally:
        store.close()
    # A replica never marks a restart: the log stays byte-identical to the kiosk's copy.
    again = Store.open(tmp_path / "replica", fast_provider(), replica=True)
    try:
        assert again.attempts.events("a1").result() == _log(9)
        assert again.startup_changes == ()
    finally:
        again.close()


def test_diverging_or_broken_copies_are_refused(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "replica", fast_provider(), replica=True)
    try:
        store.attempts.import_log(_log(6)).result()
        other = _log(5)
        other.append(make_event(other[-1], "focus_lost", "2026-03-15T09:00:03.000Z", 3,
                                {"detail": "x"}))  # fmt: skip
        with pytest.raises(IntegrityError, match=r"diverge .* n° 6"):
            store.attempts.import_log(other).result()
        broken = _log(4, attempt_id="a2")
        broken[2] = Event(**{**broken[2].to_dict(), "at_mono_ms": 99})
        with pytest.raises(IntegrityError, match="n° 3"):
            store.attempts.import_log(broken).result()
        assert [s.attempt_id for s in store.attempts.list().result()] == ["a1"]
        assert len(store.attempts.events("a1").result()) == 6
    finally:
        store.close()
