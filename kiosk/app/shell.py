"""The kiosk's one window: a stack of screens, the invigilator panel, and the wiring to the controller.

The shell renders each ``KioskView`` the controller emits by showing the matching screen (and moving
the keyboard focus to it when the screen changes); screens' signals become controller intents.
Dialogs an item opened (attachments, the problem report) are closed as soon as the screen leaves the
item, e.g. when the kiosk locks. The invigilator panel is built the first time it is needed, not
before the candidate's first screen is painted. In the kiosk the window sits inside the
``FrontWindow``, adopting the start-up and check-in screens that window painted first.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.check_in import Refusal
from kiosk.app.controller import KioskController
from kiosk.app.invigilator_gate import GateResult
from kiosk.app.screens.base import ScreenBase, make_label
from kiosk.app.screens.check_in import CheckInScreen
from kiosk.app.screens.end import EndScreen
from kiosk.app.screens.enrol import EnrolScreen
from kiosk.app.screens.focus_warning import FocusWarningScreen
from kiosk.app.screens.instructions import InstructionsScreen
from kiosk.app.screens.item_host import ItemHost
from kiosk.app.screens.kit_import import KitImportScreen
from kiosk.app.screens.startup import StartupScreen
from kiosk.app.screens.test_screen import TestScreen
from kiosk.app.screens.waiting import WaitingScreen
from kiosk.app.setup_controller import SetupController
from kiosk.app.setup_flow import SetupFlow
from kiosk.app.theme import Theme, apply_theme, next_zoom
from kiosk.app.view_model import KioskView, Screen
from kiosk.core.errors import Bug

if TYPE_CHECKING:
    from kiosk.app.invigilator_panel import InvigilatorPanel

log = logging.getLogger("kiosk.shell")

INVIGILATOR_CHORD = "Ctrl+Alt+Shift+S"


class KioskWindow(QWidget):
    """The candidate's window.

    Signals:
        quit_requested(): the invigilator closed the kiosk.
    """

    quit_requested = Signal()

    def __init__(
        self,
        controller: KioskController,
        *,
        lang: str = "fr",
        theme: Theme | None = None,
        setup: SetupController | None = None,
        parent: QWidget | None = None,
        startup: StartupScreen | None = None,
        check_in: CheckInScreen | None = None,
    ) -> None:
        """Build the screens and wire them to ``controller``.

        Args:
            startup, check_in: the first two screens, already built and shown by the
                ``FrontWindow`` before the rest of the kiosk loaded (new ones when None).
        """
        super().__init__(parent)
        self.controller = controller
        self.lang = lang
        self.theme = theme or Theme()
        self.setObjectName("kioskWindow")
        self.setWindowTitle("certkiosk")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self._build_error_banner(outer)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.startup = startup if startup is not None else StartupScreen()
        self.check_in = check_in if check_in is not None else CheckInScreen()
        self.waiting = WaitingScreen()
        self.instructions = InstructionsScreen()
        self.focus_warning = FocusWarningScreen()
        self.test = TestScreen(ItemHost(self._media_root))
        self.end = EndScreen()
        self._panel: InvigilatorPanel | None = None
        self.enrol = EnrolScreen()
        self.kit_import = KitImportScreen()
        self.pages: dict[Screen, ScreenBase] = {
            Screen.STARTUP: self.startup,
            Screen.CHECK_IN: self.check_in,
            Screen.AWAITING_PRESENCE: self.waiting,
            Screen.INSTRUCTIONS: self.instructions,
            Screen.FOCUS_WARNING: self.focus_warning,
            Screen.ITEM: self.test,
            Screen.LOCKED: self.waiting,
            Screen.PROBLEM_PENDING: self.waiting,
            Screen.AWAITING_RESUME: self.waiting,
            Screen.ENDED: self.end,
        }
        for page in (*dict.fromkeys(self.pages.values()), self.enrol, self.kit_import):
            self.stack.addWidget(page)
        self.view: KioskView | None = None
        self.panel_open = False
        self.setup_stage: str | None = None  # "enrol" | "kit" while the manager sets the kiosk up
        self.setup_flow = SetupFlow(self, setup) if setup is not None else None
        self._dialogs: list[QDialog] = []
        self._wire()
        self._shortcuts()
        self.startup.set_ready(controller.is_ready)
        self.show_view(controller.view())

    # -- construction -------------------------------------------------------------------------------

    def _build_error_banner(self, outer: QVBoxLayout) -> None:
        self.error_banner = QFrame()
        row = QHBoxLayout(self.error_banner)
        self.error_text = make_label("error")
        self.error_close = QPushButton()
        row.addWidget(self.error_text, 1)
        row.addWidget(self.error_close, 0, Qt.AlignmentFlag.AlignTop)
        self.error_close.clicked.connect(self.error_banner.hide)
        self.error_banner.hide()
        outer.addWidget(self.error_banner)
        self._retranslate_banner()

    def _retranslate_banner(self) -> None:
        self.error_close.setText(self.tr("Masquer ce message"))
        self.error_close.setAccessibleName(self.tr("Masquer ce message"))

    def _media_root(self) -> Path:
        session = self.controller.session
        if session is None:
            raise Bug("an item is shown before the session is open")
        return session.media_root()

    def _wire(self) -> None:
        c = self.controller
        c.view_changed.connect(self.show_view)
        c.time_changed.connect(self.refresh_time)
        c.check_in_refused.connect(self._on_check_in_refused)
        c.check_in_waiting.connect(self.check_in.show_waiting)
        c.ready.connect(lambda: self.startup.set_ready(True))
        self.startup.proceed.connect(c.acknowledge_startup)
        self.check_in.submitted.connect(c.check_in)
        self.instructions.start.connect(c.start)
        self.focus_warning.acknowledged.connect(self._acknowledge_focus)
        self.test.validate.connect(c.validate)
        self.test.skip.connect(c.skip)
        self.test.report.connect(self._open_problem_dialog)
        self.test.dialog_opened.connect(self._track_dialog)
        self.waiting.invigilator_requested.connect(self.open_panel)
        self.end.invigilator_requested.connect(self.open_panel)
        c.codes.code_refused.connect(self._on_code_refused)

    @property
    def panel(self) -> InvigilatorPanel:
        """The invigilator panel (built, wired and added to the stack on first use)."""
        if self._panel is None:
            from kiosk.app.invigilator_panel import InvigilatorPanel

            panel = InvigilatorPanel(self.lang)
            self.stack.addWidget(panel)
            c = self.controller
            panel.password_submitted.connect(self._on_password)
            panel.action.connect(self._on_panel_action)
            panel.closed.connect(self.close_panel)
            panel.export_requested.connect(c.codes.export_results)
            c.codes.export_done.connect(panel.show_export_result)
            codes = panel.code_box
            codes.challenge_requested.connect(c.codes.request_challenge)
            codes.response_submitted.connect(self._on_code)
            c.codes.challenge_ready.connect(codes.show_challenge)
            self._panel = panel
            if self.view is not None:
                panel.show_view(self.view)
        return self._panel

    def _shortcuts(self) -> None:
        chord = QShortcut(QKeySequence(INVIGILATOR_CHORD), self)
        chord.setContext(Qt.ShortcutContext.ApplicationShortcut)
        chord.activated.connect(self.open_panel)
        for sequence, step in (("Ctrl++", 1), ("Ctrl+=", 1), ("Ctrl+-", -1)):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.activated.connect(lambda s=step: self.zoom(s))

    # -- rendering --------------------------------------------------------------------------------

    def show_view(self, view: KioskView) -> None:
        """Show the screen for ``view`` (the panel, if open, stays in front)."""
        previous = self.view
        self.view = view
        if view.screen is not Screen.ITEM:
            self._close_dialogs()
        page = self.pages[view.screen]
        page.show_view(view)
        if self._panel is not None:
            self._panel.show_view(view)
        if self.panel_open or self.setup_stage is not None:
            return
        changed = (
            previous is None
            or previous.screen is not view.screen
            or (
                view.item is not None
                and (previous.item is None or previous.item.id != view.item.id)
            )
        )
        self.stack.setCurrentWidget(page)
        if changed:
            target = page.first_focus()
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh_time(self, view: KioskView) -> None:
        """Refresh the header's time (the display timer)."""
        self.view = view
        if view.screen is Screen.ITEM:
            self.test.refresh_time(view)

    def show_error(self, message: str) -> None:
        """The calm message of the error handler, at the top of the window."""
        self.error_text.setText(message)
        self.error_banner.show()

    def zoom(self, step: int) -> None:
        """Make text bigger or smaller (100–200 %)."""
        self.theme = self.theme.zoomed(next_zoom(self.theme.zoom, step))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.theme)

    # -- candidate side ---------------------------------------------------------------------------

    def _on_check_in_refused(self, refusal: Refusal | None) -> None:
        self.check_in.show_refusal(refusal)

    def _acknowledge_focus(self) -> None:
        view = self.view
        if view is not None and view.item is not None:
            self.controller.acknowledge_focus_warning(view.item.id)

    def _track_dialog(self, dialog: QDialog) -> None:
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _result, d=dialog: self._forget_dialog(d))

    def _forget_dialog(self, dialog: QDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)

    def _close_dialogs(self) -> None:
        for dialog in list(self._dialogs):
            dialog.reject()
        self._dialogs.clear()

    def _open_problem_dialog(self, item_id: str) -> None:
        from kiosk.app.problem_dialog import ProblemDialog  # loaded when first needed
        from kiosk.core.incidents import load_incident_categories

        dialog = ProblemDialog(load_incident_categories(), self.lang, self)
        self._track_dialog(dialog)

        def done(result: int) -> None:
            report = dialog.report()
            if result == QDialog.DialogCode.Accepted and report is not None:
                self.controller.report_problem(item_id, report.code, report.description)
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        self.problem_dialog = dialog

    # -- invigilator side ---------------------------------------------------------------------------

    def open_panel(self) -> None:
        """Show the invigilator panel (password first); not while the kiosk is being set up."""
        if self.setup_stage is not None:
            return
        self._close_dialogs()
        self.panel.reset()
        self.panel_open = True
        if self.view is not None:
            self.panel.show_view(self.view)
        self.stack.setCurrentWidget(self.panel)
        self.panel.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_panel(self) -> None:
        """Back to the candidate's screen; the next action needs the password again."""
        self.panel_open = False
        self.panel.reset()
        self.controller.desk.close()
        self.view = None  # force the focus onto the candidate's screen
        self.show_view(self.controller.view())

    def _on_password(self, password: str) -> None:
        result: GateResult = self.controller.desk.check_password(password)
        self.panel.show_gate_result(result)

    def _on_code_refused(self, message: str) -> None:
        if self.panel_open:
            self.panel.code_box.show_message(message)
        else:
            self.show_error(message)

    def _on_code(self, typed: str, reason: str) -> None:
        result = self.controller.codes.submit_code(typed, reason)
        self.panel.code_box.show_result(result)
        if result.ok:
            self.close_panel()

    def _on_panel_action(self, name: str, args: dict[str, object]) -> None:
        c = self.controller.desk
        done = False
        if name == "confirm_presence":
            done = c.confirm_presence()
        elif name == "authorise_resume":
            done = c.authorise_resume()
        elif name == "unlock":
            done = c.unlock()
        elif name == "validate_problem":
            done = c.resolve_problem("validated")
        elif name == "dismiss_problem":
            done = c.resolve_problem("dismissed")
        elif name == "add_time":
            done = c.add_time(int(str(args["minutes"])), str(args["reason"]))
        elif name == "end_test":
            done = c.end_test()
        elif name == "new_check_in":
            done = c.new_check_in()
        elif name == "close_kiosk":
            if c.is_open:
                log.info("kiosk closed by the invigilator")
                self.quit_requested.emit()
            return
        if done:
            self.close_panel()
