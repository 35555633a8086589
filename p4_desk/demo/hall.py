"""The demo hall: a plausible Mal Pelayanan Publik in Bandar Lampung with a few weeks of history.

Agencies, services, counters and users go through the real catalogue and user services; the
ticket history is written directly as finished rows, today's waiting tickets are issued through
the queue service (see ``p4_desk.demo``).
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from p4_desk.demo.bookings import load_demo_bookings
from p4_desk.demo.feedback import load_demo_feedback
from p4_desk.demo.permits import load_permit_demo
from p4_desk.demo.standards import load_demo_standards
from p4_desk.domain.opening_hours import OFFICE_HOURS
from p4_desk.domain.queue_rules import PriorityPolicy, format_ticket_number, queue_key
from p4_desk.errors import AlreadyExists, NotFound
from p4_desk.services import catalog, queue, site, users
from p4_desk.store.db import Database
from p4_desk.store.models import Counter, Service, ServiceDaySequence, Ticket, TicketLeg, User

SITE = ("MPP-BDL", "Mal Pelayanan Publik Kota Bandar Lampung", "Asia/Jakarta")

AGENCIES = [
    ("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil"),
    ("SAMSAT", "UPTD Samsat Bandar Lampung (Bapenda Provinsi Lampung)"),
    ("BPJSKES", "BPJS Kesehatan"),
    ("BPJSTK", "BPJS Ketenagakerjaan"),
    ("IMIGRASI", "Kantor Imigrasi Kelas I TPI Bandar Lampung"),
    ("DPMPTSP", "Dinas Penanaman Modal dan PTSP"),
    ("POLRES", "Polresta Bandar Lampung"),
    ("BPN", "Kantor Pertanahan Kota Bandar Lampung"),
    ("BANK", "Bank Lampung"),
]

# code, prefix, name, agency, target wait, quota, office hours only, mean service minutes, daily load
SERVICES: list[tuple[str, str, str, str, int, int | None, bool, float, int]] = [
    ("KTP", "A", "Perekaman dan Pencetakan KTP-el", "DUKCAPIL", 20, None, False, 6, 70),
    ("KK", "B", "Kartu Keluarga (baru / perubahan)", "DUKCAPIL", 20, None, False, 8, 45),
    ("AKTA", "C", "Akta Kelahiran dan Kematian", "DUKCAPIL", 20, None, False, 9, 30),
    ("PKB", "D", "Pembayaran Pajak Kendaraan Bermotor Tahunan", "SAMSAT", 15, None, False, 5, 80),
    ("BBN", "E", "Balik Nama Kendaraan Bermotor", "SAMSAT", 30, None, False, 15, 15),
    ("JKN", "F", "Pendaftaran dan Perubahan Data JKN-KIS", "BPJSKES", 20, None, False, 10, 35),
    ("JHT", "G", "Klaim Jaminan Hari Tua", "BPJSTK", 30, None, False, 14, 20),
    ("PASPOR", "H", "Permohonan Paspor", "IMIGRASI", 30, 80, True, 12, 40),
    ("IZIN", "I", "Perizinan Berusaha dan Non-Berusaha", "DPMPTSP", 20, None, False, 15, 20),
    ("OSS", "J", "Konsultasi OSS RBA dan NIB", "DPMPTSP", 20, None, False, 12, 15),
    ("SKCK", "K", "Penerbitan SKCK", "POLRES", 20, None, False, 7, 50),
    ("TANAH", "L", "Informasi dan Pendaftaran Layanan Pertanahan", "BPN", 30, None, True, 14, 15),
    ("RETRIBUSI", "M", "Pembayaran Pajak Daerah dan Retribusi", "BANK", 10, None, False, 4, 40),
]

COUNTERS = [
    ("L01", "Loket 1", ["KTP", "KK"]),
    ("L02", "Loket 2", ["KTP", "KK", "AKTA"]),
    ("L03", "Loket 3", ["AKTA", "KK"]),
    ("L04", "Loket 4", ["PKB", "BBN"]),
    ("L05", "Loket 5", ["PKB"]),
    ("L06", "Loket 6", ["JKN"]),
    ("L07", "Loket 7", ["JHT"]),
    ("L08", "Loket 8", ["PASPOR"]),
    ("L09", "Loket 9", ["IZIN", "OSS"]),
    ("L10", "Loket 10", ["OSS", "IZIN"]),
    ("L11", "Loket 11", ["SKCK"]),
    ("L12", "Loket 12", ["TANAH"]),
    ("L13", "Loket 13", ["RETRIBUSI"]),
]

USERS = [
    ("admin", "Admin Situs", "admin", "admin123"),
    ("supervisor", "Rina Marlina, S.Sos.", "supervisor", "supervisor123"),
    ("petugas1", "Ahmad Fauzi", "operator", "petugas123"),
    ("petugas2", "Siti Rahmawati", "operator", "petugas123"),
    ("petugas3", "Budi Santoso", "operator", "petugas123"),
    ("petugas4", "Dewi Lestari", "operator", "petugas123"),
    ("petugas5", "Yusuf Hidayat", "operator", "petugas123"),
]

# Relative arrival weight per local hour: a morning peak, a lull at lunch.
HOUR_WEIGHTS = {8: 14, 9: 18, 10: 16, 11: 12, 12: 4, 13: 10, 14: 8, 15: 3}
PRIORITY_SHARE = 0.08


def load_demo_data(db: Database, days: int = 21, seed: int = 2025) -> dict[str, Any]:
    """Create the demo site (if empty) and fill it. Refuses a database that already has services."""
    try:
        site.get_site(db)
    except NotFound:  # an empty database: the demo creates its site
        site.init_site(db, *SITE)
    with db.read() as s:
        if s.scalar(select(func.count()).select_from(Service)):
            raise AlreadyExists(
                "Basis data ini sudah berisi layanan; data contoh hanya untuk basis data kosong."
            )
    for code, name in AGENCIES:
        catalog.add_agency(db, code, name)
    for code, prefix, name, agency, target, quota, office_only, _mean, _load in SERVICES:
        catalog.add_service(
            db,
            code,
            name,
            agency,
            prefix,
            target_wait_minutes=target,
            daily_quota=quota,
            hours=OFFICE_HOURS if office_only else None,
        )
    for code, name, services in COUNTERS:
        catalog.add_counter(db, code, name, services)
    for username, full_name, role, password in USERS:
        users.add_user(db, username, full_name, role, password)
    history = _history(db, days, random.Random(seed))
    waiting = _today(db, random.Random(seed + 1))
    load_permit_demo(db)
    shown = load_demo_standards(db)
    bookings = load_demo_bookings(db)
    return {
        "site": SITE[0],
        "agencies": len(AGENCIES),
        "services": len(SERVICES),
        "counters": len(COUNTERS),
        "users": len(USERS),
        "history_tickets": history,
        "waiting_today": waiting,
        **load_demo_feedback(db),
        **shown,
        **bookings,
    }


def _history(db: Database, days: int, rng: random.Random) -> int:
    tz = db.timezone
    today = db.now().astimezone(tz).date()
    total = 0
    with db.write() as s:
        services = {sv.code: sv for sv in s.scalars(select(Service))}
        counters = list(s.scalars(select(Counter)))
        operators = [u.id for u in s.scalars(select(User).where(User.role == "operator"))]
        by_service = {
            code: [c for c in counters if code in {x.code for x in c.services}] for code in services
        }
        for back in range(days, 0, -1):
            day = today - timedelta(days=back)
            if day.weekday() >= 5:
                continue
            for code, prefix, _name, _agency, _t, quota, _o, mean, load in SERVICES:
                sv = services[code]
                n = max(1, int(rng.gauss(load, load * 0.2)))
                if quota:
                    n = min(n, quota)
                arrivals = sorted(_arrival(rng, day, tz) for _ in range(n))
                free_at = {c.id: arrivals[0] for c in by_service[code]}
                for seq, arrival in enumerate(arrivals, start=1):
                    total += 1
                    priority = (
                        rng.choice(["lansia", "disabilitas", "ibu_hamil", "anak"])
                        if rng.random() < PRIORITY_SHARE
                        else None
                    )
                    counter_id = min(free_at, key=lambda cid: free_at[cid])
                    called = max(arrival, free_at[counter_id]) + timedelta(seconds=rng.randint(5, 60))
                    outcome = "no_show" if rng.random() < 0.05 else "done"
                    started = called + timedelta(seconds=rng.randint(20, 120))
                    duration = timedelta(minutes=max(1.0, rng.gauss(mean, mean * 0.35)))
                    ended = started + duration if outcome == "done" else called + timedelta(minutes=3)
                    free_at[counter_id] = ended
                    t = Ticket(
                        uid=str(uuid.uuid4()),
                        service_id=sv.id,
                        issued_service_id=sv.id,
                        service_day=day,
                        seq=seq,
                        number=format_ticket_number(prefix, seq),
                        priority=priority,
                        state=outcome,
                        issued_at=arrival,
                        arrival_at=arrival,
                        queue_key=queue_key(
                            arrival, priority, PriorityPolicy(sv.priority_head_start_minutes)
                        ),
                        called_at=called,
                        started_at=started if outcome == "done" else None,
                        finished_at=ended,
                        counter_id=counter_id,
                        officer_id=rng.choice(operators),
                        recall_count=0 if outcome == "done" else 1,
                        print_state="printed",
                        updated_at=ended,
                    )
                    s.add(t)
                    s.flush()
                    s.add(
                        TicketLeg(
                            ticket_id=t.id,
                            service_id=sv.id,
                            queued_at=arrival,
                            called_at=called,
                            started_at=t.started_at,
                            ended_at=ended,
                            counter_id=counter_id,
                            officer_id=t.officer_id,
                            outcome=outcome,
                        )
                    )
                s.add(ServiceDaySequence(service_id=sv.id, service_day=day, last_number=n))
    return total


def _arrival(rng: random.Random, day: Any, tz: Any) -> datetime:
    hour = rng.choices(list(HOUR_WEIGHTS), weights=list(HOUR_WEIGHTS.values()))[0]
    local = datetime.combine(day, time(hour, rng.randint(0, 59), rng.randint(0, 59)), tzinfo=tz)
    return local.astimezone(UTC)


def _today(db: Database, rng: random.Random) -> int:
    """A handful of citizens already waiting, so a counter has someone to call right away."""
    issued = 0
    for code in ["KTP", "KTP", "KK", "PKB", "KTP", "AKTA", "PKB", "SKCK", "KTP", "JKN", "IZIN", "KK"]:
        priority = "lansia" if rng.random() < 0.15 else None
        queue.issue_ticket(db, code, priority)
        issued += 1
    return issued
