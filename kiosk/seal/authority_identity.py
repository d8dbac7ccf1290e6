"""The authority's public keys as distributed to centres (``authority-public.json``)."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.errors import InvalidInput
from kiosk.seal.canonical import b64decode, b64encode, canonical_bytes, parse_json
from kiosk.seal.keys import KEY_SIZE, PublicIdentity
from kiosk.seal.record import Record

IDENTITY_FORMAT = "certkiosk/authority-public"
IDENTITY_VERSION = 1


def identity_bytes(identity: PublicIdentity, name: str) -> bytes:
    """JSON file content for the authority's public keys."""
    return (
        canonical_bytes(
            {
                "format": IDENTITY_FORMAT,
                "version": IDENTITY_VERSION,
                "name": name,
                "key_id": identity.key_id,
                "signing": b64encode(identity.signing),
                "encryption": b64encode(identity.encryption),
            }
        )
        + b"\n"
    )


def parse_identity(data: bytes, where: str) -> PublicIdentity:
    """Read an authority public-key file.

    Raises:
        InvalidInput: malformed file, unknown version, key id mismatch.
    """
    rec = Record(parse_json(data.rstrip(b"\n")[:65536], where), where)
    if rec.data.get("format") != IDENTITY_FORMAT:
        raise InvalidInput(f"{where}: not an authority public-key file")
    if rec.data.get("version") != IDENTITY_VERSION:
        raise InvalidInput(f"{where}: unsupported version {rec.data.get('version')!r}")
    identity = PublicIdentity(
        signing=b64decode(rec.text("signing"), "signing key", KEY_SIZE),
        encryption=b64decode(rec.text("encryption"), "encryption key", KEY_SIZE),
    )
    if identity.key_id != rec.text("key_id"):
        raise InvalidInput(f"{where}: key id does not match the signing key")
    return identity


def load_identity(path: Path) -> PublicIdentity:
    """Read ``path`` with ``parse_identity``.

    Raises:
        InvalidInput: missing or malformed.
    """
    try:
        return parse_identity(path.read_bytes(), str(path))
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}") from None
