"""``p4-desk queue issue`` for one visit across several services, as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.support.cli import add_cli_admin, login_env
from tests.support.sites import make_site

ROOT = Path(__file__).resolve().parents[2]


def _run(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "p4_desk", *args, "--db", url],
        cwd=ROOT,
        env=login_env(args),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_issue_several_services_for_one_visit_shows_the_plan(sqlite_url: str) -> None:
    db = make_site(sqlite_url)
    add_cli_admin(db)
    db.dispose()

    ok = _run(sqlite_url, "queue", "issue", "--service", "KTP", "--service", "PKB", "--json")
    assert ok.returncode == 0, ok.stderr
    ticket = json.loads(ok.stdout)
    assert (ticket["number"], ticket["service"], ticket["state"]) == ("A001", "KTP", "waiting")
    assert [
        (step["position"], step["service"], step["service_name"], step["status"]) for step in ticket["plan"]
    ] == [
        (1, "KTP", "KTP-el", "current"),
        (2, "PKB", "Pajak Kendaraan", "pending"),
    ]

    text = _run(sqlite_url, "queue", "issue", "KK", "--service", "PKB")
    assert text.returncode == 0, text.stderr
    assert "B001 (Kartu Keluarga)" in text.stdout and "lanjut ke: Pajak Kendaraan" in text.stdout

    refused = _run(sqlite_url, "queue", "issue", "--service", "KTP", "--service", "KK", "--service", "PKB",
                   "--service", "KTP")  # fmt: skip
    assert refused.returncode == 1
    assert "Satu kunjungan paling banyak 3 layanan (dipilih 4)." in refused.stderr
    assert "Traceback" not in refused.stderr
    shown = json.loads(_run(sqlite_url, "queue", "show", "--ticket", "B001", "--json").stdout)
    assert [step["service"] for step in shown["plan"]] == ["KK", "PKB"]

    day = ticket["service_day"]
    stats = json.loads(_run(sqlite_url, "stats", "--from", day, "--to", day, "--json").stdout)
    visits = stats["visits"]
    assert (visits["visits"], visits["completed"], visits["not_reached"]) == (2, 0, 0)
    assert [(st["position"], st["legs"], st["served"]) for st in visits["steps"]] == [
        (1, 2, 0),
        (2, 0, 0),
        (3, 0, 0),
    ]
