"""The unlocked centre workspace: everything the console and the ``invigilator`` CLI do goes here.

Qt-free and synchronous (the console runs it on one worker thread). It holds the centre's keys
for its lifetime, verifies what it imports, and keeps one store per session (the session log and
the attempts merged from kiosks). Each long operation takes a ``progress(fraction, text)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from invigilator.home import CentreHome
from invigilator.roster import RosterRow, roster_rows
from kiosk.core.attempt import fold
from kiosk.core.attempt_state import AttemptState
from kiosk.core.errors import AuthenticationError, IntegrityError, InvalidInput, UserError
from kiosk.core.events import Event
from kiosk.core.session_log import SessionState
from kiosk.seal.atomic import write_atomic
from kiosk.seal.canonical import sha256_hex
from kiosk.seal.centre import import_centre_certificate, import_content_pack, import_session_package
from kiosk.seal.centre_certificate import CentreCertificate
from kiosk.seal.container import Kind, kind_of
from kiosk.seal.content_pack import verify_content_pack
from kiosk.seal.keys import KeyPair, PublicIdentity
from kiosk.seal.keystore import DEFAULT_KDF, KdfParams, load_keystore
from kiosk.seal.session_package import SessionPackage
from kiosk.seal.timestamps import utc_now
from kiosk.seal.trust import Trust
from kiosk.store.key_providers import PassphraseProvider
from kiosk.store.service import Store

Progress = Callable[[float, str], None]
MAX_IMPORT_BYTES = 2 * 1024 * 1024 * 1024


def no_progress(fraction: float, text: str) -> None:
    """A progress callback that ignores everything."""


class SessionStatus:
    """The session statuses a centre sees (DOMAIN §6, plus the export)."""

    CREATED = "created"
    FINALISED = "finalised"
    EXPORTED = "exported"


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One line of the session list."""

    session_id: str
    date: str
    time: str
    room: str
    examiner: str
    candidate_count: int
    status: str
    pack_ready: bool


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did, in one sentence for a person."""

    kind: str  # "certificate" | "pack" | "session"
    ident: str
    message: str


def read_file(path: Path, progress: Progress = no_progress) -> bytes:
    """Read a file in chunks, reporting progress (the first 40 % of an import).

    Raises:
        InvalidInput: missing, unreadable or implausibly large.
    """
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise InvalidInput(f"{path.name} : fichier trop volumineux ({size} octets)")
        chunks: list[bytes] = []
        done = 0
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                chunks.append(block)
                done += len(block)
                progress(0.4 * done / max(size, 1), f"Lecture de {path.name}")
    except FileNotFoundError:
        raise InvalidInput(f"Le fichier {path} n'existe pas") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} est un dossier, pas un fichier") from None
    except OSError as exc:
        raise InvalidInput(f"Impossible de lire {path} ({exc.strerror})") from None
    return b"".join(chunks)


class Workspace:
    """An open centre home with its keys unlocked."""

    def __init__(
        self,
        home: CentreHome,
        keys: KeyPair,
        passphrase: str,
        *,
        now: Callable[[], datetime] = utc_now,
        kdf: KdfParams = DEFAULT_KDF,
    ) -> None:
        self.home = home
        self.keys = keys
        self.authority: PublicIdentity = home.authority()
        self.now = now
        self._provider = PassphraseProvider(
            passphrase,
            time_cost=kdf.time_cost,
            memory_kib=kdf.memory_cost,
            parallelism=kdf.parallelism,
        )
        self._stores: dict[str, Store] = {}
        self._packages: dict[str, SessionPackage] = {}

    @classmethod
    def open(
        cls,
        home: CentreHome,
        passphrase: str,
        *,
        now: Callable[[], datetime] = utc_now,
        kdf: KdfParams = DEFAULT_KDF,
    ) -> Workspace:
        """Unlock the centre's keys.

        Raises:
            InvalidInput: no centre in this folder. AuthenticationError: wrong passphrase.
        """
        home.identity()
        try:
            keys = load_keystore(home.keystore_path).unlock(passphrase)
        except AuthenticationError:
            raise AuthenticationError("Phrase secrète du centre incorrecte") from None
        return cls(home, keys, passphrase, now=now, kdf=kdf)

    # certificate -------------------------------------------------------------------------

    def certificate(self) -> CentreCertificate | None:
        """The imported certificate (verified now), or None before import.

        Raises:
            IntegrityError: the stored certificate no longer verifies (e.g. expired).
        """
        if not self.home.certificate_path.exists():
            return None
        data = self.home.certificate_path.read_bytes()
        return import_centre_certificate(data, self.authority, self.keys.public, self.now())

    def require_certificate(self) -> CentreCertificate:
        """The certificate, or a refusal saying to import it first."""
        cert = self.certificate()
        if cert is None:
            raise UserError(
                "Importez d'abord le certificat du centre envoyé par l'organisme certificateur"
            )
        return cert

    def import_certificate(self, data: bytes) -> ImportResult:
        """Verify and keep the centre certificate.

        Raises:
            InvalidInput, IntegrityError: not the authority's certificate for this centre's keys.
        """
        cert = import_centre_certificate(data, self.authority, self.keys.public, self.now())
        write_atomic(self.home.certificate_path, data)
        return ImportResult(
            "certificate",
            cert.centre_id,
            f"Certificat du centre {cert.centre_id} « {cert.name} » importé "
            f"(valide jusqu'au {cert.not_after:%d/%m/%Y})",
        )

    # imports -----------------------------------------------------------------------------

    def import_file(self, path: Path, progress: Progress = no_progress) -> ImportResult:
        """Import a certificate, a content pack or a session package, recognised by its magic.

        Raises:
            InvalidInput, IntegrityError: unknown file, or it does not verify (nothing kept).
        """
        data = read_file(path, progress)
        kind = kind_of(data)
        progress(0.5, f"Vérification de {path.name}")
        if kind is Kind.CENTRE_CERTIFICATE:
            result = self.import_certificate(data)
        elif kind is Kind.CONTENT_PACK:
            result = self._import_pack(data, progress)
        elif kind is Kind.SESSION_PACKAGE:
            result = self._import_session(data, progress)
        else:
            label = kind.label if kind is not None else "fichier inconnu"
            raise InvalidInput(
                f"{path.name} : ni certificat, ni contenu d'épreuve, ni session ({label})"
            )
        progress(1.0, result.message)
        return result

    def _import_pack(self, data: bytes, progress: Progress) -> ImportResult:
        info = verify_content_pack(data, Trust(self.authority, self.now()))
        users = [s for s in self.home.session_ids() if self.package(s).info.pack_id == info.pack_id]
        for session_id in users:
            progress(0.7, f"Déchiffrement avec la clé de la session {session_id}")
            import_content_pack(data, self.authority, self.package(session_id), self.now())
        target = self.home.pack_path(info.pack_id)
        already = target.exists() and sha256_hex(target.read_bytes()) == info.sha256
        if not already:
            write_atomic(target, data)
        verb = "déjà importé" if already else "importé"
        return ImportResult(
            "pack", info.pack_id, f"Contenu {info.pack_id} ({info.item_count} questions) {verb}"
        )

    def _import_session(self, data: bytes, progress: Progress) -> ImportResult:
        cert = self.require_certificate()
        package = import_session_package(data, self.authority, self.keys, cert, self.now())
        session_id = package.details.session_id
        folder = self.home.session_dir(session_id)
        target = folder / "session.cksess"
        if target.exists():
            if target.read_bytes() != data:
                raise UserError(
                    f"Une autre version de la session {session_id} est déjà importée : "
                    "rien n'a été remplacé"
                )
            return ImportResult("session", session_id, f"Session {session_id} déjà importée")
        pack = self.home.pack_path(package.info.pack_id)
        if pack.exists():
            progress(0.7, "Vérification du contenu de la session")
            import_content_pack(pack.read_bytes(), self.authority, package, self.now())
        write_atomic(target, data)
        self._packages[session_id] = package
        self.store(session_id).sessions.open(session_id).result()
        missing = "" if pack.exists() else " — contenu d'épreuve encore à importer"
        return ImportResult(
            "session",
            session_id,
            f"Session {session_id} du {package.details.date} importée "
            f"({len(package.candidates)} candidat(s)){missing}",
        )

    # sessions ----------------------------------------------------------------------------

    def package(self, session_id: str) -> SessionPackage:
        """The verified, decrypted session package.

        Raises:
            InvalidInput: no such session here.
        """
        if session_id not in self._packages:
            path = self.home.session_dir(session_id) / "session.cksess"
            if not path.exists():
                raise InvalidInput(f"Session inconnue dans ce centre : {session_id}")
            cert = self.require_certificate()
            self._packages[session_id] = import_session_package(
                path.read_bytes(), self.authority, self.keys, cert, self.now()
            )
        return self._packages[session_id]

    def store(self, session_id: str) -> Store:
        """The session's store (opened once, kept open until ``close``)."""
        if session_id not in self._stores:
            folder = self.home.session_dir(session_id) / "store"
            self._stores[session_id] = Store.open(folder, self._provider, replica=True)
        return self._stores[session_id]

    def session_state(self, session_id: str) -> SessionState:
        """The session log, folded (created on first use)."""
        self.package(session_id)
        return self.store(session_id).sessions.open(session_id).result().state

    def session_events(self, session_id: str) -> list[Event]:
        """The session log's events."""
        self.session_state(session_id)
        return self.store(session_id).sessions.events(session_id).result()

    def status(self, session_id: str) -> str:
        """created, finalised or exported."""
        if (self.home.session_dir(session_id) / "exported.json").exists():
            return SessionStatus.EXPORTED
        if self.session_state(session_id).finalised:
            return SessionStatus.FINALISED
        return SessionStatus.CREATED

    def sessions(self) -> list[SessionSummary]:
        """Every imported session with its status, latest date first."""
        out = []
        for session_id in self.home.session_ids():
            package = self.package(session_id)
            d = package.details
            out.append(
                SessionSummary(
                    session_id,
                    d.date,
                    d.time,
                    d.room,
                    d.examiner,
                    len(package.candidates),
                    self.status(session_id),
                    self.home.pack_path(package.info.pack_id).exists(),
                )
            )
        return sorted(out, key=lambda s: (s.date, s.time, s.session_id), reverse=True)

    def attempt_logs(self, session_id: str) -> dict[str, list[Event]]:
        """The merged attempts of the session: candidate id → events."""
        store = self.store(session_id)
        logs: dict[str, list[Event]] = {}
        for summary in store.attempts.list().result():
            if summary.session_id != session_id:
                continue
            if summary.candidate_id in logs:
                raise IntegrityError(
                    f"Le candidat {summary.candidate_id} a plusieurs épreuves fusionnées"
                )
            logs[summary.candidate_id] = store.attempts.events(summary.attempt_id).result()
        return logs

    def attempt_states(self, session_id: str) -> dict[str, AttemptState]:
        """The merged attempts folded, by candidate id (time as of their last event)."""
        return {cid: fold(events) for cid, events in self.attempt_logs(session_id).items()}

    def roster(self, session_id: str) -> list[RosterRow]:
        """The roster with each candidate's state from the merged logs."""
        logs = self.attempt_logs(session_id)
        states = {cid: fold(events) for cid, events in logs.items()}
        seen = {cid: events[-1].at_wall for cid, events in logs.items() if events}
        return roster_rows(self.package(session_id).candidates, states, seen)

    def close(self) -> None:
        """Close every store (idempotent)."""
        stores, self._stores = self._stores, {}
        for store in stores.values():
            store.close()


__all__ = [
    "ImportResult",
    "Progress",
    "SessionStatus",
    "SessionSummary",
    "Workspace",
    "no_progress",
    "read_file",
]
