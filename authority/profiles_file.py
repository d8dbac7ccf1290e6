"""Positioning profiles file (``certkiosk/profiles`` v1, JSON) and matching to roster lines.

A profile is matched by external id when the roster line has one, else by normalised last name,
first names and birth date. See docs/formats/profiles.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from authority.roster import RosterCandidate, RosterError, name_key
from kiosk.core.errors import InvalidInput
from kiosk.core.profile import MIN_CERTIFIABLE_COMPETENCES, PositioningProfile
from kiosk.seal.canonical import parse_json
from kiosk.seal.record import Record

PROFILES_FORMAT = "certkiosk/profiles"
PROFILES_VERSION = 1
MAX_PROFILES_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ProfileEntry:
    """One candidate's profile as read from the file."""

    index: int
    external_id: str
    last_name: str
    first_names: str
    birth_date: date
    accessibility_needs: bool
    profile: PositioningProfile


def _entry(raw: object, index: int, name: str) -> ProfileEntry:
    what = f"{name}: profiles[{index}]"
    rec = Record(raw, what)
    try:
        birth = date.fromisoformat(rec.text("birth_date"))
    except ValueError:
        raise InvalidInput(f"{what}: birth_date must be YYYY-MM-DD") from None
    try:
        profile = PositioningProfile.from_dict({"competences": rec.array("competences")})
        profile.certifiable_competences()  # checks competence ids against the framework
    except InvalidInput as exc:
        raise InvalidInput(f"{what}: {exc.message}") from None
    return ProfileEntry(
        index,
        rec.opt_text("external_id"),
        rec.text("last_name"),
        rec.text("first_names"),
        birth,
        rec.flag("accessibility_needs"),
        profile,
    )


def read_profiles(path: Path) -> list[ProfileEntry]:
    """Parse a profiles file.

    Raises:
        InvalidInput: unreadable, wrong format/version, malformed profile (with its index).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"cannot read profiles {path}: {exc.strerror}") from None
    if len(data) > MAX_PROFILES_BYTES:
        raise InvalidInput(f"{path.name}: profiles file too large")
    doc = Record(parse_json(data.removeprefix(b"\xef\xbb\xbf"), path.name), path.name)
    if doc.data.get("format") != PROFILES_FORMAT:
        raise InvalidInput(f"{path.name}: not a profiles file (format {PROFILES_FORMAT})")
    if doc.data.get("version") != PROFILES_VERSION:
        raise InvalidInput(f"{path.name}: unsupported profiles version {doc.data.get('version')!r}")
    entries = [_entry(raw, i, path.name) for i, raw in enumerate(doc.array("profiles"))]
    seen: dict[str, int] = {}
    for entry in entries:
        if entry.external_id and entry.external_id in seen:
            raise InvalidInput(
                f"{path.name}: profiles[{entry.index}] repeats external id "
                f"'{entry.external_id}' of profiles[{seen[entry.external_id]}]"
            )
        seen.setdefault(entry.external_id, entry.index)
    return entries


def _identity(last: str, first: str, birth: date) -> tuple[str, str, date]:
    return (name_key(last), name_key(first), birth)


def match_profiles(
    candidates: list[RosterCandidate], entries: list[ProfileEntry], roster_name: str
) -> list[ProfileEntry]:
    """The profile of each candidate, in order; every candidate must be matched and certifiable.

    Raises:
        RosterError: candidates without a profile, mismatching or not certifiable (all listed).
    """
    by_external = {e.external_id: e for e in entries if e.external_id}
    by_identity: dict[tuple[str, str, date], ProfileEntry] = {}
    for e in entries:
        by_identity.setdefault(_identity(e.last_name, e.first_names, e.birth_date), e)
    errors: list[str] = []
    matched: list[ProfileEntry] = []
    for cand in candidates:
        who = f"{roster_name} line {cand.line}: {cand.last_name} {cand.first_names}"
        ident = _identity(cand.last_name, cand.first_names, cand.birth_date)
        entry = by_external.get(cand.external_id) if cand.external_id else None
        if (
            entry is not None
            and _identity(entry.last_name, entry.first_names, entry.birth_date) != ident
        ):
            errors.append(
                f"{who}: the profile with external id '{cand.external_id}' is for "
                f"{entry.last_name} {entry.first_names} born {entry.birth_date}"
            )
            continue
        entry = entry or by_identity.get(ident)
        if entry is None:
            errors.append(f"{who}: no positioning profile (by external id or name and birth date)")
            continue
        count = len(entry.profile.certifiable_competences())
        if count < MIN_CERTIFIABLE_COMPETENCES:
            errors.append(
                f"{who}: not certifiable (level 1 or more in {count} competence(s), "
                f"{MIN_CERTIFIABLE_COMPETENCES} needed)"
            )
            continue
        matched.append(entry)
    if errors:
        raise RosterError(errors)
    return matched
