"""Intake dialog: take a permit application for the called ticket (or a walk-in).

What was typed is autosaved as a draft (debounced after every change, on a timer, and
when the dialog is closed) and restored when the dialog is opened again for the same
ticket on the same workstation. After saving: receipt PDF kept in the archive folder and
shown in the print preview. The form behaves as every form (``gui.common.form_guard``): Enter
saves, the cursor starts in "NIK", a field's message goes once the field is valid (checked with
the service's own ``check_fields``), and closing with typed text asks first (saying the draft
stays).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from p4_desk.domain.nik import check_nik, normalize_nik
from p4_desk.domain.phone import normalize_phone
from p4_desk.domain.wording import format_date, format_fee
from p4_desk.errors import P4Error, ValidationError
from p4_desk.gui.app.placement import resize_within_screen
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.form_guard import FormGuard, GuardedDialog
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.intake.form import FIELDS, IntakeForm, named
from p4_desk.gui.intake.receipt_print import ReceiptPreview, archive_receipt
from p4_desk.services import applications
from p4_desk.services.applications import ApplicationInfo, IntakeInvalid, check_fields
from p4_desk.services.queue import TicketInfo
from p4_desk.services.screens.forms import IntakeSetup, intake_setup

log = logging.getLogger(__name__)

DRAFT_DEBOUNCE_MS = 400
DRAFT_INTERVAL_MS = 10_000


class IntakeDialog(GuardedDialog):
    saved = Signal(object)  # ApplicationInfo

    def __init__(self, ctx: AppContext, ticket: TicketInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.ticket = ctx, ticket
        self.draft_key = applications.draft_key(ctx.db.workstation, ticket.uid if ticket else None)
        self.application: ApplicationInfo | None = None
        self.archive_path: Path | None = None
        self.preview: ReceiptPreview | None = None
        self.paper = str(ctx.settings.get("printer.receipt_paper") or "A5")
        self._setup: IntakeSetup | None = None
        self._dirty = False
        self._draft_busy = False
        self._draft_again = False

        self.setWindowTitle(self.tr("Permit application intake"))
        resize_within_screen(self, 1240, 700)  # a 1366x768 counter PC has a task bar too
        if ticket is not None:
            heading = self.tr("Ticket {number} — {service}").format(
                number=ticket.number, service=ticket.service_name
            )
        else:
            heading = self.tr("Walk-in applicant (no queue ticket)")
        self.heading = QLabel(f"<b>{heading}</b>")
        self.policy = named(QLabel(wordWrap=True), "policy")
        self.form = IntakeForm(self)
        self.status = named(QLabel(wordWrap=True), "status")
        self.outcome = named(QLabel(wordWrap=True), "result")
        self.outcome.hide()
        self.save_button = named(QPushButton(self.tr("Save and print receipt")), "save")
        self.print_button = named(QPushButton(self.tr("Print a copy of the receipt")), "print_copy")
        self.print_button.hide()
        self.discard_button = named(QPushButton(self.tr("Clear form")), "discard")
        self.close_button = named(QPushButton(self.tr("Close")), "close")

        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.policy)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        fields = {name: getattr(self.form, name) for name in FIELDS}
        errors = {name: self.form.error_label(name) for name in FIELDS}
        self.guard = FormGuard(self, fields, errors, check=self._problem, first=self.form.nik)
        self.guard.make_default(self.save_button, (self.print_button, self.discard_button, self.close_button))
        self.close_question = self.tr(
            "Close the form? What was typed stays as a draft and comes back when the form is opened "
            "again for this ticket on this PC."
        )

        self._debounce = QTimer(self, singleShot=True, interval=DRAFT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.save_draft)
        self._autosave = QTimer(self, interval=DRAFT_INTERVAL_MS)
        self._autosave.timeout.connect(self.save_draft)
        self.form.changed.connect(self._field_changed)
        self.form.phone.editingFinished.connect(self._normalise_phone)
        self.save_button.clicked.connect(self.submit)
        self.print_button.clicked.connect(self.print_copy)
        self.discard_button.clicked.connect(self.discard)
        self.close_button.clicked.connect(self.reject)

        self.form.setEnabled(False)
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Loading the permit catalogue…"))
        run_task(self, self._load, self._loaded, self._failed)

    # -- loading -------------------------------------------------------------------------------

    def _load(self) -> IntakeSetup:
        db, key = self.ctx.db, self.draft_key
        applications.purge_stale_drafts(db)  # a week-old draft (full NIK) is never offered back
        return intake_setup(db, key)

    def _loaded(self, setup: IntakeSetup) -> None:
        self._setup = setup
        self.form.set_permit_types(setup.permit_types)
        if setup.policy == "accept":
            self.policy.setText(
                self.tr(
                    'An incomplete dossier is accepted and marked "berkas belum lengkap" on the receipt; '
                    "its deadline clock waits until the missing documents arrive."
                )
            )
        else:
            self.policy.setText(
                self.tr("An incomplete dossier is refused: every mandatory document is needed.")
            )
        self.form.setEnabled(True)
        self.save_button.setEnabled(True)
        self.status.clear()
        if setup.draft:
            self.form.set_values(setup.draft)
            self._decode_nik()
            self._show_terms()
            self.status.setText(self.tr("Draft restored: what was typed earlier is back."))
        if self.guard is not None:
            self.guard.mark_clean()
        self._autosave.start()
        self.form.nik.setFocus()

    # -- live checks ---------------------------------------------------------------------------

    def _field_changed(self, field: str) -> None:
        self._dirty = True
        self._debounce.start()
        if field == "nik":
            self._decode_nik()
        elif field == "permit_type":
            self._show_terms()

    def _problem(self, field: str) -> str:
        """The field's message now (the form guard clears a message once this is empty)."""
        if self._setup is None:
            return ""
        if field == "nik" and len(normalize_nik(self.form.nik.text())) < 16:
            return ""  # typing on: _decode_nik counts the digits
        return check_fields(self.form.request(None), self._setup.today).get(field, "")

    def _decode_nik(self) -> None:
        if self._setup is None:
            return
        digits = normalize_nik(self.form.nik.text())
        if not digits or (len(digits) < 16 and digits.isdigit()):
            progress = self.tr("{count}/16 digits").format(count=len(digits))
            self.form.nik_decoded.setText(progress if digits else "")
            self.form.set_error("nik", "")
            return
        result = check_nik(digits, self._setup.today)
        if not result.valid:
            self.form.nik_decoded.clear()
            self.form.set_error("nik", "; ".join(result.reasons))
            return
        self.form.set_error("nik", "")
        sex = self.tr("Female") if result.sex == "P" else self.tr("Male")
        born = format_date(result.birth_date) if result.birth_date else "-"
        region = ", ".join(x for x in (result.district, result.regency, result.province) if x)
        self.form.nik_decoded.setText(
            self.tr("{sex} · born {born} · {region}").format(sex=sex, born=born, region=region)
        )

    def _normalise_phone(self) -> None:
        text = self.form.phone.text().strip()
        if not text:
            return
        try:
            e164 = normalize_phone(text)
        except ValidationError as exc:
            self.form.set_error("phone", exc.message)
            return
        self.form.set_error("phone", "")
        if e164 != text:
            self.form.phone.setText(e164)
            self._field_changed("phone")

    def _show_terms(self) -> None:
        permit = self.form.current_permit()
        if permit is None or self._setup is None:
            self.form.permit_terms.clear()
            return
        due = self._setup.calendar.count(
            self._setup.today, permit.working_days, cuti_bersama_is_workday=permit.cuti_bersama_is_workday
        )
        due_text = format_date(due.due, weekday=True)
        if due.estimated:  # a year without an official holiday list: the date is an estimate
            due_text = self.tr("{date} (estimate)").format(date=due_text)
        self.form.permit_terms.setText(
            self.tr("{days} working days · due {due} · fee {fee} · {agency}").format(
                days=permit.working_days,
                due=due_text,
                fee=format_fee(permit.fee),
                agency=permit.agency_name,
            )  # fmt: skip
        )

    # -- drafts --------------------------------------------------------------------------------

    def save_draft(self) -> None:
        """Write what was typed to the database (one write at a time, newest wins)."""
        if self.application is not None or self._setup is None or not self._dirty:
            return
        if self._draft_busy:
            self._draft_again = True
            return
        self._draft_busy, self._dirty = True, False
        data = self.form.values()
        db, key, actor = self.ctx.db, self.draft_key, self.ctx.actor
        run_task(
            self, lambda: applications.save_draft(db, key, data, actor), self._draft_done, self._draft_failed
        )

    def _draft_done(self, _result: object = None) -> None:
        self._draft_busy = False
        if self._draft_again:
            self._draft_again, self._dirty = False, True
            self.save_draft()

    def _draft_failed(self, exc: BaseException) -> None:
        self._draft_busy, self._dirty = False, True  # try again at the next change or tick
        message = exc.message if isinstance(exc, P4Error) else str(exc)
        self.status.setText(self.tr("Draft not saved: {message}").format(message=message))

    def discard(self) -> None:
        self._dirty = False
        self.form.set_values({})
        self.form.show_errors({})
        self.form.nik_decoded.clear()
        self.form.permit_terms.clear()
        if self.guard is not None:
            self.guard.mark_clean()  # an empty form has nothing to lose
        db, key = self.ctx.db, self.draft_key
        run_task(self, lambda: applications.discard_draft(db, key), None, self._failed)
        self.status.setText(self.tr("Form cleared."))

    # -- saving --------------------------------------------------------------------------------

    def submit(self) -> None:
        if self._setup is None:
            return
        request = self.form.request(str(self.ticket.id) if self.ticket else None)
        errors = check_fields(request, self._setup.today)
        if errors:
            self._invalid(errors)
            return
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        db, actor, key = self.ctx.db, self.ctx.actor, self.draft_key
        run_task(
            self, lambda: applications.intake(db, request, actor, draft_key=key), self._saved, self._failed
        )

    def _invalid(self, errors: dict[str, str]) -> None:
        self.form.show_errors(errors)
        extra = [message for field, message in errors.items() if field not in FIELDS]
        text = self.tr("The application was not saved. Check the fields marked in red.")
        self.status.setText("\n".join([text, *extra]))
        self.save_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(self.application is None and self._setup is not None)
        if isinstance(exc, IntakeInvalid):
            self._invalid(exc.errors)
        elif isinstance(exc, P4Error):
            self.status.setText(exc.message)
        else:
            log.error("intake failed", exc_info=exc)
            self.status.setText(self.tr("Unexpected error; the form is kept. Details are in the log."))

    def _saved(self, info: ApplicationInfo) -> None:
        self.application = info
        self._dirty = False
        self.form.show_errors({})  # nothing is wrong with a saved application
        if self.guard is not None:
            self.guard.mark_clean()
        self._debounce.stop()
        self._autosave.stop()
        self.form.setEnabled(False)
        self.save_button.hide()
        self.discard_button.hide()
        if info.clock.state == "stopped":
            text = self.tr(
                "Saved. Registration number <b>{number}</b>. The {days} working days are counted from the "
                "day the missing documents arrive."
            ).format(number=info.registration_number, days=info.clock.allowance)
        else:
            text = self.tr("Saved. Registration number <b>{number}</b>, due {due}.").format(
                number=info.registration_number, due=format_date(info.due_date, weekday=True)
            )
        if info.incomplete:
            missing = ", ".join(d.name for d in info.missing_documents)
            text += "<br>" + self.tr("Incomplete dossier (berkas belum lengkap): {missing}").format(
                missing=missing
            )
        self.outcome.setText(text)
        self.outcome.show()
        self.status.setText(self.tr("Preparing the receipt…"))
        self.saved.emit(info)
        self._print(copy=False)

    # -- receipts ------------------------------------------------------------------------------

    def _print(self, copy: bool) -> None:
        assert self.application is not None
        number, paper = self.application.registration_number, self.paper
        db, actor, settings = self.ctx.db, self.ctx.actor, self.ctx.settings

        def work() -> tuple[bytes, Path]:
            pdf = applications.receipt_pdf(db, number, paper=paper, copy=copy, actor=actor)
            name = f"{number}-tanda-terima" + ("-salinan" if copy else "")
            return pdf, archive_receipt(settings, name, pdf)

        run_task(self, work, self._receipt_ready, self._failed)

    def _receipt_ready(self, result: tuple[bytes, Path]) -> None:
        pdf, self.archive_path = result
        self.status.setText(self.tr("Receipt kept in {path}").format(path=str(self.archive_path)))
        self.print_button.show()
        self.preview = ReceiptPreview(pdf, self.paper, self)
        self.preview.open()

    def print_copy(self) -> None:
        self._print(copy=True)

    # -- closing -------------------------------------------------------------------------------

    def reject(self) -> None:
        self.save_draft()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        self.save_draft()
        super().closeEvent(event)
