"""Permit receipts (*tanda terima berkas*) and hand-over receipts as A4 / A5 PDFs.

The receipt is what the applicant keeps: registration number (also as a QR code of the
site's tracking URL), masked NIK — the caller passes only the masked form, so the full NIK
cannot end up on paper — the documents handed in and still missing, fee, due date, officer,
signature boxes and the complaint channel. A reprint is watermarked SALINAN.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from itertools import groupby
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from p4_desk.domain.wording import format_date, format_datetime, format_fee

PAPERS = {"A4": A4, "A5": A5}


@dataclass(frozen=True)
class ReceiptDocument:
    name: str
    mandatory: bool
    received: bool
    note: str = ""


@dataclass(frozen=True)
class ReceiptContent:
    """Everything printed on one receipt; times are already in the site's zone."""

    kind: Literal["intake", "handover"]
    site_name: str
    site_address: str
    agency_name: str
    registration_number: str
    tracking_url: str
    applicant_name: str
    nik_masked: str
    permit_name: str
    product: str
    documents: tuple[ReceiptDocument, ...]
    fee: int
    received_at: datetime  # aware, site zone
    due_date: date
    officer_name: str
    complaint_channel: str
    ticket_number: str | None = None
    copy: bool = False
    handed_over_to: str | None = None
    handed_over_at: datetime | None = None  # aware, site zone
    due_estimated: bool = False  # counted through a year with no official holiday list yet

    def __post_init__(self) -> None:
        if "*" not in self.nik_masked:
            raise ValueError("nik_masked must be a masked NIK")

    @property
    def received(self) -> tuple[ReceiptDocument, ...]:
        return tuple(d for d in self.documents if d.received)

    @property
    def missing(self) -> tuple[ReceiptDocument, ...]:
        return tuple(d for d in self.documents if d.mandatory and not d.received)


# -- layout ------------------------------------------------------------------------------------


class _Styles:
    def __init__(self, scale: float) -> None:
        base = 8.5 * scale
        self.site = ParagraphStyle("site", fontName="Helvetica-Bold", fontSize=base + 3, leading=base + 5)
        self.small = ParagraphStyle("small", fontName="Helvetica", fontSize=base - 1.5, leading=base + 0.5)
        self.title = ParagraphStyle(
            "title", fontName="Helvetica-Bold", fontSize=base + 2, leading=base + 5, alignment=TA_CENTER
        )
        self.number = ParagraphStyle(
            "number", fontName="Courier-Bold", fontSize=base + 7, leading=base + 10, alignment=TA_CENTER
        )
        self.body = ParagraphStyle("body", fontName="Helvetica", fontSize=base, leading=base + 2.5)
        self.bold = ParagraphStyle("bold", parent=self.body, fontName="Helvetica-Bold")
        self.head = ParagraphStyle("head", parent=self.bold, spaceBefore=4, spaceAfter=2)
        self.center = ParagraphStyle("center", parent=self.body, alignment=TA_CENTER)


@lru_cache(maxsize=64)
def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR matrix of ``text`` (level M, mask chosen by the standard penalty rules).

    Cached: a reprint or hand-over receipt of the same number does not encode again.
    """
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    return tuple(tuple(bool(cell) for cell in row) for row in code.modules)


class QrFlowable(Flowable):
    """A QR code drawn as one filled path of row runs (fast; a quiet zone of 4 modules)."""

    QUIET = 4

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.modules = qr_modules(text)
        self.width = self.height = size

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        count = len(self.modules)
        box = self.width / (count + 2 * self.QUIET)
        path = self.canv.beginPath()
        for r, row in enumerate(self.modules):
            y = self.height - (r + self.QUIET + 1) * box
            c = 0
            for dark, run in groupby(row):
                length = len(list(run))
                if dark:
                    path.rect((c + self.QUIET) * box, y, length * box, box)
                c += length
        self.canv.drawPath(path, stroke=0, fill=1)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _header(c: ReceiptContent, st: _Styles, width: float) -> Flowable:
    qr_size = 24 * mm if width < 140 * mm else 32 * mm
    lines = [_p(c.site_name, st.site), _p(c.agency_name, st.body)]
    if c.site_address:
        lines.append(_p(c.site_address, st.small))
    qr_cell = [QrFlowable(c.tracking_url, qr_size), _p("Pindai untuk lacak", st.small)]
    table = Table([[lines, qr_cell]], colWidths=[width - qr_size - 4 * mm, qr_size + 4 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _facts(c: ReceiptContent, st: _Styles, width: float) -> Table:
    rows: list[tuple[str, str]] = [
        ("Tanggal diterima", format_datetime(c.received_at)),
        ("Nama pemohon", c.applicant_name),
        ("NIK", c.nik_masked),
        ("Jenis izin", c.permit_name),
    ]
    if c.product:
        rows.append(("Produk layanan", c.product))
    rows.append(("Biaya", format_fee(c.fee)))
    if c.kind == "intake":
        due = format_date(c.due_date, weekday=True)
        if c.due_estimated:
            due += " (perkiraan: daftar hari libur resmi belum terbit)"
        rows.append(("Perkiraan selesai", due))
        rows.append(("Status berkas", "Berkas belum lengkap" if c.missing else "Berkas lengkap"))
    else:
        rows.append(("Diserahkan kepada", c.handed_over_to or "-"))
        if c.handed_over_at:
            rows.append(("Tanggal penyerahan", format_datetime(c.handed_over_at)))
    if c.ticket_number:
        rows.append(("Nomor antrian", c.ticket_number))
    # Labels are one short line: plain cells (a Paragraph each costs time and adds nothing).
    table = Table(
        [[label, ":", _p(value, st.bold)] for label, value in rows],
        colWidths=[0.30 * width, 3 * mm, 0.70 * width - 3 * mm],
    )
    style = _tight()
    style.add("FONT", (0, 0), (1, -1), "Helvetica", st.body.fontSize, st.body.leading)
    table.setStyle(style)
    return table


def _tight() -> TableStyle:
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 1),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
    )


def _documents(c: ReceiptContent, st: _Styles, width: float) -> list[Flowable]:
    """One checklist: what was handed in, then the mandatory documents still missing."""
    show_missing = bool(c.missing) and c.kind == "intake"
    heading = "Berkas yang diterima dan yang belum diserahkan" if show_missing else "Berkas yang diterima"
    rows: list[list[Any]] = [["No", "Dokumen", "Keterangan"]]
    for d in c.received:
        rows.append([str(len(rows)), _p(d.name, st.body), _p(d.note or "Diterima", st.body)])
    first_missing = len(rows)
    if show_missing:
        for d in c.missing:
            note = "BELUM DISERAHKAN" + (f" — {d.note}" if d.note else "")
            rows.append([str(len(rows)), _p(d.name, st.body), _p(note, st.bold)])
    if len(rows) == 1:
        rows.append(["-", _p("Tidak ada dokumen yang diterima", st.body), ""])
    table = _grid(rows, width, st)
    if len(rows) > first_missing:
        table.setStyle(TableStyle([("BACKGROUND", (0, first_missing), (-1, -1), colors.HexColor("#f6f6f6"))]))
    return [_p(heading, st.head), table]


def _grid(rows: list[list[Any]], width: float, st: _Styles) -> Table:
    table = Table(rows, colWidths=[7 * mm, 0.72 * width - 7 * mm, 0.28 * width], repeatRows=1)
    style = _tight()
    style.add("FONT", (0, 0), (-1, -1), "Helvetica", st.body.fontSize, st.body.leading)
    style.add("FONT", (0, 0), (-1, 0), "Helvetica-Bold", st.body.fontSize, st.body.leading)
    style.add("GRID", (0, 0), (-1, -1), 0.4, colors.grey)
    style.add("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8"))
    table.setStyle(style)
    return table


def _signatures(c: ReceiptContent, st: _Styles, width: float) -> Flowable:
    left = "Petugas penerima" if c.kind == "intake" else "Petugas yang menyerahkan"
    right = "Pemohon" if c.kind == "intake" else "Penerima"
    right_name = c.applicant_name if c.kind == "intake" else (c.handed_over_to or c.applicant_name)
    table = Table(
        [
            [left, right],
            ["", ""],
            [_p(c.officer_name, st.center), _p(right_name, st.center)],
        ],
        colWidths=[width / 2, width / 2],
        rowHeights=[None, 11 * mm, None],
        spaceBefore=2 * mm,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica", st.body.fontSize, st.body.leading),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("BOX", (0, 0), (0, -1), 0.6, colors.black),
                ("BOX", (1, 0), (1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return KeepTogether([table])


def _decorate(c: ReceiptContent, page_size: tuple[float, float], margin: float, scale: float) -> Any:
    width, height = page_size

    def on_page(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        if c.copy:
            canvas.setFillColor(colors.Color(0.6, 0.6, 0.6, alpha=0.35))
            canvas.setFont("Helvetica-Bold", 72 * scale)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(40)
            canvas.drawCentredString(0, 0, "SALINAN")
            canvas.restoreState()
            canvas.saveState()
        canvas.setStrokeColor(colors.grey)
        canvas.line(margin, margin + 8 * mm, width - margin, margin + 8 * mm)
        canvas.setFont("Helvetica", 7 * scale)
        canvas.setFillColor(colors.black)
        canvas.drawString(margin, margin + 4.5 * mm, c.complaint_channel[:150])
        canvas.drawString(margin, margin + 1 * mm, f"Lacak permohonan: {c.tracking_url}"[:150])
        canvas.restoreState()

    return on_page


def render_receipt(content: ReceiptContent, paper: str = "A5") -> bytes:
    """The receipt as PDF bytes on A4 or A5 portrait."""
    page_size = PAPERS[paper]
    scale = 1.0 if paper == "A5" else 1.15
    margin = 10 * mm if paper == "A5" else 18 * mm
    width = page_size[0] - 2 * margin
    st = _Styles(scale)
    title = (
        "TANDA TERIMA BERKAS PERMOHONAN IZIN" if content.kind == "intake" else "TANDA TERIMA PENYERAHAN IZIN"
    )
    story: list[Flowable] = [
        _header(content, st, width),
        Spacer(1, 2 * mm),
        _p(title + (" (SALINAN)" if content.copy else ""), st.title),
        _p(content.registration_number, st.number),
        _p("Nomor pendaftaran — sebutkan nomor ini saat menanyakan permohonan", st.center),
        Spacer(1, 2 * mm),
        _facts(content, st, width),
    ]
    story += _documents(content, st, width)
    if content.kind == "intake":
        story.append(Spacer(1, 2 * mm))
        story.append(
            _p(
                "Perkiraan selesai dihitung dalam hari kerja (tanpa Sabtu, Minggu, hari libur nasional dan "
                "cuti bersama) dan dapat berubah bila berkas belum lengkap. Bawa tanda terima ini dan KTP-el "
                "asli saat mengambil izin.",
                st.small,
            )
        )
    story.append(_signatures(content, st, width))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + 9 * mm,
        title=f"Tanda terima {content.registration_number}",
        author=content.site_name,
        subject=content.permit_name,
    )
    decorate = _decorate(content, page_size, margin, scale)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()
