"""Permit receipts (*tanda terima berkas*) and hand-over receipts as A4 / A5 PDFs.

The receipt is what the applicant keeps: registration number (also as a QR code of the
site's tracking URL), masked NIK — the caller passes only the masked form, so the full NIK
cannot end up on paper — the documents handed in and still missing, fee, due date, officer,
signature boxes and the complaint channel. A reprint is watermarked SALINAN.

The deadline clock (``clock``): while it is stopped the receipt promises no date but the
working days left once the applicant delivers; a receipt printed after the clock changed is
marked PERUBAHAN PERKIRAAN SELESAI, with the date first promised and the clock's history. A
hand-over to a representative (``proxy``) names them, their masked NIK and the power of
attorney the officer checked.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

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
from p4_desk.printing.qr import QrFlowable, qr_modules
from p4_desk.printing.receipt_content import (
    ReceiptClock,
    ReceiptClockLine,
    ReceiptContent,
    ReceiptDocument,
    ReceiptProxy,
)

__all__ = [
    "PAPERS",
    "QrFlowable",
    "ReceiptClock",
    "ReceiptClockLine",
    "ReceiptContent",
    "ReceiptDocument",
    "ReceiptProxy",
    "qr_modules",
    "render_receipt",
]

PAPERS = {"A4": A4, "A5": A5}


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
        rows += _due_rows(c)
        rows.append(("Status berkas", "Berkas belum lengkap" if c.missing else "Berkas lengkap"))
    elif c.proxy is not None:
        rows.append(("Diserahkan kepada", f"{c.proxy.name} (penerima kuasa)"))
        rows.append(("NIK penerima kuasa", c.proxy.nik_masked))
        letter = "diperiksa petugas"
        if c.proxy.letter_number:
            letter = f"nomor {c.proxy.letter_number}, " + letter
        if c.proxy.letter_date:
            letter = f"tanggal {format_date(c.proxy.letter_date)}, " + letter
        rows.append(("Surat kuasa", letter[0].upper() + letter[1:]))
        if c.handed_over_at:
            rows.append(("Tanggal penyerahan", format_datetime(c.handed_over_at)))
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


def _due_rows(c: ReceiptContent) -> list[tuple[str, str]]:
    """The expected completion: a date while the clock runs; what is left while it stands."""
    clock = c.clock
    rows: list[tuple[str, str]] = []
    if c.due_date is None and clock is not None and clock.stopped_since is not None:
        waiting = f", menunggu {clock.waiting_for}" if clock.waiting_for else ""
        rows.append(
            (
                "Perkiraan selesai",
                f"Jangka waktu berhenti sejak {format_date(clock.stopped_since)}{waiting}; sisa "
                f"{clock.allowance - clock.used} dari {clock.allowance} hari kerja dihitung setelah diterima",
            )
        )
    elif c.due_date is not None:
        due = format_date(c.due_date, weekday=True)
        if c.due_estimated:
            due += " (perkiraan: daftar hari libur resmi belum terbit)"
        rows.append(("Perkiraan selesai" + (" (baru)" if c.revised else ""), due))
    if c.revised and clock is not None:
        if clock.original_due is not None:
            rows.append(("Perkiraan selesai semula", format_date(clock.original_due, weekday=True)))
        rows.append(("Jangka waktu", f"{clock.allowance} hari kerja, terpakai {clock.used}"))
    return rows


def _clock_history(c: ReceiptContent, st: _Styles, width: float) -> list[Flowable]:
    """The clock's changes, on a receipt marked PERUBAHAN PERKIRAAN SELESAI."""
    if not c.revised or c.clock is None or not c.clock.changes:
        return []
    rows: list[list[Any]] = [["Tanggal", "Perubahan jangka waktu", "Terpakai"]]
    for line in c.clock.changes:
        used = "-" if line.used is None else f"{line.used} hari kerja"
        rows.append([format_date(line.day), _p(line.text, st.body), used])
    table = _grid(rows, [0.24 * width, 0.56 * width, 0.20 * width], st)
    return [_p("Riwayat jangka waktu", st.head), table]


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
    table = _grid(rows, [7 * mm, 0.72 * width - 7 * mm, 0.28 * width], st)
    if len(rows) > first_missing:
        table.setStyle(TableStyle([("BACKGROUND", (0, first_missing), (-1, -1), colors.HexColor("#f6f6f6"))]))
    return [_p(heading, st.head), table]


def _grid(rows: list[list[Any]], widths: list[float], st: _Styles) -> Table:
    """A ruled table in the body's type, its header row bold on grey and repeated on a new page."""
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = _tight()
    style.add("FONT", (0, 0), (-1, -1), "Helvetica", st.body.fontSize, st.body.leading)
    style.add("FONT", (0, 0), (-1, 0), "Helvetica-Bold", st.body.fontSize, st.body.leading)
    style.add("GRID", (0, 0), (-1, -1), 0.4, colors.grey)
    style.add("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8"))
    table.setStyle(style)
    return table


def _signatures(c: ReceiptContent, st: _Styles, width: float) -> Flowable:
    left = "Petugas penerima" if c.kind == "intake" else "Petugas yang menyerahkan"
    right = "Pemohon" if c.kind == "intake" else ("Penerima kuasa" if c.proxy else "Penerima")
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
    ]
    if content.revised:
        story.append(_p("PERUBAHAN PERKIRAAN SELESAI", st.title))
    story += [
        _p(content.registration_number, st.number),
        _p("Nomor pendaftaran — sebutkan nomor ini saat menanyakan permohonan", st.center),
        Spacer(1, 2 * mm),
        _facts(content, st, width),
    ]
    story += _documents(content, st, width)
    story += _clock_history(content, st, width)
    if content.kind == "intake":
        story.append(Spacer(1, 2 * mm))
        story.append(
            _p(
                "Perkiraan selesai dihitung dalam hari kerja (tanpa Sabtu, Minggu, hari libur nasional dan "
                "cuti bersama). Jangka waktu berhenti selama petugas menunggu kelengkapan berkas, "
                "pembayaran atau perbaikan dari pemohon, dan berjalan lagi setelah diterima. Bawa tanda "
                "terima ini dan KTP-el asli saat mengambil izin; kuasa membawa surat kuasa dan KTP-el-nya.",
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
