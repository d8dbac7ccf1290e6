"""The kiosk controller: the only place that talks to the store; screens send it intents.

Every intent becomes a job run on the store thread (``JobRunner``); the job checks and durably
records events through the core's rules and returns the ``Change``s. Results come back to the GUI
thread through a queued signal; the controller keeps the latest immutable ``AttemptState`` and emits a
``KioskView`` for the screens to render. Time shown is computed by the core (``with_time``) from the
events and the injected clock; the ``QTimer`` here only refreshes the display and asks the store to
end the test when the core says the time is up.

The invigilator's actions live beside it: ``desk`` (``InvigilatorDesk``: the password and what it
authorises) and ``codes`` (``ConsoleCodes``: challenge/response codes and the export).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.app.check_in import CheckInForm, Refusal, match_candidate
from kiosk.app.console_codes import ConsoleCodes
from kiosk.app.env_checks import EnvWarning
from kiosk.app.invigilator_desk import InvigilatorDesk
from kiosk.app.job_runner import ErrorHandler, JobRunner
from kiosk.app.view_model import CandidateLabel, KioskView, Screen, UiFacts, kiosk_view
from kiosk.core.attempt import with_time
from kiosk.core.attempt_state import AttemptState, Status
from kiosk.core.clock import Clock
from kiosk.core.codes import Challenge

if TYPE_CHECKING:
    from kiosk.app.kiosk_jobs import AttemptSnapshot, Jobs
    from kiosk.app.kiosk_session import KioskSession
    from kiosk.seal.session_model import Candidate
    from kiosk.store.kiosk_setup import KioskSetup
    from kiosk.store.service import Store
    from kiosk.store.store_core import Change, StoreCore

    AttemptWork = Callable[[Jobs, StoreCore, str], list[Change[AttemptState]]]

security_log = logging.getLogger("kiosk.security")

REFRESH_MS = 250
HEARTBEAT_MS = 15_000


class KioskController(QObject):
    """Turns intents into store jobs and store results into views.

    Signals:
        view_changed(KioskView): the screen to show changed (full render).
        time_changed(KioskView): only the time figures moved (header refresh).
        check_in_refused(Refusal): the check-in form did not match (None: the message clears).
        check_in_waiting(): a check-in arrived before the data was ready; it is kept and checked
            as soon as the session is open.
        ready(): the store and the session are open.
        failed(object): an error the error handler must show (the exception).
    """

    view_changed = Signal(object)
    time_changed = Signal(object)
    check_in_refused = Signal(object)
    check_in_waiting = Signal()
    ready = Signal()
    failed = Signal(object)

    def __init__(
        self,
        clock: Clock,
        warnings: Sequence[EnvWarning] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.runner = JobRunner(
            lambda change: self._apply([change]), self._emit_view, self.failed.emit, self
        )
        self._session: KioskSession | None = None
        self._setup: KioskSetup | None = None
        self._jobs: Jobs | None = None
        self.attempt_id: str | None = None
        self.state: AttemptState | None = None
        self._candidate: Candidate | None = None
        self._focus_out_items: frozenset[str] = frozenset()
        self._loaded = False  # the kiosk's latest attempt has been read back
        self._waiting_form: CheckInForm | None = None
        self.facts = UiFacts(warnings=tuple(warnings))
        self._tick_pending = False
        self._last_heartbeat_ms = 0
        self.desk = InvigilatorDesk(self)
        self.codes = ConsoleCodes(self, self)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.tick)

    # -- opening --------------------------------------------------------------------------

    @property
    def session(self) -> KioskSession | None:
        """The session served (None until attached)."""
        return self._session

    @property
    def setup(self) -> KioskSetup | None:
        """The kiosk's setup store (only used inside store jobs), when the session came from a kit."""
        return self._setup

    @property
    def jobs(self) -> Jobs | None:
        """The attempt jobs of the session (None until attached)."""
        return self._jobs

    @property
    def is_ready(self) -> bool:
        """Whether the store and the session are attached."""
        return self.runner.store is not None

    @property
    def loaded(self) -> bool:
        """Whether the session is open and the kiosk's latest attempt read back (check-in works)."""
        return self._loaded

    @property
    def busy(self) -> bool:
        """Whether a candidate action is being recorded."""
        return self.runner.busy

    @property
    def idle(self) -> bool:
        """Whether no store job at all is in flight."""
        return self.runner.idle

    @property
    def pending_challenge(self) -> Challenge | None:
        """The console-code challenge on show, not answered yet (``codes.pending_challenge``)."""
        return self.codes.pending_challenge

    @property
    def codes_available(self) -> bool:
        """Whether console codes and the export work (a session installed from a kit)."""
        from kiosk.store.installed_session import InstalledSession

        return self._setup is not None and isinstance(self._session, InstalledSession)

    def attach(self, store: Store, session: KioskSession, setup: KioskSetup | None = None) -> None:
        """Use an open store and a session; brings back the kiosk's latest attempt, if any.

        Args:
            setup: the kiosk's setup store, opened on the store thread (codes and export need
                it; only used inside store jobs).
        """
        from kiosk.app.kiosk_jobs import Jobs  # with the data, not before the first paint

        self._loaded = False
        self.runner.store = store
        self._session = session
        self._setup = setup
        self._jobs = Jobs(session)
        self.desk.attach(session.password_hash)
        jobs = self._jobs
        self.submit(lambda core: jobs.latest_attempt(core), self._on_loaded, candidate_action=False)
        self.timer.start()

    def _on_loaded(self, snapshot: AttemptSnapshot | None) -> None:
        if snapshot is not None:
            self._adopt(snapshot)
        self._loaded = True
        self.ready.emit()
        self._emit_view()
        form, self._waiting_form = self._waiting_form, None
        if form is not None:
            if self.state is None:
                self.check_in(form)
            else:  # the kiosk went back to an attempt under way: the form no longer applies
                self.check_in_refused.emit(None)

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
        if self.runner.store is not None:
            store, self.runner.store = self.runner.store, None
            setup, self._setup = self._setup, None
            try:
                if setup is not None:
                    store.run(lambda _core: setup.close()).result()
            finally:
                store.close()

    # -- store plumbing ---------------------------------------------------------------------

    def submit(
        self,
        work: Callable[[StoreCore], Any],
        on_ok: Callable[[Any], None],
        *,
        candidate_action: bool = True,
        on_error: ErrorHandler | None = None,
    ) -> bool:
        """Run ``work`` on the store thread (see ``JobRunner.submit``)."""
        return self.runner.submit(work, on_ok, candidate_action=candidate_action, on_error=on_error)

    def attempt_job(self, work: AttemptWork, *, candidate_action: bool = True) -> bool:
        """Run ``work`` on the current attempt and apply its changes; False without an attempt."""
        if self._jobs is None or self.attempt_id is None:
            return False
        jobs, aid = self._jobs, self.attempt_id
        return self.submit(
            lambda core: work(jobs, core, aid), self.apply_list, candidate_action=candidate_action
        )

    def _apply(self, changes: Sequence[Change[AttemptState]]) -> None:
        for change in changes:
            self.attempt_id = change.log_id
            self.state = change.state
            for event in change.events:
                if event.type == "focus_lost" and isinstance(event.data.get("item"), str):
                    self._focus_out_items = self._focus_out_items | {event.data["item"]}
        self._emit_view()

    def apply_list(self, changes: list[Change[AttemptState]]) -> None:
        """Adopt the attempt's changes recorded by a job and show the new view."""
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
                self.submit(lambda core: jobs.show_item(core, aid, current.id), self.apply_list)

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
                self.submit(
                    lambda core: [core.tick(aid)], self._on_tick_done, candidate_action=False
                )
            elif now - max(self._last_heartbeat_ms, state.last_mono_ms) >= HEARTBEAT_MS:
                self._last_heartbeat_ms = now
                self.submit(
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
        """Match the form to a candidate; create (or find again) their attempt.

        Before the data is ready the form is kept (``check_in_waiting``) and checked once it is.
        """
        if not self._loaded or self._session is None or self._jobs is None:
            self._waiting_form = form
            self.check_in_waiting.emit()
            return
        result = match_candidate(form, self._session.details, self._session.candidates)
        if result.candidate is None:
            assert result.refusal is not None
            security_log.info("check-in refused: %s", result.refusal.value)
            self.check_in_refused.emit(result.refusal)
            return
        candidate = result.candidate
        jobs, warnings = self._jobs, self.facts.warnings
        self.submit(
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

    def forget_attempt(self) -> None:
        """Back to an empty check-in (the next candidate on this kiosk, after an ended test)."""
        self.attempt_id = None
        self.state = None
        self._candidate = None
        self._focus_out_items = frozenset()
        self.facts = replace(self.facts, focus_warning_acknowledged=None)
        self._emit_view()

    def start(self) -> None:
        """The candidate starts the test after the instructions."""
        self.attempt_job(lambda jobs, core, aid: jobs.start(core, aid))

    def acknowledge_focus_warning(self, item_id: str) -> None:
        """The candidate read the focus warning of ``item_id``."""
        self.facts = replace(self.facts, focus_warning_acknowledged=item_id)
        self._emit_view()

    def validate(self, item_id: str, answer: Any) -> None:
        """« Je valide »: save the raw answer to the current item."""
        focused_out = item_id in self._focus_out_items
        ack = self.facts.focus_warning_acknowledged
        self.attempt_job(
            lambda jobs, core, aid: jobs.save_answer(core, aid, item_id, answer, focused_out, ack)
        )

    def skip(self, item_id: str) -> None:
        """« Je passe » (already confirmed by the candidate)."""
        ack = self.facts.focus_warning_acknowledged
        self.attempt_job(lambda jobs, core, aid: jobs.skip(core, aid, item_id, ack))

    def report_problem(self, item_id: str, category: str, text: str) -> None:
        """« Signaler un problème »: time stops until the invigilator handles it."""
        self.attempt_job(
            lambda jobs, core, aid: jobs.report_problem(core, aid, item_id, category, text)
        )

    # -- lockdown -------------------------------------------------------------------------------

    def on_suspicious(self, code: str, detail: str) -> None:
        """Focus lost, screen added...: recorded, and the test locks while it is under way."""
        security_log.warning("suspicious: %s (%s)", code, detail)
        if code == "clipboard":
            return
        self.attempt_job(
            lambda jobs, core, aid: jobs.suspicious(core, aid, code, detail),
            candidate_action=False,
        )

    def on_blocked(self, what: str) -> None:
        """A close or quit shortcut was swallowed."""
        security_log.info("blocked: %s", what)
