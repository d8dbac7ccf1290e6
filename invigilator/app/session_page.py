"""One session: roster with states, codes, collecting exports, finalisation, export and documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from invigilator import collect, export
from invigilator.app.codes_panel import CodesPanel
from invigilator.app.context import ConsoleContext
from invigilator.app.finalise_form import FinaliseForm
from invigilator.app.jobs import ProgressFn
from invigilator.app.messages import MessageArea
from invigilator.app.sessions_page import french_date, status_text
from invigilator.roster import RosterRow
from kiosk.seal.session_package import SessionPackage


def state_text(key: str) -> str:
    """A candidate's state for people, translated."""
    return {
        "no_data": QCoreApplication.translate("Roster", "Aucune donnée reçue"),
        "checked_in": QCoreApplication.translate("Roster", "Accueilli(e)"),
        "awaiting_presence": QCoreApplication.translate("Roster", "Présence à confirmer"),
        "ready": QCoreApplication.translate("Roster", "Prêt(e) à commencer"),
        "running": QCoreApplication.translate("Roster", "En cours"),
        "locked": QCoreApplication.translate("Roster", "Poste verrouillé"),
        "awaiting_resume": QCoreApplication.translate("Roster", "Reprise à autoriser"),
        "completed": QCoreApplication.translate("Roster", "Terminé"),
        "time_up": QCoreApplication.translate("Roster", "Temps écoulé"),
        "by_invigilator": QCoreApplication.translate("Roster", "Arrêté par le surveillant"),
        "abandoned": QCoreApplication.translate("Roster", "Abandon"),
    }.get(key, key)


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    return button


class SessionPage(QWidget):
    """Everything about one session, tab by tab."""

    back = Signal()

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session_id = ""
        self.status = ""
        self.rows: list[RosterRow] = []
        self.back_button = QPushButton()
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.tabs = QTabWidget()
        self.message = MessageArea()
        # Roster
        self.roster = QTableWidget(0, 6)
        self.roster.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.roster.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.roster.verticalHeader().hide()
        self.roster.setTabKeyNavigation(False)
        self.roster.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.roster.horizontalHeader().setStretchLastSection(True)
        self.refresh_button = QPushButton()
        roster_tab = QWidget()
        rl = QVBoxLayout(roster_tab)
        rl.addWidget(self.refresh_button)
        rl.addWidget(self.roster, 1)
        # Codes
        self.codes = CodesPanel(context)
        # Collect
        self.collect_intro = QLabel()
        self.collect_intro.setWordWrap(True)
        self.collect_button = QPushButton()
        self.collect_progress = QProgressBar()
        self.collect_progress.hide()
        self.collect_message = MessageArea()
        self.collect_refused = MessageArea()
        collect_tab = QWidget()
        cl = QVBoxLayout(collect_tab)
        cl.addWidget(self.collect_intro)
        cl.addWidget(self.collect_button)
        cl.addWidget(self.collect_progress)
        cl.addWidget(self.collect_refused)
        cl.addWidget(self.collect_message)
        cl.addStretch(1)
        # Finalisation
        self.finalise = FinaliseForm(context)
        self.finalise.on_finalised = self.reload
        # Export and documents
        self.export_intro = QLabel()
        self.export_intro.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_progress = QProgressBar()
        self.export_progress.hide()
        self.attendance_button = QPushButton()
        self.report_button = QPushButton()
        self.export_message = MessageArea()
        export_tab = QWidget()
        el = QVBoxLayout(export_tab)
        el.addWidget(self.export_intro)
        el.addWidget(self.export_button)
        el.addWidget(self.export_progress)
        docs = QHBoxLayout()
        docs.addWidget(self.attendance_button)
        docs.addWidget(self.report_button)
        docs.addStretch(1)
        el.addLayout(docs)
        el.addWidget(self.export_message)
        el.addStretch(1)
        self.tabs.addTab(roster_tab, "")
        self.tabs.addTab(self.codes, "")
        self.tabs.addTab(collect_tab, "")
        self.tabs.addTab(self.finalise, "")
        self.tabs.addTab(export_tab, "")
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.header, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.back_button.clicked.connect(self.back.emit)
        self.refresh_button.clicked.connect(self.reload)
        self.collect_button.clicked.connect(self.choose_collect)
        self.export_button.clicked.connect(self.choose_export)
        self.attendance_button.clicked.connect(lambda: self.choose_document("attendance"))
        self.report_button.clicked.connect(lambda: self.choose_document("report"))
        self.package: SessionPackage | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.back_button.setText(self.tr("← &Sessions"))
        self.back_button.setAccessibleName(self.tr("Retour à la liste des sessions"))
        self.tabs.setAccessibleName(self.tr("Onglets de la session"))
        for index, text in enumerate(
            [
                self.tr("&Candidats"),
                self.tr("C&odes"),
                self.tr("Co&llecte"),
                self.tr("&Finalisation"),
                self.tr("&Export et documents"),
            ]
        ):
            self.tabs.setTabText(index, text)
        self.roster.setAccessibleName(self.tr("Candidats et état de leur test"))
        self.roster.setHorizontalHeaderLabels(
            [
                self.tr("N°"),
                self.tr("Candidat(e)"),
                self.tr("Temps majoré"),
                self.tr("État"),
                self.tr("Questions"),
                self.tr("Poste"),
            ]
        )
        self.refresh_button.setText(self.tr("&Actualiser"))
        self.refresh_button.setAccessibleName(self.tr("Actualiser la liste des candidats"))
        self.collect_intro.setText(
            self.tr(
                "Chaque poste exporte ses épreuves sur une clé USB, chiffrées pour le centre. "
                "Choisissez le dossier de la clé : les exports sont vérifiés puis fusionnés. "
                "Le même export deux fois ne change rien ; un export incomplet ou modifié est "
                "refusé."
            )
        )
        self.collect_button.setText(self.tr("Choisir le &dossier des exports…"))
        self.collect_button.setAccessibleName(self.tr("Choisir le dossier des exports des postes"))
        self.collect_progress.setAccessibleName(self.tr("Progression de la collecte"))
        self.export_intro.setText(
            self.tr(
                "Après la finalisation, exportez les résultats signés et chiffrés pour "
                "l'organisme certificateur, puis imprimez les documents de la session."
            )
        )
        self.export_button.setText(self.tr("E&xporter les résultats…"))
        self.export_button.setAccessibleName(self.tr("Exporter les résultats dans un dossier"))
        self.export_progress.setAccessibleName(self.tr("Progression de l'export"))
        self.attendance_button.setText(self.tr("Feuille d'é&margement (PDF)…"))
        self.attendance_button.setAccessibleName(self.tr("Enregistrer la feuille d'émargement"))
        self.report_button.setText(self.tr("&Procès-verbal (PDF)…"))
        self.report_button.setAccessibleName(self.tr("Enregistrer le procès-verbal"))
        self.codes.retranslate()
        self._show_header()
        self._fill_roster()

    def open_session(self, session_id: str) -> None:
        """Show this session and load its data."""
        self.session_id = session_id
        self.codes.set_session(session_id)
        self.tabs.setCurrentIndex(0)
        self.message.clear_message()
        self.collect_message.clear_message()
        self.collect_refused.clear_message()
        self.export_message.clear_message()
        self.reload()

    def reload(self) -> None:
        """Reload package, status, roster and finalisation in the background."""
        ctx, session_id = self.context, self.session_id

        def work(_p: ProgressFn) -> tuple[SessionPackage, str, list[RosterRow]]:
            ws = ctx.ws()
            return ws.package(session_id), ws.status(session_id), ws.roster(session_id)

        ctx.jobs.run(work, self._loaded, self.message.show_exception)
        self.finalise.load(session_id)

    def _loaded(self, result: tuple[SessionPackage, str, list[RosterRow]]) -> None:
        self.package, self.status, self.rows = result
        self._show_header()
        self._fill_roster()
        finalised = self.status != "created"
        self.report_button.setEnabled(finalised)
        self.export_button.setEnabled(finalised)

    def _show_header(self) -> None:
        if self.package is None:
            self.header.setText("")
            return
        d = self.package.details
        self.header.setText(
            self.tr(
                "Session {id} — {date} à {time} — {room} — surveillant(e) : {who} — "
                "code d'accès {code} — {status}"
            ).format(
                id=d.session_id,
                date=french_date(d.date),
                time=d.time,
                room=d.room,
                who=d.examiner,
                code=d.access_code,
                status=status_text(self.status),
            )
        )

    def _fill_roster(self) -> None:
        self.roster.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            extra = row.candidate.extra_time_pct
            cells = [
                str(row.number),
                row.name,
                f"{extra.normalize():f} %" if extra else "—",
                state_text(row.state_key),
                f"{row.done} / {row.total}" if row.total else "—",
                row.kiosk_id or "—",
            ]
            for c, text in enumerate(cells):
                self.roster.setItem(r, c, QTableWidgetItem(text))

    # collect ---------------------------------------------------------------------------

    def choose_collect(self) -> None:
        """Ask for the USB folder, then collect."""
        folder = self.context.chooser.folder(self, self.tr("Dossier des exports des postes"))
        if folder is not None:
            self.collect_from(folder)

    def collect_from(self, folder: Path) -> None:
        """Merge the exports found in ``folder`` in the background."""
        ctx, session_id = self.context, self.session_id
        self.collect_button.setEnabled(False)
        self.collect_progress.setValue(0)
        self.collect_progress.show()
        ctx.jobs.run(
            lambda progress: collect.collect(ctx.ws(), session_id, folder, progress),
            self._collected,
            self._collect_failed,
            lambda f, t: self._progress(self.collect_progress, f, t),
        )

    @staticmethod
    def _progress(bar: QProgressBar, fraction: float, text: str) -> None:
        bar.setValue(int(fraction * 100))
        bar.setFormat(f"%p % — {text}")

    def _collected(self, report: collect.CollectReport) -> None:
        self.collect_button.setEnabled(True)
        self.collect_progress.hide()
        merged = [
            self.tr("{file} (poste {kiosk}) : {n} événement(s) nouveaux").format(
                file=o.file, kiosk=o.kiosk_id, n=o.new_events
            )
            for o in report.outcomes
            if o.merged
        ]
        refused = [
            self.tr("{file} REFUSÉ : {why}").format(file=o.file, why=o.message)
            for o in report.refused
        ]
        self.collect_refused.clear_message()
        self.collect_message.clear_message()
        if refused:
            self.collect_refused.show_error("\n".join(refused))
        if merged:
            self.collect_message.show_info("\n".join(merged))
        self.reload()

    def _collect_failed(self, exc: BaseException) -> None:
        self.collect_button.setEnabled(True)
        self.collect_progress.hide()
        self.collect_message.clear_message()
        self.collect_refused.show_exception(exc)

    # export and documents -----------------------------------------------------------------

    def choose_export(self) -> None:
        """Ask for the destination folder, then export."""
        folder = self.context.chooser.folder(self, self.tr("Dossier de destination"))
        if folder is not None:
            self.export_to(folder)

    def export_to(self, folder: Path) -> None:
        """Write the result bundle in the background, with progress."""
        ctx, session_id = self.context, self.session_id
        self.export_button.setEnabled(False)
        self.export_progress.setValue(0)
        self.export_progress.show()
        ctx.jobs.run(
            lambda progress: export.export_bundle(ctx.ws(), session_id, folder, progress),
            self._exported,
            self._export_failed,
            lambda f, t: self._progress(self.export_progress, f, t),
        )

    def _exported(self, path: Path) -> None:
        self.export_progress.hide()
        self.export_button.setEnabled(True)
        self.export_message.show_info(self.tr("Résultats exportés : {path}").format(path=path))
        self.reload()

    def _export_failed(self, exc: BaseException) -> None:
        self.export_progress.hide()
        self.export_button.setEnabled(True)
        self.export_message.show_exception(exc)

    def choose_document(self, kind: str) -> None:
        """Ask where to save a PDF, then render it."""
        name = "emargement" if kind == "attendance" else "proces-verbal"
        target = self.context.chooser.save_file(
            self, self.tr("Enregistrer le PDF"), f"{name}-{self.session_id}.pdf", "PDF (*.pdf)"
        )
        if target is not None:
            self.save_document(kind, target)

    def save_document(self, kind: str, target: Path) -> None:
        """Render and save a document in the background."""
        ctx, session_id = self.context, self.session_id
        render = export.attendance_pdf if kind == "attendance" else export.report_pdf
        ctx.jobs.run(
            lambda _p: export.save_pdf(render(ctx.ws(), session_id), target),
            lambda path: self.export_message.show_info(
                self.tr("Document enregistré : {path}").format(path=path)
            ),
            self.export_message.show_exception,
        )
