"""Receipts (*tanda terima*): the content built here, drawn by ``printing.receipt``; audited."""

from __future__ import annotations

from typing import Literal

from p4_desk.domain.permit_lifecycle import PermitState
from p4_desk.errors import ValidationError
from p4_desk.printing.receipt import ReceiptContent, ReceiptDocument, render_receipt
from p4_desk.services.applications.records import application_info, find_application, full_name
from p4_desk.services.citizen_links import public_base_url, tracking_page_url
from p4_desk.services.site import get_setting, get_site
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record

ReceiptKind = Literal["intake", "handover"]


def receipt_pdf(
    db: Database,
    ref: str,
    *,
    paper: str = "A5",
    kind: ReceiptKind = "intake",
    copy: bool = False,
    actor: Actor = SYSTEM,
) -> bytes:
    """The receipt as PDF. The first intake receipt is the original; every later one
    (or any with ``copy``) is watermarked SALINAN. Every print is audited."""
    if paper not in ("A4", "A5"):
        raise ValidationError("Ukuran kertas tanda terima harus A4 atau A5.", field="paper")
    site = get_site(db)
    address = str(get_setting(db, "site.address") or "")
    base = public_base_url(db)
    complaint = str(get_setting(db, "permits.complaint_channel"))
    with db.write() as s:
        app = find_application(s, db, ref, lock=True)
        if kind == "handover" and app.state != PermitState.HANDED_OVER:
            raise ValidationError(
                "Tanda terima penyerahan hanya untuk izin yang sudah diserahkan.", field="kind"
            )
        is_copy = copy or (kind == "intake" and app.receipt_prints > 0)
        secret = app.tracking_secret
        if kind == "intake":
            app.receipt_prints += 1
        s.flush()
        info = application_info(s, app, db)
        officer = info.officer_name
        if kind == "handover":  # the officer who handed it over, not the one who took it in
            officer = full_name(s, app.history[-1].officer_id) or app.history[-1].officer_name
        record(
            s, db, actor, "application.receipt_reprint" if is_copy else "application.receipt_print",
            "application", app.registration_number, details={"kind": kind, "paper": paper, "copy": is_copy},
        )  # fmt: skip
    content = ReceiptContent(
        kind=kind,
        site_name=site.name,
        site_address=address,
        agency_name=info.agency_name,
        registration_number=info.registration_number,
        tracking_url=tracking_url(base, info.registration_number, secret),
        applicant_name=info.applicant_name,
        nik_masked=info.nik_masked,
        permit_name=info.permit_name,
        product=info.product,
        documents=tuple(ReceiptDocument(d.name, d.mandatory, d.received, d.note) for d in info.documents),
        fee=info.fee,
        received_at=info.received_at.astimezone(db.timezone),
        due_date=info.due_date,
        due_estimated=info.due_estimated,
        officer_name=officer or "-",
        complaint_channel=complaint,
        ticket_number=info.ticket_number,
        copy=is_copy,
        handed_over_to=info.handed_over_to,
        handed_over_at=info.handed_over_at.astimezone(db.timezone) if info.handed_over_at else None,
    )
    return render_receipt(content, paper=paper)


def tracking_url(base: str | None, number: str, secret: str | None) -> str:
    """What the receipt's QR code carries: the public tracking page ``{base}/lacak/{number}?k=...``
    (``citizen_links``), or the bare registration number when the site has no public address."""
    return tracking_page_url(base, number, secret) or number
