"""Complaint receipt (*tanda terima pengaduan*), A5 PDF.

The reporter reads the number off it to ask about progress. The content is built by
``services.complaint_receipt``: a confidential or anonymous reporter's identity never reaches
it — ``reporter`` is only ever "Dirahasiakan" / "Anonim" for them and ``contact`` is empty.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from p4_desk.domain.wording import format_coordinates, format_date, format_datetime

FOOTER = (
    "Simpan tanda terima ini. Sebutkan nomor pengaduan untuk menanyakan perkembangannya. "
    "Layanan pengaduan tidak dipungut biaya."
)


@dataclass(frozen=True)
class ComplaintReceiptContent:
    """Everything printed on one complaint receipt; times are already in the site's zone."""

    site_name: str
    site_address: str
    number: str
    received_at: datetime  # aware, site zone
    kind_label: str
    agency_name: str
    service_name: str | None
    ticket_ref: str | None
    registration_number: str | None
    service_date: date
    reporter: str  # "Siti Aminah (identitas terbuka)", "Anonim (anonim)"
    contact: str | None  # only for a named reporter
    latitude: float
    longitude: float
    place: str | None
    description: str
    deadlines: tuple[tuple[str, date], ...]  # (stage, due date), in order
    officer_name: str
    copy: bool = False


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()["Normal"]
    return {
        "site": ParagraphStyle("site", base, fontName="Helvetica-Bold", fontSize=11, alignment=1, leading=14),
        "title": ParagraphStyle(
            "title", base, fontName="Helvetica-Bold", fontSize=13, alignment=1, leading=17
        ),
        "number": ParagraphStyle(
            "number", base, fontName="Helvetica-Bold", fontSize=18, alignment=1, leading=24
        ),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=11.5),
        "label": ParagraphStyle(
            "label", base, fontSize=9, leading=11.5, textColor=colors.HexColor("#444444")
        ),
        "small": ParagraphStyle("small", base, fontSize=8, leading=10, textColor=colors.HexColor("#444444")),
        "head": ParagraphStyle("head", base, fontName="Helvetica-Bold", fontSize=9.5, leading=12),
    }


def render_complaint_receipt(c: ComplaintReceiptContent) -> bytes:
    """The receipt as A5 PDF bytes."""
    st = _styles()

    def p(text: str, style: str = "cell") -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), st[style])

    rows = [
        ("Diterima", format_datetime(c.received_at)),
        ("Jenis laporan", c.kind_label),
        ("Instansi", c.agency_name),
        ("Layanan", c.service_name or "-"),
    ]
    if c.ticket_ref:
        rows.append(("Nomor antrian", c.ticket_ref))
    if c.registration_number:
        rows.append(("Nomor pendaftaran", c.registration_number))
    rows.append(("Tanggal pelayanan", format_date(c.service_date)))
    rows.append(("Pelapor", c.reporter))
    if c.contact:
        rows.append(("Kontak", c.contact))
    location = format_coordinates(c.latitude, c.longitude)
    rows.append(("Lokasi", f"{c.place} ({location})" if c.place else location))
    rows.append(("Uraian", c.description))

    details = Table(
        [[p(label, "label"), p(value)] for label, value in rows], colWidths=[32 * mm, None], hAlign="LEFT"
    )
    details.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    due_rows = [[p("Tahap", "head"), p("Batas waktu", "head")]] + [
        [p(stage), p(format_date(due))] for stage, due in c.deadlines
    ]
    deadlines = Table(due_rows, colWidths=[62 * mm, None], hAlign="LEFT")
    deadlines.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF4")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story: list[Flowable] = [p(c.site_name, "site")]
    if c.site_address:
        story.append(p(c.site_address, "small"))
    story += [
        Spacer(1, 3 * mm),
        p("TANDA TERIMA PENGADUAN" + (" (SALINAN)" if c.copy else ""), "title"),
        p(c.number, "number"),
        Spacer(1, 3 * mm),
        details,
        Spacer(1, 4 * mm),
        p("Batas waktu penanganan (hari kerja, SP4N-LAPOR!)", "head"),
        Spacer(1, 1.5 * mm),
        deadlines,
        Spacer(1, 5 * mm),
        p(f"Petugas penerima: {c.officer_name}"),
        Spacer(1, 3 * mm),
        p(FOOTER, "small"),
    ]
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A5,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=f"Tanda terima pengaduan {c.number}",
        author=c.site_name,
    )
    doc.build(story)
    return out.getvalue()
