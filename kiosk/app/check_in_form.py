"""What the check-in screen sends and what it may be told: the form and the refusals. Qt-free.

Kept apart from the matching itself (``kiosk.app.check_in``) so the check-in screen, painted before
the rest of the kiosk loads, needs only these two small types.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Refusal(StrEnum):
    """Why a check-in was refused (the screen turns it into a sentence)."""

    MISSING_FIELD = "missing_field"
    BAD_DATE = "bad_date"
    WRONG_SESSION = "wrong_session"
    NOT_FOUND = "not_found"
    ALREADY_TAKEN = "already_taken"


class CheckInForm(NamedTuple):
    """What the candidate typed (a named tuple: the check-in screen loads before the first paint)."""

    session_number: str
    access_code: str
    last_name: str
    first_name: str
    birth_date: str
