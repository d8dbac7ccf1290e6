"""Console codes and the export at a kiosk set up from a kit (no network needed).

The invigilator asks the kiosk for a challenge (``request_challenge``: action, kiosk number,
candidate number, counter), reads it to the console, and types the console's response
(``submit_code``). The response is checked here, on the GUI thread, through the invigilator gate
(wrong codes count with wrong passwords), then the action is recorded once by a store job
(``code_jobs.apply_code``); a response is never accepted twice. The export writes the kiosk's
attempts of the session, sealed to the centre, to a USB folder (``export_job``).
"""

from __future__ import annotations

import hmac
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.app.invigilator_gate import GateResult
from kiosk.core.codes import Challenge, CodeAction, response_for

if TYPE_CHECKING:
    from kiosk.app.controller import KioskController
    from kiosk.store.store_core import StoreCore

security_log = logging.getLogger("kiosk.security")
_REFUSED = GateResult(ok=False, attempts_left=0, locked_s=0.0)


class ConsoleCodes(QObject):
    """Challenge/response codes and the export for the controller's current attempt.

    Signals:
        challenge_ready(object): the ``Challenge`` to show for a code.
        code_refused(str): a code answered correctly could not be used (replayed, stale).
        export_done(object): an ``ExportResult``, or the message (str) saying why not.
    """

    challenge_ready = Signal(object)
    code_refused = Signal(str)
    export_done = Signal(object)

    def __init__(self, controller: KioskController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._challenge: Challenge | None = None

    @property
    def pending_challenge(self) -> Challenge | None:
        """The challenge on show, not answered yet."""
        return self._challenge

    def request_challenge(self, action: CodeAction, minutes: int | None = None) -> bool:
        """Prepare the challenge for ``action`` on the current attempt (``challenge_ready``)."""
        from kiosk.store.installed_session import InstalledSession  # loaded with the kit

        c = self._controller
        session, setup, aid = c.session, c.setup, c.attempt_id
        if not isinstance(session, InstalledSession) or setup is None or aid is None:
            return False
        self._challenge = None

        from kiosk.app.code_jobs import make_challenge  # loaded when a code is first asked

        def work(core: StoreCore) -> Challenge:
            return make_challenge(core, setup, session, aid, action, minutes)

        return c.submit(
            work,
            self._on_challenge,
            candidate_action=False,
            on_error=lambda exc: self.code_refused.emit(exc.message),
        )

    def _on_challenge(self, challenge: Challenge) -> None:
        self._challenge = challenge
        self.challenge_ready.emit(challenge)

    def submit_code(self, typed: str, reason: str = "") -> GateResult:
        """Check the console's response to the challenge on show; if right, do its action once.

        Wrong responses count with wrong passwords toward the lockout.
        """
        from kiosk.store.installed_session import InstalledSession

        c = self._controller
        session, setup, challenge = c.session, c.setup, self._challenge
        gate, aid, jobs = c.desk.gate, c.attempt_id, c.jobs
        if (
            not isinstance(session, InstalledSession)
            or setup is None
            or challenge is None
            or gate is None
            or aid is None
            or jobs is None
        ):
            return _REFUSED
        secret, session_id = session.session_secret, session.details.session_id
        clean = "".join(typed.split()).replace("-", "").upper()

        def verify() -> bool:
            expected = response_for(secret, session_id, challenge)
            return hmac.compare_digest(expected.encode(), clean.encode())

        result = gate.attempt(verify)
        if not result.ok:
            return result
        self._challenge = None  # a response is used once, even if recording it fails
        from kiosk.app.code_jobs import apply_code

        security_log.info("console code accepted: %s", challenge.text())
        c.submit(
            lambda core: apply_code(core, setup, jobs, aid, challenge, reason),
            c.apply_list,
            candidate_action=False,
            on_error=lambda exc: self.code_refused.emit(exc.message),
        )
        return result

    def export_results(self, folder: Path) -> bool:
        """Write this kiosk's attempts of the session to ``folder`` (``export_done``)."""
        from kiosk.app.export_job import export_session  # loaded when first needed

        c = self._controller
        session, setup = c.session, c.setup
        if not c.desk.is_open or session is None or setup is None:
            return False
        session_id, now = session.details.session_id, c.clock.wall()
        return c.submit(
            lambda core: export_session(core, setup, session_id, folder, now),
            self.export_done.emit,
            candidate_action=False,
            on_error=lambda exc: self.export_done.emit(exc.message),
        )
