"""The late-responder list as files for the monthly sanction meeting: XLSX (openpyxl) and PDF
(reportlab, A4 landscape). Indonesian headings, dates as the officers read them."""

from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from p4_desk.central.province.late import LateRow, totals
from p4_desk.domain.wording import format_date, format_date_range

TITLE = "Daftar Keterlambatan Tindak Lanjut Pengaduan (SP4N-LAPOR!)"
DETAIL_HEADINGS = (
    "Situs",
    "Instansi",
    "Petugas",
    "Nomor pengaduan",
    "Diterima",
    "Batas waktu",
    "Langkah wajib",
    "Jatuh tempo",
    "Dilakukan",
    "Terlambat (hari kerja)",
    "Status kini",
)
TOTAL_HEADINGS = (
    "Situs",
    "Instansi",
    "Petugas",
    "Pengaduan",
    "Batas terlewati",
    "Jumlah hari kerja terlambat",
)
NOT_YET = "belum"
UNKNOWN = "(tidak diketahui)"


def _detail(row: LateRow) -> list[str | int]:
    return [
        f"{row.site} — {row.site_name}",
        row.agency or UNKNOWN,
        row.officer or UNKNOWN,
        row.complaint_number,
        format_date(row.received_on) if row.received_on else "",
        row.deadline_label,
        row.required_step,
        format_date(row.due),
        format_date(row.done_on) if row.done_on else NOT_YET,
        row.late_working_days,
        row.state_label,
    ]


def _total_rows(rows: list[LateRow]) -> list[list[str | int]]:
    return [
        [
            t.site,
            t.agency or UNKNOWN,
            t.officer or UNKNOWN,
            t.complaints,
            t.deadlines_passed,
            t.late_working_days,
        ]
        for t in totals(rows)
    ]


def subtitle(first: date, last: date, today: date) -> str:
    return f"Batas waktu jatuh tempo {format_date_range(first, last)} · keadaan per {format_date(today)}"


def to_xlsx(rows: list[LateRow], first: date, last: date, today: date) -> bytes:
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Ringkasan"
    summary.append([TITLE])
    summary.append([subtitle(first, last, today)])
    summary.append([])
    summary.append(list(TOTAL_HEADINGS))
    for values in _total_rows(rows):
        summary.append(values)
    detail = book.create_sheet("Rincian")
    detail.append(list(DETAIL_HEADINGS))
    for row in rows:
        detail.append(_detail(row))
    summary["A1"].font = Font(bold=True, size=13)
    for sheet, heading_row in ((summary, 4), (detail, 1)):
        for cell in sheet[heading_row]:
            cell.font = Font(bold=True)
        for column in sheet.columns:
            letter = column[0].column_letter
            width = max(
                (len(str(c.value)) for c in column[heading_row - 1 :] if c.value is not None), default=8
            )
            sheet.column_dimensions[letter].width = min(45, width + 2)
    detail.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_pdf(rows: list[LateRow], first: date, last: date, today: date) -> bytes:
    out = io.BytesIO()
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=7.5, leading=9)
    document = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=TITLE,
        author="P4 Desk — server pusat provinsi",
    )
    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )

    def table(headings: tuple[str, ...], body: list[list[str | int]]) -> Table:
        cells = [[Paragraph(f"<b>{escape(h)}</b>", small) for h in headings]]
        cells += [[Paragraph(escape(str(value)), small) for value in values] for values in body]
        return Table(cells, repeatRows=1, style=grid)

    story = [
        Paragraph(TITLE, styles["Title"]),
        Paragraph(subtitle(first, last, today), styles["BodyText"]),
        Spacer(1, 4 * mm),
    ]
    if not rows:
        story.append(Paragraph("Tidak ada batas waktu yang terlewati pada periode ini.", styles["BodyText"]))
    else:
        story += [
            Paragraph("Ringkasan per petugas", styles["Heading2"]),
            table(TOTAL_HEADINGS, _total_rows(rows)),
            Spacer(1, 4 * mm),
            Paragraph("Rincian", styles["Heading2"]),
            table(DETAIL_HEADINGS, [_detail(row) for row in rows]),
        ]
    document.build(story)
    return out.getvalue()
