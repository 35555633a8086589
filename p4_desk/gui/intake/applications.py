"""Find an application (number, NIK, name, phone), see its history, move it on, hand it over.

The chosen application is shown by ``application_panel`` (details, history, the boxes of the
next status, the deadline clock of ``clock_box``: stop, resume, restart, and the hand-over to a
representative of ``handover``); this dialog searches, lists and runs the steps. The
fiktif-positif badge lists the applications of permit types deemed approved when the deadline
passes, near, at or past it (``deadlines``).
The note and hand-over fields behave as every form (``gui.common.form_guard``): closing the
dialog with typed text there asks first; Enter in the hand-over fields hands over.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.permit_clock import ClockAction
from p4_desk.domain.wording import format_date
from p4_desk.errors import P4Error
from p4_desk.gui.app.placement import resize_within_screen
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.form_guard import FormGuard, GuardedDialog
from p4_desk.gui.common.tables import read_only_table
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.intake.application_panel import ApplicationPanel
from p4_desk.gui.intake.clock_box import ClockRequest
from p4_desk.gui.intake.form import named
from p4_desk.gui.intake.receipt_print import ReceiptPreview, archive_receipt
from p4_desk.services import applications
from p4_desk.services.applications import ApplicationInfo, ApplicationSummary, DeadlineWarningEntry

log = logging.getLogger(__name__)


class ApplicationsDialog(GuardedDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.found: list[str] = []  # the registration numbers listed, in order
        self.warnings: list[DeadlineWarningEntry] = []
        self.current: ApplicationInfo | None = None
        self.preview: ReceiptPreview | None = None
        self.archive_path: Path | None = None
        self.paper = str(ctx.settings.get("printer.receipt_paper") or "A5")
        self.setWindowTitle(self.tr("Permit applications"))
        resize_within_screen(self, 1240, 700)  # a 1366x768 counter PC has a task bar too

        self.query = named(QLineEdit(), "query")
        self.query.setPlaceholderText(self.tr("Registration number, NIK, name or phone"))
        self.search_button = named(QPushButton(self.tr("Search")), "search")
        self.fiktif_button = named(QPushButton(self.tr("Fiktif positif: –")), "fiktif_badge")
        self.fiktif_button.setToolTip(
            self.tr("Applications deemed approved if the deadline passes: near, today or missed")
        )
        self.results = read_only_table(
            [self.tr("Registration no."), self.tr("Applicant"), self.tr("NIK"), self.tr("Permit"),
             self.tr("Status"), self.tr("Due")]
        )  # fmt: skip
        self.panel = ApplicationPanel(lambda: ctx.db.timezone)
        # the panel's fields by the names the dialog's steps, its tests and older callers use
        self.details, self.history = self.panel.details, self.panel.history
        self.next_state, self.note = self.panel.next_state, self.panel.note
        self.move_button, self.reprint_button = self.panel.move_button, self.panel.reprint_button
        self.clock_box, self.handover_form = self.panel.clock_box, self.panel.handover_form
        self.action_tabs = self.panel.action_tabs
        self.handover_nik = self.handover_form.nik
        self.handover_name = self.handover_form.name
        self.handover_button = self.handover_form.button
        self.handover_reason = self.handover_form.reason  # why it cannot be done now
        self.status = named(QLabel(wordWrap=True), "status")

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.search_button)
        top.addWidget(self.fiktif_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(top)
        left_layout.addWidget(self.results, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setSizes([560, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.query.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.results.itemSelectionChanged.connect(self._selected)
        self.move_button.clicked.connect(self.advance)
        self.handover_form.submitted.connect(self.hand_over)
        self.reprint_button.clicked.connect(self.reprint)
        self.clock_box.requested.connect(self.clock_step)
        self.fiktif_button.clicked.connect(self.show_warnings)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter acts where it is typed, below
        self.note.returnPressed.connect(self.advance)
        self.handover_nik.returnPressed.connect(self.handover_name.setFocus)
        self.handover_name.returnPressed.connect(self.hand_over)
        fields = {"note": self.note, "handover_nik": self.handover_nik, "handover_name": self.handover_name}
        self.guard = FormGuard(self, fields, first=self.query)
        self._show(None)
        self.load_warnings()

    # -- search --------------------------------------------------------------------------------

    def search(self) -> None:
        text = self.query.text().strip()
        if not text:
            return
        self.status.setText(self.tr("Searching…"))
        db, actor = self.ctx.db, self.ctx.actor
        run_task(
            self, lambda: applications.search_applications(db, text, actor=actor), self._found, self._failed
        )

    def _found(self, found: list[ApplicationSummary]) -> None:
        rows = [
            (a.registration_number, [a.registration_number, a.applicant_name, a.nik_masked, a.permit_name,
                                     a.state_label, self._due_cell(a)])
            for a in found
        ]  # fmt: skip
        self._list(rows)
        self.status.setText(
            self.tr("{count} application(s) found.").format(count=len(found))
            if found
            else self.tr("No application matches.")
        )

    def _due_cell(self, a: ApplicationSummary) -> str:
        return self.tr("clock stopped") if a.clock_state == "stopped" else format_date(a.due_date)

    def _list(self, rows: list[tuple[str, list[str]]]) -> None:
        self.found = [number for number, _cells in rows]
        self.results.setRowCount(len(rows))
        for row, (_number, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                self.results.setItem(row, column, QTableWidgetItem(text))
        if rows:
            self.results.selectRow(0)
        else:
            self._show(None)

    def _selected(self) -> None:
        rows = self.results.selectionModel().selectedRows()
        if not rows:
            return
        self.load(self.found[rows[0].row()])

    # -- fiktif positif ---------------------------------------------------------------------------

    def load_warnings(self) -> None:
        db = self.ctx.db
        run_task(self, lambda: applications.fiktif_positif_warnings(db), self._warnings_loaded, self._failed)

    def _warnings_loaded(self, warnings: list[DeadlineWarningEntry]) -> None:
        self.warnings = warnings
        self.fiktif_button.setText(self.tr("Fiktif positif: {count}").format(count=len(warnings)))
        urgent = any(w.level in ("today", "overdue") for w in warnings)
        self.fiktif_button.setStyleSheet(
            "QPushButton { color: #842029; font-weight: bold; }" if urgent else ""
        )

    def show_warnings(self) -> None:
        """List the fiktif-positif warnings in the results, the most urgent first."""
        self._list(
            [
                (w.registration_number, [w.registration_number, w.applicant_name, w.nik_masked, w.permit_name,
                                         w.state_label, w.label])
                for w in self.warnings
            ]
        )  # fmt: skip
        self.status.setText(
            self.tr("{count} fiktif-positif warning(s).").format(count=len(self.warnings))
            if self.warnings
            else self.tr("No fiktif-positif application is near its deadline.")
        )

    def load(self, number: str) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        run_task(
            self, lambda: applications.get_application(db, number, actor=actor), self._show, self._failed
        )

    # -- details -------------------------------------------------------------------------------

    def _show(self, info: ApplicationInfo | None) -> None:
        self.current = info
        self.panel.show_info(info)

    # -- actions -------------------------------------------------------------------------------

    def advance(self) -> None:
        if self.current is None or not self.next_state.currentData():
            return
        number, state, note = (
            self.current.registration_number,
            str(self.next_state.currentData()),
            self.note.text(),
        )
        db, actor = self.ctx.db, self.ctx.actor
        run_task(
            self, lambda: applications.change_state(db, number, state, note, actor), self._moved, self._failed
        )

    def _moved(self, info: ApplicationInfo) -> None:
        self.note.clear()
        if self.guard is not None:
            self.guard.mark_clean()
        self._show(info)
        self._refresh_row(info)
        self.status.setText(self.tr("Status changed to {state}.").format(state=info.state_label))
        self.load_warnings()

    def clock_step(self, request: ClockRequest) -> None:
        if self.current is None:
            return
        number = self.current.registration_number
        db, actor = self.ctx.db, self.ctx.actor

        def work() -> ApplicationInfo:
            if request.action is ClockAction.STOP:
                return applications.stop_clock(
                    db, number, request.waiting_for, request.reason, missing=request.missing, actor=actor
                )
            step = (
                applications.resume_clock
                if request.action is ClockAction.RESUME
                else applications.restart_clock
            )
            return step(db, number, request.reason, received=request.received, actor=actor)

        run_task(self, work, self._clock_changed, self._failed)

    def _clock_changed(self, info: ApplicationInfo) -> None:
        self._show(info)
        self._refresh_row(info)
        if info.clock.state == "stopped":
            text = self.tr("Clock stopped. Print the receipt for the applicant if they are here.")
        else:
            text = self.tr(
                "Clock running again: new expected completion {due}. Print the new receipt."
            ).format(due=self.panel.due_text(info))
        self.status.setText(text)
        self.load_warnings()

    def hand_over(self) -> None:
        if self.current is None:
            return
        number, nik, name, proxy = (
            self.current.registration_number,
            self.handover_nik.text(),
            self.handover_name.text(),
            self.handover_form.proxy(),
        )
        db, actor, settings, paper = self.ctx.db, self.ctx.actor, self.ctx.settings, self.paper

        def work() -> tuple[ApplicationInfo, bytes, Path]:
            info = applications.hand_over(db, number, nik=nik, recipient=name, proxy=proxy, actor=actor)
            pdf = applications.receipt_pdf(db, number, paper=paper, kind="handover", actor=actor)
            return info, pdf, archive_receipt(settings, f"{number}-penyerahan", pdf)

        run_task(self, work, self._handed_over, self._failed)

    def _handed_over(self, result: tuple[ApplicationInfo, bytes, Path]) -> None:
        info, pdf, self.archive_path = result
        self.handover_form.clear()
        if self.guard is not None:
            self.guard.mark_clean()
        self._show(info)
        self._refresh_row(info)
        self.status.setText(
            self.tr("Handed over. Receipt kept in {path}").format(path=str(self.archive_path))
        )
        self._preview(pdf)

    def reprint(self) -> None:
        if self.current is None:
            return
        number, paper = self.current.registration_number, self.paper
        db, actor, settings = self.ctx.db, self.ctx.actor, self.ctx.settings

        revised = self.current.receipt_outdated

        def work() -> tuple[bytes, Path, ApplicationInfo]:
            # after a clock change a new receipt (PERUBAHAN PERKIRAAN SELESAI); else a copy (SALINAN)
            pdf = applications.receipt_pdf(db, number, paper=paper, copy=not revised, actor=actor)
            name = f"{number}-tanda-terima-" + ("perubahan" if revised else "salinan")
            return pdf, archive_receipt(settings, name, pdf), applications.get_application(db, number)

        run_task(self, work, self._reprinted, self._failed)

    def _reprinted(self, result: tuple[bytes, Path, ApplicationInfo]) -> None:
        pdf, self.archive_path, info = result
        self._show(info)
        self.status.setText(self.tr("Receipt kept in {path}").format(path=str(self.archive_path)))
        self._preview(pdf)

    def _preview(self, pdf: bytes) -> None:
        self.preview = ReceiptPreview(pdf, self.paper, self)
        self.preview.open()

    def _refresh_row(self, info: ApplicationInfo) -> None:
        for row, number in enumerate(self.found):
            if number == info.registration_number:
                self.results.setItem(row, 4, QTableWidgetItem(info.state_label))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, P4Error):
            self.status.setText(exc.message)
        else:
            log.error("application action failed", exc_info=exc)
            self.status.setText(self.tr("Unexpected error. Details are in the log."))
