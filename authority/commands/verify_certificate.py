"""``authority verify-certificate PDF_OR_PAYLOAD``: offline check of a certificate's signed statement."""

from __future__ import annotations

import argparse
import sys
from io import BytesIO
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from authority.home import AuthorityHome
from authority.options import add_home_options, home_path
from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.core.framework import default_framework
from kiosk.seal.authority_identity import load_identity
from kiosk.seal.certificate_payload import PAYLOAD_MAGIC, decode_certificate_payload
from kiosk.seal.keys import PublicIdentity

MAX_PDF = 20 * 1024 * 1024


def register(subparsers: Any) -> None:
    """Add the ``verify-certificate`` sub-command."""
    parser = subparsers.add_parser(
        "verify-certificate",
        help="check a certificate PDF, a payload file or a payload text offline",
        description="Exit 0 when the certificate's signed statement is valid, 1 when it is not.",
    )
    add_home_options(parser)
    parser.add_argument(
        "certificate",
        metavar="PDF_OR_PAYLOAD",
        help="certificate PDF, file holding the QR text, or the text itself",
    )
    parser.add_argument(
        "--authority-public",
        type=Path,
        metavar="FILE",
        help="authority-public.json (instead of --home)",
    )
    parser.set_defaults(func=run)


def payload_from(argument: str) -> str:
    """The payload text carried by a PDF (its metadata), a text file, or the argument itself.

    Raises:
        InvalidInput: unreadable file, or no certificate statement found.
    """
    if argument.startswith(PAYLOAD_MAGIC):
        return argument.strip()
    path = Path(argument)
    try:
        data = path.read_bytes()[: MAX_PDF + 1]
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > MAX_PDF:
        raise InvalidInput(f"{path}: too large for a certificate")
    if data.startswith(b"%PDF"):
        try:
            metadata = PdfReader(BytesIO(data)).metadata
            subject = metadata.get("/Subject") if metadata is not None else None
        except (PdfReadError, ValueError, KeyError) as exc:
            raise InvalidInput(f"{path}: unreadable PDF ({exc})") from None
        if not isinstance(subject, str) or not subject.startswith(PAYLOAD_MAGIC):
            raise InvalidInput(f"{path}: this PDF carries no certkiosk certificate statement")
        return subject.strip()
    try:
        return data.decode("ascii").strip()
    except UnicodeDecodeError:
        raise InvalidInput(f"{path}: not a certificate PDF nor a payload text") from None


def _authority(args: argparse.Namespace) -> PublicIdentity:
    if args.authority_public:
        return load_identity(args.authority_public)
    return AuthorityHome(home_path(args)).public()


def run(args: argparse.Namespace) -> int:
    """Verify and print the statement; exit 1 when the signature or content is wrong."""
    authority = _authority(args)
    text = payload_from(args.certificate)
    try:
        statement = decode_certificate_payload(text, authority)
    except IntegrityError as exc:
        sys.stdout.write(f"INVALID: {exc.message}\n")
        return 1
    fw = default_framework()
    levels = ", ".join(
        f"{c.id}: {lv}" for c, lv in zip(fw.competences, statement.levels, strict=True) if lv > 0
    )
    sys.stdout.write(
        f"VALID certificate {statement.verification_code} — {statement.last_name.upper()} {statement.first_names}, "
        f"born {statement.birth_date.isoformat()}; delivered {statement.delivered_on.isoformat()} by centre "
        f"{statement.centre_id}; valid until {statement.valid_until.isoformat()}; {statement.total_pix} pix "
        f"(max level {statement.max_level}); levels {levels or 'none'}\n"
    )
    return 0
