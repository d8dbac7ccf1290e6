"""Time rules (DESIGN "Time"): limits with extra time, time used, time left, per-item timers.

All durations are integer milliseconds from the monotonic clock. The extra-time percentage is
a decimal string (``"33"``, ``"33.5"``) from 0 to 1000; it lengthens the whole test and every
per-item timer alike. Rounding always favours the candidate (up to the next millisecond).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, InvalidOperation

from kiosk.core.errors import InvalidInput

MAX_EXTRA_TIME_PCT = Decimal(1000)


def parse_extra_time_pct(text: str) -> Decimal:
    """Read an extra-time percentage written as a decimal string.

    Raises:
        InvalidInput: not a plain decimal number between 0 and 1000.
    """
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput(f"temps majoré invalide : {text!r} (un pourcentage décimal est attendu)")
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise InvalidInput(f"temps majoré invalide : {text!r}") from None
    if not value.is_finite() or value < 0 or value > MAX_EXTRA_TIME_PCT:
        raise InvalidInput(f"temps majoré hors limites (0 à 1000 %) : {text!r}")
    return value


def extended_ms(seconds: int, extra_time_pct: Decimal) -> int:
    """``seconds`` lengthened by the extra-time percentage, in milliseconds (rounded up)."""
    total = Decimal(seconds) * 1000 * (Decimal(100) + extra_time_pct) / Decimal(100)
    return int(total.to_integral_value(rounding=ROUND_CEILING))


def attempt_limit_ms(duration_s: int, extra_time_pct: Decimal, extension_minutes: int = 0) -> int:
    """The whole test's limit: duration × (1 + extra %), plus minutes the invigilator added."""
    return extended_ms(duration_s, extra_time_pct) + extension_minutes * 60_000


@dataclass(frozen=True, slots=True)
class TimeView:
    """Time figures of an attempt at one monotonic instant (all in milliseconds)."""

    limit_ms: int
    used_ms: int
    left_ms: int
    item_limit_ms: int | None
    item_used_ms: int | None
    item_left_ms: int | None

    @property
    def time_up(self) -> bool:
        """True when the whole test has no time left."""
        return self.limit_ms > 0 and self.left_ms == 0

    @property
    def item_time_up(self) -> bool:
        """True when the current timed item has no time left."""
        return self.item_left_ms is not None and self.item_left_ms == 0


def time_view(
    limit_ms: int, used_ms: int, item_limit_ms: int | None, item_used_ms: int | None
) -> TimeView:
    """Combine limits and time used into a view where nothing goes below zero or above the limit."""
    used = min(max(used_ms, 0), limit_ms)
    item_left: int | None = None
    item_used: int | None = None
    if item_limit_ms is not None:
        item_used = min(max(item_used_ms or 0, 0), item_limit_ms)
        item_left = item_limit_ms - item_used
    return TimeView(limit_ms, used, limit_ms - used, item_limit_ms, item_used, item_left)


def elapsed_between(previous_mono_ms: int, mono_ms: int) -> int:
    """Milliseconds between two monotonic readings of one boot; never negative."""
    return max(0, mono_ms - previous_mono_ms)
