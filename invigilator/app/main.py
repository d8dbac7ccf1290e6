"""Start the console: application, language, error routing, window."""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from invigilator.app.context import ConsoleContext
from invigilator.app.jobs import JobRunner
from invigilator.app.window import ConsoleWindow
from invigilator.home import CentreHome
from invigilator.workspace import Workspace
from kiosk.app.items.translation import load_catalogue

log = logging.getLogger("invigilator")
CATALOGUE = "invigilator"


def load_translator(lang: str) -> QTranslator | None:
    """The console's translator for ``lang`` (None for French, the source language).

    Raises:
        Bug: the compiled catalogue is missing (a packaging mistake).
    """
    return load_catalogue(CATALOGUE, lang)


def set_language(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Install the language (and its locale) on ``app``; keep the returned translator alive."""
    QLocale.setDefault(
        QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.French)
    )
    translator = load_translator(lang)
    if translator is not None:
        app.installTranslator(translator)
    return translator


def _log_uncaught(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    log.error("uncaught error in the console", exc_info=(kind, value, tb))


def place_window(window: ConsoleWindow, side: str) -> None:
    """Give the window the left or right half of its screen (the demo puts the kiosk beside it)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    half = area.width() // 2
    left = area.left() if side == "left" else area.left() + area.width() - half
    window.setGeometry(left, area.top(), half, area.height())


def run_console(
    home: CentreHome, *, lang: str = "fr", passphrase: str | None = None, place: str | None = None
) -> int:
    """Open the console window and run until it closes; returns the exit status.

    Args:
        place: "left" or "right" to take that half of the screen; None: the default size.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    translator = set_language(app, lang)
    sys.excepthook = _log_uncaught  # details to the log only, never on screen
    threading.excepthook = lambda args: _log_uncaught(
        args.exc_type, args.exc_value or Exception(), args.exc_traceback
    )
    context = ConsoleContext(home, JobRunner())
    window = ConsoleWindow(context)
    if passphrase is not None and home.initialised():
        context.workspace = Workspace.open(home, passphrase)
        window.show_sessions()
    window.show()
    if place is not None:
        place_window(window, place)
    status = app.exec()
    del translator
    return int(status)
