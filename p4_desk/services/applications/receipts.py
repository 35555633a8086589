"""Receipts (*tanda terima*): the content built here, drawn by ``printing.receipt``; audited."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, tzinfo
from typing import Literal

from p4_desk.domain.masking import mask_personal_numbers
from p4_desk.domain.permit_clock import WAITING_LABELS, WaitingFor
from p4_desk.domain.permit_lifecycle import PermitState
from p4_desk.errors import ValidationError
from p4_desk.printing.receipt import (
    ReceiptClock,
    ReceiptClockLine,
    ReceiptContent,
    ReceiptDocument,
    ReceiptProxy,
    render_receipt,
)
from p4_desk.services.applications.clock import ClockInfo, receipt_revision
from p4_desk.services.applications.records import (
    ApplicationInfo,
    application_info,
    find_application,
    full_name,
)
from p4_desk.services.citizen_links import public_base_url, tracking_page_url
from p4_desk.services.permits import holiday_calendar
from p4_desk.services.site import get_setting, get_site
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record

ReceiptKind = Literal["intake", "handover"]


@dataclass(frozen=True)
class ReceiptPrint:
    """What one print of a receipt adds to the application: where, for whom, which copy."""

    kind: ReceiptKind
    site_name: str
    site_address: str
    tracking_url: str
    complaint_channel: str
    officer_name: str | None
    is_copy: bool
    timezone: tzinfo


def receipt_pdf(
    db: Database,
    ref: str,
    *,
    paper: str = "A5",
    kind: ReceiptKind = "intake",
    copy: bool = False,
    actor: Actor = SYSTEM,
    deliver: Callable[[bytes], object] | None = None,
) -> bytes:
    """The receipt as PDF. The first intake receipt is the original; every later one with the
    same deadline clock (or any with ``copy``) is watermarked SALINAN, while one printed after the
    clock changed is a new receipt marked PERUBAHAN PERKIRAAN SELESAI. Every print is audited.

    ``deliver`` (write the file, send it to the printer) runs before the print is committed:
    when it fails, the print is neither counted nor audited."""
    if paper not in ("A4", "A5"):
        raise ValidationError("Ukuran kertas tanda terima harus A4 atau A5.", field="paper")
    site = get_site(db)
    address = str(get_setting(db, "site.address") or "")
    base = public_base_url(db)
    complaint = str(get_setting(db, "permits.complaint_channel"))
    calendar = holiday_calendar(db)
    with db.write() as s:
        app = find_application(s, db, ref, lock=True)
        if kind == "handover" and app.state != PermitState.HANDED_OVER:
            raise ValidationError(
                "Tanda terima penyerahan hanya untuk izin yang sudah diserahkan.", field="kind"
            )
        same_clock = app.receipt_clock_events == receipt_revision(app)
        is_copy = copy or (kind == "intake" and app.receipt_prints > 0 and same_clock)
        tracking = tracking_url(base, app.registration_number, app.tracking_secret)
        if kind == "intake":
            app.receipt_prints += 1
            app.receipt_clock_events = receipt_revision(app)
        s.flush()
        info = application_info(s, app, db, calendar)
        officer = info.officer_name
        if kind == "handover":  # the officer who handed it over, not the one who took it in
            officer = full_name(s, app.history[-1].officer_id) or app.history[-1].officer_name
        record(
            s, db, actor, "application.receipt_reprint" if is_copy else "application.receipt_print",
            "application", app.registration_number,
            details={"kind": kind, "paper": paper, "copy": is_copy, "revised": info.clock.revised},
        )  # fmt: skip
        printing = ReceiptPrint(kind, site.name, address, tracking, complaint, officer, is_copy, db.timezone)
        if deliver is not None:
            pdf = render_receipt(_content(info, printing), paper=paper)
            deliver(pdf)
            return pdf
    return render_receipt(_content(info, printing), paper=paper)


def _content(info: ApplicationInfo, printing: ReceiptPrint) -> ReceiptContent:
    kind, zone = printing.kind, printing.timezone
    return ReceiptContent(
        kind=kind,
        site_name=printing.site_name,
        site_address=printing.site_address,
        agency_name=info.agency_name,
        registration_number=info.registration_number,
        tracking_url=printing.tracking_url,
        applicant_name=info.applicant_name,
        nik_masked=info.nik_masked,
        permit_name=info.permit_name,
        product=info.product,
        documents=tuple(
            ReceiptDocument(d.name, d.mandatory, d.received, mask_personal_numbers(d.note or ""))
            for d in info.documents
        ),
        fee=info.fee,
        received_at=info.received_at.astimezone(zone),
        due_date=_due_on_paper(info) if kind == "intake" else info.due_date,
        due_estimated=info.clock.due_estimated if kind == "intake" else info.due_estimated,
        officer_name=printing.officer_name or "-",
        complaint_channel=printing.complaint_channel,
        ticket_number=info.ticket_number,
        copy=printing.is_copy,
        handed_over_to=info.handed_over_to,
        handed_over_at=info.handed_over_at.astimezone(zone) if info.handed_over_at else None,
        clock=_receipt_clock(info.clock),
        proxy=None
        if info.proxy is None
        else ReceiptProxy(
            info.proxy.name, info.proxy.nik_masked, info.proxy.letter_number, info.proxy.letter_date
        ),
    )


def _due_on_paper(info: ApplicationInfo) -> date | None:
    """The expected completion an intake receipt prints: none while the clock stands still."""
    if info.clock.state == "stopped":
        return None
    return info.clock.due_date or info.due_date


def _receipt_clock(clock: ClockInfo) -> ReceiptClock:
    lines = []
    for change in clock.history:
        text = change.label
        if change.waiting_for:
            text += f": menunggu {WAITING_LABELS[WaitingFor(change.waiting_for)]}"
        if change.reason:
            text += f" ({change.reason})"
        lines.append(ReceiptClockLine(change.day, text, change.used_days))
    return ReceiptClock(
        allowance=clock.allowance,
        used=clock.used,
        stopped_since=clock.since if clock.state == "stopped" else None,
        waiting_for=clock.waiting_label,
        revised=clock.revised,
        original_due=clock.original_due,
        changes=tuple(lines),
    )


def tracking_url(base: str | None, number: str, secret: str | None) -> str:
    """What the receipt's QR code carries: the public tracking page ``{base}/lacak/{number}?k=...``
    (``citizen_links``), or the bare registration number when the site has no public address."""
    return tracking_page_url(base, number, secret) or number
