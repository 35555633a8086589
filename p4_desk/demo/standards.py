"""The demo hall's published service standards, maklumat, one innovation and one IKM follow-up.

Two services are left incomplete on purpose (the PEKPPP pack and the kiosk show what that
looks like): RETRIBUSI has no fee or procedure yet, TANAH is filled in but not published and
has no complaint handling.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from p4_desk.services import site, standards
from p4_desk.services.pekppp import records
from p4_desk.store.db import Database

_COMPLAINTS = (
    "Meja pengaduan di lantai 1, SP4N-LAPOR! (www.lapor.go.id, SMS 1708), "
    "ditanggapi paling lambat 5 hari kerja"
)
_DUKCAPIL_LAW = "UU 24/2013 tentang Administrasi Kependudukan; Perpres 96/2018"

# code: requirements, procedure, time, fee, product, legal basis (complaints: _COMPLAINTS)
STANDARDS: dict[str, tuple[str, str, str, int | None, str, str]] = {
    "KTP": (
        "Fotokopi Kartu Keluarga\nSurat pengantar RT/RW (perekaman baru)\nKTP-el lama (penggantian)",
        "Ambil nomor antrian\nPerekaman biometrik di loket\nVerifikasi data\nPencetakan KTP-el",
        "Selesai di tempat ± 60 menit",
        0,
        "KTP-el",
        _DUKCAPIL_LAW,
    ),
    "KK": (
        "KK lama\nBuku nikah/akta perkawinan\nSurat keterangan pindah (bila pindah)",
        "Ambil nomor antrian\nPenyerahan berkas\nVerifikasi\nPencetakan KK",
        "1 hari kerja",
        0,
        "Kartu Keluarga",
        _DUKCAPIL_LAW,
    ),
    "AKTA": (
        "Surat keterangan lahir/kematian\nKK dan KTP-el orang tua/pelapor\nDua orang saksi",
        "Ambil nomor antrian\nPenyerahan berkas\nVerifikasi\nPenerbitan akta",
        "1 hari kerja",
        0,
        "Kutipan akta kelahiran/kematian",
        _DUKCAPIL_LAW,
    ),
    "PKB": (
        "KTP-el pemilik\nSTNK asli\nBPKB (untuk 5 tahunan)",
        "Ambil nomor antrian\nPendaftaran\nPenetapan pajak\nPembayaran di kasir\nPengesahan STNK",
        "± 30 menit",
        0,  # no fee for the service itself; the tax assessed is the vehicle's, not a fee
        "STNK disahkan, notice pajak",
        "UU 1/2022 tentang Hubungan Keuangan Pusat dan Daerah; Perda Provinsi Lampung tentang Pajak Daerah",
    ),
    "BBN": (
        "KTP-el pemilik baru\nSTNK dan BPKB asli\nKuitansi jual beli bermeterai\nCek fisik kendaraan",
        "Ambil nomor antrian\nCek fisik\nPendaftaran\nPenetapan BBNKB\nPembayaran\nPenerbitan STNK",
        "1 hari kerja",
        0,
        "STNK atas nama pemilik baru",
        "UU 1/2022; Perda Provinsi Lampung tentang Pajak Daerah",
    ),
    "JKN": (
        "KTP-el\nKartu Keluarga\nNomor telepon aktif",
        "Ambil nomor antrian\nPengisian formulir\nVerifikasi data\nPenerbitan nomor JKN",
        "± 20 menit",
        0,
        "Kartu JKN-KIS digital",
        "UU 40/2004 tentang SJSN; Perpres 82/2018 tentang Jaminan Kesehatan",
    ),
    "JHT": (
        "KTP-el\nKartu peserta BPJSTK\nSurat keterangan berhenti bekerja\nBuku tabungan",
        "Ambil nomor antrian\nWawancara\nVerifikasi berkas\nPembayaran ke rekening",
        "5 hari kerja",
        0,
        "Pembayaran saldo JHT",
        "PP 46/2015 jo. PP 60/2015; Permenaker 4/2022",
    ),
    "PASPOR": (
        "KTP-el\nKartu Keluarga\nAkta kelahiran/ijazah/buku nikah\nBukti pembayaran PNBP",
        "Ambil nomor antrian\nVerifikasi berkas\nFoto dan wawancara\nPenerbitan paspor",
        "4 hari kerja",
        350000,
        "Paspor biasa 48 halaman",
        "UU 6/2011 tentang Keimigrasian; PP 28/2019 tentang PNBP",
    ),
    "IZIN": (
        "NIB dari OSS RBA\nKTP-el penanggung jawab\nPersyaratan teknis sesuai jenis izin",
        "Ambil nomor antrian\nKonsultasi\nPendaftaran permohonan\nVerifikasi teknis\nPenerbitan izin",
        "Sesuai jenis izin (lihat daftar jenis izin)",
        0,
        "Izin/perizinan berusaha",
        "PP 5/2021 tentang Perizinan Berusaha Berbasis Risiko",
    ),
    "OSS": (
        "KTP-el\nNPWP\nAlamat e-mail aktif",
        "Ambil nomor antrian\nKonsultasi\nPendampingan pengisian OSS",
        "± 30 menit",
        0,
        "NIB / konsultasi",
        "PP 5/2021 tentang Perizinan Berusaha Berbasis Risiko",
    ),
    "SKCK": (
        "KTP-el\nKartu Keluarga\nAkta kelahiran\nPas foto 4x6 latar merah (6 lembar)\nSidik jari",
        "Ambil nomor antrian\nPengambilan sidik jari\nVerifikasi\nPencetakan SKCK",
        "± 45 menit",
        30000,
        "Surat Keterangan Catatan Kepolisian",
        "Perkap 6/2023 tentang SKCK; PP 76/2020 tentang PNBP Polri",
    ),
    "TANAH": (
        "KTP-el dan KK pemohon\nSertifikat asli\nBukti pembayaran PNBP",
        "Ambil nomor antrian\nKonsultasi\nPendaftaran berkas\nPemrosesan di kantor pertanahan",
        "Sesuai jenis layanan pertanahan",
        0,
        "Tanda terima berkas pertanahan",
        "PP 18/2021; PP 128/2015 tentang PNBP Kementerian ATR/BPN",
    ),
    "RETRIBUSI": (
        "Nomor objek pajak/retribusi\nKTP-el",
        "",
        "± 10 menit",
        None,
        "Bukti setor pajak/retribusi",
        "UU 1/2022 tentang Hubungan Keuangan Pusat dan Daerah",
    ),
}
MAKLUMAT = (
    "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang "
    "telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai "
    "peraturan perundang-undangan yang berlaku."
)


def load_demo_standards(db: Database) -> dict[str, Any]:
    for code, (reqs, procedure, time, fee, product, law) in STANDARDS.items():
        standards.set_standard(
            db,
            code,
            requirements=reqs,
            procedure=procedure,
            time=time,
            fee=fee,
            product=product,
            complaints="" if code == "TANAH" else _COMPLAINTS,
            legal_basis=law,
            published=code != "TANAH",
        )
    site.set_settings(
        db,
        {
            "standard.maklumat_text": MAKLUMAT,
            "standard.maklumat_decree": "Keputusan Kepala DPMPTSP Kota Bandar Lampung Nomor 12/2026",
            "standard.maklumat_decree_date": "2026-01-05",
        },
    )
    today = db.now().astimezone(db.timezone).date()
    records.add_innovation(
        db,
        service="KTP",
        name="Antrian prioritas lansia dan disabilitas",
        started_on=today - timedelta(days=10),
        description="Tiket prioritas dengan keunggulan waktu 15 menit di kiosk",
        window_days=10,
    )
    first = today.replace(day=1)
    records.add_ikm_action(
        db,
        element="U3",
        action="Tambah satu petugas perekaman pada jam sibuk 09.00–11.00",
        owner="Koordinator loket Dukcapil",
        due_on=today + timedelta(days=30),
        period_from=first - timedelta(days=90),
        period_to=first - timedelta(days=1),
        service="KTP",
    )
    return {"standards": len(STANDARDS), "standards_incomplete": 2}
