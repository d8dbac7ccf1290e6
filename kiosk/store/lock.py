"""An exclusive lock file so that only one process opens a store at a time."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from kiosk.core.errors import EnvironmentFailure, StoreLocked


class StoreLock:
    """Holds an OS-level exclusive lock on ``path`` until released (or the process dies)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock without waiting.

        Raises:
            StoreLocked: another process (or another open store in this one) holds it.
            EnvironmentFailure: the lock file cannot be created.
        """
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise EnvironmentFailure(f"Impossible de créer {self.path} ({exc.strerror})") from exc
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            holder = _read_holder(self.path)
            raise StoreLocked(
                f"Les données de {self.path.parent} sont déjà ouvertes par un autre programme"
                f"{f' (processus {holder})' if holder else ''}"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        """Let the lock go (closing the descriptor releases it)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _read_holder(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()[:16]
    except (OSError, UnicodeDecodeError):
        return ""


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
