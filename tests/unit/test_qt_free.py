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


@pytest.mark.parametrize("package", QT_FREE)
def test_importing_package_never_loads_qt(package: str) -> None:
    modules = _modules(package)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{package} loaded Qt: {result.stdout.strip()}"


def test_guard_detects_qt() -> None:
    """The probe itself notices a Qt import (so the guard can fail)."""
    code = "import PySide6.QtCore, sys; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "True"


# What the kiosk's first window must not wait for: the data side (stores, crypto, the item bank's
# YAML, the controller and the whole kiosk window) and ``dataclasses``, whose import and generated
# code would add some 5 ms before the first paint. They load after it (kiosk.app.kiosk_app).
NOT_BEFORE_FIRST_PAINT = (
    "argon2",
    "cryptography",
    "dataclasses",
    "kiosk.app.check_in",
    "kiosk.app.controller",
    "kiosk.app.shell",
    "kiosk.seal",
    "kiosk.store.service",
    "sqlcipher3",
    "yaml",
)


def test_first_window_loads_nothing_of_the_data_side() -> None:
    code = (
        "import sys\n"
        "import kiosk.app.main, kiosk.app.kiosk_app\n"
        f"banned = {NOT_BEFORE_FIRST_PAINT!r}\n"
        "hits = [m for m in sys.modules if any(m == b or m.startswith(b + '.') for b in banned)]\n"
        "print(','.join(sorted(hits)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"loaded before the first paint: {result.stdout.strip()}"


def test_first_window_probe_notices_a_heavy_import() -> None:
    """The probe fails when one of those modules is loaded (so the guard can fail)."""
    code = (
        "import sys, dataclasses\n"
        f"banned = {NOT_BEFORE_FIRST_PAINT!r}\n"
        "hits = [m for m in sys.modules if any(m == b or m.startswith(b + '.') for b in banned)]\n"
        "print(','.join(sorted(hits)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "dataclasses"
