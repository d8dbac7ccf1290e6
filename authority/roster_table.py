"""Read a roster spreadsheet (CSV, XLSX or ODS) into text cells with their line numbers."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from kiosk.core.errors import InvalidInput

MAX_ROSTER_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 64


@dataclass(frozen=True, slots=True)
class Row:
    """One spreadsheet line: its 1-based number and its cells as text."""

    line: int
    cells: tuple[str, ...]

    def cell(self, index: int) -> str:
        """The stripped text of column ``index`` (0-based), '' beyond the end."""
        return self.cells[index].strip() if index < len(self.cells) else ""

    @property
    def empty(self) -> bool:
        """Whether every cell is blank."""
        return not any(c.strip() for c in self.cells)


def column_letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _text(value: Any, percent: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        number = Decimal(str(value))
        if percent:
            return f"{(number * 100).normalize():f}%"
        return f"{number.normalize():f}" if number == number.to_integral() else str(value)
    return str(value)


def _read_csv(data: bytes, name: str) -> list[Row]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InvalidInput(f"{name} line {line}: not UTF-8 text (save the CSV as UTF-8)") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    rows: list[Row] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for cells in reader:
            rows.append(Row(reader.line_num, tuple(cells)))
    except csv.Error as exc:
        raise InvalidInput(f"{name} line {reader.line_num}: malformed CSV ({exc})") from None
    return rows


def _read_xlsx(data: bytes, name: str) -> list[Row]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InvalidInput(f"{name}: not a readable XLSX workbook ({exc})") from None
    sheet = book.worksheets[0]
    rows: list[Row] = []
    for number, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
        texts = tuple(
            _text(c.value, "%" in str(getattr(c, "number_format", "") or "")) for c in cells
        )
        rows.append(Row(number, texts))
        if number > MAX_ROWS + 1:
            break
    book.close()
    return rows


def _ods_cell_text(cell: Any) -> str:
    from odf.namespaces import OFFICENS, TEXTNS

    kind = cell.attributes.get((OFFICENS, "value-type"))
    if kind == "date":
        raw = str(cell.attributes.get((OFFICENS, "date-value"), ""))
        try:
            return _text(datetime.fromisoformat(raw))
        except ValueError:
            return raw
    if kind == "percentage":
        return _text(float(cell.attributes.get((OFFICENS, "value"), "0")), percent=True)
    parts = []
    for para in cell.childNodes:
        if para.qname == (TEXTNS, "p"):
            parts.append("".join(str(n) for n in para.childNodes))
    return "\n".join(parts)


def _read_ods(data: bytes, name: str) -> list[Row]:
    from odf.namespaces import TABLENS
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow

    try:
        doc = load(io.BytesIO(data))
    except Exception as exc:  # odfpy raises many types on a bad file
        raise InvalidInput(
            f"{name}: not a readable ODS spreadsheet ({type(exc).__name__})"
        ) from None
    tables = doc.spreadsheet.getElementsByType(Table)
    if not tables:
        raise InvalidInput(f"{name}: the spreadsheet has no sheet")
    rows: list[Row] = []
    line = 0
    for row in tables[0].getElementsByType(TableRow):
        repeat = min(int(row.attributes.get((TABLENS, "number-rows-repeated"), 1)), MAX_ROWS)
        cells: list[str] = []
        for cell in row.getElementsByType(TableCell):
            count = int(cell.attributes.get((TABLENS, "number-columns-repeated"), 1))
            cells.extend([_ods_cell_text(cell)] * min(count, MAX_COLUMNS))
            if len(cells) >= MAX_COLUMNS:
                break
        for _ in range(repeat):
            line += 1
            rows.append(Row(line, tuple(cells[:MAX_COLUMNS])))
        if line > MAX_ROWS + 1:
            break
    return rows


def read_table(path: Path) -> list[Row]:
    """Rows of a CSV (UTF-8, BOM allowed, ';' or ','), XLSX or ODS roster (first sheet).

    Raises:
        InvalidInput: unreadable, unknown type, too large.
    """
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"cannot read roster {path}: {exc.strerror}") from None
    if len(data) > MAX_ROSTER_BYTES:
        raise InvalidInput(f"{name}: roster larger than {MAX_ROSTER_BYTES // 1_000_000} MB")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _read_csv(data, name)
    elif suffix == ".xlsx":
        rows = _read_xlsx(data, name)
    elif suffix == ".ods":
        rows = _read_ods(data, name)
    else:
        raise InvalidInput(f"{name}: roster must be .csv, .xlsx or .ods")
    if len(rows) > MAX_ROWS + 1:
        raise InvalidInput(f"{name}: more than {MAX_ROWS} lines")
    return rows
