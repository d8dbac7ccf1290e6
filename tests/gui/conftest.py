"""Fixtures shared by the GUI tests (pytest-qt, offscreen). Append new fixtures; keep it small."""

from __future__ import annotations

from pathlib import Path

import pytest

ATTACHMENTS = Path(__file__).resolve().parent.parent / "fixtures" / "attachments"


@pytest.fixture
def attachments_dir() -> Path:
    """Sample attachment files (regenerate with tests/fixtures/attachments/generate.py)."""
    return ATTACHMENTS


# -- the candidate kiosk (tests/gui/test_kiosk_*.py) ---------------------------------------------


@pytest.fixture
def kiosk_clock():
    """The fake clock the kiosk tests move by hand."""
    from kiosk.core.clock import FakeClock

    return FakeClock()


@pytest.fixture
def kiosk_session():
    """The synthetic session of the kiosk tests (six items, two candidates)."""
    from tests.gui.kiosk_data import make_session

    session = make_session()
    yield session
    session.cleanup()


@pytest.fixture
def kiosk(qtbot, tmp_path, kiosk_clock, kiosk_session):
    """A kiosk window on a real store, fake clock; closed after the test."""
    from tests.gui.kiosk_data import KioskRig

    rig = KioskRig(qtbot, tmp_path / "data", kiosk_clock, kiosk_session)
    yield rig
    rig.close()
