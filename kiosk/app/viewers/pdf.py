"""PDF viewer on QtPdf: page navigation and zoom, entirely inside the kiosk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.app.viewers import errors
from kiosk.app.viewers.errors import UnreadableAttachment

ZOOM_FACTORS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


def load_pdf(path: Path, parent: QWidget) -> QPdfDocument:
    """Open a PDF document.

    Raises:
        UnreadableAttachment: missing, damaged or password-protected.
    """
    if not path.is_file():
        raise UnreadableAttachment.for_file(path, errors.MISSING)
    document = QPdfDocument(parent)
    status = document.load(str(path))
    if status == QPdfDocument.Error.IncorrectPassword:
        raise UnreadableAttachment.for_file(path, errors.PDF_LOCKED)
    if status != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise UnreadableAttachment.for_file(path, errors.NOT_PDF)
    return document


class PdfViewer(QWidget):
    """One page at a time with previous/next buttons (and Page Up/Down), zoom and fit-to-width."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = load_pdf(path, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setAccessibleName(QCoreApplication.translate("AttachmentViewer", "Document PDF"))
        self.view.setAccessibleDescription(path.name)

        def button(text: str, name: str) -> QPushButton:
            widget = QPushButton(text, self)
            widget.setAccessibleName(name)
            return widget

        self.previous = button(
            QCoreApplication.translate("AttachmentViewer", "◀ Page précédente"),
            QCoreApplication.translate("AttachmentViewer", "Page précédente"),
        )
        self.next = button(
            QCoreApplication.translate("AttachmentViewer", "Page suivante ▶"),
            QCoreApplication.translate("AttachmentViewer", "Page suivante"),
        )
        self.zoom_out = button(
            QCoreApplication.translate("AttachmentViewer", "Zoom −"),
            QCoreApplication.translate("AttachmentViewer", "Réduire le document"),
        )
        self.zoom_in = button(
            QCoreApplication.translate("AttachmentViewer", "Zoom +"),
            QCoreApplication.translate("AttachmentViewer", "Agrandir le document"),
        )
        self.fit = button(
            QCoreApplication.translate("AttachmentViewer", "Pleine largeur"),
            QCoreApplication.translate("AttachmentViewer", "Ajuster à la largeur"),
        )
        self.page_label = QLabel(self)
        self.previous.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.zoom_in.clicked.connect(lambda: self.step_zoom(1))
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.fit.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.view.pageNavigator().currentPageChanged.connect(self._update_page)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_PageDown), lambda: self.go_to(self.current_page() + 1)),
            (QKeySequence(Qt.Key.Key_PageUp), lambda: self.go_to(self.current_page() - 1)),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        tools = QHBoxLayout()
        for widget in (
            self.previous,
            self.page_label,
            self.next,
            self.zoom_out,
            self.zoom_in,
            self.fit,
        ):
            tools.addWidget(widget)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        self._update_page()

    def page_count(self) -> int:
        """Number of pages."""
        return self.document.pageCount()

    def current_page(self) -> int:
        """0-based index of the page on screen."""
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        """Show page ``page`` (0-based, clamped to the document)."""
        page = max(0, min(self.page_count() - 1, page))
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._update_page()

    def zoom_factor(self) -> float:
        """Current zoom factor (1.0 = 100 %)."""
        return self.view.zoomFactor()

    def step_zoom(self, step: int) -> None:
        """One zoom step up or down (leaves fit-to-width)."""
        current = self.view.zoomFactor()
        if step > 0:
            factor = next((f for f in ZOOM_FACTORS if f > current + 1e-6), ZOOM_FACTORS[-1])
        else:
            factor = next(
                (f for f in reversed(ZOOM_FACTORS) if f < current - 1e-6), ZOOM_FACTORS[0]
            )
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)

    def _update_page(self) -> None:
        text = QCoreApplication.translate("AttachmentViewer", "Page {page} sur {count}").format(
            page=self.current_page() + 1, count=self.page_count()
        )
        self.page_label.setText(text)
        self.page_label.setAccessibleName(text)
        self.previous.setEnabled(self.current_page() > 0)
        self.next.setEnabled(self.current_page() < self.page_count() - 1)
