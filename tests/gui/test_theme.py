"""Theme: zoom scales fonts and text reflows, high contrast changes the palette, focus is visible."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from kiosk.app.items import QcuWidget, create_item_widget
from kiosk.app.theme import (
    BASE_POINT_SIZE,
    HIGH_CONTRAST,
    NORMAL,
    Theme,
    apply_theme,
    clamp_zoom,
    next_zoom,
    point_size,
    stylesheet,
)
from kiosk.core.items import Item, ItemType, Proposal

LONG = "Une proposition assez longue pour devoir passer à la ligne quand le texte est agrandi. " * 2


@pytest.fixture
def app(qapp) -> Iterator[QApplication]:
    """The application, put back to the normal theme afterwards."""
    yield qapp
    apply_theme(qapp, Theme())


def qcu(qtbot, attachments_dir: Path) -> QcuWidget:
    item = Item(
        id="t",
        competence="1.1",
        tube="@t",
        level=1,
        type=ItemType.QCU,
        instruction="Quelle proposition est la bonne ? " * 6,
        proposals=(Proposal("1", "Court"), Proposal("2", LONG)),
    )
    widget = create_item_widget(item, attachments_dir)
    assert isinstance(widget, QcuWidget)
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    with qtbot.waitActive(widget):
        widget.show()
    return widget


def test_zoom_bounds_and_steps() -> None:
    assert clamp_zoom(50) == 100 and clamp_zoom(300) == 200 and Theme(zoom=999).zoom == 200
    assert next_zoom(100, 1) == 125 and next_zoom(200, 1) == 200
    assert next_zoom(110, -1) == 100 and next_zoom(100, -1) == 100
    assert point_size(200) == 2 * BASE_POINT_SIZE
    # every way of making a theme keeps the zoom in bounds
    assert Theme().zoomed(500).zoom == 200 and Theme()._replace(zoom=7).zoom == 100
    assert Theme._make([True, 999]) == Theme(high_contrast=True, zoom=200)


def test_zoom_scales_fonts_and_text_reflows(app, qtbot, attachments_dir) -> None:
    apply_theme(app, Theme(zoom=100))
    widget = qcu(qtbot, attachments_dir)
    label = widget.rows[1].label
    small_font = label.font().pointSizeF()
    small_instruction = widget.instruction.font().pointSizeF()
    small_height = label.heightForWidth(500)
    apply_theme(app, Theme(zoom=200))
    assert app.font().pointSizeF() == pytest.approx(2 * BASE_POINT_SIZE)
    assert label.font().pointSizeF() == pytest.approx(2 * small_font)
    assert widget.instruction.font().pointSizeF() == pytest.approx(2 * small_instruction)
    # Same width, more lines: the text wraps instead of being cut off.
    assert label.heightForWidth(500) > 1.8 * small_height
    widget.resize(600, 2000)
    qtbot.waitUntil(lambda: widget.rows[1].height() >= widget.rows[1].sizeHint().height())
    assert widget.rows[1].width() <= widget.width()
    assert label.geometry().right() <= widget.rows[1].width()


def test_high_contrast_changes_palette(app) -> None:
    apply_theme(app, Theme())
    assert app.palette().color(QPalette.ColorRole.Window) == QColor(NORMAL.window)
    apply_theme(app, Theme(high_contrast=True))
    palette = app.palette()
    assert palette.color(QPalette.ColorRole.Window) == QColor("#000000")
    assert palette.color(QPalette.ColorRole.WindowText) == QColor("#ffffff")
    assert palette.color(QPalette.ColorRole.Highlight) == QColor(HIGH_CONTRAST.highlight)
    assert HIGH_CONTRAST.focus in stylesheet(Theme(high_contrast=True))
    assert app.property("highContrast") is True


@pytest.mark.parametrize("high_contrast", [False, True])
def test_focused_choice_has_a_visible_ring(
    app, qtbot, attachments_dir, high_contrast: bool
) -> None:
    theme = Theme(high_contrast=high_contrast)
    apply_theme(app, theme)
    widget = qcu(qtbot, attachments_dir)
    first, second = widget.rows
    widget.focus_first_input()
    qtbot.waitUntil(lambda: first.property("focused") is True)

    def left_edge(row) -> QColor:
        return row.grab().toImage().pixelColor(1, row.height() // 2)

    assert left_edge(first) == QColor(theme.colors.focus)
    assert left_edge(second) != QColor(theme.colors.focus)
    second.button.setFocus()
    qtbot.waitUntil(lambda: second.property("focused") is True)
    assert left_edge(second) == QColor(theme.colors.focus)
    assert left_edge(first) != QColor(theme.colors.focus)
