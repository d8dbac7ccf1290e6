"""The authority's home folder: keystore, enrolled centres, packs, sessions and results.

Layout::

    keystore.json               passphrase-encrypted root keys (kiosk.seal.keystore)
    authority-public.json       public keys to give to centres
    centres/<centre id>.ccrt    every centre certificate issued (latest per centre)
    packs/<pack id>/pack.key    the pack key sealed to the authority's own X25519 key
    packs/<pack id>/scoring-keys.json
    packs/<pack id>/pack.ckpack a copy of the pack (ingest re-assembles tests from it)
    sessions/<session id>.json  what was scheduled (candidates, profiles, pack, max level)
    results/<session id>/...    ingested results (see authority.results_store)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.core.errors import InvalidInput, UserError
from kiosk.seal.aead import open_sealed, seal_to
from kiosk.seal.atomic import write_atomic
from kiosk.seal.authority_identity import identity_bytes, load_identity
from kiosk.seal.keys import KeyPair, PublicIdentity
from kiosk.seal.keystore import DEFAULT_KDF, KdfParams, load_keystore, save_keystore

AUTHORITY_ROLE = "authority"
_PACK_KEY_LABEL = b"authority/pack-key"


@dataclass(frozen=True, slots=True)
class AuthorityHome:
    """Paths and operations on one authority home folder."""

    root: Path

    @property
    def keystore_path(self) -> Path:
        """The encrypted keystore."""
        return self.root / "keystore.json"

    @property
    def public_path(self) -> Path:
        """The public-key file for centres."""
        return self.root / "authority-public.json"

    def initialise(self, name: str, passphrase: str, kdf: KdfParams = DEFAULT_KDF) -> KeyPair:
        """Create the root keys.

        Raises:
            UserError: a keystore already exists here.
        """
        if self.keystore_path.exists():
            raise UserError(f"{self.keystore_path} already exists: refusing to replace root keys")
        keys = KeyPair.generate()
        save_keystore(self.keystore_path, keys, AUTHORITY_ROLE, name, passphrase, kdf)
        write_atomic(self.public_path, identity_bytes(keys.public, name))
        return keys

    def public(self) -> PublicIdentity:
        """The authority's public keys.

        Raises:
            InvalidInput: not initialised.
        """
        if not self.keystore_path.exists():
            raise InvalidInput(f"no authority keystore in {self.root} (run 'authority init')")
        return load_keystore(self.keystore_path).public

    def unlock(self, passphrase: str) -> KeyPair:
        """The root keys.

        Raises:
            InvalidInput: not initialised. AuthenticationError: wrong passphrase.
        """
        if not self.keystore_path.exists():
            raise InvalidInput(f"no authority keystore in {self.root} (run 'authority init')")
        store = load_keystore(self.keystore_path)
        if store.role != AUTHORITY_ROLE:
            raise InvalidInput(
                f"{self.keystore_path} is a {store.role} keystore, not the authority's"
            )
        return store.unlock(passphrase)

    def check_public_file(self) -> None:
        """Check that ``authority-public.json`` matches the keystore.

        Raises:
            InvalidInput: it does not.
        """
        if load_identity(self.public_path) != self.public():
            raise InvalidInput(f"{self.public_path} does not match the keystore")

    def centre_path(self, centre_id: str) -> Path:
        """Where a centre's certificate is kept."""
        return self.root / "centres" / f"{centre_id}.ccrt"

    def pack_dir(self, pack_id: str) -> Path:
        """A pack's folder."""
        return self.root / "packs" / pack_id

    def save_pack(
        self, pack_id: str, data: bytes, pack_key: bytes, scoring: bytes, keys: KeyPair
    ) -> None:
        """Keep a pack, its key (sealed to ourselves) and its scoring keys."""
        folder = self.pack_dir(pack_id)
        write_atomic(
            folder / "pack.key",
            seal_to(keys.public.encryption, pack_key, _PACK_KEY_LABEL + pack_id.encode()),
            private=True,
        )
        write_atomic(folder / "scoring-keys.json", scoring, private=True)
        write_atomic(folder / "pack.ckpack", data)

    def pack_key(self, pack_id: str, keys: KeyPair) -> bytes:
        """The key of a pack built here.

        Raises:
            InvalidInput: the pack was not built with this home.
        """
        path = self.pack_dir(pack_id) / "pack.key"
        if not path.exists():
            raise InvalidInput(f"pack {pack_id} was not built with this authority home")
        return open_sealed(
            keys.encryption,
            path.read_bytes(),
            _PACK_KEY_LABEL + pack_id.encode(),
            f"key of pack {pack_id}",
        )

    def session_path(self, session_id: str) -> Path:
        """Where a scheduled session's record is kept."""
        return self.root / "sessions" / f"{session_id}.json"

    def results_dir(self, session_id: str) -> Path:
        """Where a session's ingested results go."""
        return self.root / "results" / session_id
