"""``authority rescore``: a jury neutralises or de-neutralises items, and results are re-scored."""

from __future__ import annotations

import argparse
from typing import Any

from authority.home import AuthorityHome
from authority.ingest import rescore
from authority.options import add_home_options, home_path
from kiosk.core.errors import InvalidInput


def register(subparsers: Any) -> None:
    """Add the ``rescore`` sub-command."""
    parser = subparsers.add_parser(
        "rescore",
        help="apply a jury decision (neutralise items) and re-score",
        description="Neutralise (or de-neutralise) items for one candidate or every candidate of "
        "a session that was served them, then re-score from the stored inputs.",
    )
    add_home_options(parser)
    parser.add_argument("--session", required=True, help="session id")
    parser.add_argument(
        "--candidate",
        action="append",
        default=None,
        help="candidate id (repeatable; default: every scored candidate)",
    )
    parser.add_argument("--neutralize", nargs="+", default=[], metavar="ITEM")
    parser.add_argument("--deneutralize", nargs="+", default=[], metavar="ITEM")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Re-score and print each candidate's status before → after."""
    if not args.neutralize and not args.deneutralize:
        raise InvalidInput("give --neutralize ITEM... or --deneutralize ITEM...")
    home = AuthorityHome(home_path(args))
    home.public()  # the home must be initialised
    changes = rescore(home, args.session, args.candidate, args.neutralize, args.deneutralize)
    for cid, (before, after) in sorted(changes.items()):
        print(f"{cid}: {before} → {after}")
    return 0
