"""``authority enrol-centre REQUEST -o CERT``: sign a centre certificate for an enrolment request."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from authority.home import AuthorityHome
from authority.options import add_home_options, home_path, passphrase
from authority.reading import read_artefact
from kiosk.seal.atomic import write_atomic
from kiosk.seal.centre_certificate import (
    DEFAULT_VALIDITY_DAYS,
    issue_centre_certificate,
    read_enrolment_request,
)
from kiosk.seal.timestamps import to_iso, utc_now


def register(subparsers: Any) -> None:
    """Add the ``enrol-centre`` sub-command."""
    parser = subparsers.add_parser(
        "enrol-centre",
        help="issue a centre certificate from an enrolment request",
        description="Verify a centre's enrolment request and sign its certificate.",
    )
    add_home_options(parser)
    parser.add_argument("request", type=Path, metavar="REQUEST", help="enrolment request file")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="CERT",
        help="where to write the centre certificate",
    )
    parser.add_argument(
        "--validity-days",
        type=int,
        default=DEFAULT_VALIDITY_DAYS,
        help=f"validity of the certificate (default {DEFAULT_VALIDITY_DAYS})",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Verify the request, sign the certificate, keep a copy in the home folder."""
    home = AuthorityHome(home_path(args))
    request = read_enrolment_request(read_artefact(args.request))
    keys = home.unlock(passphrase(args))
    now = utc_now()
    cert = issue_centre_certificate(keys, request, now, args.validity_days)
    write_atomic(args.output, cert)
    write_atomic(home.centre_path(request.centre_id), cert)
    print(
        f"centre {request.centre_id} « {request.name} » enrolled (key {request.keys.key_id}), "
        f"valid from {to_iso(now)} for {args.validity_days} days: {args.output}"
    )
    return 0
