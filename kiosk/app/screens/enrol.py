"""First start: the centre manager gives the kiosk its number and name (enrolment).

The kiosk then makes its own key pair and writes its enrolment record (``poste-07.ckposte``) to
the folder chosen (a USB stick), for the console to register.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from kiosk.app.screens.base import ScreenBase, make_label
from kiosk.app.screens.folder_field import MOUNT_ROOTS, FolderField


class EnrolScreen(ScreenBase):
    """Number, name and folder; then the record written, and « Continuer ».

    Signals:
        submitted(int, str, object): number, name, folder (Path).
        proceed(): go on to the kit import.
    """

    submitted = Signal(int, str, object)
    proceed = Signal()

    def __init__(
        self, roots: tuple[Path, ...] = MOUNT_ROOTS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = make_label("title")
        self.intro = make_label("instruction")
        self.column.addWidget(self.title)
        self.column.addWidget(self.intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.number_label = make_label()
        self.number_spin = QSpinBox()
        self.number_spin.setRange(1, 999)
        self.number_label.setBuddy(self.number_spin)
        self.name_label = make_label()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(60)
        self.name_label.setBuddy(self.name_edit)
        self.folder_label = make_label()
        self.folder = FolderField(roots)
        self.folder_label.setBuddy(self.folder.edit)
        form.addRow(self.number_label, self.number_spin)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.folder_label, self.folder)
        self.column.addLayout(form)
        self.message = make_label("error")
        self.message.hide()
        self.done_text = make_label("instruction", selectable=True)
        self.done_text.hide()
        self.column.addWidget(self.message)
        self.column.addWidget(self.done_text)
        self.enrol_button = QPushButton()
        self.enrol_button.setDefault(True)
        self.continue_button = QPushButton()
        self.continue_button.hide()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.enrol_button)
        row.addWidget(self.continue_button)
        self.footer_slot.addLayout(row)
        self.enrol_button.clicked.connect(self._submit)
        self.name_edit.returnPressed.connect(self._submit)
        self.continue_button.clicked.connect(self.proceed)
        self.retranslate()

    def retranslate(self) -> None:
        """Fixed texts in the current language."""
        self.title.setText(self.tr("Mise en service du poste"))
        self.intro.setText(
            self.tr(
                "Réservé au responsable de centre. Donnez à ce poste son numéro dans la salle et "
                "un nom : il crée ses clés et enregistre sa fiche sur la clé USB, à importer sur "
                "la console."
            )
        )
        self.number_label.setText(self.tr("&Numéro du poste"))
        self.number_spin.setAccessibleName(self.tr("Numéro du poste"))
        self.name_label.setText(self.tr("N&om du poste"))
        self.name_edit.setAccessibleName(self.tr("Nom du poste"))
        self.name_edit.setPlaceholderText(self.tr("par exemple Poste 7"))
        self.folder_label.setText(self.tr("&Dossier de la clé USB"))
        self.folder.set_accessible_names(
            self.tr("Dossier de la clé USB"), self.tr("Clés USB détectées")
        )
        self.enrol_button.setText(self.tr("Enregistrer le poste"))
        self.enrol_button.setAccessibleName(self.tr("Enregistrer le poste"))
        self.continue_button.setText(self.tr("Continuer : importer le kit"))
        self.continue_button.setAccessibleName(self.tr("Continuer : importer le kit"))

    def _submit(self) -> None:
        if not self.name_edit.text().strip():
            self.show_message(self.tr("Donnez un nom au poste."))
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.folder.edit.text().strip():
            self.show_message(self.tr("Indiquez le dossier de la clé USB."))
            self.folder.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.message.hide()
        self.submitted.emit(self.number_spin.value(), self.name_edit.text(), self.folder.folder())

    def show_message(self, text: str) -> None:
        """A refusal or a failure, in the error style."""
        self.message.setText(text)
        self.message.show()

    def show_enrolled(self, kiosk_id: str, number: int, name: str, key_id: str, path: Path) -> None:
        """The kiosk is enrolled and its record written: say where, then offer to go on."""
        self.message.hide()
        self.done_text.setText(
            self.tr(
                "Poste n° {number} « {name} » enregistré ({kiosk_id}, clé {key}).\n"
                "Fiche écrite : {path}\nImportez-la sur la console, puis préparez le kit du poste."
            ).format(number=number, name=name, kiosk_id=kiosk_id, key=key_id, path=path)
        )
        self.done_text.show()
        for widget in (self.number_spin, self.name_edit, self.folder, self.enrol_button):
            widget.setEnabled(False)
        self.enrol_button.hide()
        self.continue_button.show()
        self.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def first_focus(self) -> QWidget | None:
        """The number."""
        return self.number_spin
