"""Open an attachment inside the kiosk: pick the viewer by file extension, wrap it in a dialog."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.app.viewers import errors
from kiosk.app.viewers.archive import ArchiveViewer
from kiosk.app.viewers.errors import UnreadableAttachment
from kiosk.app.viewers.image import ImageViewer
from kiosk.app.viewers.pdf import PdfViewer
from kiosk.app.viewers.spreadsheet import SpreadsheetViewer
from kiosk.app.viewers.text import TextViewer

log = logging.getLogger(__name__)

ViewerFactory = Callable[[Path, QWidget | None], QWidget]

VIEWERS: dict[str, ViewerFactory] = {
    ".csv": SpreadsheetViewer,
    ".xlsx": SpreadsheetViewer,
    ".ods": SpreadsheetViewer,
    ".pdf": PdfViewer,
    ".png": ImageViewer,
    ".jpg": ImageViewer,
    ".jpeg": ImageViewer,
    ".gif": ImageViewer,
    ".svg": ImageViewer,
    ".txt": TextViewer,
    ".html": TextViewer,
    ".htm": TextViewer,
    ".zip": ArchiveViewer,
}


class AttachmentDialog(QDialog):
    """A modal window holding one viewer (or the reason it cannot show the file) and a close button."""

    def __init__(
        self, path: Path, title: str, parent: QWidget | None = None, alt: str = ""
    ) -> None:
        super().__init__(parent)
        self.path = path
        shown_title = title or path.name
        self.setWindowTitle(shown_title)
        self.setModal(True)
        self.setAccessibleName(
            QCoreApplication.translate("AttachmentViewer", "Pièce jointe : {title}").format(
                title=shown_title
            )
        )
        self.error: str | None = None

        heading = QLabel(shown_title, self)
        heading.setProperty("role", "title")
        heading.setWordWrap(True)
        self.viewer = self._make_viewer(path, alt or title)

        self.close_button = QPushButton(
            QCoreApplication.translate("AttachmentViewer", "Fermer"), self
        )
        self.close_button.setAccessibleName(
            QCoreApplication.translate("AttachmentViewer", "Fermer la pièce jointe")
        )
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.viewer, 1)
        layout.addLayout(bottom)
        self.resize(1000, 700)

    def error_text(self) -> str | None:
        """The message shown instead of the file, if it could not be read."""
        return self.error

    def _make_viewer(self, path: Path, alt: str) -> QWidget:
        factory = VIEWERS.get(path.suffix.lower())
        try:
            if factory is None:
                raise UnreadableAttachment.for_file(path, errors.UNSUPPORTED)
            if factory is ImageViewer:
                return ImageViewer(path, self, alt=alt)
            return factory(path, self)
        except UnreadableAttachment as exc:
            log.warning("attachment %s not shown: %s", path.name, exc.message)
            self.error = exc.message
            label = QLabel(exc.message, self)
            label.setWordWrap(True)
            label.setProperty("role", "error")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            label.setAccessibleName(exc.message)
            return label


def open_attachment(path: Path, title: str, parent: QWidget | None = None) -> QDialog:
    """A dialog showing ``path`` with the viewer for its extension (call ``open()``/``exec()`` on it).

    Never raises for a bad file: the dialog then shows a clear French (or translated) message.
    """
    return AttachmentDialog(Path(path), title, parent)
