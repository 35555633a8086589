"""The setup use cases behind the first-run wizard (services/setup.py), on real databases: every
field checked before a database is touched, the site and its first admin in one transaction,
an existing site inspected without being changed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from p4_desk.errors import AlreadyExists, NotFound, ValidationError
from p4_desk.services import setup, site, users
from p4_desk.store.migrate import open_database
from tests.support.sites import make_site

FORM = setup.NewSite(
    site_code="mpp-lsl",
    site_name="MPP Kabupaten Lampung Selatan",
    timezone="Asia/Jakarta",
    database_url="",
    admin_username="admin",
    admin_full_name="Rina Admin",
    admin_password="Lampung-2026",
    admin_password_again="Lampung-2026",
)


def test_every_problem_of_the_form_is_named_by_its_field_in_indonesian() -> None:
    bad = setup.NewSite("MPP LSL!", " ", "Europe/Paris", "mysql://x", "A", "", "admin", "admin")
    assert setup.new_site_problems(bad) == {
        "site_code": "Kode situs hanya boleh huruf, angka dan tanda minus (paling banyak 32).",
        "site_name": "Nama situs wajib diisi.",
        "timezone": "Pilih zona waktu WIB, WITA atau WIT.",
        "database_url": (
            "Alamat basis data tidak dikenali. Contoh: postgresql://p4desk:sandi@192.168.1.10/p4desk "
            "atau jalur berkas SQLite."
        ),
        "admin_username": "Nama pengguna 3–32 karakter: huruf kecil, angka, titik, '-' atau '_'.",
        "admin_full_name": "Nama lengkap admin wajib diisi.",
        "admin_password": "Kata sandi admin minimal 10 karakter.",
    }
    assert setup.new_site_problems(replace(FORM, admin_password_again="Lampung-2027")) == {
        "admin_password_again": "Kedua kata sandi tidak sama."
    }
    assert setup.new_site_problems(FORM) == {}


def test_a_refused_form_touches_no_database(tmp_path: Path) -> None:
    target = tmp_path / "site.sqlite3"
    with pytest.raises(ValidationError) as refused:
        setup.create_site(replace(FORM, admin_password="pendek"), f"sqlite:///{target}")
    assert refused.value.field == "admin_password"
    assert not target.exists()


def test_the_site_and_its_first_admin_are_created_together(db_url: str) -> None:
    created = setup.create_site(replace(FORM, database_url=db_url), "sqlite:///unused.sqlite3")
    assert created.code == "MPP-LSL"
    db = open_database(db_url)
    try:
        assert site.get_site(db).name == "MPP Kabupaten Lampung Selatan"
        assert users.authenticate(db, "admin", "Lampung-2026").role == "admin"
    finally:
        db.dispose()


def test_a_failing_admin_leaves_no_site_behind(db_url: str) -> None:
    # Given a database that already holds an admin account but no site (an earlier attempt)
    db = open_database(db_url)
    users.add_user(db, "lama", "Admin Lama", "admin", "Lampung-2026")
    db.dispose()
    with pytest.raises(AlreadyExists) as refused:
        setup.create_site(replace(FORM, database_url=db_url), "sqlite:///unused.sqlite3")
    assert refused.value.field == "database_url"
    db = open_database(db_url)
    try:
        with pytest.raises(NotFound):
            site.get_site(db)  # the site row went back with the refused admin
    finally:
        db.dispose()


def test_an_existing_site_is_inspected_without_being_changed(db_url: str, clock) -> None:
    make_site(db_url, clock).dispose()
    found = setup.inspect_site_database(db_url)
    assert (found.site.code, [c.code for c in found.counters]) == ("MPP-TEST", ["L1", "L2", "L3"])
    # a new site cannot be made in it, and the site is still the same
    with pytest.raises(AlreadyExists) as refused:
        setup.create_site(replace(FORM, database_url=db_url), "sqlite:///unused.sqlite3")
    assert "sudah berisi situs" in refused.value.message
    assert setup.inspect_site_database(db_url).site.code == "MPP-TEST"
    if db_url.startswith("postgresql"):  # "Tes koneksi" on the new-site page says so at once
        with pytest.raises(AlreadyExists):
            setup.check_empty_database(db_url)


def test_joining_a_missing_file_or_an_empty_database_says_why(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.sqlite3"
    with pytest.raises(NotFound) as refused:
        setup.inspect_site_database(str(missing))
    assert refused.value.message == f"Berkas basis data {missing.as_posix()} tidak ada."
    assert not missing.exists()
    empty = tmp_path / "kosong.sqlite3"
    open_database(f"sqlite:///{empty}").dispose()  # migrated, but no site
    with pytest.raises(NotFound) as refused:
        setup.inspect_site_database(f"sqlite:///{empty}")
    assert refused.value.message == "Basis data ini belum berisi situs."
