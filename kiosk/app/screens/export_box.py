"""« Exporter les résultats du poste »: the invigilator writes the kiosk's export to a USB folder.

The box only collects the folder and shows the outcome; the export itself (sealed to the centre,
signed with the kiosk's key, bound to its kit) is ``kiosk.app.export_job``, run by the controller.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QPushButton, QWidget

from kiosk.app.screens.base import make_label
from kiosk.app.screens.folder_field import FolderField

if TYPE_CHECKING:
    from kiosk.app.export_job import ExportResult


class ExportBox(QFrame):
    """Folder, button, outcome.

    Signals:
        export_requested(object): write the export to this folder (``Path``).
    """

    export_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.folder_label = make_label()
        self.folder = FolderField()
        self.folder_label.setBuddy(self.folder.edit)
        form.addRow(self.folder_label, self.folder)
        self.button = QPushButton()
        self.button.setObjectName("export")
        form.addRow(self.button)
        self.message = make_label("instruction", selectable=True)
        self.message.hide()
        form.addRow(self.message)
        self.button.clicked.connect(self._export)
        self.retranslate()

    def retranslate(self) -> None:
        """Fixed texts in the current language."""
        self.folder_label.setText(self.tr("&Dossier de la clé USB"))
        self.folder.set_accessible_names(
            self.tr("Dossier de la clé USB pour l'export"), self.tr("Clés USB détectées")
        )
        self.button.setText(self.tr("Exporter les résultats du poste"))
        self.button.setAccessibleName(self.button.text())

    def reset(self) -> None:
        """No outcome on show (the folder chosen stays)."""
        self.message.hide()

    def _export(self) -> None:
        if not self.folder.edit.text().strip():
            self.show_result(self.tr("Indiquez le dossier de la clé USB."))
            return
        self._say(self.tr("Export en cours…"), "instruction")
        self.export_requested.emit(self.folder.folder())

    def show_result(self, result: ExportResult | str) -> None:
        """The export written (where, how many tests), or why not."""
        if isinstance(result, str):
            self._say(result, "error")
        else:
            text = self.tr(
                "Export écrit : {path} ({n} épreuve(s)). Importez-le sur la console (Collecte)."
            ).format(path=result.path, n=result.attempt_count)
            self._say(text, "instruction")

    def _say(self, text: str, role: str) -> None:
        self.message.setProperty("role", role)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()

    def target(self) -> Path:
        """The folder chosen."""
        return self.folder.folder()
