"""The session list: import what the certification body sends, see every session's status."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from invigilator.app.context import ConsoleContext
from invigilator.app.jobs import ProgressFn
from invigilator.app.messages import MessageArea, error_text
from invigilator.workspace import ImportResult, SessionSummary
from kiosk.core.errors import UserError


def status_text(status: str) -> str:
    """A session status for people, translated."""
    labels = {
        "created": QCoreApplication.translate("Status", "Créée"),
        "finalised": QCoreApplication.translate("Status", "Finalisée"),
        "exported": QCoreApplication.translate("Status", "Exportée"),
    }
    return labels.get(status, status)


def french_date(iso: str) -> str:
    """YYYY-MM-DD → DD/MM/YYYY."""
    parts = iso.split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else iso


class SessionsPage(QWidget):
    """Certificate state, imports with progress and refusals, and the list of sessions."""

    session_chosen = Signal(str)
    kiosks_wanted = Signal()

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.centre = QLabel()
        self.centre.setWordWrap(True)
        self.import_button = QPushButton()
        self.open_button = QPushButton()
        self.kiosks_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.message = MessageArea()
        self.table = QTableWidget(0, 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        self.sessions: list[SessionSummary] = []
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.kiosks_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.centre)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.import_button.clicked.connect(self.choose_imports)
        self.open_button.clicked.connect(self._open_selected)
        self.kiosks_button.clicked.connect(self.kiosks_wanted.emit)
        self.table.cellActivated.connect(lambda row, _c: self._open_row(row))
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Sessions du centre"))
        self.import_button.setText(self.tr("&Importer un fichier…"))
        self.import_button.setAccessibleName(
            self.tr("Importer un certificat, une session ou un contenu d'épreuve")
        )
        self.open_button.setText(self.tr("&Ouvrir la session"))
        self.open_button.setAccessibleName(self.tr("Ouvrir la session choisie"))
        self.kiosks_button.setText(self.tr("&Postes et kits…"))
        self.kiosks_button.setAccessibleName(
            self.tr("Enregistrer les postes et préparer leurs kits")
        )
        self.progress.setAccessibleName(self.tr("Progression de l'import"))
        self.table.setAccessibleName(self.tr("Liste des sessions"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Session"),
                self.tr("Date"),
                self.tr("Salle"),
                self.tr("Candidats"),
                self.tr("État"),
                self.tr("Contenu d'épreuve"),
            ]
        )
        self._fill()

    def refresh(self) -> None:
        """Reload the certificate state and the session list in the background."""
        ctx = self.context

        def work(_p: ProgressFn) -> tuple[str, list[SessionSummary]]:
            ws = ctx.ws()
            ident = ws.home.identity()
            try:
                cert = ws.certificate()
                if cert is None:
                    state = self.tr(
                        "Certificat du centre non importé : importez le fichier .ccrt reçu de "
                        "l'organisme (demande d'inscription : {path})."
                    ).format(path=ws.home.request_path)
                else:
                    state = self.tr("Certificat valide jusqu'au {date}.").format(
                        date=f"{cert.not_after:%d/%m/%Y}"
                    )
            except UserError as exc:
                state = error_text(exc)
            head = self.tr("Centre {id} « {name} »").format(id=ident.centre_id, name=ident.name)
            return f"{head} — {state}", ws.sessions()

        ctx.jobs.run(work, self._refreshed, self.message.show_exception)

    def _refreshed(self, result: tuple[str, list[SessionSummary]]) -> None:
        self.centre.setText(result[0])
        self.sessions = result[1]
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.sessions))
        for row, s in enumerate(self.sessions):
            pack = self.tr("Importé") if s.pack_ready else self.tr("À importer")
            cells = [
                s.session_id,
                f"{french_date(s.date)} {s.time}",
                s.room,
                str(s.candidate_count),
                status_text(s.status),
                pack,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, s.session_id)
                self.table.setItem(row, col, item)
        if self.sessions and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.open_button.setEnabled(bool(self.sessions))

    def choose_imports(self) -> None:
        """Ask for files, then import them."""
        files = self.context.chooser.open_files(
            self,
            self.tr("Importer"),
            self.tr("Fichiers certkiosk (*.ccrt *.cksess *.ckpack);;Tous les fichiers (*)"),
        )
        if files:
            self.import_files(files)

    def import_files(self, files: list[Path]) -> None:
        """Import files one after the other with progress; each refusal is listed."""
        ctx = self.context

        def work(progress: ProgressFn) -> tuple[list[ImportResult], list[str]]:
            done: list[ImportResult] = []
            refused: list[str] = []
            for index, path in enumerate(files):

                def step(fraction: float, text: str, i: int = index) -> None:
                    progress((i + fraction) / len(files), text)

                try:
                    done.append(ctx.ws().import_file(path, step))
                except UserError as exc:
                    refused.append(f"{path.name} : {exc.message}")
            return done, refused

        self.progress.setValue(0)
        self.progress.show()
        self.import_button.setEnabled(False)
        ctx.jobs.run(work, self._imported, self._import_failed, self._progress)

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.progress.setFormat(f"%p % — {text}")

    def _imported(self, result: tuple[list[ImportResult], list[str]]) -> None:
        done, refused = result
        self.import_button.setEnabled(True)
        self.progress.hide()
        lines = [r.message for r in done]
        if refused:
            lines += [self.tr("Refusé : {why}").format(why=why) for why in refused]
            self.message.show_error("\n".join(lines))
        else:
            self.message.show_info("\n".join(lines))
        self.refresh()

    def _import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.progress.hide()
        self.message.show_exception(exc)

    def _open_selected(self) -> None:
        self._open_row(self.table.currentRow())

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.sessions):
            self.session_chosen.emit(self.sessions[row].session_id)

    def selected(self) -> Any:
        """The selected session id, or None."""
        row = self.table.currentRow()
        return self.sessions[row].session_id if 0 <= row < len(self.sessions) else None
