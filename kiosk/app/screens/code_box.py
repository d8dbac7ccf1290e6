"""« Code du surveillant »: an invigilator action authorised by a code from the console.

The invigilator picks the action; the kiosk shows its challenge (action, kiosk, candidate,
counter, minutes); the console answers with 6 characters typed here. The controller checks the
response (wrong ones count with wrong passwords) and records the action once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.invigilator_gate import GateResult
from kiosk.app.screens.base import make_label
from kiosk.app.view_model import KioskView, Screen
from kiosk.core.codes import Challenge, CodeAction

_UNDER_WAY = (Screen.ITEM, Screen.FOCUS_WARNING, Screen.LOCKED, Screen.PROBLEM_PENDING,
              Screen.AWAITING_RESUME)  # fmt: skip


def code_actions(view: KioskView) -> list[CodeAction]:
    """The actions a code may authorise in this state."""
    actions = []
    if view.screen is Screen.AWAITING_PRESENCE:
        actions.append(CodeAction.CONFIRM_PRESENCE)
    if view.screen is Screen.AWAITING_RESUME:
        actions.append(CodeAction.AUTHORISE_RESUME)
    if view.lock_reason is not None and view.screen is not Screen.ENDED:
        actions.append(CodeAction.UNLOCK)
    if view.screen in _UNDER_WAY:
        actions.append(CodeAction.ADD_TIME)
    if view.screen not in (Screen.STARTUP, Screen.CHECK_IN, Screen.ENDED):
        actions.append(CodeAction.END_TEST)
    return actions


class CodeBox(QFrame):
    """Action, challenge, response.

    Signals:
        challenge_requested(object, object): the ``CodeAction`` and the minutes (or None).
        response_submitted(str, str): the response typed and the reason (added time).
    """

    challenge_requested = Signal(object, object)
    response_submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.heading = make_label("instruction")
        layout.addWidget(self.heading)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.action_label = make_label()
        self.action_combo = QComboBox()
        self.action_label.setBuddy(self.action_combo)
        self.minutes_label = make_label()
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(1, 240)
        self.minutes_spin.setValue(5)
        self.minutes_label.setBuddy(self.minutes_spin)
        self.reason_label = make_label()
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(200)
        self.reason_label.setBuddy(self.reason_edit)
        form.addRow(self.action_label, self.action_combo)
        form.addRow(self.minutes_label, self.minutes_spin)
        form.addRow(self.reason_label, self.reason_edit)
        layout.addLayout(form)
        self.challenge_button = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.challenge_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.challenge_text = make_label("title", selectable=True)
        self.challenge_text.hide()
        layout.addWidget(self.challenge_text)
        response_form = QFormLayout()
        self.response_label = make_label()
        self.response_edit = QLineEdit()
        self.response_edit.setMaxLength(8)
        self.response_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhUppercaseOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.response_label.setBuddy(self.response_edit)
        response_form.addRow(self.response_label, self.response_edit)
        layout.addLayout(response_form)
        self.response_button = QPushButton()
        row2 = QHBoxLayout()
        row2.addStretch(1)
        row2.addWidget(self.response_button)
        layout.addLayout(row2)
        self.message = make_label("error")
        self.message.hide()
        layout.addWidget(self.message)
        self._actions: list[CodeAction] = []
        self.action_combo.currentIndexChanged.connect(self._action_changed)
        self.challenge_button.clicked.connect(self._request)
        self.response_edit.returnPressed.connect(self._submit)
        self.response_button.clicked.connect(self._submit)
        self.retranslate()
        self.reset()

    def _names(self) -> dict[CodeAction, str]:
        return {
            CodeAction.CONFIRM_PRESENCE: self.tr("Confirmer la présence du candidat"),
            CodeAction.AUTHORISE_RESUME: self.tr("Autoriser la reprise du test"),
            CodeAction.UNLOCK: self.tr("Déverrouiller le poste"),
            CodeAction.ADD_TIME: self.tr("Ajouter du temps"),
            CodeAction.END_TEST: self.tr("Terminer le test"),
        }

    def retranslate(self) -> None:
        """Fixed texts in the current language."""
        self.heading.setText(
            self.tr("Code du surveillant : sans mot de passe, avec un code donné par la console.")
        )
        self.action_label.setText(self.tr("&Action"))
        self.action_combo.setAccessibleName(self.tr("Action à autoriser par code"))
        self.minutes_label.setText(self.tr("Minutes à a&jouter"))
        self.minutes_spin.setAccessibleName(self.tr("Minutes à ajouter par code"))
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.reason_label.setText(self.tr("Mo&tif"))
        self.reason_edit.setAccessibleName(self.tr("Motif de l'ajout de temps par code"))
        self.challenge_button.setText(self.tr("Afficher le code du poste"))
        self.response_label.setText(self.tr("&Réponse de la console"))
        self.response_edit.setAccessibleName(self.tr("Réponse de la console (6 caractères)"))
        self.response_button.setText(self.tr("Valider le code"))
        for button in (self.challenge_button, self.response_button):
            button.setAccessibleName(button.text())
        self.set_actions(self._actions)

    def set_actions(self, actions: list[CodeAction]) -> None:
        """The actions that fit the attempt's state."""
        current = self.current_action()
        self._actions = actions
        names = self._names()
        self.action_combo.blockSignals(True)
        self.action_combo.clear()
        for action in actions:
            self.action_combo.addItem(names[action], action.value)
        index = self.action_combo.findData(current.value) if current is not None else 0
        self.action_combo.setCurrentIndex(max(0, index))
        self.action_combo.blockSignals(False)
        self._action_changed()

    def current_action(self) -> CodeAction | None:
        """The action chosen (Qt hands the enum back as its letter)."""
        data = self.action_combo.currentData()
        return CodeAction(data) if data else None

    def _action_changed(self) -> None:
        adding = self.current_action() is CodeAction.ADD_TIME
        for widget in (self.minutes_label, self.minutes_spin, self.reason_label, self.reason_edit):
            widget.setVisible(adding)
        self._show_challenge(None)

    def _request(self) -> None:
        action = self.current_action()
        if action is None:
            return
        if action is CodeAction.ADD_TIME and not self.reason_edit.text().strip():
            self.show_message(self.tr("Indiquez le motif de l'ajout de temps."))
            self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.message.hide()
        minutes = self.minutes_spin.value() if action is CodeAction.ADD_TIME else None
        self.challenge_requested.emit(action, minutes)

    def _show_challenge(self, challenge: Challenge | None) -> None:
        shown = challenge is not None
        self.challenge_text.setVisible(shown)
        for widget in (self.response_label, self.response_edit, self.response_button):
            widget.setEnabled(shown)
        if challenge is not None:
            self.challenge_text.setText(
                self.tr("Code du poste : {code}").format(code=challenge.text())
            )
            self.challenge_text.setAccessibleName(self.challenge_text.text())
            self.response_edit.clear()
            self.response_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_challenge(self, challenge: Challenge) -> None:
        """The challenge to read out to the console."""
        self.message.hide()
        self._show_challenge(challenge)

    def _submit(self) -> None:
        typed = self.response_edit.text().strip()
        if not typed:
            self.show_message(self.tr("Tapez la réponse donnée par la console."))
            return
        self.response_edit.clear()
        self.response_submitted.emit(typed, self.reason_edit.text().strip())

    def show_result(self, result: GateResult) -> None:
        """A wrong response: tries left, or how long the lockout lasts."""
        if result.ok:
            self.reset()
            return
        if result.locked_s > 0:
            seconds = int(result.locked_s + 0.999)
            self.show_message(
                self.tr("Trop d'essais : réessayez dans {minutes} min {seconds:02d} s.").format(
                    minutes=seconds // 60, seconds=seconds % 60
                )
            )
        else:
            self.show_message(
                self.tr("Code incorrect. Essais restants avant blocage : {n}.").format(
                    n=result.attempts_left
                )
            )
        self.response_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, text: str) -> None:
        """A refusal in the error style."""
        self.message.setText(text)
        self.message.show()

    def reset(self) -> None:
        """No challenge on show, fields emptied."""
        self.message.hide()
        self.reason_edit.clear()
        self._show_challenge(None)
