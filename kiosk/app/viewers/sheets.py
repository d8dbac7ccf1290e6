"""Reading spreadsheet attachments (CSV, XLSX, ODS) into plain rows of cells."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.app.viewers import errors
from kiosk.app.viewers.errors import UnreadableAttachment

Cell = str | int | float | dt.datetime | dt.date | dt.time | bool | None

MAX_ROWS = 100_000  # attachments are small; refuse to hold a runaway file in memory
MAX_COLUMNS = 1_000
_DELIMITERS = ";,\t|"
_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


@dataclass(frozen=True, slots=True)
class Sheet:
    """One table: a name (the tab title) and its rows, all padded to the same width."""

    name: str
    rows: tuple[tuple[Cell, ...], ...]

    @property
    def width(self) -> int:
        """Number of columns."""
        return len(self.rows[0]) if self.rows else 0


def read_sheets(path: Path) -> list[Sheet]:
    """Read every sheet of a CSV, XLSX or ODS file.

    Raises:
        UnreadableAttachment: the file is missing, malformed or of an unknown kind.
    """
    suffix = path.suffix.lower()
    readers = {".csv": _read_csv, ".xlsx": _read_xlsx, ".ods": _read_ods}
    reader = readers.get(suffix)
    if reader is None:
        raise UnreadableAttachment.for_file(path, errors.UNSUPPORTED)
    try:
        sheets = reader(path)
    except UnreadableAttachment:
        raise
    except OSError as exc:
        raise UnreadableAttachment.for_file(path, errors.MISSING) from exc
    except Exception as exc:  # third-party parsers raise anything on a damaged file
        raise UnreadableAttachment.for_file(path, errors.DAMAGED) from exc
    if not sheets:
        raise UnreadableAttachment.for_file(path, errors.EMPTY)
    return sheets


def decode_text(data: bytes) -> str:
    """Decode a text file: UTF-8 (with or without BOM), else Windows-1252, else Latin-1."""
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any byte string")  # pragma: no cover


def sniff_delimiter(text: str) -> str:
    """Guess the CSV delimiter among ``; , tab |`` (semicolon when nothing is conclusive)."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        counts = {d: first.count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ";"


def _read_csv(path: Path) -> list[Sheet]:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise UnreadableAttachment.for_file(path, errors.NOT_TEXT)
    text = decode_text(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    rows = _bounded(path, (list(r) for r in reader))
    return [Sheet(name=path.stem, rows=_pad(rows))]


def _read_xlsx(path: Path) -> list[Sheet]:
    import openpyxl

    if not zipfile.is_zipfile(path):
        raise UnreadableAttachment.for_file(path, errors.NOT_WORKBOOK)
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = []
        for ws in workbook.worksheets:
            rows = _bounded(path, (list(r) for r in ws.iter_rows(values_only=True)))
            sheets.append(Sheet(name=str(ws.title), rows=_pad(_trim(rows))))
        return sheets
    finally:
        workbook.close()


def _read_ods(path: Path) -> list[Sheet]:
    from odf import opendocument, table

    if not zipfile.is_zipfile(path):
        raise UnreadableAttachment.for_file(path, errors.NOT_WORKBOOK)
    document = opendocument.load(str(path))
    sheets = []
    for tab in document.spreadsheet.getElementsByType(table.Table):
        rows: list[list[Cell]] = []
        for row in tab.getElementsByType(table.TableRow):
            cells = _ods_row(row)
            repeat = _int_attr(row, "numberrowsrepeated")
            # Trailing empty rows are often "repeated" a million times: expand only real content.
            copies = repeat if any(c not in (None, "") for c in cells) else min(repeat, 1)
            rows.extend(list(cells) for _ in range(copies))
            if len(rows) > MAX_ROWS:
                raise UnreadableAttachment.for_file(path, errors.TOO_LARGE)
        sheets.append(Sheet(name=str(tab.getAttribute("name") or ""), rows=_pad(_trim(rows))))
    return sheets


def _ods_row(row: object) -> list[Cell]:
    from odf import table

    cells: list[Cell] = []
    for node in row.childNodes:  # type: ignore[attr-defined]
        if node.qname not in (table.TableCell().qname, table.CoveredTableCell().qname):
            continue
        value = _ods_value(node)
        repeat = _int_attr(node, "numbercolumnsrepeated")
        cells.extend([value] * (repeat if value not in (None, "") else min(repeat, MAX_COLUMNS)))
    return cells


def _ods_value(cell: object) -> Cell:
    from odf import teletype, text

    get = cell.getAttribute  # type: ignore[attr-defined]
    kind = get("valuetype")
    if kind in ("float", "percentage", "currency"):
        number = float(get("value"))
        return int(number) if number.is_integer() else number
    if kind == "date":
        raw = str(get("datevalue"))
        return dt.datetime.fromisoformat(raw) if "T" in raw else dt.date.fromisoformat(raw)
    if kind == "boolean":
        return str(get("booleanvalue")).lower() == "true"
    paragraphs = cell.getElementsByType(text.P)  # type: ignore[attr-defined]
    return "\n".join(teletype.extractText(p) for p in paragraphs) or None


def _int_attr(node: object, name: str) -> int:
    raw = node.getAttribute(name)  # type: ignore[attr-defined]
    return int(raw) if raw else 1


def _bounded(path: Path, rows: Iterator[list[Cell]]) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    for row in rows:
        out.append(row)
        if len(out) > MAX_ROWS:
            raise UnreadableAttachment.for_file(path, errors.TOO_LARGE)
    return out


def _trim(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Drop trailing empty rows and cells (spreadsheets often store formatted blanks)."""
    trimmed = [list(r) for r in rows]
    for row in trimmed:
        while row and row[-1] in (None, ""):
            row.pop()
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    return trimmed


def _pad(rows: list[list[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    width = min(max((len(r) for r in rows), default=0), MAX_COLUMNS)
    return tuple(tuple(r[:width]) + (None,) * (width - len(r[:width])) for r in rows)
