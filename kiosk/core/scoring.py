"""Scoring (v2): reproducibility rate, certified level per competence, result status (DOMAIN §5).

Inputs are the session's maximum reachable level, the abort reason of an unfinished test, the fraud
and cancellation flags, the certifiable competences (profile pix and level) and, per challenge, its
competence, item type, answer status (None when unanswered) and whether it is neutralised. The
problem-report rules that neutralise items live in ``kiosk.core.problem_reports`` and run before this.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kiosk.core.errors import Bug, InvalidInput
from kiosk.core.framework import (
    DEFAULT_MAX_REACHABLE_LEVEL,
    MAX_LEVEL,
    PIX_PER_COMPETENCE,
    PIX_PER_LEVEL,
    Framework,
    default_framework,
    level_for_pix,
    max_pix_for_level,
)
from kiosk.core.items import ItemType
from kiosk.core.problem_reports import (
    ProblemReport,
    ReportedChallenge,
    ReportEffect,
    ReportResolution,
    ReportsOutcome,
    resolve_problem_reports,
)
from kiosk.core.validation import AnswerStatus

__all__ = [
    "RULES",
    "AbortReason",
    "ChallengeScore",
    "ChallengeScoreInput",
    "CompetenceScore",
    "CompetenceScoreInput",
    "LevelAction",
    "ProblemReport",
    "ReportEffect",
    "ReportResolution",
    "ReportedChallenge",
    "ReportsOutcome",
    "ResultStatus",
    "ScoringResult",
    "certified_action",
    "minimum_non_neutralized",
    "reproducibility_rate",
    "resolve_problem_reports",
    "score_test",
]

NOT_CERTIFIED = -1
MIN_RATE_TO_CERTIFY = 50
SMALL_COMPETENCE = 3  # fewer items than this and a QROCM-dep counts twice
MAX_CORRECT_PER_COMPETENCE = 3


class AbortReason(StrEnum):
    """Why an unfinished test ended, recorded at finalisation."""

    CANDIDATE = "candidate"  # unanswered items count as skipped (wrong)
    TECHNICAL = "technical"  # unanswered items are neutralised


class ResultStatus(StrEnum):
    """The outcome of a certification attempt."""

    VALIDATED = "validated"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    ERROR = "error"


class LevelAction(StrEnum):
    """What a competence gets: keep the profile level (V), one level down (D), not certified (I)."""

    KEEP = "V"
    DOWN = "D"
    INVALID = "I"


_V, _D, _I = LevelAction.KEEP, LevelAction.DOWN, LevelAction.INVALID
_ANY = -1

# (items, correct, neutralised) → action for rate ≥ 80, 70–79, < 70. "any" neutralised = 0..items.
_TABLE: tuple[tuple[int, int, int, LevelAction, LevelAction, LevelAction], ...] = (
    (3, 3, 0, _V, _V, _V),
    (3, 2, 0, _V, _D, _D),
    (3, 2, 1, _V, _V, _V),
    (3, 1, 0, _I, _I, _I),
    (3, 1, 1, _V, _D, _I),
    (3, 1, 2, _V, _V, _D),
    (3, 0, _ANY, _I, _I, _I),
    (2, 2, 0, _V, _V, _V),
    (2, 1, 0, _V, _D, _I),
    (2, 1, 1, _V, _V, _D),
    (2, 0, _ANY, _I, _I, _I),
    (1, 1, 0, _V, _V, _D),
    (1, 0, _ANY, _I, _I, _I),
)


def _expand(
    table: Sequence[tuple[int, int, int, LevelAction, LevelAction, LevelAction]],
) -> dict[tuple[int, int, int], tuple[LevelAction, LevelAction, LevelAction]]:
    rules: dict[tuple[int, int, int], tuple[LevelAction, LevelAction, LevelAction]] = {}
    for items, correct, neutralised, high, mid, low in table:
        counts = range(items + 1) if neutralised == _ANY else (neutralised,)
        for n in counts:
            rules[(items, correct, n)] = (high, mid, low)
    return rules


RULES = _expand(_TABLE)


def certified_action(items: int, correct: int, neutralised: int, rate: int) -> LevelAction:
    """The rule table: what a competence gets from its counts and the global rate band.

    Raises:
        Bug: a combination the table does not hold (an error, never a guess).
    """
    actions = RULES.get((items, correct, neutralised))
    if actions is None:
        raise Bug(
            f"no certified-level rule for {items} item(s), {correct} correct,"
            f" {neutralised} neutralised"
        )
    if rate >= 80:
        return actions[0]
    if rate >= 70:
        return actions[1]
    return actions[2]


def reproducibility_rate(correct: int, counted: int) -> int:
    """100 × correct / counted rounded half up to an integer; 0 when nothing counts."""
    if counted <= 0:
        return 0
    return (200 * correct + counted) // (2 * counted)


def minimum_non_neutralized(items: int) -> int:
    """ceil(0.66 × items), computed exactly: below this many non-neutralised items, cancelled."""
    return (66 * items + 99) // 100


@dataclass(frozen=True, slots=True)
class CompetenceScoreInput:
    """A certifiable competence of the profile: its pix and level."""

    id: str
    pix: int
    level: int


@dataclass(frozen=True, slots=True)
class ChallengeScoreInput:
    """One challenge of the test: status None when it was never answered."""

    id: str
    competence: str
    type: ItemType
    status: AnswerStatus | None
    neutralized: bool = False


@dataclass(frozen=True, slots=True)
class CompetenceScore:
    """A certified competence: level -1 and pix 0 when not certified."""

    id: str
    level: int
    pix: int


@dataclass(frozen=True, slots=True)
class ChallengeScore:
    """A challenge's final status (``aband`` when skipped automatically) and neutralisation."""

    id: str
    status: AnswerStatus | None
    neutralized: bool


@dataclass(frozen=True, slots=True)
class ScoringResult:
    """The result of scoring one attempt; ``detail`` says in one line why the status is what it is."""

    status: ResultStatus
    reproducibility_rate: int
    pix: int
    competences: tuple[CompetenceScore, ...]
    challenges: tuple[ChallengeScore, ...]
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form printed by ``authority score``."""
        return {
            "status": self.status.value,
            "reproducibility_rate": self.reproducibility_rate,
            "pix": self.pix,
            "competences": [{"id": c.id, "level": c.level, "pix": c.pix} for c in self.competences],
            "challenges": [
                {
                    "id": c.id,
                    "status": c.status.value if c.status is not None else None,
                    "neutralized": c.neutralized,
                }
                for c in self.challenges
            ],
            "detail": self.detail,
        }


def score_test(
    *,
    competences: Sequence[CompetenceScoreInput],
    challenges: Sequence[ChallengeScoreInput],
    max_reachable_level: int = DEFAULT_MAX_REACHABLE_LEVEL,
    abort_reason: AbortReason | str | None = None,
    fraud: bool = False,
    cancelled: bool = False,
    framework: Framework | None = None,
) -> ScoringResult:
    """Score one attempt by the v2 rules.

    Args:
        competences: the certifiable competences (profile pix and level).
        challenges: every challenge of the test, in serving order.
        max_reachable_level: the session's cap on certified levels (1–8).
        abort_reason: None, "candidate" or "technical" (for a test left unfinished).
        fraud: the attempt was rejected for fraud.
        cancelled: the session cancelled the attempt.
        framework: the competence framework (default: the shipped one).

    Returns:
        The status, rate, total pix, per-competence levels and per-challenge final statuses.
        An unanswered challenge with no abort reason gives status ``error`` (never a guess).

    Raises:
        InvalidInput: inconsistent input (unknown or duplicated ids, pix/level mismatch...).
        Bug: a competence's counts fall outside the rule table.
    """
    fw = framework or default_framework()
    reason = _abort_reason(abort_reason)
    _check_max_level(max_reachable_level)
    comps = _checked_competences(competences, fw)
    _check_challenges(challenges, {c.id for c in comps})

    finals: list[ChallengeScore] = []
    unanswered: list[str] = []
    for chal in challenges:
        answer_status, neutral = chal.status, chal.neutralized
        if answer_status is None:
            if reason is None:
                unanswered.append(chal.id)
            elif reason is AbortReason.CANDIDATE:
                answer_status = AnswerStatus.ABAND  # skipped automatically: counts, wrong
            else:
                neutral = True
        finals.append(ChallengeScore(chal.id, answer_status, neutral))
    if unanswered:
        return ScoringResult(
            status=ResultStatus.ERROR,
            reproducibility_rate=0,
            pix=0,
            competences=tuple(CompetenceScore(c.id, NOT_CERTIFIED, 0) for c in comps),
            challenges=tuple(finals),
            detail=f"item {unanswered[0]} was not answered and the test has no abort reason",
        )

    counted = [f for f in finals if not f.neutralized]
    correct = sum(1 for f in counted if f.status is AnswerStatus.OK)
    rate = reproducibility_rate(correct, len(counted))
    if rate < MIN_RATE_TO_CERTIFY:
        scores = tuple(CompetenceScore(c.id, NOT_CERTIFIED, 0) for c in comps)
    else:
        by_competence: dict[str, list[tuple[ChallengeScore, ItemType]]] = {c.id: [] for c in comps}
        for final, chal in zip(finals, challenges, strict=True):
            by_competence[chal.competence].append((final, chal.type))
        scores = tuple(
            _competence_score(comp, by_competence[comp.id], rate, max_reachable_level)
            for comp in comps
        )
    total = sum(s.pix for s in scores)
    status, detail = _result_status(
        cancelled=cancelled,
        fraud=fraud,
        items=len(finals),
        non_neutralized=len(counted),
        technical=reason is AbortReason.TECHNICAL,
        rate=rate,
        total=total,
    )
    return ScoringResult(status, rate, total, scores, tuple(finals), detail)


def _competence_score(
    comp: CompetenceScoreInput,
    chals: Sequence[tuple[ChallengeScore, ItemType]],
    rate: int,
    max_level: int,
) -> CompetenceScore:
    small = len(chals) < SMALL_COMPETENCE
    items = correct = neutralised = 0
    for final, item_type in chals:
        weight = 2 if small and item_type is ItemType.QROCM_DEP else 1
        items += weight
        if final.neutralized:
            neutralised += weight
        elif final.status is AnswerStatus.OK:
            correct += weight
        elif weight == 2 and final.status is AnswerStatus.PARTIALLY:
            correct += 1
    action = certified_action(items, min(correct, MAX_CORRECT_PER_COMPETENCE), neutralised, rate)
    if action is LevelAction.INVALID:
        return CompetenceScore(comp.id, NOT_CERTIFIED, 0)
    level, pix = comp.level, comp.pix
    if action is LevelAction.DOWN:
        level, pix = level - 1, pix - PIX_PER_LEVEL
    return CompetenceScore(comp.id, min(level, max_level), min(pix, max_pix_for_level(max_level)))


def _result_status(
    *,
    cancelled: bool,
    fraud: bool,
    items: int,
    non_neutralized: int,
    technical: bool,
    rate: int,
    total: int,
) -> tuple[ResultStatus, str]:
    if cancelled:
        return ResultStatus.CANCELLED, "cancelled by the session"
    if fraud:
        return ResultStatus.REJECTED, "rejected for fraud"
    needed = minimum_non_neutralized(items)
    if non_neutralized < needed:
        return (
            ResultStatus.CANCELLED,
            f"only {non_neutralized} of {items} items are not neutralised ({needed} needed)",
        )
    if technical and rate < MIN_RATE_TO_CERTIFY:
        return (
            ResultStatus.CANCELLED,
            f"aborted for a technical reason with a rate of {rate} (< 50)",
        )
    if rate < MIN_RATE_TO_CERTIFY:
        return ResultStatus.REJECTED, f"reproducibility rate {rate} is under 50"
    if total > 0:
        return ResultStatus.VALIDATED, ""
    return ResultStatus.REJECTED, "no pix certified"


def _abort_reason(value: AbortReason | str | None) -> AbortReason | None:
    if value is None:
        return None
    try:
        return AbortReason(value)
    except ValueError:
        raise InvalidInput(
            f"unknown abort reason '{value}' (expected candidate, technical or none)"
        ) from None


def _check_max_level(level: int) -> None:
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= MAX_LEVEL:
        raise InvalidInput(f"max reachable level must be a whole number from 1 to {MAX_LEVEL}")


def _checked_competences(
    competences: Sequence[CompetenceScoreInput], fw: Framework
) -> list[CompetenceScoreInput]:
    order = {c.id: c.index for c in fw.competences}
    seen: set[str] = set()
    for comp in competences:
        if comp.id not in order:
            raise InvalidInput(f"unknown competence '{comp.id}'")
        if comp.id in seen:
            raise InvalidInput(f"competence {comp.id} is listed twice")
        seen.add(comp.id)
        if (
            isinstance(comp.pix, bool)
            or not isinstance(comp.pix, int)
            or not (0 <= comp.pix <= PIX_PER_COMPETENCE)
        ):
            raise InvalidInput(f"competence {comp.id}: pix must be a whole number from 0 to 64")
        if comp.level != level_for_pix(comp.pix):
            raise InvalidInput(
                f"competence {comp.id}: level {comp.level} does not match {comp.pix} pix"
                f" (level {level_for_pix(comp.pix)})"
            )
        if comp.level < 1:
            raise InvalidInput(f"competence {comp.id} is not certifiable (level {comp.level})")
    return sorted(competences, key=lambda c: order[c.id])


def _check_challenges(challenges: Sequence[ChallengeScoreInput], competence_ids: set[str]) -> None:
    seen: set[str] = set()
    for chal in challenges:
        if chal.id in seen:
            raise InvalidInput(f"challenge {chal.id} is listed twice")
        seen.add(chal.id)
        if chal.competence not in competence_ids:
            raise InvalidInput(
                f"challenge {chal.id}: competence {chal.competence} is not among the"
                " certifiable competences"
            )
