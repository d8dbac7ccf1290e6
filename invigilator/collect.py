"""Collecting results without a network: merge kiosk exports found in a folder (a USB stick).

Each export is verified whole before anything is merged; merging is idempotent (the same export
twice adds nothing) and a copy that diverges from an attempt already merged is refused loudly.
Every export must come from a kiosk enrolled at this console and carry the id of a kit the console
issued to that kiosk (or to the room) for this session (``invigilator.kits.check_kit_binding``);
an export from an unknown kiosk, an unsigned one, or one made with another kiosk's kit is refused.
The first key a kiosk signs with is remembered: a later export of that kiosk id signed by another
key is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from invigilator.kits import KioskRegistry, check_kit_binding
from invigilator.workspace import Progress, Workspace, no_progress, read_file
from kiosk.core.attempt import fold
from kiosk.core.errors import IntegrityError, RuleViolation, UserError
from kiosk.core.events import Event
from kiosk.seal.atomic import write_atomic
from kiosk.seal.canonical import canonical_bytes, parse_json
from kiosk.seal.kiosk_export import SUFFIX, KioskExport, read_kiosk_export


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    """What happened to one export file."""

    file: str
    kiosk_id: str
    merged: bool  # False: refused
    new_events: int = 0
    attempts: int = 0
    message: str = ""


@dataclass
class CollectReport:
    """Every export found in the folder, merged or refused."""

    folder: Path
    outcomes: list[ExportOutcome] = field(default_factory=list)

    @property
    def refused(self) -> list[ExportOutcome]:
        """The exports refused."""
        return [o for o in self.outcomes if not o.merged]

    @property
    def new_events(self) -> int:
        """Events added by this collection."""
        return sum(o.new_events for o in self.outcomes)


def export_files(folder: Path) -> list[Path]:
    """The export files in ``folder`` and its immediate sub-folders.

    Raises:
        UserError: not a folder, or no export in it.
    """
    if not folder.is_dir():
        raise UserError(f"{folder} n'est pas un dossier")
    files = sorted({*folder.glob(f"*{SUFFIX}"), *folder.glob(f"*/*{SUFFIX}")})
    if not files:
        raise UserError(f"Aucun export de poste (*{SUFFIX}) dans {folder}")
    return files


def _kiosks_path(ws: Workspace, session_id: str) -> Path:
    return ws.home.session_dir(session_id) / "kiosks.json"


def known_kiosks(ws: Workspace, session_id: str) -> dict[str, Any]:
    """Kiosk id → ``{key_id, build}`` of every kiosk merged so far."""
    path = _kiosks_path(ws, session_id)
    if not path.exists():
        return {}
    doc = parse_json(path.read_bytes(), str(path))
    return doc if isinstance(doc, dict) else {}


def _check_against_merged(
    ws: Workspace, session_id: str, export: KioskExport, merged: dict[str, list[Event]]
) -> None:
    roster = {c.candidate_id for c in ws.package(session_id).candidates}
    for attempt_id, events in export.attempts.items():
        state = fold(events)
        who = state.candidate_id
        if who not in roster:
            raise IntegrityError(f"épreuve {attempt_id} : candidat {who} absent de la session")
        held = merged.get(who)
        if held is not None and held[0].data.get("attempt_id") != attempt_id:
            raise IntegrityError(
                f"le candidat {who} a déjà une épreuve ({held[0].data.get('attempt_id')}, poste "
                f"{held[0].data.get('kiosk_id')}) ; cet export en apporte une autre ({attempt_id}) "
                "— conflit, rien n'a été fusionné"
            )
        if held is not None:
            n = min(len(held), len(events))
            if held[n - 1].hash != events[n - 1].hash:
                raise IntegrityError(
                    f"épreuve {attempt_id} ({who}) : cette copie diverge de celle déjà fusionnée "
                    "— conflit, rien n'a été fusionné"
                )


def _check_kiosk_key(kiosks: dict[str, Any], export: KioskExport) -> None:
    known = kiosks.get(export.kiosk_id)
    if known is not None and known.get("key_id") != export.signer_key_id:
        raise IntegrityError(
            f"le poste {export.kiosk_id} a déjà envoyé un export scellé par la clé "
            f"{known.get('key_id') or 'aucune'} ; celui-ci l'est par "
            f"{export.signer_key_id or 'aucune'} — refusé"
        )


def merge_export(ws: Workspace, session_id: str, path: Path) -> ExportOutcome:
    """Verify one export and merge it.

    Raises:
        InvalidInput, IntegrityError: refused (nothing merged).
        RuleViolation: the session is finalised and the export brings something new.
    """
    export = read_kiosk_export(read_file(path), ws.keys, path.name)
    if export.session_id != session_id:
        raise IntegrityError(
            f"{path.name} : export de la session {export.session_id}, pas de la session "
            f"{session_id}"
        )
    try:
        kiosk = check_kit_binding(
            KioskRegistry(ws.home.kiosk_registry_path),
            session_id=session_id,
            kiosk_id=export.kiosk_id,
            signer_key_id=export.signer_key_id,
            kit_id=export.kit_id,
        )
    except IntegrityError as exc:
        raise IntegrityError(f"{path.name} : {exc.message}") from None
    kiosks = known_kiosks(ws, session_id)
    _check_kiosk_key(kiosks, export)
    merged = ws.attempt_logs(session_id)
    try:
        _check_against_merged(ws, session_id, export, merged)
    except IntegrityError as exc:
        raise IntegrityError(f"{path.name} : {exc.message}") from None
    by_attempt = {events[0].data.get("attempt_id"): events for events in merged.values()}
    brings_new = any(
        len(events) > len(by_attempt.get(attempt_id, []))
        for attempt_id, events in export.attempts.items()
    )
    if brings_new and ws.session_state(session_id).finalised:
        raise RuleViolation(
            f"{path.name} : la session {session_id} est finalisée, ses résultats ne changent plus"
        )
    store = ws.store(session_id)
    added = 0
    for events in export.attempts.values():
        added += len(store.attempts.import_log(events).result().events)
    if export.kiosk_id not in kiosks:
        kiosks[export.kiosk_id] = {
            "key_id": export.signer_key_id,
            "build": export.kiosk_build,
            "number": kiosk.number,
            "name": kiosk.name,
            "kit_id": export.kit_id,
        }
        write_atomic(_kiosks_path(ws, session_id), canonical_bytes(kiosks) + b"\n")
    text = (
        f"{added} événement(s) nouveaux fusionnés" if added else "déjà fusionné : rien de nouveau"
    ) + f" (poste n° {kiosk.number} « {kiosk.name} »)"
    return ExportOutcome(path.name, export.kiosk_id, True, added, len(export.attempts), text)


def collect(
    ws: Workspace, session_id: str, folder: Path, progress: Progress = no_progress
) -> CollectReport:
    """Merge every export found in ``folder``; each refused one says why.

    Raises:
        UserError: no export in the folder, or an unknown session.
    """
    ws.package(session_id)
    files = export_files(folder)
    report = CollectReport(folder)
    for index, path in enumerate(files):
        progress(index / len(files), f"Vérification de {path.name}")
        try:
            report.outcomes.append(merge_export(ws, session_id, path))
        except UserError as exc:  # refused: say why, go on with the next export
            why = exc.message.removeprefix(f"{path.name} : ")
            report.outcomes.append(ExportOutcome(path.name, "", False, message=why))
    progress(1.0, f"{len(files)} export(s) traité(s)")
    return report


__all__ = ["CollectReport", "ExportOutcome", "collect", "export_files", "known_kiosks"]
