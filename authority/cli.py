"""The ``authority`` command line: dispatches to ``authority.commands.*``.

Every error a person can fix is one line on stderr and exit status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from authority.commands import COMMAND_MODULES
from kiosk.core.errors import Bug, KioskError

EXIT_OK = 0
EXIT_FAILURE = 1  # e.g. "verify" found the artefact invalid
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The full ``authority`` parser with every registered sub-command."""
    parser = _Parser(prog="authority", description="certkiosk — certification body tools")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``authority`` command; returns the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.func(args)
    except Bug as exc:
        sys.stderr.write(f"authority: internal error (please report): {exc.message}\n")
        return EXIT_USAGE
    except KioskError as exc:
        sys.stderr.write(f"authority: {exc.message}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("authority: interrupted\n")
        return 130
    return status
