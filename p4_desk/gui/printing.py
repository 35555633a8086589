"""Queue tickets on an OS printer (the spooler: Windows, CUPS) through QtPrintSupport.

The ticket PDF (the same one used for preview and as fallback) is rasterised with pdfium at
the printer's resolution and painted on a page exactly as wide as the roll (58 or 80 mm) and
as tall as the ticket: a thermal printer driver given an A4 page feeds a metre of paper.
This is also the way around USB printers that python-escpos cannot open on Linux.
"""

from __future__ import annotations

import logging

import pypdfium2
from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from p4_desk.printing import PrinterError

log = logging.getLogger(__name__)

POINTS_PER_MM = 72 / 25.4
RASTER_DPI = 203  # the usual thermal head (8 dots/mm); scaled to the printer's own resolution

NOT_FOUND = "Printer '{name}' tidak ditemukan di komputer ini. Periksa nama printer di pengaturan."
NO_DEFAULT = "Komputer ini belum memiliki printer bawaan. Pilih printer tiket di pengaturan."
FAILED = "Printer '{name}' menolak pekerjaan cetak. Periksa printer (kertas, daya, antrean cetak)."


def installed_printers() -> list[str]:
    """The names of the printers installed on this computer (Windows spooler, CUPS), the
    default one first; empty when there are none."""
    names = list(QPrinterInfo.availablePrinterNames())
    default = QPrinterInfo.defaultPrinterName()
    return sorted(names, key=lambda name: (name != default, name.casefold()))


def ticket_printer(name: str, paper_mm: int, height_mm: float) -> QPrinter:
    """A QPrinter for the named printer (empty: the default) with a roll-sized custom page."""
    if name:
        info = QPrinterInfo.printerInfo(name)
        if info.isNull():
            raise PrinterError(NOT_FOUND.format(name=name))
    else:
        info = QPrinterInfo.defaultPrinter()
        if info.isNull():
            raise PrinterError(NO_DEFAULT)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    set_roll_page(printer, paper_mm, height_mm)
    return printer


def set_roll_page(printer: QPrinter, paper_mm: int, height_mm: float) -> None:
    """Page = roll width x ticket height, no margins, portrait."""
    size = QPageSize(
        QSizeF(paper_mm, height_mm), QPageSize.Unit.Millimeter, "Tiket", QPageSize.SizeMatchPolicy.ExactMatch
    )
    layout = QPageLayout(
        size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    )
    layout.setMode(QPageLayout.Mode.FullPageMode)
    if not printer.setPageLayout(layout):
        log.warning("printer %s refused a %s x %.0f mm page", printer.printerName(), paper_mm, height_mm)
    printer.setFullPage(True)


def pdf_page_image(pdf: bytes, dpi: int = RASTER_DPI) -> tuple[QImage, float, float]:
    """The first page of ``pdf`` as an image, with the page's width and height in mm."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        width_pt, height_pt = page.get_size()
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        image = _to_qimage(bitmap.to_pil())
        page.close()
    finally:
        document.close()
    return image, width_pt / POINTS_PER_MM, height_pt / POINTS_PER_MM


def _to_qimage(picture: object) -> QImage:
    from PIL import Image

    assert isinstance(picture, Image.Image)
    gray = picture.convert("L")
    data = gray.tobytes()
    image = QImage(data, gray.width, gray.height, gray.width, QImage.Format.Format_Grayscale8)
    return image.copy()  # own the pixels: ``data`` is freed with this frame


def paint_ticket(printer: QPrinter, image: QImage) -> None:
    """Paint the ticket image over the whole page of an already configured printer."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError(FAILED.format(name=printer.printerName() or "bawaan"))
    try:
        page = printer.pageLayout().fullRectPixels(printer.resolution())
        painter.drawImage(QRectF(page), image)
    finally:
        painter.end()


def print_pdf_on_os_printer(pdf: bytes, name: str, paper_mm: int) -> None:
    """Print a ticket PDF on the OS printer ``name`` (``p4_desk.services.ticketing.OsPrinter``).

    Works without a running GUI too (the ``p4-desk ticket print --to printer:NAME`` command):
    an off-screen Qt application is created for the painter.
    """
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["p4-desk", "-platform", "offscreen"])  # noqa: F841 - kept alive
    image, _width_mm, height_mm = pdf_page_image(pdf)
    printer = ticket_printer(name, paper_mm, height_mm)
    paint_ticket(printer, image)
