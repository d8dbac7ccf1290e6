"""The kiosk's top-level window, light enough to be painted first: start-up checks, then check-in.

``FrontWindow`` imports only PySide6 and the two first screens (no core, seal, store, YAML or
cryptography), so the kiosk shows a real, locked-down screen as soon as Qt can paint it. Until the
rest of the kiosk is built behind it, the window handles those screens itself: « Continuer » goes
to the check-in form, a form sent is kept (« Préparation du poste… »). ``hand_over`` then puts the
whole kiosk (``KioskWindow``, with those same two screens, their text and focus kept) in the
window and passes on what the candidate already did.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QStackedLayout, QWidget

from kiosk.app.screens.check_in import CheckInScreen
from kiosk.app.screens.startup import StartupScreen

if TYPE_CHECKING:
    from kiosk.app.check_in_form import CheckInForm
    from kiosk.app.env_checks import EnvWarning
    from kiosk.app.shell import KioskWindow


class FrontWindow(QWidget):
    """The one top-level window: the first two screens, then the whole kiosk inside it.

    Signals:
        painted(): the window's first paint (emitted once).
    """

    painted = Signal()

    def __init__(self, warnings: Sequence[EnvWarning] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frontWindow")
        self.setWindowTitle("certkiosk")
        self._layout = QStackedLayout(self)
        self.startup = StartupScreen()
        self.startup.show_warnings(warnings)
        self.check_in = CheckInScreen()
        self._layout.addWidget(self.startup)
        self._layout.addWidget(self.check_in)
        self.startup.proceed.connect(self._proceed)
        self.check_in.submitted.connect(self._keep_form)
        self.acknowledged = False
        self.waiting_form: CheckInForm | None = None
        self.kiosk: KioskWindow | None = None
        self._painted = False
        self._after_paint: list[Callable[[], None]] = []
        self.startup.continue_button.setFocus()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint, and tell once that the window reached the screen."""
        super().paintEvent(event)
        steps, self._after_paint = self._after_paint, []
        for step in steps:
            QTimer.singleShot(0, step)
        if not self._painted:
            self._painted = True
            self.painted.emit()

    def after_next_paint(self, step: Callable[[], None]) -> None:
        """Run ``step`` once the window has painted its next frame (what is pending shows first)."""
        self._after_paint.append(step)
        self.update()

    def _proceed(self) -> None:
        if self.kiosk is not None:
            return
        self.acknowledged = True
        self._layout.setCurrentWidget(self.check_in)
        focus = self.check_in.first_focus()
        if focus is not None:
            focus.setFocus()

    def _keep_form(self, form: CheckInForm) -> None:
        if self.kiosk is not None:
            return
        self.waiting_form = form
        self.check_in.show_waiting()

    def hand_over(
        self,
        build: Callable[[StartupScreen, CheckInScreen], KioskWindow],
        acknowledge: Callable[[], None],
        check_in: Callable[[CheckInForm], None],
    ) -> KioskWindow:
        """Put the whole kiosk in the window; what the candidate did so far carries over.

        Args:
            build: builds the kiosk window around the two first screens.
            acknowledge: the controller's « start-up checks read » (called first, when they were).
            check_in: the controller's check-in, given the form sent while waiting (if any).
        """
        focused = QApplication.focusWidget()
        self.startup.proceed.disconnect(self._proceed)
        self.check_in.submitted.disconnect(self._keep_form)
        if self.acknowledged:
            acknowledge()
        kiosk = build(self.startup, self.check_in)
        self.kiosk = kiosk
        self._layout.addWidget(kiosk)
        self._layout.setCurrentWidget(kiosk)
        if focused is not None and (kiosk.isAncestorOf(focused)):
            focused.setFocus()  # the candidate keeps typing where they were
        form, self.waiting_form = self.waiting_form, None
        if form is not None:
            check_in(form)
        return kiosk
