"""The immutable snapshot of an attempt that the fold produces and screens render."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from kiosk.core.timing import TimeView, time_view


class Status(StrEnum):
    """Where an attempt stands, as a candidate or an invigilator would say it."""

    CHECKED_IN = "checked_in"  # identity checked, the test not assembled yet
    AWAITING_PRESENCE = "awaiting_presence"  # assembled, the invigilator has not confirmed presence
    READY = "ready"  # presence confirmed and test assembled: may start
    RUNNING = "running"
    LOCKED = "locked"  # paused: a lock or a pending problem report, time stopped
    AWAITING_RESUME = "awaiting_resume"  # interrupted (restart): an invigilator must authorise
    ENDED = "ended"


class EndReason(StrEnum):
    """Why an attempt ended."""

    COMPLETED = "completed"
    TIME_UP = "time_up"
    BY_INVIGILATOR = "by_invigilator"
    ABANDONED = "abandoned"


@dataclass(frozen=True, slots=True)
class ServedItem:
    """One item of the assembled test, in serving order."""

    id: str
    competence: str
    type: str
    timer_s: int | None
    focus: bool


@dataclass(frozen=True, slots=True)
class ItemAnswer:
    """What happened to one item: answered, skipped, or set aside after a validated report."""

    item_id: str
    answer: Any = None
    skipped: bool = False
    timed_out: bool = False
    focused_out: bool = False
    set_aside: bool = False
    seq: int = 0


@dataclass(frozen=True, slots=True)
class ProblemReport:
    """A candidate's problem report on an item and, once handled, its outcome."""

    seq: int
    item_id: str
    category: str
    text: str
    outcome: str | None = None  # "validated" | "dismissed" | None while pending
    resolved_seq: int | None = None
    by: str | None = None


@dataclass(frozen=True, slots=True)
class Pause:
    """A stretch when the running test was stopped, with its reason and bounding events."""

    reason: str
    from_seq: int
    to_seq: int | None = None


_EMPTY: Mapping[str, ItemAnswer] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class AttemptState:
    """An attempt at one instant: status, items, answers, reports, pauses and time."""

    status: Status = Status.CHECKED_IN
    end_reason: EndReason | None = None
    attempt_id: str = ""
    candidate_id: str = ""
    session_id: str = ""
    kiosk_id: str = ""
    presence_confirmed: bool = False
    started: bool = False
    seed: str | None = None
    duration_s: int = 0
    extra_time_pct: Decimal = Decimal(0)
    extension_minutes: int = 0
    items: tuple[ServedItem, ...] = ()
    index: int = 0
    shown: frozenset[str] = frozenset()
    answers: Mapping[str, ItemAnswer] = field(default_factory=lambda: _EMPTY)
    problems: tuple[ProblemReport, ...] = ()
    pauses: tuple[Pause, ...] = ()
    lock_reason: str | None = None
    pending_problem_seq: int | None = None
    focus_losses: int = 0
    boots: int = 0
    used_ms: int = 0
    item_used_ms: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    time: TimeView = field(default_factory=lambda: time_view(0, 0, None, None))
    last_seq: int = 0
    last_hash: str = "0" * 64
    last_mono_ms: int = 0
    phase: Status = Status.CHECKED_IN  # status ignoring locks and the end

    @property
    def current_item(self) -> ServedItem | None:
        """The item on screen (or due next), None before assembly or once every item is done."""
        if 0 <= self.index < len(self.items):
            return self.items[self.index]
        return None

    @property
    def all_items_done(self) -> bool:
        """True when every item was answered, skipped or set aside."""
        return bool(self.items) and self.index >= len(self.items)

    @property
    def time_left_ms(self) -> int:
        """Time left on the whole test, in milliseconds."""
        return self.time.left_ms

    @property
    def time_used_ms(self) -> int:
        """Time used so far, in milliseconds."""
        return self.time.used_ms

    @property
    def item_time_left_ms(self) -> int | None:
        """Time left on the current item's own timer, None when it has none."""
        return self.time.item_left_ms

    @property
    def counting(self) -> bool:
        """True when time is running (the test is on screen and not paused)."""
        return self.status is Status.RUNNING

    @property
    def time_up(self) -> bool:
        """True when a started test has no time left (the kiosk then ends it)."""
        return self.started and self.status is not Status.ENDED and self.time.time_up
