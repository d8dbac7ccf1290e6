"""``authority verify FILE``: check any signed artefact; exit 0 only when it is valid."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from authority.describe import describe_artefact
from authority.home import AuthorityHome
from authority.options import add_home_options, home_path
from authority.reading import read_artefact
from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.seal.timestamps import utc_now

EXIT_INVALID = 1


def register(subparsers: Any) -> None:
    """Add the ``verify`` sub-command."""
    parser = subparsers.add_parser(
        "verify",
        help="verify a pack, session package, bundle, certificate or payload",
        description="Check signature, hashes and signer of a certkiosk artefact and say what it "
        "is. Exit 0 when valid, 1 when invalid, 2 when it cannot be read.",
    )
    add_home_options(parser)
    parser.add_argument("file", type=Path, metavar="FILE", help="the artefact to check")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print ``valid: ...`` and return 0, or ``INVALID: ...`` and return 1."""
    authority = AuthorityHome(home_path(args)).public()
    data = read_artefact(args.file)
    try:
        line = describe_artefact(data, authority, utc_now())
    except (IntegrityError, InvalidInput) as exc:
        print(f"INVALID: {args.file}: {exc.message}")
        return EXIT_INVALID
    print(f"valid: {line}")
    return 0
