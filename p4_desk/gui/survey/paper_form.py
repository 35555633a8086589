"""Typing in a paper IKM questionnaire at the supervisor's desk, keyboard first.

The officer types the ticket number printed on the form (today's, e.g. ``A017``) and presses
Enter, or leaves it empty and picks the service for an anonymous form; then one digit 1–4 per
element: each digit ticks that row and moves to the next, so the nine answers are nine key
presses, and Enter saves ("Simpan dan isi berikutnya" clears the form for the next paper).
A refused form keeps every answer; the service's Indonesian message shows under the field it
is about (the ticket, the service, or the first unanswered element) and goes once that field is
changed. Closing with a typed ticket or answers asks first (``gui.common.form_guard``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.ikm import ELEMENTS
from p4_desk.errors import P4Error
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.feedback import error_text
from p4_desk.gui.common.form_guard import FormGuard, GuardedDialog
from p4_desk.gui.common.tasks import run_task
from p4_desk.services import catalog, surveys
from p4_desk.services.surveys import SurveyInfo

ERROR_STYLE = "color: #B00020;"
SAVED_STYLE = "color: #1B5E20; font-weight: bold;"
SCORE_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4}


class ScoreRow(QWidget):
    """One element: four radio buttons. A digit 1–4 ticks one and asks to move on."""

    answered = Signal(str)  # the element code, after a digit was typed
    value_changed = Signal()  # the score changed (the form guard watches it)

    def __init__(
        self,
        code: str,
        name: str,
        labels: list[str],
        name_width: int,
        score_width: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.code = code
        self.setObjectName(f"row_{code}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setProperty("current", False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 2, 6, 2)
        column.setSpacing(0)
        line = QHBoxLayout()
        self.name = QLabel(f"{code}  {name}")
        self.name.setFixedWidth(name_width)
        line.addWidget(self.name)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        for score, label in enumerate(labels, start=1):
            button = QRadioButton(f"{score} {label}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the row holds the focus, digits pick
            button.setFixedWidth(score_width)  # the same in every row: columns line up
            self.group.addButton(button, score)
            self.buttons.append(button)
            line.addWidget(button)
        line.addStretch(1)
        self.group.idClicked.connect(lambda _score: self.setFocus())
        self.group.idClicked.connect(lambda _score: self.value_changed.emit())
        column.addLayout(line)
        self.error = QLabel()
        self.error.setObjectName(f"error_{code}")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        column.addWidget(self.error)

    def score(self) -> int | None:
        checked = self.group.checkedId()
        return checked if checked > 0 else None

    def form_value(self) -> int | None:
        return self.score()

    def set_score(self, score: int | None) -> None:
        if score is None:
            self.group.setExclusive(False)  # an exclusive group cannot uncheck its last button
            for button in self.buttons:
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[score - 1].setChecked(True)
        self.value_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in SCORE_KEYS:
            self.set_score(SCORE_KEYS[key])
            self.error.hide()
            self.answered.emit(self.code)
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_0):
            self.set_score(None)
        elif key == Qt.Key.Key_Down:
            self.focusNextChild()
        elif key == Qt.Key.Key_Up:
            self.focusPreviousChild()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._mark(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._mark(False)
        super().focusOutEvent(event)

    def _mark(self, current: bool) -> None:
        self.setProperty("current", current)
        self.style().unpolish(self)
        self.style().polish(self)


class PaperSurveyDialog(GuardedDialog):
    """Enter paper questionnaires one after the other; ``saved`` fires for each stored one."""

    saved = Signal(object)  # SurveyInfo

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_saved: SurveyInfo | None = None
        self.saved_count = 0
        self._busy = False
        self.errors: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("Paper survey form"))
        self.setStyleSheet('ScoreRow[current="true"] { background: #DCEBFA; border-radius: 4px; }')
        column = QVBoxLayout(self)

        hint = QLabel(
            self.tr(
                "Type the ticket number written on the form and press Enter (leave it empty for an "
                "anonymous form and choose the service), then one digit 1–4 for each row. "
                "Enter saves and clears the form for the next paper."
            )
        )
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.form_error = QLabel()
        self.form_error.setObjectName("error_form")
        self.form_error.setStyleSheet(ERROR_STYLE)
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        column.addWidget(self.form_error)

        form = QFormLayout()
        self.ticket = QLineEdit()
        self.ticket.setObjectName("ticket")
        self.ticket.setPlaceholderText("A017")
        self.ticket.setMaxLength(12)
        self.ticket.textChanged.connect(self._ticket_changed)
        self.ticket.textEdited.connect(self._upper_case)
        self.ticket.returnPressed.connect(self._to_answers)
        self.service = QComboBox()
        self.service.setObjectName("service")
        self.service.addItem(self.tr("Not known"), "")
        form.addRow(self.tr("Ticket number"), self._with_error("ticket", self.ticket))
        form.addRow(self.tr("Service (form without ticket)"), self._with_error("service", self.service))
        column.addLayout(form)

        labels = [self.tr("Poor"), self.tr("Fair"), self.tr("Good"), self.tr("Very good")]
        metrics = self.fontMetrics()
        name_width = max(metrics.horizontalAdvance(f"U9  {name}") for name in ELEMENTS.values()) + 16
        score_width = max(metrics.horizontalAdvance(f"4 {label}") for label in labels) + 40
        element = QLabel(self.tr("Element"))
        element.setContentsMargins(6, 8, 6, 0)
        column.addWidget(element)
        self.rows: list[ScoreRow] = []
        for code, name in ELEMENTS.items():
            row = ScoreRow(code, name, labels, name_width, score_width)
            row.answered.connect(self._next_row)
            self.errors[code] = row.error
            self.rows.append(row)
            column.addWidget(row)
        column.addStretch(1)

        self.status = QLabel()
        self.status.setStyleSheet(SAVED_STYLE)
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(lambda: self.save(then_next=False))
        self.save_next_button = QPushButton(self.tr("Save and enter next"))
        self.save_next_button.clicked.connect(lambda: self.save(then_next=True))
        for button in (self.close_button, self.save_button, self.save_next_button):
            button.setAutoDefault(False)  # Enter is handled in keyPressEvent, per focused field
            buttons.addWidget(button)
        column.addLayout(buttons)

        fields: dict[str, QWidget] = {"ticket": self.ticket, "service": self.service}
        fields.update({row.code: row for row in self.rows})
        self.guard = FormGuard(self, fields, self.errors, first=self.ticket)
        run_task(self, lambda: catalog.list_services(ctx.db), self._on_services, self._show_error)
        self.ticket.setFocus()
        self._fit_height()

    def _fit_height(self) -> None:
        """Never shorter than the wrapped texts need at this width. The layout's own minimum
        leaves out wrapped lines, so a short dialog squeezed the ticket field to a sliver."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        width = max(self.width(), self.sizeHint().width())
        needed = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    def _with_error(self, name: str, widget: QWidget) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.errors[name] = error
        return column

    def _on_services(self, services: list[catalog.ServiceInfo]) -> None:
        for service in services:
            self.service.addItem(f"{service.code} — {service.name}", service.code)

    # --- keyboard ---------------------------------------------------------------------------

    def _ticket_changed(self, text: str) -> None:
        # a ticket brings its own service; the combo is for forms without one
        self.service.setEnabled(not text.strip())

    def _upper_case(self, text: str) -> None:
        if text != text.upper():
            cursor = self.ticket.cursorPosition()
            self.ticket.setText(text.upper())
            self.ticket.setCursorPosition(cursor)

    def _to_answers(self) -> None:
        unanswered = [row for row in self.rows if row.score() is None]
        (unanswered or self.rows)[0].setFocus()

    def _next_row(self, code: str) -> None:
        index = next(i for i, row in enumerate(self.rows) if row.code == code)
        if index + 1 < len(self.rows):
            self.rows[index + 1].setFocus()
        else:
            self.save_next_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton):
                focused.click()
            elif focused in (self.ticket, self.service):
                self._to_answers()
            else:
                self.save(then_next=True)
            return
        super().keyPressEvent(event)

    # --- saving -----------------------------------------------------------------------------

    def answers(self) -> dict[str, int]:
        return {row.code: score for row in self.rows if (score := row.score()) is not None}

    def save(self, then_next: bool) -> None:
        if self._busy:
            return
        self._clear_errors()
        ticket = self.ticket.text().strip() or None
        service = None if ticket else (self.service.currentData() or None)
        answers, db, actor = self.answers(), self.ctx.db, self.ctx.actor
        self._set_busy(True)
        run_task(
            self,
            lambda: surveys.record_survey(
                db, answers, ticket=ticket, service=service, channel="paper", actor=actor
            ),
            lambda info: self._on_saved(info, then_next),
            self._on_refused,
        )

    def _on_saved(self, info: SurveyInfo, then_next: bool) -> None:
        self._set_busy(False)
        self.last_saved = info
        self.saved_count += 1
        self.saved.emit(info)
        if self.guard is not None:
            self.guard.mark_clean()
        if not then_next:
            self.accept()
            return
        what = (
            self.tr("Saved for ticket %1.").replace("%1", info.ticket)
            if info.ticket
            else self.tr("Saved as an anonymous form.")
        )
        self.status.setText(
            what + " " + self.tr("Forms entered here: %1.").replace("%1", str(self.saved_count))
        )
        self.clear_form()

    def _on_refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText("")
        self._show_error(exc)
        field = exc.field if isinstance(exc, P4Error) else None
        if field == "ticket":
            self.ticket.setFocus()
            self.ticket.selectAll()
        elif field in ELEMENTS:
            self.rows[list(ELEMENTS).index(field)].setFocus()

    def _show_error(self, exc: BaseException) -> None:
        field = exc.field if isinstance(exc, P4Error) else None
        label = self.errors.get(field or "", self.form_error)
        label.setText(error_text(exc))
        label.show()
        self._fit_height()

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self.form_error):
            label.setText("")
            label.hide()
        self._fit_height()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.save_button, self.save_next_button):
            button.setEnabled(not busy)

    def clear_form(self) -> None:
        """Empty the form for the next paper (the service choice stays: papers come in piles)."""
        self._clear_errors()
        self.ticket.clear()
        for row in self.rows:
            row.set_score(None)
        if self.guard is not None:
            self.guard.mark_clean()
        self.ticket.setFocus()
