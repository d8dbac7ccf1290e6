"""The one place that decides how an unexpected error reaches the candidate's screen.

Installed once by ``main()``: ``sys.excepthook``, ``threading.excepthook`` and Qt's message handler
all end here. Details (traceback, Qt warnings) go to the log file only; the screen gets a calm French
sentence asking to call the invigilator — never a traceback. A ``UserError`` or an
``EnvironmentFailure`` (storage full, store locked) shows its own one-line message instead, since it
was written for a person.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler

from kiosk.core.errors import Bug, EnvironmentFailure, KioskError, UserError

log = logging.getLogger("kiosk.errors")


def calm_message(exc: BaseException | None) -> str:
    """What the candidate reads for an error (translated when a translator is installed)."""
    generic = QCoreApplication.translate(
        "ErrorHandler",
        "Un problème technique est survenu. Vos réponses déjà validées sont enregistrées. "
        "Levez la main et appelez le surveillant.",
    )
    if isinstance(exc, UserError | EnvironmentFailure) and not isinstance(exc, Bug):
        return f"{exc.message}\n\n{generic}"
    return generic


class ErrorHandler:
    """Routes uncaught exceptions and Qt messages to the log and a calm on-screen message.

    Args:
        show: displays a message on the kiosk (set by the shell once it exists).
    """

    def __init__(self, show: Callable[[str], None] | None = None) -> None:
        self._show = show
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self.last_error: BaseException | None = None

    def set_display(self, show: Callable[[str], None]) -> None:
        """Where calm messages go (the shell's error screen)."""
        self._show = show

    def install(self) -> None:
        """Take over sys.excepthook, threading.excepthook and Qt's message handler."""
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook
        qInstallMessageHandler(self._qt_message)

    def uninstall(self) -> None:
        """Give the hooks back (tests)."""
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook
        qInstallMessageHandler(None)

    def report(self, exc: BaseException) -> None:
        """Log one error with its details and show the calm message."""
        self.last_error = exc
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        if isinstance(exc, KioskError) and not isinstance(exc, Bug):
            log.error("%s: %s", type(exc).__name__, exc.message)
        else:
            log.error("unexpected error\n%s", details)
        if self._show is not None:
            try:
                self._show(calm_message(exc))
            except Exception:  # the display itself failed: the log is all we have
                log.exception("could not show the error message")

    def _excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)
            return
        self.report(exc)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.report(args.exc_value)

    @staticmethod
    def _qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        where = f" ({context.file}:{context.line})" if context.file else ""
        if mode in (QtMsgType.QtFatalMsg, QtMsgType.QtCriticalMsg):
            log.error("Qt: %s%s", message, where)
        elif mode == QtMsgType.QtWarningMsg:
            log.warning("Qt: %s%s", message, where)
        else:
            log.debug("Qt: %s%s", message, where)
