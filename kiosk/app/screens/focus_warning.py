"""The warning shown before a focus question: leaving the window will be recorded."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.app.screens.base import ScreenBase, make_label
from kiosk.app.view_model import KioskView


class FocusWarningScreen(ScreenBase):
    """« Question en mode focus »; « J'ai compris » emits ``acknowledged``."""

    acknowledged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = make_label("title")
        self.message = make_label("instruction")
        self.detail = make_label()
        for widget in (self.title, self.message, self.detail):
            self.column.addWidget(widget)
        self.ok_button = QPushButton()
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.acknowledged)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ok_button)
        self.footer_slot.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        """Fixed texts in the current language."""
        self.title.setText(self.tr("Question en mode focus"))
        self.message.setText(
            self.tr(
                "La question suivante doit être traitée sans quitter la fenêtre du test : pas "
                "d'autre fenêtre, pas d'autre programme."
            )
        )
        self.detail.setText(
            self.tr(
                "Si la fenêtre perd le focus, c'est enregistré, le poste se verrouille et votre "
                "réponse à cette question ne sera pas comptée comme juste."
            )
        )
        self.ok_button.setText(self.tr("J'ai compris, afficher la question"))
        self.ok_button.setAccessibleName(self.tr("J'ai compris, afficher la question"))

    def show_view(self, view: KioskView) -> None:
        """Nothing varies with the attempt."""

    def first_focus(self) -> QWidget | None:
        """The acknowledge button."""
        return self.ok_button
