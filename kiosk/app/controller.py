"""The kiosk controller: the only place that talks to the store; screens send it intents.

Every intent becomes a job run on the store thread (``Store.run``); the job checks and durably
records events through the core's rules and returns the ``Change``s. Results come back to the GUI
thread through a queued signal; the controller keeps the latest immutable ``AttemptState`` and emits a
``KioskView`` for the screens to render. Time shown is computed by the core (``with_time``) from the
events and the injected clock; the ``QTimer`` here only refreshes the display and asks the store to
end the test when the core says the time is up.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.app.check_in import CheckInForm, Refusal, match_candidate
from kiosk.app.code_jobs import apply_code, make_challenge
from kiosk.app.env_checks import EnvWarning
from kiosk.app.invigilator_gate import GateEvent, GateResult, InvigilatorGate
from kiosk.app.kiosk_jobs import AttemptSnapshot, Jobs
from kiosk.app.kiosk_session import KioskSession
from kiosk.app.kit_jobs import export_session
from kiosk.app.view_model import CandidateLabel, KioskView, Screen, UiFacts, kiosk_view
from kiosk.core.attempt import TransitionRefused, with_time
from kiosk.core.attempt_state import AttemptState, Status
from kiosk.core.clock import Clock
from kiosk.core.codes import Challenge, CodeAction, response_for
from kiosk.core.errors import EnvironmentFailure, KioskError, UserError
from kiosk.seal.session_model import Candidate
from kiosk.store.installed_session import InstalledSession
from kiosk.store.kiosk_setup import KioskSetup
from kiosk.store.service import Store
from kiosk.store.store_core import Change, StoreCore, TimeUp

log = logging.getLogger("kiosk.controller")
security_log = logging.getLogger("kiosk.security")

REFRESH_MS = 250
HEARTBEAT_MS = 15_000
BY = "password"  # invigilator actions at the kiosk are authorised by the session password


class _Bridge(QObject):
    """Carries a finished store future back to the GUI thread (queued connection)."""

    done = Signal(object, object)


class KioskController(QObject):
    """Turns intents into store jobs and store results into views.

    Signals:
        view_changed(KioskView): the screen to show changed (full render).
        time_changed(KioskView): only the time figures moved (header refresh).
        check_in_refused(Refusal): the check-in form did not match.
        ready(): the store and the session are open.
        failed(object): an error the error handler must show (the exception).
        challenge_ready(object): the ``Challenge`` to show for a code.
        code_refused(str): a code answered correctly could not be used (replayed, stale).
        export_done(object): an ``ExportResult``, or the message (str) saying why not.
    """

    view_changed = Signal(object)
    time_changed = Signal(object)
    check_in_refused = Signal(object)
    ready = Signal()
    failed = Signal(object)
    challenge_ready = Signal(object)
    code_refused = Signal(str)
    export_done = Signal(object)

    def __init__(
        self,
        clock: Clock,
        warnings: Sequence[EnvWarning] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._on_done)
        self._store: Store | None = None
        self._session: KioskSession | None = None
        self._setup: KioskSetup | None = None
        self._challenge: Challenge | None = None
        self._gate: InvigilatorGate | None = None
        self._jobs: Jobs | None = None
        self.attempt_id: str | None = None
        self.state: AttemptState | None = None
        self._candidate: Candidate | None = None
        self._focus_out_items: frozenset[str] = frozenset()
        self.facts = UiFacts(warnings=tuple(warnings))
        self._busy = 0
        self._pending = 0
        self._tick_pending = False
        self._last_heartbeat_ms = 0
        self._last_screen: Screen | None = None
        self.invigilator_open = False
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.tick)

    # -- opening --------------------------------------------------------------------------

    @property
    def session(self) -> KioskSession | None:
        """The session served (None until attached)."""
        return self._session

    @property
    def is_ready(self) -> bool:
        """Whether the store and the session are attached."""
        return self._store is not None

    @property
    def busy(self) -> bool:
        """Whether a candidate action is being recorded."""
        return self._busy > 0

    @property
    def idle(self) -> bool:
        """Whether no store job at all is in flight."""
        return self._pending == 0

    @property
    def codes_available(self) -> bool:
        """Whether console codes and the export work (a session installed from a kit)."""
        return self._setup is not None and isinstance(self._session, InstalledSession)

    def attach(self, store: Store, session: KioskSession, setup: KioskSetup | None = None) -> None:
        """Use an open store and a session; brings back the kiosk's latest attempt, if any.

        Args:
            setup: the kiosk's setup store, opened on the store thread (codes and export need
                it; only used inside store jobs).
        """
        self._store = store
        self._session = session
        self._setup = setup
        self._jobs = Jobs(session)
        self._gate = InvigilatorGate(
            session.password_hash,
            clock=lambda: self.clock.monotonic_ms() / 1000.0,
            on_event=self._on_gate_event,
        )
        jobs = self._jobs
        self._submit(
            lambda core: jobs.latest_attempt(core), self._on_loaded, candidate_action=False
        )
        self.timer.start()

    def _on_loaded(self, snapshot: AttemptSnapshot | None) -> None:
        if snapshot is not None:
            self._adopt(snapshot)
        self.ready.emit()
        self._emit_view()

    def _adopt(self, snapshot: AttemptSnapshot) -> None:
        self.attempt_id = snapshot.attempt_id
        self.state = snapshot.state
        self._focus_out_items = snapshot.focus_out_items
        self._candidate = self._find_candidate(snapshot.state.candidate_id)

    def _find_candidate(self, candidate_id: str) -> Candidate | None:
        if self._session is None:
            return None
        for candidate in self._session.candidates:
            if candidate.candidate_id == candidate_id:
                return candidate
        return None

    def close(self) -> None:
        """Stop the timers and close the stores (end of process, tests)."""
        self.timer.stop()
        if self._store is not None:
            store, self._store = self._store, None
            setup, self._setup = self._setup, None
            try:
                if setup is not None:
                    store.run(lambda _core: setup.close()).result()
            finally:
                store.close()

    # -- store plumbing ---------------------------------------------------------------------

    def _submit(
        self,
        work: Callable[[StoreCore], Any],
        on_ok: Callable[[Any], None],
        *,
        candidate_action: bool = True,
        on_error: Callable[[UserError | EnvironmentFailure], None] | None = None,
    ) -> bool:
        if self._store is None:
            return False
        if candidate_action:
            if self._busy:
                log.info("candidate action ignored: the previous one is still being recorded")
                return False
            self._busy += 1
        self._pending += 1
        future = self._store.run(work)
        tag = (on_ok, candidate_action, on_error)
        future.add_done_callback(lambda f: self._bridge.done.emit(tag, f))
        return True

    def _on_done(self, tag: tuple[Any, bool, Any], future: Future[Any]) -> None:
        on_ok, candidate_action, on_error = tag
        self._pending = max(0, self._pending - 1)
        if candidate_action:
            self._busy = max(0, self._busy - 1)
        error = future.exception()
        if error is None:
            on_ok(future.result())
            return
        if isinstance(error, TimeUp):
            self._apply([error.change])
            return
        if on_error is not None and isinstance(error, UserError | EnvironmentFailure):
            on_error(error)
            self._emit_view()
            return
        if isinstance(error, TransitionRefused):
            # A stale intent (e.g. a double click): the core refused it; show the true state.
            log.info("action refused by the rules: %s", error.message)
            self._emit_view()
            return
        if isinstance(error, KioskError):
            log.error("store action failed: %s", error.message)
        self.failed.emit(error)
        self._emit_view()

    def _apply(self, changes: Sequence[Change[AttemptState]]) -> None:
        for change in changes:
            self.attempt_id = change.log_id
            self.state = change.state
            for event in change.events:
                if event.type == "focus_lost" and isinstance(event.data.get("item"), str):
                    self._focus_out_items = self._focus_out_items | {event.data["item"]}
        self._emit_view()

    def _apply_list(self, changes: list[Change[AttemptState]]) -> None:
        self._apply(changes)

    # -- views --------------------------------------------------------------------------------

    def live_state(self) -> AttemptState | None:
        """The attempt's state with time as of now (the core's computation)."""
        if self.state is None:
            return None
        return with_time(self.state, self.clock.monotonic_ms())

    def view(self) -> KioskView:
        """The view of now."""
        label = None
        if self._candidate is not None:
            label = CandidateLabel(self._candidate.first_names, self._candidate.last_name)
        items = self._session.items if self._session is not None else {}
        return kiosk_view(self.live_state(), items, self.facts, label)

    def _emit_view(self) -> None:
        view = self.view()
        self._last_screen = view.screen
        self.view_changed.emit(view)
        self._follow_up(view)

    def _follow_up(self, view: KioskView) -> None:
        """Record that an item is on screen once the candidate can see it."""
        state = self.state
        if state is None or self.attempt_id is None or self._jobs is None:
            return
        if view.screen is Screen.ITEM and state.status is Status.RUNNING:
            current = state.current_item
            if current is not None and current.id not in state.shown and not self.busy:
                jobs, aid = self._jobs, self.attempt_id
                self._submit(lambda core: jobs.show_item(core, aid, current.id), self._apply_list)

    def tick(self) -> None:
        """Refresh the time shown; end the test when the core says time is up; heartbeat."""
        state = self.live_state()
        if state is None or self.attempt_id is None or self._jobs is None:
            return
        if state.status is Status.RUNNING:
            self.time_changed.emit(self.view())
            now = self.clock.monotonic_ms()
            aid, jobs = self.attempt_id, self._jobs
            if state.time_up and not self._tick_pending:
                self._tick_pending = True
                self._submit(
                    lambda core: [core.tick(aid)], self._on_tick_done, candidate_action=False
                )
            elif now - max(self._last_heartbeat_ms, state.last_mono_ms) >= HEARTBEAT_MS:
                self._last_heartbeat_ms = now
                self._submit(
                    lambda core: jobs.heartbeat(core, aid),
                    self._apply_quiet,
                    candidate_action=False,
                )

    def _on_tick_done(self, changes: list[Change[AttemptState]]) -> None:
        self._tick_pending = False
        self._apply(changes)

    def _apply_quiet(self, changes: list[Change[AttemptState]]) -> None:
        for change in changes:
            self.state = change.state

    # -- candidate intents --------------------------------------------------------------------

    def acknowledge_startup(self) -> None:
        """The candidate read the start-up checks."""
        self.facts = replace(self.facts, startup_acknowledged=True)
        self._emit_view()

    def check_in(self, form: CheckInForm) -> None:
        """Match the form to a candidate; create (or find again) their attempt."""
        if self._session is None or self._jobs is None:
            return
        result = match_candidate(form, self._session.details, self._session.candidates)
        if result.candidate is None:
            assert result.refusal is not None
            security_log.info("check-in refused: %s", result.refusal.value)
            self.check_in_refused.emit(result.refusal)
            return
        candidate = result.candidate
        jobs, warnings = self._jobs, self.facts.warnings
        self._submit(
            lambda core: jobs.check_in(core, candidate, warnings),
            lambda outcome: self._on_checked_in(candidate, outcome),
        )

    def _on_checked_in(self, candidate: Candidate, outcome: AttemptSnapshot | Refusal) -> None:
        if isinstance(outcome, Refusal):
            self.check_in_refused.emit(outcome)
            return
        self._candidate = candidate
        self._adopt(outcome)
        self.check_in_refused.emit(None)
        self._emit_view()

    def start(self) -> None:
        """The candidate starts the test after the instructions."""
        self._attempt_job(lambda jobs, core, aid: jobs.start(core, aid))

    def acknowledge_focus_warning(self, item_id: str) -> None:
        """The candidate read the focus warning of ``item_id``."""
        self.facts = replace(self.facts, focus_warning_acknowledged=item_id)
        self._emit_view()

    def validate(self, item_id: str, answer: Any) -> None:
        """« Je valide »: save the raw answer to the current item."""
        focused_out = item_id in self._focus_out_items
        ack = self.facts.focus_warning_acknowledged
        self._attempt_job(
            lambda jobs, core, aid: jobs.save_answer(core, aid, item_id, answer, focused_out, ack)
        )

    def skip(self, item_id: str) -> None:
        """« Je passe » (already confirmed by the candidate)."""
        ack = self.facts.focus_warning_acknowledged
        self._attempt_job(lambda jobs, core, aid: jobs.skip(core, aid, item_id, ack))

    def report_problem(self, item_id: str, category: str, text: str) -> None:
        """« Signaler un problème »: time stops until the invigilator handles it."""
        self._attempt_job(
            lambda jobs, core, aid: jobs.report_problem(core, aid, item_id, category, text)
        )

    def _attempt_job(
        self,
        work: Callable[[Jobs, StoreCore, str], list[Change[AttemptState]]],
        *,
        candidate_action: bool = True,
    ) -> bool:
        if self._jobs is None or self.attempt_id is None:
            return False
        jobs, aid = self._jobs, self.attempt_id
        return self._submit(
            lambda core: work(jobs, core, aid), self._apply_list, candidate_action=candidate_action
        )

    # -- lockdown -------------------------------------------------------------------------------

    def on_suspicious(self, code: str, detail: str) -> None:
        """Focus lost, screen added...: recorded, and the test locks while it is under way."""
        security_log.warning("suspicious: %s (%s)", code, detail)
        if code == "clipboard":
            return
        self._attempt_job(
            lambda jobs, core, aid: jobs.suspicious(core, aid, code, detail),
            candidate_action=False,
        )

    def on_blocked(self, what: str) -> None:
        """A close or quit shortcut was swallowed."""
        security_log.info("blocked: %s", what)

    # -- invigilator ------------------------------------------------------------------------------

    def check_password(self, password: str) -> GateResult:
        """Try the invigilator password (lockout after repeated failures)."""
        if self._gate is None:
            return GateResult(ok=False, attempts_left=0, locked_s=0.0)
        result = self._gate.check(password)
        self.invigilator_open = result.ok
        return result

    def gate_locked_for(self) -> float:
        """Seconds the invigilator panel stays locked out."""
        return self._gate.locked_for() if self._gate is not None else 0.0

    def close_invigilator(self) -> None:
        """The invigilator left the panel: the next action needs the password again."""
        self.invigilator_open = False

    def _on_gate_event(self, event: GateEvent) -> None:
        if event.kind == "auth_ok":
            security_log.info("invigilator panel opened")
        elif event.kind == "auth_failed":
            security_log.warning("wrong invigilator password (%d in a row)", event.failures)
        else:
            security_log.warning("invigilator panel locked out for %.0f s", event.lockout_s)

    def _invigilator_job(
        self, work: Callable[[Jobs, StoreCore, str], list[Change[AttemptState]]]
    ) -> bool:
        if not self.invigilator_open:
            security_log.warning("invigilator action refused: panel not opened with the password")
            return False
        return self._attempt_job(work, candidate_action=False)

    def confirm_presence(self) -> bool:
        """The invigilator confirms the candidate is present."""
        return self._invigilator_job(
            lambda jobs, core, aid: jobs.simple(core, aid, "presence_confirmed", {"by": BY})
        )

    def authorise_resume(self) -> bool:
        """The invigilator lets an interrupted test go on."""
        return self._invigilator_job(
            lambda jobs, core, aid: jobs.simple(core, aid, "resume_authorised", {"by": BY})
        )

    def unlock(self) -> bool:
        """The invigilator unlocks the screen."""
        return self._invigilator_job(
            lambda jobs, core, aid: jobs.simple(core, aid, "unlocked", {"by": BY})
        )

    def add_time(self, minutes: int, reason: str) -> bool:
        """The invigilator adds ``minutes`` with a reason."""
        data = {"minutes": minutes, "reason": reason, "by": BY}
        return self._invigilator_job(
            lambda jobs, core, aid: jobs.simple(core, aid, "time_extended", data)
        )

    def end_test(self) -> bool:
        """The invigilator ends the test."""
        data = {"reason": "by_invigilator", "by": BY}
        return self._invigilator_job(lambda jobs, core, aid: jobs.simple(core, aid, "ended", data))

    def resolve_problem(self, outcome: str) -> bool:
        """Validate (the item is set aside) or dismiss (back to the item) the pending report."""
        state = self.state
        if state is None or state.pending_problem_seq is None:
            return False
        seq, ack = state.pending_problem_seq, self.facts.focus_warning_acknowledged
        return self._invigilator_job(
            lambda jobs, core, aid: jobs.resolve_problem(core, aid, seq, outcome, ack)
        )

    def new_check_in(self) -> bool:
        """After an ended test, let the next candidate check in on this kiosk."""
        if not self.invigilator_open or self.state is None or self.state.status is not Status.ENDED:
            return False
        self.attempt_id = None
        self.state = None
        self._candidate = None
        self._focus_out_items = frozenset()
        self.facts = replace(self.facts, focus_warning_acknowledged=None)
        self._emit_view()
        return True

    # -- console codes and export -------------------------------------------------------------

    def request_challenge(self, action: CodeAction, minutes: int | None = None) -> bool:
        """Prepare the challenge for ``action`` on the current attempt (``challenge_ready``)."""
        session, setup, aid = self._session, self._setup, self.attempt_id
        if not isinstance(session, InstalledSession) or setup is None or aid is None:
            return False
        self._challenge = None

        def work(core: StoreCore) -> Challenge:
            return make_challenge(
                core, setup, session.kiosk_number, session.candidates, aid, action, minutes
            )

        return self._submit(
            work,
            self._on_challenge,
            candidate_action=False,
            on_error=lambda exc: self.code_refused.emit(exc.message),
        )

    def _on_challenge(self, challenge: Challenge) -> None:
        self._challenge = challenge
        self.challenge_ready.emit(challenge)

    @property
    def pending_challenge(self) -> Challenge | None:
        """The challenge on show, not answered yet."""
        return self._challenge

    def submit_code(self, typed: str, reason: str = "") -> GateResult:
        """Check the console's response to the challenge on show; if right, do its action once.

        Wrong responses count with wrong passwords toward the lockout.
        """
        session, setup, challenge = self._session, self._setup, self._challenge
        gate, aid, jobs = self._gate, self.attempt_id, self._jobs
        if (
            not isinstance(session, InstalledSession)
            or setup is None
            or challenge is None
            or gate is None
            or aid is None
            or jobs is None
        ):
            return GateResult(ok=False, attempts_left=0, locked_s=0.0)
        secret, session_id = session.session_secret, session.details.session_id
        clean = "".join(typed.split()).replace("-", "").upper()

        def verify() -> bool:
            expected = response_for(secret, session_id, challenge)
            return hmac.compare_digest(expected.encode(), clean.encode())

        result = gate.attempt(verify)
        if not result.ok:
            return result
        self._challenge = None  # a response is used once, even if recording it fails
        security_log.info("console code accepted: %s", challenge.text())
        self._submit(
            lambda core: apply_code(core, setup, jobs, aid, challenge, reason),
            self._apply_list,
            candidate_action=False,
            on_error=lambda exc: self.code_refused.emit(exc.message),
        )
        return result

    def export_results(self, folder: Path) -> bool:
        """Write this kiosk's attempts of the session to ``folder`` (``export_done``)."""
        session, setup = self._session, self._setup
        if not self.invigilator_open or session is None or setup is None:
            return False
        session_id, now = session.details.session_id, self.clock.wall()
        return self._submit(
            lambda core: export_session(core, setup, session_id, folder, now),
            self.export_done.emit,
            candidate_action=False,
            on_error=lambda exc: self.export_done.emit(exc.message),
        )
