"""The encrypted store end to end: real SQLCipher files, reopen, restart, services, golden files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.attempt import TransitionRefused, fold
from kiosk.core.attempt_state import EndReason, Status
from kiosk.core.clock import FakeClock
from kiosk.core.errors import InvalidInput, StoreLocked
from kiosk.core.events import verify_chain
from kiosk.store.database import open_database
from kiosk.store.key_providers import PassphraseProvider
from kiosk.store.keyfile import read_key_file, unseal_key
from kiosk.store.service import Store
from kiosk.store.store_core import TimeUp

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "fixtures" / "store"


def fast(passphrase: str = "phrase de test") -> PassphraseProvider:
    return PassphraseProvider(passphrase, time_cost=1, memory_kib=1024, parallelism=1)


def items(n: int) -> list[dict[str, Any]]:
    return [
        {"id": f"rec{i}", "competence": "2.1", "type": "QROC", "timer_s": None, "focus": False}
        for i in range(n)
    ]


def running(store: Store, n: int = 3, duration_s: int = 600) -> str:
    att = store.attempts
    aid = att.create("cand", "S1", "k1").result().log_id
    att.assemble(aid, seed="1", duration_s=duration_s, extra_time_pct="0", items=items(n)).result()
    att.confirm_presence(aid, "password").result()
    att.start(aid).result()
    att.show_item(aid, "rec0").result()
    return aid


def test_reopen_restores_state_and_marks_the_restart(tmp_path: Path) -> None:
    clock = FakeClock()
    store = Store.open(tmp_path, fast(), clock=clock)
    aid = running(store)
    clock.advance(7_000)
    change = store.attempts.save_answer(aid, "rec0", {"champ": "réponse"}).result()
    assert change.events[0].type == "answer_saved" and change.state.index == 1
    clock.advance(3_000)
    store.attempts.heartbeat(aid).result()
    store.close()

    clock.advance(120_000)  # down: not counted
    store = Store.open(tmp_path, fast(), clock=clock)
    try:
        (restart,) = store.startup_changes
        assert restart.events[0].type == "app_started"
        state = store.attempts.state(aid).result()
        assert state.status is Status.AWAITING_RESUME and state.time_used_ms == 10_000
        assert state.answers["rec0"].answer == {"champ": "réponse"}
        with pytest.raises(TransitionRefused):
            store.attempts.save_answer(aid, "rec1", "x").result()
        store.attempts.authorise_resume(aid, "password").result()
        clock.advance(2_000)
        assert store.attempts.state(aid).result().time_used_ms == 12_000
        events = store.attempts.events(aid).result()
        verify_chain(events)
        assert fold(events).answers == state.answers
        assert [e.seq for e in store.attempts.events(aid, from_seq=8).result()] == list(
            range(8, len(events) + 1)
        )
        (summary,) = store.attempts.list().result()
        assert summary.attempt_id == aid and summary.status is Status.RUNNING
    finally:
        store.close()


def test_time_up_ends_the_attempt_instead_of_saving(tmp_path: Path) -> None:
    clock = FakeClock()
    with Store.open(tmp_path, fast(), clock=clock) as store:
        aid = running(store, duration_s=60)
        clock.advance(61_000)
        with pytest.raises(TimeUp) as caught:
            store.attempts.save_answer(aid, "rec0", "trop tard").result()
        assert caught.value.change.state.end_reason is EndReason.TIME_UP
        state = store.attempts.state(aid).result()
        assert state.status is Status.ENDED and "rec0" not in state.answers
        assert state.time_used_ms == 60_000


def test_tick_ends_only_when_due(tmp_path: Path) -> None:
    clock = FakeClock()
    with Store.open(tmp_path, fast(), clock=clock) as store:
        aid = running(store, duration_s=60)
        clock.advance(59_000)
        assert store.attempts.tick(aid).result().events == ()
        clock.advance(1_000)
        change = store.attempts.tick(aid).result()
        assert change.events[0].data == {"reason": "time_up"}


def test_a_refused_action_stores_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path, fast(), clock=FakeClock()) as store:
        aid = running(store)
        before = len(store.attempts.events(aid).result())
        with pytest.raises(TransitionRefused):
            store.attempts.skip_item(aid, "rec2").result()
        assert len(store.attempts.events(aid).result()) == before


def test_session_log_service(tmp_path: Path) -> None:
    with Store.open(tmp_path, fast(), clock=FakeClock()) as store:
        store.sessions.open("S1").result()
        assert store.sessions.open("S1").result().events == ()
        change = store.sessions.append(
            "S1", "presence_confirmed", {"candidate_id": "c1", "by": "console"}
        ).result()
        assert change.state.present == {"c1"}
    with Store.open(tmp_path, fast(), clock=FakeClock()) as store:
        assert store.sessions.state("S1").result().present == {"c1"}
        assert [e.type for e in store.sessions.events("S1").result()] == [
            "session_opened",
            "presence_confirmed",
        ]


def test_events_are_append_only_in_the_database(tmp_path: Path) -> None:
    with Store.open(tmp_path, fast(), clock=FakeClock()) as store:
        running(store)
    key = unseal_key(read_key_file(tmp_path / "certkiosk.key"), fast())
    connection = open_database(tmp_path / "certkiosk.db", key, key_verified=True)
    try:
        with pytest.raises(Exception, match="append-only"):
            connection.execute("UPDATE events SET data = '{}' WHERE seq = 1")
    finally:
        connection.close()


def test_a_second_process_is_refused(tmp_path: Path) -> None:
    Store.open(tmp_path, fast(), clock=FakeClock()).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from kiosk.store.service import Store;"
            "from kiosk.store.key_providers import PassphraseProvider as P;"
            "s = Store.open(sys.argv[1], P('phrase de test', time_cost=1, memory_kib=1024,"
            " parallelism=1)); print('open', flush=True); sys.stdin.read(); s.close()",
            str(tmp_path),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreLocked, match="processus"):
            Store.open(tmp_path, fast(), clock=FakeClock())
    finally:
        holder.communicate("", timeout=20)
    Store.open(tmp_path, fast(), clock=FakeClock()).close()


@pytest.mark.parametrize("version", sorted(p.name for p in GOLDEN.glob("v*") if p.is_dir()))
def test_golden_store_of_every_released_version_opens(version: str, tmp_path: Path) -> None:
    shutil.copytree(GOLDEN / version, tmp_path / "data")
    expected = json.loads((GOLDEN / version / "expected.json").read_text())
    provider = PassphraseProvider(expected["passphrase"])
    with Store.open(tmp_path / "data", provider, clock=FakeClock()) as store:
        assert store.startup_changes == ()
        aid = expected["attempt_id"]
        events = store.attempts.events(aid).result()
        assert [e.type for e in events] == expected["attempt_event_types"]
        assert events[-1].hash == expected["attempt_last_hash"]
        state = store.attempts.state(aid).result()
        assert state.time_used_ms == expected["time_used_ms"]
        assert state.answers["recB"].set_aside
        assert store.sessions.state("S-1").result().finalised


def test_a_newer_schema_is_refused_clearly(tmp_path: Path) -> None:
    Store.open(tmp_path, fast(), clock=FakeClock()).close()
    key = unseal_key(read_key_file(tmp_path / "certkiosk.key"), fast())
    connection = open_database(tmp_path / "certkiosk.db", key, key_verified=True)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    with pytest.raises(InvalidInput, match="plus récente"):
        Store.open(tmp_path, fast(), clock=FakeClock())
