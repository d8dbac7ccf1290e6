"""Plain-text and saved-HTML viewer: nothing is ever fetched from the network, no script runs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from kiosk.app.viewers import errors
from kiosk.app.viewers.errors import UnreadableAttachment
from kiosk.app.viewers.sheets import decode_text

MAX_TEXT_BYTES = 5 * 1024 * 1024
_SCRIPT = re.compile(r"<(script|iframe|object|embed)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_LONE_TAG = re.compile(r"<(script|iframe|object|embed)\b[^>]*/?>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)


def read_text_file(path: Path) -> str:
    """Read a text or HTML attachment, honouring an HTML ``<meta charset>`` when present.

    Raises:
        UnreadableAttachment: missing, too large, or binary.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableAttachment.for_file(path, errors.MISSING) from exc
    if len(data) > MAX_TEXT_BYTES:
        raise UnreadableAttachment.for_file(path, errors.TOO_LARGE)
    if b"\x00" in data[:4096]:
        raise UnreadableAttachment.for_file(path, errors.NOT_TEXT)
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii")).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


def without_active_content(html: str) -> str:
    """Remove scripts, frames and embedded objects from saved HTML."""
    return _LONE_TAG.sub("", _SCRIPT.sub("", html))


class OfflineBrowser(QTextBrowser):
    """A QTextBrowser that follows only in-page anchors and loads only files beside the document."""

    link_refused = Signal(str)

    def __init__(self, base_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = base_dir.resolve()
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow)
        self.refused: list[str] = []

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        """Local images and style sheets next to the page only; anything remote is refused."""
        qurl = QUrl(url) if isinstance(url, str) else url
        if qurl.scheme() not in ("", "file"):
            self.refused.append(qurl.toString())
            return None
        local = Path(qurl.toLocalFile() if qurl.scheme() == "file" else qurl.path())
        target = (local if local.is_absolute() else self._base / local).resolve()
        if not target.is_relative_to(self._base) or not target.is_file():
            self.refused.append(qurl.toString())
            return None
        return super().loadResource(kind, QUrl.fromLocalFile(str(target)))

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "" and url.path() == "" and url.hasFragment():
            self.scrollToAnchor(url.fragment())
            return
        self.refused.append(url.toString())
        self.link_refused.emit(url.toString())


class TextViewer(QWidget):
    """Shows a .txt as plain text or an .html page as rich text, offline."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = read_text_file(path)
        self.browser = OfflineBrowser(path.parent, self)
        self.browser.setAccessibleName(
            QCoreApplication.translate("AttachmentViewer", "Contenu du document")
        )
        self.browser.setAccessibleDescription(path.name)
        notice = QLabel(
            QCoreApplication.translate(
                "AttachmentViewer",
                "Les liens vers d'autres pages ou sites sont désactivés dans le kiosque.",
            ),
            self,
        )
        notice.setWordWrap(True)
        notice.setProperty("role", "hint")
        notice.setVisible(False)
        self.browser.link_refused.connect(lambda _url: notice.setVisible(True))
        self.notice = notice
        if path.suffix.lower() in (".html", ".htm"):
            document = self.browser.document()
            document.setBaseUrl(QUrl.fromLocalFile(str(path.parent.resolve()) + "/"))
            self.browser.setHtml(without_active_content(content))
        else:
            self.browser.setPlainText(content)
            self.browser.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        layout = QVBoxLayout(self)
        layout.addWidget(notice)
        layout.addWidget(self.browser, 1)

    def text(self) -> str:
        """The document's text as shown."""
        return self.browser.document().toPlainText()

    def document(self) -> QTextDocument:
        """The displayed document."""
        return self.browser.document()
