"""A note under a free-text field that holds a NIK or a phone number (UU 27/2022).

Non-blocking: the officer may keep the text (the hall's own record keeps it as typed); the note
says that it will be masked (``1871********0001``, ``****7890``) wherever it leaves the hall or
is printed (``domain.masking``, ``domain.outgoing``). It appears and goes as the text changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from p4_desk.domain.masking import has_personal_numbers

HINT_STYLE = "color: #8a5a00;"


class PersonalNumberHint(QLabel):
    """Shown while ``field``'s text contains a NIK-like or phone-like number."""

    def __init__(self, field: QLineEdit | QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"personal_hint_{field.objectName() or 'text'}")
        self.setWordWrap(True)
        self.setStyleSheet(HINT_STYLE)
        self.setText(
            self.tr("This text contains a NIK/phone number; it will be masked when sent and printed")
        )
        self.hide()
        field.textChanged.connect(self.refresh)

    def refresh(self) -> None:
        text = self.field.toPlainText() if isinstance(self.field, QPlainTextEdit) else self.field.text()
        self.setVisible(has_personal_numbers(text))
