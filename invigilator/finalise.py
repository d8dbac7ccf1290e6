"""Finalising a session (DOMAIN §6) from the merged attempts, recorded in the session log.

``draft`` pre-fills one entry per candidate with the outcome the merged attempt implies.
``finalise`` refuses a report that does not match the logs or is incomplete (``check``), then
writes the notes, incidents, comment and flags to the session log, then ``finalised``; the
report itself is kept beside the store (``finalisation.json``) for the bundle and the PDF.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from invigilator.roster import display_name, outcome_of
from invigilator.workspace import Workspace
from kiosk.core.errors import InvalidInput, RuleViolation
from kiosk.core.finalisation import (
    CandidateFinalisation,
    SessionFinalisation,
    check,
)
from kiosk.seal.atomic import write_atomic
from kiosk.seal.canonical import canonical_bytes, parse_json


def _path(ws: Workspace, session_id: str) -> Path:
    return ws.home.session_dir(session_id) / "finalisation.json"


def names(ws: Workspace, session_id: str) -> dict[str, str]:
    """Candidate id → display name, for messages."""
    return {c.candidate_id: display_name(c) for c in ws.package(session_id).candidates}


def draft(ws: Workspace, session_id: str) -> SessionFinalisation:
    """A finalisation pre-filled from the merged attempts (outcomes, number of items)."""
    states = ws.attempt_states(session_id)
    entries = []
    for cand in ws.package(session_id).candidates:
        state = states.get(cand.candidate_id)
        entries.append(
            CandidateFinalisation(
                candidate_id=cand.candidate_id,
                outcome=outcome_of(state),
                items_in_test=len(state.items) if state else 0,
            )
        )
    return SessionFinalisation(session_id, tuple(entries))


def read_report(data: bytes, where: str) -> SessionFinalisation:
    """Parse a finalisation JSON file (``certkiosk/finalisation@1``).

    Raises:
        InvalidInput: malformed.
    """
    try:
        return SessionFinalisation.from_dict(parse_json(data, where))
    except InvalidInput as exc:
        raise InvalidInput(f"{where} : {exc.message}") from None


def _matches_logs(expected: SessionFinalisation, report: SessionFinalisation) -> None:
    if report.session_id != expected.session_id:
        raise InvalidInput(
            f"Finalisation de la session {report.session_id}, pas de {expected.session_id}"
        )
    want = {c.candidate_id: c for c in expected.candidates}
    got = [c.candidate_id for c in report.candidates]
    if sorted(got) != sorted(want) or len(set(got)) != len(got):
        missing = sorted(set(want) - set(got))
        others = sorted({c for c in got if c not in want or got.count(c) > 1})
        detail = (
            f"manquant(s) : {', '.join(missing)}"
            if missing
            else f"inconnu(s) ou en double : {', '.join(others)}"
        )
        raise InvalidInput(f"La finalisation doit nommer chaque candidat une fois ({detail})")
    for entry in report.candidates:
        derived = want[entry.candidate_id]
        if entry.outcome is not derived.outcome:
            raise InvalidInput(
                f"{entry.candidate_id} : état « {entry.outcome.value} » alors que les journaux "
                f"fusionnés disent « {derived.outcome.value} »"
            )
        if entry.items_in_test != derived.items_in_test:
            raise InvalidInput(
                f"{entry.candidate_id} : {entry.items_in_test} questions annoncées, le test en "
                f"compte {derived.items_in_test}"
            )


def _session_events(
    ws: Workspace, session_id: str, report: SessionFinalisation
) -> list[tuple[str, dict[str, Any]]]:
    items = {cid: [i.id for i in s.items] for cid, s in ws.attempt_states(session_id).items()}
    out: list[tuple[str, dict[str, Any]]] = []
    for entry in report.candidates:
        cid = entry.candidate_id
        if entry.end_screen_seen:
            out.append(("end_screen_seen", {"candidate_id": cid}))
        if entry.comment:
            out.append(("candidate_comment", {"candidate_id": cid, "text": entry.comment}))
        if entry.abort_reason is not None:
            out.append(
                ("abort_reason_set", {"candidate_id": cid, "reason": str(entry.abort_reason)})
            )
        for incident in entry.incidents:
            data: dict[str, Any] = {
                "code": incident.code,
                "text": incident.description,
                "by": "console",
                "candidate_id": cid,
            }
            if incident.item_number is not None:
                data["item"] = items[cid][incident.item_number - 1]
            out.append(("incident_recorded", data))
    if report.comment:
        out.append(("session_comment", {"text": report.comment}))
    flags = {"had_incident": report.had_incident, "joining_issue": report.joining_issue}
    out.append(("flags_set", flags))
    out.append(("finalised", {"by": "console"}))
    return out


def finalise(ws: Workspace, session_id: str, report: SessionFinalisation) -> None:
    """Check the report against the logs and the rules, then record it.

    Raises:
        InvalidInput: the report does not match the merged attempts.
        RuleViolation: already finalised, or incomplete (every missing point, one per line).
    """
    if ws.session_state(session_id).finalised:
        raise RuleViolation(f"La session {session_id} est déjà finalisée")
    _matches_logs(draft(ws, session_id), report)
    check(report, names(ws, session_id))
    events = _session_events(ws, session_id, report)
    write_atomic(_path(ws, session_id), canonical_bytes(report.to_dict()) + b"\n")
    log = ws.store(session_id).sessions
    for type_, data in events:
        log.append(session_id, type_, data).result()


def recorded(ws: Workspace, session_id: str) -> SessionFinalisation | None:
    """The finalisation recorded for a finalised session, else None."""
    path = _path(ws, session_id)
    if not ws.session_state(session_id).finalised or not path.exists():
        return None
    return read_report(path.read_bytes(), str(path))


__all__ = ["draft", "finalise", "names", "read_report", "recorded"]
