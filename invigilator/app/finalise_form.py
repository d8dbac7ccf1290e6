"""The finalisation form (DOMAIN §6): per candidate, then the session; checked before recording."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from invigilator import finalise
from invigilator.app.context import ConsoleContext
from invigilator.app.jobs import ProgressFn
from invigilator.app.messages import MessageArea
from kiosk.core.finalisation import (
    MAX_COMMENT,
    AbortReason,
    CandidateFinalisation,
    Incident,
    Outcome,
    SessionFinalisation,
    problems,
)
from kiosk.core.incidents import incident_codes


def outcome_text(outcome: Outcome) -> str:
    """A test outcome for people, translated."""
    return {
        Outcome.ABSENT: QCoreApplication.translate("Outcome", "Absent(e)"),
        Outcome.COMPLETED: QCoreApplication.translate("Outcome", "Test terminé"),
        Outcome.TIME_UP: QCoreApplication.translate("Outcome", "Temps écoulé"),
        Outcome.UNFINISHED: QCoreApplication.translate("Outcome", "Test non terminé"),
    }[outcome]


def _shrinkable(combo: QComboBox) -> None:
    """Let a combo box with long labels narrow with the window (200 % zoom stays usable)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)


def _nothing() -> None:
    """The default finalisation listener."""


def _lang() -> str:
    return "en" if QLocale().language() == QLocale.Language.English else "fr"


class CommentEdit(QPlainTextEdit):
    """A comment of at most 500 characters, with a live counter."""

    def __init__(self, counter: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.setTabChangesFocus(True)
        self.setMaximumHeight(90)
        self.textChanged.connect(self._count)
        self._count()

    def _count(self) -> None:
        n = len(self.toPlainText())
        self.counter.setText(f"{n} / {MAX_COMMENT}")
        self.counter.setStyleSheet("color: #b00020;" if n > MAX_COMMENT else "")


class IncidentRow(QWidget):
    """One incident: code, description, item number (0 = none)."""

    def __init__(self, items_in_test: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = QComboBox()
        for code in incident_codes().values():
            self.code.addItem(f"{code.code} — {code.label(_lang())}", code.code)
        self.description = QLineEdit()
        self.description.setMaxLength(MAX_COMMENT)
        self.item = QSpinBox()
        self.item.setRange(0, max(items_in_test, 0))
        self.item.setSpecialValueText("—")
        self.remove = QPushButton()
        _shrinkable(self.code)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code)
        second = QHBoxLayout()
        second.addWidget(self.description, 1)
        second.addWidget(self.item)
        second.addWidget(self.remove)
        layout.addLayout(second)
        self.code.setAccessibleName(QCoreApplication.translate("Finalise", "Code d'incident"))
        self.description.setPlaceholderText(QCoreApplication.translate("Finalise", "Description"))
        self.description.setAccessibleName(
            QCoreApplication.translate("Finalise", "Description de l'incident")
        )
        self.item.setPrefix(QCoreApplication.translate("Finalise", "question "))
        self.item.setAccessibleName(QCoreApplication.translate("Finalise", "Numéro de la question"))
        self.remove.setText(QCoreApplication.translate("Finalise", "Retirer"))
        self.remove.setAccessibleName(
            QCoreApplication.translate("Finalise", "Retirer cet incident")
        )

    def incident(self) -> Incident:
        """The incident as entered."""
        number = self.item.value()
        return Incident(
            str(self.code.currentData()), self.description.text().strip(), number or None
        )


_Loaded = tuple[SessionFinalisation, SessionFinalisation | None, dict[str, str]]


@dataclass
class _Names:
    number: int
    name: str


class CandidateEditor(QGroupBox):
    """What the invigilator states about one candidate."""

    def __init__(self, entry: CandidateFinalisation, who: _Names, parent: QWidget | None = None):
        super().__init__(parent)
        self.entry = entry
        self.setTitle(f"{who.number}. {who.name} — {outcome_text(entry.outcome)}")
        self.setAccessibleName(who.name)
        absent = entry.outcome is Outcome.ABSENT
        self.seen = QCheckBox(QCoreApplication.translate("Finalise", "Écran de fin de test vu"))
        self.seen.setAccessibleName(
            QCoreApplication.translate("Finalise", "Écran de fin de test vu par {name}").format(
                name=who.name
            )
        )
        self.seen.setEnabled(not absent)
        self.abort = QComboBox()
        _shrinkable(self.abort)
        self.abort.addItem(QCoreApplication.translate("Finalise", "— choisir —"), None)
        self.abort.addItem(
            QCoreApplication.translate("Finalise", "Abandon du candidat"), AbortReason.CANDIDATE
        )
        self.abort.addItem(
            QCoreApplication.translate("Finalise", "Problème technique"), AbortReason.TECHNICAL
        )
        self.abort.setAccessibleName(
            QCoreApplication.translate("Finalise", "Raison de l'abandon de {name}").format(
                name=who.name
            )
        )
        counter = QLabel()
        self.comment = CommentEdit(counter)
        self.comment.setAccessibleName(
            QCoreApplication.translate("Finalise", "Commentaire sur {name}").format(name=who.name)
        )
        self.incidents: list[IncidentRow] = []
        self.incident_box = QVBoxLayout()
        self.add = QPushButton(QCoreApplication.translate("Finalise", "Ajouter un incident"))
        self.add.setAccessibleName(
            QCoreApplication.translate("Finalise", "Ajouter un incident pour {name}").format(
                name=who.name
            )
        )
        self.add.setEnabled(not absent)
        self.add.clicked.connect(self.add_incident)
        form = QFormLayout(self)
        form.addRow(self.seen)
        if entry.outcome.needs_abort_reason:
            label = QLabel(QCoreApplication.translate("Finalise", "Raison de l'abandon"))
            label.setBuddy(self.abort)
            form.addRow(label, self.abort)
        comment_label = QLabel(QCoreApplication.translate("Finalise", "Commentaire"))
        comment_label.setBuddy(self.comment)
        form.addRow(comment_label, self.comment)
        form.addRow("", counter)
        form.addRow(self.incident_box)
        form.addRow(self.add)

    def add_incident(self) -> IncidentRow:
        """Add an empty incident line."""
        row = IncidentRow(self.entry.items_in_test)
        row.remove.clicked.connect(lambda: self._remove(row))
        self.incidents.append(row)
        self.incident_box.addWidget(row)
        row.code.setFocus()
        return row

    def _remove(self, row: IncidentRow) -> None:
        self.incidents.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.add.setFocus()

    def value(self) -> CandidateFinalisation:
        """The entry as filled in."""
        data = self.abort.currentData() if self.entry.outcome.needs_abort_reason else None
        reason = AbortReason(data) if data else None
        return CandidateFinalisation(
            candidate_id=self.entry.candidate_id,
            outcome=self.entry.outcome,
            items_in_test=self.entry.items_in_test,
            end_screen_seen=self.seen.isChecked() and self.seen.isEnabled(),
            comment=self.comment.toPlainText().strip(),
            abort_reason=reason,
            incidents=tuple(r.incident() for r in self.incidents),
        )


class FinaliseForm(QScrollArea):
    """The whole finalisation of a session, checked before it is recorded."""

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session_id = ""
        self.setWidgetResizable(True)
        self.names: dict[str, str] = {}
        self.editors: list[CandidateEditor] = []
        self.on_finalised: Callable[[], None] = _nothing
        self._build_empty()

    def _build_empty(self) -> None:
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)
        self.message = MessageArea()
        self.body.addWidget(self.message)
        self.setWidget(inner)

    def load(self, session_id: str) -> None:
        """Load the draft (or the recorded finalisation) in the background."""
        self.session_id = session_id
        ctx = self.context

        def work(_p: ProgressFn) -> _Loaded:
            ws = ctx.ws()
            return (
                finalise.draft(ws, session_id),
                finalise.recorded(ws, session_id),
                finalise.names(ws, session_id),
            )

        ctx.jobs.run(work, self._loaded, lambda exc: self.message.show_exception(exc))

    def _loaded(self, result: _Loaded) -> None:
        draft, done, names = result
        self.names = names
        self._build_empty()
        if done is not None:
            self.status.setText(
                self.tr(
                    "Session finalisée. Le procès-verbal et l'export sont "
                    "disponibles dans l'onglet « Export et documents »."
                )
            )
            self.editors = []
            return
        self.status.setText(
            self.tr(
                "Pour chaque candidat(e) : écran de fin vu, commentaire (500 caractères au plus), "
                "raison de l'abandon d'un test non terminé, incidents (les codes C1, C2, C4, C7, C8 "
                "demandent une description ; les codes E un numéro de question)."
            )
        )
        self.editors = []
        for number, entry in enumerate(draft.candidates, start=1):
            editor = CandidateEditor(entry, _Names(number, names.get(entry.candidate_id, "")))
            self.editors.append(editor)
            self.body.addWidget(editor)
        session_box = QGroupBox(self.tr("Session"))
        form = QFormLayout(session_box)
        counter = QLabel()
        self.comment = CommentEdit(counter)
        self.comment.setAccessibleName(self.tr("Commentaire général de la session"))
        label = QLabel(self.tr("Commentaire général"))
        label.setBuddy(self.comment)
        form.addRow(label, self.comment)
        form.addRow("", counter)
        self.had_incident = QCheckBox(self.tr("La session a connu un incident"))
        self.had_incident.setAccessibleName(self.had_incident.text())
        self.joining_issue = QCheckBox(
            self.tr("Un(e) candidat(e) a eu un problème pour rejoindre la session")
        )
        self.joining_issue.setAccessibleName(self.joining_issue.text())
        form.addRow(self.had_incident)
        form.addRow(self.joining_issue)
        self.body.addWidget(session_box)
        self.submit = QPushButton(self.tr("&Vérifier et finaliser la session"))
        self.submit.setAccessibleName(self.tr("Vérifier et finaliser la session"))
        self.submit.clicked.connect(self.submit_form)
        self.body.addWidget(self.submit)
        self.body.addStretch(1)

    def report(self) -> SessionFinalisation:
        """The finalisation as filled in."""
        return SessionFinalisation(
            session_id=self.session_id,
            candidates=tuple(e.value() for e in self.editors),
            comment=self.comment.toPlainText().strip(),
            had_incident=self.had_incident.isChecked(),
            joining_issue=self.joining_issue.isChecked(),
        )

    def submit_form(self) -> None:
        """Check locally (every missing point listed), then record in the background."""
        report = self.report()
        missing = problems(report, self.names)
        if missing:
            self.message.show_error(
                self.tr("La finalisation est incomplète :")
                + "\n"
                + "\n".join(f"• {m}" for m in missing)
            )
            self.ensureWidgetVisible(self.message)
            return
        ctx, session_id = self.context, self.session_id
        self.submit.setEnabled(False)
        ctx.jobs.run(
            lambda _p: finalise.finalise(ctx.ws(), session_id, report),
            self._finalised,
            self._failed,
        )

    def _finalised(self, _result: object) -> None:
        self.load(self.session_id)
        self.on_finalised()

    def _failed(self, exc: BaseException) -> None:
        self.submit.setEnabled(True)
        self.message.show_exception(exc)
        self.ensureWidgetVisible(self.message)
