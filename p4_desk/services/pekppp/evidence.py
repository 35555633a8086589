"""The PEKPPP evidence pack of one year: every figure the hall can prove, with its source.

Six aspects, weights of KemenPANRB: service policy 24 %, professional staff 25 %, facilities
18 %, public-service information system 11 %, consultation and complaints 10 %, innovation 12 %.
What the records cannot show (a decree on paper, training certificates, the waiting room) is
listed per aspect as "diisi manual" for the unit to fill in on form F-01.
"""

from __future__ import annotations

from datetime import date

from p4_desk.domain.complaint_deadlines import DEADLINE_LABELS, KIND_LABELS, ComplaintKind
from p4_desk.domain.wording import format_date, format_number
from p4_desk.printing.pekppp_pack import AspectEvidence, EvidenceFigure, EvidenceTable, PekpppPack
from p4_desk.services import site as site_service
from p4_desk.services import standards, surveys
from p4_desk.services.pekppp import figures, records
from p4_desk.services.pekppp.tables import (
    NO,
    SRC_ACTIONS,
    SRC_COMPLAINTS,
    SRC_IKM,
    SRC_INNOVATION,
    SRC_LEGS,
    SRC_MAKLUMAT,
    SRC_STANDARD,
    YES,
    actions_table,
    followed_up,
    hours_table,
    ikm_tables,
    innovation_table,
    standard_table,
)
from p4_desk.store.db import Database


def build_pack(db: Database, year: int) -> PekpppPack:
    """The pack of ``year``, every figure read in one snapshot (the figures agree)."""
    with db.read(snapshot=True):
        return _build_pack(db, year)


def _build_pack(db: Database, year: int) -> PekpppPack:
    site = site_service.get_site(db)
    now = db.now().astimezone(db.timezone)
    today = now.date()
    std_rows = standards.list_standards(db)
    complete = [st for st in std_rows if st.complete]
    published = [st for st in std_rows if st.published]
    incomplete = tuple(
        f"{st.code} — {st.name}: " + ", ".join(standards.PARTS[p] for p in st.missing)
        for st in std_rows
        if not st.complete
    )
    mk = standards.maklumat(db)
    ikm_table, weak = ikm_tables(db, year, today)
    actions = records.list_ikm_actions(db, year)
    done = [a for a in actions if a.done_on is not None]
    counts = figures.counts(db, year)
    complaint_count, kinds, tallies = figures.complaint_deadlines(db, year, today)
    officers = figures.officers_served(db, year)
    site_ikm = surveys.ikm_summary(db, date(year, 1, 1), min(date(year, 12, 31), today))
    nrr = site_ikm.result.nrr if site_ikm.result else {}

    def element(code: str) -> str:
        return format_number(nrr[code], 2) if code in nrr else "Belum ada responden"

    policy = AspectEvidence(
        1,
        "Kebijakan pelayanan",
        24,
        (
            EvidenceFigure(
                "Layanan dengan standar lengkap (6 komponen)",
                f"{len(complete)} dari {len(std_rows)}",
                SRC_STANDARD,
            ),
            EvidenceFigure(
                "Standar dipublikasikan (kiosk Informasi layanan)",
                f"{len(published)} dari {len(std_rows)}",
                SRC_STANDARD,
            ),
            EvidenceFigure("Maklumat pelayanan", mk.text if mk.set else "Belum ditetapkan", SRC_MAKLUMAT),
            EvidenceFigure(
                "Keputusan penetapan maklumat",
                " tanggal ".join(
                    x for x in (mk.decree, format_date(mk.decree_date) if mk.decree_date else "") if x
                )
                or "Belum dicatat",
                SRC_MAKLUMAT,
            ),
            EvidenceFigure(
                "Maklumat tampil di layar display", YES if mk.set and mk.on_board else NO, SRC_MAKLUMAT
            ),
            EvidenceFigure(
                "Survei IKM berjalan (layanan × triwulan dengan responden)", str(len(weak)), SRC_IKM
            ),
            EvidenceFigure(
                "Unsur terendah yang sudah ditindaklanjuti",
                f"{sum(followed_up(w, actions) for w in weak)} dari {len(weak)}",
                f"{SRC_IKM}; {SRC_ACTIONS}",
            ),
            EvidenceFigure(
                "Tindak lanjut IKM: dicatat / selesai", f"{len(actions)} / {len(done)}", SRC_ACTIONS
            ),
        ),
        (standard_table(std_rows), ikm_table, actions_table(actions, today), hours_table(db, year)),
        (
            "Dokumen keputusan penetapan standar pelayanan (SK) dan berita acara penyusunannya "
            "bersama masyarakat",
            "Bukti publikasi hasil IKM kepada masyarakat (papan, situs web)",
        ),
    )
    staff = AspectEvidence(
        2,
        "Profesionalisme SDM",
        25,
        (
            EvidenceFigure(
                "Petugas loket aktif", format_number(counts["officers"]), "Tabel app_user (peran operator)"
            ),
            EvidenceFigure("U6 Kompetensi pelaksana (NRR)", element("U6"), SRC_IKM),
            EvidenceFigure("U7 Perilaku pelaksana (NRR)", element("U7"), SRC_IKM),
        ),
        (
            EvidenceTable(
                "Layanan selesai per petugas",
                ("Petugas", "Layanan selesai", "Median lama layanan"),
                tuple(
                    (
                        o.name,
                        format_number(o.served),
                        f"{format_number(o.median_service_minutes, 1)} menit"
                        if o.median_service_minutes is not None
                        else "–",
                    )
                    for o in officers
                ),
                SRC_LEGS,
            ),
        ),
        (
            "Kode etik dan kode perilaku petugas",
            "Pelatihan dan sertifikasi petugas",
            "Standar penampilan (seragam, identitas)",
        ),
    )
    facilities = AspectEvidence(
        3,
        "Sarana prasarana",
        18,
        (
            EvidenceFigure("Loket aktif", format_number(counts["counters"]), "Tabel counter"),
            EvidenceFigure(
                "Tiket prioritas (kelompok rentan) dilayani",
                format_number(counts["priority_served"]),
                "Tabel ticket (priority, selesai)",
            ),
            EvidenceFigure("U9 Sarana dan prasarana (NRR)", element("U9"), SRC_IKM),
        ),
        (),
        (
            "Ruang tunggu, toilet, ruang laktasi dan tempat bermain anak",
            "Fasilitas bagi penyandang disabilitas (ramp, kursi roda, guiding block)",
        ),
    )
    information = AspectEvidence(
        4,
        "Sistem informasi pelayanan publik",
        11,
        (
            EvidenceFigure(
                "Standar pelayanan di kiosk (Informasi layanan)", f"{len(published)} layanan", SRC_STANDARD
            ),
            EvidenceFigure(
                "Maklumat dan saluran pengaduan di layar display", YES if mk.on_board else NO, SRC_MAKLUMAT
            ),
            EvidenceFigure(
                "Tiket selesai dilayani (sistem antrian)", format_number(counts["served"]), "Tabel ticket"
            ),
        ),
        (),
        ("Situs web dan media sosial unit pelayanan", "Keterhubungan dengan SIPPN"),
    )
    complaints_aspect = AspectEvidence(
        5,
        "Konsultasi dan pengaduan",
        10,
        (
            EvidenceFigure("Laporan diterima", format_number(complaint_count), SRC_COMPLAINTS),
            *(
                EvidenceFigure(f"Jenis: {KIND_LABELS[ComplaintKind(k)]}", format_number(n), SRC_COMPLAINTS)
                for k, n in sorted(kinds.items())
            ),
            EvidenceFigure(
                "Saluran pengaduan yang diumumkan",
                mk.complaint_channels or "Belum diisi",
                "Pengaturan situs permits.complaint_channel",
            ),
            EvidenceFigure("U8 Penanganan pengaduan (NRR)", element("U8"), SRC_IKM),
        ),
        (
            EvidenceTable(
                "Penanganan pengaduan terhadap batas waktu",
                ("Batas waktu", "Tepat waktu", "Terlambat", "Lewat batas, belum", "Belum jatuh tempo"),
                tuple(
                    (
                        DEADLINE_LABELS[t.name],
                        *(format_number(n) for n in (t.on_time, t.late, t.overdue_open, t.pending)),
                    )
                    for t in tallies
                ),
                SRC_COMPLAINTS,
                empty="Belum ada pengaduan pada tahun ini.",
            ),
        ),
        (
            "Akun dan tindak lanjut di SP4N-LAPOR! (KepmenPANRB 680/2020)",
            "Sarana konsultasi tatap muka (meja/ruang pengaduan)",
        ),
    )
    innovation = AspectEvidence(
        6,
        "Inovasi",
        12,
        (
            EvidenceFigure(
                "Inovasi tercatat", format_number(len(records.list_innovations(db, year))), SRC_INNOVATION
            ),
        ),
        (innovation_table(db, year),),
        ("Dokumen inovasi (SK, proposal, keikutsertaan kompetisi inovasi pelayanan publik)",),
    )
    return PekpppPack(
        site_code=site.code,
        site_name=site.name,
        year=year,
        printed_at=now,
        aspects=(policy, staff, facilities, information, complaints_aspect, innovation),
        incomplete_services=incomplete,
    )
