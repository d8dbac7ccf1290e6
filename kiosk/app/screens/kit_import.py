"""The centre manager imports the kiosk kit: folder, kit file, what it is for, then the code.

The kit is verified and described before the code is asked (session, date, room, kiosk); a
refusal (altered, expired, another centre's or kiosk's, a finalised session) is shown with its
reason and the code is not asked. A wrong code says so; after several, the import stays locked
until the time shown.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from kiosk.app.screens.base import ScreenBase, make_label
from kiosk.app.screens.folder_field import MOUNT_ROOTS, FolderField

if TYPE_CHECKING:
    from kiosk.app.kit_jobs import KitPreview


class KitImportScreen(ScreenBase):
    """Choose a kit, read what it is for, type its code.

    Signals:
        search(object): list the kits of this folder (Path).
        kit_chosen(object): describe this kit file (Path).
        import_requested(object, str): import the kit with the code typed.
        write_record(object): write the kiosk's enrolment record to this folder again.
    """

    search = Signal(object)
    kit_chosen = Signal(object)
    import_requested = Signal(object, str)
    write_record = Signal(object)

    def __init__(
        self, roots: tuple[Path, ...] = MOUNT_ROOTS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = make_label("title")
        self.kiosk_line = make_label("instruction")
        self.intro = make_label()
        for label in (self.title, self.kiosk_line, self.intro):
            self.column.addWidget(label)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.folder_label = make_label()
        self.folder = FolderField(roots)
        self.folder_label.setBuddy(self.folder.edit)
        form.addRow(self.folder_label, self.folder)
        self.search_button = QPushButton()
        form.addRow(self.search_button)
        self.kits_label = make_label()
        self.kits = QListWidget()
        self.kits.setMaximumHeight(140)
        self.kits_label.setBuddy(self.kits)
        form.addRow(self.kits_label, self.kits)
        self.column.addLayout(form)
        self.preview_text = make_label("instruction", selectable=True)
        self.preview_text.hide()
        self.column.addWidget(self.preview_text)
        code_form = QFormLayout()
        self.code_label = make_label()
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(40)
        self.code_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhUppercaseOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.code_label.setBuddy(self.code_edit)
        code_form.addRow(self.code_label, self.code_edit)
        self.column.addLayout(code_form)
        self.message = make_label("error")
        self.message.hide()
        self.column.addWidget(self.message)
        self.info = make_label("instruction")
        self.info.hide()
        self.column.addWidget(self.info)
        self.record_button = QPushButton()
        self.import_button = QPushButton()
        self.import_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.record_button)
        row.addStretch(1)
        row.addWidget(self.import_button)
        self.footer_slot.addLayout(row)
        self._preview: KitPreview | None = None
        self._locked_until: datetime | None = None
        self.search_button.clicked.connect(self._search)
        self.folder.chosen.connect(lambda _folder: self._search())
        self.kits.currentItemChanged.connect(self._chosen)
        self.kits.itemActivated.connect(self._chosen)
        self.code_edit.returnPressed.connect(self._import)
        self.import_button.clicked.connect(self._import)
        self.record_button.clicked.connect(self._write_record)
        self._set_code_enabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        """Fixed texts in the current language."""
        self.title.setText(self.tr("Importer le kit du poste"))
        self.intro.setText(
            self.tr(
                "Branchez la clé USB préparée par la console, choisissez le kit de ce poste, "
                "puis tapez le code imprimé sur la fiche des kits."
            )
        )
        self.folder_label.setText(self.tr("&Dossier de la clé USB"))
        self.folder.set_accessible_names(
            self.tr("Dossier de la clé USB"), self.tr("Clés USB détectées")
        )
        self.search_button.setText(self.tr("Chercher les kits dans ce dossier"))
        self.kits_label.setText(self.tr("&Kits trouvés"))
        self.kits.setAccessibleName(self.tr("Kits trouvés"))
        self.code_label.setText(self.tr("&Code du kit"))
        self.code_edit.setAccessibleName(self.tr("Code du kit"))
        self.code_edit.setPlaceholderText(self.tr("XXXX-XXXX-XXXX-XXXX-XXXX"))
        self.import_button.setText(self.tr("Importer le kit"))
        self.record_button.setText(self.tr("Réécrire la fiche du poste sur la clé"))
        for button in (self.search_button, self.import_button, self.record_button):
            button.setAccessibleName(button.text())
        if self._preview is not None:
            self.show_preview(self._preview)

    def set_kiosk(self, kiosk_id: str, number: int, name: str) -> None:
        """Which kiosk this is (the kit must be for it, or for the room)."""
        self.kiosk_line.setText(
            self.tr("Ce poste : n° {number} « {name} » ({kiosk_id})").format(
                number=number, name=name, kiosk_id=kiosk_id
            )
        )

    # -- intents -----------------------------------------------------------------------------

    def _search(self) -> None:
        if not self.folder.edit.text().strip():
            self.show_message(self.tr("Indiquez le dossier de la clé USB."))
            return
        self.message.hide()
        self.search.emit(self.folder.folder())

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        self._preview = None
        self._set_code_enabled(False)
        self.message.hide()
        self.kit_chosen.emit(Path(str(item.data(Qt.ItemDataRole.UserRole))))

    def _import(self) -> None:
        preview = self._preview
        if preview is None or preview.refusal is not None:
            self.show_message(self.tr("Choisissez d'abord un kit valable pour ce poste."))
            return
        if not self.code_edit.text().strip():
            self.show_message(self.tr("Tapez le code du kit."))
            self.code_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.message.hide()
        self.import_requested.emit(preview.path, self.code_edit.text())

    def _write_record(self) -> None:
        if not self.folder.edit.text().strip():
            self.show_message(self.tr("Indiquez le dossier de la clé USB."))
            return
        self.write_record.emit(self.folder.folder())

    # -- results -----------------------------------------------------------------------------

    def show_kits(self, paths: list[Path]) -> None:
        """The kit files found; the first one is described at once."""
        self.kits.clear()
        for path in paths:
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.kits.addItem(item)
        if paths:
            self.kits.setCurrentRow(0)
            self.kits.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_preview(self, preview: KitPreview) -> None:
        """What the kit is for, or why it is refused."""
        self._preview = preview
        lines = []
        summary = preview.summary
        if summary is not None:
            who = (
                self.tr("poste n° {n}").format(n=summary.kiosk_number)
                if summary.kiosk_number is not None
                else self.tr("toute la salle")
            )
            lines.append(
                self.tr(
                    "Session {session} du {date}, {room} — kit pour {who}, {n} candidat(s)."
                ).format(
                    session=summary.session_id,
                    date=summary.date,
                    room=summary.room,
                    who=who,
                    n=summary.candidate_count,
                )
            )
            if summary.already_imported:
                lines.append(self.tr("Ce kit est déjà importé sur ce poste."))
        if preview.authority_source == "pinned":
            lines.append(
                self.tr("Autorité : {key} (épinglée sur ce poste).").format(
                    key=preview.authority_key_id
                )
            )
        else:
            lines.append(
                self.tr(
                    "Autorité : {key}, lue dans {file} : elle sera épinglée sur ce poste."
                ).format(key=preview.authority_key_id, file=preview.authority_source)
            )
        self.preview_text.setText("\n".join(lines))
        self.preview_text.show()
        if preview.refusal is not None:
            self.show_message(preview.refusal)
            self._set_code_enabled(False)
            return
        self.message.hide()
        self.set_locked_until(preview.locked_until)

    def set_locked_until(self, until: datetime | None) -> None:
        """Show the lockout (until when) or let the code be typed."""
        self._locked_until = until
        if until is not None:
            self.show_message(
                self.tr("Trop de codes incorrects : import bloqué jusqu'à {time}.").format(
                    time=until.astimezone().strftime("%H:%M")
                )
            )
        self._set_code_enabled(self._preview is not None and self._preview.refusal is None)
        if self.code_edit.isEnabled():
            self.code_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_code_enabled(self, enabled: bool) -> None:
        self.code_edit.setEnabled(enabled)
        self.import_button.setEnabled(enabled)

    def show_message(self, text: str) -> None:
        """A refusal or a failure, in the error style."""
        self.info.hide()
        self.message.setText(text)
        self.message.show()

    def show_info(self, text: str) -> None:
        """A success line (record written, kit imported)."""
        self.message.hide()
        self.info.setText(text)
        self.info.show()

    def code_refused(self, text: str, locked_until: datetime | None) -> None:
        """A wrong code (or the lockout): the message, the field emptied."""
        self.code_edit.clear()
        self.show_message(text)
        if locked_until is not None:
            self._locked_until = locked_until
        self.code_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def first_focus(self) -> QWidget | None:
        """The folder field."""
        return self.folder.edit
