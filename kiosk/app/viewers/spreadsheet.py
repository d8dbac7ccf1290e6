"""Spreadsheet viewer: one read-only, sortable, searchable table per sheet, sheets as tabs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.viewers.sheets import Sheet, read_sheets
from kiosk.app.viewers.table_model import SheetModel, SheetProxy


class SheetPane(QWidget):
    """One sheet: a search box, a keyboard-usable sort choice, a row count and the table."""

    def __init__(self, sheet: Sheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SheetModel(sheet, self)
        self.proxy = SheetProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            QCoreApplication.translate("AttachmentViewer", "Rechercher dans le tableau")
        )
        self.search.setAccessibleName(
            QCoreApplication.translate("AttachmentViewer", "Rechercher dans le tableau")
        )
        self.search.setAccessibleDescription(
            QCoreApplication.translate(
                "AttachmentViewer", "N'affiche que les lignes contenant ce texte, surligné."
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)

        self.sort_column = QComboBox(self)
        self.sort_column.setAccessibleName(
            QCoreApplication.translate("AttachmentViewer", "Trier par")
        )
        self.sort_column.addItem(
            QCoreApplication.translate("AttachmentViewer", "Ordre du fichier"), -1
        )
        for column in range(self.model.columnCount()):
            self.sort_column.addItem(self.model.column_title(column), column)
        self.descending = QCheckBox(
            QCoreApplication.translate("AttachmentViewer", "Ordre décroissant"), self
        )
        self.descending.setAccessibleName(
            QCoreApplication.translate("AttachmentViewer", "Ordre décroissant")
        )
        self.sort_column.currentIndexChanged.connect(self._sort_from_controls)
        self.descending.toggled.connect(self._sort_from_controls)
        sort_label = QLabel(QCoreApplication.translate("AttachmentViewer", "Trier par :"), self)
        sort_label.setBuddy(self.sort_column)

        self.count = QLabel(self)
        self.count.setWordWrap(True)
        self.count.setProperty("role", "hint")

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(QCoreApplication.translate("AttachmentViewer", "Tableau"))
        self.table.setAccessibleDescription(sheet.name)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.table.setAlternatingRowColors(True)
        self.table.setCornerButtonEnabled(False)
        for corner in self.table.findChildren(QAbstractButton):
            corner.setAccessibleName(
                QCoreApplication.translate("AttachmentViewer", "Coin du tableau")
            )
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sync_controls)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            if self.table.columnWidth(column) > 400:
                self.table.setColumnWidth(column, 400)

        tools = QHBoxLayout()
        tools.addWidget(self.search, 3)
        tools.addWidget(sort_label)
        tools.addWidget(self.sort_column, 2)
        tools.addWidget(self.descending)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        self._update_count()

    def set_search(self, text: str) -> None:
        """Type ``text`` in the search box."""
        self.search.setText(text)

    def visible_rows(self) -> list[list[str]]:
        """The rows shown, in their on-screen order, as displayed text."""
        return [
            [str(self.proxy.index(r, c).data()) for c in range(self.proxy.columnCount())]
            for r in range(self.proxy.rowCount())
        ]

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if self.search.text().strip():
            text = QCoreApplication.translate(
                "AttachmentViewer", "{shown} ligne(s) sur {total} contiennent « {needle} »."
            )
            self.count.setText(
                text.format(shown=shown, total=total, needle=self.search.text().strip())
            )
        else:
            text = QCoreApplication.translate("AttachmentViewer", "{total} ligne(s).")
            self.count.setText(text.format(total=total))
        self.count.setAccessibleName(self.count.text())

    def _sort_from_controls(self) -> None:
        column = int(self.sort_column.currentData())
        order = (
            Qt.SortOrder.DescendingOrder
            if self.descending.isChecked()
            else Qt.SortOrder.AscendingOrder
        )
        self.table.horizontalHeader().setSortIndicator(column, order)
        if column < 0:
            self.proxy.sort(-1)

    def _sync_controls(self, column: int, order: Qt.SortOrder) -> None:
        index = self.sort_column.findData(column)
        self.sort_column.blockSignals(True)
        self.descending.blockSignals(True)
        self.sort_column.setCurrentIndex(max(index, 0))
        self.descending.setChecked(order == Qt.SortOrder.DescendingOrder)
        self.sort_column.blockSignals(False)
        self.descending.blockSignals(False)


class SpreadsheetViewer(QWidget):
    """CSV, XLSX or ODS attachment; several sheets become tabs."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        sheets = read_sheets(path)
        self.panes = [SheetPane(sheet) for sheet in sheets]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if len(self.panes) == 1:
            layout.addWidget(self.panes[0])
            self.tabs: QTabWidget | None = None
        else:
            self.tabs = QTabWidget(self)
            self.tabs.setAccessibleName(
                QCoreApplication.translate("AttachmentViewer", "Feuilles du classeur")
            )
            for sheet, pane in zip(sheets, self.panes, strict=True):
                self.tabs.addTab(
                    pane, sheet.name or QCoreApplication.translate("AttachmentViewer", "Feuille")
                )
            layout.addWidget(self.tabs)

    def current_pane(self) -> SheetPane:
        """The sheet on screen."""
        if self.tabs is None:
            return self.panes[0]
        widget = self.tabs.currentWidget()
        assert isinstance(widget, SheetPane)
        return widget
