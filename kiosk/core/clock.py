"""Injected clocks: a monotonic clock for durations and a wall clock for the record.

Durations (time used, time left, per-item timers) come only from ``monotonic_ms``; the wall
clock is written into events for people to read and is never used to compute a duration.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """What the attempt needs from a clock."""

    def monotonic_ms(self) -> int:
        """Milliseconds from an arbitrary origin that never goes backwards within a process."""
        ...

    def wall(self) -> datetime:
        """The current wall-clock time, timezone-aware."""
        ...


def wall_iso(moment: datetime) -> str:
    """Format a wall-clock time as ISO 8601 UTC with milliseconds (``2025-05-01T08:30:00.125Z``)."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


class SystemClock:
    """The machine's clocks: ``time.monotonic_ns`` and ``datetime.now(UTC)``."""

    def monotonic_ms(self) -> int:
        """Milliseconds of the system monotonic clock."""
        return time.monotonic_ns() // 1_000_000

    def wall(self) -> datetime:
        """The current UTC time."""
        return datetime.now(UTC)


class FakeClock:
    """A clock tests move by hand: ``advance`` moves both clocks, ``jump_wall`` only the wall."""

    def __init__(self, mono_ms: int = 1_000_000, wall: datetime | None = None) -> None:
        self._mono_ms = mono_ms
        self._wall = wall if wall is not None else datetime(2025, 5, 12, 8, 0, tzinfo=UTC)

    def monotonic_ms(self) -> int:
        """The fake monotonic time in milliseconds."""
        return self._mono_ms

    def wall(self) -> datetime:
        """The fake wall-clock time."""
        return self._wall

    def advance(self, ms: int) -> None:
        """Let ``ms`` milliseconds pass on both clocks.

        Raises:
            ValueError: ``ms`` is negative (a monotonic clock never goes back).
        """
        if ms < 0:
            raise ValueError("a monotonic clock never goes backwards")
        self._mono_ms += ms
        self._wall += timedelta(milliseconds=ms)

    def jump_wall(self, delta: timedelta) -> None:
        """Change the wall clock only, as a user or NTP setting the system time would."""
        self._wall += delta

    def reboot(self, mono_ms: int = 5_000) -> None:
        """Restart the monotonic clock from a new origin, as after a machine reboot."""
        self._mono_ms = mono_ms
