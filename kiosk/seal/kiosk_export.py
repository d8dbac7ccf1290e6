"""Kiosk export: a kiosk's attempt logs on a USB folder, sealed to the centre (no network needed).

One file per export, ``<kiosk id>-<session id>-<UTC stamp>.ckexport``. Layout (big-endian)::

    magic "CKKEXP\\r\\n" (8) | version (u16) | manifest length (u32) | manifest (canonical JSON)
    | seal length (u16) | seal | payload

The manifest names the format, version, kiosk, session, the kiosk kit the kiosk ran, kiosk build,
creation time, the centre key it is sealed to, the payload's size and SHA-256, and how it is sealed: ``ed25519`` (the seal
is the kiosk key's signature of ``DOMAIN | magic | version | manifest``; the public key is in the
manifest) or ``sha256`` (no kiosk keys: the seal is the SHA-256 of that same message, which
catches damage, not forgery). The payload is an archive of ``attempts/<attempt id>.json`` (each
a JSON list of events) sealed to the centre's X25519 key (``aead.seal_to``, label
``kiosk-export/<session id>/<kiosk id>``). See docs/formats/kiosk-export.md.

Version 2 added the kit id; a version 1 export (no kit, so it cannot be tied to one) is refused
with a message saying to export again from an up-to-date kiosk.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.core.events import Event, event_from_dict, verify_chain
from kiosk.seal.aead import open_sealed, seal_to
from kiosk.seal.archive import pack_archive, unpack_archive
from kiosk.seal.atomic import write_atomic
from kiosk.seal.canonical import b64decode, b64encode, canonical_bytes, parse_json, sha256_hex
from kiosk.seal.keys import (
    KEY_SIZE,
    SIGNATURE_SIZE,
    KeyPair,
    PublicIdentity,
    key_id,
    verify_signature,
)
from kiosk.seal.record import Record
from kiosk.seal.timestamps import parse_iso, to_iso

MAGIC = b"CKKEXP\r\n"
VERSION = 2
FORMAT = "certkiosk/kiosk-export"
SUFFIX = ".ckexport"
DOMAIN = b"certkiosk/kiosk-export\x00"
MAX_MANIFEST = 64 * 1024
_HEAD = struct.Struct(">8sHI")
_SEAL_LEN = struct.Struct(">H")
_PREFIX = "attempts/"
_NAME_RE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class KioskExport:
    """A verified, decrypted kiosk export."""

    kiosk_id: str
    session_id: str
    kit_id: str
    kiosk_build: str
    created_at: datetime
    signer_key_id: str | None  # None: sealed by hash only (the kiosk has no keys)
    sha256: str
    attempts: dict[str, list[Event]]


def _label(session_id: str, kiosk_id: str) -> bytes:
    return f"kiosk-export/{session_id}/{kiosk_id}".encode()


def _message(head: bytes, manifest: bytes) -> bytes:
    return DOMAIN + head[:10] + manifest


def export_file_name(kiosk_id: str, session_id: str, now: datetime) -> str:
    """The file name an export gets in the USB folder."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    return f"{_NAME_RE.sub('_', kiosk_id)}-{_NAME_RE.sub('_', session_id)}-{stamp}{SUFFIX}"


def kiosk_export_bytes(
    *,
    kiosk_id: str,
    session_id: str,
    kit_id: str,
    attempts: Mapping[str, Sequence[Event]],
    centre: PublicIdentity,
    now: datetime,
    kiosk_keys: KeyPair | None = None,
    kiosk_build: str = "",
) -> bytes:
    """Seal a kiosk's attempt logs to the centre.

    Args:
        kiosk_id: the kiosk's name in the logs.
        session_id: the session exported (every attempt must belong to it).
        kit_id: the kiosk kit the kiosk ran this session with (the console checks it issued it).
        attempts: attempt id → its events, in order.
        centre: the centre's public keys (from its certificate).
        now: export time.
        kiosk_keys: the kiosk's own keys, if it has some (the export is then signed).
        kiosk_build: the kiosk build hash, carried to the result bundle.

    Raises:
        InvalidInput: no attempt, an attempt of another session, or a broken log.
    """
    if not kiosk_id or not session_id or not kit_id:
        raise InvalidInput("export de poste : poste, session et kit sont obligatoires")
    if not attempts:
        raise InvalidInput(f"poste {kiosk_id} : aucune épreuve de la session {session_id}")
    files = []
    for attempt_id, events in sorted(attempts.items()):
        first = events[0] if events else None
        if first is None or first.data.get("session_id") != session_id:
            raise InvalidInput(f"épreuve {attempt_id} : n'appartient pas à la session {session_id}")
        if first.data.get("attempt_id") != attempt_id:
            raise InvalidInput(f"épreuve {attempt_id} : identifiant différent dans son journal")
        try:
            verify_chain(events)
        except IntegrityError as exc:
            raise InvalidInput(f"épreuve {attempt_id} : {exc.message}") from None
        body = canonical_bytes([e.to_dict() for e in events])
        files.append((f"{_PREFIX}{_NAME_RE.sub('_', attempt_id)}.json", body))
    payload = seal_to(centre.encryption, pack_archive(files), _label(session_id, kiosk_id))
    signer = (
        {"kind": "ed25519", "public_key": b64encode(kiosk_keys.public.signing)}
        if kiosk_keys is not None
        else {"kind": "sha256"}
    )
    manifest = canonical_bytes(
        {
            "format": FORMAT,
            "version": VERSION,
            "kiosk_id": kiosk_id,
            "session_id": session_id,
            "kit_id": kit_id,
            "kiosk_build": kiosk_build,
            "created_at": to_iso(now),
            "recipient_key_id": centre.key_id,
            "attempt_count": len(files),
            "payload": {"size": len(payload), "sha256": sha256_hex(payload)},
            "seal": signer,
        }
    )
    head = _HEAD.pack(MAGIC, VERSION, len(manifest))
    message = _message(head, manifest)
    seal = kiosk_keys.sign(message) if kiosk_keys is not None else hashlib.sha256(message).digest()
    return b"".join((head, manifest, _SEAL_LEN.pack(len(seal)), seal, payload))


def write_kiosk_export(folder: Path, data: bytes, name: str) -> Path:
    """Write an export into ``folder`` atomically; returns its path.

    Raises:
        StorageFull, EnvironmentFailure: the folder cannot be written.
    """
    path = folder / name
    write_atomic(path, data)
    return path


def _frame(data: bytes, where: str) -> tuple[bytes, bytes, bytes, bytes]:
    if data[: len(MAGIC)] != MAGIC:
        raise InvalidInput(f"{where} : ce n'est pas un export de poste certkiosk")
    if len(data) < _HEAD.size:
        raise IntegrityError(f"{where} : export tronqué (en-tête incomplet)")
    _, version, man_len = _HEAD.unpack_from(data)
    if version == 1:
        raise InvalidInput(
            f"{where} : export de poste en version 1 (sans kit de poste) : refaites l'export "
            "depuis un poste à jour qui a importé son kit"
        )
    if version != VERSION:
        raise InvalidInput(
            f"{where} : export de poste en version {version}, ce logiciel lit la version {VERSION}"
        )
    if man_len > MAX_MANIFEST:
        raise IntegrityError(f"{where} : longueur de manifeste invraisemblable ({man_len})")
    pos = _HEAD.size + man_len
    if len(data) < pos + _SEAL_LEN.size:
        raise IntegrityError(f"{where} : export tronqué (manifeste incomplet)")
    (seal_len,) = _SEAL_LEN.unpack_from(data, pos)
    seal_start = pos + _SEAL_LEN.size
    if len(data) < seal_start + seal_len:
        raise IntegrityError(f"{where} : export tronqué (sceau incomplet)")
    return (
        data[: _HEAD.size],
        data[_HEAD.size : pos],
        data[seal_start : seal_start + seal_len],
        data[seal_start + seal_len :],
    )


def _check_seal(rec: Record, message: bytes, seal: bytes, where: str) -> str | None:
    how = rec.record("seal")
    kind = how.text("kind")
    if kind == "ed25519":
        public = b64decode(how.text("public_key"), "clé du poste", KEY_SIZE)
        if len(seal) != SIGNATURE_SIZE or not verify_signature(public, seal, message):
            raise IntegrityError(f"{where} : signature du poste invalide (export modifié)")
        return key_id(public)
    if kind == "sha256":
        if seal != hashlib.sha256(message).digest():
            raise IntegrityError(f"{where} : empreinte du manifeste fausse (export modifié)")
        return None
    raise IntegrityError(f"{where} : mode de scellement inconnu « {kind} »")


def read_kiosk_export(data: bytes, centre: KeyPair, where: str) -> KioskExport:
    """Verify, decrypt and check a kiosk export with the centre's keys.

    Checks in order: magic, version, lengths, the seal over the manifest, the recipient, the
    payload's size and SHA-256, decryption, then every attempt's chain.

    Raises:
        InvalidInput: not an export, or an unsupported version.
        IntegrityError: truncated, altered, for another centre, or a broken event chain.
    """
    head, manifest, seal, payload = _frame(data, where)
    try:
        doc = parse_json(manifest, f"{where} : manifeste", canonical=True)
        rec = Record(doc, f"{where} : manifeste")
        signer = _check_seal(rec, _message(head, manifest), seal, where)
        if rec.text("format") != FORMAT or rec.integer("version", 1, 1_000) != VERSION:
            raise IntegrityError(f"{where} : le manifeste ne correspond pas à l'en-tête")
        kiosk_id, session_id = rec.text("kiosk_id"), rec.text("session_id")
        kit_id = rec.text("kit_id")
        recipient = rec.text("recipient_key_id")
        box = rec.record("payload")
        size, digest = box.integer("size", 0, 2**40), box.text("sha256")
        count = rec.integer("attempt_count", 1, 100_000)
        created = parse_iso(rec.text("created_at"), "created_at")
        build = rec.opt_text("kiosk_build")
    except InvalidInput as exc:
        raise IntegrityError(f"{where} : manifeste illisible ({exc.message})") from None
    if recipient != centre.public.key_id:
        raise IntegrityError(
            f"{where} : export scellé pour la clé {recipient}, pas pour ce centre "
            f"({centre.public.key_id})"
        )
    if len(payload) < size:
        raise IntegrityError(f"{where} : export tronqué ({len(payload)} octets sur {size})")
    if len(payload) > size:
        raise IntegrityError(f"{where} : {len(payload) - size} octets en trop après les données")
    if sha256_hex(payload) != digest:
        raise IntegrityError(f"{where} : données altérées (SHA-256 différent du manifeste)")
    plain = open_sealed(centre.encryption, payload, _label(session_id, kiosk_id), where)
    files = unpack_archive(plain)
    if len(files) != count:
        raise IntegrityError(f"{where} : {len(files)} épreuve(s) au lieu de {count}")
    attempts: dict[str, list[Event]] = {}
    for name, body in sorted(files.items()):
        if not (name.startswith(_PREFIX) and name.endswith(".json")):
            raise IntegrityError(f"{where} : fichier inattendu « {name} »")
        attempts_where = f"{where} : {name}"
        try:
            raw = parse_json(body, attempts_where)
            if not isinstance(raw, list) or not raw:
                raise InvalidInput(f"{attempts_where} : liste d'événements attendue")
            events = [event_from_dict(e, i + 1) for i, e in enumerate(raw)]
            verify_chain(events)
        except (InvalidInput, IntegrityError) as exc:
            raise IntegrityError(f"{attempts_where} : {exc.message}") from None
        first = events[0].data
        attempt_id = first.get("attempt_id")
        if events[0].type != "checked_in" or not isinstance(attempt_id, str):
            raise IntegrityError(f"{attempts_where} : le journal ne commence pas par l'accueil")
        if first.get("session_id") != session_id:
            raise IntegrityError(
                f"{attempts_where} : épreuve de la session {first.get('session_id')}, "
                f"pas {session_id}"
            )
        attempts[attempt_id] = events
    return KioskExport(
        kiosk_id, session_id, kit_id, build, created, signer, sha256_hex(data), attempts
    )


__all__ = [
    "KioskExport",
    "export_file_name",
    "kiosk_export_bytes",
    "read_kiosk_export",
    "write_kiosk_export",
]
