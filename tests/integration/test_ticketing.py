"""Printing queue tickets through the real service: PDF files, ESC/POS files, a printer that
cannot be reached, and the timeout that cancels a ticket nobody got on paper."""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from sqlalchemy import select

from p4_desk.printing import PrinterError
from p4_desk.services import queue, ticketing
from p4_desk.store.db import Database
from p4_desk.store.models import AuditEntry, OutboxEvent
from tests.support.sites import Clock, make_site


@pytest.fixture
def site(db_url: str, clock: Clock) -> Iterator[Database]:
    db = make_site(db_url, clock)
    yield db
    db.dispose()


def _pdf_text(path: Path) -> tuple[str, float]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    page = reader.pages[0]
    return page.extract_text(), float(page.mediabox.width)


def _audit(db: Database, action: str) -> list[AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def _closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_print_to_pdf_file_marks_ticket_printed(site: Database, tmp_path: Path) -> None:
    # Given a ticket taken at the kiosk, waiting for its paper
    first = queue.issue_ticket(site, "KTP", print_state="pending")
    ticket = queue.issue_ticket(site, "KTP", "lansia", print_state="pending")
    target = tmp_path / "tiket.pdf"

    # When it is printed to a PDF file on 58 mm paper
    outcome = ticketing.print_ticket(site, ticket.number, f"pdf:{target}", 58)

    # Then the PDF is the ticket: site, number, service, local date, people ahead, priority
    text, width = _pdf_text(target)
    assert outcome.pdf_path == target
    assert "MPP Uji Coba" in text
    assert ticket.number in text and ticket.number != first.number
    assert "KTP-el" in text
    assert "Rabu, 4 Maret 2026 pukul 10.00 WIB" in text
    assert "Jumlah antrian di depan Anda: 0" in text  # a priority ticket goes first
    assert "Prioritas: Lansia" in text
    assert "SALINAN" not in text
    assert width == pytest.approx(58 * mm, abs=1)
    assert queue.get_ticket(site, ticket.id).print_state == "printed"
    assert [a.entity_id for a in _audit(site, "ticket.print_printed")] == [str(ticket.id)]


def test_print_to_escpos_file_writes_number_qr_and_cut(site: Database, tmp_path: Path) -> None:
    ticket = queue.issue_ticket(site, "PKB", print_state="pending")
    device = tmp_path / "lp0"

    ticketing.print_ticket(site, ticket.id, f"escpos-file:{device}", 80)

    raw = device.read_bytes()
    assert b"D001" in raw
    assert b"Pajak Kendaraan" in raw
    assert b"\x1d(k" in raw  # GS ( k: a native QR code
    assert b"\x1dV" in raw  # GS V: paper cut
    assert queue.get_ticket(site, ticket.id).print_state == "printed"


def test_printer_offline_then_retry_succeeds(site: Database, tmp_path: Path) -> None:
    # Given a network printer that does not answer
    ticket = queue.issue_ticket(site, "KTP", print_state="pending")
    offline = f"escpos-net:127.0.0.1:{_closed_port()}"

    # When the kiosk prints, the failure is an Indonesian message and the ticket is marked failed
    with pytest.raises(PrinterError) as failure:
        ticketing.print_ticket(site, ticket.id, offline, 80)
    assert "Printer tiket tidak dapat dihubungi" in failure.value.message
    assert queue.get_ticket(site, ticket.id).print_state == "failed"
    assert queue.get_ticket(site, ticket.id).state == "waiting"

    # Then "Coba lagi" on a working target prints it and it is no longer at risk
    ticketing.print_ticket(site, ticket.id, f"escpos-file:{tmp_path / 'lp0'}", 80)
    assert queue.get_ticket(site, ticket.id).print_state == "printed"
    assert ticketing.cancel_unprinted(site, 0) == []
    assert queue.get_ticket(site, ticket.id).state == "waiting"


def test_never_printed_ticket_is_cancelled_after_timeout(site: Database, clock: Clock) -> None:
    # Given a ticket whose print failed, one whose print is still pending, one printed,
    # and one issued by an officer without paper
    failed = queue.issue_ticket(site, "KTP", print_state="pending")
    with pytest.raises(PrinterError):
        ticketing.print_ticket(site, failed.id, f"escpos-net:127.0.0.1:{_closed_port()}", 80)
    stuck = queue.issue_ticket(site, "KK", print_state="pending")
    printed = queue.issue_ticket(site, "PKB", print_state="pending")
    ticketing.print_ticket(site, printed.id, "escpos-dummy:", 80)
    officer = queue.issue_ticket(site, "KTP")

    # When less than the site timeout (5 minutes) has passed, nothing is cancelled
    clock.advance(minutes=4)
    assert ticketing.cancel_unprinted(site) == []

    # Then after the timeout the two unprinted tickets are cancelled with reason "gagal cetak"
    clock.advance(minutes=2)
    cancelled = ticketing.cancel_unprinted(site)
    assert sorted(t.number for t in cancelled) == sorted([failed.number, stuck.number])
    for t in (failed, stuck):
        now = queue.get_ticket(site, t.id)
        assert (now.state, now.cancel_reason) == ("cancelled", "gagal cetak")
    assert queue.get_ticket(site, printed.id).state == "waiting"
    assert queue.get_ticket(site, officer.id).state == "waiting"
    # audited and sent to the central API like any cancellation
    audits = _audit(site, "ticket.cancel")
    assert {a.entity_id for a in audits} == {str(failed.id), str(stuck.id)}
    assert all(a.details["reason"] == "gagal cetak" for a in audits)
    with site.read() as s:
        events = list(s.scalars(select(OutboxEvent).where(OutboxEvent.type == "ticket.cancelled")))
    assert sorted(e.payload["number"] for e in events) == sorted([failed.number, stuck.number])
    # nobody can call them any more
    assert sorted(t.number for t in queue.waiting_list(site)) == sorted([officer.number, printed.number])


def test_reprint_is_a_marked_copy_and_audited(site: Database, tmp_path: Path) -> None:
    ticket = queue.issue_ticket(site, "KTP", print_state="pending")
    ticketing.print_ticket(site, ticket.id, f"pdf:{tmp_path / 'asli.pdf'}", 80)

    copy = tmp_path / "salinan.pdf"
    ticketing.print_ticket(site, ticket.number, f"pdf:{copy}", 80, copy=True)

    assert "SALINAN" in _pdf_text(copy)[0]
    assert "SALINAN" not in _pdf_text(tmp_path / "asli.pdf")[0]
    reprints = _audit(site, "ticket.reprint")
    assert [(a.entity_id, a.details["copy"]) for a in reprints] == [(str(ticket.id), True)]


def test_failed_copy_does_not_put_a_printed_ticket_at_risk(site: Database, clock: Clock) -> None:
    ticket = queue.issue_ticket(site, "KTP", print_state="pending")
    ticketing.print_ticket(site, ticket.id, "escpos-dummy:", 80)

    with pytest.raises(PrinterError):
        ticketing.print_ticket(site, ticket.id, f"escpos-net:127.0.0.1:{_closed_port()}", 80, copy=True)

    assert queue.get_ticket(site, ticket.id).print_state == "printed"
    assert len(_audit(site, "ticket.reprint_failed")) == 1
    clock.advance(minutes=30)
    assert ticketing.cancel_unprinted(site) == []


def test_os_printer_target_needs_the_application(site: Database) -> None:
    ticket = queue.issue_ticket(site, "KTP", print_state="pending")
    received: list[tuple[bytes, str, int]] = []

    with pytest.raises(PrinterError) as failure:
        ticketing.print_ticket(site, ticket.id, "printer:Kasir", 58)
    assert "aplikasi" in failure.value.message

    def os_printer(pdf: bytes, name: str, paper_mm: int) -> None:
        received.append((pdf, name, paper_mm))

    ticketing.print_ticket(site, ticket.id, "printer:Kasir", 58, os_printer=os_printer)
    assert [(pdf[:5], name, paper) for pdf, name, paper in received] == [(b"%PDF-", "Kasir", 58)]
    assert queue.get_ticket(site, ticket.id).print_state == "printed"


def test_unknown_target_is_refused_in_indonesian(site: Database) -> None:
    ticket = queue.issue_ticket(site, "KTP", print_state="pending")
    with pytest.raises(PrinterError) as failure:
        ticketing.print_ticket(site, ticket.id, "fax:123", 80)
    assert "Tujuan cetak tidak dikenali" in failure.value.message
    assert queue.get_ticket(site, ticket.id).print_state == "failed"


def test_failed_print_of_a_ticket_issued_without_paper_is_not_cancelled(site: Database, clock: Clock) -> None:
    # An officer issued this ticket at the counter (no paper); site IT then tries a printer
    ticket = queue.issue_ticket(site, "KK")
    with pytest.raises(PrinterError):
        ticketing.print_ticket(site, ticket.id, f"escpos-net:127.0.0.1:{_closed_port()}", 80)

    assert queue.get_ticket(site, ticket.id).print_state == "none"
    assert [a.details["error"] is not None for a in _audit(site, "ticket.print_failed")] == [True]
    clock.advance(minutes=30)
    assert ticketing.cancel_unprinted(site) == []
    assert queue.get_ticket(site, ticket.id).state == "waiting"
