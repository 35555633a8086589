"""The queue engine on a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from p4_desk.domain.opening_hours import OFFICE_HOURS
from p4_desk.errors import (
    CounterNotOpen,
    InvalidTransition,
    NotFound,
    QuotaExhausted,
    ServiceClosed,
    ValidationError,
)
from p4_desk.services import catalog, queue, users
from p4_desk.store.models import AuditEntry, OutboxEvent, Ticket, TicketLeg
from tests.support.sites import Clock, make_site


@pytest.fixture
def site(db_url: str, clock: Clock):
    db = make_site(db_url, clock)
    yield db
    db.dispose()


def _counts(db) -> tuple[int, int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Ticket)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
            s.scalar(select(func.count()).select_from(OutboxEvent)),
        )


def test_full_ticket_lifecycle_writes_audit_and_outbox(site, clock) -> None:
    officer = users.get_user(site, "petugas1").actor
    queue.set_counter_state(site, "L1", "open", officer)
    t = queue.issue_ticket(site, "KTP")
    assert (t.number, t.state, t.people_ahead) == ("A001", "waiting", 0)
    clock.advance(minutes=4)
    called = queue.call_next(site, "L1", officer)
    assert called is not None and called.number == "A001" and called.counter == "L1"
    assert called.officer == "petugas1"
    clock.advance(minutes=1)
    queue.start(site, "A001", officer)
    clock.advance(minutes=6)
    done = queue.finish(site, "A001", officer)
    assert done.state == "done"
    assert done.finished_at - done.started_at == timedelta(minutes=6)
    with site.read() as s:
        events = [e.type for e in s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq))]
        actions = [a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.entity == "ticket"))]
        last = s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq.desc())).first()
    assert events[-4:] == ["ticket.issued", "ticket.called", "ticket.started", "ticket.finished"]
    assert actions == ["ticket.issue", "ticket.call_next", "ticket.start", "ticket.finish"]
    assert last is not None and last.payload["state"] == "done" and last.payload["number"] == "A001"
    assert last.state == "pending"


def test_numbers_restart_each_service_day_in_site_time(site, clock) -> None:
    clock.now = datetime(2026, 3, 4, 16, 50, tzinfo=UTC)  # 23:50 WIB
    assert queue.issue_ticket(site, "KTP").number == "A001"
    assert queue.issue_ticket(site, "KTP").number == "A002"
    assert queue.issue_ticket(site, "KK").number == "B001"
    clock.advance(minutes=15)  # 00:05 WIB next day (still 4 March in UTC)
    assert queue.issue_ticket(site, "KTP").number == "A001"


def test_yesterdays_waiting_tickets_are_not_called_today(site, clock) -> None:
    queue.set_counter_state(site, "L1", "open")
    queue.issue_ticket(site, "KTP")
    clock.advance(days=1)
    assert queue.call_next(site, "L1") is None
    assert queue.waiting_list(site, "L1") == []


def test_priority_order_and_specific_call(site, clock) -> None:
    queue.set_counter_state(site, "L1", "open")
    queue.issue_ticket(site, "KTP")  # A001 10:00
    clock.advance(minutes=5)
    queue.issue_ticket(site, "KTP")  # A002 10:05
    clock.advance(minutes=5)
    elderly = queue.issue_ticket(site, "KTP", "lansia")  # A003 10:10, head start 15 min
    assert elderly.people_ahead == 0
    assert [t.number for t in queue.waiting_list(site, "L1")] == ["A003", "A001", "A002"]
    # A specific call takes A002 out of order (the citizen is standing at the counter).
    called = queue.call_ticket(site, "A002", "L1")
    assert called.number == "A002"
    with pytest.raises(InvalidTransition, match="masih menangani tiket A002"):
        queue.call_next(site, "L1")


def test_recall_counted_and_no_show_needs_a_recall(site) -> None:
    queue.set_counter_state(site, "L1", "open")
    queue.issue_ticket(site, "KTP")
    queue.call_next(site, "L1")
    with pytest.raises(InvalidTransition, match="Panggil ulang"):
        queue.no_show(site, "A001")
    assert queue.recall(site, "A001").recall_count == 1
    assert queue.recall(site, "A001").recall_count == 2
    gone = queue.no_show(site, "A001")
    assert gone.state == "no_show"
    back = queue.reactivate(site, "A001")
    assert back.state == "waiting" and back.number == "A001"


def test_transfer_keeps_arrival_and_opens_a_new_leg(site, clock) -> None:
    queue.set_counter_state(site, "L1", "open")
    queue.set_counter_state(site, "L3", "open")
    first = queue.issue_ticket(site, "KTP")
    clock.advance(minutes=10)
    queue.issue_ticket(site, "PKB")  # D001 arrives 10 minutes after A001
    queue.call_next(site, "L1")
    queue.start(site, "A001")
    moved = queue.transfer(site, "A001", to_service="PKB")
    assert (moved.state, moved.service, moved.transferred_from) == ("waiting", "PKB", "KTP")
    assert moved.arrival_at == first.arrival_at
    # Original arrival kept: the transferred ticket is ahead of D001 in the Samsat queue.
    assert [t.number for t in queue.waiting_list(site, "L3")] == ["A001", "D001"]
    with site.read() as s:
        legs = s.execute(
            select(TicketLeg.service_id, TicketLeg.outcome)
            .where(TicketLeg.ticket_id == first.id)
            .order_by(TicketLeg.id)
        ).all()
    assert [o for _s, o in legs] == ["transferred", "open"]


def test_transfer_to_a_counter_only_that_counter_calls_it(site) -> None:
    for c in ("L1", "L2"):
        queue.set_counter_state(site, c, "open")
    queue.issue_ticket(site, "KTP")
    queue.call_next(site, "L1")
    queue.transfer(site, "A001", to_counter="L2")
    assert queue.call_next(site, "L1") is None
    assert queue.call_next(site, "L2").number == "A001"


def test_estimate_uses_open_counters_and_recent_service_times(site, clock) -> None:
    queue.set_counter_state(site, "L1", "open")
    queue.set_counter_state(site, "L2", "open")
    for _ in range(4):
        queue.issue_ticket(site, "KTP")
    # Two recent services of 10 minutes each.
    for n in ("A001", "A002"):
        queue.call_ticket(site, n, "L1")
        queue.start(site, n)
        clock.advance(minutes=10)
        queue.finish(site, n)
    t = queue.issue_ticket(site, "KTP")
    assert t.people_ahead == 2  # A003, A004
    assert t.estimated_wait_minutes == 10  # 2 people x 10 min / 2 open counters


def test_bad_input_is_refused_in_indonesian_and_writes_nothing(site, clock) -> None:
    queue.issue_ticket(site, "KTP")
    before = _counts(site)
    with pytest.raises(NotFound, match="Layanan 'PASPOR' tidak ditemukan"):
        queue.issue_ticket(site, "PASPOR")
    with pytest.raises(NotFound, match="Loket 'L9' tidak ditemukan"):
        queue.call_next(site, "L9")
    with pytest.raises(NotFound, match="Tiket 'A777' tidak ditemukan"):
        queue.start(site, "A777")
    with pytest.raises(InvalidTransition, match="tidak dapat diselesaikan: statusnya menunggu"):
        queue.finish(site, "A001")
    with pytest.raises(CounterNotOpen, match="Loket 1 sedang tutup"):
        queue.call_next(site, "L1")
    with pytest.raises(ValidationError, match="Kelompok prioritas"):
        queue.issue_ticket(site, "KTP", "vip")
    with pytest.raises(ValidationError, match="Alasan pembatalan wajib"):
        queue.cancel(site, "A001", "  ")
    assert _counts(site) == before


def test_quota_exhausted_rolls_back_the_number(site) -> None:
    catalog.update_service(site, "KK", daily_quota=2)
    queue.issue_ticket(site, "KK")
    queue.issue_ticket(site, "KK")
    before = _counts(site)
    with pytest.raises(QuotaExhausted, match="Kuota harian layanan Kartu Keluarga"):
        queue.issue_ticket(site, "KK")
    assert _counts(site) == before
    catalog.update_service(site, "KK", daily_quota=3)
    assert queue.issue_ticket(site, "KK").number == "B003"  # no gap left by the refused ticket


def test_outside_opening_hours_including_friday_prayer_break(site, clock) -> None:
    catalog.update_service(site, "KTP", hours=OFFICE_HOURS)
    clock.now = datetime(2026, 3, 6, 5, 0, tzinfo=UTC)  # Friday 12:00 WIB
    with pytest.raises(ServiceClosed, match=r"sedang tutup.*08:00–11:30, 13:30–16:00"):
        queue.issue_ticket(site, "KTP")
    clock.now = datetime(2026, 3, 6, 6, 45, tzinfo=UTC)  # Friday 13:45 WIB
    assert queue.issue_ticket(site, "KTP").number == "A001"
    clock.now = datetime(2026, 3, 7, 3, 0, tzinfo=UTC)  # Saturday
    with pytest.raises(ServiceClosed, match="Tutup"):
        queue.issue_ticket(site, "KTP")


def test_counter_cannot_close_while_serving_and_status_reports_it(site) -> None:
    queue.set_counter_state(site, "L1", "open", users.get_user(site, "petugas1").actor)
    queue.issue_ticket(site, "KTP")
    queue.call_next(site, "L1")
    with pytest.raises(InvalidTransition, match="masih menangani tiket A001"):
        queue.set_counter_state(site, "L1", "closed")
    status = queue.queue_status(site).to_json()
    l1 = next(c for c in status["counters"] if c["code"] == "L1")
    assert (l1["state"], l1["current_ticket"], l1["officer"]) == ("open", "A001", "petugas1")
    ktp = next(s for s in status["services"] if s["code"] == "KTP")
    assert ktp["waiting"] == 0 and ktp["open_counters"] == 2 - 1  # L1 open, L2 closed
