"""The invigilator's screen at a kiosk (standalone mode): password first, then the actions.

Reached from the waiting, lock and end screens (« Espace surveillant ») or the key chord
Ctrl+Alt+Shift+S. It renders the same ``KioskView`` as the candidate's screens and emits intents;
the controller checks the password against the session's salted hash (with the growing lockout)
and the core decides whether each action is allowed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.invigilator_gate import GateResult
from kiosk.app.screens.base import ScreenBase, make_label
from kiosk.app.screens.code_box import CodeBox, code_actions
from kiosk.app.screens.export_box import ExportBox
from kiosk.app.screens.password_gate import PasswordGate
from kiosk.app.time_format import clock_text
from kiosk.app.view_model import KioskView, Screen

if TYPE_CHECKING:
    from kiosk.app.export_job import ExportResult
    from kiosk.core.incidents import IncidentCategory

ACTIONS = (
    "confirm_presence",
    "authorise_resume",
    "unlock",
    "validate_problem",
    "dismiss_problem",
    "add_time",
    "end_test",
    "new_check_in",
    "close_kiosk",
)


@lru_cache(maxsize=1)
def _categories() -> dict[str, IncidentCategory]:
    from kiosk.core.incidents import load_incident_categories  # YAML: only when a problem shows

    return {c.code: c for c in load_incident_categories()}


class InvigilatorPanel(ScreenBase):
    """Password gate, then the actions that fit the attempt's state.

    Signals:
        password_submitted(str): the invigilator typed a password.
        export_requested(object): write the kiosk's export to this folder (Path).
        action(str, object): one of ``ACTIONS`` with its arguments (a dict).
        closed(): back to the candidate's screen.
    """

    password_submitted = Signal(str)
    action = Signal(str, object)
    closed = Signal()
    export_requested = Signal(object)

    def __init__(self, lang: str = "fr", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.title = make_label("title")
        self.column.addWidget(self.title)
        self.stages = QStackedWidget()
        self.column.addWidget(self.stages)
        self._build_gate()
        self._build_actions()
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.closed)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.back_button)
        self.footer_slot.addLayout(row)
        self._view: KioskView | None = None
        self._codes = False
        self.retranslate()

    # -- construction -------------------------------------------------------------------------------

    def _build_gate(self) -> None:
        gate = QWidget()
        layout = QVBoxLayout(gate)
        layout.setContentsMargins(0, 0, 0, 0)
        self.gate = PasswordGate()
        self.gate.password_submitted.connect(self.password_submitted)
        layout.addWidget(self.gate)
        self.password_edit = self.gate.password_edit
        self.open_button = self.gate.open_button
        self.gate_message = self.gate.message
        self.code_box = CodeBox()
        self.code_box.hide()
        layout.addWidget(self.code_box)
        self.stages.addWidget(gate)

    def _button(self, layout: QVBoxLayout | QHBoxLayout, name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        layout.addWidget(button)
        return button

    def _build_actions(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.summary = make_label("instruction")
        self.warnings_label = make_label("hint")
        layout.addWidget(self.summary)
        layout.addWidget(self.warnings_label)
        main = QVBoxLayout()
        self.confirm_presence_button = self._button(main, "confirm_presence")
        self.authorise_resume_button = self._button(main, "authorise_resume")
        self.unlock_button = self._button(main, "unlock")
        layout.addLayout(main)
        # A pending problem report.
        self.problem_box = QFrame()
        self.problem_box.setFrameShape(QFrame.Shape.StyledPanel)
        problem = QVBoxLayout(self.problem_box)
        self.problem_text = make_label()
        problem.addWidget(self.problem_text)
        problem_row = QHBoxLayout()
        self.validate_problem_button = self._button(problem_row, "validate_problem")
        self.dismiss_problem_button = self._button(problem_row, "dismiss_problem")
        problem.addLayout(problem_row)
        layout.addWidget(self.problem_box)
        # Extra time with a reason.
        self.time_box = QFrame()
        self.time_box.setFrameShape(QFrame.Shape.StyledPanel)
        time_form = QFormLayout(self.time_box)
        self.minutes_label = make_label()
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(1, 240)
        self.minutes_spin.setValue(5)
        self.minutes_label.setBuddy(self.minutes_spin)
        self.reason_label = make_label()
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(200)
        self.reason_label.setBuddy(self.reason_edit)
        time_form.addRow(self.minutes_label, self.minutes_spin)
        time_form.addRow(self.reason_label, self.reason_edit)
        self.add_time_button = QPushButton()
        self.add_time_button.setObjectName("add_time")
        time_form.addRow(self.add_time_button)
        self.time_message = make_label("error")
        self.time_message.hide()
        time_form.addRow(self.time_message)
        layout.addWidget(self.time_box)
        # Ending the test, confirmed.
        end_row = QHBoxLayout()
        self.end_button = self._button(end_row, "end_test")
        self.end_confirm_button = self._button(end_row, "end_confirm")
        self.end_cancel_button = self._button(end_row, "end_cancel")
        end_row.addStretch(1)
        layout.addLayout(end_row)
        self._build_export(layout)
        other = QHBoxLayout()
        self.new_check_in_button = self._button(other, "new_check_in")
        self.close_kiosk_button = self._button(other, "close_kiosk")
        other.addStretch(1)
        layout.addLayout(other)
        self.stages.addWidget(page)
        self.confirm_presence_button.clicked.connect(
            lambda: self.action.emit("confirm_presence", {})
        )
        self.authorise_resume_button.clicked.connect(
            lambda: self.action.emit("authorise_resume", {})
        )
        self.unlock_button.clicked.connect(lambda: self.action.emit("unlock", {}))
        self.validate_problem_button.clicked.connect(
            lambda: self.action.emit("validate_problem", {})
        )
        self.dismiss_problem_button.clicked.connect(lambda: self.action.emit("dismiss_problem", {}))
        self.add_time_button.clicked.connect(self._add_time)
        self.end_button.clicked.connect(lambda: self._ask_end(True))
        self.end_cancel_button.clicked.connect(lambda: self._ask_end(False))
        self.end_confirm_button.clicked.connect(lambda: self.action.emit("end_test", {}))
        self.new_check_in_button.clicked.connect(lambda: self.action.emit("new_check_in", {}))
        self.close_kiosk_button.clicked.connect(lambda: self.action.emit("close_kiosk", {}))

    def _build_export(self, layout: QVBoxLayout) -> None:
        self.export_box = ExportBox()
        self.export_box.export_requested.connect(self.export_requested)
        self.export_folder = self.export_box.folder
        self.export_button = self.export_box.button
        self.export_message = self.export_box.message
        self.export_box.hide()
        layout.addWidget(self.export_box)

    def set_codes_available(self, available: bool) -> None:
        """Whether console codes and the export are offered (a session installed from a kit)."""
        self._codes = available
        self.export_box.setVisible(available)
        if self._view is not None:
            self.show_view(self._view)

    def show_export_result(self, result: ExportResult | str) -> None:
        """The export written (where, how many tests), or why not."""
        self.export_box.show_result(result)

    # -- texts ---------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Fixed texts in the current language."""
        self.title.setText(self.tr("Espace surveillant"))
        self.back_button.setText(self.tr("Retour à l'écran du candidat"))
        self.confirm_presence_button.setText(self.tr("Confirmer la présence du candidat"))
        self.authorise_resume_button.setText(self.tr("Autoriser la reprise du test"))
        self.unlock_button.setText(self.tr("Déverrouiller le poste"))
        self.validate_problem_button.setText(
            self.tr("Valider le signalement (question mise de côté)")
        )
        self.dismiss_problem_button.setText(
            self.tr("Rejeter le signalement (retour à la question)")
        )
        self.minutes_label.setText(self.tr("Minutes à a&jouter"))
        self.minutes_spin.setAccessibleName(self.tr("Minutes à ajouter"))
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.reason_label.setText(self.tr("Mo&tif"))
        self.reason_edit.setAccessibleName(self.tr("Motif de l'ajout de temps"))
        self.add_time_button.setText(self.tr("Ajouter le temps"))
        self.end_button.setText(self.tr("Terminer le test…"))
        self.end_confirm_button.setText(self.tr("Confirmer : terminer le test maintenant"))
        self.end_cancel_button.setText(self.tr("Annuler"))
        self.new_check_in_button.setText(self.tr("Nouvelle identification"))
        self.close_kiosk_button.setText(self.tr("Fermer le kiosque"))
        for button in self.findChildren(QPushButton):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        if self._view is not None:
            self.show_view(self._view)

    def _state_text(self, view: KioskView) -> str:
        texts = {
            Screen.STARTUP: self.tr("Aucun candidat identifié sur ce poste."),
            Screen.CHECK_IN: self.tr("Aucun candidat identifié sur ce poste."),
            Screen.AWAITING_PRESENCE: self.tr("En attente de la confirmation de présence."),
            Screen.INSTRUCTIONS: self.tr("Présence confirmée : le candidat lit les consignes."),
            Screen.FOCUS_WARNING: self.tr("Test en cours."),
            Screen.ITEM: self.tr("Test en cours."),
            Screen.LOCKED: self.tr("Poste verrouillé : le temps est arrêté."),
            Screen.PROBLEM_PENDING: self.tr("Signalement en attente : le temps est arrêté."),
            Screen.AWAITING_RESUME: self.tr("Test interrompu : la reprise doit être autorisée."),
            Screen.ENDED: self.tr("Test terminé."),
        }
        return texts[view.screen]

    # -- rendering -------------------------------------------------------------------------------------

    def show_view(self, view: KioskView) -> None:
        """Show the state and the actions that fit it."""
        self._view = view
        lines = []
        if view.candidate is not None:
            lines.append(view.candidate.display)
        lines.append(self._state_text(view))
        under_way = (
            Screen.ITEM,
            Screen.FOCUS_WARNING,
            Screen.LOCKED,
            Screen.PROBLEM_PENDING,
            Screen.AWAITING_RESUME,
        )
        if view.total and view.screen in under_way:
            lines.append(
                self.tr("Question {k} sur {n} — temps restant {clock}").format(
                    k=view.position, n=view.total, clock=clock_text(view.time_left_ms)
                )
            )
        self.summary.setText("\n".join(lines))
        if view.warnings:
            details = "; ".join(f"{w.code} ({w.detail})" for w in view.warnings)
            self.warnings_label.setText(
                self.tr("Alertes du démarrage : {details}").format(details=details)
            )
        else:
            self.warnings_label.setText(self.tr("Aucune alerte au démarrage du poste."))
        has_attempt = view.screen not in (Screen.STARTUP, Screen.CHECK_IN)
        started = has_attempt and view.screen not in (Screen.AWAITING_PRESENCE, Screen.INSTRUCTIONS)
        running_like = started and view.screen is not Screen.ENDED
        self.confirm_presence_button.setVisible(view.screen is Screen.AWAITING_PRESENCE)
        self.authorise_resume_button.setVisible(view.screen is Screen.AWAITING_RESUME)
        self.unlock_button.setVisible(
            view.lock_reason is not None and view.screen is not Screen.ENDED
        )
        pending = view.pending_problem
        self.problem_box.setVisible(pending is not None)
        if pending is not None:
            category = _categories().get(pending.category)
            label = category.label(self._lang) if category is not None else pending.category
            text = self.tr("Signalement {code} : {label}").format(
                code=pending.category, label=label
            )
            if pending.text:
                text += "\n" + self.tr("Précisions du candidat : {text}").format(text=pending.text)
            self.problem_text.setText(text)
        self.time_box.setVisible(running_like)
        self._ask_end(False)
        self.new_check_in_button.setVisible(view.screen is Screen.ENDED)
        self.close_kiosk_button.setVisible(not running_like)
        actions = code_actions(view) if self._codes else []
        self.code_box.set_actions(actions)
        self.code_box.setVisible(bool(actions))

    def _ask_end(self, asking: bool) -> None:
        view = self._view
        can_end = view is not None and view.screen not in (
            Screen.STARTUP,
            Screen.CHECK_IN,
            Screen.ENDED,
        )
        self.end_button.setVisible(can_end and not asking)
        self.end_confirm_button.setVisible(can_end and asking)
        self.end_cancel_button.setVisible(can_end and asking)
        if asking:
            self.end_cancel_button.setFocus(Qt.FocusReason.TabFocusReason)

    # -- gate -------------------------------------------------------------------------------------------

    def reset(self) -> None:
        """Back to the password stage, field emptied."""
        self.gate.reset()
        self.time_message.hide()
        self.reason_edit.clear()
        self.code_box.reset()
        self.export_box.reset()
        self.stages.setCurrentIndex(0)

    @property
    def unlocked(self) -> bool:
        """Whether the actions are showing."""
        return self.stages.currentIndex() == 1

    def show_gate_result(self, result: GateResult) -> None:
        """Open the actions, or say why not (tries left, or how long the lockout lasts)."""
        if result.ok:
            self.gate_message.hide()
            self.stages.setCurrentIndex(1)
            self.back_button.setFocus(Qt.FocusReason.TabFocusReason)
            focusable = [
                b
                for b in (
                    self.confirm_presence_button,
                    self.authorise_resume_button,
                    self.unlock_button,
                    self.validate_problem_button,
                )
                if b.isVisibleTo(self)
            ]
            if focusable:
                focusable[0].setFocus(Qt.FocusReason.TabFocusReason)
            return
        self.gate.show_refusal(result)

    def _add_time(self) -> None:
        reason = self.reason_edit.text().strip()
        if not reason:
            self.time_message.setText(self.tr("Indiquez le motif de l'ajout de temps."))
            self.time_message.show()
            self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.time_message.hide()
        self.action.emit("add_time", {"minutes": self.minutes_spin.value(), "reason": reason})

    def first_focus(self) -> QWidget | None:
        """The password field (or the first action once open)."""
        return self.password_edit if not self.unlocked else self.back_button
