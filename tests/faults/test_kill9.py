"""kill -9 a real driver process at random points, ≥ 50 times: no acknowledged answer is lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from kiosk.core.attempt import fold
from kiosk.core.attempt_state import Status
from kiosk.core.events import verify_chain
from kiosk.store.service import Store
from tests.faults.driver import answer_for, provider

ROOT = Path(__file__).resolve().parents[2]
KILLS = 50


def run_and_kill(data_dir: Path, acks_before_kill: int) -> list[tuple[str, str, int]]:
    """Start the driver, read ``acks_before_kill`` acknowledgements, then SIGKILL it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.faults.driver", str(data_dir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acked: list[tuple[str, str, int]] = []
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "READY", proc.stderr.read() if proc.stderr else line
        while len(acked) < acks_before_kill:
            line = proc.stdout.readline()
            assert line.startswith("ACK "), line
            _tag, aid, item, seq = line.split()
            acked.append((aid, item, int(seq)))
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if proc.stdout:
            proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return acked


def test_kill9_never_loses_an_acknowledged_answer(tmp_path: Path) -> None:
    rng = random.Random(20250512)
    data = tmp_path / "kiosk"
    acked: list[tuple[str, str, int]] = []
    for _ in range(KILLS):
        acked += run_and_kill(data, rng.randint(0, 9))
        with Store.open(data, provider()) as store:
            summaries = store.attempts.list().result()
            for summary in summaries:
                events = store.attempts.events(summary.attempt_id).result()
                verify_chain(events)
                state = fold(events)
                assert state.status is not Status.RUNNING  # a restart never resumes by itself
            for aid, item, seq in acked:
                state = store.attempts.state(aid).result()
                saved = state.answers[item]
                assert saved.answer == answer_for(aid, item, big=False) and saved.seq == seq
    assert len(acked) > KILLS  # the driver did make progress between kills
