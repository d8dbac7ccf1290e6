"""Centre enrolment: the request a centre makes and the certificate the authority signs.

Both are containers without entries; their fields live in the signed ``meta``. The request is
signed by the centre's own new key (proof of possession); the certificate by the authority.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.seal.canonical import b64decode, b64encode
from kiosk.seal.container import Container, Kind, open_container, write_container
from kiosk.seal.keys import KEY_SIZE, KeyPair, PublicIdentity, key_id
from kiosk.seal.timestamps import parse_iso, to_iso

CENTRE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
DEFAULT_VALIDITY_DAYS = 3 * 365


def check_centre_id(centre_id: str) -> str:
    """Validate a centre id (letters, digits, '-', '_'; up to 40).

    Raises:
        InvalidInput: malformed id.
    """
    if not CENTRE_ID_RE.match(centre_id):
        raise InvalidInput(f"invalid centre id '{centre_id[:50]}' (letters, digits, '-', '_')")
    return centre_id


@dataclass(frozen=True, slots=True)
class EnrolmentRequest:
    """A centre asking to be enrolled: who it is and its public keys."""

    centre_id: str
    name: str
    keys: PublicIdentity
    created_at: datetime


@dataclass(frozen=True, slots=True)
class CentreCertificate:
    """The authority's signed statement binding a centre id and name to its keys."""

    centre_id: str
    name: str
    keys: PublicIdentity
    not_before: datetime
    not_after: datetime
    authority_key_id: str
    authority_encryption_key: bytes
    raw: bytes

    def valid_at(self, moment: datetime) -> bool:
        """Whether ``moment`` is inside the validity period."""
        return self.not_before <= moment <= self.not_after


def _public_meta(keys: PublicIdentity) -> dict[str, str]:
    return {"signing_key": b64encode(keys.signing), "encryption_key": b64encode(keys.encryption)}


def _str(meta: dict[str, Any], key: str, what: str) -> str:
    value = meta.get(key)
    if not isinstance(value, str):
        raise IntegrityError(f"{what}: missing or invalid '{key}'")
    return value


def _keys(meta: dict[str, Any], what: str) -> PublicIdentity:
    try:
        return PublicIdentity(
            signing=b64decode(_str(meta, "signing_key", what), "signing key", KEY_SIZE),
            encryption=b64decode(_str(meta, "encryption_key", what), "encryption key", KEY_SIZE),
        )
    except InvalidInput as exc:
        raise IntegrityError(f"{what}: {exc.message}") from None


def build_enrolment_request(keys: KeyPair, centre_id: str, name: str, now: datetime) -> bytes:
    """The enrolment request a centre sends to the authority (signed with its new key).

    Raises:
        InvalidInput: bad centre id or empty name.
    """
    check_centre_id(centre_id)
    if not name.strip():
        raise InvalidInput("the centre name must not be empty")
    meta = {"centre_id": centre_id, "name": name.strip(), "created_at": to_iso(now)}
    meta.update(_public_meta(keys.public))
    return write_container(Kind.ENROLMENT_REQUEST, meta, [], keys)


def _self_signed(kind: Kind, signer: bytes, certificate: bytes) -> None:
    if kind is not Kind.ENROLMENT_REQUEST or certificate:
        raise IntegrityError("an enrolment request must be self-signed")


def read_enrolment_request(data: bytes) -> EnrolmentRequest:
    """Verify an enrolment request (signed by the key it carries).

    Raises:
        InvalidInput, IntegrityError: not a valid request.
    """
    box = open_container(data, Kind.ENROLMENT_REQUEST, _self_signed)
    what = Kind.ENROLMENT_REQUEST.label
    keys = _keys(box.meta, what)
    if keys.signing != box.signer:
        raise IntegrityError(f"{what}: not signed by the key it presents")
    try:
        return EnrolmentRequest(
            centre_id=check_centre_id(_str(box.meta, "centre_id", what)),
            name=_str(box.meta, "name", what),
            keys=keys,
            created_at=parse_iso(box.meta.get("created_at"), "request date"),
        )
    except InvalidInput as exc:
        raise IntegrityError(f"{what}: {exc.message}") from None


def issue_centre_certificate(
    authority: KeyPair,
    request: EnrolmentRequest,
    now: datetime,
    validity_days: int = DEFAULT_VALIDITY_DAYS,
) -> bytes:
    """Sign a centre certificate for a verified request.

    Raises:
        InvalidInput: validity not positive.
    """
    if validity_days <= 0:
        raise InvalidInput("the validity must be at least one day")
    meta: dict[str, Any] = {
        "centre_id": request.centre_id,
        "name": request.name,
        "not_before": to_iso(now),
        "not_after": to_iso(now + timedelta(days=validity_days)),
        "authority_key_id": authority.public.key_id,
        "authority_encryption_key": b64encode(authority.public.encryption),
    }
    meta.update(_public_meta(request.keys))
    return write_container(Kind.CENTRE_CERTIFICATE, meta, [], authority)


def certificate_from_container(box: Container) -> CentreCertificate:
    """The certificate fields of an already verified centre-certificate container.

    Raises:
        IntegrityError: malformed fields.
    """
    what = Kind.CENTRE_CERTIFICATE.label
    try:
        return CentreCertificate(
            centre_id=check_centre_id(_str(box.meta, "centre_id", what)),
            name=_str(box.meta, "name", what),
            keys=_keys(box.meta, what),
            not_before=parse_iso(box.meta.get("not_before"), "not_before"),
            not_after=parse_iso(box.meta.get("not_after"), "not_after"),
            authority_key_id=_str(box.meta, "authority_key_id", what),
            authority_encryption_key=b64decode(
                _str(box.meta, "authority_encryption_key", what), "authority key", KEY_SIZE
            ),
            raw=b"",
        )
    except InvalidInput as exc:
        raise IntegrityError(f"{what}: {exc.message}") from None


def authority_only(authority: PublicIdentity) -> Any:
    """A signer policy accepting only ``authority``'s key, without a certificate."""

    def policy(kind: Kind, signer: bytes, certificate: bytes) -> None:
        if certificate or signer != authority.signing:
            raise IntegrityError(
                f"{kind.label} signed by key {key_id(signer)}, not by the authority "
                f"({authority.key_id})"
            )

    return policy


def read_centre_certificate(
    data: bytes, authority: PublicIdentity, now: datetime | None = None
) -> CentreCertificate:
    """Verify a centre certificate against the authority's key (and, if given, the date).

    Raises:
        InvalidInput, IntegrityError: not valid; expired or not yet valid at ``now``.
    """
    box = open_container(data, Kind.CENTRE_CERTIFICATE, authority_only(authority))
    cert = certificate_from_container(box)
    if cert.authority_encryption_key != authority.encryption:
        raise IntegrityError("centre certificate names another authority encryption key")
    cert = replace(cert, raw=data)
    if now is not None and not cert.valid_at(now):
        raise IntegrityError(
            f"centre certificate of {cert.centre_id} is not valid on {to_iso(now)} "
            f"(valid {to_iso(cert.not_before)} to {to_iso(cert.not_after)})"
        )
    return cert
