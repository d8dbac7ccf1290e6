"""Where a kiosk's session data comes from: the ``KioskSession`` interface and an in-memory one.

Qt-free. A kiosk needs the session details, its candidates (identity, extra time, profile), the
content pack's items and media, and the invigilator password hash. ``KioskSession`` is that
interface; on a kiosk it is the ``InstalledSession`` a kit brought (kiosk/store/installed_session.py),
and ``MemoryKioskSession`` holds synthetic data for tests. Media are written to a private temporary
folder when first needed, since the viewers read files (decrypted media on disk for the length of
the run: the kiosk account can read them, as it can read the screen; the folder is removed at exit).
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Protocol

from kiosk.core.errors import InvalidInput
from kiosk.core.items import Item
from kiosk.seal.session_model import Candidate, SessionDetails


class KioskSession(Protocol):
    """What a kiosk knows about the session it serves."""

    @property
    def details(self) -> SessionDetails:
        """The session (number, access code, duration...)."""
        ...

    @property
    def candidates(self) -> Sequence[Candidate]:
        """The candidates who may check in at this kiosk."""
        ...

    @property
    def items(self) -> Mapping[str, Item]:
        """The content pack's items by id."""
        ...

    @property
    def password_hash(self) -> str:
        """The invigilator password's salted Argon2id hash."""
        ...

    @property
    def kiosk_id(self) -> str:
        """This kiosk's name in the session's logs."""
        ...

    def media_root(self) -> Path:
        """A readable folder holding the pack's media under their names (``media/1.1/x.csv``)."""
        ...


def _safe_media_name(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise InvalidInput(f"nom de fichier de média invalide : {name}")
    return path


@dataclass
class MemoryKioskSession:
    """A ``KioskSession`` held in memory; media written lazily to a private temporary folder."""

    details: SessionDetails
    candidates: Sequence[Candidate]
    items: Mapping[str, Item]
    password_hash: str
    media: Mapping[str, bytes] = field(default_factory=dict)
    kiosk_id: str = field(default_factory=socket.gethostname)
    _media_dir: Path | None = field(default=None, init=False, repr=False)

    def media_root(self) -> Path:
        """Write every media file once to a private temporary folder and return that folder.

        Raises:
            InvalidInput: a media name that would leave the folder.
        """
        if self._media_dir is not None:
            return self._media_dir
        folder = Path(tempfile.mkdtemp(prefix="certkiosk-media-"))
        os.chmod(folder, 0o700)
        for name, data in self.media.items():
            target = folder.joinpath(*_safe_media_name(name).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        self._media_dir = folder
        return folder

    def cleanup(self) -> None:
        """Delete the temporary media folder."""
        if self._media_dir is not None:
            shutil.rmtree(self._media_dir, ignore_errors=True)
            self._media_dir = None
