"""``p4-desk booking ...`` as real processes on a real SQLite file (the site's real clock)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from p4_desk.domain.booking_rules import BookingRule
from p4_desk.services import booking
from tests.support.cli import add_cli_admin, login_env
from tests.support.sites import make_site

ROOT = Path(__file__).resolve().parents[2]
WIB = ZoneInfo("Asia/Jakarta")


def p4(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "p4_desk", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=login_env(args),
    )


def test_rule_phone_booking_list_and_check_in_twice(sqlite_url: str) -> None:
    db = make_site(sqlite_url, lambda: datetime.now(WIB))
    add_cli_admin(db)
    db.dispose()
    every_day = "mon,tue,wed,thu,fri,sat,sun"
    done = p4(
        "booking",
        "rule",
        "KTP",
        "--days",
        every_day,
        "--hours",
        "00:00-24:00",
        "--slot-minutes",
        "30",
        "--capacity",
        "2",
        "--db",
        sqlite_url,
    )
    assert done.returncode == 0, done.stderr
    assert "Aturan janji temu KTP-el disimpan." in done.stdout

    now = datetime.now(WIB).replace(second=0, microsecond=0)
    slot = now + timedelta(minutes=30 - now.minute % 30)
    made = p4(
        "booking",
        "add",
        "--service",
        "KTP",
        "--slot",
        slot.strftime("%Y-%m-%dT%H:%M"),
        "--name",
        "Budi Santoso",
        "--phone",
        "0812-3456-7890",
        "--json",
        "--db",
        sqlite_url,
    )
    assert made.returncode == 0, made.stderr
    code = json.loads(made.stdout)["code"]

    listed = p4(
        "booking", "list", "--date", slot.date().isoformat(), "--service", "KTP", "--json", "--db", sqlite_url
    )
    assert [(b["code"], b["name"], b["state"]) for b in json.loads(listed.stdout)] == [
        (code, "Budi Santoso", "booked")
    ]

    if slot.date() == now.date():  # (from 23.30 WIB the next slot is tomorrow: not checked in today)
        first = p4("booking", "checkin", code, "--json", "--db", sqlite_url)
        assert first.returncode == 0, first.stderr
        ticket = json.loads(first.stdout)
        assert ticket["number"] == "A001" and ticket["state"] == "waiting" and not ticket["repeated"]
        again = json.loads(p4("booking", "checkin", code, "--json", "--db", sqlite_url).stdout)
        assert (again["number"], again["id"], again["repeated"]) == ("A001", ticket["id"], True)

    unknown = p4("booking", "checkin", "12345678", "--db", sqlite_url)
    assert unknown.returncode != 0
    assert "Kode janji temu 12345678 tidak ditemukan." in unknown.stderr and "Traceback" not in unknown.stderr
    bad_slot = p4(
        "booking",
        "add",
        "--service",
        "KTP",
        "--slot",
        "besok pagi",
        "--name",
        "X",
        "--phone",
        "081234567890",
        "--db",
        sqlite_url,
    )
    assert bad_slot.returncode != 0 and "Jam janji 'besok pagi' tidak valid" in bad_slot.stderr


def test_check_in_with_further_services_carries_the_visit_plan(sqlite_url: str) -> None:
    # A booking for the 5-minute slot that began just now, taken by phone an hour ago
    now = datetime.now(WIB)
    slot = now.replace(minute=now.minute - now.minute % 5, second=0, microsecond=0)
    db = make_site(sqlite_url, lambda: datetime.now(WIB) - timedelta(hours=1))
    add_cli_admin(db)
    every_day = {day: [["00:00", "24:00"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    booking.set_rule(db, "KTP", BookingRule(hours=every_day, slot_minutes=5))
    code = booking.add_booking(db, "KTP", slot, "Budi Santoso", "081234567890").code
    db.dispose()

    # The same service twice in one visit: refused in Indonesian, the booking is not used up
    twice = p4("booking", "checkin", code, "--also", "KTP", "--db", sqlite_url)
    assert twice.returncode != 0 and "Traceback" not in twice.stderr
    assert "Layanan KTP dipilih lebih dari sekali dalam satu kunjungan." in twice.stderr

    # Checked in with the vehicle tax and the family card after KTP: one number for the visit
    done = p4("booking", "checkin", code, "--also", "PKB", "--also", "KK", "--db", sqlite_url)
    assert done.returncode == 0, done.stderr
    assert "lanjut ke: Pajak Kendaraan, lalu Kartu Keluarga" in done.stdout
    again = json.loads(p4("booking", "checkin", code, "--json", "--db", sqlite_url).stdout)
    assert again["number"] == "A001" and again["repeated"]
    assert [(step["service"], step["status"]) for step in again["plan"]] == [
        ("KTP", "current"),
        ("PKB", "pending"),
        ("KK", "pending"),
    ]
    shown = p4("queue", "show", "--ticket", "A001", "--db", sqlite_url)
    assert "lanjut ke: Pajak Kendaraan" in shown.stdout, shown.stderr
