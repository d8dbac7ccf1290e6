"""The manager's jobs at a kiosk: enrolment, kit import, export of results. Qt-free.

They run on the store thread (``Store.run``), which owns both SQLCipher connections: the attempt
store's and the setup store's (``KioskSetup``). Each returns a plain value the screens render or
raises a ``KioskError`` whose message is meant for the centre manager.

The trusted authority key: once a kit was imported it is pinned in the setup store and nothing
else is used. Before that it comes from ``--authority-public FILE`` or, failing that, from the
``authority-public.json`` lying beside the kit file on the USB stick (the console writes it there).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.build_info import build_hash
from kiosk.core.errors import (
    EnvironmentFailure,
    IntegrityError,
    InvalidInput,
    StorageFull,
    UserError,
)
from kiosk.seal.atomic import write_atomic
from kiosk.seal.authority_identity import load_identity
from kiosk.seal.keys import PublicIdentity
from kiosk.seal.kiosk_export import export_file_name, kiosk_export_bytes, write_kiosk_export
from kiosk.seal.kiosk_kit import KIT_SUFFIX
from kiosk.store.installed_session import InstalledSession, KioskIdentity
from kiosk.store.kiosk_setup import KioskSetup
from kiosk.store.kit_import import (
    ImportSummary,
    core_finalised_check,
    import_kit,
    preflight_kit,
)
from kiosk.store.store_core import StoreCore

AUTHORITY_FILE = "authority-public.json"
RECORD_SUFFIX = ".ckposte"
_NOTHING_LOST = "Rien n'est perdu : les résultats restent enregistrés sur ce poste."


@dataclass(frozen=True, slots=True)
class SetupState:
    """Where the kiosk stands at start: enrolled or not, which session is installed."""

    identity: KioskIdentity | None
    session: InstalledSession | None
    authority_pinned: bool
    locked_until: datetime | None
    notice: str = ""  # e.g. the installed kit has expired: import the next session's


@dataclass(frozen=True, slots=True)
class KitPreview:
    """A kit chosen in the folder, verified and described before the code is asked."""

    path: Path
    summary: ImportSummary | None
    refusal: str | None  # why it cannot be imported (then the code is not asked)
    authority_key_id: str
    authority_source: str  # "pinned", or the file the key was read from
    locked_until: datetime | None


@dataclass(frozen=True, slots=True)
class ExportResult:
    """An export written to the USB folder."""

    path: Path
    attempt_count: int


def setup_state(setup: KioskSetup) -> SetupState:
    """Read the setup store once at start (decrypting the installed session's pack)."""
    identity = setup.identity()
    session = setup.active_session() if identity is not None else None
    now = setup.clock.wall()
    notice = ""
    if session is not None and session.expires_at <= now:
        notice = (
            f"Le kit de la session {session.details.session_id} du {session.details.date} a "
            "expiré : importez le kit de la prochaine session"
        )
        session.cleanup()
        session = None
    _failures, until = setup.lockout()
    locked = until if until is not None and until > now else None
    return SetupState(identity, session, setup.pinned() is not None, locked, notice)


def _folder(folder: Path, writing: bool) -> Path:
    if not str(folder).strip():
        raise InvalidInput("Indiquez un dossier (la clé USB)")
    if not folder.is_dir():
        raise InvalidInput(f"Le dossier {folder} n'existe pas : la clé USB est-elle branchée ?")
    if writing and not os.access(folder, os.W_OK):
        raise EnvironmentFailure(f"Le dossier {folder} est en lecture seule : rien n'y a été écrit")
    return folder


def write_enrolment_record(setup: KioskSetup, folder: Path) -> Path:
    """Write this kiosk's enrolment record to ``folder`` as ``<kiosk id>.ckposte``.

    Raises:
        UserError: not enrolled. InvalidInput: no such folder.
        EnvironmentFailure, StorageFull: the folder cannot be written (message in French).
    """
    identity = setup.require_identity()
    target = _folder(folder, writing=True) / f"{identity.kiosk_id}{RECORD_SUFFIX}"
    try:
        write_atomic(target, setup.enrolment_record())
    except StorageFull:
        raise StorageFull(f"La clé USB est pleine : {target.name} n'a pas été écrit") from None
    except EnvironmentFailure:
        raise EnvironmentFailure(
            f"Impossible d'écrire {target} (clé en lecture seule ou retirée ?)"
        ) from None
    return target


def enrol(setup: KioskSetup, number: int, name: str, folder: Path) -> tuple[KioskIdentity, Path]:
    """Give the kiosk its number and name, then write its enrolment record to ``folder``.

    The folder is checked first, so a missing stick changes nothing.

    Raises:
        InvalidInput: a bad number or name, or no such folder. UserError: already enrolled.
        EnvironmentFailure, StorageFull: the record could not be written (the kiosk is enrolled:
            write it again from the kit screen).
    """
    if not name.strip():
        raise InvalidInput("Donnez un nom au poste (par exemple « Poste 7 »)")
    if not 1 <= number <= 999:
        raise InvalidInput("Le numéro du poste va de 1 à 999")
    _folder(folder, writing=True)
    setup.enrol(number, name.strip())
    return setup.require_identity(), write_enrolment_record(setup, folder)


def find_kits(folder: Path) -> list[Path]:
    """The kit files (``.ckkit``) in ``folder``, by name.

    Raises:
        InvalidInput: no such folder, or no kit in it.
    """
    try:
        kits = sorted(p for p in _folder(folder, writing=False).iterdir() if p.suffix == KIT_SUFFIX)
    except OSError as exc:
        raise InvalidInput(f"Le dossier {folder} est illisible ({exc.strerror})") from None
    if not kits:
        raise InvalidInput(f"Aucun kit de poste ({KIT_SUFFIX}) dans {folder}")
    return kits


def trusted_authority(
    setup: KioskSetup, kit_path: Path, authority_file: Path | None
) -> tuple[PublicIdentity, str]:
    """The authority key to verify kits with, and where it came from.

    Raises:
        UserError: no key pinned and no key file found.
        IntegrityError: the key file given differs from the one pinned on this kiosk.
        InvalidInput: a key file that is not an authority public key.
    """
    pinned = setup.pinned()
    if pinned is not None:
        if authority_file is not None and load_identity(authority_file) != pinned.authority:
            raise IntegrityError(
                f"La clé de l'autorité {authority_file} n'est pas celle épinglée sur ce poste "
                f"({pinned.authority.key_id}) : vérifiez la clé USB"
            )
        return pinned.authority, "pinned"
    candidate = authority_file or kit_path.parent / AUTHORITY_FILE
    if not candidate.is_file():
        raise UserError(
            f"Clé publique de l'autorité introuvable : copiez {AUTHORITY_FILE} (dossier de la "
            "console) à côté du kit, ou lancez le kiosque avec --authority-public"
        )
    return load_identity(candidate), str(candidate)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Le kit {path.name} est illisible ({exc.strerror})") from None


def preview_kit(
    core: StoreCore, setup: KioskSetup, path: Path, authority_file: Path | None
) -> KitPreview:
    """Verify and describe a kit; a refusal is returned, not raised, so the screen shows it.

    Raises:
        UserError: no authority key, or an unreadable file.
    """
    authority, source = trusted_authority(setup, path, authority_file)
    data = _read(path)
    _failures, until = setup.lockout()
    locked = until if until is not None and until > setup.clock.wall() else None
    try:
        summary = preflight_kit(setup, data, authority, finalised=core_finalised_check(core))
    except UserError as exc:
        return KitPreview(path, None, exc.message, authority.key_id, source, locked)
    return KitPreview(path, summary, None, authority.key_id, source, locked)


def install_kit(
    core: StoreCore, setup: KioskSetup, path: Path, code: str, authority_file: Path | None
) -> tuple[ImportSummary, InstalledSession]:
    """Import the kit with the code typed and open its session.

    Raises:
        KitLocked, AuthenticationError (wrong code, counted), InvalidInput, IntegrityError,
        RuleViolation, UserError: see ``import_kit``.
    """
    authority, _source = trusted_authority(setup, path, authority_file)
    summary = import_kit(setup, _read(path), code, authority, finalised=core_finalised_check(core))
    session = setup.active_session()
    if session is None or session.kit_id != summary.kit_id:
        raise UserError(
            f"Le kit {summary.kit_id} est déjà importé mais ce n'est pas celui de la session en "
            "cours sur ce poste"
        )
    return summary, session


def export_session(
    core: StoreCore, setup: KioskSetup, session_id: str, folder: Path, now: datetime
) -> ExportResult:
    """Write every attempt of ``session_id`` on this kiosk, sealed to the centre, to ``folder``.

    The store is only read: whatever fails, nothing on the kiosk changes.

    Raises:
        UserError: no attempt to export, no kit for the session, or a missing folder.
        EnvironmentFailure, StorageFull: the folder cannot be written (read-only, full).
    """
    attempts = {
        a.attempt_id: core.events(a.attempt_id)
        for a in core.list_attempts()
        if a.session_id == session_id
    }
    if not attempts:
        raise UserError(f"Aucune épreuve de la session {session_id} sur ce poste : rien à exporter")
    binding = setup.kit_binding(session_id)
    pinned = setup.pinned()
    centre = pinned.centre if pinned is not None else None
    if centre is None:
        raise UserError("La clé du centre manque sur ce poste : importez à nouveau son kit")
    target = _folder(folder, writing=True)
    data = kiosk_export_bytes(
        kiosk_id=binding.kiosk_id,
        session_id=session_id,
        attempts=attempts,
        centre=centre,
        now=now,
        kiosk_keys=binding.keys,
        kit_id=binding.kit_id,
        kiosk_build=build_hash(),
    )
    name = export_file_name(binding.kiosk_id, session_id, now)
    try:
        path = write_kiosk_export(target, data, name)
    except StorageFull:
        raise StorageFull(
            f"La clé USB est pleine : l'export n'a pas été écrit. {_NOTHING_LOST}"
        ) from None
    except EnvironmentFailure:
        raise EnvironmentFailure(
            f"Impossible d'écrire dans {target} (clé en lecture seule ou retirée ?). "
            f"{_NOTHING_LOST}"
        ) from None
    return ExportResult(path, len(attempts))
