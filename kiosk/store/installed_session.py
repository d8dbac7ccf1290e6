"""What the kiosk's setup store hands out: its identity, its pinned centre, the installed session.

Plain values (Qt-free) read from ``kiosk.store.kiosk_setup.KioskSetup``: ``KioskIdentity`` (number,
name, keys), ``Pinned`` (the centre and authority the first kit tied the kiosk to),
``InstalledSession`` (the session of the active kit, as the kiosk app runs it, with each seated
candidate's number in the session package) and ``KitBinding``
(what ties an export to the kit that ran it).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.core.errors import InvalidInput
from kiosk.seal.archive import extract_to
from kiosk.seal.keys import KeyPair, PublicIdentity
from kiosk.seal.kiosk_identity import KioskRecord, kiosk_id_for

if TYPE_CHECKING:
    from kiosk.core.items import Item
    from kiosk.seal.session_model import Candidate, SessionDetails


@dataclass(frozen=True, slots=True)
class KioskIdentity:
    """This kiosk: number and name in the room, and its keys (private half stays in the store)."""

    number: int
    name: str
    keys: KeyPair
    created_at: datetime

    @property
    def kiosk_id(self) -> str:
        """The kiosk's id in logs and exports (``poste-07``)."""
        return kiosk_id_for(self.number)

    @property
    def record(self) -> KioskRecord:
        """The public record the console keeps."""
        return KioskRecord(self.number, self.name, self.keys.public, self.created_at)


@dataclass(frozen=True, slots=True)
class Pinned:
    """The centre and authority this kiosk belongs to (set by its first kit).

    ``centre_encryption`` is the centre's X25519 key that kiosk exports are sealed to (None only
    in a store pinned before it was kept: the next kit import fills it in).
    """

    centre_id: str
    centre_name: str
    centre_key: bytes
    authority: PublicIdentity
    centre_encryption: bytes | None = None

    @property
    def centre(self) -> PublicIdentity | None:
        """The centre's public keys, when both are known."""
        if self.centre_encryption is None:
            return None
        return PublicIdentity(self.centre_key, self.centre_encryption)


@dataclass(frozen=True, slots=True)
class KitBinding:
    """What ties a kiosk's export to the kit it ran: put ``manifest_fields()`` in the export."""

    kit_id: str
    session_id: str
    centre_id: str
    kiosk_id: str
    kiosk_number: int
    kiosk_name: str
    keys: KeyPair

    def manifest_fields(self) -> dict[str, Any]:
        """The fields an export manifest carries (signed there with ``keys``)."""
        return {"kit_id": self.kit_id, "kiosk_id": self.kiosk_id, "kiosk_key_id": self.key_id}

    @property
    def key_id(self) -> str:
        """Fingerprint of the kiosk's signing key."""
        return self.keys.public.key_id


@dataclass
class InstalledSession:
    """The session of the active kit, as the kiosk app runs it (a ``KioskSession``).

    ``candidate_numbers`` maps each seated candidate's id to their 1-based position in the session
    package: the candidate number challenge codes carry and the console reads back. It differs
    from the position in ``candidates`` when the kit seats only some of the session's candidates.
    """

    kit_id: str
    details: SessionDetails
    candidates: Sequence[Candidate]
    candidate_numbers: Mapping[str, int]
    items: Mapping[str, Item]
    password_hash: str
    session_secret: bytes
    kiosk_id: str
    kiosk_number: int
    expires_at: datetime
    media: Mapping[str, bytes] = field(default_factory=dict, repr=False)
    _media_dir: Path | None = field(default=None, init=False, repr=False)

    def candidate_number(self, candidate_id: str) -> int:
        """The candidate's number in the session package (the number in challenge codes).

        Raises:
            InvalidInput: the candidate is not seated by this kiosk's kit.
        """
        number = self.candidate_numbers.get(candidate_id)
        if number is None:
            raise InvalidInput(f"candidat {candidate_id} absent du kit de ce poste")
        return number

    def media_root(self) -> Path:
        """Write the media once to a private (0700) temporary folder and return it.

        Raises:
            IntegrityError: a media name that would leave the folder.
        """
        if self._media_dir is None:
            folder = Path(tempfile.mkdtemp(prefix="certkiosk-media-"))
            os.chmod(folder, 0o700)
            extract_to(dict(self.media), folder)
            self._media_dir = folder
        return self._media_dir

    def cleanup(self) -> None:
        """Delete the temporary media folder."""
        if self._media_dir is not None:
            shutil.rmtree(self._media_dir, ignore_errors=True)
            self._media_dir = None
