"""The common frame of a candidate screen: a centred column that reflows, and a render hook.

Each screen renders a ``KioskView`` and emits intents as Qt signals; it holds no exam rule.
``retranslate`` is called on a language change, so every visible text is set there or in ``render``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from kiosk.app.view_model import KioskView  # the core's state types load with the data

COLUMN_MAX_WIDTH = 980


def make_label(role: str = "", *, selectable: bool = False) -> QLabel:
    """A word-wrapped label with a theme role (``title``, ``instruction``, ``hint``, ``error``)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class ScreenBase(QWidget):
    """A screen: a scrollable centred column (``self.column``) under an optional fixed header."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.header_slot = QVBoxLayout()
        self.header_slot.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.header_slot)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        holder = QWidget()
        rows = QVBoxLayout(holder)
        rows.setContentsMargins(32, 24, 32, 24)
        centred = QHBoxLayout()
        self._column_widget = QWidget()
        self._column_widget.setMaximumWidth(COLUMN_MAX_WIDTH)
        self._column_widget.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        self.column = QVBoxLayout(self._column_widget)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(16)
        centred.addStretch(1)
        centred.addWidget(self._column_widget, 100)
        centred.addStretch(1)
        rows.addLayout(centred)
        rows.addStretch(1)
        self._rows = rows
        self.scroll_area.setWidget(holder)
        outer.addWidget(self.scroll_area, 1)
        self.footer_slot = QVBoxLayout()
        self.footer_slot.setContentsMargins(32, 8, 32, 16)
        outer.addLayout(self.footer_slot)

    def center_vertically(self) -> None:
        """Put the column in the middle of the screen's height (short, calm messages)."""
        self._rows.insertStretch(0, 1)

    def show_view(self, view: KioskView) -> None:
        """Show ``view``; screens override this."""

    def retranslate(self) -> None:
        """Set every fixed text again in the current language; screens override this."""

    def first_focus(self) -> QWidget | None:
        """The control that takes the keyboard focus when the screen appears."""
        return None

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
