"""Demo permit catalogue: permits a Lampung DPMPTSP counter takes, with their requirements.

Working days and requirements follow published service standards (*standar pelayanan*) of
DPMPTSP offices in Lampung and the regulations named in ``legal_basis``; a site replaces
them with its own catalogue (admin import or the central API). Fees are zero: these
permits carry no charge, and the PBG retribution is assessed after the technical review,
not at intake.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from p4_desk.domain.permit_clock import ClockAction, WaitingFor
from p4_desk.domain.permit_lifecycle import DECIDED, PermitState
from p4_desk.domain.registration import format_registration_number
from p4_desk.domain.working_days import HolidayCalendar, load_seed_holidays
from p4_desk.services import applications, permits
from p4_desk.services.applications.clock import append_clock_event, local_day
from p4_desk.services.permits import Requirement
from p4_desk.store.db import Database
from p4_desk.store.journal import Actor
from p4_desk.store.models import Application, ApplicationDocument, ApplicationStatusChange, User

_KTP = ("KTP", "Fotokopi KTP-el pemohon", True)
_NPWP = ("NPWP", "Fotokopi NPWP", True)
_NIB = ("NIB", "Nomor Induk Berusaha (NIB) dari OSS RBA", True)
_KUASA = ("KUASA", "Surat kuasa bermeterai bila dikuasakan", False)
_FOTO = ("FOTO", "Pas foto berwarna 4x6 latar merah, 2 lembar", True)

# code, name, agency, working days, fee, legal basis, product, requirements
PERMITS: list[tuple[str, str, str, int, int, str, str, list[tuple[str, str, bool]]]] = [
    (
        "PBG",
        "Persetujuan Bangunan Gedung",
        "DPMPTSP",
        28,
        0,
        "PP 16/2021 tentang Peraturan Pelaksanaan UU 28/2002 tentang Bangunan Gedung",
        "Dokumen PBG (retribusi dihitung setelah penilaian teknis)",
        [
            _KTP,
            ("SERTIFIKAT", "Fotokopi bukti kepemilikan tanah (sertifikat) yang dilegalisir", True),
            ("KRK", "Keterangan Rencana Kota (KKPR)", True),
            ("GAMBAR", "Gambar rencana teknis arsitektur, struktur dan utilitas", True),
            ("PBB", "Bukti lunas PBB tahun berjalan", True),
            ("SPTJM", "Surat pernyataan tanah tidak dalam sengketa", True),
            _KUASA,
        ],
    ),
    (
        "SLF",
        "Sertifikat Laik Fungsi Bangunan Gedung",
        "DPMPTSP",
        14,
        0,
        "PP 16/2021 tentang Peraturan Pelaksanaan UU 28/2002 tentang Bangunan Gedung",
        "Sertifikat Laik Fungsi",
        [
            _KTP,
            ("PBG", "Fotokopi PBG / IMB bangunan", True),
            ("LAPORAN", "Laporan pemeriksaan kelaikan fungsi oleh pengkaji teknis", True),
            ("GAMBAR", "Gambar terbangun (as built drawings)", True),
            _KUASA,
        ],
    ),
    (
        "SIP-DOKTER",
        "Surat Izin Praktik Dokter / Dokter Gigi",
        "DPMPTSP",
        5,
        0,
        "UU 17/2023 tentang Kesehatan; PP 28/2024",
        "Surat Izin Praktik (SIP)",
        [
            _KTP,
            ("STR", "Fotokopi Surat Tanda Registrasi (STR) yang berlaku", True),
            ("IJAZAH", "Fotokopi ijazah dokter yang dilegalisir", True),
            ("SEHAT", "Surat keterangan sehat dari dokter yang memiliki SIP", True),
            ("TEMPAT", "Surat keterangan dari pimpinan fasilitas pelayanan kesehatan tempat praktik", True),
            ("SIP-LAIN", "Fotokopi SIP di tempat lain (bila praktik lebih dari satu tempat)", False),
            _FOTO,
        ],
    ),
    (
        "SIP-BIDAN",
        "Surat Izin Praktik Bidan",
        "DPMPTSP",
        5,
        0,
        "UU 17/2023 tentang Kesehatan; Permenkes 28/2017 tentang Izin dan Penyelenggaraan Praktik Bidan",
        "Surat Izin Praktik Bidan (SIPB)",
        [
            _KTP,
            ("STR", "Fotokopi STR Bidan yang berlaku", True),
            ("IJAZAH", "Fotokopi ijazah kebidanan yang dilegalisir", True),
            ("SEHAT", "Surat keterangan sehat dari dokter yang memiliki SIP", True),
            ("TEMPAT", "Surat keterangan tempat praktik / fasilitas pelayanan kesehatan", True),
            ("DENAH", "Denah lokasi tempat praktik mandiri", False),
            _FOTO,
        ],
    ),
    (
        "REKLAME",
        "Izin Penyelenggaraan Reklame",
        "DPMPTSP",
        5,
        0,
        "UU 1/2022 tentang HKPD; Perda Kota Bandar Lampung tentang Pajak dan Retribusi Daerah",
        "Izin Penyelenggaraan Reklame (pajak reklame dibayar terpisah)",
        [
            _KTP,
            _NPWP,
            ("DESAIN", "Gambar desain dan ukuran reklame", True),
            ("LOKASI", "Foto dan denah lokasi titik reklame", True),
            ("LAHAN", "Surat izin / persetujuan pemilik lahan atau bangunan", True),
            ("KONSTRUKSI", "Gambar konstruksi (untuk reklame di atas 10 m²)", False),
        ],
    ),
    (
        "SIPA",
        "Surat Izin Pengambilan Air Tanah",
        "DPMPTSP",
        14,
        0,
        "UU 17/2019 tentang Sumber Daya Air; Permen ESDM 14/2024 tentang Pengusahaan Air Tanah",
        "Surat Izin Pengambilan Air Tanah (SIPA)",
        [
            _KTP,
            _NIB,
            ("REKTEK", "Rekomendasi teknis Dinas ESDM Provinsi Lampung", True),
            ("PETA", "Peta lokasi titik sumur bor (koordinat)", True),
            ("KONSTRUKSI", "Gambar rencana konstruksi sumur", True),
            ("UJI-AIR", "Hasil uji kualitas air dari laboratorium terakreditasi", True),
            ("LINGKUNGAN", "Dokumen lingkungan (SPPL / UKL-UPL)", True),
        ],
    ),
    (
        "TDUP",
        "Tanda Daftar Usaha Pariwisata",
        "DPMPTSP",
        3,
        0,
        "PP 28/2025 tentang Perizinan Berusaha Berbasis Risiko; Permenparekraf 4/2021",
        "Tanda Daftar Usaha Pariwisata (TDUP)",
        [
            _KTP,
            _NIB,
            _NPWP,
            ("AKTA", "Akta pendirian badan usaha (bagi badan usaha)", False),
            ("FOTO-USAHA", "Foto tempat usaha tampak depan dan dalam", True),
            ("SPPL", "Surat Pernyataan Kesanggupan Pengelolaan Lingkungan (SPPL)", True),
        ],
    ),
    (
        "NIB",
        "Pendaftaran Nomor Induk Berusaha (OSS RBA)",
        "DPMPTSP",
        1,
        0,
        "PP 28/2025 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko",
        "Nomor Induk Berusaha (NIB)",
        [
            _KTP,
            ("NPWP", "NPWP pribadi atau badan usaha", False),
            ("EMAIL", "Alamat email aktif pemohon", True),
            ("ALAMAT-USAHA", "Alamat dan luas lokasi usaha", True),
            ("AKTA", "Akta pendirian dan SK Kemenkumham (bagi badan usaha)", False),
        ],
    ),
    (
        "IZIN-KLINIK",
        "Izin Operasional Klinik Pratama",
        "DPMPTSP",
        14,
        0,
        "UU 17/2023 tentang Kesehatan; Permenkes 14/2021",
        "Izin Operasional Klinik",
        [
            _KTP,
            _NIB,
            ("PROFIL", "Profil klinik: struktur organisasi, ketenagaan, sarana prasarana", True),
            ("SIP-TENAGA", "Fotokopi STR dan SIP tenaga medis dan kesehatan", True),
            ("PBG", "Fotokopi PBG / IMB bangunan klinik", True),
            ("LIMBAH", "Perjanjian kerja sama pengelolaan limbah medis", True),
            ("LINGKUNGAN", "Dokumen lingkungan (SPPL / UKL-UPL)", True),
        ],
    ),
]


# Applications already in the system: (days ago, permit, name, NIK, phone, state, missing requirements)
APPLICATIONS: list[tuple[int, str, str, str, str, str, tuple[str, ...]]] = [
    (20, "PBG", "Hendra Kurniawan", "1871031203780002", "+6281279001122", "processing", ()),
    (15, "SIP-DOKTER", "dr. Rina Wulandari", "1871054506880003", "+6281366112233", "ready", ()),
    (12, "REKLAME", "Agus Saputra", "1871020907850001", "+6285279334455", "approved", ()),
    (8, "TDUP", "Putri Maharani", "1872016411920004", "+6282178556677", "verifying", ("SPPL",)),
    (5, "NIB", "Yusuf Hidayat", "1801071508900005", "+6281379778899", "handed_over", ()),
    (2, "SIP-BIDAN", "Siti Aminah", "1871015708900003", "+6281277889900", "received", ("SEHAT", "FOTO")),
]
_PATH = [PermitState.RECEIVED, PermitState.VERIFYING, PermitState.PROCESSING, PermitState.APPROVED,
         PermitState.READY, PermitState.HANDED_OVER]  # fmt: skip


def _demo_applications(db: Database) -> int:
    """Applications taken earlier, written as history rows: no audit rows and no outbox events
    (they did not happen here, and a demo must not push invented events to the province)."""
    prefix = applications.registration_prefix(db)
    calendar = permits.holiday_calendar(db)
    now = db.now()
    with db.write() as s:
        officer = s.scalar(select(User).where(User.username == "petugas1"))
        for days_ago, code, name, nik, phone, state_value, missing in APPLICATIONS:
            state = PermitState(state_value)
            handed = state is PermitState.HANDED_OVER
            steps = _PATH[: _PATH.index(state) + 1]
            permit = permits.find_permit_type(s, code)
            received = now - timedelta(days=days_ago)
            local = received.astimezone(db.timezone).date()
            seq = applications.allocate_sequence(s, db, prefix, local.year, local.month)
            app = Application(
                registration_number=format_registration_number(prefix, local.year, local.month, seq),
                permit_type=permit, state=state.value, nik=nik, name=name, name_key=name.lower(), phone=phone,
                address="Bandar Lampung", fee=permit.fee, incomplete=bool(missing), received_at=received,
                due_date=calendar.working_days_after(local, permit.working_days),
                officer_id=officer.id if officer else None,
                officer_name=officer.username if officer else None, receipt_prints=1, updated_at=received,
                handed_over_to=name if handed else None,
                handed_over_at=_step_time(received, days_ago, len(steps) - 1, len(steps)) if handed else None,
            )  # fmt: skip
            for position, req in enumerate(permit.requirements):
                app.documents.append(
                    ApplicationDocument(
                        requirement_code=req.code, name=req.name, mandatory=req.mandatory,
                        received=req.mandatory and req.code not in missing, note="", position=position,
                    )
                )  # fmt: skip
            for step, when in enumerate(steps):
                app.history.append(
                    ApplicationStatusChange(
                        state=when.value, at=_step_time(received, days_ago, step, len(steps)),
                        officer_id=app.officer_id, officer_name=app.officer_name,
                        note="Berkas diterima" if step == 0 else "",
                    )
                )  # fmt: skip
            _demo_clock(app, db, calendar, missing, steps, received, days_ago)
            s.add(app)
    return len(APPLICATIONS)


def _demo_clock(
    app: Application,
    db: Database,
    calendar: HolidayCalendar,
    missing: tuple[str, ...],
    steps: list[PermitState],
    received: datetime,
    days_ago: int,
) -> None:
    """The deadline clock of a demo application: started at intake, stopped while documents
    are missing, ended at the decision."""
    actor = Actor(app.officer_id, app.officer_name)
    app.clock_days = app.permit_type.working_days

    def change(action: ClockAction, at: datetime, **extra: Any) -> None:
        append_clock_event(
            app, action, day=local_day(at, db.timezone), at=at, actor=actor, calendar=calendar,
            zone=db.timezone, **extra,
        )  # fmt: skip

    change(ClockAction.START, received)
    if missing:
        change(ClockAction.STOP, received, waiting_for=WaitingFor.DOCUMENTS, reason="Berkas belum lengkap")
    decided = [i for i, step in enumerate(steps) if step in DECIDED]
    if decided:
        change(ClockAction.END, _step_time(received, days_ago, decided[0], len(steps)))


def _step_time(received: datetime, days_ago: int, step: int, steps: int) -> datetime:
    """History steps spread evenly between intake and now."""
    return received + timedelta(days=days_ago * step / (steps + 1))


def load_permit_demo(db: Database) -> dict[str, Any]:
    """Add the demo permit types, the seeded 2025–2026 holidays and a few applications."""
    for code, name, agency, days, fee, legal, product, reqs in PERMITS:
        permits.add_permit_type(
            db,
            code,
            name,
            agency,
            working_days=days,
            fee=fee,
            legal_basis=legal,
            product=product,
            requirements=[Requirement(*r) for r in reqs],
        )
    # deadline rules to show (demo choices, not a statement about the law of any region)
    permits.set_deadline_rules(db, "REKLAME", fiktif_positif=True)
    permits.set_deadline_rules(db, "PBG", clock_restarts_on_resubmission=True)
    holidays = permits.import_holidays(db, load_seed_holidays())
    return {"permit_types": len(PERMITS), "holidays": holidays, "applications": _demo_applications(db)}
