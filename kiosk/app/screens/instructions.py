"""Instructions before the test: time allowed, rules, what timed and focus questions are."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.app.screens.base import ScreenBase, make_label
from kiosk.app.time_format import duration_words, singular
from kiosk.app.view_model import KioskView


class InstructionsScreen(ScreenBase):
    """Explains the test; « Commencer le test » emits ``start``."""

    start = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = make_label("title")
        self.time_line = make_label("instruction")
        self.rules = [make_label() for _ in range(6)]
        self.column.addWidget(self.title)
        self.column.addWidget(self.time_line)
        for label in self.rules:
            self.column.addWidget(label)
        self.start_button = QPushButton()
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        self.footer_slot.addLayout(row)
        self._view: KioskView | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """Fixed texts in the current language."""
        self.title.setText(self.tr("Avant de commencer"))
        texts = (
            self.tr(
                "Les questions s'affichent une par une, dans un ordre fixé. On ne peut pas revenir en arrière."
            ),
            self.tr("« Je valide » enregistre votre réponse et passe à la question suivante."),
            self.tr("« Je passe » abandonne la question : elle comptera comme non réussie."),
            self.tr(
                "Certaines questions sont chronométrées : une jauge montre le temps qui leur reste. "
                "Une réponse donnée après la fin de ce temps ne compte pas."
            ),
            self.tr(
                "Certaines questions sont en mode focus : un écran vous prévient avant. Sur ces "
                "questions, quitter la fenêtre du test est enregistré et la réponse ne compte pas."
            ),
            self.tr(
                "En cas de problème (fichier qui ne s'ouvre pas, image absente…), utilisez "
                "« Signaler un problème » : le temps s'arrête jusqu'à la réponse du surveillant."
            ),
        )
        for label, text in zip(self.rules, texts, strict=True):
            label.setText(f"• {text}")
        self.start_button.setText(self.tr("Commencer le test"))
        self.start_button.setAccessibleName(self.tr("Commencer le test"))
        self.start_button.setAccessibleDescription(self.tr("Le temps commence à compter"))
        if self._view is not None:
            self.show_view(self._view)

    def show_view(self, view: KioskView) -> None:
        """Show the time allowed, with extra time when the candidate has some."""
        self._view = view
        total = duration_words(view.time_limit_ms)
        n = view.total
        if singular(n):
            line = self.tr("Le test comporte {n} question. Vous disposez de {total}.")
        else:
            line = self.tr("Le test comporte {n} questions. Vous disposez de {total}.")
        line = line.format(n=n, total=total)
        if view.extra_time_pct not in ("0", ""):
            line += " " + self.tr("Ce temps inclut votre temps majoré ({pct} %).").format(
                pct=view.extra_time_pct
            )
        self.time_line.setText(line)

    def first_focus(self) -> QWidget | None:
        """The start button."""
        return self.start_button
