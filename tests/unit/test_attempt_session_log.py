"""The session-level log folded: presence, incidents, finalisation notes, finalised."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.core.attempt import TransitionRefused
from kiosk.core.errors import IntegrityError
from kiosk.core.events import Event, make_event
from kiosk.core.session_log import SessionState, fold_session, session_step


class SessionLog:
    def __init__(self) -> None:
        self.events: list[Event] = []
        self.state = SessionState()

    def add(self, type_: str, **data: Any) -> SessionState:
        prev = self.events[-1] if self.events else None
        event = make_event(prev, type_, "2025-05-12T08:00:00.000Z", len(self.events), data)
        self.state = session_step(self.state, event)
        self.events.append(event)
        return self.state


def test_presence_incidents_and_finalisation() -> None:
    log = SessionLog()
    log.add("session_opened", session_id="S1")
    log.add("presence_confirmed", candidate_id="c1", by="password")
    log.add("presence_confirmed", candidate_id="c2", by="console")
    assert log.add("presence_revoked", candidate_id="c2", by="console").present == {"c1"}
    log.add("incident_recorded", code="C7", text="coupure réseau", by="console")
    log.add("incident_recorded", code="E1", candidate_id="c1", item="rec3", text="", by="code")
    log.add("abort_reason_set", candidate_id="c1", reason="technical")
    state = log.add("finalised", by="console")
    assert state.finalised and state.had_incident and len(state.incidents) == 2
    assert state.abort_reasons["c1"] == "technical"
    assert fold_session(log.events) == state
    with pytest.raises(TransitionRefused, match="finalisée"):
        log.add("session_comment", text="trop tard")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"code": "C1", "text": " ", "by": "console"}, "text"),
        ({"code": "E3", "text": "", "by": "console"}, "candidat"),
        ({"code": "Z9", "text": "x", "by": "console"}, "inconnu"),
        ({"code": "C7", "text": "x"}, "autorisation"),
    ],
)
def test_incident_rules(data: dict[str, Any], message: str) -> None:
    log = SessionLog()
    log.add("session_opened", session_id="S1")
    with pytest.raises(TransitionRefused, match=message):
        log.add("incident_recorded", **data)


def test_fold_session_names_the_refused_event() -> None:
    log = SessionLog()
    log.add("session_opened", session_id="S1")
    bad = make_event(
        log.events[-1], "presence_revoked", "w", 5, {"candidate_id": "x", "by": "code"}
    )
    with pytest.raises(IntegrityError, match=r"n° 2 \(presence_revoked\)"):
        fold_session([*log.events, bad])
