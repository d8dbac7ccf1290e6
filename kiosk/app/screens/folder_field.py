"""A folder chosen by typing its path or picking a detected USB stick (no file dialog).

A file dialog on a locked-down kiosk lets anyone browse, rename or delete files: the kiosk never
opens one. The manager types the folder, or picks one of the mounted removable media listed.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

MOUNT_ROOTS = (Path("/media"), Path("/run/media"), Path("/mnt"))


def removable_folders(roots: tuple[Path, ...] = MOUNT_ROOTS) -> list[Path]:
    """Mounted media folders (``/media/<user>/<stick>``, ``/run/media/...``, ``/mnt/...``)."""
    found: list[Path] = []
    for root in roots:
        try:
            children = sorted(p for p in root.iterdir() if p.is_dir())
        except OSError:
            continue
        for child in children:
            if os.path.ismount(child):
                found.append(child)
                continue
            try:
                found.extend(
                    sorted(p for p in child.iterdir() if p.is_dir() and os.path.ismount(p))
                )
            except OSError:
                continue
    return found


class FolderField(QWidget):
    """A path line edit and the list of detected sticks; ``chosen(Path)`` on Enter or a pick.

    Args:
        roots: where removable media are mounted (tests pass their own).
    """

    chosen = Signal(object)

    def __init__(
        self, roots: tuple[Path, ...] = MOUNT_ROOTS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._roots = roots
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.sticks = QComboBox()
        row.addWidget(self.edit, 3)
        row.addWidget(self.sticks, 2)
        self.edit.returnPressed.connect(lambda: self.chosen.emit(self.folder()))
        self.sticks.activated.connect(self._picked)
        self.refresh()

    def refresh(self) -> None:
        """List the mounted media again (a stick was plugged in)."""
        self.sticks.clear()
        for folder in removable_folders(self._roots):
            self.sticks.addItem(str(folder), str(folder))
        self.sticks.setEnabled(self.sticks.count() > 0)
        if self.sticks.count() and not self.edit.text():
            self.edit.setText(str(self.sticks.itemData(0)))

    def _picked(self, index: int) -> None:
        self.edit.setText(str(self.sticks.itemData(index)))
        self.chosen.emit(self.folder())

    def folder(self) -> Path:
        """The folder typed or picked."""
        return Path(self.edit.text().strip())

    def set_folder(self, folder: Path) -> None:
        """Put ``folder`` in the field."""
        self.edit.setText(str(folder))

    def set_accessible_names(self, field: str, sticks: str) -> None:
        """Accessible names of the two controls (translated by the screen)."""
        self.edit.setAccessibleName(field)
        self.sticks.setAccessibleName(sticks)
