"""Disk full, on a real size-limited tmpfs (when mounting is allowed) and with RLIMIT_FSIZE."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.events import verify_chain
from kiosk.store.service import Store
from tests.faults.driver import answer_for, provider

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def small_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs, or a skip where this machine forbids mounting."""
    where = tmp_path / "mnt"
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (RLIMIT_FSIZE variant still runs)")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


def fill(data_dir: Path, *extra: str) -> tuple[list[tuple[str, str, int]], str, int]:
    """Run the driver until storage is full; returns acks, the error line and answers read back."""
    out = subprocess.run(
        [sys.executable, "-m", "tests.faults.driver", str(data_dir), "--big", *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    acks = [tuple(line.split()[1:]) for line in lines if line.startswith("ACK ")]
    full = next(line for line in lines if line.startswith("FULL "))
    read = int(next(line for line in lines if line.startswith("READ ")).split()[1])
    return [(a, i, int(s)) for a, i, s in acks], full, read


def check_intact(data_dir: Path, acks: list[tuple[str, str, int]], copy_to: Path) -> None:
    shutil.copytree(data_dir, copy_to)
    (copy_to / "certkiosk.lock").unlink(missing_ok=True)
    with Store.open(copy_to, provider()) as store:
        for summary in store.attempts.list().result():
            verify_chain(store.attempts.events(summary.attempt_id).result())
        for aid, item, seq in acks:
            saved = store.attempts.state(aid).result().answers[item]
            assert saved.answer == answer_for(aid, item, big=True) and saved.seq == seq


def test_full_tmpfs_gives_storage_full_and_keeps_the_data(
    small_tmpfs: Path, tmp_path: Path
) -> None:
    acks, full, read = fill(small_tmpfs / "kiosk")
    assert "Disque plein" in full and "certkiosk.db" in full
    assert acks and read == len(acks)  # the store was still readable in the failing process
    check_intact(small_tmpfs / "kiosk", acks, tmp_path / "copy")


def test_file_size_limit_gives_storage_full_and_keeps_the_data(tmp_path: Path) -> None:
    acks, full, read = fill(tmp_path / "kiosk", "--fsize-limit", str(400 * 1024))
    assert "Disque plein" in full
    assert acks and read == len(acks)
    check_intact(tmp_path / "kiosk", acks, tmp_path / "copy")
