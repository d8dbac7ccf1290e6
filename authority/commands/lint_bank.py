"""``authority lint-bank DIR [--json] [--coverage-md FILE]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from authority.banklint import coverage_markdown, lint_bank


def register(subparsers: Any) -> None:
    """Add the ``lint-bank`` sub-command."""
    parser = subparsers.add_parser("lint-bank", help="check an item bank folder")
    parser.add_argument("bank", type=Path, metavar="DIR", help="item bank folder (YAML files)")
    parser.add_argument("--json", action="store_true", help="print a JSON report")
    parser.add_argument("--no-balance", action="store_true", help="skip the coverage requirements")
    parser.add_argument("--coverage-md", type=Path, metavar="FILE", help="write the coverage table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Lint the bank; exit 0 only when it has no error."""
    report = lint_bank(args.bank, balance=not args.no_balance)
    if args.coverage_md:
        args.coverage_md.write_text(coverage_markdown(report), encoding="utf-8")
    if args.json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        for error in report.errors:
            sys.stdout.write(error.message + "\n")
        doc = report.to_json()
        sys.stdout.write(
            f"{doc['items']} items, {len(report.errors)} errors; by type {doc['by_type']}; "
            f"{doc['with_attachment']} with attachment, {doc['timed']} timed, {doc['focus']} focus\n"
        )
    return 0 if report.ok else 1
