"""Demo permit catalogue: permits a Lampung DPMPTSP counter takes, with their requirements.

Working days and requirements follow published service standards (*standar pelayanan*) of
DPMPTSP offices in Lampung and the regulations named in ``legal_basis``; a site replaces
them with its own catalogue (admin import or the central API). Fees are zero: these
permits carry no charge, and the PBG retribution is assessed after the technical review,
not at intake.
"""

from __future__ import annotations

from typing import Any

from p4_desk.domain.working_days import load_seed_holidays
from p4_desk.services import permits
from p4_desk.services.permits import Requirement
from p4_desk.store.db import Database

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


def load_permit_demo(db: Database) -> dict[str, Any]:
    """Add the demo permit types and the seeded 2025–2026 holidays."""
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
    holidays = permits.import_holidays(db, load_seed_holidays())
    return {"permit_types": len(PERMITS), "holidays": holidays}
