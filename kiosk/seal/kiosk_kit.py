"""The kiosk kit (``certkiosk/kiosk-kit@2``): what a candidate PC needs to run its part of a session.

Built by the console for one enrolled kiosk (or for the whole room), carried on a USB stick. It is a
signed container (``kiosk/seal/container.py``, magic ``CKKKIT\\r\\n``) signed by the centre's Ed25519
key, its centre certificate in the header. The signed ``meta`` is the public description (kit id,
centre, session, date, room, kiosk, candidate count, expiry, pack id, Argon2id parameters and
salt). Entries:

- ``content-pack.ckpack``: the authority-signed content pack, unchanged (already encrypted under
  the pack key);
- ``sealed.bin``: AES-256-GCM under Argon2id(one-time code, salt), AAD ``certkiosk/kiosk-kit/<kit
  id>``, of the private content: canonical JSON of the session details, the candidates the kiosk
  may seat with each one's number (1-based position in the session package: the number challenge
  codes carry), the pack key, the session secret and the invigilator password hash. A kit for one kiosk
  has one more layer inside: that JSON is sealed to the kiosk's X25519 key (``aead.seal_to``, label
  ``kiosk-kit/<kit id>``), so the kit opens only on that kiosk.

Reading checks the signature (and the centre certificate against the authority) before anything
else; the code is only tried on a kit already known to be authentic. See docs/formats/kiosk-kit.md.

Version 2 added the candidates' numbers. A version 1 kit is refused with its reason (kits are
valid for one day: the console simply prepares a new one), never migrated.
"""

from __future__ import annotations

import os
import re
import secrets
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.core.errors import AuthenticationError, IntegrityError, InvalidInput
from kiosk.seal.aead import SYMMETRIC_KEY_SIZE, decrypt, encrypt, open_sealed, seal_to
from kiosk.seal.canonical import b64decode, b64encode, canonical_bytes, parse_json, sha256_hex
from kiosk.seal.centre_certificate import CentreCertificate, read_centre_certificate
from kiosk.seal.container import Container, Kind, open_container, write_container
from kiosk.seal.content_pack import ContentPack, open_content_pack
from kiosk.seal.keys import KeyPair, PublicIdentity, key_id
from kiosk.seal.kiosk_identity import KioskRecord, check_kiosk_name, check_kiosk_number
from kiosk.seal.kit_code import (
    DEFAULT_CODE_KDF,
    SALT_SIZE,
    CodeKdf,
    code_key,
    kdf_from_dict,
    new_kit_code,
)
from kiosk.seal.passwords import check_password_hash
from kiosk.seal.record import Record
from kiosk.seal.session_model import Candidate, SessionDetails
from kiosk.seal.session_package import SESSION_SECRET_SIZE, SessionPackage
from kiosk.seal.timestamps import parse_iso, to_iso
from kiosk.seal.trust import Trust

KIT_SUFFIX = ".ckkit"
CONTENT_FORMAT = "certkiosk/kiosk-kit-content"
CONTENT_VERSION = 2
PACK_ENTRY = "content-pack.ckpack"
SEALED_ENTRY = "sealed.bin"
_NAME_RE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class KitKiosk:
    """The kiosk a kit is for (absent for a room kit)."""

    number: int
    name: str
    key_id: str


@dataclass(frozen=True, slots=True)
class KitInfo:
    """The verified public description of a kit (readable without the code)."""

    kit_id: str
    centre_id: str
    session_id: str
    date: str
    room: str
    kiosk: KitKiosk | None
    candidate_count: int
    created_at: datetime
    expires_at: datetime
    pack_id: str
    kdf: CodeKdf
    salt: bytes
    certificate: CentreCertificate
    sha256: str

    def expired_at(self, now: datetime) -> bool:
        """Whether the kit is past its expiry at ``now``."""
        return now > self.expires_at


@dataclass(frozen=True, slots=True)
class KitContent:
    """A kit opened with its code: the session as the kiosk will run it."""

    info: KitInfo
    details: SessionDetails
    candidates: tuple[Candidate, ...]
    candidate_numbers: tuple[int, ...]  # each candidate's 1-based position in the session package
    pack_key: bytes
    session_secret: bytes
    invigilator_password_hash: str
    pack_bytes: bytes
    pack: ContentPack


@dataclass(frozen=True, slots=True)
class BuiltKit:
    """A kit freshly built by the console, with the one-time code to print for the manager."""

    kit_id: str
    code: str
    file_name: str
    data: bytes
    kiosk: KioskRecord | None


def kit_file_name(session_id: str, kiosk: KioskRecord | None) -> str:
    """The kit's file name on the USB stick: ``kit-<session>-poste-07.ckkit`` (or ``-salle``)."""
    who = kiosk.kiosk_id if kiosk is not None else "salle"
    return f"kit-{_NAME_RE.sub('_', session_id)}-{who}{KIT_SUFFIX}"


def candidate_numbers(values: Sequence[Any], count: int) -> tuple[int, ...]:
    """Check the candidates' numbers read from a kit: one per candidate, distinct, from 1.

    Raises:
        InvalidInput: a missing, repeated or impossible number.
    """
    if len(values) != count:
        raise InvalidInput(f"{len(values)} numéro(s) de candidat pour {count} candidat(s)")
    numbers = []
    for value in values:
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 100_000:
            raise InvalidInput(f"numéro de candidat invalide : {value!r}")
        numbers.append(value)
    if len(set(numbers)) != len(numbers):
        raise InvalidInput("deux candidats du kit ont le même numéro")
    return tuple(numbers)


def _label(kit_id: str) -> bytes:
    return b"kiosk-kit/" + kit_id.encode()


def _aad(kit_id: str) -> bytes:
    return b"certkiosk/kiosk-kit/" + kit_id.encode()


def build_kiosk_kit(
    *,
    session: SessionPackage,
    content_pack: bytes,
    centre: KeyPair,
    certificate: CentreCertificate,
    kiosk: KioskRecord | None,
    candidates: Sequence[Candidate],
    now: datetime,
    expires_at: datetime,
    code: str | None = None,
    kdf: CodeKdf = DEFAULT_CODE_KDF,
) -> BuiltKit:
    """Build and sign a kit for ``kiosk`` (None: any enrolled kiosk of the room).

    Raises:
        InvalidInput: no candidate, a candidate not in the session, the wrong pack, keys not
            matching the certificate, an expiry already past.
    """
    details = session.details
    if not candidates:
        raise InvalidInput("un kit de poste doit contenir au moins un candidat")
    known = {c.candidate_id for c in session.candidates}
    ids = [c.candidate_id for c in candidates]
    if len(set(ids)) != len(ids) or not set(ids) <= known:
        raise InvalidInput("le kit contient un candidat absent de la session, ou deux fois le même")
    if sha256_hex(content_pack) != session.info.pack_sha256:
        raise InvalidInput(f"ce n'est pas le pack de contenu de la session {details.session_id}")
    if certificate.keys != centre.public or certificate.centre_id != details.centre_id:
        raise InvalidInput(
            "les clés du centre ne correspondent pas à son certificat ou à la session"
        )
    if expires_at <= now:
        raise InvalidInput("la date d'expiration du kit est déjà passée")
    numbers = {c.candidate_id: n for n, c in enumerate(session.candidates, 1)}
    kit_id = "kit-" + secrets.token_hex(8)
    code = code if code is not None else new_kit_code()
    salt = os.urandom(SALT_SIZE)
    private = canonical_bytes(
        {
            "format": CONTENT_FORMAT,
            "version": CONTENT_VERSION,
            "kit_id": kit_id,
            "session": details.to_dict(),
            "candidates": [c.to_dict() for c in candidates],
            "candidate_numbers": [numbers[c.candidate_id] for c in candidates],
            "pack_key": b64encode(session.pack_key),
            "pack_sha256": session.info.pack_sha256,
            "session_secret": b64encode(session.session_secret),
            "invigilator_password_hash": session.invigilator_password_hash,
        }
    )
    if kiosk is not None:
        private = seal_to(kiosk.keys.encryption, private, _label(kit_id))
    sealed = encrypt(code_key(code, salt, kdf), private, _aad(kit_id))
    kiosk_meta: dict[str, Any] | None = None
    if kiosk is not None:
        kiosk_meta = {"number": kiosk.number, "name": kiosk.name, "key_id": kiosk.key_id}
    meta = {
        "kit_id": kit_id,
        "centre_id": details.centre_id,
        "session_id": details.session_id,
        "date": details.date,
        "room": details.room,
        "kiosk": kiosk_meta,
        "candidate_count": len(candidates),
        "created_at": to_iso(now),
        "expires_at": to_iso(expires_at),
        "pack_id": session.info.pack_id,
        "kdf": kdf.to_dict(),
        "salt": b64encode(salt),
    }
    data = write_container(
        Kind.KIOSK_KIT,
        meta,
        [(PACK_ENTRY, content_pack), (SEALED_ENTRY, sealed)],
        centre,
        certificate.raw,
    )
    return BuiltKit(kit_id, code, kit_file_name(details.session_id, kiosk), data, kiosk)


def _policy(authority: PublicIdentity, now: datetime) -> Any:
    def policy(kind: Kind, signer: bytes, certificate: bytes) -> CentreCertificate:
        if not certificate:
            raise IntegrityError("Kit de poste refusé : il ne porte pas le certificat du centre")
        try:
            cert = read_centre_certificate(certificate, authority, now)
        except (IntegrityError, InvalidInput) as exc:
            raise IntegrityError(
                "Kit de poste refusé : le certificat du centre n'est pas reconnu par l'autorité "
                f"de certification ou n'est plus valide ({exc.message})"
            ) from None
        if cert.keys.signing != signer:
            raise IntegrityError(
                f"Kit de poste refusé : signé par la clé {key_id(signer)}, pas par celle du centre "
                f"{cert.centre_id} ({cert.keys.key_id})"
            )
        return cert

    return policy


def _french(message: str) -> str:
    if "truncated" in message:
        return "le fichier est incomplet (tronqué) : recopiez-le depuis la console"
    if "signature" in message or "SHA-256" in message or "unexpected bytes" in message:
        return "il a été modifié ou abîmé depuis sa préparation (signature invalide)"
    if "version" in message:
        return f"version de kit non prise en charge ({message})"
    return f"fichier endommagé ({message})"


def _check_version(data: bytes) -> None:
    if len(data) < 10:
        return  # the container reports the truncation
    (version,) = struct.unpack_from(">H", data, 8)
    current = Kind.KIOSK_KIT.version
    if version < current:
        raise InvalidInput(
            f"Kit de poste refusé : il a été préparé par une version précédente de certkiosk "
            f"(format de kit {version}, ce poste lit le format {current}) ; préparez un nouveau "
            "kit sur la console à jour"
        )
    if version > current:
        raise InvalidInput(
            f"Kit de poste refusé : il vient d'une version plus récente de certkiosk (format de "
            f"kit {version}, ce poste lit le format {current}) ; mettez ce poste à jour"
        )


def _open_box(data: bytes, authority: PublicIdentity, now: datetime) -> Container:
    if data[:8] != Kind.KIOSK_KIT.magic:
        raise InvalidInput("Ce fichier n'est pas un kit de poste certkiosk")
    _check_version(data)
    try:
        return open_container(data, Kind.KIOSK_KIT, _policy(authority, now))
    except (IntegrityError, InvalidInput) as exc:
        if exc.message.startswith("Kit de poste refusé"):
            raise
        raise IntegrityError(f"Kit de poste refusé : {_french(exc.message)}") from None


def _info(box: Container, data: bytes) -> KitInfo:
    try:
        rec = Record(box.meta, "description du kit")
        kiosk: KitKiosk | None = None
        if rec.data.get("kiosk") is not None:
            k = rec.record("kiosk")
            kiosk = KitKiosk(
                check_kiosk_number(k.integer("number")),
                check_kiosk_name(k.text("name")),
                k.text("key_id"),
            )
        certificate: CentreCertificate = box.signer_info
        info = KitInfo(
            kit_id=rec.text("kit_id"),
            centre_id=rec.text("centre_id"),
            session_id=rec.text("session_id"),
            date=rec.text("date"),
            room=rec.text("room"),
            kiosk=kiosk,
            candidate_count=rec.integer("candidate_count", 1, 100_000),
            created_at=parse_iso(rec.text("created_at"), "created_at"),
            expires_at=parse_iso(rec.text("expires_at"), "expires_at"),
            pack_id=rec.text("pack_id"),
            kdf=kdf_from_dict(rec.data.get("kdf")),
            salt=b64decode(rec.text("salt"), "sel du kit", SALT_SIZE),
            certificate=certificate,
            sha256=sha256_hex(data),
        )
    except InvalidInput as exc:
        raise IntegrityError(
            f"Kit de poste refusé : description illisible ({exc.message})"
        ) from None
    if info.centre_id != info.certificate.centre_id:
        raise IntegrityError(
            f"Kit de poste refusé : il annonce le centre {info.centre_id} mais est signé par "
            f"le centre {info.certificate.centre_id}"
        )
    return info


def verify_kiosk_kit(data: bytes, authority: PublicIdentity, now: datetime) -> KitInfo:
    """Check a kit's signature, its centre certificate and hashes; read its public description.

    Raises:
        InvalidInput: not a kit. IntegrityError: altered, truncated, or not signed by a centre the
            authority certified (valid at ``now``).
    """
    return _info(_open_box(data, authority, now), data)


def _content(
    info: KitInfo, plain: bytes, box: Container, authority: PublicIdentity, now: datetime
) -> KitContent:
    what = "contenu du kit"
    try:
        rec = Record(parse_json(plain, what), what)
        if rec.text("format") != CONTENT_FORMAT or rec.integer("version") != CONTENT_VERSION:
            raise InvalidInput("format du contenu inconnu")
        details = SessionDetails.from_dict(rec.data.get("session"), "session")
        candidates = tuple(
            Candidate.from_dict(c, f"candidat {i + 1}")
            for i, c in enumerate(rec.array("candidates"))
        )
        numbers = candidate_numbers(rec.array("candidate_numbers"), len(candidates))
        pack_key = b64decode(rec.text("pack_key"), "clé du pack", SYMMETRIC_KEY_SIZE)
        secret = b64decode(rec.text("session_secret"), "secret de session", SESSION_SECRET_SIZE)
        password_hash = check_password_hash(rec.text("invigilator_password_hash"))
        pack_sha256 = rec.text("pack_sha256")
        kit_id = rec.text("kit_id")
    except InvalidInput as exc:
        raise IntegrityError(f"Kit de poste refusé : contenu illisible ({exc.message})") from None
    if (
        kit_id != info.kit_id
        or details.session_id != info.session_id
        or details.centre_id != info.centre_id
        or len(candidates) != info.candidate_count
    ):
        raise IntegrityError("Kit de poste refusé : le contenu ne correspond pas à sa description")
    pack_bytes = box.entry(PACK_ENTRY)
    if sha256_hex(pack_bytes) != pack_sha256:
        raise IntegrityError(
            "Kit de poste refusé : le pack de contenu n'est pas celui de la session"
        )
    pack = _open_pack(pack_bytes, authority, now, pack_key)
    if pack.info.pack_id != info.pack_id:
        raise IntegrityError("Kit de poste refusé : l'identifiant du pack ne correspond pas")
    return KitContent(
        info, details, candidates, numbers, pack_key, secret, password_hash, pack_bytes, pack
    )


def _open_pack(
    data: bytes, authority: PublicIdentity, now: datetime, pack_key: bytes
) -> ContentPack:
    try:
        return open_content_pack(data, Trust(authority, now), pack_key)
    except (IntegrityError, InvalidInput) as exc:
        raise IntegrityError(
            f"Kit de poste refusé : pack de contenu invalide ({exc.message})"
        ) from None


def open_kiosk_kit(
    data: bytes,
    code: str,
    authority: PublicIdentity,
    now: datetime,
    kiosk_keys: KeyPair | None = None,
) -> KitContent:
    """Verify a kit, then open it with the code typed by the manager (and this kiosk's keys).

    Raises:
        InvalidInput: not a kit, or a code that cannot be one (wrong length or character).
        AuthenticationError: the code does not open this kit.
        IntegrityError: altered, truncated, foreign, or prepared for another kiosk.
    """
    box = _open_box(data, authority, now)
    info = _info(box, data)
    return open_verified_kit(box, info, code, authority, now, kiosk_keys)


def open_verified_kit(
    box: Container,
    info: KitInfo,
    code: str,
    authority: PublicIdentity,
    now: datetime,
    kiosk_keys: KeyPair | None,
) -> KitContent:
    """Open a kit whose signature was already checked (see ``read_kit_box``).

    Raises:
        InvalidInput, AuthenticationError, IntegrityError: as ``open_kiosk_kit``.
    """
    key = code_key(code, info.salt, info.kdf)
    try:
        plain = decrypt(key, box.entry(SEALED_ENTRY), _aad(info.kit_id), "kit")
    except IntegrityError:
        raise AuthenticationError(
            "Code du kit incorrect : vérifiez-le sur la feuille des kits (5 groupes de 4 caractères)"
        ) from None
    if info.kiosk is not None:
        if kiosk_keys is None or kiosk_keys.public.key_id != info.kiosk.key_id:
            raise IntegrityError(
                f"Kit de poste refusé : il a été préparé pour le poste n° {info.kiosk.number} "
                f"« {info.kiosk.name} », pas pour ce poste"
            )
        plain = open_sealed(kiosk_keys.encryption, plain, _label(info.kit_id), "kit de poste")
    return _content(info, plain, box, authority, now)


def read_kit_box(
    data: bytes, authority: PublicIdentity, now: datetime
) -> tuple[Container, KitInfo]:
    """Verify a kit once and keep the container, so the code can be tried without re-verifying.

    Raises:
        InvalidInput, IntegrityError: as ``verify_kiosk_kit``.
    """
    box = _open_box(data, authority, now)
    return box, _info(box, data)
