"""The survey touch screen (role ``survey``): the citizen rates the service just received.

Idle: shows the ticket just finished at this counter (``ctx.counter``) that has no answer yet,
kept current by a ``LiveQuery`` of ``screens.hall.survey_screen``; without such a ticket the
survey is anonymous. Then nine
questions, one per screen, four big faces each; a tap answers and moves on. A review screen
sends the answers; a thank-you screen returns to idle by itself. A citizen who walks away
half-way is forgotten after a minute.

Sizes are millimetres of the screen (``faces.mm_to_px``) as on the 1280x800 tablet the screen is
made for, and grow with the window beyond it (``size_factor``): on a 1920x1080 monitor at a
counter the type, the buttons and the faces are a third larger (1.35), not a small island.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.ikm import ELEMENTS
from p4_desk.errors import P4Error
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.live import LiveQuery
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.survey.faces import FaceButton, mm_to_px
from p4_desk.services import surveys
from p4_desk.services.queue import TicketInfo
from p4_desk.services.screens.hall import SurveyScreen, survey_screen

log = logging.getLogger(__name__)

THANKS_MS = 6000
ABANDON_MS = 60_000
#: the tablet the millimetre sizes are made for (landscape; a portrait screen is its turn)
DESIGN_SIZE = (1280, 800)


def size_factor(width: int, height: int) -> float:
    """How much larger than on the design tablet everything is drawn in a window of this size
    (never smaller: the millimetres are the least a finger and an eye need)."""
    long_side, short_side = max(DESIGN_SIZE), min(DESIGN_SIZE)
    across, down = (long_side, short_side) if width >= height else (short_side, long_side)
    return max(1.0, min(width / across, height / down))


class SurveyWindow(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket: TicketInfo | None = None  # the ticket offered on the idle screen
        self._rated: TicketInfo | None = None  # the ticket being rated now
        self.answers: dict[str, int] = {}
        self._index = 0
        self.factor = 1.0  # ``size_factor`` of the window now
        self._sized: list[tuple[QWidget, float, bool]] = []  # (widget, font mm, bold)
        self._buttons: list[QPushButton] = []
        self.setWindowTitle(self.tr("Satisfaction survey"))
        self.setObjectName("surveyWindow")
        self.setStyleSheet(
            "#surveyWindow { background: #F4F7FA; }"
            "QLabel#title { color: #12355B; }"
            "QLabel#error { color: #B00020; }"
            "QPushButton { border-radius: 14px; padding: 8px 24px; background: #1D5FA8; color: white; }"
            "QPushButton:disabled { background: #9AA5B1; }"
            "QPushButton#secondary { background: #E4E7EB; color: #1F2933; }"
        )
        self.pages = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.pages)
        self._build_idle()
        self._build_question()
        self._build_review()
        self._build_thanks()

        self.live: LiveQuery[SurveyScreen] | None = None
        if ctx.counter is not None:  # without a counter there is no ticket to offer
            db, counter = ctx.db, ctx.counter
            self.live = LiveQuery(
                self, db, lambda: partial(survey_screen, db, counter), self._on_pending, self._on_poll_error
            )
        self.abandon_timer = QTimer(self)
        self.abandon_timer.setSingleShot(True)
        self.abandon_timer.setInterval(ABANDON_MS)
        self.abandon_timer.timeout.connect(self.show_idle)
        self.thanks_timer = QTimer(self)
        self.thanks_timer.setSingleShot(True)
        self.thanks_timer.setInterval(THANKS_MS)
        self.thanks_timer.timeout.connect(self.show_idle)
        self.show_idle()
        if self.live is not None:
            self.live.start()

    # --- layout -----------------------------------------------------------------------------

    def _px(self, mm: float) -> int:
        return round(mm_to_px(self, mm) * self.factor)

    def _font(self, mm: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(self._px(mm))
        font.setBold(bold)
        return font

    def _sized_font(self, widget: QWidget, mm: float, bold: bool) -> None:
        widget.setFont(self._font(mm, bold))
        self._sized.append((widget, mm, bold))

    def _label(self, name: str, mm: float, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        self._sized_font(label, mm, bold)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def _button(self, text: str, secondary: bool = False) -> QPushButton:
        button = QPushButton(text)
        self._sized_font(button, 6, True)
        self._buttons.append(button)
        self._size_button(button)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        if secondary:
            button.setObjectName("secondary")
        return button

    def _size_button(self, button: QPushButton) -> None:
        button.setMinimumHeight(self._px(18))
        button.setMinimumWidth(self._px(60))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        factor = size_factor(self.width(), self.height())
        if abs(factor - self.factor) < 0.01:
            return
        self.factor = factor
        for widget, mm, bold in self._sized:
            widget.setFont(self._font(mm, bold))
        for button in self._buttons:
            self._size_button(button)
        for face in self.faces:
            face.set_factor(factor)
        self.progress.setFixedHeight(self._px(4))

    def _build_idle(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.idle_title = self._label("title", 10, bold=True)
        self.idle_title.setText(self.tr("Satisfaction survey"))
        self.idle_ticket = self._label("ticket", 8)
        self.idle_hint = self._label("hint", 6)
        self.idle_error = self._label("error", 5)
        self.start_button = self._button(self.tr("Start"))
        self.start_button.clicked.connect(self.start)
        box.addStretch(1)
        for widget in (self.idle_title, self.idle_ticket, self.idle_hint):
            box.addWidget(widget)
        box.addSpacing(mm_to_px(self, 10))
        box.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.idle_error)
        box.addStretch(2)
        self.idle_page = page
        self.pages.addWidget(page)

    def _build_question(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.progress = QProgressBar()
        self.progress.setRange(0, len(ELEMENTS))
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(mm_to_px(self, 4))
        self.question_number = self._label("number", 5)
        self.question_element = self._label("element", 6, bold=True)
        self.question_text = self._label("title", 8, bold=True)
        self.faces = [
            FaceButton(1, self.tr("Poor")),
            FaceButton(2, self.tr("Fair")),
            FaceButton(3, self.tr("Good")),
            FaceButton(4, self.tr("Very good")),
        ]
        self.face_group = QButtonGroup(self)
        self.face_group.setExclusive(True)
        row = QHBoxLayout()
        row.setSpacing(mm_to_px(self, 6))
        row.addStretch(1)
        for face in self.faces:
            self.face_group.addButton(face, face.score)
            row.addWidget(face)
        row.addStretch(1)
        self.face_group.idClicked.connect(self.answer)
        self.back_button = self._button(self.tr("Back"), secondary=True)
        self.back_button.clicked.connect(self.back)
        box.addWidget(self.progress)
        box.addWidget(self.question_number)
        box.addWidget(self.question_element)
        box.addWidget(self.question_text)
        box.addStretch(1)
        box.addLayout(row)
        box.addStretch(1)
        box.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.question_page = page
        self.pages.addWidget(page)

    def _build_review(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.review_title = self._label("title", 9, bold=True)
        self.review_title.setText(self.tr("All nine questions answered"))
        self.review_hint = self._label("hint", 5)
        self.review_hint.setText(self.tr("Send your rating, or go back to change an answer."))
        self.review_error = self._label("error", 5)
        self.submit_button = self._button(self.tr("Send rating"))
        self.submit_button.clicked.connect(self.submit)
        self.change_button = self._button(self.tr("Change answers"), secondary=True)
        self.change_button.clicked.connect(self.back)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.change_button)
        buttons.addSpacing(mm_to_px(self, 10))
        buttons.addWidget(self.submit_button)
        buttons.addStretch(1)
        box.addStretch(1)
        box.addWidget(self.review_title)
        box.addWidget(self.review_hint)
        box.addSpacing(mm_to_px(self, 10))
        box.addLayout(buttons)
        box.addWidget(self.review_error)
        box.addStretch(2)
        self.review_page = page
        self.pages.addWidget(page)

    def _build_thanks(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.thanks_title = self._label("title", 11, bold=True)
        self.thanks_title.setText(self.tr("Thank you!"))
        self.thanks_hint = self._label("hint", 6)
        self.thanks_hint.setText(self.tr("Your rating helps us improve our service."))
        box.addStretch(1)
        box.addWidget(self.thanks_title)
        box.addWidget(self.thanks_hint)
        box.addStretch(1)
        self.thanks_page = page
        self.pages.addWidget(page)

    # --- the texts of the nine questions (PermenPANRB 14/2017 questionnaire) ------------------

    def question(self, code: str) -> str:
        return {
            "U1": self.tr("How well do the requirements match the service you received?"),
            "U2": self.tr("How easy was the service procedure here?"),
            "U3": self.tr("How fast was the service?"),
            "U4": self.tr("How fair was the fee or tariff of the service?"),
            "U5": self.tr("How well did the result match what the service standard promises?"),
            "U6": self.tr("How competent were the officers who served you?"),
            "U7": self.tr("How polite and friendly were the officers?"),
            "U8": self.tr("How well are complaints, suggestions and feedback handled?"),
            "U9": self.tr("How good are the facilities and infrastructure?"),
        }[code]

    # --- idle and polling -------------------------------------------------------------------

    def show_idle(self, error: str | None = None) -> None:
        self.thanks_timer.stop()
        self.abandon_timer.stop()
        self.answers = {}
        self._rated = None
        self.idle_error.setText(error or "")
        self._show_offer()
        self.pages.setCurrentWidget(self.idle_page)

    def _show_offer(self) -> None:
        if self.ticket is not None:
            self.idle_ticket.setText(
                self.tr("Ticket %1 — %2")
                .replace("%1", self.ticket.number)
                .replace("%2", self.ticket.service_name)
            )
            self.idle_hint.setText(self.tr("How was our service? Please tap Start."))
        else:
            self.idle_ticket.setText("")
            self.idle_hint.setText(self.tr("Help us improve: rate our service anonymously."))

    def poll(self) -> None:
        """Look for a newly finished ticket now (the live query does it after every change)."""
        if self.live is not None:
            self.live.refresh()

    refresh = poll

    def _on_pending(self, screen: SurveyScreen) -> None:
        self.ticket = screen.ticket
        if self.pages.currentWidget() is self.idle_page:
            self._show_offer()

    def _on_poll_error(self, exc: BaseException) -> None:
        if isinstance(exc, P4Error):
            self.idle_error.setText(exc.message)
        else:
            log.error("survey screen poll failed", exc_info=exc)

    # --- answering --------------------------------------------------------------------------

    def start(self) -> None:
        self._rated = self.ticket
        self.answers = {}
        self._show_question(0)

    def _codes(self) -> list[str]:
        return list(ELEMENTS)

    def _show_question(self, index: int) -> None:
        code = self._codes()[index]
        self._index = index
        self.progress.setValue(index)
        self.question_number.setText(
            self.tr("Question %1 of %2").replace("%1", str(index + 1)).replace("%2", str(len(ELEMENTS)))
        )
        self.question_element.setText(f"{code} · {ELEMENTS[code]}")
        self.question_text.setText(self.question(code))
        self.face_group.setExclusive(False)
        for face in self.faces:
            face.setChecked(self.answers.get(code) == face.score)
        self.face_group.setExclusive(True)
        self.pages.setCurrentWidget(self.question_page)
        self.abandon_timer.start()

    def answer(self, score: int) -> None:
        self.answers[self._codes()[self._index]] = score
        if self._index + 1 < len(ELEMENTS):
            self._show_question(self._index + 1)
        else:
            self.progress.setValue(len(ELEMENTS))
            self.review_error.setText("")
            self.submit_button.setEnabled(True)
            self.pages.setCurrentWidget(self.review_page)
            self.abandon_timer.start()

    def back(self) -> None:
        if self.pages.currentWidget() is self.review_page:
            self._show_question(len(ELEMENTS) - 1)
        elif self._index > 0:
            self._show_question(self._index - 1)
        else:
            self.show_idle()

    def submit(self) -> None:
        self.submit_button.setEnabled(False)
        self.abandon_timer.stop()
        answers, ticket, counter = dict(self.answers), self._rated, self.ctx.counter
        run_task(
            self,
            lambda: surveys.record_survey(
                self.ctx.db,
                answers,
                ticket=ticket.id if ticket else None,
                counter=None if ticket else counter,
                channel="screen",
                actor=self.ctx.actor,
            ),
            self._on_submitted,
            self._on_submit_error,
        )

    def _on_submitted(self, _info: Any) -> None:
        if self._rated is not None and self.ticket is not None and self.ticket.id == self._rated.id:
            self.ticket = None  # answered: never offered again
        self.pages.setCurrentWidget(self.thanks_page)
        self.thanks_timer.start()
        self.refresh()

    def _on_submit_error(self, exc: BaseException) -> None:
        if isinstance(exc, P4Error):
            if self._rated is not None and self.ticket is not None and self.ticket.id == self._rated.id:
                self.ticket = None
            self.show_idle(exc.message)
            self.refresh()
        else:
            log.error("survey could not be saved", exc_info=exc)
            self.submit_button.setEnabled(True)
            self.review_error.setText(self.tr("The rating could not be saved. Please tell the officer."))

    def closeEvent(self, event: Any) -> None:
        if self.live is not None:
            self.live.stop()
        super().closeEvent(event)
