"""Daily and monthly queue reports: PDF (reportlab) and the raw tables as CSV and XLSX.

Every number comes from ``p4_desk.services.stats.compute_statistics`` — the same figures the
supervisor window and ``p4-desk stats`` show. Texts are in Bahasa Indonesia; times in minutes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from p4_desk.errors import ValidationError
from p4_desk.printing.ticket import DAY_NAMES, MONTH_NAMES, indonesian_datetime

if TYPE_CHECKING:  # the figures are plain dataclasses computed by the services layer
    from p4_desk.services.stats import Statistics

WEEKDAYS = DAY_NAMES

FORMATS = ("pdf", "csv", "xlsx")
ACCENT = colors.HexColor("#1F4E79")
LIGHT = colors.HexColor("#DCE6F1")


@dataclass(frozen=True)
class Signatory:
    """Who signs the report (site settings ``report.head_*``)."""

    title: str = "Kepala MPP"
    name: str = ""
    nip: str = ""
    place: str = ""


# --- shared wording -------------------------------------------------------------------------


def indonesian_date(d: date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def period_text(stats: Statistics) -> str:
    p = stats.period
    if p.first == p.last:
        return f"{WEEKDAYS[p.first.weekday()]}, {indonesian_date(p.first)}"
    if p.first.day == 1 and (p.last.month, p.last.year) == (p.first.month, p.first.year):
        nxt = date(p.last.year + (p.last.month == 12), p.last.month % 12 + 1, 1)
        if (nxt - p.last).days == 1:
            return f"{MONTH_NAMES[p.first.month - 1]} {p.first.year}"
    return f"{indonesian_date(p.first)} s.d. {indonesian_date(p.last)}"


def minutes(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds / 60:.1f}".replace(".", ",")


def hours(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds / 3600:.1f}".replace(".", ",")


def percent(share: float | None) -> str:
    return "-" if share is None else f"{share * 100:.1f}%".replace(".", ",")


def filter_text(stats: Statistics) -> str:
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
    return [
        ("Tiket diambil", str(t.issued)),
        ("Kunjungan layanan (termasuk pengalihan)", str(t.legs)),
        ("Selesai dilayani", str(t.served)),
        ("Tidak hadir", str(t.no_show)),
        ("Dibatalkan", str(t.cancelled)),
        ("Dialihkan", str(t.transferred)),
        ("Masih menunggu di akhir periode", str(t.waiting_at_end)),
        ("Waktu tunggu rata-rata (menit)", minutes(t.wait_avg)),
        ("Waktu tunggu median (menit)", minutes(t.wait_median)),
        ("Waktu tunggu persentil ke-90 (menit)", minutes(t.wait_p90)),
        ("Waktu layanan rata-rata (menit)", minutes(t.service_avg)),
        ("Waktu layanan median (menit)", minutes(t.service_median)),
        ("Waktu layanan persentil ke-90 (menit)", minutes(t.service_p90)),
        ("Dilayani dalam target waktu tunggu", percent(t.within_target)),
    ]


SERVICE_HEADER = ("Layanan", "Instansi", "Diambil", "Selesai", "Tidak hadir", "Batal", "Dialihkan",
                  "Tunggu rata-rata (mnt)", "Layanan rata-rata (mnt)", "Target tunggu (mnt)",
                  "Dalam target")  # fmt: skip
OFFICER_HEADER = ("Petugas", "Selesai", "Layanan rata-rata (mnt)", "Loket buka (jam)",
                  "Menangani tiket (jam)", "Waktu luang (jam)")  # fmt: skip
DAY_HEADER = ("Tanggal", "Diambil", "Selesai", "Tidak hadir", "Tunggu rata-rata (mnt)")


def service_rows(stats: Statistics) -> list[tuple[str, ...]]:
    return [
        (
            f"{sv.code} - {sv.name}",
            sv.agency,
            str(sv.issued),
            str(sv.served),
            str(sv.no_show),
            str(sv.cancelled),
            str(sv.transferred),
            minutes(sv.wait_avg),
            minutes(sv.service_avg),
            str(sv.target_wait_minutes),
            percent(sv.within_target),
        )
        for sv in stats.services
    ]


def officer_rows(stats: Statistics) -> list[tuple[str, ...]]:
    return [
        (
            o.full_name,
            str(o.served),
            minutes(o.service_avg),
            hours(o.open_seconds),
            hours(o.busy_seconds),
            hours(o.idle_seconds),
        )
        for o in stats.officers
    ]


# --- PDF ------------------------------------------------------------------------------------


def render_report_pdf(stats: Statistics, signatory: Signatory | None = None) -> bytes:
    """The report as an A4 PDF: header, period, figures, tables, charts and signature block."""
    signatory = signatory or Signatory()
    monthly = stats.period.first != stats.period.last
    title = "LAPORAN BULANAN PELAYANAN ANTRIAN" if monthly else "LAPORAN HARIAN PELAYANAN ANTRIAN"
    styles = getSampleStyleSheet()
    h1 = ParagraphStyle("h1", parent=styles["Title"], fontSize=14, leading=18, spaceAfter=2)
    h2 = ParagraphStyle("h2", parent=styles["Heading2"], fontSize=11, textColor=ACCENT, spaceBefore=8)
    body = ParagraphStyle("body", parent=styles["Normal"], fontSize=9, leading=12)
    centre = ParagraphStyle("centre", parent=body, alignment=1)

    story: list = [
        Paragraph(stats.site_name.upper(), h1),
        Paragraph(title, centre),
        Paragraph(f"Periode: {period_text(stats)}", centre),
        Paragraph(f"Cakupan: {filter_text(stats)}", centre),
        Spacer(1, 4 * mm),
        _rule_table(),
        Paragraph("Ringkasan", h2),
        _table([("Ukuran", "Nilai"), *summary_rows(stats)], (110 * mm, 40 * mm), numeric_from=1),
        Paragraph("Per layanan", h2),
        _table([SERVICE_HEADER, *service_rows(stats)] if stats.services else [("Tidak ada antrian",)],
               _widths(SERVICE_HEADER), numeric_from=2, small=True),
    ]  # fmt: skip
    story.append(CondPageBreak(75 * mm))
    if monthly:
        story += [Paragraph("Tren harian", h2), _daily_chart(stats)]
    else:
        story += [Paragraph("Kedatangan per jam", h2), _hourly_chart(stats)]
    story += [
        Paragraph("Kinerja petugas", h2),
        _table([OFFICER_HEADER, *officer_rows(stats)] if stats.officers else [("Tidak ada data petugas",)],
               (60 * mm, 20 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm), numeric_from=1, small=True),
        Paragraph(
            "Waktu luang = waktu loket petugas berstatus buka dikurangi waktu menangani tiket "
            "(dipanggil sampai selesai); istirahat tidak dihitung. Tanda - berarti tidak ada data.", body),
    ]  # fmt: skip
    if monthly:
        story += [
            CondPageBreak(60 * mm),
            Paragraph("Rincian harian", h2),
            _table([DAY_HEADER, *[(indonesian_date(d.day), str(d.issued), str(d.served), str(d.no_show),
                                   minutes(d.wait_avg)) for d in stats.days]],
                   (45 * mm, 25 * mm, 25 * mm, 25 * mm, 30 * mm), numeric_from=1, small=True),
        ]  # fmt: skip
    story += [CondPageBreak(60 * mm), Paragraph("Kedatangan menurut hari dan jam", h2), _heatmap(stats)]
    story.append(_signature(stats, signatory, body))

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
        title=f"{title.title()} - {stats.site_name} - {period_text(stats)}",
        author=stats.site_name,
    )
    printed = indonesian_datetime(stats.generated_at, stats.timezone)

    def footer(canvas, doc_) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(15 * mm, 10 * mm, f"Dicetak {printed} oleh P4 Desk")
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, f"Halaman {doc_.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _widths(header: tuple[str, ...]) -> tuple[float, ...]:
    numeric = 13 * mm
    first = 180 * mm - 19 * mm - numeric * (len(header) - 2)
    return (first, 19 * mm, *([numeric] * (len(header) - 2)))


def _rule_table() -> Table:
    t = Table([[""]], colWidths=(180 * mm,), rowHeights=(1,))
    t.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT)]))
    return t


def _table(
    rows: list[tuple[str, ...]], widths: tuple[float, ...], *, numeric_from: int, small: bool = False
) -> Table:
    size = 7.5 if small else 9
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=size, leading=size * 1.2)
    head = ParagraphStyle(
        "head", parent=style, fontName="Helvetica-Bold", fontSize=size - 0.7, textColor=colors.white
    )
    head_right = ParagraphStyle("head_right", parent=head, alignment=2)
    header = [Paragraph(cell, head if c < numeric_from else head_right) for c, cell in enumerate(rows[0])]
    data = [header] + [
        [Paragraph(cell, style) if c < numeric_from else cell for c, cell in enumerate(row)]
        for row in rows[1:]
    ]
    if len(rows[0]) == 1:
        widths = (sum(widths),)
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", size),
                ("FONT", (0, 1), (-1, -1), "Helvetica", size),
                ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F2F6FA")]),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#9FB3C8")),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return t


def _bar_chart(labels: list[str], series: list[list[float]], names: list[str], value_title: str) -> Drawing:
    drawing = Drawing(180 * mm, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 12 * mm
    chart.width, chart.height = 150 * mm, 44 * mm
    chart.data = series or [[0]]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 0 if len(labels) <= 24 else 90
    chart.categoryAxis.labels.dy = -2 if len(labels) <= 24 else -8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    step = _nice_step(max((max(s) for s in series if s), default=0))
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = step * 5
    palette = (ACCENT, colors.HexColor("#70AD47"), colors.HexColor("#ED7D31"))
    for i in range(len(series)):
        chart.bars[i].fillColor = palette[i % len(palette)]
        chart.bars[i].strokeColor = None
    chart.barSpacing = 0.5
    drawing.add(chart)
    drawing.add(String(2 * mm, 58 * mm, value_title, fontName="Helvetica", fontSize=7))
    legend = Legend()
    legend.x, legend.y = 120 * mm, 61 * mm
    legend.fontSize = 7
    legend.columnMaximum = 1
    legend.deltax = 45
    legend.alignment = "right"
    legend.colorNamePairs = [(palette[i], names[i]) for i in range(len(series))]
    drawing.add(legend)
    return drawing


def _nice_step(top: float) -> float:
    """A round axis step (1, 2 or 5 x 10^k) so that five steps cover ``top``."""
    step = 1.0
    while step * 5 < top:
        for factor in (2, 2.5, 2):
            step *= factor
            if step * 5 >= top:
                break
    return step


def _hourly_chart(stats: Statistics) -> Drawing:
    hours = [sum(day[h] for day in stats.heatmap) for h in range(24)]
    first = next((h for h, n in enumerate(hours) if n), 7)
    last = max((h for h, n in enumerate(hours) if n), default=16)
    span = range(min(first, 7), max(last, 16) + 1)
    return _bar_chart(
        [f"{h:02d}" for h in span], [[hours[h] for h in span]], ["Tiket diambil"], "tiket / jam"
    )


def _daily_chart(stats: Statistics) -> Drawing:
    labels = [str(d.day.day) for d in stats.days]
    issued = [float(d.issued) for d in stats.days]
    served = [float(d.served) for d in stats.days]
    return _bar_chart(labels, [issued, served], ["Tiket diambil", "Selesai dilayani"], "tiket / hari")


def _heatmap(stats: Statistics) -> Table:
    hours = [h for h in range(24) if any(day[h] for day in stats.heatmap)] or list(range(8, 16))
    top = max((max(day) for day in stats.heatmap), default=0) or 1
    rows = [["Hari", *[f"{h:02d}" for h in hours]]]
    rows += [[WEEKDAYS[w], *[str(stats.heatmap[w][h] or "") for h in hours]] for w in range(7)]
    width = min(9 * mm, 150 * mm / len(hours))
    t = Table(rows, colWidths=(22 * mm, *([width] * len(hours))))
    style = [
        ("FONT", (0, 0), (-1, -1), "Helvetica", 6.5),
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 6.5),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.white),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("BACKGROUND", (0, 1), (0, -1), LIGHT),
    ]
    for w in range(7):
        for c, h in enumerate(hours, start=1):
            n = stats.heatmap[w][h]
            if n:
                shade = 0.15 + 0.85 * n / top
                style.append(("BACKGROUND", (c, w + 1), (c, w + 1), _blend(shade)))
                if shade > 0.6:
                    style.append(("TEXTCOLOR", (c, w + 1), (c, w + 1), colors.white))
    t.setStyle(TableStyle(style))
    return t


def _blend(share: float) -> colors.Color:
    return colors.Color(1 - share * (1 - 0.12), 1 - share * (1 - 0.31), 1 - share * (1 - 0.47))


def _signature(stats: Statistics, signatory: Signatory, body: ParagraphStyle) -> KeepTogether:
    place = f"{signatory.place}, " if signatory.place else ""
    day = indonesian_date(stats.generated_at.astimezone(ZoneInfo(stats.timezone)).date())
    name = signatory.name or "(.................................................)"
    nip = signatory.nip or "..................................."
    lines = [
        f"{place}{day}",
        "Mengetahui,",
        signatory.title,
        "",
        "",
        "",
        f"<u>{name}</u>" if signatory.name else name,
        f"NIP. {nip}",
    ]
    cell = [Paragraph(line or "&nbsp;", body) for line in lines]
    t = Table([["", cell]], colWidths=(110 * mm, 70 * mm))
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([Spacer(1, 10 * mm), t])


# --- CSV and XLSX ---------------------------------------------------------------------------

LONG_HEADER = ("tabel", "baris", "kolom", "nilai")


def long_rows(stats: Statistics) -> Iterator[tuple[str, str, str, str | int | float | None]]:
    """Every figure as one (table, row, column, value) record with raw numbers (seconds)."""
    t = stats.totals
    yield ("periode", "dari", "tanggal", stats.period.first.isoformat())
    yield ("periode", "sampai", "tanggal", stats.period.last.isoformat())
    for name in t.__dataclass_fields__:
        yield ("ringkasan", "total", name, getattr(t, name))
    for sv in stats.services:
        for name in sv.__dataclass_fields__:
            if name != "code":
                yield ("layanan", sv.code, name, getattr(sv, name))
    for o in stats.officers:
        for name in o.__dataclass_fields__:
            if name != "username":
                yield ("petugas", o.username, name, getattr(o, name))
    for d in stats.days:
        for name in ("issued", "served", "no_show", "wait_avg"):
            yield ("harian", d.day.isoformat(), name, getattr(d, name))
    for w, row in enumerate(stats.heatmap):
        for h, n in enumerate(row):
            yield ("kedatangan", WEEKDAYS[w], f"{h:02d}", n)


def render_report_csv(stats: Statistics) -> bytes:
    """All tables in one long-format CSV (UTF-8 with BOM so spreadsheet programs read it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(LONG_HEADER)
    for table, row, column, value in long_rows(stats):
        writer.writerow((table, row, column, "" if value is None else value))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render_report_xlsx(stats: Statistics) -> bytes:
    """One worksheet per table, numbers as numbers (times in minutes)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    def mins(seconds: float | None) -> float | None:
        return None if seconds is None else round(seconds / 60, 2)

    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Ringkasan"
    summary.append([stats.site_name])
    summary.append([f"Periode: {period_text(stats)}"])
    summary.append([f"Cakupan: {filter_text(stats)}"])
    summary.append([])
    t = stats.totals
    summary.append(["Ukuran", "Nilai"])
    for label, value in (
        ("Tiket diambil", t.issued),
        ("Kunjungan layanan", t.legs),
        ("Selesai dilayani", t.served),
        ("Tidak hadir", t.no_show),
        ("Dibatalkan", t.cancelled),
        ("Dialihkan", t.transferred),
        ("Masih menunggu di akhir periode", t.waiting_at_end),
        ("Tunggu rata-rata (menit)", mins(t.wait_avg)),
        ("Tunggu median (menit)", mins(t.wait_median)),
        ("Tunggu persentil 90 (menit)", mins(t.wait_p90)),
        ("Layanan rata-rata (menit)", mins(t.service_avg)),
        ("Layanan median (menit)", mins(t.service_median)),
        ("Layanan persentil 90 (menit)", mins(t.service_p90)),
        ("Dalam target (%)", None if t.within_target is None else round(t.within_target * 100, 2)),
    ):
        summary.append([label, value])
    services = wb.create_sheet("Layanan")
    services.append(["Kode", "Layanan", "Instansi", "Diambil", "Kunjungan", "Selesai", "Tidak hadir",
                     "Dibatalkan", "Dialihkan", "Menunggu di akhir", "Tunggu rata2 (menit)",
                     "Layanan rata2 (menit)", "Target (menit)", "Dalam target (%)"])  # fmt: skip
    for sv in stats.services:
        services.append([sv.code, sv.name, sv.agency, sv.issued, sv.legs, sv.served, sv.no_show,
                         sv.cancelled, sv.transferred, sv.waiting_at_end, mins(sv.wait_avg),
                         mins(sv.service_avg), sv.target_wait_minutes,
                         None if sv.within_target is None else round(sv.within_target * 100, 2)])  # fmt: skip
    officers = wb.create_sheet("Petugas")
    officers.append(["Pengguna", "Nama", "Selesai", "Layanan rata2 (menit)", "Buka (menit)", "Sibuk (menit)",
                     "Luang (menit)"])  # fmt: skip
    for o in stats.officers:
        officers.append([o.username, o.full_name, o.served, mins(o.service_avg), mins(o.open_seconds),
                         mins(o.busy_seconds), mins(o.idle_seconds)])  # fmt: skip
    days = wb.create_sheet("Harian")
    days.append(["Tanggal", "Diambil", "Selesai", "Tidak hadir", "Tunggu rata2 (menit)"])
    for d in stats.days:
        days.append([d.day, d.issued, d.served, d.no_show, mins(d.wait_avg)])
        days.cell(row=days.max_row, column=1).number_format = "yyyy-mm-dd"
    heat = wb.create_sheet("Kedatangan")
    heat.append(["Hari", *[f"{h:02d}" for h in range(24)]])
    for w, row in enumerate(stats.heatmap):
        heat.append([WEEKDAYS[w], *row])
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F4E79")
    for ws, header_row in ((summary, 5), (services, 1), (officers, 1), (days, 1), (heat, 1)):
        for cell in ws[header_row]:
            cell.font, cell.fill = bold, fill
        ws.column_dimensions["A"].width = 34 if ws is summary else 14
    services.column_dimensions["B"].width = 34
    officers.column_dimensions["B"].width = 30
    summary["A1"].font = Font(bold=True, size=13)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def render_report(stats: Statistics, fmt: str, signatory: Signatory | None = None) -> bytes:
    if fmt == "pdf":
        return render_report_pdf(stats, signatory)
    if fmt == "csv":
        return render_report_csv(stats)
    if fmt == "xlsx":
        return render_report_xlsx(stats)
    raise ValidationError(f"Format laporan '{fmt}' tidak dikenal. Pilihan: PDF, CSV, XLSX.", field="format")


def format_of(path: str | Path) -> str:
    """Report format from a file name's extension (``.pdf``, ``.csv``, ``.xlsx``)."""
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValidationError("Nama berkas laporan harus berakhiran .pdf, .csv atau .xlsx.", field="out")
    return fmt
