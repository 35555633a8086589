"""Hand-over by proxy (surat kuasa) on SQLite and PostgreSQL: checked, masked, printed, audited."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from p4_desk.errors import ValidationError
from p4_desk.services import applications as apps
from p4_desk.services import users
from p4_desk.services.applications import ProxyLetter
from p4_desk.store.db import Database
from p4_desk.store.models import Application, AuditEntry, OutboxEvent
from tests.support.pdf import pdf_text
from tests.support.permits import SITI_NIK, add_sip, make_ready, sip_request
from tests.support.sites import Clock, make_site

NIK = SITI_NIK  # the applicant
PROXY_NIK = "1871021203850001"  # her brother Budi, Kota Bandar Lampung, born 12 March 1985
PROXY_MASKED = "1871********0001"


@pytest.fixture
def db(db_url: str, clock: Clock):
    database = make_site(db_url, clock)
    add_sip(database)
    yield database
    database.dispose()


@pytest.fixture
def ready(db: Database) -> str:
    officer = users.get_user(db, "petugas1").actor
    number = apps.intake(db, sip_request(), officer).registration_number
    make_ready(db, number, officer)
    return number


def test_a_representative_collects_the_permit_with_a_checked_power_of_attorney(
    db: Database, ready: str
) -> None:
    officer = users.get_user(db, "petugas2").actor
    letter = ProxyLetter(checked=True, number="12/SK/III/2026", dated=date(2026, 3, 2))
    # When Budi shows his KTP-el and the letter his sister signed
    info = apps.hand_over(db, ready, nik=PROXY_NIK, recipient="Budi  Santoso", proxy=letter, actor=officer)
    # Then the permit is handed over to him as her representative, his NIK kept masked only
    assert info.state == "handed_over" and info.handed_over_to == "Budi Santoso"
    assert info.proxy == apps.ProxyInfo("Budi Santoso", PROXY_MASKED, "12/SK/III/2026", date(2026, 3, 2))
    with db.read() as s:
        app = s.scalar(select(Application))
        assert app is not None and app.handed_over_by_proxy and app.proxy_nik_masked == PROXY_MASKED
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "application.status")).all()[-1]
        event = s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq.desc())).first()
        everything = [json.dumps(a.details) for a in s.scalars(select(AuditEntry))]
        everything += [json.dumps(e.payload) for e in s.scalars(select(OutboxEvent))]
    assert audit.username == "petugas2"
    assert {k: audit.details[k] for k in ("to", "by_proxy", "nik_masked", "letter_checked", "letter_number",
                                          "letter_date")} == {
        "to": "handed_over", "by_proxy": True, "nik_masked": PROXY_MASKED, "letter_checked": True,
        "letter_number": "12/SK/III/2026", "letter_date": "2026-03-02",
    }  # fmt: skip
    assert "penerima kuasa" in audit.details["note"]
    assert event is not None and event.schema_version == 3
    assert event.payload["proxy"] == {
        "name": "Budi Santoso", "nik_masked": PROXY_MASKED, "letter_number": "12/SK/III/2026",
        "letter_date": "2026-03-02",
    }  # fmt: skip
    assert not any(PROXY_NIK in text or NIK in text for text in everything)
    # And the hand-over receipt names him, his masked NIK and the letter, and he signs it
    text = pdf_text(apps.receipt_pdf(db, ready, kind="handover", actor=officer))
    assert "TANDA TERIMA PENYERAHAN IZIN" in text
    assert "Diserahkan kepada : Budi Santoso (penerima kuasa)" in text
    assert f"NIK penerima kuasa : {PROXY_MASKED}" in text and PROXY_NIK not in text
    assert "Surat kuasa : Tanggal 2 Maret 2026, nomor 12/SK/III/2026, diperiksa petugas" in text
    assert "Nama pemohon : Siti Aminah" in text
    assert "Penerima kuasa" in text and "Petugas Dua" in text


@pytest.mark.parametrize(
    ("nik", "letter", "message"),
    [
        (PROXY_NIK, ProxyLetter(checked=False, number="12/SK"), "Surat kuasa wajib diperiksa"),
        (NIK, ProxyLetter(checked=True), "NIK penerima kuasa sama dengan NIK pemohon"),
        ("1899021203850001", ProxyLetter(checked=True),
         "NIK penerima kuasa tidak valid: Kode kabupaten/kota 1899"),
        (PROXY_NIK, ProxyLetter(checked=True, dated=date(2026, 3, 5)),
         "Tanggal surat kuasa tidak boleh setelah"),
        (PROXY_NIK, ProxyLetter(checked=True, number="x" * 101), "Nomor surat kuasa paling panjang 100"),
    ],
)  # fmt: skip
def test_a_hand_over_by_proxy_that_does_not_check_out_is_refused_and_changes_nothing(
    db: Database, ready: str, nik: str, letter: ProxyLetter, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        apps.hand_over(db, ready, nik=nik, recipient="Budi Santoso", proxy=letter)
    info = apps.get_application(db, ready)
    assert info.state == "ready" and info.proxy is None and info.handed_over_to is None


def test_without_a_letter_only_the_applicant_collects(db: Database, ready: str) -> None:
    with pytest.raises(ValidationError, match="catat penyerahan kepada kuasa dengan surat kuasa"):
        apps.hand_over(db, ready, nik=PROXY_NIK, recipient="Budi Santoso")
    info = apps.hand_over(db, ready, nik=NIK, recipient="Siti Aminah")
    assert info.proxy is None and info.handed_over_to == "Siti Aminah"
    text = pdf_text(apps.receipt_pdf(db, ready, kind="handover"))
    assert (
        "Diserahkan kepada : Siti Aminah" in text and "kuasa" not in text.split("Diserahkan kepada")[1][:40]
    )
