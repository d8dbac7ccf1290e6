"""QCU (radio buttons) and QCM (check boxes): one framed, word-wrapped row per proposal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.items.base import ItemWidget
from kiosk.app.theme import repolish
from kiosk.core.items import Answer, Proposal


class ChoiceRow(QFrame):
    """A radio button or check box next to a wrapping label; the whole row shows focus and toggles."""

    def __init__(
        self,
        proposal: Proposal,
        exclusive: bool,
        parent: QWidget | None = None,
        description: str | None = None,
    ) -> None:
        super().__init__(parent)
        # Created as a child of the row so the focus chain follows the proposals' order.
        button: QAbstractButton = QRadioButton(self) if exclusive else QCheckBox(self)
        self.button = button
        self.proposal = proposal
        self.setProperty("choiceRow", True)
        self.setProperty("focused", False)
        self.setProperty("checked", False)
        button.setAccessibleName(proposal.text)
        if description is None:
            description = QCoreApplication.translate("ItemWidget", "Proposition {n}").format(
                n=proposal.id
            )
        button.setAccessibleDescription(description)
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.label = QLabel(proposal.text, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setBuddy(button)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        button.installEventFilter(self)
        button.toggled.connect(self._on_toggled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Mirror the button's focus on the whole row (the visible focus ring)."""
        if watched is self.button and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.setProperty("focused", event.type() == QEvent.Type.FocusIn)
            repolish(self)
        return super().eventFilter(watched, event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click anywhere on the row acts on the button."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()
        super().mouseReleaseEvent(event)

    def _on_toggled(self, checked: bool) -> None:
        self.setProperty("checked", checked)
        repolish(self)


class _ChoiceItem(ItemWidget):
    """Shared layout of QCU and QCM."""

    exclusive = True

    def _build_answer_area(self) -> QWidget:
        # Only QCU gets a button group: Qt makes a group one tab stop (arrows move inside it),
        # which is right for radio buttons but would hide QCM check boxes from Tab.
        self.group: QButtonGroup | None = QButtonGroup(self) if self.exclusive else None
        box = QGroupBox(self._group_title(), self)
        box.setAccessibleName(self._group_title())
        layout = QVBoxLayout(box)
        layout.setSpacing(8)
        self.rows: list[ChoiceRow] = []
        for proposal in self.item.proposals:
            row = ChoiceRow(proposal, self.exclusive, box)
            if self.group is not None:
                self.group.addButton(row.button)
            row.button.toggled.connect(self._emit_changed)
            layout.addWidget(row)
            self.rows.append(row)
        return box

    def buttons(self) -> list[QAbstractButton]:
        """The radio buttons / check boxes, in proposal order."""
        return [row.button for row in self.rows]

    def focus_first_input(self) -> None:
        """Focus the checked choice, else the first one."""
        checked = [b for b in self.buttons() if b.isChecked()]
        target = checked[0] if checked else (self.buttons()[0] if self.rows else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_checked(self, ids: set[str]) -> None:
        self._restoring = True
        try:
            if self.group is not None:
                self.group.setExclusive(False)  # lets every button be cleared
            for row in self.rows:
                row.button.setChecked(row.proposal.id in ids)
            if self.group is not None:
                self.group.setExclusive(True)
        finally:
            self._restoring = False

    def _checked_ids(self) -> list[str]:
        return [row.proposal.id for row in self.rows if row.button.isChecked()]

    def _emit_changed(self, _checked: bool) -> None:
        if not getattr(self, "_restoring", False):
            self.changed.emit()

    def _group_title(self) -> str:
        raise NotImplementedError


class QcuWidget(_ChoiceItem):
    """QCU: exactly one proposal; arrow keys move the choice, Space selects."""

    exclusive = True

    def answer(self) -> Answer | None:
        """The chosen proposal id ("2"), or None."""
        ids = self._checked_ids()
        return ids[0] if ids else None

    def set_answer(self, answer: Answer | None) -> None:
        """Check proposal ``answer`` (a proposal id); None clears."""
        self._set_checked({str(answer)} if isinstance(answer, str | int) else set())

    def _group_title(self) -> str:
        return QCoreApplication.translate("ItemWidget", "Choisissez une seule réponse")


class QcmWidget(_ChoiceItem):
    """QCM: any number of proposals; Tab moves between them, Space ticks."""

    exclusive = False

    def answer(self) -> Answer | None:
        """The ticked proposal ids in proposal order (["1", "3"]), or None."""
        ids = self._checked_ids()
        return ids or None

    def set_answer(self, answer: Answer | None) -> None:
        """Tick the proposals listed in ``answer``; None clears."""
        self._set_checked({str(a) for a in answer} if isinstance(answer, list) else set())

    def _group_title(self) -> str:
        return QCoreApplication.translate("ItemWidget", "Cochez toutes les bonnes réponses")
