"""``authority issue --session ID -o DIR``: certificate PDFs and the results CSV of a session."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from authority.home import AuthorityHome
from authority.issuance import issue_session
from authority.options import add_home_options, home_path, passphrase


def register(subparsers: Any) -> None:
    """Add the ``issue`` sub-command."""
    parser = subparsers.add_parser(
        "issue", help="issue certificates (PDF) and the results CSV of a session"
    )
    add_home_options(parser)
    parser.add_argument("--session", required=True, help="session id (already ingested)")
    parser.add_argument(
        "-o", "--output", required=True, type=Path, metavar="DIR", help="output folder"
    )
    parser.add_argument("--lang", choices=("fr", "en"), default="fr", help="certificate language")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Issue and print one line per certificate, then the CSV path."""
    home = AuthorityHome(home_path(args))
    keys = home.unlock(passphrase(args))
    report = issue_session(home, args.session, keys, args.output, date.today(), args.lang)
    for cert in report.certificates:
        print(f"{cert.candidate_id}: {cert.code} → {cert.path}")
    print(
        f"{len(report.certificates)} certificate(s), {report.not_certified} not certified; results: {report.csv_path}"
    )
    return 0
