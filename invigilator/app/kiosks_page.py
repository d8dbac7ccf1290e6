"""The « Postes » screen: enrol kiosks from their record files, prepare a session's kiosk kits.

The morning routine on the console side: register each kiosk's ``.ckposte`` record once, then,
for a session, write the kits to a USB folder (one per ticked kiosk, or one for the room), show
their one-time codes, and save or print the kit sheet. Widgets hold no rules: ``invigilator.kiosks``
decides, on the console's worker thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from invigilator import kiosks as preparing
from invigilator.app.context import ConsoleContext
from invigilator.app.jobs import ProgressFn
from invigilator.app.messages import MessageArea
from invigilator.app.sessions_page import french_date
from invigilator.kiosks import EnrolOutcome, KitBatch
from invigilator.kits import IssuedKit
from invigilator.workspace import SessionSummary
from kiosk.seal.kiosk_identity import KioskRecord


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class KiosksPage(QWidget):
    """Enrolled kiosks, and the kits of a session with their codes and sheet."""

    back = Signal()

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.records: list[KioskRecord] = []
        self.issued: list[IssuedKit] = []
        self.sessions: list[SessionSummary] = []
        self.batch: KitBatch | None = None
        self.saved_sheet: Path | None = None
        self.unticked: set[int] = set()  # kiosks the manager left out (all are ticked at first)
        self.back_button = QPushButton()
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.enrol_button = QPushButton()
        self.message = MessageArea()
        self.table = _table(5)
        # Kits
        self.kits_box = QGroupBox()
        self.session_label = QLabel()
        self.session_combo = QComboBox()
        self.session_label.setBuddy(self.session_combo)
        self.per_kiosk = QRadioButton()
        self.per_kiosk.setChecked(True)
        self.room = QRadioButton()
        self.build_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.kits_message = MessageArea()
        self.codes = _table(3)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(self.codes.font().pointSizeF() * 1.3)
        self.codes.setFont(mono)
        self.codes.hide()
        self.save_sheet_button = QPushButton()
        self.print_button = QPushButton()
        self.save_sheet_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self._lay_out()
        self.back_button.clicked.connect(self.back.emit)
        self.enrol_button.clicked.connect(self.choose_records)
        self.build_button.clicked.connect(self.choose_kit_folder)
        self.save_sheet_button.clicked.connect(self.choose_sheet)
        self.print_button.clicked.connect(self.open_sheet)
        self.room.toggled.connect(lambda _on: self._fill_kiosks())
        self.table.itemChanged.connect(self._tick_changed)
        self.retranslate()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        which = QHBoxLayout()
        which.addWidget(self.session_label)
        which.addWidget(self.session_combo, 1)
        which.addWidget(self.per_kiosk)
        which.addWidget(self.room)
        sheet = QHBoxLayout()
        sheet.addWidget(self.build_button)
        sheet.addWidget(self.save_sheet_button)
        sheet.addWidget(self.print_button)
        sheet.addStretch(1)
        kits = QVBoxLayout(self.kits_box)
        kits.addLayout(which)
        kits.addLayout(sheet)
        kits.addWidget(self.progress)
        kits.addWidget(self.kits_message)
        kits.addWidget(self.codes, 1)
        enrol = QHBoxLayout()
        enrol.addWidget(self.enrol_button)
        enrol.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addLayout(enrol)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.kits_box, 1)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.back_button.setText(self.tr("← &Sessions"))
        self.back_button.setAccessibleName(self.tr("Retour à la liste des sessions"))
        self.title.setText(self.tr("Postes des candidats"))
        self.intro.setText(
            self.tr(
                "Une fois pour toutes : enregistrez la fiche (.ckposte) que chaque poste écrit sur "
                "la clé USB quand on lui donne son numéro. Chaque matin de session : préparez les "
                "kits sur la clé, puis, sur chaque poste, importez son kit en tapant son code."
            )
        )
        self.enrol_button.setText(self.tr("&Enregistrer des fiches de poste…"))
        self.enrol_button.setAccessibleName(
            self.tr("Enregistrer des postes d'après leur fiche .ckposte")
        )
        self.table.setAccessibleName(
            self.tr("Postes enregistrés (cochez ceux qui reçoivent un kit)")
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("N°"),
                self.tr("Nom"),
                self.tr("Identifiant"),
                self.tr("Clé"),
                self.tr("Sessions avec un kit"),
            ]
        )
        self.kits_box.setTitle(self.tr("Kits de poste d'une session"))
        self.session_label.setText(self.tr("Sessi&on :"))
        self.session_combo.setAccessibleName(self.tr("Session dont on prépare les kits"))
        self.per_kiosk.setText(self.tr("Un kit par poste &coché"))
        self.per_kiosk.setAccessibleName(self.per_kiosk.text().replace("&", ""))
        self.room.setText(self.tr("Un seul kit pour toute la sa&lle"))
        self.room.setAccessibleName(self.room.text().replace("&", ""))
        self.build_button.setText(self.tr("&Préparer les kits…"))
        self.build_button.setAccessibleName(self.tr("Préparer les kits dans un dossier (clé USB)"))
        self.progress.setAccessibleName(self.tr("Progression de la préparation des kits"))
        self.codes.setAccessibleName(self.tr("Codes des kits, à taper sur chaque poste"))
        self.codes.setHorizontalHeaderLabels(
            [self.tr("Poste"), self.tr("Fichier du kit"), self.tr("Code à taper")]
        )
        self.save_sheet_button.setText(self.tr("Enregistrer la &feuille des kits (PDF)…"))
        self.save_sheet_button.setAccessibleName(
            self.tr("Enregistrer la feuille des kits avec leurs codes")
        )
        self.print_button.setText(self.tr("Ouvrir pour &imprimer"))
        self.print_button.setAccessibleName(self.tr("Ouvrir la feuille des kits pour l'imprimer"))
        self._fill_kiosks()
        self._fill_sessions()

    # loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the kiosks and the sessions that can still get kits."""
        ctx = self.context

        def work(_p: ProgressFn) -> tuple[list[KioskRecord], list[IssuedKit], list[SessionSummary]]:
            reg = preparing.registry(ctx.ws().home)
            open_sessions = [
                s for s in ctx.ws().sessions() if s.status == "created" and s.pack_ready
            ]
            return reg.kiosks(), list(reg.kits), open_sessions

        ctx.jobs.run(work, self._loaded, self.message.show_exception)

    def _loaded(
        self, result: tuple[list[KioskRecord], list[IssuedKit], list[SessionSummary]]
    ) -> None:
        self.records, self.issued, self.sessions = result
        self._fill_kiosks()
        self._fill_sessions()

    def _fill_kiosks(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.records))
        room = self.room.isChecked()
        for row, record in enumerate(self.records):
            sessions = sorted(
                {k.session_id for k in self.issued if k.kiosk_key_id in (record.key_id, None)}
            )
            cells = [
                str(record.number),
                record.name,
                record.kiosk_id,
                record.key_id,
                ", ".join(sessions) or self.tr("aucun"),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    if not room:
                        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    checked = not room and record.number not in self.unticked
                    item.setCheckState(
                        Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    )
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        self._update_build()

    def _tick_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0 or self.room.isChecked():
            return
        number = int(item.text())
        if item.checkState() == Qt.CheckState.Checked:
            self.unticked.discard(number)
        else:
            self.unticked.add(number)

    def _fill_sessions(self) -> None:
        current = self.session_combo.currentData()
        self.session_combo.clear()
        for s in self.sessions:
            label = f"{s.session_id} — {french_date(s.date)} {s.time} — {s.room}"
            self.session_combo.addItem(label, s.session_id)
        index = self.session_combo.findData(current)
        if index >= 0:
            self.session_combo.setCurrentIndex(index)
        self._update_build()

    def _update_build(self) -> None:
        has_kiosks = bool(self.records)
        self.build_button.setEnabled(bool(self.sessions) and has_kiosks)

    def ticked(self) -> list[int]:
        """The numbers of the kiosks ticked in the table."""
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.text()))
        return out

    # enrolment ----------------------------------------------------------------------------

    def choose_records(self) -> None:
        """Ask for kiosk record files, then enrol them."""
        files = self.context.chooser.open_files(
            self,
            self.tr("Fiches de poste"),
            self.tr("Fiches de poste (*.ckposte);;Tous les fichiers (*)"),
        )
        if files:
            self.enrol(files)

    def enrol(self, files: list[Path]) -> None:
        """Enrol kiosk record files in the background; each refusal is listed."""
        ctx = self.context
        self.context.jobs.run(
            lambda _p: preparing.enrol_kiosks(ctx.ws().home, files),
            self._enrolled,
            self.message.show_exception,
        )

    def _enrolled(self, outcomes: list[EnrolOutcome]) -> None:
        lines = [
            o.message
            if o.kiosk is not None
            else self.tr("Refusé : {file} : {why}").format(file=o.file, why=o.message)
            for o in outcomes
        ]
        if any(o.kiosk is None for o in outcomes):
            self.message.show_error("\n".join(lines))
        else:
            self.message.show_info("\n".join(lines))
        self.refresh()

    # kits ---------------------------------------------------------------------------------

    def choose_kit_folder(self) -> None:
        """Ask for the USB folder, then build the kits into it."""
        session_id = self.session_combo.currentData()
        numbers = self.ticked()
        if not self.room.isChecked() and not numbers:
            self.kits_message.show_error(
                self.tr("Cochez au moins un poste, ou choisissez la salle")
            )
            return
        folder = self.context.chooser.folder(self, self.tr("Dossier des kits (clé USB)"))
        if folder is not None and session_id:
            self.build_kits(str(session_id), folder, numbers)

    def build_kits(self, session_id: str, folder: Path, numbers: list[int]) -> None:
        """Build the kits in the background with progress, then show their codes."""
        ctx = self.context
        room = self.room.isChecked()

        def work(progress: ProgressFn) -> KitBatch:
            return preparing.prepare_kits(
                ctx.ws(),
                session_id,
                folder,
                kiosk_numbers=None if room else numbers,
                room=room,
                progress=progress,
                kdf=ctx.kit_kdf,
            )

        self.progress.setValue(0)
        self.progress.show()
        self.build_button.setEnabled(False)
        ctx.jobs.run(work, self._built, self._build_failed, self._progress)

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.progress.setFormat(f"%p % — {text}")

    def _built(self, batch: KitBatch) -> None:
        self.batch = batch
        self.saved_sheet = None
        self.progress.hide()
        self.kits_message.show_info(
            self.tr(
                "{count} kit(s) écrit(s) dans {folder}. Notez ou imprimez les codes : ils ne "
                "seront plus affichés. La feuille ne doit pas voyager sur la clé des kits."
            ).format(count=len(batch.kits), folder=batch.folder)
        )
        self.codes.setRowCount(len(batch.kits))
        for row, kit in enumerate(batch.kits):
            who = (
                self.tr("n° {n} « {name} »").format(n=kit.kiosk.number, name=kit.kiosk.name)
                if kit.kiosk
                else self.tr("Toute la salle")
            )
            for col, text in enumerate([who, kit.file_name, kit.code]):
                self.codes.setItem(row, col, QTableWidgetItem(text))
        self.codes.show()
        self.save_sheet_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.refresh()

    def _build_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self._update_build()
        self.kits_message.show_exception(exc)

    def choose_sheet(self) -> None:
        """Ask where to save the kit sheet, then save it."""
        if self.batch is None:
            return
        target = self.context.chooser.save_file(
            self,
            self.tr("Enregistrer la feuille des kits"),
            f"feuille-des-kits-{self.batch.session_id}.pdf",
            "PDF (*.pdf)",
        )
        if target is not None:
            self.save_sheet(target)

    def save_sheet(self, target: Path) -> None:
        """Save the kit sheet in the background."""
        batch = self.batch
        if batch is None:
            return
        self.context.jobs.run(
            lambda _p: preparing.save_sheet(batch, target),
            self._sheet_saved,
            self.kits_message.show_exception,
        )

    def _sheet_saved(self, path: Path) -> None:
        self.saved_sheet = path
        self.kits_message.show_info(
            self.tr("Feuille des kits enregistrée : {path}").format(path=path)
        )

    def open_sheet(self) -> None:
        """Open the kit sheet in the system's PDF viewer to print it (saved first if needed)."""
        batch = self.batch
        if batch is None:
            return
        target = self.saved_sheet or preparing.default_sheet_path(
            self.context.ws().home, batch.session_id
        )

        def work(_p: ProgressFn) -> Path:
            return self.saved_sheet or preparing.save_sheet(batch, target)

        def opened(path: Path) -> None:
            self.saved_sheet = path
            if not self.context.chooser.show_document(path):
                self.kits_message.show_error(
                    self.tr("Aucun lecteur PDF n'a pu ouvrir {path}").format(path=path)
                )

        self.context.jobs.run(work, opened, self.kits_message.show_exception)
