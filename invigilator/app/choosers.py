"""File and folder choosers (and the document viewer), behind one small interface tests answer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget


class Chooser:
    """Asks the person for files and folders with the standard Qt dialogs."""

    def open_files(self, parent: QWidget, title: str, pattern: str) -> list[Path]:
        """Files to open (empty when cancelled)."""
        names, _ = QFileDialog.getOpenFileNames(parent, title, "", pattern)
        return [Path(n) for n in names]

    def open_file(self, parent: QWidget, title: str, pattern: str) -> Path | None:
        """One file to open, or None."""
        name, _ = QFileDialog.getOpenFileName(parent, title, "", pattern)
        return Path(name) if name else None

    def folder(self, parent: QWidget, title: str) -> Path | None:
        """A folder, or None."""
        name = QFileDialog.getExistingDirectory(parent, title)
        return Path(name) if name else None

    def save_file(self, parent: QWidget, title: str, suggested: str, pattern: str) -> Path | None:
        """Where to save, or None."""
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
        return Path(name) if name else None

    def show_document(self, path: Path) -> bool:
        """Open a document (a PDF to print) in the system's viewer; False if none could."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
