"""What an application can do to keep a candidate inside the kiosk (DESIGN.md "Lockdown").

``Lockdown`` is an event filter (on the application, and on each guarded window from the moment it
is shown) plus a few signal connections:

- guarded windows are full screen, frameless and on top; closing them (window button, Alt+F4,
  ``close()``) is refused, and Esc and the usual quit/close shortcuts are swallowed — each refusal is
  reported through ``blocked`` so the controller can log it;
- the system clipboard is cleared at start; anything another program puts there is replaced by the
  kiosk's own last copy (or cleared), so copy/paste works inside the kiosk and nothing comes in; it is
  cleared again when the kiosk loses focus and when it stops, so nothing goes out;
- losing focus, a screen being added, or a suspicious environment is reported through ``suspicious``;
  the controller turns it into an intent and the core decides whether the attempt locks;
- on Windows every guarded window is excluded from screen capture (``SetWindowDisplayAffinity``).

What only the operating system can do (Ctrl+Alt+Del, other sessions) is ``packaging/``'s job.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:  # their Python types load with the first key event or screen, not at start
    from PySide6.QtGui import QKeyEvent, QScreen

log = logging.getLogger(__name__)

WDA_EXCLUDEFROMCAPTURE = 0x11

# Explicit chords, whatever the platform's standard bindings are.
_QUIT_CHORDS = {
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
}
_MODIFIER_MASK = (
    Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _windows_set_affinity(hwnd: int, affinity: int) -> int:
    """Call user32.SetWindowDisplayAffinity; returns its BOOL result."""
    import ctypes

    windll = ctypes.windll  # type: ignore[attr-defined]
    return int(windll.user32.SetWindowDisplayAffinity(hwnd, affinity))


def exclude_from_capture(
    hwnd: int,
    platform: str = sys.platform,
    set_affinity: Callable[[int, int], int] | None = None,
) -> bool:
    """Exclude one top-level window from screen capture on Windows; a no-op elsewhere.

    Args:
        hwnd: the native window handle (``int(widget.winId())``).
        platform: ``sys.platform`` value (injected in tests).
        set_affinity: the Win32 call (injected in tests).

    Returns:
        True when Windows accepted the request; False on other systems or on failure (logged).
    """
    if not platform.startswith("win"):
        return False
    call = set_affinity or _windows_set_affinity
    try:
        ok = bool(call(hwnd, WDA_EXCLUDEFROMCAPTURE))
    except OSError as exc:  # pragma: no cover - only on a broken Windows
        log.warning("SetWindowDisplayAffinity failed: %s", exc)
        return False
    if not ok:
        log.warning("SetWindowDisplayAffinity refused for window %s", hwnd)
    return ok


@functools.cache
def _quit_sequences() -> tuple[QKeySequence.StandardKey, ...]:
    """Standard key sequences that would close or quit something (built at the first key)."""
    return (QKeySequence.StandardKey.Quit, QKeySequence.StandardKey.Close)


def is_quit_shortcut(event: QKeyEvent) -> bool:
    """Whether a key event is Esc or one of the usual close/quit chords."""
    key = Qt.Key(event.key())
    if key == Qt.Key.Key_Escape:
        return True
    mods = event.modifiers() & _MODIFIER_MASK
    if (key, mods) in _QUIT_CHORDS:
        return True
    return any(event.matches(seq) for seq in _quit_sequences())


class Lockdown(QObject):
    """Application-wide guard: refuses closing, swallows quit keys, isolates the clipboard.

    Signals:
        blocked(str): something the candidate tried was refused ("close", "key:Alt+F4"...).
        suspicious(str, str): reason code ("focus_lost", "screen_added", "clipboard") and detail.
    """

    blocked = Signal(str)
    suspicious = Signal(str, str)

    def __init__(
        self,
        app: QApplication,
        *,
        windowed: bool = False,
        platform: str = sys.platform,
        set_affinity: Callable[[int, int], int] | None = None,
    ) -> None:
        super().__init__(app)
        self._app = app
        self._windowed = windowed
        self._platform = platform
        self._set_affinity = set_affinity
        self._guarded: list[QWidget] = []
        self._released = False
        self._own_text: str | None = None
        self._writing = False
        self._foreign_hint = False
        self._watching = False
        self._keys_guarded = False

    # -- installation -------------------------------------------------------------------------

    def install(self) -> None:
        """Start guarding the whole application: the watchers and the application-wide key guard."""
        self.watch()
        self.guard_keys()

    def watch(self) -> None:
        """Isolate the clipboard (cleared now) and watch focus and screens (once)."""
        if self._watching:
            return
        self._watching = True
        clipboard = QGuiApplication.clipboard()
        clipboard.dataChanged.connect(self._on_clipboard_changed)
        self._clear_clipboard()
        self._app.applicationStateChanged.connect(self._on_application_state)
        self._app.screenAdded.connect(self._on_screen_added)
        self._app.aboutToQuit.connect(self._clear_clipboard)

    def guard_keys(self) -> None:
        """Swallow quit keys in every window of the application, dialogs included (once).

        This is an application-wide event filter: Python then sees every event of every widget.
        A guarded window already refuses to close and swallows the quit keys that reach it, so
        the kiosk puts this filter in place when its first window with dialogs is built.
        """
        if self._keys_guarded:
            return
        self._keys_guarded = True
        self._app.installEventFilter(self)

    def uninstall(self) -> None:
        """Stop the watchers and the key guard (end of process, tests); clears the clipboard.

        Guarded windows keep refusing to close until ``release``.
        """
        if self._keys_guarded:
            self._keys_guarded = False
            self._app.removeEventFilter(self)
        if not self._watching:
            return
        self._watching = False
        clipboard = QGuiApplication.clipboard()
        clipboard.dataChanged.disconnect(self._on_clipboard_changed)
        self._app.applicationStateChanged.disconnect(self._on_application_state)
        self._app.screenAdded.disconnect(self._on_screen_added)
        self._app.aboutToQuit.disconnect(self._clear_clipboard)
        self._clear_clipboard()

    def guard(self, window: QWidget) -> None:
        """Present a top-level window locked down (or plain in windowed development mode).

        Locked down, the window also takes its screen's whole geometry (and follows it when the
        resolution changes): in a bare X session without a window manager, ``showFullScreen``
        alone leaves the window at its own size in a corner. The window refuses to close (and
        swallows the quit keys that reach it) from the moment it is shown, with or without the
        application-wide guard (``guard_keys``).
        """
        self._guarded.append(window)
        window.installEventFilter(self)
        if self._windowed:
            # development and the demo: half the screen (the console takes the other half),
            # unless the window was already given a size
            screen = window.screen() or QGuiApplication.primaryScreen()
            if screen is not None and not window.testAttribute(Qt.WidgetAttribute.WA_Resized):
                area = screen.availableGeometry()
                window.resize(max(area.width() // 2, 800), max(area.height() * 9 // 10, 600))
            window.show()
        else:
            flags = window.windowFlags()
            flags |= Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
            window.setWindowFlags(flags)
            screen = window.screen() or QGuiApplication.primaryScreen()
            if screen is not None:
                window.setGeometry(screen.geometry())
                screen.geometryChanged.connect(window.setGeometry)
            window.showFullScreen()
        exclude_from_capture(int(window.winId()), self._platform, self._set_affinity)

    def release(self) -> None:
        """Let guarded windows close (the invigilator closed the kiosk)."""
        self._released = True

    @property
    def windowed(self) -> bool:
        """Whether the kiosk runs as a normal window (development only)."""
        return self._windowed

    # -- event filter --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refuse closing guarded windows and swallow quit shortcuts."""
        etype = event.type()
        if etype == QEvent.Type.Close and not self._released and watched in self._guarded:
            event.ignore()
            self.blocked.emit("close")
            return True
        if etype not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        key = cast("QKeyEvent", event)  # what Qt delivers for these two event types
        if not is_quit_shortcut(key):
            return False
        if etype == QEvent.Type.KeyPress and not key.isAutoRepeat():
            combo = QKeySequence(key.keyCombination()).toString()
            self.blocked.emit(f"key:{combo}")
        key.accept()
        return True

    # -- clipboard -----------------------------------------------------------------------------

    def _clear_clipboard(self) -> None:
        """Empty the system clipboard (without treating it as a foreign change)."""
        self._writing = True
        try:
            QGuiApplication.clipboard().clear(QClipboard.Mode.Clipboard)
        finally:
            self._writing = False

    def _change_is_ours(self) -> bool:
        """Whether the current clipboard content was put there by this application."""
        clipboard = QGuiApplication.clipboard()
        if clipboard.ownsClipboard():
            return True
        # Platforms without ownership tracking (offscreen): a change made while the kiosk is
        # the active application comes from the candidate's own copy.
        return (
            QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
            and not self._foreign_hint
        )

    def mark_next_change_foreign(self) -> None:
        """Treat the next clipboard change as coming from another program (tests, diagnostics)."""
        self._foreign_hint = True

    def _on_clipboard_changed(self) -> None:
        """Keep the kiosk's own copies; replace anything that came from outside."""
        if self._writing:
            return
        clipboard = QGuiApplication.clipboard()
        if self._change_is_ours():
            self._own_text = clipboard.text()
            return
        self._foreign_hint = False
        self.suspicious.emit("clipboard", "foreign clipboard content replaced")
        self._writing = True
        try:
            if self._own_text:
                clipboard.setText(self._own_text)
            else:
                clipboard.clear(QClipboard.Mode.Clipboard)
        finally:
            self._writing = False

    # -- focus and screens ---------------------------------------------------------------------

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        """Report losing focus; clear the clipboard so nothing copied inside goes out."""
        if state != Qt.ApplicationState.ApplicationActive:
            self._clear_clipboard()
            self.suspicious.emit("focus_lost", f"application state {state.name}")

    def _on_screen_added(self, screen: QScreen) -> None:
        """Report a screen plugged in while the kiosk runs."""
        self.suspicious.emit("screen_added", f"screen added: {screen.name()}")
