"""A key pair stored encrypted under a passphrase (argon2id → AES-256-GCM).

File format ``certkiosk/keystore`` version 1 (JSON): role, name, public keys, KDF parameters and
salt, and the AES-GCM-encrypted private keys. See docs/formats/keystore.md.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw

from kiosk.core.errors import AuthenticationError, IntegrityError, InvalidInput
from kiosk.seal.aead import decrypt, encrypt
from kiosk.seal.atomic import write_atomic
from kiosk.seal.canonical import b64decode, b64encode, canonical_bytes, parse_json
from kiosk.seal.keys import KEY_SIZE, KeyPair, PublicIdentity

KEYSTORE_FORMAT = "certkiosk/keystore"
KEYSTORE_VERSION = 1
MAX_KEYSTORE_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost parameters (memory in KiB)."""

    time_cost: int = 3
    memory_cost: int = 64 * 1024
    parallelism: int = 1

    def check(self) -> None:
        """Refuse parameters outside sane bounds (a file must not make us allocate gigabytes).

        Raises:
            InvalidInput: out-of-range parameter.
        """
        if not (1 <= self.time_cost <= 20 and 8 <= self.memory_cost <= 1024 * 1024):
            raise InvalidInput("keystore: key-derivation parameters out of range")
        if not 1 <= self.parallelism <= 16:
            raise InvalidInput("keystore: key-derivation parallelism out of range")


DEFAULT_KDF = KdfParams()


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """A 256-bit key from a passphrase with argon2id."""
    params.check()
    return hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _aad(role: str, name: str, public: PublicIdentity) -> bytes:
    return canonical_bytes(
        {
            "role": role,
            "name": name,
            "signing": b64encode(public.signing),
            "encryption": b64encode(public.encryption),
        }
    )


def keystore_bytes(
    keys: KeyPair, role: str, name: str, passphrase: str, params: KdfParams = DEFAULT_KDF
) -> bytes:
    """Serialise ``keys`` encrypted under ``passphrase``.

    Raises:
        InvalidInput: empty passphrase.
    """
    if not passphrase:
        raise InvalidInput("the passphrase must not be empty")
    salt = os.urandom(16)
    sign_raw, enc_raw = keys.private_raw()
    public = keys.public
    blob = encrypt(
        derive_key(passphrase, salt, params), sign_raw + enc_raw, _aad(role, name, public)
    )
    doc = {
        "format": KEYSTORE_FORMAT,
        "version": KEYSTORE_VERSION,
        "role": role,
        "name": name,
        "public": {
            "signing": b64encode(public.signing),
            "encryption": b64encode(public.encryption),
        },
        "kdf": {
            "name": "argon2id",
            "time_cost": params.time_cost,
            "memory_cost": params.memory_cost,
            "parallelism": params.parallelism,
            "salt": b64encode(salt),
        },
        "sealed": b64encode(blob),
    }
    return canonical_bytes(doc) + b"\n"


@dataclass(frozen=True, slots=True)
class Keystore:
    """A parsed keystore file; ``unlock`` needs the passphrase."""

    role: str
    name: str
    public: PublicIdentity
    params: KdfParams
    salt: bytes
    sealed: bytes

    def unlock(self, passphrase: str) -> KeyPair:
        """Decrypt the private keys.

        Raises:
            AuthenticationError: wrong passphrase. IntegrityError: keys do not match the public part.
        """
        key = derive_key(passphrase, self.salt, self.params)
        try:
            raw = decrypt(key, self.sealed, _aad(self.role, self.name, self.public), "keystore")
        except IntegrityError:
            raise AuthenticationError("wrong passphrase for the keystore") from None
        keys = KeyPair.from_raw(raw[:KEY_SIZE], raw[KEY_SIZE:])
        if keys.public != self.public:
            raise IntegrityError("keystore: private keys do not match the public keys")
        return keys


def _field(doc: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = doc.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise InvalidInput(f"{where}: missing or invalid '{key}'")
    return value


def parse_keystore(data: bytes, where: str) -> Keystore:
    """Parse a keystore file's bytes.

    Raises:
        InvalidInput: not a keystore, unknown version, malformed field.
    """
    if len(data) > MAX_KEYSTORE_BYTES:
        raise InvalidInput(f"{where}: too large for a keystore")
    doc = parse_json(data.rstrip(b"\n"), where)
    if not isinstance(doc, dict) or doc.get("format") != KEYSTORE_FORMAT:
        raise InvalidInput(f"{where}: not a certkiosk keystore")
    if doc.get("version") != KEYSTORE_VERSION:
        raise InvalidInput(f"{where}: unsupported keystore version {doc.get('version')!r}")
    pub = _field(doc, "public", dict, where)
    kdf = _field(doc, "kdf", dict, where)
    if kdf.get("name") != "argon2id":
        raise InvalidInput(f"{where}: unsupported key derivation {kdf.get('name')!r}")
    params = KdfParams(
        time_cost=_field(kdf, "time_cost", int, where),
        memory_cost=_field(kdf, "memory_cost", int, where),
        parallelism=_field(kdf, "parallelism", int, where),
    )
    params.check()
    return Keystore(
        role=_field(doc, "role", str, where),
        name=_field(doc, "name", str, where),
        public=PublicIdentity(
            signing=b64decode(_field(pub, "signing", str, where), "signing key", KEY_SIZE),
            encryption=b64decode(_field(pub, "encryption", str, where), "encryption key", KEY_SIZE),
        ),
        params=params,
        salt=b64decode(_field(kdf, "salt", str, where), "salt", 16),
        sealed=b64decode(_field(doc, "sealed", str, where), "sealed keys"),
    )


def save_keystore(
    path: Path,
    keys: KeyPair,
    role: str,
    name: str,
    passphrase: str,
    params: KdfParams = DEFAULT_KDF,
) -> None:
    """Write an encrypted keystore file atomically (owner-only permissions)."""
    write_atomic(path, keystore_bytes(keys, role, name, passphrase, params), private=True)


def load_keystore(path: Path) -> Keystore:
    """Read and parse a keystore file.

    Raises:
        InvalidInput: missing, unreadable or malformed file.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"no keystore at {path}") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}") from None
    return parse_keystore(data, str(path))
