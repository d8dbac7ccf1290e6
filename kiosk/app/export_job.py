"""The invigilator's export of a kiosk's results to a USB folder, bound to the kit it ran. Qt-free.

Runs on the store thread: reads every attempt of the session, seals them to the centre, signs with
the kiosk's key (``kiosk.seal.kiosk_export``) and writes the file atomically. The store is only
read: whatever fails, nothing on the kiosk changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.app.kit_jobs import usb_folder
from kiosk.build_info import build_hash
from kiosk.core.errors import EnvironmentFailure, StorageFull, UserError
from kiosk.seal.kiosk_export import export_file_name, kiosk_export_bytes, write_kiosk_export
from kiosk.store.kiosk_setup import KioskSetup
from kiosk.store.store_core import StoreCore

_NOTHING_LOST = "Rien n'est perdu : les résultats restent enregistrés sur ce poste."


@dataclass(frozen=True, slots=True)
class ExportResult:
    """An export written to the USB folder."""

    path: Path
    attempt_count: int


def export_session(
    core: StoreCore, setup: KioskSetup, session_id: str, folder: Path, now: datetime
) -> ExportResult:
    """Write every attempt of ``session_id`` on this kiosk, sealed to the centre, to ``folder``.

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
    target = usb_folder(folder, writing=True)
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
