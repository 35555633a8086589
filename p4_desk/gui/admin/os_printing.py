"""Print a PDF on an OS printer through QtPrintSupport (QtPdf renders the pages)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from p4_desk.printing import PrinterError


def print_pdf(pdf: bytes, printer_name: str, dpi: int = 203) -> None:
    if printer_name not in QPrinterInfo.availablePrinterNames():
        raise PrinterError(f"Printer '{printer_name}' tidak ditemukan di sistem ini.")
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PrinterError("Dokumen cetak tidak dapat dibaca.")
    printer = QPrinter(QPrinterInfo.printerInfo(printer_name), QPrinter.PrinterMode.HighResolution)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError(f"Printer '{printer_name}' menolak pekerjaan cetak.")
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
            image = document.render(page, size)
            target = QRectF(painter.viewport())
            scale = min(target.width() / size.width(), target.height() / size.height())
            painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), image)
    finally:
        painter.end()
