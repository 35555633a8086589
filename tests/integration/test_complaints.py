"""Complaints on real databases: filing, deadlines over weekends and holidays, steps, overdue, auto-close."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from typing import Any

import pypdf
import pytest
from sqlalchemy import select

from p4_desk.errors import InvalidTransition, ValidationError
from p4_desk.services import complaints, site, users
from p4_desk.services.complaint_receipt import complaint_receipt_pdf
from p4_desk.store.db import Database
from p4_desk.store.models import Complaint, OutboxEvent
from tests.support.sites import Clock, make_site


def at_wib(year: int, month: int, day: int, hour: int = 10) -> datetime:
    return datetime(year, month, day, hour - 7, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    return Clock(at_wib(2026, 3, 5))  # Thursday


@pytest.fixture
def db(db_url: str, clock: Clock) -> Database:
    return make_site(db_url, clock)


def officer(db: Database) -> Any:
    return users.get_user(db, "petugas1").actor


def file(db: Database, **overrides: Any) -> complaints.ComplaintInfo:
    fields: dict[str, Any] = {
        "kind": "pengaduan",
        "agency": "DUKCAPIL",
        "service": "KTP",
        "description": "KTP-el sudah tiga minggu belum jadi padahal dijanjikan seminggu.",
        "identity": "named",
        "reporter_name": "Siti Aminah",
        "reporter_phone": "0812-7000-1234",
    }
    fields.update(overrides)
    return complaints.file_complaint(db, actor=officer(db), **fields)


def events(db: Database, type_: str) -> list[dict[str, Any]]:
    with db.read() as s:
        rows = s.scalars(select(OutboxEvent).where(OutboxEvent.type == type_).order_by(OutboxEvent.seq))
        return [r.payload for r in rows]


def test_filed_complaint_gets_a_number_site_location_and_deadlines_over_a_weekend(db: Database) -> None:
    c = file(db)
    second = file(db, kind="aspirasi")

    assert c.number == "PGD-2026-00001" and second.number == "PGD-2026-00002"
    assert c.state == "received" and c.officer == "petugas1"
    # no coordinates typed: the site's own (Bandar Lampung defaults)
    assert (c.latitude, c.longitude) == (-5.4292, 105.2610)
    # received Thursday 5 March: Fri 6 (1), Mon 9 (2), Tue 10 (3)
    assert c.deadlines["verify_forward"] == date(2026, 3, 10)
    # five working days after Tue 10: 11, 12, 13, 16, 17 (18 is cuti bersama Nyepi)
    assert c.deadlines["follow_up_plan"] == date(2026, 3, 17)
    assert c.reporter_phone == "+6281270001234"
    payload = events(db, "complaint.received")[0]
    assert payload["complaint_number"] == c.number
    assert payload["reporter"] == {"name": "Siti Aminah", "phone": "+6281270001234", "email": None}
    assert payload["confidential"] is False
    assert payload["deadlines"]["verify_forward"] == "2026-03-10"


def test_deadlines_skip_nyepi_and_idulfitri_holidays(db: Database, clock: Clock) -> None:
    clock.now = at_wib(2026, 3, 17)  # Tuesday, the day before the Nyepi / Idulfitri holidays
    c = file(db)
    # 18, 19, 20, 23, 24 March are holidays or cuti bersama, 21-22 a weekend: 25 (1), 26 (2), 27 (3)
    assert c.deadlines["verify_forward"] == date(2026, 3, 27)
    # after Fri 27: 30, 31, 1 Apr, 2 Apr, (3 Apr Good Friday, weekend) 6 Apr
    assert c.deadlines["follow_up_plan"] == date(2026, 4, 6)
    # fourteen working days after 17 March: 25 26 27 | 30 31 1 2 | 6 7 8 9 10 | 13 14
    assert c.deadlines["answer"] == date(2026, 4, 14)


def test_deadline_rules_come_from_site_settings(db: Database) -> None:
    site.set_setting(db, "complaint.verify_forward_days", 1)
    site.set_setting(db, "complaint.answer_days", 0)  # switched off
    c = file(db)
    assert c.deadlines["verify_forward"] == date(2026, 3, 6)
    assert "answer" not in c.deadlines


def test_overdue_is_flagged_the_day_after_the_deadline_per_agency_and_officer(
    db: Database, clock: Clock
) -> None:
    late = file(db)
    in_time = file(db, agency="SAMSAT", service="PKB", description="Antrian pajak terlalu lama.")
    complaints.step_complaint(db, in_time.number, "verified", actor=officer(db))
    complaints.step_complaint(db, in_time.number, "forwarded", actor=officer(db))

    clock.now = at_wib(2026, 3, 10, 15)  # the due day itself: not yet overdue
    assert complaints.list_complaints(db, overdue_only=True) == []

    clock.now = at_wib(2026, 3, 11)
    flagged = complaints.list_complaints(db, overdue_only=True)
    assert [c.number for c in flagged] == [late.number]
    assert flagged[0].overdue == ("verify_forward",)
    by_agency = complaints.overdue_by_agency(db)
    assert [(g.key, g.count) for g in by_agency] == [("DUKCAPIL", 1)]
    by_officer = complaints.overdue_by_officer(db)
    assert [(g.key, g.name, g.numbers) for g in by_officer] == [("petugas1", "Petugas Satu", (late.number,))]
    # the forwarded one falls behind when the agency's follow-up plan is late (5 working days
    # after Thu 5 March: 6, 9, 10, 11, 12 -> overdue from Fri 13)
    clock.now = at_wib(2026, 3, 13)
    assert {c.number for c in complaints.list_complaints(db, overdue_only=True)} == {
        late.number,
        in_time.number,
    }


def test_steps_are_audited_sent_and_kept_in_the_history(db: Database, clock: Clock) -> None:
    c = file(db)
    complaints.step_complaint(db, c.number, "verified", actor=officer(db))
    clock.now = at_wib(2026, 3, 9)
    forwarded = complaints.step_complaint(db, c.number, "forwarded", "Diteruskan ke Kadis", officer(db))
    # the follow-up plan is now due five working days after the actual forwarding (Mon 9)
    assert forwarded.deadlines["follow_up_plan"] == date(2026, 3, 16)
    assert forwarded.deadlines["verify_forward"] == date(2026, 3, 10)

    with pytest.raises(ValidationError) as err:
        complaints.step_complaint(db, c.number, "answered", actor=officer(db))
    assert err.value.field == "note"
    with pytest.raises(InvalidTransition):
        complaints.step_complaint(db, c.number, "verified", actor=officer(db))

    answered = complaints.step_complaint(db, c.number, "answered", "KTP dicetak 12 Maret.", officer(db))
    # ten working days after Mon 9 March: 10 11 12 13 | 16 17 | (18-24 holidays) 25 26 27 | 30
    assert answered.deadlines["auto_close"] == date(2026, 3, 30)
    history = complaints.get_complaint(db, c.number).steps
    assert [(st.from_state, st.to_state) for st in history] == [
        (None, "received"),
        ("received", "verified"),
        ("verified", "forwarded"),
        ("forwarded", "answered"),
    ]
    assert history[2].note == "Diteruskan ke Kadis" and history[2].officer == "petugas1"
    changes = events(db, "complaint.status_changed")
    assert [p["state"] for p in changes] == ["verified", "forwarded", "answered"]
    assert changes[-1]["note"] == "KTP dicetak 12 Maret."


def test_closing_a_non_complaint_needs_a_reason(db: Database) -> None:
    c = file(db)
    with pytest.raises(ValidationError, match="Alasan penutupan"):
        complaints.step_complaint(db, c.number, "closed", actor=officer(db))
    closed = complaints.step_complaint(db, c.number, "closed", "Laporan ganda", officer(db))
    assert closed.state == "closed" and closed.closed_at is not None


def test_auto_close_after_ten_working_days_without_reply_is_idempotent(db: Database, clock: Clock) -> None:
    c = file(db)
    for state in ("verified", "forwarded"):
        complaints.step_complaint(db, c.number, state, actor=officer(db))
    clock.now = at_wib(2026, 4, 6)  # Monday
    answered = complaints.step_complaint(db, c.number, "answered", "Sudah ditindaklanjuti", officer(db))
    # ten working days after Mon 6 April: 7 8 9 10 | 13 14 15 16 17 | 20
    assert answered.deadlines["auto_close"] == date(2026, 4, 20)

    clock.now = at_wib(2026, 4, 20, 16)
    assert complaints.auto_close_due(db) == []
    clock.now = at_wib(2026, 4, 21)
    assert complaints.auto_close_due(db) == [c.number]
    assert complaints.auto_close_due(db) == []
    closed = complaints.get_complaint(db, c.number)
    assert closed.state == "closed"
    assert closed.steps[-1].note == complaints.AUTO_CLOSE_NOTE and closed.steps[-1].officer is None


@pytest.mark.parametrize("identity", ["anonymous", "confidential"])
def test_hidden_reporter_is_never_sent_nor_returned(db: Database, identity: str) -> None:
    c = file(db, identity=identity, reporter_name="Budi Rahasia", reporter_phone="081299998888")
    complaints.step_complaint(db, c.number, "verified", actor=officer(db))
    assert c.reporter_name is None and c.reporter_phone is None
    assert c.reporter_label in ("Anonim", "Dirahasiakan")
    for payload in events(db, "complaint.received") + events(db, "complaint.status_changed"):
        assert payload["reporter"] is None and payload["confidential"] is True
        assert "Budi" not in str(payload) and "99998888" not in str(payload)
    with db.read() as s:
        row = s.scalar(select(Complaint).where(Complaint.number == c.number))
        assert row is not None
        # a confidential reporter is kept for the follow-up; an anonymous one leaves nothing
        assert row.reporter_name == ("Budi Rahasia" if identity == "confidential" else None)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"latitude": "95", "longitude": "105.26"}, "latitude", "antara -90 dan 90"),
        ({"latitude": "-5.4", "longitude": "200"}, "longitude", "antara -180 dan 180"),
        ({"latitude": "lima", "longitude": "105"}, "latitude", "harus berupa angka"),
        ({"latitude": "-5.4"}, "longitude", "wajib diisi"),
        ({"description": "  "}, "description", "wajib diisi"),
        ({"kind": "keluhan"}, "kind", "tidak dikenal"),
        ({"reporter_name": ""}, "reporter_name", "wajib diisi"),
        ({"reporter_phone": "12345"}, "reporter_phone", "Nomor"),
        ({"service_date": "2026-01-20"}, "service_date", "30 hari"),
        ({"service": "PKB"}, "service", "bukan layanan"),
        ({"registration_number": "BDL-2611-00042-X"}, "registration_number", "nomor pendaftaran"),
    ],
)
def test_bad_input_is_refused_with_the_field_and_nothing_is_kept(
    db: Database, overrides: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as err:
        file(db, **overrides)
    assert err.value.field == field
    assert message.lower() in err.value.message.lower()
    assert complaints.list_complaints(db) == []


def test_typed_coordinates_with_decimal_comma_and_a_place(db: Database) -> None:
    c = file(db, latitude="-5,3971", longitude="105,2668", place="Pasar Tugu")
    assert (c.latitude, c.longitude, c.place) == (-5.3971, 105.2668, "Pasar Tugu")
    assert c.location_warning is None
    # a valid point outside Indonesia (a digit lost in the longitude) is kept with a warning
    far = file(db, latitude="-5.3971", longitude="10.2668")
    assert far.location_warning is not None and "luar wilayah Indonesia" in far.location_warning


def receipt_text(db: Database, number: str) -> str:
    reader = pypdf.PdfReader(io.BytesIO(complaint_receipt_pdf(db, number)))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_receipt_shows_number_deadlines_and_a_named_reporter(db: Database) -> None:
    c = file(db, ticket="a017", place="Loket 3")
    text = receipt_text(db, c.number)
    assert "TANDA TERIMA PENGADUAN" in text and c.number in text
    assert "Siti Aminah" in text and "****1234" in text  # a receipt can be lost: the phone masked
    assert "70001234" not in text
    assert "A017" in text and "Loket 3" in text
    assert "Verifikasi dan penerusan\n10 Maret 2026" in text
    assert "5 Maret 2026 pukul 10.00 WIB" in text


@pytest.mark.parametrize(("identity", "label"), [("anonymous", "Anonim"), ("confidential", "Dirahasiakan")])
def test_receipt_never_prints_a_hidden_reporter(db: Database, identity: str, label: str) -> None:
    c = file(db, identity=identity, reporter_name="Budi Rahasia", reporter_phone="081299998888")
    text = receipt_text(db, c.number)
    assert label in text
    assert "Budi" not in text and "99998888" not in text and "Rahasia" not in text


def test_a_nik_or_phone_typed_into_the_description_is_masked_on_paper_not_in_the_hall(db: Database) -> None:
    typed = "Saya NIK 1871031203780002, WA 0813 2222 3333, antre sejak pagi tapi dilewati."
    c = file(db, description=typed, place="Loket 2, hubungi 081244445555")

    text = receipt_text(db, c.number)

    assert "1871********0002" in text and "****3333" in text and "****5555" in text
    assert "1871031203780002" not in text and "2222 3333" not in text and "44445555" not in text
    assert complaints.get_complaint(db, c.number).description == typed  # the hall's record as typed


def test_demo_site_shows_overdue_complaints_and_survey_answers(sqlite_url: str) -> None:
    from p4_desk import demo
    from p4_desk.services import surveys
    from p4_desk.store.migrate import open_database

    clock = Clock(at_wib(2026, 3, 4))
    db = open_database(sqlite_url, clock=clock)
    loaded = demo.load_demo_data(db, days=21)
    assert loaded["complaints"] == 5 and loaded["survey_answers"] > 0
    flagged = {c.agency: c.overdue for c in complaints.list_complaints(db, overdue_only=True)}
    # received 9 days ago and never verified; forwarded 14 days ago and the agency never answered
    assert flagged == {"DUKCAPIL": ("verify_forward",), "SAMSAT": ("follow_up_plan",)}
    summary = surveys.ikm_summary(db, date(2026, 2, 1), date(2026, 3, 3))
    assert summary.respondents == loaded["survey_answers"]
    assert summary.result is not None and summary.visitors > summary.respondents
    # demo events never reach the province: nothing of the feedback is in the outbox
    assert events(db, "complaint.received") == [] and events(db, "survey.submitted") == []
