"""The centre manager's side of the kiosk: enrolment and kit import, before any candidate.

Turns the manager's intents into ``kit_jobs`` run on the store thread and brings the results back
to the GUI thread by a queued signal. Once a kit is installed it emits ``session_ready`` with the
``InstalledSession``; the shell then attaches the candidate controller.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kiosk.core.errors import EnvironmentFailure, KioskError, UserError

if TYPE_CHECKING:
    from kiosk.app.kiosk_backend import KioskBackend
    from kiosk.app.setup_state import SetupState

log = logging.getLogger("kiosk.setup")


class _Bridge(QObject):
    done = Signal(object, object)


class SetupController(QObject):
    """Enrolment and kit import for one kiosk.

    Signals:
        state_ready(SetupState): the setup store was read at start.
        enrolled(object): (identity, record path) after enrolment.
        record_written(object): the record's path after writing it again.
        kits_found(object): the kit files of the chosen folder (list of paths).
        preview_ready(KitPreview): the chosen kit, verified and described.
        imported(object): (ImportSummary, InstalledSession).
        refused(str, object): a refusal to show: the message and the kind of error (its class).
        failed(object): an unexpected error for the error handler.
        session_ready(InstalledSession): the session to run.
    """

    state_ready = Signal(object)
    enrolled = Signal(object)
    record_written = Signal(object)
    kits_found = Signal(object)
    preview_ready = Signal(object)
    imported = Signal(object)
    refused = Signal(str, object)
    failed = Signal(object)
    session_ready = Signal(object)

    def __init__(self, authority_file: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.authority_file = authority_file
        self.backend: KioskBackend | None = None
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._on_done)
        self._pending = 0

    @property
    def idle(self) -> bool:
        """Whether no job is in flight."""
        return self._pending == 0

    def attach(self, backend: KioskBackend, state: Future[SetupState] | None = None) -> None:
        """Use the opened stores and read where the kiosk stands.

        Args:
            state: the setup state already being read on the store thread (``open_kiosk``);
                read now when None.
        """
        self.backend = backend
        if state is None:
            from kiosk.app.setup_state import setup_state

            self._run(lambda _core, setup: setup_state(setup), self._on_state)
            return
        self._pending += 1
        state.add_done_callback(lambda f: self._bridge.done.emit(self._on_state, f))

    def _run(self, work: Callable[[Any, Any], Any], on_ok: Callable[[Any], None]) -> None:
        if self.backend is None:
            return
        self._pending += 1
        future = self.backend.run(work)
        future.add_done_callback(lambda f: self._bridge.done.emit(on_ok, f))

    def _on_done(self, on_ok: Callable[[Any], None], future: Future[Any]) -> None:
        self._pending = max(0, self._pending - 1)
        error = future.exception()
        if error is None:
            on_ok(future.result())
        elif isinstance(error, UserError | EnvironmentFailure):
            assert isinstance(error, KioskError)
            log.info("refused: %s", error.message)
            self.refused.emit(error.message, type(error))
        else:
            self.failed.emit(error)

    def _on_state(self, state: SetupState) -> None:
        self.state_ready.emit(state)
        if state.session is not None:
            self.session_ready.emit(state.session)

    def enrol(self, number: int, name: str, folder: Path) -> None:
        """Give the kiosk its number and name, write its record to ``folder``."""
        from kiosk.app import kit_jobs  # the manager's work, loaded when asked

        self._run(lambda _c, setup: kit_jobs.enrol(setup, number, name, folder), self.enrolled.emit)

    def write_record(self, folder: Path) -> None:
        """Write the enrolment record again (another stick, a failed write)."""
        from kiosk.app import kit_jobs  # the manager's work, loaded when asked

        self._run(
            lambda _c, setup: kit_jobs.write_enrolment_record(setup, folder),
            self.record_written.emit,
        )

    def find_kits(self, folder: Path) -> None:
        """List the kit files of ``folder``."""
        from kiosk.app import kit_jobs  # the manager's work, loaded when asked

        self._run(lambda _c, _s: kit_jobs.find_kits(folder), self.kits_found.emit)

    def preview(self, path: Path) -> None:
        """Verify and describe a kit before its code is asked."""
        authority = self.authority_file
        from kiosk.app import kit_jobs  # the manager's work, loaded when asked

        self._run(
            lambda core, setup: kit_jobs.preview_kit(core, setup, path, authority),
            self.preview_ready.emit,
        )

    def import_kit(self, path: Path, code: str) -> None:
        """Import a kit with its one-time code; on success the session is ready."""
        authority = self.authority_file
        from kiosk.app import kit_jobs  # the manager's work, loaded when asked

        self._run(
            lambda core, setup: kit_jobs.install_kit(core, setup, path, code, authority),
            self._on_imported,
        )

    def _on_imported(self, result: Any) -> None:
        summary, session = result
        log.info("kit %s imported for session %s", summary.kit_id, summary.session_id)
        self.imported.emit(result)
        self.session_ready.emit(session)
