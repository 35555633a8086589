"""Personal data rights (issue 15.3/15.4/15.6) on SQLite and PostgreSQL: retention and purge,
the person's export and correction, a confidential reporter revealed on a reason, who read what."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text, update

from p4_desk.config import Settings
from p4_desk.domain.booking_rules import BookingRule
from p4_desk.errors import NotFound, PermissionDenied, ValidationError
from p4_desk.services import applications as apps
from p4_desk.services import booking, complaints, privacy, queue, site, surveys, users
from p4_desk.services.housekeeping import run_housekeeping
from p4_desk.services.stats import Period, compute_statistics
from p4_desk.store.db import Database
from p4_desk.store.models import (
    Application,
    AuditEntry,
    Booking,
    Complaint,
    OutboxEvent,
    ReminderRequest,
    Ticket,
)
from tests.integration.test_booking_central import ALL_DAY
from tests.support.pdf import pdf_text
from tests.support.permits import SITI_NIK, add_sip, make_ready, sip_request
from tests.support.sites import Clock, make_site

NIK = SITI_NIK
OTHER_NIK = "1871021203850001"  # Budi Santoso
MASKED = "1871********0003"
MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))


@pytest.fixture
def db(db_url: str, clock: Clock):
    database = make_site(db_url, clock)
    add_sip(database)
    users.add_user(database, "kepala", "Kepala MPP", "supervisor", "rahasia123")
    site.set_setting(database, "central.public_url", "https://layanan.lampungprov.go.id")  # reminders on
    yield database
    database.dispose()


def officer(db: Database, name: str = "petugas1") -> Any:
    return users.get_user(db, name).actor


def served_ticket(db: Database) -> str:
    ticket = queue.issue_ticket(db, "KTP")
    queue.set_counter_state(db, "L1", "open")
    called = queue.call_next(db, "L1")
    assert called is not None
    queue.start(db, called.id)
    queue.finish(db, called.id)
    return ticket.number


def hall(db: Database) -> dict[str, str]:
    """Siti's permit, collected; her named and her confidential complaint, closed; a survey on
    her ticket; a kiosk reminder; Budi's application still open."""
    o = officer(db)
    ticket = served_ticket(db)
    surveys.record_survey(db, {f"U{i}": 4 for i in range(1, 10)}, ticket=ticket, channel="screen")
    number = apps.intake(db, sip_request(ticket=ticket), o).registration_number
    make_ready(db, number, o, note="Bu Siti menelepon")
    apps.hand_over(db, number, nik=NIK, recipient="Siti Aminah", actor=o)
    budi = sip_request(nik=OTHER_NIK, name="Budi Santoso", phone="081311112222",
                        address="Jl. Kartini 3, Tanjung Karang")  # fmt: skip
    other = apps.intake(db, budi, o).registration_number
    named = complaints.file_complaint(
        db, kind="pengaduan", agency="DPMPTSP", description="Antrian lama sekali di loket izin.",
        registration_number=number, reporter_name="Siti Aminah", reporter_phone="081277889900", actor=o,
    ).number  # fmt: skip
    secret = complaints.file_complaint(
        db, kind="pengaduan", agency="DPMPTSP", description="Petugas meminta uang tambahan.",
        identity="confidential", reporter_name="Siti Aminah", reporter_phone="081277889900", actor=o,
    ).number  # fmt: skip
    for c in (named, secret):
        complaints.step_complaint(db, c, "closed", "Tidak dapat ditindaklanjuti", actor=o)
    waiting = queue.issue_ticket(db, "KTP")
    queue.ask_reminder(db, waiting.number, "081277889900")
    booking.set_rule(db, "KTP", BookingRule(hours=ALL_DAY, slot_minutes=30, capacity=2, days_ahead=1))
    slot = db.now().astimezone(db.timezone).replace(hour=10, minute=0, second=0, microsecond=0)
    booking.add_booking(db, "KTP", slot + timedelta(days=1), "Siti Aminah", "081277889900")
    return {"application": number, "other": other, "named": named, "secret": secret, "ticket": ticket}


def figures(db: Database) -> dict[str, Any]:
    stats = compute_statistics(db, MARCH).to_json()
    stats.pop("generated_at", None)
    listed = complaints.list_complaints(db)
    stats["complaints"] = sorted((c.kind, c.agency, c.state, c.identity) for c in listed)
    return stats


def test_purge_anonymises_what_is_past_retention_keeps_the_statistics_and_counts_it(
    db: Database, clock: Clock
) -> None:
    refs = hall(db)
    with db.write() as s:  # what the sync agent did meanwhile
        s.execute(update(OutboxEvent).values(state="sent", sent_at=db.now()))
    before = figures(db)
    supervisor = officer(db, "kepala")
    # Nothing is past retention today
    assert privacy.purge(db, supervisor).total == 0
    # Six years on, a dry run counts without changing anything
    clock.advance(days=6 * 365)
    dry = privacy.purge(db, supervisor, dry_run=True)
    outbox = dry.counts.pop("outbox")
    expected = {
        "applications": 1, "complaints": 2, "tickets": 2, "reminders": 1, "bookings": 1, "web_complaints": 0,
    }  # fmt: skip
    assert dry.counts == expected
    assert outbox > 10
    dry.counts["outbox"] = outbox
    with db.read() as s:
        assert s.scalar(
            select(Application.name).where(Application.registration_number == refs["application"])
        ) == ("Siti Aminah")
    # When the purge runs (batches of 1, as a crash between batches would leave them)
    report = privacy.purge(db, supervisor, batch=1)
    assert report.counts == dry.counts
    with db.read() as s:
        siti = s.scalar(select(Application).where(Application.registration_number == refs["application"]))
        budi = s.scalar(select(Application).where(Application.registration_number == refs["other"]))
        assert siti is not None and budi is not None
        assert (siti.nik, siti.name, siti.phone, siti.address, siti.handed_over_to, siti.tracking_secret) == (
            MASKED,
            "[dihapus]",
            "",
            "",
            None,
            None,
        )
        assert siti.anonymised_at is not None and all(h.note == "" for h in siti.history)
        assert budi.name == "Budi Santoso" and budi.anonymised_at is None  # not handed over: kept
        for c in s.scalars(select(Complaint)):
            assert (c.reporter_name, c.reporter_phone) == (None, None) and "Petugas" not in c.description
        assert s.scalar(select(ReminderRequest)) is None
        [booked] = s.execute(select(Booking.name, Booking.phone, Booking.state)).all()
        assert tuple(booked) == ("[dihapus]", "", "booked")  # the name and phone only
        assert all(t.public_token is None for t in s.scalars(select(Ticket)).all()[:2])
        audits = s.scalars(select(AuditEntry).where(AuditEntry.action == "privacy.purge")).all()
        events = [
            e.payload for e in s.scalars(select(OutboxEvent).where(OutboxEvent.type == "privacy.purged"))
        ]
    # Then statistics give the same figures as before
    assert figures(db) == before
    # And the audit log counts every batch, per kind, without the data
    assert sum(a.details["count"] for a in audits if a.details["kind"] == "complaints") == 2
    assert all(set(a.details) == {"kind", "count"} for a in audits)
    assert {"applications": [refs["application"]]} in events
    assert not any("Siti" in json.dumps(e) or NIK in json.dumps(e) for e in events)
    # And the application still opens, its NIK masked, no longer found by the full NIK
    assert apps.get_application(db, refs["application"]).nik_masked == MASKED
    assert apps.search_applications(db, NIK) == []
    # And a second run finds nothing more
    assert privacy.purge(db, supervisor).total == 0


def test_retention_periods_are_site_settings(db: Database, clock: Clock) -> None:
    refs = hall(db)
    assert privacy.retention_periods(db).applications_days == 1825
    site.set_setting(db, "privacy.applications_keep_days", 30)
    clock.advance(days=31)
    assert privacy.purge(db, dry_run=True).counts["applications"] == 1
    # the hourly housekeeping purges it
    assert run_housekeeping(db, Settings.load(), "counter")["personal_purged"] >= 1
    assert apps.get_application(db, refs["application"]).applicant_name == "[dihapus]"
    with pytest.raises(ValidationError, match="antara 30 dan 36500"):
        site.set_setting(db, "privacy.applications_keep_days", 3)


def test_the_person_export_gathers_everything_held_about_one_nik(db: Database) -> None:
    refs = hall(db)
    export = privacy.person_export(db, NIK, officer(db, "kepala"))
    doc = export.document
    assert [a["registration_number"] for a in doc["applications"]] == [refs["application"]]
    assert doc["applications"][0]["address"] == "Jl. Teuku Umar No. 12, Kedaton"
    assert sorted(c["number"] for c in doc["complaints"]) == sorted([refs["named"], refs["secret"]])
    assert len(doc["surveys"]) == 1 and doc["surveys"][0]["answers"]["U9"] == 4
    assert doc["reminders"][0]["phone"] == "+6281277889900"
    assert "Budi" not in json.dumps(doc)
    # The PDF reads back in Indonesian
    pdf = pdf_text(export.pdf)
    assert "DATA PRIBADI YANG DISIMPAN" in pdf and f"NIK {NIK}" in pdf
    assert refs["application"] in pdf and "Jl. Teuku Umar No. 12, Kedaton" in pdf
    assert "Petugas meminta uang tambahan." in pdf and "dirahasiakan" in pdf
    assert "Survei kepuasan (IKM)" in pdf and "U1=4" in pdf
    # And the export is in the access log and the audit log (counts, masked NIK)
    assert [(e.action, e.username, e.subject) for e in privacy.who_read(db, nik=NIK)][0] == (
        "export",
        "kepala",
        MASKED,
    )
    with db.read() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "person.export")).one()
    assert audit.entity_id == MASKED and audit.details["complaints"] == 2


def test_a_correction_changes_every_application_and_audits_masked_values(db: Database) -> None:
    refs = hall(db)
    done = privacy.correct_person(
        db, NIK, officer(db, "kepala"), name="Siti  Aminah Putri", phone="0812 9999 0000"
    )
    assert done.fields == ("name", "phone") and done.applications == 1
    info = apps.get_application(db, refs["application"])
    assert (info.applicant_name, info.phone) == ("Siti Aminah Putri", "+6281299990000")
    assert apps.search_applications(db, "aminah putri")[0].registration_number == refs["application"]
    with db.read() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "person.correct")).one()
    assert audit.details["changes"] == {
        "name": {"old": "S*** A***", "new": "S*** A*** P***"},
        "phone": {"old": "****9900", "new": "****0000"},
    }
    assert "Aminah" not in json.dumps(audit.details) and NIK not in json.dumps(audit.details)
    # Bad input is refused in Indonesian and changes nothing
    with pytest.raises(ValidationError, match="Nomor|HP|nomor"):
        privacy.correct_person(db, NIK, officer(db, "kepala"), phone="12")
    with pytest.raises(NotFound, match=r"Tidak ada permohonan atas NIK 1871\*+0009"):
        privacy.correct_person(db, "1871015708900009", officer(db, "kepala"), name="Siapa Saja")
    assert apps.get_application(db, refs["application"]).phone == "+6281299990000"


def test_a_confidential_reporter_is_revealed_to_a_supervisor_on_a_reason(db: Database) -> None:
    refs = hall(db)
    supervisor = officer(db, "kepala")
    assert complaints.get_complaint(db, refs["secret"]).reporter_name is None
    with pytest.raises(ValidationError, match="alasan"):
        privacy.reveal_reporter(db, refs["secret"], "perlu", supervisor)
    with pytest.raises(PermissionDenied, match="supervisor"):
        privacy.reveal_reporter(db, refs["secret"], "Menelepon pelapor soal jawaban", officer(db))
    with pytest.raises(ValidationError, match="tidak dirahasiakan"):
        privacy.reveal_reporter(db, refs["named"], "Menelepon pelapor soal jawaban", supervisor)
    found = privacy.reveal_reporter(db, refs["secret"], "Menelepon pelapor soal jawaban", supervisor)
    assert (found.name, found.phone) == ("Siti Aminah", "+6281277889900")
    with db.read() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "complaint.identity_revealed")).one()
    assert (audit.username, audit.entity_id, audit.details) == (
        "kepala",
        refs["secret"],
        {"reason": "Menelepon pelapor soal jawaban"},
    )
    entry = privacy.who_read(db, username="kepala")[0]
    assert (entry.action, entry.record_ref, entry.subject, entry.reason) == (
        "reveal",
        refs["secret"],
        "S. A.",
        "Menelepon pelapor soal jawaban",
    )


def test_who_read_answers_which_officer_looked_at_whose_data_when(db: Database, clock: Clock) -> None:
    refs = hall(db)
    # petugas1 searches Siti by NIK and opens her application; petugas2 searches a name the next day
    apps.search_applications(db, NIK, actor=officer(db))
    apps.get_application(db, refs["application"], actor=officer(db))
    clock.advance(days=1)
    apps.search_applications(db, "budi", actor=officer(db, "petugas2"))
    apps.search_applications(db, "1871015708900009", actor=officer(db, "petugas2"))  # nobody
    seen = privacy.who_read(db, nik=NIK)
    assert [(e.username, e.action, e.record_ref, e.subject) for e in seen] == [
        ("petugas1", "view", refs["application"], MASKED),
        ("petugas1", "search", refs["application"], MASKED),
    ]
    assert seen[1].query == MASKED  # the search as typed, masked
    second = privacy.who_read(db, username="petugas2")
    assert [(e.record_ref, e.query) for e in second] == [(None, "1871********0009"), (refs["other"], "budi")]
    assert privacy.who_read(db, nik="1871015708900009")[0].username == "petugas2"
    assert privacy.who_read(db, date_from=date(2026, 3, 5), date_to=date(2026, 3, 5)) == second
    assert [e.username for e in privacy.who_read(db, date_to=date(2026, 3, 4))] == ["petugas1", "petugas1"]
    # The log is append-only at the database itself
    with pytest.raises(Exception, match="append-only"), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM data_access_log"))
    with db.read() as s:  # and nothing in it holds a full NIK
        assert NIK not in json.dumps(
            [list(r) for r in s.execute(text("SELECT * FROM data_access_log"))], default=str
        )
