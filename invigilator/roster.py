"""The roster as the console shows it: each candidate with the state of their merged attempt.

Pure: the workspace folds the merged logs and hands the states here. Candidate numbers are the
1-based positions in the session package (the numbers kiosk challenges carry).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kiosk.core.attempt_state import AttemptState, EndReason, Status
from kiosk.core.errors import InvalidInput
from kiosk.core.finalisation import Outcome
from kiosk.seal.session_model import Candidate

STATE_FR = {
    "no_data": "Aucune donnée reçue",
    Status.CHECKED_IN: "Accueilli(e)",
    Status.AWAITING_PRESENCE: "Présence à confirmer",
    Status.READY: "Prêt(e) à commencer",
    Status.RUNNING: "En cours",
    Status.LOCKED: "Poste verrouillé",
    Status.AWAITING_RESUME: "Reprise à autoriser",
    EndReason.COMPLETED: "Terminé",
    EndReason.TIME_UP: "Temps écoulé",
    EndReason.BY_INVIGILATOR: "Arrêté par le surveillant",
    EndReason.ABANDONED: "Abandon",
}


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One candidate line: identity, accommodations and the merged attempt's state."""

    number: int
    candidate: Candidate
    state_key: str  # "no_data", a Status value, or an EndReason value once ended
    kiosk_id: str
    done: int
    total: int
    problems: int
    last_seen: str

    @property
    def name(self) -> str:
        """LAST NAME First names."""
        return display_name(self.candidate)

    @property
    def state_fr(self) -> str:
        """The state in French."""
        return STATE_FR.get(self.state_key, self.state_key)


def display_name(candidate: Candidate) -> str:
    """How the console names a candidate: LAST NAME First names."""
    return f"{candidate.last_name.upper()} {candidate.first_names}"


def state_key(state: AttemptState | None) -> str:
    """The roster key of an attempt state."""
    if state is None:
        return "no_data"
    if state.status is Status.ENDED and state.end_reason is not None:
        return state.end_reason.value
    return state.status.value


def outcome_of(state: AttemptState | None) -> Outcome:
    """The finalisation outcome the merged attempt implies (DOMAIN §6)."""
    if state is None:
        return Outcome.ABSENT
    if state.end_reason is EndReason.COMPLETED:
        return Outcome.COMPLETED
    if state.end_reason is EndReason.TIME_UP:
        return Outcome.TIME_UP
    return Outcome.UNFINISHED


def roster_rows(
    candidates: Sequence[Candidate],
    states: Mapping[str, AttemptState],
    last_seen: Mapping[str, str],
) -> list[RosterRow]:
    """One row per candidate, in package order.

    Args:
        candidates: the session's candidates.
        states: candidate id → folded merged attempt.
        last_seen: candidate id → wall time of the attempt's last event.
    """
    rows = []
    for number, cand in enumerate(candidates, start=1):
        state = states.get(cand.candidate_id)
        rows.append(
            RosterRow(
                number=number,
                candidate=cand,
                state_key=state_key(state),
                kiosk_id=state.kiosk_id if state else "",
                done=len(state.answers) if state else 0,
                total=len(state.items) if state else 0,
                problems=len(state.problems) if state else 0,
                last_seen=last_seen.get(cand.candidate_id, ""),
            )
        )
    return rows


def candidate_by_number(candidates: Sequence[Candidate], number: int) -> Candidate:
    """The candidate a challenge's number designates.

    Raises:
        InvalidInput: no such number in this session.
    """
    if not 1 <= number <= len(candidates):
        raise InvalidInput(
            f"Aucun candidat n° {number} dans cette session (numéros 1 à {len(candidates)})"
        )
    return candidates[number - 1]


__all__ = ["RosterRow", "candidate_by_number", "display_name", "outcome_of", "roster_rows"]
