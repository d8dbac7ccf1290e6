"""Check-in: session number, access code, last name, first name and birth date.

The form can be shown before the kiosk's data is open; a form sent then waits politely
(« Préparation du poste… », the button disabled) and is checked as soon as the data is ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from kiosk.app.check_in_form import CheckInForm, Refusal
from kiosk.app.screens.base import ScreenBase, make_label

if TYPE_CHECKING:
    from kiosk.app.view_model import KioskView


class CheckInScreen(ScreenBase):
    """The identification form; emits ``submitted(CheckInForm)``, shows refusals it is given."""

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = make_label("title")
        self.intro = make_label("instruction")
        self.column.addWidget(self.title)
        self.column.addWidget(self.intro)
        self.session_edit = QLineEdit()
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(6)
        self.last_name_edit = QLineEdit()
        self.first_name_edit = QLineEdit()
        self.birth_edit = QLineEdit()
        self.birth_edit.setMaxLength(10)
        self.session_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.birth_edit.setInputMethodHints(Qt.InputMethodHint.ImhDate)
        self.code_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhUppercaseOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._labels: list[QLabel] = []
        for edit in (
            self.session_edit,
            self.code_edit,
            self.last_name_edit,
            self.first_name_edit,
            self.birth_edit,
        ):
            label = QLabel()
            label.setBuddy(edit)
            self._labels.append(label)
            form.addRow(label, edit)
            edit.returnPressed.connect(self._submit)
        self.column.addLayout(form)
        self.error = make_label("error")
        self.error.hide()
        self.column.addWidget(self.error)
        self.waiting_note = make_label("hint")
        self.waiting_note.hide()
        self.column.addWidget(self.waiting_note)
        self.submit_button = QPushButton()
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self._submit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.submit_button)
        self.footer_slot.addLayout(row)
        self._refusal: Refusal | None = None
        self._waiting = False
        self.retranslate()

    def retranslate(self) -> None:
        """Fixed texts in the current language."""
        self.title.setText(self.tr("Identification"))
        self.intro.setText(
            self.tr(
                "Saisissez les informations de votre convocation, puis attendez que le surveillant "
                "confirme votre présence."
            )
        )
        texts = (
            (self.tr("&Numéro de session"), self.tr("Le numéro figurant sur votre convocation")),
            (
                self.tr("&Code d'accès"),
                self.tr("Quatre lettres puis deux chiffres, affiché dans la salle"),
            ),
            (self.tr("Nom de &naissance"), self.tr("Votre nom de naissance")),
            (self.tr("&Prénom"), self.tr("Votre premier prénom")),
            (self.tr("&Date de naissance"), self.tr("Au format JJ/MM/AAAA")),
        )
        edits = (
            self.session_edit,
            self.code_edit,
            self.last_name_edit,
            self.first_name_edit,
            self.birth_edit,
        )
        for label, edit, (text, description) in zip(self._labels, edits, texts, strict=True):
            label.setText(text)
            edit.setAccessibleName(text.replace("&", ""))
            edit.setAccessibleDescription(description)
        self.birth_edit.setPlaceholderText(self.tr("JJ/MM/AAAA"))
        self.code_edit.setPlaceholderText(self.tr("ex. : BCDF23"))
        self.submit_button.setText(self.tr("Valider"))
        self.submit_button.setAccessibleName(self.tr("Valider l'identification"))
        # the start-up screen's wording and translation, the same state
        self.waiting_note.setText(
            QCoreApplication.translate("StartupScreen", "Préparation du poste…")
        )
        self._show_refusal()

    def _submit(self) -> None:
        if self._waiting:
            return
        form = CheckInForm(
            session_number=self.session_edit.text(),
            access_code=self.code_edit.text(),
            last_name=self.last_name_edit.text(),
            first_name=self.first_name_edit.text(),
            birth_date=self.birth_edit.text(),
        )
        self.submitted.emit(form)

    @property
    def waiting(self) -> bool:
        """Whether a sent form waits for the kiosk's data."""
        return self._waiting

    def show_waiting(self) -> None:
        """The form was sent before the data was ready: say so, and wait for the answer."""
        self._waiting = True
        self._refusal = None
        self._show_refusal()

    def show_refusal(self, refusal: Refusal | None) -> None:
        """Say why the check-in was refused (None clears the message); ends any waiting."""
        self._refusal = refusal
        self._waiting = False
        self._show_refusal()

    def _show_refusal(self) -> None:
        messages = {
            Refusal.MISSING_FIELD: self.tr("Remplissez tous les champs."),
            Refusal.BAD_DATE: self.tr("La date de naissance doit être au format JJ/MM/AAAA."),
            Refusal.WRONG_SESSION: self.tr(
                "Numéro de session ou code d'accès incorrect. Vérifiez votre convocation."
            ),
            Refusal.NOT_FOUND: self.tr(
                "Aucun candidat de cette session ne correspond. Vérifiez l'orthographe et la date, "
                "ou appelez le surveillant."
            ),
            Refusal.ALREADY_TAKEN: self.tr(
                "Ce candidat a déjà commencé sur un autre poste. Appelez le surveillant."
            ),
        }
        self.waiting_note.setVisible(self._waiting)
        self.submit_button.setEnabled(not self._waiting)
        if self._refusal is None:
            self.error.hide()
            self.error.clear()
            return
        self.error.setText(messages[self._refusal])
        self.error.show()

    def show_view(self, view: KioskView) -> None:
        """Nothing to render from the attempt: nobody has checked in yet."""

    def first_focus(self) -> QWidget | None:
        """The session number field."""
        return self.session_edit
