"""UTC timestamps as they appear in signed artefacts: ``YYYY-MM-DDTHH:MM:SSZ``."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.core.errors import InvalidInput

_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def utc_now() -> datetime:
    """The current time, UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def to_iso(moment: datetime) -> str:
    """Format an aware datetime as a UTC timestamp string."""
    return moment.astimezone(UTC).strftime(_FORMAT)


def parse_iso(text: object, what: str) -> datetime:
    """Parse a timestamp written by ``to_iso``.

    Raises:
        InvalidInput: not a string in that exact form.
    """
    if not isinstance(text, str):
        raise InvalidInput(f"{what} is not a timestamp")
    try:
        return datetime.strptime(text, _FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise InvalidInput(f"{what} '{text[:40]}' is not a UTC timestamp") from None
