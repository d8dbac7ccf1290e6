"""The first screens: create the centre's keys and enrolment request, or unlock them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from invigilator.app.context import ConsoleContext
from invigilator.app.messages import MessageArea
from invigilator.workspace import Workspace
from kiosk.core.errors import InvalidInput


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class SetupPage(QWidget):
    """Centre set-up: keys, passphrase and the enrolment request to send to the authority."""

    opened = Signal()

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = _title("")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.centre_id = QLineEdit()
        self.name = QLineEdit()
        self.authority = QLineEdit()
        self.browse = QPushButton()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.create_button = QPushButton()
        self.create_button.setDefault(True)
        self.save_request = QPushButton()
        self.save_request.hide()
        self.message = MessageArea()

        row = QHBoxLayout()
        row.addWidget(self.authority, 1)
        row.addWidget(self.browse)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        fields: list[QWidget] = [self.centre_id, self.name, self.authority, self.passphrase]
        fields.append(self.confirm)
        for label, widget in zip(self.labels, fields, strict=True):
            label.setBuddy(widget)
        self.form.addRow(self.labels[0], self.centre_id)
        self.form.addRow(self.labels[1], self.name)
        self.form.addRow(self.labels[2], row)
        self.form.addRow(self.labels[3], self.passphrase)
        self.form.addRow(self.labels[4], self.confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.create_button)
        layout.addWidget(self.message)
        layout.addWidget(self.save_request)
        layout.addStretch(1)
        self.browse.clicked.connect(self._browse)
        self.create_button.clicked.connect(self._create)
        self.save_request.clicked.connect(self._save_request)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Créer le centre d'examen"))
        self.intro.setText(
            self.tr(
                "La console crée les clés du centre, protégées par une phrase secrète, et une "
                "demande d'inscription à envoyer à l'organisme certificateur. Vous importerez "
                "ensuite le certificat qu'il vous renvoie."
            )
        )
        texts = [
            self.tr("&Identifiant du centre"),
            self.tr("&Nom du centre"),
            self.tr("&Clés publiques de l'organisme"),
            self.tr("&Phrase secrète (8 caractères au moins)"),
            self.tr("C&onfirmation"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        names = [self.centre_id, self.name, self.authority, self.passphrase, self.confirm]
        for widget, text in zip(names, texts, strict=True):
            widget.setAccessibleName(text.replace("&", ""))
        self.centre_id.setPlaceholderText(self.tr("ex. CTR-01"))
        self.authority.setPlaceholderText("authority-public.json")
        self.browse.setText(self.tr("&Parcourir…"))
        self.browse.setAccessibleName(self.tr("Choisir le fichier des clés publiques"))
        self.create_button.setText(self.tr("Créer les clés et la &demande d'inscription"))
        self.create_button.setAccessibleName(self.create_button.text().replace("&", ""))
        self.save_request.setText(self.tr("&Enregistrer une copie de la demande…"))
        self.save_request.setAccessibleName(self.save_request.text().replace("&", ""))

    def _browse(self) -> None:
        path = self.context.chooser.open_file(
            self, self.tr("Clés publiques de l'organisme"), "JSON (*.json)"
        )
        if path is not None:
            self.authority.setText(str(path))

    def _create(self) -> None:
        if self.passphrase.text() != self.confirm.text():
            self.message.show_error(self.tr("Les deux phrases secrètes diffèrent."))
            return
        if not self.authority.text().strip():
            self.message.show_error(
                self.tr("Choisissez le fichier des clés publiques de l'organisme.")
            )
            return
        ctx = self.context
        centre_id, name = self.centre_id.text().strip(), self.name.text().strip()
        authority, secret = Path(self.authority.text().strip()), self.passphrase.text()

        def work(_progress: object) -> Workspace:
            if not name:
                raise InvalidInput("Le nom du centre est obligatoire")
            ctx.home.create(centre_id, name, authority, secret, ctx.now(), ctx.kdf)
            return Workspace.open(ctx.home, secret, now=ctx.now, kdf=ctx.kdf)

        self.create_button.setEnabled(False)
        ctx.jobs.run(work, self._created, self._failed)

    def _created(self, ws: Workspace) -> None:
        self.context.workspace = ws
        self.create_button.setEnabled(True)
        self.message.show_info(
            self.tr("Clés créées. Demande d'inscription à envoyer : {path}").format(
                path=self.context.home.request_path
            )
        )
        self.save_request.show()
        self.opened.emit()

    def _failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.message.show_exception(exc)

    def _save_request(self) -> None:
        target = self.context.chooser.save_file(
            self, self.tr("Enregistrer la demande"), "demande.ckenrq", "(*.ckenrq)"
        )
        if target is None:
            return
        data = self.context.home.request_path.read_bytes()
        self.context.jobs.run(
            lambda _p: target.write_bytes(data),
            lambda _r: self.message.show_info(
                self.tr("Demande enregistrée : {path}").format(path=target)
            ),
            self.message.show_exception,
        )


class UnlockPage(QWidget):
    """Ask the centre's passphrase and open the workspace."""

    opened = Signal()

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = _title("")
        self.centre = QLabel()
        self.centre.setWordWrap(True)
        self.label = QLabel()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.label.setBuddy(self.passphrase)
        self.open_button = QPushButton()
        self.open_button.setDefault(True)
        self.message = MessageArea()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.centre)
        layout.addWidget(self.label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.open_button)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.open_button.clicked.connect(self.unlock)
        self.passphrase.returnPressed.connect(self.unlock)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Ouvrir la console du centre"))
        try:
            ident = self.context.home.identity()
            self.centre.setText(
                self.tr("Centre {id} « {name} » — clé {key}").format(
                    id=ident.centre_id, name=ident.name, key=ident.key_id
                )
            )
        except InvalidInput:
            self.centre.setText("")
        self.label.setText(self.tr("&Phrase secrète du centre"))
        self.passphrase.setAccessibleName(self.tr("Phrase secrète du centre"))
        self.open_button.setText(self.tr("&Ouvrir"))
        self.open_button.setAccessibleName(self.tr("Ouvrir la console"))

    def unlock(self) -> None:
        """Unlock with the typed passphrase, off the GUI thread."""
        ctx = self.context
        secret = self.passphrase.text()
        self.open_button.setEnabled(False)
        ctx.jobs.run(
            lambda _p: Workspace.open(ctx.home, secret, now=ctx.now, kdf=ctx.kdf),
            self._opened,
            self._failed,
        )

    def _opened(self, ws: Workspace) -> None:
        self.context.workspace = ws
        self.passphrase.clear()
        self.open_button.setEnabled(True)
        self.message.clear_message()
        self.opened.emit()

    def _failed(self, exc: BaseException) -> None:
        self.open_button.setEnabled(True)
        self.passphrase.selectAll()
        self.message.show_exception(exc)
