"""``authority init``: create the authority's root keys in its home folder."""

from __future__ import annotations

import argparse
from typing import Any

from authority.home import AuthorityHome
from authority.options import add_home_options, home_path, passphrase


def register(subparsers: Any) -> None:
    """Add the ``init`` sub-command."""
    parser = subparsers.add_parser(
        "init",
        help="create the root keys (Ed25519 + X25519) in an encrypted keystore",
        description="Create the certification authority's root keys, encrypted under a passphrase.",
    )
    add_home_options(parser)
    parser.add_argument("--name", default="certkiosk authority", help="the authority's name")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Create the keystore and the public-key file; print the key id."""
    home = AuthorityHome(home_path(args))
    keys = home.initialise(args.name, passphrase(args, confirm=True))
    print(f"authority keys created in {home.root} (key id {keys.public.key_id})")
    print(f"public keys for centres: {home.public_path}")
    return 0
