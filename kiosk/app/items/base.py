"""What every item widget shares: the instruction, the illustration, the attachments, the answer API."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from kiosk.app.items.attachments import AttachmentBar
from kiosk.app.items.illustration import IllustrationView
from kiosk.core.items import Answer, Item


class ItemWidget(QWidget):
    """Renders one Item and reports the candidate's answer; holds no exam rule.

    Subclasses build the answer area (``_build_answer_area``) and implement ``answer``,
    ``set_answer`` and ``focus_first_input``.

    Signals:
        changed: the answer on screen changed (typing, ticking, choosing).
        submit_requested: Enter pressed in a text field (the screen decides what it means).
        attachment_opened(QDialog): a viewer window was opened (shown with ``open()``).
    """

    changed = Signal()
    submit_requested = Signal()
    attachment_opened = Signal(QDialog)

    def __init__(self, item: Item, media_root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.media_root = media_root
        self.setAccessibleName(QCoreApplication.translate("ItemWidget", "Question"))

        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        self.instruction = QLabel(item.instruction.strip(), self)
        self.instruction.setTextFormat(Qt.TextFormat.PlainText)
        self.instruction.setWordWrap(True)
        self.instruction.setProperty("role", "instruction")
        self.instruction.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.instruction.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.instruction.setAccessibleName(QCoreApplication.translate("ItemWidget", "Consigne"))
        self.instruction.setAccessibleDescription(item.instruction.strip())
        layout.addWidget(self.instruction)

        self.illustration: IllustrationView | None = None
        if item.illustration is not None:
            self.illustration = IllustrationView(item.illustration, media_root, self)
            self.illustration.opened.connect(self.attachment_opened)
            layout.addWidget(self.illustration)

        self.attachments: AttachmentBar | None = None
        if item.attachments:
            self.attachments = AttachmentBar(item.attachments, media_root, self)
            self.attachments.opened.connect(self.attachment_opened)
            layout.addWidget(self.attachments)

        layout.addWidget(self._build_answer_area())
        layout.addStretch(1)

    def answer(self) -> Answer | None:
        """The answer on screen in the shape of ``kiosk.core.items.Answer``, or None if nothing given."""
        raise NotImplementedError

    def set_answer(self, answer: Answer | None) -> None:
        """Put a previously saved answer back on screen (None clears it); emits no ``changed``."""
        raise NotImplementedError

    def is_empty(self) -> bool:
        """Whether the candidate has given nothing yet."""
        return self.answer() is None

    def focus_first_input(self) -> None:
        """Give keyboard focus to the first answer control."""
        raise NotImplementedError

    def _build_answer_area(self) -> QWidget:
        raise NotImplementedError
