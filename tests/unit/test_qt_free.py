"""The Qt-free packages never load Qt, checked in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QT_FREE = ("kiosk.core", "kiosk.store", "kiosk.seal", "authority")


def _modules(package: str) -> list[str]:
    path = ROOT.joinpath(*package.split("."))
    names = [package]
    for info in pkgutil.walk_packages([str(path)], prefix=package + "."):
        if not info.name.endswith("__main__"):
            names.append(info.name)
    return names


def _probe(code: str) -> str:
    """What ``code`` prints, run in a fresh interpreter from the project root."""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("package", QT_FREE)
def test_importing_package_never_loads_qt(package: str) -> None:
    modules = _modules(package)
    loaded = _probe(
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    assert loaded == "", f"{package} loaded Qt: {loaded}"


def test_guard_detects_qt() -> None:
    """The probe itself notices a Qt import (so the guard can fail)."""
    code = "import PySide6.QtCore, sys; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "True"


def test_first_window_modules_load_none_of_the_data_side() -> None:
    """Importing what the first window needs loads nothing banned (the real start is checked at
    its first paint by tests/integration/test_kiosk_cold_start.py)."""
    early = _probe(
        "import sys\n"
        "from tests.fixtures.first_paint import loaded_too_early\n"
        "import kiosk.app.main, kiosk.app.kiosk_app\n"
        "print(','.join(loaded_too_early(sys.modules)))\n"
    )
    assert early == "", f"loaded before the first paint: {early}"


def test_the_first_paint_probe_tells_modules_apart() -> None:
    from tests.fixtures.first_paint import loaded_too_early

    names = ["dataclasses", "kiosk.app.check_in_form", "kiosk.seal.keys", "kiosk.app.check_in"]
    assert loaded_too_early(names) == ["dataclasses", "kiosk.app.check_in", "kiosk.seal.keys"]
