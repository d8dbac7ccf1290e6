"""Key providers: what protects the store's random database key at rest.

A provider seals the 256-bit database key into a JSON-able blob and unseals it back. The blob lives
in the store's key file; the clear key never touches the disk. Providers:

- ``PassphraseProvider``: Argon2id (argon2-cffi ``hash_secret_raw``) derives a key-encryption key
  that wraps the database key with AES-256-GCM. For standalone kiosks and tests. One provider
  derives each key-encryption key once and keeps it in memory only; new blobs reuse the salt (and
  so the key-encryption key) it already derived, so a process opening two stores sealed by it (the
  kiosk's attempt and setup stores) pays Argon2id once.
- ``DpapiProvider``: Windows DPAPI (``CryptProtectData`` through ctypes), bound to the account.
- ``KeyringProvider``: a random key-encryption key kept in the OS keychain through the ``keyring``
  library (macOS Keychain), wrapping the database key with AES-256-GCM.

``os_key_provider()`` picks the OS provider for the running platform, or refuses clearly.

Argon2id (``argon2-cffi``) and AES-GCM (``cryptography``) are imported when a key is first derived,
sealed or unsealed (on the store thread), so choosing a provider costs the kiosk's start nothing
measurable before its first screen is painted.
"""

from __future__ import annotations

import base64
import os
import sys
from collections.abc import Mapping
from typing import Any, Protocol

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
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return {"nonce": b64(nonce), "wrapped_key": b64(AESGCM(kek).encrypt(nonce, key, context))}


def _aes_unwrap(kek: bytes, blob: Mapping[str, Any], context: bytes, what: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

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
        # Derived key-encryption keys, by (salt, t, m, p): in memory only, never written.
        self._keks: dict[tuple[bytes, int, int, int], bytes] = {}
        self._sealing_salt: bytes | None = None  # the salt new blobs are sealed with

    def _kek(self, salt: bytes, params: Mapping[str, Any]) -> bytes:
        try:
            t, m, p = (int(params[k]) for k in ("time_cost", "memory_kib", "parallelism"))
        except (KeyError, TypeError, ValueError):
            raise InvalidInput("fichier de clé : paramètres Argon2id illisibles") from None
        memo = (salt, t, m, p)
        kek = self._keks.get(memo)
        if kek is None:
            from argon2.low_level import Type, hash_secret_raw

            kek = hash_secret_raw(self._secret, salt, t, m, p, KEY_BYTES, Type.ID)
            self._keks[memo] = kek
        return kek

    def seal(self, key: bytes, context: bytes) -> dict[str, Any]:
        """Wrap ``key`` under the provider's key-encryption key (fresh salt the first time)."""
        if self._sealing_salt is None:
            self._sealing_salt = os.urandom(16)
        salt = self._sealing_salt
        kdf = {"name": "argon2id", "salt": b64(salt), **self._params}
        return {"kdf": kdf, **_aes_wrap(self._kek(salt, self._params), key, context)}

    def unseal(self, blob: Mapping[str, Any], context: bytes) -> bytes:
        """Unwrap the key; a wrong passphrase raises AuthenticationError."""
        kdf = blob.get("kdf")
        if not isinstance(kdf, Mapping) or kdf.get("name") != "argon2id":
            raise InvalidInput("fichier de clé : dérivation inconnue (argon2id attendu)")
        salt = unb64(kdf, "salt")
        key = _aes_unwrap(self._kek(salt, kdf), blob, context, "Phrase de passe incorrecte")
        if self._sealing_salt is None and self._same_params(kdf):
            self._sealing_salt = salt  # the passphrase is right: later blobs share this salt
        return key

    def _same_params(self, kdf: Mapping[str, Any]) -> bool:
        return all(kdf.get(k) == v for k, v in self._params.items())

    def seals_alike(self, blob: Mapping[str, Any]) -> bool:
        """Whether ``blob`` shares the key-encryption key of new blobs (re-sealing spares nothing)."""
        kdf = blob.get("kdf")
        if not isinstance(kdf, Mapping) or self._sealing_salt is None:
            return True
        return kdf.get("salt") == b64(self._sealing_salt) and self._same_params(kdf)


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
