"""``kiosk``: the candidate's locked-down test application.

Parses the command line and hands over to ``kiosk.app.kiosk_app`` (the Qt side), which paints a
light first screen (the start-up checks, then the check-in form) at once and only then loads the
rest behind it: the kiosk's two encrypted stores (attempts, setup) start opening on the store
thread, the whole window is built, the installed kit is read. Not enrolled yet → the manager's
enrolment screen; no kit installed (or the installed kit expired) → the kit import screen;
otherwise the session of the installed kit opens and the candidates check in (a check-in sent
before the data is ready waits for it). This module imports no Qt.

Data folder (``--data-dir``): ``certkiosk.db`` + ``certkiosk.key`` (attempt logs),
``kiosk-setup.db`` + ``kiosk-setup.key`` (identity, pinned centre and authority, kits), their
``.lock`` files, and ``logs/kiosk.log``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk.app.zoom import MAX_ZOOM, MIN_ZOOM
from kiosk.core.errors import InvalidInput, KioskError
from kiosk.store.key_providers import KeyProvider, PassphraseProvider, os_key_provider

EXIT_USAGE = 2

log = logging.getLogger("kiosk")


def build_parser() -> argparse.ArgumentParser:
    """The ``kiosk`` command line."""
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description=(
            "certkiosk — the candidate's test kiosk: full screen, locked down, in French by default."
        ),
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        required=True,
        help="the kiosk's data folder: its encrypted attempt store and setup store (identity, kits)",
    )
    parser.add_argument(
        "--authority-public",
        type=Path,
        help="the certification body's authority-public.json, trusted for the first kit (later "
        "pinned); by default the authority-public.json beside the kit file is used",
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        help="file holding the data folder's passphrase (standalone kiosks and the demo); "
        "without it the system's protected storage is used where available",
    )
    parser.add_argument("--lang", choices=("fr", "en"), default="fr", help="interface language")
    parser.add_argument(
        "--zoom",
        type=int,
        default=100,
        help=f"text size in percent, {MIN_ZOOM}–{MAX_ZOOM} (Ctrl+ and Ctrl- change it too)",
    )
    parser.add_argument("--high-contrast", action="store_true", help="high-contrast theme")
    parser.add_argument(
        "--windowed",
        action="store_true",
        help="development only: a normal window instead of full screen, frameless and on top",
    )
    return parser


def key_provider(passphrase_file: Path | None) -> KeyProvider:
    """The provider protecting the data folder's keys.

    Raises:
        InvalidInput: the passphrase file is unreadable or empty.
        EnvironmentFailure: no passphrase and no protected storage on this system.
    """
    if passphrase_file is None:
        return os_key_provider("certkiosk-kiosk")
    try:
        text = passphrase_file.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise InvalidInput(f"{passphrase_file} illisible ({exc.strerror})") from exc
    return PassphraseProvider(text)


def setup_logging(data_dir: Path) -> None:
    """Details go to ``<data-dir>/logs/kiosk.log``, never to the candidate's screen."""
    logs = data_dir / "logs"
    try:
        logs.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(logs / "kiosk.log", encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the kiosk; returns the process exit status."""
    args = build_parser().parse_args(argv)
    data_dir: Path = args.data_dir
    setup_logging(data_dir)
    try:
        provider = key_provider(args.passphrase_file)
    except KioskError as exc:
        sys.stderr.write(f"kiosk: {exc.message}\n")
        return EXIT_USAGE
    from kiosk.app.kiosk_app import run_kiosk  # PySide6 and the first screen; the rest after

    return run_kiosk(args, provider)  # the system clock, created as the stores open


if __name__ == "__main__":
    raise SystemExit(main())
