"""The supervisor asks to see a confidential reporter's identity, stating why (audited).

The identity is shown in this dialog only, after ``services.privacy.reveal_reporter`` has
recorded who asked, when and why; it is never put in the complaint list or the detail line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.feedback import error_text
from p4_desk.gui.common.tasks import run_task
from p4_desk.services import privacy
from p4_desk.services.privacy import RevealedReporter


class RevealReporterDialog(QDialog):
    def __init__(self, ctx: AppContext, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.number = ctx, number
        self.setWindowTitle(self.tr("Reporter's identity"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The reporter of %1 asked to stay confidential. State why you need their identity: "
                "your request and the reason are recorded in the audit log."
            ).replace("%1", number)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reason = QLineEdit()
        self.reason.setObjectName("reveal_reason")
        self.reason.setPlaceholderText(self.tr("Reason (e.g. to call the reporter about the answer)"))
        layout.addWidget(self.reason)
        self.message = QLabel()
        self.message.setStyleSheet("color: #B00020;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.identity = QLabel()
        self.identity.setObjectName("revealed_identity")
        self.identity.setTextFormat(Qt.TextFormat.PlainText)
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.identity.setWordWrap(True)
        layout.addWidget(self.identity)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.show_button = QPushButton(self.tr("Show identity"))
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.show_button.clicked.connect(self.reveal)
        self.reason.returnPressed.connect(self.reveal)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def reveal(self) -> None:
        self.message.setText("")
        db, actor, number, reason = self.ctx.db, self.ctx.actor, self.number, self.reason.text()
        run_task(self, lambda: privacy.reveal_reporter(db, number, reason, actor), self._shown, self._failed)

    def _shown(self, found: RevealedReporter) -> None:
        lines = [
            self.tr("Name: %1").replace("%1", found.name or "-"),
            self.tr("Phone: %1").replace("%1", found.phone or "-"),
            self.tr("E-mail: %1").replace("%1", found.email or "-"),
        ]
        self.identity.setText("\n".join(lines))
        self.reason.setEnabled(False)
        self.show_button.setEnabled(False)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))
