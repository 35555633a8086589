"""The tables of the PEKPPP evidence pack, worded, each with the records it was read from."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

from p4_desk.domain.ikm import ELEMENTS
from p4_desk.domain.wording import format_date, format_number, format_percent
from p4_desk.printing.pekppp_pack import EvidenceTable
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


def standard_table(rows: list[standards.ServiceStandard]) -> EvidenceTable:
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


#: one IKM run's weakest element: (service, first day, last day, element)
WeakElement = tuple[str, date, date, str]


def followed_up(weak: WeakElement, actions: list[records.IkmActionInfo]) -> bool:
    """An action on the run's service (or the whole site) and element, over a period that
    overlaps the run's."""
    service, first, last, element = weak
    return any(
        a.element == element
        and a.service in (service, None)
        and a.period_from <= last
        and a.period_to >= first
        for a in actions
    )


def ikm_tables(db: Database, year: int, today: date) -> tuple[EvidenceTable, list[WeakElement]]:
    rows = []
    weak: list[WeakElement] = []
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
                weak.append((code, first, last, lowest))
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


def actions_table(actions: list[records.IkmActionInfo], today: date) -> EvidenceTable:
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


def hours_table(db: Database, year: int) -> EvidenceTable:
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


def innovation_table(db: Database, year: int) -> EvidenceTable:
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
