"""Daily and monthly queue reports as an A4 PDF: the content object and its layout.

The content is built once, by ``p4_desk.services.reports`` from the figures of
``services.stats.compute_statistics`` (the same the supervisor window and ``p4-desk stats``
show), and carries what is printed already in words; this module only lays it out. The CSV
and XLSX files of the same content are written by ``printing.report_sheets``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from p4_desk.domain.wording import format_date, format_datetime

ACCENT = colors.HexColor("#1F4E79")
LIGHT = colors.HexColor("#DCE6F1")

Cell = str | int | float | date | None  # a value in a CSV record or a spreadsheet cell


@dataclass(frozen=True)
class Signatory:
    """Who signs the report (site settings ``report.head_*``)."""

    title: str = "Kepala MPP"
    name: str = ""
    nip: str = ""
    place: str = ""


@dataclass(frozen=True)
class ReportTable:
    """A table as printed: a header and rows of worded cells; ``empty`` stands in for no rows."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str = ""


@dataclass(frozen=True)
class BarChart:
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]  # (name, one value per label)
    value_title: str


@dataclass(frozen=True)
class Heatmap:
    """Arrivals by day of the week (rows) and hour of the day (columns)."""

    hours: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]  # (day name, arrivals per hour shown)


@dataclass(frozen=True)
class Sheet:
    """One worksheet of the XLSX file: optional lines above the header, numbers as numbers."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    preamble: tuple[str, ...] = ()
    widths: tuple[tuple[str, float], ...] = ()  # (column letter, width)


@dataclass(frozen=True)
class QueueReportContent:
    """Everything in one queue report, for the PDF, the CSV and the XLSX file."""

    title: str  # "LAPORAN BULANAN PELAYANAN ANTRIAN"
    site_name: str
    period: str  # "Maret 2026"
    scope: str  # "semua layanan dan loket"
    summary: ReportTable
    services: ReportTable
    chart_title: str
    chart: BarChart
    officers: ReportTable
    officer_note: str
    days: ReportTable | None  # a table per day, for a period of several days
    heatmap: Heatmap
    signatory: Signatory
    printed_at: datetime  # aware, site zone
    records: tuple[tuple[str, str, str, Cell], ...]  # the CSV: (table, row, column, raw value)
    sheets: tuple[Sheet, ...]  # the XLSX
    permits: ReportTable | None = None  # permit decisions against their deadline clocks


# --- PDF ------------------------------------------------------------------------------------


def render_report_pdf(c: QueueReportContent) -> bytes:
    """The report as an A4 PDF: header, period, figures, tables, charts and signature block."""
    styles = getSampleStyleSheet()
    h1 = ParagraphStyle("h1", parent=styles["Title"], fontSize=14, leading=18, spaceAfter=2)
    h2 = ParagraphStyle("h2", parent=styles["Heading2"], fontSize=11, textColor=ACCENT, spaceBefore=8)
    body = ParagraphStyle("body", parent=styles["Normal"], fontSize=9, leading=12)
    centre = ParagraphStyle("centre", parent=body, alignment=1)

    story: list[Flowable] = [
        Paragraph(c.site_name.upper(), h1),
        Paragraph(c.title, centre),
        Paragraph(f"Periode: {c.period}", centre),
        Paragraph(f"Cakupan: {c.scope}", centre),
        Spacer(1, 4 * mm),
        _rule_table(),
        Paragraph("Ringkasan", h2),
        _table(c.summary, (110 * mm, 40 * mm), numeric_from=1),
    ]
    if c.permits is not None:
        story += [Paragraph("Permohonan izin", h2), _table(c.permits, (110 * mm, 40 * mm), numeric_from=1)]
    story += [
        Paragraph("Per layanan", h2),
        _table(c.services, _widths(c.services.header), numeric_from=2, small=True),
        CondPageBreak(75 * mm),
        Paragraph(c.chart_title, h2),
        _bar_chart(c.chart),
        Paragraph("Kinerja petugas", h2),
        _table(
            c.officers, (60 * mm, 20 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm), numeric_from=1, small=True
        ),
        Paragraph(c.officer_note, body),
    ]
    if c.days is not None:
        story += [
            CondPageBreak(60 * mm),
            Paragraph("Rincian harian", h2),
            _table(c.days, _day_widths(c.days.header), numeric_from=1, small=True),
        ]
    story += [CondPageBreak(60 * mm), Paragraph("Kedatangan menurut hari dan jam", h2), _heatmap(c.heatmap)]
    story.append(_signature(c, body))

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
        title=f"{c.title.title()} - {c.site_name} - {c.period}",
        author=c.site_name,
    )
    printed = format_datetime(c.printed_at)

    def footer(canvas: Any, doc_: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(15 * mm, 10 * mm, f"Dicetak {printed} oleh P4 Desk")
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, f"Halaman {doc_.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _widths(header: tuple[str, ...]) -> tuple[float, ...]:
    numeric = 12 * mm
    first = 180 * mm - 19 * mm - numeric * (len(header) - 2)
    return (first, 19 * mm, *([numeric] * (len(header) - 2)))


def _day_widths(header: tuple[str, ...]) -> tuple[float, ...]:
    return (45 * mm, *([25 * mm] * (len(header) - 2)), 30 * mm)


def _rule_table() -> Table:
    t = Table([[""]], colWidths=(180 * mm,), rowHeights=(1,))
    t.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT)]))
    return t


def _table(table: ReportTable, widths: tuple[float, ...], *, numeric_from: int, small: bool = False) -> Table:
    rows = [table.header, *table.rows] if table.rows else [(table.empty,)]
    size = 7.5 if small else 9
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=size, leading=size * 1.2)
    # a narrow numeric column (12 mm) fits its longest header word ("Dialihkan") whole: a smaller
    # bold face and narrower side padding in the header row, never a word split mid-way
    head = ParagraphStyle(
        "head",
        parent=style,
        fontName="Helvetica-Bold",
        fontSize=size - (1.2 if small else 0.7),
        textColor=colors.white,
    )
    head_right = ParagraphStyle("head_right", parent=head, alignment=2)
    header = [Paragraph(cell, head if c < numeric_from else head_right) for c, cell in enumerate(rows[0])]
    data = [header] + [
        [Paragraph(escape(cell), style) if c < numeric_from else cell for c, cell in enumerate(row)]
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
                *(
                    [("LEFTPADDING", (0, 0), (-1, 0), 1.5), ("RIGHTPADDING", (0, 0), (-1, 0), 1.5)]
                    if small
                    else []
                ),
            ]
        )
    )
    return t


def _bar_chart(content: BarChart) -> Drawing:
    labels = list(content.labels)
    series = [list(values) for _name, values in content.series]
    names = [name for name, _values in content.series]
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
    drawing.add(String(2 * mm, 58 * mm, content.value_title, fontName="Helvetica", fontSize=7))
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


def _heatmap(heatmap: Heatmap) -> Table:
    hours = heatmap.hours
    top = max((max(counts, default=0) for _day, counts in heatmap.rows), default=0) or 1
    rows = [["Hari", *hours]]
    rows += [[day, *[str(n or "") for n in counts]] for day, counts in heatmap.rows]
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
    for w, (_day, counts) in enumerate(heatmap.rows):
        for c, n in enumerate(counts, start=1):
            if n:
                shade = 0.15 + 0.85 * n / top
                style.append(("BACKGROUND", (c, w + 1), (c, w + 1), _blend(shade)))
                if shade > 0.6:
                    style.append(("TEXTCOLOR", (c, w + 1), (c, w + 1), colors.white))
    t.setStyle(TableStyle(style))
    return t


def _blend(share: float) -> colors.Color:
    return colors.Color(1 - share * (1 - 0.12), 1 - share * (1 - 0.31), 1 - share * (1 - 0.47))


def _signature(c: QueueReportContent, body: ParagraphStyle) -> KeepTogether:
    signatory = c.signatory
    place = f"{signatory.place}, " if signatory.place else ""
    name = signatory.name or "(.................................................)"
    nip = signatory.nip or "..................................."
    lines = [
        f"{place}{format_date(c.printed_at.date())}",
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
