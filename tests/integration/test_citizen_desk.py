"""The desk's side of the citizen's channel: what its events carry, the hall's board, the QR
addresses, and migration 0009 (issue 16)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from p4_desk.services import applications as apps
from p4_desk.services import catalog, queue, site, ticketing, users
from p4_desk.services.applications import DocumentInput, IntakeRequest
from p4_desk.services.queue.board import BOARD_EVENT, publish_board
from p4_desk.store import migrate
from p4_desk.store.db import Database
from p4_desk.store.models import OutboxEvent
from tests.support.citizen import APPLICANT, APPLICANT_PHONE, NIK, qr_texts
from tests.support.sites import make_site


def events(db: Database, type_: str) -> list[dict[str, object]]:
    with db.read() as s:
        return list(
            s.scalars(select(OutboxEvent.payload).where(OutboxEvent.type == type_).order_by(OutboxEvent.seq))
        )


def test_ticket_events_carry_the_page_token_and_place_in_line_but_nothing_personal(sqlite_url: str) -> None:
    db = make_site(sqlite_url)
    tickets = [queue.issue_ticket(db, "KTP") for _ in range(50)]
    tokens = {t.public_token for t in tickets}
    assert len(tokens) == 50 and all(t and len(t) == 22 for t in tokens)
    [first] = events(db, "ticket.issued")[:1]
    assert first["public_token"] == tickets[0].public_token
    assert (
        first["service_name"] == "KTP-el"
        and first["agency_name"] == "Dinas Kependudukan dan Pencatatan Sipil"
    )
    assert isinstance(first["queue_key"], float) and first["counter_name"] is None
    queue.set_counter_state(db, "L1", "open", users.get_user(db, "petugas1").actor)
    queue.call_next(db, "L1", users.get_user(db, "petugas1").actor)
    assert events(db, "ticket.called")[0]["counter_name"] == "Loket 1"
    db.dispose()


def test_the_board_is_written_only_when_it_changed(sqlite_url: str) -> None:
    db = make_site(sqlite_url)
    assert publish_board(db) is True
    assert publish_board(db) is False  # nothing changed: no second event
    [board] = events(db, BOARD_EVENT)
    assert board["site_name"] == "MPP Uji Coba" and board["timezone"] == "Asia/Jakarta"
    assert board["remind_when_ahead"] == 3
    assert [s["code"] for s in board["services"]] == ["KK", "KTP", "PKB"]  # type: ignore[index]
    assert {"code": "L3", "name": "Loket 3", "services": ["PKB"]} in board["counters"]  # type: ignore[operator]
    assert "petugas" not in str(board)

    catalog.add_service(db, "SIM", "SIM Baru", "SAMSAT", "S", hours={"mon": [["08:00", "12:00"]]})
    site.set_setting(db, "central.remind_when_ahead", 5)
    assert publish_board(db) is True
    latest = events(db, BOARD_EVENT)[-1]
    assert latest["remind_when_ahead"] == 5
    assert {"code": "SIM", "opening_hours": {"mon": [["08:00", "12:00"]]}}.items() <= next(
        s
        for s in latest["services"]
        if s["code"] == "SIM"  # type: ignore[union-attr]
    ).items()
    db.dispose()


def test_the_public_address_is_the_setting_else_the_enrolled_server(sqlite_url: str, tmp_path: Path) -> None:
    db = make_site(sqlite_url)
    catalog.add_agency(db, "DPMPTSP", "DPMPTSP")
    from p4_desk.services import permits
    from p4_desk.services.permits import Requirement

    permits.add_permit_type(
        db, "SIP-BIDAN", "Surat Izin Praktik Bidan", "DPMPTSP", working_days=3, fee=0, product="SIP",
        requirements=[Requirement("KTP", "Fotokopi KTP-el")],
    )  # fmt: skip
    request = IntakeRequest(NIK, APPLICANT, APPLICANT_PHONE, "Jl. Teuku Umar 12", "SIP-BIDAN",
                            documents=(DocumentInput("KTP", True),))  # fmt: skip
    info = apps.intake(db, request)
    ticket = queue.issue_ticket(db, "KTP")

    # not enrolled, no setting: the QR codes carry the ticket's id and the bare number
    assert qr_texts(apps.receipt_pdf(db, info.registration_number)) == [info.registration_number]
    assert ticketing.print_data_for(db, ticket).qr_value == ticket.uid

    # enrolled: the central server's pages
    with db.write() as s:
        s.execute(text("UPDATE sync_state SET central_url = 'https://sync.lampungprov.go.id/'"))
    [receipt_url] = qr_texts(apps.receipt_pdf(db, info.registration_number))
    assert receipt_url.startswith(f"https://sync.lampungprov.go.id/lacak/{info.registration_number}?k=")
    assert (
        ticketing.print_data_for(db, ticket).qr_value
        == f"https://sync.lampungprov.go.id/t/{ticket.public_token}"
    )

    # the setting wins; the same secret on every reprint
    site.set_setting(db, "central.public_url", "https://layanan.lampungprov.go.id")
    [again] = qr_texts(apps.receipt_pdf(db, info.registration_number))
    assert again.split("?k=")[1] == receipt_url.split("?k=")[1]
    assert again.startswith("https://layanan.lampungprov.go.id/lacak/")
    [event] = events(db, "application.received")
    assert (
        event["tracking_secret"] == again.split("?k=")[1]
        and event["permit_name"] == "Surat Izin Praktik Bidan"
    )
    db.dispose()


def test_migration_0009_gives_old_applications_a_secret_and_drops_the_placeholder_setting(
    sqlite_url: str,
) -> None:
    # Given a site with an application, taken back to revision 0007 with the old setting set
    db = make_site(sqlite_url)
    catalog.add_agency(db, "DPMPTSP", "DPMPTSP")
    from p4_desk.services import permits
    from p4_desk.services.permits import Requirement

    permits.add_permit_type(db, "SIP", "Surat Izin", "DPMPTSP", working_days=3, fee=0, product="SIP",
                            requirements=[Requirement("KTP", "KTP")])  # fmt: skip
    for _ in range(2):
        apps.intake(db, IntakeRequest(NIK, APPLICANT, APPLICANT_PHONE, "Jl. A 1", "SIP",
                                      documents=(DocumentInput("KTP", True),)))  # fmt: skip
    migrate.downgrade(db, "0007")
    with db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO site_setting (key, value) VALUES ('permits.tracking_url', :v)"),
            {"v": '"https://perizinan.example.go.id/lacak?nomor={nomor}"'},
        )
    db.dispose()

    # When it is opened by this program
    upgraded = migrate.open_database(sqlite_url)

    # Then every application has its own secret, and the placeholder setting is gone
    with upgraded.engine.connect() as conn:
        secrets = [row[0] for row in conn.execute(text("SELECT tracking_secret FROM application"))]
        settings = [row[0] for row in conn.execute(text("SELECT key FROM site_setting"))]
    assert len(secrets) == 2 and len(set(secrets)) == 2 and all(len(s) == 16 for s in secrets)
    assert "permits.tracking_url" not in settings
    upgraded.dispose()
