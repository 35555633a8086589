"""The PEKPPP evidence pack of one year: every figure the hall can prove, with its source.

Six aspects, weights of KemenPANRB: service policy 24 %, professional staff 25 %, facilities
18 %, public-service information system 11 %, consultation and complaints 10 %, innovation 12 %.
What the records cannot show (a decree on paper, training certificates, the waiting room) is
listed per aspect as "diisi manual" for the unit to fill in on form F-01.
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

from p4_desk.domain.complaint_deadlines import DEADLINE_LABELS, KIND_LABELS, ComplaintKind
from p4_desk.domain.ikm import ELEMENTS
from p4_desk.domain.wording import format_date, format_number, format_percent
from p4_desk.printing.pekppp_pack import AspectEvidence, EvidenceFigure, EvidenceTable, PekpppPack
from p4_desk.services import site as site_service
from p4_desk.services import standards, surveys
from p4_desk.services.complaints.records import site_holidays
from p4_desk.services.pekppp import figures, records
from p4_desk.store.db import Database

YES, NO = "Ya", "Tidak"
SRC_STANDARD = "Katalog layanan: tabel service (kolom std_*, legal_basis, std_published)"
SRC_MAKLUMAT = "Pengaturan situs standard.maklumat_*, display.show_maklumat"
SRC_IKM = "Tabel survey_response (jawaban U1–U9) dan ticket (tiket selesai = populasi)"
SRC_ACTIONS = "Tabel ikm_action (p4-desk ikm-action add / done)"
SRC_COMPLAINTS = "Tabel complaint (batas waktu dan tanggal langkah), complaint_step"
SRC_HOURS = "Jam buka layanan (service.opening_hours), hari libur, audit loket dibuka/ditutup (audit_log)"
SRC_INNOVATION = "Tabel service_innovation; waktu tunggu dari ticket_leg (dipanggil − masuk antrian)"
SRC_LEGS = "Tabel ticket_leg (selesai) dan app_user"


def quarters(year: int, today: date) -> list[tuple[str, date, date]]:
    """The quarters of ``year`` that have started by ``today`` (the IKM periods)."""
    out = []
    for q in range(4):
        first = date(year, 3 * q + 1, 1)
        last = (date(year + (q == 3), (3 * q + 3) % 12 + 1, 1)) - timedelta(days=1)
        if first <= today:
            out.append((f"Triwulan {['I', 'II', 'III', 'IV'][q]}", first, last))
    return out


def _mark(filled: bool) -> str:
    return "Ada" if filled else "Belum diisi"


def _standard_table(rows: list[standards.ServiceStandard]) -> EvidenceTable:
    body = []
    for st in rows:
        missing = st.missing
        body.append(
            (
                f"{st.code} — {st.name}",
                st.agency_name,
                *(_mark(part not in missing) for part in standards.PARTS),
                st.legal_basis or "Belum diisi",
                YES if st.published else NO,
                "Lengkap" if not missing else "Belum lengkap",
            )
        )
    return EvidenceTable(
        "Standar pelayanan per layanan",
        ("Layanan", "Instansi", *standards.PARTS.values(), "Dasar hukum", "Dipublikasikan", "Status"),
        tuple(body),
        SRC_STANDARD,
    )


def _ikm_tables(db: Database, year: int, today: date) -> tuple[EvidenceTable, list[str]]:
    rows = []
    weak: list[str] = []
    codes = [(st.code, st.name) for st in standards.list_standards(db)]
    for label, first, last in quarters(year, today):
        for code, name in codes:
            summary = surveys.ikm_summary(db, first, min(last, today), service=code)
            if not summary.visitors and not summary.respondents:
                continue
            result = summary.result
            if result is not None:
                lowest = min(result.nrr, key=lambda c: (result.nrr[c], c))
                weakest = f"{lowest} {ELEMENTS[lowest]} ({format_number(result.nrr[lowest], 2)})"
                weak.append(f"{code} {label}: {lowest}")
            else:
                weakest = "–"
            rows.append(
                (
                    f"{code} — {name}",
                    f"{label} {year}",
                    format_number(summary.visitors),
                    format_number(summary.sample_size),
                    format_number(summary.respondents),
                    YES if summary.sample_reached and summary.visitors else NO,
                    format_number(result.ikm, 2) if result else "–",
                    f"{result.grade} ({result.mutu})" if result else "–",
                    weakest,
                )
            )
    table = EvidenceTable(
        "IKM per layanan per triwulan (sampel minimum Krejcie–Morgan)",
        (
            "Layanan",
            "Periode",
            "Populasi",
            "Sampel minimum",
            "Responden",
            "Sampel cukup",
            "IKM",
            "Mutu",
            "Unsur terendah",
        ),
        tuple(rows),
        SRC_IKM,
        empty="Belum ada survei pada tahun ini.",
    )
    return table, weak


def _actions_table(actions: list[records.IkmActionInfo], today: date) -> EvidenceTable:
    words = {"done": "Selesai", "late": "Terlambat", "open": "Berjalan"}
    rows = tuple(
        (
            str(a.id),
            f"{a.service} — {a.service_name}" if a.service else "Seluruh layanan",
            f"{format_date(a.period_from)} – {format_date(a.period_to)}",
            f"{a.element} {ELEMENTS[a.element]}",
            a.action,
            a.owner,
            format_date(a.due_on),
            format_date(a.done_on) if a.done_on else "–",
            words[a.state(today)],
        )
        for a in actions
    )
    return EvidenceTable(
        "Tindak lanjut hasil IKM",
        (
            "No.",
            "Layanan",
            "Periode IKM",
            "Unsur",
            "Tindakan",
            "Penanggung jawab",
            "Batas",
            "Selesai",
            "Status",
        ),
        rows,
        SRC_ACTIONS,
        empty="Belum ada tindak lanjut IKM yang dicatat.",
    )


def _hours_table(db: Database, year: int) -> EvidenceTable:
    rows = []
    for h in figures.opening_hours_kept(db, year, site_holidays(db)):
        if h.standard_hours is None:
            rows.append((f"{h.service} — {h.service_name}", "Tidak diatur (24 jam)", "–", "–", "–"))
            continue
        share = format_percent(Fraction(h.open_hours / h.standard_hours)) if h.standard_hours else "–"
        rows.append(
            (
                f"{h.service} — {h.service_name}",
                format_number(h.days_standard),
                format_number(h.standard_hours, 1),
                format_number(h.open_hours, 1),
                share,
            )
        )
    return EvidenceTable(
        "Jam pelayanan nyata terhadap jam standar",
        ("Layanan", "Hari kerja", "Jam standar", "Jam loket buka", "Kepatuhan"),
        tuple(rows),
        SRC_HOURS,
    )


def _innovation_table(db: Database, year: int) -> EvidenceTable:
    rows = []
    for inv in records.list_innovations(db, year):
        days = timedelta(days=inv.window_days)
        before = figures.waits_between(
            db, inv.service, inv.started_on - days, inv.started_on - timedelta(days=1)
        )
        after = figures.waits_between(
            db, inv.service, inv.started_on, inv.started_on + days - timedelta(days=1)
        )

        def minutes(w: figures.WaitWindow) -> str:
            if w.median_minutes is None:
                return "– (0 tiket)"
            return f"{format_number(w.median_minutes, 1)} menit ({format_number(w.legs)} tiket)"

        change = (
            f"{format_number(after.median_minutes - before.median_minutes, 1)} menit"
            if before.median_minutes is not None and after.median_minutes is not None
            else "–"
        )
        rows.append(
            (
                inv.name,
                f"{inv.service} — {inv.service_name}",
                format_date(inv.started_on),
                f"{inv.window_days} hari",
                minutes(before),
                minutes(after),
                change,
            )
        )
    return EvidenceTable(
        "Inovasi pelayanan dan waktu tunggu sebelum/sesudah (median)",
        ("Inovasi", "Layanan", "Mulai", "Pembanding", "Sebelum", "Sesudah", "Perubahan"),
        tuple(rows),
        SRC_INNOVATION,
        empty="Belum ada inovasi yang dicatat.",
    )


def build_pack(db: Database, year: int) -> PekpppPack:
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
    ikm_table, weak = _ikm_tables(db, year, today)
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
                "Tindak lanjut IKM: dicatat / selesai", f"{len(actions)} / {len(done)}", SRC_ACTIONS
            ),
        ),
        (_standard_table(std_rows), ikm_table, _actions_table(actions, today), _hours_table(db, year)),
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
        (_innovation_table(db, year),),
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
