"""Queue reports (a day, a month or any period): their content, built once, and their files.

Every figure comes from :func:`p4_desk.services.stats.compute_statistics`, the same numbers the
supervisor window and ``p4-desk stats`` show; :func:`report_content` turns them into the one
:class:`~p4_desk.printing.report.QueueReportContent` that the PDF, CSV and XLSX renderers lay
out. The worded rows are shared with the command line (``p4-desk stats``). Times are in
minutes (one decimal), idle and open times in hours; a dash means "no data".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

from p4_desk.domain.wording import (
    DAY_NAMES,
    format_date,
    format_number,
    format_percent,
    format_period,
    site_zone,
)
from p4_desk.errors import ValidationError
from p4_desk.printing.report import (
    BarChart,
    Cell,
    Heatmap,
    QueueReportContent,
    ReportTable,
    Sheet,
    Signatory,
    render_report_pdf,
)
from p4_desk.printing.report_sheets import render_report_csv, render_report_xlsx
from p4_desk.services import site as site_service
from p4_desk.services.report_visits import Row, appointment_rows
from p4_desk.services.stats import Period, Statistics
from p4_desk.store.db import Database

FORMATS = ("pdf", "csv", "xlsx")

SERVICE_HEADER = ("Layanan", "Instansi", "Diambil", "Selesai", "Tidak hadir", "Batal", "Dialihkan",
                  "Tidak terlayani", "Tunggu rata-rata (mnt)", "Layanan rata-rata (mnt)",
                  "Target tunggu (mnt)", "Dalam target")  # fmt: skip
OFFICER_HEADER = ("Petugas", "Selesai", "Layanan rata-rata (mnt)", "Loket buka (jam)",
                  "Menangani tiket (jam)", "Waktu luang (jam)")  # fmt: skip
DAY_HEADER = ("Tanggal", "Diambil", "Selesai", "Tidak hadir", "Tidak terlayani", "Tunggu rata-rata (mnt)")
UNSERVED_LABEL = "Tidak terlayani (hari layanan berakhir)"
PERMIT_HEADER = ("Ukuran", "Nilai")
OFFICER_NOTE = (
    "Waktu luang = waktu loket petugas berstatus buka dikurangi waktu menangani tiket "
    "(dipanggil sampai selesai); istirahat tidak dihitung. Tanda - berarti tidak ada data."
)


def report_signatory(db: Database) -> Signatory:
    """Who signs printed reports, from the site settings ``report.*``."""
    return Signatory(
        title=str(site_service.get_setting(db, "report.head_title") or "Kepala MPP"),
        name=str(site_service.get_setting(db, "report.head_name") or ""),
        nip=str(site_service.get_setting(db, "report.head_nip") or ""),
        place=str(site_service.get_setting(db, "report.place") or ""),
    )


# --- worded figures (the PDF and the command line) ------------------------------------------


def minutes_cell(seconds: float | None) -> str:
    """A duration in minutes with one decimal: ``"7,0"``; ``"-"`` without data."""
    return "-" if seconds is None else format_number(seconds / 60, 1)


def hours_cell(seconds: float | None) -> str:
    return "-" if seconds is None else format_number(seconds / 3600, 1)


def percent_cell(share: float | None) -> str:
    return "-" if share is None else format_percent(share)


def period_text(stats: Statistics) -> str:
    """``"Rabu, 4 Maret 2026"``, ``"Maret 2026"`` or ``"1 Maret 2026 s.d. 15 Maret 2026"``."""
    return format_period(stats.period.first, stats.period.last)


def scope_text(stats: Statistics) -> str:
    """What the figures cover: ``"instansi DUKCAPIL, loket L1"`` or all of the site."""
    f = stats.filters
    parts = [
        f"{label} {value}"
        for label, value in (
            ("instansi", f.agency),
            ("layanan", f.service),
            ("loket", f.counter),
            ("petugas", f.officer),
        )
        if value
    ]
    return ", ".join(parts) if parts else "semua layanan dan loket"


def summary_rows(stats: Statistics) -> list[tuple[str, str]]:
    t = stats.totals
    n = format_number
    return [
        ("Tiket diambil", n(t.issued)),
        ("Kunjungan layanan (termasuk pengalihan)", n(t.legs)),
        ("Selesai dilayani", n(t.served)),
        ("Tidak hadir", n(t.no_show)),
        ("Dibatalkan", n(t.cancelled)),
        ("Dialihkan", n(t.transferred)),
        (UNSERVED_LABEL, n(t.unserved)),
        ("Masih menunggu di akhir periode", n(t.waiting_at_end)),
        ("Waktu tunggu rata-rata (menit)", minutes_cell(t.wait_avg)),
        ("Waktu tunggu median (menit)", minutes_cell(t.wait_median)),
        ("Waktu tunggu persentil ke-90 (menit)", minutes_cell(t.wait_p90)),
        ("Waktu layanan rata-rata (menit)", minutes_cell(t.service_avg)),
        ("Waktu layanan median (menit)", minutes_cell(t.service_median)),
        ("Waktu layanan persentil ke-90 (menit)", minutes_cell(t.service_p90)),
        ("Dilayani dalam target waktu tunggu", percent_cell(t.within_target)),
    ]


def permit_rows(stats: Statistics) -> list[tuple[str, str]]:
    """Permit decisions of the period against the deadline clock that ran; none with a filter
    that permits do not have (service, counter, officer)."""
    p = stats.permits
    if p is None:
        return []
    n = format_number
    return [
        ("Permohonan izin diputuskan", n(p.decided)),
        ("Diputuskan dalam jangka waktu", n(p.on_time)),
        ("Diputuskan melewati jangka waktu", n(p.late)),
        ("Tepat waktu (jangka waktu yang berjalan)", percent_cell(p.on_time_share)),
        ("Rata-rata hari kerja terpakai", "-" if p.used_avg is None else format_number(p.used_avg, 1)),
        ("Jangka waktu sempat berhenti menunggu pemohon", n(p.waited)),
    ]


def _service_rows(stats: Statistics) -> tuple[tuple[str, ...], ...]:
    n = format_number
    return tuple(
        (f"{sv.code} - {sv.name}", sv.agency, n(sv.issued), n(sv.served), n(sv.no_show), n(sv.cancelled),
         n(sv.transferred), n(sv.unserved), minutes_cell(sv.wait_avg), minutes_cell(sv.service_avg),
         n(sv.target_wait_minutes), percent_cell(sv.within_target))
        for sv in stats.services
    )  # fmt: skip


def _officer_rows(stats: Statistics) -> tuple[tuple[str, ...], ...]:
    return tuple(
        (o.full_name, format_number(o.served), minutes_cell(o.service_avg), hours_cell(o.open_seconds),
         hours_cell(o.busy_seconds), hours_cell(o.idle_seconds))
        for o in stats.officers
    )  # fmt: skip


def _day_rows(stats: Statistics) -> tuple[tuple[str, ...], ...]:
    n = format_number
    return tuple(
        (format_date(d.day), n(d.issued), n(d.served), n(d.no_show), n(d.unserved), minutes_cell(d.wait_avg))
        for d in stats.days
    )


def _title(stats: Statistics) -> str:
    p = stats.period
    if p.first == p.last:
        return "LAPORAN HARIAN PELAYANAN ANTRIAN"
    if p == Period.month(p.first):
        return "LAPORAN BULANAN PELAYANAN ANTRIAN"
    return "LAPORAN PELAYANAN ANTRIAN"


def _hours(hours: range | list[int]) -> tuple[str, ...]:
    return tuple(f"{h:02d}" for h in hours)


def _chart(stats: Statistics) -> tuple[str, BarChart]:
    """A daily trend over several days; arrivals per hour (office hours at least) for one day."""
    if stats.period.first != stats.period.last:
        return "Tren harian", BarChart(
            labels=tuple(str(d.day.day) for d in stats.days),
            series=(
                ("Tiket diambil", tuple(float(d.issued) for d in stats.days)),
                ("Selesai dilayani", tuple(float(d.served) for d in stats.days)),
            ),
            value_title="tiket / hari",
        )
    per_hour = [sum(day[h] for day in stats.heatmap) for h in range(24)]
    first = next((h for h, n in enumerate(per_hour) if n), 7)
    last = max((h for h, n in enumerate(per_hour) if n), default=16)
    span = range(min(first, 7), max(last, 16) + 1)
    return "Kedatangan per jam", BarChart(
        labels=_hours(span),
        series=(("Tiket diambil", tuple(float(per_hour[h]) for h in span)),),
        value_title="tiket / jam",
    )


def _heatmap(stats: Statistics) -> Heatmap:
    """The hours in which anybody arrived (office hours when nobody did)."""
    hours = [h for h in range(24) if any(day[h] for day in stats.heatmap)] or list(range(8, 16))
    return Heatmap(
        hours=_hours(hours),
        rows=tuple((DAY_NAMES[w], tuple(stats.heatmap[w][h] for h in hours)) for w in range(7)),
    )


# --- raw figures (the CSV and XLSX files) ---------------------------------------------------


def _records(stats: Statistics) -> Iterator[tuple[str, str, str, Cell]]:
    """Every figure as one (table, row, column, value) record with raw numbers (seconds)."""
    t = stats.totals
    yield ("periode", "dari", "tanggal", stats.period.first.isoformat())
    yield ("periode", "sampai", "tanggal", stats.period.last.isoformat())
    for f in fields(t):
        yield ("ringkasan", "total", f.name, getattr(t, f.name))
    for sv in stats.services:
        for f in fields(sv):
            if f.name != "code":
                yield ("layanan", sv.code, f.name, getattr(sv, f.name))
    for o in stats.officers:
        for f in fields(o):
            if f.name != "username":
                yield ("petugas", o.username, f.name, getattr(o, f.name))
    for d in stats.days:
        for name in ("issued", "served", "no_show", "unserved", "wait_avg"):
            yield ("harian", d.day.isoformat(), name, getattr(d, name))
    if stats.permits is not None:
        for f in fields(stats.permits):
            yield ("izin", "total", f.name, getattr(stats.permits, f.name))
        yield ("izin", "total", "on_time_share", stats.permits.on_time_share)
    for w, row in enumerate(stats.heatmap):
        for h, n in enumerate(row):
            yield ("kedatangan", DAY_NAMES[w], f"{h:02d}", n)


def _mins(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 2)


def _pct(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 2)


def _permit_cells(stats: Statistics) -> tuple[tuple[Cell, Cell], ...]:
    p = stats.permits
    if p is None:
        return ()
    return (
        ("Permohonan izin diputuskan", p.decided),
        ("Diputuskan dalam jangka waktu", p.on_time),
        ("Diputuskan melewati jangka waktu", p.late),
        ("Tepat waktu (%)", _pct(p.on_time_share)),
        ("Rata-rata hari kerja terpakai", None if p.used_avg is None else round(p.used_avg, 2)),
        ("Jangka waktu sempat berhenti", p.waited),
    )


def _sheets(stats: Statistics, extra: tuple[Row, ...] = ()) -> tuple[Sheet, ...]:
    t = stats.totals
    summary = Sheet(
        title="Ringkasan",
        preamble=(stats.site_name, f"Periode: {period_text(stats)}", f"Cakupan: {scope_text(stats)}"),
        header=("Ukuran", "Nilai"),
        rows=(
            ("Tiket diambil", t.issued),
            ("Kunjungan layanan", t.legs),
            ("Selesai dilayani", t.served),
            ("Tidak hadir", t.no_show),
            ("Dibatalkan", t.cancelled),
            ("Dialihkan", t.transferred),
            (UNSERVED_LABEL, t.unserved),
            ("Masih menunggu di akhir periode", t.waiting_at_end),
            ("Tunggu rata-rata (menit)", _mins(t.wait_avg)),
            ("Tunggu median (menit)", _mins(t.wait_median)),
            ("Tunggu persentil 90 (menit)", _mins(t.wait_p90)),
            ("Layanan rata-rata (menit)", _mins(t.service_avg)),
            ("Layanan median (menit)", _mins(t.service_median)),
            ("Layanan persentil 90 (menit)", _mins(t.service_p90)),
            ("Dalam target (%)", _pct(t.within_target)),
            *((label, n) for _key, label, n in extra),
            *_permit_cells(stats),
        ),
        widths=(("A", 34),),
    )
    services = Sheet(
        title="Layanan",
        header=("Kode", "Layanan", "Instansi", "Diambil", "Kunjungan", "Selesai", "Tidak hadir",
                "Dibatalkan", "Dialihkan", "Tidak terlayani", "Menunggu di akhir", "Tunggu rata2 (menit)",
                "Layanan rata2 (menit)", "Target (menit)", "Dalam target (%)"),
        rows=tuple(
            (sv.code, sv.name, sv.agency, sv.issued, sv.legs, sv.served, sv.no_show, sv.cancelled,
             sv.transferred, sv.unserved, sv.waiting_at_end, _mins(sv.wait_avg), _mins(sv.service_avg),
             sv.target_wait_minutes, _pct(sv.within_target))
            for sv in stats.services
        ),
        widths=(("A", 14), ("B", 34)),
    )  # fmt: skip
    officers = Sheet(
        title="Petugas",
        header=("Pengguna", "Nama", "Selesai", "Layanan rata2 (menit)", "Buka (menit)", "Sibuk (menit)",
                "Luang (menit)"),
        rows=tuple(
            (o.username, o.full_name, o.served, _mins(o.service_avg), _mins(o.open_seconds),
             _mins(o.busy_seconds), _mins(o.idle_seconds))
            for o in stats.officers
        ),
        widths=(("A", 14), ("B", 30)),
    )  # fmt: skip
    days = Sheet(
        title="Harian",
        header=("Tanggal", "Diambil", "Selesai", "Tidak hadir", "Tidak terlayani", "Tunggu rata2 (menit)"),
        rows=tuple((d.day, d.issued, d.served, d.no_show, d.unserved, _mins(d.wait_avg)) for d in stats.days),
        widths=(("A", 14),),
    )
    arrivals = Sheet(
        title="Kedatangan",
        header=("Hari", *_hours(range(24))),
        rows=tuple((DAY_NAMES[w], *row) for w, row in enumerate(stats.heatmap)),
        widths=(("A", 14),),
    )
    return summary, services, officers, days, arrivals


# --- the content and the files --------------------------------------------------------------


def report_content(
    stats: Statistics, signatory: Signatory, appointments: tuple[Row, ...] = ()
) -> QueueReportContent:
    """The one content object of the report of ``stats``, signed by ``signatory``;
    ``appointments``: the booking and visit rows (``services.report_visits``) after the summary."""
    chart_title, chart = _chart(stats)
    summary = (*summary_rows(stats), *((label, format_number(n)) for _key, label, n in appointments))
    records = (*_records(stats), *(("janji_temu", "total", key, n) for key, _label, n in appointments))
    return QueueReportContent(
        title=_title(stats),
        site_name=stats.site_name,
        period=period_text(stats),
        scope=scope_text(stats),
        summary=ReportTable(("Ukuran", "Nilai"), summary),
        services=ReportTable(SERVICE_HEADER, _service_rows(stats), empty="Tidak ada antrian"),
        chart_title=chart_title,
        chart=chart,
        officers=ReportTable(OFFICER_HEADER, _officer_rows(stats), empty="Tidak ada data petugas"),
        officer_note=OFFICER_NOTE,
        days=ReportTable(DAY_HEADER, _day_rows(stats)) if stats.period.first != stats.period.last else None,
        heatmap=_heatmap(stats),
        signatory=signatory,
        printed_at=stats.generated_at.astimezone(site_zone(stats.timezone)),
        records=records,
        sheets=_sheets(stats, appointments),
        permits=ReportTable(PERMIT_HEADER, tuple(permit_rows(stats)))
        if stats.permits is not None and stats.permits.decided
        else None,
    )


def render_content(content: QueueReportContent, fmt: str) -> bytes:
    """The report file's bytes in ``fmt`` (``pdf``, ``csv`` or ``xlsx``)."""
    if fmt == "pdf":
        return render_report_pdf(content)
    if fmt == "csv":
        return render_report_csv(content)
    if fmt == "xlsx":
        return render_report_xlsx(content)
    raise ValidationError(f"Format laporan '{fmt}' tidak dikenal. Pilihan: PDF, CSV, XLSX.", field="format")


def report_file(db: Database, stats: Statistics, fmt: str) -> bytes:
    """The report of ``stats`` as a PDF, CSV or XLSX file, signed as the site settings say."""
    return render_content(report_content(stats, report_signatory(db), appointment_rows(db, stats)), fmt)


def format_of(path: str | Path) -> str:
    """Report format from a file name's extension (``.pdf``, ``.csv``, ``.xlsx``)."""
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValidationError("Nama berkas laporan harus berakhiran .pdf, .csv atau .xlsx.", field="out")
    return fmt
