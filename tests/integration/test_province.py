"""The province's navigation (issue 18.1, 18.2): two halls with known histories, synced by their
real sync agents into a real central server on 127.0.0.1; the ranking and the late-responder list
are checked against a recount written here from the histories themselves (own working-day count
from the shipped holiday list, own deadlines, own median/p90/IKM), not from the server's code.

The histories lie in October 2026 (the previous period: September), on each desk's own clock;
"today" is the real day, as on the server.
"""

from __future__ import annotations

import io
import json
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests

from p4_desk.config import Settings
from p4_desk.services import applications as apps
from p4_desk.services import catalog, complaints, permits, queue, surveys, users
from p4_desk.services.applications import DocumentInput, IntakeRequest
from p4_desk.services.permits import Requirement
from p4_desk.store.db import Database
from p4_desk.sync.enrolment import enrol
from tests.browser.conftest import phone, shot  # noqa: F401 (phone: the headless Chromium fixture)
from tests.integration.central_server import REPO_ROOT, CentralServer, running_central
from tests.support.citizen import sync
from tests.support.cli import add_cli_admin, run_p4
from tests.support.sites import Clock, make_site

WIB = ZoneInfo("Asia/Jakarta")
FIRST, LAST = date(2026, 10, 1), date(2026, 10, 31)
PASSWORD = "kata-sandi-provinsi-1"
HOLIDAYS = {
    date.fromisoformat(h["date"])
    for h in json.loads((REPO_ROOT / "p4_desk/domain/data/holidays.json").read_text())["holidays"]
}


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=WIB).astimezone(UTC)


def working(d: date) -> bool:
    return d.weekday() < 5 and d not in HOLIDAYS


def nth_working_day_after(d: date, n: int) -> date:
    while n:
        d += timedelta(days=1)
        n -= working(d)
    return d


def working_days_late(due: date, day: date) -> int:
    return sum(working(due + timedelta(days=i)) for i in range(1, (day - due).days + 1))


# --- the histories -----------------------------------------------------------------------------


@dataclass
class Ticket:
    site: str
    agency: str
    day: date
    wait: float  # minutes, issue → call
    served: bool


@dataclass
class Complaint:
    site: str
    agency: str
    received: date
    steps: list[tuple[str, date, str]] = field(default_factory=list)  # (state, day, officer)
    number: str = ""


@dataclass
class World:
    central: CentralServer
    tickets: list[Ticket]
    surveys: list[tuple[str, str, date, dict[str, int]]]
    complaints: list[Complaint]
    halls: dict[str, Database]
    applications: list[tuple[str, date, date | None]] = field(default_factory=list)


AGENCY = {"KTP": "DUKCAPIL", "KK": "DUKCAPIL", "PKB": "SAMSAT"}
COUNTER = {"KTP": "L1", "KK": "L1", "PKB": "L3"}
GOOD = dict.fromkeys([f"U{i}" for i in range(1, 10)], 4)
MIXED = {f"U{i}": 3 if i % 2 else 2 for i in range(1, 10)}
FAIR = dict.fromkeys([f"U{i}" for i in range(1, 10)], 3)
# (site, service, day, wait in minutes, served, survey answers given after the service)
TICKETS = [
    ("LS01", "KTP", date(2026, 9, 15), 30, True, None),  # previous period
    ("LS01", "KTP", date(2026, 10, 5), 5, True, GOOD),
    ("LS01", "KTP", date(2026, 10, 5), 20, True, MIXED),
    ("LS01", "KTP", date(2026, 10, 5), 10, False, None),
    ("LS01", "PKB", date(2026, 10, 5), 12.5, True, None),
    ("LS01", "KK", date(2026, 10, 6), 16, True, None),
    ("LS02", "KTP", date(2026, 10, 7), 3, True, FAIR),
    ("LS02", "KTP", date(2026, 10, 7), 4, True, None),
    ("LS02", "PKB", date(2026, 10, 7), 40, True, GOOD),
    ("LS02", "PKB", date(2026, 10, 7), 2, False, None),
]
# (site, received, day decided or None): permit SIP-BIDAN of DPMPTSP, due 3 working days later
APPLICATIONS = [
    ("LS01", date(2026, 10, 5), date(2026, 10, 12)),  # decided after its due date (8 October)
    ("LS01", date(2026, 10, 20), None),  # never decided, past its due date (23 October)
    ("LS02", date(2026, 10, 7), date(2026, 10, 9)),  # on time (due 12 October)
]
# (site, agency, received, [(state, day, officer)])
COMPLAINTS = [
    # forwarded in time, answered one working day after the follow-up plan was due (petugas2)
    (
        "LS01",
        "DUKCAPIL",
        date(2026, 10, 5),
        [
            ("verified", date(2026, 10, 6), "petugas1"),
            ("forwarded", date(2026, 10, 7), "petugas1"),
            ("answered", date(2026, 10, 15), "petugas2"),
            ("closed", date(2026, 10, 16), "petugas1"),
        ],
    ),
    # never handled: every deadline due in October is missed, held by the officer who received it
    ("LS01", "SAMSAT", date(2026, 10, 12), []),
    (
        "LS02",
        "DUKCAPIL",
        date(2026, 10, 7),
        [
            ("verified", date(2026, 10, 7), "petugas2"),
            ("forwarded", date(2026, 10, 8), "petugas2"),
            ("answered", date(2026, 10, 9), "petugas1"),
            ("closed", date(2026, 10, 9), "petugas1"),
        ],
    ),
]


def build_hall(central: CentralServer, code: str, path: Path, world: World) -> Database:
    """The hall's history, done on its own clock in time order, then one sync run."""
    clock = Clock(at(date(2026, 9, 1), 8))
    db = make_site(f"sqlite:///{path}", clock)
    enrol(db, Settings.load(), central.url, code, central.add_site(code, f"MPP {code}"))
    officer = users.get_user(db, "petugas1").actor
    for counter in ("L1", "L3"):
        queue.set_counter_state(db, counter, "open", officer)
    actions: list[tuple[datetime, Any]] = []

    def serve(service: str, day: date, wait: float, served: bool, answers: dict[str, int] | None) -> None:
        counter = COUNTER[service]
        ticket = queue.issue_ticket(db, service)
        clock.advance(minutes=wait)
        called = queue.call_next(db, counter, officer)
        assert called is not None and called.id == ticket.id
        clock.advance(minutes=1)
        if served:
            queue.start(db, ticket.id, officer)
            clock.advance(minutes=4)
            queue.finish(db, ticket.id, officer)
        else:
            queue.recall(db, ticket.id, officer)  # the no-show rule: called again first
            clock.advance(minutes=2)
            queue.no_show(db, ticket.id, officer)
        clock.advance(minutes=1)
        if answers is not None:
            surveys.record_survey(db, answers, ticket=ticket.id, actor=officer)
            world.surveys.append((code, AGENCY[service], day, answers))
        world.tickets.append(Ticket(code, AGENCY[service], day, wait, served))

    for index, (site, service, day, wait, served, answers) in enumerate(TICKETS):
        if site == code:
            args = (service, day, wait, served, answers)
            actions.append((at(day, 8) + timedelta(hours=index), lambda a=args: serve(*a)))

    def receive(agency: str, received: date, steps: list[tuple[str, date, str]]) -> Complaint:
        filed = complaints.file_complaint(
            db,
            kind="pengaduan",
            agency=agency,
            description="Pelayanan lambat dan tidak ada kepastian.",
            identity="anonymous",
            actor=officer,
        )
        found = Complaint(code, agency, received, [("received", received, "petugas1"), *steps], filed.number)
        world.complaints.append(found)
        return found

    def step(complaint: list[Complaint], state: str, who: str) -> None:
        note = "Tindak lanjut instansi." if state == "answered" else "Sesuai prosedur."
        complaints.step_complaint(db, complaint[0].number, state, note, users.get_user(db, who).actor)

    catalog.add_agency(db, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    permits.add_permit_type(
        db,
        "SIP-BIDAN",
        "Surat Izin Praktik Bidan",
        "DPMPTSP",
        working_days=3,
        fee=0,
        product="SIP Bidan",
        requirements=[Requirement("KTP", "Fotokopi KTP-el")],
    )

    def take_in(received: date) -> list[str]:
        request = IntakeRequest(
            "1871015708900003",
            "Siti Aminah",
            "0812-7788-9900",
            "Jl. Teuku Umar 12",
            "SIP-BIDAN",
            documents=(DocumentInput("KTP", True),),
        )
        return [apps.intake(db, request, officer).registration_number]

    def decide(holder: list[list[str]]) -> None:
        for state in ("verifying", "processing", "approved"):
            apps.change_state(db, holder[0][0], state, "Diperiksa", officer)

    for site, received, decided in APPLICATIONS:
        if site != code:
            continue
        numbers: list[list[str]] = []
        actions.append((at(received, 18), lambda r=received, n=numbers: n.append(take_in(r))))
        if decided is not None:
            actions.append((at(decided, 18, 30), lambda n=numbers: decide(n)))
        world.applications.append((code, received, decided))

    for site, agency, received, steps in COMPLAINTS:
        if site != code:
            continue
        holder: list[Complaint] = []
        actions.append(
            (at(received, 19), lambda a=agency, r=received, s=steps, h=holder: h.append(receive(a, r, s)))
        )
        for minute, (state, day, who) in enumerate(steps):
            actions.append((at(day, 20, minute), lambda h=holder, st=state, w=who: step(h, st, w)))
    for moment, action in sorted(actions, key=lambda pair: pair[0]):
        clock.now = moment
        action()
    clock.now = datetime.now(UTC)  # the sync run happens now
    sync(db)
    return db


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """Two halls synced into one central server, shared by the tests of this module."""
    import keyring

    from tests.support.memory_keyring import MemoryKeyring

    base = tmp_path_factory.mktemp("province")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("CONFIG", "DATA", "LOG"):
            (base / name).mkdir()
            patch.setenv(f"P4_DESK_{name}_DIR", str(base / name))
        patch.setenv("PYTHON_KEYRING_BACKEND", "tests.support.memory_keyring.MemoryKeyring")
        patch.setenv("P4_TEST_KEYRING_FILE", str(base / "keyring.json"))
        before = keyring.get_keyring()
        keyring.set_keyring(MemoryKeyring())
        try:
            with running_central(base / "central") as central:
                found = World(central, [], [], [], {})
                for code in ("LS01", "LS02"):
                    found.halls[code] = build_hall(central, code, base / f"{code}.sqlite3", found)
                yield found
                for db in found.halls.values():
                    db.dispose()
        finally:
            keyring.set_keyring(before)


# --- the recount -------------------------------------------------------------------------------


MEETS = {
    "verify_forward": {"forwarded", "answered", "closed"},
    "follow_up_plan": {"answered", "closed"},
    "answer": {"answered", "closed"},
    "resolution": {"closed"},
}


def expected_deadlines(c: Complaint) -> dict[str, date]:
    forwarded = [day for state, day, _ in c.steps if state == "forwarded"]
    verify = nth_working_day_after(c.received, 3)
    return {
        "verify_forward": verify,
        "follow_up_plan": nth_working_day_after(forwarded[-1] if forwarded else verify, 5),
        "answer": nth_working_day_after(c.received, 14),
        "resolution": nth_working_day_after(c.received, 60),
    }


def expected_outcomes(c: Complaint, today: date) -> list[dict[str, Any]]:
    found = []
    for name, due in expected_deadlines(c).items():
        steps = c.steps
        if name == "follow_up_plan":
            last_forward = max((i for i, s in enumerate(steps) if s[0] == "forwarded"), default=None)
            steps = steps[last_forward + 1 :] if last_forward is not None else steps
        done = next(((day, who) for state, day, who in steps if state in MEETS[name]), None)
        if done is not None:
            outcome = "late" if done[0] > due else "met"
            found.append(
                {
                    "deadline": name,
                    "due": due,
                    "outcome": outcome,
                    "done_on": done[0],
                    "officer": done[1],
                    "late": working_days_late(due, done[0]) if outcome == "late" else 0,
                }
            )
        elif today > due:
            found.append(
                {
                    "deadline": name,
                    "due": due,
                    "outcome": "missed",
                    "done_on": None,
                    "officer": c.steps[-1][2],
                    "late": working_days_late(due, today),
                }
            )
    return found


def recount(world: World, first: date, last: date, today: date, key: Any) -> dict[Any, dict[str, Any]]:
    """The figures per group ``key(site, agency)``, counted from the histories."""
    groups: dict[Any, dict[str, Any]] = {}

    def group(site: str, agency: str) -> dict[str, Any]:
        return groups.setdefault(
            key(site, agency), {"tickets": [], "surveys": [], "complaints": [], "all": []}
        )

    for t in world.tickets:
        if first <= t.day <= last:
            group(t.site, t.agency)["tickets"].append(t)
    for site, agency, day, answers in world.surveys:
        if first <= day <= last:
            group(site, agency)["surveys"].append(answers)
    for site, received, decided in world.applications:
        if first <= received <= last:
            group(site, "DPMPTSP").setdefault("applications", []).append((received, decided))
    for c in world.complaints:
        group(c.site, c.agency)["all"].append(c)
        if first <= c.received <= last:
            group(c.site, c.agency)["complaints"].append(c)
    figures = {}
    for name, g in groups.items():
        served = sorted(t.wait for t in g["tickets"] if t.served)
        ikm = None
        if g["surveys"]:
            nrr = [sum(a[f"U{i}"] for a in g["surveys"]) / len(g["surveys"]) for i in range(1, 10)]
            ikm = math.floor(sum(nrr) / 9 * 25 * 100 + 0.5) / 100
        shares = {}
        for deadline in MEETS:
            outcomes = [
                o for c in g["complaints"] for o in expected_outcomes(c, today) if o["deadline"] == deadline
            ]
            met = sum(o["outcome"] == "met" for o in outcomes)
            shares[deadline] = round(met / len(outcomes), 4) if outcomes else None
        n = len(served)
        due = on_time = 0
        for received, decided in g.get("applications", []):
            due_date = nth_working_day_after(received, 3)
            due += decided is not None or today > due_date
            on_time += decided is not None and decided <= due_date
        figures[name] = {
            "applications_due": due,
            "applications_on_time": on_time,
            "tickets_issued": len(g["tickets"]),
            "tickets_served": n,
            "no_show_rate": round(sum(not t.served for t in g["tickets"]) / len(g["tickets"]), 4)
            if g["tickets"]
            else None,
            "wait_median_minutes": round((served[(n - 1) // 2] + served[n // 2]) / 2, 1) if n else None,
            "wait_p90_minutes": round(served[math.ceil(0.9 * n) - 1], 1) if n else None,
            "within_target_share": round(sum(int(w) <= 15 for w in served) / n, 4) if n else None,
            "ikm": ikm,
            "complaints_received": len(g["complaints"]),
            "complaints_overdue_now": sum(
                any(o["outcome"] == "missed" for o in expected_outcomes(c, today)) for c in g["all"]
            ),
            "shares": shares,
        }
    return figures


def served_figures(row: dict[str, Any]) -> dict[str, Any]:
    f = row
    return {
        "applications_due": f["applications_due"],
        "applications_on_time": f["applications_on_time"],
        "tickets_issued": f["tickets_issued"],
        "tickets_served": f["tickets_served"],
        "no_show_rate": f["no_show_rate"],
        "wait_median_minutes": f["wait_median_minutes"],
        "wait_p90_minutes": f["wait_p90_minutes"],
        "within_target_share": f["within_target_share"],
        "ikm": f["ikm"],
        "complaints_received": f["complaints_received"],
        "complaints_overdue_now": f["complaints_overdue_now"],
        "shares": {name: d["share_on_time"] for name, d in f["deadlines"].items()},
    }


def province_get(world: World, path: str, **params: str) -> requests.Response:
    return requests.get(
        world.central.url + path, params=params, headers=world.central.admin_headers(), timeout=60
    )


def today() -> date:
    return datetime.now(WIB).date()


# --- the tests ---------------------------------------------------------------------------------


def test_the_ranking_of_halls_equals_the_recount_for_the_period_and_the_one_before(world: World) -> None:
    answer = province_get(
        world, "/api/v1/province/ranking", **{"from": FIRST.isoformat(), "to": LAST.isoformat()}
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    # the previous period has as many days as October: 31 August – 30 September
    assert (body["previous_from"], body["previous_to"]) == ("2026-08-31", "2026-09-30")
    rows = {row["key"]: row for row in body["rows"]}
    assert set(rows) == {"LS01", "LS02"}
    now = today()
    expected = recount(world, FIRST, LAST, now, lambda site, agency: site)
    before = recount(world, date(2026, 8, 31), date(2026, 9, 30), now, lambda site, agency: site)
    for code in rows:
        assert served_figures(rows[code]["current"]) == expected[code], code
    assert (
        served_figures(rows["LS01"]["previous"])["wait_median_minutes"]
        == before["LS01"]["wait_median_minutes"]
        == 30
    )
    assert rows["LS01"]["current"]["ikm_grade"] in {"A", "B", "C", "D"}
    # the hall with the never-handled complaint has it overdue now; the other has none
    assert rows["LS01"]["current"]["complaints_overdue_now"] == 1
    assert rows["LS02"]["current"]["complaints_overdue_now"] == 0


def test_one_sites_agencies_get_the_same_figures(world: World) -> None:
    answer = province_get(
        world,
        "/api/v1/province/ranking",
        **{"from": FIRST.isoformat(), "to": LAST.isoformat(), "site": "LS01"},
    )
    rows = {row["key"]: row for row in answer.json()["rows"]}
    expected = recount(world, FIRST, LAST, today(), lambda site, agency: agency if site == "LS01" else None)
    expected.pop(None, None)
    assert set(rows) == {"DUKCAPIL", "SAMSAT", "DPMPTSP"}
    assert rows["SAMSAT"]["name"] == "Samsat"
    for agency in rows:
        assert served_figures(rows[agency]["current"]) == expected[agency], agency


def test_late_responders_equal_the_recount_and_name_the_officer_who_answered_a_day_late(world: World) -> None:
    answer = province_get(
        world, "/api/v1/province/late-responders", **{"from": FIRST.isoformat(), "to": LAST.isoformat()}
    )
    assert answer.status_code == 200, answer.text
    rows = answer.json()["rows"]
    now = today()
    expected = sorted(
        (
            c.site,
            c.agency,
            o["officer"],
            c.number,
            o["deadline"],
            o["due"].isoformat(),
            o["done_on"].isoformat() if o["done_on"] else None,
            o["late"],
        )
        for c in world.complaints
        for o in expected_outcomes(c, now)
        if o["outcome"] in ("late", "missed") and FIRST <= o["due"] <= LAST
    )
    got = sorted(
        (
            r["site"],
            r["agency"],
            r["officer"],
            r["complaint_number"],
            r["deadline"],
            r["due"],
            r["done_on"],
            r["late_working_days"],
        )
        for r in rows
    )
    assert got == expected
    day_late = [r for r in rows if r["done_on"] is not None]
    assert len(day_late) == 1
    [late] = day_late
    assert (late["site"], late["officer"], late["deadline"], late["late_working_days"]) == (
        "LS01",
        "petugas2",
        "follow_up_plan",
        1,
    )
    assert late["due"] == "2026-10-14" and late["done_on"] == "2026-10-15"
    assert late["deadline_label"] == "Rencana tindak lanjut instansi"


def test_the_sanction_list_exports_as_xlsx_and_pdf_that_read_back(world: World) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    params = {"from": FIRST.isoformat(), "to": LAST.isoformat()}
    rows = province_get(world, "/api/v1/province/late-responders", **params).json()["rows"]
    xlsx = province_get(world, "/api/v1/province/late-responders", **params, format="xlsx")
    assert xlsx.status_code == 200
    assert "attachment" in xlsx.headers["content-disposition"]
    book = load_workbook(io.BytesIO(xlsx.content))
    detail = list(book["Rincian"].iter_rows(values_only=True))
    assert detail[0][0] == "Situs" and detail[0][9] == "Terlambat (hari kerja)"
    assert sorted((r[2], r[3], r[9]) for r in detail[1:]) == sorted(
        (r["officer"], r["complaint_number"], r["late_working_days"]) for r in rows
    )
    assert any(r[7] == "14 Oktober 2026" and r[8] == "15 Oktober 2026" for r in detail[1:])
    pdf = province_get(world, "/api/v1/province/late-responders", **params, format="pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Daftar Keterlambatan Tindak Lanjut Pengaduan" in text
    assert "1 Oktober 2026" in text and "petugas2" in text
    for r in rows:
        assert r["complaint_number"] in text


def test_the_province_api_refuses_without_a_login_or_the_admin_token(world: World) -> None:
    url = world.central.url + "/api/v1/province/ranking"
    params = {"from": FIRST.isoformat(), "to": LAST.isoformat()}
    assert requests.get(url, params=params, timeout=30).status_code == 401
    site_token = {"Authorization": "Bearer salah-token-bukan-admin"}
    assert requests.get(url, params=params, headers=site_token, timeout=30).status_code == 401
    reversed_period = {"from": LAST.isoformat(), "to": FIRST.isoformat()}
    refused = requests.get(url, params=reversed_period, headers=world.central.admin_headers(), timeout=30)
    assert refused.status_code == 422 and "sebelum" in refused.json()["detail"]


def hall_cli(world: World, code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``p4-desk`` as a real process on the hall's database (the real clock: "today" is today)."""
    db = world.halls[code]
    add_cli_admin(db)
    return run_p4(*args, "--db", str(db.engine.url))


def test_the_hall_supervisor_sees_the_same_late_list_in_the_cli(world: World) -> None:
    period = ("--from", FIRST.isoformat(), "--to", LAST.isoformat())
    mine = hall_cli(world, "LS01", "complaint", "late", *period, "--json")
    assert mine.returncode == 0, mine.stderr
    province = province_get(
        world, "/api/v1/province/late-responders", **{"from": FIRST.isoformat(), "to": LAST.isoformat()}
    )
    theirs = [r for r in province.json()["rows"] if r["site"] == "LS01"]
    assert theirs
    assert sorted(
        (r["complaint_number"], r["deadline"], r["officer"], r["due"], r["done_on"], r["late_working_days"])
        for r in json.loads(mine.stdout)
    ) == sorted(
        (r["complaint_number"], r["deadline"], r["officer"], r["due"], r["done_on"], r["late_working_days"])
        for r in theirs
    )
    text = hall_cli(world, "LS01", "complaint", "late", *period)
    assert "petugas2" in text.stdout and "jatuh tempo 14 Oktober 2026" in text.stdout
    assert "terlambat 1 hari kerja" in text.stdout
    wrong = hall_cli(world, "LS01", "complaint", "late", "--from", "2026-10-31", "--to", "2026-10-01")
    assert wrong.returncode != 0 and "Traceback" not in wrong.stderr
    assert "Tanggal awal harus sebelum" in wrong.stderr


def add_staff(world: World, username: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "p4_desk.central",
            "province-staff",
            "add",
            username,
            "Rina Wulandari",
            "--password-stdin",
            "--db",
            world.central.db_url,
        ],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )


# --- /provinsi in a real headless Chromium ------------------------------------------------------


def test_province_staff_log_in_and_read_the_ranking_and_the_late_list_on_a_phone(
    world: World,
    phone: Any,  # noqa: F811
) -> None:
    from openpyxl import load_workbook
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    added = add_staff(world, "rina")
    assert added.returncode == 0, added.stderr
    assert "ditambahkan" in added.stdout
    driver = phone
    base = world.central.url

    # Without a login the dashboard sends to the login form; a wrong password is refused
    driver.get(base + "/provinsi")
    assert driver.current_url.endswith("/provinsi/masuk")
    driver.find_element(By.ID, "username").send_keys("rina")
    driver.find_element(By.ID, "password").send_keys("salah-sekali-123")
    driver.find_element(By.CSS_SELECTOR, "form.login button").click()
    refusal = WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".error"))
    assert "Nama pengguna atau kata sandi salah." in refusal[0].text

    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form.login button").click()
    # the click starts the navigation; the dashboard is there once the browser has followed it
    WebDriverWait(driver, 30).until(lambda d: d.current_url.rstrip("/").endswith("/provinsi"))
    assert "Peringkat MPP / P4" in driver.find_element(By.TAG_NAME, "h1").text

    # October, sorted by median wait, shortest first
    driver.get(base + "/provinsi?dari=2026-10-01&sampai=2026-10-31&urut=median&arah=naik")
    codes = [
        row.get_attribute("data-kode") for row in driver.find_elements(By.CSS_SELECTOR, "#peringkat tbody tr")
    ]
    expected = recount(world, FIRST, LAST, today(), lambda site, agency: site)
    assert codes == sorted(expected, key=lambda code: expected[code]["wait_median_minutes"])
    median = driver.find_element(By.CSS_SELECTOR, 'tr[data-kode="LS01"] td[data-kolom="median"]').text
    assert median.startswith(f"{expected['LS01']['wait_median_minutes']:.1f}".replace(".", ","))
    assert "sebelumnya 30,0" in median  # September's median of the same hall
    assert len(driver.find_elements(By.CSS_SELECTOR, ".charts svg")) == 3
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
    shot(driver, "provinsi-peringkat")

    # the same figures for one hall's agencies
    driver.find_element(By.LINK_TEXT, "MPP LS01").click()
    heading = "Instansi di situs LS01"
    WebDriverWait(driver, 30).until(lambda d: heading in d.find_element(By.TAG_NAME, "h1").text)
    names = driver.find_element(By.ID, "peringkat").text
    assert "Samsat" in names and "Dinas Kependudukan dan Pencatatan Sipil" in names

    # the late responders, and their spreadsheet downloaded with the same login
    driver.get(base + "/provinsi/terlambat?dari=2026-10-01&sampai=2026-10-31")
    detail = driver.find_element(By.ID, "rincian").text
    assert "petugas2" in detail and "Rencana tindak lanjut instansi" in detail and "15 Oktober 2026" in detail
    shot(driver, "provinsi-terlambat")
    link = driver.find_element(By.ID, "unduh-xlsx").get_attribute("href")
    cookies = {c["name"]: c["value"] for c in driver.get_cookies()}
    assert set(cookies) == {"p4_provinsi"}
    xlsx = requests.get(link, cookies=cookies, timeout=60)
    assert xlsx.status_code == 200
    assert load_workbook(io.BytesIO(xlsx.content))["Rincian"].max_row == 1 + len(
        province_get(
            world, "/api/v1/province/late-responders", **{"from": FIRST.isoformat(), "to": LAST.isoformat()}
        ).json()["rows"]
    )

    # logging out ends the session: the cookie no longer opens the API
    driver.find_element(By.CSS_SELECTOR, "header form button").click()
    WebDriverWait(driver, 30).until(lambda d: d.current_url.endswith("/provinsi/masuk"))
    assert requests.get(link, cookies=cookies, timeout=60).status_code == 401
