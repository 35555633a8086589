"""One visit across several services (issue 17.4) on a real SQLite file and a real PostgreSQL
server: one number through all its legs, with a transfer and a no-show in the middle, the
continuation's place in the next queue, per-leg statistics, and refused plans."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from p4_desk.errors import ServiceClosed, ValidationError
from p4_desk.services import catalog, queue
from p4_desk.services.screens.counter import counter_screen
from p4_desk.services.stats import Period
from p4_desk.services.visit_stats import visit_figures
from p4_desk.store.models import Counter, OutboxEvent, Service, Ticket, TicketLeg, VisitStep
from tests.support.sites import Clock, make_site

DAY = date(2026, 3, 4)


@pytest.fixture
def site(db_url: str, clock: Clock):
    db = make_site(db_url, clock)
    for code in ("L1", "L2", "L3"):
        queue.set_counter_state(db, code, "open")
    yield db
    db.dispose()


def _statuses(t: queue.TicketInfo) -> list[tuple[str, str]]:
    return [(step.service, step.status) for step in t.plan]


def _legs(db, ticket_id: int) -> list[tuple[str, str | None, str]]:
    with db.read() as s:
        rows = s.execute(
            select(Service.code, Counter.code, TicketLeg.outcome)
            .join(Service, Service.id == TicketLeg.service_id)
            .outerjoin(Counter, Counter.id == TicketLeg.counter_id)
            .where(TicketLeg.ticket_id == ticket_id)
            .order_by(TicketLeg.id)
        ).all()
    return [tuple(row) for row in rows]


def test_one_number_through_every_leg_with_a_transfer_and_a_no_show(site, clock: Clock) -> None:
    a = queue.issue_ticket(site, "KTP", then=["PKB", "KK"])
    assert (a.number, a.service, a.state) == ("A001", "KTP", "waiting")
    assert _statuses(a) == [("KTP", "current"), ("PKB", "pending"), ("KK", "pending")]
    assert a.next_step is not None and a.next_step.service_name == "Pajak Kendaraan"

    clock.advance(minutes=5)
    d1 = queue.issue_ticket(site, "PKB")  # joins the Samsat queue 15 minutes before A001 will
    clock.advance(minutes=1)
    assert queue.call_next(site, "L2").number == "A001"
    here = counter_screen(site, "L2", None).ticket
    assert here is not None and here.next_step is not None and here.next_step.service == "PKB"
    queue.start(site, "A001")
    clock.advance(minutes=2)
    moved = queue.transfer(site, "A001", to_counter="L1")  # L2's printer broke: go to Loket 1
    assert (moved.state, moved.target_counter) == ("waiting", "L1")
    clock.advance(minutes=1)
    assert queue.call_next(site, "L1").number == "A001"
    queue.start(site, "A001")
    clock.advance(minutes=6)
    d2 = queue.issue_ticket(site, "PKB")  # joins 5 minutes before A001 will
    clock.advance(minutes=5)  # 10.20

    after_ktp = queue.finish(site, "A001")
    assert (after_ktp.number, after_ktp.state, after_ktp.service) == ("A001", "waiting", "PKB")
    assert after_ktp.counter is None and after_ktp.queued_at == clock.now
    assert _statuses(after_ktp) == [("KTP", "done"), ("PKB", "current"), ("KK", "pending")]
    with site.read() as s:
        last = s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq.desc())).first()
        issued = s.scalar(select(func.count()).select_from(Ticket))
    assert last is not None and last.type == "ticket.transferred"
    assert (last.payload["service"], last.payload["state"], last.payload["number"]) == (
        "PKB",
        "waiting",
        "A001",
    )
    assert issued == 3  # no new number for the second service

    # the fairness rule: 10 minutes' credit, so D001 (joined 15 min earlier) goes first, D002 not
    order = [t.number for t in queue.waiting_list(site, "L3")]
    assert order == [d1.number, "A001", d2.number]
    assert queue.call_next(site, "L3").number == d1.number
    queue.start(site, d1.number)
    queue.finish(site, d1.number)
    assert queue.call_next(site, "L3").number == "A001"
    clock.advance(minutes=2)
    queue.recall(site, "A001")
    clock.advance(minutes=2)
    gone = queue.no_show(site, "A001")
    assert gone.state == "no_show"
    assert _statuses(queue.with_plan(site, gone)) == [("KTP", "done"), ("PKB", "current"), ("KK", "pending")]

    assert queue.call_next(site, "L3").number == d2.number
    queue.start(site, d2.number)
    queue.finish(site, d2.number)
    clock.advance(minutes=10)
    back = queue.reactivate(site, "A001")  # the citizen came back: the missed leg again
    assert (back.state, back.service) == ("waiting", "PKB")
    assert queue.call_next(site, "L3").number == "A001"
    queue.start(site, "A001")
    clock.advance(minutes=7)
    after_pkb = queue.finish(site, "A001")
    assert (after_pkb.state, after_pkb.service, after_pkb.recall_count) == ("waiting", "KK", 0)
    assert after_pkb.next_step is None  # the last service of the visit

    # the display board calls the same number again, now at Loket 1
    assert queue.call_next(site, "L1").number == "A001"
    board = queue.recent_calls(site)
    assert (board[0].number, board[0].counter_name) == ("A001", "Loket 1")
    queue.start(site, "A001")
    clock.advance(minutes=4)
    done = queue.finish(site, "A001")
    assert done.state == "done" and done.finished_at == clock.now
    shown = queue.with_plan(site, queue.get_ticket(site, "A001"))
    assert _statuses(shown) == [("KTP", "done"), ("PKB", "done"), ("KK", "done")]
    assert _legs(site, a.id) == [
        ("KTP", "L2", "transferred"),
        ("KTP", "L1", "done"),
        ("PKB", "L3", "no_show"),
        ("PKB", "L3", "done"),
        ("KK", "L1", "done"),
    ]

    # statistics count each leg: per step of the visit, and per service
    queue.cancel(site, queue.issue_ticket(site, "KK", then=["PKB"]).id, "warga pulang")
    figures = visit_figures(site, Period.day(DAY))
    assert (figures.visits, figures.completed, figures.not_reached) == (2, 1, 1)
    first, second, third = figures.steps
    assert (first.position, first.legs, first.served) == (1, 3, 1)  # A001's two KTP legs + the cancelled one
    assert first.wait_avg_seconds == pytest.approx((6 * 60 + 60) / 2)  # 6 min at L2, 1 min after the transfer
    assert (second.legs, second.served) == (2, 1)  # the no-show leg and the served one
    assert (third.legs, third.served) == (1, 1)
    services = {sv.code: sv for sv in figures.services}
    assert (services["PKB"].continued, services["PKB"].served) == (2, 1)
    assert (services["KK"].continued, services["KK"].served) == (1, 1)
    assert "KTP" not in services  # only ever a first step here


def test_a_later_service_already_served_through_a_transfer_is_skipped(site, clock: Clock) -> None:
    t = queue.issue_ticket(site, "KTP", then=["KK"])
    queue.call_next(site, "L2")
    queue.start(site, t.number)
    queue.transfer(site, t.number, to_service="KK")  # the officer: this is a Kartu Keluarga matter
    assert queue.call_next(site, "L1").number == t.number
    queue.start(site, t.number)
    done = queue.finish(site, t.number)
    assert done.state == "done"
    assert _statuses(queue.with_plan(site, done)) == [("KTP", "done"), ("KK", "skipped")]


def test_a_transferred_continuation_keeps_its_bounded_place(site, clock: Clock) -> None:
    t = queue.issue_ticket(site, "KTP", then=["KK"])
    queue.call_next(site, "L2")
    queue.start(site, t.number)
    clock.advance(minutes=60)
    early = queue.issue_ticket(site, "PKB")  # in the Samsat queue 30 minutes before A001 gets there
    clock.advance(minutes=30)
    queue.finish(site, t.number)  # → waiting for KK
    queue.call_next(site, "L1")
    queue.transfer(site, t.number, to_service="PKB")  # KK sends it to Samsat after all
    # an hour and a half in the hall, but the credit stays 10 minutes: D001 is still first
    assert [w.number for w in queue.waiting_list(site, "L3")] == [early.number, t.number]


@pytest.mark.parametrize(
    ("services", "message"),
    [
        (["KTP", "PKB", "KK", "KTP"], "Satu kunjungan paling banyak 3 layanan (dipilih 4)."),
        (["KTP", "PKB", "ktp"], "Layanan KTP dipilih lebih dari sekali dalam satu kunjungan."),
    ],
)
def test_a_plan_too_long_or_repeating_a_service_is_refused(site, services, message) -> None:
    with pytest.raises(ValidationError) as err:
        queue.issue_ticket(site, services[0], then=services[1:])
    assert err.value.message == message
    _nothing_written(site)


def test_a_later_service_closed_now_is_refused_before_a_number_is_taken(site, clock: Clock) -> None:
    catalog.update_service(site, "PKB", hours={"wed": [["13:00", "15:00"]]})
    with pytest.raises(ServiceClosed) as err:
        queue.issue_ticket(site, "KTP", then=["PKB"])
    assert err.value.message == "Layanan Pajak Kendaraan sedang tutup. Jam layanan hari ini: 13:00–15:00."
    _nothing_written(site)
    clock.advance(hours=3, minutes=30)  # 13.30: both open
    assert queue.issue_ticket(site, "KTP", then=["PKB"]).number == "A001"


def _nothing_written(db) -> None:
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 0
        assert s.scalar(select(func.count()).select_from(VisitStep)) == 0


def test_wait_of_a_continuation_starts_when_the_previous_leg_ended(site, clock: Clock) -> None:
    t = queue.issue_ticket(site, "KTP", then=["PKB"])
    queue.call_next(site, "L2")
    queue.start(site, t.number)
    clock.advance(minutes=25)
    queue.finish(site, t.number)
    clock.advance(minutes=3)
    status = {sv.code: sv for sv in queue.queue_status(site).services}
    assert (status["PKB"].waiting, status["PKB"].longest_wait_minutes) == (1, 3)
    assert status["KTP"].waiting == 0
    assert clock.now - queue.get_ticket(site, t.number).queued_at == timedelta(minutes=3)
