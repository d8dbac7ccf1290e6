"""``authority score FILE.json``: re-check or re-score one attempt (jury work).

Reads a ``certkiosk/score-input@1`` document (``-`` reads standard input), prints the result as JSON
on standard output and exits 0. Malformed input is one line on standard error and exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from authority.score_input import decode_json, parse_score_input
from kiosk.core.errors import InvalidInput


def register(subparsers: Any) -> None:
    """Add the ``score`` sub-command."""
    parser = subparsers.add_parser(
        "score",
        help="score one attempt from a certkiosk/score-input@1 file",
        description="Validate the answers of one attempt and score it by the v2 rules; "
        "prints the result as JSON.",
    )
    parser.add_argument("file", metavar="FILE.json", help="score input file, or - for stdin")
    parser.set_defaults(func=run)


def _read(name: str) -> str:
    if name == "-":
        try:
            return sys.stdin.buffer.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidInput("standard input is not UTF-8 text") from None
    path = Path(name)
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{name}: not UTF-8 text") from None
    except IsADirectoryError:
        raise InvalidInput(f"{name}: is a folder, not a file") from None
    except FileNotFoundError:
        raise InvalidInput(f"{name}: no such file") from None
    except OSError as exc:
        raise InvalidInput(f"{name}: cannot read ({exc.strerror or exc})") from None


def run(args: argparse.Namespace) -> int:
    """Score the file and print the result.

    Raises:
        InvalidInput: unreadable file, bad JSON or malformed score input (the CLI shows one line).
    """
    source = "standard input" if args.file == "-" else args.file
    document = decode_json(_read(args.file), source)
    try:
        result = parse_score_input(document).score()
    except InvalidInput as exc:
        raise InvalidInput(f"{source}: {exc.message}") from None
    sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    return 0
