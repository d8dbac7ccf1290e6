"""Automatic resolution of problem reports (incident E-codes) before scoring (DOMAIN §5).

A report on an item may neutralise it, and only when its answer was wrong or skipped (any status but
``ok``; an unanswered item counts as skipped):

- E4, E5, E9, E11, E12: always;
- E1 if the item shows an image, E2 if it embeds a simulator/application, E3 if it has an attachment,
  E8 if it has its own timer;
- E10 on a focus item turns ``focusedOut`` into ``ok`` (and neutralises a skip); no effect otherwise.

C-codes describe the session or the candidate, not an item: they never change a challenge. Reports
are applied in the order given; a jury may still neutralise or de-neutralise any item afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from kiosk.core.errors import InvalidInput
from kiosk.core.items import Item
from kiosk.core.validation import AnswerStatus

ALWAYS_NEUTRALISE = frozenset({"E4", "E5", "E9", "E11", "E12"})
ITEM_CODES = ALWAYS_NEUTRALISE | {"E1", "E2", "E3", "E8", "E10"}
SESSION_CODES = frozenset({"C1", "C2", "C4", "C6", "C7", "C8"})


class ReportEffect(StrEnum):
    """What a report did to its challenge."""

    NEUTRALIZED = "neutralized"
    VALIDATED = "validated"  # E10: focusedOut became ok
    NONE = "none"


@dataclass(frozen=True, slots=True)
class ReportedChallenge:
    """What the rules need to know of one challenge: its status and the item's features."""

    id: str
    status: AnswerStatus | None
    neutralized: bool = False
    has_image: bool = False
    has_embed: bool = False
    has_attachment: bool = False
    timed: bool = False
    focus: bool = False

    @staticmethod
    def from_item(
        item: Item, status: AnswerStatus | None, neutralized: bool = False
    ) -> ReportedChallenge:
        """The challenge of ``item`` with its answer status."""
        return ReportedChallenge(
            id=item.id,
            status=status,
            neutralized=neutralized,
            has_image=item.has_image,
            has_embed=item.embed,
            has_attachment=item.has_attachment,
            timed=item.timed,
            focus=item.focus,
        )


@dataclass(frozen=True, slots=True)
class ProblemReport:
    """An incident reported during the test: its code and, for E-codes, the challenge it names."""

    code: str
    challenge_id: str | None = None


@dataclass(frozen=True, slots=True)
class ReportResolution:
    """The outcome of one report, with the reason in one line."""

    report: ProblemReport
    effect: ReportEffect
    reason: str


@dataclass(frozen=True, slots=True)
class ReportsOutcome:
    """The challenges after every report, in their original order, and one resolution per report."""

    challenges: tuple[ReportedChallenge, ...]
    resolutions: tuple[ReportResolution, ...]


def resolve_problem_reports(
    challenges: Sequence[ReportedChallenge], reports: Sequence[ProblemReport]
) -> ReportsOutcome:
    """Apply the reports' automatic rules in order.

    Raises:
        InvalidInput: an unknown code, an E-code without a challenge, or a challenge not in the test.
    """
    current = {c.id: c for c in challenges}
    if len(current) != len(challenges):
        raise InvalidInput("the same challenge is listed twice")
    resolutions: list[ReportResolution] = []
    for report in reports:
        code = report.code.strip().upper()
        if code in SESSION_CODES:
            resolutions.append(ReportResolution(report, ReportEffect.NONE, "not an item incident"))
            continue
        if code not in ITEM_CODES:
            raise InvalidInput(f"unknown incident code '{report.code}'")
        if report.challenge_id is None:
            raise InvalidInput(f"incident {code} must name an item")
        chal = current.get(report.challenge_id)
        if chal is None:
            raise InvalidInput(
                f"incident {code} names item {report.challenge_id}, not in this test"
            )
        updated, effect, reason = _apply(code, chal)
        current[chal.id] = updated
        resolutions.append(ReportResolution(report, effect, reason))
    return ReportsOutcome(tuple(current[c.id] for c in challenges), tuple(resolutions))


def _applies(code: str, chal: ReportedChallenge) -> str | None:
    """None when the code applies to this item, else why it does not."""
    if code in ALWAYS_NEUTRALISE:
        return None
    checks = {
        "E1": (chal.has_image, "the item has no image"),
        "E2": (chal.has_embed, "the item has no simulator or application"),
        "E3": (chal.has_attachment, "the item has no attachment"),
        "E8": (chal.timed, "the item is not timed"),
        "E10": (chal.focus, "the item is not a focus item"),
    }
    applies, reason = checks[code]
    return None if applies else reason


def _apply(code: str, chal: ReportedChallenge) -> tuple[ReportedChallenge, ReportEffect, str]:
    if chal.neutralized:
        return chal, ReportEffect.NONE, "the item is already neutralised"
    refusal = _applies(code, chal)
    if refusal is not None:
        return chal, ReportEffect.NONE, refusal
    skipped = chal.status is None or chal.status is AnswerStatus.ABAND
    if code == "E10":
        if chal.status is AnswerStatus.FOCUSED_OUT:
            return (
                replace(chal, status=AnswerStatus.OK),
                ReportEffect.VALIDATED,
                "focused-out answer accepted",
            )
        if skipped:
            return (
                replace(chal, neutralized=True),
                ReportEffect.NEUTRALIZED,
                "skipped focus item neutralised",
            )
        return chal, ReportEffect.NONE, "the answer was neither skipped nor focused out"
    if chal.status is AnswerStatus.OK:
        return chal, ReportEffect.NONE, "the answer is correct"
    return replace(chal, neutralized=True), ReportEffect.NEUTRALIZED, "item neutralised"
