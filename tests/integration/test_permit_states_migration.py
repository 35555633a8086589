"""Migration 0006: a hall's database at 0005, with the Indonesian permit states it stored then,
comes out with English identifiers everywhere the state is stored, and keeps working.

The rows are written the way revision 0005 allowed (plain SQL, not today's models), on SQLite and
on PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import text

from p4_desk.domain.registration import format_registration_number
from p4_desk.services import applications
from p4_desk.services.central_inbox import CentralInbox
from p4_desk.store import migrate
from p4_desk.store.db import Database
from p4_desk.sync.adapters import apply_pending_application_updates

APPROVED = format_registration_number("MTR", 2026, 3, 1)
HANDED = format_registration_number("MTR", 2026, 3, 2)
NEW = format_registration_number("MTR", 2026, 3, 3)
AT = datetime(2026, 3, 2, 2, 0)  # naive UTC, as the 0005 columns store it


def _hall_at_0005(url: str) -> None:
    db = Database(url)
    migrate.upgrade(db, "0005")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO site (id, code, name, timezone, created_at) "
                "VALUES (1, 'MPP-MTR', 'MPP Kota Metro', 'Asia/Jakarta', :at)"
            ),
            {"at": AT},
        )
        conn.execute(
            text(
                "INSERT INTO permit_type (id, code, name, agency, working_days, fee, legal_basis, product, "
                "retired, updated_at) VALUES (1, 'PBG', 'Persetujuan Bangunan Gedung', 'DPMPTSP', 14, 0, "
                "'PP 16/2021', 'Dokumen PBG', :no, :at)"
            ),
            {"no": False, "at": AT},
        )
        histories = {
            APPROVED: ["diterima", "verifikasi", "diproses", "disetujui"],
            HANDED: ["diterima", "verifikasi", "diproses", "ditolak", "siap_diambil", "diserahkan"],
            NEW: ["diterima"],
        }
        for app_id, (number, states) in enumerate(histories.items(), start=1):
            conn.execute(
                text(
                    "INSERT INTO application (id, registration_number, permit_type_id, state, nik, name, "
                    "name_key, phone, address, fee, incomplete, received_at, due_date, receipt_prints, "
                    "updated_at) VALUES (:id, :number, 1, :state, '1872016411920004', 'Putri Maharani', "
                    "'putri maharani', '+6282178556677', 'Jl. Ahmad Yani 1', 0, :no, :at, :due, 1, :at)"
                ),
                {
                    "id": app_id,
                    "number": number,
                    "state": states[-1],
                    "no": False,
                    "at": AT,
                    "due": date(2026, 3, 20),
                },
            )
            for state in states:
                conn.execute(
                    text(
                        "INSERT INTO application_status_history (application_id, state, at, officer_name, "
                        "note) VALUES (:id, :state, :at, 'petugas1', '')"
                    ),
                    {"id": app_id, "state": state, "at": AT},
                )
        # a back-office update pulled while the hall was at 0005, not applied yet
        conn.execute(
            text(
                "INSERT INTO central_application_update (id, registration_number, state, note, changed_at, "
                "received_at, applied) VALUES (7, :number, 'verifikasi', 'Berkas diperiksa', :at, :at, :no)"
            ),
            {"number": NEW, "at": AT, "no": False},
        )
        # an event the hall had not sent yet
        conn.execute(
            text(
                "INSERT INTO outbox (event_id, type, occurred_at, schema_version, payload, state, attempts) "
                "VALUES ('5b0b6c55-6a3e-4d53-9d1c-3c0a1f3e9a01', 'application.status_changed', :at, 1, "
                ":payload, 'pending', 2)"
            ),
            {"at": AT, "payload": json.dumps({"registration_number": APPROVED, "state": "disetujui"})},
        )
    db.dispose()


def _column(db: Database, sql: str) -> list[str]:
    with db.engine.connect() as conn:
        return list(conn.execute(text(sql)).scalars())


def test_old_permit_states_become_english_and_the_hall_keeps_working(db_url: str) -> None:
    _hall_at_0005(db_url)

    db = migrate.open_database(db_url)  # what the next start of P4 Desk does

    assert migrate.current_revision(db) == migrate.head_revision()
    assert _column(db, "SELECT state FROM application ORDER BY id") == ["approved", "handed_over", "received"]
    assert _column(db, "SELECT state FROM application_status_history ORDER BY id") == [
        *["received", "verifying", "processing", "approved"],
        *["received", "verifying", "processing", "rejected", "ready", "handed_over"],
        "received",
    ]
    assert _column(db, "SELECT state FROM central_application_update") == ["verifying"]
    # the unsent event is untouched: same content under the same id, still version 1
    with db.engine.connect() as conn:
        version, payload = conn.execute(text("SELECT schema_version, payload FROM outbox")).one()
    payload = payload if isinstance(payload, dict) else json.loads(payload)
    assert (version, payload["state"]) == (1, "disetujui")

    # what the officer reads is still Indonesian, and the lifecycle goes on from the new values
    approved = applications.get_application(db, APPROVED)
    assert (approved.state, approved.state_label) == ("approved", "Disetujui")
    assert [h.label for h in approved.history] == [
        "Berkas diterima",
        "Verifikasi berkas",
        "Sedang diproses",
        "Disetujui",
    ]
    assert applications.change_state(db, APPROVED, "ready").state_label == "Siap diambil"
    assert applications.get_application(db, HANDED).state_label == "Sudah diserahkan"
    # the pending back-office update applies
    assert apply_pending_application_updates(db, CentralInbox(db)) == 1
    assert applications.get_application(db, NEW).state == "verifying"
    db.dispose()


def test_downgrade_gives_the_old_words_back(db_url: str) -> None:
    _hall_at_0005(db_url)
    db = migrate.open_database(db_url)
    migrate.downgrade(db, "0005")
    assert _column(db, "SELECT state FROM application ORDER BY id") == ["disetujui", "diserahkan", "diterima"]
    assert _column(db, "SELECT state FROM central_application_update") == ["verifikasi"]
    db.dispose()
