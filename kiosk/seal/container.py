"""The signed container every certkiosk artefact travels in.

Layout (all integers big-endian)::

    magic (8) | version (u16) | signer Ed25519 public key (32)
    | certificate length (u32) | signer's centre certificate (0 bytes when the authority signs)
    | manifest length (u32) | manifest (canonical JSON) | Ed25519 signature (64)
    | entry bytes, concatenated in manifest order

The manifest names the format, its version, free ``meta`` fields and every entry with its size
and SHA-256. The signature covers ``DOMAIN | magic | version | signer | SHA-256(certificate) |
manifest``. Readers check, in this order: magic, version, lengths, who the signer is (the caller's
trust policy), the signature, and only then parse the manifest and check every entry's hash.
See docs/formats/container.md.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.seal.canonical import canonical_bytes, parse_json, sha256_hex
from kiosk.seal.keys import SIGNATURE_SIZE, KeyPair, verify_signature

SIGNING_DOMAIN = b"certkiosk/seal\x00"
MAX_MANIFEST = 4 * 1024 * 1024
MAX_CERTIFICATE = 16 * 1024
MAX_ENTRIES = 10_000
ENTRY_NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$")


class Kind(Enum):
    """The artefact kinds, each with its magic, format name, current version and label."""

    ENROLMENT_REQUEST = (
        b"CKENRQ\r\n",
        "certkiosk/enrolment-request",
        1,
        "centre enrolment request",
    )
    CENTRE_CERTIFICATE = (b"CKCCRT\r\n", "certkiosk/centre-certificate", 1, "centre certificate")
    CONTENT_PACK = (b"CKPACK\r\n", "certkiosk/content-pack", 1, "content pack")
    SESSION_PACKAGE = (b"CKSESS\r\n", "certkiosk/session-package", 1, "session package")
    RESULT_BUNDLE = (b"CKBNDL\r\n", "certkiosk/result-bundle", 1, "result bundle")
    KIOSK_KIT = (b"CKKKIT\r\n", "certkiosk/kiosk-kit", 2, "kiosk kit")  # 2: candidate numbers

    @property
    def magic(self) -> bytes:
        """The 8 bytes a file of this kind starts with."""
        return self.value[0]

    @property
    def format_name(self) -> str:
        """The ``format`` value in the manifest."""
        return self.value[1]

    @property
    def version(self) -> int:
        """The only version this software writes and reads."""
        return self.value[2]

    @property
    def label(self) -> str:
        """What a person calls it."""
        return self.value[3]


MAGIC_SIZE = 8
_HEAD = struct.Struct(">8sH32sI")


def kind_of(data: bytes) -> Kind | None:
    """The kind announced by ``data``'s magic, or None."""
    for kind in Kind:
        if data[:MAGIC_SIZE] == kind.magic:
            return kind
    return None


def _signed_message(head: bytes, certificate: bytes, manifest: bytes) -> bytes:
    return SIGNING_DOMAIN + head[:42] + hashlib.sha256(certificate).digest() + manifest


def write_container(
    kind: Kind,
    meta: dict[str, Any],
    entries: Sequence[tuple[str, bytes]],
    signer: KeyPair,
    certificate: bytes = b"",
) -> bytes:
    """Build and sign a container.

    Args:
        kind: what the artefact is.
        meta: signed descriptive fields (canonical-JSON-able).
        entries: (name, bytes) in order; names are unique, ``[A-Za-z0-9._-]``.
        signer: the signing party's keys.
        certificate: the signer's centre certificate (empty when the authority signs).

    Raises:
        InvalidInput: a bad or duplicate entry name.
    """
    names = [n for n, _ in entries]
    for name in names:
        if not ENTRY_NAME_RE.match(name):
            raise InvalidInput(f"invalid entry name '{name}'")
    if len(set(names)) != len(names):
        raise InvalidInput("duplicate entry names")
    manifest = canonical_bytes(
        {
            "format": kind.format_name,
            "version": kind.version,
            "meta": meta,
            "entries": [{"name": n, "size": len(b), "sha256": sha256_hex(b)} for n, b in entries],
        }
    )
    head = _HEAD.pack(kind.magic, kind.version, signer.public.signing, len(certificate))
    signature = signer.sign(_signed_message(head, certificate, manifest))
    parts = [head, certificate, struct.pack(">I", len(manifest)), manifest, signature]
    parts.extend(b for _, b in entries)
    return b"".join(parts)


@dataclass(frozen=True, slots=True)
class Container:
    """A verified container: every field here is covered by a checked signature."""

    kind: Kind
    version: int
    signer: bytes
    certificate: bytes
    meta: dict[str, Any]
    entries: dict[str, bytes]
    signer_info: Any

    def entry(self, name: str) -> bytes:
        """The bytes of a required entry.

        Raises:
            IntegrityError: the entry is missing.
        """
        if name not in self.entries:
            raise IntegrityError(f"{self.kind.label}: missing entry '{name}'")
        return self.entries[name]


SignerPolicy = Callable[[Kind, bytes, bytes], Any]
"""Decides whether (kind, signer public key, certificate) is trusted; raises IntegrityError if not."""


@dataclass(frozen=True, slots=True)
class _Frame:
    head: bytes
    kind: Kind
    version: int
    signer: bytes
    certificate: bytes
    manifest: bytes
    signature: bytes
    body: bytes


def _frame(data: bytes, expected: Kind | None) -> _Frame:
    kind = kind_of(data)
    if kind is None:
        raise InvalidInput("not a certkiosk artefact (unknown magic)")
    if expected is not None and kind is not expected:
        raise InvalidInput(f"this is a {kind.label}, not a {expected.label}")
    label = kind.label
    if len(data) < _HEAD.size:
        raise IntegrityError(f"{label} is truncated (header incomplete)")
    _, version, signer, cert_len = _HEAD.unpack_from(data)
    if version != kind.version:
        raise InvalidInput(
            f"unsupported {label} version {version} (this software reads version {kind.version})"
        )
    if cert_len > MAX_CERTIFICATE:
        raise IntegrityError(f"{label}: signer certificate length {cert_len} is implausible")
    pos = _HEAD.size
    certificate = data[pos : pos + cert_len]
    pos += cert_len
    if len(data) < pos + 4:
        raise IntegrityError(f"{label} is truncated (no manifest)")
    (man_len,) = struct.unpack_from(">I", data, pos)
    pos += 4
    if man_len > MAX_MANIFEST:
        raise IntegrityError(f"{label}: manifest length {man_len} is implausible")
    if len(data) < pos + man_len + SIGNATURE_SIZE:
        raise IntegrityError(f"{label} is truncated (manifest or signature incomplete)")
    manifest = data[pos : pos + man_len]
    pos += man_len
    signature = data[pos : pos + SIGNATURE_SIZE]
    return _Frame(
        data[: _HEAD.size],
        kind,
        version,
        signer,
        certificate,
        manifest,
        signature,
        data[pos + SIGNATURE_SIZE :],
    )


def _entries(frame: _Frame, manifest: Any) -> tuple[dict[str, Any], dict[str, bytes]]:
    label = frame.kind.label
    if not isinstance(manifest, dict) or set(manifest) != {"format", "version", "meta", "entries"}:
        raise IntegrityError(f"{label}: manifest has unexpected fields")
    if manifest["format"] != frame.kind.format_name or manifest["version"] != frame.version:
        raise IntegrityError(f"{label}: manifest format/version do not match the header")
    meta, listed = manifest["meta"], manifest["entries"]
    if not isinstance(meta, dict) or not isinstance(listed, list) or len(listed) > MAX_ENTRIES:
        raise IntegrityError(f"{label}: malformed manifest")
    entries: dict[str, bytes] = {}
    pos = 0
    for item in listed:
        if not isinstance(item, dict) or set(item) != {"name", "size", "sha256"}:
            raise IntegrityError(f"{label}: malformed manifest entry")
        name, size, digest = item["name"], item["size"], item["sha256"]
        if not isinstance(name, str) or not ENTRY_NAME_RE.match(name) or name in entries:
            raise IntegrityError(f"{label}: invalid or duplicate entry name")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise IntegrityError(f"{label}: invalid size for entry '{name}'")
        blob = frame.body[pos : pos + size]
        if len(blob) != size:
            raise IntegrityError(f"{label} is truncated (entry '{name}' incomplete)")
        if sha256_hex(blob) != digest:
            raise IntegrityError(f"{label}: entry '{name}' does not match its SHA-256")
        entries[name] = blob
        pos += size
    if pos != len(frame.body):
        raise IntegrityError(f"{label}: {len(frame.body) - pos} unexpected bytes after the entries")
    return meta, entries


def open_container(data: bytes, expected: Kind | None, policy: SignerPolicy) -> Container:
    """Verify and open a container.

    Args:
        data: the whole file.
        expected: the kind the caller wants (None: any kind).
        policy: the trust decision for the signer; its return value is kept as ``signer_info``.

    Raises:
        InvalidInput: not this kind of artefact, or an unsupported version.
        IntegrityError: truncated, untrusted signer, bad signature, altered entry.
    """
    frame = _frame(data, expected)
    info = policy(frame.kind, frame.signer, frame.certificate)
    message = _signed_message(frame.head, frame.certificate, frame.manifest)
    if not verify_signature(frame.signer, frame.signature, message):
        raise IntegrityError(f"{frame.kind.label}: invalid signature (altered or forged)")
    try:
        manifest = parse_json(frame.manifest, f"{frame.kind.label} manifest", canonical=True)
    except InvalidInput as exc:
        raise IntegrityError(exc.message) from None
    meta, entries = _entries(frame, manifest)
    return Container(
        frame.kind, frame.version, frame.signer, frame.certificate, meta, entries, info
    )
