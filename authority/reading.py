"""Reading artefact files given on the command line, with one-line errors."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.errors import InvalidInput

MAX_ARTEFACT_BYTES = 4 * 1024 * 1024 * 1024


def read_artefact(path: Path) -> bytes:
    """The bytes of a file named on the command line.

    Raises:
        InvalidInput: missing, a folder, unreadable or implausibly large.
    """
    try:
        if path.stat().st_size > MAX_ARTEFACT_BYTES:
            raise InvalidInput(f"{path}: file too large")
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read ({exc.strerror})") from None
