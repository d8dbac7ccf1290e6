"""Look of the candidate app: normal and high-contrast palettes, zoom 100–200 %, a visible focus ring.

Zoom scales the application font (and the few role-specific sizes of the style sheet), so every
widget laid out with layouts and word-wrapped labels reflows instead of clipping. Widgets opt into a
role with the dynamic property ``role`` (``instruction``, ``title``, ``error``, ``hint``,
``alt-text``); choice rows set ``choiceRow`` and toggle ``focused``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple, Self

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app.zoom import MAX_ZOOM, MIN_ZOOM, ZOOM_STEPS, clamp_zoom, next_zoom

__all__ = [
    "MAX_ZOOM",
    "MIN_ZOOM",
    "ZOOM_STEPS",
    "Colors",
    "Theme",
    "apply_theme",
    "clamp_zoom",
    "next_zoom",
    "palette",
    "point_size",
    "repolish",
    "stylesheet",
]

BASE_POINT_SIZE = 12.0


class Colors(NamedTuple):
    """The handful of colours a theme is made of.

    Named tuples here rather than dataclasses: the theme is applied before the kiosk's first paint,
    which ``dataclasses`` (and the code it generates per class) would delay by some 5 ms.
    """

    window: str
    text: str
    base: str
    alternate: str
    button: str
    button_text: str
    border: str
    highlight: str
    highlight_text: str
    focus: str
    link: str
    error: str
    hint: str
    match: str
    match_text: str


NORMAL = Colors(
    window="#f6f6f3",
    text="#1b1b1b",
    base="#ffffff",
    alternate="#eef1f6",
    button="#e4e8ef",
    button_text="#111111",
    border="#6b7280",
    highlight="#1f57b8",
    highlight_text="#ffffff",
    focus="#c2410c",  # burnt orange: > 4.5:1 on white and distinct from the blue selection
    link="#1a4fa3",
    error="#a4161a",
    hint="#3f4651",
    match="#ffe27a",
    match_text="#000000",
)

HIGH_CONTRAST = Colors(
    window="#000000",
    text="#ffffff",
    base="#000000",
    alternate="#1a1a1a",
    button="#000000",
    button_text="#ffffff",
    border="#ffffff",
    highlight="#ffff00",
    highlight_text="#000000",
    focus="#ffff00",
    link="#7fdbff",
    error="#ff8080",
    hint="#ffffff",
    match="#00ffff",
    match_text="#000000",
)


class _ThemeChoice(NamedTuple):
    high_contrast: bool
    zoom: int


class Theme(_ThemeChoice):
    """What the candidate chose: high contrast or not, and a zoom in percent (100–200, clamped)."""

    __slots__ = ()

    def __new__(cls, high_contrast: bool = False, zoom: int = 100) -> Theme:
        return super().__new__(cls, high_contrast, clamp_zoom(zoom))

    @property
    def colors(self) -> Colors:
        """The colour set of this theme."""
        return HIGH_CONTRAST if self.high_contrast else NORMAL

    def zoomed(self, zoom: int) -> Theme:
        """The same theme at another zoom (clamped to 100–200)."""
        return Theme(self.high_contrast, zoom)

    def _replace(self, **changes: Any) -> Self:
        """A copy with ``changes``, the zoom clamped as in the constructor."""
        return type(self)(**{**self._asdict(), **changes})

    @classmethod
    def _make(cls, iterable: Iterable[Any]) -> Self:  # type: ignore[override]  # same call, clamped
        """A theme from ``(high_contrast, zoom)``, the zoom clamped as in the constructor."""
        return cls(*iterable)


def point_size(zoom: int, scale: float = 1.0) -> float:
    """Font size in points for a zoom percentage (``scale`` for larger roles such as titles)."""
    return round(BASE_POINT_SIZE * clamp_zoom(zoom) / 100.0 * scale, 1)


def palette(theme: Theme) -> QPalette:
    """The QPalette of a theme (used by the Fusion style)."""
    c = theme.colors
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base,
        QPalette.ColorRole.AlternateBase: c.alternate,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: c.button,
        QPalette.ColorRole.ButtonText: c.button_text,
        QPalette.ColorRole.Highlight: c.highlight,
        QPalette.ColorRole.HighlightedText: c.highlight_text,
        QPalette.ColorRole.ToolTipBase: c.base,
        QPalette.ColorRole.ToolTipText: c.text,
        QPalette.ColorRole.PlaceholderText: c.hint,
        QPalette.ColorRole.Link: c.link,
        QPalette.ColorRole.LinkVisited: c.link,
        QPalette.ColorRole.BrightText: c.error,
        QPalette.ColorRole.Light: c.base,
        QPalette.ColorRole.Mid: c.border,
        QPalette.ColorRole.Dark: c.border,
    }
    for role, value in roles.items():
        pal.setColor(role, QColor(value))
    # Disabled controls keep a readable (if dimmer) text in both themes.
    dim = QColor(c.hint)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, dim)
    return pal


def stylesheet(theme: Theme) -> str:
    """The application style sheet: borders, focus ring and role font sizes for a theme."""
    c = theme.colors
    ring = 4 if theme.high_contrast else 3
    indicator = round(18 * theme.zoom / 100)
    return f"""
QPushButton, QToolButton {{
    background: {c.button}; color: {c.button_text};
    border: {ring}px solid {c.border}; border-radius: 6px; padding: 6px 14px;
}}
QPushButton:hover, QToolButton:hover {{ background: {c.alternate}; }}
QPushButton:pressed, QToolButton:pressed, QToolButton:checked {{
    background: {c.highlight}; color: {c.highlight_text};
}}
QPushButton:disabled, QToolButton:disabled {{ color: {c.hint}; border-style: dashed; }}
QLineEdit, QPlainTextEdit, QTextBrowser, QTableView, QTreeView, QListView, QComboBox, QSpinBox,
QScrollArea#imageScroll, QPdfView {{
    border: {ring}px solid {c.border}; border-radius: 4px; background: {c.base}; color: {c.text};
}}
QLineEdit, QComboBox, QSpinBox {{ padding: 4px 6px; }}
QRadioButton, QCheckBox {{ border: {ring}px solid transparent; border-radius: 4px; padding: 2px; }}
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QPlainTextEdit:focus, QTextBrowser:focus,
QTableView:focus, QTreeView:focus, QListView:focus, QComboBox:focus, QSpinBox:focus,
QRadioButton:focus, QCheckBox:focus, QScrollArea#imageScroll:focus, QPdfView:focus,
QLabel:focus {{
    border: {ring}px solid {c.focus};
}}
QFrame[choiceRow="true"] {{
    border: {ring}px solid {c.border}; border-radius: 6px; background: {c.base};
}}
QFrame[choiceRow="true"][focused="true"] {{ border: {ring}px solid {c.focus}; }}
QFrame[choiceRow="true"] QRadioButton, QFrame[choiceRow="true"] QCheckBox,
QFrame[choiceRow="true"] QRadioButton:focus, QFrame[choiceRow="true"] QCheckBox:focus {{
    border: none; padding: 0;
}}
QRadioButton::indicator, QCheckBox::indicator {{ width: {indicator}px; height: {indicator}px; }}
QFrame[choiceRow="true"][checked="true"] {{ background: {c.alternate}; }}
QTabBar::tab {{ padding: 6px 12px; border: {ring}px solid {c.border}; background: {c.button};
    color: {c.button_text}; }}
QTabBar::tab:selected {{ background: {c.highlight}; color: {c.highlight_text}; }}
QTabBar::tab:focus {{ border-color: {c.focus}; }}
QHeaderView::section {{ background: {c.button}; color: {c.button_text}; padding: 4px;
    border: 1px solid {c.border}; }}
QTableView {{ gridline-color: {c.border}; selection-background-color: {c.highlight};
    selection-color: {c.highlight_text}; }}
QGroupBox {{ border: 1px solid {c.border}; border-radius: 6px; margin-top: 1.4em; padding: 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; }}
QLabel[role="instruction"] {{ font-size: {point_size(theme.zoom, 1.15)}pt; }}
QLabel[role="title"] {{ font-size: {point_size(theme.zoom, 1.35)}pt; font-weight: bold; }}
QLabel[role="error"] {{ color: {c.error}; font-weight: bold; border: {ring}px solid {c.error};
    border-radius: 6px; padding: 12px; }}
QLabel[role="hint"] {{ color: {c.hint}; font-style: italic; }}
QLabel[role="alt-text"] {{ color: {c.text}; border-left: {ring}px solid {c.border};
    padding-left: 8px; }}
QLabel {{ border: {ring}px solid transparent; }}
"""


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Apply a theme to the whole application: palette, font size and style sheet.

    The style itself (Fusion) is chosen once, when the application is created
    (``kiosk.app.kiosk_app.create_application``).
    """
    app.setPalette(palette(theme))
    font = QFont(app.font())
    font.setPointSizeF(point_size(theme.zoom))
    app.setFont(font)
    app.setStyleSheet(stylesheet(theme))
    app.setProperty("highContrast", theme.high_contrast)
    app.setProperty("zoom", theme.zoom)
    for widget in app.allWidgets():
        repolish(widget)


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet to a widget after one of its dynamic properties changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
