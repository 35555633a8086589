"""Printing queue tickets: what goes on the paper, where it is sent, and what is recorded.

A ticket is committed before it is printed, so a printer failure never loses it: the print
state becomes ``failed``, the kiosk offers "Coba lagi", and a ticket whose print never
succeeded is cancelled with reason "gagal cetak" after the site's timeout
(``queue.print_fail_cancel_minutes``) by :func:`cancel_unprinted` — audited, never left
waiting for a citizen who went home without a number.

Print targets (workstation setting ``printer.ticket_target`` or ``--to`` on the command line):
``pdf`` (a file in the data folder), ``pdf:PATH``, ``escpos-net:HOST:PORT``,
``escpos-file:PATH``, ``escpos-usb:VID:PID``, ``escpos-serial:DEVICE`` and ``printer:NAME``
(the OS printer, through Qt: the caller passes ``os_printer`` because nothing here imports Qt).
A reprint (``copy=True``) is marked "SALINAN" and audited as ``ticket.reprint``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from p4_desk.config import data_dir, output_ledger
from p4_desk.domain.visits import StepStatus
from p4_desk.domain.wording import priority_label
from p4_desk.errors import InvalidTransition
from p4_desk.files import OutputRefused, write_output
from p4_desk.printing import PrinterError, TicketPrintData, print_ticket_escpos, render_ticket_pdf
from p4_desk.services import catalog, queue
from p4_desk.services import site as site_service
from p4_desk.services.citizen_links import public_base_url, ticket_page_url
from p4_desk.services.queue import TicketInfo
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Booking, Ticket

PRINT_FAILED_REASON = "gagal cetak"

#: prints PDF bytes on the named OS printer (empty name: the default printer) for a roll of
#: ``paper_mm``; raises PrinterError. Supplied by the GUI (``p4_desk.gui.printing``).
OsPrinter = Callable[[bytes, str, int], None]


@dataclass(frozen=True)
class PrintOutcome:
    """What :func:`print_ticket` did: the ticket after recording, and the PDF file if any."""

    ticket: TicketInfo
    target: str
    copy: bool
    pdf_path: Path | None = None
    pdf: bytes | None = None


def appointment_of(db: Database, ticket_id: int) -> datetime | None:
    """The slot of the booking this ticket was checked in for on time (late ones are walk-ins)."""
    with db.read() as s:
        return s.scalar(
            select(Booking.slot_start).where(Booking.ticket_id == ticket_id, Booking.state == "checked_in")
        )


def print_data_for(db: Database, ticket: TicketInfo, *, copy: bool = False) -> TicketPrintData:
    """The paper ticket for an already loaded :class:`TicketInfo` (e.g. just issued): the one
    builder of a ticket's content, for the first print, a retry and a supervisor's reprint.

    The QR code carries the citizen's page of this ticket (``citizen_links``) when the site has
    a public address, else the ticket's id."""
    site = site_service.get_site(db)
    plan = ticket.plan or queue.with_plan(db, ticket).plan  # a visit of several services
    return TicketPrintData(
        site_name=site.name,
        agency_name=ticket.agency_name,
        service_name=ticket.service_name,
        number=ticket.number,
        issued_at=ticket.issued_at,
        people_ahead=ticket.people_ahead or 0,
        estimated_wait_minutes=ticket.estimated_wait_minutes,
        ticket_uid=ticket.uid,
        priority_label=priority_label(ticket.priority),
        footer=str(site_service.get_setting(db, "ticket.footer") or ""),
        copy=copy,
        timezone=site.timezone,
        page_url=ticket_page_url(public_base_url(db), ticket.public_token),
        counters=tuple(catalog.counter_names_for(db, ticket.service)),
        then=tuple(step.service_name for step in plan if step.status == StepStatus.PENDING),
        appointment_at=appointment_of(db, ticket.id),
    )


def test_ticket_data(db: Database) -> TicketPrintData:
    """The admin's test ticket: the site's header, number T001, no queue behind it."""
    site = site_service.get_site(db)
    return TicketPrintData(
        site_name=site.name,
        agency_name="TES CETAK",
        service_name="Tes printer tiket",
        number="T001",
        issued_at=db.now(),
        people_ahead=0,
        estimated_wait_minutes=None,
        ticket_uid=str(uuid.uuid4()),
        footer="Tiket uji coba — bukan nomor antrian.",
        timezone=site.timezone,
    )


def ticket_print_data(db: Database, ticket_ref: str | int, copy: bool = False) -> TicketPrintData:
    """The paper ticket for ``ticket_ref`` (id or today's number) as it stands now."""
    return print_data_for(db, queue.get_ticket(db, ticket_ref), copy=copy)


def default_pdf_path(ticket: TicketInfo) -> Path:
    """Where target ``pdf`` keeps tickets: one file per service day and number."""
    return data_dir() / "tickets" / f"{ticket.service_day.isoformat()}-{ticket.number}.pdf"


def print_ticket(
    db: Database,
    ticket_ref: str | int,
    target: str,
    paper_mm: int = 80,
    copy: bool = False,
    actor: Actor = SYSTEM,
    *,
    os_printer: OsPrinter | None = None,
    force_overwrite: bool = False,
) -> PrintOutcome:
    """Print ``ticket_ref`` on ``target`` and record the result.

    Success marks the ticket ``printed``. A failure marks a ticket still waiting for its paper
    (print state pending or failed) ``failed``; a copy, or a ticket issued without paper, keeps
    its state. Either way PrinterError is raised with a message the citizen or officer can act
    on, and the ticket stays reprintable.
    """
    ticket = queue.get_ticket(db, ticket_ref)
    data = print_data_for(db, ticket, copy=copy)
    kind, _, address = target.strip().partition(":")
    pdf_path: Path | None = None
    pdf: bytes | None = None
    try:
        if kind == "pdf":
            pdf = render_ticket_pdf(data, paper_mm)
            pdf_path = Path(address) if address else default_pdf_path(ticket)
            _write_file(pdf_path, pdf, force=force_overwrite)
        elif kind == "printer":
            if os_printer is None:
                raise PrinterError(
                    "Printer sistem hanya dapat dipakai dari aplikasi P4 Desk. "
                    "Gunakan pdf:BERKAS atau escpos-... dari baris perintah."
                )
            pdf = render_ticket_pdf(data, paper_mm)
            os_printer(pdf, address, paper_mm)
        elif kind.startswith("escpos-"):
            print_ticket_escpos(data, target, paper_mm=paper_mm)
        else:
            raise PrinterError(
                f"Tujuan cetak tidak dikenali: {target!r}. Gunakan pdf, pdf:BERKAS, printer:NAMA, "
                "escpos-net:HOST:PORT, escpos-file:BERKAS, escpos-usb:VID:PID atau escpos-serial:PERANGKAT."
            )
    except PrinterError as exc:
        _record_result(db, ticket, target, copy, actor, error=exc.message)
        raise
    recorded = _record_result(db, ticket, target, copy, actor)
    return PrintOutcome(recorded, target, copy, pdf_path, pdf)


def _write_file(path: Path, data: bytes, *, force: bool = False) -> None:
    """Whole or not at all; a file elsewhere that P4 Desk did not write is not replaced."""
    try:
        write_output(path, data, ledger=output_ledger(), own_dir=data_dir(), force=force)
    except OutputRefused as exc:
        raise PrinterError(exc.message) from exc


def _record_result(
    db: Database, ticket: TicketInfo, target: str, copy: bool, actor: Actor, *, error: str | None = None
) -> TicketInfo:
    waiting_for_paper = ticket.print_state in ("pending", "failed")
    if not copy and (error is None or waiting_for_paper):
        return queue.set_print_state(db, ticket.id, "failed" if error else "printed", actor)
    # A copy, or a failed extra print of a ticket that never needed paper (issued by an officer)
    # or already has it: audited, and the ticket's print state is not put at risk.
    action = "ticket.reprint" if copy else "ticket.print"
    with db.write() as s:
        row = s.get(Ticket, ticket.id)
        assert row is not None
        if error is None and row.print_state != "printed":
            row.print_state, row.updated_at = "printed", db.now()
        record(
            s,
            db,
            actor,
            action if error is None else f"{action}_failed",
            "ticket",
            ticket.id,
            details={"number": ticket.number, "copy": copy, "target": target, "error": error},
        )
    return queue.get_ticket(db, ticket.id)


def cancel_unprinted(
    db: Database, older_than_minutes: float | None = None, actor: Actor = SYSTEM
) -> list[TicketInfo]:
    """Cancel waiting tickets whose print never succeeded, issued more than
    ``older_than_minutes`` ago (default: the site setting), with reason "gagal cetak".

    Tickets issued without printing (``print_state`` none, e.g. by an officer) are left alone.
    """
    if older_than_minutes is None:
        older_than_minutes = float(site_service.get_setting(db, "queue.print_fail_cancel_minutes"))
    cutoff = db.now() - timedelta(minutes=older_than_minutes)
    with db.read() as s:
        ids = list(
            s.scalars(
                select(Ticket.id)
                .where(
                    Ticket.state == "waiting",
                    Ticket.print_state.in_(("pending", "failed")),
                    Ticket.issued_at <= cutoff,
                )
                .order_by(Ticket.id)
            )
        )
    cancelled: list[TicketInfo] = []
    for ticket_id in ids:
        try:
            cancelled.append(queue.cancel(db, ticket_id, PRINT_FAILED_REASON, actor))
        except InvalidTransition:
            continue  # called or cancelled meanwhile by someone else: no longer unseen
    return cancelled
