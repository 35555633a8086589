"""Small, realistic site databases for tests (built through the real services)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from p4_desk.services import catalog, site, users
from p4_desk.store.db import Database
from p4_desk.store.migrate import open_database


class Clock:
    """A settable clock for services (``Database(clock=...)``)."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        from datetime import timedelta

        self.now = self.now + timedelta(**kwargs)


# 10:00 WIB on a Wednesday: inside office hours.
DEFAULT_START = datetime(2026, 3, 4, 3, 0, tzinfo=UTC)


def make_site(url: str, clock: Callable[[], datetime] | None = None) -> Database:
    """Site MPP-TEST: Dukcapil (KTP prefix A, KK prefix B), Samsat (PKB prefix D), three counters."""
    db = open_database(url, clock=clock or Clock(DEFAULT_START))
    site.init_site(db, "MPP-TEST", "MPP Uji Coba", "Asia/Jakarta")
    catalog.add_agency(db, "DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil")
    catalog.add_agency(db, "SAMSAT", "Samsat")
    catalog.add_service(db, "KTP", "KTP-el", "DUKCAPIL", "A")
    catalog.add_service(db, "KK", "Kartu Keluarga", "DUKCAPIL", "B")
    catalog.add_service(db, "PKB", "Pajak Kendaraan", "SAMSAT", "D")
    catalog.add_counter(db, "L1", "Loket 1", ["KTP", "KK"])
    catalog.add_counter(db, "L2", "Loket 2", ["KTP"])
    catalog.add_counter(db, "L3", "Loket 3", ["PKB"])
    users.add_user(db, "petugas1", "Petugas Satu", "operator", "rahasia123")
    users.add_user(db, "petugas2", "Petugas Dua", "operator", "rahasia123")
    return db
