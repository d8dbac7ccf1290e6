"""The centre's home folder: keys, certificate, the authority's public keys, packs and sessions.

Layout::

    centre.json                  centre id and name (certkiosk/centre-home, version 1)
    keystore.json                the centre's keys, passphrase-encrypted (kiosk.seal.keystore)
    authority-public.json        the certification body's public keys (given with the software)
    enrolment-request.ckenrq     the request to send to the certification body
    kiosks.json                  the enrolled kiosks and the kits issued (invigilator.kits)
    centre.ccrt                  the centre certificate, once imported
    packs/<pack id>.ckpack       imported content packs (verified)
    sessions/<session id>/       session.cksess (verified), store/ (SQLCipher: session log and
                                 merged attempts), kiosks.json, finalisation.json, exported.json

Nothing here needs the passphrase; ``Workspace`` (invigilator.workspace) unlocks the keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.core.errors import InvalidInput, UserError
from kiosk.seal.atomic import write_atomic
from kiosk.seal.authority_identity import load_identity, parse_identity
from kiosk.seal.canonical import canonical_bytes, parse_json
from kiosk.seal.centre import create_centre
from kiosk.seal.keys import PublicIdentity
from kiosk.seal.keystore import DEFAULT_KDF, KdfParams, load_keystore, save_keystore
from kiosk.seal.record import Record

HOME_FORMAT = "certkiosk/centre-home"
HOME_VERSION = 1
CENTRE_ROLE = "centre"


@dataclass(frozen=True, slots=True)
class CentreIdentity:
    """Who this centre is, as recorded in its home folder."""

    centre_id: str
    name: str
    key_id: str


@dataclass(frozen=True, slots=True)
class CentreHome:
    """Paths and passphrase-free operations on one centre home folder."""

    root: Path

    @property
    def info_path(self) -> Path:
        """centre.json."""
        return self.root / "centre.json"

    @property
    def keystore_path(self) -> Path:
        """The encrypted keystore."""
        return self.root / "keystore.json"

    @property
    def authority_path(self) -> Path:
        """The certification body's public keys."""
        return self.root / "authority-public.json"

    @property
    def request_path(self) -> Path:
        """The enrolment request written by ``create``."""
        return self.root / "enrolment-request.ckenrq"

    @property
    def certificate_path(self) -> Path:
        """The imported centre certificate."""
        return self.root / "centre.ccrt"

    @property
    def kiosk_registry_path(self) -> Path:
        """The register of enrolled kiosks and issued kits."""
        return self.root / "kiosks.json"

    def pack_path(self, pack_id: str) -> Path:
        """Where an imported content pack is kept."""
        return self.root / "packs" / f"{pack_id}.ckpack"

    def session_dir(self, session_id: str) -> Path:
        """A session's folder."""
        return self.root / "sessions" / session_id

    def initialised(self) -> bool:
        """True once the centre's keys exist here."""
        return self.keystore_path.exists() and self.info_path.exists()

    def identity(self) -> CentreIdentity:
        """The centre recorded here.

        Raises:
            InvalidInput: the folder holds no centre yet, or a malformed centre.json.
        """
        if not self.initialised():
            raise InvalidInput(
                f"Aucun centre dans {self.root} : créez d'abord les clés du centre (init-centre)"
            )
        rec = Record(parse_json(self.info_path.read_bytes(), str(self.info_path)), "centre.json")
        if rec.data.get("format") != HOME_FORMAT or rec.data.get("version") != HOME_VERSION:
            raise InvalidInput(f"{self.info_path} : dossier de centre d'une version inconnue")
        key = load_keystore(self.keystore_path).public.key_id
        return CentreIdentity(rec.text("centre_id"), rec.text("name"), key)

    def public_keys(self) -> PublicIdentity:
        """The centre's public keys (no passphrase needed)."""
        return load_keystore(self.keystore_path).public

    def authority(self) -> PublicIdentity:
        """The certification body's public keys.

        Raises:
            InvalidInput: missing or malformed file.
        """
        return load_identity(self.authority_path)

    def create(
        self,
        centre_id: str,
        name: str,
        authority_file: Path,
        passphrase: str,
        now: datetime,
        kdf: KdfParams = DEFAULT_KDF,
    ) -> bytes:
        """Create the centre's keys and its enrolment request here; returns the request.

        Raises:
            UserError: a centre already exists in this folder.
            InvalidInput: bad centre id, empty name or passphrase, unreadable authority file.
        """
        if self.keystore_path.exists():
            raise UserError(
                f"{self.root} contient déjà les clés d'un centre : elles ne seront pas remplacées"
            )
        if len(passphrase) < 8:
            raise InvalidInput("La phrase secrète du centre doit compter au moins 8 caractères")
        try:
            authority_bytes = authority_file.read_bytes()
        except OSError as exc:
            raise InvalidInput(f"Impossible de lire {authority_file} ({exc.strerror})") from None
        parse_identity(authority_bytes, str(authority_file))
        new = create_centre(centre_id, name.strip(), passphrase, now, kdf)
        info: dict[str, Any] = {
            "format": HOME_FORMAT,
            "version": HOME_VERSION,
            "centre_id": centre_id,
            "name": name.strip(),
        }
        write_atomic(self.authority_path, authority_bytes)
        save_keystore(self.keystore_path, new.keys, CENTRE_ROLE, centre_id, passphrase, kdf)
        write_atomic(self.request_path, new.request)
        write_atomic(self.info_path, canonical_bytes(info) + b"\n")
        return new.request

    def session_ids(self) -> list[str]:
        """Every imported session, sorted."""
        folder = self.root / "sessions"
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if (p / "session.cksess").exists())


__all__ = ["CentreHome", "CentreIdentity"]
