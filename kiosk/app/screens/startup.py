"""Start-up checks: what the kiosk found about this computer. Warnings, never a dead end.

The screen is painted while the kiosk's data still opens; « Continuer » works at once (the
check-in form keeps what the candidate types until the data is ready), the note says
« Préparation du poste… » meanwhile.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.app.env_checks import EnvWarning
from kiosk.app.screens.base import ScreenBase, make_label

if TYPE_CHECKING:
    from kiosk.app.view_model import KioskView


class StartupScreen(ScreenBase):
    """Lists the checks (screens, virtual machine, remote session) and lets the candidate go on."""

    proceed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = make_label("title")
        self.intro = make_label("instruction")
        self.screens_line = make_label()
        self.vm_line = make_label()
        self.remote_line = make_label()
        self.note = make_label("hint")
        for widget in (
            self.title,
            self.intro,
            self.screens_line,
            self.vm_line,
            self.remote_line,
            self.note,
        ):
            self.column.addWidget(widget)
        self.continue_button = QPushButton()
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.proceed)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.continue_button)
        self.footer_slot.addLayout(row)
        self._warnings: tuple[EnvWarning, ...] = ()
        self._ready = False
        self.retranslate()

    def set_ready(self, ready: bool) -> None:
        """Whether the kiosk's data is open (only the note depends on it)."""
        self._ready = ready
        self._show_warnings()

    def retranslate(self) -> None:
        """Fixed texts in the current language."""
        self.title.setText(self.tr("Vérification du poste"))
        self.intro.setText(
            self.tr(
                "Le kiosque a vérifié cet ordinateur avant le test. Tout est enregistré pour le surveillant."
            )
        )
        self.continue_button.setText(self.tr("Continuer"))
        self.continue_button.setAccessibleName(self.tr("Continuer vers l'identification"))
        self._show_warnings()

    def show_view(self, view: KioskView) -> None:
        """Show the warnings the checks produced."""
        self.show_warnings(view.warnings)

    def show_warnings(self, warnings: Sequence[EnvWarning]) -> None:
        """Show the checks' warnings (the first screen does so before the attempt's view exists)."""
        self._warnings = tuple(warnings)
        self._show_warnings()

    def _line(self, code: str, ok_text: str, warn_text: str) -> str:
        found = [w for w in self._warnings if w.code == code]
        return f"⚠ {warn_text}" if found else f"✓ {ok_text}"

    def _show_warnings(self) -> None:
        self.screens_line.setText(
            self._line(
                "screens",
                self.tr("Un seul écran est branché."),
                self.tr("Plusieurs écrans sont branchés."),
            )
        )
        self.vm_line.setText(
            self._line(
                "virtual_machine",
                self.tr("Aucune machine virtuelle détectée."),
                self.tr("Cet ordinateur semble être une machine virtuelle."),
            )
        )
        self.remote_line.setText(
            self._line(
                "remote_session",
                self.tr("Aucune session à distance détectée."),
                self.tr("Une session à distance semble ouverte."),
            )
        )
        if not self._ready:
            self.note.setText(self.tr("Préparation du poste…"))
        elif self._warnings:
            self.note.setText(
                self.tr(
                    "Le surveillant a été averti. Vous pouvez continuer ; il décidera de la suite."
                )
            )
        else:
            self.note.setText(self.tr("Tout est en ordre."))

    def first_focus(self) -> QWidget | None:
        """The continue button."""
        return self.continue_button
