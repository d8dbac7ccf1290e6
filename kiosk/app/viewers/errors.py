"""The one error a viewer raises: an attachment it cannot show (missing, damaged, unsupported)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.core.errors import InvalidInput

# Reasons, in French, marked for translation; UnreadableAttachment.for_file translates them.
MISSING = str(QT_TRANSLATE_NOOP("AttachmentViewer", "le fichier est introuvable ou illisible"))
DAMAGED = str(QT_TRANSLATE_NOOP("AttachmentViewer", "le fichier est endommagé"))
UNSUPPORTED = str(
    QT_TRANSLATE_NOOP("AttachmentViewer", "ce type de fichier n'est pas pris en charge")
)
TOO_LARGE = str(
    QT_TRANSLATE_NOOP("AttachmentViewer", "le fichier est trop grand pour être affiché")
)
EMPTY = str(QT_TRANSLATE_NOOP("AttachmentViewer", "le fichier ne contient aucune donnée"))
NOT_TEXT = str(QT_TRANSLATE_NOOP("AttachmentViewer", "ce n'est pas un fichier texte"))
NOT_WORKBOOK = str(QT_TRANSLATE_NOOP("AttachmentViewer", "ce n'est pas un classeur valide"))
NOT_IMAGE = str(
    QT_TRANSLATE_NOOP("AttachmentViewer", "l'image est endommagée ou d'un format inconnu")
)
NOT_PDF = str(QT_TRANSLATE_NOOP("AttachmentViewer", "ce n'est pas un document PDF valide"))
PDF_LOCKED = str(
    QT_TRANSLATE_NOOP("AttachmentViewer", "le document PDF est protégé par un mot de passe")
)
NOT_ZIP = str(QT_TRANSLATE_NOOP("AttachmentViewer", "ce n'est pas une archive ZIP valide"))


class UnreadableAttachment(InvalidInput):
    """An attachment that cannot be shown; the message is for the candidate, in the UI language."""

    @staticmethod
    def for_file(path: Path, reason: str) -> UnreadableAttachment:
        """Build the candidate-facing message for ``path`` and one of this module's reasons."""
        template = QCoreApplication.translate(
            "AttachmentViewer",
            "Impossible d'afficher « {name} » : {reason}. "
            "Prévenez le surveillant avec « Signaler un problème » (le fichier ne s'ouvre pas).",
        )
        reason_text = QCoreApplication.translate("AttachmentViewer", reason)
        return UnreadableAttachment(template.format(name=path.name, reason=reason_text))
