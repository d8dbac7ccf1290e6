"""The session's way out: the signed, encrypted result bundle, and the printed documents."""

from __future__ import annotations

from pathlib import Path

from invigilator.collect import known_kiosks
from invigilator.documents.attendance import attendance_sheet
from invigilator.documents.session_report import session_report
from invigilator.finalise import recorded
from invigilator.workspace import Progress, Workspace, no_progress
from kiosk.core.errors import RuleViolation
from kiosk.seal.atomic import write_atomic
from kiosk.seal.canonical import canonical_bytes, sha256_hex
from kiosk.seal.centre import export_result_bundle
from kiosk.seal.timestamps import to_iso

UNKNOWN_BUILD = "unknown"


def bundle_name(session_id: str) -> str:
    """The bundle's file name."""
    return f"resultats-session-{session_id}.ckbndl"


def kiosk_build_hash(ws: Workspace, session_id: str) -> str:
    """The kiosk build(s) that ran the session, from the merged exports."""
    builds = sorted({str(k.get("build") or "") for k in known_kiosks(ws, session_id).values()})
    builds = [b for b in builds if b]
    return ",".join(builds) if builds else UNKNOWN_BUILD


def export_bundle(
    ws: Workspace, session_id: str, folder: Path, progress: Progress = no_progress
) -> Path:
    """Write the result bundle of a finalised session into ``folder``; returns its path.

    Raises:
        RuleViolation: the session is not finalised.
        UserError: no certificate. StorageFull / EnvironmentFailure: cannot write.
    """
    report = recorded(ws, session_id)
    if report is None:
        raise RuleViolation(f"Finalisez d'abord la session {session_id} avant de l'exporter")
    cert = ws.require_certificate()
    progress(0.1, "Lecture des épreuves fusionnées")
    attempts = {
        cid: [e.to_dict() for e in events] for cid, events in ws.attempt_logs(session_id).items()
    }
    progress(0.4, "Lecture du journal de session")
    log = [e.to_dict() for e in ws.session_events(session_id)]
    progress(0.6, "Signature et chiffrement pour l'organisme certificateur")
    now = ws.now()
    data = export_result_bundle(
        ws.keys,
        cert,
        ws.package(session_id),
        attempts,
        log,
        report.to_dict(),
        kiosk_build_hash(ws, session_id),
        now,
    )
    progress(0.85, "Écriture du fichier")
    target = folder / bundle_name(session_id)
    write_atomic(target, data)
    record = {"sha256": sha256_hex(data), "file": str(target), "at": to_iso(now)}
    write_atomic(ws.home.session_dir(session_id) / "exported.json", canonical_bytes(record) + b"\n")
    progress(1.0, f"Résultats exportés : {target}")
    return target


def attendance_pdf(ws: Workspace, session_id: str) -> bytes:
    """The attendance sheet (feuille d'émargement) of the session."""
    package = ws.package(session_id)
    return attendance_sheet(package.details, package.candidates)


def report_pdf(ws: Workspace, session_id: str) -> bytes:
    """The session report (procès-verbal) of a finalised session.

    Raises:
        RuleViolation: the session is not finalised yet.
    """
    report = recorded(ws, session_id)
    if report is None:
        raise RuleViolation(
            f"Le procès-verbal se produit après la finalisation de la session {session_id}"
        )
    package = ws.package(session_id)
    return session_report(package.details, package.candidates, report)


def save_pdf(data: bytes, target: Path) -> Path:
    """Write a PDF atomically; returns its path."""
    write_atomic(target, data)
    return target


__all__ = ["attendance_pdf", "bundle_name", "export_bundle", "report_pdf", "save_pdf"]
