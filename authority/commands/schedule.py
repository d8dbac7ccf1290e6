"""``authority schedule``: turn a roster and positioning profiles into a signed session package."""

from __future__ import annotations

import argparse
import getpass
import secrets
import sys
from pathlib import Path
from typing import Any

from authority.home import AuthorityHome
from authority.options import add_home_options, home_path, passphrase, read_secret_file
from authority.profiles_file import match_profiles, read_profiles
from authority.reading import read_artefact
from authority.roster import RosterError, RosterSession, read_roster
from kiosk.core.errors import InvalidInput, UserError
from kiosk.core.framework import DEFAULT_MAX_REACHABLE_LEVEL, MAX_LEVEL
from kiosk.seal.atomic import write_atomic
from kiosk.seal.canonical import canonical_bytes
from kiosk.seal.centre_certificate import read_centre_certificate
from kiosk.seal.content_pack import verify_content_pack
from kiosk.seal.passwords import hash_password
from kiosk.seal.session_model import Candidate, SessionDetails, new_access_code
from kiosk.seal.session_package import build_session_package
from kiosk.seal.timestamps import utc_now
from kiosk.seal.trust import Trust

DEFAULT_DURATION = 120


def register(subparsers: Any) -> None:
    """Add the ``schedule`` sub-command."""
    parser = subparsers.add_parser(
        "schedule",
        help="build a session package from a roster (CSV/XLSX/ODS) and profiles",
        description="Validate the roster line by line, match positioning profiles, and write a "
        "session package signed by the authority and sealed to the centre.",
    )
    add_home_options(parser)
    parser.add_argument(
        "--centre", type=Path, required=True, metavar="CERT", help="the centre's certificate"
    )
    parser.add_argument(
        "--pack",
        type=Path,
        required=True,
        metavar="PACK",
        help="the content pack (built with this home)",
    )
    parser.add_argument(
        "--roster",
        type=Path,
        required=True,
        metavar="FILE",
        help="roster: mass-import template as .csv, .xlsx or .ods",
    )
    parser.add_argument(
        "--profiles",
        type=Path,
        required=True,
        metavar="FILE",
        help="positioning profiles (certkiosk/profiles JSON)",
    )
    parser.add_argument(
        "--duration",
        type=int,
        default=DEFAULT_DURATION,
        metavar="MINUTES",
        help=f"test duration before extra time (default {DEFAULT_DURATION})",
    )
    parser.add_argument(
        "--max-level",
        type=int,
        default=DEFAULT_MAX_REACHABLE_LEVEL,
        help=f"maximum reachable level (default {DEFAULT_MAX_REACHABLE_LEVEL})",
    )
    parser.add_argument(
        "--invigilator-password-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="invigilator password (first line); prompted when absent",
    )
    parser.add_argument("--address", default="", help="the session's address (default: site)")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="SESSION_PACKAGE",
        help="session package to write",
    )
    parser.set_defaults(func=run)


def _password(args: argparse.Namespace) -> str:
    if args.invigilator_password_file is not None:
        return read_secret_file(args.invigilator_password_file, "invigilator password")
    first = getpass.getpass("Mot de passe surveillant (invigilator password): ")
    if getpass.getpass("Confirmez (confirm): ") != first:
        raise UserError("the two invigilator passwords differ")
    return first


def _session_id(home: AuthorityHome, session: RosterSession) -> str:
    if session.number:
        if not session.number.isdigit() or len(session.number) > 12:
            raise InvalidInput(f"roster line {session.line}: session number must be digits")
        if home.session_path(session.number).exists():
            raise UserError(f"session {session.number} has already been scheduled")
        return session.number
    while True:
        candidate = f"{secrets.randbelow(90_000_000) + 10_000_000}"
        if not home.session_path(candidate).exists():
            return candidate


def _checked_options(args: argparse.Namespace) -> None:
    if not 1 <= args.duration <= 600:
        raise InvalidInput("--duration must be between 1 and 600 minutes")
    if not 1 <= args.max_level <= MAX_LEVEL:
        raise InvalidInput(f"--max-level must be between 1 and {MAX_LEVEL}")


def run(args: argparse.Namespace) -> int:
    """Validate everything first; write the package only when nothing is wrong."""
    _checked_options(args)
    home = AuthorityHome(home_path(args))
    now = utc_now()
    trust = Trust(home.public(), now)
    centre = read_centre_certificate(read_artefact(args.centre), trust.authority, now)
    pack_data = read_artefact(args.pack)
    pack = verify_content_pack(pack_data, trust)
    try:
        sessions = read_roster(args.roster)
        if len(sessions) != 1:
            raise InvalidInput(
                f"{args.roster.name}: {len(sessions)} sessions found; "
                "schedule one session per roster file"
            )
        session = sessions[0]
        entries = match_profiles(session.candidates, read_profiles(args.profiles), args.roster.name)
    except RosterError as exc:
        for error in exc.errors[1:]:
            sys.stderr.write(f"authority: {error}\n")
        raise
    keys = home.unlock(passphrase(args))
    password_hash = hash_password(_password(args))
    session_id = _session_id(home, session)
    details = SessionDetails(
        session_id=session_id,
        centre_id=centre.centre_id,
        centre_name=centre.name,
        address=args.address or session.site,
        room=session.room,
        examiner=session.examiner,
        date=session.date.isoformat(),
        time=session.time,
        duration_minutes=args.duration,
        access_code=new_access_code(),
        max_level=args.max_level,
        observations=session.observations,
    )
    candidates = [
        Candidate(
            candidate_id=f"c{i:03d}",
            last_name=c.last_name,
            first_names=c.first_names,
            sex=c.sex,
            birth_date=c.birth_date.isoformat(),
            birth_place=c.birth_place,
            email=c.email,
            convocation_email=c.convocation_email,
            external_id=c.external_id,
            extra_time_pct=c.extra_time_pct,
            accessibility_needs=e.accessibility_needs,
            profile=e.profile,
        )
        for i, (c, e) in enumerate(zip(session.candidates, entries, strict=True), start=1)
    ]
    data = build_session_package(
        details,
        candidates,
        pack.pack_id,
        pack.sha256,
        home.pack_key(pack.pack_id, keys),
        centre,
        password_hash,
        keys,
        now,
    )
    record = {
        "session": details.to_dict(),
        "candidates": [c.to_dict() for c in candidates],
        "pack_id": pack.pack_id,
        "pack_sha256": pack.sha256,
    }
    write_atomic(home.session_path(session_id), canonical_bytes(record), private=True)
    write_atomic(args.output, data)
    print(
        f"session {session_id} for centre {centre.centre_id}: {len(candidates)} candidate(s), "
        f"{details.date} {details.time}, access code {details.access_code}: {args.output}"
    )
    return 0
