"""Runs the kiosk's store jobs and brings their results back to the GUI thread.

Every intent of the candidate or the invigilator becomes a job on the store thread
(``Store.run``). ``JobRunner`` submits it, counts what is in flight (a second candidate action
while one is being recorded is ignored: no double click records twice) and, through a queued
signal, calls the job's continuation on the GUI thread, or routes its error: time up (the core
ended the test), a refused transition (a stale intent: show the true state), an expected refusal
for the caller (``on_error``), or anything else for the error handler.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kiosk.core.errors import EnvironmentFailure, KioskError, UserError

if TYPE_CHECKING:
    from kiosk.store.service import Store
    from kiosk.store.store_core import Change, StoreCore

log = logging.getLogger("kiosk.controller")

ErrorHandler = Callable[[UserError | EnvironmentFailure], None]


class _Bridge(QObject):
    """Carries a finished store future back to the GUI thread (queued connection)."""

    done = Signal(object, object)


class JobRunner(QObject):
    """Submits store jobs; continuations and errors come back on the GUI thread.

    Args:
        on_time_up: the core ended the test while a job ran (its change is to be applied).
        on_settled: after any refusal or failure (re-render the true state).
        on_failed: an error for the error handler (the exception).
    """

    def __init__(
        self,
        on_time_up: Callable[[Change[Any]], None],
        on_settled: Callable[[], None],
        on_failed: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self._on_time_up = on_time_up
        self._on_settled = on_settled
        self._on_failed = on_failed
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._on_done)
        self._busy = 0
        self._pending = 0

    @property
    def busy(self) -> bool:
        """Whether a candidate action is being recorded."""
        return self._busy > 0

    @property
    def idle(self) -> bool:
        """Whether no store job at all is in flight."""
        return self._pending == 0

    def submit(
        self,
        work: Callable[[StoreCore], Any],
        on_ok: Callable[[Any], None],
        *,
        candidate_action: bool = True,
        on_error: ErrorHandler | None = None,
    ) -> bool:
        """Run ``work`` on the store thread, then ``on_ok(result)`` here; False if not submitted.

        Args:
            candidate_action: refused while another candidate action is in flight.
            on_error: handles a ``UserError`` or ``EnvironmentFailure`` itself (a refusal to show
                where the action was asked) instead of the error handler.
        """
        if self.store is None:
            return False
        if candidate_action:
            if self._busy:
                log.info("candidate action ignored: the previous one is still being recorded")
                return False
            self._busy += 1
        self._pending += 1
        future = self.store.run(work)
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
        # loaded by the store thread already; not imported before the first paint
        from kiosk.core.attempt import TransitionRefused
        from kiosk.store.store_core import TimeUp

        if isinstance(error, TimeUp):
            self._on_time_up(error.change)
            return
        if on_error is not None and isinstance(error, UserError | EnvironmentFailure):
            on_error(error)
            self._on_settled()
            return
        if isinstance(error, TransitionRefused):
            # A stale intent (e.g. a double click): the core refused it; show the true state.
            log.info("action refused by the rules: %s", error.message)
            self._on_settled()
            return
        if isinstance(error, KioskError):
            log.error("store action failed: %s", error.message)
        self._on_failed(error)
        self._on_settled()
