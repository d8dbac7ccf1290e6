"""The Qt side of the kiosk's start: a first screen painted at once, the rest loaded behind it.

``run_kiosk`` creates the application, applies the theme, runs the start-up checks and shows the
``FrontWindow`` (start-up checks, then the check-in form) locked down from its first paint; this
module imports nothing heavy at import time. Before that first paint only what the window needs
runs: the application is created in the Fusion style (given on Qt's command line, not set after),
the clipboard is isolated and focus watched, and the window refuses to close and swallows the quit
keys that reach it from the moment it is shown. The application-wide key guard
(``Lockdown.guard_keys``, which makes Python see every event of every widget) comes with the whole
kiosk window, the first one that can open dialogs.

Once the first window has painted, ``KioskLoader`` loads the rest in short steps on the event
loop, so the candidate's input and the screen's paints pass between them: first the stores start
opening on the store thread (Argon2id, SQLCipher), then the controller and the whole kiosk window
are built around the two first screens, then the modules the data side needs next are loaded while
the key is still being derived. The installed kit is read on the store thread once that window
exists. A check-in sent before the data is ready waits for it.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import logging
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QApplication

from kiosk.app.env_checks import EnvWarning, run_checks
from kiosk.app.error_handler import ErrorHandler
from kiosk.app.front_window import FrontWindow
from kiosk.app.lockdown import Lockdown
from kiosk.app.theme import Theme, apply_theme
from kiosk.core.errors import Bug
from kiosk.resources import resource_path

if TYPE_CHECKING:
    from concurrent.futures import Future

    from PySide6.QtCore import QTranslator

    from kiosk.app.controller import KioskController
    from kiosk.app.kiosk_backend import KioskBackend, OpenedKiosk
    from kiosk.app.setup_controller import SetupController
    from kiosk.app.shell import KioskWindow
    from kiosk.core.clock import Clock
    from kiosk.store.key_providers import KeyProvider

CATALOGUE = "kiosk"

# What the store thread (the kit's read) and the session's attach import next: loaded on the GUI
# thread, one module a frame, while the store thread derives the key (which releases the GIL).
PRELOAD = (
    "kiosk.app.setup_state",
    "kiosk.seal.session_model",
    "kiosk.seal.content_pack",
    "kiosk.app.kiosk_jobs",
)

security_log = logging.getLogger("kiosk.security")


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
    from PySide6.QtCore import QTranslator

    from kiosk.app.items.translation import load_content_translator

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


def create_application() -> QApplication:
    """The running QApplication, or a new one in the Fusion style (the kiosk's look everywhere).

    A new application gets its style from Qt's command line (``-style fusion``): setting it
    afterwards (``setStyle``) hands a ``QStyle`` to Python, whose enumerations alone take some
    6 ms of the start to build. An application created by someone else (tests) is set to Fusion.
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        existing.setStyle("Fusion")
        return existing
    return QApplication([*sys.argv[:1], "-style", "fusion"])


def _preload(module: str) -> None:
    """Import ``module`` ahead of its first use."""
    importlib.import_module(module)


class _Opened(QObject):
    """Brings the opened stores back to the GUI thread."""

    done = Signal(object)


class KioskLoader(QObject):
    """Loads the kiosk behind its first screen: stores, controller, the whole window.

    Each step runs once the window has painted its next frame (``FrontWindow.after_next_paint``),
    so what the candidate just did (« Continuer » pressed, the check-in form shown) reaches the
    screen before the next step: the first screens stay responsive while the rest loads.
    """

    def __init__(
        self,
        app: QApplication,
        args: argparse.Namespace,
        provider: KeyProvider,
        clock: Clock | None,
        front: FrontWindow,
        lockdown: Lockdown,
        handler: ErrorHandler,
        warnings: tuple[EnvWarning, ...],
    ) -> None:
        super().__init__(app)
        self._app = app
        self._args = args
        self._provider = provider
        self._clock = clock
        self._front = front
        self._lockdown = lockdown
        self._handler = handler
        self._warnings = warnings
        self._gate = threading.Event()  # the kit is read once the whole window exists
        self._opening: Future[OpenedKiosk] | None = None
        self._opened = _Opened(self)
        self._opened.done.connect(self._on_opened)
        self._early: list[Callable[[KioskController], None]] = []
        self._backends: list[KioskBackend] = []
        self.controller: KioskController | None = None
        self.window: KioskWindow | None = None
        self._setup: SetupController | None = None
        lockdown.blocked.connect(self._on_blocked)
        lockdown.suspicious.connect(self._on_suspicious)

    def start(self) -> None:
        """Begin loading (at the first window's first paint)."""
        self._next(self._open_stores)

    def _next(self, step: Callable[[], None]) -> None:
        self._front.after_next_paint(step)

    def _open_stores(self) -> None:
        from kiosk.app.kiosk_backend import open_kiosk  # Qt-free: the key derivation starts now

        if self._clock is None:
            from kiosk.core.clock import SystemClock

            self._clock = SystemClock()
        self._opening = open_kiosk(self._args.data_dir, self._provider, self._clock, self._gate)
        self._next(self._build)

    def _build(self) -> None:
        from kiosk.app.controller import KioskController
        from kiosk.app.setup_controller import SetupController
        from kiosk.app.shell import KioskWindow

        args, front, clock = self._args, self._front, self._clock
        assert clock is not None  # set when the stores started opening
        self._lockdown.guard_keys()  # the whole window can open dialogs: guard them all first
        controller = KioskController(clock, self._warnings)
        setup = SetupController(args.authority_public)
        theme = Theme(high_contrast=args.high_contrast, zoom=args.zoom)
        window = front.hand_over(
            lambda startup, check_in: KioskWindow(
                controller,
                lang=args.lang,
                theme=theme,
                setup=setup,
                parent=front,
                startup=startup,
                check_in=check_in,
            ),
            controller.acknowledge_startup,
            controller.check_in,
        )
        self.controller, self.window = controller, window
        setup.failed.connect(self._handler.report)
        self._handler.set_display(window.show_error)
        controller.failed.connect(self._handler.report)
        window.quit_requested.connect(self._quit)
        early, self._early = self._early, []
        for replay in early:
            replay(controller)
        self._setup = setup
        self._gate.set()
        if self._opening is not None:
            self._opening.add_done_callback(self._opened.done.emit)
        for name in PRELOAD:
            self._next(functools.partial(_preload, name))

    def _to_controller(self, call: Callable[[KioskController], None]) -> None:
        """Pass a lockdown report to the controller, or keep it until the controller exists."""
        if self.controller is not None:
            call(self.controller)
        else:
            self._early.append(call)

    def _on_blocked(self, what: str) -> None:
        self._to_controller(lambda controller: controller.on_blocked(what))

    def _on_suspicious(self, code: str, detail: str) -> None:
        self._to_controller(lambda controller: controller.on_suspicious(code, detail))

    def _on_opened(self, future: Future[OpenedKiosk]) -> None:
        error = future.exception()
        if error is not None:
            self._handler.report(error)
            return
        result = future.result()
        self._backends.append(result.backend)
        if self._setup is not None:
            self._setup.attach(result.backend, result.state)

    def _quit(self) -> None:
        self._lockdown.release()
        self._app.quit()

    def close(self) -> None:
        """Close the controller and any store not handed to it, clean up a kit import."""
        self._gate.set()  # never leave the store thread waiting on the way out
        controller = self.controller
        attached = controller is not None and controller.is_ready
        if controller is not None:
            controller.close()
        if not attached:  # the controller closed the stores it was given
            for backend in self._backends:
                backend.close()
        window = self.window
        flow = window.setup_flow if window is not None else None
        if flow is not None and flow.session is not None:
            flow.session.cleanup()


def run_kiosk(args: argparse.Namespace, provider: KeyProvider, clock: Clock | None = None) -> int:
    """Show the first screen, load the rest behind it, run until the kiosk closes.

    Args:
        provider: protects the data folder's keys (used on the store thread).
        clock: the kiosk's clock; the system clock (created with the stores) when None.
    """
    app = create_application()
    app.setApplicationName("certkiosk")
    handler = ErrorHandler()
    handler.install()
    translators = install_translators(app, args.lang)
    apply_theme(app, Theme(high_contrast=args.high_contrast, zoom=args.zoom))
    warnings = tuple(run_checks(len(app.screens())))
    for warning in warnings:
        security_log.warning("start-up check: %s (%s)", warning.code, warning.detail)
    front = FrontWindow(warnings)
    lockdown = Lockdown(app, windowed=args.windowed)
    loader = KioskLoader(app, args, provider, clock, front, lockdown, handler, warnings)
    lockdown.watch()
    front.painted.connect(loader.start)
    lockdown.guard(front)
    try:
        status = app.exec()
    finally:
        loader.close()
        lockdown.uninstall()
        del translators
    return int(status)
