"""``authority ingest BUNDLE...``: verify, decrypt, check, score and store result bundles."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from authority.home import AuthorityHome
from authority.ingest import ingest_bundle
from authority.options import add_home_options, home_path, passphrase
from authority.reading import read_artefact
from kiosk.seal.timestamps import utc_now

EXIT_SOME_REFUSED = 1


def register(subparsers: Any) -> None:
    """Add the ``ingest`` sub-command."""
    parser = subparsers.add_parser(
        "ingest",
        help="verify, decrypt and score result bundles",
        description="Check each bundle (centre signature, hashes), each attempt (hash chain, "
        "replay, assembly from its seed), validate answers with the scoring keys, apply "
        "finalisation and incidents, score and store. Ingesting a bundle again changes nothing; "
        "another bundle for a session that already has results is refused unless --replace. "
        "Exit 1 when some attempt was refused.",
    )
    add_home_options(parser)
    parser.add_argument(
        "--replace",
        action="store_true",
        help="let a different bundle replace a session's stored results (the jury's "
        "neutralisations on them are dropped; rescore again afterwards)",
    )
    parser.add_argument("bundles", type=Path, nargs="+", metavar="BUNDLE")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Ingest every bundle; print one line per bundle and per refused attempt."""
    home = AuthorityHome(home_path(args))
    data = [(path, read_artefact(path)) for path in args.bundles]
    keys = home.unlock(passphrase(args))
    status = 0
    for path, blob in data:
        report = ingest_bundle(home, blob, keys, utc_now(), replace=args.replace)
        counts: dict[str, int] = {}
        for result in report.scored.values():
            counts[result] = counts.get(result, 0) + 1
        summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "no result"
        tag = "duplicate (already ingested, results unchanged)" if report.duplicate else "ingested"
        print(
            f"{path}: session {report.session_id} {tag}: {summary}; "
            f"{len(report.absent)} absent, {len(report.refused)} refused"
        )
        for cid, reason in report.refused.items():
            print(f"  refused {cid}: {reason}")
            status = EXIT_SOME_REFUSED
    return status
