"""The manager's jobs at a kiosk: enrolment and kit import. Qt-free.

They run on the store thread (``Store.run``), which owns both SQLCipher connections: the attempt
store's and the setup store's (``KioskSetup``). Each returns a plain value the screens render or
raises a ``KioskError`` whose message is meant for the centre manager.

The trusted authority key: once a kit was imported it is pinned in the setup store and nothing
else is used. Before that it comes from ``--authority-public FILE`` or, failing that, from the
``authority-public.json`` lying beside the kit file on the USB stick (the console writes it there).

The kit format and the import checks are imported by the jobs that use them: a kiosk that starts
with its kit installed never loads them. The start-up read is ``kiosk.app.setup_state``, the export
``kiosk.app.export_job``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.core.errors import (
    EnvironmentFailure,
    IntegrityError,
    InvalidInput,
    StorageFull,
    UserError,
)
from kiosk.seal.atomic import write_atomic
from kiosk.seal.keys import PublicIdentity
from kiosk.store.installed_session import InstalledSession, KioskIdentity
from kiosk.store.kiosk_setup import KioskSetup
from kiosk.store.store_core import StoreCore

if TYPE_CHECKING:
    from kiosk.store.kit_import import ImportSummary

AUTHORITY_FILE = "authority-public.json"
RECORD_SUFFIX = ".ckposte"


@dataclass(frozen=True, slots=True)
class KitPreview:
    """A kit chosen in the folder, verified and described before the code is asked."""

    path: Path
    summary: ImportSummary | None
    refusal: str | None  # why it cannot be imported (then the code is not asked)
    authority_key_id: str
    authority_source: str  # "pinned", or the file the key was read from
    locked_until: datetime | None


def usb_folder(folder: Path, *, writing: bool) -> Path:
    """The folder typed or chosen (a USB stick), checked.

    Raises:
        InvalidInput: empty, or no such folder. EnvironmentFailure: read-only when ``writing``.
    """
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
    target = usb_folder(folder, writing=True) / f"{identity.kiosk_id}{RECORD_SUFFIX}"
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
    usb_folder(folder, writing=True)
    setup.enrol(number, name.strip())
    return setup.require_identity(), write_enrolment_record(setup, folder)


def find_kits(folder: Path) -> list[Path]:
    """The kit files (``.ckkit``) in ``folder``, by name.

    Raises:
        InvalidInput: no such folder, or no kit in it.
    """
    from kiosk.seal.kiosk_kit import KIT_SUFFIX

    try:
        kits = sorted(
            p for p in usb_folder(folder, writing=False).iterdir() if p.suffix == KIT_SUFFIX
        )
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
    from kiosk.seal.authority_identity import load_identity

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
    from kiosk.store.kit_import import core_finalised_check, preflight_kit

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
    from kiosk.store.kit_import import core_finalised_check, import_kit

    authority, _source = trusted_authority(setup, path, authority_file)
    summary = import_kit(setup, _read(path), code, authority, finalised=core_finalised_check(core))
    session = setup.active_session()
    if session is None or session.kit_id != summary.kit_id:
        raise UserError(
            f"Le kit {summary.kit_id} est déjà importé mais ce n'est pas celui de la session en "
            "cours sur ce poste"
        )
    return summary, session
