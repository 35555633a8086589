"""Every setting, of this workstation or of the site, declared once (Picard's pattern).

- ``SETTINGS``: what belongs to one PC (which database, role and counter, printer, language,
  voice), kept in one TOML file in the platformdirs config dir (``Settings``).
- ``SITE_SETTINGS``: what every workstation of a site must agree on (running text, queue,
  complaint and permit rules, receipts), kept in the database's ``site_setting`` table and read
  and written by ``p4_desk.services.site``.

A ``Setting`` is key, type, default, Indonesian title (as the admin window and ``p4-desk
settings`` show it) and its check (choices, range, pattern), so screens and commands list and
validate every setting the same way. Adding an option is one line in one of the two tuples.

Upgrades: the settings file records ``[meta] version``; ``UPGRADES[n]`` turns a file of version
``n - 1`` into version ``n`` (small functions that rename or convert keys), applied in order when
an older file is loaded, and the file is saved at once. Site settings are rows of the database:
their conversions are Alembic data migrations, in the same transaction as the schema.

Environment overrides (useful for kiosks started by a service manager and for tests):
``P4_DESK_DB`` (database URL), ``P4_DESK_CONFIG_DIR``, ``P4_DESK_DATA_DIR``, ``P4_DESK_LOG_DIR``.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from p4_desk import owner_only
from p4_desk.errors import ConfigError, ValidationError

log = logging.getLogger(__name__)

APP_NAME = "p4-desk"
APP_AUTHOR = "P4Desk"

_KINDS = {str: "teks", int: "bilangan bulat", float: "bilangan", bool: "ya atau tidak"}
_YES, _NO = ("ya", "y", "true", "1", "on"), ("tidak", "t", "false", "0", "off")


@dataclass(frozen=True)
class Setting:
    """One option: its key ``section.name``, type, default, Indonesian title and its check."""

    key: str
    type: type  # str, int, float, bool; ``object`` for a JSON document kept by the program
    default: Any
    title: str
    choices: tuple[Any, ...] = ()
    bounds: tuple[float, float] | None = None  # smallest and largest number allowed
    pattern: str | None = None  # a text value must match it whole (after trimming spaces)
    invalid: str = ""  # the message when ``pattern`` does not match
    editable: bool = True  # False: set by its own flow (setup, enrolment, sync), not as a value

    def check(self, value: Any) -> Any:
        """The value as it is stored, or ``ValidationError`` (Indonesian) naming this setting."""
        if self.type is object:
            return value
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.type) or (self.type is not bool and isinstance(value, bool)):
            raise ValidationError(f"{self.title} harus berupa {_KINDS[self.type]}.", field=self.key)
        if self.choices and value not in self.choices:
            shown = ", ".join(self.show(c) for c in self.choices)
            raise ValidationError(f"{self.title} harus salah satu dari: {shown}.", field=self.key)
        if (
            self.bounds is not None
            and isinstance(value, int | float)
            and not self.bounds[0] <= value <= self.bounds[1]
        ):
            low, high = (self.show(b) for b in self.bounds)
            raise ValidationError(f"{self.title} harus antara {low} dan {high}.", field=self.key)
        if self.pattern is not None and not re.fullmatch(self.pattern, str(value).strip()):
            raise ValidationError(self.invalid or f"{self.title} tidak valid.", field=self.key)
        return value

    def parse(self, text: str) -> Any:
        """A value typed as text (command line, text field): ``ya``/``tidak``, decimal comma."""
        typed = text.strip()
        try:
            if self.type is bool:
                if typed.lower() not in (*_YES, *_NO):
                    raise ValueError(typed)
                return self.check(typed.lower() in _YES)
            if self.type is int:
                return self.check(int(typed))
            if self.type is float:
                return self.check(float(typed.replace(",", ".")))
            if self.type is object:
                return json.loads(typed)
        except ValueError:
            kind = _KINDS.get(self.type, "JSON")
            raise ValidationError(f"{self.title} harus berupa {kind}: '{typed}'.", field=self.key) from None
        return self.check(typed)

    def show(self, value: Any) -> str:
        """The value as a user reads it (``ya``/``tidak``, decimal comma)."""
        if value is None:
            return ""
        if isinstance(value, bool):
            return "ya" if value else "tidak"
        if isinstance(value, float):
            return f"{value:g}".replace(".", ",")
        if isinstance(value, dict | list):
            return json.dumps(value, ensure_ascii=False)
        return str(value)


def _lookup(declared: tuple[Setting, ...]) -> dict[str, Setting]:
    by_key = {s.key: s for s in declared}
    assert len(by_key) == len(declared), "a setting is declared twice"
    return by_key


_TARGET = r"pdf(:.+)?|printer:.+|escpos-(net|file|usb|serial):.+|escpos-dummy:?"
_BAD_TARGET = (
    "Tujuan cetak tidak dikenali. Contoh: pdf, pdf:BERKAS, printer:NAMA, "
    "escpos-net:192.168.1.50:9100, escpos-file:/dev/usb/lp0."
)
ROLES = ("counter", "kiosk", "display", "supervisor", "survey", "admin")
_RUNNING_TEXT = (
    "Selamat datang. Ambil nomor antrian di kiosk dan tunggu panggilan. Layanan tanpa pungutan liar."
)
_COMPLAINT_CHANNEL = "Pengaduan: SP4N-LAPOR! www.lapor.go.id, SMS 1708, atau meja pengaduan di lokasi ini"

# One line a setting: key, type, default, title, then its check. (fmt: one entry per line)
# fmt: off
SETTINGS: tuple[Setting, ...] = (
    Setting("database.url", str, "", "Alamat basis data (kosong: SQLite di folder data)", editable=False),
    Setting("database.owner_url", str, "", "Alamat basis data akun pemilik (migrasi)", editable=False),
    Setting("workstation.id", str, "", "Nama PC di log audit (kosong: nama komputer)", editable=False),
    Setting("workstation.role", str, "counter", "Peran workstation", choices=ROLES, editable=False),
    Setting("workstation.counter", str, "", "Kode loket yang dilayani PC ini", editable=False),
    Setting("workstation.language", str, "id", "Bahasa tampilan", choices=("id", "en")),
    Setting("workstation.idle_lock_minutes", int, 5, "Kunci layar setelah diam (menit)", bounds=(1, 240)),
    Setting("printer.ticket_target", str, "pdf", "Printer tiket", pattern=_TARGET, invalid=_BAD_TARGET),
    Setting("printer.ticket_paper_mm", int, 80, "Lebar kertas tiket (mm)", choices=(58, 80)),
    Setting("printer.receipt_paper", str, "A5", "Kertas tanda terima", choices=("A4", "A5")),
    Setting("printer.receipt_archive", str, "", "Folder arsip PDF tanda terima (kosong: folder data)"),
    Setting("voice.enabled", bool, True, "Panggilan suara di layar display"),
    Setting("voice.volume", float, 0.8, "Volume suara", bounds=(0.0, 1.0)),
    Setting("voice.clips_dir", str, "", "Folder rekaman suara milik situs (opsional)"),
    Setting("voice.tts", bool, False, "Pakai suara teks-ke-ucapan sistem (id-ID), bukan rekaman"),
    Setting("sync.url", str, "", "Alamat API pusat provinsi", editable=False),
    Setting("sync.ca_bundle", str, "", "Berkas CA untuk API pusat (kosong: sertifikat sistem)"),
    Setting("backup.daily", bool, True, "Cadangan otomatis harian"),
    Setting("backup.keep", int, 14, "Jumlah cadangan otomatis yang disimpan", bounds=(1, 365)),
    Setting("window.counter", str, "", "Letak jendela loket di PC ini (diingat program)", editable=False),
    Setting("window.supervisor", str, "", "Letak jendela supervisor di PC ini (diingat program)",
            editable=False),
    Setting("window.admin", str, "", "Letak jendela admin di PC ini (diingat program)", editable=False),
)

SITE_SETTINGS: tuple[Setting, ...] = (
    Setting("display.running_text", str, _RUNNING_TEXT, "Teks berjalan di layar display"),
    Setting("queue.recalls_before_no_show", int, 1, "Panggilan ulang sebelum tidak hadir", bounds=(0, 10)),
    Setting("queue.visit_head_start_minutes", int, 10,
            "Keunggulan antrian layanan lanjutan satu kunjungan (menit)", bounds=(0, 240)),
    Setting("queue.print_fail_cancel_minutes", int, 5, "Batalkan tiket gagal cetak setelah (menit)",
            bounds=(1, 1440)),
    Setting("booking.checkin_before_minutes", int, 30, "Check-in janji temu dibuka sebelum jam janji (menit)",
            bounds=(0, 240)),
    Setting("booking.checkin_after_minutes", int, 10, "Check-in janji temu ditutup setelah jam janji (menit)",
            bounds=(0, 120)),
    Setting("auth.max_failed_logins", int, 5, "Gagal login sebelum akun dikunci", bounds=(1, 100)),
    Setting("auth.lockout_minutes", int, 15, "Lama akun terkunci (menit)", bounds=(1, 1440)),
    Setting("site.latitude", float, -5.4292, "Lintang lokasi situs", bounds=(-90.0, 90.0)),
    Setting("site.longitude", float, 105.2610, "Bujur lokasi situs", bounds=(-180.0, 180.0)),
    Setting("site.address", str, "", "Alamat situs di tanda terima"),
    Setting("ticket.footer", str, "Terima kasih. Simpan tiket ini sampai layanan selesai.", "Kaki tiket"),
    Setting("complaint.verify_forward_days", int, 3, "Hari kerja verifikasi dan penerusan pengaduan",
            bounds=(1, 60)),
    Setting("complaint.follow_up_plan_days", int, 5, "Hari kerja rencana tindak lanjut instansi",
            bounds=(1, 60)),
    Setting("complaint.auto_close_days", int, 10, "Hari kerja setelah jawaban sampai ditutup otomatis",
            bounds=(1, 60)),
    Setting("complaint.answer_days", int, 14, "Hari kerja batas jawaban (0 = tidak ada)", bounds=(0, 365)),
    Setting("complaint.resolution_days", int, 60, "Hari kerja batas penyelesaian (0 = tidak ada)",
            bounds=(0, 365)),
    Setting("sync.catalog", object, None, "Katalog izin terakhir dari API pusat (JSON)", editable=False),
    Setting("sync.holidays", object, None, "Hari libur terakhir dari API pusat (JSON)", editable=False),
    Setting("workdays.cuti_bersama_is_workday", bool, False, "Cuti bersama dihitung hari kerja"),
    Setting("permits.incomplete_policy", str, "accept", "Berkas belum lengkap saat diterima",
            choices=("refuse", "accept")),
    Setting("permits.registration_prefix", str, "", "Awalan nomor pendaftaran (kosong: kode situs)",
            pattern=r"([A-Za-z]{2,6})?", invalid="Awalan nomor pendaftaran harus 2–6 huruf A–Z."),
    Setting("permits.complaint_channel", str, _COMPLAINT_CHANNEL, "Saluran pengaduan di kaki tanda terima"),
    Setting("permits.fiktif_positif_warning_days", int, 3,
            "Peringatan fiktif positif sejak (hari kerja sebelum batas waktu)", bounds=(0, 30)),
    Setting("central.public_url", str, "", "Alamat halaman warga di QR tiket dan tanda terima "
            "(kosong: server pusat tempat situs terdaftar)", pattern=r"(https?://[^\s?#]+)?",
            invalid="Alamat halaman warga harus diawali http:// atau https:// (tanpa ? atau #)."),
    Setting("central.remind_when_ahead", int, 3, "Kirim pengingat \"giliran Anda dekat\" saat antrian di "
            "depan tinggal", bounds=(1, 50)),
    Setting("standard.maklumat_text", str, "", "Maklumat pelayanan (teks yang ditampilkan)"),
    Setting("standard.maklumat_decree", str, "", "Nomor keputusan penetapan maklumat pelayanan"),
    Setting("standard.maklumat_decree_date", str, "", "Tanggal keputusan maklumat (TTTT-BB-HH)",
            pattern=r"(\d{4}-\d{2}-\d{2})?", invalid="Tanggal keputusan maklumat harus TTTT-BB-HH."),
    Setting("display.show_maklumat", bool, True, "Maklumat pelayanan dan saluran pengaduan di layar display"),
    Setting("report.head_title", str, "Kepala MPP", "Jabatan penanda tangan laporan"),
    Setting("report.head_name", str, "", "Nama penanda tangan laporan"),
    Setting("report.head_nip", str, "", "NIP penanda tangan laporan", pattern=r"[0-9 ]{0,24}",
            invalid="NIP hanya boleh berisi angka."),
    Setting("report.place", str, "", "Tempat di atas tanda tangan (mis. Bandar Lampung)"),
    # personal data (UU 27/2022): how long it is kept; defaults and reasons in docs/privacy/retention.md
    Setting("privacy.applications_keep_days", int, 1825,
            "Simpan data pribadi permohonan setelah izin diserahkan (hari)", bounds=(30, 36500)),
    Setting("privacy.complaints_keep_days", int, 730,
            "Simpan identitas pelapor dan uraian setelah pengaduan ditutup (hari)", bounds=(30, 36500)),
    Setting("privacy.tickets_keep_days", int, 30,
            "Simpan data pribadi tiket (token halaman, alasan batal, nomor pengingat) (hari)",
            bounds=(1, 3650)),
    Setting("privacy.outbox_sent_keep_days", int, 30,
            "Simpan isi peristiwa yang sudah terkirim ke pusat (hari)", bounds=(1, 3650)),
    Setting("privacy.access_salt", str, "", "Garam sidik NIK di log akses data (dibuat program)",
            editable=False),
)
# fmt: on

SETTING_BY_KEY = _lookup(SETTINGS)
SITE_BY_KEY = _lookup(SITE_SETTINGS)

# --- upgrades of the settings file ----------------------------------------------------------

#: the version of the settings file this program writes, kept under ``VERSION_KEY``
SETTINGS_VERSION = 1
VERSION_KEY = "meta.version"
#: version -> the step that turns a file of the version before it into that version
UPGRADES: dict[int, Callable[[dict[str, Any]], None]] = {}


def rename_key(values: dict[str, Any], old: str, new: str) -> None:
    """For an upgrade step: ``old`` becomes ``new`` (an explicit ``new`` wins)."""
    if old in values:
        value = values.pop(old)
        values.setdefault(new, value)


def upgrade_values(values: dict[str, Any], version: int) -> int:
    """Apply the steps after ``version`` to ``values`` in place; returns the version reached."""
    for step in sorted(v for v in UPGRADES if version < v <= SETTINGS_VERSION):
        UPGRADES[step](values)
        log.info("settings file upgraded to version %d", step)
        version = step
    return max(version, SETTINGS_VERSION)


def config_dir() -> Path:
    return Path(os.environ.get("P4_DESK_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def data_dir() -> Path:
    return Path(os.environ.get("P4_DESK_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def output_ledger() -> Path:
    """Where ``files.write_output`` remembers the files P4 Desk wrote outside its data folder."""
    return data_dir() / "output-files.json"


def log_dir() -> Path:
    return Path(os.environ.get("P4_DESK_LOG_DIR") or platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def default_database_url() -> str:
    return f"sqlite:///{(data_dir() / 'p4desk.sqlite3').as_posix()}"


class Settings:
    """Values of ``SETTINGS`` read from the TOML file; unknown keys are kept and written back.

    A value in the file that fails its check (a hand-edited typo) is not used: ``get`` answers
    the default, ``problems`` names it, and the file keeps it until the setting is set anew.
    """

    def __init__(self, values: dict[str, Any] | None = None, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self._values: dict[str, Any] = dict(values or {})
        self.version = int(self._values.pop(VERSION_KEY, SETTINGS_VERSION))
        self.problems: dict[str, str] = {}
        for key, value in self._values.items():
            if key in SETTING_BY_KEY:
                try:
                    SETTING_BY_KEY[key].check(value)
                except ValidationError as bad:
                    self.problems[key] = bad.message
                    log.warning("settings file %s: %s is not used: %s", self.path, key, bad.message)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or settings_path()
        values: dict[str, Any] = {}
        if path.exists():
            try:
                raw = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"Berkas pengaturan {path} rusak: {exc}") from exc
            for section, table in raw.items():
                if isinstance(table, dict):
                    for name, value in table.items():
                        values[f"{section}.{name}"] = value
            # a file written before versions were recorded is version 1
            version = int(values.pop(VERSION_KEY, 1))
            reached = upgrade_values(values, version)
            settings = cls({**values, VERSION_KEY: reached}, path)
            if reached != version:
                try:
                    settings.save()
                except OSError as exc:  # a read-only profile: the upgrade holds for this run
                    log.warning("upgraded settings file %s could not be saved: %s", path, exc)
            return settings
        return cls(values, path)

    def get(self, key: str) -> Any:
        if key not in SETTING_BY_KEY:
            raise KeyError(key)
        if key in self._values and key not in self.problems:
            return self._values[key]
        return SETTING_BY_KEY[key].default

    def set(self, key: str, value: Any) -> None:
        """Set a declared setting; ``ValidationError`` (Indonesian) when the value fails its check."""
        if key not in SETTING_BY_KEY:
            raise KeyError(key)
        self._values[key] = SETTING_BY_KEY[key].check(value)
        self.problems.pop(key, None)

    def database_url(self) -> str:
        return os.environ.get("P4_DESK_DB") or self.get("database.url") or default_database_url()

    def save(self) -> None:
        sections: dict[str, dict[str, Any]] = {}
        for key, value in sorted({**self._values, VERSION_KEY: self.version}.items()):
            section, name = key.split(".", 1)
            sections.setdefault(section, {})[name] = value
        lines: list[str] = []
        for section, table in sections.items():
            lines.append(f"[{section}]")
            lines.extend(f"{name} = {_toml_value(value)}" for name, value in table.items())
            lines.append("")
        owner_only.private_dir(self.path.parent)
        tmp = self.path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        # owner-only from the first byte: it may hold the PostgreSQL password
        with os.fdopen(owner_only.create_private(tmp), "w", encoding="utf-8") as out:
            out.write("\n".join(lines))
        tmp.replace(self.path)


def _toml_value(value: Any) -> str:
    # Settings are flat scalars; this covers every type SETTINGS declares.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{escaped}"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"unsupported setting type: {type(value).__name__}")
