"""The invigilator panel's first stage: the session's invigilator password, and why it was refused.

The password is checked by the controller (``InvigilatorDesk``, growing lockout); this widget
shows the field and the outcome: tries left, or how long the lockout lasts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.app.invigilator_gate import GateResult
from kiosk.app.screens.base import make_label


class PasswordGate(QWidget):
    """Password field, « Ouvrir », refusal message.

    Signals:
        password_submitted(str): the invigilator typed a password (the field is emptied).
    """

    password_submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.intro = make_label()
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.password_label = make_label()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label.setBuddy(self.password_edit)
        form.addRow(self.password_label, self.password_edit)
        layout.addLayout(form)
        self.message = make_label("error")
        self.message.hide()
        layout.addWidget(self.message)
        self.open_button = QPushButton()
        self.open_button.setDefault(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self.password_edit.returnPressed.connect(self._submit)
        self.open_button.clicked.connect(self._submit)
        self.retranslate()

    def retranslate(self) -> None:
        """Fixed texts in the current language."""
        self.intro.setText(
            self.tr("Réservé au surveillant de la session. Chaque action est enregistrée.")
        )
        self.password_label.setText(self.tr("&Mot de passe surveillant"))
        self.password_edit.setAccessibleName(self.tr("Mot de passe surveillant"))
        self.open_button.setText(self.tr("Ouvrir"))
        self.open_button.setAccessibleName(self.open_button.text())

    def reset(self) -> None:
        """Field emptied, no message."""
        self.password_edit.clear()
        self.message.hide()

    def _submit(self) -> None:
        password = self.password_edit.text()
        self.password_edit.clear()
        self.password_submitted.emit(password)

    def show_refusal(self, result: GateResult) -> None:
        """Why the password was refused: tries left, or how long the lockout lasts."""
        if result.locked_s > 0:
            seconds = int(result.locked_s + 0.999)
            self.message.setText(
                self.tr("Trop d'essais : réessayez dans {minutes} min {seconds:02d} s.").format(
                    minutes=seconds // 60, seconds=seconds % 60
                )
            )
        else:
            self.message.setText(
                self.tr("Mot de passe incorrect. Essais restants avant blocage : {n}.").format(
                    n=result.attempts_left
                )
            )
        self.message.show()
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
