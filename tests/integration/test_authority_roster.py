"""Roster files (CSV, XLSX, ODS) with each kind of mistake, and profile matching."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from authority.profiles_file import match_profiles, read_profiles
from authority.roster import RosterError, parse_extra_time_percent, read_roster
from kiosk.core.errors import InvalidInput
from tests.fixtures.seal.samples import (
    CANDIDATES,
    profiles_doc,
    roster_csv,
    roster_rows,
    write_json,
)

TODAY = date(2026, 3, 1)


def _write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _write_ods(path: Path, rows: list[list[str]]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Import")
    for row in rows:
        tr = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            if value:
                cell.addElement(P(text=value))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def _write(tmp_path: Path, kind: str, rows: list[list[str]]) -> Path:
    if kind == "csv":
        path = tmp_path / "roster.csv"
        path.write_bytes(roster_csv(rows))
        return path
    if kind == "xlsx":
        return _write_xlsx(tmp_path / "roster.xlsx", rows)
    return _write_ods(tmp_path / "roster.ods", rows)


@pytest.mark.parametrize("kind", ["csv", "xlsx", "ods"])
def test_valid_roster_in_each_format(tmp_path: Path, kind: str) -> None:
    sessions = read_roster(_write(tmp_path, kind, roster_rows()), TODAY)
    assert len(sessions) == 1
    session = sessions[0]
    assert (session.site, session.room, session.time) == ("Médiathèque Centre", "Salle 2", "09:30")
    assert [c.last_name for c in session.candidates] == ["Dupont", "Ngoma", "Lefèvre"]
    assert session.candidates[0].extra_time_pct == Decimal(33)
    assert session.candidates[0].birth_date == date(2001, 4, 12)


def _with(index: int, column: int, value: str) -> list[list[str]]:
    cands = [list(c) for c in CANDIDATES]
    cands[index][column] = value
    return roster_rows(cands)


# candidate cells: 0 last, 1 first, 2 birth, 3 sex, 4 insee, 5 postal, 6 city, 7 country,
# 8 email, 9 convocation email, 10 external id, 11 extra time
MISTAKES = [
    ("missing name", _with(1, 0, ""), "line 3, column H « Nom de naissance »: required value"),
    ("bad date", _with(0, 2, "31/02/2001"), "line 2, column J « Date de naissance"),
    ("future birth", _with(0, 2, "01/01/2030"), "is not plausible"),
    ("bad sex", _with(2, 3, "X"), "line 4, column K « Sexe (M ou F) »: 'X' must be M or F"),
    ("extra time", _with(1, 11, "1200%"), "line 3, column S"),
    ("negative time", _with(1, 11, "-5%"), "must be 0–1000 %"),
    (
        "duplicate",
        roster_rows([CANDIDATES[0], CANDIDATES[1], [*CANDIDATES[0][:10], "", ""]]),
        "line 4: duplicate candidate (same name and birth date as line 2)",
    ),
    ("duplicate external id", _with(2, 10, "EXT-1"), "duplicate external id 'EXT-1'"),
    ("france without place", _with(0, 4, ""), "born in France"),
    ("bad email", _with(2, 8, "pas-un-mail"), "column P"),
]


@pytest.mark.parametrize("kind", ["csv", "xlsx", "ods"])
@pytest.mark.parametrize(("label", "rows", "expected"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_located(
    tmp_path: Path, kind: str, label: str, rows: list[list[str]], expected: str
) -> None:
    with pytest.raises(RosterError) as err:
        read_roster(_write(tmp_path, kind, rows), TODAY)
    assert expected in err.value.message
    assert "\n" not in err.value.message


def test_missing_session_fields_and_missing_columns(tmp_path: Path) -> None:
    rows = roster_rows()
    rows[1][4] = "9h30"
    rows[1][1] = ""
    with pytest.raises(RosterError) as err:
        read_roster(_write(tmp_path, "csv", rows), TODAY)
    assert len(err.value.errors) == 2
    assert "column B « Nom du site »" in err.value.errors[0]
    assert "'9h30' is not a time HH:MM" in err.value.errors[1]
    rows = roster_rows()
    for row in rows:
        del row[14]  # no "Pays de naissance" column
    with pytest.raises(InvalidInput, match=r"missing column.*Pays de naissance"):
        read_roster(_write(tmp_path, "csv", rows), TODAY)


def test_candidate_before_any_session_and_non_utf8(tmp_path: Path) -> None:
    rows = roster_rows()
    rows[1][:7] = [""] * 7
    with pytest.raises(RosterError, match="line 2: a candidate line before any session line"):
        read_roster(_write(tmp_path, "csv", rows), TODAY)
    path = tmp_path / "latin1.csv"
    path.write_bytes(roster_csv().decode("utf-8-sig").encode("latin-1", errors="replace"))
    with pytest.raises(InvalidInput, match="not UTF-8"):
        read_roster(path, TODAY)


def test_percent_cells_from_a_spreadsheet(tmp_path: Path) -> None:
    import openpyxl

    path = _write_xlsx(tmp_path / "r.xlsx", roster_rows())
    book = openpyxl.load_workbook(path)
    cell = book.active["S2"]
    cell.value = 0.5
    cell.number_format = "0%"
    book.active["J2"].value = date(2001, 4, 12)
    book.save(path)
    session = read_roster(path, TODAY)[0]
    assert session.candidates[0].extra_time_pct == Decimal(50)
    assert parse_extra_time_percent("33,5 %") == Decimal("33.5")


def test_profiles_match_by_external_id_then_name(tmp_path: Path) -> None:
    session = read_roster(_write(tmp_path, "csv", roster_rows()), TODAY)[0]
    entries = read_profiles(write_json(tmp_path / "p.json", profiles_doc()))
    matched = match_profiles(session.candidates, entries, "roster.csv")
    assert [m.index for m in matched] == [0, 1, 2]  # Lefèvre/Anaïs matched without accents


def test_uncertifiable_and_missing_profiles_are_errors(tmp_path: Path) -> None:
    session = read_roster(_write(tmp_path, "csv", roster_rows()), TODAY)[0]
    doc = profiles_doc(weak="EXT-2")
    doc["profiles"].pop(2)
    entries = read_profiles(write_json(tmp_path / "p.json", doc))
    with pytest.raises(RosterError) as err:
        match_profiles(session.candidates, entries, "roster.csv")
    assert err.value.errors == [
        "roster.csv line 3: Ngoma Jean-Luc: not certifiable (level 1 or more in 3 competence(s), "
        "5 needed)",
        "roster.csv line 4: Lefèvre Anaïs: no positioning profile (by external id or name and "
        "birth date)",
    ]


def test_malformed_profiles_file(tmp_path: Path) -> None:
    doc = profiles_doc()
    doc["profiles"][1]["competences"][0]["pix"] = 99
    with pytest.raises(InvalidInput, match=r"profiles\[1\].*pix must be between 0 and 64"):
        read_profiles(write_json(tmp_path / "p.json", doc))
    doc = profiles_doc()
    doc["version"] = 7
    with pytest.raises(InvalidInput, match="unsupported profiles version 7"):
        read_profiles(write_json(tmp_path / "p.json", doc))
