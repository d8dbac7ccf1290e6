"""What a kiosk holds after enrolment and kit import, in its own encrypted SQLCipher file.

``kiosk-setup.db`` sits in the kiosk's data folder beside the attempt store. Its random 256-bit key
is sealed by the same key provider as the store (``kiosk-setup.key``: passphrase, DPAPI or
keyring), so it has the same protection at rest. It holds the kiosk's identity (number, name,
Ed25519 + X25519 private keys), the centre and authority it is pinned to, every kit imported (the
session details, the candidates it may seat, the pack key, the session secret, the invigilator
password hash and the authority-signed content pack), the wrong-code lockout, the sessions
closed on this kiosk and the last challenge counter used (codes never repeat). The values it hands
out are in ``kiosk.store.installed_session``. Qt-free and synchronous: open, use and close it on one thread (the kiosk app
runs it in a job). ``kiosk.store.kit_import`` imports kits into it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.core.clock import Clock, SystemClock
from kiosk.core.errors import EnvironmentFailure, IntegrityError, InvalidInput, UserError
from kiosk.seal.canonical import b64decode, b64encode, canonical_bytes, parse_json
from kiosk.seal.keys import KEY_SIZE, KeyPair, PublicIdentity
from kiosk.seal.kiosk_identity import enrolment_record_bytes
from kiosk.seal.record import Record
from kiosk.seal.timestamps import parse_iso, to_iso
from kiosk.store.database import DatabaseError, open_database
from kiosk.store.installed_session import InstalledSession, KioskIdentity, KitBinding, Pinned
from kiosk.store.key_providers import KeyProvider, PassphraseProvider
from kiosk.store.keyfile import new_key, read_key_file, unseal_key, write_key_file
from kiosk.store.lock import StoreLock
from kiosk.store.sqlite_errors import storage_error

if TYPE_CHECKING:  # the kit format loads with the first import, not at every start
    from kiosk.seal.kiosk_kit import KitContent, KitInfo

SETUP_DB = "kiosk-setup.db"
SETUP_KEY = "kiosk-setup.key"
SETUP_LOCK = "kiosk-setup.lock"
SCHEMA_VERSION = 2
_SCHEMA_V1 = (
    "CREATE TABLE identity (id INTEGER PRIMARY KEY CHECK (id = 1), number INTEGER NOT NULL,"
    " name TEXT NOT NULL, signing BLOB NOT NULL, encryption BLOB NOT NULL, created_at TEXT NOT NULL)",
    "CREATE TABLE pinned (id INTEGER PRIMARY KEY CHECK (id = 1), centre_id TEXT NOT NULL,"
    " centre_name TEXT NOT NULL, centre_key BLOB NOT NULL, authority_signing BLOB NOT NULL,"
    " authority_encryption BLOB NOT NULL)",
    "CREATE TABLE kits (kit_id TEXT PRIMARY KEY, session_id TEXT NOT NULL, sha256 TEXT NOT NULL,"
    " imported_at TEXT NOT NULL, expires_at TEXT NOT NULL, content TEXT NOT NULL,"
    " pack BLOB NOT NULL, active INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE lockout (id INTEGER PRIMARY KEY CHECK (id = 1), failures INTEGER NOT NULL,"
    " locked_until TEXT)",
    "CREATE TABLE closed_sessions (session_id TEXT PRIMARY KEY, closed_at TEXT NOT NULL)",
)
# v2: the centre's encryption key (exports are sealed to it) and the challenge counter.
_SCHEMA_V2 = (
    "ALTER TABLE pinned ADD COLUMN centre_encryption BLOB",
    "CREATE TABLE code_counter (id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL)",
)
_UPGRADES = {1: _SCHEMA_V1, 2: _SCHEMA_V2}


class OutdatedKit(UserError):
    """The installed kit was imported by an earlier certkiosk (no candidate numbers): re-import."""

    def __init__(self, session_id: str) -> None:
        super().__init__(
            f"Le kit installé (session {session_id}) vient d'une version précédente de certkiosk : "
            "importez un nouveau kit préparé par la console à jour"
        )


class KioskSetup:
    """The kiosk's setup store; use as a context manager or call ``close``."""

    def __init__(self, data_dir: Path, connection: Any, lock: StoreLock, clock: Clock) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self._db = connection
        self._lock = lock
        self._path = data_dir / SETUP_DB

    @classmethod
    def open(
        cls, data_dir: Path, provider: KeyProvider, *, clock: Clock | None = None
    ) -> KioskSetup:
        """Open (or create) the setup store of ``data_dir`` with the store's key provider.

        Raises:
            StoreLocked, AuthenticationError, StoreCorrupted, StorageFull, EnvironmentFailure.
        """
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise EnvironmentFailure(f"Impossible de créer {data_dir} ({exc.strerror})") from exc
        lock = StoreLock(data_dir / SETUP_LOCK)
        lock.acquire()
        try:
            key_path, db_path = data_dir / SETUP_KEY, data_dir / SETUP_DB
            if key_path.exists():
                record = read_key_file(key_path)
                key = unseal_key(record, provider)
                _share_key_encryption(key_path, key, record.sealed, provider)
            else:
                if db_path.exists() and db_path.stat().st_size > 0:
                    raise EnvironmentFailure(f"{key_path} manque : {db_path} ne peut être ouvert")
                key = new_key()
                write_key_file(key_path, key, provider)
            connection = open_database(db_path, key, key_verified=True)
        except BaseException:
            lock.release()
            raise
        setup = cls(data_dir, connection, lock, clock or SystemClock())
        try:
            setup._migrate()
        except BaseException:
            setup.close()
            raise
        return setup

    def _migrate(self) -> None:
        found = int(self._run("PRAGMA user_version").fetchone()[0])
        if found > SCHEMA_VERSION:
            raise InvalidInput(f"{self._path} vient d'une version plus récente de certkiosk")
        if found == SCHEMA_VERSION:
            return
        with self.transaction():
            for version in range(found + 1, SCHEMA_VERSION + 1):
                for statement in _UPGRADES[version]:
                    self._run(statement, writing=True)
            self._run(f"PRAGMA user_version = {SCHEMA_VERSION:d}", writing=True)

    def _run(self, sql: str, params: tuple[Any, ...] = (), *, writing: bool = False) -> Any:
        try:
            return self._db.execute(sql, params)
        except DatabaseError as exc:
            raise storage_error(exc, self._path, writing=writing) from exc

    def transaction(self) -> _Transaction:
        """A durable write transaction: ``with setup.transaction(): ...``."""
        return _Transaction(self)

    def close(self) -> None:
        """Close the database and release the lock."""
        try:
            self._db.close()
        finally:
            self._lock.release()

    def __enter__(self) -> KioskSetup:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # identity -------------------------------------------------------------------------------

    def identity(self) -> KioskIdentity | None:
        """This kiosk's identity, or None before enrolment."""
        row = self._run(
            "SELECT number, name, signing, encryption, created_at FROM identity"
        ).fetchone()
        if row is None:
            return None
        keys = KeyPair.from_raw(bytes(row[2]), bytes(row[3]))
        return KioskIdentity(int(row[0]), str(row[1]), keys, parse_iso(row[4], "created_at"))

    def enrol(self, number: int, name: str, *, replace: bool = False) -> bytes:
        """Give the kiosk its number, name and a fresh key pair; return the enrolment record.

        Renaming or renumbering (``replace``) keeps no old key: kits made for the old keys no
        longer open, and the console must enrol the new record.

        Raises:
            InvalidInput: a bad number or name. UserError: already enrolled (without ``replace``).
        """
        if self.identity() is not None and not replace:
            raise UserError("Ce poste est déjà enrôlé : utilisez « ré-enrôler » pour le changer")
        keys = KeyPair.generate()
        now = self.clock.wall().replace(microsecond=0)
        record = enrolment_record_bytes(keys, number, name, now)
        signing, encryption = keys.private_raw()
        with self.transaction():
            self._run("DELETE FROM identity", writing=True)
            self._run(
                "INSERT INTO identity (id, number, name, signing, encryption, created_at)"
                " VALUES (1, ?, ?, ?, ?, ?)",
                (number, name.strip(), signing, encryption, to_iso(now)),
                writing=True,
            )
        return record

    def enrolment_record(self) -> bytes:
        """The enrolment record again (e.g. to copy it to another USB stick).

        Raises:
            UserError: not enrolled yet.
        """
        ident = self.require_identity()
        return enrolment_record_bytes(ident.keys, ident.number, ident.name, ident.created_at)

    def require_identity(self) -> KioskIdentity:
        """The identity, or a clear refusal.

        Raises:
            UserError: not enrolled yet.
        """
        ident = self.identity()
        if ident is None:
            raise UserError(
                "Ce poste n'est pas encore enrôlé : donnez-lui un numéro et un nom (écran du "
                "responsable de centre), puis enregistrez sa fiche sur la console"
            )
        return ident

    # pinning, closed sessions, lockout ------------------------------------------------------

    def pinned(self) -> Pinned | None:
        """The centre this kiosk belongs to, or None before its first kit."""
        row = self._run(
            "SELECT centre_id, centre_name, centre_key, authority_signing, authority_encryption,"
            " centre_encryption FROM pinned"
        ).fetchone()
        if row is None:
            return None
        return Pinned(
            str(row[0]),
            str(row[1]),
            bytes(row[2]),
            PublicIdentity(bytes(row[3]), bytes(row[4])),
            None if row[5] is None else bytes(row[5]),
        )

    def last_code_counter(self) -> int:
        """The highest challenge counter used on this kiosk (0 before the first code)."""
        row = self._run("SELECT last FROM code_counter").fetchone()
        return 0 if row is None else int(row[0])

    def use_code_counter(self, counter: int) -> None:
        """Durably record that challenge ``counter`` was answered: it is never shown again."""
        with self.transaction():
            self._run(
                "INSERT INTO code_counter (id, last) VALUES (1, ?)"
                " ON CONFLICT (id) DO UPDATE SET last = max(last, excluded.last)",
                (counter,),
                writing=True,
            )

    def is_closed(self, session_id: str) -> bool:
        """Whether the session was closed (exported or finalised) on this kiosk."""
        row = self._run("SELECT 1 FROM closed_sessions WHERE session_id = ?", (session_id,))
        return row.fetchone() is not None

    def close_session(self, session_id: str) -> None:
        """Record that a session is over on this kiosk: no kit for it will be imported again."""
        with self.transaction():
            self._run(
                "INSERT OR IGNORE INTO closed_sessions (session_id, closed_at) VALUES (?, ?)",
                (session_id, to_iso(self.clock.wall())),
                writing=True,
            )

    def lockout(self) -> tuple[int, datetime | None]:
        """(wrong codes in a row, locked until) as recorded."""
        row = self._run("SELECT failures, locked_until FROM lockout").fetchone()
        if row is None:
            return 0, None
        until = parse_iso(row[1], "locked_until") if row[1] is not None else None
        return int(row[0]), until

    def set_lockout(self, failures: int, locked_until: datetime | None) -> None:
        """Durably record the wrong-code counter and the lock time."""
        until = to_iso(locked_until) if locked_until is not None else None
        with self.transaction():
            self._run(
                "INSERT OR REPLACE INTO lockout (id, failures, locked_until) VALUES (1, ?, ?)",
                (failures, until),
                writing=True,
            )

    # kits -----------------------------------------------------------------------------------

    def kit_ids(self) -> list[str]:
        """Every kit imported on this kiosk, oldest first."""
        rows = self._run("SELECT kit_id FROM kits ORDER BY imported_at, kit_id").fetchall()
        return [str(r[0]) for r in rows]

    def has_kit(self, kit_id: str) -> bool:
        """Whether this kit was already imported."""
        return self._run("SELECT 1 FROM kits WHERE kit_id = ?", (kit_id,)).fetchone() is not None

    def store_kit(self, content: KitContent, pin: Pinned) -> None:
        """Keep an opened kit, make it the active one, pin the centre, reset the lockout."""
        info = content.info
        private = canonical_bytes(
            {
                "session": content.details.to_dict(),
                "candidates": [c.to_dict() for c in content.candidates],
                "candidate_numbers": list(content.candidate_numbers),
                "pack_key": b64encode(content.pack_key),
                "session_secret": b64encode(content.session_secret),
                "invigilator_password_hash": content.invigilator_password_hash,
            }
        ).decode("utf-8")
        with self.transaction():
            if self.pinned() is None:
                self._run(
                    "INSERT INTO pinned (id, centre_id, centre_name, centre_key,"
                    " authority_signing, authority_encryption, centre_encryption)"
                    " VALUES (1, ?, ?, ?, ?, ?, ?)",
                    (
                        pin.centre_id,
                        pin.centre_name,
                        pin.centre_key,
                        pin.authority.signing,
                        pin.authority.encryption,
                        pin.centre_encryption,
                    ),
                    writing=True,
                )
            elif pin.centre_encryption is not None:
                self._run(
                    "UPDATE pinned SET centre_encryption = ? WHERE centre_encryption IS NULL",
                    (pin.centre_encryption,),
                    writing=True,
                )
            self._run("UPDATE kits SET active = 0", writing=True)
            self._run(
                "INSERT INTO kits (kit_id, session_id, sha256, imported_at, expires_at, content,"
                " pack, active) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                (
                    info.kit_id,
                    info.session_id,
                    info.sha256,
                    to_iso(self.clock.wall()),
                    to_iso(info.expires_at),
                    private,
                    content.pack_bytes,
                ),
                writing=True,
            )
            self._run("DELETE FROM lockout", writing=True)

    def _kit_row(self, where: str, params: tuple[Any, ...]) -> tuple[Any, ...] | None:
        row = self._run(
            "SELECT kit_id, session_id, expires_at, content, pack FROM kits"
            f" WHERE {where} ORDER BY imported_at DESC, kit_id DESC LIMIT 1",
            params,
        ).fetchone()
        return None if row is None else tuple(row)

    def active_session(self) -> InstalledSession | None:
        """The session of the active kit (items and media decrypted), or None.

        Raises:
            IntegrityError: the stored pack no longer verifies (damaged store).
            OutdatedKit: the kit was stored by an earlier certkiosk (no candidate numbers).
        """
        row = self._kit_row("active = 1", ())
        if row is None:
            return None
        ident = self.require_identity()
        pinned = self.pinned()
        if pinned is None:
            raise UserError("Le poste n'est rattaché à aucun centre")
        # Loaded here, on the store thread, not before the store's key derivation starts.
        from kiosk.seal.content_pack import open_content_pack
        from kiosk.seal.session_model import Candidate, SessionDetails
        from kiosk.seal.trust import Trust

        kit_id, session_id, expires, content, pack_bytes = row
        rec = Record(parse_json(str(content).encode("utf-8"), "kit installé"), "kit installé")
        if "candidate_numbers" not in rec.data:
            raise OutdatedKit(str(session_id))
        pack_key = b64decode(rec.text("pack_key"), "clé du pack", KEY_SIZE)
        trust = Trust(pinned.authority, self.clock.wall())
        pack = open_content_pack(bytes(pack_bytes), trust, pack_key)
        details = SessionDetails.from_dict(rec.data.get("session"), "session")
        candidates = tuple(
            Candidate.from_dict(c, f"candidat {i + 1}")
            for i, c in enumerate(rec.array("candidates"))
        )
        numbers = rec.array("candidate_numbers")  # checked at import (kiosk_kit)
        if len(numbers) != len(candidates) or not all(type(n) is int for n in numbers):
            raise IntegrityError("kit installé : numéros de candidats illisibles")
        secret = b64decode(rec.text("session_secret"), "secret de session")
        return InstalledSession(
            kit_id=str(kit_id),
            details=details,
            candidates=candidates,
            candidate_numbers={c.candidate_id: n for c, n in zip(candidates, numbers, strict=True)},
            items={item.id: item for item in pack.items},
            password_hash=rec.text("invigilator_password_hash"),
            session_secret=secret,
            kiosk_id=ident.kiosk_id,
            kiosk_number=ident.number,
            expires_at=parse_iso(expires, "expires_at"),
            media=pack.media,
        )

    def kit_binding(self, session_id: str | None = None) -> KitBinding:
        """The binding of an export to the kit that ran ``session_id`` (default: the active kit).

        Raises:
            UserError: not enrolled, or no kit imported for that session.
        """
        ident = self.require_identity()
        pinned = self.pinned()
        row = (
            self._kit_row("active = 1", ())
            if session_id is None
            else self._kit_row("session_id = ?", (session_id,))
        )
        if row is None or pinned is None:
            which = f"la session {session_id}" if session_id else "aucune session"
            raise UserError(f"Aucun kit importé sur ce poste pour {which}")
        return KitBinding(
            kit_id=str(row[0]),
            session_id=str(row[1]),
            centre_id=pinned.centre_id,
            kiosk_id=ident.kiosk_id,
            kiosk_number=ident.number,
            kiosk_name=ident.name,
            keys=ident.keys,
        )


def kit_summary_of(info: KitInfo) -> str:
    """One French line describing a kit: session, date, room, kiosk."""
    who = f"poste n° {info.kiosk.number} « {info.kiosk.name} »" if info.kiosk else "toute la salle"
    return (
        f"session {info.session_id} du {info.date}, {info.room}, {who}, "
        f"{info.candidate_count} candidat(s)"
    )


def _share_key_encryption(
    key_path: Path, key: bytes, sealed: dict[str, Any], provider: KeyProvider
) -> None:
    """Re-seal the setup key under the passphrase key the attempt store's key uses, if it differs.

    A kiosk opens its attempt store first, then this one, with one provider: once both key files
    share a salt, a start derives the passphrase key once. Folders made before that (two salts)
    are re-sealed once here; the key itself is unchanged and never written in the clear.
    """
    if isinstance(provider, PassphraseProvider) and not provider.seals_alike(sealed):
        write_key_file(key_path, key, provider)


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on error) on the setup connection."""

    def __init__(self, setup: KioskSetup) -> None:
        self._setup = setup

    def __enter__(self) -> None:
        self._setup._run("BEGIN IMMEDIATE", writing=True)

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self._setup._run("COMMIT", writing=True)
        elif self._setup._db.in_transaction:
            self._setup._db.execute("ROLLBACK")
