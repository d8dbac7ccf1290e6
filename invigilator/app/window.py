"""The console's main window: set-up or unlock, then sessions, one session or the kiosks; zoom."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QScrollArea, QStackedWidget, QWidget

from invigilator.app.centre_pages import SetupPage, UnlockPage
from invigilator.app.context import ConsoleContext
from invigilator.app.kiosks_page import KiosksPage
from invigilator.app.session_page import SessionPage
from invigilator.app.sessions_page import SessionsPage

BASE_POINT_SIZE = 10.0
ZOOMS = (100, 125, 150, 175, 200, 250, 300)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class ConsoleWindow(QMainWindow):
    """Holds the screens; widgets hold no rules, the workspace decides."""

    def __init__(self, context: ConsoleContext) -> None:
        super().__init__()
        self.context = context
        self.zoom = 100
        self.stack = QStackedWidget()
        self.setup = SetupPage(context)
        self.unlock = UnlockPage(context)
        self.sessions = SessionsPage(context)
        self.session = SessionPage(context)
        self.kiosks = KiosksPage(context)
        self.containers: dict[QWidget, QWidget] = {}
        for page in (self.setup, self.unlock, self.sessions, self.kiosks):
            self.containers[page] = _scrolled(page)
            self.stack.addWidget(self.containers[page])
        self.containers[self.session] = self.session
        self.stack.addWidget(self.session)
        self.setCentralWidget(self.stack)
        self.setup.opened.connect(self.show_sessions)
        self.unlock.opened.connect(self.show_sessions)
        self.sessions.session_chosen.connect(self.show_session)
        self.session.back.connect(self.show_sessions)
        self.sessions.kiosks_wanted.connect(self.show_kiosks)
        self.kiosks.back.connect(self.show_sessions)
        for keys, step in (("Ctrl++", 1), ("Ctrl+=", 1), ("Ctrl+-", -1), ("Ctrl+0", 0)):
            QShortcut(QKeySequence(keys), self, lambda s=step: self.step_zoom(s))
        self.retranslate()
        self.resize(1100, 760)
        if context.home.initialised():
            self._show(self.unlock, self.unlock.passphrase)
        else:
            self._show(self.setup, self.setup.centre_id)

    @property
    def busy(self) -> bool:
        """True while background work is pending."""
        return self.context.jobs.busy

    def retranslate(self) -> None:
        """Set the window title in the current language."""
        self.setWindowTitle(self.tr("certkiosk — console du centre"))
        self.setAccessibleName(self.windowTitle())

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate every screen when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for page in (self.setup, self.unlock, self.sessions, self.session, self.kiosks):
                page.retranslate()
        super().changeEvent(event)

    def _show(self, page: QWidget, focus: QWidget) -> None:
        self.stack.setCurrentWidget(self.containers[page])
        focus.setFocus()

    def show_sessions(self) -> None:
        """The session list."""
        self.sessions.refresh()
        self._show(self.sessions, self.sessions.table)

    def show_session(self, session_id: str) -> None:
        """One session."""
        self.session.open_session(session_id)
        self._show(self.session, self.session.tabs)

    def show_kiosks(self) -> None:
        """The kiosks and their kits."""
        self.kiosks.refresh()
        self._show(self.kiosks, self.kiosks.enrol_button)

    def set_zoom(self, percent: int) -> None:
        """Scale every text (100 % to 300 %)."""
        self.zoom = max(ZOOMS[0], min(ZOOMS[-1], percent))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            font = app.font()
            font.setPointSizeF(BASE_POINT_SIZE * self.zoom / 100)
            app.setFont(font)

    def step_zoom(self, step: int) -> None:
        """Next or previous zoom level; 0 resets."""
        if step == 0:
            self.set_zoom(100)
            return
        index = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.zoom))
        self.set_zoom(ZOOMS[max(0, min(len(ZOOMS) - 1, index + step))])

    def closeEvent(self, event: QCloseEvent) -> None:
        """Finish background work and close the stores."""
        self.context.jobs.shutdown()
        if self.context.workspace is not None:
            self.context.workspace.close()
            self.context.workspace = None
        super().closeEvent(event)
