"""Centre-side operations the console calls: keys, enrolment, imports, result export."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.core.errors import IntegrityError
from kiosk.seal.canonical import sha256_hex
from kiosk.seal.centre_certificate import (
    CentreCertificate,
    build_enrolment_request,
    check_centre_id,
    read_centre_certificate,
)
from kiosk.seal.content_pack import ContentPack, open_content_pack
from kiosk.seal.keys import KeyPair, PublicIdentity
from kiosk.seal.keystore import DEFAULT_KDF, KdfParams, keystore_bytes
from kiosk.seal.result_bundle import build_result_bundle
from kiosk.seal.session_package import SessionPackage, open_session_package
from kiosk.seal.trust import Trust

CENTRE_ROLE = "centre"


@dataclass(frozen=True, slots=True)
class NewCentre:
    """A centre's freshly generated keys: the encrypted keystore and the enrolment request."""

    keys: KeyPair
    keystore: bytes
    request: bytes


def create_centre(
    centre_id: str, name: str, passphrase: str, now: datetime, kdf: KdfParams = DEFAULT_KDF
) -> NewCentre:
    """Generate the centre's key pair, its passphrase-encrypted keystore and enrolment request.

    Raises:
        InvalidInput: bad centre id, empty name or passphrase.
    """
    check_centre_id(centre_id)
    keys = KeyPair.generate()
    request = build_enrolment_request(keys, centre_id, name, now)
    return NewCentre(keys, keystore_bytes(keys, CENTRE_ROLE, centre_id, passphrase, kdf), request)


def import_centre_certificate(
    data: bytes, authority: PublicIdentity, centre: PublicIdentity, now: datetime
) -> CentreCertificate:
    """Verify the certificate the authority issued for this centre.

    Raises:
        InvalidInput, IntegrityError: invalid, expired, or issued for other keys.
    """
    cert = read_centre_certificate(data, authority, now)
    if cert.keys != centre:
        raise IntegrityError(
            f"this certificate is for key {cert.keys.key_id}, not this centre's key "
            f"({centre.key_id})"
        )
    return cert


def import_session_package(
    data: bytes,
    authority: PublicIdentity,
    centre: KeyPair,
    certificate: CentreCertificate,
    now: datetime,
) -> SessionPackage:
    """Verify a session package and unwrap it (pack key included) with the centre's keys.

    Raises:
        InvalidInput, IntegrityError: invalid, or scheduled for another centre.
    """
    package = open_session_package(data, Trust(authority, now), centre)
    if package.details.centre_id != certificate.centre_id:
        raise IntegrityError(
            f"session {package.details.session_id} is for centre {package.details.centre_id}, "
            f"not {certificate.centre_id}"
        )
    return package


def import_content_pack(
    data: bytes, authority: PublicIdentity, session: SessionPackage, now: datetime
) -> ContentPack:
    """Verify and decrypt the pack a session uses, with the key from its session package.

    Raises:
        InvalidInput, IntegrityError: invalid pack, or not the one the session names.
    """
    if sha256_hex(data) != session.info.pack_sha256:
        raise IntegrityError(
            f"this is not the content pack of session {session.details.session_id} "
            f"(expected {session.info.pack_id})"
        )
    pack = open_content_pack(data, Trust(authority, now), session.pack_key)
    if pack.info.pack_id != session.info.pack_id:
        raise IntegrityError("content pack id does not match the session package")
    return pack


def export_result_bundle(
    centre: KeyPair,
    certificate: CentreCertificate,
    session: SessionPackage,
    attempts: Mapping[str, Sequence[Mapping[str, Any]]],
    session_log: Sequence[Mapping[str, Any]],
    finalisation: Mapping[str, Any],
    kiosk_build_hash: str,
    now: datetime,
) -> bytes:
    """The signed, authority-encrypted result bundle of a finalised session.

    Raises:
        InvalidInput: an attempt for a candidate not in the session, or keys not matching.
    """
    known = {c.candidate_id for c in session.candidates}
    unknown = sorted(set(attempts) - known)
    if unknown:
        raise IntegrityError(f"attempt for unknown candidate {unknown[0]}")
    return build_result_bundle(
        centre,
        certificate,
        session.details.session_id,
        session.info.pack_id,
        attempts,
        session_log,
        finalisation,
        kiosk_build_hash,
        now,
    )
