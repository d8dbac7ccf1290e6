"""The invigilator at the kiosk (standalone mode): the session password and what it authorises.

The password is checked against the session's salted hash by ``InvigilatorGate`` (growing lockout
after repeated failures, every try logged). Once the panel is open, each action becomes an event
of the attempt recorded by the controller's store jobs; the core decides whether it fits the
attempt's state. Console codes (``ConsoleCodes``) share the same gate, so wrong codes and wrong
passwords count together.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kiosk.app.invigilator_gate import GateEvent, GateResult, InvigilatorGate
from kiosk.core.attempt_state import Status

if TYPE_CHECKING:
    from kiosk.app.controller import AttemptWork, KioskController

security_log = logging.getLogger("kiosk.security")

BY = "password"  # invigilator actions at the kiosk are authorised by the session password


class InvigilatorDesk:
    """The password gate and the invigilator's actions on the current attempt."""

    def __init__(self, controller: KioskController) -> None:
        self._controller = controller
        self.gate: InvigilatorGate | None = None
        self.is_open = False

    def attach(self, password_hash: str) -> None:
        """Check passwords against the session's invigilator password hash from now on."""
        clock = self._controller.clock
        self.gate = InvigilatorGate(
            password_hash,
            clock=lambda: clock.monotonic_ms() / 1000.0,
            on_event=self._on_gate_event,
        )

    def check_password(self, password: str) -> GateResult:
        """Try the invigilator password (lockout after repeated failures)."""
        if self.gate is None:
            return GateResult(ok=False, attempts_left=0, locked_s=0.0)
        result = self.gate.check(password)
        self.is_open = result.ok
        return result

    def locked_for(self) -> float:
        """Seconds the invigilator panel stays locked out."""
        return self.gate.locked_for() if self.gate is not None else 0.0

    def close(self) -> None:
        """The invigilator left the panel: the next action needs the password again."""
        self.is_open = False

    def _on_gate_event(self, event: GateEvent) -> None:
        if event.kind == "auth_ok":
            security_log.info("invigilator panel opened")
        elif event.kind == "auth_failed":
            security_log.warning("wrong invigilator password (%d in a row)", event.failures)
        else:
            security_log.warning("invigilator panel locked out for %.0f s", event.lockout_s)

    def _job(self, work: AttemptWork) -> bool:
        if not self.is_open:
            security_log.warning("invigilator action refused: panel not opened with the password")
            return False
        return self._controller.attempt_job(work, candidate_action=False)

    def confirm_presence(self) -> bool:
        """The invigilator confirms the candidate is present."""
        return self._job(
            lambda jobs, core, aid: jobs.simple(core, aid, "presence_confirmed", {"by": BY})
        )

    def authorise_resume(self) -> bool:
        """The invigilator lets an interrupted test go on."""
        return self._job(
            lambda jobs, core, aid: jobs.simple(core, aid, "resume_authorised", {"by": BY})
        )

    def unlock(self) -> bool:
        """The invigilator unlocks the screen."""
        return self._job(lambda jobs, core, aid: jobs.simple(core, aid, "unlocked", {"by": BY}))

    def add_time(self, minutes: int, reason: str) -> bool:
        """The invigilator adds ``minutes`` with a reason."""
        data = {"minutes": minutes, "reason": reason, "by": BY}
        return self._job(lambda jobs, core, aid: jobs.simple(core, aid, "time_extended", data))

    def end_test(self) -> bool:
        """The invigilator ends the test."""
        data = {"reason": "by_invigilator", "by": BY}
        return self._job(lambda jobs, core, aid: jobs.simple(core, aid, "ended", data))

    def resolve_problem(self, outcome: str) -> bool:
        """Validate (the item is set aside) or dismiss (back to the item) the pending report."""
        controller = self._controller
        state = controller.state
        if state is None or state.pending_problem_seq is None:
            return False
        seq, ack = state.pending_problem_seq, controller.facts.focus_warning_acknowledged
        return self._job(lambda jobs, core, aid: jobs.resolve_problem(core, aid, seq, outcome, ack))

    def new_check_in(self) -> bool:
        """After an ended test, let the next candidate check in on this kiosk."""
        state = self._controller.state
        if not self.is_open or state is None or state.status is not Status.ENDED:
            return False
        self._controller.forget_attempt()
        return True
