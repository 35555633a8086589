"""The deadline clock of permit applications on SQLite and PostgreSQL (issue 19, item 1).

Worked cases on the official 2026 calendar (the shipped SKB list): Nyepi Thursday 19 March with
its cuti bersama Wednesday 18; Idulfitri 21-22 March with cuti bersama Friday 20, Monday 23 and
Tuesday 24 March. A ten-working-day permit received on Wednesday 4 March is due Wednesday 25.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from p4_desk.errors import InvalidTransition, ValidationError
from p4_desk.services import applications as apps
from p4_desk.services import catalog, permits, reports, site, users
from p4_desk.services.applications import DocumentInput, IntakeRequest
from p4_desk.services.permits import Requirement
from p4_desk.services.stats import Period, StatsFilter, compute_statistics
from p4_desk.store.db import Database
from p4_desk.store.models import Application, ApplicationClockEvent, AuditEntry, OutboxEvent
from tests.support.pdf import pdf_text
from tests.support.sites import Clock, make_site

NIK = "1871015708900003"
MASKED = "1871********0003"


def at(day: int, month: int = 3, hour: int = 10) -> datetime:
    """``hour`` o'clock WIB on that day of 2026."""
    return datetime(2026, month, day, hour - 7, 0, tzinfo=UTC)


@pytest.fixture
def db(db_url: str, clock: Clock):
    database = make_site(db_url, clock)
    catalog.add_agency(database, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    catalog.add_agency(database, "DINKES", "Dinas Kesehatan")
    requirements = [Requirement("KTP", "Fotokopi KTP-el"), Requirement("STR", "Fotokopi STR")]
    permits.add_permit_type(
        database, "PBG", "Persetujuan Bangunan Gedung", "DPMPTSP", working_days=10, requirements=requirements
    )
    permits.add_permit_type(
        database, "SIP", "Surat Izin Praktik", "DINKES", working_days=5, requirements=requirements,
        clock_restarts_on_resubmission=True,
    )  # fmt: skip
    yield database
    database.dispose()


@pytest.fixture
def officer(db: Database):
    return users.get_user(db, "petugas1").actor


def take(db: Database, officer, permit: str = "PBG", documents: tuple[str, ...] = ("KTP", "STR")) -> str:
    request = IntakeRequest(
        nik=NIK, name="Siti Aminah", phone="0812-7788-9900", address="Jl. Teuku Umar No. 12, Kedaton",
        permit_type=permit, documents=tuple(DocumentInput(code, True) for code in documents),
    )  # fmt: skip
    return apps.intake(db, request, officer).registration_number


def events(db: Database, type_: str) -> list[OutboxEvent]:
    with db.read() as s:
        return list(s.scalars(select(OutboxEvent).where(OutboxEvent.type == type_).order_by(OutboxEvent.seq)))


def test_a_clock_stopped_for_five_working_days_then_resumed(db: Database, clock: Clock, officer) -> None:
    # Given a ten-day permit received on Wednesday 4 March, its receipt promising 25 March
    number = take(db, officer)
    assert apps.get_application(db, number).clock.due_date == date(2026, 3, 25)
    assert "SALINAN" not in pdf_text(apps.receipt_pdf(db, number, actor=officer))
    # When on Monday 9 March the STR turns out to be expired and the office waits for a new one
    clock.now = at(9)
    stopped = apps.stop_clock(db, number, "documents", "STR kedaluwarsa", missing=["STR"], actor=officer)
    # Then the clock stands at the three days used (Thu 5, Fri 6, Mon 9) and promises no date
    assert (stopped.clock.state, stopped.clock.used, stopped.clock.due_date) == ("stopped", 3, None)
    assert stopped.incomplete and [d.requirement for d in stopped.missing_documents] == ["STR"]
    # Nothing counts while it stands still
    clock.now = at(13)
    assert apps.get_application(db, number).clock.used == 3
    # When the new STR is not ticked on Monday 16 March, the clock cannot resume
    clock.now = at(16)
    with pytest.raises(ValidationError, match="Berkas masih belum lengkap: Fotokopi STR"):
        apps.resume_clock(db, number, actor=officer)
    assert apps.get_application(db, number).clock.state == "stopped"
    # When it arrives, five working days after the stop (Tue 10 ... Mon 16 March)
    resumed = apps.resume_clock(db, number, received=["STR"], actor=officer)
    # Then seven days remain from 16 March: 17, (18-24 March off), 25, 26, 27, 30, 31 March, 1 April
    assert (resumed.clock.state, resumed.clock.used, resumed.clock.due_date) == (
        "running",
        3,
        date(2026, 4, 1),
    )
    assert resumed.due_date == date(2026, 4, 1) and not resumed.incomplete
    assert [c.reason for c in resumed.clock.history] == ["", "STR kedaluwarsa", "Diterima: Fotokopi STR"]
    # The history is stored with the days used after each change
    with db.read() as s:
        rows = s.execute(
            select(ApplicationClockEvent.action, ApplicationClockEvent.day, ApplicationClockEvent.used_days,
                   ApplicationClockEvent.waiting_for, ApplicationClockEvent.officer_name)
            .order_by(ApplicationClockEvent.id)
        ).all()  # fmt: skip
    assert [tuple(r) for r in rows] == [
        ("start", date(2026, 3, 4), 0, None, "petugas1"),
        ("stop", date(2026, 3, 9), 3, "documents", "petugas1"),
        ("resume", date(2026, 3, 16), 3, None, "petugas1"),
    ]
    # The province hears of both changes with the new expected completion (schema 3)
    changes = events(db, "application.clock_changed")
    assert [e.schema_version for e in changes] == [3, 3]
    assert [e.payload["clock"]["state"] for e in changes] == ["stopped", "running"]
    assert changes[1].payload["clock"]["due_date"] == "2026-04-01"
    assert changes[0].payload["clock_change"]["documents"] == ["STR"]
    assert NIK not in json.dumps([e.payload for e in changes])
    with db.read() as s:
        audit = s.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("application.clock_%"))
        ).all()
    assert audit == ["application.clock_stop", "application.clock_resume"]


def test_the_reprinted_receipt_is_marked_with_the_new_expected_completion(
    db: Database, clock: Clock, officer
) -> None:
    number = take(db, officer)
    apps.receipt_pdf(db, number, actor=officer)
    clock.now = at(9)
    apps.stop_clock(db, number, "payment", "Retribusi belum dibayar", actor=officer)
    # A receipt while the clock stands still: the days left, no date
    waiting = pdf_text(apps.receipt_pdf(db, number, actor=officer))
    assert "PERUBAHAN PERKIRAAN SELESAI" in waiting and "SALINAN" not in waiting
    assert (
        "Jangka waktu berhenti sejak 9 Maret 2026, menunggu pembayaran; sisa 7 dari 10 hari kerja" in waiting
    )
    clock.now = at(16)
    assert not apps.get_application(db, number).receipt_outdated  # the applicant has that one
    apps.resume_clock(db, number, "Bukti bayar diterima", actor=officer)
    assert apps.get_application(db, number).receipt_outdated
    text = pdf_text(apps.receipt_pdf(db, number, actor=officer))
    assert "PERUBAHAN PERKIRAAN SELESAI" in text and "SALINAN" not in text
    assert "Perkiraan selesai (baru) : Rabu, 1 April 2026" in text
    assert "Perkiraan selesai semula : Rabu, 25 Maret 2026" in text
    assert "Jangka waktu : 10 hari kerja, terpakai 3" in text
    assert "Riwayat jangka waktu" in text
    assert (
        "9 Maret 2026 Jangka waktu berhenti: menunggu pembayaran (Retribusi belum dibayar) 3 hari kerja"
        in text
    )
    assert "16 Maret 2026 Jangka waktu dilanjutkan (Bukti bayar diterima) 3 hari kerja" in text
    # the same receipt again is a copy of it
    again = pdf_text(apps.receipt_pdf(db, number, actor=officer))
    assert "SALINAN" in again and "PERUBAHAN PERKIRAAN SELESAI" in again
    assert not apps.get_application(db, number).receipt_outdated


def test_a_resubmission_restarts_the_clock_where_the_permit_type_says_so(
    db: Database, clock: Clock, officer
) -> None:
    # The SIP type restarts on a resubmission; PBG resumes.
    sip, pbg = take(db, officer, "SIP"), take(db, officer, "PBG")
    clock.now = at(6)  # Friday 6 March: Thu 5 and Fri 6 used
    for number in (sip, pbg):
        apps.stop_clock(db, number, "correction", "Gambar denah salah skala", actor=officer)
    clock.now = at(10)
    with pytest.raises(ValidationError, match="tidak memulai ulang jangka waktu"):
        apps.restart_clock(db, pbg, actor=officer)
    restarted = apps.restart_clock(db, sip, actor=officer)
    # five fresh days from Tuesday 10 March: 11, 12, 13, 16, 17 March
    assert (restarted.clock.used, restarted.clock.due_date, restarted.clock.restarts) == (
        0,
        date(2026, 3, 17),
        1,
    )
    assert restarted.clock.history[-1].reason == "Berkas diajukan kembali"
    resumed = apps.resume_clock(db, pbg, actor=officer)
    # eight left from Tue 10: 11, 12, 13, 16, 17, (18-24 off), 25, 26, 27 March
    assert (resumed.clock.used, resumed.clock.due_date) == (2, date(2026, 3, 27))
    with pytest.raises(InvalidTransition, match="sedang berjalan"):
        apps.resume_clock(db, pbg, actor=officer)


def test_an_incomplete_dossier_starts_with_its_clock_stopped(db: Database, clock: Clock, officer) -> None:
    site.set_setting(db, "permits.incomplete_policy", "accept")
    number = take(db, officer, documents=("KTP",))
    info = apps.get_application(db, number)
    assert (info.clock.state, info.clock.waiting_for, info.clock.due_date) == ("stopped", "documents", None)
    assert info.clock.original_due is None and not info.clock.revised
    receipt = pdf_text(apps.receipt_pdf(db, number, actor=officer))
    assert "Jangka waktu berhenti sejak 4 Maret 2026, menunggu kelengkapan berkas" in receipt
    assert "PERUBAHAN" not in receipt
    # The STR comes on Friday 13 March: ten working days from then, Good Friday 3 April skipped:
    # 16, 17, (18-24 off), 25, 26, 27, 30, 31 March, 1, 2, (3), 6 April
    clock.now = at(13)
    resumed = apps.resume_clock(db, number, received=["STR"], actor=officer)
    assert resumed.clock.state == "running" and resumed.clock.used == 0
    assert resumed.clock.due_date == date(2026, 4, 6) and not resumed.incomplete
    assert resumed.clock.history[-1].reason == "Diterima: Fotokopi STR"


def test_the_decision_ends_the_clock_and_statistics_count_the_clock_that_ran(
    db: Database, clock: Clock, officer
) -> None:
    # Given two five-day SIP permits received on Wednesday 4 March (due Wednesday 11 March)
    waited, late = take(db, officer, "SIP"), take(db, officer, "SIP")
    # the first waited for a payment from Thursday 5 to Tuesday 10 March
    clock.now = at(5)
    apps.stop_clock(db, waited, "payment", "Menunggu pembayaran retribusi", actor=officer)
    clock.now = at(10)
    apps.resume_clock(db, waited, actor=officer)
    # When both are decided on Friday 13 March
    clock.now = at(13)
    for number, outcome in ((waited, "approved"), (late, "rejected")):
        for state in ("verifying", "processing", outcome):
            info = apps.change_state(db, number, state, actor=officer)
    # Then the clock has ended: the one that waited used 4 days (5, 11, 12, 13), the other 7
    first, second = apps.get_application(db, waited).clock, apps.get_application(db, late).clock
    assert (first.state, first.used, first.on_time) == ("ended", 4, True)
    assert (second.state, second.used, second.on_time) == ("ended", 7, False)
    assert info.clock.actions == ()
    with pytest.raises(InvalidTransition, match="sudah diputuskan"):
        apps.stop_clock(db, late, "documents", "terlambat", actor=officer)
    # and the statistics of March measure the clock that ran, not the calendar
    stats = compute_statistics(db, Period.month(date(2026, 3, 1)))
    assert stats.permits is not None
    assert (stats.permits.decided, stats.permits.on_time, stats.permits.late, stats.permits.waited) == (
        2,
        1,
        1,
        1,
    )
    assert stats.permits.used_avg == pytest.approx(5.5) and stats.permits.on_time_share == 0.5
    assert stats.to_json()["permits"]["on_time_share"] == 0.5
    assert compute_statistics(db, Period.month(date(2026, 2, 1))).permits.decided == 0  # type: ignore[union-attr]
    assert compute_statistics(db, Period.month(date(2026, 3, 1)), StatsFilter(agency="DPMPTSP")).permits == (
        type(stats.permits)(decided=0, on_time=0, late=0, used_avg=None, waited=0)
    )
    assert compute_statistics(db, Period.month(date(2026, 3, 1)), StatsFilter(counter="L1")).permits is None
    # the monthly report prints the same figures
    content = reports.report_content(stats, reports.report_signatory(db))
    assert content.permits is not None
    assert dict(content.permits.rows) == {
        "Permohonan izin diputuskan": "2",
        "Diputuskan dalam jangka waktu": "1",
        "Diputuskan melewati jangka waktu": "1",
        "Tepat waktu (jangka waktu yang berjalan)": "50,0%",
        "Rata-rata hari kerja terpakai": "5,5",
        "Jangka waktu sempat berhenti menunggu pemohon": "1",
    }
    pdf = pdf_text(reports.render_content(content, "pdf"))
    assert "Permohonan izin" in pdf and "Tepat waktu (jangka waktu yang berjalan) 50,0%" in pdf


def test_a_back_office_decision_also_ends_the_clock(db: Database, clock: Clock, officer) -> None:
    number = take(db, officer, "SIP")
    clock.now = at(9)
    apps.apply_central_update(db, number, "ready", "Izin terbit di kantor pusat")
    info = apps.get_application(db, number)
    assert (info.clock.state, info.clock.used, info.clock.on_time) == ("ended", 3, True)


def test_fiktif_positif_warnings_before_on_and_after_the_deadline(
    db: Database, clock: Clock, officer
) -> None:
    # Given a three-day fiktif-positif permit and an ordinary one, warned two working days ahead
    permits.add_permit_type(db, "REKLAME", "Izin Reklame", "DPMPTSP", working_days=3, fiktif_positif=True)
    permits.add_permit_type(db, "TDUP", "Tanda Daftar Usaha Pariwisata", "DPMPTSP", working_days=3)
    site.set_setting(db, "permits.fiktif_positif_warning_days", 2)
    watched = take(db, officer, "REKLAME", documents=())
    take(db, officer, "TDUP", documents=())
    paused = take(db, officer, "REKLAME", documents=())
    apps.stop_clock(db, paused, "payment", "Menunggu pembayaran", actor=officer)
    decided = take(db, officer, "REKLAME", documents=())
    for state in ("verifying", "processing", "approved"):
        apps.change_state(db, decided, state, actor=officer)
    # due Monday 9 March: nothing on Wednesday 4 (three working days away)
    assert apps.fiktif_positif_warnings(db) == []
    seen = []
    for day in (5, 6, 9, 10):
        clock.now = at(day)
        seen.append(
            [(w.registration_number, w.level, w.working_days_left) for w in apps.fiktif_positif_warnings(db)]
        )
    assert seen == [
        [(watched, "upcoming", 2)],
        [(watched, "upcoming", 1)],
        [(watched, "today", 0)],
        [(watched, "overdue", -1)],
    ]
    [overdue] = apps.fiktif_positif_warnings(db, agency="dpmptsp")
    assert overdue.label == "Batas waktu terlewati: dianggap disetujui (fiktif positif), lewat 1 hari kerja"
    assert overdue.nik_masked == "1871********0003"
    assert apps.fiktif_positif_warnings(db, agency="DINKES") == []
    # the clock waiting for the applicant is in the other list
    [stopped] = apps.stopped_clocks(db)
    assert (stopped.registration_number, stopped.waiting_label, stopped.working_days_waited) == (
        paused,
        "pembayaran",
        4,
    )
    # and turning the rule off takes the permit type out of the warnings (audited)
    permits.set_deadline_rules(db, "REKLAME", fiktif_positif=False, actor=officer)
    assert apps.fiktif_positif_warnings(db) == []
    with db.read() as s:
        assert s.scalar(
            select(AuditEntry.details).where(AuditEntry.action == "permit_type.deadline_rules")
        ) == {
            "before": {"fiktif_positif": True, "clock_restarts_on_resubmission": False},
            "after": {"fiktif_positif": False, "clock_restarts_on_resubmission": False},
        }


def test_the_catalogue_carries_the_deadline_rules(db: Database) -> None:
    document = permits.export_catalog(db)
    sip = next(p for p in document["permit_types"] if p["code"] == "SIP")
    assert (sip["fiktif_positif"], sip["clock_restarts_on_resubmission"]) == (False, True)
    sip["fiktif_positif"] = True
    assert permits.import_catalog(db, document).updated == 1
    assert permits.get_permit_type(db, "SIP").fiktif_positif
    for p in document["permit_types"]:  # a catalogue that does not say leaves the site's choice
        del p["fiktif_positif"], p["clock_restarts_on_resubmission"]
    assert permits.import_catalog(db, document).unchanged == 2
    assert permits.get_permit_type(db, "SIP").clock_restarts_on_resubmission
    document["permit_types"][0]["fiktif_positif"] = "ya"
    with pytest.raises(ValidationError, match="'fiktif_positif' pada jenis izin .* harus true atau false"):
        permits.import_catalog(db, document)


def test_every_step_on_the_clock_is_one_transaction(db: Database, clock: Clock, officer) -> None:
    number = take(db, officer)
    before = len(events(db, "application.clock_changed"))
    for bad in (
        lambda: apps.stop_clock(db, number, "documents", "  ", actor=officer),
        lambda: apps.stop_clock(db, number, "uang", "Menunggu", actor=officer),
        lambda: apps.stop_clock(db, number, "documents", "x" * 501, actor=officer),
        lambda: apps.stop_clock(db, number, "documents", "Surat", missing=["SKU"], actor=officer),
    ):
        with pytest.raises(ValidationError):
            bad()
    with db.read() as s:
        app = s.scalar(select(Application))
        assert app is not None and app.clock_state == "running" and not app.incomplete
        assert len(list(s.scalars(select(ApplicationClockEvent)))) == 1
    assert len(events(db, "application.clock_changed")) == before


def test_the_clocks_waiting_for_applicants_say_what_they_wait_for_since_their_last_stop(
    db: Database, clock: Clock, officer
) -> None:
    # Given on Wednesday 4 March a dossier taken without its STR (its clock starts stopped)
    site.set_setting(db, "permits.incomplete_policy", "accept")
    incomplete = take(db, officer, documents=("KTP",))
    # and a SIP stopped for a payment on Thursday 5, resumed on Friday 6, stopped again on Monday 9
    # for a correction of the site plan
    again = take(db, officer, "SIP")
    clock.now = at(5)
    apps.stop_clock(db, again, "payment", "Menunggu pembayaran", actor=officer)
    clock.now = at(6)
    apps.resume_clock(db, again, actor=officer)
    clock.now = at(9)
    apps.stop_clock(db, again, "correction", "Perbaikan denah lokasi praktik", actor=officer)
    take(db, officer)  # one whose clock runs is not listed
    # When the lists are read on Wednesday 11 March
    clock.now = at(11)
    listed = [
        (c.registration_number, c.since, c.waiting_label, c.reason, c.working_days_waited, c.nik_masked)
        for c in apps.stopped_clocks(db)
    ]
    # Then the longest waiting comes first, each since its last stop, counted in working days
    assert listed == [
        (incomplete, date(2026, 3, 4), "kelengkapan berkas", "Berkas belum lengkap: Fotokopi STR", 5, MASKED),
        (again, date(2026, 3, 9), "perbaikan berkas", "Perbaikan denah lokasi praktik", 2, MASKED),
    ]
    assert [c.registration_number for c in apps.stopped_clocks(db, agency="dinkes")] == [again]
    # and a decision takes the application out of the list
    for state in ("verifying", "processing", "rejected"):
        apps.change_state(db, again, state, actor=officer)
    assert [c.registration_number for c in apps.stopped_clocks(db)] == [incomplete]
