"""The Qt side of the kiosk's start: application, translations, theme, window, lockdown, event loop.

``kiosk.app.main`` parses the command line and starts opening the stores first; only then is this
module imported (PySide6 and the screens), so the stores' key derivation runs while the window is
built. Only what the check-in needs is built here: the item widgets and viewers load with the
first item, the manager's set-up screens only when the kiosk is not set up.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from concurrent.futures import Future

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from kiosk.app.controller import KioskController
from kiosk.app.env_checks import run_checks
from kiosk.app.error_handler import ErrorHandler
from kiosk.app.items.translation import load_content_translator
from kiosk.app.kiosk_backend import KioskBackend, OpenedKiosk
from kiosk.app.lockdown import Lockdown
from kiosk.app.setup_controller import SetupController
from kiosk.app.shell import KioskWindow
from kiosk.app.theme import Theme, apply_theme
from kiosk.core.clock import Clock
from kiosk.core.errors import Bug
from kiosk.resources import resource_path

CATALOGUE = "kiosk"


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the kiosk's and the item widgets' catalogues for ``lang`` (none for French).

    Raises:
        Bug: a catalogue is missing from the resources (a packaging mistake).
    """
    QLocale.setDefault(
        QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.French)
    )
    if lang == "fr":
        return []
    translators = []
    own = QTranslator(app)
    path = resource_path("translations", f"{CATALOGUE}_{lang}.qm")
    if not own.load(str(path)):
        raise Bug(f"missing translation catalogue {path}")
    translators.append(own)
    content = load_content_translator(lang)
    if content is not None:
        translators.append(content)
    for translator in translators:
        app.installTranslator(translator)
    return translators


class _Opened(QObject):
    """Brings the opened stores back to the GUI thread."""

    done = Signal(object)


class FirstPaint(QObject):
    """Sets ``event`` when ``watched`` paints for the first time, then stops watching."""

    def __init__(self, watched: QObject, event: threading.Event) -> None:
        super().__init__(watched)
        self._event = event
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Notice the first paint; never consumes the event."""
        if event.type() == QEvent.Type.Paint and not self._event.is_set():
            self._event.set()
            watched.removeEventFilter(self)
        return False


def run_kiosk(
    args: argparse.Namespace,
    opening: Future[OpenedKiosk],
    clock: Clock,
    painted: threading.Event | None = None,
) -> int:
    """Build the window, attach the stores when ``opening`` is done, run until the kiosk closes.

    Args:
        painted: set at the window's first paint (``open_kiosk`` waits for it to read the kit).
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("certkiosk")
    handler = ErrorHandler()
    handler.install()
    translators = install_translators(app, args.lang)
    theme = Theme(high_contrast=args.high_contrast, zoom=args.zoom)
    apply_theme(app, theme)
    warnings = run_checks(len(app.screens()))
    for warning in warnings:
        logging.getLogger("kiosk.security").warning(
            "start-up check: %s (%s)", warning.code, warning.detail
        )
    controller = KioskController(clock, warnings)
    setup = SetupController(args.authority_public)
    window = KioskWindow(controller, lang=args.lang, theme=theme, setup=setup)
    setup.failed.connect(handler.report)
    handler.set_display(window.show_error)
    controller.failed.connect(handler.report)
    lockdown = Lockdown(app, windowed=args.windowed)
    lockdown.blocked.connect(controller.on_blocked)
    lockdown.suspicious.connect(controller.on_suspicious)
    lockdown.install()
    lockdown.guard(window)

    def quit_kiosk() -> None:
        lockdown.release()
        app.quit()

    window.quit_requested.connect(quit_kiosk)
    if painted is not None:
        FirstPaint(window, painted)
    opened = _Opened()
    backends: list[KioskBackend] = []

    def on_opened(future: Future[OpenedKiosk]) -> None:
        error = future.exception()
        if error is not None:
            handler.report(error)
            return
        result = future.result()
        backends.append(result.backend)
        setup.attach(result.backend, result.state)

    opened.done.connect(on_opened)
    opening.add_done_callback(opened.done.emit)
    try:
        status = app.exec()
    finally:
        if painted is not None:
            painted.set()  # never leave the store thread waiting for a paint on the way out
        attached = controller.is_ready
        controller.close()
        for backend in backends:
            if not attached:
                backend.close()
        if window.setup_flow is not None and window.setup_flow.session is not None:
            window.setup_flow.session.cleanup()
        lockdown.uninstall()
        del translators
    return int(status)
