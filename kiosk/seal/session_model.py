"""What a session package says: the session (DOMAIN §6), its candidates and their profiles."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from kiosk.core.errors import InvalidInput
from kiosk.core.profile import PositioningProfile
from kiosk.seal.record import Record

ACCESS_LETTERS = "BCDFGHJKMPQRTVWXY"
ACCESS_DIGITS = "2346789"
ACCESS_CODE_RE = re.compile(f"^[{ACCESS_LETTERS}]{{4}}[{ACCESS_DIGITS}]{{2}}$")
MAX_EXTRA_TIME_PCT = Decimal(1000)


def new_access_code() -> str:
    """A random access code: 4 letters from the safe alphabet, then 2 digits."""
    letters = "".join(secrets.choice(ACCESS_LETTERS) for _ in range(4))
    return letters + "".join(secrets.choice(ACCESS_DIGITS) for _ in range(2))


def parse_extra_time_pct(text: str, what: str) -> Decimal:
    """An extra-time percentage from its decimal string (``"33"`` = 33 %), within 0..1000.

    Raises:
        InvalidInput: not a plain decimal, or outside 0–1000 %.
    """
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InvalidInput(f"{what}: extra time '{text[:20]}' is not a decimal") from None
    if not value.is_finite() or not Decimal(0) <= value <= MAX_EXTRA_TIME_PCT:
        raise InvalidInput(f"{what}: extra time {text[:20]} outside 0–1000 %")
    return value


@dataclass(frozen=True, slots=True)
class BirthPlace:
    """Birth country, city and codes (France: INSEE or postal code)."""

    country: str
    city: str = ""
    postal_code: str = ""
    insee_code: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One candidate of a session, with identity, accommodations and positioning profile."""

    candidate_id: str
    last_name: str
    first_names: str
    sex: str
    birth_date: str  # ISO YYYY-MM-DD
    birth_place: BirthPlace
    email: str
    convocation_email: str
    external_id: str
    extra_time_pct: Decimal  # percentage: 33 = 33 % (0–1000)
    accessibility_needs: bool
    profile: PositioningProfile

    def to_dict(self) -> dict[str, Any]:
        """JSON form (extra time as a decimal string)."""
        place = self.birth_place
        return {
            "candidate_id": self.candidate_id,
            "last_name": self.last_name,
            "first_names": self.first_names,
            "sex": self.sex,
            "birth_date": self.birth_date,
            "birth_place": {
                "country": place.country,
                "city": place.city,
                "postal_code": place.postal_code,
                "insee_code": place.insee_code,
            },
            "email": self.email,
            "convocation_email": self.convocation_email,
            "external_id": self.external_id,
            "extra_time_pct": str(self.extra_time_pct),
            "accessibility_needs": self.accessibility_needs,
            "profile": self.profile.to_dict(),
        }

    @staticmethod
    def from_dict(data: object, what: str) -> Candidate:
        """Inverse of ``to_dict``. Raises InvalidInput."""
        rec = Record(data, what)
        place = rec.record("birth_place")
        return Candidate(
            candidate_id=rec.text("candidate_id"),
            last_name=rec.text("last_name"),
            first_names=rec.text("first_names"),
            sex=rec.text("sex"),
            birth_date=rec.text("birth_date"),
            birth_place=BirthPlace(
                place.text("country"),
                place.opt_text("city"),
                place.opt_text("postal_code"),
                place.opt_text("insee_code"),
            ),
            email=rec.opt_text("email"),
            convocation_email=rec.opt_text("convocation_email"),
            external_id=rec.opt_text("external_id"),
            extra_time_pct=parse_extra_time_pct(rec.text("extra_time_pct"), what),
            accessibility_needs=rec.flag("accessibility_needs"),
            profile=PositioningProfile.from_dict(rec.record("profile").data),
        )


@dataclass(frozen=True, slots=True)
class SessionDetails:
    """The session itself (DOMAIN §6); the password hash and secrets travel beside it."""

    session_id: str
    centre_id: str
    centre_name: str
    address: str
    room: str
    examiner: str
    date: str  # ISO YYYY-MM-DD
    time: str  # HH:MM local
    duration_minutes: int
    access_code: str
    max_level: int
    observations: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "session_id": self.session_id,
            "centre_id": self.centre_id,
            "centre_name": self.centre_name,
            "address": self.address,
            "room": self.room,
            "examiner": self.examiner,
            "date": self.date,
            "time": self.time,
            "duration_minutes": self.duration_minutes,
            "access_code": self.access_code,
            "max_level": self.max_level,
            "observations": self.observations,
        }

    @staticmethod
    def from_dict(data: object, what: str) -> SessionDetails:
        """Inverse of ``to_dict``. Raises InvalidInput."""
        rec = Record(data, what)
        details = SessionDetails(
            rec.text("session_id"),
            rec.text("centre_id"),
            rec.text("centre_name"),
            rec.text("address"),
            rec.text("room"),
            rec.text("examiner"),
            rec.text("date"),
            rec.text("time"),
            rec.integer("duration_minutes", 1, 24 * 60),
            rec.text("access_code"),
            rec.integer("max_level", 1, 8),
            rec.opt_text("observations"),
        )
        if not ACCESS_CODE_RE.match(details.access_code):
            raise InvalidInput(f"{what}: malformed access code")
        return details
