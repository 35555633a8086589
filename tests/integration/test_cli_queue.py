"""The `p4-desk` command as site IT uses it: real processes, JSON output, Indonesian errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli import SiteCli as Cli
from tests.support.cli import add_cli_admin, login_env

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(sqlite_url: str) -> Cli:
    # The site is set up in-process (fast); the commands under test run as real processes.
    from p4_desk.services import catalog, site, users
    from p4_desk.store.migrate import open_database

    db = open_database(sqlite_url)
    site.init_site(db, "MPP-MTR", "MPP Kota Metro")
    catalog.add_agency(db, "DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil")
    catalog.add_service(db, "KTP", "KTP-el", "DUKCAPIL", "A")
    catalog.add_service(db, "KK", "Kartu Keluarga", "DUKCAPIL", "B", daily_quota=1)
    catalog.add_counter(db, "L1", "Loket 1", ["KTP", "KK"])
    users.add_user(db, "petugas1", "Petugas Satu", "operator", "rahasia123")
    add_cli_admin(db)
    db.dispose()
    return Cli(sqlite_url)


def test_setup_commands(sqlite_url: str) -> None:
    c = Cli(sqlite_url)
    # init makes the first admin (password from P4_DESK_PASSWORD); every later command logs in as it
    made = c.run("init", "--site-code", "MPP-MTR", "--site-name", "MPP Kota Metro")
    assert "Admin pertama: admin" in made.stdout
    c.run("agency", "add", "DUKCAPIL", "--name", "Dinas Kependudukan dan Pencatatan Sipil")
    c.run(
        "service", "add", "KTP", "--name", "KTP-el", "--agency", "DUKCAPIL", "--prefix", "A", "--quota", "50"
    )
    c.run("counter", "add", "L1", "--name", "Loket 1", "--services", "KTP")
    c.run(
        "user", "add", "petugas1", "--name", "Petugas Satu", "--role", "operator", "--password", "rahasia123"
    )
    services = c.json("service", "list")["services"]
    assert [(s["code"], s["prefix"], s["daily_quota"]) for s in services] == [("KTP", "A", 50)]
    counters = c.json("counter", "list")["counters"]
    assert counters[0]["services"] == ["KTP"] and counters[0]["state"] == "closed"
    shown = c.run("counter", "list").stdout  # the officer reads the state in Indonesian
    assert "Tutup" in shown and "closed" not in shown
    users_ = c.json("user", "list")["users"]
    assert [(u["username"], u["role"]) for u in users_] == [("admin", "admin"), ("petugas1", "operator")]
    assert "password" not in json.dumps(users_)
    again = c.run("init", "--site-code", "X", "--site-name", "Y", ok=False, P4_DESK_PASSWORD="Lampung-2026")
    assert again.returncode == 1 and "sudah berisi situs" in again.stderr


def test_a_day_of_queue_commands(cli: Cli) -> None:
    t = cli.json("queue", "issue", "KTP")
    for key in (
        "id",
        "number",
        "service",
        "state",
        "priority",
        "issued_at",
        "called_at",
        "started_at",
        "finished_at",
        "counter",
        "people_ahead",
        "estimated_wait_minutes",
    ):
        assert key in t
    assert (t["number"], t["state"], t["people_ahead"]) == ("A001", "waiting", 0)
    elderly = cli.json("queue", "issue", "KTP", "--priority", "lansia")
    assert elderly["priority"] == "lansia"

    assert cli.run("queue", "call-next", "--counter", "L1", ok=False).returncode == 1  # closed counter
    cli.run("counter", "open", "L1", "--user", "petugas1")
    called = cli.json("queue", "call-next", "--counter", "L1", "--user", "petugas1")
    assert called["number"] == "A002" and called["counter"] == "L1"  # priority first
    assert cli.json("queue", "recall", "--ticket", "A002")["recall_count"] == 1
    cli.run("queue", "start", "--ticket", "A002")
    assert cli.json("queue", "finish", "--ticket", "A002")["state"] == "done"

    cli.run("queue", "call", "--ticket", "A001", "--counter", "L1")
    cli.run("queue", "start", "--ticket", str(t["id"]))
    moved = cli.json("queue", "transfer", "--ticket", "A001", "--service", "KK")
    assert (moved["service"], moved["state"]) == ("KK", "waiting")

    status = cli.json("queue", "status")
    kk = next(s for s in status["services"] if s["code"] == "KK")
    assert kk["waiting"] == 1 and kk["name"] == "Kartu Keluarga"
    l1 = next(c for c in status["counters"] if c["code"] == "L1")
    assert l1["state"] == "open" and l1["services"] == ["KK", "KTP"] and l1["current_ticket"] is None

    cli.run("queue", "call-next", "--counter", "L1")
    nobody = cli.run("queue", "call-next", "--counter", "L1", "--json", ok=False)
    assert nobody.returncode == 1 and "masih menangani tiket A001" in nobody.stderr


def test_call_next_with_nobody_waiting_prints_null(cli: Cli) -> None:
    cli.run("counter", "open", "L1")
    result = cli.run("queue", "call-next", "--counter", "L1", "--json")
    assert json.loads(result.stdout) is None
    assert "Tidak ada antrian" in cli.run("queue", "call-next", "--counter", "L1").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("queue", "issue", "PASPOR"), "Layanan 'PASPOR' tidak ditemukan"),
        (("queue", "finish", "--ticket", "A001"), "Tiket 'A001' tidak ditemukan"),
        (("queue", "issue", "KK"), None),  # first KK ticket is fine, the quota is 1
        (("counter", "open", "L9"), "Loket 'L9' tidak ditemukan"),
        (
            ("service", "add", "X", "--name", "X", "--agency", "DUKCAPIL", "--prefix", "A"),
            "Awalan 'A' sudah dipakai",
        ),
        (("user", "add", "x", "--name", "X", "--role", "operator", "--password", "pendek"), "Nama pengguna"),
    ],
)
def test_user_errors_are_indonesian_with_non_zero_exit(
    cli: Cli, args: tuple[str, ...], message: str | None
) -> None:
    result = cli.run(*args, ok=message is None)
    if message is not None:
        assert result.returncode == 1
        assert message in result.stderr
        assert "Traceback" not in result.stderr


def test_quota_exhausted_from_the_cli(cli: Cli) -> None:
    cli.run("queue", "issue", "KK")
    result = cli.run("queue", "issue", "KK", ok=False)
    assert result.returncode == 1 and "Kuota harian layanan Kartu Keluarga" in result.stderr


def test_output_cut_off_by_the_reader_ends_quietly(cli: Cli) -> None:
    """``p4-desk ... | head``: the reader is gone before the output is written; no traceback."""
    cli.run("queue", "issue", "KTP")
    read_end, write_end = os.pipe()
    os.close(read_end)  # like head that has read its lines: every write now meets a closed pipe
    try:
        result = subprocess.run(
            [sys.executable, "-m", "p4_desk", "queue", "waiting", "--db", cli.url],
            cwd=ROOT, env=login_env(()), stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120,
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 1


def test_queue_status_names_counter_states_in_indonesian(cli: Cli) -> None:
    cli.run("counter", "open", "L1")
    status = cli.run("queue", "status").stdout
    assert "Buka" in status and " open " not in status


def test_usage_errors_and_help_are_indonesian_and_exit_1(cli: Cli) -> None:
    missing = cli.run("queue", "issue", ok=False)
    assert missing.returncode == 1  # the README's promise for every user error (argparse says 2)
    lines = missing.stderr.splitlines()
    assert lines[0].startswith("pemakaian: p4-desk queue issue")
    assert lines[-1] == "Galat: argumen berikut wajib diisi: service"
    minutes = cli.run("ticket", "cancel-unprinted", "--minutes", "nan", ok=False)
    assert minutes.returncode == 1 and "Traceback" not in minutes.stderr
    assert minutes.stderr.splitlines()[-1] == (
        "Galat: argumen --minutes: batas waktu 'nan' tidak sah: harus bilangan 0–10080"
    )
    shown = cli.run("queue", "issue", "--help").stdout
    assert "argumen:" in shown and "opsi:" in shown and "tampilkan bantuan ini" in shown
    assert "usage" not in shown and "options" not in shown


def test_a_reminder_phone_from_the_cli_is_kept_until_sync_and_a_landline_is_refused(
    cli: Cli, sqlite_url: str
) -> None:
    from sqlalchemy import text

    from p4_desk.services import site
    from p4_desk.store.migrate import open_database

    ticket = cli.json("queue", "issue", "KTP")
    refused = cli.run("queue", "remind", "--ticket", ticket["number"], "--phone", "0812-3456-7890", ok=False)
    assert refused.returncode == 1 and "belum terhubung ke server pusat" in refused.stderr

    db = open_database(sqlite_url)
    site.set_setting(db, "central.public_url", "https://antrian.lampungprov.go.id")
    landline = cli.run("queue", "remind", "--ticket", ticket["number"], "--phone", "(0721) 123456", ok=False)
    assert landline.returncode == 1 and "bukan telepon rumah" in landline.stderr
    answer = cli.json("queue", "remind", "--ticket", ticket["number"], "--phone", "0812-3456-7890")
    assert answer == {"ticket": ticket["number"], "phone_end": "7890"}
    shown = cli.run("queue", "remind", "--ticket", ticket["number"], "--phone", "0812-3456-7890").stdout
    assert "Pengingat dicatat untuk nomor ****7890" in shown
    with db.read() as s:
        assert s.execute(text("SELECT phone FROM reminder_request")).all() == [("+6281234567890",)]
    db.dispose()
