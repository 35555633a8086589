"""Complaint receipt (*tanda terima pengaduan*), A5 PDF.

The reporter reads the number off it to ask about progress. A confidential or anonymous
reporter's identity is never on it: the receipt only ever prints ``reporter_label``
("Dirahasiakan" / "Anonim") for them, and ``ComplaintInfo`` does not even carry their identity.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from p4_desk.domain.complaint_deadlines import DEADLINE_LABELS
from p4_desk.printing.ticket import MONTH_NAMES, ZONE_ABBREVIATIONS
from p4_desk.services import complaints, site
from p4_desk.services.complaints import IDENTITIES, ComplaintInfo
from p4_desk.store.db import Database

FOOTER = (
    "Simpan tanda terima ini. Sebutkan nomor pengaduan untuk menanyakan perkembangannya. "
    "Layanan pengaduan tidak dipungut biaya."
)


def long_date(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def local_datetime(moment: datetime, timezone: str) -> str:
    local = moment.astimezone(ZoneInfo(timezone))
    return f"{long_date(local.date())} {local:%H:%M} {ZONE_ABBREVIATIONS.get(timezone, timezone)}"


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


def build_complaint_receipt(
    c: ComplaintInfo, *, site_name: str, timezone: str, address: str = "", copy: bool = False
) -> bytes:
    st = _styles()

    def p(text: str, style: str = "cell") -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), st[style])

    contact = " / ".join(x for x in (c.reporter_phone, c.reporter_email) if x)
    rows = [
        ("Diterima", local_datetime(c.received_at, timezone)),
        ("Jenis laporan", c.kind_label),
        ("Instansi", c.agency_name),
        ("Layanan", c.service_name or "-"),
    ]
    if c.ticket_ref:
        rows.append(("Nomor antrian", c.ticket_ref))
    if c.registration_number:
        rows.append(("Nomor pendaftaran", c.registration_number))
    rows.append(("Tanggal pelayanan", long_date(c.service_date)))
    rows.append(("Pelapor", f"{c.reporter_label} ({IDENTITIES[c.identity].lower()})"))
    if c.identity == "named" and contact:
        rows.append(("Kontak", contact))
    location = f"{c.latitude:.5f}, {c.longitude:.5f}"
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
        [p(DEADLINE_LABELS.get(name, name)), p(long_date(due))] for name, due in c.deadlines.items()
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
    story: list[Flowable] = [p(site_name, "site")]
    if address:
        story.append(p(address, "small"))
    story += [
        Spacer(1, 3 * mm),
        p("TANDA TERIMA PENGADUAN" + (" (SALINAN)" if copy else ""), "title"),
        p(c.number, "number"),
        Spacer(1, 3 * mm),
        details,
        Spacer(1, 4 * mm),
        p("Batas waktu penanganan (hari kerja, SP4N-LAPOR!)", "head"),
        Spacer(1, 1.5 * mm),
        deadlines,
        Spacer(1, 5 * mm),
        p(f"Petugas penerima: {c.officer_name or c.officer or '-'}"),
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
        author=site_name,
    )
    doc.build(story)
    return out.getvalue()


def complaint_receipt(db: Database, number: str, *, copy: bool = False) -> bytes:
    """The receipt of a stored complaint, as PDF bytes."""
    info = complaints.get_complaint(db, number)
    about = site.get_site(db)
    return build_complaint_receipt(
        info,
        site_name=about.name,
        timezone=about.timezone,
        address=str(site.get_setting(db, "site.address") or ""),
        copy=copy,
    )
