"""The slot where the current item is shown, and its answer read back.

``ItemHost`` puts the item widget of ``kiosk.app.items`` (one per type) in the test screen and gives
the screen one small interface: ``show_item``, ``answer`` (None while nothing is entered),
``first_focus`` and the signals ``answer_changed``, ``submit_requested`` and ``dialog_opened``.
Answers are raw, JSON-able values recorded as given: QCU ``"2"``, QCM ``["1", "3"]``,
QROC ``"texte"``, QROCM ``{"champ": "texte", ...}``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from kiosk.app.items.base import ItemWidget
    from kiosk.core.items import Item


class ItemHost(QWidget):
    """Hosts the widget of the item on screen.

    Args:
        media_root: gives the folder the item's media paths are relative to (asked per item, so a
            session can write its media out lazily).
    """

    answer_changed = Signal()
    submit_requested = Signal()
    dialog_opened = Signal(QDialog)

    def __init__(self, media_root: Callable[[], Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._media_root = media_root
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.widget: ItemWidget | None = None

    @property
    def item(self) -> Item | None:
        """The item on screen."""
        return self.widget.item if self.widget is not None else None

    def show_item(self, item: Item) -> None:
        """Replace whatever was shown by ``item``, with no answer entered."""
        # The widgets and viewers load with the first item, not at start (check-in needs none).
        from kiosk.app.items.factory import create_item_widget

        if self.widget is not None:
            self._layout.removeWidget(self.widget)
            self.widget.hide()
            self.widget.deleteLater()
        widget = create_item_widget(item, self._media_root(), self)
        widget.changed.connect(self.answer_changed)
        widget.submit_requested.connect(self.submit_requested)
        widget.attachment_opened.connect(self.dialog_opened)
        self._layout.addWidget(widget)
        self.widget = widget

    def answer(self) -> Any:
        """The raw answer entered, or None while nothing is entered."""
        return self.widget.answer() if self.widget is not None else None

    def first_focus(self) -> QWidget | None:
        """The item's instruction (read first by a screen reader; Tab then reaches the answer)."""
        return self.widget.instruction if self.widget is not None else None

    def focus_answer(self) -> None:
        """Give the keyboard focus to the first answer control."""
        if self.widget is not None:
            self.widget.focus_first_input()
