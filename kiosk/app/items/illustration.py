"""An item's illustration: the image fitted to the width, its alt text on request, a zoomed view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.viewers.factory import AttachmentDialog
from kiosk.core.items import Illustration

MAX_HEIGHT = 360


class FittedImage(QWidget):
    """Paints a pixmap scaled down to the available width (never up), keeping its aspect ratio."""

    def __init__(self, pixmap: QPixmap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pixmap = pixmap
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        """Height follows width."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Height of the image drawn at ``width``."""
        return self._target(width).height()

    def sizeHint(self) -> QSize:
        """The image's own size (capped in height)."""
        return self._target(self.pixmap.width())

    def minimumSizeHint(self) -> QSize:
        """Small enough to let text reflow at large zoom."""
        return QSize(80, 40)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the scaled image, left-aligned."""
        target = self._target(self.width())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(0, 0, target.width(), target.height(), self.pixmap)

    def _target(self, width: int) -> QSize:
        size = self.pixmap.size()
        if size.isEmpty():
            return QSize(0, 0)
        return size.scaled(
            min(width, size.width()),
            min(MAX_HEIGHT, size.height()),
            Qt.AspectRatioMode.KeepAspectRatio,
        )


class IllustrationView(QWidget):
    """The image with its alt text as accessible name, a "show description" toggle and a zoom button."""

    opened = Signal(QDialog)

    def __init__(
        self, illustration: Illustration, media_root: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = media_root / illustration.file
        self.alt = illustration.alt
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        pixmap = QPixmap(str(self.path)) if self.path.is_file() else QPixmap()
        self.image: FittedImage | None = None
        if pixmap.isNull():
            self.missing = QLabel(
                QCoreApplication.translate(
                    "ItemWidget", "L'image ne s'affiche pas. Sa description est ci-dessous."
                ),
                self,
            )
            self.missing.setWordWrap(True)
            self.missing.setProperty("role", "error")
            layout.addWidget(self.missing)
        else:
            self.image = FittedImage(pixmap, self)
            self.image.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.image.setAccessibleName(illustration.alt)
            self.image.setAccessibleDescription(illustration.alt)
            layout.addWidget(self.image)

        self.alt_label = QLabel(
            QCoreApplication.translate("ItemWidget", "Description de l'image : {alt}").format(
                alt=illustration.alt
            ),
            self,
        )
        self.alt_label.setWordWrap(True)
        self.alt_label.setProperty("role", "alt-text")
        self.alt_label.setAccessibleName(illustration.alt)
        layout.addWidget(self.alt_label)

        buttons = QHBoxLayout()
        self.toggle = QPushButton(self)
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._show_alt)
        buttons.addWidget(self.toggle)
        self.zoom: QPushButton | None = None
        if self.image is not None:
            self.zoom = QPushButton(
                QCoreApplication.translate("ItemWidget", "Agrandir l'image"), self
            )
            self.zoom.setAccessibleName(
                QCoreApplication.translate("ItemWidget", "Agrandir l'image")
            )
            self.zoom.setAccessibleDescription(illustration.alt)
            self.zoom.clicked.connect(self._open_zoomed)
            buttons.addWidget(self.zoom)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # A missing image shows its description at once: the candidate needs it to answer.
        self._show_alt(self.image is None)
        self.toggle.setChecked(self.image is None)
        self.dialog: AttachmentDialog | None = None

    def alt_visible(self) -> bool:
        """Whether the description is shown on screen."""
        return not self.alt_label.isHidden()

    def _show_alt(self, visible: bool) -> None:
        self.alt_label.setVisible(visible)
        text = (
            QCoreApplication.translate("ItemWidget", "Masquer la description de l'image")
            if visible
            else QCoreApplication.translate("ItemWidget", "Afficher la description de l'image")
        )
        self.toggle.setText(text)
        self.toggle.setAccessibleName(text)

    def _open_zoomed(self) -> None:
        self.dialog = AttachmentDialog(self.path, self.alt, self, alt=self.alt)
        self.dialog.open()
        self.opened.emit(self.dialog)
