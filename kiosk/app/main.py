"""``kiosk``: the candidate's locked-down test application.

Starts the window at once while the kiosk's two encrypted stores (attempts, setup) are opened on
the store thread. Not enrolled yet → the manager's enrolment screen; no kit installed (or the
installed kit expired) → the kit import screen; otherwise the session of the installed kit opens
and the candidates check in.

Data folder (``--data-dir``): ``certkiosk.db`` + ``certkiosk.key`` (attempt logs),
``kiosk-setup.db`` + ``kiosk-setup.key`` (identity, pinned centre and authority, kits), their
``.lock`` files, and ``logs/kiosk.log``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from kiosk.app.controller import KioskController
from kiosk.app.env_checks import run_checks
from kiosk.app.error_handler import ErrorHandler
from kiosk.app.items.translation import load_content_translator
from kiosk.app.kiosk_backend import KioskBackend
from kiosk.app.lockdown import Lockdown
from kiosk.app.setup_controller import SetupController
from kiosk.app.shell import KioskWindow
from kiosk.app.theme import MAX_ZOOM, MIN_ZOOM, Theme, apply_theme
from kiosk.core.clock import SystemClock
from kiosk.core.errors import Bug, InvalidInput, KioskError
from kiosk.resources import resource_path
from kiosk.store.key_providers import KeyProvider, PassphraseProvider, os_key_provider

log = logging.getLogger("kiosk")

CATALOGUE = "kiosk"
EXIT_USAGE = 2


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


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the kiosk's and the item widgets' catalogues for ``lang`` (none for French).

    Raises:
        Bug: a catalogue is missing from the resources (a packaging mistake).
    """
    QLocale.setDefault(
        QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.French)
    )
    if lang == "fr":
        return []
    translators = []
    own = QTranslator(app)
    path = resource_path("translations", f"{CATALOGUE}_{lang}.qm")
    if not own.load(str(path)):
        raise Bug(f"missing translation catalogue {path}")
    translators.append(own)
    content = load_content_translator(lang)
    if content is not None:
        translators.append(content)
    for translator in translators:
        app.installTranslator(translator)
    return translators


class _Opened(QObject):
    """Brings the opened stores back to the GUI thread."""

    done = Signal(object)


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
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("certkiosk")
    handler = ErrorHandler()
    handler.install()
    translators = install_translators(app, args.lang)
    theme = Theme(high_contrast=args.high_contrast, zoom=args.zoom)
    apply_theme(app, theme)
    clock = SystemClock()
    warnings = run_checks(len(app.screens()))
    for warning in warnings:
        logging.getLogger("kiosk.security").warning(
            "start-up check: %s (%s)", warning.code, warning.detail
        )
    controller = KioskController(clock, warnings)
    setup = SetupController(args.authority_public)
    window = KioskWindow(controller, lang=args.lang, theme=theme, setup=setup)
    setup.failed.connect(handler.report)
    handler.set_display(window.show_error)
    controller.failed.connect(handler.report)
    lockdown = Lockdown(app, windowed=args.windowed)
    lockdown.blocked.connect(controller.on_blocked)
    lockdown.suspicious.connect(controller.on_suspicious)
    lockdown.install()
    lockdown.guard(window)

    def quit_kiosk() -> None:
        lockdown.release()
        app.quit()

    window.quit_requested.connect(quit_kiosk)
    opened = _Opened()
    backends: list[KioskBackend] = []

    def on_opened(future: Future[KioskBackend]) -> None:
        error = future.exception()
        if error is not None:
            handler.report(error)
            return
        backends.append(future.result())
        setup.attach(future.result())

    opened.done.connect(on_opened)
    KioskBackend.open_async(data_dir, provider, clock).add_done_callback(opened.done.emit)
    try:
        status = app.exec()
    finally:
        attached = controller.is_ready
        controller.close()
        for backend in backends:
            if not attached:
                backend.close()
        if window.setup_flow is not None and window.setup_flow.session is not None:
            window.setup_flow.session.cleanup()
        lockdown.uninstall()
        del translators
    return int(status)


if __name__ == "__main__":
    raise SystemExit(main())
