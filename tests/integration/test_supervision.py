"""Supervisor interventions on SQLite and PostgreSQL: reprint, cancel, forced counter close."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from p4_desk.errors import InvalidTransition, ValidationError
from p4_desk.services import queue, supervision, ticketing, users
from p4_desk.services import site as site_settings
from p4_desk.services.stats import Period, compute_statistics
from p4_desk.store.db import Database
from p4_desk.store.models import AuditEntry
from tests.support.sites import Clock, make_site


@pytest.fixture
def site(db_url: str, clock: Clock) -> Iterator[Database]:
    db = make_site(db_url, clock)
    yield db
    db.dispose()


def audit(db: Database, action: str) -> list[AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_reprint_is_marked_as_a_copy_and_audited(site: Database, tmp_path) -> None:
    boss = users.add_user(site, "kepala", "Kepala Unit", "supervisor", "rahasia123").actor
    t = queue.issue_ticket(site, "KK", "lansia")
    pdf = tmp_path / "salinan.pdf"
    pdf.write_bytes(supervision.reprint_pdf(site, t.id, boss))
    text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "SALINAN" in text and t.number in text and "Lansia" in text
    [row] = audit(site, "ticket.reprint")
    assert (row.username, row.entity_id, row.details["number"]) == ("kepala", str(t.id), t.number)


def test_reprint_shows_what_the_first_print_showed(site: Database) -> None:
    # Given a priority ticket and a site footer
    boss = users.add_user(site, "kepala", "Kepala Unit", "supervisor", "rahasia123").actor
    site_settings.set_setting(site, "ticket.footer", "Simpan tiket ini sampai layanan selesai.")
    t = queue.issue_ticket(site, "KK", "lansia")
    first = ticketing.print_data_for(site, queue.get_ticket(site, t.id))
    # When the supervisor reprints it, then only the SALINAN mark differs
    again = supervision.reprint_data(site, t.id, boss)
    assert again == replace(first, copy=True)
    assert (again.priority_label, again.footer) == (
        "Prioritas: Lansia",
        "Simpan tiket ini sampai layanan selesai.",
    )


def test_cancel_needs_a_reason(site: Database) -> None:
    t = queue.issue_ticket(site, "KTP")
    with pytest.raises(ValidationError):
        supervision.cancel_ticket(site, t.id, "  ")
    assert supervision.cancel_ticket(site, t.id, "Cetak tiket gagal, pemohon pulang").state == "cancelled"


def test_forced_close_returns_a_called_ticket_to_its_place(site: Database, clock: Clock) -> None:
    officer = users.get_user(site, "petugas1").actor
    queue.set_counter_state(site, "L2", "open", officer)
    first = queue.issue_ticket(site, "KTP")
    clock.advance(minutes=1)
    second = queue.issue_ticket(site, "KTP")
    clock.advance(minutes=2)
    queue.call_next(site, "L2", officer)
    with pytest.raises(InvalidTransition):  # the ordinary close refuses
        queue.set_counter_state(site, "L2", "closed", officer)

    closed = supervision.close_counter(site, "L2", "Petugas sakit, pulang")
    assert (closed.ticket, closed.ticket_outcome) == (first.number, "waiting")
    assert queue.get_ticket(site, first.id).state == "waiting"
    # still first in line: the next counter to call KTP gets it, before the later arrival
    queue.set_counter_state(site, "L1", "open", officer)
    assert queue.call_next(site, "L1", officer).id == first.id
    assert queue.get_ticket(site, second.id).state == "waiting"
    status = {c.code: c for c in queue.queue_status(site).counters}
    assert (status["L2"].state, status["L2"].officer) == ("closed", None)
    [row] = [r for r in audit(site, "counter.closed") if r.details.get("forced")]
    assert row.details["reason"] == "Petugas sakit, pulang"
    # the un-called leg counts as one wait, from queueing to the second call (3 minutes)
    stats = compute_statistics(site, Period.day(date(2026, 3, 4)))
    assert stats.totals.wait_avg == pytest.approx(180)


def test_forced_close_finishes_a_ticket_being_served(site: Database, clock: Clock) -> None:
    officer = users.get_user(site, "petugas2").actor
    queue.set_counter_state(site, "L3", "open", officer)
    t = queue.issue_ticket(site, "PKB")
    queue.call_next(site, "L3", officer)
    queue.start(site, t.id, officer)
    clock.advance(minutes=7)
    closed = supervision.close_counter(site, "L3", "Lupa menutup loket")
    assert closed.ticket_outcome == "done"
    assert queue.get_ticket(site, t.id).state == "done"
    stats = compute_statistics(site, Period.day(date(2026, 3, 4)))
    assert (stats.totals.served, stats.totals.service_avg) == (1, pytest.approx(420))
    with pytest.raises(ValidationError):
        supervision.close_counter(site, "L3", "")
