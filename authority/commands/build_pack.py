"""``authority build-pack ITEMBANK_DIR -o PACK``: encrypt and sign a content pack."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from authority.home import AuthorityHome
from authority.options import add_home_options, home_path, passphrase
from kiosk.core.itembank import load_bank
from kiosk.seal.atomic import write_atomic
from kiosk.seal.content_pack import build_content_pack
from kiosk.seal.timestamps import utc_now


def register(subparsers: Any) -> None:
    """Add the ``build-pack`` sub-command."""
    parser = subparsers.add_parser(
        "build-pack",
        help="build a signed, encrypted content pack from an item bank",
        description="Load the item bank, encrypt items and media under a fresh pack key, sign the "
        "pack, and write the answer keys to a separate scoring-keys file.",
    )
    add_home_options(parser)
    parser.add_argument("bank", type=Path, metavar="ITEMBANK_DIR", help="item bank folder")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="PACK", help="content pack to write"
    )
    parser.add_argument(
        "--keys-out",
        type=Path,
        default=None,
        metavar="FILE",
        help="scoring-keys file (default: PACK.scoring-keys.json)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build the pack; keep its key and scoring keys in the home folder."""
    home = AuthorityHome(home_path(args))
    bank = load_bank(args.bank)
    keys = home.unlock(passphrase(args))
    built = build_content_pack(bank.items, bank.keys, bank.root, keys, utc_now())
    keys_out = args.keys_out or args.output.with_name(args.output.name + ".scoring-keys.json")
    home.save_pack(built.pack_id, built.data, built.pack_key, built.scoring_keys, keys)
    write_atomic(args.output, built.data)
    write_atomic(keys_out, built.scoring_keys, private=True)
    print(f"pack {built.pack_id}: {len(bank.items)} items, {len(built.data)} bytes: {args.output}")
    print(f"scoring keys (keep at the authority, never send to centres): {keys_out}")
    return 0
