"""The row of buttons that open an item's attachments in the in-kiosk viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.app.viewers.factory import open_attachment
from kiosk.core.items import Attachment


class AttachmentBar(QWidget):
    """One button per attachment; a click opens the viewer window-modally and emits ``opened``."""

    opened = Signal(QDialog)

    def __init__(
        self, attachments: tuple[Attachment, ...], media_root: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.media_root = media_root
        self.buttons: list[QPushButton] = []
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(QCoreApplication.translate("ItemWidget", "Pièces jointes :"), self)
        layout.addWidget(heading)
        for attachment in attachments:
            title = attachment.title or Path(attachment.file).name
            button = QPushButton(
                QCoreApplication.translate("ItemWidget", "Ouvrir « {title} »").format(title=title),
                self,
            )
            button.setAccessibleName(
                QCoreApplication.translate("ItemWidget", "Ouvrir la pièce jointe {title}").format(
                    title=title
                )
            )
            button.setAccessibleDescription(
                QCoreApplication.translate(
                    "ItemWidget", "Fichier {name}, affiché dans le kiosque"
                ).format(name=Path(attachment.file).name)
            )
            button.clicked.connect(lambda _checked=False, a=attachment: self.open(a))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.buttons.append(button)

    def open(self, attachment: Attachment) -> QDialog:
        """Open one attachment in its viewer (window-modal) and return the dialog."""
        title = attachment.title or Path(attachment.file).name
        self.dialog = open_attachment(self.media_root / attachment.file, title, self.window())
        self.dialog.open()
        self.opened.emit(self.dialog)
        return self.dialog
