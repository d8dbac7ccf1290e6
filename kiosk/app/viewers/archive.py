"""ZIP viewer: the list of entries (name, size, date) without extracting anything."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from kiosk.app.viewers import errors
from kiosk.app.viewers.errors import UnreadableAttachment


class _EntryItem(QTreeWidgetItem):
    """A row that sorts sizes and dates by value, not by their text."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else 0
        mine, theirs = (
            self.data(column, Qt.ItemDataRole.UserRole),
            other.data(column, Qt.ItemDataRole.UserRole),
        )
        if mine is not None and theirs is not None:
            return bool(mine < theirs)
        return self.text(column).casefold() < other.text(column).casefold()


def list_entries(path: Path) -> list[zipfile.ZipInfo]:
    """The entries of a ZIP archive, as stored (nothing is decompressed).

    Raises:
        UnreadableAttachment: missing or not a ZIP archive.
    """
    if not path.is_file():
        raise UnreadableAttachment.for_file(path, errors.MISSING)
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableAttachment.for_file(path, errors.NOT_ZIP) from exc


def human_size(size: int) -> str:
    """A byte count as people read it (o, Ko, Mo), in the application's locale."""
    locale = QLocale()
    return locale.formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class ArchiveViewer(QWidget):
    """A sortable, read-only listing of a ZIP archive's entries."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        entries = list_entries(path)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("AttachmentViewer", "Nom"),
                QCoreApplication.translate("AttachmentViewer", "Taille"),
                QCoreApplication.translate("AttachmentViewer", "Modifié le"),
            ]
        )
        self.tree.setAccessibleName(
            QCoreApplication.translate("AttachmentViewer", "Contenu de l'archive")
        )
        self.tree.setAccessibleDescription(path.name)
        locale = QLocale()
        for info in entries:
            year, month, day, hour, minute, second = info.date_time
            when = QDateTime(QDate(year, month, day), QTime(hour, minute, second))
            row = _EntryItem(
                [
                    info.filename,
                    "—" if info.is_dir() else human_size(info.file_size),
                    locale.toString(when, QLocale.FormatType.ShortFormat),
                ]
            )
            row.setData(1, Qt.ItemDataRole.UserRole, -1 if info.is_dir() else info.file_size)
            row.setData(2, Qt.ItemDataRole.UserRole, when.toString(Qt.DateFormat.ISODate))
            row.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(row)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        summary = QLabel(
            QCoreApplication.translate(
                "AttachmentViewer", "{count} élément(s). Le contenu de l'archive n'est pas extrait."
            ).format(count=len(entries)),
            self,
        )
        summary.setWordWrap(True)
        summary.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tree, 1)

    def names(self) -> list[str]:
        """Entry names in on-screen order."""
        rows = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [row.text(0) for row in rows if row is not None]
