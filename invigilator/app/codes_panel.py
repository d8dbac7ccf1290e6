"""The code-response tool: type the kiosk's challenge, read who and what, give the response."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from invigilator import responder
from invigilator.app.context import ConsoleContext
from invigilator.app.jobs import ProgressFn
from invigilator.app.messages import MessageArea
from invigilator.responder import CodeAnswer
from kiosk.core.codes import CodeAction


def action_text(action: CodeAction, minutes: int | None) -> str:
    """An invigilator action for people, translated."""
    labels = {
        CodeAction.CONFIRM_PRESENCE: QCoreApplication.translate("Codes", "Confirmer la présence"),
        CodeAction.AUTHORISE_RESUME: QCoreApplication.translate("Codes", "Autoriser la reprise"),
        CodeAction.UNLOCK: QCoreApplication.translate("Codes", "Déverrouiller le poste"),
        CodeAction.ADD_TIME: QCoreApplication.translate("Codes", "Ajouter du temps"),
        CodeAction.END_TEST: QCoreApplication.translate("Codes", "Terminer le test"),
    }
    text = labels[action]
    if minutes is not None:
        text += " " + QCoreApplication.translate("Codes", "({n} min)").format(n=minutes)
    return text


class CodesPanel(QWidget):
    """Answers kiosk challenges for one session; every answer is logged by the workspace."""

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session_id = ""
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.label = QLabel()
        self.challenge = QLineEdit()
        self.challenge.setMaxLength(40)
        self.label.setBuddy(self.challenge)
        self.answer_button = QPushButton()
        self.answer_button.setDefault(True)
        self.kiosk = QLabel()
        self.candidate = QLabel()
        self.action = QLabel()
        self.response = QLabel()
        font = self.response.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        font.setLetterSpacing(font.SpacingType.AbsoluteSpacing, 4)
        self.response.setFont(font)
        self.response.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.response.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.message = MessageArea()
        row = QHBoxLayout()
        row.addWidget(self.challenge, 1)
        row.addWidget(self.answer_button)
        self.form = QFormLayout()
        self.row_labels = [QLabel() for _ in range(4)]
        self.form.addRow(self.row_labels[0], self.kiosk)
        self.form.addRow(self.row_labels[1], self.candidate)
        self.form.addRow(self.row_labels[2], self.action)
        self.form.addRow(self.row_labels[3], self.response)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.label)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.answer_button.clicked.connect(self.answer)
        self.challenge.returnPressed.connect(self.answer)
        self._last: CodeAnswer | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.intro.setText(
            self.tr(
                "Le poste affiche un code (ex. U-7-2-4-5). Recopiez-le : la console indique le "
                "poste, le candidat et l'action, et donne le code réponse à saisir sur le poste. "
                "Chaque code donné est enregistré dans le journal de la session."
            )
        )
        self.label.setText(self.tr("&Code affiché par le poste"))
        self.challenge.setAccessibleName(self.tr("Code affiché par le poste"))
        self.answer_button.setText(self.tr("&Répondre"))
        self.answer_button.setAccessibleName(self.tr("Calculer le code réponse"))
        labels = [
            self.tr("Poste"),
            self.tr("Candidat(e)"),
            self.tr("Action"),
            self.tr("Code réponse"),
        ]
        for label, text, value in zip(
            self.row_labels,
            labels,
            [self.kiosk, self.candidate, self.action, self.response],
            strict=True,
        ):
            label.setText(text)
            value.setAccessibleName(text)
        self._show(self._last)

    def set_session(self, session_id: str) -> None:
        """Answer for this session from now on."""
        self.session_id = session_id
        self.challenge.clear()
        self.message.clear_message()
        self._show(None)

    def answer(self) -> None:
        """Read the challenge and compute the response in the background."""
        text, session_id, ctx = self.challenge.text(), self.session_id, self.context
        if not text.strip():
            self.message.show_error(self.tr("Recopiez d'abord le code affiché par le poste."))
            return

        def work(_p: ProgressFn) -> CodeAnswer:
            return responder.respond(ctx.ws(), session_id, text)

        self.answer_button.setEnabled(False)
        ctx.jobs.run(work, self._answered, self._failed)

    def _answered(self, result: CodeAnswer) -> None:
        self.answer_button.setEnabled(True)
        self.message.clear_message()
        self._show(result)
        self.response.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.answer_button.setEnabled(True)
        self._show(None)
        self.message.show_exception(exc)
        self.challenge.setFocus()
        self.challenge.selectAll()

    def _show(self, result: CodeAnswer | None) -> None:
        self._last = result
        if result is None:
            for label in (self.kiosk, self.candidate, self.action, self.response):
                label.setText("—")
            return
        kiosk = str(result.challenge.kiosk)
        if result.kiosk_id:
            kiosk += f" ({result.kiosk_id})"
        number = result.challenge.candidate
        self.kiosk.setText(kiosk)
        self.candidate.setText(f"{result.candidate_name} (n° {number})")
        self.action.setText(action_text(result.challenge.action, result.challenge.minutes))
        self.response.setText(result.response)
        self.response.setAccessibleDescription(" ".join(result.response))
