"""Screen read models (services.screens) without any widget: one call, one transaction, one
snapshot, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from p4_desk.errors import P4Error
from p4_desk.services import catalog, complaints, queue, users
from p4_desk.services.screens import admin, counter, forms, hall, supervisor
from p4_desk.store.db import Database
from p4_desk.store.migrate import open_database
from tests.support.sites import DEFAULT_START, Clock, make_site
from tests.support.transactions import transactions_begun


@pytest.fixture
def clock() -> Clock:
    return Clock(DEFAULT_START)


@pytest.fixture
def site(db_url: str, clock: Clock) -> Iterator[Database]:
    db = make_site(db_url, clock)
    yield db
    db.dispose()


@pytest.fixture
def other(db_url: str, clock: Clock, site: Database) -> Iterator[Database]:
    """Another workstation on the same database (its own engine and connections)."""
    db = open_database(db_url, clock=clock)
    yield db
    db.dispose()


SCREENS: dict[str, Callable[[Database], Any]] = {
    "counter": lambda db: counter.counter_screen(db, "L1", None),
    "transfer": counter.transfer_targets,
    "kiosk": hall.kiosk_screen,
    "board": hall.board_screen,
    "survey": lambda db: hall.survey_screen(db, "L1"),
    "live monitor": supervisor.live_screen,
    "statistics filters": supervisor.statistics_choices,
    "complaints": lambda db: supervisor.complaints_screen(db, "all"),
    "ikm": lambda db: supervisor.ikm_screen(db, date(2026, 3, 1), date(2026, 3, 31)),
    "admin services": admin.services_tab,
    "admin counters": admin.counters_tab,
    "admin permits": admin.permits_tab,
    "admin site": admin.site_tab,
    "admin audit": admin.audit_tab,
    "complaint dialog": forms.complaint_choices,
    "intake dialog": lambda db: forms.intake_setup(db, "pc-1/walk-in"),
}


def transactions_of(db: Database, read: Callable[[Database], Any]) -> tuple[Any, int]:
    with transactions_begun(db) as begun:
        return read(db), len(begun)


@pytest.mark.parametrize("name", list(SCREENS))
def test_every_screen_is_read_in_one_transaction(site: Database, name: str) -> None:
    queue.issue_ticket(site, "KTP")
    queue.set_counter_state(site, "L1", "open")
    queue.call_next(site, "L1")
    _model, transactions = transactions_of(site, SCREENS[name])
    assert transactions == 1


def test_the_counter_screen_has_everything_the_officer_sees(site: Database, clock: Clock) -> None:
    # Given three citizens for Loket 1 (KTP, KK) and one for Samsat, and an officer who served one
    for service in ("KTP", "KK", "KTP", "PKB"):
        queue.issue_ticket(site, service)
    officer = users.get_user(site, "petugas1")
    queue.set_counter_state(site, "L1", "open", officer.actor)
    first = queue.call_next(site, "L1", officer.actor)
    assert first is not None
    queue.start(site, first.id, officer.actor)
    clock.advance(minutes=6)
    queue.finish(site, first.id, officer.actor)
    called = queue.call_next(site, "L1", officer.actor)

    screen = counter.counter_screen(site, "l1", officer.id)

    assert (screen.counter.code, screen.counter.state) == ("L1", "open")
    assert screen.ticket is not None and called is not None and screen.ticket.number == called.number
    assert [t.number for t in screen.waiting] == ["A002"]  # Samsat's D001 is not for this counter
    assert screen.tally == {"served": 1, "no_show": 0, "average_service_minutes": 6.0}
    assert screen.recalls_required == 1
    with pytest.raises(P4Error) as missing:
        counter.counter_screen(site, "L99", None)
    assert "Loket 'L99' tidak ditemukan" in missing.value.message


def test_a_screen_is_one_snapshot_while_another_workstation_writes(site: Database, other: Database) -> None:
    before = hall.kiosk_screen(site)
    assert {s.code: s.waiting for s in before.services}["KTP"] == 0

    # When a kiosk elsewhere issues a ticket just after the screen read its change marker
    def issue_after_marker(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "audit_log" in statement and not issued:
            issued.append(queue.issue_ticket(other, "KTP"))

    issued: list[queue.TicketInfo] = []
    event.listen(site.engine, "after_cursor_execute", issue_after_marker)
    try:
        during = hall.kiosk_screen(site)
    finally:
        event.remove(site.engine, "after_cursor_execute", issue_after_marker)

    # Then the screen shows the state its marker names: without that ticket, consistently
    assert issued
    assert during.marker == before.marker
    assert {s.code: s.waiting for s in during.services}["KTP"] == 0
    after = hall.kiosk_screen(site)
    assert after.marker > during.marker
    assert {s.code: s.waiting for s in after.services}["KTP"] == 1


def test_the_complaints_screen_filters_and_summarises(site: Database, clock: Clock) -> None:
    filed = complaints.file_complaint(
        site,
        kind="pengaduan",
        agency="SAMSAT",
        description="Antrian pajak tidak dipanggil sesuai urutan.",
        identity="anonymous",
    )
    clock.advance(days=10)  # past the verification deadline

    everything = supervisor.complaints_screen(site, "all")
    dukcapil = supervisor.complaints_screen(site, "all", agency="DUKCAPIL")

    assert [c.number for c in everything.complaints] == [filed.number]
    assert [(g.key, g.count) for g in everything.overdue_by_agency] == [("SAMSAT", 1)]
    assert [a.code for a in everything.agencies] == ["DUKCAPIL", "SAMSAT"]
    assert dukcapil.complaints == ()
    assert dukcapil.overdue_by_agency == everything.overdue_by_agency  # the summary is site-wide


def test_a_use_case_made_of_service_calls_is_one_transaction(site: Database, other: Database) -> None:
    # Given a use case that adds an agency and then a service whose prefix is taken
    with pytest.raises(P4Error) as refused, site.write():
        catalog.add_agency(site, "BPN", "Kantor Pertanahan")
        catalog.add_service(site, "SERT", "Pengecekan Sertifikat", "BPN", "A")
    # Then nothing of it is stored: the agency went with the refused service
    assert "Awalan 'A' sudah dipakai" in refused.value.message
    assert "BPN" not in [a.code for a in catalog.list_agencies(other, include_inactive=True)]
