"""Values a database would refuse, or SQLite would silently store, get one field-level Indonesian
answer on both backends; only a real connection failure blames the network; the driver's own
words go to the log (issue 14, findings 6 and 7)."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, insert, select

from p4_desk.errors import P4Error, ValidationError
from p4_desk.services import catalog, queue, users
from p4_desk.store.models import Agency, Counter, User
from tests.support.sites import make_site

HOSTILE = [
    ("x" * 10_000, "Nama terlalu panjang (10000 karakter, paling banyak 200)."),
    ("Dinas\x00Kependudukan", "Nama memuat karakter NUL."),
    ("Loket \u202eNOITAMROFNI", "Nama memuat karakter pembalik arah tulisan (RTL/LTR override)."),
    ("Loket\x1b[31m merah", "Nama memuat karakter kendali (U+001B)."),
]


@pytest.mark.parametrize(("name", "message"), HOSTILE, ids=["long", "nul", "rtl", "escape"])
def test_a_hostile_name_is_refused_the_same_way_on_both_databases(
    db_url: str, name: str, message: str
) -> None:
    db = make_site(db_url)
    with pytest.raises(ValidationError) as refused:
        catalog.add_agency(db, "BPJS", name)
    assert refused.value.message == message and refused.value.field == "name"
    with pytest.raises(ValidationError):
        catalog.add_counter(db, "L9", name, ["KTP"])
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Agency).where(Agency.code == "BPJS")) == 0
        assert s.scalar(select(func.count()).select_from(Counter).where(Counter.code == "L9")) == 0


def test_a_user_with_a_10000_character_name_is_refused_before_hashing(db_url: str) -> None:
    db = make_site(db_url)
    with pytest.raises(
        ValidationError, match=r"^Nama lengkap terlalu panjang \(10000 karakter, paling banyak 200\)\.$"
    ):
        users.add_user(db, "panjang", "n" * 10_000, "operator", "rahasia123")
    with pytest.raises(ValidationError, match="Nama lengkap harus berupa teks"):
        users.add_user(db, "angka", 12345, "operator", "rahasia123")  # type: ignore[arg-type]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 2


def test_numbers_out_of_range_are_refused_by_field(db_url: str) -> None:
    db = make_site(db_url)
    with pytest.raises(ValidationError) as refused:
        catalog.add_service(db, "BIG", "Layanan Besar", "DUKCAPIL", "Z", daily_quota=2**40)
    assert "di luar rentang" in refused.value.message
    assert queue.issue_ticket(db, "KTP").number == "A001"  # nothing half-written behind it


@pytest.mark.postgres
def test_what_postgresql_itself_refuses_names_the_field_and_logs_the_driver(
    pg_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A statement the flush checks do not see (a Core insert) still gets a field-level answer,
    not "Server basis data ... tidak dapat dihubungi"."""
    db = make_site(pg_url)
    caplog.set_level(logging.WARNING, logger="p4_desk.store.db")
    row = {"code": "X1", "name": "Nama", "active": True}
    with pytest.raises(ValidationError) as refused, db.write() as s:
        s.execute(insert(Agency), [{**row, "code": "K" * 40}])
    assert refused.value.message == "Kode terlalu panjang (paling banyak 32 karakter)."
    assert refused.value.field == "code"
    assert "value too long for type character varying(32)" in caplog.text
    with pytest.raises(ValidationError) as nul, db.write() as s:
        s.execute(insert(Agency), [{**row, "name": "a\x00b"}])
    assert nul.value.message == "Nama memuat karakter NUL."
    with pytest.raises(ValidationError) as big, db.write() as s:
        s.execute(insert(Agency), [{**row, "id": 2**40}])
    assert big.value.message == "Isian 'id' di luar rentang yang dapat disimpan."


def test_a_duplicate_is_named_as_one_on_both_databases(db_url: str) -> None:
    db = make_site(db_url)
    with pytest.raises(P4Error) as twice, db.write() as s:
        s.execute(insert(Agency), [{"code": "DUKCAPIL", "name": "Lagi", "active": True}])
    assert twice.value.message == "Data yang sama sudah ada."
    assert "tidak dapat dihubungi" not in twice.value.message
