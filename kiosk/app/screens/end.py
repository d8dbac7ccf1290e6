"""The end screen: the test is over; no score is ever shown at the kiosk."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.app.screens.base import ScreenBase, make_label
from kiosk.app.view_model import KioskView


class EndScreen(ScreenBase):
    """« Le test est terminé » with the reason, and the way to the invigilator."""

    invigilator_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.center_vertically()
        self.title = make_label("title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.reason = make_label("instruction")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.next_step = make_label()
        self.next_step.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for widget in (self.title, self.reason, self.next_step):
            self.column.addWidget(widget)
        self.invigilator_button = QPushButton()
        self.invigilator_button.clicked.connect(self.invigilator_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.invigilator_button)
        self.footer_slot.addLayout(row)
        self._view: KioskView | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """Fixed texts in the current language."""
        self.title.setText(self.tr("Le test est terminé"))
        self.next_step.setText(
            self.tr(
                "Vos réponses sont enregistrées. Vos résultats vous seront communiqués après "
                "vérification par l'organisme de certification. Vous pouvez quitter la salle en "
                "silence, selon les consignes du surveillant."
            )
        )
        self.invigilator_button.setText(self.tr("Espace surveillant"))
        self.invigilator_button.setAccessibleName(self.tr("Espace surveillant"))
        if self._view is not None:
            self.show_view(self._view)

    def show_view(self, view: KioskView) -> None:
        """Say why the test ended."""
        self._view = view
        reasons = {
            "completed": self.tr("Vous avez répondu à toutes les questions. Merci !"),
            "time_up": self.tr("Le temps est écoulé : le test s'est terminé automatiquement."),
            "by_invigilator": self.tr("Le surveillant a mis fin au test."),
            "abandoned": self.tr("Le test a été abandonné."),
        }
        self.reason.setText(reasons.get(view.end_reason or "", ""))

    def first_focus(self) -> QWidget | None:
        """The invigilator button."""
        return self.invigilator_button
