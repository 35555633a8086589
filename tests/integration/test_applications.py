"""Permit intake, lifecycle, search, hand-over and receipts on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
import threading
from datetime import date

import pypdf
import pytest
from sqlalchemy import func, select

from p4_desk.domain.registration import format_registration_number, parse_registration_number
from p4_desk.domain.working_days import Holiday
from p4_desk.errors import InvalidTransition, NotFound, ValidationError
from p4_desk.services import applications as apps
from p4_desk.services import catalog, permits, queue, site, users
from p4_desk.services.applications import DocumentInput, IntakeInvalid, IntakeRequest, lookup
from p4_desk.services.permits import Requirement
from p4_desk.store.db import Database
from p4_desk.store.models import Application, AuditEntry, OutboxEvent
from tests.support.permits import make_ready
from tests.support.sites import Clock, make_site

NIK = "1871015708900003"  # woman (57 - 40 = 17), born 17 Aug 1990, Kota Bandar Lampung
MASKED = "1871********0003"


@pytest.fixture
def db(db_url: str, clock: Clock):
    database = make_site(db_url, clock)
    catalog.add_agency(database, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    permits.add_permit_type(
        database,
        "SIP-BIDAN",
        "Surat Izin Praktik Bidan",
        "DPMPTSP",
        working_days=3,
        fee=0,
        product="SIP Bidan",
        requirements=[
            Requirement("KTP", "Fotokopi KTP-el"),
            Requirement("STR", "Fotokopi STR Bidan"),
            Requirement("DENAH", "Denah lokasi praktik", mandatory=False),
        ],
    )
    # Friday 6 March a holiday, Monday 9 March cuti bersama (test data, not the real calendar).
    permits.import_holidays(
        database,
        [
            Holiday(date(2026, 3, 6), "Libur uji", "national"),
            Holiday(date(2026, 3, 9), "Cuti uji", "cuti_bersama"),
        ],
    )
    yield database
    database.dispose()


@pytest.fixture
def officer(db: Database):
    return users.get_user(db, "petugas1").actor


def _request(**changes: object) -> IntakeRequest:
    values: dict[str, object] = {
        "nik": NIK,
        "name": "Siti Aminah",
        "phone": "0812-7788-9900",
        "address": "Jl. Teuku Umar No. 12, Kedaton",
        "permit_type": "SIP-BIDAN",
        "documents": (DocumentInput("KTP", True), DocumentInput("STR", True, "asli diperlihatkan")),
    }
    values.update(changes)
    return IntakeRequest(**values)  # type: ignore[arg-type]


def _count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_complete_intake_gets_number_due_date_audit_and_event(db: Database, officer) -> None:
    info = apps.intake(db, _request(), officer)
    # Prefix from the site code MPP-TEST; 4 March 2026; first of the month.
    number = parse_registration_number(info.registration_number)
    assert (number.site_code, number.year, number.month, number.sequence) == ("MPPTES", 2026, 3, 1)
    # Thu 5 (1), Fri 6 holiday, weekend, Mon 9 cuti bersama, Tue 10 (2), Wed 11 (3).
    assert info.due_date == date(2026, 3, 11)
    assert info.state == "received" and not info.incomplete and info.missing_documents == ()
    assert info.phone == "+6281277889900" and info.nik_masked == MASKED
    assert info.officer == "petugas1" and info.officer_name == "Petugas Satu"
    with db.read() as s:
        events = s.scalars(select(OutboxEvent).where(OutboxEvent.type == "application.received")).all()
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "application.receive")).all()
    assert len(events) == 1 and len(audit) == 1
    payload = events[0].payload
    assert payload["registration_number"] == info.registration_number
    assert payload["nik_masked"] == MASKED and payload["due_date"] == "2026-03-11"
    assert payload["state"] == "received" and payload["missing_documents"] == []
    assert events[0].schema_version == 3  # English states, the deadline clock (docs/DEVELOPING.md)
    assert payload["clock"] == {
        "state": "running", "allowance": 3, "used_days": 0, "due_date": "2026-03-11",
        "due_estimated": False, "since": "2026-03-04", "waiting_for": None, "restarts": 0,
    }  # fmt: skip


def test_full_nik_never_leaves_in_events_or_audit(db: Database, officer) -> None:
    info = apps.intake(db, _request(), officer)
    apps.change_state(db, info.registration_number, "verifying", "cek berkas", officer)
    with db.read() as s:
        stored = [json.dumps(e.payload) for e in s.scalars(select(OutboxEvent))]
        stored += [json.dumps(a.details) for a in s.scalars(select(AuditEntry))]
    assert stored and not any(NIK in text for text in stored)
    assert NIK not in json.dumps(info.to_json())


def test_incomplete_dossier_accepted_when_the_site_allows_it(db: Database, officer) -> None:
    site.set_setting(db, "permits.incomplete_policy", "accept")
    info = apps.intake(db, _request(documents=(DocumentInput("KTP", True),)), officer)
    assert info.incomplete
    assert [d.requirement for d in info.missing_documents] == ["STR"]
    assert "belum lengkap" in info.history[0].note
    with db.read() as s:
        event = s.scalars(select(OutboxEvent).where(OutboxEvent.type == "application.received")).one()
    assert event.payload["missing_documents"] == ["STR"]


def test_incomplete_dossier_refused_lists_what_is_missing(db: Database, officer) -> None:
    site.set_setting(db, "permits.incomplete_policy", "refuse")
    with pytest.raises(IntakeInvalid) as caught:
        apps.intake(db, _request(documents=(DocumentInput("KTP", True),)), officer)
    assert set(caught.value.errors) == {"documents"}
    assert "Fotokopi STR Bidan" in caught.value.errors["documents"]
    assert _count(db, Application) == 0
    # Nothing was consumed: the next accepted application is still number 1.
    info = apps.intake(db, _request(), officer)
    assert parse_registration_number(info.registration_number).sequence == 1


def test_every_bad_field_has_its_own_message(db: Database, officer) -> None:
    bad = _request(
        nik="18710157089000",
        name="",
        phone="12345",
        email="bukan-email",
        address="",
        nib="123",
        permit_type="TIDAK-ADA",
        ticket="Z999",
    )
    with pytest.raises(IntakeInvalid) as caught:
        apps.intake(db, bad, officer)
    errors = caught.value.errors
    assert set(errors) == {"nik", "name", "phone", "email", "address", "nib", "permit_type", "ticket"}
    assert "16 digit" in errors["nik"] and "13 digit" in errors["nib"]
    assert _count(db, Application) == 0


def test_unknown_requirement_code_is_refused(db: Database, officer) -> None:
    with pytest.raises(IntakeInvalid) as caught:
        apps.intake(
            db, _request(documents=(DocumentInput("KTP", True), DocumentInput("SKCK", True))), officer
        )
    assert "SKCK" in caught.value.errors["documents"]


def test_retired_permit_type_takes_no_applications(db: Database, officer) -> None:
    permits.retire_permit_type(db, "SIP-BIDAN")
    with pytest.raises(IntakeInvalid) as caught:
        apps.intake(db, _request(), officer)
    assert "permit_type" in caught.value.errors


def test_intake_from_a_called_ticket_keeps_the_ticket_number(db: Database, officer) -> None:
    queue.set_counter_state(db, "L1", "open", officer)
    ticket = queue.issue_ticket(db, "KTP")
    queue.call_next(db, "L1", officer)
    info = apps.intake(db, _request(ticket=ticket.number), officer)
    assert info.ticket_number == ticket.number == "A001"


def test_lifecycle_legal_and_illegal_steps_and_hand_over(db: Database, officer, clock: Clock) -> None:
    number = apps.intake(db, _request(), officer).registration_number
    with pytest.raises(InvalidTransition):
        apps.change_state(db, number, "approved", "", officer)
    for state in ("verifying", "processing", "approved", "ready"):
        clock.advance(hours=1)
        apps.change_state(db, number, state, f"ke {state}", officer)
    with pytest.raises(ValidationError):  # the last step only through the hand-over check
        apps.change_state(db, number, "handed_over", "", officer)
    with pytest.raises(ValidationError) as wrong:
        apps.hand_over(db, number, nik="1871015708900004", recipient="Siti Aminah", actor=officer)
    assert wrong.value.field == "nik"
    assert apps.get_application(db, number).state == "ready"
    done = apps.hand_over(db, number, nik=NIK, recipient="Siti Aminah", actor=officer)
    assert done.state == "handed_over" and done.handed_over_to == "Siti Aminah"
    assert [h.state for h in done.history] == [
        "received", "verifying", "processing", "approved", "ready", "handed_over",
    ]  # fmt: skip
    assert all(h.officer == "petugas1" for h in done.history)
    assert done.history[1].at < done.history[2].at
    with pytest.raises(InvalidTransition):
        apps.change_state(db, number, "verifying", "", officer)
    with db.read() as s:
        changes = s.scalar(
            select(func.count())
            .select_from(OutboxEvent)
            .where(OutboxEvent.type == "application.status_changed")
        )
    assert changes == 5
    # Hand-over by another officer: the hand-over receipt names who handed it over.
    number2 = apps.intake(db, _request(), officer).registration_number
    make_ready(db, number2, officer)
    colleague = users.get_user(db, "petugas2").actor
    apps.hand_over(db, number2, nik=NIK, recipient="Siti Aminah", actor=colleague)
    receipt = _pdf_text(apps.receipt_pdf(db, number2, kind="handover", actor=colleague))
    assert "PENYERAHAN" in receipt and "Siti Aminah" in receipt
    assert "Petugas Dua" in receipt and "Petugas Satu" not in receipt


def test_rejected_application_is_handed_over_too(db: Database, officer) -> None:
    number = apps.intake(db, _request(), officer).registration_number
    for state in ("verifying", "processing", "rejected", "ready"):
        apps.change_state(db, number, state, "", officer)
    assert apps.hand_over(db, number, nik=NIK, recipient="Siti Aminah", actor=officer).state == "handed_over"


def test_search_by_number_nik_name_and_phone(db: Database, officer) -> None:
    first = apps.intake(db, _request(), officer).registration_number
    other = apps.intake(
        db, _request(nik="1871020101850001", name="Budi Santoso", phone="+62 721 123456"), officer
    ).registration_number

    def found(text: str) -> list[str]:
        return [a.registration_number for a in apps.search_applications(db, text)]

    assert found(first) == [first]
    assert found(first.lower().replace("-", " ")) == [first]
    assert found(NIK) == [first]
    assert found("aminah") == [first]
    assert found("SANTOSO") == [other]
    assert found("+6281277889900") == [first]
    assert found("0812 7788 9900") == [first]
    assert found("(0721) 123456") == [other]
    assert found("Tidak Ada Orang Ini") == []
    assert all(a.nik_masked.count("*") == 8 for a in apps.search_applications(db, "a"))


def test_unknown_or_mistyped_number(db: Database) -> None:
    with pytest.raises(NotFound):
        apps.get_application(db, format_registration_number("MPPTES", 2026, 3, 99))
    right = format_registration_number("MPPTES", 2026, 3, 1)
    typo = right[:-1] + ("A" if right[-1] != "A" else "B")
    with pytest.raises(ValidationError):  # the check character catches the typo
        apps.get_application(db, typo)


def test_receipt_reprints_are_copies_and_audited(db: Database, officer) -> None:
    number = apps.intake(db, _request(documents=(DocumentInput("KTP", True),)), officer).registration_number
    original = _pdf_text(apps.receipt_pdf(db, number, actor=officer))
    assert number in original and MASKED in original and NIK not in original
    # an incomplete dossier: the clock waits for the STR, no date is promised yet
    assert "Rabu, 11 Maret 2026" not in original
    stopped = "Jangka waktu berhenti sejak 4 Maret 2026, menunggu kelengkapan berkas"
    assert stopped in " ".join(original.split())
    assert "Fotokopi KTP-el" in original and "Fotokopi STR Bidan" in original
    assert "SALINAN" not in original
    again = _pdf_text(apps.receipt_pdf(db, number, paper="A4", actor=officer))
    assert "SALINAN" in again and NIK not in again
    with db.read() as s:
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "application").order_by(AuditEntry.id)
        ).all()
    assert actions[-2:] == ["application.receipt_print", "application.receipt_reprint"]
    assert apps.get_application(db, number).receipt_prints == 2


def test_drafts_survive_until_the_application_is_saved(db: Database, officer) -> None:
    key = apps.draft_key("PC-LOKET-1", "ticket-uid-1")
    apps.save_draft(db, key, {"name": "Siti", "nik": "1871"}, officer)
    apps.save_draft(db, key, {"name": "Siti Aminah", "nik": "18710157"}, officer)
    assert apps.load_draft(db, key) == {"name": "Siti Aminah", "nik": "18710157"}
    assert apps.load_draft(db, apps.draft_key("PC-LOKET-1", None)) is None
    apps.intake(db, _request(), officer, draft_key=key)
    assert apps.load_draft(db, key) is None


def test_registration_numbers_are_unique_under_concurrent_intake(
    db: Database, db_url: str, clock: Clock
) -> None:
    workers, per_worker = 4, 5
    numbers: list[str] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def work(index: int) -> None:
        # Each worker has its own engine and connections, as another PC would.
        own = Database(db_url, clock=clock, workstation=f"PC-{index}")
        try:
            for _ in range(per_worker):
                info = apps.intake(own, _request())
                with lock:
                    numbers.append(info.registration_number)
        except BaseException as exc:  # reported below
            failures.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    sequences = sorted(parse_registration_number(n).sequence for n in numbers)
    assert sequences == list(range(1, workers * per_worker + 1))


def test_catalog_round_trip_and_bad_files(db: Database) -> None:
    exported = permits.export_catalog(db)
    assert exported["permit_types"][0]["requirements"][2] == {
        "code": "DENAH", "name": "Denah lokasi praktik", "mandatory": False,
    }  # fmt: skip
    summary = permits.import_catalog(db, exported)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 1)
    changed = json.loads(json.dumps(exported))
    changed["permit_types"][0]["working_days"] = 7
    changed["permit_types"].append(
        {"code": "TDUP", "name": "Tanda Daftar Usaha Pariwisata", "agency": "DPMPTSP", "working_days": 3,
         "fee": 0, "requirements": [{"code": "NIB", "name": "NIB", "mandatory": True}]}
    )  # fmt: skip
    summary = permits.import_catalog(db, changed)
    assert (summary.added, summary.updated) == (1, 1)
    assert permits.get_permit_type(db, "SIP-BIDAN").working_days == 7
    with pytest.raises(ValidationError):
        permits.import_catalog(db, {"format": "lain", "version": 1})
    broken = json.loads(json.dumps(changed))
    broken["permit_types"][1]["fee"] = -5
    with pytest.raises(ValidationError):
        permits.import_catalog(db, broken)
    assert permits.get_permit_type(db, "SIP-BIDAN").working_days == 7


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize(
    ("field", "value", "accepted"),
    [
        ("name", "Ni Made A. Sari", True),
        ("name", "Muh. Ma'ruf", True),
        ("name", "Siti2", False),
        ("name", "Al", False),
        ("phone", "(0721) 123456", True),
        ("phone", "0062 812 3456 7890", False),
        ("email", "", True),
        ("email", "siti@contoh", False),
        ("nib", "", True),
        ("nib", "1234567890123", True),
        ("nib", "12345678901234", False),
        ("nik", "1871 0157 0890 0003", True),  # typed in groups
        ("nik", "1871014102250001", True),  # day 41: a woman born 1 February 2025
        ("nik", "1871017202900001", False),  # day 72: neither 1-31 nor 41-71
        ("nik", "1871012902010001", False),  # 29 Feb 2001 did not exist
        ("nik", "9971011501900001", False),  # no province 99
    ],
)
def test_field_rules(field: str, value: str, accepted: bool) -> None:
    request = _request(**{field: value})
    errors = apps.check_fields(request, date(2026, 3, 4))
    assert (field not in errors) is accepted, errors


def test_back_office_updates_from_the_central_api(db: Database, officer) -> None:
    number = apps.intake(db, _request(), officer).registration_number
    updated = apps.apply_central_update(db, number, "approved", "Disetujui kepala dinas")
    assert updated is not None and updated.state == "approved"
    assert updated.history[-1].note == "Disetujui kepala dinas"
    assert apps.apply_central_update(db, number, "approved") is None  # fetched twice
    assert apps.apply_central_update(db, number, "disetujui") is None  # pulled before 0006: the same
    with pytest.raises(InvalidTransition):
        apps.apply_central_update(db, number, "verifying")
    with db.read() as s:
        types = s.scalars(select(OutboxEvent.type)).all()
    assert types == ["application.received"]  # nothing echoed back to the central API


def test_common_name_search_lists_newest_first(db: Database, officer, clock: Clock, monkeypatch) -> None:
    # Three "Siti"s; with a candidate cap of two the search takes its newest-first path.
    monkeypatch.setattr(lookup, "_NAME_CANDIDATES", 2)
    numbers = []
    for name in ("Siti Aminah", "Siti Rahma", "Siti Nurhaliza"):
        clock.advance(minutes=5)
        numbers.append(apps.intake(db, _request(name=name), officer).registration_number)
    assert [a.registration_number for a in apps.search_applications(db, "siti")] == numbers[::-1]
    assert [a.registration_number for a in apps.search_applications(db, "siti", limit=2)] == numbers[:0:-1]
    assert [a.applicant_name for a in apps.search_applications(db, "RAHMA")] == ["Siti Rahma"]


def test_stale_drafts_are_purged(db: Database, officer, clock: Clock) -> None:
    apps.save_draft(db, "PC-1/old", {"nik": NIK}, officer)
    clock.advance(days=apps.DRAFT_KEEP_DAYS, minutes=1)
    apps.save_draft(db, "PC-1/new", {"nik": NIK}, officer)
    assert apps.purge_stale_drafts(db) == 1
    assert apps.load_draft(db, "PC-1/old") is None and apps.load_draft(db, "PC-1/new") is not None


def test_demo_catalogue_and_applications(db_url: str, clock: Clock) -> None:
    from p4_desk.demo.permits import APPLICATIONS, PERMITS, load_permit_demo

    db = make_site(db_url, clock)
    officer = users.get_user(db, "petugas1").actor
    catalog.add_agency(db, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    summary = load_permit_demo(db)
    assert summary["permit_types"] == len(PERMITS) and summary["applications"] == len(APPLICATIONS)
    catalogue = {p.code: p for p in permits.list_permit_types(db)}
    assert {"PBG", "SIP-DOKTER", "SIP-BIDAN", "REKLAME", "SIPA", "TDUP", "NIB"} <= set(catalogue)
    assert all(any(r.mandatory for r in p.requirements) and p.legal_basis for p in catalogue.values())
    # The seeded holidays are in: Idulfitri 1447 H falls on 21 March 2026.
    assert any(h.date == date(2026, 3, 21) for h in permits.list_holidays(db, 2026))
    ready = apps.search_applications(db, "Rina Wulandari")
    assert [a.state for a in ready] == ["ready"]
    # A new intake continues the month's sequence instead of colliding with the demo rows.
    taken = {a.registration_number for a in apps.search_applications(db, "a")}
    new = apps.intake(db, _request(permit_type="SIP-BIDAN"), officer).registration_number
    assert new not in taken
    db.dispose()
