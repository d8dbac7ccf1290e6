"""Session finalisation (DOMAIN §6): what the invigilator must state before a session can be exported.

Per candidate: "end-of-test screen seen", a comment (≤ 500 characters), an abort reason for every
unfinished test, incident reports (C-codes with their required description, E-codes naming an item);
for the session: a global comment and the "had an incident" and "joining issue" flags. ``check``
lists everything missing so the console can say exactly what to complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kiosk.core.errors import InvalidInput, RuleViolation
from kiosk.core.problem_reports import ITEM_CODES, SESSION_CODES
from kiosk.core.scoring import AbortReason as AbortReason  # re-exported for finalisation users

MAX_COMMENT = 500
NEEDS_DESCRIPTION = frozenset({"C1", "C2", "C4", "C7", "C8"})
FINALISATION_FORMAT = "certkiosk/finalisation@1"


class Outcome(StrEnum):
    """Where a candidate's test stands at finalisation, as the attempt log says."""

    ABSENT = "absent"  # never checked in
    COMPLETED = "completed"  # answered every item
    TIME_UP = "time_up"  # ended by the clock
    UNFINISHED = "unfinished"  # started, not ended by completion or time: needs an abort reason

    @property
    def needs_abort_reason(self) -> bool:
        """Only an unfinished test needs an abort reason."""
        return self is Outcome.UNFINISHED


@dataclass(frozen=True, slots=True)
class Incident:
    """One incident report: a C-code (with description when required) or an E-code naming an item."""

    code: str
    description: str = ""
    item_number: int | None = None  # 1-based position of the item in the candidate's test

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"code": self.code, "description": self.description, "item_number": self.item_number}

    @staticmethod
    def from_dict(data: Any) -> Incident:
        """Inverse of ``to_dict``. Raises InvalidInput."""
        if not isinstance(data, dict) or not isinstance(data.get("code"), str):
            raise InvalidInput("incident: expected an object with a 'code'")
        number = data.get("item_number")
        if number is not None and (not isinstance(number, int) or isinstance(number, bool)):
            raise InvalidInput("incident: 'item_number' must be an integer")
        return Incident(
            code=data["code"], description=str(data.get("description") or ""), item_number=number
        )


@dataclass(frozen=True, slots=True)
class CandidateFinalisation:
    """What the invigilator states about one candidate."""

    candidate_id: str
    outcome: Outcome
    items_in_test: int = 0
    end_screen_seen: bool = False
    comment: str = ""
    abort_reason: AbortReason | None = None
    incidents: tuple[Incident, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "candidate_id": self.candidate_id,
            "outcome": self.outcome.value,
            "items_in_test": self.items_in_test,
            "end_screen_seen": self.end_screen_seen,
            "comment": self.comment,
            "abort_reason": self.abort_reason.value if self.abort_reason else None,
            "incidents": [i.to_dict() for i in self.incidents],
        }

    @staticmethod
    def from_dict(data: Any) -> CandidateFinalisation:
        """Inverse of ``to_dict``. Raises InvalidInput."""
        if not isinstance(data, dict):
            raise InvalidInput("finalisation: each candidate must be an object")
        try:
            reason = data.get("abort_reason")
            return CandidateFinalisation(
                candidate_id=str(data["candidate_id"]),
                outcome=Outcome(data["outcome"]),
                items_in_test=int(data.get("items_in_test", 0)),
                end_screen_seen=bool(data.get("end_screen_seen", False)),
                comment=str(data.get("comment") or ""),
                abort_reason=AbortReason(reason) if reason else None,
                incidents=tuple(Incident.from_dict(i) for i in data.get("incidents", [])),
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise InvalidInput(f"finalisation: invalid candidate entry ({exc})") from None


@dataclass(frozen=True, slots=True)
class SessionFinalisation:
    """The whole finalisation report of a session."""

    session_id: str
    candidates: tuple[CandidateFinalisation, ...]
    comment: str = ""
    had_incident: bool = False
    joining_issue: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON form (``certkiosk/finalisation@1``)."""
        return {
            "format": FINALISATION_FORMAT,
            "session_id": self.session_id,
            "comment": self.comment,
            "had_incident": self.had_incident,
            "joining_issue": self.joining_issue,
            "candidates": [c.to_dict() for c in self.candidates],
        }

    @staticmethod
    def from_dict(data: Any) -> SessionFinalisation:
        """Inverse of ``to_dict``. Raises InvalidInput (unknown format version included)."""
        if not isinstance(data, dict) or data.get("format") != FINALISATION_FORMAT:
            raise InvalidInput(f"finalisation: expected format {FINALISATION_FORMAT}")
        candidates = data.get("candidates")
        if not isinstance(candidates, list):
            raise InvalidInput("finalisation: 'candidates' must be a list")
        return SessionFinalisation(
            session_id=str(data.get("session_id", "")),
            candidates=tuple(CandidateFinalisation.from_dict(c) for c in candidates),
            comment=str(data.get("comment") or ""),
            had_incident=bool(data.get("had_incident", False)),
            joining_issue=bool(data.get("joining_issue", False)),
        )


def problems(report: SessionFinalisation, names: dict[str, str] | None = None) -> list[str]:
    """Everything missing or wrong in a finalisation, one French sentence each (empty when complete).

    Args:
        report: the finalisation to check.
        names: candidate id → display name, for readable messages.
    """
    label = names or {}
    found: list[str] = []
    if len(report.comment) > MAX_COMMENT:
        found.append(f"Le commentaire de session dépasse {MAX_COMMENT} caractères.")
    any_incident = False
    for cand in report.candidates:
        who = label.get(cand.candidate_id, cand.candidate_id)
        if cand.outcome.needs_abort_reason and cand.abort_reason is None:
            found.append(
                f"{who} : test non terminé, indiquez la raison de l'abandon (candidat ou technique)."
            )
        if cand.outcome is Outcome.ABSENT and (cand.abort_reason or cand.incidents):
            found.append(
                f"{who} : absent(e), aucune raison d'abandon ni incident ne peut être saisi."
            )
        if len(cand.comment) > MAX_COMMENT:
            found.append(f"{who} : le commentaire dépasse {MAX_COMMENT} caractères.")
        for incident in cand.incidents:
            any_incident = True
            code = incident.code
            if code not in ITEM_CODES and code not in SESSION_CODES:
                found.append(f"{who} : code d'incident inconnu « {code} ».")
            elif code in NEEDS_DESCRIPTION and not incident.description.strip():
                found.append(f"{who} : l'incident {code} demande une description.")
            elif code in ITEM_CODES:
                n = incident.item_number
                if n is None:
                    found.append(
                        f"{who} : l'incident {code} doit indiquer le numéro de la question."
                    )
                elif not 1 <= n <= cand.items_in_test:
                    found.append(
                        f"{who} : l'incident {code} vise la question {n}, le test en compte {cand.items_in_test}."
                    )
    if any_incident and not report.had_incident:
        found.append("Des incidents sont signalés : cochez « La session a connu un incident ».")
    return found


def check(report: SessionFinalisation, names: dict[str, str] | None = None) -> None:
    """Refuse an incomplete finalisation.

    Raises:
        RuleViolation: with every missing point, one per line.
    """
    missing = problems(report, names)
    if missing:
        raise RuleViolation("Finalisation incomplète :\n" + "\n".join(f"- {m}" for m in missing))
