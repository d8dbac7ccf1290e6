"""Where a kiosk's session data comes from: the ``KioskSession`` interface and its implementations.

Qt-free. A kiosk needs the session details, its candidates (identity, extra time, profile), the
content pack's items and media, and the invigilator password hash. ``KioskSession`` is that
interface. ``MemoryKioskSession`` holds the data in memory (tests, the demo); the data folder keeps it
in ``kiosk-session.bin`` beside the store — JSON encrypted with AES-256-GCM under a random key that
the store's key provider seals in ``kiosk-session.key`` (the same protection as the database key).

The "kiosk kit" (issue 8) will fill this file from the console; until then the demo writes it.
Media are written to a private temporary folder when first needed, since the viewers read files
(decrypted media on disk for the length of the run: the kiosk account can read them, as it can read
the screen; the folder is removed at exit).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from kiosk.core.errors import InvalidInput
from kiosk.core.items import Item
from kiosk.seal.aead import decrypt, encrypt, new_symmetric_key
from kiosk.seal.atomic import write_atomic
from kiosk.seal.passwords import check_password_hash
from kiosk.seal.session_model import Candidate, SessionDetails
from kiosk.store.key_providers import KeyProvider
from kiosk.store.keyfile import read_key_file, unseal_key, write_key_file

FORMAT = "certkiosk/kiosk-session"
VERSION = 1
SESSION_FILE = "kiosk-session.bin"
SESSION_KEY_FILE = "kiosk-session.key"
_AAD = f"{FORMAT}@{VERSION}".encode()


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


def session_to_json(session: KioskSession, media: Mapping[str, bytes]) -> bytes:
    """The plain JSON form of a kiosk session (before encryption)."""
    body: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "kiosk_id": session.kiosk_id,
        "session": session.details.to_dict(),
        "candidates": [c.to_dict() for c in session.candidates],
        "items": [item.to_dict() for item in session.items.values()],
        "media": {name: base64.b64encode(data).decode("ascii") for name, data in media.items()},
        "password_hash": session.password_hash,
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")


def session_from_json(data: bytes, where: str) -> MemoryKioskSession:
    """Inverse of ``session_to_json``.

    Raises:
        InvalidInput: not a kiosk session, an unknown version or a malformed field.
    """
    try:
        body = json.loads(data)
    except ValueError as exc:
        raise InvalidInput(f"{where} : JSON illisible ({exc})") from exc
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise InvalidInput(f"{where} : ce n'est pas une session de kiosque")
    if body.get("version") != VERSION:
        raise InvalidInput(
            f"{where} : version {body.get('version')!r} inconnue ({VERSION} attendue)"
        )
    try:
        items = [Item.from_dict(raw) for raw in body["items"]]
        media = {str(k): base64.b64decode(v, validate=True) for k, v in body["media"].items()}
        session = MemoryKioskSession(
            details=SessionDetails.from_dict(body["session"], f"{where}: session"),
            candidates=tuple(
                Candidate.from_dict(raw, f"{where}: candidat {i + 1}")
                for i, raw in enumerate(body["candidates"])
            ),
            items={item.id: item for item in items},
            password_hash=check_password_hash(str(body["password_hash"])),
            media=media,
            kiosk_id=str(body["kiosk_id"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InvalidInput(f"{where} : champ manquant ou invalide ({exc})") from exc
    return session


def write_session_file(
    data_dir: Path, session: KioskSession, media: Mapping[str, bytes], provider: KeyProvider
) -> None:
    """Encrypt and store a kiosk session in ``data_dir`` (atomic writes).

    Raises:
        StorageFull / EnvironmentFailure: the files cannot be written.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    key = new_symmetric_key()
    write_key_file(data_dir / SESSION_KEY_FILE, key, provider)
    write_atomic(
        data_dir / SESSION_FILE, encrypt(key, session_to_json(session, media), _AAD), private=True
    )


def has_session_file(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds a kiosk session."""
    return (data_dir / SESSION_FILE).exists() and (data_dir / SESSION_KEY_FILE).exists()


def read_session_file(data_dir: Path, provider: KeyProvider) -> MemoryKioskSession:
    """Decrypt the kiosk session of ``data_dir``.

    Raises:
        InvalidInput: no session there, or a malformed one.
        AuthenticationError: wrong passphrase/account.
        IntegrityError: the file was altered.
    """
    path = data_dir / SESSION_FILE
    if not has_session_file(data_dir):
        raise InvalidInput(f"Aucune session n'est installée dans {data_dir}")
    key = unseal_key(read_key_file(data_dir / SESSION_KEY_FILE), provider)
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{path} illisible ({exc.strerror})") from exc
    return session_from_json(decrypt(key, blob, _AAD, str(path)), str(path))
