"""Wires the manager's set-up screens (enrolment, kit import) to the ``SetupController``.

Decides which set-up screen the window shows from the kiosk's state at start, and, once a session
is installed, attaches the candidate controller to it and hands the window back to the candidate's
screens.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt

from kiosk.core.errors import AuthenticationError

if TYPE_CHECKING:
    from kiosk.app.kit_jobs import KitPreview
    from kiosk.app.setup_controller import SetupController
    from kiosk.app.setup_state import SetupState
    from kiosk.app.shell import KioskWindow
    from kiosk.store.installed_session import InstalledSession, KioskIdentity

log = logging.getLogger("kiosk.setup")


class SetupFlow(QObject):
    """The set-up part of the kiosk window."""

    def __init__(self, window: KioskWindow, setup: SetupController) -> None:
        super().__init__(window)
        self.window = window
        self.setup = setup
        self.session: InstalledSession | None = None
        self._stage = ""
        enrol, kits = window.enrol, window.kit_import
        setup.state_ready.connect(self._on_state)
        setup.enrolled.connect(self._on_enrolled)
        setup.record_written.connect(
            lambda path: kits.show_info(self.tr("Fiche du poste écrite : {path}").format(path=path))
        )
        setup.kits_found.connect(kits.show_kits)
        setup.preview_ready.connect(self._on_preview)
        setup.imported.connect(self._on_imported)
        setup.refused.connect(self._on_refused)
        setup.session_ready.connect(self._on_session)
        enrol.submitted.connect(setup.enrol)
        enrol.proceed.connect(lambda: self._show("kit"))
        kits.search.connect(setup.find_kits)
        kits.kit_chosen.connect(setup.preview)
        kits.import_requested.connect(setup.import_kit)
        kits.write_record.connect(setup.write_record)

    def _show(self, stage: str) -> None:
        self._stage = stage
        self.window.setup_stage = stage
        page = self.window.enrol if stage == "enrol" else self.window.kit_import
        self.window.stack.setCurrentWidget(page)
        target = page.first_focus()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_state(self, state: SetupState) -> None:
        if state.identity is None:
            self._show("enrol")
            return
        self._set_kiosk(state.identity)
        if state.session is None:
            self.window.kit_import.set_locked_until(state.locked_until)
            if state.notice:
                self.window.kit_import.show_info(state.notice)
            self._show("kit")

    def _set_kiosk(self, identity: KioskIdentity) -> None:
        self.window.kit_import.set_kiosk(identity.kiosk_id, identity.number, identity.name)

    def _on_enrolled(self, result: Any) -> None:
        identity, path = result
        self._set_kiosk(identity)
        self.window.enrol.show_enrolled(
            identity.kiosk_id, identity.number, identity.name, identity.keys.public.key_id, path
        )
        self.window.kit_import.folder.set_folder(path.parent)

    def _on_preview(self, preview: KitPreview) -> None:
        self.window.kit_import.show_preview(preview)

    def _on_imported(self, result: Any) -> None:
        summary, _session = result
        self.window.kit_import.show_info(summary.message())

    def _on_refused(self, message: str, kind: object) -> None:
        if self._stage == "enrol":
            self.window.enrol.show_message(message)
        elif self._stage == "kit":
            is_code = isinstance(kind, type) and issubclass(kind, AuthenticationError)
            if is_code:
                self.window.kit_import.code_refused(message, None)
            else:
                self.window.kit_import.show_message(message)
        else:
            self.window.show_error(message)

    def _on_session(self, session: InstalledSession) -> None:
        backend = self.setup.backend
        if backend is None:
            return
        self.session = session
        self._stage = ""
        self.window.setup_stage = None
        controller = self.window.controller
        controller.attach(backend.store, session, backend.setup)
        self.window.panel.set_codes_available(True)
        log.info("session %s installed (kit %s)", session.details.session_id, session.kit_id)
        self.window.view = None
        self.window.show_view(controller.view())
