"""The complaint receipt (*tanda terima pengaduan*): its content, built once, and its PDF.

What may be printed about the reporter is decided here: a named reporter's name and contact;
for a confidential or anonymous reporter only "Dirahasiakan" / "Anonim"
(``ComplaintInfo.reporter_label``; ``ComplaintInfo`` does not even carry their identity).
The paper may be lost: the phone is printed masked (``****7890``), and a NIK or phone number
typed into the description or the place is masked too (``domain.masking``).
"""

from __future__ import annotations

from p4_desk.domain.masking import mask_personal_numbers, mask_phone
from p4_desk.printing.complaint_receipt import ComplaintReceiptContent, render_complaint_receipt
from p4_desk.services import complaints
from p4_desk.services import site as site_service
from p4_desk.services.complaints import IDENTITIES
from p4_desk.store.db import Database


def complaint_receipt_content(db: Database, number: str, *, copy: bool = False) -> ComplaintReceiptContent:
    """What the receipt of complaint ``number`` shows (times in the site's zone)."""
    info = complaints.get_complaint(db, number)
    phone = mask_phone(info.reporter_phone) if info.reporter_phone else None
    contact = " / ".join(x for x in (phone, info.reporter_email) if x)
    return ComplaintReceiptContent(
        site_name=site_service.get_site(db).name,
        site_address=str(site_service.get_setting(db, "site.address") or ""),
        number=info.number,
        received_at=info.received_at.astimezone(db.timezone),
        kind_label=info.kind_label,
        agency_name=info.agency_name,
        service_name=info.service_name,
        ticket_ref=info.ticket_ref,
        registration_number=info.registration_number,
        service_date=info.service_date,
        reporter=f"{info.reporter_label} ({IDENTITIES[info.identity].lower()})",
        contact=contact if info.identity == "named" and contact else None,
        latitude=info.latitude,
        longitude=info.longitude,
        place=mask_personal_numbers(info.place) if info.place else info.place,
        description=mask_personal_numbers(info.description),
        deadlines=tuple((complaints.deadline_label(name), due) for name, due in info.deadlines.items()),
        officer_name=info.officer_name or info.officer or "-",
        copy=copy,
    )


def complaint_receipt_pdf(db: Database, number: str, *, copy: bool = False) -> bytes:
    """The receipt of a stored complaint, as A5 PDF bytes."""
    return render_complaint_receipt(complaint_receipt_content(db, number, copy=copy))
