"""The PEKPPP evidence pack (A4 landscape PDF and XLSX): the content object and its two layouts.

Built by ``p4_desk.services.pekppp.evidence``; the figures arrive worded (like the queue
report's tables), each with the records it was read from, so the PDF, the workbook and the
province's copy (``to_json``) say the same thing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from p4_desk.domain.wording import format_datetime

ACCENT = colors.HexColor("#1F4E79")
LIGHT = colors.HexColor("#DCE6F1")
MANUAL = "diisi manual"
PAGE = landscape(A4)  # the standard table has eleven columns


@dataclass(frozen=True)
class EvidenceFigure:
    label: str
    value: str
    source: str  # the records the value was read from


@dataclass(frozen=True)
class EvidenceTable:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    source: str
    empty: str = "Tidak ada catatan."


@dataclass(frozen=True)
class AspectEvidence:
    number: int
    name: str
    weight: int  # percent of the PEKPPP score
    figures: tuple[EvidenceFigure, ...]
    tables: tuple[EvidenceTable, ...]
    manual: tuple[str, ...]  # indicators the system cannot know: "diisi manual"


@dataclass(frozen=True)
class PekpppPack:
    site_code: str
    site_name: str
    year: int
    printed_at: datetime  # aware, in the site's zone
    aspects: tuple[AspectEvidence, ...]
    incomplete_services: tuple[str, ...]  # "CODE — name: missing parts"

    def to_json(self) -> dict[str, Any]:
        return {
            "site": self.site_code,
            "site_name": self.site_name,
            "year": self.year,
            "printed_at": self.printed_at.isoformat(),
            "incomplete_services": list(self.incomplete_services),
            "aspects": [
                {
                    "number": a.number,
                    "name": a.name,
                    "weight": a.weight,
                    "figures": [f.__dict__ for f in a.figures],
                    "tables": [
                        {
                            "title": t.title,
                            "header": list(t.header),
                            "rows": [list(r) for r in t.rows],
                            "source": t.source,
                        }
                        for t in a.tables
                    ],
                    "manual": list(a.manual),
                }
                for a in self.aspects
            ],
        }


# --- PDF ------------------------------------------------------------------------------------


def render_pack_pdf(pack: PekpppPack) -> bytes:
    styles = getSampleStyleSheet()
    title = ParagraphStyle("t", parent=styles["Title"], fontSize=15, leading=19, textColor=ACCENT)
    h2 = ParagraphStyle("h2", parent=styles["Heading2"], fontSize=12, textColor=ACCENT, spaceBefore=8)
    h3 = ParagraphStyle("h3", parent=styles["Heading3"], fontSize=9.5, spaceBefore=5, spaceAfter=2)
    body = ParagraphStyle("b", parent=styles["BodyText"], fontSize=8.5, leading=10.5)
    small = ParagraphStyle("s", parent=body, fontSize=7, leading=8.5, textColor=colors.HexColor("#444444"))
    cell = ParagraphStyle("c", parent=body, fontSize=6.8, leading=8)
    head = ParagraphStyle("h", parent=cell, textColor=colors.white, fontName="Helvetica-Bold")

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    story: list[Any] = [
        p("BUKTI DUKUNG EVALUASI PEKPPP", title),
        p(f"{pack.site_name} ({pack.site_code}) — Tahun {pack.year}", body),
        p(f"Dicetak {format_datetime(pack.printed_at)} dari catatan P4 Desk.", small),
        Spacer(1, 4 * mm),
    ]
    width = PAGE[0] - 30 * mm
    for aspect in pack.aspects:
        story.append(p(f"Aspek {aspect.number}. {aspect.name} (bobot {aspect.weight} %)", h2))
        if aspect.figures:
            rows = [[p("Indikator", head), p("Nilai", head), p("Sumber catatan", head)]]
            rows += [[p(f.label, cell), p(f.value, cell), p(f.source, cell)] for f in aspect.figures]
            story.append(_table(rows, [width * 0.38, width * 0.32, width * 0.30]))
        for table in aspect.tables:
            story.append(p(table.title, h3))
            if table.rows:
                rows = [[p(h, head) for h in table.header]]
                rows += [[p(c, cell) for c in r] for r in table.rows]
                unit = width / (len(table.header) + 1.5)  # the first column (what) gets 2.5 shares
                story.append(_table(rows, [unit * 2.5] + [unit] * (len(table.header) - 1)))
            else:
                story.append(p(table.empty, body))
            story.append(p(f"Sumber: {table.source}", small))
        if aspect.manual:
            story.append(p(f"Tidak tercatat di sistem ({MANUAL}):", h3))
            story += [p(f"• {item} — {MANUAL}", body) for item in aspect.manual]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"PEKPPP {pack.site_code} {pack.year}",
        author="P4 Desk",
    )
    doc.build(story)
    return buffer.getvalue()


def _table(rows: list[list[Any]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LIGHT]),
            ]
        )
    )
    return table


# --- XLSX -----------------------------------------------------------------------------------


def render_pack_xlsx(pack: PekpppPack) -> bytes:
    """A summary sheet of every figure, then one sheet per table."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F4E79")
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Ringkasan"
    summary.append([f"Bukti dukung PEKPPP {pack.site_name} ({pack.site_code}) tahun {pack.year}"])
    summary["A1"].font = Font(bold=True, size=13)
    summary.append([f"Dicetak {format_datetime(pack.printed_at)}"])
    summary.append([])
    summary.append(["Aspek", "Bobot (%)", "Indikator", "Nilai", "Sumber catatan"])
    for c in summary[summary.max_row]:
        c.font, c.fill = bold, fill
    for aspect in pack.aspects:
        for f in aspect.figures:
            summary.append([aspect.name, aspect.weight, f.label, f.value, f.source])
        for item in aspect.manual:
            summary.append([aspect.name, aspect.weight, item, MANUAL, ""])
    for column, width in (("A", 34), ("B", 9), ("C", 48), ("D", 36), ("E", 48)):
        summary.column_dimensions[column].width = width
    used: set[str] = {summary.title}
    for aspect in pack.aspects:
        for table in aspect.tables:
            ws = wb.create_sheet(_sheet_title(table.title, used))
            ws.append([table.title])
            ws["A1"].font = Font(bold=True, size=12)
            ws.append([f"Sumber: {table.source}"])
            ws.append([])
            ws.append(list(table.header))
            for c in ws[ws.max_row]:
                c.font, c.fill = bold, fill
            for row in table.rows:
                ws.append(list(row))
            if not table.rows:
                ws.append([table.empty])
            for index in range(len(table.header)):
                ws.column_dimensions[chr(ord("A") + index)].width = 22
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str, used: set[str]) -> str:
    """An Excel sheet name: at most 31 characters, none of ``[]:*?/\\``, unique in the book."""
    clean = "".join("-" if ch in "[]:*?/\\" else ch for ch in title)[:31]
    name, n = clean, 2
    while name in used:
        suffix = f" ({n})"
        name, n = clean[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name
