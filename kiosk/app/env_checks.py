"""Start-up environment checks: extra screens, virtual machine, remote session.

Each check returns warnings for the invigilator; none of them ever stops the kiosk (DESIGN.md
"Lockdown": a warning the invigilator judges, never a dead end). Everything the checks read (files,
environment, Windows metrics) is injectable so tests can run every branch on any system.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import NamedTuple

# Words that identify a hypervisor in DMI strings (vendor, product, board).
_VM_MARKERS = (
    "virtualbox",
    "vmware",
    "kvm",
    "qemu",
    "xen",
    "hyper-v",
    "virtual machine",
    "parallels",
    "bochs",
    "bhyve",
    "openstack",
    "amazon ec2",
    "google compute engine",
)
_DMI_FILES = (
    "/sys/class/dmi/id/sys_vendor",
    "/sys/class/dmi/id/product_name",
    "/sys/class/dmi/id/board_vendor",
)
_REMOTE_ENV = ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "XRDP_SESSION", "NX_CLIENT")
SM_REMOTESESSION = 0x1000


class EnvWarning(NamedTuple):
    """One suspicious fact about the machine: a stable code and a detail for the log.

    A named tuple, like the other records of the kiosk's first window: they load before its first
    paint, which ``dataclasses`` (and the code it generates per class) would delay by some 5 ms.
    """

    code: str  # "screens" | "virtual_machine" | "remote_session"
    detail: str


def _read_text(path: str) -> str | None:
    """Content of a small system file, or None when it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def check_screens(count: int) -> list[EnvWarning]:
    """A warning when more than one screen is attached (someone else could watch or act)."""
    if count > 1:
        return [EnvWarning("screens", f"{count} screens attached")]
    return []


def check_virtual_machine(
    read_text: Callable[[str], str | None] = _read_text, platform: str = sys.platform
) -> list[EnvWarning]:
    """A warning when the machine looks like a virtual machine.

    Args:
        read_text: reads a system file (injected in tests).
        platform: ``sys.platform`` value; only Linux has DMI files and /proc/cpuinfo.
    """
    if not platform.startswith("linux"):
        return []
    found: list[str] = []
    for path in _DMI_FILES:
        text = (read_text(path) or "").strip()
        if text and any(marker in text.lower() for marker in _VM_MARKERS):
            found.append(f"{Path(path).name}={text}")
    cpuinfo = read_text("/proc/cpuinfo") or ""
    for line in cpuinfo.splitlines():
        if line.startswith("flags") and " hypervisor" in line:
            found.append("cpu flag hypervisor")
            break
    if found:
        return [EnvWarning("virtual_machine", "; ".join(found))]
    return []


def _windows_remote_metric() -> bool:
    """Whether Windows says this is a Remote Desktop session (GetSystemMetrics)."""
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return False
    return bool(windll.user32.GetSystemMetrics(SM_REMOTESESSION))


def check_remote_session(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    windows_remote: Callable[[], bool] = _windows_remote_metric,
) -> list[EnvWarning]:
    """A warning when the kiosk runs in a remote session (SSH, RDP, NX, remote X display).

    Args:
        environ: the process environment (injected in tests).
        platform: ``sys.platform`` value.
        windows_remote: asks Windows whether the session is remote (injected in tests).
    """
    env = os.environ if environ is None else environ
    found = [name for name in _REMOTE_ENV if env.get(name)]
    display = env.get("DISPLAY", "")
    if display and not display.startswith(":") and not display.startswith("unix:"):
        found.append(f"DISPLAY={display}")
    if platform.startswith("win"):
        session = env.get("SESSIONNAME", "")
        if session.upper().startswith("RDP-"):
            found.append(f"SESSIONNAME={session}")
        elif windows_remote():
            found.append("SM_REMOTESESSION")
    if found:
        return [EnvWarning("remote_session", ", ".join(found))]
    return []


def run_checks(
    screen_count: int,
    read_text: Callable[[str], str | None] = _read_text,
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    windows_remote: Callable[[], bool] = _windows_remote_metric,
) -> list[EnvWarning]:
    """All start-up checks in a fixed order; an empty list means nothing suspicious."""
    return [
        *check_screens(screen_count),
        *check_virtual_machine(read_text, platform),
        *check_remote_session(environ, platform, windows_remote),
    ]
