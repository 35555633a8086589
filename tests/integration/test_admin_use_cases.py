"""The admin window's multi-step use cases as service calls (no widgets): one call, one
transaction, nothing half-saved."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from p4_desk.config import Settings
from p4_desk.errors import P4Error
from p4_desk.printing import PrinterError
from p4_desk.services import catalog_files, permits, site
from p4_desk.services.admin import SiteSettingsForm, audit_entries, print_test_ticket, save_site_settings
from p4_desk.store.db import Database
from tests.support.sites import make_site
from tests.support.transactions import transactions_begun


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = make_site(db_url)
    yield database
    database.dispose()


def form(**changes: object) -> SiteSettingsForm:
    values: dict[str, object] = {
        "site_name": "MPP Kota Metro",
        "timezone": "Asia/Makassar",
        "running_text": "  Layanan Samsat tutup pukul 14.00.  ",
        "workstation": {"workstation.idle_lock_minutes": 10, "voice.volume": 0.6},
    }
    values.update(changes)
    return SiteSettingsForm(**values)  # type: ignore[arg-type]


def test_the_site_tab_save_is_one_transaction(db: Database, tmp_path: Path) -> None:
    settings = Settings(path=tmp_path / "settings.toml")
    with transactions_begun(db) as begun:
        save_site_settings(db, settings, form())

    assert len(begun) == 1
    assert (site.get_site(db).name, db.timezone.key) == ("MPP Kota Metro", "Asia/Makassar")
    assert site.get_setting(db, "display.running_text") == "Layanan Samsat tutup pukul 14.00."
    saved = Settings.load(settings.path)
    assert (saved.get("workstation.idle_lock_minutes"), saved.get("voice.volume")) == (10, 0.6)
    actions = [r.action for r in audit_entries(db)]
    assert actions.count("workstation.setting") == 2 and "site.update" in actions


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"workstation": {"workstation.idle_lock_minutes": 0}},
            "Kunci layar setelah diam (menit) harus antara 1 dan 240.",
        ),
        ({"site_name": "   "}, "Nama situs wajib diisi."),
        ({"timezone": "Asia/Atlantis"}, "Zona waktu 'Asia/Atlantis' tidak dikenal."),
    ],
    ids=["bad-lock-minutes", "empty-name", "unknown-zone"],
)
def test_a_refused_save_changes_nothing(
    db: Database, tmp_path: Path, changes: dict[str, object], message: str
) -> None:
    settings = Settings(path=tmp_path / "settings.toml")
    audit_before = len(audit_entries(db))
    with pytest.raises(P4Error) as refused:
        save_site_settings(db, settings, form(**changes))
    assert refused.value.message.startswith(message)
    assert site.get_site(db).name == "MPP Uji Coba"
    assert site.get_setting(db, "display.running_text") != "Layanan Samsat tutup pukul 14.00."
    assert not settings.path.exists()  # the settings file was not written
    assert len(audit_entries(db)) == audit_before


def test_the_test_print_goes_where_a_real_ticket_would(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "uji.pdf"
    where = print_test_ticket(db, f"pdf:{target}", 58)
    assert where == str(target)
    text = PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text()
    assert "T001" in text and "MPP Uji Coba" in text and "bukan nomor antrian" in text

    device = tmp_path / "lp0"
    assert print_test_ticket(db, f"escpos-file:{device}", 80) == f"escpos-file:{device}"
    assert b"T001" in device.read_bytes()

    printed: list[tuple[str, int]] = []
    print_test_ticket(db, "printer:Kasir 1", 80, os_printer=lambda pdf, name, mm: printed.append((name, mm)))
    assert printed == [("Kasir 1", 80)]
    with pytest.raises(PrinterError) as refused:
        print_test_ticket(db, "lpt1", 80)
    assert "tidak dikenali" in refused.value.message


def test_catalogue_files_round_trip_and_broken_files_are_refused(db: Database, tmp_path: Path) -> None:
    permits.add_permit_type(db, "SKCK", "Surat Keterangan Catatan Kepolisian", "SAMSAT", working_days=1)
    path = tmp_path / "katalog.json"
    assert catalog_files.export_catalog_file(db, path) == 1
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "p4-desk-catalog"
    summary = catalog_files.import_catalog_file(db, path)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 1)

    broken = tmp_path / "rusak.json"
    broken.write_text('{"permit_types": [', encoding="utf-8")
    with pytest.raises(P4Error) as refused:
        catalog_files.import_catalog_file(db, broken)
    assert refused.value.field == "file" and "bukan JSON yang sah" in refused.value.message

    not_a_list = tmp_path / "libur.json"
    not_a_list.write_text('{"holidays": "17 Agustus"}', encoding="utf-8")
    with pytest.raises(P4Error) as refused:
        catalog_files.import_holidays_file(db, not_a_list)
    assert refused.value.message == "Berkas hari libur harus berisi daftar 'holidays'."
