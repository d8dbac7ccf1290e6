"""Checking and scoring one attempt of an ingested bundle (DOMAIN §3–§5).

Verify the hash chain, replay the events, re-assemble the test from the recorded seed and compare,
validate every raw answer with the scoring keys, apply validated problem reports and incidents,
then score. Any mismatch is an ``IntegrityError`` naming the candidate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.core.assembly import assemble_test, item_pool
from kiosk.core.attempt import fold
from kiosk.core.attempt_state import AttemptState, EndReason, ItemAnswer, Status
from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.core.events import event_from_dict, verify_chain
from kiosk.core.items import AnswerKey, Item, ItemType
from kiosk.core.problem_reports import ProblemReport, ReportedChallenge, resolve_problem_reports
from kiosk.core.scoring import (
    AbortReason,
    ChallengeScoreInput,
    CompetenceScoreInput,
    ScoringResult,
    score_test,
)
from kiosk.core.session_log import SessionState
from kiosk.core.validation import AnswerStatus, validate_answer
from kiosk.seal.session_model import Candidate


@dataclass(frozen=True, slots=True)
class ScoreInputs:
    """Everything scoring needs, kept so a jury can re-score without the bundle."""

    competences: tuple[CompetenceScoreInput, ...]
    challenges: tuple[ChallengeScoreInput, ...]
    abort_reason: str | None
    max_level: int
    reports: tuple[dict[str, str], ...]

    def score(
        self, neutralize: frozenset[str] = frozenset(), deneutralize: frozenset[str] = frozenset()
    ) -> ScoringResult:
        """Score, with a jury's neutralisations and de-neutralisations applied on top."""
        challenges = tuple(
            ChallengeScoreInput(
                c.id,
                c.competence,
                c.type,
                c.status,
                (c.neutralized or c.id in neutralize) and c.id not in deneutralize,
            )
            for c in self.challenges
        )
        return score_test(
            competences=self.competences,
            challenges=challenges,
            max_reachable_level=self.max_level,
            abort_reason=self.abort_reason,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form stored with the results."""
        return {
            "competences": [{"id": c.id, "pix": c.pix, "level": c.level} for c in self.competences],
            "challenges": [
                {
                    "id": c.id,
                    "competence": c.competence,
                    "type": c.type.value,
                    "status": c.status.value if c.status else None,
                    "neutralized": c.neutralized,
                }
                for c in self.challenges
            ],
            "abort_reason": self.abort_reason,
            "max_level": self.max_level,
            "reports": list(self.reports),
        }

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> ScoreInputs:
        """Inverse of ``to_dict``.

        Raises:
            KeyError, ValueError, TypeError: malformed stored inputs.
        """
        return ScoreInputs(
            tuple(
                CompetenceScoreInput(c["id"], int(c["pix"]), int(c["level"]))
                for c in data["competences"]
            ),
            tuple(
                ChallengeScoreInput(
                    c["id"],
                    c["competence"],
                    ItemType(c["type"]),
                    AnswerStatus(c["status"]) if c["status"] else None,
                    bool(c["neutralized"]),
                )
                for c in data["challenges"]
            ),
            data["abort_reason"],
            int(data["max_level"]),
            tuple(data["reports"]),
        )


def replay_attempt(
    raw_events: Sequence[Mapping[str, Any]], candidate_id: str, session_id: str
) -> AttemptState:
    """Check the chain and fold the events.

    Raises:
        IntegrityError: broken chain, forbidden transition, or an attempt of someone else.
    """
    who = f"candidate {candidate_id}"
    try:
        events = [event_from_dict(e, i + 1) for i, e in enumerate(raw_events)]
        if not events:
            raise IntegrityError("empty event log")
        verify_chain(events)
        state = fold(events)
    except (IntegrityError, InvalidInput) as exc:
        raise IntegrityError(f"{who}: {exc.message}") from None
    if state.candidate_id and state.candidate_id != candidate_id:
        raise IntegrityError(f"{who}: the log belongs to candidate {state.candidate_id}")
    if state.session_id and state.session_id != session_id:
        raise IntegrityError(f"{who}: the log belongs to session {state.session_id}")
    return state


def _seed(state: AttemptState, who: str) -> int:
    text = state.seed or ""
    if text.isdigit():
        return int(text)
    try:
        return int(text, 16)
    except ValueError:
        raise IntegrityError(f"{who}: no usable assembly seed in the log") from None


def check_assembly(state: AttemptState, candidate: Candidate, items: Sequence[Item]) -> None:
    """Re-assemble the test from the recorded seed and compare with the items served.

    Raises:
        IntegrityError: not assembled, or different items.
    """
    who = f"candidate {candidate.candidate_id}"
    test = assemble_test(
        candidate.profile, item_pool(items, candidate.accessibility_needs), _seed(state, who)
    )
    served = tuple(i.id for i in state.items)
    if served != test.item_ids:
        raise IntegrityError(
            f"{who}: the items served do not match the assembly from the "
            f"recorded seed ({len(served)} served, {len(test.item_ids)} expected)"
        )


def _status(item: Item, key: AnswerKey, answer: ItemAnswer | None, who: str) -> AnswerStatus | None:
    if answer is None:
        return None
    if answer.set_aside:
        return AnswerStatus.ABAND
    try:
        return validate_answer(
            key,
            answer.answer,
            skipped=answer.skipped,
            timed_out=answer.timed_out,
            focus=item.focus,
            focused_out=answer.focused_out,
        ).status
    except InvalidInput as exc:
        raise IntegrityError(f"{who}: answer to {item.id} is malformed ({exc.message})") from None


def _abort_reason(state: AttemptState, session: SessionState, candidate_id: str) -> str | None:
    recorded = session.abort_reasons.get(candidate_id)
    if recorded is not None:
        return recorded
    if state.status is Status.ENDED and state.end_reason is EndReason.TIME_UP:
        return AbortReason.CANDIDATE.value  # time up: unanswered items count as skipped
    return None


def score_inputs(
    state: AttemptState,
    candidate: Candidate,
    items: Mapping[str, Item],
    keys: Mapping[str, AnswerKey],
    session: SessionState,
    max_level: int,
) -> ScoreInputs:
    """Validate answers, apply reports and incidents, and gather the scoring inputs.

    Raises:
        IntegrityError: an item or key unknown to the pack, or a malformed answer.
    """
    who = f"candidate {candidate.candidate_id}"
    reported: list[ReportedChallenge] = []
    for served in state.items:
        if served.id not in items or served.id not in keys:
            raise IntegrityError(f"{who}: item {served.id} is not in the pack or has no key")
        item = items[served.id]
        status = _status(item, keys[served.id], state.answers.get(served.id), who)
        reported.append(ReportedChallenge.from_item(item, status))
    reports = [
        ProblemReport(p.category, p.item_id) for p in state.problems if p.outcome == "validated"
    ]
    reports += [
        ProblemReport(i.code, i.item_id)
        for i in session.incidents
        if i.candidate_id == candidate.candidate_id and i.code.startswith("E")
    ]
    try:
        outcome = resolve_problem_reports(reported, reports)
    except InvalidInput as exc:
        raise IntegrityError(f"{who}: {exc.message}") from None
    challenges = tuple(
        ChallengeScoreInput(c.id, items[c.id].competence, items[c.id].type, c.status, c.neutralized)
        for c in outcome.challenges
    )
    competences = tuple(
        CompetenceScoreInput(c.competence, c.pix, c.level)
        for c in candidate.profile.certifiable_competences()
    )
    return ScoreInputs(
        competences,
        challenges,
        _abort_reason(state, session, candidate.candidate_id),
        max_level,
        tuple(
            {
                "code": r.report.code,
                "item": r.report.challenge_id or "",
                "effect": r.effect.value,
                "reason": r.reason,
            }
            for r in outcome.resolutions
        ),
    )
