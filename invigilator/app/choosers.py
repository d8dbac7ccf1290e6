"""File and folder choosers, behind one small interface so tests can answer them."""

from __future__ import annotations

from pathlib import Path

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
