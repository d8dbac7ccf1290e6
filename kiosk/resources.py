"""Where the shipped resources live (the ``resources/`` folder, or the frozen bundle's copy)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_root() -> Path:
    """The resources folder: ``$CERTKIOSK_RESOURCES``, the PyInstaller bundle, or the source tree."""
    override = os.environ.get("CERTKIOSK_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file under the resources folder."""
    return resources_root().joinpath(*parts)
