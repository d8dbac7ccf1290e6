"""Options every key-using ``authority`` command shares: ``--home`` and ``--passphrase-file``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kiosk.core.errors import InvalidInput, UserError
from kiosk.terminal import ask_secret

HOME_ENV = "CERTKIOSK_AUTHORITY_HOME"


def add_home_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--home DIR`` and ``--passphrase-file FILE`` to a sub-command."""
    parser.add_argument(
        "--home",
        type=Path,
        default=None,
        help=f"authority home folder (keystore, centres, packs, results); default ${HOME_ENV} "
        "or ~/.certkiosk-authority",
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=None,
        help="read the keystore passphrase from this file (first line) instead of prompting",
    )


def home_path(args: argparse.Namespace) -> Path:
    """The home folder chosen by ``--home``, the environment or the default."""
    if args.home is not None:
        return Path(args.home)
    env = os.environ.get(HOME_ENV)
    return Path(env) if env else Path.home() / ".certkiosk-authority"


def read_secret_file(path: Path, what: str) -> str:
    """The first line of a secret file (without its newline).

    Raises:
        InvalidInput: unreadable, not UTF-8 or empty.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InvalidInput(f"{what} file {path} does not exist") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{what} file {path} is not UTF-8 text") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {what} file {path}: {exc.strerror}") from None
    lines = text.splitlines()
    secret = lines[0] if lines else ""
    if not secret:
        raise InvalidInput(f"{what} file {path} is empty")
    return secret


def passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """The keystore passphrase: from ``--passphrase-file``, else prompted (twice if ``confirm``).

    Raises:
        InvalidInput: empty file or entry. UserError: the two entries differ.
    """
    if args.passphrase_file is not None:
        return read_secret_file(Path(args.passphrase_file), "passphrase")
    first = ask_secret("Phrase secrète du trousseau (keystore passphrase): ", "passphrase")
    if confirm and ask_secret("Confirmez (confirm): ", "passphrase") != first:
        raise UserError("the two passphrases differ")
    return first
