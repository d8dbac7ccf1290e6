"""The mass-import roster of DOMAIN §6: one session line, then candidate lines, every error located.

Columns are found by their header text (the ``*`` of required columns and spacing do not matter);
errors say file, line and column (letter and header). Any error refuses the whole roster.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from authority.roster_table import Row, column_letter, read_table
from kiosk.core.errors import InvalidInput
from kiosk.seal.session_model import MAX_EXTRA_TIME_PCT, BirthPlace

# (field, header as in the reference template, required)
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("session_number", "Numéro de session préexistante", False),
    ("site", "Nom du site", True),
    ("room", "Nom de la salle", True),
    ("date", "Date de début (format: JJ/MM/AAAA)", True),
    ("time", "Heure de début (heure locale format: HH:MM)", True),
    ("examiner", "Surveillant(s)", True),
    ("observations", "Observations (optionnel)", False),
    ("last_name", "Nom de naissance", True),
    ("first_name", "Prénom", True),
    ("birth_date", "Date de naissance (format: JJ/MM/AAAA)", True),
    ("sex", "Sexe (M ou F)", True),
    ("insee", "Code INSEE de la commune de naissance", False),
    ("postal", "Code postal de la commune de naissance", False),
    ("city", "Nom de la commune de naissance", False),
    ("country", "Pays de naissance", True),
    ("email", "E-mail du destinataire des résultats (formateur, enseignant…)", False),
    ("convocation_email", "E-mail de convocation", False),
    ("external_id", "Identifiant externe", False),
    ("extra_time", "Temps majoré ? (exemple format: 33%)", False),
)
SESSION_FIELDS = ("session_number", "site", "room", "date", "time", "examiner", "observations")
CANDIDATE_FIELDS = tuple(f for f, _, _ in COLUMNS if f not in SESSION_FIELDS)
_EMAIL_RE = re.compile(r"^[^@\s;]+@[^@\s;]+\.[^@\s;]+$")
_INSEE_RE = re.compile(r"^(\d{5}|2[AB]\d{3})$")


def header_key(text: str) -> str:
    """Normalised header text: NFC, no '*', ellipsis as '...', spaces collapsed, case-folded."""
    text = unicodedata.normalize("NFC", text).replace("*", "").replace("…", "...")
    return " ".join(text.split()).casefold()


def name_key(text: str) -> str:
    """A name for comparison: accents, case, spaces, hyphens and apostrophes ignored."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in bare.casefold() if c.isalnum())


@dataclass(frozen=True, slots=True)
class RosterCandidate:
    """A candidate line, validated."""

    line: int
    last_name: str
    first_names: str
    sex: str
    birth_date: date
    birth_place: BirthPlace
    email: str
    convocation_email: str
    external_id: str
    extra_time_pct: Decimal


@dataclass
class RosterSession:
    """A session line and the candidates that follow it."""

    line: int
    number: str
    site: str
    room: str
    date: date
    time: str
    examiner: str
    observations: str
    candidates: list[RosterCandidate] = field(default_factory=list)


class _Line:
    """Field access on one row, collecting located errors."""

    def __init__(self, row: Row, columns: dict[str, int], name: str, errors: list[str]) -> None:
        self.row, self.columns, self.name, self.errors = row, columns, name, errors

    def where(self, fld: str) -> str:
        index = self.columns[fld]
        header = next(h for f, h, _ in COLUMNS if f == fld)
        return f"{self.name} line {self.row.line}, column {column_letter(index)} « {header} »"

    def get(self, fld: str) -> str:
        return self.row.cell(self.columns[fld]) if fld in self.columns else ""

    def fail(self, fld: str, detail: str) -> None:
        # a cell may hold line breaks: the message stays on one line
        self.errors.append(f"{self.where(fld)}: {' '.join(detail.split())}")

    def required(self, fld: str) -> str:
        value = self.get(fld)
        if not value:
            self.fail(fld, "required value missing")
        return value


def _date(line: _Line, fld: str) -> date | None:
    text = line.required(fld)
    if not text:
        return None
    match = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", text)
    try:
        if not match:
            raise ValueError
        return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        line.fail(fld, f"'{text}' is not a date JJ/MM/AAAA")
        return None


def parse_extra_time_percent(text: str) -> Decimal:
    """``'33%'``, ``'33 %'``, ``'33,5'`` or ``''`` → the percentage (33, 33.5, 0).

    Raises:
        ValueError: not a percentage within 0–1000.
    """
    cleaned = text.replace(" ", "").replace("\u00a0", "").removesuffix("%").replace(",", ".")
    if not cleaned:
        return Decimal(0)
    if not re.match(r"^\d+(\.\d+)?$", cleaned):
        raise ValueError(text)
    percent = Decimal(cleaned)
    if percent > MAX_EXTRA_TIME_PCT:
        raise ValueError(text)
    return Decimal(f"{percent.normalize():f}") if percent else Decimal(0)


def _candidate(line: _Line, today: date) -> RosterCandidate | None:
    before = len(line.errors)
    last, first = line.required("last_name"), line.required("first_name")
    birth = _date(line, "birth_date")
    if birth is not None and not date(1900, 1, 1) <= birth <= today:
        line.fail("birth_date", f"birth date {birth:%d/%m/%Y} is not plausible")
    sex = line.required("sex").upper()
    if sex and sex not in ("M", "F"):
        line.fail("sex", f"'{line.get('sex')}' must be M or F")
    country = line.required("country")
    insee, postal, city = line.get("insee"), line.get("postal"), line.get("city")
    if insee and not _INSEE_RE.match(insee):
        line.fail("insee", f"'{insee}' is not an INSEE code")
    if postal and not re.match(r"^\d{5}$", postal):
        line.fail("postal", f"'{postal}' is not a postal code")
    if name_key(country) == "france" and not insee and not (postal and city):
        where = "insee" if "insee" in line.columns else "country"
        line.fail(where, "born in France: give the INSEE code, or the postal code and the city")
    for fld in ("email", "convocation_email"):
        if line.get(fld) and not _EMAIL_RE.match(line.get(fld)):
            line.fail(fld, f"'{line.get(fld)}' is not an e-mail address")
    try:
        extra = parse_extra_time_percent(line.get("extra_time"))
    except (ValueError, InvalidOperation):
        line.fail(
            "extra_time", f"extra time '{line.get('extra_time')}' must be 0–1000 % (e.g. 33%)"
        )
        extra = Decimal(0)
    if len(line.errors) > before or birth is None:
        return None
    return RosterCandidate(
        line.row.line,
        last,
        first,
        sex,
        birth,
        BirthPlace(country, city, postal, insee),
        line.get("email"),
        line.get("convocation_email"),
        line.get("external_id"),
        extra,
    )


def _session(line: _Line) -> RosterSession | None:
    before = len(line.errors)
    site, room = line.required("site"), line.required("room")
    when = _date(line, "date")
    hour = line.required("time")
    if hour and not re.match(r"^([01]?\d|2[0-3]):[0-5]\d$", hour):
        line.fail("time", f"'{hour}' is not a time HH:MM")
    examiner = line.required("examiner")
    if len(line.errors) > before or when is None:
        return None
    return RosterSession(
        line.row.line,
        line.get("session_number"),
        site,
        room,
        when,
        hour.zfill(5),
        examiner,
        line.get("observations"),
    )


def _columns(header: Row, name: str) -> dict[str, int]:
    found = {header_key(c): i for i, c in reversed(list(enumerate(header.cells))) if c.strip()}
    columns: dict[str, int] = {}
    missing = []
    for fld, title, required in COLUMNS:
        if header_key(title) in found:
            columns[fld] = found[header_key(title)]
        elif required:
            missing.append(f"« * {title} »")
    if missing:
        raise InvalidInput(f"{name} line {header.line}: missing column(s) {', '.join(missing)}")
    return columns


def _duplicates(session: RosterSession, name: str, errors: list[str]) -> None:
    by_identity: dict[tuple[str, str, date], int] = {}
    by_external: dict[str, int] = {}
    for cand in session.candidates:
        key = (name_key(cand.last_name), name_key(cand.first_names), cand.birth_date)
        if key in by_identity:
            errors.append(
                f"{name} line {cand.line}: duplicate candidate "
                f"(same name and birth date as line {by_identity[key]})"
            )
        by_identity.setdefault(key, cand.line)
        if cand.external_id:
            if cand.external_id in by_external:
                errors.append(
                    f"{name} line {cand.line}: duplicate external id "
                    f"'{cand.external_id}' (already on line {by_external[cand.external_id]})"
                )
            by_external.setdefault(cand.external_id, cand.line)


def parse_roster_rows(rows: list[Row], name: str, today: date) -> list[RosterSession]:
    """Validate rows (header first) into sessions with their candidates.

    Raises:
        InvalidInput: no usable header. RosterError: every invalid line, each error located.
    """
    body = [r for r in rows if not r.empty]
    if not body:
        raise InvalidInput(f"{name}: the roster is empty")
    columns = _columns(body[0], name)
    errors: list[str] = []
    sessions: list[RosterSession] = []
    for row in body[1:]:
        line = _Line(row, columns, name, errors)
        session_part = tuple(line.get(f) for f in SESSION_FIELDS)
        if any(session_part):
            current = sessions[-1] if sessions else None
            same = current is not None and session_part == (
                current.number,
                current.site,
                current.room,
                f"{current.date:%d/%m/%Y}",
                current.time,
                current.examiner,
                current.observations,
            )
            if not same:
                session = _session(line)
                if session is None:
                    sessions.append(RosterSession(row.line, "", "", "", date.min, "", "", ""))
                    continue
                sessions.append(session)
        if any(line.get(f) for f in CANDIDATE_FIELDS):
            if not sessions:
                errors.append(f"{name} line {row.line}: a candidate line before any session line")
                continue
            cand = _candidate(line, today)
            if cand is not None:
                sessions[-1].candidates.append(cand)
        elif not any(session_part):
            errors.append(f"{name} line {row.line}: no session or candidate data")
    for session in sessions:
        if not session.candidates and session.site:
            errors.append(f"{name} line {session.line}: session without candidates")
        _duplicates(session, name, errors)
    if not sessions and not errors:
        errors.append(f"{name}: no session line")
    if errors:
        raise RosterError(errors)
    return sessions


class RosterError(InvalidInput):
    """Invalid roster lines: the message is the first error; ``errors`` lists them all."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = list(errors)
        more = f" (and {len(errors) - 1} more error(s))" if len(errors) > 1 else ""
        super().__init__(errors[0] + more)


def read_roster(path: Path, today: date | None = None) -> list[RosterSession]:
    """Read and validate a CSV/XLSX/ODS roster.

    Raises:
        InvalidInput: unreadable file or any invalid line (nothing is produced).
    """
    return parse_roster_rows(read_table(path), path.name, today or datetime.now().date())
