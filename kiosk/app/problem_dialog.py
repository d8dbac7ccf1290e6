"""« Signaler un problème »: the candidate picks an item incident category (E codes of DOMAIN §6).

The categories are data (``resources/incidents.yaml``, French and English labels); the dialog only
collects the choice and an optional description. What happens next is the invigilator's decision.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.items.choices import ChoiceRow
from kiosk.core.incidents import IncidentCategory, load_incident_categories

__all__ = ["IncidentCategory", "ProblemDialog", "ProblemReport", "load_incident_categories"]
from kiosk.core.items import Proposal

MAX_DESCRIPTION = 500


@dataclass(frozen=True, slots=True)
class ProblemReport:
    """What the candidate reported: an incident code and their own words (possibly empty)."""

    code: str
    description: str


class ProblemDialog(QDialog):
    """Lists the item incident categories as radio buttons, with an optional description."""

    def __init__(
        self,
        categories: tuple[IncidentCategory, ...],
        lang: str = "fr",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ProblemDialog", "Signaler un problème"))
        self.setAccessibleName(QCoreApplication.translate("ProblemDialog", "Signaler un problème"))
        self.setModal(True)
        self.categories = tuple(c for c in categories if c.kind == "item")

        title = QLabel(QCoreApplication.translate("ProblemDialog", "Signaler un problème"), self)
        title.setProperty("role", "title")
        intro = QLabel(
            QCoreApplication.translate(
                "ProblemDialog",
                "Choisissez ce qui ne va pas sur cette question. Le surveillant va venir : "
                "selon sa décision, vous continuerez cette question ou passerez à la suivante.",
            ),
            self,
        )
        intro.setWordWrap(True)

        box = QGroupBox(QCoreApplication.translate("ProblemDialog", "Quel est le problème ?"), self)
        box.setAccessibleName(QCoreApplication.translate("ProblemDialog", "Quel est le problème ?"))
        box_layout = QVBoxLayout(box)
        self.group = QButtonGroup(self)
        self.choices: dict[str, QAbstractButton] = {}
        for index, category in enumerate(self.categories):
            # Framed, word-wrapped rows (as for QCU proposals) so long labels reflow at 200 %.
            row = ChoiceRow(Proposal(category.code, category.label(lang)), True, box, category.code)
            self.group.addButton(row.button, index)
            box_layout.addWidget(row)
            self.choices[category.code] = row.button
        self.group.buttonToggled.connect(self._update_send)

        description_label = QLabel(
            QCoreApplication.translate("ProblemDialog", "Précisions (facultatif) :"), self
        )
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setAccessibleName(
            QCoreApplication.translate("ProblemDialog", "Précisions sur le problème (facultatif)")
        )
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        description_label.setBuddy(self.description)
        self.description.textChanged.connect(self._limit_description)

        buttons = QDialogButtonBox(self)
        self.send = QPushButton(
            QCoreApplication.translate("ProblemDialog", "Envoyer le signalement"), self
        )
        self.send.setAccessibleName(
            QCoreApplication.translate("ProblemDialog", "Envoyer le signalement")
        )
        self.send.setEnabled(False)
        self.send.setDefault(True)
        self.cancel = QPushButton(QCoreApplication.translate("ProblemDialog", "Annuler"), self)
        self.cancel.setAccessibleName(
            QCoreApplication.translate("ProblemDialog", "Annuler et revenir à la question")
        )
        buttons.addButton(self.send, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addWidget(description_label)
        layout.addWidget(self.description)
        layout.addWidget(buttons)
        if self.categories:
            first = next(iter(self.choices.values()))
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def report(self) -> ProblemReport | None:
        """The chosen category and description, or None when nothing is chosen."""
        checked = self.group.checkedId()
        if checked < 0:
            return None
        return ProblemReport(
            code=self.categories[checked].code, description=self.description.toPlainText().strip()
        )

    def select(self, code: str) -> None:
        """Choose a category by code (as a click would) and move the focus to it."""
        self.choices[code].setChecked(True)
        self.choices[code].setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_send(self) -> None:
        self.send.setEnabled(self.group.checkedId() >= 0)

    def _limit_description(self) -> None:
        text = self.description.toPlainText()
        if len(text) > MAX_DESCRIPTION:
            self.description.setPlainText(text[:MAX_DESCRIPTION])
            cursor = self.description.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.description.setTextCursor(cursor)
