"""Wall-clock jumps of ±2 h during a running attempt on a real store: time left is unaffected."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from kiosk.core.clock import FakeClock
from kiosk.core.events import verify_chain
from kiosk.store.service import Store
from tests.faults.driver import provider


def test_wall_clock_jumps_do_not_change_time_left(tmp_path: Path) -> None:
    clock = FakeClock()
    with Store.open(tmp_path, provider(), clock=clock) as store:
        att = store.attempts
        aid = att.create("c", "S", "k").result().log_id
        items = [
            {"id": f"r{i}", "competence": "1.1", "type": "QCU", "timer_s": 60, "focus": False}
            for i in range(3)
        ]
        att.assemble(aid, seed="1", duration_s=1200, extra_time_pct="25", items=items).result()
        att.confirm_presence(aid, "password").result()
        att.start(aid).result()
        att.show_item(aid, "r0").result()
        clock.advance(10_000)
        clock.jump_wall(timedelta(hours=2))
        att.heartbeat(aid).result()
        clock.advance(5_000)
        clock.jump_wall(timedelta(hours=-4))
        state = att.heartbeat(aid).result().state
        assert state.time_used_ms == 15_000
        assert state.time_left_ms == 1_500_000 - 15_000
        assert state.item_time_left_ms == 75_000 - 15_000
        clock.jump_wall(timedelta(hours=2))
        clock.advance(1_000)
        assert att.state(aid).result().time_left_ms == 1_500_000 - 16_000
        events = att.events(aid).result()
        walls = [e.at_wall for e in events[-2:]]
        assert walls[1] < walls[0]  # the record shows the jump as it happened
        verify_chain(events)
    with Store.open(tmp_path, provider(), clock=clock) as store:
        state = store.attempts.state(aid).result()
        assert state.time_used_ms == 15_000  # as of the last durable event
