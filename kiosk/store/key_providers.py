"""Key providers: what protects the store's random database key at rest.

A provider seals the 256-bit database key into a JSON-able blob and unseals it back. The blob lives
in the store's key file; the clear key never touches the disk. Providers:

- ``PassphraseProvider``: Argon2id (argon2-cffi ``hash_secret_raw``) derives a key-encryption key
  that wraps the database key with AES-256-GCM. For standalone kiosks and tests.
- ``DpapiProvider``: Windows DPAPI (``CryptProtectData`` through ctypes), bound to the account.
- ``KeyringProvider``: a random key-encryption key kept in the OS keychain through the ``keyring``
  library (macOS Keychain), wrapping the database key with AES-256-GCM.

``os_key_provider()`` picks the OS provider for the running platform, or refuses clearly.
"""

from __future__ import annotations

import base64
import os
import sys
from collections.abc import Mapping
from typing import Any, Protocol

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.core.errors import AuthenticationError, EnvironmentFailure, InvalidInput

KEY_BYTES = 32


def b64(data: bytes) -> str:
    """Standard base64 text of ``data``."""
    return base64.b64encode(data).decode("ascii")


def unb64(blob: Mapping[str, Any], name: str) -> bytes:
    """Decode the base64 field ``name`` of a key blob.

    Raises:
        InvalidInput: the field is missing or not base64.
    """
    value = blob.get(name)
    try:
        if not isinstance(value, str):
            raise ValueError(name)
        return base64.b64decode(value, validate=True)
    except ValueError:
        raise InvalidInput(f"fichier de clé : champ « {name} » absent ou illisible") from None


class KeyProvider(Protocol):
    """Seals and unseals the database key; ``name`` is recorded in the key file."""

    name: str

    def seal(self, key: bytes, context: bytes) -> dict[str, Any]:
        """Protect ``key``; ``context`` binds the blob to one store."""
        ...

    def unseal(self, blob: Mapping[str, Any], context: bytes) -> bytes:
        """Recover the key, or raise AuthenticationError when this provider cannot."""
        ...


def _aes_wrap(kek: bytes, key: bytes, context: bytes) -> dict[str, Any]:
    nonce = os.urandom(12)
    return {"nonce": b64(nonce), "wrapped_key": b64(AESGCM(kek).encrypt(nonce, key, context))}


def _aes_unwrap(kek: bytes, blob: Mapping[str, Any], context: bytes, what: str) -> bytes:
    try:
        key = AESGCM(kek).decrypt(unb64(blob, "nonce"), unb64(blob, "wrapped_key"), context)
    except InvalidTag:
        raise AuthenticationError(what) from None
    if len(key) != KEY_BYTES:
        raise AuthenticationError(what)
    return key


class PassphraseProvider:
    """Argon2id(passphrase) → AES-256-GCM key-encryption key."""

    name = "passphrase"

    def __init__(
        self,
        passphrase: str,
        *,
        time_cost: int = 3,
        memory_kib: int = 64 * 1024,
        parallelism: int = 2,
    ) -> None:
        if not passphrase:
            raise InvalidInput("La phrase de passe ne peut pas être vide")
        self._secret = passphrase.encode("utf-8")
        self._params = {
            "time_cost": time_cost,
            "memory_kib": memory_kib,
            "parallelism": parallelism,
        }

    def _kek(self, salt: bytes, params: Mapping[str, Any]) -> bytes:
        try:
            t, m, p = (int(params[k]) for k in ("time_cost", "memory_kib", "parallelism"))
        except (KeyError, TypeError, ValueError):
            raise InvalidInput("fichier de clé : paramètres Argon2id illisibles") from None
        return hash_secret_raw(self._secret, salt, t, m, p, KEY_BYTES, Type.ID)

    def seal(self, key: bytes, context: bytes) -> dict[str, Any]:
        """Wrap ``key`` under a key derived from the passphrase and a fresh salt."""
        salt = os.urandom(16)
        kdf = {"name": "argon2id", "salt": b64(salt), **self._params}
        return {"kdf": kdf, **_aes_wrap(self._kek(salt, self._params), key, context)}

    def unseal(self, blob: Mapping[str, Any], context: bytes) -> bytes:
        """Unwrap the key; a wrong passphrase raises AuthenticationError."""
        kdf = blob.get("kdf")
        if not isinstance(kdf, Mapping) or kdf.get("name") != "argon2id":
            raise InvalidInput("fichier de clé : dérivation inconnue (argon2id attendu)")
        kek = self._kek(unb64(kdf, "salt"), kdf)
        return _aes_unwrap(kek, blob, context, "Phrase de passe incorrecte")


class KeyringBackend(Protocol):
    """The two calls of the ``keyring`` library this provider uses."""

    def get_password(self, service_name: str, username: str) -> str | None:
        """Read a secret."""
        ...

    def set_password(self, service_name: str, username: str, password: str) -> None:
        """Store a secret."""
        ...


class KeyringProvider:
    """A random key-encryption key kept in the OS keychain (``keyring``), AES-GCM wrapping."""

    name = "keyring"
    service = "certkiosk-store"

    def __init__(self, account: str, backend: KeyringBackend | None = None) -> None:
        self.account = account
        self._backend = backend

    def _keyring(self) -> KeyringBackend:
        if self._backend is None:
            try:
                import keyring
            except ImportError:
                raise EnvironmentFailure(
                    "Le trousseau du système n'est pas disponible (module keyring absent)"
                ) from None
            self._backend = keyring
        return self._backend

    def seal(self, key: bytes, context: bytes) -> dict[str, Any]:
        """Store a fresh key-encryption key in the keychain and wrap ``key`` with it."""
        kek = os.urandom(KEY_BYTES)
        self._keyring().set_password(self.service, self.account, b64(kek))
        return {"account": self.account, **_aes_wrap(kek, key, context)}

    def unseal(self, blob: Mapping[str, Any], context: bytes) -> bytes:
        """Fetch the key-encryption key from the keychain and unwrap."""
        account = blob.get("account", self.account)
        stored = self._keyring().get_password(self.service, str(account))
        if stored is None:
            raise AuthenticationError("La clé des données est absente du trousseau du système")
        kek = base64.b64decode(stored)
        return _aes_unwrap(kek, blob, context, "La clé du trousseau ne correspond pas aux données")


class DpapiProvider:
    """Windows DPAPI (CurrentUser scope): only this Windows account on this machine can unseal."""

    name = "dpapi"

    def seal(self, key: bytes, context: bytes) -> dict[str, Any]:
        """Protect ``key`` with CryptProtectData, ``context`` as extra entropy."""
        from kiosk.store import dpapi

        return {"blob": b64(dpapi.protect(key, context))}

    def unseal(self, blob: Mapping[str, Any], context: bytes) -> bytes:
        """Recover the key with CryptUnprotectData."""
        from kiosk.store import dpapi

        key = dpapi.unprotect(unb64(blob, "blob"), context)
        if len(key) != KEY_BYTES:
            raise AuthenticationError("Clé protégée par Windows illisible")
        return key


def os_key_provider(account: str, platform: str | None = None) -> KeyProvider:
    """The OS-protected key provider for ``platform`` (default: this one).

    Raises:
        EnvironmentFailure: this system offers no protected storage we support; use a passphrase.
    """
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        return DpapiProvider()
    if platform == "darwin":
        return KeyringProvider(account)
    raise EnvironmentFailure(
        f"Aucun stockage protégé du système pris en charge sur « {platform} » : "
        "utilisez une phrase de passe"
    )
