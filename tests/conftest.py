"""Shared test configuration."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def fixtures_dir() -> Path:
    """The folder of test fixtures."""
    return FIXTURES


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    """pytest-qt's QApplication in the kiosk's style on every platform (as ``create_application``)."""
    return [sys.argv[0], "-style", "fusion"]
