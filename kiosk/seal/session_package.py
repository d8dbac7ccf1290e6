"""Session package: a scheduled session for one centre, signed by the authority.

Entries: ``session.json`` (public: session id, centre, date, pack id and hash, candidate count)
and ``sealed.bin``: sealed to the centre's X25519 key (see ``aead.seal_to``, label
``session-package/<session id>``), the canonical JSON of the session details, the candidates,
the pack key, the session secret for challenge/response codes and the invigilator password's
argon2id hash. See docs/formats/session-package.md.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.seal.aead import SYMMETRIC_KEY_SIZE, open_sealed, seal_to
from kiosk.seal.canonical import b64decode, b64encode, canonical_bytes, parse_json
from kiosk.seal.centre_certificate import CentreCertificate
from kiosk.seal.container import Container, Kind, write_container
from kiosk.seal.keys import KeyPair
from kiosk.seal.passwords import check_password_hash
from kiosk.seal.record import Record
from kiosk.seal.session_model import Candidate, SessionDetails
from kiosk.seal.timestamps import parse_iso, to_iso
from kiosk.seal.trust import SignerInfo, Trust

SESSION_SECRET_SIZE = 32


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """The verified public description of a session package."""

    session_id: str
    centre_id: str
    date: str
    pack_id: str
    pack_sha256: str
    candidate_count: int
    created_at: datetime
    signer: SignerInfo


@dataclass(frozen=True, slots=True)
class SessionPackage:
    """A verified, decrypted session package as the centre sees it."""

    info: SessionInfo
    details: SessionDetails
    candidates: tuple[Candidate, ...]
    pack_key: bytes
    session_secret: bytes
    invigilator_password_hash: str


def _label(session_id: str) -> bytes:
    return b"session-package/" + session_id.encode()


def build_session_package(
    details: SessionDetails,
    candidates: Sequence[Candidate],
    pack_id: str,
    pack_sha256: str,
    pack_key: bytes,
    centre: CentreCertificate,
    invigilator_password_hash: str,
    authority: KeyPair,
    now: datetime,
) -> bytes:
    """Seal the session for the centre and sign it.

    Raises:
        InvalidInput: no candidate, the session names another centre, bad hash or pack key.
    """
    if not candidates:
        raise InvalidInput("a session needs at least one candidate")
    if details.centre_id != centre.centre_id:
        raise InvalidInput(f"the session is for centre {details.centre_id}, not {centre.centre_id}")
    if len(pack_key) != SYMMETRIC_KEY_SIZE:
        raise InvalidInput("the pack key must be 32 bytes")
    check_password_hash(invigilator_password_hash)
    private = canonical_bytes(
        {
            "session": details.to_dict(),
            "candidates": [c.to_dict() for c in candidates],
            "pack_key": b64encode(pack_key),
            "session_secret": b64encode(os.urandom(SESSION_SECRET_SIZE)),
            "invigilator_password_hash": invigilator_password_hash,
        }
    )
    sealed = seal_to(centre.keys.encryption, private, _label(details.session_id))
    public = canonical_bytes(
        {
            "session_id": details.session_id,
            "centre_id": details.centre_id,
            "date": details.date,
            "pack_id": pack_id,
            "pack_sha256": pack_sha256,
            "candidate_count": len(candidates),
            "created_at": to_iso(now),
        }
    )
    meta = {
        "session_id": details.session_id,
        "centre_id": details.centre_id,
        "recipient_key_id": centre.keys.key_id,
    }
    return write_container(
        Kind.SESSION_PACKAGE, meta, [("session.json", public), ("sealed.bin", sealed)], authority
    )


def _info(box: Container) -> SessionInfo:
    try:
        rec = Record(parse_json(box.entry("session.json"), "session.json"), "session.json")
        info = SessionInfo(
            rec.text("session_id"),
            rec.text("centre_id"),
            rec.text("date"),
            rec.text("pack_id"),
            rec.text("pack_sha256"),
            rec.integer("candidate_count", 1, 100_000),
            parse_iso(rec.text("created_at"), "created_at"),
            box.signer_info,
        )
    except InvalidInput as exc:
        raise IntegrityError(f"session package: {exc.message}") from None
    if info.session_id != box.meta.get("session_id") or info.centre_id != box.meta.get("centre_id"):
        raise IntegrityError("session package: session.json does not match the manifest")
    return info


def verify_session_package(data: bytes, trust: Trust) -> SessionInfo:
    """Check signature and hashes; read the public description.

    Raises:
        InvalidInput, IntegrityError: not a valid session package from the authority.
    """
    return _info(trust.open(data, Kind.SESSION_PACKAGE))


def open_session_package(data: bytes, trust: Trust, centre: KeyPair) -> SessionPackage:
    """Verify a session package and decrypt it with the centre's keys.

    Raises:
        InvalidInput, IntegrityError: invalid package, or not for this centre.
    """
    box = trust.open(data, Kind.SESSION_PACKAGE)
    info = _info(box)
    if box.meta.get("recipient_key_id") != centre.public.key_id:
        raise IntegrityError(
            f"session package is for centre {info.centre_id} with key "
            f"{box.meta.get('recipient_key_id')}, not this centre's key ({centre.public.key_id})"
        )
    plain = open_sealed(
        centre.encryption, box.entry("sealed.bin"), _label(info.session_id), "session package"
    )
    try:
        rec = Record(parse_json(plain, "session package content"), "session package")
        details = SessionDetails.from_dict(rec.data.get("session"), "session")
        candidates = tuple(
            Candidate.from_dict(c, f"candidate {i + 1}")
            for i, c in enumerate(rec.array("candidates"))
        )
        package = SessionPackage(
            info,
            details,
            candidates,
            b64decode(rec.text("pack_key"), "pack key", SYMMETRIC_KEY_SIZE),
            b64decode(rec.text("session_secret"), "session secret", SESSION_SECRET_SIZE),
            check_password_hash(rec.text("invigilator_password_hash")),
        )
    except InvalidInput as exc:
        raise IntegrityError(f"session package: {exc.message}") from None
    if details.session_id != info.session_id or len(candidates) != info.candidate_count:
        raise IntegrityError("session package: sealed content does not match its description")
    return package
