"""What the candidate's screen shows, derived from the attempt's state: one immutable value.

Qt-free. ``kiosk_view`` is a pure function of the core's ``AttemptState`` (or None before
check-in), the items of the test and two facts the UI holds (whether the start-up checks were
acknowledged, which focus warning was acknowledged). Screens render a ``KioskView`` and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from kiosk.app.env_checks import EnvWarning
from kiosk.core.attempt_state import AttemptState, Status

if TYPE_CHECKING:
    from kiosk.core.items import Item

WARN_10_MIN_MS = 10 * 60_000
WARN_5_MIN_MS = 5 * 60_000


class Screen(StrEnum):
    """Every screen of the candidate app."""

    STARTUP = "startup"
    CHECK_IN = "check_in"
    AWAITING_PRESENCE = "awaiting_presence"
    INSTRUCTIONS = "instructions"
    FOCUS_WARNING = "focus_warning"
    ITEM = "item"
    LOCKED = "locked"
    PROBLEM_PENDING = "problem_pending"
    AWAITING_RESUME = "awaiting_resume"
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class CandidateLabel:
    """Who sits the test, as shown in the header and to the invigilator."""

    first_names: str
    last_name: str

    @property
    def display(self) -> str:
        """``Prénom NOM``."""
        return f"{self.first_names} {self.last_name.upper()}".strip()


@dataclass(frozen=True, slots=True)
class PendingProblem:
    """The problem report an invigilator must handle."""

    seq: int
    item_id: str
    category: str
    text: str


@dataclass(frozen=True, slots=True)
class KioskView:
    """Everything a screen needs, frozen at one instant."""

    screen: Screen
    candidate: CandidateLabel | None = None
    item: Item | None = None
    position: int = 0  # 1-based index of the item on screen
    total: int = 0
    time_limit_ms: int = 0
    time_left_ms: int = 0
    item_limit_ms: int | None = None
    item_left_ms: int | None = None
    lock_reason: str | None = None
    end_reason: str | None = None
    pending_problem: PendingProblem | None = None
    warnings: tuple[EnvWarning, ...] = ()
    extra_time_pct: str = "0"
    extension_minutes: int = 0
    duration_s: int = 0

    @property
    def time_warning(self) -> int:
        """0, 10 or 5: the last time warning reached (minutes left)."""
        if self.time_limit_ms <= 0:
            return 0
        if self.time_left_ms <= WARN_5_MIN_MS:
            return 5
        if self.time_left_ms <= WARN_10_MIN_MS:
            return 10
        return 0

    @property
    def shows_time(self) -> bool:
        """Whether the header with the time left belongs on this screen."""
        return self.screen in (Screen.ITEM, Screen.FOCUS_WARNING)


@dataclass(frozen=True, slots=True)
class UiFacts:
    """What only the UI knows and the view depends on."""

    startup_acknowledged: bool = False
    focus_warning_acknowledged: str | None = (
        None  # id of the focus item the candidate was warned of
    )
    warnings: tuple[EnvWarning, ...] = ()


def _screen(state: AttemptState | None, item: Item | None, facts: UiFacts) -> Screen:
    if state is None:
        return Screen.CHECK_IN if facts.startup_acknowledged else Screen.STARTUP
    status = state.status
    if status is Status.ENDED:
        return Screen.ENDED
    if status is Status.AWAITING_RESUME:
        return Screen.AWAITING_RESUME
    if status is Status.LOCKED:
        return Screen.PROBLEM_PENDING if state.pending_problem_seq is not None else Screen.LOCKED
    if status in (Status.CHECKED_IN, Status.AWAITING_PRESENCE):
        return Screen.AWAITING_PRESENCE
    if status is Status.READY:
        return Screen.INSTRUCTIONS
    if (
        item is not None
        and item.focus
        and item.id not in state.shown
        and facts.focus_warning_acknowledged != item.id
    ):
        return Screen.FOCUS_WARNING
    return Screen.ITEM


def kiosk_view(
    state: AttemptState | None,
    items: Mapping[str, Item],
    facts: UiFacts,
    candidate: CandidateLabel | None = None,
) -> KioskView:
    """The view of an attempt (None: nobody has checked in yet)."""
    if state is None:
        return KioskView(screen=_screen(None, None, facts), warnings=facts.warnings)
    served = state.current_item
    item = items.get(served.id) if served is not None else None
    pending: PendingProblem | None = None
    if state.pending_problem_seq is not None:
        for report in state.problems:
            if report.seq == state.pending_problem_seq:
                pending = PendingProblem(report.seq, report.item_id, report.category, report.text)
    time = state.time
    return KioskView(
        screen=_screen(state, item, facts),
        candidate=candidate,
        item=item,
        position=min(state.index + 1, len(state.items)),
        total=len(state.items),
        time_limit_ms=time.limit_ms,
        time_left_ms=time.left_ms,
        item_limit_ms=time.item_limit_ms,
        item_left_ms=time.item_left_ms,
        lock_reason=state.lock_reason,
        end_reason=state.end_reason.value if state.end_reason is not None else None,
        pending_problem=pending,
        warnings=facts.warnings,
        extra_time_pct=f"{state.extra_time_pct.normalize():f}",
        extension_minutes=state.extension_minutes,
        duration_s=state.duration_s,
    )
