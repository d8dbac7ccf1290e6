"""Attachment viewers: every kind opens inside the app, bad files give a clear message, search and sort."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAccessible, QColor, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.app.theme import NORMAL
from kiosk.app.viewers import AttachmentDialog, open_attachment
from kiosk.app.viewers.archive import ArchiveViewer
from kiosk.app.viewers.image import ImageViewer
from kiosk.app.viewers.pdf import PdfViewer
from kiosk.app.viewers.sheets import read_sheets, sniff_delimiter
from kiosk.app.viewers.spreadsheet import SpreadsheetViewer
from kiosk.app.viewers.text import TextViewer


@pytest.fixture
def opened(qtbot, attachments_dir):
    """Open an attachment dialog on a fixture file and show it."""

    def _open(name: str, title: str = "") -> AttachmentDialog:
        dialog = open_attachment(attachments_dir / name, title)
        assert isinstance(dialog, AttachmentDialog)
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
        return dialog

    return _open


@pytest.mark.parametrize(
    ("name", "viewer"),
    [
        ("ventes.csv", SpreadsheetViewer),
        ("inscrits-latin1.csv", SpreadsheetViewer),
        ("classeur.xlsx", SpreadsheetViewer),
        ("classeur.ods", SpreadsheetViewer),
        ("notice.pdf", PdfViewer),
        ("schema.png", ImageViewer),
        ("consignes.txt", TextViewer),
        ("page.html", TextViewer),
        ("dossier.zip", ArchiveViewer),
    ],
)
def test_each_kind_opens_in_app(opened, name: str, viewer: type) -> None:
    dialog = opened(name, "Pièce jointe")
    assert isinstance(dialog.viewer, viewer)
    assert dialog.error_text() is None
    assert dialog.windowTitle() == "Pièce jointe"
    for child in dialog.findChildren(QWidget):
        if child.isVisibleTo(dialog) and (
            isinstance(child, QAbstractButton) or child.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            iface = QAccessible.queryAccessibleInterface(child)
            assert iface.text(QAccessible.Text.Name).strip(), f"{type(child).__name__} in {name}"


@pytest.mark.parametrize(
    "name",
    ["casse.xlsx", "casse.ods", "casse.zip", "casse.pdf", "casse.png", "binaire.csv", "absent.txt"],
)
def test_malformed_file_shows_a_clear_message(opened, name: str) -> None:
    dialog = opened(name)
    message = dialog.error_text()
    assert message is not None
    assert message.startswith(f"Impossible d'afficher « {name} »")
    assert "surveillant" in message
    assert dialog.viewer.isVisible() and message in dialog.viewer.accessibleName()
    assert dialog.close_button.isVisible()


def test_unknown_extension_is_refused_politely(opened, tmp_path: Path) -> None:
    odd = tmp_path / "rapport.docx"
    odd.write_bytes(b"whatever")
    dialog = open_attachment(odd, "")
    assert "n'est pas pris en charge" in (dialog.error_text() or "")


# --- spreadsheets ----------------------------------------------------------------------------


def test_csv_bom_semicolons_and_latin1(attachments_dir: Path) -> None:
    (sheet,) = read_sheets(attachments_dir / "ventes.csv")
    assert sheet.rows[0] == ("Ville", "Produit", "Quantité", "Prix unitaire")
    (latin,) = read_sheets(attachments_dir / "inscrits-latin1.csv")
    assert latin.rows[1] == ("Durand", "Hélène", "34")
    assert sniff_delimiter("a\tb\tc\n1\t2\t3\n") == "\t"
    assert sniff_delimiter("seul\n") == ";"


def test_workbooks_have_a_tab_per_sheet(opened) -> None:
    for name, tabs, cell in (
        ("classeur.xlsx", ["Ventes", "Stock"], "Brest"),
        ("classeur.ods", ["Budget", "Notes"], "Internet"),
    ):
        dialog = opened(name)
        viewer = dialog.viewer
        assert viewer.tabs is not None
        assert [viewer.tabs.tabText(i) for i in range(viewer.tabs.count())] == tabs
        assert any(cell in row for row in viewer.panes[0].visible_rows())


def test_search_filters_accent_blind_and_highlights(opened, qtbot) -> None:
    dialog = opened("ventes.csv")
    pane = dialog.viewer.current_pane()
    assert len(pane.visible_rows()) == 5
    pane.search.setFocus()
    qtbot.keyClicks(pane.search, "ecran")
    rows = pane.visible_rows()
    assert [r[0] for r in rows] == ["Paris", "Nantes"]
    assert "2 ligne(s) sur 5" in pane.count.text()
    match = pane.proxy.index(0, 1)
    background = pane.proxy.data(match, Qt.ItemDataRole.BackgroundRole)
    assert background.color() == QColor(NORMAL.match)
    assert pane.proxy.data(pane.proxy.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    pane.search.clear()
    assert len(pane.visible_rows()) == 5


def test_sort_numbers_numerically_from_keyboard_controls(opened, qtbot) -> None:
    dialog = opened("ventes.csv")
    pane = dialog.viewer.current_pane()
    pane.sort_column.setFocus()
    for _ in range(3):  # file order → A · Ville → B · Produit → C · Quantité
        qtbot.keyClick(pane.sort_column, Qt.Key.Key_Down)
    assert pane.sort_column.currentText() == "C · Quantité"
    assert [r[2] for r in pane.visible_rows()] == ["3", "7", "12", "25", "100"]
    pane.descending.setFocus()
    qtbot.keyClick(pane.descending, Qt.Key.Key_Space)
    assert [r[2] for r in pane.visible_rows()] == ["100", "25", "12", "7", "3"]
    pane.sort_column.setCurrentIndex(4)  # D · Prix unitaire, decimal commas
    pane.descending.setChecked(False)
    assert [r[3] for r in pane.visible_rows()] == ["8,50", "9,5", "19,99", "139", "149,90"]
    pane.sort_column.setCurrentIndex(0)
    assert [r[0] for r in pane.visible_rows()] == ["Lyon", "Paris", "Marseille", "Lille", "Nantes"]


def test_header_click_sorting_keeps_controls_in_step(opened) -> None:
    dialog = opened("ventes.csv")
    pane = dialog.viewer.current_pane()
    pane.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [r[0] for r in pane.visible_rows()] == ["Lille", "Lyon", "Marseille", "Nantes", "Paris"]
    assert pane.sort_column.currentData() == 0
    assert pane.model.headerData(0, Qt.Orientation.Vertical) == "2"  # file line numbers
    assert pane.model.headerData(0, Qt.Orientation.Horizontal) == "A · Ville"


def test_table_is_read_only(opened, qtbot) -> None:
    dialog = opened("ventes.csv")
    pane = dialog.viewer.current_pane()
    index = pane.proxy.index(0, 0)
    assert not pane.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable
    pane.table.setCurrentIndex(index)
    pane.table.setFocus()
    qtbot.keyClicks(pane.table, "X")
    qtbot.keyClick(pane.table, Qt.Key.Key_F2)
    assert pane.visible_rows()[0][0] == "Lyon"


# --- images, PDF, text, archives ------------------------------------------------------------


def test_image_zoom_buttons_keyboard_and_ctrl_wheel(opened, qtbot) -> None:
    dialog = opened("schema.png", "Schéma du réseau")
    viewer = dialog.viewer
    assert viewer.shown_size() == (320, 200)
    assert viewer.image.accessibleName() == "Schéma du réseau"
    assert "Schéma du réseau" in viewer.alt_label.text()
    viewer.zoom_in.click()
    assert viewer.zoom() == 125
    viewer.scroll_area.setFocus()
    qtbot.keyClick(viewer.scroll_area, Qt.Key.Key_Plus)
    assert viewer.zoom() == 150
    qtbot.keyClick(viewer.scroll_area, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom() == 100
    qtbot.keyClick(viewer.scroll_area, Qt.Key.Key_Minus)
    assert viewer.zoom() == 75 and viewer.shown_size() == (240, 150)
    wheel = QWheelEvent(
        QPointF(10, 10),
        QPointF(10, 10),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewer.scroll_area.viewport(), wheel)
    assert viewer.zoom() == 100


def test_pdf_pages_and_zoom(opened, qtbot) -> None:
    dialog = opened("notice.pdf")
    viewer = dialog.viewer
    assert viewer.page_count() == 2 and viewer.current_page() == 0
    assert viewer.page_label.text() == "Page 1 sur 2"
    assert not viewer.previous.isEnabled()
    viewer.next.setFocus()
    qtbot.keyClick(viewer.next, Qt.Key.Key_Space)
    assert viewer.current_page() == 1 and viewer.page_label.text() == "Page 2 sur 2"
    assert not viewer.next.isEnabled()
    viewer.go_to(99)
    assert viewer.current_page() == 1
    before = viewer.zoom_factor()
    viewer.zoom_in.click()
    assert viewer.zoom_factor() > before


def test_plain_text_is_shown_as_text(opened) -> None:
    dialog = opened("consignes.txt")
    viewer = dialog.viewer
    assert "Ne communiquez jamais votre mot de passe." in viewer.text()
    assert viewer.browser.isReadOnly()


def test_html_never_loads_remote_content_or_runs_scripts(opened, qtbot) -> None:
    dialog = opened("page.html")
    viewer = dialog.viewer
    qtbot.waitUntil(lambda: any("tracker.example.com" in u for u in viewer.browser.refused))
    text = viewer.text()
    assert "Les mots de passe" in text and "SCRIPT-EXECUTE" not in text
    remote = viewer.browser.loadResource(
        int(QTextDocument.ResourceType.StyleSheetResource),
        QUrl("https://cdn.example.com/style.css"),
    )
    assert remote is None
    local = viewer.browser.loadResource(
        int(QTextDocument.ResourceType.ImageResource), QUrl("schema.png")
    )
    assert local is not None
    escape = viewer.browser.loadResource(
        int(QTextDocument.ResourceType.ImageResource), QUrl("../../../pyproject.toml")
    )
    assert escape is None
    viewer.browser.anchorClicked.emit(QUrl("https://www.example.com/"))
    assert viewer.notice.isVisible()
    assert viewer.browser.source().isEmpty()


def test_zip_lists_entries_without_extracting(opened, attachments_dir: Path) -> None:
    before = sorted(p.name for p in attachments_dir.iterdir())
    dialog = opened("dossier.zip")
    viewer = dialog.viewer
    assert viewer.names() == ["lisez-moi.txt", "photos/", "photos/plage.jpg"]
    row = viewer.tree.topLevelItem(2)
    assert (row.text(1) != "—" and "14/03/2024" in row.text(2)) or "2024" in row.text(2)
    viewer.tree.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert viewer.names()[0] == "photos/plage.jpg"
    assert sorted(p.name for p in attachments_dir.iterdir()) == before
