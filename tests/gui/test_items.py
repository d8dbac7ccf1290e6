"""Item widgets: keyboard-only answers in the right shape, restore, accessibility, translations."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from kiosk.app.items import ItemWidget, create_item_widget
from kiosk.app.items.translation import load_content_translator
from kiosk.app.problem_dialog import ProblemDialog, load_incident_categories
from kiosk.app.viewers import AttachmentDialog
from kiosk.app.viewers.spreadsheet import SpreadsheetViewer
from kiosk.core.items import Attachment, Illustration, InputField, Item, ItemType, Proposal

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "kiosk_items_en.ts"
SOURCES = [
    *sorted((ROOT / "kiosk" / "app" / "items").glob("*.py")),
    *sorted((ROOT / "kiosk" / "app" / "viewers").glob("*.py")),
    ROOT / "kiosk" / "app" / "problem_dialog.py",
]


def make_item(kind: ItemType, **extra: object) -> Item:
    """A small item of ``kind`` with sensible content."""
    base: dict[str, object] = {
        "id": f"t-{kind.value}",
        "competence": "1.1",
        "tube": "@test",
        "level": 2,
        "type": kind,
        "instruction": "Lisez la consigne puis répondez.",
    }
    if kind in (ItemType.QCU, ItemType.QCM):
        base["proposals"] = tuple(
            Proposal(str(i), t) for i, t in enumerate(("Un", "Deux", "Trois"), 1)
        )
    elif kind is ItemType.QROC:
        base["fields"] = (InputField("total", "Total des ventes", numeric=True),)
    else:
        base["fields"] = (InputField("ville", "Ville"), InputField("pays", "Pays"))
    base.update(extra)
    return Item(**base)  # type: ignore[arg-type]


@pytest.fixture
def show(qtbot, attachments_dir):
    """Create, show and activate the widget of an item."""

    def _show(item: Item) -> ItemWidget:
        widget = create_item_widget(item, attachments_dir)
        qtbot.addWidget(widget)
        widget.resize(800, 600)
        with qtbot.waitActive(widget):
            widget.show()
            widget.activateWindow()
        return widget

    return _show


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_qcu_keyboard_space_and_arrows(qtbot, show) -> None:
    widget = show(make_item(ItemType.QCU))
    assert widget.answer() is None and widget.is_empty()
    widget.focus_first_input()
    with qtbot.waitSignal(widget.changed):
        qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert widget.answer() == "1"
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert widget.answer() == "2"
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Up)
    assert widget.answer() == "2"
    assert not widget.is_empty()


def test_qcu_reached_with_tab_from_instruction(qtbot, show) -> None:
    widget = show(make_item(ItemType.QCU))
    widget.instruction.setFocus()
    qtbot.keyClick(widget.instruction, Qt.Key.Key_Tab)
    assert focused() is widget.buttons()[0]
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert widget.answer() == "1"


def test_qcm_keyboard_tab_and_space(qtbot, show) -> None:
    widget = show(make_item(ItemType.QCM))
    widget.focus_first_input()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert widget.answer() == ["1", "3"]
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert widget.answer() == ["1"]
    qtbot.keyClick(widget.buttons()[0], Qt.Key.Key_Space)
    assert widget.answer() is None


def test_qroc_typing_numeric_hints_and_enter(qtbot, show) -> None:
    widget = show(make_item(ItemType.QROC))
    widget.focus_first_input()
    edit = focused()
    assert isinstance(edit, QLineEdit)
    assert edit.inputMethodHints() & Qt.InputMethodHint.ImhFormattedNumbersOnly
    with qtbot.waitSignal(widget.changed):
        qtbot.keyClicks(edit, "12,5")
    assert widget.answer() == "12,5"
    with qtbot.waitSignal(widget.submit_requested):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    edit.clear()
    qtbot.keyClicks(edit, "   ")
    assert widget.answer() is None


def test_qroc_without_fields_gets_a_labelled_field(show) -> None:
    widget = show(make_item(ItemType.QROC, fields=()))
    edit = next(iter(widget.edits.values()))
    assert edit.accessibleName() == "Réponse"
    assert not edit.inputMethodHints() & Qt.InputMethodHint.ImhFormattedNumbersOnly


@pytest.mark.parametrize("kind", [ItemType.QROCM_IND, ItemType.QROCM_DEP])
def test_qrocm_fields_by_keyboard(qtbot, show, kind: ItemType) -> None:
    widget = show(make_item(kind))
    widget.focus_first_input()
    qtbot.keyClicks(focused(), "Lyon")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert widget.answer() == {"ville": "Lyon", "pays": ""}
    qtbot.keyClicks(focused(), "France")
    assert widget.answer() == {"ville": "Lyon", "pays": "France"}


@pytest.mark.parametrize(
    ("kind", "answer"),
    [
        (ItemType.QCU, "3"),
        (ItemType.QCM, ["1", "3"]),
        (ItemType.QROC, "42"),
        (ItemType.QROCM_IND, {"ville": "Nantes", "pays": "France"}),
        (ItemType.QROCM_DEP, {"ville": "Brest", "pays": ""}),
    ],
)
def test_set_answer_restores_silently(qtbot, show, kind: ItemType, answer: object) -> None:
    widget = show(make_item(kind))
    with qtbot.assertNotEmitted(widget.changed):
        widget.set_answer(answer)  # type: ignore[arg-type]
    assert widget.answer() == answer
    widget.set_answer(None)
    assert widget.answer() is None and widget.is_empty()


def test_restored_qcu_still_exclusive(qtbot, show) -> None:
    widget = show(make_item(ItemType.QCU))
    widget.set_answer("2")
    widget.buttons()[0].click()
    assert widget.answer() == "1"


def interactive_children(root: QWidget) -> list[QWidget]:
    """Visible children a candidate can act on."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisibleTo(root)
        and (w.focusPolicy() != Qt.FocusPolicy.NoFocus or isinstance(w, QAbstractButton))
    ]


def accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(QAccessible.Text.Name)


@pytest.mark.parametrize("kind", list(ItemType))
def test_every_interactive_child_has_an_accessible_name(show, kind: ItemType) -> None:
    item = make_item(
        kind,
        illustration=Illustration("schema.png", "Un routeur relié à un ordinateur"),
        attachments=(Attachment("ventes.csv", "Ventes"),),
    )
    widget = show(item)
    children = interactive_children(widget)
    assert len(children) >= 4
    for child in children:
        assert accessible_name(child).strip(), f"{type(child).__name__} has no accessible name"


def test_illustration_alt_text_is_accessible_and_shown_on_request(qtbot, show) -> None:
    alt = "Un routeur relié à un ordinateur"
    widget = show(make_item(ItemType.QCU, illustration=Illustration("schema.png", alt)))
    view = widget.illustration
    assert view is not None and view.image is not None
    assert accessible_name(view.image) == alt
    assert view.image.accessibleDescription() == alt
    assert not view.alt_visible()
    view.toggle.setFocus()
    qtbot.keyClick(view.toggle, Qt.Key.Key_Space)
    assert view.alt_visible()
    assert alt in view.alt_label.text()


def test_missing_illustration_shows_its_description(show) -> None:
    widget = show(make_item(ItemType.QCU, illustration=Illustration("absente.png", "Un graphique")))
    view = widget.illustration
    assert view is not None and view.image is None
    assert view.alt_visible() and "Un graphique" in view.alt_label.text()
    assert "ne s'affiche pas" in view.missing.text()


def test_attachment_button_opens_viewer_in_app(qtbot, show) -> None:
    widget = show(make_item(ItemType.QROC, attachments=(Attachment("ventes.csv", "Ventes"),)))
    assert widget.attachments is not None
    button = widget.attachments.buttons[0]
    button.setFocus()
    with qtbot.waitSignal(widget.attachment_opened) as blocker:
        qtbot.keyClick(button, Qt.Key.Key_Space)
    dialog = blocker.args[0]
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AttachmentDialog)
    assert isinstance(dialog.viewer, SpreadsheetViewer)
    assert dialog.isVisible() and dialog.error_text() is None
    dialog.close()


def test_instruction_wraps_long_text(show) -> None:
    long = "Une consigne très longue. " * 40
    widget = show(make_item(ItemType.QCU, instruction=long))
    widget.resize(500, 800)
    assert widget.instruction.wordWrap()
    assert widget.instruction.heightForWidth(480) > 3 * widget.instruction.fontMetrics().height()


# --- problem dialog ---------------------------------------------------------------------------


def test_incident_file_holds_every_domain_code() -> None:
    categories = load_incident_categories()
    codes = [c.code for c in categories]
    assert codes == [
        "C1",
        "C2",
        "C4",
        "C6",
        "C7",
        "C8",
        "E1",
        "E2",
        "E3",
        "E4",
        "E5",
        "E8",
        "E9",
        "E10",
        "E11",
        "E12",
    ]
    by_code = {c.code: c for c in categories}
    assert by_code["E3"].label("fr") == "Le fichier ne s'ouvre pas"
    assert by_code["E3"].label("en") == "The file does not open"
    assert {c.code for c in categories if c.needs_description} == {"C1", "C2", "C4", "C7", "C8"}
    assert all(c.names_item for c in categories if c.code.startswith("E"))
    assert by_code["E1"].neutralises_if == "image" and by_code["E8"].neutralises_if == "timed"


def test_problem_dialog_lists_only_item_codes_and_reports_by_keyboard(qtbot) -> None:
    dialog = ProblemDialog(load_incident_categories(), lang="fr")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    assert list(dialog.choices) == ["E1", "E2", "E3", "E4", "E5", "E8", "E9", "E10", "E11", "E12"]
    assert dialog.report() is None and not dialog.send.isEnabled()
    first = dialog.choices["E1"]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert dialog.send.isEnabled()
    dialog.description.setFocus()
    qtbot.keyClicks(dialog.description, "Le tableur reste vide")
    report = dialog.report()
    assert (
        report is not None and report.code == "E3" and report.description == "Le tableur reste vide"
    )
    with qtbot.waitSignal(dialog.accepted):
        dialog.send.click()
    for child in interactive_children(dialog):
        assert accessible_name(child).strip()


def test_problem_dialog_english_labels(qtbot) -> None:
    dialog = ProblemDialog(load_incident_categories(), lang="en")
    qtbot.addWidget(dialog)
    assert dialog.choices["E1"].accessibleName() == "The image does not display"


# --- translations -----------------------------------------------------------------------------


def source_strings() -> set[tuple[str, str]]:
    """Every (context, text) passed to translate()/QT_TRANSLATE_NOOP in the content modules."""
    found: set[tuple[str, str]] = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = (
                node.func.attr
                if isinstance(node.func, ast.Attribute)
                else getattr(node.func, "id", "")
            )
            if name not in ("translate", "QT_TRANSLATE_NOOP"):
                continue
            ctx, text = node.args[0], node.args[1]
            if isinstance(ctx, ast.Constant) and isinstance(text, ast.Constant):
                found.add((ctx.value, text.value))
    return found


def ts_messages() -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(TS_FILE)
    out = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out[(name, message.findtext("source"))] = message.find("translation")
    return out


def test_every_string_is_in_the_catalogue_and_translated() -> None:
    strings = source_strings()
    messages = ts_messages()
    assert len(strings) > 50
    missing = sorted(s for s in strings if s not in messages)
    assert not missing, f"run pyside6-lupdate: {missing[:5]}"
    for key, translation in messages.items():
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), key
        assert (translation.text or "").strip(), key
        # Placeholders survive translation.
        for placeholder in (
            "{name}",
            "{reason}",
            "{title}",
            "{alt}",
            "{count}",
            "{page}",
            "{total}",
        ):
            assert (placeholder in key[1]) == (placeholder in translation.text), (key, placeholder)


def test_english_catalogue_loads_and_translates_widgets(qtbot, show) -> None:
    translator = load_content_translator("en")
    assert translator is not None
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        widget = show(make_item(ItemType.QCU))
        box_titles = [
            b.accessibleName() for b in widget.findChildren(QWidget) if b.accessibleName()
        ]
        assert "Choose one answer" in box_titles
        assert widget.instruction.accessibleName() == "Instruction"
    finally:
        app.removeTranslator(translator)
    assert load_content_translator("fr") is None
