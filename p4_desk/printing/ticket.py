"""Queue ticket for 58/80 mm thermal paper, as a PDF (preview, OS printer, fallback).

The page is as wide as the roll and exactly as tall as its content: thermal printers fed an
A4 page print a metre of blank paper. Everything printed is in Bahasa Indonesia and in the
site's time zone (WIB/WITA/WIT), never UTC.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from p4_desk.domain.wording import datetime_parts, format_estimate, format_number, format_time
from p4_desk.errors import P4Error

PAPER_WIDTHS_MM = (58, 80)


class PrinterError(P4Error):
    """The ticket printer could not print; the ticket stays reprintable."""

    code = "printer_error"


@dataclass(frozen=True)
class TicketPrintData:
    """Everything printed on one queue ticket."""

    site_name: str
    agency_name: str
    service_name: str
    number: str
    issued_at: datetime  # aware
    people_ahead: int
    estimated_wait_minutes: int | None
    ticket_uid: str  # encoded in the QR code when there is no ``page_url``
    priority_label: str | None = None  # e.g. "Prioritas: Lansia"
    footer: str = ""
    copy: bool = False  # a reprint: marked "SALINAN"
    timezone: str = "Asia/Jakarta"  # zoneinfo key of the site
    #: the citizen's "my ticket" page (``{central.public_url}/t/{token}``), encoded in the QR
    page_url: str | None = None

    @property
    def qr_value(self) -> str:
        return self.page_url or self.ticket_uid

    counters: tuple[str, ...] = ()  # the counters serving the service: where the citizen goes
    then: tuple[str, ...] = ()  # a visit of several services: the ones after this, in order
    appointment_at: datetime | None = None  # a booking checked in on time: "Janji temu 10.30 WIB"

    def __post_init__(self) -> None:
        if self.issued_at.tzinfo is None or self.issued_at.utcoffset() is None:
            raise ValueError("issued_at must be an aware datetime")


@dataclass(frozen=True)
class TicketTexts:
    """The sentences of a ticket, shared by the PDF and ESC/POS renderers."""

    title: str
    copy: str | None
    priority: str | None
    issued_parts: tuple[str, str]  # date, then "pukul 10.30 WIB"
    ahead: str
    wait: str | None
    qr_caption: str  # under the QR code
    where: str | None = None
    then: str | None = None  # "Lanjut ke: Pajak Kendaraan, lalu Kartu Keluarga"
    appointment: str | None = None

    @property
    def issued(self) -> str:
        return " ".join(self.issued_parts)

    @property
    def details(self) -> list[str]:
        return [line for line in (self.issued, self.ahead, self.wait, self.where, self.then) if line]

    @property
    def marks(self) -> list[str]:
        return [mark for mark in (self.appointment, self.priority, self.copy) if mark]


def ticket_texts(data: TicketPrintData) -> TicketTexts:
    minutes = data.estimated_wait_minutes
    wait = f"Perkiraan waktu tunggu: {format_estimate(minutes)}" if minutes is not None else None
    return TicketTexts(
        title="NOMOR ANTRIAN",
        copy="SALINAN" if data.copy else None,
        priority=data.priority_label,
        issued_parts=datetime_parts(data.issued_at, data.timezone),
        ahead=f"Jumlah antrian di depan Anda: {format_number(data.people_ahead)}",
        wait=wait,
        qr_caption="Pindai untuk memantau antrian di ponsel" if data.page_url else data.ticket_uid,
        where=f"Dilayani di: {', '.join(data.counters)}" if data.counters else None,
        then=f"Lanjut ke: {', lalu '.join(data.then)}" if data.then else None,
        appointment=(
            f"Janji temu {format_time(data.appointment_at, data.timezone)}" if data.appointment_at else None
        ),
    )


# --- PDF ----------------------------------------------------------------------------------

_Draw = Callable[[Canvas, float], None]  # draws one block with its top at y


@dataclass(frozen=True)
class _Block:
    height: float
    draw: _Draw


def render_ticket_pdf(data: TicketPrintData, paper_mm: int = 80) -> bytes:
    """The ticket as a one-page PDF, ``paper_mm`` (58 or 80) wide and as tall as its content."""
    if paper_mm not in PAPER_WIDTHS_MM:
        raise ValueError(f"paper_mm must be one of {PAPER_WIDTHS_MM}, got {paper_mm}")
    page_width = paper_mm * mm
    margin = (3 if paper_mm == 58 else 4) * mm
    blocks = _ticket_blocks(data, paper_mm, page_width, page_width - 2 * margin)
    page_height = sum(b.height for b in blocks) + 2 * margin

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(page_width, page_height), pageCompression=1)
    canvas.setTitle(f"Tiket antrian {data.number}")
    canvas.setAuthor(data.site_name)
    y = page_height - margin
    for block in blocks:
        block.draw(canvas, y)
        y -= block.height
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _ticket_blocks(
    data: TicketPrintData, paper_mm: int, page_width: float, text_width: float
) -> list[_Block]:
    texts = ticket_texts(data)
    small = 7.5 if paper_mm == 58 else 8.5
    body = 8.5 if paper_mm == 58 else 10
    centre = page_width / 2
    blocks = [
        *_text(data.site_name, "Helvetica-Bold", body + 1, centre, text_width),
        *_text(data.agency_name, "Helvetica", small, centre, text_width),
        _rule(centre, text_width),
        *_text(texts.title, "Helvetica", body, centre, text_width),
        _big_number(data.number, paper_mm, centre, text_width),
        *_text(data.service_name, "Helvetica-Bold", body + 2, centre, text_width),
    ]
    if texts.appointment:
        blocks.append(_boxed(texts.appointment, body + 1, centre, text_width))
    if texts.priority:
        blocks.append(_boxed(texts.priority, body + 1, centre, text_width))
    if texts.copy:
        blocks.append(_boxed(texts.copy, body + 3, centre, text_width))
    blocks.append(_space(2 * mm))
    for line in texts.details:
        # one line each, shrunk a little rather than broken ("... 10.15 / WITA"); the shrunk
        # size stays a hair below the exact fit, which rounding would otherwise break again
        size = max(body * 0.8, min(body, 0.995 * body * text_width / _width(line, body)))
        blocks += _text(line, "Helvetica", size, centre, text_width)
    blocks.append(_qr(data.qr_value, (30 if paper_mm == 58 else 38) * mm, centre))
    blocks += _text(texts.qr_caption, "Helvetica", small - 1.5, centre, text_width)
    if data.footer:
        blocks.append(_rule(centre, text_width))
        blocks += _text(data.footer, "Helvetica-Oblique", small, centre, text_width)
    return blocks


def _text(text: str, font: str, size: float, centre: float, width: float) -> list[_Block]:
    leading = size * 1.25

    def draw_line(line: str) -> _Draw:
        return lambda canvas, top: _centred(canvas, line, font, size, centre, top - size)

    return [_Block(leading, draw_line(line)) for line in simpleSplit(text, font, size, width)]


def _width(text: str, size: float, font: str = "Helvetica") -> float:
    return float(stringWidth(text, font, size))


def _centred(canvas: Canvas, text: str, font: str, size: float, centre: float, y: float) -> None:
    canvas.setFont(font, size)
    canvas.drawCentredString(centre, y, text)


def _big_number(number: str, paper_mm: int, centre: float, width: float) -> _Block:
    font = "Helvetica-Bold"
    size = 54.0 if paper_mm == 58 else 72.0
    size = min(size, size * width / stringWidth(number, font, size))  # A1000 still fits
    cap_height = size * 0.72
    return _Block(
        cap_height + 5 * mm,
        lambda canvas, top: _centred(canvas, number, font, size, centre, top - 2.5 * mm - cap_height),
    )


def _boxed(text: str, size: float, centre: float, width: float) -> _Block:
    font = "Helvetica-Bold"
    padding = 3 * mm
    size = min(size, size * (width - padding) / _width(text, size, font))  # shrink to fit
    box_width = _width(text, size, font) + padding
    height = size + 2.5 * mm

    def draw(canvas: Canvas, top: float) -> None:
        canvas.setLineWidth(1.2)
        canvas.rect(centre - box_width / 2, top - height + 0.5 * mm, box_width, height - 1 * mm)
        _centred(canvas, text, font, size, centre, top - height / 2 - size * 0.35)

    return _Block(height + 1 * mm, draw)


def _rule(centre: float, width: float) -> _Block:
    def draw(canvas: Canvas, top: float) -> None:
        canvas.setLineWidth(0.5)
        canvas.setDash(2, 2)
        canvas.line(centre - width / 2, top - 1.5 * mm, centre + width / 2, top - 1.5 * mm)
        canvas.setDash()

    return _Block(3 * mm, draw)


def _space(height: float) -> _Block:
    return _Block(height, lambda canvas, top: None)


def _qr(value: str, side: float, centre: float) -> _Block:
    widget = QrCodeWidget(value, barLevel="M", barWidth=side, barHeight=side, barBorder=2)
    drawing = Drawing(side, side)
    drawing.add(widget)
    return _Block(
        side + 1 * mm,
        lambda canvas, top: renderPDF.draw(drawing, canvas, centre - side / 2, top - side),
    )
