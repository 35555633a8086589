"""Receipt PDFs: a copy in the archive folder, and printing through the Qt print dialog.

The PDF made by ``printing.receipt`` is the one document: the archive keeps it as is and
the printer gets its pages rasterised (pdfium), so paper and archive never differ.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from p4_desk.config import Settings, data_dir

_MAX_DPI = 200  # enough for text and the QR code; keeps the page image small
_PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A5": QPageSize.PageSizeId.A5}


def archive_folder(settings: Settings) -> Path:
    configured = str(settings.get("printer.receipt_archive") or "").strip()
    return Path(configured) if configured else data_dir() / "receipts"


def archive_receipt(settings: Settings, name: str, pdf: bytes) -> Path:
    """Keep ``pdf`` as ``<archive>/<name>.pdf`` (``-2``, ``-3``… when that name is taken)."""
    folder = archive_folder(settings)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.pdf"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{name}-{counter}.pdf"
    target.write_bytes(pdf)
    return target


def rasterise(pdf: bytes, dpi: float) -> list[QImage]:
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for page in document:
            pil = page.render(scale=dpi / 72).to_pil().convert("RGBA")
            data = pil.tobytes()
            images.append(
                QImage(data, pil.width, pil.height, 4 * pil.width, QImage.Format.Format_RGBA8888).copy()
            )
        return images
    finally:
        document.close()


def paint_pdf(printer: QPrinter, pdf: bytes) -> None:
    """Draw every page of ``pdf`` on ``printer``, one PDF page per sheet, edge to edge."""
    images = rasterise(pdf, min(printer.resolution(), _MAX_DPI))
    painter = QPainter(printer)
    try:
        for index, image in enumerate(images):
            if index:
                printer.newPage()
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            painter.drawImage(target, image)
    finally:
        painter.end()


def make_printer(paper: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)  # the PDF carries its own margins
    printer.setPageSize(QPageSize(_PAGE_SIZES.get(paper, QPageSize.PageSizeId.A5)))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


class ReceiptPreview(QPrintPreviewDialog):
    """Preview of a receipt PDF; its print button sends the same pages to the printer."""

    def __init__(self, pdf: bytes, paper: str, parent: QWidget | None = None) -> None:
        self.printer_target = make_printer(paper)
        super().__init__(self.printer_target, parent)
        self.pdf = pdf
        self.setWindowTitle(self.tr("Receipt preview"))
        self.paintRequested.connect(lambda printer: paint_pdf(printer, self.pdf))
