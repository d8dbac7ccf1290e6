"""Matching a check-in form to a candidate of the session (DOMAIN §6). Qt-free.

Session number and access code must match the session; the candidate is found by last name, first
name and birth date, names compared after normalising case, accents, spaces and hyphens. The first
name typed may be any one of the candidate's first names, or all of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from kiosk.app.check_in_form import CheckInForm, Refusal

if TYPE_CHECKING:
    from kiosk.seal.session_model import Candidate, SessionDetails

__all__ = [
    "CheckInForm",
    "CheckInResult",
    "Refusal",
    "match_candidate",
    "normalise_name",
    "parse_birth_date",
]

_DATE_RE = re.compile(r"^\s*(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})\s*$")
_COMPACT_DATE_RE = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$")
_SEPARATORS_RE = re.compile(r"[\s\-'’‐]+")


class CheckInResult(NamedTuple):
    """The matched candidate, or why there is none."""

    candidate: Candidate | None
    refusal: Refusal | None


def normalise_name(text: str) -> str:
    """Name as compared: no accents, lower case, spaces/hyphens/apostrophes removed."""
    decomposed = unicodedata.normalize("NFD", text.replace("\u00a0", " "))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS_RE.sub("", stripped.casefold()).replace("œ", "oe").replace("æ", "ae")


def parse_birth_date(text: str) -> date | None:
    """A birth date typed as JJ/MM/AAAA (also with '-', '.' or spaces, or JJMMAAAA), or None."""
    match = _DATE_RE.match(text) or _COMPACT_DATE_RE.match(text)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _first_name_matches(typed: str, first_names: str) -> bool:
    wanted = normalise_name(typed)
    if wanted == normalise_name(first_names):
        return True
    parts = re.split(r"[\s,]+", first_names.strip())
    return any(wanted == normalise_name(part) for part in parts if part)


def match_candidate(
    form: CheckInForm, session: SessionDetails, candidates: Sequence[Candidate]
) -> CheckInResult:
    """Find the candidate a check-in form designates.

    Returns:
        The candidate, or a refusal: a missing field, a malformed date, a wrong session number or
        access code, or nobody matching.
    """
    fields = (
        form.session_number,
        form.access_code,
        form.last_name,
        form.first_name,
        form.birth_date,
    )
    if any(not value.strip() for value in fields):
        return CheckInResult(None, Refusal.MISSING_FIELD)
    born = parse_birth_date(form.birth_date)
    if born is None:
        return CheckInResult(None, Refusal.BAD_DATE)
    number_ok = form.session_number.strip() == session.session_id.strip()
    code_ok = form.access_code.strip().upper() == session.access_code.upper()
    if not (number_ok and code_ok):
        return CheckInResult(None, Refusal.WRONG_SESSION)
    last = normalise_name(form.last_name)
    for candidate in candidates:
        if (
            candidate.birth_date == born.isoformat()
            and normalise_name(candidate.last_name) == last
            and _first_name_matches(form.first_name, candidate.first_names)
        ):
            return CheckInResult(candidate, None)
    return CheckInResult(None, Refusal.NOT_FOUND)
