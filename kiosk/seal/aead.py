"""Encryption: AES-256-GCM under a symmetric key, and to a recipient's X25519 key (ECDH + HKDF).

Sealed-to-recipient layout: ephemeral X25519 public key (32) | nonce (12) | AES-GCM ciphertext+tag.
The AES key is HKDF-SHA256(shared secret, salt = ephemeral pub | recipient pub, info = label).
Symmetric layout: nonce (12) | ciphertext+tag. Nonces come from ``os.urandom``.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from kiosk.core.errors import IntegrityError
from kiosk.seal.keys import KEY_SIZE, x25519_public

NONCE_SIZE = 12
TAG_SIZE = 16
SYMMETRIC_KEY_SIZE = 32


def new_symmetric_key() -> bytes:
    """A fresh 256-bit AES key from the OS."""
    return os.urandom(SYMMETRIC_KEY_SIZE)


def encrypt(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """AES-256-GCM encrypt with a random nonce; returns nonce | ciphertext."""
    nonce = os.urandom(NONCE_SIZE)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def decrypt(key: bytes, blob: bytes, aad: bytes, what: str) -> bytes:
    """Inverse of ``encrypt``.

    Raises:
        IntegrityError: wrong key, altered or truncated data.
    """
    if len(key) != SYMMETRIC_KEY_SIZE:
        raise IntegrityError(f"{what}: the key is not a 256-bit key")
    if len(blob) < NONCE_SIZE + TAG_SIZE:
        raise IntegrityError(f"{what} is truncated")
    try:
        return AESGCM(key).decrypt(blob[:NONCE_SIZE], blob[NONCE_SIZE:], aad)
    except InvalidTag:
        raise IntegrityError(f"{what} cannot be decrypted (wrong key or altered data)") from None


def _derive(shared: bytes, eph_pub: bytes, recipient_pub: bytes, label: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=SYMMETRIC_KEY_SIZE,
        salt=eph_pub + recipient_pub,
        info=b"certkiosk/seal-to/" + label,
    ).derive(shared)


def seal_to(recipient_pub: bytes, plaintext: bytes, label: bytes) -> bytes:
    """Encrypt ``plaintext`` so only the holder of ``recipient_pub``'s private key can read it."""
    recipient = x25519_public(recipient_pub)
    ephemeral = X25519PrivateKey.generate()
    eph_pub = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    key = _derive(ephemeral.exchange(recipient), eph_pub, recipient_pub, label)
    return eph_pub + encrypt(key, plaintext, label)


def open_sealed(private: X25519PrivateKey, blob: bytes, label: bytes, what: str) -> bytes:
    """Inverse of ``seal_to`` with the recipient's private key.

    Raises:
        IntegrityError: not for this key, altered or truncated.
    """
    if len(blob) < KEY_SIZE + NONCE_SIZE + TAG_SIZE:
        raise IntegrityError(f"{what} is truncated")
    eph_pub = blob[:KEY_SIZE]
    my_pub = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    try:
        shared = private.exchange(x25519_public(eph_pub))
    except ValueError:
        raise IntegrityError(f"{what}: invalid ephemeral key") from None
    key = _derive(shared, eph_pub, my_pub, label)
    return decrypt(key, blob[KEY_SIZE:], label, what)
