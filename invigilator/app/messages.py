"""How the console shows messages: one inline message area per screen, never a traceback.

``error_text`` is the one function that decides what a person reads for an error: the message
itself for user and environment errors (written for a person), a calm sentence for a bug.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.core.errors import Bug, EnvironmentFailure, UserError

log = logging.getLogger("invigilator.errors")


def error_text(exc: BaseException) -> str:
    """What the console shows for ``exc``."""
    if isinstance(exc, UserError | EnvironmentFailure) and not isinstance(exc, Bug):
        return exc.message
    log.error("unexpected error in the console", exc_info=exc)
    return QCoreApplication.translate(
        "Messages",
        "Une erreur interne est survenue ; l'opération n'a pas été faite. "
        "Le détail est dans le journal de la console.",
    )


class MessageArea(QLabel):
    """A word-wrapped message line announced to screen readers; red for errors."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(self.textInteractionFlags())
        self.setAccessibleName(QCoreApplication.translate("Messages", "Message"))
        self.kind = ""
        self.hide()

    def show_info(self, text: str) -> None:
        """A neutral or success message."""
        self._show(text, "info", "#1b5e20")

    def show_error(self, text: str) -> None:
        """An error or refusal."""
        self._show(text, "error", "#b00020")

    def show_exception(self, exc: BaseException) -> None:
        """An error from a job."""
        self.show_error(error_text(exc))

    def _show(self, text: str, kind: str, color: str) -> None:
        self.kind = kind
        self.setStyleSheet(f"color: {color}; font-weight: 600;")
        self.setText(text)
        self.setAccessibleDescription(text)
        self.show()

    def clear_message(self) -> None:
        """Hide the message."""
        self.kind = ""
        self.clear()
        self.hide()
