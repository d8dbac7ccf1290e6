"""Key pairs: Ed25519 for signing, X25519 for receiving, with stable key ids."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from kiosk.core.errors import InvalidInput

KEY_SIZE = 32
SIGNATURE_SIZE = 64


def _raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(public_raw: bytes) -> str:
    """Short fingerprint of a raw public key: 16 hex digits of its SHA-256."""
    return hashlib.sha256(public_raw).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class PublicIdentity:
    """The public half of a party: signing and encryption keys (raw 32 bytes each)."""

    signing: bytes
    encryption: bytes

    @property
    def key_id(self) -> str:
        """Fingerprint of the signing key."""
        return key_id(self.signing)

    def verify(self, signature: bytes, message: bytes) -> bool:
        """Whether ``signature`` is this identity's Ed25519 signature of ``message``."""
        return verify_signature(self.signing, signature, message)


@dataclass(frozen=True, slots=True)
class KeyPair:
    """A party's private keys (Ed25519 signing + X25519 receiving)."""

    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey

    @staticmethod
    def generate() -> KeyPair:
        """Fresh keys from the OS random generator."""
        return KeyPair(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @property
    def public(self) -> PublicIdentity:
        """The matching public keys."""
        return PublicIdentity(
            signing=_raw_public(self.signing.public_key()),
            encryption=_raw_public(self.encryption.public_key()),
        )

    def sign(self, message: bytes) -> bytes:
        """Ed25519 signature of ``message``."""
        return self.signing.sign(message)

    def private_raw(self) -> tuple[bytes, bytes]:
        """Raw private keys (signing, encryption), for the encrypted keystore only."""
        fmt = (Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return self.signing.private_bytes(*fmt), self.encryption.private_bytes(*fmt)

    @staticmethod
    def from_raw(signing: bytes, encryption: bytes) -> KeyPair:
        """Inverse of ``private_raw``.

        Raises:
            InvalidInput: not 32-byte keys.
        """
        if len(signing) != KEY_SIZE or len(encryption) != KEY_SIZE:
            raise InvalidInput("private keys must be 32 bytes each")
        return KeyPair(
            Ed25519PrivateKey.from_private_bytes(signing),
            X25519PrivateKey.from_private_bytes(encryption),
        )


def verify_signature(public_raw: bytes, signature: bytes, message: bytes) -> bool:
    """Whether ``signature`` is a valid Ed25519 signature of ``message`` by ``public_raw``."""
    if len(public_raw) != KEY_SIZE or len(signature) != SIGNATURE_SIZE:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def x25519_public(public_raw: bytes) -> X25519PublicKey:
    """An X25519 public key from its raw bytes.

    Raises:
        InvalidInput: not a 32-byte key.
    """
    if len(public_raw) != KEY_SIZE:
        raise InvalidInput("an X25519 public key is 32 bytes")
    return X25519PublicKey.from_public_bytes(public_raw)
