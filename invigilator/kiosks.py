"""Preparing kiosks at the console: enrol kiosks from their record files, build a session's kits.

What the « Postes » screen and the ``invigilator kiosk-enrol / kiosks / kits`` commands call. The
register itself (``invigilator.kits.KioskRegistry``) lives in the centre home
(``CentreHome.kiosk_registry_path``); kits are built with the imported session package and content
pack, signed by the centre, and written to a folder (a USB stick) with a copy of the certification
body's public keys (``authority-public.json``: a new kiosk trusts it for its first kit, then pins
it). The kit sheet (PDF) carries
their one-time codes: it never goes into the kits' folder (a stick holding both the kits and their
codes would protect nothing); by default it is kept in the session's folder of the centre home.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from invigilator.documents.kit_sheet import kit_sheet
from invigilator.home import CentreHome
from invigilator.kits import KioskRegistry, build_session_kits, write_kits
from invigilator.workspace import Progress, Workspace, no_progress, read_file
from kiosk.core.errors import RuleViolation, UserError
from kiosk.seal.atomic import write_atomic
from kiosk.seal.kiosk_identity import ENROLMENT_SUFFIX, KioskRecord
from kiosk.seal.kiosk_kit import BuiltKit
from kiosk.seal.kit_code import DEFAULT_CODE_KDF, CodeKdf

SHEET_NAME = "feuille-des-kits-{session}.pdf"


def default_sheet_path(home: CentreHome, session_id: str) -> Path:
    """Where the kit sheet is kept when no other place is chosen (on the console, not the stick)."""
    return home.session_dir(session_id) / SHEET_NAME.format(session=session_id)


def registry(home: CentreHome) -> KioskRegistry:
    """The centre's register of kiosks and issued kits.

    Raises:
        InvalidInput, IntegrityError: the register file is damaged or altered.
    """
    return KioskRegistry(home.kiosk_registry_path)


def enrolment_files(paths: Sequence[Path]) -> list[Path]:
    """The kiosk record files named, or found in the named folders (and their sub-folders).

    Raises:
        UserError: nothing to enrol (no path, a missing file, or a folder without records).
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                {*path.glob(f"*{ENROLMENT_SUFFIX}"), *path.glob(f"*/*{ENROLMENT_SUFFIX}")}
            )
            if not inside:
                raise UserError(f"Aucune fiche de poste (*{ENROLMENT_SUFFIX}) dans {path}")
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise UserError(f"{path} n'existe pas")
    if not found:
        raise UserError("Aucune fiche de poste à enregistrer")
    return found


@dataclass(frozen=True, slots=True)
class EnrolOutcome:
    """What happened to one kiosk record file."""

    file: str
    kiosk: KioskRecord | None  # None: refused
    message: str


def enrol_kiosks(
    home: CentreHome, paths: Sequence[Path], *, replace: bool = False
) -> list[EnrolOutcome]:
    """Enrol every kiosk record file named (or found in the folders named); each refusal says why.

    Args:
        replace: a record for a kiosk number already taken replaces it (reinstalled kiosk).

    Raises:
        UserError: nothing to enrol. InvalidInput, IntegrityError: the register is damaged.
    """
    files = enrolment_files(paths)
    reg = registry(home)
    outcomes = []
    for path in files:
        try:
            known = {k.key_id for k in reg.kiosks()}
            record = reg.enrol(read_file(path), replace=replace)
        except UserError as exc:
            outcomes.append(EnrolOutcome(path.name, None, exc.message))
            continue
        verb = "déjà enregistré" if record.key_id in known else "enregistré"
        text = f"Poste n° {record.number} « {record.name} » {verb}"
        outcomes.append(EnrolOutcome(path.name, record, text))
    return outcomes


@dataclass
class KitBatch:
    """The kits of one session written to a folder, with their sheet."""

    session_id: str
    folder: Path
    kits: list[BuiltKit]
    sheet_pdf: bytes = b""
    files: list[Path] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One French line per kit: kiosk, file and code (what the sheet shows)."""
        out = []
        for kit in self.kits:
            who = f"Poste n° {kit.kiosk.number} « {kit.kiosk.name} »" if kit.kiosk else "Salle"
            out.append(f"{who}\t{kit.file_name}\t{kit.code}")
        return out


def prepare_kits(
    ws: Workspace,
    session_id: str,
    folder: Path,
    *,
    kiosk_numbers: Sequence[int] | None = None,
    room: bool = False,
    progress: Progress = no_progress,
    kdf: CodeKdf = DEFAULT_CODE_KDF,
    tz: tzinfo | None = None,
) -> KitBatch:
    """Build the kits of a session and write them into ``folder``; the sheet is rendered, not saved.

    Args:
        kiosk_numbers: the kiosks to prepare (default: every enrolled kiosk).
        room: one kit that every enrolled kiosk of the room may import.
        kdf: how the one-time codes are stretched (tests use the cheapest accepted).
        tz: the centre's time zone (kits expire at the end of the session day).

    Raises:
        UserError: unknown session, no certificate, no enrolled kiosk, a missing pack, a folder
            that cannot be written. RuleViolation: the session is finalised or over.
    """
    progress(0.0, "Lecture de la session")
    package = ws.package(session_id)
    certificate = ws.require_certificate()
    pack_path = ws.home.pack_path(package.info.pack_id)
    if not pack_path.exists():
        raise UserError(
            f"Le contenu {package.info.pack_id} de la session n'est pas importé : importez-le d'abord"
        )
    if ws.session_state(session_id).finalised:
        raise RuleViolation(f"La session {session_id} est finalisée : aucun kit à préparer")
    reg = registry(ws.home)
    if not room and not reg.kiosks():
        raise UserError("Aucun poste n'est enrôlé : enregistrez d'abord la fiche de chaque poste")
    progress(0.1, "Préparation des kits (chiffrement sous code à usage unique)")
    kits = build_session_kits(
        reg,
        package,
        pack_path.read_bytes(),
        ws.keys,
        certificate,
        ws.now(),
        kiosk_numbers=kiosk_numbers,
        room=room,
        kdf=kdf,
        tz=tz,
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Impossible de créer {folder} ({exc.strerror})") from None
    batch = KitBatch(session_id, folder, kits)
    for index, kit in enumerate(kits):
        progress(0.6 + 0.3 * index / len(kits), f"Écriture de {kit.file_name}")
        batch.files.extend(write_kits(folder, [kit]))
    authority = ws.home.authority_path
    write_atomic(folder / authority.name, read_file(authority))
    progress(0.9, "Feuille des kits")
    batch.sheet_pdf = kit_sheet(package.details, kits)
    progress(1.0, f"{len(kits)} kit(s) écrit(s) dans {folder}")
    return batch


def save_sheet(batch: KitBatch, path: Path) -> Path:
    """Save the kit sheet (PDF) at ``path``, never in the kits' folder.

    Raises:
        UserError: ``path`` is in the kits' folder. StorageFull, EnvironmentFailure: not written.
    """
    if path.resolve().parent == batch.folder.resolve():
        raise UserError(
            "La feuille des codes ne doit pas voyager avec les kits : enregistrez-la ailleurs "
            "que sur la clé"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, batch.sheet_pdf)
    return path


__all__ = [
    "EnrolOutcome",
    "KitBatch",
    "default_sheet_path",
    "enrol_kiosks",
    "enrolment_files",
    "prepare_kits",
    "registry",
    "save_sheet",
]
