"""``kiosk``: the candidate's locked-down test application.

Starts the window at once (start-up checks) while the encrypted store and the session are opened on
the store thread; the check-in becomes possible as soon as they are ready.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from kiosk.app.controller import KioskController
from kiosk.app.env_checks import run_checks
from kiosk.app.error_handler import ErrorHandler
from kiosk.app.items.translation import load_content_translator
from kiosk.app.kiosk_session import MemoryKioskSession, read_session_file
from kiosk.app.lockdown import Lockdown
from kiosk.app.shell import KioskWindow
from kiosk.app.theme import MAX_ZOOM, MIN_ZOOM, Theme, apply_theme
from kiosk.core.clock import Clock, SystemClock
from kiosk.core.errors import Bug, InvalidInput, KioskError
from kiosk.resources import resource_path
from kiosk.store.key_providers import KeyProvider, PassphraseProvider, os_key_provider
from kiosk.store.service import Store

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
        help="the kiosk's data folder: the encrypted store and the installed session",
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
    """Brings the opened store and session back to the GUI thread."""

    done = Signal(object)


def open_backend(
    data_dir: Path, provider: KeyProvider, clock: Clock
) -> Future[tuple[Store, MemoryKioskSession]]:
    """Open the store (on its thread) and decrypt the session (in parallel); one future for both."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="certkiosk-session")
    session_future = pool.submit(read_session_file, data_dir, provider)
    pool.shutdown(wait=False)
    store_future = Store.open_async(data_dir, provider, clock=clock)
    both: Future[tuple[Store, MemoryKioskSession]] = Future()

    def finish(_: object) -> None:
        if not (store_future.done() and session_future.done()):
            return
        if both.done():
            return
        error = store_future.exception() or session_future.exception()
        if error is not None:
            if store_future.exception() is None:
                store_future.result().close()
            both.set_exception(error)
        else:
            both.set_result((store_future.result(), session_future.result()))

    store_future.add_done_callback(finish)
    session_future.add_done_callback(finish)
    return both


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
    window = KioskWindow(controller, lang=args.lang, theme=theme)
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
    session_holder: list[MemoryKioskSession] = []

    def on_opened(future: Future[tuple[Store, MemoryKioskSession]]) -> None:
        error = future.exception()
        if error is not None:
            handler.report(error)
            return
        store, session = future.result()
        session_holder.append(session)
        controller.attach(store, session)

    opened.done.connect(on_opened)
    open_backend(data_dir, provider, clock).add_done_callback(opened.done.emit)
    try:
        status = app.exec()
    finally:
        controller.close()
        for session in session_holder:
            session.cleanup()
        lockdown.uninstall()
        del translators
    return int(status)


if __name__ == "__main__":
    raise SystemExit(main())
