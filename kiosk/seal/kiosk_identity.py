"""A kiosk's identity in its room: number, name and its own key pair, and the enrolment record.

The kiosk generates its keys (Ed25519 + X25519) and keeps them in its encrypted store; the console
keeps the *enrolment record*: canonical JSON ``{format, version, kiosk, signature}`` where ``kiosk``
holds the number, name, public keys and creation time, and ``signature`` is the kiosk's Ed25519
signature of ``DOMAIN | canonical(kiosk)`` (proof that the kiosk holds the private key).
See docs/formats/kiosk-kit.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.seal.canonical import b64decode, b64encode, canonical_bytes, parse_json
from kiosk.seal.keys import KEY_SIZE, SIGNATURE_SIZE, KeyPair, PublicIdentity, verify_signature
from kiosk.seal.record import Record
from kiosk.seal.timestamps import parse_iso, to_iso

ENROLMENT_FORMAT = "certkiosk/kiosk-enrolment"
ENROLMENT_VERSION = 1
ENROLMENT_SUFFIX = ".ckposte"
DOMAIN = b"certkiosk/kiosk-enrolment\x00"
MAX_KIOSK_NUMBER = 999
MAX_NAME_LENGTH = 60
MAX_RECORD_BYTES = 16 * 1024


def check_kiosk_number(number: object) -> int:
    """A kiosk number in the room: 1 to 999 (it appears in challenge codes).

    Raises:
        InvalidInput: not an integer in range.
    """
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 999:
        raise InvalidInput(f"numéro de poste invalide : {number!r} (1 à {MAX_KIOSK_NUMBER})")
    return number


def check_kiosk_name(name: object) -> str:
    """A kiosk's display name: 1 to 60 printable characters, trimmed.

    Raises:
        InvalidInput: empty, too long or with control characters.
    """
    if not isinstance(name, str) or not name.strip():
        raise InvalidInput("le nom du poste ne peut pas être vide")
    clean = name.strip()
    if len(clean) > MAX_NAME_LENGTH or not clean.isprintable():
        raise InvalidInput(f"nom de poste invalide (au plus {MAX_NAME_LENGTH} caractères)")
    return clean


def kiosk_id_for(number: int) -> str:
    """The kiosk's id in logs and exports: ``poste-07``."""
    return f"poste-{check_kiosk_number(number):02d}"


@dataclass(frozen=True, slots=True)
class KioskRecord:
    """What the console knows about an enrolled kiosk: number, name, public keys."""

    number: int
    name: str
    keys: PublicIdentity
    created_at: datetime

    @property
    def kiosk_id(self) -> str:
        """The kiosk's id in logs and exports (``poste-07``)."""
        return kiosk_id_for(self.number)

    @property
    def key_id(self) -> str:
        """Fingerprint of the kiosk's signing key."""
        return self.keys.key_id

    def to_dict(self) -> dict[str, Any]:
        """JSON form (the signed body of an enrolment record)."""
        return {
            "number": self.number,
            "name": self.name,
            "signing_key": b64encode(self.keys.signing),
            "encryption_key": b64encode(self.keys.encryption),
            "created_at": to_iso(self.created_at),
        }

    @staticmethod
    def from_dict(data: object, what: str) -> KioskRecord:
        """Inverse of ``to_dict``.

        Raises:
            InvalidInput: a missing or malformed field.
        """
        rec = Record(data, what)
        return KioskRecord(
            number=check_kiosk_number(rec.integer("number", 1, MAX_KIOSK_NUMBER)),
            name=check_kiosk_name(rec.text("name")),
            keys=PublicIdentity(
                b64decode(rec.text("signing_key"), f"{what}: clé de signature", KEY_SIZE),
                b64decode(rec.text("encryption_key"), f"{what}: clé de chiffrement", KEY_SIZE),
            ),
            created_at=parse_iso(rec.text("created_at"), f"{what}: created_at"),
        )


def enrolment_record_bytes(keys: KeyPair, number: int, name: str, now: datetime) -> bytes:
    """The kiosk's self-signed enrolment record, for the console (one line of canonical JSON).

    Raises:
        InvalidInput: a bad number or name.
    """
    record = KioskRecord(
        check_kiosk_number(number), check_kiosk_name(name), keys.public, now.replace(microsecond=0)
    )
    body = record.to_dict()
    doc = {
        "format": ENROLMENT_FORMAT,
        "version": ENROLMENT_VERSION,
        "kiosk": body,
        "signature": b64encode(keys.sign(DOMAIN + canonical_bytes(body))),
    }
    return canonical_bytes(doc) + b"\n"


def read_enrolment_record(data: bytes, where: str = "fiche du poste") -> KioskRecord:
    """Verify a kiosk's enrolment record (signed by the key it presents).

    Raises:
        InvalidInput: not an enrolment record, unknown version, malformed field.
        IntegrityError: the signature does not match (altered record).
    """
    if len(data) > MAX_RECORD_BYTES:
        raise InvalidInput(f"{where} : fichier trop grand pour une fiche de poste")
    doc = parse_json(data.rstrip(b"\n"), where)
    if not isinstance(doc, dict) or doc.get("format") != ENROLMENT_FORMAT:
        raise InvalidInput(f"{where} : ce n'est pas une fiche d'enrôlement de poste")
    if doc.get("version") != ENROLMENT_VERSION:
        raise InvalidInput(
            f"{where} : version {doc.get('version')!r} inconnue ({ENROLMENT_VERSION} attendue)"
        )
    rec = Record(doc, where)
    record = KioskRecord.from_dict(doc.get("kiosk"), where)
    signature = b64decode(rec.text("signature"), f"{where}: signature", SIGNATURE_SIZE)
    body = canonical_bytes(rec.record("kiosk").data)
    if not verify_signature(record.keys.signing, signature, DOMAIN + body):
        raise IntegrityError(f"{where} : signature du poste invalide (fiche modifiée)")
    return record
