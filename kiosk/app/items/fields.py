"""QROC (one labelled field) and QROCM-ind / QROCM-dep (several labelled fields)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.app.items.base import ItemWidget
from kiosk.core.items import Answer, InputField

MAX_ANSWER_LENGTH = 500


class _FieldsItem(ItemWidget):
    """Shared layout: each field is a label above a line edit, so long labels reflow at any zoom."""

    def _fields(self) -> tuple[InputField, ...]:
        return self.item.fields

    def _build_answer_area(self) -> QWidget:
        box = QGroupBox(QCoreApplication.translate("ItemWidget", "Votre réponse"), self)
        box.setAccessibleName(QCoreApplication.translate("ItemWidget", "Votre réponse"))
        layout = QVBoxLayout(box)
        self.edits: dict[str, QLineEdit] = {}
        for field in self._fields():
            label = QLabel(field.label, box)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            edit = QLineEdit(box)
            edit.setMaxLength(MAX_ANSWER_LENGTH)
            edit.setAccessibleName(field.label)
            if field.placeholder:
                edit.setPlaceholderText(field.placeholder)
            if field.numeric:
                edit.setInputMethodHints(
                    Qt.InputMethodHint.ImhFormattedNumbersOnly
                    | Qt.InputMethodHint.ImhNoPredictiveText
                )
                edit.setAccessibleDescription(
                    QCoreApplication.translate(
                        "ItemWidget", "Réponse attendue : un nombre (virgule décimale acceptée)."
                    )
                )
                hint = QLabel(
                    QCoreApplication.translate(
                        "ItemWidget", "Saisissez un nombre, par exemple 12,5."
                    ),
                    box,
                )
                hint.setWordWrap(True)
                hint.setProperty("role", "hint")
            else:
                edit.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText)
                hint = None
            label.setBuddy(edit)
            edit.textChanged.connect(self._emit_changed)
            edit.returnPressed.connect(self.submit_requested)
            layout.addWidget(label)
            layout.addWidget(edit)
            if hint is not None:
                layout.addWidget(hint)
            self.edits[field.name] = edit
        return box

    def focus_first_input(self) -> None:
        """Focus the first empty field, else the first field."""
        edits = list(self.edits.values())
        empty = [e for e in edits if not e.text()]
        target = empty[0] if empty else (edits[0] if edits else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _emit_changed(self, _text: str) -> None:
        if not getattr(self, "_restoring", False):
            self.changed.emit()

    def _fill(self, values: dict[str, str]) -> None:
        self._restoring = True
        try:
            for name, edit in self.edits.items():
                edit.setText(values.get(name, ""))
        finally:
            self._restoring = False


class QrocWidget(_FieldsItem):
    """QROC: one field (the item's, or « Réponse »); numeric items get number input hints."""

    def _fields(self) -> tuple[InputField, ...]:
        if self.item.fields:
            return self.item.fields[:1]
        return (
            InputField(name="answer", label=QCoreApplication.translate("ItemWidget", "Réponse")),
        )

    def answer(self) -> Answer | None:
        """The text typed, as typed; None when blank."""
        text = next(iter(self.edits.values())).text()
        return text if text.strip() else None

    def set_answer(self, answer: Answer | None) -> None:
        """Put ``answer`` (a string) back in the field; None clears."""
        name = next(iter(self.edits))
        self._fill({name: answer} if isinstance(answer, str) else {})


class QrocmWidget(_FieldsItem):
    """QROCM-ind and QROCM-dep: one field per name; the answer maps names to texts."""

    def answer(self) -> Answer | None:
        """``{"name": "text", ...}`` with every field (blank ones as ""); None when all are blank."""
        values = {name: edit.text() for name, edit in self.edits.items()}
        return values if any(v.strip() for v in values.values()) else None

    def set_answer(self, answer: Answer | None) -> None:
        """Fill the fields named in ``answer``; None clears them all."""
        self._fill({str(k): str(v) for k, v in answer.items()} if isinstance(answer, dict) else {})
