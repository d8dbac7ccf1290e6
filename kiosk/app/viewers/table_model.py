"""Qt models of a read-only sheet: display formatting, natural sorting, accent-blind search."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTime,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication

from kiosk.app.theme import HIGH_CONTRAST, NORMAL
from kiosk.app.viewers.sheets import Cell, Sheet

AnyIndex = QModelIndex | QPersistentModelIndex


def column_letter(index: int) -> str:
    """Spreadsheet column name of a 0-based index: 0 → A, 25 → Z, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def fold(text: str) -> str:
    """Text for searching: case-folded, accents removed."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def format_cell(value: Cell) -> str:
    """How a cell reads on screen, in the application's locale (no thousands separator)."""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    if value is None:
        return ""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("AttachmentViewer", "VRAI")
            if value
            else QCoreApplication.translate("AttachmentViewer", "FAUX")
        )
    if isinstance(value, int):
        return locale.toString(value)
    if isinstance(value, float):
        return locale.toString(value, "g", 15)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return locale.toString(
                QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
            )
        moment = QDateTime(
            QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second)
        )
        return locale.toString(moment, QLocale.FormatType.ShortFormat)
    if isinstance(value, dt.date):
        return locale.toString(
            QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
        )
    if isinstance(value, dt.time):
        return locale.toString(
            QTime(value.hour, value.minute, value.second), QLocale.FormatType.ShortFormat
        )
    return str(value)


def sort_key(value: Cell) -> tuple[int, Any]:
    """Natural order: empty cells last, numbers (decimal comma too) numerically, then dates, then text."""
    if value is None or value == "":
        return (9, "")
    if isinstance(value, bool):
        return (1, int(value))
    if isinstance(value, int | float):
        return (1, float(value))
    if isinstance(value, dt.datetime):
        return (2, value.isoformat())
    if isinstance(value, dt.date):
        return (2, dt.datetime(value.year, value.month, value.day).isoformat())
    if isinstance(value, dt.time):
        return (3, value.isoformat())
    text = str(value).strip()
    number = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    try:
        return (1, float(number))
    except ValueError:
        return (5, fold(text))


def looks_like_header(sheet: Sheet) -> bool:
    """Whether the first row names the columns (every cell is non-empty text and data follows)."""
    if len(sheet.rows) < 2:
        return False
    first = sheet.rows[0]
    return all(isinstance(c, str) and c.strip() and sort_key(c)[0] == 5 for c in first)


class SheetModel(QAbstractTableModel):
    """A read-only table over a Sheet; the header row (if any) becomes the column titles."""

    def __init__(self, sheet: Sheet, parent: Any = None) -> None:
        super().__init__(parent)
        self._header = sheet.rows[0] if looks_like_header(sheet) else None
        self._rows = sheet.rows[1:] if self._header is not None else sheet.rows
        self._texts = [[format_cell(c) for c in row] for row in self._rows]
        self._folded = [[fold(t) for t in row] for row in self._texts]
        self._width = sheet.width

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of data rows."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else self._width

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text for display, tooltips and accessibility."""
        if not index.isValid():
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = self._rows[index.row()][index.column()]
            if sort_key(value)[0] == 1 and not isinstance(value, bool):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column letter (and title), or the row's line number in the original file."""
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.column_title(section)
        return str(section + (2 if self._header is not None else 1))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Selectable, never editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def column_title(self, column: int) -> str:
        """``A · Name`` when the sheet has a header row, else just ``A``."""
        letter = column_letter(column)
        if self._header is None:
            return letter
        return f"{letter} · {self._header[column]}"

    def cell(self, row: int, column: int) -> Cell:
        """Raw value of a cell (for sorting)."""
        return self._rows[row][column]

    def folded(self, row: int, column: int) -> str:
        """Searchable text of a cell."""
        return self._folded[row][column]


class SheetProxy(QSortFilterProxyModel):
    """Sorts naturally and keeps only rows containing the search text (case and accents ignored)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_search(self, text: str) -> None:
        """Filter on ``text`` (empty shows every row) and highlight the matching cells."""
        self.beginFilterChange()
        self._needle = fold(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def is_match(self, index: AnyIndex) -> bool:
        """Whether a (proxy) cell contains the search text."""
        if not self._needle or not index.isValid():
            return False
        src = self.mapToSource(index)
        return self._needle in self._sheet().folded(src.row(), src.column())

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        """Keep the row when any cell contains the search text."""
        if not self._needle:
            return True
        model = self._sheet()
        return any(self._needle in model.folded(source_row, c) for c in range(model.columnCount()))

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        """Numbers numerically, then dates, then text (accent-blind); empty cells last."""
        model = self._sheet()
        a = sort_key(model.cell(left.row(), left.column()))
        b = sort_key(model.cell(right.row(), right.column()))
        return a < b

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Source data, with matching cells highlighted."""
        styled = (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
        )
        if role not in styled or not self.is_match(index):
            return super().data(index, role)
        colors = HIGH_CONTRAST if _high_contrast() else NORMAL
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(colors.match))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(colors.match_text))
        font = QFont()
        font.setBold(True)
        return font

    def _sheet(self) -> SheetModel:
        model = self.sourceModel()
        assert isinstance(model, SheetModel)
        return model


def _high_contrast() -> bool:
    app = QApplication.instance()
    return bool(app is not None and app.property("highContrast"))
