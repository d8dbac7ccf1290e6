"""Screens where the candidate waits for the invigilator: presence, resume, lock, problem report."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.app.screens.base import ScreenBase, make_label
from kiosk.app.view_model import KioskView, Screen


class WaitingScreen(ScreenBase):
    """A calm message while the test waits for an invigilator; a button opens their panel."""

    invigilator_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.center_vertically()
        self.title = make_label("title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.message = make_label("instruction")
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.who = make_label("hint")
        self.who.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.detail = make_label("hint")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for widget in (self.title, self.message, self.who, self.detail):
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
        self.invigilator_button.setText(self.tr("Espace surveillant"))
        self.invigilator_button.setAccessibleName(self.tr("Espace surveillant"))
        self.invigilator_button.setAccessibleDescription(
            self.tr("Réservé au surveillant : demande son mot de passe")
        )
        if self._view is not None:
            self.show_view(self._view)

    def _texts(self, view: KioskView) -> tuple[str, str]:
        if view.screen is Screen.AWAITING_PRESENCE:
            return (
                self.tr("Identification réussie"),
                self.tr("Le surveillant va confirmer votre présence. Merci de patienter."),
            )
        if view.screen is Screen.AWAITING_RESUME:
            return (
                self.tr("Reprise du test"),
                self.tr(
                    "Le test a été interrompu. Le surveillant doit autoriser la reprise. "
                    "Vos réponses validées sont enregistrées et le temps est arrêté."
                ),
            )
        if view.screen is Screen.PROBLEM_PENDING:
            return (
                self.tr("Signalement envoyé"),
                self.tr(
                    "Le surveillant va traiter votre signalement. Le temps est arrêté en attendant."
                ),
            )
        return (
            self.tr("Poste verrouillé"),
            self.tr(
                "Le test est en pause et le temps est arrêté. Levez la main : le surveillant "
                "doit déverrouiller le poste."
            ),
        )

    def _reason_text(self, reason: str | None) -> str:
        reasons = {
            "focus_lost": self.tr("Motif : la fenêtre du test a perdu le focus."),
            "screen_added": self.tr("Motif : un écran a été branché."),
            "environment": self.tr("Motif : l'environnement du poste est inhabituel."),
            "invigilator": self.tr("Motif : verrouillé par le surveillant."),
        }
        if reason is None:
            return ""
        return reasons.get(reason, self.tr("Motif : {reason}").format(reason=reason))

    def show_view(self, view: KioskView) -> None:
        """Show the message matching the waiting state."""
        self._view = view
        title, message = self._texts(view)
        self.title.setText(title)
        self.message.setText(message)
        self.who.setText(view.candidate.display if view.candidate else "")
        self.detail.setText(
            self._reason_text(view.lock_reason) if view.screen is Screen.LOCKED else ""
        )
        self.setAccessibleName(title)

    def first_focus(self) -> QWidget | None:
        """The invigilator button (the only control)."""
        return self.invigilator_button
