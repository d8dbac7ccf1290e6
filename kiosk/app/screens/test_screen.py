"""The test screen: item k of N, time left, timed-item gauge, the item, and the three actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.screens.base import ScreenBase, make_label
from kiosk.app.screens.item_host import ItemHost
from kiosk.app.time_format import clock_text, spoken_clock
from kiosk.app.view_model import KioskView


class TestHeader(QFrame):
    """The bar that stays on top: candidate, item k of N, time left and its warnings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("testHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 10, 24, 10)
        top = QHBoxLayout()
        self.who = QLabel()
        self.who.setProperty("role", "hint")
        self.position = QLabel()
        self.position.setProperty("role", "title")
        self.time_left = QLabel()
        self.time_left.setProperty("role", "title")
        self.time_left.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.position, 0, Qt.AlignmentFlag.AlignLeft)
        top.addStretch(1)
        top.addWidget(self.time_left, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(top)
        layout.addWidget(self.who)
        self.warning = make_label("error")
        self.warning.hide()
        layout.addWidget(self.warning)
        gauge_row = QHBoxLayout()
        self.gauge_label = QLabel()
        self.gauge = QProgressBar()
        self.gauge.setTextVisible(True)
        self.gauge_label.setBuddy(self.gauge)
        gauge_row.addWidget(self.gauge_label)
        gauge_row.addWidget(self.gauge, 1)
        self.gauge_box = QWidget()
        self.gauge_box.setLayout(gauge_row)
        self.gauge_box.hide()
        layout.addWidget(self.gauge_box)
        self.item_timeout = make_label("error")
        self.item_timeout.hide()
        layout.addWidget(self.item_timeout)

    def show_view(self, view: KioskView) -> None:
        """Refresh position, time left, warnings and the gauge."""
        self.who.setText(view.candidate.display if view.candidate else "")
        self.position.setText(self.tr("Question {k} sur {n}").format(k=view.position, n=view.total))
        self.position.setAccessibleName(self.position.text())
        clock = clock_text(view.time_left_ms)
        self.time_left.setText(self.tr("Temps restant : {clock}").format(clock=clock))
        self.time_left.setAccessibleName(self.tr("Temps restant"))
        self.time_left.setAccessibleDescription(spoken_clock(view.time_left_ms))
        level = view.time_warning
        if level == 5:
            self.warning.setText(self.tr("Attention : il reste moins de 5 minutes."))
        elif level == 10:
            self.warning.setText(self.tr("Attention : il reste moins de 10 minutes."))
        self.warning.setVisible(level > 0)
        if view.item_limit_ms is not None and view.item_left_ms is not None:
            total = max(1, view.item_limit_ms)
            self.gauge_label.setText(self.tr("Temps pour cette question"))
            self.gauge.setRange(0, total)
            self.gauge.setValue(view.item_left_ms)
            self.gauge.setFormat(clock_text(view.item_left_ms))
            self.gauge.setAccessibleName(self.tr("Temps pour cette question"))
            self.gauge.setAccessibleDescription(spoken_clock(view.item_left_ms))
            self.gauge_box.show()
            out = view.item_left_ms == 0
            if out:
                self.item_timeout.setText(
                    self.tr(
                        "Le temps de cette question est écoulé : vous pouvez encore répondre, "
                        "mais la réponse ne sera pas comptée comme juste."
                    )
                )
            self.item_timeout.setVisible(out)
        else:
            self.gauge_box.hide()
            self.item_timeout.hide()


class TestScreen(ScreenBase):
    """Shows one item. Intents: ``validate(item_id, answer)``, ``skip(item_id)``, ``report(item_id)``."""

    validate = Signal(str, object)
    skip = Signal(str)
    report = Signal(str)
    dialog_opened = Signal(QDialog)  # a viewer dialog the item opened

    def __init__(self, item_host: ItemHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = TestHeader()
        self.header_slot.addWidget(self.header)
        self.host = item_host
        self.column.addWidget(self.host)
        self.hint = make_label("hint")
        self.hint.hide()
        self.column.addWidget(self.hint)
        # Confirmation of « Je passe », inside the window (no second top-level window).
        self.confirm_box = QFrame()
        self.confirm_box.setObjectName("skipConfirm")
        self.confirm_box.setFrameShape(QFrame.Shape.StyledPanel)
        confirm_layout = QVBoxLayout(self.confirm_box)
        self.confirm_text = make_label("instruction")
        confirm_layout.addWidget(self.confirm_text)
        confirm_row = QHBoxLayout()
        self.cancel_skip_button = QPushButton()
        self.confirm_skip_button = QPushButton()
        confirm_row.addStretch(1)
        confirm_row.addWidget(self.cancel_skip_button)
        confirm_row.addWidget(self.confirm_skip_button)
        confirm_layout.addLayout(confirm_row)
        self.confirm_box.hide()
        self.footer_slot.addWidget(self.confirm_box)
        actions = QHBoxLayout()
        self.report_button = QPushButton()
        self.skip_button = QPushButton()
        self.validate_button = QPushButton()
        self.validate_button.setDefault(True)
        actions.addWidget(self.report_button)
        actions.addStretch(1)
        actions.addWidget(self.skip_button)
        actions.addWidget(self.validate_button)
        self.actions_box = QWidget()
        self.actions_box.setLayout(actions)
        self.footer_slot.addWidget(self.actions_box)
        self.report_button.clicked.connect(self._on_report)
        self.skip_button.clicked.connect(self._ask_skip)
        self.validate_button.clicked.connect(self._on_validate)
        self.cancel_skip_button.clicked.connect(self._cancel_skip)
        self.confirm_skip_button.clicked.connect(self._confirm_skip)
        self.host.answer_changed.connect(self._on_answer_changed)
        self.host.submit_requested.connect(self._on_validate)
        self.host.dialog_opened.connect(self.dialog_opened)
        self._item_id: str | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """Fixed texts in the current language."""
        self.report_button.setText(self.tr("Signaler un problème"))
        self.report_button.setAccessibleName(self.tr("Signaler un problème"))
        self.report_button.setAccessibleDescription(
            self.tr("Prévient le surveillant ; le temps s'arrête en attendant")
        )
        self.skip_button.setText(self.tr("Je passe"))
        self.skip_button.setAccessibleName(self.tr("Je passe"))
        self.skip_button.setAccessibleDescription(
            self.tr("Abandonner cette question sans répondre (confirmation demandée)")
        )
        self.validate_button.setText(self.tr("Je valide"))
        self.validate_button.setAccessibleName(self.tr("Je valide"))
        self.validate_button.setAccessibleDescription(
            self.tr("Enregistrer la réponse et passer à la question suivante")
        )
        self.confirm_text.setText(
            self.tr(
                "Passer cette question ? Vous ne pourrez pas y revenir et elle comptera comme non réussie."
            )
        )
        self.cancel_skip_button.setText(self.tr("Non, revenir à la question"))
        self.cancel_skip_button.setAccessibleName(self.tr("Non, revenir à la question"))
        self.confirm_skip_button.setText(self.tr("Oui, passer la question"))
        self.confirm_skip_button.setAccessibleName(self.tr("Oui, passer la question"))
        self.hint.setText(self.tr("Répondez avant de valider, ou cliquez sur « Je passe »."))

    def show_view(self, view: KioskView) -> None:
        """Show the header and, when it changed, the item."""
        self.header.show_view(view)
        item = view.item
        if item is None:
            return
        if item.id != self._item_id:
            self._item_id = item.id
            self.host.show_item(item)
            self.hint.hide()
            self._cancel_skip()
            self.scroll_area.verticalScrollBar().setValue(0)

    def refresh_time(self, view: KioskView) -> None:
        """Only the header (called by the display timer)."""
        self.header.show_view(view)

    def first_focus(self) -> QWidget | None:
        """The item's instruction (Tab then reaches the answer and the actions)."""
        return self.host.first_focus() or self.validate_button

    def _on_answer_changed(self) -> None:
        self.hint.hide()

    def _on_validate(self) -> None:
        if self._item_id is None:
            return
        answer: Any = self.host.answer()
        if answer is None:
            self.hint.show()
            return
        self.validate.emit(self._item_id, answer)

    def _ask_skip(self) -> None:
        self.actions_box.hide()
        self.confirm_box.show()
        self.cancel_skip_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _cancel_skip(self) -> None:
        was_open = self.confirm_box.isVisible()
        self.confirm_box.hide()
        self.actions_box.show()
        if was_open:
            self.skip_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _confirm_skip(self) -> None:
        self.confirm_box.hide()
        self.actions_box.show()
        if self._item_id is not None:
            self.skip.emit(self._item_id)

    def _on_report(self) -> None:
        if self._item_id is not None:
            self.report.emit(self._item_id)
