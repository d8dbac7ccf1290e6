"""Time rules: extra time, per-item timers, pauses, restarts; the monotonic clock only."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kiosk.core.attempt import with_time
from kiosk.core.errors import InvalidInput
from kiosk.core.timing import attempt_limit_ms, extended_ms, parse_extra_time_pct
from tests.unit.test_attempt import Log


def test_extra_time_lengthens_the_test_and_rounds_up() -> None:
    assert attempt_limit_ms(7200, Decimal(0)) == 7_200_000
    assert attempt_limit_ms(7200, Decimal(33)) == 9_576_000
    assert extended_ms(7, Decimal("33.3")) == 9331  # 9331.0 exactly
    assert extended_ms(1, Decimal("0.01")) == 1001  # 1000.1 → rounded in the candidate's favour
    assert attempt_limit_ms(60, Decimal(0), extension_minutes=2) == 180_000


@pytest.mark.parametrize("text", ["", "abc", "-1", "1000.5", "NaN", "Infinity"])
def test_extra_time_percentage_is_checked(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_extra_time_pct(text)


def test_time_counts_only_while_running() -> None:
    log = Log()
    log.running(pct="50")  # 600 s × 1.5 = 900 s
    log.wait(30_000)
    log.add("locked", reason="second_screen")
    log.wait(300_000)  # locked: not counted
    log.add("unlocked", by="password")
    log.wait(10_000)
    state = with_time(log.add("heartbeat"))
    assert state.time_used_ms == 40_000 and state.time_left_ms == 860_000
    assert state.pauses[0].reason == "second_screen"
    assert with_time(log.state, log.mono + 5_000).time_used_ms == 45_000


def test_time_up_is_reported_but_never_goes_negative() -> None:
    log = Log()
    log.running()
    state = with_time(log.state, log.mono + 700_000)
    assert state.time_left_ms == 0 and state.time_up and state.time_used_ms == 600_000


def test_time_extension_adds_minutes() -> None:
    log = Log()
    log.running()
    state = with_time(log.add("time_extended", minutes=5, reason="coupure", by="console"))
    assert state.time_left_ms == 900_000


def test_per_item_timer_gets_extra_time_and_runs_only_on_its_item() -> None:
    log = Log()
    log.running(pct="50", timed={1: 60})
    log.wait(20_000)
    log.add("answer_saved", item="rec0", answer="x")
    log.wait(5_000)  # item rec1 not shown yet: its timer does not run
    log.add("item_shown", item="rec1")
    state = with_time(log.state, log.mono + 80_000)
    assert state.time.item_limit_ms == 90_000 and state.item_time_left_ms == 10_000
    state = with_time(log.state, log.mono + 95_000)
    assert state.time.item_time_up and state.item_time_left_ms == 0


def test_untimed_item_has_no_item_timer() -> None:
    log = Log()
    log.running()
    assert with_time(log.state, log.mono + 1000).item_time_left_ms is None


def test_machine_reboot_resets_the_monotonic_clock_without_harm() -> None:
    log = Log()
    log.running()
    log.wait(3_000)
    log.add("heartbeat")
    log.mono = 50  # a reboot: the monotonic clock starts again near zero
    log.add("app_started", boot="b2")
    log.add("resume_authorised", by="password")
    log.wait(2_000)
    state = with_time(log.add("heartbeat"))
    assert state.time_used_ms == 5_000
