"""Image viewer: zoom with buttons, Ctrl+wheel and the keyboard; the alt text shown beneath."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QImageReader, QKeySequence, QPixmap, QShortcut, QWheelEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.app.viewers import errors
from kiosk.app.viewers.errors import UnreadableAttachment

ZOOM_LEVELS = (25, 50, 75, 100, 125, 150, 200, 300, 400)


def load_pixmap(path: Path) -> QPixmap:
    """Read an image file.

    Raises:
        UnreadableAttachment: missing, damaged or not an image.
    """
    if not path.is_file():
        raise UnreadableAttachment.for_file(path, errors.MISSING)
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        raise UnreadableAttachment.for_file(path, errors.NOT_IMAGE)
    return QPixmap.fromImage(image)


class ImageViewer(QWidget):
    """A zoomable image in a scroll area, with its description (alt text) always readable."""

    def __init__(self, path: Path, parent: QWidget | None = None, alt: str = "") -> None:
        super().__init__(parent)
        self._pixmap = load_pixmap(path)
        self._zoom = 100

        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(alt or path.name)
        self.image.setAccessibleDescription(alt)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("imageScroll")
        self.scroll_area.setWidget(self.image)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.scroll_area.setAccessibleName(QCoreApplication.translate("AttachmentViewer", "Image"))
        self.scroll_area.setAccessibleDescription(alt)
        self.scroll_area.viewport().installEventFilter(self)

        self.zoom_out = QPushButton(QCoreApplication.translate("AttachmentViewer", "Zoom −"), self)
        self.zoom_out.setAccessibleName(
            QCoreApplication.translate("AttachmentViewer", "Réduire l'image")
        )
        self.zoom_in = QPushButton(QCoreApplication.translate("AttachmentViewer", "Zoom +"), self)
        self.zoom_in.setAccessibleName(
            QCoreApplication.translate("AttachmentViewer", "Agrandir l'image")
        )
        self.actual = QPushButton(
            QCoreApplication.translate("AttachmentViewer", "Taille réelle"), self
        )
        self.actual.setAccessibleName(
            QCoreApplication.translate("AttachmentViewer", "Taille réelle")
        )
        self.zoom_label = QLabel(self)
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in.clicked.connect(lambda: self.step_zoom(1))
        self.actual.clicked.connect(lambda: self.set_zoom(100))
        for keys, step in (
            (QKeySequence.StandardKey.ZoomIn, 1),
            (QKeySequence.StandardKey.ZoomOut, -1),
            (QKeySequence("Ctrl+="), 1),
            (QKeySequence("+"), 1),
            (QKeySequence("-"), -1),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.step_zoom(step))
        reset = QShortcut(QKeySequence("Ctrl+0"), self)
        reset.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reset.activated.connect(lambda: self.set_zoom(100))

        tools = QHBoxLayout()
        tools.addWidget(self.zoom_out)
        tools.addWidget(self.zoom_in)
        tools.addWidget(self.actual)
        tools.addWidget(self.zoom_label)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.scroll_area, 1)
        if alt:
            self.alt_label = QLabel(
                QCoreApplication.translate("AttachmentViewer", "Description : {alt}").format(
                    alt=alt
                ),
                self,
            )
            self.alt_label.setWordWrap(True)
            self.alt_label.setProperty("role", "alt-text")
            layout.addWidget(self.alt_label)
        self._render()

    def zoom(self) -> int:
        """Current zoom in percent."""
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        """Show the image at ``percent`` of its size (clamped to the zoom levels' range)."""
        self._zoom = max(ZOOM_LEVELS[0], min(ZOOM_LEVELS[-1], percent))
        self._render()

    def step_zoom(self, step: int) -> None:
        """One zoom level up (``step`` > 0) or down."""
        if step > 0:
            bigger = [z for z in ZOOM_LEVELS if z > self._zoom]
            self.set_zoom(bigger[0] if bigger else ZOOM_LEVELS[-1])
        else:
            smaller = [z for z in ZOOM_LEVELS if z < self._zoom]
            self.set_zoom(smaller[-1] if smaller else ZOOM_LEVELS[0])

    def shown_size(self) -> tuple[int, int]:
        """Size in pixels of the image as displayed."""
        pixmap = self.image.pixmap()
        return (pixmap.width(), pixmap.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+wheel zooms; a plain wheel scrolls."""
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            delta = event.angleDelta().y()
            if delta:
                self.step_zoom(1 if delta > 0 else -1)
            return True
        return super().eventFilter(watched, event)

    def _render(self) -> None:
        size = self._pixmap.size() * (self._zoom / 100.0)
        self.image.setPixmap(
            self._pixmap.scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        self.zoom_label.setText(f"{self._zoom} %")
        self.zoom_label.setAccessibleName(
            QCoreApplication.translate("AttachmentViewer", "Zoom : {percent} %").format(
                percent=self._zoom
            )
        )
        self.zoom_in.setEnabled(self._zoom < ZOOM_LEVELS[-1])
        self.zoom_out.setEnabled(self._zoom > ZOOM_LEVELS[0])
